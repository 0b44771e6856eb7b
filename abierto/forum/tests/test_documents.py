import datetime
import io
import logging

import docx
import pytest
from django.template.loader import render_to_string
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from abierto.forum import documents, services
from abierto.forum.documents import (
    AgreementBox,
    BulletList,
    Heading,
    LocalFilesOnly,
    Paragraph,
    Signature,
    Signatures,
    Table,
    parse_minutes,
)
from abierto.forum.models import Forum, Minutes, Seat, Session
from abierto.forum.services import RollCallEntry

from .factories import AgendaItemFactory, SessionFactory
from .test_minutes_text import build_fifteenth_session

SAMPLE = """# ACTA DE LA SESIÓN

Primer párrafo
con dos líneas.

# ORDEN DEL DÍA

- I. Lista de asistencia.
- II. Clausura.

# I. Lista de asistencia.

- Ana — Comisionada
- Beto
  sigue el punto

ACUERDO STL/XV/1/2022: Se aprueba el orden del día.
Responsable: Infoem.

ACUERDO sin clave

## Subtítulo

# FIRMAS

Ana López | Comisionada
- Beto Ruiz

Sin cargo |
"""


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def unsaved_minutes(text: str) -> Minutes:
    forum = Forum(name="Secretariado Técnico Local", acronym="STL")
    session = Session(forum=forum, number=15, date=datetime.date(2022, 12, 16))
    return Minutes(session=session, text=text)


@pytest.fixture
def fifteenth(facilitator):
    return build_fifteenth_session(facilitator)


@pytest.fixture
def approved_minutes(facilitator, fifteenth):
    """The 15th session's minutes, approved at the 16th session (24 Feb 2023)."""
    sixteenth = SessionFactory(forum=fifteenth.forum, number=16, date=datetime.date(2023, 2, 24))
    services.roll_call_record(
        actor=facilitator,
        session=sixteenth,
        entries=[
            RollCallEntry(seat=seat, holder=True)
            for seat in Seat.objects.filter(forum=fifteenth.forum)
        ],
    )
    item = AgendaItemFactory(session=sixteenth, number=3)
    services.minutes_approve(
        actor=facilitator, minutes=fifteenth.minutes, agenda_item=item, votes_for=7
    )
    return Minutes.objects.get(pk=fifteenth.minutes.pk)


# --- parse_minutes ---------------------------------------------------------------


def test_the_markup_is_read_into_blocks():
    assert parse_minutes(SAMPLE) == [
        Heading("ACTA DE LA SESIÓN", 2),
        Paragraph("Primer párrafo\ncon dos líneas."),
        Heading("ORDEN DEL DÍA", 2),
        BulletList(("I. Lista de asistencia.", "II. Clausura.")),
        Heading("I. Lista de asistencia.", 3),
        BulletList(("Ana — Comisionada", "Beto sigue el punto")),
        AgreementBox("STL/XV/1/2022", "Se aprueba el orden del día.\nResponsable: Infoem."),
        AgreementBox("", "sin clave"),
        Heading("Subtítulo", 3),
        Signatures(
            "FIRMAS",
            (Signature("Ana López", "Comisionada"), Signature("Beto Ruiz"), Signature("Sin cargo")),
        ),
    ]


def test_the_agenda_list_is_numbered_and_others_are_bullets():
    agenda, attendees = [b for b in parse_minutes(SAMPLE) if isinstance(b, BulletList)][:2]
    assert agenda.numbered
    assert agenda.numbered_items == [("I.", "Lista de asistencia."), ("II.", "Clausura.")]
    assert not attendees.numbered


def test_windows_line_breaks_and_control_characters_are_tolerated():
    blocks = parse_minutes("# Título\r\n\r\nUno\x00 dos\x0b\rtres\u2028cuatro\ud800")
    assert blocks == [Heading("Título"), Paragraph("Uno dos\ntres\ncuatro")]


def test_a_hash_without_a_space_is_not_a_heading():
    assert parse_minutes("#gobiernoabierto\n#\n- ") == [Paragraph("#gobiernoabierto\n#\n-")]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_minutes_accepts_any_text(text):
    blocks = parse_minutes(text)
    assert all(
        isinstance(b, Heading | Paragraph | BulletList | AgreementBox | Table | Signatures)
        for b in blocks
    )


