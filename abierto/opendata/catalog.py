"""The open-data catalog: each dataset built live from the records, documented field by field.

A dataset names its rows (a selector of the app that owns them, which decides what is
public) and its columns. A column's description is the ``help_text`` of the model field it
comes from, so the data dictionary and the models cannot drift apart; columns that are not
a model field carry their own description.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import Max, QuerySet
from django.utils.translation import gettext_lazy as _

PUBLISHER = "Secretariado Técnico Local de Gobierno Abierto del Estado de México"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENSE_NAME = "CC BY 4.0"


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    get: Callable[[Any], Any]
    type: str = "string"  # string | integer | number | boolean | date | time | datetime
    source: str = ""  # the model field path it reads, when it reads one


def _path_get(path: str) -> Callable[[Any], Any]:
    def get(obj: Any) -> Any:
        for part in path.split("."):
            if obj is None:
                return None
            obj = getattr(obj, part)
        return obj

    return get


FIELD_TYPES = {
    models.DateTimeField: "datetime",
    models.DateField: "date",
    models.TimeField: "time",
    models.BooleanField: "boolean",
    models.DecimalField: "number",
    models.FloatField: "number",
    models.IntegerField: "integer",
    models.PositiveIntegerField: "integer",
    models.PositiveSmallIntegerField: "integer",
    models.BigIntegerField: "integer",
}


def _field(model: type[models.Model], path: str) -> models.Field[Any, Any]:
    parts = path.split(".")
    current = model
    for part in parts[:-1]:
        current = current._meta.get_field(part).related_model  # type: ignore[assignment]
    return current._meta.get_field(parts[-1])  # type: ignore[return-value]


def field_column(
    model: type[models.Model],
    path: str,
    name: str | None = None,
    *,
    display: bool = False,
    description: str | None = None,
) -> Column:
    """A column read from ``path`` (``session.date``), described by the field's help_text.

    ``display`` publishes a choice field's label (``Ordinaria``) instead of its code.
    """
    model_field = _field(model, path)
    text = description or str(model_field.help_text or "")
    if not text:
        raise ValueError(f"{model.__name__}.{path} has no help_text for the data dictionary")
    getter = _path_get(path)
    get: Callable[[Any], Any] = getter
    if display and model_field.choices:
        choices = {k: str(v) for k, v in model_field.flatchoices}

        def get(obj: Any) -> Any:
            value = getter(obj)
            return choices.get(value, value)

    kind = next((t for cls, t in FIELD_TYPES.items() if isinstance(model_field, cls)), "string")
    if model_field.is_relation:
        kind = "string"
    return Column(name or path.replace(".", "_"), text, get, "string" if display else kind, path)


def value_for_export(value: Any) -> Any:
    """One language and plain types: dates in ISO 8601, decimals as numbers, models as text."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, models.Model):
        return str(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    keywords: list[str]
    rows: Callable[[], QuerySet[Any]]
    columns: list[Column]
    frequency: str = "http://publications.europa.eu/resource/authority/frequency/CONT"
    theme: str = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
    modified_field: str = "updated_at"
    # Fields of the source model deliberately left out (personal or internal), so that a new
    # field has to be either published or listed here: a test checks it.
    excluded_fields: frozenset[str] = field(default_factory=frozenset)

    @property
    def model(self) -> type[models.Model]:
        return self.rows().model

    def records(self) -> Iterator[dict[str, Any]]:
        """Rows as ordered dicts, read in chunks so that memory stays flat."""
        for obj in self.rows().iterator(chunk_size=2000):
            yield {c.name: value_for_export(c.get(obj)) for c in self.columns}

    def last_modified(self) -> datetime.datetime | None:
        if self.modified_field not in {f.name for f in self.model._meta.get_fields()}:
            return None
        result: datetime.datetime | None = self.rows().aggregate(m=Max(self.modified_field))["m"]
        return result

    def count(self) -> int:
        return self.rows().count()


REGISTRY: dict[str, Dataset] = {}


def register(dataset: Dataset) -> Dataset:
    if dataset.slug in REGISTRY:
        raise ValueError(f"Dataset {dataset.slug!r} registered twice")
    REGISTRY[dataset.slug] = dataset
    return dataset


def datasets() -> list[Dataset]:
    from . import datasets_forum, datasets_plan, datasets_portal  # noqa: F401 - they register

    return list(REGISTRY.values())


def dataset(slug: str) -> Dataset | None:
    datasets()
    return REGISTRY.get(slug)


DATASET_LICENSE_NOTE = _("Licencia CC BY 4.0: puede usar, compartir y adaptar citando la fuente.")
