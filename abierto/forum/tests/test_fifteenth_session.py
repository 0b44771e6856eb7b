"""The demo's 15th session is the real one, read from its acta, and its generated acta reads
like that acta (issue 12).

The similarity is measured on word tokens: both texts are case-, accent- and
whitespace-folded (the image marker of the extracted original dropped), split on whitespace,
and compared with ``difflib.SequenceMatcher(autojunk=False)``; its ``ratio()`` is 2·M/T for
M matched tokens of T in both. The generated acta's text is taken back out of the generated
PDF (its running header and footer removed) and out of the DOCX, as a reader would copy it.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import io
import re
import tempfile
import unicodedata

import pytest
from django.urls import reverse

from abierto.directory import demo as directory_demo
from abierto.directory.models import Person
from abierto.forum import demo
from abierto.forum.documents import minutes_docx, minutes_pdf, minutes_status_line
from abierto.forum.models import (
    AgendaItem,
    Agreement,
    AgreementStatus,
    Attendance,
    Minutes,
    Session,
)
from abierto.lib.acta import extract_text

MIN_SIMILARITY = 0.90

AGENDA = [
    "Lista de asistencia y declaratoria de quórum",
    "Lectura y en su caso, aprobación del orden del día",
    "Presentación y, en su caso, aprobación del acta de la Décimo Cuarta Sesión Ordinaria, "
    "por parte de los integrantes del Secretariado Técnico Local",
    "Mensaje de José Martínez Vilchis, Comisionado Presidente del Instituto de Transparencia, "
    "Acceso a la Información Pública y Protección de Datos Personales del Estado de México y "
    "Municipios",
    "Presentación de avances del Plan de Acción Local en el Marco de la OGP",
    "Presentación de avances del Compromiso Proactivo del Poder Judicial",
    "Presentación de avances del Compromiso Proactivo del Instituto de Transparencia, Acceso a "
    "la Información Pública y Protección de Datos Personales del Estado de México y Municipios",
    "Presentación, discusión y, en su caso, aprobación del calendario de sesiones del "
    "Secretariado Técnico Local 2023",
    "Seguimiento de Acuerdos",
    "Asuntos Generales",
    "Clausura de la Sesión",
]
AGREEMENTS = {
    "STL/XV/1/2022": "Se aprueba por unanimidad de votos el orden del día, en sus términos",
    "STL/XV/2/2022": "Se aprueba por unanimidad de votos el Acta de la Décimo Cuarta Sesión "
    "Ordinaria del STL, de fecha 8 de noviembre de 2022",
    "STL/XV/3/2022": "Se aprueba por unanimidad de votos el Calendario de sesiones del "
    "Secretariado Técnico Local para el año 2023",
}


@pytest.fixture
def fifteenth(db: None) -> Session:
    directory_demo.load(stdout=io.StringIO(), with_logins=False)
    demo.load(stdout=io.StringIO(), with_logins=False)
    return Session.objects.get(forum__acronym="STL", kind=Session.Kind.ORDINARY, number=15)


def _folded(text: str) -> str:
    text = text.replace("[image: ]", " ")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _similarity(generated: str, real: str) -> float:
    matcher = difflib.SequenceMatcher(
        None, _folded(generated).split(), _folded(real).split(), autojunk=False
    )
    return matcher.ratio()


def _real_acta() -> str:
    return demo.ACTA_15.read_text(encoding="utf-8")


def _text_of(data: bytes, suffix: str) -> str:
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        handle.write(data)
        handle.flush()
        return extract_text(handle.name)


def _pdf_body_text(minutes: Minutes) -> str:
    """The PDF's text without the running header and footer printed on every page."""
    text = _folded(_text_of(minutes_pdf(minutes), ".pdf"))
    session = minutes.session
    furniture = [
        session.forum.name,
        f"Acta de la {session.title} · 16 de diciembre de 2022",
        minutes_status_line(minutes),
    ]
    for piece in furniture:
        text = text.replace(_folded(piece), " ")
    return re.sub(r"pagina \d+ de \d+", " ", text)


