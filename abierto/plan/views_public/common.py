"""What the plan's public pages share: figures and dates the Mexican way, SVG markup, paging."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.formats import date_format, number_format
from django.utils.http import content_disposition_header
from django.utils.safestring import SafeString, mark_safe

PAGE_SIZE = 20
MAP_FILE = Path(__file__).resolve().parent.parent / "data" / "municipios_edomex.geojson"
FIRST_DATE = datetime.date(2000, 1, 1)
LAST_DATE = datetime.date(2100, 12, 31)


def _svg(markup: str) -> SafeString:
    return mark_safe(markup)  # noqa: S308 - svg_charts and geo_svg escape every text they write


def _number(value: Decimal | float | int) -> str:
    """A figure the Mexican way (``113,000``, ``72.5``), without useless decimals."""
    decimal = Decimal(str(value))
    places = 0 if decimal == decimal.to_integral_value() else 1
    return number_format(decimal, places, force_grouping=True)


def _percent(value: Decimal | float | int) -> str:
    return f"{_number(value)} %"


def _short_date(day: datetime.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def _page(request: HttpRequest, items: QuerySet[Any]) -> Page[Any]:
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("pagina"))


def _disposition(filename: str, *, attachment: bool = True) -> str:
    return content_disposition_header(as_attachment=attachment, filename=filename) or ""
