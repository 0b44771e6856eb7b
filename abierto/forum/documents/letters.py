"""The convocation letter (oficio) that convenes the members."""

from __future__ import annotations

import re

from django.template.loader import render_to_string
from django.utils import translation

from abierto.lib.roman import to_roman
from abierto.lib.spanish import WEEKDAYS, date_to_text

from ..minutes_text import platform_name
from ..models import Convocation, Seat, Sector, Session
from .common import LANGUAGE, LETTER_PLACE, TEMPLATES, _local_iso
from .markup import clean_text
from .pdf import render_pdf

# --- Convocation letter ----------------------------------------------------------


def _venue(session: Session) -> tuple[str, str]:
    """How the letter says where the session is, and the link to print after it, if any."""
    place = " ".join(session.place.split())
    url = session.meeting_url
    if session.modality == Session.Modality.VIRTUAL:
        where = "en modalidad virtual"
        if place:
            where += f", a través de la plataforma {platform_name(place)}"
        return where, url
    if session.modality == Session.Modality.HYBRID:
        where = "en modalidad híbrida: de manera presencial"
        where += f" en {place}" if place else ""
        return where + " y a distancia", url
    return (f"en {place}" if place else "de manera presencial"), ""


def _facilitator_name(convocation: Convocation) -> str:
    seat = (
        Seat.objects.filter(forum=convocation.forum, sector=Sector.FACILITATION)
        .active_on(convocation.date)
        .select_related("holder")
        .order_by("order")
        .first()
    )
    return seat.holder.display_name if seat is not None else ""


def convocation_pdf(convocation: Convocation) -> bytes:
    """The official letter (oficio) that convenes the members, with the agenda.

    It goes only to the members, so it prints the link to join a virtual session.
    """
    session = convocation.session
    forum = session.forum
    where, url = _venue(session)
    weekday = WEEKDAYS[session.date.weekday()]
    subject = f"Convocatoria a la {session.title}"
    body = clean_text(convocation.body).strip()
    with translation.override("es-mx"):
        html = render_to_string(
            f"{TEMPLATES}/oficio.html",
            {
                "convocation": convocation,
                "session": session,
                "forum": forum,
                "title": f"Oficio {convocation.reference}: {subject}",
                "subject": subject,
                "language": LANGUAGE,
                "place_and_date": f"{LETTER_PLACE}, a {date_to_text(convocation.date)}",
                "session_day": f"{weekday} {date_to_text(session.date)}",
                "session_time": session.start_time.strftime("%H:%M") if session.start_time else "",
                "where": where,
                "meeting_url": url,
                "agenda": [
                    (to_roman(item.number), item.title)
                    for item in session.agenda.order_by("number")
                ],
                "body_paragraphs": [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()],
                "facilitator": _facilitator_name(convocation),
                "created": _local_iso(convocation.created_at),
            },
        )
    return render_pdf(html)
