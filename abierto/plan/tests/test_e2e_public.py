"""The plan's public pages in Chromium, on a phone and on a desktop: the charts and the map
render under the strict Content Security Policy, with their tables beside them."""

import importlib

import pytest

from abierto.directory.models import Municipality

from .test_public_pages import build_plan_record

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VIEWPORTS = {"telefono": (390, 844), "escritorio": (1280, 900)}


@pytest.fixture(autouse=True)
def _municipalities(transactional_db):
    """The 125 municipalities, which a data migration loads.

    ``serialized_rollback`` should bring them back after an earlier transactional test
    flushed the database, but it cannot once Playwright's event loop runs in this thread:
    asgiref then hands out another connection object than the one Django serialized the
    database on. So they are loaded again here when missing.
    """
    if Municipality.objects.count() < 125:
        migration = importlib.import_module(
            "abierto.directory.migrations.0002_municipalities_and_roles"
        )
        Municipality.objects.bulk_create(
            [Municipality(code=code, name=name) for code, name in migration.read_municipalities()],
            ignore_conflicts=True,
        )


def watch_console(page):
    """Console errors and uncaught exceptions (a CSP violation is a console error)."""
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_the_plan_and_its_coverage_map_render_without_errors(page, live_server, tmp_path, device):
    record = build_plan_record()
    width, height = VIEWPORTS[device]
    page.set_viewport_size({"width": width, "height": height})
    errors = watch_console(page)

    page.goto(f"{live_server.url}/plan/")
    page.get_by_role("heading", level=1).wait_for()
    chart = page.locator("svg#avance-compromisos")
    assert chart.get_attribute("role") == "img"
    assert chart.locator("rect.chart-bar").count() == 2
    box = chart.bounding_box()
    assert box is not None
    assert 0 < box["width"] <= width
    assert page.get_by_role("link", name=record.caravans.title).is_visible()
    # The page fits the screen: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=tmp_path / f"plan-{device}.png", full_page=True)

    page.goto(f"{live_server.url}/plan/cobertura/")
    page.get_by_role("heading", name="Cobertura por municipio").wait_for()
    map_svg = page.locator("svg#mapa")
    assert map_svg.get_attribute("role") == "img"
    assert map_svg.locator("path.map-area").count() == 125
    assert map_svg.locator("#mun-15106").get_attribute("data-value") == "2"
    map_box = map_svg.bounding_box()
    assert map_box is not None
    assert map_box["height"] > 200  # drawn, not collapsed
    table = page.get_by_role("table").first
    assert table.locator("tbody tr").count() == 125
    assert page.get_by_role("rowheader", name="Toluca").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # A tap on a municipality shows its figures beside the map (nothing hovers on a phone).
    map_svg.locator("#mun-15106").dispatch_event("click")
    detail = page.locator("#mapa-detalle")
    detail.get_by_role("heading", name="Toluca").wait_for()
    assert "Actividades" in detail.inner_text()
    assert "2" in detail.inner_text()
    assert page.url.endswith("/plan/cobertura/")  # the script kept the page where it was
    if device == "escritorio":
        # The map has the width: it is wider than the figures beside it and than half the page.
        assert map_box["width"] > width / 2
    page.screenshot(path=tmp_path / f"cobertura-{device}.png", full_page=True)

    page.goto(f"{live_server.url}/plan/compromisos/{record.caravans.public_id}/")
    page.locator("svg#indicador-1").wait_for()
    page.get_by_text("Ver los datos de la gráfica en una tabla").first.click()
    assert page.get_by_role("table").first.is_visible()

    assert errors == []
    assert (tmp_path / f"plan-{device}.png").stat().st_size > 10_000
    assert (tmp_path / f"cobertura-{device}.png").stat().st_size > 10_000
