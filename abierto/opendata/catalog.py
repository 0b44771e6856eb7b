"""The open-data catalog: each dataset built live from the records, documented field by field.

A dataset names its rows (a selector of the app that owns them, which decides what is
public) and its columns. A column's description is the ``help_text`` of the model field it
comes from, so the data dictionary and the models cannot drift apart; columns that are not
a model field carry their own description.

Titles, descriptions and choice labels stay lazy: the pages show them in the reader's
language, while the downloads are always written in Spanish, the platform's first language
(their values are a data contract).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Max, Min, QuerySet
from django.utils import translation
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

PUBLISHER = "Secretariado Técnico Local de Gobierno Abierto del Estado de México"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENSE_NAME = "CC BY 4.0"


YES = _("Sí")
NO = _("No")


@dataclass(frozen=True)
class Column:
    name: str
    description: StrOrPromise
    get: Callable[[Any], Any]
    type: str = "string"  # string | integer | number | boolean | date | time | datetime
    source: str = ""  # the model field path it reads, when it reads one
    # Human labels of the codes the column holds (a choice field's), shown on the pages.
    labels: Mapping[Any, StrOrPromise] = field(default_factory=dict)
    # Publish the label instead of the code in the downloads too.
    export_labels: bool = False
    # A short Spanish title for people (a spreadsheet's header row); the name stays the
    # stable identifier. Empty: the description's first clause.
    title: StrOrPromise = ""

    @property
    def heading(self) -> str:
        """The column's Spanish title, for a header row a person reads."""
        if self.title:
            return str(self.title)
        first = _FIRST_CLAUSE.split(str(self.description), maxsplit=1)[0].strip()
        return first[:1].upper() + first[1:]

    def export_value(self, obj: Any) -> Any:
        value = self.get(obj)
        if self.export_labels:
            value = _label(self.labels, value)
        return value_for_export(value)

    def page_value(self, obj: Any) -> Any:
        """The value as a page shows it: codes by their label, booleans as «Sí» or «No»."""
        value = _label(self.labels, self.get(obj))
        if isinstance(value, bool):
            value = YES if value else NO
        return value_for_export(value)


# Where a description's first clause ends: «Resultado de la votación: unanimidad…».
_FIRST_CLAUSE = re.compile(r"[.:;,(]|\s[-\u2013]\s")


def _label(labels: Mapping[Any, StrOrPromise], value: Any) -> Any:
    try:
        return labels.get(value, value)
    except TypeError:  # not hashable: not a code
        return value


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


def _model(model: type[models.Model] | str) -> type[models.Model]:
    """A model named by its label (``plan.Commitment``): the catalog describes another app's
    model from its metadata without importing it, so its rows come only through that app's
    selectors (``abierto/tests/test_architecture.py``)."""
    return apps.get_model(model) if isinstance(model, str) else model


def field_column(
    model: type[models.Model] | str,
    path: str,
    name: str | None = None,
    *,
    display: bool = False,
    description: str | None = None,
) -> Column:
    """A column read from ``path`` (``session.date``), described by the field's help_text.

    ``display`` publishes a choice field's label (``Ordinaria``) instead of its code.
    """
    model = _model(model)
    model_field = _field(model, path)
    text = description or model_field.help_text or ""
    if not text:
        raise ValueError(f"{model.__name__}.{path} has no help_text for the data dictionary")
    labels = dict(model_field.flatchoices) if model_field.choices else {}
    kind = next((t for cls, t in FIELD_TYPES.items() if isinstance(model_field, cls)), "string")
    if model_field.is_relation:
        kind = "string"
    return Column(
        name or path.replace(".", "_"),
        text,
        _path_get(path),
        "string" if display else kind,
        path,
        labels=labels,
        export_labels=display and bool(labels),
        title=_field_title(model, path),
    )


