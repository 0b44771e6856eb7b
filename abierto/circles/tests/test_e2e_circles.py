"""Issue 18 end to end in Chromium, on a phone-sized screen: a member of the mediation
centre's staff runs a cohort from selection through the first interview (acceptance with its
signed document), a circle with attendance, to two evaluations, and reads the follow-up
table with its chart; the access log shows each of those reads."""

import pytest

from abierto.circles.models import AccessEvent, Attendance, Participant
from abierto.directory.tests.logins import enrol, log_in_on_page

from .helpers import PASSWORD, PDF, cohort, instrument, mediation_staff

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_centre_runs_a_cohort_from_selection_to_evaluation(page, live_server, tmp_path):
    staff = mediation_staff()
    group = cohort(staff)
    tool = instrument()
    secret = enrol(staff)
    cohort_path = f"/gestion/circulos/generacion/{group.public_id}/"

    log_in_on_page(page, live_server.url, staff.username, PASSWORD, secret, cohort_path)
    page.wait_for_url(f"**{cohort_path}")

    # Selection.
    page.get_by_label("Nombre completo").fill("Persona Ficticia de Prueba")
    page.get_by_label("Fecha de nacimiento").fill("2007-03-15")
    page.get_by_label("Fecha de selección").fill("2026-02-02")
    page.get_by_role("button", name="Registrar selección").click()
    page.wait_for_url(f"**{cohort_path}")
    person = Participant.objects.get()
    assert page.get_by_role("link", name=person.pseudonym).is_visible()
    assert "Persona Ficticia de Prueba" not in page.content()  # the list shows pseudonyms

    # First interview: acceptance with the signed document.
    page.get_by_role("link", name=person.pseudonym).click()
    page.get_by_label("Fecha de aceptación").fill("2026-02-09")
    signed = tmp_path / "aceptacion.pdf"
    signed.write_bytes(PDF)
    page.get_by_label("Documento de aceptación firmado").set_input_files(str(signed))
    page.get_by_role("button", name="Registrar aceptación").click()
    page.get_by_role("link", name="documento de aceptación").wait_for()
    assert "Persona Ficticia de Prueba" in page.content()

    # A circle with attendance.
    page.goto(f"{live_server.url}{cohort_path}")
    page.get_by_label("Tipo de sesión").select_option("empathy")
    page.get_by_label("Fecha", exact=True).fill("2026-03-01")
    page.get_by_label("Tema").fill("Reconocer lo vivido")
    page.get_by_label(person.pseudonym).check()
    page.get_by_role("button", name="Registrar círculo").click()
    page.get_by_text("1 asistente").wait_for()
    assert Attendance.objects.filter(participant=person).count() == 1

    # Two evaluations.
    page.get_by_role("link", name=person.pseudonym).click()
    for day, answer in (("2026-02-10", "2"), ("2026-04-10", "4")):
        page.get_by_label("Fecha de aplicación").fill(day)
        for number in (1, 2, 3):
            page.get_by_role("group", name=f"{number}. Reactivo {number}").get_by_label(
                answer, exact=True
            ).check()
        page.get_by_role("button", name="Registrar evaluación").click()
        page.get_by_text("Registro guardado").wait_for()

    # The follow-up table: phases, circles attended, scores over time in a chart.
    table = page.get_by_role("table", name="Fases alcanzadas")
    assert "Primera entrevista y aceptación" in table.inner_text()
    assert "Reconocer lo vivido" in page.content()
    chart = page.locator("figure.chart-figure svg[role='img']").first
    assert chart.is_visible()
    assert f"{tool.name}: puntaje medio por aplicación" in chart.inner_html()
    page.get_by_text("Ver los datos de la gráfica en una tabla").click()
    assert (
        "4.0"
        in page.get_by_role("table", name=f"{tool.name}: puntaje medio por fecha").inner_text()
    )

    # Each read of the record is in the access log the staff can see.
    page.goto(f"{live_server.url}{cohort_path}accesos/")
    assert page.get_by_text(person.pseudonym).first.is_visible()
    assert AccessEvent.objects.filter(participant=person, user=staff).count() >= 3
