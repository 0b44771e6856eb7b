"""Sessions scheduled by the acta: an approved calendar, or the date of the next meeting.

A calendar is approved as a table (``Sesión | Fecha | Hora``) or in prose ("se
celebrarán el jueves 28 de octubre y el 9 de diciembre de 2021"), right after a
mention of "calendario" or of the next sessions. Only dates after the session
itself are kept, so the date of a law or a past session quoted nearby is not
taken for a scheduled one.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from abierto.lib.spanish import ordinal_words_to_number

from .text import clean_title, fold, matches_at_starts
from .when import find_day_months, find_times

_CUE_RE = re.compile(
    r"\bcalendario\b|\b(?:proxim[oa]s?|siguientes?)\s+(?:sesion(?:es)?|reunion(?:es)?)\b"
    r"|\bcelebrar\s+las\s+siguientes\b"
    # "Reunión el día 27 de agosto a las 2:30 pm, en …": a meeting fixed at a line's start.
    r"|(?m:^[ \t]*(?:[-•*][ \t]*)?(?:reunion|sesion)\s+(?:el|para\s+el)\s+dia\b)"
    # "Se acuerda reunirse nuevamente el día …", "quedando citados para el día …", "convocando a
    # la siguiente para el …", "Se convoca a los integrantes a la Segunda Sesión Ordinaria, que
    # tendrá verificativo el …": the next meeting fixed without "próxima sesión".
    r"|\breunir(?:se|nos)\s+(?:nuevamente|de\s+nuevo)\b|\bvolver\s+a\s+reunir(?:se|nos)\b"
    r"|\bquedando\s+(?:citad|convocad)[oa]s\b|\bconvocando\s+a\s+la\s+siguiente\b"
    r"|\bse\s+(?:convoca|cita|programa|programo|agenda|agendo)\s+(?:a\s+(?:los|las)\s+[a-z]+\s+)?"
    r"(?:a\s+)?la\s+[a-z]+\s+(?:sesion|reunion)\b"
)
# The words each cue starts with: the cue's branches are tried only where one stands (tried at
# every position of a 40 KB acta, the alternation took 7 ms of its parse).
_CUE_START_RE = re.compile(
    r"(?m:^(?=[ \t]*(?:[-•*][ \t]*)?(?:reunion|sesion)\b))"
    r"|\b(?=calendario|proxim|siguiente|celebrar|reunir|volver|quedando|convocando|se\s)"
)


def _cues(folded: str, end: int) -> list[re.Match[str]]:
    """The matches of ``_CUE_RE`` in ``folded[:end]``, without overlaps."""
    return matches_at_starts(_CUE_START_RE, _CUE_RE, folded, 0, end)


# A calendar of something else ("Calendario del proceso: Recepción de expedientes: 19 de
# septiembre…") schedules no session: its dates are steps of a process.
_SESSION_WORD_RE = re.compile(r"\b(?:sesion|sesiones|reunion|reuniones|junta|juntas)\b")
CALENDAR_SPAN = 300
_MEETING_LINE_RE = re.compile(
    r"[ \t]*(?:[-•*][ \t]*)?(?P<word>reunion|sesion)\s+(?:el|para\s+el)\s+dia\b"
)
_NEXT_RE = re.compile(r"\b(?:proxim[oa]|siguiente)\s+(?:sesion|reunion)\b")
_SESSION_PHRASE_RE = re.compile(
    # Each preceding word starts at a word's start: from every position inside a long word
    # the search took quadratic time.
    r"(?P<phrase>(?:(?<![\wºª°.])[\wºª°.]+\s+){0,2}"
    r"(?:sesion|reunion)(?:\s+(?:ordinaria|extraordinaria|solemne))?)"
)
_YEAR_RE = re.compile(r"\b(20\d\d|19\d\d)\b")
MAX_ROWS = 40
MAX_CELL_WORDS = 10


@dataclass
class Scheduled:
    """A session the acta schedules."""

    date: datetime.date
    title: str


def read_calendar(
    text: str, folded: str, session_date: datetime.date | None, end: int
) -> list[Scheduled]:
    """Sessions scheduled in ``text[:end]``, in date order, once per date."""
    found: dict[datetime.date, Scheduled] = {}
    for cue in _cues(folded, end):
        if cue.group() == "calendario" and not _of_sessions(text, folded, cue.end(), end):
            continue
        paragraph_end = _paragraph_end(text, cue.end(), end)
        if _NEXT_RE.match(folded, cue.start()) and _is_heading(text, cue.start(), paragraph_end):
            # "DATOS DE LA SIGUIENTE REUNIÓN" heads lines such as "Fecha 9 de septiembre".
            paragraph_end = _lines_end(text, paragraph_end, end, lines=3)
        year_hint = _year_hint(folded, cue.start(), paragraph_end, session_date)
        default_title = _default_title(text, folded, cue)
        for item in _prose_dates(
            text, folded, cue.start(), paragraph_end, year_hint, default_title
        ):
            found.setdefault(item.date, item)
        for item in _table_dates(text, folded, paragraph_end, end, year_hint, default_title):
            found.setdefault(item.date, item)
        for item in _cell_line_dates(text, paragraph_end, end, year_hint, default_title):
            found.setdefault(item.date, item)
        for item in _numbered_rows(text, folded, paragraph_end, end, year_hint):
            found.setdefault(item.date, item)
        for item in _dated_lines(text, folded, paragraph_end, end, year_hint, default_title):
            found.setdefault(item.date, item)
    items = sorted(found.values(), key=lambda item: item.date)
    if session_date is not None:
        items = [item for item in items if item.date >= session_date]
    return items


def _of_sessions(text: str, folded: str, start: int, end: int) -> bool:
    """Whether a calendar names sessions before its first date ("calendario de sesiones",
    a "Sesión | Fecha" table), not steps of a process ("de entrevistas: 23 de septiembre")."""
    limit = min(end, start + CALENDAR_SPAN)
    dates = find_day_months(text[start:limit], folded[start:limit])
    first_date = start + dates[0].start if dates else limit
    return _SESSION_WORD_RE.search(folded, start, first_date) is not None


def _is_heading(text: str, position: int, line_end: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return len(text[line_start:line_end].split()) <= 8


def _lines_end(text: str, start: int, end: int, lines: int) -> int:
    position = start
    for _ in range(lines):
        following = text.find("\n", position + 1, end)
        if following == -1:
            return end
        position = following
    return position


def _paragraph_end(text: str, start: int, end: int) -> int:
    stop = text.find("\n", start, end)
    return end if stop == -1 else stop


def _year_hint(folded: str, start: int, end: int, session_date: datetime.date | None) -> int | None:
    """The calendar's year: written after the mention ("calendario … 2023"), else before it."""
    match = _YEAR_RE.search(folded, start, min(end, start + 400))
    if match is None:
        before = list(_YEAR_RE.finditer(folded, max(0, start - 120), start))
        match = before[-1] if before else None
    if match:
        return int(match.group(1))
    return session_date.year if session_date else None


