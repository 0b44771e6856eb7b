"""Security review (ASVS 12.2.1): an evidence file is what its extension says it is."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from abierto.lib.uploads import Kind, sniff
from abierto.plan import services
from abierto.plan.services import EvidenceInput, PlanError

from .factories import CommitmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen_today():
    with time_machine.travel("2023-01-10 12:00 -06:00", tick=False):
        yield


def opendocument(mimetype: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def _report(actor, name, content):
    return services.progress_report_create(
        actor=actor,
        commitment=CommitmentFactory(),
        date=datetime.date(2022, 12, 16),
        text="Avance.",
        evidence=[EvidenceInput(title="Evidencia", file=SimpleUploadedFile(name, content))],
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("minuta.pdf", b"<html><script>alert(1)</script></html>"),
        ("foto.jpg", b"MZ\x90\x00 un ejecutable"),
        ("cifras.xlsx", b"PK\x03\x04 roto"),
        ("acta.odt", opendocument("application/vnd.oasis.opendocument.spreadsheet")),
    ],
)
def test_evidence_whose_content_does_not_match_its_extension_is_refused(facilitator, name, content):
    with pytest.raises(PlanError, match="no es"):
        _report(facilitator, name, content)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("minuta.pdf", b"%PDF-1.4 minuta"),
        ("foto.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("acta.odt", opendocument("application/vnd.oasis.opendocument.text")),
        ("cifras.ods", opendocument("application/vnd.oasis.opendocument.spreadsheet")),
        ("visitas.csv", b"municipio,visitas\nToluca,3\n"),
    ],
)
def test_genuine_evidence_of_every_allowed_kind_is_kept(facilitator, name, content):
    report = _report(facilitator, name, content)
    assert report.evidence.get().file.name.endswith(name.rsplit(".", 1)[1])


def test_opendocument_files_are_known_by_their_mimetype_member():
    text = SimpleUploadedFile("a.odt", opendocument("application/vnd.oasis.opendocument.text"))
    sheet = SimpleUploadedFile(
        "a.ods", opendocument("application/vnd.oasis.opendocument.spreadsheet")
    )
    other = SimpleUploadedFile("a.odt", opendocument("application/x-otra-cosa"))
    assert (sniff(text), sniff(sheet), sniff(other)) == (Kind.ODT, Kind.ODS, None)
