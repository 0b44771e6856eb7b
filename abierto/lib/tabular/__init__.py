"""Read a CSV or XLSX file and validate it row by row against a column spec.

The reader never raises on what a user uploads: a file it cannot read gives one clear error,
and every bad cell gives a :class:`CellError` with its row (as a spreadsheet numbers it, the
header being row 1) and its column. Callers save nothing unless the error list is empty.

- CSV: UTF-8 (with or without BOM), else Windows-1252/Latin-1; ``,`` or ``;`` (or tab)
  as delimiter, whichever the header line uses.
- XLSX: the first worksheet, through openpyxl in read-only mode.
- Headers match the spec ignoring case, accents, spaces, ``_`` and ``-``.
- Values: integers ≥ 0, decimals (``1,234.5``, ``1234,5``), dates (``2022-12-16`` or
  ``16/12/2022``), choices, municipalities (INEGI code or name), text.

The package: ``spec`` (limits, columns, rows, errors), ``files`` (CSV and XLSX rows),
``cells`` (one value by its type) and ``table`` (headers, rows, errors; the CSV template).
"""

from .cells import parse_date, parse_decimal, parse_int
from .spec import MAX_BYTES, CellError, Column, ColumnType, Row, Table, normalise
from .table import csv_template, read_table

__all__ = [
    "MAX_BYTES",
    "CellError",
    "Column",
    "ColumnType",
    "Row",
    "Table",
    "csv_template",
    "normalise",
    "parse_date",
    "parse_decimal",
    "parse_int",
    "read_table",
]
