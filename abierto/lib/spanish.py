"""Spanish numbers, ordinals, times and dates in the style of Mexican actas.

Writers produce the formal wording an acta uses ("a las once horas con cuatro
minutos del día dieciséis de diciembre de dos mil veintidós"); readers accept
that wording and the usual shorthand ("11:04 hrs.", "16/12/2022", "15ª"),
ignoring case, accents and extra spaces, and raise ``ValueError`` otherwise.
"""

import datetime
import re
import unicodedata
from typing import Literal

from abierto.lib.roman import from_roman

MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
WEEKDAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")

MAX_CARDINAL = 999_999_999_999
MAX_ORDINAL = 999


def _fold(text: str) -> str:
    """Lower-case ``text``, drop accents and collapse whitespace.

    NFKD (not NFD) also turns the ordinal indicators "ª" and "º" into "a" and "o".
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


# --- Cardinal numbers -------------------------------------------------------

# How the number one is written: "uno" standalone, "un" before a masculine noun
# or before "mil"/"millón", "una" before a feminine noun.
_One = Literal["uno", "un", "una"]

_UNITS = ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve")
_TEN_TO_TWENTY_NINE = (
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
)
_TENS = ("", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa")
_HUNDREDS = (
    "",
    "ciento",
    "doscientos",
    "trescientos",
    "cuatrocientos",
    "quinientos",
    "seiscientos",
    "setecientos",
    "ochocientos",
    "novecientos",
)
_TWENTY_ONE: dict[_One, str] = {"uno": "veintiuno", "un": "veintiún", "una": "veintiuna"}


def _hundreds_word(hundreds: int, feminine: bool) -> str:
    word = _HUNDREDS[hundreds]
    if feminine and word.endswith("os"):
        return word[:-2] + "as"
    return word


def _below_hundred(n: int, one: _One) -> str:
    if n == 1:
        return one
    if n == 21:
        return _TWENTY_ONE[one]
    if n < 10:
        return _UNITS[n]
    if n < 30:
        return _TEN_TO_TWENTY_NINE[n - 10]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _TENS[tens]
    return f"{_TENS[tens]} y {_below_hundred(unit, one)}"


def _below_thousand(n: int, one: _One) -> str:
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if n == 100:
        words.append("cien")
    elif hundreds:
        words.append(_hundreds_word(hundreds, feminine=one == "una"))
    if rest:
        words.append(_below_hundred(rest, one))
    return " ".join(words)


def _below_million(n: int, one: _One) -> str:
    """Words for 1..999_999; the thousands agree in gender ("doscientas mil horas")."""
    thousands, rest = divmod(n, 1000)
    words: list[str] = []
    if thousands == 1:
        words.append("mil")
    elif thousands:
        words.append(_below_thousand(thousands, "una" if one == "una" else "un") + " mil")
    if rest:
        words.append(_below_thousand(rest, one))
    return " ".join(words)


def number_to_words(n: int, feminine: bool = False, *, apocope: bool = False) -> str:
    """Spell ``n`` (0..999_999_999_999) as a Spanish cardinal.

    ``feminine`` agrees with a feminine noun ("veintiuna horas", "doscientas
    personas"); ``apocope`` shortens a final one before a masculine noun
    ("veintiún votos", "un minuto"). "Millón" is masculine, so the count of
    millions always takes "un": "un millón", "veintiún millones".
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"number_to_words expects an int, got {type(n).__name__}")
    if not 0 <= n <= MAX_CARDINAL:
        raise ValueError(f"number_to_words covers 0..{MAX_CARDINAL}, got {n}")
    if feminine and apocope:
        raise ValueError("apocope only applies to the masculine form")
    if n == 0:
        return "cero"
    one: _One = "una" if feminine else "un" if apocope else "uno"
    millions, rest = divmod(n, 1_000_000)
    words: list[str] = []
    if millions:
        words.append(_below_million(millions, "un"))
        words.append("millón" if millions == 1 else "millones")
    if rest:
        words.append(_below_million(rest, one))
    return " ".join(words)


_Kind = Literal["zero", "unit", "teen", "tens", "hundred", "mil", "millon", "y", "end"]