def test_a_lone_pipe_row_is_a_one_cell_table():
    assert parse_minutes("|0|") == [Table((), (("0",),))]


markup_lines = st.lists(
    st.one_of(
        st.text(max_size=40),
        st.sampled_from(["", "# FIRMAS", "# I. Punto", "## Sub", "- ", "ACUERDO ", "|", "#"]),
        st.builds(lambda a, b: a + b, st.sampled_from(["# ", "- ", "ACUERDO X: "]), st.text()),
    ),
    max_size=25,
).map("\n".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markup_lines)
def test_every_renderer_accepts_whatever_a_facilitator_types(text):
    minutes = unsaved_minutes(text)
    assert str(documents.minutes_html(minutes)).startswith('<section class="acta"')
    document = docx.Document(io.BytesIO(documents.minutes_docx(minutes)))
    assert document.core_properties.language == "es-MX"


# --- HTML ---------------------------------------------------------------------------


def test_the_html_escapes_what_the_facilitator_typed():
    minutes = unsaved_minutes(
        "# <b>Punto</b>\n\n<script>alert(1)</script>\n\n"
        'ACUERDO STL/XV/1/2022: <img src=x onerror="alert(2)">\n\n- <i>uno</i>\n\n'
        "# FIRMAS\n\n<em>Ana</em> | <u>cargo</u>"
    )
    html = str(documents.minutes_html(minutes))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in html
    for tag in ["<b>", "<i>", "<em>", "<u>"]:
        assert tag not in html


@pytest.mark.django_db
def test_the_html_has_a_section_headings_and_agreement_boxes(fifteenth):
    html = str(documents.minutes_html(fifteenth.minutes))
    assert html.startswith('<section class="acta" lang="es-MX" data-status="draft">')
    assert "<h2>Orden del día</h2>" in html
    assert "<p>I.- La Facilitadora Mtra. Laura Martínez Ortega procedió al pase de lista" in html
    assert (
        '<aside class="agreement" aria-label="Acuerdo STL/XV/1/2022">\n'
        "  <p><strong>ACUERDO STL/XV/1/2022:</strong> Se aprueba por unanimidad de votos el "
        "orden del día, en sus términos.</p>\n</aside>"
    ) in html
    assert '<li class="signature"><span class="signature-name">Mtra. Laura Martínez Ortega' in html


# --- PDF ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_draft_pdf_is_tagged_titled_and_marked_as_a_draft(fifteenth, caplog):
    caplog.set_level(logging.WARNING, logger="weasyprint")
    pdf = documents.minutes_pdf(fifteenth.minutes)
    assert not caplog.records, [record.getMessage() for record in caplog.records]
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]
    assert catalog["/Lang"] == "es-MX"
    assert reader.metadata.title == "Acta de la Décimo Quinta Sesión Ordinaria"
    assert reader.metadata.author == (
        "Secretariado Técnico Local de Gobierno Abierto del Estado de México"
    )
    text = pdf_text(pdf)
    assert "ACUERDO STL/XV/1/2022: Se aprueba por unanimidad de votos" in text
    assert "BORRADOR — sin validez" in text
    assert "Página 1 de " in text
    assert "Aprobada mediante acuerdo" not in text


@pytest.mark.django_db
def test_the_approved_pdf_carries_its_agreement_and_hash(approved_minutes):
    pdf = documents.minutes_pdf(approved_minutes)
    text = pdf_text(pdf)
    assert approved_minutes.content_hash == documents.content_hash(approved_minutes.text)
    assert (
        f"Aprobada mediante acuerdo STL/XVI/1/2023 · SHA-256 {approved_minutes.content_hash}"
        in text
    )
    assert "BORRADOR — sin validez" not in text
    assert "ACUERDO STL/XV/3/2022:" in text


@pytest.mark.django_db
def test_the_status_line_warns_when_the_text_no_longer_matches_its_hash(approved_minutes):
    approved_minutes.text += "Texto agregado."
    assert documents.minutes_status_line(approved_minutes).endswith(
        "ATENCIÓN: el texto no coincide con esta huella"
    )


