"""Each agenda item as the acta tells it: its narrative, votes, agreements (set apart in a
box), the follow-up of earlier agreements, the calendar table and the closing."""

from __future__ import annotations

from abierto.lib.roman import to_roman
from abierto.lib.spanish import (
    WEEKDAYS,
    date_to_text,
    date_to_words,
    number_to_words,
    time_to_words,
)

from ..models import (
    AgendaItem,
    Agreement,
    AgreementFollowUp,
    Session,
    Vote,
)
from ..selectors import agreements_to_review
from .people import _facilitator, _roll_call_blocks
from .words import (
    _is_closing,
    _is_follow_up,
    _is_general_affairs,
    _is_roll_call,
    _line,
    _paragraphs,
    _sentence,
    _without_final_period,
    fold,
)

# --- Votes and agreements ---------------------------------------------------


def _votes(count: int) -> str:
    if count == 0:
        return "ningún voto"
    if count == 1:
        return "un voto"
    return f"{number_to_words(count, apocope=True)} votos"


def _abstentions(count: int) -> str:
    if count == 1:
        return "una abstención"
    return f"{number_to_words(count, feminine=True)} abstenciones"


def _counts(vote: Vote) -> str:
    parts = [f"{_votes(vote.votes_for)} a favor"]
    if vote.votes_against:
        parts.append(f"{_votes(vote.votes_against)} en contra")
    if vote.abstentions:
        parts.append(_abstentions(vote.abstentions))
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " y " + parts[-1]


def _vote_sentence(vote: Vote) -> str:
    motion = _without_final_period(vote.motion)
    if vote.result == Vote.Result.APPROVED and vote.unanimous:
        outcome = "fue aprobada por unanimidad de votos de las personas integrantes presentes"
    elif vote.result == Vote.Result.APPROVED:
        outcome = f"fue aprobada por mayoría de votos, con {_counts(vote)}"
    else:
        outcome = f"no fue aprobada, con {_counts(vote)}"
    return f"Sometida a votación la propuesta «{motion}», {outcome}."


def agreement_block(agreement: Agreement) -> str:
    """``ACUERDO STL/XV/1/2022: …``, with who is responsible and by when, if anyone is."""
    block = f"ACUERDO {agreement.code}: {_sentence(agreement.text)}"
    details = []
    if agreement.responsible is not None:
        details.append(f"Responsable: {_line(agreement.responsible.name)}.")
    if agreement.due_date is not None:
        details.append(f"Fecha compromiso: {date_to_text(agreement.due_date)}.")
    if details:
        block += "\n" + " ".join(details)
    return block


def _item_agreements(
    item: AgendaItem, agreements: list[Agreement], narrative: list[str]
) -> list[str]:
    """Each vote of ``item`` followed by its agreement, then the agreements taken without a vote.

    When the facilitator told the item, a unanimous vote is already in the narrative and in
    the agreement's text; a divided vote's counts are always written down.
    """
    blocks: list[str] = []
    by_vote = {agreement.vote_id: agreement for agreement in agreements if agreement.vote_id}
    shown: set[int] = set()
    for vote in item.votes.order_by("id"):
        if not (narrative and vote.unanimous):
            blocks.append(_vote_sentence(vote))
        if (agreement := by_vote.get(vote.pk)) is not None:
            blocks.append(agreement_block(agreement))
            shown.add(agreement.pk)
    blocks.extend(agreement_block(a) for a in agreements if a.pk not in shown)
    return blocks


# --- Follow-up of agreements ------------------------------------------------


def _reviewed_agreements(session: Session) -> list[tuple[Agreement, AgreementFollowUp | None]]:
    """Open agreements of earlier sessions, plus those whose progress was reported here."""
    reports: dict[int, AgreementFollowUp] = {}
    for follow_up in (
        AgreementFollowUp.objects.filter(session=session)
        .select_related("agreement__session", "agreement__responsible")
        .order_by("reported_on", "id")
    ):
        reports[follow_up.agreement_id] = follow_up  # the latest report of this session wins
    agreements = {agreement.pk: agreement for agreement in agreements_to_review(session)}
    for follow_up in reports.values():
        agreements.setdefault(follow_up.agreement_id, follow_up.agreement)
    ordered = sorted(
        agreements.values(), key=lambda a: (a.session.date, a.session.number, a.number)
    )
    return [(agreement, reports.get(agreement.pk)) for agreement in ordered]


def _follow_up_line(agreement: Agreement, report: AgreementFollowUp | None) -> str:
    parts = [f"{agreement.code} ({agreement.session.title}): {_sentence(agreement.text)}"]
    if agreement.responsible is not None:
        parts.append(f"Responsable: {_line(agreement.responsible.name)}.")
    if agreement.due_date is not None:
        parts.append(f"Fecha compromiso: {date_to_text(agreement.due_date)}.")
    if report is not None:
        parts.append(f"Se informó: {_sentence(report.note)}")
        status = report.get_status_display()
    else:
        status = agreement.get_status_display()
    parts.append(f"Estado: {status}.")
    return "- " + " ".join(parts)


