"""The acta of a held session, written from its structured record.

``compose_minutes(session)`` returns the draft that the facilitator then edits in a
textarea. It follows the form of the STL's own actas (its 15th ordinary session is the
model): one opening paragraph with the time and date in words, who convened the session
and with which oficio, and everyone present with their role and whom they represent; the
agenda; then each item, opened by its Roman numeral, told in the third person, with its
votes and its agreements set apart in a box, the calendar as a table; the closing with who
closed the session and when, in words; and the signatures.

The text format is a tiny markup that ``abierto.forum.documents.parse_minutes`` reads and
every renderer (web page, PDF, DOCX) shares:

- Paragraphs are separated by blank lines; a single line break inside a paragraph is kept.
- A line starting with ``# `` is a heading: ``# ORDEN DEL DÍA``. A heading that starts with
  a Roman numeral (``# I. Lista de asistencia y declaratoria de quórum.``), or a line
  starting with ``## ``, is a sub-heading.
- Consecutive lines starting with ``- `` form a list; a list ends at a blank line.
- A paragraph starting with ``ACUERDO `` is an agreement and is printed in a box:
  ``ACUERDO STL/XV/1/2022: Se aprueba por unanimidad de votos el orden del día.``
- Consecutive lines that start and end with ``|`` form a table (a Markdown pipe table): a
  row ``| --- | --- |`` after the first makes that first row the header.
- A heading ``# FIRMAS`` starts the signatures: every following line, up to the next
  heading, is one signature written ``Nombre | Cargo``.

Nothing else is special: any other text is an ordinary paragraph, so whatever the
facilitator types is kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from django.utils import translation

from abierto.lib.roman import to_roman
from abierto.lib.spanish import (
    WEEKDAYS,
    date_to_text,
    date_to_words,
    number_to_words,
    time_to_words,
)

from .models import (
    AgendaItem,
    Agreement,
    AgreementFollowUp,
    Attendance,
    Seat,
    Sector,
    Session,
    Vote,
)
from .selectors import agreements_to_review, quorum_state, roll_call

# Where the forum sits: in-person sessions happen there unless the place names another city.
SEAT_CITY = "la Ciudad de Toluca de Lerdo, Estado de México"

CLOSING_SENTENCE = (
    "No habiendo más asuntos que tratar, se da por concluida la sesión{when}, firmando al "
    "calce quienes en ella intervinieron."
)

_CAPACITY_ORDER: dict[str, int] = {
    Attendance.Capacity.HOLDER: 0,
    Attendance.Capacity.ALTERNATE: 1,
    Attendance.Capacity.DELEGATE: 2,
}


def fold(text: str) -> str:
    """Lower-case ``text`` without accents and with single spaces, to compare titles."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def _line(text: str) -> str:
    """One line of markup: user text with its line breaks and runs of spaces collapsed."""
    return " ".join(text.split())


def _sentence(text: str) -> str:
    text = _line(text)
    if text and text[-1] not in ".:;!?…":
        text += "."
    return text


def _without_final_period(text: str) -> str:
    return _line(text).rstrip(".")


def _paragraphs(text: str) -> list[str]:
    """A narrative typed by the facilitator, as paragraphs of markup."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return [chunk.strip() for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]


def _is_roll_call(item: AgendaItem) -> bool:
    return "lista de asistencia" in fold(item.title)


def _is_follow_up(item: AgendaItem) -> bool:
    return "seguimiento de acuerdos" in fold(item.title)


def _is_general_affairs(item: AgendaItem) -> bool:
    return "asuntos generales" in fold(item.title)


def _is_closing(item: AgendaItem) -> bool:
    return fold(item.title).startswith("clausura")


# --- Opening ----------------------------------------------------------------


def platform_name(place: str) -> str:
    """Drop a leading «Plataforma»: the acta says «la plataforma Zoom», never «Plataforma Zoom»."""
    return re.sub(r"^(?:la\s+)?plataforma\s+", "", _line(place), flags=re.IGNORECASE)


def _where(session: Session) -> str:
    """Where the session is held, as the opening's first words say it."""
    place = _line(session.place)
    if session.modality == Session.Modality.VIRTUAL:
        return "En el Estado de México"
    if place and "estado de mexico" in fold(place):
        return f"En {place}"
    return f"En {SEAT_CITY}"


