"""An existing acta read and reviewed in Chromium on a phone: the review page fits the screen
(its file's 64-character SHA-256 once pushed it sideways), in Spanish."""

import pytest

from abierto.directory.tests.logins import log_in_staff

from .factories import ForumFactory
from .test_import import ACTA_BYTES

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_review_of_an_uploaded_acta_fits_a_phone(page, live_server, facilitator, tmp_path):
    ForumFactory()
    acta = tmp_path / "acta-tercera-sesion.txt"
    acta.write_bytes(ACTA_BYTES)
    page.set_viewport_size({"width": 390, "height": 844})

    log_in_staff(page, live_server.url, facilitator, "/gestion/actas/importar/")

    page.get_by_label("Archivo del acta").set_input_files(acta)
    page.get_by_role("button", name="Leer el acta").click()
    page.get_by_role("heading", name="Revisar la lectura de acta-tercera-sesion.txt").wait_for()
    assert page.get_by_label("Número de sesión").input_value() == "3"
    assert "SHA-256" in page.inner_text("main")
    # Nothing scrolls sideways on the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
