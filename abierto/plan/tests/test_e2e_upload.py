"""A clerk uploads caravan visits from a phone: an error, a fix, a confirmation."""

import importlib

import pytest

from abierto.directory.models import Municipality
from abierto.directory.tests.factories import InstitutionFactory
from abierto.directory.tests.logins import log_in_staff
from abierto.plan.models import Activity

from .factories import (
    ActivityKindFactory,
    CommitmentFactory,
    ServiceTypeFactory,
    caravan_visit,
    clerk_of,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def _municipalities(transactional_db):
    """The 125 municipalities of the data migration, loaded again if an earlier transactional
    test flushed them and serialized_rollback could not bring them back (see conftest)."""
    if Municipality.objects.count() < 125:
        migration = importlib.import_module(
            "abierto.directory.migrations.0002_municipalities_and_roles"
        )
        Municipality.objects.bulk_create(
            [Municipality(code=code, name=name) for code, name in migration.read_municipalities()],
            ignore_conflicts=True,
        )


HEADER = "fecha;municipio;personas atendidas;asesoría jurídica\n"


def test_a_clerk_fixes_a_bad_file_and_the_dashboard_changes(page, live_server, agency_clerk):
    import datetime

    sjdh = InstitutionFactory(acronym="SJDH", name="Secretaría de Justicia y Derechos Humanos")
    clerk_of(agency_clerk, sjdh)
    CommitmentFactory(responsible=sjdh, kind="co-created", number=1, title="Caravanas")
    ActivityKindFactory()
    ServiceTypeFactory(slug="asesoria_juridica", name="Asesoría jurídica")
    caravan_visit("15106", datetime.date(2022, 1, 17), 50, asesoria_juridica=100)

    log_in_staff(page, live_server.url, agency_clerk, "/gestion/plan/")
    page.get_by_role("heading", name="Mis compromisos del Plan de Acción").wait_for()
    assert page.locator("#cifra-municipios").inner_text() == "1 de 125"

    page.get_by_role("link", name="Visitas de caravana").click()
    bad = HEADER + "2022-11-07;15104;120;300\n2022-11-14;Narnia;80;-5\n"
    page.get_by_label("Archivo CSV o XLSX").set_input_files(
        files=[{"name": "visitas.csv", "mimeType": "text/csv", "buffer": bad.encode()}]
    )
    page.get_by_role("button", name="Revisar el archivo").click()
    page.get_by_text("No se guardó nada: el archivo tiene 2 errores").wait_for()
    errors = page.locator("table.plan-errors tbody tr")
    assert errors.count() == 2
    assert "Narnia" in errors.nth(0).inner_text()
    assert "negativo" in errors.nth(1).inner_text()
    assert not Activity.objects.filter(municipality__code="15104").exists()

    good = HEADER + "2022-11-07;15104;120;300\n2022-11-14;Ecatepec de Morelos;80;5\n"
    page.get_by_label("Archivo CSV o XLSX").set_input_files(
        files=[{"name": "visitas.csv", "mimeType": "text/csv", "buffer": good.encode()}]
    )
    page.get_by_role("button", name="Revisar el archivo").click()
    page.get_by_text("El archivo está correcto").wait_for()
    assert Activity.objects.count() == 1  # still nothing saved
    page.get_by_role("button", name="Confirmar y guardar").click()

    page.get_by_text("Carga guardada: 2 filas").wait_for()
    assert page.locator("#cifra-municipios").inner_text() == "3 de 125"
    assert page.locator("#cifra-servicios").inner_text().replace(",", "") == "405"
    assert page.locator("#cifra-personas").inner_text() == "250"
