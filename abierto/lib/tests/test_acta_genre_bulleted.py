"""Patterns of the genre from issue 13's heldK round (an anticorruption system's signed minutes,
scanned): bulleted attendance read back by OCR, a calendar table whose columns OCR lost, people
represented by others, a session declared closed, a venue given without its article.

Each test is a short synthetic snippet in the words actas use (invented names), never a corpus
file.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from abierto.lib.acta import parse_acta_text
from abierto.lib.acta.ocr import OcrWord
from abierto.lib.acta.ocr_marks import with_bullets

OPENING = (
    "Acta de 1a Sesión ordinaria de la Comisión Ejecutiva del Sistema Anticorrupción del "
    "Estado de Durango 2023-2024\n\n"
    "En Durango, Durango, siendo las diez horas del día treinta de octubre de dos mil veintitrés, "
    "se llevó a cabo la primera sesión ordinaria de la Comisión Ejecutiva, a la cual acudieron "
    "los siguientes integrantes:\n\n"
    "Asistencia presencial\n\n"
    "• Lic. Ramón Ortega Luna, Secretario Técnico de la Secretaría\n"
    "Ejecutiva.\n\n"
    "• Sara Elena Robles Díaz, Coordinadora de la Comisión Ejecutiva\n\n"
    "Invitado:\n\n"
    "• Pablo Ruiz Meza, Director de Política Pública\n\n"
    "Todos ellos, del Sistema Anticorrupción del Estado de Durango.\n\n"
)


def test_a_bulleted_attendance_with_group_headings_and_wrapped_entries():
    people = [(a["name"], a["role"]) for a in parse_acta_text(OPENING)["attendees"]]
    assert people == [
        ("Ramón Ortega Luna", "Secretario Técnico de la Secretaría Ejecutiva"),
        ("Sara Elena Robles Díaz", "Coordinadora de la Comisión Ejecutiva"),
        ("Pablo Ruiz Meza", "Director de Política Pública"),
    ]


def test_a_calendar_table_whose_columns_ocr_lost_keeps_every_row_from_this_session_on():
    result = parse_acta_text(
        OPENING
        + "Orden del día\n\n1. Pase de lista.\n2. Aprobación del calendario de sesiones.\n\n"
        "Desahogo de la sesión\n\n2. Aprobación del calendario de sesiones\n\n"
        "El Coordinador presentó el calendario de sesiones para el ejercicio 2023-2024.\n\n"
        "NÚMERO\nDE FECHA HORA\nSESIÓN\n\n"
        "1 Lunes 30 de octubre de 2023 9:00am\n"
        "2 Jueves 16 de noviembre de 2023 9:00 am\n"
        "3 Jueves 14 de diciembre de 2023 9:00 am\n\n"
        "Se aprueba por unanimidad de votos el calendario de sesiones.\n"
    )
    assert [item["date"] for item in result["scheduled_sessions"]] == [
        "2023-10-30",  # the session itself, the calendar's first row
        "2023-11-16",
        "2023-12-14",
    ]


def test_people_represented_by_others_did_not_attend_and_the_closing_hour():
    result = parse_acta_text(
        "En la Ciudad de Durango, siendo las 10:00 horas del día 04 de octubre de 2022, previa "
        "convocatoria, se reunieron los CC. Lic. Ana Paz Soto, Auditora Superior del Estado; "
        "C.P. José Luna Rey, Comisionado del Instituto de Transparencia, en representación del "
        "Mtro. Luis Mora Briseño, Comisionado Presidente del Instituto de Transparencia; Mtro. "
        "Raúl Vega Cano, Magistrado del Tribunal Distrital, en representación del Mtro. Felipe "
        "Mery Ayala, Presidente del Consejo de la Judicatura, todos ellos integrantes del Comité "
        "Coordinador y, el Lic. Tomás Gil Rocha, en su carácter de Secretario de Actas y, "
        "constituido este en instalaciones de la Universidad del Norte, Auditorio B, tercer "
        "piso, se llevó a cabo su décima sesión ordinaria.\n\n"
        "Una vez desahogados los temas, se declaró formalmente cerrada la décima sesión "
        "ordinaria del Comité Coordinador, siendo las 10:30 horas del mismo día.\n"
    )
    names = [a["name"] for a in result["attendees"]]
    assert "Luis Mora Briseño" not in names
    assert "Felipe Mery Ayala" not in names
    assert {"Ana Paz Soto", "José Luna Rey", "Raúl Vega Cano", "Tomás Gil Rocha"} <= set(names)
    roles = {a["name"]: a["role"] for a in result["attendees"]}
    assert roles["Tomás Gil Rocha"] == "Secretario de Actas"
    assert result["session"]["end_time"] == "10:30"
    assert result["session"]["place"].startswith("instalaciones de la Universidad del Norte")


def _words(text: str) -> list[OcrWord]:
    return [OcrWord(word, 90.0, 10 * i, 0, 8, 10) for i, word in enumerate(text.split())]


def test_bullets_read_as_letters_or_signs_become_bullets_but_a_conjunction_stays():
    lines = [
        _words("e Rosalío Medina Martínez, Secretario Técnico"),
        _words("+ Jafia Pacheco Valtierra, Coordinadora"),
        _words("e Ignacio Torres y otros asistentes"),
        _words("o Presidente Municipal"),
    ]
    texts = [" ".join(w.text for w in line) for line in with_bullets(lines)]
    assert texts[0].startswith("\u2022 Rosalío")
    assert texts[1].startswith("\u2022 Jafia")
    assert texts[2].startswith("e Ignacio")  # "e" before an "i" sound is the conjunction
    assert texts[3].startswith("\u2022 Presidente")


def test_a_single_mark_is_no_list():
    lines = [_words("e Rosalío Medina Martínez, Secretario Técnico"), _words("Se abre la sesión")]
    assert with_bullets(lines)[0][0].text == "e"


@given(st.lists(st.text(alphabet="eo+«»ab XYZ", max_size=12), max_size=6))
def test_bullets_only_change_a_line_s_first_word(texts):
    lines = [_words(text) for text in texts if text.split()]
    before = [[w.text for w in line] for line in lines]
    after = [[w.text for w in line] for line in with_bullets(lines)]
    assert [line[1:] for line in after] == [line[1:] for line in before]


def test_a_plural_office_after_a_run_of_names_and_a_coded_title_number():
    result = parse_acta_text(
        "ACTA DE SESIÓN DE AYUNTAMIENTO 23/2009/SO\n"
        "A las 16:30 horas del miércoles 8 de diciembre de 2021, los integrantes de la Comisión "
        "de Pesca se reunieron en el vestíbulo del edificio C, sito en Avenida Juárez 12, "
        "colonia Centro, alcaldía Cuauhtémoc, para celebrar la segunda reunión plenaria, con el "
        "siguiente orden del día:\n"
        "1. Lista de asistencia y declaración de quórum\n"
        "En la reunión se registró la asistencia de los siguientes\n"
        "Diputados: Ana Ruiz Soto, presidenta; Pedro Gil Mora, Luis Paz Rey, Rosa Lima Vega y "
        "Julia Mar Ortiz, secretarios; Tomás Peña Cruz, Elsa Ríos Gómez.\n"
    )
    assert result["session"]["number"] == 23
    assert result["session"]["place"] == (
        "vestíbulo del edificio C, sito en Avenida Juárez 12, colonia Centro, alcaldía Cuauhtémoc"
    )
    assert [(a["name"], a["role"]) for a in result["attendees"]] == [
        ("Ana Ruiz Soto", "presidenta"),
        ("Pedro Gil Mora", "secretario"),
        ("Luis Paz Rey", "secretario"),
        ("Rosa Lima Vega", "secretario"),
        ("Julia Mar Ortiz", "secretario"),
        ("Tomás Peña Cruz", None),
        ("Elsa Ríos Gómez", None),
    ]


_CUE_WORDS = [
    "estando",
    "presentes",
    "con",
    "la",
    "asistencia",
    "de",
    "los",
    "consejeros",
    ":",
    "se",
    "reunieron",
    "acudieron",
    "encuentran",
    "conectados",
    "bajo",
    "presidencia",
    "del",
    "y",
    "integrado",
    "por",
    "las",
    "regidoras",
    "asisten",
    "hallandose",
    "presente",
    "convocados",
    "Ana",
    ";",
    "presencia",
    "tambien",
    # a word of each branch's start, so that a branch the scan's start words miss is found
    "encontrandose",
    "encontraban",
    "estan",
    "estuvieron",
    "contando",
    "concurrieron",
    "congregados",
    "integrada",
    "asistio",
    "reunidos",
    "reunen",
    "ciudadanos",
    "comisionadas",
    "magistrados",
    "vocales",
    "conectadas",
    "convocadas",
    "por",
]


@given(st.lists(st.sampled_from(_CUE_WORDS), max_size=40))
def test_the_cue_scan_finds_what_the_cue_pattern_finds(words):
    from abierto.lib.acta.prose_cues import _PROSE_CUE_RE, prose_cues
    from abierto.lib.acta.text import fold

    folded = fold(" ".join(words))
    expected = [(m.start(), m.end()) for m in _PROSE_CUE_RE.finditer(folded)]
    assert [(m.start(), m.end()) for m in prose_cues(folded, 0, len(folded))] == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "hago constar que se encuentran presentes los comisionados",
        "se encontraban conectados a la plataforma",
        "contando con la presencia de la Consejera",
        "y las ciudadanas Regidoras: Ana Ruiz",
        "estando tambien presentes los vocales",
        "quienes asistieron como invitados especiales",
        "convocados por el Presidente ING. A; LIC. B; C; D;",
        "se encuentran las y los siguientes\nDiputados: Ana Ruiz",
        "Lista de asistencia\nPresidencia: Ana Ruiz.",
        "Los presentes fueron: Ana Ruiz (Presidenta)",
        "por videoconferencia participaron Ana Ruiz, Comisionada",
        "bajo la moderación de Ana Ruiz, facilitadora",
    ],
)
def test_each_cue_is_found_by_the_scan(phrase):
    """The scan tries the cue only where a cue's first words stand: each branch is reached."""
    from abierto.lib.acta.prose_cues import _PROSE_CUE_RE, prose_cues
    from abierto.lib.acta.text import fold

    folded = fold(phrase)
    expected = [(m.start(), m.end()) for m in _PROSE_CUE_RE.finditer(folded)]
    assert expected
    assert [(m.start(), m.end()) for m in prose_cues(folded, 0, len(folded))] == expected
