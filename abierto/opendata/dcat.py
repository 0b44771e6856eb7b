"""The catalog in DCAT-AP 3 as JSON-LD, so that data portals can harvest it.

Spanish is the catalog's canonical language: every text is a literal tagged ``es``, whatever
the language of the request. A dataset's title and description also carry an ``en`` literal
when the English catalogue translates them.
"""

from __future__ import annotations

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
}
FILE_TYPES = {
    "csv": ("http://publications.europa.eu/resource/authority/file-type/CSV", "text/csv"),
    "json": ("http://publications.europa.eu/resource/authority/file-type/JSON", "application/json"),
}
SPANISH = {"@id": "http://publications.europa.eu/resource/authority/language/SPA"}


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
    return {"@id": _absolute("/#publicador"), "@type": "foaf:Agent", "foaf:name": PUBLISHER}


def distribution_url(dataset: Dataset, fmt: str) -> str:
    return _absolute(reverse("opendata:download", args=[dataset.slug, fmt]))


def dataset_node(dataset: Dataset) -> dict[str, Any]:
    page = _absolute(reverse("opendata:dataset", args=[dataset.slug]))
    modified = dataset.last_modified()
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
        "dct:spatial": {"@id": "http://sws.geonames.org/3523272/"},  # Estado de México
        "dcat:distribution": [],
    }
    if modified is not None:
        node["dct:modified"] = {"@value": modified.isoformat(), "@type": "xsd:dateTime"}
    for fmt, (file_type, media_type) in FILE_TYPES.items():
        url = distribution_url(dataset, fmt)
        node["dcat:distribution"].append(
            {
                "@id": url,
                "@type": "dcat:Distribution",
                "dct:title": _text(f"{_spanish(dataset.title)} ({fmt.upper()})"),
                "dcat:accessURL": {"@id": url},
                "dcat:downloadURL": {"@id": url},
                "dcat:mediaType": {
                    "@id": f"http://www.iana.org/assignments/media-types/{media_type}"
                },
                "dct:format": {"@id": file_type},
                "dct:license": {"@id": LICENSE_URL},
                "dct:conformsTo": {"@id": page + "#diccionario"},
            }
        )
    return node


def catalog_document(datasets: list[Dataset]) -> dict[str, Any]:
    catalog = _absolute(reverse("opendata:catalog"))
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
                "foaf:homepage": {"@id": _absolute("/")},
                "dcat:dataset": [
                    {"@id": _absolute(reverse("opendata:dataset", args=[d.slug]))} for d in datasets
                ],
                "dcat:service": {"@id": _absolute("/api/v1/")},
            },
            _publisher(),
            {
                "@id": _absolute("/api/v1/"),
                "@type": "dcat:DataService",
                "dct:title": _text("API pública de datos abiertos"),
                "dcat:endpointURL": {"@id": _absolute("/api/v1/")},
                "dcat:endpointDescription": {"@id": _absolute("/api/v1/openapi.json")},
                "dct:license": {"@id": LICENSE_URL},
            },
            *[dataset_node(d) for d in datasets],
        ],
    }
