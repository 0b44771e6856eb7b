"""The open-data pages speak the reader's language; the downloads and the catalog stay Spanish."""

import csv
import io
import json

import pytest
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import trans_real

from abierto.opendata.catalog import datasets
from abierto.opendata.search import KINDS, rebuild, search
from abierto.opendata.search_text import plain_text


@pytest.fixture
def demo(db):
    from abierto.directory import demo as directory_demo
    from abierto.forum import demo as forum_demo
    from abierto.opendata import demo as opendata_demo
    from abierto.plan import demo as plan_demo

    for module in (directory_demo, forum_demo, plan_demo, opendata_demo):
        module.load(stdout=io.StringIO(), with_logins=False)


@pytest.fixture
def english(monkeypatch):
    """Adds entries to the English catalogue for one test, whatever is compiled in the .mo."""
    catalog = trans_real.translation("en")._catalog

    def translate(pairs: dict[str, str]) -> None:
        for msgid, msgstr in pairs.items():
            monkeypatch.setitem(catalog._catalogs[0], msgid, msgstr)

    return translate


def in_english(client, path, **params):
    return client.get(path, params, HTTP_ACCEPT_LANGUAGE="en")


def body(response):
    return b"".join(response.streaming_content).decode("utf-8")


# 1. Search ----------------------------------------------------------------------------------


def test_search_kinds_are_translatable_messages():
    assert all(isinstance(label, Promise) for label in KINDS.values())
    with translation.override("es-mx"):
        assert str(KINDS["session"]) == "Sesión"


@pytest.mark.django_db
def test_search_kinds_show_in_the_readers_language(client, demo, english):
    rebuild()
    english({"Sesión": "Session", "Acuerdo": "Agreement"})
    page = in_english(client, "/buscar/", q="orden del día", tipo="agreement").text
    assert '<option value="session">Session</option>' in page
    assert '<span class="badge">Agreement</span>' in page
    spanish = client.get("/buscar/", {"q": "orden del día", "tipo": "agreement"}).text
    assert '<option value="session">Sesión</option>' in spanish
    assert '<span class="badge">Acuerdo</span>' in spanish


def test_snippets_lose_the_markdown_markers():
    text = "DESARROLLO DE LA SESIÓN\n\n# I. Lista de asistencia\n\n## **Desahogo** del _orden_\n"
    text += "- primer punto\n* segundo punto\n> cita\n---\nvariable_con_guiones 2 * 3"
    assert plain_text(text) == (
        "DESARROLLO DE LA SESIÓN\n\nI. Lista de asistencia\n\nDesahogo del _orden_\n"
        "primer punto\nsegundo punto\ncita\n\nvariable_con_guiones 2 * 3"
    )


@pytest.mark.django_db
def test_search_snippets_show_no_markdown(demo):
    rebuild()
    hits = search("desahogo")
    assert hits
    for hit in hits:
        assert "# " not in hit.snippet, hit.snippet
        assert "**" not in hit.snippet, hit.snippet
        # A snippet starts at a whole word, never at the tail of one cut in two.
        assert not hit.snippet.startswith("…LLO"), hit.snippet


# 2. Dataset titles, descriptions and dictionary ---------------------------------------------


def test_dataset_texts_are_translatable_messages():
    for dataset in datasets():
        assert isinstance(dataset.title, Promise), dataset.slug
        assert isinstance(dataset.description, Promise), dataset.slug
        for column in dataset.columns:
            assert isinstance(column.description, Promise), f"{dataset.slug}.{column.name}"


@pytest.mark.django_db
def test_dataset_pages_show_titles_in_the_readers_language(client, demo, english):
    english(
        {
            "Sesiones del Secretariado Técnico Local": "Sessions of the STL",
            "Mapa de plataformas de acceso a la información y participación": (
                "Map of access-to-information and participation platforms"
            ),
            "Página pública de la sesión.": "Public page of the session.",
        }
    )
    catalog = in_english(client, "/datos/").text
    assert "Sessions of the STL" in catalog
    assert "Sesiones del Secretariado Técnico Local" not in catalog
    page = in_english(client, "/datos/sesiones/").text
    assert "<h1>Sessions of the STL</h1>" in page
    assert "Public page of the session." in page
    platforms = in_english(client, "/datos/plataformas-de-acceso/").text
    assert "<h1>Map of access-to-information and participation platforms</h1>" in platforms
    found = in_english(client, "/datos/", q="sessions").text
    assert "Sessions of the STL" in found
    spanish = client.get("/datos/sesiones/").text
    assert "<h1>Sesiones del Secretariado Técnico Local</h1>" in spanish


