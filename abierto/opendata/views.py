from __future__ import annotations

import json
import re

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, quote_etag
from django.views.decorators.http import condition

from . import exports
from .catalog import Dataset, dataset, datasets
from .datapackage import datapackage
from .dcat import catalog_document

FORUM_SLUG = re.compile(r"[a-z0-9-]{1,40}")

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


def _dataset_or_404(slug: str) -> Dataset:
    found = dataset(slug)
    if found is None:
        raise Http404
    return found


def catalog(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    found = datasets()
    if query:
        words = query.casefold().split()
        found = [
            d
            for d in found
            if all(
                w in " ".join([str(d.title), str(d.description), *d.keywords]).casefold()
                for w in words
            )
        ]
    return render(request, "opendata/catalog.html", {"datasets": found, "query": query})


def dataset_page(request: HttpRequest, slug: str) -> HttpResponse:
    chosen = _dataset_or_404(slug)
    return render(
        request,
        "opendata/dataset.html",
        {
            "dataset": chosen,
            "preview": chosen.preview(10),
            "count": chosen.count(),
            "modified": chosen.last_modified(),
        },
    )


# ?encabezados=es: the CSV's header row in Spanish titles instead of the stable identifiers.
SPANISH_HEADERS = ("encabezados", "es")


def _spanish_headers(request: HttpRequest, fmt: str) -> bool:
    name, value = SPANISH_HEADERS
    return fmt == "csv" and request.GET.get(name) == value


def _variant(request: HttpRequest, fmt: str) -> str:
    return f"{fmt}-es" if _spanish_headers(request, fmt) else fmt


def _chosen(request: HttpRequest, slug: str) -> Dataset | None:
    """The dataset, narrowed to one forum with ``?forum=<slug>`` (a well-formed slug)."""
    found = dataset(slug)
    forum = request.GET.get("forum", "")
    if found is None or not forum:
        return found
    if not FORUM_SLUG.fullmatch(forum):
        raise Http404
    return found.for_forum(forum)


def _etag(request: HttpRequest, slug: str, fmt: str = "") -> str | None:
    found = _chosen(request, slug)
    return f"{exports.fingerprint(found)}-{_variant(request, fmt)}" if found else None


def _last_modified(request: HttpRequest, slug: str, fmt: str = "") -> object:
    found = _chosen(request, slug)
    return found.last_modified() if found else None


@condition(etag_func=_etag, last_modified_func=_last_modified)  # type: ignore[arg-type]
def download(request: HttpRequest, slug: str, fmt: str) -> StreamingHttpResponse:
    chosen = _chosen(request, slug)
    if chosen is None or fmt not in MEDIA_TYPES:
        raise Http404
    spanish = _spanish_headers(request, fmt)
    chunks = (
        exports.csv_chunks(chosen, spanish_headers=spanish)
        if fmt == "csv"
        else exports.json_chunks(chosen)
    )
    response = StreamingHttpResponse(chunks, content_type=MEDIA_TYPES[fmt])
    filename = f"{chosen.slug}-encabezados-es.{fmt}" if spanish else f"{chosen.slug}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["ETag"] = quote_etag(f"{exports.fingerprint(chosen)}-{_variant(request, fmt)}")
    modified = chosen.last_modified()
    if modified:
        response["Last-Modified"] = http_date(modified.timestamp())
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=exports.CACHE_SECONDS)
    return response


@condition(etag_func=_etag, last_modified_func=_last_modified)  # type: ignore[arg-type]
def datapackage_json(request: HttpRequest, slug: str) -> HttpResponse:
    """The dataset's Frictionless Data Package: its CSV and the data dictionary."""
    body = json.dumps(datapackage(_dataset_or_404(slug)), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=exports.CACHE_SECONDS)
    return response


def catalog_jsonld(request: HttpRequest) -> HttpResponse:
    body = json.dumps(catalog_document(datasets()), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/ld+json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=exports.CACHE_SECONDS)
    return response


def search_page(request: HttpRequest) -> HttpResponse:
    from .search import KINDS, search, suggestions

    query = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("tipo", "")
    year_raw = request.GET.get("anio", "")
    year = int(year_raw) if year_raw.isdigit() and 1900 < int(year_raw) < 2200 else None
    forum = request.GET.get("forum", "")[:40]
    hits = search(query, kind=kind, year=year, forum=forum) if query else []
    return render(
        request,
        "opendata/search.html",
        {
            "query": query,
            "hits": hits,
            "kinds": KINDS.items(),
            "kind": kind,
            "year": year_raw,
            "forum": forum,
            "suggestions": suggestions(query, kind=kind, year=year) if query and not hits else None,
        },
    )


def access_platforms_page(request: HttpRequest) -> HttpResponse:
    from .selectors import access_platforms

    return render(request, "opendata/platforms.html", {"platforms": access_platforms()})
