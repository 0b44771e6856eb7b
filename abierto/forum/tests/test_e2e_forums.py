"""Two municipal forums side by side in Chromium: each facilitator runs their own forum and is
refused on the other's management pages."""

import pytest
from django.contrib.auth import get_user_model

from abierto.directory.models import Municipality
from abierto.directory.tests.logins import PASSWORD, enrol, log_in_on_page
from abierto.forum import services
from abierto.forum.models import Session

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _facilitator(username, forum):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    services.forum_role_grant(actor=None, user=user, forum=forum, role="facilitator")
    return enrol(user)


def _log_in(page, base, username, secret):
    """The municipal facilitator's login: the password, then the staff second factor's code."""
    log_in_on_page(page, base, username, PASSWORD, secret, "/gestion/sesiones/")
    page.get_by_role("heading", name="Gestión de sesiones").wait_for()


def _create_session(page, place):
    page.get_by_role("link", name="Nueva sesión").click()
    page.get_by_label("Número").fill("1")
    page.get_by_label("Fecha", exact=True).fill("2030-03-14")
    page.get_by_label("Lugar").fill(place)
    page.get_by_role("button", name="Guardar").click()
    page.get_by_role("heading", name="Primera Sesión Ordinaria").wait_for()
    return page.url


def test_two_forums_side_by_side(browser, live_server, settings):
    settings.SITE_URL = live_server.url
    toluca = services.forum_create_municipal(
        actor=None, municipality=Municipality.objects.get(code="15106")
    )
    tlalne = services.forum_create_municipal(
        actor=None,
        municipality=Municipality.objects.get(code="15104"),
        acronym="STM-TLALNEPANTLA",
    )
    secret_a = _facilitator("toluca", toluca)
    secret_b = _facilitator("tlalne", tlalne)
    contexts = [browser.new_context(locale="es-MX") for _ in range(2)]
    page_a, page_b = (context.new_page() for context in contexts)
    try:
        _log_in(page_a, live_server.url, "toluca", secret_a)
        _log_in(page_b, live_server.url, "tlalne", secret_b)
        assert "STM-TOLUCA" in page_a.content()
        url_a = _create_session(page_a, "Palacio Municipal de Toluca")
        url_b = _create_session(page_b, "Palacio Municipal de Tlalnepantla")
        assert Session.objects.get(forum=toluca).number == 1
        assert Session.objects.get(forum=tlalne).number == 1

        # Each is refused on the other's management pages, and lists only their own.
        for page, other in ((page_a, url_b), (page_b, url_a)):
            for suffix in ("", "editar/", "conducir/", "acta/"):
                response = page.goto(other + suffix)
                assert response.status == 403, other + suffix
        page_a.goto(f"{live_server.url}/gestion/sesiones/")
        assert "Palacio Municipal de Tlalnepantla" not in page_a.content()
        page_a.goto(f"{live_server.url}/gestion/sesiones/nueva/?forum={tlalne.slug}")
        assert "403" in page_a.title() or page_a.get_by_role("button", name="Guardar").count() == 0

        # The public pages of each forum show its own session.
        page_b.goto(f"{live_server.url}/foros/{tlalne.slug}/")
        page_b.get_by_role("heading", name="Sesiones del STM-TLALNEPANTLA").wait_for()
        assert "Palacio Municipal de Tlalnepantla" in page_b.content()
        assert "Palacio Municipal de Toluca" not in page_b.content()
    finally:
        for context in contexts:
            context.close()
