"""The forum's public pages: sessions, agreements, minutes downloads and the calendar feed.

The record is built through the services, as the facilitator would: the 14th session is
held and its minutes approved at the 15th and published; the 15th is held and its minutes
are still a draft.
"""

import datetime
import io
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from pypdf import PdfReader

from abierto.directory.models import Institution
from abierto.directory.tests.factories import InstitutionFactory, PersonFactory
from abierto.forum import services
from abierto.forum.models import (
    Agreement,
    AgreementStatus,
    Forum,
    Minutes,
    Seat,
    Sector,
    Session,
)
from abierto.forum.services import RollCallEntry

from .factories import ForumFactory, SeatFactory, SessionFactory

MEETING_URL = "https://us02web.zoom.us/j/81234567890?pwd=EnlaceQueNoSePublica"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class Record:
    forum: Forum
    seats: list[Seat]
    contraloria: Institution
    previous: Session
    current: Session
    pending: Agreement
    agenda_agreement: Agreement
    published: Minutes
    draft: Minutes


def _convened(actor, forum, *, number, date):
    session = services.session_create(
        actor=actor,
        forum=forum,
        number=number,
        date=date,
        start_time=datetime.time(11, 0),
        modality=Session.Modality.VIRTUAL,
        place="Plataforma Zoom",
        meeting_url=MEETING_URL,
    )
    services.session_convene(actor=actor, session=session, date=date - datetime.timedelta(days=7))
    session.refresh_from_db()
    return session


def build_record(actor):
    forum = ForumFactory()
    contraloria = InstitutionFactory(
        name="Secretaría de la Contraloría del Estado de México", acronym="SECOGEM"
    )
    seats = [
        SeatFactory(forum=forum, sector=Sector.FACILITATION, label="Facilitación"),
        SeatFactory(forum=forum, sector=Sector.CIVIL_SOCIETY, label="Sociedad Civil 1"),
        SeatFactory(forum=forum, sector=Sector.GUARANTOR, label="Infoem"),
        SeatFactory(
            forum=forum,
            sector=Sector.PUBLIC_BODIES,
            label="Contraloría",
            institution=contraloria,
            holder=PersonFactory(name="Rosa Contralora", public_role="Directora"),
        ),
        SeatFactory(forum=forum, sector=Sector.JUDICIARY, label="Poder Judicial"),
    ]

    previous = _convened(actor, forum, number=14, date=datetime.date(2022, 9, 30))
    services.roll_call_record(
        actor=actor, session=previous, entries=[RollCallEntry(seat=s, holder=True) for s in seats]
    )
    _vote, pending = services.vote_record(
        actor=actor,
        agenda_item=previous.agenda.get(number=2),
        motion="Programar una sesión de sensibilización para la Contraloría.",
        votes_for=5,
        agreement_text="Se acuerda programar una sesión de sensibilización en gobierno abierto "
        "para la Secretaría de la Contraloría.",
        responsible=contraloria,
        due_date=datetime.date(2023, 2, 24),
        requires_follow_up=True,
    )
    services.session_close(
        actor=actor, session=previous, end_time=datetime.time(12, 30), unvoted_confirmed=True
    )

    current = _convened(actor, forum, number=15, date=datetime.date(2022, 12, 16))
    services.roll_call_record(
        actor=actor,
        session=current,
        entries=[
            RollCallEntry(seat=seats[0], holder=True),
            RollCallEntry(seat=seats[1], alternate=True),
            RollCallEntry(seat=seats[2], delegate_name="Lic. Ana Delegada"),
            RollCallEntry(seat=seats[3], holder=True),
        ],
    )
    services.guest_add(
        actor=actor, session=current, name="Mtro. Invitado Especial", role="Subsecretario"
    )
    _vote, agenda_agreement = services.vote_record(
        actor=actor,
        agenda_item=current.agenda.get(number=2),
        motion="Aprobación del orden del día.",
        votes_for=4,
        agreement_text="Se aprueba por unanimidad de votos el orden del día, en sus términos.",
    )
    published = Minutes.objects.get(session=previous)
    services.minutes_approve(
        actor=actor, minutes=published, agenda_item=current.agenda.get(number=3), votes_for=4
    )
    published = services.minutes_publish(actor=actor, minutes=published)
    services.agreement_follow_up(
        actor=actor,
        agreement=pending,
        status=AgreementStatus.IN_PROGRESS,
        note="La Contraloría propuso fechas en marzo para la sesión de sensibilización.",
        session=current,
    )
    services.session_close(
        actor=actor, session=current, end_time=datetime.time(12, 40), unvoted_confirmed=True
    )
    return Record(
        forum=forum,
        seats=seats,
        contraloria=contraloria,
        previous=Session.objects.get(pk=previous.pk),
        current=Session.objects.get(pk=current.pk),
        pending=Agreement.objects.get(pk=pending.pk),
        agenda_agreement=agenda_agreement,
        published=Minutes.objects.get(pk=published.pk),
        draft=Minutes.objects.get(session=current),
    )


