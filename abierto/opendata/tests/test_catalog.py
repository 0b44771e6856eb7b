"""Every dataset downloads, parses, is documented column by column, and harvests as DCAT."""

import csv
import io
import json

import pytest
from django.db import models
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

from abierto.opendata.catalog import datasets

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")


@pytest.fixture
def demo(db):
    from abierto.circles import demo as circles_demo
    from abierto.directory import demo as directory_demo
    from abierto.forum import demo as forum_demo
    from abierto.opendata import demo as opendata_demo
    from abierto.plan import demo as plan_demo

    for module in (directory_demo, forum_demo, plan_demo, circles_demo, opendata_demo):
        module.load(stdout=io.StringIO(), with_logins=False)


def body(response):
    return b"".join(response.streaming_content).decode("utf-8")


ALL = [d.slug for d in datasets()]


def test_every_column_is_documented_and_every_field_decided():
    for dataset in datasets():
        for column in dataset.columns:
            assert column.description.strip(), f"{dataset.slug}.{column.name} has no description"
        covered = {c.source.split(".")[0] for c in dataset.columns if c.source}
        concrete = {
            f.name
            for f in dataset.model._meta.get_fields()
            if isinstance(f, models.Field) and f.concrete
        }
        undecided = concrete - covered - dataset.excluded_fields
        assert not undecided, (
            f"{dataset.slug}: publish or exclude {sorted(undecided)} "
            "(a new field needs a dictionary entry)"
        )


@pytest.mark.django_db
# One test per dataset for the three downloads: loading the whole demo is most of each test's
# time, so it is loaded once for the three.
@pytest.mark.parametrize("slug", ALL)
def test_each_download_parses_as_csv_with_either_header_row_and_as_json(client, demo, slug):
    _csv_parses_with_a_header_row(client, slug)
    _csv_with_spanish_headers_keeps_the_same_data(client, slug)
    _json_parses(client, slug)


def _csv_parses_with_a_header_row(client, slug):
    response = client.get(f"/datos/{slug}.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = body(response)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    dataset = next(d for d in datasets() if d.slug == slug)
    assert rows[0] == [c.name for c in dataset.columns]
    assert len(rows) - 1 == dataset.count() > 0


def _csv_with_spanish_headers_keeps_the_same_data(client, slug):
    dataset = next(d for d in datasets() if d.slug == slug)
    plain = client.get(f"/datos/{slug}.csv")
    spanish = client.get(f"/datos/{slug}.csv", {"encabezados": "es"})
    assert spanish.status_code == 200
    assert f'filename="{slug}-encabezados-es.csv"' in spanish["Content-Disposition"]
    plain_rows = list(csv.reader(io.StringIO(body(plain).lstrip("\ufeff"))))
    spanish_rows = list(csv.reader(io.StringIO(body(spanish).lstrip("\ufeff"))))
    assert plain_rows[0] == [c.name for c in dataset.columns]  # the stable identifiers
    assert spanish_rows[0] == [c.heading for c in dataset.columns]
    assert spanish_rows[1:] == plain_rows[1:]
    # Each variant has its own ETag, so a cache never serves one for the other.
    assert spanish["ETag"] != plain["ETag"]
    again = client.get(
        f"/datos/{slug}.csv", {"encabezados": "es"}, HTTP_IF_NONE_MATCH=plain["ETag"]
    )
    assert again.status_code == 200


def _json_parses(client, slug):
    response = client.get(f"/datos/{slug}.json")
    assert response.status_code == 200
    records = json.loads(body(response))
    dataset = next(d for d in datasets() if d.slug == slug)
    assert len(records) == dataset.count()
    assert list(records[0]) == [c.name for c in dataset.columns]


def test_every_column_has_a_short_spanish_title_unique_in_its_dataset():
    for dataset in datasets():
        headings = [column.heading for column in dataset.columns]
        assert len(set(headings)) == len(headings), dataset.slug
        for column, heading in zip(dataset.columns, headings, strict=True):
            assert heading, (dataset.slug, column.name)
            assert heading[0].isupper(), (dataset.slug, column.name)
            assert "_" not in heading, (dataset.slug, column.name)
            assert len(heading) <= 60, (dataset.slug, column.name, heading)
    sessions = next(d for d in datasets() if d.slug == "sesiones")
    assert {c.name: c.heading for c in sessions.columns}["start_time"] == "Hora de inicio"


@pytest.mark.django_db
def test_the_dataset_page_offers_spanish_headers_and_lists_the_titles(client, demo):
    page = client.get("/datos/acuerdos/").text
    assert 'href="/datos/acuerdos.csv?encabezados=es"' in page
    assert "<td>Fecha de la sesión</td>" in page


@pytest.mark.django_db
def test_downloads_answer_304_to_a_matching_etag(client, demo):
    first = client.get("/datos/acuerdos.csv")
    etag = first["ETag"]
    assert first["Last-Modified"]
    again = client.get("/datos/acuerdos.csv", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304


@pytest.mark.django_db
def test_no_personal_or_private_field_is_published(client, demo):
    everything = "".join(body(client.get(f"/datos/{slug}.json")) for slug in ALL)
    assert "zoom.us/j" not in everything  # meeting links
    assert "@" not in everything  # e-mail addresses


@pytest.mark.django_db
def test_the_catalog_is_dcat_ap_json_ld_with_download_urls(client, demo):
    response = client.get("/datos/catalogo.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    graph = Graph().parse(data=response.content, format="json-ld")
    found = set(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(found) == len(ALL)
    for dataset_node in found:
        assert graph.value(dataset_node, DCT.title) is not None
        assert graph.value(dataset_node, DCT.description) is not None
        distributions = list(graph.objects(dataset_node, DCAT.distribution))
        assert len(distributions) == 2
        for distribution in distributions:
            url = graph.value(distribution, DCAT.downloadURL)
            assert isinstance(url, URIRef)
            path = str(url).replace("http://testserver", "")
            assert client.get(path).status_code == 200
    assert next(graph.subjects(RDF.type, DCAT.Catalog), None) is not None


@pytest.mark.django_db
def test_the_dataset_page_shows_the_dictionary_and_a_preview(client, demo):
    page = client.get("/datos/acuerdos/")
    assert page.status_code == 200
    assert "Diccionario de datos" in page.text
    assert "STL/XV/1/2022" in page.text
    assert client.get("/datos/no-existe/").status_code == 404
    assert client.get("/datos/acuerdos.xml").status_code == 404


@pytest.mark.django_db
def test_the_catalog_page_searches_datasets(client, demo):
    page = client.get("/datos/", {"q": "seguimiento"})
    assert "Acuerdos y su seguimiento" in page.text
    assert "Asistencia a las sesiones" not in page.text
