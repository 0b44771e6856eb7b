"""Cleaning the text layer: OCR noise, broken lines, dashes, spaces and quotes."""

import pytest
from hypothesis import given

from abierto.lib.acta.normalize import normalize_text


def test_a_word_hyphenated_at_a_line_end_is_rejoined():
    assert normalize_text("aprobación del acta an-\nterior.") == "aprobación del acta anterior."


def test_a_hyphen_between_capitals_across_lines_is_kept():
    assert "Ciudad-" in normalize_text("Ciudad-\nEstado de México")


@pytest.mark.parametrize(
    ("noisy", "clean"),
    [
        ("Il. Lectura del orden del día.", "II. Lectura del orden del día."),
        ("IIl.- Aprobación del acta.", "III.- Aprobación del acta."),
        ("Vl) Asuntos generales.", "VI) Asuntos generales."),
        ("XIl. Clausura.", "XII. Clausura."),
    ],
)
def test_ocr_roman_numerals_with_a_lower_case_l_are_read_as_capital_i(noisy, clean):
    assert normalize_text(noisy) == clean


def test_digits_and_words_that_look_roman_are_left_alone():
    assert normalize_text("11. Punto once. El l. de aceite.") == "11. Punto once. El l. de aceite."


@pytest.mark.parametrize(
    "dashes",
    ["2020. --------------------", "2020. - - - - - - -", "2020.-----", "2020. --"],
)
def test_filler_dashes_are_removed(dashes):
    assert normalize_text(dashes) == "2020."


def test_a_list_dash_after_a_number_survives():
    assert normalize_text("1.- Lista de asistencia") == "1.- Lista de asistencia"


def test_a_sentence_broken_over_lines_is_joined():
    text = "siendo las once horas del día\ndieciséis de diciembre, reunidos en la Sala\nde Cabildos"
    assert normalize_text(text) == (
        "siendo las once horas del día dieciséis de diciembre, reunidos en la Sala de Cabildos"
    )


def test_list_items_and_table_rows_stay_on_their_own_lines():
    text = "ORDEN DEL DÍA\nI. Lista de asistencia\nII. Aprobación\nAna Ruiz | Presidenta"
    assert normalize_text(text).split("\n") == [
        "ORDEN DEL DÍA",
        "I. Lista de asistencia",
        "II. Aprobación",
        "Ana Ruiz | Presidenta",
    ]


def test_an_export_with_a_blank_line_after_every_line_reads_as_continuous_text():
    text = (
        "ACTA NUMERO 70.- En Ciudad Obregón,\n\nMéxico, siendo las diecinueve horas, "
        "bajo\n\nla Presidencia del\n\nING. MANUEL BARRO, se reunieron\n\nlos regidores.\n\n"
    )
    assert normalize_text(text) == (
        "ACTA NUMERO 70.- En Ciudad Obregón, México, siendo las diecinueve horas, bajo la "
        "Presidencia del ING. MANUEL BARRO, se reunieron los regidores."
    )


def test_page_numbers_and_page_headers_are_dropped():
    text = "primer párrafo.\n\nPágina 2 de 14\n- 3 -\n12\nsegundo párrafo."
    assert normalize_text(text) == "primer párrafo.\n\nsegundo párrafo."


def test_non_breaking_spaces_smart_quotes_and_dashes_become_plain():
    text = "el\u00a0compromiso “Caravanas” de \u2018justicia\u2019 \u2013 2023\u202fhoras"
    assert normalize_text(text) == "el compromiso \"Caravanas\" de 'justicia' - 2023 horas"


def test_tab_separated_columns_become_cells():
    assert normalize_text("Nombre\tCargo\t\tAsistencia") == "Nombre | Cargo | Asistencia"


def test_pdf_artifacts_in_initials_and_codes_are_mended():
    assert normalize_text("C.P . Arturo Salas\nCT/SE/\n03/2023-01") == (
        "C.P. Arturo Salas\nCT/SE/03/2023-01"
    )


def test_markdown_marks_are_dropped():
    assert normalize_text("# ACTA\n**Fecha:** 1 de mayo") == "ACTA\nFecha: 1 de mayo"


def test_soft_hyphens_and_zero_width_characters_disappear():
    assert normalize_text("trans\u00adparencia\u200b") == "transparencia"


