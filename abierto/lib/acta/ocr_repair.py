"""Repairs of a scanned page that need where each word sat on the page.

Tesseract's TSV gives every word its box (left, top, width, height, in pixels of the
300 dpi image). ``ocr.py`` keeps the boxes while a page is cleaned, and this module uses
them for what the words' text alone cannot tell:

- whether Tesseract's layout analysis (``--psm 4``) lost its way on a page, as it does
  when rows of filler dashes ("orden del día- - - - - -") sit between paragraphs: it then
  reads the lines out of order (``layout_confused``; they are put back top to bottom by
  ``top_to_bottom``) or skips some (``lost_line_gaps``: ``ocr.py`` reads those bands again
  as one block, ``--psm 6``, and ``with_lost_lines`` puts their lines back);
- specks and margin marks read as characters: a box far smaller than the page's letters,
  or a short low-confidence word outside the text column (``without_specks``);
- a row of filler dashes read as letters at a line end ("--=====«< «ooo toc”"), which
  Tesseract reads with a confidence near zero (``without_rule_garbage``);
- a paragraph break Tesseract put inside a sentence (a speck between two lines splits
  the block): the line before runs to the right margin and ends without a stop
  (``without_false_breaks``), and a line wrapped by the page, joined to the next
  (``reflowed``).

Repairs that need only the text, but only OCR text, are in ``ocr_specks`` (a stop glued to a
function word, "DE. MORELOS"; a lone dash at a line end; a colon read inside a name; …) and
``ocr_marks`` (a list number read as letters, "A, Asuntos generales" after item 3).

Words without a box (built in tests or by the sandbox's parent) are left as they are.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from typing import Protocol, TypeVar


class Boxed(Protocol):
    text: str
    confidence: float
    left: int
    top: int
    width: int
    height: int


W = TypeVar("W", bound=Boxed)

# A wide line that starts this many line heights above the wide line read before it: the
# reading order went back up the page, i.e. the layout analysis mixed blocks up.
_JUMP_BACK_LINES = 3.0
_WIDE = 0.6  # of the text column's width
_GAP_LINES = 3.0
# A word this many letter heights beyond the column's edge is outside the text.
_OUTSIDE_LINES = 2.0
_SURE = 60.0
# Words this many letter heights from the rest of their line are apart from it.
_ISLAND_LINES = 12.0
# One character this many letter heights from its line, read this unsurely, is a mark.
_MARK_LINES = 4.0
_MARK_CONFIDENCE = 40.0
# A line whose end is this many letter heights from the column's right edge was wrapped.
_WRAP_LINES = 1.5
# Tesseract's confidence in a row of dashes read as letters is near zero.
_GARBAGE_CONFIDENCE = 25.0
_RULE_RE = re.compile(r"[=«»<>~_]|--|(.)\1\1|^[-.,:;'\"\u201c\u201d\u2018\u2019]+$")
# A stop that ends a paragraph; anything else at the right margin continues on the next line.
_STOP = ".:;!?)"
_LIST_ITEM_RE = re.compile(r"^(?:[IVXLl1]{1,5}|\d{1,3}|[a-zA-Z])[.)\-]|^\u2022$")


def _boxed(words: Sequence[Boxed]) -> list[Boxed]:
    return [word for word in words if word.height > 0]


def _line_box(line: Sequence[Boxed]) -> tuple[int, int, int, int] | None:
    boxed = _boxed(line)
    if not boxed:
        return None
    left = min(word.left for word in boxed)
    top = min(word.top for word in boxed)
    right = max(word.left + word.width for word in boxed)
    bottom = max(word.top + word.height for word in boxed)
    return left, top, right, bottom


def _letter_height(lines: Sequence[Sequence[Boxed]]) -> float:
    """The median height of the words with letters: the page's size of type."""
    heights = [
        word.height
        for line in lines
        for word in _boxed(line)
        if sum(char.isalpha() for char in word.text) >= 3
    ]
    return float(statistics.median(heights)) if heights else 0.0


def _column(lines: Sequence[Sequence[Boxed]]) -> tuple[float, float] | None:
    """The text column's left and right edges, from the lines of several words.

    The edges a quarter of them pass, so that short lines (a table's, a
    paragraph's last) do not pull the edge inwards and one stray line does not push it out.
    """
    boxes = [_line_box(line) for line in lines if len(line) >= 5]
    found = [box for box in boxes if box is not None]
    if len(found) < 3:
        return None
    lefts = sorted(box[0] for box in found)
    rights = sorted(box[2] for box in found)
    quarter = len(found) // 4
    return float(lefts[quarter]), float(rights[-1 - quarter])


