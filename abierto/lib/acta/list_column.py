"""A numbered list whose numbers a PDF's text layer gives apart from the items.

When a list is set with its numbers in a column of their own, pypdf may return the numbers
first, one a line, and then the items' lines:

    1. / 2. / 3. / Lista de asistencia. / Aprobación del Orden del Día. / Informe …

The numbers are put back before their items: after a run of at least three numbers alone
(in order from 1), as many items follow as there were numbers, each one starting with a
capital letter (a line starting in lower case goes on with the item before it).
"""

from __future__ import annotations

import re

MIN_NUMBERS = 3
_NUMBER_ALONE_RE = re.compile(r"^[ \t]*(\d{1,2})[ \t]*([.)-]+)[ \t]*$")


def with_numbers_on_items(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        run = _numbers_run(lines, index)
        if len(run) >= MIN_NUMBERS and (items := _items(lines, index + len(run), len(run))):
            for marker, (item, _) in zip(run, items, strict=True):
                out.append(f"{marker} {item}")
            index = items[-1][1]
            continue
        out.append(lines[index])
        index += 1
    return "\n".join(out)


def _numbers_run(lines: list[str], start: int) -> list[str]:
    markers: list[str] = []
    for line in lines[start:]:
        match = _NUMBER_ALONE_RE.match(line)
        if match is None or int(match[1]) != len(markers) + 1:
            break
        markers.append(f"{match[1]}{match[2]}")
    return markers


def _items(lines: list[str], start: int, count: int) -> list[tuple[str, int]] | None:
    """``count`` items from ``lines[start:]``, each with the index after its last line."""
    items: list[tuple[str, int]] = []
    index = start
    while index < len(lines) and len(items) <= count:
        line = lines[index].strip()
        if not line or _NUMBER_ALONE_RE.match(line):
            break
        if line[0].isupper() or line[0] in '¿¡"“':
            if len(items) == count:
                break
            items.append((line, index + 1))
        elif items:
            items[-1] = (f"{items[-1][0]} {line}", index + 1)
        else:
            return None
        index += 1
    return items if len(items) == count else None