def test_the_pdf_fetcher_reads_only_the_files_next_to_the_templates():
    fetcher = LocalFilesOnly()
    for url in ["http://127.0.0.1:9/logo.png", "https://example.org/a.css", "data:,x"]:
        with pytest.raises(ValueError, match="only read local files"):
            fetcher.fetch(url)
    with pytest.raises(ValueError, match="outside"):
        fetcher.fetch("file:///etc/passwd")
    response = fetcher.fetch((documents.ASSETS_DIR / "borrador.svg").as_uri())
    assert b"BORRADOR" in response.read()
    response.close()


def test_a_remote_image_is_never_fetched(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the network was used")

    monkeypatch.setattr("urllib.request.OpenerDirector.open", no_network)
    pdf = documents.render_pdf(
        '<html lang="es-MX"><title>x</title><img src="http://127.0.0.1:9/x.png" alt="x"><p>Hola</p>'
    )
    assert "Hola" in pdf_text(pdf)


# --- DOCX ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_docx_has_headings_agreement_boxes_and_signatures(fifteenth):
    document = docx.Document(io.BytesIO(documents.minutes_docx(fifteenth.minutes)))
    properties = document.core_properties
    assert properties.title == "Acta de la Décimo Quinta Sesión Ordinaria"
    assert properties.language == "es-MX"
    assert (
        properties.author == "Secretariado Técnico Local de Gobierno Abierto del Estado de México"
    )
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        "ACTA DE LA DÉCIMO QUINTA SESIÓN ORDINARIA DEL SECRETARIADO TÉCNICO LOCAL DE GOBIERNO "
        "ABIERTO DEL ESTADO DE MÉXICO",
        "Orden del día",
        "FIRMAS",
    ]
    assert any(p.text.startswith("XI.- No habiendo más puntos") for p in document.paragraphs)
    assert any(
        p.text.startswith("En el Estado de México, siendo las once horas con cuatro minutos")
        for p in document.paragraphs
    )
    boxes = [t for t in document.tables if t.cell(0, 0).text.startswith("ACUERDO ")]
    assert [len(t.rows) * len(t.columns) for t in boxes] == [1, 1, 1, 1]
    assert boxes[0].style.name == "Table Grid"
    assert boxes[0].cell(0, 0).text == (
        "ACUERDO STL/XV/1/2022: Se aprueba por unanimidad de votos el orden del día, en sus "
        "términos."
    )
    signatures = document.tables[-1]
    assert "Mtra. Laura Martínez Ortega" in signatures.cell(0, 0).text
    assert "Lic. Andrés Molina Pérez" in signatures.cell(0, 1).text
    footer = document.sections[0].footer
    assert footer.paragraphs[0].text == "BORRADOR — sin validez"
    assert 'w:instr="NUMPAGES"' in footer._element.xml
    assert round(document.sections[0].page_width.inches, 2) == 8.5


# --- Convocation letter --------------------------------------------------------------


@pytest.mark.django_db
def test_the_convocation_letter_is_an_official_oficio(facilitator):
    session = build_fifteenth_session(facilitator, hold=False)
    pdf = documents.convocation_pdf(session.convocation)
    reader = PdfReader(io.BytesIO(pdf))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.metadata.title == (
        "Oficio STL/016/2022: Convocatoria a la Décimo Quinta Sesión Ordinaria"
    )
    text = pdf_text(pdf)
    for phrase in [
        "Oficio núm. STL/016/2022",
        "Toluca de Lerdo, Estado de México, a 9 de diciembre de 2022",
        "Asunto: Convocatoria a la Décimo Quinta Sesión Ordinaria",
        "viernes 16 de diciembre de 2022",
        "11:00 horas",
        "a través de la plataforma Zoom",
        "https://zoom.us/j/81234567890",
        "ORDEN DEL DÍA",
        "Lista de asistencia y declaratoria de quórum.",
        "Se adjunta la presentación de la Carpeta Ciudadana.",
        "Mtra. Laura Martínez Ortega",
        "Facilitación del Secretariado Técnico Local",
    ]:
        assert phrase in text, phrase
    assert "XI." in text


