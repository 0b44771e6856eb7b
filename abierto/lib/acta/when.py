"""Find dates and times written in words or digits inside running text.

``abierto.lib.spanish`` reads a date or a time once it is isolated; actas bury
them in long sentences ("siendo las once horas con cuatro minutos del día
dieciséis de diciembre de dos mil veintidós, reunidos…"). These finders locate
candidate spans with permissive patterns on the folded text and keep only those
the strict readers accept, so a loose pattern never yields a wrong value.
"""

import datetime
import re
from dataclasses import dataclass
from typing import Generic, TypeVar

from abierto.lib.roman import from_roman
from abierto.lib.spanish import MONTHS, parse_spanish_date, parse_spanish_time, words_to_number

from .text import fold

_MONTH = "|".join([*MONTHS, "setiembre"])
_MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS, start=1)} | {"setiembre": 9}
_WORD = r"[a-z]+"
# "veinte cinco": the tens and the unit without their "y", as some actas write the day.
_TENS_UNIT = r"(?:veinte|treinta)\s+(?:un[oa]?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)"
# ("1*", "1°": a scan's reading of the ordinal sign after the first of the month)
_DAY = rf"(?:\d{{1,2}}(?:\s?(?:o|ro|er|ero)\b|[*°º])?\.?|{_TENS_UNIT}|{_WORD}(?:\s+y\s+{_WORD})?)"
# A year in figures or in words: "dos mil veintidós", "mil novecientos …", "mil ochocientos
# sesenta y tres" (a nineteenth-century cabildo's book).
_YEAR = r"(?:\d{4}|(?:dos mil|mil (?:novecientos|ochocientos|setecientos))(?:\s+[a-z]+){0,4})"
# "en los primeros quince días de junio" is a span of days, not a date.
_DATE_RE = re.compile(
    # "el día 19 (diecinueve) de abril": the day restated in words between brackets.
    # "El diecinueve (19) de septiembre": the day restated in figures.
    rf"(?<!primeros\s)(?<!ultimos\s)(?<!proximos\s)\b(?P<day>{_DAY})\s+"
    rf"(?:\((?:[a-z ]{{3,30}}|\d{{1,2}})\)\s*)?"
    rf"(?:dias?\s+)?del?\s+(?:mes\s+de\s+)?(?P<month>{_MONTH})\b\.?"
    # ("del presente año 2021": the year named after the words that point to it)
    rf"(?:\s*(?:,|del?|\s)\s*(?:(?:presente\s+)?(?:ano|año)\s+)?(?P<year>{_YEAR}))?"
)
# "Septiembre 28, 2007": the month first, as some headers write it.
_MONTH_FIRST_RE = re.compile(
    rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?:de\s+)?(?P<year>\d{{4}})\b"
)
_NUMERIC_DATE_RE = re.compile(r"\b(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4})\b")
_ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# "5-III-2021", "12/iv/2019": the month in Roman numerals, as working minutes often date.
_ROMAN_MONTH_DATE_RE = re.compile(
    r"\b(\d{1,2})\s?([/.-])\s?(xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)\s?\2\s?(\d{4})\b"
)

_HOUR_WORD = (
    r"(?:cero|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|"
    r"quince|dieciseis|diecisiete|dieciocho|diecinueve|veinte|veintiuna|veintiun|veintiuno|"
    r"veintidos|veintitres|veinticuatro)"
)
_MINUTES = rf"(?:\d{{1,2}}|{_WORD}(?:\s+y\s+{_WORD})?)"
_TIME_WORDS_RE = re.compile(
    rf"\b(?:las?\s+)(?P<hour>{_HOUR_WORD}|\d{{1,2}})\s+(?:(?:horas?|hrs?)\b\.?)?"
    rf"(?:\s*de\s+la\s+(?P<period>manana|tarde|noche)\b)?"
    # "a las once horas treinta minutos": the minutes may follow with no "con"
    rf"(?:\s*(?:(?:con|y)\s+)?(?P<minute>{_MINUTES})\s+minutos?\b)?"
)
# "a las once y treinta horas", "a las diez treinta horas": the minutes before the word "horas".
_TIME_AND_RE = re.compile(
    rf"\b(?:las?\s+)(?P<hour>{_HOUR_WORD}|\d{{1,2}})\s+(?:y\s+)?(?P<minute>{_MINUTES})\s+(?:horas?|hrs?)\b\.?"
)
_TIME_DIGITS_RE = re.compile(
    # "17; :00 horas": a scan may read a speck before the colon as a semicolon.
    r"\b(?P<hour>\d{1,2})\s?(?:;\s?)?(?P<sep>[:.])\s?(?P<minute>\d{2})\b(?!\s?[:./]\s?\d)"
    r"(?:\s*(?P<suffix>horas?\b|hrs?\b\.?|hs\b|h\b|a\.?\s?m\b\.?|p\.?\s?m\b\.?))?"
)
# Not the minutes of a time whose hour was misread (":00 horas").
_TIME_HOURS_ONLY_RE = re.compile(
    r"(?<![:.])(?<![:.]\s)\b(?P<hour>\d{1,2})\s*(?:horas?|hrs?)\b\.?"
    # "El C. presidente, a las 19: De acuerdo con …": a speaker's label that gives the hour.
    r"|\ba\s+las\s+(?P<labelled>\d{1,2}):(?=\s+[^\d\s])"
)

T = TypeVar("T")


@dataclass(frozen=True)
class Found(Generic[T]):
    """A value read from ``text[start:end]``."""

    start: int
    end: int
    value: T


