import contextlib
import datetime
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from abierto.lib.spanish import (
    MAX_CARDINAL,
    MONTHS,
    date_to_text,
    date_to_words,
    number_to_words,
    ordinal_to_words,
    ordinal_words_to_number,
    parse_spanish_date,
    parse_spanish_time,
    time_to_words,
    words_to_number,
)

# --- Cardinal numbers -------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "cero"),
        (1, "uno"),
        (15, "quince"),
        (16, "dieciséis"),
        (20, "veinte"),
        (21, "veintiuno"),
        (22, "veintidós"),
        (23, "veintitrés"),
        (26, "veintiséis"),
        (30, "treinta"),
        (31, "treinta y uno"),
        (99, "noventa y nueve"),
        (100, "cien"),
        (101, "ciento uno"),
        (115, "ciento quince"),
        (500, "quinientos"),
        (700, "setecientos"),
        (900, "novecientos"),
        (1000, "mil"),
        (1001, "mil uno"),
        (2022, "dos mil veintidós"),
        (21_000, "veintiún mil"),
        (31_000, "treinta y un mil"),
        (100_000, "cien mil"),
        (101_000, "ciento un mil"),
        (1_000_000, "un millón"),
        (1_000_001, "un millón uno"),
        (2_000_000, "dos millones"),
        (21_000_000, "veintiún millones"),
        (1_000_000_000, "mil millones"),
        (1_001_000_000, "mil un millones"),
        (
            MAX_CARDINAL,
            "novecientos noventa y nueve mil novecientos noventa y nueve millones "
            "novecientos noventa y nueve mil novecientos noventa y nueve",
        ),
    ],
)
def test_number_to_words_spells_masculine_cardinals(number: int, words: str) -> None:
    assert number_to_words(number) == words


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (1, "una"),
        (21, "veintiuna"),
        (31, "treinta y una"),
        (200, "doscientas"),
        (501, "quinientas una"),
        (200_000, "doscientas mil"),
        (21_000, "veintiuna mil"),
        (200_000_000, "doscientos millones"),
    ],
)
def test_number_to_words_feminine_agrees_except_for_millions(number: int, words: str) -> None:
    assert number_to_words(number, feminine=True) == words


@pytest.mark.parametrize(
    ("number", "words"), [(1, "un"), (21, "veintiún"), (41, "cuarenta y un"), (11, "once")]
)
def test_number_to_words_apocope_shortens_a_final_one(number: int, words: str) -> None:
    assert number_to_words(number, apocope=True) == words


@pytest.mark.parametrize("number", [-1, MAX_CARDINAL + 1])
def test_number_to_words_rejects_numbers_out_of_range(number: int) -> None:
    with pytest.raises(ValueError, match="covers"):
        number_to_words(number)


def test_number_to_words_rejects_feminine_apocope() -> None:
    with pytest.raises(ValueError, match="apocope"):
        number_to_words(1, feminine=True, apocope=True)


@given(st.integers(min_value=0, max_value=MAX_CARDINAL))
def test_number_words_round_trip(number: int) -> None:
    assert words_to_number(number_to_words(number)) == number


@given(st.integers(min_value=0, max_value=MAX_CARDINAL))
def test_feminine_number_words_round_trip(number: int) -> None:
    assert words_to_number(number_to_words(number, feminine=True)) == number


@given(st.integers(min_value=0, max_value=MAX_CARDINAL))
def test_apocope_number_words_round_trip(number: int) -> None:
    assert words_to_number(number_to_words(number, apocope=True)) == number


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("dieciseis", 16),
        ("veintidos", 22),
        ("VEINTIDÓS", 22),
        ("  dos   mil   veintidos ", 2022),
        ("Treinta Y Uno", 31),
        ("treinta uno", 31),
        ("veinte cinco", 25),
        ("veintiún", 21),
        ("veintiun mil", 21_000),
        ("un mil", 1000),
        ("novecientas", 900),
        ("diez y seis", 16),
        ("veinte y una", 21),
        ("un millon", 1_000_000),
        ("mil millones", 1_000_000_000),
    ],
)
def test_words_to_number_tolerates_case_accents_spaces_and_variants(
    words: str, number: int
) -> None:
    assert words_to_number(words) == number


@pytest.mark.parametrize(
    "words",
    [
        "",
        "   ",
        "y",
        "once y uno",
        "treinta y",
        "dos dos",
        "ciento",
        "ciento mil",
        "cien uno",
        "mil mil",
        "millón",
        "cero uno",
        "veinte mil millones millones",
        "quince pesos",
        "16",
    ],
)
def test_words_to_number_rejects_unreadable_text(words: str) -> None:
    with pytest.raises(ValueError, match="Cannot read"):
        words_to_number(words)