def _build_lexicon() -> dict[str, tuple[_Kind, int]]:
    lexicon: dict[str, tuple[_Kind, int]] = {
        "cero": ("zero", 0),
        "un": ("unit", 1),
        "una": ("unit", 1),
    }
    for value, word in enumerate(_UNITS[1:], start=1):
        lexicon[word] = ("unit", value)
    for value, word in enumerate(_TEN_TO_TWENTY_NINE, start=10):
        lexicon[_fold(word)] = ("teen", value)
    for word in _TWENTY_ONE.values():
        lexicon[_fold(word)] = ("teen", 21)
    for tens in range(3, 10):
        lexicon[_TENS[tens]] = ("tens", tens * 10)
    for hundreds in range(1, 10):
        for feminine in (False, True):
            lexicon[_hundreds_word(hundreds, feminine)] = ("hundred", hundreds * 100)
    lexicon["cien"] = ("hundred", 100)
    lexicon["mil"] = ("mil", 1000)
    lexicon["millon"] = ("millon", 1_000_000)
    lexicon["millones"] = ("millon", 1_000_000)
    lexicon["y"] = ("y", 0)
    return lexicon


_LEXICON = _build_lexicon()


class _CardinalParser:
    """Recursive-descent reader for the grammar ``[count (millón|millones)] [below-million]``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = _fold(text).split()
        unknown = [word for word in self.words if word not in _LEXICON]
        if unknown:
            raise ValueError(f"Cannot read {text!r} as a number: unknown word {unknown[0]!r}")
        self.pos = 0

    def parse(self) -> int:
        if self.words == ["cero"]:
            return 0
        count = self._below_million()
        if count is None:
            raise self._error("expected a number")
        if self._peek()[0] == "millon":
            self.pos += 1
            count = count * 1_000_000 + (self._below_million() or 0)
        if self.pos != len(self.words):
            raise self._error(f"unexpected {self.words[self.pos]!r}")
        return count

    def _error(self, reason: str) -> ValueError:
        return ValueError(f"Cannot read {self.text!r} as a number: {reason}")

    def _peek(self) -> tuple[_Kind, int]:
        if self.pos < len(self.words):
            return _LEXICON[self.words[self.pos]]
        return ("end", 0)

    def _below_million(self) -> int | None:
        first = self._group()
        if self._peek()[0] != "mil":
            return first
        self.pos += 1
        return (1 if first is None else first) * 1000 + (self._group() or 0)

    def _group(self) -> int | None:
        """Read 1..999, or return None when no group starts here."""
        start = self.pos
        kind, hundreds = self._peek()
        if kind == "hundred":
            word = self.words[self.pos]
            self.pos += 1
            if word == "cien":
                return hundreds
        else:
            word, hundreds = "", 0
        tail = self._tens_and_units()
        if word == "ciento" and tail == 0:
            raise self._error("'ciento' must be followed by tens or units")
        return hundreds + tail if self.pos > start else None

    def _tens_and_units(self) -> int:
        kind, number = self._peek()
        if kind == "unit":
            self.pos += 1
            return number
        if kind == "teen":
            self.pos += 1
            # Older actas write "diez y seis", "veinte y uno".
            if number in (10, 20) and self._peek()[0] == "y":
                return number + self._unit_after_y()
            return number
        if kind == "tens":
            self.pos += 1
            next_kind, unit = self._peek()
            if next_kind == "y":
                return number + self._unit_after_y()
            if next_kind == "unit":  # tolerate a missing "y": "treinta uno"
                self.pos += 1
                return number + unit
            return number
        return 0

    def _unit_after_y(self) -> int:
        self.pos += 1  # the "y"
        kind, number = self._peek()
        if kind != "unit":
            raise self._error("expected a unit after 'y'")
        self.pos += 1
        return number


def words_to_number(text: str) -> int:
    """Read a Spanish cardinal written in words (inverse of ``number_to_words``).

    Besides the canonical spelling it accepts any case, missing accents, extra
    spaces, feminine forms and apocopes ("una", "veintiún"), "un mil", the old
    "diez y seis", a missing "y" after the tens, and "millón"/"millones"
    regardless of agreement, because scanned actas are not always tidy.
    """
    return _CardinalParser(text).parse()


# --- Ordinal numbers --------------------------------------------------------

_ORDINAL_UNITS = (
    "primero",
    "segundo",
    "tercero",
    "cuarto",
    "quinto",
    "sexto",
    "séptimo",
    "octavo",
    "noveno",
)
_ORDINAL_TENS = (
    "décimo",
    "vigésimo",
    "trigésimo",
    "cuadragésimo",
    "quincuagésimo",
    "sexagésimo",
    "septuagésimo",
    "octogésimo",
    "nonagésimo",
)
_ORDINAL_HUNDREDS = (
    "centésimo",
    "ducentésimo",
    "tricentésimo",
    "cuadringentésimo",
    "quingentésimo",
    "sexcentésimo",
    "septingentésimo",
    "octingentésimo",
    "noningentésimo",
)


def ordinal_to_words(n: int, feminine: bool = True) -> str:
    """Spell ``n`` (1..999) as the capitalised ordinal actas put before "Sesión".

    As in "Décimo Quinta Sesión Ordinaria", only the last word agrees in gender;
    the leading words keep the masculine ending of the compound "decimoquinta".
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"ordinal_to_words expects an int, got {type(n).__name__}")
    if not 1 <= n <= MAX_ORDINAL:
        raise ValueError(f"ordinal_to_words covers 1..{MAX_ORDINAL}, got {n}")
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words = [
        table[digit - 1]
        for table, digit in (
            (_ORDINAL_HUNDREDS, hundreds),
            (_ORDINAL_TENS, tens),
            (_ORDINAL_UNITS, units),
        )
        if digit
    ]
    if feminine:
        words[-1] = words[-1][:-1] + "a"
    return " ".join(word.capitalize() for word in words)