def find_dates(text: str, folded: str | None = None) -> list[Found[datetime.date]]:
    """Every complete date in ``text``, in order of appearance."""
    folded = fold(text) if folded is None else folded
    found: list[Found[datetime.date]] = []
    for match in _DATE_RE.finditer(folded):
        if match["year"] is None:
            continue
        value = _read_long_date(match["day"], match["month"], match["year"])
        if value is not None:
            found.append(Found(match.start(), match.end(), value))
    for match in _MONTH_FIRST_RE.finditer(folded):
        value = _safe_date(int(match["year"]), _MONTH_NUMBER[match["month"]], int(match["day"]))
        if value is not None:
            found.append(Found(match.start(), match.end(), value))
    for match in _NUMERIC_DATE_RE.finditer(folded):
        value = _safe_date(int(match[4]), int(match[3]), int(match[1]))
        if value is not None:
            found.append(Found(match.start(), match.end(), value))
    for match in _ISO_DATE_RE.finditer(folded):
        value = _safe_date(int(match[1]), int(match[2]), int(match[3]))
        if value is not None:
            found.append(Found(match.start(), match.end(), value))
    for match in _ROMAN_MONTH_DATE_RE.finditer(folded):
        value = _safe_date(int(match[4]), from_roman(match[3]), int(match[1]))
        if value is not None:
            found.append(Found(match.start(), match.end(), value))
    found.sort(key=lambda item: item.start)
    return _drop_overlaps(found)


def find_day_months(
    text: str, folded: str | None = None
) -> list[Found[tuple[int, int, int | None]]]:
    """Dates that may lack the year ("24 de febrero"), as ``(day, month, year or None)``."""
    folded = fold(text) if folded is None else folded
    found: list[Found[tuple[int, int, int | None]]] = []
    for match in _DATE_RE.finditer(folded):
        day = _read_day(match["day"])
        if day is None or not 1 <= day <= 31:
            continue
        year = _read_year(match["year"]) if match["year"] else None
        end = match.end() if year is not None else match.end("month")
        found.append(Found(match.start(), end, (day, _MONTH_NUMBER[match["month"]], year)))
    for match in _NUMERIC_DATE_RE.finditer(folded):
        found.append(
            Found(match.start(), match.end(), (int(match[1]), int(match[3]), int(match[4])))
        )
    for match in _ROMAN_MONTH_DATE_RE.finditer(folded):
        month = from_roman(match[3])
        found.append(Found(match.start(), match.end(), (int(match[1]), month, int(match[4]))))
    found.sort(key=lambda item: item.start)
    return found


def find_times(text: str, folded: str | None = None) -> list[Found[datetime.time]]:
    """Every time of day in ``text``: "once horas con cuatro minutos", "11:04 hrs", "20 horas"."""
    folded = fold(text) if folded is None else folded
    found: list[Found[datetime.time]] = []
    for match in _TIME_WORDS_RE.finditer(folded):
        if not (match["minute"] or match["period"]) and not re.search(r"hora|hrs?", match.group(0)):
            continue
        value = _read_time(match["hour"], match["minute"])
        if value is not None and match["period"] in ("tarde", "noche") and value.hour < 12:
            value = value.replace(hour=value.hour + 12)  # "las cinco de la tarde"
        if value is not None:
            found.append(Found(match.start(), match.end(), value))
    for match in _TIME_AND_RE.finditer(folded):
        value = _read_time(match["hour"], match["minute"])
        if value is not None:
            found.append(Found(match.start(), match.end(), value))
    for match in _TIME_DIGITS_RE.finditer(folded):
        suffix = (match["suffix"] or "").replace(" ", "").replace(".", "")
        if match["sep"] == "." and not suffix:
            continue  # "3.50" is more likely an amount than a time
        value = _read_time(match["hour"], match["minute"])
        if value is not None and suffix in ("pm", "p m") and value.hour < 12:
            value = value.replace(hour=value.hour + 12)
        if value is not None:
            found.append(Found(match.start(), match.end(), value))
    for match in _TIME_HOURS_ONLY_RE.finditer(folded):
        value = _read_time(match["hour"] or match["labelled"], None)
        if value is not None:
            found.append(Found(match.start(), match.end(), value))
    found.sort(key=lambda item: (item.start, -item.end))
    return _drop_overlaps(found)


def _drop_overlaps(found: list[Found[T]]) -> list[Found[T]]:
    kept: list[Found[T]] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            if item.end - item.start > kept[-1].end - kept[-1].start:
                kept[-1] = item
            continue
        kept.append(item)
    return kept


def _read_time(hour: str, minute: str | None) -> datetime.time | None:
    text = f"{hour} horas" + (f" con {minute} minutos" if minute else "")
    try:
        return parse_spanish_time(text)
    except ValueError:
        return None


def _read_long_date(day: str, month: str, year: str) -> datetime.date | None:
    day = day.rstrip("*")
    words = year.split()
    # The year pattern may swallow the words that follow it: retry shorter.
    for length in range(len(words), 0, -1):
        try:
            return parse_spanish_date(f"{day} de {month} de {' '.join(words[:length])}")
        except ValueError:
            continue
    return None


def _read_day(day: str) -> int | None:
    day = day.rstrip("*")
    try:
        return parse_spanish_date(f"{day} de enero de 2000").day
    except ValueError:
        return None


def _read_year(year: str) -> int | None:
    words = year.split()
    for length in range(len(words), 0, -1):
        text = " ".join(words[:length])
        try:
            return int(text) if text.isdigit() else words_to_number(text)
        except ValueError:
            continue
    return None


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