def _venue(session: Session) -> str:
    """How the members met: «a través de la plataforma Zoom», «en la Sala …»."""
    place = _line(session.place)
    if session.modality == Session.Modality.VIRTUAL:
        if place:
            return f"a través de la plataforma {platform_name(place)}"
        return "por medios electrónicos"
    if session.modality == Session.Modality.HYBRID:
        there = f" en {place}" if place and "estado de mexico" not in fold(place) else ""
        return f"de manera presencial{there} y a distancia por medios electrónicos"
    if place and "estado de mexico" not in fold(place):
        return f"en {place}"
    return ""


def _facilitator(session: Session) -> tuple[str, str]:
    """``("el Facilitador", "Horacio Rodríguez Jiménez")``: who convenes and closes."""
    seat = (
        Seat.objects.filter(forum=session.forum, sector=Sector.FACILITATION)
        .active_on(session.date)
        .select_related("holder")
        .order_by("order")
        .first()
    )
    if seat is None:
        return "la Facilitación", ""
    role = fold(seat.holder.public_role)
    title = "la Facilitadora" if role.startswith("facilitadora") else "el Facilitador"
    return title, _line(seat.holder.display_name)


def _convened(session: Session) -> str:
    convocation = session.convocation_or_none
    if convocation is None:
        return ""
    title, name = _facilitator(session)
    by = f"por {title} {name}".rstrip() if name else f"por {title}"
    return (
        f"a la cual fueron convocados {by}, mediante el oficio número "
        f"{convocation.reference}, de fecha {date_to_words(convocation.date)}"
    )


def _opening(session: Session) -> str:
    when = f"el día {date_to_words(session.date)}"
    if session.start_time is not None:
        when = f"siendo {time_to_words(session.start_time)} del día {date_to_words(session.date)}"
    parts = [
        f"{_where(session)}, {when}, se encuentran reunidos los integrantes del "
        f"{session.forum.name}, para celebrar su {session.title}"
    ]
    parts.extend(part for part in (_venue(session), _convened(session)) if part)
    present = _present_phrase(session)
    if present:
        parts.append(f"estando presentes: {present}")
    return ", ".join(parts) + (
        ", con la finalidad de desahogar la sesión bajo el siguiente orden del día:"
    )


# --- Roll call ----------------------------------------------------------------


def _seat_place(seat: Seat) -> str:
    """The seat as the acta names it: «Órgano Garante (Infoem)», or just «Sociedad Civil 1»."""
    sector = str(Sector(seat.sector).label)
    label = _line(seat.label)
    if not label or fold(label).startswith(fold(sector)):
        return label or sector
    return f"{sector} ({label})"


def _capacity_phrase(row: Attendance, seat: Seat) -> str:
    if row.capacity == Attendance.Capacity.HOLDER:
        return "titular"
    if row.capacity == Attendance.Capacity.ALTERNATE:
        return "suplente"
    return f"en representación de {_line(seat.holder.display_name)}"


def _role(row: Attendance) -> str:
    role = _line(row.role)
    # A delegate's default role already says "En representación de …", as the capacity does.
    if row.capacity == Attendance.Capacity.DELEGATE and fold(role).startswith("en representacion"):
        return ""
    return role


def _seat_rows(session: Session) -> list[tuple[Attendance, Seat]]:
    """Who attended for a seat, in the seats' order: holder, alternate, then delegate."""
    rows = list(
        session.attendance.exclude(capacity=Attendance.Capacity.GUEST).select_related("seat")
    )
    ordered: list[tuple[Attendance, Seat]] = []
    seen: set[int] = set()
    for presence in roll_call(session):
        mine = [row for row in rows if row.seat_id == presence.seat.pk]
        mine.sort(key=lambda row: (_CAPACITY_ORDER.get(row.capacity, 9), row.pk))
        ordered.extend((row, presence.seat) for row in mine)
        seen.update(row.pk for row in mine)
    # Rows for a seat no longer current on the session's date still belong to the acta.
    ordered.extend((row, row.seat) for row in rows if row.pk not in seen and row.seat is not None)
    return ordered


def _attendee_phrase(row: Attendance, seat: Seat) -> str:
    """«Name, role» as the opening lists it; the seat is said unless the role says it."""
    role = _role(row)
    folded = fold(role)
    if not any(word in folded for word in ("titular", "suplente", "representacion")):
        where = f"{_capacity_phrase(row, seat)} de {_seat_place(seat)}"
        if row.capacity == Attendance.Capacity.DELEGATE:
            where = f"{_capacity_phrase(row, seat)}, por {_seat_place(seat)}"
        role = f"{role}, {where}" if role else where
    return f"{_line(row.name)}, {role}"


