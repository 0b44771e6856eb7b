"""JSON Schema errors in the language of the interface (Spanish first).

``jsonschema`` words its errors in English ("'X' does not match '^[A-Z]{4}…'"), and they reach
an agency's clerk as they are: in the API's 422 and in a bulk issuance that stops at a row.
This says the same by the failing keyword, quoting what was sent only as far as
``abierto.lib.echo`` allows; a keyword without a wording here keeps jsonschema's message.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from .echo import clip, clip_quoted


def _type_name(kind: Any) -> str:
    names = {
        "string": _("texto"),
        "integer": _("número entero"),
        "number": _("número"),
        "boolean": _("verdadero o falso"),
        "object": _("objeto"),
        "array": _("lista"),
        "null": _("vacío"),
    }
    return names.get(str(kind), str(kind))


def _type_names(kinds: Any) -> str:
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return " / ".join(_type_name(kind) for kind in kinds)


def _quoted(value: Any) -> str:
    return "«" + clip(str(value)) + "»"


def schema_message(error: Any) -> str:
    """The Spanish wording of a ``jsonschema.ValidationError``."""
    keyword, expected, instance = error.validator, error.validator_value, error.instance
    if keyword == "required":
        missing = [name for name in expected if isinstance(instance, dict) and name not in instance]
        return _("Falta el campo obligatorio %(field)s.") % {
            "field": _quoted(missing[0] if missing else expected[0])
        }
    if keyword == "additionalProperties":
        known = set((error.schema or {}).get("properties", {}))
        extra = (
            [name for name in instance if name not in known] if isinstance(instance, dict) else []
        )
        return _("El tipo no define el campo %(field)s.") % {
            "field": ", ".join(_quoted(name) for name in extra[:3]) or "?"
        }
    if keyword == "type":
        return _("%(value)s no es de tipo %(type)s.") % {
            "value": _quoted(instance),
            "type": _type_names(expected),
        }
    if keyword == "pattern":
        return _("%(value)s no tiene el formato esperado.") % {"value": _quoted(instance)}
    if keyword == "format":
        if expected == "date":
            return _("%(value)s no es una fecha válida (AAAA-MM-DD).") % {
                "value": _quoted(instance)
            }
        return _("%(value)s no tiene el formato %(format)s.") % {
            "value": _quoted(instance),
            "format": _quoted(expected),
        }
    if keyword == "enum":
        return _("%(value)s no es uno de los valores permitidos: %(allowed)s.") % {
            "value": _quoted(instance),
            "allowed": ", ".join(_quoted(value) for value in list(expected)[:5]),
        }
    if keyword == "minLength":
        if expected == 1:
            return _("No puede quedar vacío.")
        return _("Debe tener al menos %(count)s caracteres.") % {"count": expected}
    if keyword == "maxLength":
        return _("Debe tener como máximo %(count)s caracteres.") % {"count": expected}
    if keyword == "minimum":
        return _("%(value)s es menor que el mínimo, %(bound)s.") % {
            "value": _quoted(instance),
            "bound": expected,
        }
    if keyword == "maximum":
        return _("%(value)s es mayor que el máximo, %(bound)s.") % {
            "value": _quoted(instance),
            "bound": expected,
        }
    return clip_quoted(str(error.message))