@pytest.fixture
def record(facilitator):
    return build_record(facilitator)


def url(name, *args):
    return reverse(f"forum:{name}", args=args)


def assert_no_inline_code(html):
    """The CSP allows only the site's own files: no inline script, style or handler."""
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert "<style" not in html
    assert " style=" not in html
    assert not re.search(r"\son[a-z]+=", html)


# Session list -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_session_list_shows_every_public_session_newest_first(client, record):
    response = client.get(url("session_list"))
    assert response.status_code == 200
    html = response.text
    assert html.index("Décimo Quinta Sesión Ordinaria") < html.index(
        "Décimo Cuarta Sesión Ordinaria"
    )
    assert record.current.get_absolute_url() in html
    assert "2 sesiones" in html
    assert "Plataforma Zoom" in html
    assert url("calendar_ics") in html
    assert_no_inline_code(html)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"anio": "2022"}, {14, 15}),
        ({"anio": "2021"}, set()),
        ({"tipo": "ordinary"}, {14, 15}),
        ({"tipo": "extraordinary"}, set()),
        ({"estado": "held"}, {15}),
        ({"estado": "minutes_approved"}, {14}),
        ({"anio": "2022", "estado": "held", "tipo": "ordinary"}, {15}),
    ],
)
def test_the_session_list_filters_by_year_kind_and_status(client, record, query, expected):
    response = client.get(url("session_list"), query)
    assert response.status_code == 200
    assert {s.number for s in response.context["page"].object_list} == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"anio": "dos mil"},
        {"anio": "1850"},
        {"anio": "99999999999999999999999"},
        {"tipo": "secreta"},
        {"estado": "<script>alert(1)</script>"},
        {"pagina": "abc"},
        {"pagina": "-3"},
        {"pagina": "9999"},
        {"anio": ["2022", "abc"]},
    ],
)
def test_bad_session_filters_never_fail(client, record, query):
    response = client.get(url("session_list"), query)
    assert response.status_code in {200, 400}
    assert "<script>alert" not in response.text
    if response.status_code == 400:
        assert "Algunos filtros no son válidos y no se aplicaron" in response.text


@pytest.mark.django_db
def test_a_bad_filter_is_named_and_the_good_ones_still_apply(client, record):
    response = client.get(url("session_list"), {"anio": "abc", "estado": "held"})
    assert response.status_code == 400
    assert "Algunos filtros no son válidos" in response.text
    assert "Año" in response.text
    assert [s.number for s in response.context["page"].object_list] == [15]


@pytest.mark.django_db
def test_the_session_list_is_paginated_and_pages_keep_the_filters(client):
    forum = ForumFactory()
    for number in range(1, 26):
        SessionFactory(forum=forum, number=number, date=datetime.date(2022, 1, 1))
    first = client.get(url("session_list"), {"anio": "2022"})
    assert len(first.context["page"].object_list) == 20
    assert "25 sesiones" in first.text
    assert "anio=2022&amp;pagina=2" in first.text
    second = client.get(url("session_list"), {"anio": "2022", "pagina": "2"})
    assert len(second.context["page"].object_list) == 5


@pytest.mark.django_db
def test_the_navigation_marks_the_current_section(client, record):
    html = client.get(url("session_list")).text
    assert re.search(r'href="/sesiones/" aria-current="page">Sesiones<', html)
    assert re.search(r'href="/acuerdos/">Acuerdos<', html)
    html = client.get(url("agreement_list")).text
    assert re.search(r'href="/acuerdos/" aria-current="page">Acuerdos<', html)


