"""What a table is checked against and what reading it gives: the limits, the column spec, the
cell errors, the rows and the table, and the header normalisation.
"""

from __future__ import annotations

import datetime
import enum
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 5_000
# Blank rows and titles above the header that a sheet may have besides its data rows.
ROW_NUMBER_MARGIN = 1_000
MAX_SECONDS = 30  # reading a file of MAX_BYTES takes a few; past this something is wrong
MAX_ERRORS = 1_000  # past this, the list says how many more there were

Cell = str | int | float | Decimal | datetime.date | datetime.datetime | datetime.time | bool | None


class ColumnType(enum.Enum):
    TEXT = "text"
    INT = "int"
    DECIMAL = "decimal"
    DATE = "date"
    CHOICE = "choice"
    MUNICIPALITY = "municipality"


@dataclass(frozen=True)
class Column:
    """One column of a table: ``key`` in the parsed rows, ``header`` in the file.

    ``choices`` maps the accepted spellings (matched like headers) to the stored value.
    ``required`` means the column must be present and every cell filled.
    """

    key: str
    header: str
    type: ColumnType = ColumnType.TEXT
    required: bool = True
    choices: Mapping[str, str] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    max_length: int = 500
    help: str = ""


@dataclass(frozen=True)
class CellError:
    """An error in one cell; ``row`` and ``column`` are empty for errors of the whole file."""

    row: int | None
    column: str
    message: str


@dataclass(frozen=True)
class Row:
    number: int
    values: dict[str, Any]


@dataclass
class Table:
    rows: list[Row]
    errors: list[CellError]

    @property
    def ok(self) -> bool:
        return not self.errors


class UnreadableFileError(Exception):
    """The file as a whole cannot be read; its message is shown as it is."""


def normalise(text: str) -> str:
    """Lower-case, no accents, one space between words: ``Año_de-Inicio`` → ``ano de inicio``."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.split(r"[\s_\-]+", stripped.casefold())).strip()