def _stem_alternation(words: tuple[str, ...]) -> str:
    return "|".join(_fold(word)[:-1] for word in words)


_ORDINAL_UNIT_STEMS = {_fold(word)[:-1]: value for value, word in enumerate(_ORDINAL_UNITS, 1)}
_ORDINAL_UNIT_STEMS |= {"setim": 7, "non": 9}  # "sétimo", "nono": accepted old spellings
_ORDINAL_TENS_STEMS = {_fold(word)[:-1]: value for value, word in enumerate(_ORDINAL_TENS, 1)}
_ORDINAL_HUNDREDS_STEMS = {
    _fold(word)[:-1]: value for value, word in enumerate(_ORDINAL_HUNDREDS, 1)
}
# Matched against the folded text with spaces and hyphens removed, so "Décimo
# Quinta", "decimoquinta" and "décima-quinta" all read the same way.
_ORDINAL_WORDS_RE = re.compile(
    rf"(?:(?P<hundreds>{'|'.join(_ORDINAL_HUNDREDS_STEMS)})[oa])?"
    rf"(?:(?P<tens>{'|'.join(_ORDINAL_TENS_STEMS)})[oa]|(?P<special>undecim|duodecim)[oa])?"
    rf"(?:(?P<unit>{'|'.join(_ORDINAL_UNIT_STEMS)})(?P<ending>[oa]?))?"
)
_ORDINAL_DIGITS_RE = re.compile(
    r"(?P<number>\d{1,3})\s*\.?\s*(?:a|o|ra|ro|er|era|ero|da|do|ta|to|va|vo|na|no|ma|mo)?\.?",
    re.ASCII,
)


def ordinal_words_to_number(text: str) -> int:
    """Read a session ordinal: words ("Décimo Quinta", "Undécima"), "15ª", "15va" or "XV"."""
    folded = _fold(text).replace("\N{DEGREE SIGN}", "o")
    if match := _ORDINAL_DIGITS_RE.fullmatch(folded):
        return _check_ordinal(int(match["number"]), text)
    if re.fullmatch(r"[ivxlcdm]+", folded):
        return _check_ordinal(from_roman(folded), text)
    match = _ORDINAL_WORDS_RE.fullmatch(re.sub(r"[\s-]", "", folded))
    if not match or not match.group(0):
        raise ValueError(f"Cannot read {text!r} as an ordinal")
    if match["special"] and match["unit"]:
        raise ValueError(
            f"Cannot read {text!r} as an ordinal: nothing can follow {match['special']}"
        )
    if match["unit"] and not match["ending"] and match["unit"] not in ("primer", "tercer"):
        raise ValueError(f"Cannot read {text!r} as an ordinal: incomplete word {match['unit']!r}")
    value = 0
    if match["hundreds"]:
        value += 100 * _ORDINAL_HUNDREDS_STEMS[match["hundreds"]]
    if match["tens"]:
        value += 10 * _ORDINAL_TENS_STEMS[match["tens"]]
    if match["special"]:
        value += 11 if match["special"] == "undecim" else 12
    if match["unit"]:
        value += _ORDINAL_UNIT_STEMS[match["unit"]]
    return value


def _check_ordinal(value: int, text: str) -> int:
    if not 1 <= value <= MAX_ORDINAL:
        raise ValueError(f"Ordinal {text!r} is outside 1..{MAX_ORDINAL}")
    return value


# --- Times ------------------------------------------------------------------


def time_to_words(t: datetime.time) -> str:
    """Spell a 24-hour time as actas do: "las trece horas con cuatro minutos".

    Seconds are dropped: actas record the minute.
    """
    hours = number_to_words(t.hour, feminine=True)
    hour = "la una hora" if t.hour == 1 else f"las {hours} horas"
    if t.minute == 0:
        return hour
    unit = "minuto" if t.minute == 1 else "minutos"
    return f"{hour} con {number_to_words(t.minute, apocope=True)} {unit}"


