"""The acta of a held session, written from its structured record.

``compose_minutes(session)`` returns the draft that the facilitator then edits in a
textarea. It is formal Mexican Spanish in the third person, as real actas are: the
opening with place, time and date in words, the agenda, one section per agenda item with
its narrative, votes and agreements, the review of pending agreements, the closing and the
signatures.

The text format is a tiny markup that ``abierto.forum.documents.parse_minutes`` reads and
every renderer (web page, PDF, DOCX) shares:

- Paragraphs are separated by blank lines; a single line break inside a paragraph is kept.
- A line starting with ``# `` is a heading: ``# ORDEN DEL DÍA``. A heading that starts with
  a Roman numeral (``# I. Lista de asistencia y declaratoria de quórum.``), or a line
  starting with ``## ``, is a sub-heading.
- Consecutive lines starting with ``- `` form a list; a list ends at a blank line.
- A paragraph starting with ``ACUERDO `` is an agreement and is printed in a box:
  ``ACUERDO STL/XV/1/2022: Se aprueba por unanimidad de votos el orden del día.``
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
from abierto.lib.spanish import date_to_text, date_to_words, number_to_words, time_to_words

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
    place = _line(session.place)
    if session.modality == Session.Modality.VIRTUAL:
        if place:
            return f"En modalidad virtual, a través de la plataforma {platform_name(place)},"
        return "En modalidad virtual, por medios electrónicos,"
    venue = place if place else SEAT_CITY
    if place and "estado de mexico" not in fold(place):
        venue = f"{SEAT_CITY}, en {place}"
    if session.modality == Session.Modality.HYBRID:
        return (
            f"En modalidad híbrida, de manera presencial en {venue} y a distancia por medios "
            "electrónicos,"
        )
    return f"En {venue},"


def _opening(session: Session) -> str:
    when = f"el día {date_to_words(session.date)}"
    if session.start_time is not None:
        when = f"siendo {time_to_words(session.start_time)} del día {date_to_words(session.date)}"
    return (
        f"{_where(session)} {when}, se reunieron las personas integrantes del "
        f"{session.forum.name}, con el propósito de celebrar la {session.title}, bajo el "
        "siguiente:"
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


def _roll_call_blocks(session: Session, roman: str | None) -> list[str]:
    intro = "Se procedió al pase de lista de asistencia"
    if roman:
        intro = f"En desahogo del punto {roman} del orden del día, s{intro[1:]}"
    rows = _seat_rows(session)
    blocks: list[str] = []
    if session.roll_call_at is None and not session.attendance.exists():
        # Nothing recorded (e.g. a session loaded from an earlier record): say so, and state
        # neither an absence nor a quorum that the record does not show.
        return [
            f"{intro}; la lista de asistencia de esta sesión no consta en el registro de la "
            "plataforma."
        ]
    if rows:
        blocks.append(f"{intro}, encontrándose presentes las siguientes personas integrantes:")
        blocks.append("\n".join(_attendee_line(row, seat) for row, seat in rows))
    else:
        blocks.append(f"{intro}, sin que se encontrara presente persona integrante alguna.")
    guests = list(session.attendance.filter(capacity=Attendance.Capacity.GUEST).order_by("id"))
    if guests:
        blocks.append("Asimismo, asistieron en calidad de personas invitadas:")
        blocks.append(
            "\n".join(
                "- " + " — ".join(part for part in (_line(g.name), _line(g.role)) if part)
                for g in guests
            )
        )
    blocks.append(_quorum_sentence(session))
    return blocks


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


def _item_agreements(item: AgendaItem, agreements: list[Agreement]) -> list[str]:
    """Each vote of ``item`` followed by its agreement, then the agreements taken without a vote."""
    blocks: list[str] = []
    by_vote = {agreement.vote_id: agreement for agreement in agreements if agreement.vote_id}
    shown: set[int] = set()
    for vote in item.votes.order_by("id"):
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
        sentence = "no se registraron acuerdos pendientes de cumplimiento de sesiones anteriores."
        return [f"{in_item}, {sentence}" if in_item else sentence[0].upper() + sentence[1:]]
    sentence = (
        "se revisó el estado de los acuerdos pendientes de cumplimiento de sesiones "
        "anteriores, conforme a lo siguiente:"
    )
    return [
        f"{in_item}, {sentence}" if in_item else sentence[0].upper() + sentence[1:],
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
    when = ""
    if session.end_time is not None:
        when = f" siendo {time_to_words(session.end_time)} del mismo día de su inicio"
    return CLOSING_SENTENCE.format(when=when)


def _item_blocks(session: Session, item: AgendaItem, agreements: list[Agreement]) -> list[str]:
    roman = to_roman(item.number)
    in_item = f"En desahogo del punto {roman} del orden del día"
    narrative = _paragraphs(item.narrative)
    presenter = _presenter(item)
    blocks = [f"# {roman}. {_sentence(item.title)}"]

    if _is_roll_call(item):
        blocks.extend(narrative)
        blocks.extend(_roll_call_blocks(session, None if narrative else roman))
        blocks.extend(_item_agreements(item, agreements))
        return blocks
    if _is_closing(item):
        blocks.extend(narrative)
        blocks.extend(_item_agreements(item, agreements))
        blocks.append(_closing_sentence(session))
        return blocks

    if _is_follow_up(item):
        if presenter:
            blocks.append(f"{in_item}, hizo uso de la voz {presenter}.")
        blocks.extend(narrative)
        blocks.extend(_follow_up_blocks(session, None if presenter or narrative else in_item))
        blocks.extend(_item_agreements(item, agreements))
        return blocks

    has_votes = item.votes.exists()
    if presenter and narrative:
        blocks.append(f"{in_item}, hizo uso de la voz {presenter}.")
    elif presenter:
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
    blocks.extend(_item_agreements(item, agreements))
    return blocks


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
    blocks = [f"# {title.upper()}", _opening(session), "# ORDEN DEL DÍA"]
    if items:
        blocks.append(
            "\n".join(f"- {to_roman(item.number)}. {_sentence(item.title)}" for item in items)
        )
    else:
        blocks.append("No se registró orden del día.")
    blocks.append("# DESARROLLO DE LA SESIÓN")
    if not any(_is_roll_call(item) for item in items):
        blocks.extend(_roll_call_blocks(session, None))

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
