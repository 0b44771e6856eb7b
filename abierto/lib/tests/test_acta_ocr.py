"""Scanned actas: OCR, its cleaning, the caps on pages, time and memory, the missing model."""

import io
import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, StreamObject

from abierto.lib.acta import ActaReadError, extract_document, ocr
from abierto.lib.acta.ocr import OcrPage, OcrWord, clean_pages, parse_tsv
from abierto.lib.acta.pdf import count_pages, pdf_pages
from abierto.lib.acta.reader import Limits, read_acta
from abierto.lib.acta.sandbox import read_acta_limited

ACTA = (
    "ACTA DE LA TERCERA SESIÓN ORDINARIA DEL COMITÉ DE TRANSPARENCIA",
    "En la ciudad de Toluca, siendo las diez horas del día tres de marzo de dos mil "
    "veintitrés, en la Sala de Juntas, estando presentes: Lic. Ana Ruiz Soto, Presidenta; "
    "Mtro. Luis Pérez Gil, Secretario Técnico.",
    "ORDEN DEL DÍA",
    "1. Lista de asistencia.",
    "2. Aprobación del orden del día.",
    "ACUERDO CT/03/2023-01. Por unanimidad se aprueba el orden del día.",
)
SCHEMA = Path(__file__).resolve().parents[3] / "docs" / "acta-import.schema.json"


def _scan(html: str, tmp: Path, dpi: int = 150, turn: int = 0) -> bytes:
    """Print ``html`` to PDF, render it to images and wrap them in an image-only PDF (each page
    turned ``turn`` degrees counter-clockwise, as a page fed into the scanner sideways)."""
    import weasyprint
    from PIL import Image

    (tmp / "printed.pdf").write_bytes(weasyprint.HTML(string=html).write_pdf())
    subprocess.run(
        [
            shutil.which("pdftoppm") or "pdftoppm",
            "-r",
            str(dpi),
            "-gray",
            "-png",
            tmp / "printed.pdf",
            tmp / "p",
        ],
        check=True,
    )
    images = [
        Image.open(path).convert("L").rotate(turn, expand=True, fillcolor=255)
        for path in sorted(tmp.glob("p-*.png"))
    ]
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("scan")
    paragraphs = "".join(f"<p>{line}</p>" for line in ACTA)
    path = tmp / "escaneo.pdf"
    path.write_bytes(_scan(f"<html><body style='font-size:13pt'>{paragraphs}</body></html>", tmp))
    return path


def _many_pages(count: int) -> bytes:
    """A PDF whose page tree lists one page, with one content stream, ``count`` times."""
    writer = PdfWriter()
    content = StreamObject()
    content.set_data(b"BT /F1 12 Tf 72 720 Td (Acta) Tj ET")
    pages = writer.root_object["/Pages"].get_object()
    assert isinstance(pages, DictionaryObject)
    page = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Page"),
            NameObject("/Parent"): pages.indirect_reference,
            NameObject("/MediaBox"): ArrayObject([NumberObject(n) for n in (0, 0, 612, 792)]),
            NameObject("/Contents"): writer._add_object(content),
        }
    )
    reference = writer._add_object(page)
    pages[NameObject("/Kids")] = ArrayObject([reference] * count)
    pages[NameObject("/Count")] = NumberObject(count)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# --- OCR --------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.no_database
def test_a_scanned_pdf_is_read_by_ocr_with_word_confidences(scanned, tmp_path):
    extracted = extract_document(scanned, workdir=tmp_path)
    assert [page.number for page in extracted.ocr_pages] == [1]
    assert "Luis Pérez Gil" in extracted.text
    assert extracted.ocr_pages[0].confidence > 0.8
    assert extracted.ocr_pages[0].image == tmp_path / "pagina-0001.pgm"


@pytest.mark.slow
@pytest.mark.no_database
@pytest.mark.parametrize("turn", [180, 90])
def test_a_page_scanned_upside_down_or_on_its_side_is_turned_and_read(turn, tmp_path):
    paragraphs = "".join(f"<p>{line}</p>" for line in ACTA * 3)
    html = f"<html><body style='font-size:12pt'>{paragraphs}</body></html>"
    path = tmp_path / "escaneo-girado.pdf"
    path.write_bytes(_scan(html, tmp_path, dpi=150, turn=turn))
    extracted = extract_document(path, workdir=tmp_path)
    assert "Luis Pérez Gil, Secretario Técnico" in extracted.text
    assert extracted.ocr_pages[0].confidence > 0.8
    assert extracted.ocr_pages[0].image == tmp_path / "pagina-0001-girada.pgm"


