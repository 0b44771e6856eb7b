"""Each dataset as a Frictionless Data Package: its CSV and a Table Schema that is the data
dictionary, so that a program can read and check the file without a person's help.

A field's ``title`` and ``description`` are the Spanish ones of the catalog; ``title_en`` and
``description_en`` carry the English beside them when the English catalogue translates them.
The schema states how the CSV writes what is not text: booleans as ``True``/``False``, an
empty cell for a missing value, dates and times in ISO 8601.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from .catalog import LICENSE_NAME, LICENSE_URL, PUBLISHER, Column, Dataset

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"
TABLE_SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"


def _in(language: str, value: StrOrPromise) -> str:
    with translation.override(language):
        return str(value)


def _bilingual(target: dict[str, Any], key: str, value: StrOrPromise) -> None:
    spanish = _in(settings.LANGUAGE_CODE, value)
    target[key] = spanish
    english = _in("en", value)
    if english != spanish:
        target[f"{key}_en"] = english


def _heading(column: Column, language: str) -> str:
    with translation.override(language):
        return column.heading


def table_field(column: Column) -> dict[str, Any]:
    """A column as a Table Schema field: its type, and the dictionary's words."""
    entry: dict[str, Any] = {"name": column.name, "type": column.type}
    entry["title"] = _heading(column, settings.LANGUAGE_CODE)
    english_title = _heading(column, "en")
    if english_title != entry["title"]:
        entry["title_en"] = english_title
    _bilingual(entry, "description", column.description)
    if column.type == "boolean":
        entry["trueValues"] = ["True"]
        entry["falseValues"] = ["False"]
    if column.labels and not column.export_labels:
        entry["constraints"] = {"enum": [str(code) for code in column.labels]}
    return entry


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def datapackage(dataset: Dataset) -> dict[str, Any]:
    csv_url = _absolute(reverse("opendata:download", args=[dataset.slug, "csv"]))
    page = _absolute(reverse("opendata:dataset", args=[dataset.slug]))
    package: dict[str, Any] = {"$schema": PROFILE, "name": dataset.slug}
    _bilingual(package, "title", dataset.title)
    _bilingual(package, "description", dataset.description)
    package |= {
        "homepage": page,
        "keywords": list(dataset.keywords),
        "licenses": [{"name": "CC-BY-4.0", "path": LICENSE_URL, "title": LICENSE_NAME}],
        "contributors": [{"title": PUBLISHER, "roles": ["publisher"]}],
        "resources": [
            {
                "$schema": RESOURCE_PROFILE,
                "name": dataset.slug,
                "path": csv_url,
                "type": "table",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "dialect": {"header": True, "delimiter": ",", "lineTerminator": "\r\n"},
                "schema": {
                    "$schema": TABLE_SCHEMA_PROFILE,
                    "fields": [table_field(column) for column in dataset.columns],
                    "missingValues": [""],
                },
            }
        ],
    }
    return package
