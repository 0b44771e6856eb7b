"""Agreements laid out as a table, as working minutes ("minutas") keep them:

    No. | Acuerdo | Responsable | Fecha compromiso
    1 | Enviar el informe de avance del compromiso 3. | Dirección de Planeación | 10 de marzo

The table is found by its header: a cell that names the agreement ("Acuerdo", "Acuerdos",
"Descripción del acuerdo") and, perhaps, one that numbers the rows ("No.", "Núm.", "#").
Each row below it is an agreement, its code the row's number (else its place in the table).
A table that follows up earlier agreements ("Seguimiento de acuerdos", a status column) records
no decision of this session.
"""

import re

from .decisions import Agreement
from .text import clean_title, fold

_AGREEMENT_HEADER_RE = re.compile(
    r"^(?:descripcion\s+del\s+)?acuerdos?(?:\s*(?:/|y)\s*compromisos?)?(?:\s+tomados?)?$"
)
_NUMBER_HEADER_RE = re.compile(r"^(?:no|num|numero|n[°º]|#|consecutivo)\.?$")
_STATUS_HEADER_RE = re.compile(
    r"^(?:estatus|status|estado|avance|situacion|cumplimiento|seguimiento)"
)
# "Seguimiento de acuerdos": earlier agreements followed up (``agreements`` skips them too).
FOLLOW_UP_RE = re.compile(r"seguimiento\s+(?:de|a)\s+(?:los\s+)?acuerdos")
FOLLOW_UP_SPAN = 300
_CELL_SPLIT_RE = re.compile(r"[ \t]*\|[ \t]*|\t+")
MAX_ROWS = 60


def table_agreements(text: str) -> list[Agreement]:
    """The agreements of the first table whose header names them, in order."""
    lines = text.split("\n")
    offset = 0
    for index, line in enumerate(lines):
        if "|" in line or "\t" in line:
            header = [fold(cell).strip(" .:") for cell in _CELL_SPLIT_RE.split(line)]
            column = _column(header, _AGREEMENT_HEADER_RE)
            if (
                column is not None
                and _column(header, _STATUS_HEADER_RE) is None
                and not FOLLOW_UP_RE.search(fold(text[max(0, offset - FOLLOW_UP_SPAN) : offset]))
            ):
                found = _rows(lines, index + 1, offset + len(line) + 1, header, column)
                if found:
                    return found
        offset += len(line) + 1
    return []


def _column(header: list[str], pattern: re.Pattern[str]) -> int | None:
    return next((position for position, cell in enumerate(header) if pattern.match(cell)), None)


def _rows(
    lines: list[str], first: int, offset: int, header: list[str], column: int
) -> list[Agreement]:
    number_column = _column(header, _NUMBER_HEADER_RE)
    agreements: list[Agreement] = []
    for line in lines[first : first + MAX_ROWS]:
        if "|" not in line and "\t" not in line:
            break
        cells = _CELL_SPLIT_RE.split(line)
        if len(cells) != len(header):
            break  # another table, or prose with a bar in it
        body = clean_title(cells[column])
        if body:
            number = cells[number_column].strip(" .") if number_column is not None else ""
            code = number if number.isdigit() else str(len(agreements) + 1)
            agreements.append(Agreement(code=code, text=body, vote=None, start=offset))
        offset += len(line) + 1
    return agreements