@pytest.mark.django_db
def test_an_in_person_convocation_names_the_place_and_no_link(facilitator):
    session = SessionFactory(
        status=Session.Status.PLANNED,
        modality=Session.Modality.IN_PERSON,
        place="la Sala de Juntas del Infoem",
        meeting_url="https://zoom.us/j/1",
    )
    AgendaItemFactory(session=session, number=1, title="Lista de asistencia.")
    convocation = services.session_convene(
        actor=facilitator, session=session, date=datetime.date(2022, 12, 9)
    )
    text = pdf_text(documents.convocation_pdf(convocation))
    assert "Oficio núm. STL/001/2022" in text
    assert "a las 11:00 horas, en la Sala de Juntas del Infoem, bajo el siguiente:" in text
    assert "zoom" not in text.casefold()


# --- E-mails --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_convocation_email_gives_the_facts_and_the_agenda(facilitator):
    session = build_fifteenth_session(facilitator, hold=False)
    body = render_to_string(
        "forum/email/convocation.txt",
        {"session": session, "convocation": session.convocation, "site_url": "https://stl.mx"},
    )
    assert body.startswith(
        "Personas integrantes del Secretariado Técnico Local de Gobierno Abierto del Estado de "
        "México:\n\nPor medio del oficio STL/016/2022, que se adjunta en PDF, se les convoca a "
        "la Décimo Quinta Sesión Ordinaria"
    )
    assert (
        "Fecha: viernes, 16 de diciembre de 2022\nHora: 11:00 horas\nModalidad: Virtual\n" in body
    )
    assert "Enlace para conectarse: https://zoom.us/j/81234567890\n" in body
    assert "Orden del día:\n  I. Lista de asistencia y declaratoria de quórum.\n" in body
    assert "  XI. Clausura de la sesión.\n" in body
    assert f"https://stl.mx/sesiones/{session.public_id}/" in body or "Consulte" not in body
    assert "&" not in body  # plain text: nothing is HTML-escaped
    assert "{" not in body


@pytest.mark.django_db
def test_the_change_and_cancellation_emails(facilitator):
    session = build_fifteenth_session(facilitator, hold=False)
    changed = render_to_string(
        "forum/email/session_changed.txt", {"session": session, "site_url": "https://stl.mx"}
    )
    assert "cambiaron los datos de la Décimo Quinta Sesión Ordinaria" in changed
    assert "Hora: 11:00 horas" in changed
    cancelled = render_to_string(
        "forum/email/session_cancelled.txt",
        {"session": session, "reason": "Falta de quórum & cierre", "site_url": "https://stl.mx"},
    )
    assert "se cancela la Décimo Quinta Sesión Ordinaria, prevista para el 16 de diciembre" in (
        cancelled
    )
    assert "Motivo: Falta de quórum & cierre\n" in cancelled


def test_pipe_lines_are_a_table_with_its_header():
    blocks = documents.parse_minutes(
        "Se revisaron las fechas.\n| Día | Sesión |\n| --- | --- |\n"
        "| Viernes 24 de febrero de 2023 | 16a Sesión Ordinaria. |\n\nSe aprobó."
    )
    assert blocks == [
        documents.Paragraph("Se revisaron las fechas."),
        documents.Table(
            ("Día", "Sesión"), (("Viernes 24 de febrero de 2023", "16a Sesión Ordinaria."),)
        ),
        documents.Paragraph("Se aprobó."),
    ]


def test_a_table_without_a_rule_has_no_header_and_ragged_rows_are_kept():
    (table,) = documents.parse_minutes("| a | b |\n| c |")
    assert table == documents.Table((), (("a", "b"), ("c",)))
    assert table.columns == 2


@pytest.mark.django_db
def test_a_table_reaches_the_html_and_the_docx(facilitator):
    session = build_fifteenth_session(facilitator)
    minutes = session.minutes
    minutes.text = minutes.text.replace(
        "# FIRMAS",
        "| Día | Sesión |\n| --- | --- |\n| Viernes 24 de febrero de 2023 | 16a |\n\n# FIRMAS",
    )
    html = str(documents.minutes_html(minutes))
    assert '<table class="acta-table">' in html
    assert '<th scope="col">Día</th>' in html
    document = docx.Document(io.BytesIO(documents.minutes_docx(minutes)))
    table = document.tables[-2]  # the last is the signatures'
    assert [cell.text for cell in table.rows[1].cells] == ["Viernes 24 de febrero de 2023", "16a"]
    assert "w:tblHeader" in table._tbl.xml
