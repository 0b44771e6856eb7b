"""The whole table: headers matched to the spec, every row read within the limits, its errors
listed; and the CSV template of a spec.
"""

from __future__ import annotations

import csv
import io
import time
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from django.utils.translation import gettext as _

from .cells import CellValueError, MunicipalityIndex, _short, _text, parse_cell
from .files import _is_blank, _raw_rows
from .spec import (
    MAX_BYTES,
    MAX_CELL_CHARS,
    MAX_ERRORS,
    MAX_ROWS,
    MAX_SECONDS,
    Cell,
    CellError,
    Column,
    Row,
    Table,
    UnreadableFileError,
    normalise,
)


def _match_headers(
    headers: Sequence[Cell], columns: Sequence[Column]
) -> tuple[dict[int, Column], list[CellError]]:
    by_name: dict[str, Column] = {}
    for column in columns:
        for name in (column.header, column.key, *column.aliases):
            by_name[normalise(name)] = column
    matched: dict[int, Column] = {}
    errors: list[CellError] = []
    seen: set[str] = set()
    for index, header in enumerate(headers):
        text = _text(header)
        if not text:
            continue
        column_or_none = by_name.get(normalise(text))
        if column_or_none is None:
            errors.append(
                CellError(1, _short(text), _("Columna desconocida: quítela o corrija su nombre."))
            )
        elif column_or_none.key in seen:
            errors.append(CellError(1, column_or_none.header, _("La columna está repetida.")))
        else:
            matched[index] = column_or_none
            seen.add(column_or_none.key)
    for column in columns:
        if column.required and column.key not in seen:
            errors.append(CellError(1, column.header, _("Falta esta columna obligatoria.")))
    return matched, errors


def read_table(
    data: bytes,
    filename: str,
    columns: Sequence[Column],
    *,
    municipalities: Mapping[str, str] | None = None,
    max_bytes: int = MAX_BYTES,
    max_rows: int = MAX_ROWS,
    max_seconds: float = MAX_SECONDS,
) -> Table:
    """Parse and validate the whole file; never raises on what the file contains.

    A spreadsheet is refused when its rows are numbered past ``max_rows`` (and a margin for
    blank rows), before it is opened; any file whose reading takes over ``max_seconds``.

    ``municipalities`` maps INEGI codes to names, for the MUNICIPALITY columns.
    """
    if len(data) > max_bytes:
        return _file_error(
            _("El archivo pesa más de %(max)d MB; divídalo en partes.")
            % {"max": max_bytes // (1024 * 1024)}
        )
    if not data.strip():
        return _file_error(_("El archivo está vacío."))
    index = MunicipalityIndex(municipalities) if municipalities is not None else None
    try:
        deadline = time.monotonic() + max_seconds
        return _read(_raw_rows(data, filename, max_rows), columns, index, max_rows, deadline)
    except ReadTimeout:
        return _file_error(
            _(
                "La lectura del archivo tardó más de %(seconds)d segundos; divídalo en partes "
                "o guárdelo como CSV."
            )
            % {"seconds": max_seconds}
        )
    except UnreadableFileError as exc:
        return _file_error(str(exc))
    except (RecursionError, MemoryError, zipfile.BadZipFile, EOFError, OSError, ValueError):
        return _file_error(
            _("No se pudo leer el archivo. Guárdelo de nuevo como CSV UTF-8 o como XLSX.")
        )


def _file_error(message: str) -> Table:
    return Table(rows=[], errors=[CellError(None, "", message)])


class ReadTimeout(Exception):  # noqa: N818 (a limit reached, not an error of the code)
    """Reading the file took longer than allowed."""


def _until(raw: Iterable[list[Cell]], deadline: float) -> Iterator[list[Cell]]:
    """The rows, blank ones included, until the deadline passes."""
    for values in raw:
        if time.monotonic() > deadline:
            raise ReadTimeout
        yield values


def _read(
    raw: Iterable[list[Cell]],
    columns: Sequence[Column],
    municipalities: MunicipalityIndex | None,
    max_rows: int,
    deadline: float,
) -> Table:
    iterator = _until(raw, deadline)
    header: list[Cell] | None = None
    header_number = 0
    for header_number, candidate in enumerate(iterator, start=1):  # noqa: B007
        if not _is_blank(candidate):
            header = candidate
            break
    if header is None:
        return _file_error(_("El archivo no tiene filas: falta la fila de encabezados."))
    matched, errors = _match_headers(header, columns)
    if errors:
        return Table(rows=[], errors=_numbered_header_errors(errors, header_number))
    rows: list[Row] = []
    overflow = 0
    for number, values in enumerate(iterator, start=header_number + 1):
        if _is_blank(values):
            continue
        if len(rows) >= max_rows:
            return _file_error(
                _("El archivo tiene más de %(max)d filas de datos; divídalo en partes.")
                % {"max": max_rows}
            )
        parsed: dict[str, Any] = {column.key: None for column in columns}
        for position, column in matched.items():
            value = values[position] if position < len(values) else None
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                value = value[:MAX_CELL_CHARS]
            if _text(value) == "":
                if column.required:
                    overflow += _add(
                        errors, CellError(number, column.header, _("Este dato es obligatorio."))
                    )
                continue
            try:
                parsed[column.key] = parse_cell(column, value, municipalities)
            except CellValueError as exc:
                overflow += _add(errors, CellError(number, column.header, str(exc)))
        extra = [v for v in values[len(header) :] if _text(v)]
        if extra:
            overflow += _add(
                errors,
                CellError(number, "", _("La fila tiene más celdas que encabezados.")),
            )
        rows.append(Row(number=number, values=parsed))
    if not rows and not errors:
        return _file_error(_("El archivo solo tiene encabezados: no hay filas de datos."))
    if overflow:
        errors.append(
            CellError(
                None,
                "",
                _("Y %(count)d errores más que no se muestran.") % {"count": overflow},
            )
        )
    return Table(rows=rows, errors=errors)


def _numbered_header_errors(errors: list[CellError], header_number: int) -> list[CellError]:
    return [CellError(header_number, e.column, e.message) for e in errors]


def _add(errors: list[CellError], error: CellError) -> int:
    """Append the error; past the limit, only count it (returns 1 when not appended)."""
    if len(errors) < MAX_ERRORS:
        errors.append(error)
        return 0
    return 1


def csv_template(columns: Sequence[Column], rows: Iterable[Sequence[object]] = ()) -> str:
    """A CSV (UTF-8, comma-separated) with the headers of ``columns`` and optional rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.header for column in columns])
    for row in rows:
        writer.writerow([_inert("" if value is None else str(value)) for value in row])
    return out.getvalue()


def _inert(text: str) -> str:
    """Keep spreadsheets from running a cell as a formula (CSV injection)."""
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text