def _default_title(text: str, folded: str, cue: re.Match[str]) -> str:
    meeting = _MEETING_LINE_RE.match(folded, cue.start())
    if meeting:
        return clean_title(text[meeting.start("word") : meeting.end("word")]).capitalize()
    if _NEXT_RE.match(folded, cue.start()):
        return clean_title(text[cue.start() : cue.end()]).capitalize()
    window = folded[cue.start() : cue.start() + 80]
    if "extraordinaria" in window:
        return "Sesión extraordinaria"
    if "ordinaria" in window:
        return "Sesión ordinaria"
    return "Sesión"


def _prose_dates(
    text: str, folded: str, start: int, end: int, year_hint: int | None, default_title: str
) -> list[Scheduled]:
    items: list[Scheduled] = []
    found = find_day_months(text[start:end], folded[start:end])
    # "el 28 de octubre y el 9 de diciembre de 2021": the year written last applies to all.
    trailing_year = next((item.value[2] for item in reversed(found) if item.value[2]), None)
    for item in found:
        day, month, year = item.value
        date = _date(year or trailing_year or year_hint, month, day)
        if date is not None:
            items.append(
                Scheduled(date, _prose_title(text, folded, start + item.start, default_title))
            )
    return items


def _prose_title(text: str, folded: str, position: int, default_title: str) -> str:
    before = folded[max(0, position - 60) : position]
    matches = list(_SESSION_PHRASE_RE.finditer(before))
    match = matches[-1] if matches else None
    if match is not None:
        phrase_start = position - len(before) + match.start("phrase")
        phrase = clean_title(text[phrase_start : position - len(before) + match.end("phrase")])
        words = phrase.split()
        # "Segunda Sesión Ordinaria", not "IV. ACUERDOS Reunión": the ordinal numbers the session.
        if len(words) > 1 and _is_ordinal(words[0]) and fold(words[1]) in ("sesion", "reunion"):
            return phrase
    return default_title


def _is_ordinal(word: str) -> bool:
    try:
        ordinal_words_to_number(word.rstrip("."))
    except ValueError:
        return False
    return True


def _table_dates(
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
        date = _date(year or year_hint, month, day)
        if date is not None:
            items.append(Scheduled(date, title))
    return items


# --- One session a line -------------------------------------------------------------

# "Primera sesión ordinaria: 26 de enero de 2023", "• Jueves 27 de abril", "Segunda sesión -
# 27 de abril": the lines under the calendar's mention, each with one date; a line without
# one ends them (a blank line does not).
MIN_DATED_LINES = 2


def _dated_lines(
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
        dates = find_day_months(line, line_folded)
        if len(dates) != 1 or "|" in line or "\t" in line or len(line.split()) > 2 * MAX_CELL_WORDS:
            break
        day, month, year = dates[0].value
        date = _date(year or year_hint, month, day)
        if date is None:
            break
        label = clean_title(line[: dates[0].start].strip(" \t-\u2013\u2014•*:,"))
        title = label if _SESSION_WORD_RE.search(fold(label)) else default_title
        items.append(Scheduled(date, title))
    return items if len(items) >= MIN_DATED_LINES else []


# --- A table read by OCR: rows numbered 1, 2, 3 … each with its date -------------------

# "NÚMERO DE SESIÓN | FECHA | HORA" scanned and read back as lines: "1 Lunes 31 de octubre de
# 2022 9:00am", "2 Jueves 17 de noviembre de 2022 9:00 am", … with no column separator left.
_NUMBERED_ROW_RE = re.compile(r"(?m)^[ \t]*(?P<number>\d{1,2})[.)]?[ \t]+(?P<rest>\S[^\n]*)$")
NUMBERED_ROWS_WINDOW = 2500
MIN_NUMBERED_ROWS = 3


def _numbered_rows(
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


def _cell_line_dates(
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
            date = _date(year or year_hint, month, day)
            if date is not None:
                items.append(Scheduled(date, clean_title(title) or default_title))
    return items


def _date(year: int | None, month: int, day: int) -> datetime.date | None:
    if year is None:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
