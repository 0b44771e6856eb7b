"""Dates and times as meeting platforms write them in their reports.

Zoom writes ``12/16/2022 11:02:15 AM`` (month first), Teams and Spanish-language exports
``16/12/2022 11:02``, some tools ISO 8601; Google Meet's attendance sheet writes only the
time (``11:02 AM``), the date being in the sheet's title, which a CSV export loses: such a
time is read on the day the caller gives (the session's date).
"""

from __future__ import annotations

import datetime
import re

TIME_FORMATS = (
    "%I:%M:%S %p", "%I:%M %p", "%H:%M:%S", "%H:%M",
)  # fmt: skip
DATETIME = re.compile(r"^(?P<a>\d{1,4})[/.-](?P<b>\d{1,2})[/.-](?P<c>\d{2,4})[,T ]+(?P<time>.+)$")


class TimeWithoutDateError(ValueError):
    """A time of day alone, and no day was given to read it on."""


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was in: BOMs first, then UTF-8, then Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "latin-1"


def _normal(value: str) -> str:
    value = value.replace("a. m.", "AM").replace("p. m.", "PM")
    value = value.replace("a.m.", "AM").replace("p.m.", "PM")
    return " ".join(value.split())


def parse_clock(value: str) -> datetime.time:
    """A time of day: ``11:02:15 AM``, ``11:02 a. m.``, ``23:02``."""
    value = _normal(value).upper()
    for time_format in TIME_FORMATS:
        try:
            return datetime.datetime.strptime(  # noqa: DTZ007 - a wall-clock time, no zone
                value, time_format
            ).time()
        except ValueError:
            continue
    raise ValueError(value)


def parse_datetime(
    value: str, *, day_first: bool = False, day: datetime.date | None = None
) -> datetime.datetime:
    """``12/16/2022 11:02:15 AM`` (Zoom's US format), ``16/12/2022 11:02``, ISO, and a time
    alone on ``day`` (:class:`TimeWithoutDateError` without one)."""
    value = _normal(value)
    try:
        return datetime.datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        pass
    match = DATETIME.match(value)
    if match is None:
        clock = parse_clock(value)
        if day is None:
            raise TimeWithoutDateError(value)
        return datetime.datetime.combine(day, clock)
    a, b, c = (int(match.group(k)) for k in "abc")
    if len(match.group("a")) == 4:
        year, month, day_of_month = a, b, c
    else:
        year = c + 2000 if c < 100 else c
        month, day_of_month = (b, a) if day_first or a > 12 else (a, b)
    return datetime.datetime.combine(
        datetime.date(year, month, day_of_month), parse_clock(match.group("time"))
    )


def day_first(values: list[str]) -> bool:
    """Zoom writes month/day; a first number over 12 anywhere means day/month."""
    for value in values:
        match = DATETIME.match(value.strip())
        if match and len(match.group("a")) <= 2 and int(match.group("a")) > 12:
            return True
    return False


def optional_datetime(
    value: str, is_day_first: bool, day: datetime.date | None = None
) -> datetime.datetime | None:
    try:
        return parse_datetime(value, day_first=is_day_first, day=day) if value else None
    except ValueError:
        return None
