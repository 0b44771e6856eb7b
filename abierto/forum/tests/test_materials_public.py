"""Public materials reach the open data, search and feeds; private ones never do."""

import csv
import io

import pytest

from abierto.forum import services
from abierto.forum.models import Session
from abierto.opendata.search import rebuild, search

from .factories import AgendaItemFactory
from .materials_helpers import PDF, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def held_with_materials(facilitator):
    item = AgendaItemFactory(number=4, title="Propuesta de calendario de sesiones.")
    public = services.material_add(
        actor=facilitator,
        agenda_item=item,
        title="Calendario propuesto",
        is_public=True,
        file=upload("calendario.pdf", PDF),
    )
    services.material_add(
        actor=facilitator,
        agenda_item=item,
        title="Directorio reservado",
        file=upload("directorio.pdf", PDF + b"x"),
    )
    Session.objects.filter(pk=item.session_id).update(status=Session.Status.HELD)
    return public


def test_the_dataset_lists_public_materials_with_their_hashes(client, held_with_materials):
    response = client.get("/datos/materiales-de-sesion.csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert [row["title"] for row in rows] == ["Calendario propuesto"]
    assert rows[0]["sha256"] == held_with_materials.sha256
    assert rows[0]["url"].endswith(f"/materiales/{held_with_materials.public_id}")


def test_the_feed_and_search_carry_only_public_materials(client, held_with_materials):
    feed = client.get("/feeds/materiales.atom").content.decode()
    assert "Calendario propuesto" in feed
    assert held_with_materials.sha256 in feed
    assert "Directorio reservado" not in feed
    rebuild()
    assert any(hit.kind == "material" for hit in search("calendario propuesto"))
    assert not any("Directorio" in hit.title for hit in search("directorio reservado"))


def test_before_the_session_nothing_is_published(client, facilitator):
    item = AgendaItemFactory()
    services.material_add(
        actor=facilitator, agenda_item=item, title="Adelanto", is_public=True, url="https://a.mx"
    )
    assert "Adelanto" not in client.get("/feeds/materiales.atom").content.decode()
    assert "Adelanto" not in client.get(item.session.get_absolute_url()).content.decode()
