"""The public pages' cache for anonymous visitors (abierto/ops/page_cache.py, issue 19)."""

import re

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.test import Client, RequestFactory

from abierto.directory.tests.logins import login_verified
from abierto.forum import services
from abierto.forum.models import Forum
from abierto.forum.tests.factories import SessionFactory
from abierto.ops import page_cache
from abierto.ops.page_cache import PublicPageCacheMiddleware

LOCMEM = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages-test"}


@pytest.fixture(params=["locmem", "file"])
def cached(request, settings, tmp_path):
    """The cache turned on: with the memory backend and the version in it (as with Redis),
    and with the files and the shared-memory version production uses without Redis."""
    pages = LOCMEM
    if request.param == "file":
        pages = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "pages"),
        }
        settings.PAGE_CACHE_VERSION_FILE = str(tmp_path / "page-version")
    settings.CACHES = {**settings.CACHES, "pages": pages}
    settings.PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    PublicPageCacheMiddleware.local.clear()
    yield
    caches["pages"].clear()
    PublicPageCacheMiddleware.local.clear()


@pytest.fixture
def session(db):
    forum = Forum.objects.get_or_create(
        acronym="STL", defaults={"name": "Secretariado Técnico Local"}
    )[0]
    return SessionFactory(forum=forum, place="Sala de Cabildos")


