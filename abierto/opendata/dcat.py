"""The catalog in DCAT-AP 3 as JSON-LD, so that data portals can harvest it.

It has every mandatory property (0 violations of the official core shapes) and every
recommended one (0 warnings of the official recommended shapes): contact point, temporal
coverage, availability, the API as a data service serving the datasets. Each distribution
conforms to the dataset's Frictionless Data Package (``datapackage.json``), whose Table
Schema is the data dictionary. ``.ci/api-check`` and ``tests/test_dcat_shapes.py`` check it
with pySHACL against the shapes in ``tests/shacl/``.

Spanish is the catalog's canonical language: every text is a literal tagged ``es``, whatever
the language of the request. A dataset's title and description also carry an ``en`` literal
when the English catalogue translates them.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from .catalog import LICENSE_URL, PUBLISHER, Dataset

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcatap": "http://data.europa.eu/r5r/",
}
FILE_TYPES = {
    "csv": ("http://publications.europa.eu/resource/authority/file-type/CSV", "text/csv"),
    "json": ("http://publications.europa.eu/resource/authority/file-type/JSON", "application/json"),
}
SPANISH = {"@id": "http://publications.europa.eu/resource/authority/language/SPA"}
STABLE = {"@id": "http://publications.europa.eu/resource/authority/planned-availability/STABLE"}
REGIONAL_AUTHORITY = {"@id": "http://purl.org/adms/publishertype/RegionalAuthority"}
THEMES = {"@id": "http://publications.europa.eu/resource/authority/data-theme"}
GOVERNMENT = {"@id": "http://publications.europa.eu/resource/authority/data-theme/GOVE"}
OPENAPI = {"@id": "https://spec.openapis.org/oas/v3.1.0"}
STATE_OF_MEXICO = {"@id": "http://sws.geonames.org/3523272/"}


def _spanish(value: StrOrPromise) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return str(value)


def _text(value: StrOrPromise) -> dict[str, str]:
    return {"@value": _spanish(value), "@language": "es"}


def _texts(value: StrOrPromise) -> dict[str, str] | list[dict[str, str]]:
    """The Spanish literal, and the English one beside it when there is a translation."""
    spanish = _text(value)
    with translation.override("en"):
        english = str(value)
    if english == spanish["@value"]:
        return spanish
    return [spanish, {"@value": english, "@language": "en"}]


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _publisher() -> dict[str, Any]:
    return {
        "@id": _absolute("/#publicador"),
        "@type": "foaf:Agent",
        "foaf:name": PUBLISHER,
        "dct:type": REGIONAL_AUTHORITY,
    }


def _contact_point() -> dict[str, Any]:
    return {
        "@id": _absolute("/#contacto"),
        "@type": "vcard:Organization",
        "vcard:fn": PUBLISHER,
        "vcard:hasURL": {"@id": _absolute("/")},
    }


def _date(value: datetime.date) -> dict[str, str]:
    return {"@value": value.isoformat(), "@type": "xsd:date"}


def _period(span: tuple[datetime.date, datetime.date]) -> dict[str, Any]:
    return {
        "@type": "dct:PeriodOfTime",
        "dcat:startDate": _date(span[0]),
        "dcat:endDate": _date(span[1]),
    }


def datapackage_url(dataset: Dataset) -> str:
    return _absolute(reverse("opendata:datapackage", args=[dataset.slug]))


def distribution_url(dataset: Dataset, fmt: str) -> str:
    return _absolute(reverse("opendata:download", args=[dataset.slug, fmt]))


def dataset_node(
    dataset: Dataset, fallback_period: tuple[datetime.date, datetime.date] | None = None
) -> dict[str, Any]:
    """``fallback_period``: the temporal coverage of a dataset without dates of its own (the
    catalog's)."""
    page = _absolute(reverse("opendata:dataset", args=[dataset.slug]))
    modified = dataset.last_modified()
    period = dataset.temporal() or fallback_period
    node: dict[str, Any] = {
        "@id": page,
        "@type": "dcat:Dataset",
        "dct:identifier": dataset.slug,
        "dct:title": _texts(dataset.title),
        "dct:description": _texts(dataset.description),
        "dcat:keyword": [_text(k) for k in dataset.keywords],
        "dct:publisher": {"@id": _absolute("/#publicador")},
        "dct:language": SPANISH,
        "dct:license": {"@id": LICENSE_URL},
        "dct:accrualPeriodicity": {"@id": dataset.frequency},
        "dcat:theme": {"@id": dataset.theme},
        "dcat:landingPage": {"@id": page},
        "dct:spatial": STATE_OF_MEXICO,
        "dcat:contactPoint": {"@id": _absolute("/#contacto")},
        "dcat:distribution": [],
    }
    if period is not None:
        node["dct:temporal"] = _period(period)
    if modified is not None:
        node["dct:modified"] = {"@value": modified.isoformat(), "@type": "xsd:dateTime"}
    for fmt, (file_type, media_type) in FILE_TYPES.items():
        url = distribution_url(dataset, fmt)
        node["dcat:distribution"].append(
            {
                "@id": url,
                "@type": "dcat:Distribution",
                "dct:title": _text(f"{_spanish(dataset.title)} ({fmt.upper()})"),
                "dct:description": _text(
                    f"{_spanish(dataset.title)} en {fmt.upper()}, generado en vivo a partir de "
                    "los registros; su diccionario de datos es el datapackage.json."
                ),
                "dcatap:availability": STABLE,
                "dcat:accessURL": {"@id": url},
                "dcat:downloadURL": {"@id": url},
                "dcat:mediaType": {
                    "@id": f"http://www.iana.org/assignments/media-types/{media_type}"
                },
                "dct:format": {"@id": file_type},
                "dct:license": {"@id": LICENSE_URL},
                "dct:conformsTo": {"@id": datapackage_url(dataset)},
            }
        )
    return node


def _span(values: list[Any]) -> tuple[Any, Any] | None:
    present = [v for v in values if v is not None]
    return (min(present), max(present)) if present else None


def catalog_document(datasets: list[Dataset]) -> dict[str, Any]:
    catalog = _absolute(reverse("opendata:catalog"))
    periods = [p for p in (d.temporal() for d in datasets) if p is not None]
    covered = _span([p[0] for p in periods] + [p[1] for p in periods])
    modified = _span([d.last_modified() for d in datasets])
    issued = _span([d.first_created() for d in datasets])
    dataset_ids = [{"@id": _absolute(reverse("opendata:dataset", args=[d.slug]))} for d in datasets]
    dates: dict[str, Any] = {}
    if modified is not None:
        dates["dct:modified"] = {"@value": modified[1].isoformat(), "@type": "xsd:dateTime"}
    if issued is not None:
        dates["dct:issued"] = {"@value": issued[0].isoformat(), "@type": "xsd:dateTime"}
    return {
        "@context": CONTEXT,
        "@graph": [
            {
                "@id": catalog,
                "@type": "dcat:Catalog",
                "dct:title": _text("Datos abiertos del Gobierno Abierto del Estado de México"),
                "dct:description": _text(
                    "Los registros públicos del Secretariado Técnico Local: sesiones, "
                    "asistencia, acuerdos y su seguimiento, y el Plan de Acción Local, "
                    "generados en vivo a partir de los registros."
                ),
                "dct:publisher": {"@id": _absolute("/#publicador")},
                "dct:language": SPANISH,
                "dct:license": {"@id": LICENSE_URL},
                "dct:spatial": STATE_OF_MEXICO,
                "dcat:themeTaxonomy": THEMES,
                **dates,
                "foaf:homepage": {"@id": _absolute("/")},
                "dcat:dataset": dataset_ids,
                "dcat:service": {"@id": _absolute("/api/v1/")},
            },
            _publisher(),
            _contact_point(),
            {
                "@id": _absolute("/api/v1/"),
                "@type": "dcat:DataService",
                "dct:title": _text("API pública de datos abiertos"),
                "dcat:endpointURL": {"@id": _absolute("/api/v1/")},
                "dcat:endpointDescription": {"@id": _absolute("/api/v1/openapi.json")},
                "dct:conformsTo": OPENAPI,
                "dct:license": {"@id": LICENSE_URL},
                "dct:publisher": {"@id": _absolute("/#publicador")},
                "dcat:contactPoint": {"@id": _absolute("/#contacto")},
                "dcat:theme": GOVERNMENT,
                "dcat:keyword": [_text(k) for k in ("API", "gobierno abierto", "datos abiertos")],
                "dcat:servesDataset": dataset_ids,
            },
            *[dataset_node(d, covered) for d in datasets],
        ],
    }
