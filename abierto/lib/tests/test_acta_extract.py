"""Getting text out of .txt, .md, .docx and .pdf files, and refusing what is not an acta."""

import io

import pytest
from docx import Document
from pypdf import PdfReader, PdfWriter

from abierto.lib.acta import ActaReadError, extract_text, parse_acta_file

ACTA = (
    "ACTA DE LA TERCERA SESIÓN ORDINARIA DEL COMITÉ DE TRANSPARENCIA\n"
    "En la ciudad de Toluca, siendo las diez horas del día tres de marzo de dos mil "
    "veintitrés, en la Sala de Juntas, estando presentes: Lic. Ana Ruiz Soto, Presidenta; "
    "Mtro. Luis Pérez Gil, Secretario Técnico.\n"
    "ORDEN DEL DÍA\n1. Lista de asistencia.\n2. Aprobación del orden del día.\n"
)


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- Plain text ---------------------------------------------------------------


def test_utf8_text_is_read(tmp_path):
    path = _write(tmp_path, "acta.txt", ACTA.encode("utf-8"))
    assert extract_text(path) == ACTA


def test_a_utf8_byte_order_mark_is_dropped(tmp_path):
    path = _write(tmp_path, "acta.txt", b"\xef\xbb\xbf" + ACTA.encode("utf-8"))
    assert extract_text(path) == ACTA


def test_windows_1252_text_is_read(tmp_path):
    path = _write(tmp_path, "acta.txt", "Sesión “Décimo Quinta” — año".encode("cp1252"))
    assert extract_text(path) == "Sesión “Décimo Quinta” — año"


def test_latin_1_is_the_last_resort(tmp_path):
    # 0x81 is undefined in Windows-1252.
    path = _write(tmp_path, "acta.txt", b"Comit\xe9 \x81 sesi\xf3n")
    assert extract_text(path) == "Comité \x81 sesión"


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    path = _write(tmp_path, "acta.txt", ACTA.encode("utf-16"))
    assert extract_text(path) == ACTA


def test_markdown_is_read_as_text(tmp_path):
    path = _write(tmp_path, "acta.md", b"# ACTA\n\n**Fecha:** 3 de marzo de 2023")
    assert parse_acta_file(str(path))["session"]["date"] == "2023-03-03"


# --- Word -----------------------------------------------------------------------


def _docx_bytes() -> bytes:
    document = Document()
    document.add_paragraph("ACTA DE LA PRIMERA SESIÓN ORDINARIA DEL CONSEJO CONSULTIVO")
    document.add_paragraph("Lista de asistencia:")
    table = document.add_table(rows=3, cols=3)
    for row, values in enumerate(
        [
            ("Nombre", "Cargo", "Asistencia"),
            ("Lic. Ana Ruiz Soto", "Presidenta", "Presente"),
            ("Luis Pérez Gil", "Vocal", "Ausente"),
        ]
    ):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    document.add_paragraph("Después de la tabla.")
    box = document.add_table(rows=1, cols=1)
    box.cell(0, 0).text = "ACUERDO CC/1/2023: Se aprueba el orden del día."
    merged = document.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Celda combinada"
    merged.cell(0, 2).text = "otra"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_tables_come_in_document_order(tmp_path):
    text = extract_text(_write(tmp_path, "acta.docx", _docx_bytes()))
    lines = [line for line in text.split("\n") if line]
    assert lines[:6] == [
        "ACTA DE LA PRIMERA SESIÓN ORDINARIA DEL CONSEJO CONSULTIVO",
        "Lista de asistencia:",
        "Nombre | Cargo | Asistencia",
        "Lic. Ana Ruiz Soto | Presidenta | Presente",
        "Luis Pérez Gil | Vocal | Ausente",
        "Después de la tabla.",
    ]


def test_a_one_cell_docx_table_is_read_as_a_paragraph(tmp_path):
    text = extract_text(_write(tmp_path, "acta.docx", _docx_bytes()))
    assert "\nACUERDO CC/1/2023: Se aprueba el orden del día.\n" in text


def test_a_merged_docx_cell_is_read_once(tmp_path):
    text = extract_text(_write(tmp_path, "acta.docx", _docx_bytes()))
    assert "Celda combinada | otra" in text


def test_a_docx_attendance_table_gives_the_present_people(tmp_path):
    result = parse_acta_file(str(_write(tmp_path, "acta.docx", _docx_bytes())))
    assert result["attendees"] == [{"name": "Ana Ruiz Soto", "role": "Presidenta"}]
    assert result["agreements"][0]["code"] == "CC/1/2023"


def test_a_docx_is_recognised_by_its_content_whatever_its_name(tmp_path):
    text = extract_text(_write(tmp_path, "acta.txt", _docx_bytes()))
    assert "Lic. Ana Ruiz Soto" in text


# --- PDF ---------------------------------------------------------------------------


def _pdf_bytes(html: str) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=html).write_pdf()


@pytest.fixture(scope="module")
def acta_pdf() -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in ACTA.split("\n") if line)
    return _pdf_bytes(f"<html><body>{paragraphs}</body></html>")