# Session page -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_session_page_shows_the_whole_public_record(client, record):
    response = client.get(record.current.get_absolute_url())
    assert response.status_code == 200
    html = response.text
    assert "<h1>Décimo Quinta Sesión Ordinaria</h1>" in html
    assert "16 de diciembre de 2022" in html.lower()  # Django's es_MX capitalises months
    assert "De 11:00 a 12:40 h" in html
    assert "Virtual" in html
    assert "Plataforma Zoom" in html
    assert "Celebrada" in html
    assert record.current.convocation.reference in html
    # The agenda, in Roman numerals, with the kind of each item.
    for numeral in ["I.", "II.", "III.", "IV.", "V.", "VI."]:
        assert f'<span class="agenda-number" aria-hidden="true">{numeral}</span>' in html
    assert "Lista de asistencia y declaratoria de quórum." in html
    assert "Para acuerdo" in html
    assert "Informativo" in html
    # Attendance grouped by sector, with the capacity of each person.
    assert html.index("Facilitación") < html.index("Sociedad Civil") < html.index("Órgano Garante")
    assert "Suplente" in html
    assert "Lic. Ana Delegada" in html
    assert "En representación" in html
    assert "Personas invitadas" in html
    assert "Mtro. Invitado Especial" in html
    assert "Asientos con voto presentes: 4 de 5; el quórum requiere 3." in html
    assert "Hubo quórum." in html
    # Votes and agreements.
    assert "STL/XV/1/2022" in html
    assert "Se aprueba por unanimidad de votos el orden del día" in html
    assert "por unanimidad" in html
    assert "A favor: 4 · En contra: 0 · Abstenciones: 0" in html
    # Follow-up reported at this session.
    assert record.pending.code in html
    assert "La Contraloría propuso fechas en marzo" in html
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_an_upcoming_session_lists_the_pending_agreements_it_will_review(
    client, record, facilitator
):
    upcoming = _convened(facilitator, record.forum, number=16, date=datetime.date(2023, 2, 24))
    html = client.get(upcoming.get_absolute_url()).text
    assert "que esta sesión revisa" in html
    assert record.pending.code in html
    assert "La lista de asistencia se registra el día de la sesión." in html
    assert "El acta se publica una vez aprobada" in html


@pytest.mark.django_db
def test_a_cancelled_session_says_so_everywhere(client, record, facilitator):
    upcoming = _convened(facilitator, record.forum, number=16, date=datetime.date(2023, 2, 24))
    services.session_cancel(actor=facilitator, session=upcoming, reason="Sin quórum previsto.")
    html = client.get(upcoming.get_absolute_url()).text
    assert "Esta sesión se canceló." in html
    assert "badge-session-cancelled" in html
    listed = client.get(url("session_list"), {"estado": "cancelled"})
    assert [s.number for s in listed.context["page"].object_list] == [16]
    assert b"STATUS:CANCELLED" in client.get(url("calendar_ics")).content


@pytest.mark.django_db
def test_a_draft_is_not_shown_to_the_public(client, record):
    html = client.get(record.current.get_absolute_url()).text
    assert "El acta se publica una vez aprobada" in html
    assert "BORRADOR" not in html
    assert url("minutes_pdf", record.current.public_id) not in html


@pytest.mark.django_db
def test_the_facilitator_sees_the_draft_marked_as_such(client_as, facilitator, record):
    html = client_as(facilitator).get(record.current.get_absolute_url()).text
    assert "BORRADOR" in html
    assert url("minutes_pdf", record.current.public_id) in html
    assert url("minutes_docx", record.current.public_id) in html


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member", "citizen", "outsider"])
def test_no_other_role_sees_the_draft(client_as, request, record, role):
    user = request.getfixturevalue(role)
    html = client_as(user).get(record.current.get_absolute_url()).text
    assert "BORRADOR" not in html
    assert "El acta se publica una vez aprobada" in html


@pytest.mark.django_db
def test_published_minutes_are_embedded_with_their_downloads_and_hash(client, record):
    html = client.get(record.previous.get_absolute_url()).text
    assert 'class="minutes-document"' in html
    assert url("minutes_pdf", record.previous.public_id) in html
    assert url("minutes_docx", record.previous.public_id) in html
    assert record.published.content_hash in html
    assert "BORRADOR" not in html
    assert "El acta se publica una vez aprobada" not in html
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_the_convocation_letter_is_linked_for_the_facilitation_only(
    client, client_as, facilitator, record, settings, tmp_path
):
    # The stored letter prints the link to join, for the members it is sent to.
    settings.MEDIA_ROOT = tmp_path
    convocation = record.current.convocation
    convocation.letter.save("STL-002-2022.pdf", ContentFile(b"%PDF-1.7 " + MEETING_URL.encode()))
    public = client.get(record.current.get_absolute_url()).text
    assert convocation.reference in public
    assert convocation.letter.url not in public
    assert "Descargar el oficio" not in public
    own = client_as(facilitator).get(record.current.get_absolute_url()).text
    assert convocation.letter.url in own


