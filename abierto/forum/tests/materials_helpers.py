"""Sample files and a session with a presenter's institution, for the materials' tests."""

from __future__ import annotations

import io
import zipfile

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from abierto.directory.models import Person
from abierto.directory.tests.factories import InstitutionFactory, PersonFactory
from abierto.forum.models import AgendaItem, Session

from .factories import AgendaItemFactory, SessionFactory

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def office(part: str, extra: int = 0) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
        if extra:
            archive.writestr("ppt/media/bomb.bin", b"\x00" * extra)
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def presenting_item(user: User, *, status: str = Session.Status.CONVENED) -> AgendaItem:
    """An agenda item presented by someone of ``user``'s institution."""
    institution = InstitutionFactory(name="Secretaría de la Contraloría", acronym="SECOGEM")
    Person.objects.update_or_create(
        user=user, defaults={"name": "Carmen Prueba", "institution": institution}
    )
    session = SessionFactory(number=15, status=status)
    presenter = PersonFactory(institution=institution, name="Mtra. Presentadora")
    return AgendaItemFactory.create(
        session=session, number=4, title="Propuesta de calendario.", presenter=presenter
    )
