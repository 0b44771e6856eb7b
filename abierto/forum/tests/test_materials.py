"""Materials per agenda item: who provides them, what is checked, what is stored."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied

from abierto.directory.models import AuditEvent
from abierto.forum import services
from abierto.forum.models import Session, SessionMaterial
from abierto.forum.selectors_materials import materials_for, opendata_materials
from abierto.forum.services import ForumError

from .factories import AgendaItemFactory
from .materials_helpers import PDF, office, presenting_item, upload

pytestmark = pytest.mark.django_db


def _stored_files(settings) -> list:
    root = settings.MEDIA_ROOT / "sesiones"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_the_presenters_clerk_uploads_a_pdf_with_its_hash(agency_clerk, settings):
    item = presenting_item(agency_clerk)
    material = services.material_add(
        actor=agency_clerk,
        agenda_item=item,
        title="Propuesta de calendario 2023",
        is_public=True,
        file=upload("calendario 2023.pdf", PDF),
    )
    material.refresh_from_db()
    assert material.sha256 == hashlib.sha256(PDF).hexdigest()
    assert material.file_type == "pdf"
    assert material.provider_name == "Secretaría de la Contraloría (SECOGEM)"
    assert material.file.read() == PDF
    event = AuditEvent.objects.get(action="material.added")
    assert event.actor == agency_clerk
    assert event.changes["sha256"] == material.sha256


def test_a_link_is_a_material_too(facilitator):
    item = AgendaItemFactory()
    material = services.material_add(
        actor=facilitator, agenda_item=item, title="Micrositio", url="https://example.org/stl"
    )
    assert material.kind == SessionMaterial.Kind.LINK
    with pytest.raises(ForumError, match="dirección web válida"):
        services.material_add(
            actor=facilitator, agenda_item=item, title="Malo", url="javascript:alert(1)"
        )


def test_someone_of_another_institution_cannot_upload(agency_clerk, member):
    item = presenting_item(agency_clerk)
    with pytest.raises(PermissionDenied):
        services.material_add(
            actor=member, agenda_item=item, title="Ajeno", file=upload("a.pdf", PDF)
        )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("avance.pdf", b"MZ\x90\x00 un ejecutable", "no es un PDF válido"),
        ("avance.pptx", office("word/document.xml"), "PowerPoint"),
        ("avance.exe", b"MZ\x90\x00", "Formato no admitido"),
        ("avance.pdf", PDF + b"0" * (20 * 1024 * 1024), "el máximo es 20"),
        ("bomba.pptx", office("ppt/presentation.xml", extra=80 * 1024 * 1024), "excesivo"),
        ("bomba.docx", office("word/document.xml", extra=80 * 1024 * 1024), "excesivo"),
        ("bomba.xlsx", office("xl/workbook.xml", extra=80 * 1024 * 1024), "excesivo"),
    ],
)
def test_bad_uploads_are_refused_in_spanish_and_store_nothing(
    facilitator, settings, name, content, message
):
    item = AgendaItemFactory()
    with pytest.raises(ForumError, match=message):
        services.material_add(
            actor=facilitator, agenda_item=item, title="Avance", file=upload(name, content)
        )
    assert not SessionMaterial.objects.exists()
    assert _stored_files(settings) == []


def test_materials_are_added_before_the_session_only(facilitator):
    item = AgendaItemFactory(session__status=Session.Status.HELD)
    with pytest.raises(ForumError, match="antes de celebrarse"):
        services.material_add(
            actor=facilitator, agenda_item=item, title="Tarde", file=upload("a.pdf", PDF)
        )


def test_only_public_materials_of_held_sessions_are_public(facilitator, citizen, member):
    item = AgendaItemFactory()
    public = services.material_add(
        actor=facilitator, agenda_item=item, title="Pública", is_public=True, url="https://a.mx"
    )
    private = services.material_add(
        actor=facilitator, agenda_item=item, title="Privada", file=upload("p.pdf", PDF)
    )
    session = item.session
    assert list(materials_for(citizen, session)) == []  # not yet held
    assert set(materials_for(member, session)) == {public, private}
    Session.objects.filter(pk=session.pk).update(status=Session.Status.HELD)
    session.refresh_from_db()
    assert list(materials_for(citizen, session)) == [public]
    assert list(opendata_materials()) == [public]


def test_removing_a_material_deletes_its_file(
    facilitator, settings, django_capture_on_commit_callbacks
):
    item = AgendaItemFactory()
    with django_capture_on_commit_callbacks(execute=True):
        material = services.material_add(
            actor=facilitator, agenda_item=item, title="Borrar", file=upload("b.pdf", PDF)
        )
        assert len(_stored_files(settings)) == 1
        services.material_remove(actor=facilitator, material=material)
    assert not SessionMaterial.objects.exists()
    assert _stored_files(settings) == []


def test_the_recording_link_is_validated(facilitator):
    item = AgendaItemFactory(session__status=Session.Status.HELD)
    session = services.session_recording_set(
        actor=facilitator, session=item.session, url="https://www.youtube.com/watch?v=abc"
    )
    assert session.recording_url == "https://www.youtube.com/watch?v=abc"
    with pytest.raises(ForumError, match="dirección web válida"):
        services.session_recording_set(actor=facilitator, session=session, url="ftp://x/y")