def test_the_text_layer_of_a_pdf_is_read_and_parsed(tmp_path, acta_pdf):
    result = parse_acta_file(str(_write(tmp_path, "acta.pdf", acta_pdf)))
    assert result["body"].casefold() == "comité de transparencia"
    assert result["session"]["number"] == 3
    assert result["session"]["date"] == "2023-03-03"
    assert [item["title"] for item in result["agenda"]] == [
        "Lista de asistencia",
        "Aprobación del orden del día",
    ]
    assert [person["name"] for person in result["attendees"]] == ["Ana Ruiz Soto", "Luis Pérez Gil"]


def test_a_pdf_encrypted_only_against_editing_is_still_read(tmp_path, acta_pdf):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(acta_pdf)))
    writer.encrypt(user_password="", owner_password="dueño")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "Luis Pérez Gil" in extract_text(_write(tmp_path, "acta.pdf", buffer.getvalue()))


# --- Refusals ------------------------------------------------------------------------


def test_an_empty_file_is_refused(tmp_path):
    with pytest.raises(ActaReadError, match="vacío"):
        extract_text(_write(tmp_path, "acta.txt", b""))


def test_a_file_of_blank_lines_has_no_text(tmp_path):
    with pytest.raises(ActaReadError, match="no contiene texto"):
        extract_text(_write(tmp_path, "acta.txt", b"\n \n\t\n"))


def test_a_binary_file_is_refused(tmp_path):
    with pytest.raises(ActaReadError, match="binario"):
        extract_text(_write(tmp_path, "acta.txt", bytes(range(256)) * 4))


def test_a_password_protected_pdf_is_refused(tmp_path, acta_pdf):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(acta_pdf)))
    writer.encrypt(user_password="secreto")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(ActaReadError, match="contraseña"):
        extract_text(_write(tmp_path, "acta.pdf", buffer.getvalue()))


def test_a_scan_with_nothing_legible_is_refused(tmp_path):
    blank = _pdf_bytes("<html><body><div style='height:5cm;background:#000'></div></body></html>")
    with pytest.raises(ActaReadError, match="escaneo"):
        extract_text(_write(tmp_path, "escaneo.pdf", blank))


def test_a_broken_pdf_is_refused(tmp_path):
    with pytest.raises(ActaReadError, match="PDF"):
        extract_text(_write(tmp_path, "acta.pdf", b"%PDF-1.7\nbasura sin estructura"))


def test_a_broken_docx_is_refused(tmp_path):
    with pytest.raises(ActaReadError, match="Word"):
        extract_text(_write(tmp_path, "acta.docx", b"PK\x03\x04 no es un zip"))


def _rezipped(data: bytes, change) -> bytes:
    """The .docx with its ``word/document.xml`` entry changed by ``change(info, content)``."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                info, content = change(info, content)
            target.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _deflate_damaged(data: bytes) -> bytes:
    """Bytes changed inside the compressed ``word/document.xml``, its CRC left alone."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    damaged = bytearray(data)
    for offset in range(20, min(info.compress_size, 60)):
        damaged[start + offset] ^= 0x5A
    return bytes(damaged)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: _rezipped(data, lambda info, content: (info, content[: len(content) // 2])),
        _deflate_damaged,
    ],
    ids=["truncated-xml", "damaged-deflate"],
)
def test_a_docx_damaged_inside_its_archive_is_refused(tmp_path, damage):
    """Found by fuzz/fuzz_acta.py: lxml's XMLSyntaxError and zlib.error escaped the reader."""
    with pytest.raises(ActaReadError, match="Word"):
        extract_text(_write(tmp_path, "acta.docx", damage(_docx_bytes())))


def test_a_password_protected_word_file_is_refused(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)
    with pytest.raises(ActaReadError, match="contraseña"):
        extract_text(_write(tmp_path, "acta.docx", ole))


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    path = _write(tmp_path, "acta.txt", ACTA.encode("utf-8"))
    with pytest.raises(ActaReadError, match="límite"):
        extract_text(path, max_bytes=100)


def test_the_default_limit_is_twenty_megabytes(tmp_path):
    path = tmp_path / "enorme.txt"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)
    with pytest.raises(ActaReadError, match=r"20\.0 MB"):
        extract_text(path)


def test_an_unsupported_format_is_refused(tmp_path):
    with pytest.raises(ActaReadError, match=r"\.txt, \.md, \.docx o \.pdf"):
        extract_text(_write(tmp_path, "acta.odt", b"contenido"))


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(ActaReadError, match="No existe"):
        extract_text(tmp_path / "no-existe.txt")


def _bomb(inner_name: str) -> bytes:
    """A small archive whose one entry unpacks past the limit (about 100 KB compressed)."""
    import zipfile

    from abierto.lib import zipguard

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(inner_name, b" " * (zipguard.MAX_UNPACKED_BYTES + 1))
    return buffer.getvalue()


def test_a_docx_that_unpacks_to_too_much_is_refused_before_it_is_read(tmp_path):
    data = _bomb("word/document.xml")
    assert len(data) < 1024 * 1024
    with pytest.raises(ActaReadError, match="se descomprime en más de 64 MB"):
        extract_text(_write(tmp_path, "bomba.docx", data))
