"""What the acta tells under each agenda item: its narrative, in the acta's own words.

After the announced agenda, actas take the items up one by one, each opening with its
numeral at the start of a line ("IV. En el desarrollo de este punto…", "V.- Para el
desahogo…"). The text from one such opening to the next is that item's narrative. The
agreements the parser read separately (the boxed "STL/XV/1/2022 / Se aprueba…") are cut
out of it, since the record keeps them apart and prints them in their own box, and a
calendar written as a table becomes table markup (``| Día | Sesión |``), so the generated
acta can print it as a table again.

The narrative is returned as the acta markup of ``abierto.forum.minutes_text``:
paragraphs separated by blank lines. Nothing here guesses: an item whose opening is not
found gets no narrative, and the facilitator sees the gap in the review.
"""

import functools
import re
from dataclasses import dataclass

from .agenda import Agenda
from .agreements import Agreement
from .calendar import has_date, is_cell, pair_cells
from .markers import find_marker
from .text import fold

# An item's opening repeats its numeral: "IV.- En el desarrollo…". The numeral itself and
# the dash after it are the acta's layout, not the narrative.
_LEADING_MARK_RE = re.compile(r"^[\s.:-]+")


@dataclass(frozen=True)
class Section:
    """Item ``number`` is told in ``text[content:end]``."""

    number: int
    start: int
    content: int
    end: int


def item_sections(text: str, folded: str, agenda: Agenda, end: int) -> list[Section]:
    """Where the acta takes up each announced item, in order, up to ``end``."""
    if not agenda.items or agenda.style is None:
        return []
    openings: list[tuple[int, int, int]] = []  # (number, start, content)
    position = agenda.end
    for item in agenda.items:
        search = position
        while True:
            marker = find_marker(text, folded, agenda.style, item.number, search, end)
            if marker is None:
                break
            if marker.at_line_start:
                openings.append((item.number, marker.start, marker.content))
                position = marker.content
                break
            search = marker.content
    sections = []
    for index, (number, start, content) in enumerate(openings):
        stop = openings[index + 1][1] if index + 1 < len(openings) else end
        sections.append(Section(number, start, content, stop))
    return sections


def read_narratives(
    text: str, folded: str, agenda: Agenda, agreements: list[Agreement], end: int
) -> dict[int, str]:
    """Each item's narrative as markup, without the agreements read apart."""
    narratives: dict[int, str] = {}
    for section in item_sections(text, folded, agenda, end):
        lines = _section_lines(text, section, agreements)
        paragraphs = _with_tables(lines)
        narrative = "\n\n".join(paragraphs).strip()
        narrative = _LEADING_MARK_RE.sub("", narrative)
        if narrative:
            narratives[section.number] = narrative
    return narratives


def _section_lines(text: str, section: Section, agreements: list[Agreement]) -> list[str]:
    """The section's lines, less those that hold an agreement's code and its text."""
    cut: list[tuple[int, int]] = []
    for agreement in agreements:
        if section.content <= agreement.start < section.end:
            cut.append((agreement.start, _agreement_end(text, agreement, section.end)))
    lines: list[str] = []
    position = section.content
    while position < section.end:
        line_end = text.find("\n", position, section.end)
        line_end = section.end if line_end == -1 else line_end
        if not any(begin <= position < finish for begin, finish in cut):
            line = " ".join(text[position:line_end].split())
            if line:
                lines.append(line)
        position = line_end + 1
    return lines


def _agreement_end(text: str, agreement: Agreement, limit: int) -> int:
    """Where the agreement's text ends: the lines from its code until its text is covered."""
    wanted = fold(" ".join(agreement.text.split()))
    position = agreement.start
    taken = ""
    while position < limit:
        line_end = text.find("\n", position, limit)
        line_end = limit if line_end == -1 else line_end
        taken = fold(" ".join(text[agreement.start : line_end].split()))
        if wanted[:200] and wanted[: max(1, len(wanted) - 2)] in taken:
            return line_end
        position = line_end + 1
        if len(taken) > len(wanted) + 200:
            break
    # Not found whole: cut only the line of the code.
    line_end = text.find("\n", agreement.start, limit)
    return limit if line_end == -1 else line_end


def _with_tables(lines: list[str]) -> list[str]:
    """Paragraphs, with a table whose cells came one per line turned into table markup.

    Text taken from a Word table puts each cell on its own line: "Día", "Sesión",
    "Viernes 24 de febrero de 2023", "16a Sesión Ordinaria.", … (``calendar.pair_cells``
    tells such a run). It is written as a Markdown pipe table: header, ``| --- | --- |``,
    rows.
    """
    out: list[str] = []
    # Where each line's run of cells ends, computed once (from the last line back).
    run_ends = [0] * (len(lines) + 1)
    run_ends[len(lines)] = len(lines)
    for position in range(len(lines) - 1, -1, -1):
        run_ends[position] = run_ends[position + 1] if is_cell(lines[position]) else position
    # A run that is no table is tried again from its next line: each line's date read once.
    dated = functools.cache(has_date)
    index = 0
    while index < len(lines):
        run_end = run_ends[index]
        paired = pair_cells(lines[index:run_end], dated) if run_end - index >= 4 else None
        if paired is not None:
            header, rows = paired
            table = [_row(row) for row in rows]
            out.append("\n".join([_row(header), "| --- | --- |", *table] if header else table))
            index = run_end
            continue
        out.append(lines[index])
        index += 1
    return out


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |"