@pytest.mark.django_db
def test_an_unknown_session_or_agreement_is_a_404(client):
    assert client.get(url("session_detail", "no-existe")).status_code == 404
    assert client.get(url("agreement_detail", "no-existe")).status_code == 404
    assert client.get(url("minutes_pdf", "no-existe")).status_code == 404
    assert client.get(url("minutes_docx", "no-existe")).status_code == 404


@pytest.mark.django_db
def test_only_get_and_head_are_allowed(client, record):
    assert client.post(record.current.get_absolute_url()).status_code == 405
    assert client.post(url("calendar_ics")).status_code == 405
    assert client.head(url("calendar_ics")).status_code == 200


# Minutes downloads --------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["minutes_pdf", "minutes_docx"])
def test_unpublished_minutes_are_a_404_for_the_public(client, client_as, member, record, name):
    assert client.get(url(name, record.current.public_id)).status_code == 404
    assert client_as(member).get(url(name, record.current.public_id)).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "extension", "mime"), [("minutes_pdf", "pdf", PDF), ("minutes_docx", "docx", DOCX)]
)
def test_the_facilitator_downloads_the_draft(client_as, facilitator, record, name, extension, mime):
    response = client_as(facilitator).get(url(name, record.current.public_id))
    assert response.status_code == 200
    assert response["Content-Type"] == mime
    assert response["Content-Disposition"] == (
        f'attachment; filename="acta-STL-15-ordinaria-2022-12-16-borrador.{extension}"'
    )
    assert "no-store" in response["Cache-Control"]
    assert "ETag" not in response
    assert len(response.content) > 100


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "extension", "mime"), [("minutes_pdf", "pdf", PDF), ("minutes_docx", "docx", DOCX)]
)
def test_published_minutes_download_with_their_hash_as_etag(client, record, name, extension, mime):
    response = client.get(url(name, record.previous.public_id))
    assert response.status_code == 200
    assert response["Content-Type"] == mime
    assert response["Content-Disposition"] == (
        f'attachment; filename="acta-STL-14-ordinaria-2022-09-30.{extension}"'
    )
    assert response["ETag"] == f'W/"{record.published.content_hash}"'
    assert "public" in response["Cache-Control"]
    if extension == "pdf":
        assert response.content.startswith(b"%PDF")
    else:
        assert response.content.startswith(b"PK")  # a DOCX is a zip
    again = client.get(url(name, record.previous.public_id), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    other = client.get(url(name, record.previous.public_id), HTTP_IF_NONE_MATCH='"otra"')
    assert other.status_code == 200


# Agreements ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_agreement_list_shows_each_agreement_with_a_count(client, record):
    response = client.get(url("agreement_list"))
    assert response.status_code == 200
    html = response.text
    count = Agreement.objects.count()
    assert count == 3
    assert f"{count} acuerdos" in html
    for agreement in Agreement.objects.all():
        assert agreement.code in html
        assert agreement.get_absolute_url() in html
    assert "Secretaría de la Contraloría del Estado de México" in html
    assert "24 de febrero de 2023" in html.lower()
    assert "En proceso" in html
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_the_agreement_list_filters(client, record):
    def codes(query):
        response = client.get(url("agreement_list"), query)
        assert response.status_code == 200, response.text
        return {a.code for a in response.context["page"].object_list}

    assert codes({"estado": "in_progress"}) == {record.pending.code}
    assert codes({"estado": "pending"}) == set()
    assert record.agenda_agreement.code in codes({"estado": "done"})
    assert codes({"anio": "2022"}) == set(Agreement.objects.values_list("code", flat=True))
    assert codes({"anio": "2023"}) == set()
    assert codes({"sesion": record.previous.public_id}) == {record.pending.code}
    assert codes({"responsable": record.contraloria.public_id}) == {record.pending.code}
    assert codes({"q": "sensibilización"}) == {record.pending.code}
    assert codes({"q": "STL/XIV"}) == {record.pending.code}
    assert codes({"q": "orden del día", "sesion": record.current.public_id}) == {
        record.agenda_agreement.code
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"estado": "olvidado"},
        {"anio": "abc"},
        {"sesion": "no-existe"},
        {"responsable": "'; DROP TABLE forum_agreement; --"},
        {"q": "x" * 5000},
        {"q": "%_\\"},
        {"pagina": "0"},
    ],
)
def test_bad_agreement_filters_never_fail(client, record, query):
    response = client.get(url("agreement_list"), query)
    assert response.status_code in {200, 400}
    if response.status_code == 400:
        assert "Algunos filtros no son válidos y no se aplicaron" in response.text
    assert Agreement.objects.count() == 3