# --- Ordinals ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (1, "Primera"),
        (2, "Segunda"),
        (3, "Tercera"),
        (7, "Séptima"),
        (10, "Décima"),
        (11, "Décimo Primera"),
        (15, "Décimo Quinta"),
        (20, "Vigésima"),
        (23, "Vigésimo Tercera"),
        (100, "Centésima"),
        (115, "Centésimo Décimo Quinta"),
        (999, "Noningentésimo Nonagésimo Novena"),
    ],
)
def test_ordinal_to_words_uses_acta_session_style(number: int, words: str) -> None:
    assert ordinal_to_words(number) == words


def test_ordinal_to_words_masculine_ends_in_o() -> None:
    assert ordinal_to_words(15, feminine=False) == "Décimo Quinto"
    assert ordinal_to_words(1, feminine=False) == "Primero"


@pytest.mark.parametrize("number", [0, -3, 1000])
def test_ordinal_to_words_rejects_numbers_outside_1_to_999(number: int) -> None:
    with pytest.raises(ValueError, match=r"1\.\.999"):
        ordinal_to_words(number)


def test_ordinal_words_round_trip_for_1_to_999() -> None:
    for number in range(1, 1000):
        for feminine in (True, False):
            assert ordinal_words_to_number(ordinal_to_words(number, feminine)) == number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Décimo Quinta", 15),
        ("Decimoquinta", 15),
        ("décima quinta", 15),
        ("Décima Quinta", 15),
        ("décimo-quinta", 15),
        ("DECIMO QUINTA", 15),
        ("Vigésima Primera", 21),
        ("Primera", 1),
        ("primer", 1),
        ("Tercera", 3),
        ("tercer", 3),
        ("Undécima", 11),
        ("Duodécima", 12),
        ("sétima", 7),
        ("15a", 15),
        ("15\N{FEMININE ORDINAL INDICATOR}", 15),
        ("15\N{MASCULINE ORDINAL INDICATOR}", 15),
        ("15\N{DEGREE SIGN}", 15),
        ("15va", 15),
        ("1ra", 1),
        ("2da.", 2),
        ("4ta", 4),
        ("15", 15),
        ("XV", 15),
        ("xxiii", 23),
    ],
)
def test_ordinal_words_to_number_reads_alternative_forms(text: str, number: int) -> None:
    assert ordinal_words_to_number(text) == number


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Sesión",
        "Quince",
        "Décimo Quint",
        "Undécima Primera",
        "Primera Décima",
        "Quinta Quinta",
        "0a",
        "1000",
        "M",
        "IIII",
        "15xa",
    ],
)
def test_ordinal_words_to_number_rejects_unreadable_text(text: str) -> None:
    with pytest.raises(ValueError, match=r"(?i)ordinal|roman"):
        ordinal_words_to_number(text)


# --- Times ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hour", "minute", "words"),
    [
        (11, 4, "las once horas con cuatro minutos"),
        (12, 40, "las doce horas con cuarenta minutos"),
        (13, 0, "las trece horas"),
        (1, 0, "la una hora"),
        (1, 1, "la una hora con un minuto"),
        (0, 0, "las cero horas"),
        (21, 21, "las veintiuna horas con veintiún minutos"),
        (23, 59, "las veintitrés horas con cincuenta y nueve minutos"),
    ],
)
def test_time_to_words_uses_24_hour_acta_style(hour: int, minute: int, words: str) -> None:
    assert time_to_words(datetime.time(hour, minute)) == words


def test_time_to_words_drops_seconds() -> None:
    assert time_to_words(datetime.time(10, 30, 59)) == "las diez horas con treinta minutos"


def test_every_minute_of_the_day_round_trips() -> None:
    for minute_of_day in range(24 * 60):
        moment = datetime.time(*divmod(minute_of_day, 60))
        assert parse_spanish_time(time_to_words(moment)) == moment


@pytest.mark.parametrize(
    ("text", "hour", "minute"),
    [
        ("once horas con cuatro minutos", 11, 4),
        ("las 11:04 horas", 11, 4),
        ("11:00 hrs", 11, 0),
        ("11:00 hrs.", 11, 0),
        ("11.00 horas", 11, 0),
        ("doce horas", 12, 0),
        ("12 horas con 40 minutos", 12, 40),
        ("las diez horas con treinta minutos", 10, 30),
        ("a las Diez Horas con Treinta Minutos", 10, 30),
        ("la una hora con un minuto", 1, 1),
        ("9:05", 9, 5),
    ],
)
def test_parse_spanish_time_reads_words_and_shorthand(text: str, hour: int, minute: int) -> None:
    assert parse_spanish_time(text) == datetime.time(hour, minute)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "once",
        "mediodía",
        "24:00 horas",
        "11:60",
        "veinticuatro horas",
        "doce horas con sesenta minutos",
        "11:4 horas",
        "once horas con cuatro",
    ],
)
def test_parse_spanish_time_rejects_unreadable_or_impossible_times(text: str) -> None:
    with pytest.raises(ValueError, match=r"Cannot read|outside"):
        parse_spanish_time(text)


