"""The materials' pages: upload, download, ZIP, observations, recording, the public page."""

import datetime
import hashlib
import io
import zipfile

import pytest
from django.core import mail
from django.urls import reverse

from abierto.forum import services
from abierto.forum.models import Minutes, MinutesObservation, Session, SessionMaterial
from abierto.forum.selectors_materials import draft_paragraphs

from .factories import AgendaItemFactory, SeatFactory, SessionFactory
from .materials_helpers import PDF, office, presenting_item, upload

pytestmark = pytest.mark.django_db


def _materials_url(session):
    return reverse("forum_manage:session_materials", args=[session.public_id])


def test_the_presenters_clerk_uploads_through_the_page(client_as, agency_clerk):
    item = presenting_item(agency_clerk)
    response = client_as(agency_clerk).post(
        _materials_url(item.session),
        {
            "agenda_item": item.pk,
            "title": "Propuesta de calendario",
            "is_public": "on",
            "file": upload("calendario.pdf", PDF),
        },
    )
    assert response.status_code == 302
    material = SessionMaterial.objects.get()
    assert material.sha256 == hashlib.sha256(PDF).hexdigest()
    page = client_as(agency_clerk).get(_materials_url(item.session)).content.decode()
    assert material.sha256 in page


def test_a_bad_upload_gets_a_spanish_400_and_stores_nothing(client_as, facilitator, settings):
    item = AgendaItemFactory()
    response = client_as(facilitator).post(
        _materials_url(item.session),
        {
            "agenda_item": item.pk,
            "title": "Bomba",
            "file": upload("b.xlsx", office("xl/workbook.xml", extra=80 * 1024 * 1024)),
        },
    )
    assert response.status_code == 400
    assert "tamaño excesivo" in response.content.decode()
    assert not SessionMaterial.objects.exists()
    assert not (settings.MEDIA_ROOT / "sesiones").exists()


def test_outsiders_and_citizens_cannot_open_the_materials_page(client_as, outsider, citizen):
    item = AgendaItemFactory()
    assert client_as(outsider).get(_materials_url(item.session)).status_code == 403
    assert client_as(citizen).get(_materials_url(item.session)).status_code == 403


def test_private_files_are_never_served_to_the_public(client, client_as, facilitator, member):
    item = AgendaItemFactory(session__status=Session.Status.HELD)
    private = SessionMaterial.objects.create(
        session=item.session,
        agenda_item=item,
        kind="file",
        title="Privado",
        provider_name="X",
        file="sesiones/materiales/x.pdf",
        file_name="x.pdf",
        file_type="pdf",
        sha256="0" * 64,
    )
    url = reverse("forum:material_file", args=[item.session.public_id, private.public_id])
    assert client.get(url).status_code == 404
    page = client.get(item.session.get_absolute_url()).content.decode()
    assert "Privado" not in page


def test_the_member_downloads_every_material_as_a_zip_with_a_manifest(
    client_as, facilitator, member
):
    item = AgendaItemFactory(number=4)
    services.material_add(
        actor=facilitator,
        agenda_item=item,
        title="Propuesta de calendario",
        file=upload("calendario.pdf", PDF),
    )
    services.material_add(
        actor=facilitator, agenda_item=item, title="Micrositio", url="https://example.org/stl"
    )
    response = client_as(member).get(
        reverse("forum_manage:materials_zip", args=[item.session.public_id])
    )
    assert response.status_code == 200
    assert response.streaming
    data = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names == ["IV-calendario.pdf", "IV-Micrositio.url", "SHA256SUMS.txt"]
        assert archive.read("IV-calendario.pdf") == PDF
        assert (
            f"{hashlib.sha256(PDF).hexdigest()}  IV-calendario.pdf"
            in archive.read("SHA256SUMS.txt").decode()
        )


def test_the_zip_is_for_members_only(client_as, citizen, agency_clerk):
    item = AgendaItemFactory()
    url = reverse("forum_manage:materials_zip", args=[item.session.public_id])
    assert client_as(citizen).get(url).status_code == 403


