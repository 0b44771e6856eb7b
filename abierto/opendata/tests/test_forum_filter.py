"""``?forum=`` in the search, the feeds and the downloads; the installation dataset."""

from __future__ import annotations

import datetime
import json

import pytest

from abierto.directory.models import Municipality
from abierto.forum import services
from abierto.forum.models import Agreement, InstallationStatus
from abierto.forum.tests.factories import AgendaItemFactory, ForumFactory, SessionFactory
from abierto.opendata import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def forums():
    state = ForumFactory()
    toluca = services.forum_create_municipal(
        actor=None, municipality=Municipality.objects.get(code="15106")
    )
    for forum, number, code in ((state, 15, "STL/XV/1/2022"), (toluca, 2, "STM-TOLUCA/II/1/2022")):
        session = SessionFactory(forum=forum, number=number, status="held")
        item = AgendaItemFactory(session=session, number=1, title="Presupuesto participativo")
        Agreement.objects.create(
            session=session, agenda_item=item, number=1, code=code, text="Presupuesto aprobado."
        )
    return state, toluca


def test_search_narrows_to_one_forum(client, forums):
    search.rebuild()
    everything = search.search("presupuesto", kind="agreement")
    assert sorted(hit.title for hit in everything) == ["STL/XV/1/2022", "STM-TOLUCA/II/1/2022"]
    theirs = search.search("presupuesto", kind="agreement", forum="stm-toluca")
    assert [hit.title for hit in theirs] == ["STM-TOLUCA/II/1/2022"]
    response = client.get("/buscar/?q=presupuesto&tipo=agreement&forum=stl")
    assert [hit.title for hit in response.context["hits"]] == ["STL/XV/1/2022"]


def test_the_agreements_feed_narrows_to_one_forum(client, forums):
    body = client.get("/feeds/acuerdos.atom?forum=stm-toluca").content.decode()
    assert "STM-TOLUCA/II/1/2022" in body
    assert "STL/XV/1/2022" not in body
    assert "/foros/stm-toluca/acuerdos/" in body
    both = client.get("/feeds/acuerdos.atom").content.decode()
    assert "STL/XV/1/2022" in both
    assert "STM-TOLUCA/II/1/2022" in both
    assert client.get("/feeds/acuerdos.atom?forum=no-existe").status_code == 404


def test_downloads_narrow_to_one_forum_and_name_it(client, forums):
    response = client.get("/datos/sesiones.json?forum=stm-toluca")
    rows = json.loads(b"".join(response.streaming_content))
    assert [row["forum"] for row in rows] == ["STM-TOLUCA"]
    assert "sesiones-stm-toluca.json" in response["Content-Disposition"]
    agreements = client.get("/datos/acuerdos.json?forum=stl")
    assert [row["code"] for row in json.loads(b"".join(agreements.streaming_content))] == [
        "STL/XV/1/2022"
    ]
    assert client.get("/datos/sesiones.json?forum=<x>").status_code == 404


def test_the_installation_dataset_lists_each_step(client, forums):
    services.installation_update(
        actor=None,
        municipality=Municipality.objects.get(code="15104"),
        status=InstallationStatus.DECLARATION_SIGNED,
        declaration_signed_on=datetime.date(2024, 2, 1),
        declaration_url="https://example.org/declaratoria.pdf",
    )
    response = client.get("/datos/instalacion-stl-municipales.json")
    rows = json.loads(b"".join(response.streaming_content))
    assert rows == [
        {
            "municipality_code": "15104",
            "municipality": "Tlalnepantla de Baz",
            "status": "Declaratoria conjunta firmada",
            "status_since": None,
            "declaration_signed_on": "2024-02-01",
            "declaration_url": "https://example.org/declaratoria.pdf",
            "declaration_document_url": "",
            "notes": "",
        }
    ]


def test_a_municipal_sessions_hit_names_its_forum(forums):
    search.rebuild()
    titles = {hit.title for hit in search.search("presupuesto", kind="session")}
    assert any(title.startswith("Segunda Sesión Ordinaria del STM-TOLUCA") for title in titles)
    assert any(title.startswith("Décimo Quinta Sesión Ordinaria (") for title in titles)
