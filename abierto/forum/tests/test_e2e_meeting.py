"""Issue 21 done: in Chromium, the facilitator imports the 15th session's Zoom participants
report and transcript into a new session and reaches a draft acta whose attendance is the
real one and whose items each hold their speakers."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from abierto.directory.tests.logins import log_in_staff
from abierto.forum.models import Minutes, Session
from abierto.forum.selectors_transcript import excerpts_by_item

from .meeting_helpers import REAL_ATTENDANCE, STL_CSV, STL_VTT, attendance_of, load_stl, rehearsal

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Who speaks in each item, as the acta of the 15th session narrates it.
SPEAKERS = {
    1: {"Horacio Rodríguez Jiménez"},
    2: {"Horacio Rodríguez Jiménez", "Carlos de la Peña"},
    3: {"Horacio Rodríguez Jiménez"},
    4: {"Horacio Rodríguez Jiménez", "José Martínez Vilchis"},
    5: {
        "Horacio Rodríguez Jiménez",
        "Iván Barrera Pineda",
        "Enrique Serrano Arenas",
        "José Martínez Vilchis",
        "Luis Gustavo Parra Noriega",
    },
    6: {"José Edgar Marín Pérez", "Carlos de la Peña", "Luis Gustavo Parra Noriega"},
    7: {
        "Luis Gustavo Parra Noriega",
        "Enrique Serrano Arenas",
        "José Martínez Vilchis",
        "Carlos de la Peña",
        "Marco Antonio Becerril Garcés",
    },
    8: {"Horacio Rodríguez Jiménez"},
    9: {"Horacio Rodríguez Jiménez", "Marco Antonio Becerril Garcés"},
    10: {"Carlos de la Peña", "Enrique Serrano Arenas"},
    11: {"Horacio Rodríguez Jiménez"},
}


def test_the_fifteenth_sessions_zoom_records_become_a_draft_acta(page, live_server, facilitator):
    session = rehearsal(load_stl())
    page.set_viewport_size({"width": 820, "height": 1180})
    log_in_staff(
        page, live_server.url, facilitator, f"/gestion/sesiones/{session.public_id}/conducir/"
    )

    # The participants report: read, shown, confirmed.
    page.get_by_role("link", name="Tomar la asistencia del reporte de participantes").click()
    page.get_by_label("Reporte de participantes (CSV)").set_input_files(str(STL_CSV))
    page.get_by_role("button", name="Leer el reporte").click()
    page.get_by_text("Todavía no se ha guardado nada").wait_for()
    assert not session.attendance.exists()
    unmatched = page.locator("tr.unmatched")
    expect(unmatched).to_have_count(2)
    assert "Relatoría STL" in unmatched.first.inner_text() + unmatched.last.inner_text()
    assert page.get_by_label("Hora de inicio de la sesión").input_value() == "11:04"
    # The report's topic names the 15th session: the facilitator confirms it is this one.
    page.get_by_text("nombra otra sesión").wait_for()
    page.get_by_label("El reporte es de esta sesión aunque su fecha o su tema no coincidan").check()
    page.get_by_role("button", name="Confirmar y registrar la asistencia").click()
    page.get_by_text("Hay quórum").wait_for()
    assert attendance_of(session) == REAL_ATTENDANCE

    # The transcript: read, shown by item, confirmed.
    page.get_by_role("link", name="Importar la transcripción de la reunión (.vtt)").click()
    page.get_by_label("Transcripción (.vtt)").set_input_files(str(STL_VTT))
    page.get_by_role("button", name="Leer la transcripción").click()
    expect(page.locator("section.transcript-item")).to_have_count(11)
    page.get_by_role("button", name="Confirmar e importar la transcripción").click()

    # The heard vote is proposed on the vote screen; the facilitator confirms it.
    item = page.locator("#punto-2")
    expect(item.get_by_label("A favor")).to_have_value("5")
    item.get_by_text("Votación escuchada en la transcripción: 5 a favor").wait_for()
    item.get_by_label("Propuesta que se vota").fill("Aprobación del orden del día.")
    item.get_by_label("Texto del acuerdo (si se aprueba)").fill(
        "Se aprueba por unanimidad de votos el orden del día, en sus términos."
    )
    item.get_by_role("button", name="Registrar votación").click()
    page.locator("#punto-2 .agreement").wait_for()

    # The closing time is proposed from the report's end.
    expect(page.get_by_label("Hora de clausura")).to_have_value("12:40")
    page.get_by_label("Clausurar aunque queden puntos para acuerdo sin votación").check()
    page.get_by_role("button", name="Clausurar y redactar el acta").click()
    page.get_by_role(
        "heading", name=re.compile("Acta de la Primera Sesión Extraordinaria")
    ).wait_for()

    draft = page.get_by_label("Texto del acta").input_value()
    for name, _seat, _capacity in REAL_ATTENDANCE:
        assert name in draft, name
    assert "once horas con cuatro minutos" in draft
    assert "En uso de la voz, el Subsecretario de Justicia" in draft
    excerpts = page.locator("section.excerpt-item")
    expect(excerpts).to_have_count(11)
    for number, speakers in SPEAKERS.items():
        shown = page.locator(f"#transcripcion-{number}").inner_text()
        for speaker in speakers:
            assert speaker in shown, (number, speaker)

    session.refresh_from_db()
    assert session.status == Session.Status.HELD
    assert Minutes.objects.get(session=session).status == Minutes.Status.DRAFT
    assert attendance_of(session) == REAL_ATTENDANCE
    stored = excerpts_by_item(session)
    for number, speakers in SPEAKERS.items():
        heard = " | ".join(stored[number]["speakers"])
        assert all(speaker in heard for speaker in speakers), number