# --- Dates ------------------------------------------------------------------


def test_months_are_the_twelve_spanish_names_in_order() -> None:
    assert len(MONTHS) == 12
    assert MONTHS[0] == "enero"
    assert MONTHS[8] == "septiembre"
    assert MONTHS[11] == "diciembre"


def test_date_to_words_spells_day_month_and_year() -> None:
    date = datetime.date(2022, 12, 16)
    assert date_to_words(date) == "dieciséis de diciembre de dos mil veintidós"


def test_date_to_words_calls_the_first_day_primero() -> None:
    date = datetime.date(2020, 9, 1)
    assert date_to_words(date) == "primero de septiembre de dos mil veinte"


def test_date_to_text_writes_digits() -> None:
    assert date_to_text(datetime.date(2022, 12, 16)) == "16 de diciembre de 2022"
    assert date_to_text(datetime.date(2020, 9, 1)) == "1 de septiembre de 2020"


dates = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31))


@given(dates)
def test_date_words_round_trip(date: datetime.date) -> None:
    assert parse_spanish_date(date_to_words(date)) == date


@given(dates)
def test_date_text_round_trip(date: datetime.date) -> None:
    assert parse_spanish_date(date_to_text(date)) == date


@pytest.mark.parametrize(
    "text",
    [
        "16 de diciembre de 2022",
        "dieciséis de diciembre de dos mil veintidós",
        "día dieciséis del mes de diciembre del año dos mil veintidós",
        "a los dieciséis días del mes de diciembre de dos mil veintidós",
        "Dieciseis de Diciembre de Dos Mil Veintidos",
        "16/12/2022",
        "16-12-2022",
        "2022-12-16",
        "viernes 16 de diciembre de 2022",
        "Viernes, 16 de diciembre de 2022.",
        "el viernes dieciséis de diciembre de dos mil veintidós",
    ],
)
def test_parse_spanish_date_reads_acta_and_numeric_forms(text: str) -> None:
    assert parse_spanish_date(text) == datetime.date(2022, 12, 16)


@pytest.mark.parametrize(
    "text",
    [
        "1o. de septiembre de 2020",
        "1\N{MASCULINE ORDINAL INDICATOR} de septiembre de 2020",
        "primero de septiembre de 2020",
        "uno de septiembre de dos mil veinte",
        "1 de setiembre de 2020",
        "01/09/2020",
    ],
)
def test_parse_spanish_date_reads_the_first_of_the_month(text: str) -> None:
    assert parse_spanish_date(text) == datetime.date(2020, 9, 1)


@pytest.mark.parametrize(
    "text", ["31 de febrero de 2023", "29 de febrero de 2023", "31/04/2022", "2022-13-01"]
)
def test_parse_spanish_date_rejects_impossible_dates(text: str) -> None:
    with pytest.raises(ValueError, match="Impossible date"):
        parse_spanish_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ayer",
        "16 de diciembre",
        "16 de diciembrr de 2022",
        "16 de diciembre de 2022 y algo",
        "12/16",
        "sesenta de marzo de dos mil",
        "jueves",
    ],
)
def test_parse_spanish_date_rejects_unreadable_text(text: str) -> None:
    with pytest.raises(ValueError, match=r"Cannot read|Impossible"):
        parse_spanish_date(text)


# --- Robustness -------------------------------------------------------------

_READERS: tuple[Callable[[str], object], ...] = (
    words_to_number,
    ordinal_words_to_number,
    parse_spanish_time,
    parse_spanish_date,
)
_ACTA_WORDS = (
    "uno un una y cien ciento mil millón millones de del a las la horas con minutos día "
    "mes año décimo quinta primera XV 15ª 16 12 2022 : / - . diciembre viernes"
)
_acta_like_text = st.lists(st.sampled_from(_ACTA_WORDS.split()), max_size=8).map(" ".join)


@pytest.mark.parametrize("reader", _READERS)
@given(text=st.text(max_size=40) | _acta_like_text)
def test_readers_fail_only_with_value_error_on_arbitrary_text(
    reader: Callable[[str], object], text: str
) -> None:
    with contextlib.suppress(ValueError):
        reader(text)