# --- The scans that start from a literal read what the patterns they replaced read -------
# (issue 13's speed: a pattern that starts with a look-behind or a "[ ]*" is tried at every
# character of a long acta; each was rewritten to start from its literal, and these tests hold
# the rewrite to the old pattern's definition.)

_PIECES = [
    "a",
    "Z",
    "é",
    "1",
    "12",
    " ",
    "  ",
    "\t",
    "\n",
    ".",
    ",",
    ":",
    "-",
    "--",
    "ó",
    "#",
    ">",
    "**",
    "de",
    "mayo",
    "día",
    "Sesié",
    "n",
    "recié",
    "Rec",
    "ci",
    "presente",
    "(",
    ")",
    "asist.",
    "x",
]


def _texts():
    from hypothesis import strategies as st

    return st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@given(text=_texts())
def test_tab_cells_as_the_tab_pattern(text):
    import re

    from abierto.lib.acta.normalize import _tab_cells

    old = re.compile(r"(?<=\S)[ ]*\t[\t ]*(?=\S)")
    assert _tab_cells(text) == old.sub(" | ", text)


@given(text=_texts())
def test_line_end_dashes_as_the_trailing_dashes_pattern(text):
    import re

    from abierto.lib.acta.normalize import _without_line_end_dashes

    old = re.compile(r"(?:(?<=[.:;,])[ ]*-+|(?<![ ])[ ]+-{2,})[ ]*$", re.MULTILINE)
    assert _without_line_end_dashes(text) == old.sub("", text)


@given(text=_texts())
def test_glued_days_as_the_glued_day_pattern(text):
    import re

    from abierto.lib.acta.glued import MONTH_NAMES as _MONTH_NAMES
    from abierto.lib.acta.glued import unglued_days as _unglued_days

    old = re.compile(rf"(?<=[a-záéíóúñ])(?=\d{{1,2}}\s+de\s+(?:{_MONTH_NAMES})\b)", re.IGNORECASE)
    assert _unglued_days(text) == old.sub(" ", text)


@given(text=_texts())
def test_ocr_ion_as_the_old_pattern(text):
    import re

    from abierto.lib.acta.normalize import _OCR_ION_RE

    old = re.compile(r"(?<![Rr][Ee]c)(?<![Rr][Ee]C)(?<=[cCsS])([iI])([éÉ])(?=[nN]\b)")
    expected = old.sub(lambda match: match[1] + ("ó" if match[2] == "é" else "Ó"), text)
    assert _OCR_ION_RE.sub(lambda m: "ó" if m.group() == "é" else "Ó", text) == expected


@given(text=_texts())
def test_roll_call_marks_as_the_old_pattern(text):
    import re

    from abierto.lib.acta.roll_call import _marks

    # (with the full stop after a letter that closes an office: "Vocal. Presente.")
    old = re.compile(
        r"\s*(?:,|:|-|(?<=[a-z])\.)\s*presente\b(?=\s*(?:[;,.)\n]|y\s|$))"
        r"|\s*\(\s*(?:presente|asist(?:e|io|encia)?\.?)\s*\)"
    )
    assert _marks(text) == [(m.start(), m.end()) for m in old.finditer(text)]


def test_markdown_marks_are_removed_at_line_starts_only():
    from abierto.lib.acta.normalize import _without_markdown

    assert _without_markdown("## Acta\n> cita\nNo. #3 a > b\n**Uno** __dos__") == (
        "Acta\ncita\nNo. #3 a > b\nUno dos"
    )


@pytest.mark.parametrize(
    ("glued", "apart"),
    [
        ("a las12:00docehorasdel día", "a las 12:00 docehorasdel día"),
        (
            "la Sesión Extraordinaria29/2017, del Comité",
            "la Sesión Extraordinaria 29/2017, del Comité",
        ),
        ("a las 12:00 horas", "a las 12:00 horas"),  # already apart
        ("el folio 12:0045 y el oficio 3/20171", "el folio 12:0045 y el oficio 3/20171"),  # no time
        ("CT/EXT/1°/2021", "CT/EXT/1°/2021"),
    ],
)
def test_figures_glued_to_words_are_put_apart(glued, apart):
    from abierto.lib.acta.glued import unglued_figures

    assert unglued_figures(glued) == apart