def test_the_fifteenth_session_is_held_as_the_acta_records_it(fifteenth):
    assert fifteenth.date == datetime.date(2022, 12, 16)
    assert (fifteenth.start_time, fifteenth.end_time) == (
        datetime.time(11, 4),
        datetime.time(12, 40),
    )
    assert fifteenth.modality == Session.Modality.VIRTUAL
    assert "Zoom" in fifteenth.place
    convocation = fifteenth.convocation
    assert (convocation.reference, convocation.date) == (
        "STL/016/2022",
        datetime.date(2022, 12, 9),
    )


def test_the_eight_present_sit_as_the_acta_says_and_the_presenter_is_a_guest(fifteenth):
    rows = {row.name: row for row in fifteenth.attendance.select_related("seat")}
    delegates = {
        name: row.seat.label
        for name, row in rows.items()
        if row.capacity == Attendance.Capacity.DELEGATE
    }
    assert delegates == {
        "Marco Antonio Becerril Garcés": "Entes Públicos",
        "Lilibeth Álvarez Rodríguez": "Entes Públicos",
        "José Edgar Marín Pérez": "Poder Judicial",
    }
    assert rows["Carlos de la Peña Jiménez O´Farril"].capacity == "holder"  # noqa: RUF001
    assert rows["Enrique Serrano Arenas"].capacity == "alternate"
    assert rows["José Martínez Vilchis"].capacity == "holder"
    assert rows["Luis Gustavo Parra Noriega"].capacity == "alternate"
    assert rows["Horacio Rodríguez Jiménez"].seat.label == "Facilitación"
    assert "en representación del Secretario" in rows["Marco Antonio Becerril Garcés"].role
    guest = rows["Iván Barrera Pineda"]
    assert (guest.capacity, guest.seat) == (Attendance.Capacity.GUEST, None)
    assert len([r for r in rows.values() if r.capacity != Attendance.Capacity.GUEST]) == 8


def test_the_agenda_is_word_for_word_with_its_presenters(fifteenth):
    items = list(fifteenth.agenda.select_related("presenter").order_by("number"))
    assert [item.title for item in items] == AGENDA
    presenters = {item.number: item.presenter_display for item in items}
    assert presenters[5] == "Iván Barrera Pineda"
    assert presenters[6] == "Ricardo Alfredo Sodi Cuéllar"
    assert presenters[7] == "Luis Gustavo Parra Noriega"
    assert presenters[8] == "Horacio Rodríguez Jiménez"
    decisive = [item.number for item in items if item.kind == AgendaItem.Kind.DECISIVE]
    assert decisive == [2, 3, 8]
    assert items[0].narrative.endswith(
        "confirmando la mayoría de los integrantes del Secretariado Técnico para su desarrollo."
    )
    assert "113,000 trámites y servicios jurídicos" in items[4].narrative


def test_the_agreements_are_word_for_word_and_unanimous(fifteenth):
    agreements = {a.code: a for a in fifteenth.agreements.select_related("vote")}
    assert {code: a.text for code, a in agreements.items()} == AGREEMENTS
    assert all(a.vote is not None and a.vote.unanimous for a in agreements.values())
    # STL/XV/2/2022 approved the 14th session's acta.
    fourteenth = Session.objects.get(kind=Session.Kind.ORDINARY, number=14)
    assert fourteenth.minutes.approval_agreement == agreements["STL/XV/2/2022"]


def test_the_2023_calendar_is_the_actas_table(fifteenth):
    planned = Session.objects.filter(calendar_agreement__code="STL/XV/3/2022").order_by("date")
    assert [(s.number, s.date) for s in planned] == [
        (16, datetime.date(2023, 2, 24)),
        (17, datetime.date(2023, 4, 28)),
        (18, datetime.date(2023, 6, 30)),
        (19, datetime.date(2023, 8, 25)),
    ]


def test_the_contraloria_agreement_stays_pending_with_what_was_reported(fifteenth):
    pending = Agreement.objects.get(session__number=14, requires_follow_up=True)
    assert pending.status == AgreementStatus.PENDING
    report = pending.follow_ups.get(session=fifteenth)
    assert "propuesta de fechas" in report.note


