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
"""

from __future__ import annotations

import csv
import datetime
import enum
import io
import re
import time
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from abierto.lib import zipguard

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


# Reading -------------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # never fails: every byte is a character


def _delimiter(text: str) -> str:
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    counts = {d: first_line.count(d) for d in (";", "\t", ",")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _csv_rows(data: bytes) -> Iterator[list[Cell]]:
    if b"\x00" in data[:4096]:
        raise UnreadableFileError(
            _("El archivo no parece de texto (CSV). Guárdelo como CSV UTF-8 o como XLSX.")
        )
    nul = data.find(b"\x00")
    if nul >= 0:  # no text stored can hold one (PostgreSQL refuses it)
        raise UnreadableFileError(
            _(
                "El archivo tiene un carácter nulo (\\0) en la línea %(line)d, que no se admite. "
                "Corríjalo o guárdelo de nuevo como CSV UTF-8."
            )
            % {"line": data.count(b"\n", 0, nul) + 1}
        )
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=False)
    try:
        for line in reader:
            if len(line) > MAX_COLUMNS:
                raise UnreadableFileError(
                    _("El archivo tiene más de %(max)d columnas.") % {"max": MAX_COLUMNS}
                )
            yield list(line)
    except csv.Error as exc:
        raise UnreadableFileError(
            _("El archivo CSV está dañado cerca de la línea %(line)d.") % {"line": reader.line_num}
        ) from exc


def _xlsx_rows(data: bytes) -> Iterator[list[Cell]]:
    try:
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds of errors on a damaged file
        raise UnreadableFileError(
            _(
                "El archivo no es una hoja de cálculo XLSX válida. Ábralo en su programa de "
                "hojas de cálculo y guárdelo de nuevo como XLSX o como CSV."
            )
        ) from exc
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            return
        for values in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
            yield list(values)
    except Exception as exc:
        raise UnreadableFileError(
            _("No se pudo leer la hoja de cálculo: el archivo XLSX está dañado.")
        ) from exc
    finally:
        workbook.close()


def _raw_rows(data: bytes, filename: str, max_rows: int = MAX_ROWS) -> Iterator[list[Cell]]:
    name = filename.lower()
    if data.startswith(b"\xd0\xcf\x11\xe0") or name.endswith(".xls"):
        raise UnreadableFileError(
            _("El formato XLS (Excel 97-2003) no se admite: guarde el archivo como XLSX o CSV.")
        )
    if name.endswith((".xlsx", ".xlsm")) or data.startswith(b"PK\x03\x04"):
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise UnreadableFileError(
                _(
                    "El archivo no es una hoja de cálculo XLSX válida. Ábralo en su programa de "
                    "hojas de cálculo y guárdelo de nuevo como XLSX o como CSV."
                )
            )
        if zipguard.unpacks_too_big(data):
            raise UnreadableFileError(
                _(
                    "La hoja de cálculo se descomprime en más de %(max)d MB; divídala en partes "
                    "o guárdela como CSV."
                )
                % {"max": zipguard.MAX_UNPACKED_BYTES // (1024 * 1024)}
            )
        last = zipguard.last_sheet_row(data)
        if last > max_rows + ROW_NUMBER_MARGIN:
            raise UnreadableFileError(
                _(
                    "La hoja de cálculo llega hasta la fila %(row)d; se admiten %(max)d filas "
                    "de datos. Borre las filas vacías del final o divídala en partes."
                )
                % {"row": last, "max": max_rows}
            )
        return _xlsx_rows(data)
    return _csv_rows(data)


def _is_blank(values: Sequence[Cell]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


# Parsing cells -------------------------------------------------------------------------------


class CellValueError(ValueError):
    pass


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value).strip()


_THOUSANDS_COMMA = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")
_THOUSANDS_DOT = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")


def parse_decimal(value: Cell) -> Decimal:
    if isinstance(value, bool):
        raise CellValueError(_("Escriba un número."))
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise CellValueError(_("Escriba un número."))
        return Decimal(repr(value))
    text = _text(value).replace(" ", "").replace("\u00a0", "")
    if _THOUSANDS_COMMA.match(text):
        text = text.replace(",", "")
    elif _THOUSANDS_DOT.match(text) and "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")  # decimal comma: 12,5
    if not re.fullmatch(r"-?\d+(\.\d+)?", text):
        raise CellValueError(_("«%(value)s» no es un número.") % {"value": _short(value)})
    try:
        number = Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the pattern above rules it out
        raise CellValueError(_("«%(value)s» no es un número.") % {"value": _short(value)}) from exc
    if abs(number) >= Decimal("1e12"):
        raise CellValueError(_("El número es demasiado grande."))
    return number


def parse_int(value: Cell) -> int:
    number = parse_decimal(value)
    if number != number.to_integral_value():
        raise CellValueError(_("Escriba un número entero, sin decimales."))
    if number < 0:
        raise CellValueError(_("El número no puede ser negativo."))
    return int(number)


_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")


def parse_date(value: Cell) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    iso = _ISO.match(text)
    dmy = _DMY.match(text)
    try:
        if iso:
            return datetime.date(int(iso[1]), int(iso[2]), int(iso[3]))
        if dmy:
            return datetime.date(int(dmy[3]), int(dmy[2]), int(dmy[1]))
    except ValueError as exc:
        raise CellValueError(
            _("«%(value)s» no es una fecha que exista.") % {"value": text}
        ) from exc
    raise CellValueError(
        _("«%(value)s» no es una fecha: use AAAA-MM-DD o DD/MM/AAAA.") % {"value": _short(value)}
    )


def _short(value: Cell) -> str:
    text = _text(value)
    return text if len(text) <= 40 else text[:39] + "…"


class MunicipalityIndex:
    """Finds a municipality by INEGI code (``15104`` or ``104``) or by name, ignoring accents."""

    def __init__(self, names_by_code: Mapping[str, str]) -> None:
        self.names_by_code = dict(names_by_code)
        self.codes_by_name = {normalise(name): code for code, name in names_by_code.items()}

    def find(self, value: Cell) -> str:
        text = _text(value)
        if re.fullmatch(r"\d{1,5}", text):
            code = text if len(text) == 5 else "15" + text.zfill(3)
            if code in self.names_by_code:
                return code
            raise CellValueError(
                _("No hay un municipio con la clave INEGI %(code)s.") % {"code": text}
            )
        code_or_none = self.codes_by_name.get(normalise(text))
        if code_or_none is None:
            raise CellValueError(
                _("«%(value)s» no es un municipio del Estado de México (use la clave INEGI).")
                % {"value": _short(value)}
            )
        return code_or_none


def parse_cell(column: Column, value: Cell, municipalities: MunicipalityIndex | None) -> Any:
    if column.type is ColumnType.INT:
        return parse_int(value)
    if column.type is ColumnType.DECIMAL:
        return parse_decimal(value)
    if column.type is ColumnType.DATE:
        return parse_date(value)
    if column.type is ColumnType.CHOICE:
        wanted = normalise(_text(value))
        for spelling, stored in column.choices.items():
            if normalise(spelling) == wanted:
                return stored
        raise CellValueError(
            _("«%(value)s» no es una opción válida; use: %(options)s.")
            % {"value": _short(value), "options": ", ".join(_visible_choices(column))}
        )
    if column.type is ColumnType.MUNICIPALITY:
        if municipalities is None:
            raise CellValueError(_("No hay catálogo de municipios."))
        return municipalities.find(value)
    text = _text(value)
    if len(text) > column.max_length:
        raise CellValueError(
            _("El texto es demasiado largo (máximo %(max)d caracteres).")
            % {"max": column.max_length}
        )
    return text


def _visible_choices(column: Column) -> list[str]:
    seen: dict[str, str] = {}
    for spelling, stored in column.choices.items():
        seen.setdefault(stored, spelling)
    return list(seen.values())


# The table -----------------------------------------------------------------------------------


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