def _follow_up_blocks(session: Session) -> list[str]:
    reviewed = _reviewed_agreements(session)
    if not reviewed:
        return ["No se registraron acuerdos pendientes de cumplimiento de sesiones anteriores."]
    return [
        "Estado de los acuerdos en seguimiento:",
        "\n".join(_follow_up_line(agreement, report) for agreement, report in reviewed),
    ]


# --- Agenda items -------------------------------------------------------------


def _presenter(item: AgendaItem) -> str:
    if item.presenter is not None:
        person = item.presenter
        role = _line(person.public_role)
        return f"{_line(person.display_name)}, {role}" if role else _line(person.display_name)
    return _line(item.presenter_name)


def _closing_sentence(session: Session) -> str:
    title, name = _facilitator(session)
    who = f"{title} {name}".strip() if name else title
    when = ""
    if session.end_time is not None:
        when = f", siendo {time_to_words(session.end_time)} del día {date_to_words(session.date)}"
    return (
        f"No habiendo más puntos que tratar{when}, {who} dio por terminada la {session.title} "
        f"del {session.forum.name}."
    )


def _mentions(narrative: list[str], item: AgendaItem) -> bool:
    """Whether the narrative names the presenter (two consecutive words of the name)."""
    name = item.presenter.name if item.presenter else item.presenter_name.split(",")[0]
    words = fold(name).split()
    told = fold(" ".join(narrative))
    pairs = [" ".join(words[i : i + 2]) for i in range(len(words) - 1)] or words
    return any(pair in told for pair in pairs)


def _has_table(paragraphs: list[str]) -> bool:
    return any(paragraph.startswith("|") for paragraph in paragraphs)


def _calendar_table(agreements: list[Agreement]) -> list[str]:
    """The sessions an agreement of the item scheduled, as the acta's «Día | Sesión» table."""
    rows = []
    for agreement in agreements:
        for planned in agreement.scheduled_sessions.order_by("date"):
            day = f"{WEEKDAYS[planned.date.weekday()].capitalize()} {date_to_text(planned.date)}"
            rows.append(f"| {day} | {planned.title} |")
    if not rows:
        return []
    return ["\n".join(["| Día | Sesión |", "| --- | --- |", *rows])]


def _numbered(roman: str, blocks: list[str]) -> list[str]:
    """The item's first paragraph opens with its numeral, as in «IV.- En el desarrollo…»."""
    for index, block in enumerate(blocks):
        if not block.startswith(("|", "- ", "#", "ACUERDO ")):
            return [*blocks[:index], f"{roman}.- {block}", *blocks[index + 1 :]]
    return [f"{roman}.-", *blocks]


def _item_blocks(session: Session, item: AgendaItem, agreements: list[Agreement]) -> list[str]:
    roman = to_roman(item.number)
    narrative = _paragraphs(item.narrative)
    presenter = _presenter(item)
    in_item = "En desahogo de este punto del orden del día"
    blocks: list[str] = []

    if _is_roll_call(item):
        blocks = narrative or _roll_call_blocks(session)
        blocks = [*blocks, *_item_agreements(item, agreements, narrative)]
    elif _is_closing(item):
        blocks = [*narrative, *_item_agreements(item, agreements, narrative)]
        if not narrative:
            blocks.append(_closing_sentence(session))
    elif _is_follow_up(item):
        if presenter and not narrative:
            blocks.append(f"{in_item}, hizo uso de la voz {presenter}.")
        blocks.extend(narrative)
        blocks.extend(_follow_up_blocks(session))
        blocks.extend(_item_agreements(item, agreements, narrative))
    else:
        has_votes = item.votes.exists()
        if presenter and narrative and not _mentions(narrative, item):
            blocks.append(f"{in_item}, hizo uso de la voz {presenter}.")
        elif presenter and not narrative:
            blocks.append(
                f"{in_item}, hizo uso de la voz {presenter}, quien presentó la información "
                "correspondiente."
            )
        elif not narrative:
            if _is_general_affairs(item) and not has_votes and not agreements:
                blocks.append(f"{in_item}, no se registraron asuntos generales.")
            elif has_votes:
                blocks.append(
                    f"{in_item}, se sometió a la consideración de las personas integrantes la "
                    "propuesta correspondiente."
                )
            else:
                blocks.append(
                    f"{in_item}, se dio cuenta a las personas integrantes de la información "
                    "correspondiente."
                )
        blocks.extend(narrative)
        if not _has_table(narrative):
            blocks.extend(_calendar_table(agreements))
        blocks.extend(_item_agreements(item, agreements, narrative))
    return _numbered(roman, blocks)