def _field_title(model: type[models.Model], path: str) -> str:
    """«Fecha», or «Nombre (institución responsable)» for a field read through a relation."""
    with translation.override(settings.LANGUAGE_CODE):
        title = str(_field(model, path).verbose_name)
        if "." in path:
            relation = str(_field(model, path.split(".")[0]).verbose_name)
            if relation.casefold() != title.casefold():
                title = f"{title} ({relation})"
    return title[:1].upper() + title[1:]


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
    return str(value)  # lazy labels too, in the language active at this moment


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: StrOrPromise
    description: StrOrPromise
    keywords: list[str]
    rows: Callable[[], QuerySet[Any]]
    columns: list[Column]
    frequency: str = "http://publications.europa.eu/resource/authority/frequency/CONT"
    theme: str = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
    modified_field: str = "updated_at"
    # The date field whose first and last values are the dataset's temporal coverage.
    temporal_field: str = ""
    # Fields of the source model deliberately left out (personal or internal), so that a new
    # field has to be either published or listed here: a test checks it.
    excluded_fields: frozenset[str] = field(default_factory=frozenset)
    # The lookup to a forum's slug, for datasets of the forum: ``?forum=<slug>`` narrows them.
    forum_field: str = ""

    def for_forum(self, slug: str) -> Dataset:
        """The same dataset with only one forum's rows, named ``<slug>-<forum>``."""
        if not self.forum_field:
            return self
        rows = self.rows
        lookup = {self.forum_field: slug}
        return replace(self, slug=f"{self.slug}-{slug}", rows=lambda: rows().filter(**lookup))

    @property
    def model(self) -> type[models.Model]:
        return self.rows().model

    def records(self) -> Iterator[dict[str, Any]]:
        """Rows as ordered dicts, read in chunks so that memory stays flat; always in Spanish,
        whatever the language of the request (a download is the same for everyone)."""
        for obj in self.rows().iterator(chunk_size=2000):
            # Per row, never around the ``yield``: the language must not leak to the caller.
            with translation.override(settings.LANGUAGE_CODE):
                record = {c.name: c.export_value(obj) for c in self.columns}
            yield record

    def preview(self, limit: int = 10) -> list[list[Any]]:
        """The first rows as a page shows them, in the reader's language."""
        return [[c.page_value(obj) for c in self.columns] for obj in self.rows()[:limit]]

    def last_modified(self) -> datetime.datetime | None:
        if self.modified_field not in {f.name for f in self.model._meta.get_fields()}:
            return None
        result: datetime.datetime | None = self.rows().aggregate(m=Max(self.modified_field))["m"]
        return result

    def first_created(self) -> datetime.datetime | None:
        """When the first of its rows entered the platform."""
        if "created_at" not in {f.name for f in self.model._meta.get_fields()}:
            return None
        result: datetime.datetime | None = self.rows().aggregate(c=Min("created_at"))["c"]
        return result

    def temporal(self) -> tuple[datetime.date, datetime.date] | None:
        """The first and last dates of ``temporal_field`` among the rows, if any."""
        if not self.temporal_field:
            return None
        span = self.rows().aggregate(start=Min(self.temporal_field), end=Max(self.temporal_field))
        if span["start"] is None:
            return None
        return span["start"], span["end"]

    def count(self) -> int:
        return self.rows().count()


REGISTRY: dict[str, Dataset] = {}


def register(dataset: Dataset) -> Dataset:
    if dataset.slug in REGISTRY:
        raise ValueError(f"Dataset {dataset.slug!r} registered twice")
    REGISTRY[dataset.slug] = dataset
    return dataset


def datasets() -> list[Dataset]:
    from . import (  # noqa: F401 - they register
        datasets_figures,
        datasets_forum,
        datasets_forums,
        datasets_plan,
        datasets_portal,
    )

    return list(REGISTRY.values())


def dataset(slug: str) -> Dataset | None:
    datasets()
    return REGISTRY.get(slug)


DATASET_LICENSE_NOTE = _("Licencia CC BY 4.0: puede usar, compartir y adaptar citando la fuente.")
