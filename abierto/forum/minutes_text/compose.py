"""The whole acta, in the order the STL's actas follow."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import translation

from abierto.lib.roman import to_roman

from ..models import AgendaItem, Agreement, Session
from .items import _closing_sentence, _item_blocks, _presenter, agreement_block
from .people import _opening, _roll_call_blocks, _signature_blocks
from .words import _is_closing, _is_roll_call, _line, _without_final_period, fold


def _orphan_agreement_blocks(agreements: Iterable[Agreement]) -> list[str]:
    boxes = [agreement_block(agreement) for agreement in agreements]
    if not boxes:
        return []
    return ["Asimismo, durante la sesión se tomaron los siguientes acuerdos:", *boxes]


def compose_minutes(session: Session) -> str:
    """The draft acta of ``session``, in the markup described in the package's docstring."""
    with translation.override("es-mx"):  # an acta is a Spanish document, whatever the UI says
        return _compose(session)


def _agenda_lines(items: list[AgendaItem]) -> str:
    """«- I. Lista de asistencia…;», each with its presenter; «; y» before the last."""
    lines = []
    for index, item in enumerate(items):
        text = _without_final_period(item.title).rstrip(";,")
        presenter = _presenter(item)
        name = _line(item.presenter.display_name) if item.presenter else presenter
        if presenter and fold(name.split(",")[0]) not in fold(text):  # «Mensaje de X» names X
            text = f"{text}, por parte de {presenter}"
        if index == len(items) - 1:
            end = "."
        elif index == len(items) - 2:
            end = "; y"
        else:
            end = ";"
        lines.append(f"- {to_roman(item.number)}. {text}{end}")
    return "\n".join(lines)


def _compose(session: Session) -> str:
    items = list(session.agenda.select_related("presenter").order_by("number"))
    agreements = list(session.agreements.select_related("responsible").order_by("number"))
    by_item: dict[int, list[Agreement]] = {}
    orphans: list[Agreement] = []
    item_ids = {item.pk for item in items}
    for agreement in agreements:
        if agreement.agenda_item_id in item_ids:
            by_item.setdefault(agreement.agenda_item_id, []).append(agreement)
        else:
            orphans.append(agreement)

    title = f"Acta de la {session.title} del {session.forum.name}"
    blocks = [f"# {title.upper()}", _opening(session), "# Orden del día"]
    if items:
        blocks.append(_agenda_lines(items))
    else:
        blocks.append("No se registró orden del día.")
    if not any(_is_roll_call(item) for item in items):
        blocks.extend(_roll_call_blocks(session))

    closed = False
    for item in items:
        if _is_closing(item):
            blocks.extend(_orphan_agreement_blocks(orphans))
            orphans = []
            closed = True
        blocks.extend(_item_blocks(session, item, by_item.get(item.pk, [])))
    blocks.extend(_orphan_agreement_blocks(orphans))
    if not closed:
        blocks.append(_closing_sentence(session))
    blocks.extend(_signature_blocks(session))
    return "\n\n".join(blocks) + "\n"
