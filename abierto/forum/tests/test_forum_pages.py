"""Public pages per forum under /foros/<slug>/…, the forum index, and today's URLs unchanged."""

from __future__ import annotations

import datetime

import icalendar
import pytest
from django.urls import reverse

from abierto.directory.models import Municipality
from abierto.forum import services
from abierto.forum.models import Agreement, InstallationStatus

from .factories import AgendaItemFactory, ForumFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def forums():
    state = ForumFactory()
    toluca = services.forum_create_municipal(
        actor=None, municipality=Municipality.objects.get(code="15106")
    )
    ours = SessionFactory(forum=state, number=15, place="Sede estatal")
    theirs = SessionFactory(forum=toluca, number=2, place="Palacio Municipal de Toluca")
    item = AgendaItemFactory(session=theirs, number=1)
    agreement = Agreement.objects.create(
        session=theirs, agenda_item=item, number=1, code="STM-TOLUCA/II/1/2022", text="Acordado."
    )
    return {"state": state, "toluca": toluca, "ours": ours, "theirs": theirs, "agr": agreement}


def test_todays_urls_show_the_state_stl_only(client, forums):
    response = client.get(reverse("forum:session_list"))
    assert response.status_code == 200
    assert [row[0] for row in response.context["rows"]] == [forums["ours"]]
    assert reverse("forum:session_list") == "/sesiones/"
    detail = client.get(f"/sesiones/{forums['ours'].public_id}/")
    assert detail.status_code == 200
    assert client.get("/acuerdos/").status_code == 200
    calendar = client.get("/calendario.ics")
    assert calendar.status_code == 200
    assert b"Palacio Municipal de Toluca" not in calendar.content


def test_a_municipal_forum_has_its_own_pages(client, forums):
    slug = forums["toluca"].slug
    response = client.get(f"/foros/{slug}/")
    assert response.status_code == 200
    assert [row[0] for row in response.context["rows"]] == [forums["theirs"]]
    assert "Sesiones del STM-TOLUCA" in response.content.decode()
    theirs = forums["theirs"].public_id
    assert client.get(f"/foros/{slug}/sesiones/{theirs}/").status_code == 200
    agreements = client.get(f"/foros/{slug}/acuerdos/")
    assert [a.code for a in agreements.context["page"]] == ["STM-TOLUCA/II/1/2022"]
    agreement = client.get(f"/foros/{slug}/acuerdos/{forums['agr'].public_id}/")
    assert agreement.status_code == 200
    calendar = client.get(f"/foros/{slug}/calendario.ics")
    assert b"Palacio Municipal de Toluca" in calendar.content
    assert b"Sede estatal" not in calendar.content


def test_each_forums_calendar_carries_its_own_name(client, forums):
    toluca = icalendar.Calendar.from_ical(client.get("/foros/stm-toluca/calendario.ics").content)
    assert toluca["X-WR-CALNAME"] == "Sesiones del STM-TOLUCA"
    assert "STM-TOLUCA" in toluca["X-WR-CALDESC"]
    assert [str(e["SUMMARY"]) for e in toluca.walk("VEVENT")] == [
        "Segunda Sesión Ordinaria del STM-TOLUCA"
    ]
    # A forum without sessions yet is still named after itself, not after the state STL.
    services.forum_create_municipal(
        actor=None, municipality=Municipality.objects.get(code="15104"), acronym="STM-TLALNEPANTLA"
    )
    empty = client.get("/foros/stm-tlalnepantla/calendario.ics")
    assert empty.status_code == 200
    calendar = icalendar.Calendar.from_ical(empty.content)
    assert calendar["X-WR-CALNAME"] == "Sesiones del STM-TLALNEPANTLA"
    assert "STL" not in str(calendar["X-WR-CALDESC"])
    assert calendar.walk("VEVENT") == []


def test_the_state_stl_is_also_under_foros(client, forums):
    response = client.get("/foros/stl/")
    assert [row[0] for row in response.context["rows"]] == [forums["ours"]]


def test_a_record_under_another_forums_address_is_not_found(client, forums):
    ours = forums["ours"].public_id
    assert client.get(f"/foros/{forums['toluca'].slug}/sesiones/{ours}/").status_code == 404
    agr = forums["agr"].public_id
    assert client.get(f"/foros/stl/acuerdos/{agr}/").status_code == 404
    assert client.get("/foros/no-existe/").status_code == 404


def test_the_forum_index_lists_every_forum_and_the_installation_map(client, forums):
    services.installation_update(
        actor=None,
        municipality=Municipality.objects.get(code="15104"),
        status=InstallationStatus.DECLARATION_SIGNED,
        declaration_signed_on=datetime.date(2024, 2, 1),
    )
    response = client.get(reverse("forum:forum_index"))
    assert response.status_code == 200
    assert [f.acronym for f in response.context["forums"]] == ["STL", "STM-TOLUCA"]
    assert [f.session_count for f in response.context["forums"]] == [1, 1]
    body = response.content.decode()
    assert 'id="instalacion-15104"' in body
    assert 'data-key="15104"' in body
    assert "Declaratoria conjunta firmada" in body


def test_the_forum_index_takes_a_bounded_number_of_queries(
    client, forums, django_assert_max_num_queries
):
    for code in ("15104", "15033", "15057"):
        services.forum_create_municipal(
            actor=None, municipality=Municipality.objects.get(code=code)
        )
    with django_assert_max_num_queries(8):
        client.get(reverse("forum:forum_index"))


def test_the_api_names_each_records_forum_and_filters_by_it(client, forums):
    every = client.get("/api/v1/sessions").json()["items"]
    assert sorted(s["forum"] for s in every) == ["STL", "STM-TOLUCA"]
    toluca = client.get("/api/v1/sessions?forum=stm-toluca").json()["items"]
    assert [s["id"] for s in toluca] == [forums["theirs"].public_id]
    agreements = client.get("/api/v1/agreements?forum=stl").json()["items"]
    assert agreements == []
    theirs = client.get("/api/v1/agreements?forum=stm-toluca").json()["items"]
    assert [(a["code"], a["forum"]) for a in theirs] == [("STM-TOLUCA/II/1/2022", "STM-TOLUCA")]
    assert client.get("/api/v1/sessions?forum=no-existe").json()["items"] == []


def test_a_malformed_forum_filter_is_a_clear_4xx(client, forums):
    response = client.get("/api/v1/sessions?forum=<script>")
    assert 400 <= response.status_code < 500


def test_the_plan_shows_the_installation_layer(client, forums):
    services.installation_update(
        actor=None,
        municipality=Municipality.objects.get(code="15106"),
        status=InstallationStatus.INSTALLED,
        declaration_signed_on=datetime.date(2024, 1, 25),
    )
    coverage = client.get(reverse("plan:coverage")).content.decode()
    assert 'id="mapa-instalacion"' in coverage
    assert 'href="/foros/#instalacion-15106"' in coverage
    assert "Municipios con STL municipal instalado: 1; en camino: 1 de 125." in coverage
    assert client.get(reverse("plan:overview")).status_code == 200