def body(response):
    """The page without the visitor's own CSRF token."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[A-Za-z0-9]+"', b"", response.content)


def page(session):
    return f"/sesiones/{session.public_id}/"


@pytest.mark.usefixtures("cached")
def test_the_second_anonymous_visit_is_served_from_the_cache(session):
    first = Client().get(page(session))
    second = Client().get(page(session))
    assert first.status_code == second.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert body(second) == body(first)
    assert second["ETag"] == first["ETag"]
    vary = {part.strip().lower() for part in second["Vary"].split(",")}
    assert {"accept-language", "cookie"} <= vary


@pytest.mark.usefixtures("cached")
def test_a_page_from_the_cache_keeps_the_security_headers(session):
    first = Client().get(page(session))
    second = Client().get(page(session))
    assert second["X-Page-Cache"] == "hit"
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Content-Language",
    ):
        assert second[header] == first[header]
    assert "nonce-" not in second["Content-Security-Policy"]


@pytest.mark.usefixtures("cached")
def test_a_matching_etag_gets_304_without_the_body(session):
    etag = Client().get(page(session))["ETag"]
    for _ in range(2):  # from the freshly rendered page, then from the cache
        response = Client().get(page(session), HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304
        assert response.content == b""
        assert response["ETag"] == etag
        assert "X-Frame-Options" in response
    other = Client().get(page(session), HTTP_IF_NONE_MATCH='"another"')
    assert other.status_code == 200


@pytest.mark.usefixtures("cached")
def test_a_write_through_a_service_is_read_back_at_once(
    session, facilitator, django_capture_on_commit_callbacks
):
    assert "Sala de Cabildos" in Client().get(page(session)).content.decode()
    assert Client().get(page(session))["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        services.session_update(actor=facilitator, session=session, place="Salón Morelos")
    response = Client().get(page(session))
    assert response["X-Page-Cache"] == "miss"
    assert "Salón Morelos" in response.content.decode()
    assert "Sala de Cabildos" not in response.content.decode()
    listing = Client().get("/sesiones/")
    assert listing["X-Page-Cache"] == "miss"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("cached")
def test_a_committed_write_empties_the_cache_for_the_next_reader(facilitator):
    forum = Forum.objects.get_or_create(
        acronym="STL", defaults={"name": "Secretariado Técnico Local"}
    )[0]
    session = SessionFactory(forum=forum, place="Sala de Cabildos")
    Client().get(page(session))
    assert Client().get(page(session))["X-Page-Cache"] == "hit"
    services.session_update(actor=facilitator, session=session, place="Salón Morelos")
    assert "Salón Morelos" in Client().get(page(session)).content.decode()


@pytest.mark.usefixtures("cached")
def test_a_change_to_the_folder_keeps_the_public_pages(session):
    Client().get(page(session))
    page_cache.records_changed(app_label="folder")
    assert Client().get(page(session))["X-Page-Cache"] == "hit"
    page_cache.records_changed(app_label="forum")
    assert Client().get(page(session))["X-Page-Cache"] == "miss"


@pytest.mark.usefixtures("cached")
def test_signed_in_people_are_never_served_from_the_cache_nor_fill_it(session, facilitator):
    anonymous = Client().get(page(session))
    signed_in = login_verified(Client(), facilitator)
    for _ in range(2):
        response = signed_in.get(page(session))
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert body(response) != body(anonymous)  # their own menu, rendered for them
    again = Client().get(page(session))
    assert again["X-Page-Cache"] == "hit"
    assert body(again) == body(anonymous)


@pytest.mark.usefixtures("cached")
def test_a_visitor_with_a_session_or_messages_cookie_gets_a_fresh_page(session):
    Client().get(page(session))
    for cookie in ("sessionid", "messages"):
        client = Client()
        client.cookies[cookie] = "x" * 32
        assert "X-Page-Cache" not in client.get(page(session))


def csrf_input(response):
    found = re.search(
        r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"', response.content.decode()
    )
    assert found, "the page has the language switcher's form"
    return found.group(1)


@pytest.mark.usefixtures("cached")
def test_each_visitor_gets_a_csrf_token_of_their_own_that_works(session):
    Client().get(page(session))
    visitors = [Client(enforce_csrf_checks=True) for _ in range(2)]
    answers = [visitor.get(page(session)) for visitor in visitors]
    assert [a["X-Page-Cache"] for a in answers] == ["hit", "hit"]
    tokens = [csrf_input(a) for a in answers]
    assert tokens[0] != tokens[1]
    assert all(a.cookies["csrftoken"].value for a in answers)
    assert answers[0]["ETag"] == answers[1]["ETag"]
    for visitor, token in zip(visitors, tokens, strict=True):
        switched = visitor.post("/i18n/setlang/", {"language": "en", "csrfmiddlewaretoken": token})
        assert switched.status_code == 302
    # A visitor who already holds a CSRF cookie is served from the cache and keeps it.
    again = visitors[0].get(page(session))
    assert again["X-Page-Cache"] in {"hit", "miss"}  # now in English: maybe not cached yet
    # Django sends the cookie again with every token it hands out (a new expiry), same secret.
    assert again.cookies["csrftoken"].value == answers[0].cookies["csrftoken"].value
    switched = visitors[0].post(
        "/i18n/setlang/", {"language": "es-mx", "csrfmiddlewaretoken": csrf_input(again)}
    )
    assert switched.status_code == 302
    stranger = Client(enforce_csrf_checks=True)
    stranger.cookies["csrftoken"] = answers[1].cookies["csrftoken"].value
    refused = stranger.post("/i18n/setlang/", {"language": "en", "csrfmiddlewaretoken": "x" * 64})
    assert refused.status_code == 403


@pytest.mark.usefixtures("cached")
def test_each_language_has_its_own_copy(session):
    spanish = Client().get(page(session), HTTP_ACCEPT_LANGUAGE="es-MX")
    english = Client().get(page(session), HTTP_ACCEPT_LANGUAGE="en")
    assert english["X-Page-Cache"] == "miss"
    assert spanish["Content-Language"] == "es-mx"
    assert english["Content-Language"] == "en"
    assert body(spanish) != body(english)
    by_cookie = Client()
    by_cookie.cookies["django_language"] = "en"
    again = by_cookie.get(page(session))
    assert again["X-Page-Cache"] == "hit"
    assert body(again) == body(english)
    assert body(Client().get(page(session), HTTP_ACCEPT_LANGUAGE="es-MX")) == body(spanish)


@pytest.mark.usefixtures("cached")
def test_pages_that_are_not_marked_are_never_cached(db):
    Client().get("/calendario.ics")
    assert "X-Page-Cache" not in Client().get("/calendario.ics")


@pytest.mark.usefixtures("cached")
def test_the_forum_addresses_are_cached_apart(session):
    slug = session.forum.slug
    state = Client().get("/sesiones/")
    forum = Client().get(f"/foros/{slug}/sesiones/")
    assert state["X-Page-Cache"] == forum["X-Page-Cache"] == "miss"
    assert Client().get(f"/foros/{slug}/sesiones/")["X-Page-Cache"] == "hit"


def test_a_response_with_a_csp_nonce_or_a_session_cookie_is_not_stored():
    request = RequestFactory().get("/")
    plain = HttpResponse(b"<p>hola</p>")
    plain["Content-Security-Policy"] = "script-src 'self'"
    assert page_cache.storable(request, plain)
    with_nonce = HttpResponse(b"<p>hola</p>")
    with_nonce["Content-Security-Policy"] = "script-src 'self' 'nonce-abc123'"
    assert not page_cache.storable(request, with_nonce)
    with_csrf_cookie = HttpResponse(b"<p>hola</p>")
    with_csrf_cookie.set_cookie("csrftoken", "x")  # replaced per visitor (see the module)
    assert page_cache.storable(request, with_csrf_cookie)
    with_session = HttpResponse(b"<p>hola</p>")
    with_session.set_cookie("sessionid", "x")
    assert not page_cache.storable(request, with_session)
    private = HttpResponse(b"<p>hola</p>")
    private["Cache-Control"] = "private"
    assert not page_cache.storable(request, private)


def test_a_lost_version_token_is_a_new_version(settings):
    settings.CACHES = {**settings.CACHES, "pages": LOCMEM}
    caches["pages"].clear()
    first = page_cache.current_version()
    assert page_cache.current_version() == first
    caches["pages"].delete(page_cache.VERSION_KEY)
    assert page_cache.current_version() != first
