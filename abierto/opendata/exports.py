"""Distributions: CSV and JSON written as they are read, so memory stays flat."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from typing import Any

from django.core.cache import cache

from .catalog import Dataset

CACHE_SECONDS = 300


class _Line(io.StringIO):
    def pop(self) -> str:
        value = self.getvalue()
        self.seek(0)
        self.truncate()
        return value


# A text cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value as the CSV writes it: text that a spreadsheet would run as a formula gets a
    leading apostrophe (CSV injection: names and agreements come from people's typing).
    Numbers keep their sign; the JSON distribution keeps every text exactly as stored."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_chunks(dataset: Dataset, *, spanish_headers: bool = False) -> Iterator[str]:
    """UTF-8 CSV with a header row; a BOM so that spreadsheet programs read the accents.

    The header row holds the columns' stable identifiers (``session_date``), which programs
    rely on; with ``spanish_headers`` it holds their Spanish titles (``Fecha de la sesión``)
    for a person opening the file in a spreadsheet.
    """
    buffer = _Line()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([csv_cell(c.heading) if spanish_headers else c.name for c in dataset.columns])
    yield "\ufeff" + buffer.pop()
    for n, record in enumerate(dataset.records(), start=1):
        writer.writerow([csv_cell(v) for v in record.values()])
        if n % 500 == 0:
            yield buffer.pop()
    yield buffer.pop()


def json_chunks(dataset: Dataset) -> Iterator[str]:
    """A JSON array of objects, one per row."""
    yield "["
    first = True
    for record in dataset.records():
        yield ("" if first else ",\n") + json.dumps(record, ensure_ascii=False)
        first = False
    yield "]\n"


def fingerprint(dataset: Dataset) -> str:
    """An ETag for the dataset's current state: last change and row count (cached briefly)."""
    key = f"opendata:etag:{dataset.slug}"
    cached: str | None = cache.get(key)
    if cached is None:
        modified = dataset.last_modified()
        basis = f"{dataset.slug}|{modified.isoformat() if modified else ''}|{dataset.count()}"
        basis += "|" + "|".join(c.name for c in dataset.columns)
        cached = hashlib.sha256(basis.encode()).hexdigest()[:32]
        cache.set(key, cached, 30)
    return cached