def layout_confused(lines: Sequence[Sequence[Boxed]]) -> bool:
    """Whether the lines of a page, in the order read, go back up between wide lines."""
    column = _column(lines)
    height = _letter_height(lines)
    if column is None or not height:
        return False
    width = column[1] - column[0]
    wide = [
        box for box in map(_line_box, lines) if box is not None and box[2] - box[0] >= _WIDE * width
    ]
    return any(
        later[1] < earlier[1] - _JUMP_BACK_LINES * height
        for earlier, later in itertools.pairwise(wide)
    )


def top_to_bottom(lines: list[list[W]]) -> list[list[W]]:
    """The lines of a page whose layout was mixed up, from the top of the page down.

    Each line keeps the paragraph break it had before it. Lines side by side (a
    signature block's columns) come left to right within the same height.
    """
    height = _letter_height(lines) or 1.0
    placed: list[tuple[float, int, bool, list[W]]] = []
    starts_paragraph = False
    for line in lines:
        box = _line_box(line)
        if box is None:
            starts_paragraph = starts_paragraph or not line
            if line:
                placed.append((placed[-1][0] if placed else 0.0, 0, starts_paragraph, line))
            continue
        row = round(((box[1] + box[3]) / 2) / height)
        placed.append((float(row), box[0], starts_paragraph, line))
        starts_paragraph = False
    out: list[list[W]] = []
    for _row, _left, new_paragraph, line in sorted(placed, key=lambda item: item[:2]):
        if new_paragraph and out:
            out.append([])
        out.append(line)
    return out


def lost_line_gaps(lines: Sequence[Sequence[Boxed]]) -> list[tuple[int, int]]:
    """The vertical gaps between the lines read, inside the text, where lines may be lost.

    A gap taller than ``_GAP_LINES`` letter heights between two lines that both span
    most of the column: prose does not leave such a hole, a layout analysis that skipped
    lines (beside rows of filler dashes) does.
    """
    column = _column(lines)
    height = _letter_height(lines)
    if column is None or not height:
        return []
    width = column[1] - column[0]
    boxes = sorted(
        (
            box
            for box in map(_line_box, lines)
            if box is not None and box[2] - box[0] >= _WIDE * width
        ),
        key=lambda box: box[1],
    )
    return [
        (above[3], below[1])
        for above, below in itertools.pairwise(boxes)
        if below[1] - above[3] > _GAP_LINES * height
    ]


def with_lost_lines(
    lines: list[list[W]], block: list[list[W]], gaps: list[tuple[int, int]]
) -> list[list[W]]:
    """Put back into ``lines`` the lines of ``block`` (the same page read as one block) that
    sit inside ``gaps``, each after the line read just above it."""
    read = [box for box in map(_line_box, lines) if box is not None]
    column = _column(lines)
    lost = []
    for line in block:
        box = _line_box(line)
        if box is None or sum(word.confidence >= _SURE for word in line) < 3:
            continue
        if column is not None and box[2] - box[0] < _WIDE * (column[1] - column[0]):
            continue  # a lost line of prose spans the column; a short one may be a logo's
        middle = (box[1] + box[3]) / 2
        in_gap = any(top < middle < bottom for top, bottom in gaps)
        if in_gap and not any(other[1] <= middle <= other[3] for other in read):
            lost.append((middle, line))
    if not lost:
        return lines
    out = [list(line) for line in lines]
    for middle, line in sorted(lost, key=lambda item: item[0], reverse=True):
        best, best_top = len(out), -1
        for index, existing in enumerate(out):
            box = _line_box(existing)
            if box is not None and best_top < box[1] < middle:
                best, best_top = index + 1, box[1]
        out.insert(best, line)
    return out


def without_specks(lines: list[list[W]]) -> list[list[W]]:
    """Drop specks and margin marks: tiny boxes, and unsure short words outside the column."""
    height = _letter_height(lines)
    column = _column(lines)
    if not height:
        return lines
    kept_lines: list[list[W]] = []
    for line in lines:
        kept: list[W] = []
        for index, word in enumerate(line):
            if word.height <= 0:
                kept.append(word)
                continue
            tiny = word.height < 0.4 * height and word.width < 0.6 * height
            if tiny and (word.confidence < 80 or not word.text.isalnum()):
                continue
            edge = index == 0 or index == len(line) - 1
            outside = column is not None and (
                word.left + word.width < column[0] - _OUTSIDE_LINES * height
                or word.left > column[1] + _OUTSIDE_LINES * height
            )
            unsure = word.confidence < _SURE or len(word.text) <= 2
            if edge and outside and unsure:
                continue
            kept.append(word)
        kept = _without_islands(kept, height)
        if kept or not line:
            kept_lines.append(kept)
    return kept_lines


