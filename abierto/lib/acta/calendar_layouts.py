"""The layouts a calendar of sessions takes under its mention: a table (``Sesión | Fecha |
Hora``), one session a line, a table read by OCR with its rows numbered, or a table whose cells
came one per line. Split from ``calendar``, which finds the mentions and reads the prose.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from abierto.lib.spanish import MONTHS

from .text import clean_title, fold
from .when import find_day_months, find_times

MAX_ROWS = 40
MAX_CELL_WORDS = 10
# A calendar of something else ("Calendario del proceso: Recepción de expedientes: 19 de
# septiembre…") schedules no session: its dates are steps of a process.
SESSION_WORD_RE = re.compile(r"\b(?:sesion|sesiones|reunion|reuniones|junta|juntas)\b")


@dataclass
class Scheduled:
    """A session the acta schedules."""

    date: datetime.date
    title: str


def table_dates(
    text: str, folded: str, start: int, end: int, year_hint: int | None, default_title: str
) -> list[Scheduled]:
    items: list[Scheduled] = []
    position = start + 1
    rows = 0
    blank_lines = 0
    while position < end and rows < MAX_ROWS:
        line_end = text.find("\n", position, end)
        line_end = end if line_end == -1 else line_end
        line = text[position:line_end]
        if not line.strip():
            blank_lines += 1
            if blank_lines > 1:
                break
        elif "|" in line or "\t" in line:
            rows += 1
            items += _row_dates(text, folded, position, line_end, year_hint, default_title)
        elif rows or blank_lines:
            break
        position = line_end + 1
    return items


def _row_dates(
    text: str, folded: str, start: int, end: int, year_hint: int | None, default_title: str
) -> list[Scheduled]:
    line = text[start:end]
    dates = find_day_months(line, folded[start:end])
    if not dates:
        return []
    times = find_times(line, folded[start:end])
    taken = [(item.start, item.end) for item in dates] + [(item.start, item.end) for item in times]
    title_parts = []
    offset = 0
    for cell in re.split(r"(\s*\|\s*|\t+)", line):
        cell_start, offset = offset, offset + len(cell)
        if not cell.strip() or "|" in cell or "\t" in cell:
            continue
        if any(begin < cell_start + len(cell) and cell_start < finish for begin, finish in taken):
            continue
        if re.fullmatch(
            r"[\d\s.:-]*|(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)",
            fold(cell).strip(),
        ):
            continue
        title_parts.append(cell.strip())
    title = clean_title(" ".join(title_parts)) or default_title
    items: list[Scheduled] = []
    for item in dates:
        day, month, year = item.value
        date = date_of(year or year_hint, month, day)
        if date is not None:
            items.append(Scheduled(date, title))
    return items


# --- One session a line -------------------------------------------------------------

# "Primera sesión ordinaria: 26 de enero de 2023", "• Jueves 27 de abril", "Segunda sesión -
# 27 de abril": the lines under the calendar's mention, each with one date; a line without
# one ends them (a blank line does not).
MIN_DATED_LINES = 2


def dated_lines(
    text: str, folded: str, start: int, end: int, year_hint: int | None, default_title: str
) -> list[Scheduled]:
    items: list[Scheduled] = []
    position = start + 1
    while position < end and len(items) < MAX_ROWS:
        line_end = text.find("\n", position, end)
        line_end = end if line_end == -1 else line_end
        line, line_folded = text[position:line_end], folded[position:line_end]
        position = line_end + 1
        if not line.strip():
            continue
        if "|" in line or "\t" in line or len(line.split()) > 2 * MAX_CELL_WORDS:
            break
        dates = find_day_months(line, line_folded)
        month_first = None if dates else _MONTH_FIRST_LINE_RE.match(line_folded)
        if month_first is not None:
            # "ENERO 26", "Febrero: jueves 23": the month, then the day, under the year's mention
            day, month, year = int(month_first["day"]), MONTHS.index(month_first["month"]) + 1, None
            label_end = 0
        elif len(dates) == 1:
            day, month, year = dates[0].value
            label_end = dates[0].start
        else:
            break
        date = date_of(year or year_hint, month, day)
        if date is None:
            break
        label = clean_title(line[:label_end].strip(" \t-\u2013\u2014•*:,"))
        title = label if SESSION_WORD_RE.search(fold(label)) else default_title
        items.append(Scheduled(date, title))
    return items if len(items) >= MIN_DATED_LINES else []


_MONTH_FIRST_LINE_RE = re.compile(
    r"[ \t]*(?:[-•*][ \t]*)?(?P<month>" + "|".join(MONTHS) + r")[ \t]*[:.-]?[ \t]*"
    r"(?:(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)[ \t]+)?"
    r"(?P<day>\d{1,2})[ \t]*\.?[ \t]*$"
)


# --- A table read by OCR: rows numbered 1, 2, 3 … each with its date -------------------

# "NÚMERO DE SESIÓN | FECHA | HORA" scanned and read back as lines: "1 Lunes 31 de octubre de
# 2022 9:00am", "2 Jueves 17 de noviembre de 2022 9:00 am", … with no column separator left.
_NUMBERED_ROW_RE = re.compile(r"(?m)^[ \t]*(?P<number>\d{1,2})[.)]?[ \t]+(?P<rest>\S[^\n]*)$")
NUMBERED_ROWS_WINDOW = 2500
MIN_NUMBERED_ROWS = 3


def numbered_rows(
    text: str, folded: str, start: int, end: int, year_hint: int | None
) -> list[Scheduled]:
    limit = min(end, start + NUMBERED_ROWS_WINDOW)
    run: list[tuple[int, int]] = []  # (line start, line end) of rows 1, 2, 3 … in order
    for row in _NUMBERED_ROW_RE.finditer(text, start, limit):
        dated = bool(find_day_months(row["rest"], fold(row["rest"])))
        if dated and int(row["number"]) == len(run) + 1:
            run.append((row.start(), row.end()))
        elif run and len(run) >= MIN_NUMBERED_ROWS:
            break
        elif dated and int(row["number"]) == 1:
            run = [(row.start(), row.end())]
        else:
            run = []
    if len(run) < MIN_NUMBERED_ROWS:
        return []
    items: list[Scheduled] = []
    for line_start, line_end in run:
        # Such a table names no session but by its number: its rows have no title.
        items += _row_dates(text, folded, line_start, line_end, year_hint, "")
    return items


# --- A table whose cells came one per line ----------------------------------------


def is_cell(line: str) -> bool:
    """A short line that may be a table cell taken out of its table."""
    words = line.split()
    return (
        0 < len(words) <= MAX_CELL_WORDS
        and "|" not in line
        and not line.rstrip().endswith((":", ",", ";"))
    )


def has_date(line: str) -> bool:
    """Whether ``line`` holds a day and month ("24 de febrero", "24/02/2023")."""
    return bool(find_day_months(line, fold(line)))


def pair_cells(
    cells: list[str], dated: Callable[[str], bool] = has_date
) -> tuple[list[str], list[list[str]]] | None:
    """Header and rows of a two-column table whose cells came one per line, if it is one.

    Word tables exported as text put each cell on a line: "Día", "Sesión", "Viernes 24 de
    febrero de 2023", "16a Sesión Ordinaria.", … It is such a table when one column holds a
    date in every row and the other none; two leading lines without a date are its header.
    ``dated`` tells whether a cell holds a date (a caller that tries many runs caches it).
    """
    header: list[str] = []
    if len(cells) >= 2 and not dated(cells[0]) and not dated(cells[1]):
        header, cells = cells[:2], cells[2:]
    if len(cells) < 2 or len(cells) % 2 or len(cells) > 2 * MAX_ROWS:
        return None
    for column in (0, 1):
        with_dates = [dated(cells[i]) for i in range(column, len(cells), 2)]
        other = [dated(cells[i]) for i in range(1 - column, len(cells), 2)]
        if all(with_dates) and not any(other):
            return header, [cells[i : i + 2] for i in range(0, len(cells), 2)]
    return None


def cell_line_dates(
    text: str, start: int, end: int, year_hint: int | None, default_title: str
) -> list[Scheduled]:
    lines: list[str] = []
    position = start + 1
    while position < end and len(lines) < 2 * MAX_ROWS + 2:
        line_end = text.find("\n", position, end)
        line_end = end if line_end == -1 else line_end
        line = " ".join(text[position:line_end].split())
        position = line_end + 1
        if not line:
            continue  # rows are often separated by blank lines
        if not is_cell(line):
            break
        lines.append(line)
    paired = pair_cells(lines) if len(lines) >= 2 else None
    if paired is None:
        return []
    items: list[Scheduled] = []
    for row in paired[1]:
        dated, title = (row[0], row[1]) if has_date(row[0]) else (row[1], row[0])
        for found in find_day_months(dated, fold(dated)):
            day, month, year = found.value
            date = date_of(year or year_hint, month, day)
            if date is not None:
                items.append(Scheduled(date, clean_title(title) or default_title))
    return items


def date_of(year: int | None, month: int, day: int) -> datetime.date | None:
    if year is None:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