@pytest.mark.slow
@pytest.mark.no_database
def test_a_scanned_acta_parses_with_a_confidence_per_field(scanned, tmp_path):
    parsed = read_acta(scanned, workdir=tmp_path).parsed
    assert parsed["session"]["date"] == "2023-03-03"
    assert [person["name"] for person in parsed["attendees"]] == ["Ana Ruiz Soto", "Luis Pérez Gil"]
    assert parsed["source"]["format"] == "pdf"
    assert parsed["source"]["ocr_pages"][0]["number"] == 1
    assert 0.5 < parsed["confidence"]["attendees[1]"] <= 1
    assert parsed["confidence"]["session.end_time"] is None


def test_tsv_words_become_lines_and_paragraphs():
    header = "\t".join(
        [
            "level",
            "page_num",
            "block_num",
            "par_num",
            "line_num",
            "word_num",
            "left",
            "top",
            "width",
            "height",
            "conf",
            "text",
        ]
    )
    rows = [
        "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t96.5\tACTA",
        "5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t91\tDE",
        "5\t1\t1\t1\t2\t1\t0\t0\t1\t1\t88\tSESIÓN",
        "4\t1\t1\t2\t1\t0\t0\t0\t1\t1\t-1\t",
        "5\t1\t1\t2\t1\t1\t0\t0\t1\t1\t70\tOrden",
        "5\t1\t1\t2\t1\t2\t0\t0\t1\t1\t-1\t ",
    ]
    lines = parse_tsv("\n".join([header, *rows]))
    assert [[word.text for word in line] for line in lines] == [
        ["ACTA", "DE"],
        ["SESIÓN"],
        [],
        ["Orden"],
    ]
    assert lines[0][0].confidence == 96.5


def _page(number: int, *lines: str, confidence: float = 95.0) -> OcrPage:
    return OcrPage(
        number,
        [[OcrWord(word, confidence) for word in line.split()] if line else [] for line in lines],
    )


def test_a_word_hyphenated_at_a_line_end_is_joined():
    [page] = clean_pages([_page(1, "la sesión an-", "terior fue aprobada", "Ciudad-", "Estado")])
    assert page.text == "la sesión anterior\nfue aprobada\nCiudad-\nEstado"


def test_the_numero_sign_read_as_a_question_mark_is_restored():
    [page] = clean_pages([_page(1, "Minuta N? 2 del año 2021", "Oficio N?15 y No? más")])
    assert page.text == "Minuta Nº 2 del año 2021\nOficio Nº15 y No? más"


def test_a_section_numbered_i_read_as_lower_case_l_is_restored_and_rules_dropped():
    [page] = clean_pages([_page(1, "__l.____ DATOS GENERALES", "l. DATOS", "l. que sigue")])
    assert page.text == "I. DATOS GENERALES\nI. DATOS\nl. que sigue"


def test_the_letterhead_and_footer_repeated_on_every_page_are_dropped():
    own = ["la sesión inicia", "se aprueba el acta", "firma la presidenta"]
    pages = clean_pages(
        [
            _page(n, "COMITÉ DE TRANSPARENCIA", text, f"Página {n} de 3")
            for n, text in enumerate(own, start=1)
        ]
    )
    assert [page.text for page in pages] == own


def test_stray_marks_are_dropped_and_words_kept():
    page = _page(1, "| Lic. Ana Ruiz ___ Soto ~", "")
    page.lines.append([OcrWord("~", 20.0)])
    page.lines.append([OcrWord("«", 15.0), OcrWord("Acuerdos", 90.0)])
    [page] = clean_pages([page])
    assert page.text == "Lic. Ana Ruiz Soto\n\nAcuerdos"


