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


@pytest.mark.django_db
def test_the_index_holds_what_the_visitor_reads_not_only_titles(demo):
    hits = search("carnet")
    kinds = {hit.kind for hit in hits}
    assert {"commitment", "activity"} <= kinds
    # Words found only in a commitment's lines of action, milestones or reports.
    assert any(hit.kind == "commitment" for hit in search("piloto"))
    assert any(hit.kind == "commitment" for hit in search("certificaron"))
    # An activity is found by the commitment it serves.
    assert any(hit.kind == "activity" for hit in search("interoperabilidad"))


@pytest.mark.django_db
def test_each_hit_has_an_excerpt_with_the_matched_words_marked(demo):
    hit = next(hit for hit in search("carnet") if hit.kind == "commitment")
    assert hit.snippet.strip()
    assert ("carnet", True) in hit.parts
    assert any(matched and text.casefold() == "carnet" for text, matched in hit.title_parts)
    aprobo = next(hit for hit in search("aprobó") if hit.kind == "session")
    assert ("aprobación", True) in aprobo.parts  # the stem matched, the text kept


@pytest.mark.django_db
def test_the_results_page_marks_the_words_and_escapes_the_text(client, demo, facilitator):
    from abierto.forum.models import Session
    from abierto.forum.services import agreement_create

    session = Session.objects.get(number=16)  # planned: closed sessions take no agreement
    agreement_create(actor=facilitator, session=session, text="Revisar <b>hidrantes</b> ya.")
    page = client.get("/buscar/", {"q": "hidrantes"}).text
    assert "<mark>hidrantes</mark>" in page
    assert "&lt;b&gt;" in page
    assert "<b>hidrantes" not in page
    assert "<mark>carnet</mark>" in client.get("/buscar/", {"q": "carnet"}).text


@pytest.mark.django_db
def test_no_result_suggests_what_to_try(client, demo):
    page = client.get("/buscar/", {"q": "carnet", "tipo": "minutes", "anio": "2019"}).text
    assert "0 resultados" in page
    assert "Qué puede probar" in page
    # The same words without the filters, with their count.
    assert 'href="?q=carnet"' in page
    assert f"sin filtros de tipo ni de año: {len(search('carnet'))} resultados</a>" in page

    page = client.get("/buscar/", {"q": "carnet hidroponía"}).text
    assert "Cada palabra por separado" in page
    assert 'href="?q=carnet"' in page
    assert "hidroponía</a>" not in page  # a word that finds nothing alone is not offered
