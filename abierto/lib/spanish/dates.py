"""Times and dates as Mexican actas write them, and read back from words or digits."""

import datetime
import re

from .cardinals import number_to_words, words_to_number
from .folding import MONTHS, WEEKDAYS, _fold


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