def test_the_convocation_mail_lists_the_materials_and_the_previous_draft(
    facilitator, django_capture_on_commit_callbacks
):
    earlier = SessionFactory(number=14, status=Session.Status.HELD)
    Minutes.objects.create(session=earlier, text="# ACTA\nTexto del borrador de prueba.\n")
    later = SessionFactory(
        forum=earlier.forum,
        number=15,
        status=Session.Status.PLANNED,
        date=earlier.date.replace(year=2023),
    )
    SeatFactory(forum=earlier.forum, holder__email="titular@example.org")
    item = AgendaItemFactory(session=later, number=4)
    services.material_add(
        actor=facilitator,
        agenda_item=item,
        title="Propuesta de calendario",
        file=upload("calendario.pdf", PDF),
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.session_convene(actor=facilitator, session=later, date=later.date)
    body = next(m for m in mail.outbox if "Convocatoria" in m.subject).body
    assert "IV. Propuesta de calendario" in body
    assert hashlib.sha256(PDF).hexdigest() in body
    assert "Borrador del acta de la Décimo Cuarta Sesión Ordinaria" in body
    assert reverse("forum_manage:minutes_review", args=[earlier.public_id]) in body


def test_members_observe_the_draft_and_the_facilitator_attends_beside_the_editor(
    client_as, client, facilitator, member
):
    earlier = SessionFactory(number=14, status=Session.Status.HELD)
    minutes = Minutes.objects.create(session=earlier, text="# ACTA\nPárrafo observado.\n")
    later = SessionFactory(forum=earlier.forum, number=15, date=earlier.date.replace(year=2023))
    SessionMaterial.objects.create(
        session=later, kind="draft_minutes", minutes=minutes, title="Borrador", provider_name="F"
    )
    review = reverse("forum_manage:minutes_review", args=[earlier.public_id])
    paragraph = draft_paragraphs(minutes)[1]
    member_client = client_as(member)
    assert member_client.get(review).status_code == 200
    response = member_client.post(review, {"paragraph_id": paragraph.id, "text": "Falta la hora."})
    assert response.status_code == 302
    observation = MinutesObservation.objects.get()
    assert observation.author == member
    assert member_client.post(review, {"text": ""}).status_code == 400
    facilitator_client = client_as(facilitator)
    editor = facilitator_client.get(
        reverse("forum_manage:minutes_edit", args=[earlier.public_id])
    ).content.decode()
    assert "Falta la hora." in editor
    facilitator_client.post(
        reverse("forum_manage:observation_attend", args=[earlier.public_id, observation.pk]),
        {"decision": "answer", "answer": "Consta en la grabación."},
    )
    observation.refresh_from_db()
    assert observation.status == MinutesObservation.Status.ANSWERED
    thread = facilitator_client.get(review).content.decode()
    assert "Consta en la grabación." in thread


def test_the_recording_link_shows_on_the_public_page(client, client_as, facilitator):
    session = SessionFactory(status=Session.Status.HELD)
    url = reverse("forum_manage:session_recording", args=[session.public_id])
    bad = client_as(facilitator).post(url, {"recording_url": "javascript:alert(1)"})
    assert bad.status_code == 400
    assert "dirección web válida" in bad.content.decode()
    client_as(facilitator).post(url, {"recording_url": "https://www.youtube.com/watch?v=stl15"})
    client.logout()
    page = client.get(session.get_absolute_url()).content.decode()
    assert "https://www.youtube.com/watch?v=stl15" in page


def test_the_materials_pages_speak_english_too(client, client_as, facilitator):
    item = AgendaItemFactory(number=4)
    services.material_add(
        actor=facilitator,
        agenda_item=item,
        title="Calendario",
        is_public=True,
        url="https://example.org/calendario",
    )
    manage = client_as(facilitator).get(_materials_url(item.session), HTTP_ACCEPT_LANGUAGE="en")
    assert "Materials of the" in manage.text
    assert "Members only" not in manage.text
    assert "Public" in manage.text
    assert "up to 20 MB" in manage.text
    client.logout()
    Session.objects.filter(pk=item.session_id).update(status=Session.Status.HELD)
    public = client.get(item.session.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert "Materials presented" in public.text
    spanish = client.get(item.session.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es-mx")
    assert "Materiales presentados" in spanish.text


def test_the_members_page_lists_the_materials_of_each_convocation(client_as, facilitator, member):
    from abierto.directory.models import Person

    item = AgendaItemFactory(number=4, session__date=datetime.date(2099, 1, 15))
    seat = SeatFactory(forum=item.session.forum)
    Person.objects.filter(pk=seat.holder_id).update(user=member)
    services.material_add(
        actor=facilitator, agenda_item=item, title="Propuesta de calendario", url="https://a.mx"
    )
    page = client_as(member).get(reverse("forum_manage:member_home")).text
    assert "IV. " in page
    assert "Propuesta de calendario" in page
    assert reverse("forum_manage:materials_zip", args=[item.session.public_id]) in page
