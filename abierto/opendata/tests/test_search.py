"""Search finds accented and stemmed words, on SQLite (FTS5 + Snowball) and PostgreSQL."""

import io

import pytest

from abierto.opendata.search import rebuild, search, stems


@pytest.fixture
def demo(db):
    from abierto.directory import demo as directory_demo
    from abierto.forum import demo as forum_demo
    from abierto.opendata import demo as opendata_demo
    from abierto.plan import demo as plan_demo

    for module in (directory_demo, forum_demo, plan_demo, opendata_demo):
        module.load(stdout=io.StringIO(), with_logins=False)
    rebuild()


def test_stems_fold_accents_and_suffixes():
    assert stems("aprobó") == stems("aprobación") == stems("aprobacion") == ["aprob"]
    assert stems("Sesiones") == stems("sesión")


@pytest.mark.django_db
def test_a_conjugated_verb_finds_the_noun(demo):
    hits = search("aprobó")
    assert any(hit.kind == "session" and "aprobación" in hit.snippet for hit in hits)
    titles = {hit.title for hit in search("aprobaciones calendarios")}
    assert any(title.startswith("Décimo Quinta Sesión Ordinaria") for title in titles)


@pytest.mark.django_db
def test_words_without_accents_find_accented_text(demo):
    titles = {hit.title for hit in search("sensibilizacion contraloria")}
    assert "STL/XIV/1/2022" in titles
    # The 15th session's acta reports on that sensitisation session, in its own words.
    assert any(title.startswith("Décimo Quinta Sesión Ordinaria") for title in titles)


@pytest.mark.django_db
def test_filters_and_empty_queries(demo):
    assert search("") == []
    assert search("¿¿!!") == []
    assert all(hit.kind == "session" for hit in search("sesión", kind="session"))
    assert search("calendario", year=1999) == []


@pytest.mark.django_db
def test_the_index_follows_new_records(demo, facilitator):
    from abierto.forum.models import Session
    from abierto.forum.services import agreement_create

    # A closed session takes no new agreement: one the annual calendar planned does.
    session = Session.objects.filter(status=Session.Status.PLANNED).order_by("date").first()
    agreement = agreement_create(
        actor=facilitator, session=session, text="Se instala el observatorio hídrico."
    )
    # A saved agreement marks the index stale; the next search rebuilds it.
    assert [hit.title for hit in search("hídricos observatorios")] == [agreement.code]


@pytest.mark.django_db
def test_the_search_page(client, demo):
    page = client.get("/buscar/", {"q": "orden del día", "tipo": "agreement", "anio": "x"})
    assert page.status_code == 200
    assert "STL/XV/1/2022" in page.text


@pytest.mark.django_db
def test_commitments_and_activities_are_found(demo):
    kinds = {hit.kind for hit in search("justicia")}
    assert {"commitment", "activity"} <= kinds