@pytest.mark.django_db
def test_the_agreement_page_shows_the_vote_and_the_follow_up_timeline(client, record):
    response = client.get(record.pending.get_absolute_url())
    assert response.status_code == 200
    html = response.text
    assert "Acuerdo STL/XIV/1/2022" in html
    assert "sesión de sensibilización en gobierno abierto" in html
    assert record.previous.get_absolute_url() in html
    assert "Aprobado" in html
    assert "A favor: 5 · En contra: 0 · Abstenciones: 0" in html
    assert "Secretaría de la Contraloría del Estado de México" in html
    assert "24 de febrero de 2023" in html.lower()
    assert "En proceso" in html
    # The timeline: date, session where it was reported, status and note.
    assert "16 de diciembre de 2022" in html.lower()
    assert f'Informado en la <a href="{record.current.get_absolute_url()}">' in html
    assert "La Contraloría propuso fechas en marzo" in html
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_an_agreement_without_follow_up_says_so(client, record):
    html = client.get(record.agenda_agreement.get_absolute_url()).text
    assert "no requiere seguimiento" in html


# The link to join a meeting is never public -------------------------------------------------


@pytest.mark.django_db
def test_the_meeting_url_never_appears_in_public_pages(client, record):
    paths = [
        url("session_list"),
        record.previous.get_absolute_url(),
        record.current.get_absolute_url(),
        url("agreement_list"),
        record.pending.get_absolute_url(),
        url("calendar_ics"),
        "/api/v1/sessions",
        f"/api/v1/sessions/{record.current.public_id}",
        f"/api/v1/sessions/{record.previous.public_id}",
        "/api/v1/agreements",
        f"/api/v1/agreements/{record.pending.public_id}",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.content.decode()
        assert "zoom.us/j" not in body, path
        assert "EnlaceQueNoSePublica" not in body, path


@pytest.mark.django_db
def test_the_meeting_url_is_not_in_the_published_minutes_files(client, record):
    pdf = client.get(url("minutes_pdf", record.previous.public_id)).content
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Décimo Cuarta" in text
    assert "zoom.us" not in text
    docx = client.get(url("minutes_docx", record.previous.public_id)).content
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        document = archive.read("word/document.xml").decode()
    assert "Décimo Cuarta" in document
    assert "zoom.us" not in document


@pytest.mark.django_db
def test_a_link_typed_as_the_place_is_not_published(client, record):
    session = SessionFactory(
        forum=record.forum, number=40, place=MEETING_URL, meeting_url=MEETING_URL
    )
    for path in [session.get_absolute_url(), url("session_list"), url("calendar_ics")]:
        body = client.get(path).content.decode()
        assert "EnlaceQueNoSePublica" not in body, path
    assert client.get(f"/api/v1/sessions/{session.public_id}").json()["location"] == "Virtual"


# Calendar feed ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_calendar_feed_is_icalendar_with_validators(client, record):
    response = client.get(url("calendar_ics"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.content.startswith(b"BEGIN:VCALENDAR\r\n")
    assert response["ETag"].startswith('W/"')
    assert "Last-Modified" in response
    assert record.previous.public_id.encode() in response.content
    assert record.current.public_id.encode() in response.content


@pytest.mark.django_db
def test_the_calendar_feed_answers_a_conditional_get_with_304(client, record, facilitator):
    first = client.get(url("calendar_ics"))
    etag, last_modified = first["ETag"], first["Last-Modified"]
    by_etag = client.get(url("calendar_ics"), HTTP_IF_NONE_MATCH=etag)
    assert by_etag.status_code == 304
    assert by_etag["ETag"] == etag
    assert by_etag.content == b""
    by_date = client.get(url("calendar_ics"), HTTP_IF_MODIFIED_SINCE=last_modified)
    assert by_date.status_code == 304
    # A change to a session changes the feed.
    upcoming = _convened(facilitator, record.forum, number=16, date=datetime.date(2023, 2, 24))
    services.session_update(actor=facilitator, session=upcoming, place="Palacio de Gobierno")
    changed = client.get(url("calendar_ics"), HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert b"Palacio de Gobierno" in changed.content


class _DuplicateAttributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = [name for name, _value in attrs]
        if len(names) != len(set(names)):
            self.found.append(self.get_starttag_text() or tag)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/acuerdos/", "/sesiones/"])
def test_no_element_repeats_an_attribute(client, record, path):
    parser = _DuplicateAttributes()
    parser.feed(client.get(path).text)
    assert parser.found == []