@pytest.mark.django_db
def test_the_dcat_catalog_keeps_spanish_and_adds_english_beside_it(client, demo, english):
    english({"Sesiones del Secretariado Técnico Local": "Sessions of the STL"})
    document = json.loads(in_english(client, "/datos/catalogo.jsonld").content)
    nodes = {n.get("dct:identifier"): n for n in document["@graph"]}
    assert nodes["sesiones"]["dct:title"] == [
        {"@value": "Sesiones del Secretariado Técnico Local", "@language": "es"},
        {"@value": "Sessions of the STL", "@language": "en"},
    ]
    # Every dataset keeps its Spanish title first, whatever the reader's language.
    for identifier, node in nodes.items():
        if identifier and "dct:title" in node:
            titles = (
                node["dct:title"] if isinstance(node["dct:title"], list) else [node["dct:title"]]
            )
            assert titles[0]["@language"] == "es", identifier
    distribution = nodes["sesiones"]["dcat:distribution"][0]
    assert distribution["dct:title"]["@value"] == "Sesiones del Secretariado Técnico Local (CSV)"


@pytest.mark.django_db
def test_downloads_stay_in_spanish_whatever_the_language(client, demo, english):
    english({"Ordinaria": "Ordinary", "Proactivo": "Proactive"})
    rows = list(csv.DictReader(io.StringIO(body(in_english(client, "/datos/sesiones.csv")))))
    assert {row["kind"] for row in rows} <= {"Ordinaria", "Extraordinaria"}
    assert "Ordinaria" in {row["kind"] for row in rows}
    commitments = json.loads(body(in_english(client, "/datos/compromisos.json")))
    # Codes and booleans stay raw in the downloads: they are a data contract.
    assert {c["kind"] for c in commitments} <= {"co-created", "proactive"}
    assert all(isinstance(c["ogp_technology"], bool) for c in commitments)


# 3. Preview values --------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_preview_shows_yes_no_and_labels_not_python_values(client, demo):
    page = client.get("/datos/compromisos/").text
    preview = page.split('class="preview"', 1)[1]
    assert "<td>True</td>" not in preview
    assert "<td>False</td>" not in preview
    assert "<td>Sí</td>" in preview or "<td>No</td>" in preview
    assert "<td>proactive</td>" not in preview
    assert "<td>co-created</td>" not in preview
    assert "<td>Proactivo</td>" in preview or "<td>Co-creado</td>" in preview
    agreements = client.get("/datos/acuerdos/").text.split('class="preview"', 1)[1]
    assert "<td>True</td>" not in agreements
    assert "<td>False</td>" not in agreements


@pytest.mark.django_db
def test_the_preview_translates_yes_no_and_labels(client, demo, english):
    english({"Sí": "Yes", "No": "No", "Proactivo": "Proactive", "Co-creado": "Co-created"})
    preview = in_english(client, "/datos/compromisos/").text.split('class="preview"', 1)[1]
    assert "<td>Yes</td>" in preview or "<td>No</td>" in preview
    assert "<td>Sí</td>" not in preview
    assert "<td>Proactive</td>" in preview or "<td>Co-created</td>" in preview


# 4. Accessibility ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_scrolling_tables_are_labelled_regions_reachable_by_keyboard(client, demo):
    page = client.get("/datos/acuerdos/").text
    assert page.count('class="table-scroll"') == 2
    assert page.count('class="table-scroll" tabindex="0" role="region" aria-label="') == 2


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["es-mx", "en"])
def test_every_dataset_page_renders_in_both_languages(client, demo, language):
    for dataset in datasets():
        page = client.get(f"/datos/{dataset.slug}/", HTTP_ACCEPT_LANGUAGE=language)
        assert page.status_code == 200, dataset.slug
