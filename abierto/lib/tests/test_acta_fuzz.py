"""Whatever text comes in, the parser returns the complete schema as JSON-ready data."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from abierto.lib.acta import parse_acta_text
from abierto.lib.acta.parser import INTERNAL_ERROR

# Fragments of real actas, so random text exercises the readers and not only the fallbacks.
FRAGMENTS = [
    "ACTA DE LA",
    "Décimo Quinta",
    "15a.",
    "XV",
    "SESIÓN",
    "ORDINARIA",
    "Extraordinaria",
    "DEL",
    "COMITÉ DE TRANSPARENCIA",
    "Cabildo",
    "ORDEN DEL DÍA",
    "I.",
    "II.",
    "Il.",
    "III.-",
    "1.",
    "2.-",
    "3)",
    "PRIMERO.-",
    "ACUERDOS",
    "ACUERDO",
    "STL/XV/1/2022:",
    "263/2022.-",
    "CT/SE/03/2023-01 |",
    "Se aprueba por unanimidad",
    "Por mayoría de votos se aprobó",
    "la cual se aprobó",
    "siendo las",
    "once horas con cuatro minutos",
    "11:00 hrs.",
    "del día",
    "dieciséis de diciembre de dos mil veintidós",
    "16/12/2022",
    "30 de febrero de 2023",
    "07 XX XXXXXX DE 2020",
    "estando presentes:",
    "Lic.",
    "C.C.",
    "Regidores",
    "Ana Ruiz Soto,",
    "Presidenta;",
    "y el Ing. Luis Pérez Gil",
    "Nombre | Cargo | Asistencia",
    "Presente",
    "Ausente",
    "Asistentes",
    "FIRMAS",
    "firmando al calce",
    "calendario",
    "24 de febrero",
    "próxima sesión",
    "convocatoria",
    "oficio STL/016/2022",
    "de fecha",
    "emitido por el",
    "Sala de Cabildos",
    "virtual",
    "Zoom",
    "híbrida",
    "se da por concluida la sesión",
    "punto",
    "por parte de",
    "-----",
    "- - -",
    "\n",
    "\n\n",
    "\t",
    "|",
    ";",
    ",",
    ".",
    ":",
    "(",
    ")",
    "“",
    "”",
    "\u00a0",
    "\u00ad",
]

acta_like = st.lists(st.sampled_from(FRAGMENTS), max_size=150).map(" ".join)
anything = st.text(max_size=600)
SCHEMA = {
    "body",
    "session",
    "convocation",
    "attendees",
    "agenda",
    "agreements",
    "scheduled_sessions",
    "warnings",
}
SESSION = {"number", "kind", "date", "start_time", "end_time", "modality", "place"}


def _check(result: dict) -> None:
    assert set(result) == SCHEMA
    assert set(result["session"]) == SESSION
    assert isinstance(result["body"], str)
    assert result["session"]["kind"] in (None, "ordinaria", "extraordinaria", "solemne")
    assert result["session"]["modality"] in (None, "presencial", "virtual", "híbrida")
    assert result["convocation"] is None or set(result["convocation"]) == {
        "reference",
        "date",
        "convened_by",
    }
    assert all(set(person) == {"name", "role"} and person["name"] for person in result["attendees"])
    assert all(
        set(item) == {"number", "title", "presenter", "narrative"}
        and isinstance(item["number"], int)
        and isinstance(item["presenter"], str)
        and isinstance(item["narrative"], str)
        for item in result["agenda"]
    )
    assert all(
        set(item) == {"code", "text", "vote", "agenda_item", "approves_minutes_of"}
        for item in result["agreements"]
    )
    assert all(
        item["approves_minutes_of"] is None
        or (
            item["approves_minutes_of"]["kind"] in ("ordinaria", "extraordinaria")
            and item["approves_minutes_of"]["number"] >= 1
        )
        for item in result["agreements"]
    )
    assert all(item["vote"] in (None, "unanimidad", "mayoría") for item in result["agreements"])
    assert all(set(item) == {"date", "title"} for item in result["scheduled_sessions"])
    assert all(isinstance(warning, str) for warning in result["warnings"])
    assert json.loads(json.dumps(result, ensure_ascii=False)) == result
    internal = INTERNAL_ERROR.split("{")[0]
    assert not any(warning.startswith(internal) for warning in result["warnings"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(acta_like)
def test_acta_like_text_never_breaks_the_parser(text):
    _check(parse_acta_text(text))


@settings(max_examples=300, deadline=None)
@given(anything)
def test_arbitrary_text_never_breaks_the_parser(text):
    _check(parse_acta_text(text))


def test_empty_text_gives_the_empty_schema_and_a_warning():
    result = parse_acta_text("   \n\n ")
    _check(result)
    assert result["warnings"] == ["El texto del acta está vacío."]
