"""Shared helpers: offset-keeping folding, names, dates and times in running text."""

import datetime
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from abierto.lib.acta.names import looks_like_name, split_name_role
from abierto.lib.acta.text import fold, sentences
from abierto.lib.acta.when import find_dates, find_times


def test_fold_keeps_every_offset():
    text = "Sesión Décimo Quinta, 15ª; Ñuñoa ½ İstanbul ß"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.startswith("sesion decimo quinta, 15a;")


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Lic. Ana Laura Benítez Olvera", "Ana Laura Benítez Olvera", None),
        (
            "Gustavo Miguel Meixueiro Nájera, Consejero Presidente",
            "Gustavo Miguel Meixueiro Nájera",
            "Consejero Presidente",
        ),
        (
            "Consejera Electoral, Nayma Enríquez Estrada",
            "Nayma Enríquez Estrada",
            "Consejera Electoral",
        ),
        (
            "Mtro. Gregorio González Nava Director General de Transparencia",
            "Gregorio González Nava",
            "Director General de Transparencia",
        ),
        ("el Comisionado Presidente Juan Pérez Soto", "Juan Pérez Soto", "Comisionado Presidente"),
        ("los C.C. Regidores GUILLERMO PINEDA BOURS", "GUILLERMO PINEDA BOURS", "Regidor"),
        (
            "C.P. Arturo Domínguez Salas, Contralor Municipal",
            "Arturo Domínguez Salas",
            "Contralor Municipal",
        ),
        ("Profesor Juan Silva Palacio", "Juan Silva Palacio", None),
        ("J. Jesús Parra", "J. Jesús Parra", None),
        (
            "Ing. Ramiro Ocampo Fuentes, Director de Obras Públicas, en su calidad de invitado",
            "Ramiro Ocampo Fuentes",
            "Director de Obras Públicas",
        ),
    ],
)
def test_names_lose_titles_and_keep_their_role(text, name, role):
    assert split_name_role(text) == (name, role)


@pytest.mark.parametrize(
    "text",
    [
        "Secretaría de la Contraloría",
        "Orden del Día",
        "Derechos Humanos",
        "en la Sala de Juntas",
        "Ana",
    ],
)
def test_institutions_and_phrases_are_not_names(text):
    assert not looks_like_name(text)
    assert split_name_role(text) is None


def test_sentences_do_not_end_at_abbreviations_or_initials():
    text = "Presentó la Lic. Ana Ruiz el informe. Se aprueba por unanimidad. J. Jesús Parra votó."
    spans = [text[start:end].strip() for start, end in sentences(text)]
    assert spans == [
        "Presentó la Lic. Ana Ruiz el informe.",
        "Se aprueba por unanimidad.",
        "J. Jesús Parra votó.",
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "del día dieciséis de diciembre de dos mil veintidós, reunidos",
            datetime.date(2022, 12, 16),
        ),
        ("Fecha 1º de septiembre de 2020", datetime.date(2020, 9, 1)),
        ("ACTA DE LA SESIÓN EXTRAORDINARIA 05 DE JUNIO 2021", datetime.date(2021, 6, 5)),
        (
            "a los veinte días del mes de abril del año dos mil veintitrés",
            datetime.date(2023, 4, 20),
        ),
        ("del día sábado cinco de junio de dos mil veintiuno", datetime.date(2021, 6, 5)),
        ("celebrada el 24/02/2023 en", datetime.date(2023, 2, 24)),
    ],
)
def test_dates_are_found_in_words_and_digits(text, date):
    assert [found.value for found in find_dates(text)] == [date]


def test_impossible_and_masked_dates_are_not_found():
    assert find_dates("el 30 de febrero de 2023 y el 07 XX XXXXXX DE 2020") == []


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("siendo las once horas con cuatro minutos del día", datetime.time(11, 4)),
        ("a las 11:01 horas del día", datetime.time(11, 1)),
        ("siendo las 20 horas del día", datetime.time(20, 0)),
        ("a las 12:20 hrs. del mismo día", datetime.time(12, 20)),
        ("las veintitrés horas con cuarenta y siete minutos", datetime.time(23, 47)),
        ("Siendo las 11 con 57 minutos del martes", datetime.time(11, 57)),
        ("inició a las 5:30 p.m.", datetime.time(17, 30)),
    ],
)
def test_times_are_found_in_words_and_digits(text, time):
    assert [found.value for found in find_times(text)] == [time]


def test_amounts_with_a_decimal_point_are_not_times():
    assert find_times("una inversión de 18.50 millones") == []


def test_dotted_initials_of_a_title_and_lettered_sub_items():
    text = (
        "A propuesta de la M.D.O. Ana Ruiz, se acordó buscar un estándar. d) Además, la "
        "Maestra informó del comunicado."
    )
    assert [text[start:end].strip() for start, end in sentences(text)] == [
        "A propuesta de la M.D.O. Ana Ruiz, se acordó buscar un estándar.",
        "d) Además, la Maestra informó del comunicado.",
    ]


def test_a_span_of_days_is_no_date():
    assert find_dates("las próximas sesiones, en los primeros quince días de junio de 2020") == []
    assert [found.value for found in find_dates("el quince de junio de 2020")] == [
        datetime.date(2020, 6, 15)
    ]


@given(st.text(alphabet=st.sampled_from("Aa .;d)M\nÉ1"), max_size=200))
@settings(max_examples=200)
def test_sentences_cover_the_text_in_order_without_overlap(text):
    spans = sentences(text)
    assert all(start < end for start, end in spans)
    assert all(left[1] <= right[0] for left, right in itertools.pairwise(spans))
    covered = {index for start, end in spans for index in range(start, end)}
    assert all(index in covered for index, char in enumerate(text) if not char.isspace())
    assert all(text[start:end].strip() for start, end in spans)
