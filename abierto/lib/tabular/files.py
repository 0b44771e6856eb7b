"""The raw rows of a CSV (its encoding and delimiter guessed) or of an XLSX's first sheet."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator, Sequence

from django.utils.translation import gettext as _

from abierto.lib import zipguard

from .spec import MAX_COLUMNS, MAX_ROWS, ROW_NUMBER_MARGIN, Cell, UnreadableFileError


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
