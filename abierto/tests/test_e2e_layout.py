"""The page frame in Chromium: the phone's compact menu, the wide bar, the home cards."""

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_on_a_phone_the_header_is_one_row_and_the_menu_opens_without_javascript(
    browser, live_server
):
    context = browser.new_context(
        locale="es-MX", viewport={"width": 390, "height": 844}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] < 90  # was a quarter of the screen (about 230 px)
    sessions = page.get_by_role("link", name="Sesiones", exact=True)
    assert not sessions.is_visible()
    page.get_by_text("Menú", exact=True).click()
    assert sessions.is_visible()
    sessions.click()
    page.get_by_role("heading", name="Sesiones del STL", level=1).wait_for()
    # The language choice is at the foot of the page.
    page.get_by_label("Idioma").select_option("en")
    page.get_by_role("button", name="Cambiar").click()
    assert page.locator("html").get_attribute("lang") == "en"
    context.close()


def test_on_a_desktop_the_menu_is_a_bar_and_each_home_card_is_a_link(page, live_server):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}/")
    assert not page.get_by_text("Menú", exact=True).is_visible()
    assert page.get_by_role("link", name="Acuerdos", exact=True).is_visible()
    # A click anywhere on a card, not only on its title, follows it.
    card = page.locator(".card-link", has_text="Plan de Acción Local").bounding_box()
    page.mouse.click(card["x"] + card["width"] / 2, card["y"] + card["height"] - 10)
    page.wait_for_url(f"{live_server.url}/plan/")
