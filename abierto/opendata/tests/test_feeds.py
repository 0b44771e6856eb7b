import datetime
import io
import xml.etree.ElementTree as ET

import pytest

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def demo(db):
    from abierto.directory import demo as directory_demo
    from abierto.forum import demo as forum_demo
    from abierto.opendata import demo as opendata_demo
    from abierto.plan import demo as plan_demo

    for module in (directory_demo, forum_demo, plan_demo, opendata_demo):
        module.load(stdout=io.StringIO(), with_logins=False)


@pytest.mark.django_db
def test_the_agreements_feed_is_valid_atom(client, demo):
    response = client.get("/feeds/acuerdos.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    titles = {e.findtext(f"{ATOM}title") for e in entries}
    assert {"STL/XV/1/2022", "STL/XIV/1/2022"} <= titles
    for entry in entries:
        assert entry.findtext(f"{ATOM}id").startswith("urn:abierto:agreement:")
        assert entry.findtext(f"{ATOM}updated")
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/acuerdos/")


@pytest.mark.django_db
def test_the_minutes_feed_lists_published_minutes_only(client, demo):
    root = ET.fromstring(client.get("/feeds/actas.atom").content)
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    assert sorted(titles) == [
        "Acta de la Décimo Cuarta Sesión Ordinaria (08/11/2022)",
        "Acta de la Décimo Quinta Sesión Ordinaria (16/12/2022)",
    ]


@pytest.mark.django_db
def test_the_activities_feed_lists_caravan_visits(client, demo):
    root = ET.fromstring(client.get("/feeds/actividades.atom").content)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 50
    assert all(e.findtext(f"{ATOM}id").startswith("urn:abierto:activity:") for e in entries)


@pytest.mark.django_db
@pytest.mark.parametrize("feed", ["acuerdos", "actas", "actividades"])
def test_a_feed_is_updated_when_its_latest_entry_is_never_later(client, demo, feed):
    def instant(text):
        return datetime.datetime.fromisoformat(text)

    root = ET.fromstring(client.get(f"/feeds/{feed}.atom").content)
    updated = instant(root.findtext(f"{ATOM}updated"))
    entries = [instant(e.findtext(f"{ATOM}updated")) for e in root.findall(f"{ATOM}entry")]
    assert updated <= datetime.datetime.now(datetime.UTC)
    assert updated == max(entries)
