"""Demo materials of the 15th session, in the acta's own words.

The acta says the 14th session's draft acta «fue remitido en días pasados por medios
electrónicos a cada integrante»: it is recorded as sent with the 15th's convocation. Item
VIII presented the 2023 calendar of sessions; its proposal is rendered as a PDF from the
calendar the acta contains (the sessions that its agreement scheduled), nothing more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO, cast

from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.utils import translation

from abierto.lib.roman import to_roman
from abierto.lib.spanish import WEEKDAYS, date_to_text

from . import services
from .documents import render_pdf
from .models import AgendaItem, Minutes, Session
from .services.materials import draft_minutes_record_sent

if TYPE_CHECKING:
    from django.contrib.auth.models import User

SYSTEM = cast("User", None)


def calendar_proposal_pdf(item: AgendaItem) -> bytes:
    """The calendar proposal of ``item``: the sessions its approval scheduled, day by day."""
    session = item.session
    scheduled = Session.objects.filter(calendar_agreement__session=session).order_by("date")
    year = scheduled[0].date.year if scheduled else session.date.year + 1
    rows = [
        (f"{WEEKDAYS[s.date.weekday()].capitalize()} {date_to_text(s.date)}", s.title)
        for s in scheduled
    ]
    with translation.override("es-mx"):
        html = render_to_string(
            "forum/documents/calendar_proposal.html",
            {
                "language": "es-MX",
                "forum": session.forum,
                "session": session,
                "title": f"Propuesta de calendario de sesiones {year}",
                "item_roman": to_roman(item.number),
                "session_date": date_to_text(session.date),
                "rows": rows,
            },
        )
    return render_pdf(html)


def load(*, stdout: TextIO) -> None:
    fifteenth = Session.objects.filter(
        forum__acronym="STL", kind=Session.Kind.ORDINARY, number=15
    ).first()
    fourteenth = Session.objects.filter(
        forum__acronym="STL", kind=Session.Kind.ORDINARY, number=14
    ).first()
    if fifteenth is None or fifteenth.materials.exists():
        return
    minutes_14 = Minutes.objects.filter(session=fourteenth).first()
    if minutes_14 is not None:
        draft_minutes_record_sent(actor=SYSTEM, session=fifteenth, minutes=minutes_14)
    calendar_item = fifteenth.agenda.filter(title__icontains="calendario de sesiones").first()
    if calendar_item is not None:
        year = fifteenth.date.year + 1
        services.material_add(
            actor=SYSTEM,
            agenda_item=calendar_item,
            title=f"Propuesta de calendario de sesiones del Secretariado Técnico Local {year}",
            is_public=True,
            file=SimpleUploadedFile(
                f"propuesta-calendario-stl-{year}.pdf", calendar_proposal_pdf(calendar_item)
            ),
            presented_before_platform=True,
        )
    stdout.write(f"Materiales: {fifteenth.materials.count()} en la {fifteenth.title}.\n")