def test_no_placeholder_name_is_left_in_the_demo(fifteenth):
    names = list(Person.objects.values_list("name", flat=True))
    names += list(Attendance.objects.values_list("name", flat=True))
    assert names
    assert not [name for name in names if "confirmar" in name.casefold()]


def test_the_generated_acta_reads_like_the_real_one(fifteenth, capsys):
    minutes = fifteenth.minutes
    real = _real_acta()
    from_pdf = _similarity(_pdf_body_text(minutes), real)
    from_docx = _similarity(_text_of(minutes_docx(minutes), ".docx"), real)
    from_text = _similarity(minutes.text.replace("# ", "").replace("- ", ""), real)
    with capsys.disabled():
        print(  # noqa: T201 - the issue asks for the figure in the output
            f"\nSimilarity of the generated acta of the 15th session with the real one "
            f"(word tokens, difflib.SequenceMatcher): PDF {from_pdf:.4f}, "
            f"DOCX {from_docx:.4f}, text {from_text:.4f}"
        )
    assert from_pdf >= MIN_SIMILARITY
    assert from_docx >= MIN_SIMILARITY


def test_the_generated_acta_follows_the_real_form(fifteenth):
    text = fifteenth.minutes.text
    assert (
        "En el Estado de México, siendo las once horas con cuatro minutos del día dieciséis de "
        "diciembre de dos mil veintidós, se encuentran reunidos los integrantes del"
    ) in text
    assert (
        "a la cual fueron convocados por el Facilitador Horacio Rodríguez Jiménez, mediante el "
        "oficio número STL/016/2022, de fecha nueve de diciembre de dos mil veintidós"
    ) in text
    assert "en Representación del Poder Judicial del Estado de México" in text
    assert "| Viernes 24 de febrero de 2023 | 16a Sesión Ordinaria. |" in text
    assert "ACUERDO STL/XV/3/2022: Se aprueba por unanimidad" in text
    assert "XI.- No habiendo más puntos que tratar, siendo las doce horas con cuarenta" in text


def test_the_pdf_text_is_whole_words_with_no_automatic_hyphenation(fifteenth):
    text = _text_of(minutes_pdf(fifteenth.minutes), ".pdf")
    assert "\u2010" not in text
    assert "\u00ad" not in text
    assert not re.search(r"[a-záéíóúñ]-\n[a-záéíóúñ]", text)
    assert "Secretariado Técnico Local" in " ".join(text.split())
    assert "STL/XV/1/2022" in text


def test_the_historical_acta_is_public_with_its_original(fifteenth, client):
    minutes = fifteenth.minutes
    assert minutes.status == Minutes.Status.PUBLISHED
    assert minutes.approved_in_original
    original = demo.ACTA_15.read_bytes()
    assert minutes.original_sha256 == hashlib.sha256(original).hexdigest()

    page = client.get(fifteenth.get_absolute_url())
    assert page.status_code == 200
    assert minutes.original_sha256 in page.text
    assert "BORRADOR" not in page.text

    pdf = client.get(reverse("forum:minutes_pdf", args=[fifteenth.public_id]))
    assert (pdf.status_code, pdf["Content-Type"]) == (200, "application/pdf")
    assert pdf.content.startswith(b"%PDF")
    docx = client.get(reverse("forum:minutes_docx", args=[fifteenth.public_id]))
    assert docx.status_code == 200
    assert docx.content.startswith(b"PK")
    got = client.get(reverse("forum:minutes_original", args=[fifteenth.public_id]))
    assert got.status_code == 200
    assert got.content == original
    assert got["Content-Type"].startswith("text/plain")
    assert "original.txt" in got["Content-Disposition"]
    assert got["Repr-Digest"].startswith("sha-256=:")
    assert "Aprobada en su original" in minutes_status_line(minutes)


@pytest.mark.django_db
def test_a_session_without_an_original_has_no_original_download(client):
    from .factories import SessionFactory

    session = SessionFactory(status=Session.Status.HELD)
    Minutes.objects.create(session=session, text="# ACTA\n\nTexto del acta de prueba.\n")
    response = client.get(reverse("forum:minutes_original", args=[session.public_id]))
    assert response.status_code == 404