def test_without_tesseract_a_scan_is_refused_in_spanish(scanned, monkeypatch):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    ocr.ocr_missing.cache_clear()
    try:
        with pytest.raises(ActaReadError, match="no tiene instalado el reconocimiento de texto"):
            extract_document(scanned)
    finally:
        ocr.ocr_missing.cache_clear()


def test_more_scanned_pages_than_the_cap_are_refused_before_ocr(scanned):
    started = time.monotonic()
    with pytest.raises(ActaReadError, match="1 páginas escaneadas y se leen como máximo 0"):
        extract_document(scanned, max_ocr_pages=0)
    assert time.monotonic() - started < 2


# --- Page caps --------------------------------------------------------------------


def test_a_pdf_of_60000_pages_sharing_one_content_stream_is_refused_quickly():
    data = _many_pages(60_000)
    started = time.monotonic()
    with pytest.raises(ActaReadError, match="más de 300 páginas"):
        pdf_pages(data, max_pages=300)
    assert time.monotonic() - started < 5


def test_a_lying_page_count_does_not_fool_the_cap():
    data = _many_pages(400)
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    reader.root_object["/Pages"][NameObject("/Count")] = NumberObject(1)
    with pytest.raises(ActaReadError, match="más de 300 páginas"):
        count_pages(reader.root_object["/Pages"], 300)


def test_a_page_tree_that_loops_is_damage():
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(_many_pages(1)))
    pages = reader.root_object["/Pages"]
    pages[NameObject("/Kids")].append(pages.indirect_reference)
    with pytest.raises(ActaReadError, match="dañado"):
        count_pages(pages, 300)


# --- The child process ------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.no_database
def test_the_60000_page_pdf_is_refused_by_the_child_in_seconds(tmp_path):
    path = tmp_path / "bomba.pdf"
    path.write_bytes(_many_pages(60_000))
    started = time.monotonic()
    with pytest.raises(ActaReadError, match="más de 300 páginas"):
        read_acta_limited(path, Limits(), tmp_path)
    assert time.monotonic() - started < 15


@pytest.mark.slow
@pytest.mark.no_database
def test_a_reading_past_its_time_is_stopped_with_its_programs(scanned, tmp_path):
    started = time.monotonic()
    with pytest.raises(ActaReadError, match="tardó más de 1 segundos"):
        read_acta_limited(scanned, Limits(seconds=1), tmp_path)
    assert time.monotonic() - started < 5
    time.sleep(0.2)
    left = subprocess.run(
        [shutil.which("pgrep") or "pgrep", "-f", str(scanned)], capture_output=True, text=True
    )
    assert left.stdout == ""


@pytest.mark.slow
@pytest.mark.no_database
def test_a_reading_past_its_memory_is_refused(scanned, tmp_path):
    with pytest.raises(ActaReadError, match="más memoria de la permitida"):
        read_acta_limited(scanned, Limits(memory_bytes=64 * 1024 * 1024), tmp_path)


@pytest.mark.slow
@pytest.mark.no_database
def test_the_child_returns_the_reading_and_page_previews(scanned, tmp_path):
    reading = read_acta_limited(scanned, Limits(), tmp_path)
    assert reading.parsed["session"]["date"] == "2023-03-03"
    [page] = reading.pages
    assert page.image == tmp_path / "pagina-0001.jpg"
    assert page.image.read_bytes()[:2] == b"\xff\xd8"
    assert not (tmp_path / "pagina-0001.pgm").exists()
    assert "Luis Pérez Gil" in page.text
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(reading.parsed, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_tesseract_runs_with_one_openmp_thread(monkeypatch):
    # Its OpenMP threads spin against each other on a small machine (a page took ~10 s instead
    # of 2.4 s on two cores); parallelism comes from processes instead.
    seen: list[dict[str, str]] = []

    def run(command, **kwargs):
        seen.append(kwargs["env"])
        return subprocess.CompletedProcess(command, 0, stdout=b"", stderr=b"")

    monkeypatch.setattr(ocr.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(ocr.subprocess, "run", run)
    ocr._tesseract(Path("pagina.pgm"), ocr.PSM)
    assert len(seen) == 1
    assert seen[0]["OMP_THREAD_LIMIT"] == "1"
    assert "PATH" in seen[0]  # the rest of the environment is kept