_TIME_PREFIX_RE = re.compile(r"^(?:a )?(?:las? )?")
_TIME_DIGITS_RE = re.compile(
    r"(?P<hour>\d{1,2}) ?[:.] ?(?P<minute>\d{2})(?: ?(?:horas?|hrs?|hs|h)\.?)?", re.ASCII
)
_TIME_WORDS_RE = re.compile(
    r"(?P<hour>.+?) ?(?:horas?|hrs?|hs)\.?"
    r"(?: (?:(?:con|y) )?(?P<minute>.+?) ?(?:minutos?|mins?)\.?)?"
)


def parse_spanish_time(text: str) -> datetime.time:
    """Read "once horas con cuatro minutos", "las 11:04 horas", "11.00 hrs.", "12 horas"."""
    folded = _TIME_PREFIX_RE.sub("", _fold(text), count=1)
    match = _TIME_DIGITS_RE.fullmatch(folded) or _TIME_WORDS_RE.fullmatch(folded)
    if not match:
        raise ValueError(f"Cannot read {text!r} as a time")
    hour = _read_int(match["hour"])
    minute = _read_int(match["minute"]) if match["minute"] else 0
    if not 0 <= hour <= 23:
        raise ValueError(f"Hour {hour} in {text!r} is outside 0..23")
    if not 0 <= minute <= 59:
        raise ValueError(f"Minute {minute} in {text!r} is outside 0..59")
    return datetime.time(hour, minute)


def _read_int(text: str) -> int:
    """Read digits or Spanish words."""
    if re.fullmatch(r"\d+", text, re.ASCII):
        return int(text)
    return words_to_number(text)


# --- Dates ------------------------------------------------------------------


def date_to_words(d: datetime.date) -> str:
    """Spell a date in words: "dieciséis de diciembre de dos mil veintidós".

    The first of the month is "primero", as Mexican usage has it.
    """
    day = "primero" if d.day == 1 else number_to_words(d.day)
    return f"{day} de {MONTHS[d.month - 1]} de {number_to_words(d.year)}"


def date_to_text(d: datetime.date) -> str:
    """Write a date with digits: "16 de diciembre de 2022"."""
    return f"{d.day} de {MONTHS[d.month - 1]} de {d.year}"


_FOLDED_WEEKDAYS = "|".join(_fold(day) for day in WEEKDAYS)
_WEEKDAY_PREFIX_RE = re.compile(rf"^(?:el )?(?:{_FOLDED_WEEKDAYS}),? ?")
_ISO_DATE_RE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})", re.ASCII)
_NUMERIC_DATE_RE = re.compile(
    r"(?P<day>\d{1,2}) ?([/.-]) ?(?P<month>\d{1,2}) ?\2 ?(?P<year>\d{4})", re.ASCII
)
_LONG_DATE_RE = re.compile(
    r"(?:(?:el|a los|al) )?(?:dia )?(?P<day>.+?)(?: dias?)?"
    r" del? (?:mes de )?(?P<month>[a-z]+) del? (?:ano )?(?P<year>.+)"
)
_DAY_DIGITS_RE = re.compile(r"(?P<day>\d{1,2}) ?(?:o|ro|ero|er)?\.?", re.ASCII)
_MONTH_NUMBERS = {name: number for number, name in enumerate(MONTHS, start=1)} | {"setiembre": 9}


def parse_spanish_date(text: str) -> datetime.date:
    """Read a date as actas and forms write it.

    Accepts "16 de diciembre de 2022", "dieciséis de diciembre de dos mil
    veintidós", "día dieciséis del mes de diciembre del año dos mil veintidós",
    "1o. de septiembre de 2020", "primero de septiembre de 2020", an optional
    leading weekday, "16/12/2022" (day first) and "2022-12-16".
    """
    folded = _WEEKDAY_PREFIX_RE.sub("", _fold(text).rstrip(".,"), count=1)
    if match := _ISO_DATE_RE.fullmatch(folded) or _NUMERIC_DATE_RE.fullmatch(folded):
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    elif match := _LONG_DATE_RE.fullmatch(folded):
        if match["month"] not in _MONTH_NUMBERS:
            raise ValueError(f"Cannot read {text!r} as a date: unknown month {match['month']!r}")
        day = _read_day(match["day"])
        month = _MONTH_NUMBERS[match["month"]]
        year = _read_int(match["year"])
    else:
        raise ValueError(f"Cannot read {text!r} as a date")
    try:
        return datetime.date(year, month, day)
    except ValueError as error:
        raise ValueError(f"Impossible date {text!r}: {error}") from error


def _read_day(text: str) -> int:
    if text == "primero":
        return 1
    if match := _DAY_DIGITS_RE.fullmatch(text):
        return int(match["day"])
    return words_to_number(text)