def _present_phrase(session: Session) -> str:
    """Everyone present, members first in the seats' order, then guests."""
    members = [_attendee_phrase(row, seat) for row, seat in _seat_rows(session)]
    guests = [
        ", ".join(part for part in (_line(g.name), _line(g.role)) if part)
        + ", en calidad de persona invitada"
        for g in session.attendance.filter(capacity=Attendance.Capacity.GUEST).order_by("id")
    ]
    return "; ".join(members + guests)


def _attendee_line(row: Attendance, seat: Seat) -> str:
    parts = [_line(row.name), _role(row), f"{_seat_place(seat)}, {_capacity_phrase(row, seat)}"]
    return "- " + " — ".join(part for part in parts if part)


def _quorum_sentence(session: Session) -> str:
    quorum = quorum_state(session)
    if quorum.total_seats == 0:
        return (
            "No se registraron asientos con derecho a voto vigentes en la fecha de la sesión, "
            "por lo que no se integró el quórum para sesionar."
        )
    forum = session.forum.name
    if quorum.total_seats == 1:
        seat = "único asiento con derecho a voto"
        lead = "Con la asistencia del" if quorum.present_seats else "Al no encontrarse presente el"
        attendance = f"{lead} {seat} del {forum}"
    else:
        seats = f"los {_seats(quorum.total_seats)} con derecho a voto"
        if quorum.present_seats:
            present = number_to_words(quorum.present_seats)
            attendance = f"Con la asistencia de {present} de {seats} del {forum}"
        else:
            attendance = f"Al no encontrarse presente ninguno de {seats} del {forum}"
    if quorum.reached:
        return (
            f"{attendance}, se declaró la existencia de quórum para sesionar, por lo que los "
            "acuerdos que se tomen en la sesión serán válidos."
        )
    return (
        f"{attendance}, se hizo constar que no se reunió el quórum requerido de "
        f"{_seats(quorum.required)} para sesionar."
    )


def _seats(count: int) -> str:
    """A count of seats in words: «un asiento», «veintiún asientos»."""
    noun = "asiento" if count == 1 else "asientos"
    return f"{number_to_words(count, apocope=True)} {noun}"


def _roll_call_blocks(session: Session) -> list[str]:
    """The roll call told, when the facilitator wrote nothing for it: who is present is
    already in the opening, so this states the quorum (or that nothing was recorded)."""
    title, name = _facilitator(session)
    who = f"{title} {name}".strip() if name else title
    intro = f"{who[0].upper()}{who[1:]} procedió al pase de lista para la verificación del quórum"
    if session.roll_call_at is None and not session.attendance.exists():
        # Nothing recorded (e.g. a session loaded from an earlier record): say so, and state
        # neither an absence nor a quorum that the record does not show.
        return [f"{intro}; la lista de asistencia de esta sesión no consta en el registro."]
    if not _seat_rows(session):
        return [
            f"{intro}, sin que se encontrara presente persona integrante alguna. "
            f"{_quorum_sentence(session)}"
        ]
    return [f"{intro}. {_quorum_sentence(session)}"]


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


def _follow_up_blocks(session: Session, in_item: str | None) -> list[str]:
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
        blocks.extend(_follow_up_blocks(session, None))
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


# --- Signatures ---------------------------------------------------------------


def _signature_line(row: Attendance, seat: Seat) -> str:
    where = f"{_seat_place(seat)}, {_capacity_phrase(row, seat)}"
    role = " — ".join(part for part in (_role(row), where) if part)
    name = _line(row.name).replace("|", "/")
    return f"{name} | {role.replace('|', '/')}"


def _signature_blocks(session: Session) -> list[str]:
    rows = _seat_rows(session)
    if not rows:
        return []
    return ["# FIRMAS", "\n".join(_signature_line(row, seat) for row, seat in rows)]


# --- The whole acta ----------------------------------------------------------


def _orphan_agreement_blocks(agreements: Iterable[Agreement]) -> list[str]:
    boxes = [agreement_block(agreement) for agreement in agreements]
    if not boxes:
        return []
    return ["Asimismo, durante la sesión se tomaron los siguientes acuerdos:", *boxes]


def compose_minutes(session: Session) -> str:
    """The draft acta of ``session``, in the markup described in this module's docstring."""
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