def _without_islands(line: list[W], height: float) -> list[W]:
    """Drop a scrap at either end of a line, far from its words: a signature in the margin.

    A hand signing beside a paragraph is read as a short word or two on the paragraph's
    line ("Acuerdo 07/2021-2022 … au 1"), inside the column when the text runs to the edge.
    The scrap is cut when it is at least ``_ISLAND_LINES`` letter heights from the nearest
    word, has few letters and one of its words is unsure; a table's far column ("X", "Sí",
    "A favor") is read sure and stays.
    """
    line = _without_lone_marks(line, height)
    cut = _island_cut(line, height) if len(line) >= 2 else None
    if cut is None:
        return line
    if _island(line[cut:]):
        return line[:cut]
    if _island(line[:cut]):
        return line[cut:]
    return line


def _without_lone_marks(line: list[W], height: float) -> list[W]:
    """Drop one character at a line's end read with next to no confidence, apart from the
    words: a stroke of initials in the margin ("… en el mes de agosto día 20     A")."""
    while len(line) >= 2:
        last, before = line[-1], line[-2]
        gap = last.left - (before.left + before.width)
        if not (
            len(last.text) == 1
            and last.confidence < _MARK_CONFIDENCE
            and last.height > 0
            and before.height > 0
            and gap >= _MARK_LINES * height
        ):
            break
        line = line[:-1]
    return line


def _island_cut(line: Sequence[Boxed], height: float) -> int | None:
    """Where the widest gap of ``line`` is, when it is wide enough to set words apart."""
    widest, cut = 0, None
    for index, (word, nxt) in enumerate(itertools.pairwise(line), start=1):
        if word.height <= 0 or nxt.height <= 0:
            return None
        gap = max(0, nxt.left - (word.left + word.width))
        if gap > widest:
            widest, cut = gap, index
    return cut if widest >= _ISLAND_LINES * height else None


def _island(words: Sequence[Boxed]) -> bool:
    letters = sum(char.isalnum() for word in words for char in word.text)
    return len(words) <= 2 and letters <= 3 and any(word.confidence < _SURE for word in words)


def without_rule_garbage(lines: list[list[W]]) -> list[list[W]]:
    """Drop a row of dashes read as letters: each unsure rule-like word, and the unsure
    words on either side of it up to a sure one ("= === <= amen REESE TTTTT To")."""
    cleaned: list[list[W]] = []
    for line in lines:
        unsure = [word.confidence < _GARBAGE_CONFIDENCE for word in line]
        drop = [False] * len(line)
        for index, word in enumerate(line):
            if not (unsure[index] and _RULE_RE.search(word.text)):
                continue
            drop[index] = True
            for step in (-1, 1):
                other = index + step
                while 0 <= other < len(line) and unsure[other]:
                    drop[other] = True
                    other += step
        kept = [word for word, dropped in zip(line, drop, strict=True) if not dropped]
        if kept or not line:
            cleaned.append(kept)
    return cleaned


def without_false_breaks(lines: list[list[W]]) -> list[list[W]]:
    """Drop a paragraph break after a line that runs to the right margin without a stop."""
    column = _column(lines)
    height = _letter_height(lines)
    if column is None or not height:
        return lines
    out: list[list[W]] = []
    for index, line in enumerate(lines):
        if not line and out and out[-1] and index + 1 < len(lines) and lines[index + 1]:
            previous, following = out[-1], lines[index + 1]
            box = _line_box(previous)
            full = box is not None and box[2] >= column[1] - 1.5 * height
            if (
                full
                and previous[-1].text[-1:] not in _STOP
                and not _LIST_ITEM_RE.match(following[0].text)
            ):
                continue
        out.append(line)
    return out


def reflowed(lines: list[list[W]]) -> list[list[W]]:
    """Join a line that runs to the right margin without a stop to the line after it.

    Such a line was wrapped by the page, not ended by the writer: "el Consejo Ciudadano de
    Radio" / "Universidad Autónoma…" is one name. A line after it that starts a numbered
    item stays apart, and so does an unsure one (a signature's scribble read as letters) or
    one that does not start at the left margin (a centred name under a signature).
    """
    column = _column(lines)
    height = _letter_height(lines)
    if column is None or not height:
        return lines
    out: list[list[W]] = []
    last: list[W] = []  # the printed line read last, before any join
    for line in lines:
        box = _line_box(last) if last else None
        start = _line_box(line)
        if (
            line
            and out
            and box is not None
            and start is not None
            and start[0] <= column[0] + _WRAP_LINES * height
            and box[2] >= column[1] - _WRAP_LINES * height
            and box[0] <= column[0] + _WRAP_LINES * height
            and last[-1].text[-1:] not in _STOP
            and not _LIST_ITEM_RE.match(line[0].text)
            and sum(word.confidence for word in line) / len(line) >= _SURE
        ):
            out[-1] = [*out[-1], *line]
        else:
            out.append(line)
        last = line
    return out
