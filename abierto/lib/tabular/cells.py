"""One cell's value read as its column's type: integers, decimals, dates, choices,
municipalities and text, each refusal with a message in Spanish.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from .spec import Cell, Column, ColumnType, normalise


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
