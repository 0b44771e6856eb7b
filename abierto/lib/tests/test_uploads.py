import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from abierto.lib.uploads import Kind, check_upload, sniff

ALL = set(Kind)


def office(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


SAMPLES = {
    "acta.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", Kind.PDF),
    "acta.docx": (office("word/document.xml"), Kind.DOCX),
    "cifras.xlsx": (office("xl/workbook.xml"), Kind.XLSX),
    "avance.pptx": (office("ppt/presentation.xml"), Kind.PPTX),
    "foto.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Kind.PNG),
    "foto.jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF", Kind.JPEG),
    "datos.csv": ("municipio,clave\nToluca,15106\nÑextalpan,15059\n".encode(), Kind.TEXT),
    "acta.txt": ("ACTA DE LA SESIÓN\n".encode("cp1252"), Kind.TEXT),
}


@pytest.mark.parametrize(("name", "sample"), SAMPLES.items())
def test_each_kind_is_known_by_its_content(name, sample):
    content, kind = sample
    upload = SimpleUploadedFile(name, content)
    assert sniff(upload) == kind
    assert check_upload(upload, allowed=ALL, max_bytes=1024) == kind
    assert upload.read() == content  # left at the start for whoever reads it next


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("acta.pdf", b"MZ\x90\x00 un ejecutable", "no es un PDF"),
        ("acta.docx", office("xl/workbook.xml"), "Word"),
        ("acta.docx", b"PK\x03\x04 roto", "Word"),
        ("avance.pptx", office("word/document.xml"), "PowerPoint"),
        ("foto.png", b"\xff\xd8\xff\xe0 un jpeg", "PNG"),
        ("datos.csv", b"\x00\x01\x02\x03binario" * 10, "no es de texto"),
        ("programa.exe", b"MZ\x90\x00", r"Formato no admitido \(\.exe\)"),
        ("sin-extension", b"hola", "sin extensión"),
        ("vacio.txt", b"", "vacío"),
    ],
)
def test_files_that_are_not_what_they_say_are_refused(name, content, message):
    with pytest.raises(ValidationError, match=message):
        check_upload(SimpleUploadedFile(name, content), allowed=ALL, max_bytes=1024)


def test_a_kind_not_allowed_here_is_refused():
    with pytest.raises(ValidationError, match=r"se aceptan \.pdf"):
        check_upload(
            SimpleUploadedFile("foto.png", SAMPLES["foto.png"][0]),
            allowed={Kind.PDF},
            max_bytes=1024,
        )


def test_a_file_over_the_limit_is_refused_before_it_is_read():
    with pytest.raises(ValidationError, match="el máximo es 1") as info:
        check_upload(
            SimpleUploadedFile("acta.pdf", b"%PDF-" + b"x" * 2048),
            allowed=ALL,
            max_bytes=1024,
        )
    assert info.value.code == "too_large"


def test_plain_binary_files_work_too(tmp_path):
    path = tmp_path / "acta.pdf"
    path.write_bytes(SAMPLES["acta.pdf"][0])
    with path.open("rb") as handle:
        assert check_upload(handle, allowed={Kind.PDF}, max_bytes=1024) == Kind.PDF
