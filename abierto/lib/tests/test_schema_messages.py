"""JSON Schema errors worded in Spanish, one per keyword, from jsonschema's own errors."""

from __future__ import annotations

from jsonschema import Draft202012Validator, FormatChecker

from abierto.lib.echo import ECHO_MAX_CHARS
from abierto.lib.schema_messages import schema_message

SCHEMA = {
    "type": "object",
    "properties": {
        "nombre": {"type": "string", "minLength": 1, "maxLength": 10},
        "curp": {"type": "string", "pattern": "^[A-Z]{4}[0-9]{6}$"},
        "fecha": {"type": "string", "format": "date"},
        "resultado": {"type": "string", "enum": ["Sin antecedentes penales"]},
        "folio": {"type": "integer", "minimum": 1, "maximum": 99},
        "clave": {"type": "string", "minLength": 3},
        "lote": {"type": "integer", "multipleOf": 5},
    },
    "required": ["nombre", "curp"],
    "additionalProperties": False,
}
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=FormatChecker())


def _messages(instance):
    return {
        (error.validator, "/".join(map(str, error.absolute_path))): schema_message(error)
        for error in VALIDATOR.iter_errors(instance)
    }


def test_each_keyword_is_worded_in_spanish_with_the_value_quoted():
    messages = _messages(
        {
            "nombre": "",
            "fecha": "2020-02-30",
            "resultado": "Con antecedentes",
            "folio": 0,
            "clave": "ab",
            "otro": 1,
        }
    )
    assert messages[("required", "")] == "Falta el campo obligatorio «curp»."
    assert messages[("additionalProperties", "")] == "El tipo no define el campo «otro»."
    assert messages[("minLength", "nombre")] == "No puede quedar vacío."
    assert messages[("minLength", "clave")] == "Debe tener al menos 3 caracteres."
    assert messages[("format", "fecha")] == "«2020-02-30» no es una fecha válida (AAAA-MM-DD)."
    assert messages[("enum", "resultado")] == (
        "«Con antecedentes» no es uno de los valores permitidos: «Sin antecedentes penales»."
    )
    assert messages[("minimum", "folio")] == "«0» es menor que el mínimo, 1."

    messages = _messages({"nombre": "x" * 11, "curp": "NO-ES-CURP", "folio": "cinco", "lote": 7})
    assert messages[("maxLength", "nombre")] == "Debe tener como máximo 10 caracteres."
    assert messages[("pattern", "curp")] == "«NO-ES-CURP» no tiene el formato esperado."
    assert messages[("type", "folio")] == "«cinco» no es de tipo número entero."
    # A keyword without a Spanish wording keeps jsonschema's message.
    assert messages[("multipleOf", "lote")] == "7 is not a multiple of 5"


def test_what_the_client_sent_is_quoted_only_in_part():
    [error] = VALIDATOR.iter_errors({"nombre": "Ana", "curp": "Z" * 5000})
    message = schema_message(error)
    assert "Z" * ECHO_MAX_CHARS + "…" in message
    assert len(message) < 2 * ECHO_MAX_CHARS + 40
