"""Headings in small capitals that a PDF's text layer gives back a piece a line."""

from hypothesis import given
from hypothesis import strategies as st

from abierto.lib.acta.small_caps import rejoined_small_caps


def test_a_heading_in_small_capitals_is_put_back_together():
    pieces = ["A", "CT", "A", " ", "DE", " S", "ESIÓN", " O", "RDINARIA", " N", "O", ". 44"]
    text = "\n".join(["…ESTADO DE MICHOACÁN", *pieces, "En la ciudad de Tanhuato, siendo"])
    assert rejoined_small_caps(text).split("\n") == [
        "…ESTADO DE MICHOACÁN",
        "ACTA DE SESIÓN ORDINARIA NO. 44",
        "En la ciudad de Tanhuato, siendo",
    ]


def test_list_items_and_a_word_after_a_figure_start_their_own_lines():
    pieces = ["F", "ISCAL", " 2019", "A", "CT", "A", " ", "DE", " S", "ESIÓN", " O", "RDINARIA"]
    pieces += ["1.- …", "5.- "]
    pieces += ["A", "PROBACIÓN", "6", ".- …"]
    assert rejoined_small_caps("\n".join(pieces)).split("\n") == [
        "FISCAL 2019",
        "ACTA DE SESIÓN ORDINARIA",
        "1.- …",
        "5.- APROBACIÓN",
        "6.- …",
    ]


def test_short_lines_without_the_pieces_signature_are_left_alone():
    roll = "Ana Ruiz\nPresente\nLuis Paz\nPresente\n \nX\nSI\nNO"
    assert rejoined_small_caps(roll) == roll
    table = "1.- Lista\n2.- Orden\n3.- Acta\n4.- Asuntos"
    assert rejoined_small_caps(table) == table


@given(st.lists(st.text(alphabet="abcdefghij ,.", min_size=13, max_size=60), max_size=8))
def test_long_lines_are_never_touched(lines):
    text = "\n".join(lines)
    assert rejoined_small_caps(text) == text
