"""The API's OpenAPI 3.1 description, made exact for the clients generated from it.

django-ninja builds the document; two things are corrected here:

- Names. Pydantic names a schema after its class (``Kind``, ``Status``), and django-ninja
  merges the definitions of every model into one ``components/schemas``, so two enums called
  ``Kind`` (a session's and a commitment's) overwrite each other and operations point to the
  wrong values. ``QualifiedNames`` names each schema by its qualified name (``SessionKind``,
  ``CommitmentKind``, ``ActivityStatus``), unique in the whole document.
- The finished document (``finish``): a parameter's ``examples`` becomes a map of Example
  Objects, as OAS 3.1 requires; every string the API accepts is declared free of NUL
  characters (the middleware refuses them with a 400), and free-form objects in requests hold
  only JSON values without NUL; every operation documents the refusals any request can meet
  (400, 404, 413, 422, 429) with their bodies; each list links to its items.
"""

from __future__ import annotations

from typing import Any

import ninja.openapi.schema
from ninja.schema import NinjaGenerateJsonSchema
from pydantic.json_schema import CoreModeRef, DefsRef

from abierto.directory.api_common import ErrorOut, ValidationErrorOut

# ECMA-262 and Python read this the same: any string without U+0000.
NO_NUL = "^[^\\u0000]*$"
REF = "#/components/schemas/{model}"


def qualified_name(core_ref: str) -> str | None:
    """``SessionKind`` for ``abierto.forum.models.meetings.Session.Kind:1234``: the class's
    qualified name without dots. None for generic types, which keep Pydantic's naming."""
    if any(character in core_ref for character in "[],"):
        return None
    dotted = core_ref.rsplit(":", 1)[0]
    tail: list[str] = []
    for part in reversed(dotted.split(".")):
        if not part[:1].isupper():
            break
        tail.append(part)
    return "".join(reversed(tail)) or None


class QualifiedNames(NinjaGenerateJsonSchema):
    def get_defs_ref(self, core_mode_ref: CoreModeRef) -> DefsRef:
        defs_ref = super().get_defs_ref(core_mode_ref)
        name = qualified_name(core_mode_ref[0])
        if name:
            # The first choice that collides with no other definition wins; Pydantic's own
            # choices (module-qualified) stay behind it.
            self._prioritized_defsref_choices[defs_ref].insert(0, DefsRef(name))
        return defs_ref


# django-ninja reads its generator from this module-level name when it builds the document
# (``OpenAPISchema._create_schema_from_model`` and ``_extract_parameters``); replacing it here
# affects only the OpenAPI document, never validation.
ninja.openapi.schema.NinjaGenerateJsonSchema = QualifiedNames  # type: ignore[misc]


def _json_value() -> dict[str, Any]:
    """A JSON value without NUL: scalars, or a list of scalars."""
    scalar = {"type": ["string", "number", "boolean", "null"], "pattern": NO_NUL}
    return {"anyOf": [scalar, {"type": "array", "items": scalar}]}


def _tighten(node: Any) -> None:
    """Declare, in place, the NUL-free strings and the JSON values of free-form objects of a
    schema clients send."""
    if isinstance(node, list):
        for item in node:
            _tighten(item)
        return
    if not isinstance(node, dict):
        return
    types = node.get("type")
    is_string = types == "string" or (isinstance(types, list) and "string" in types)
    if is_string and not ({"pattern", "enum", "const", "format"} & node.keys()):
        node["pattern"] = NO_NUL
    if types == "object" and node.get("additionalProperties") is True:
        node["additionalProperties"] = _json_value()
        node["propertyNames"] = {"pattern": NO_NUL}
    for key, value in node.items():
        if key not in ("example", "examples"):
            _tighten(value)


def _request_schemas(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The schemas of what clients send: parameters and request bodies."""
    found = []
    for item in document.get("paths", {}).values():
        for operation in item.values():
            found += [p["schema"] for p in operation.get("parameters", []) if "schema" in p]
            for media in operation.get("requestBody", {}).get("content", {}).values():
                found.append(media.get("schema", {}))
    return found


def _referenced(nodes: list[Any], schemas: dict[str, Any]) -> set[str]:
    """The components that ``nodes`` point to, directly or through other components."""
    seen: set[str] = set()
    pending: list[Any] = list(nodes)
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            ref = node.get("$ref", "")
            name = ref.rsplit("/", 1)[-1] if isinstance(ref, str) else ""
            if name in schemas and name not in seen:
                seen.add(name)
                pending.append(schemas[name])
            pending.extend(node.values())
    return seen


def _examples_map(parameter: dict[str, Any]) -> None:
    examples = parameter.get("examples")
    if isinstance(examples, list):
        parameter["examples"] = {
            f"ejemplo{position or ''}": {"value": value} for position, value in enumerate(examples)
        }


def _error(description: str, model: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": REF.format(model=model)}}},
    }


def _refusals(path: str, operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    refusals = {
        "400": _error("La solicitud no es válida (p. ej., contiene caracteres nulos).", "ErrorOut"),
        "422": _error("Los parámetros o los datos no son válidos.", "ValidationErrorOut"),
        "429": _error("Demasiadas solicitudes: espere y vuelva a intentar.", "ErrorOut"),
    }
    if "{" in path:
        refusals["404"] = _error("Recurso no encontrado.", "ErrorOut")
    if "requestBody" in operation:
        refusals["413"] = _error("La solicitud pesa más de lo que admite la API.", "ErrorOut")
    return refusals


def _link_lists_to_details(paths: dict[str, Any]) -> None:
    """OpenAPI links from each paginated list to its item (``/sessions`` → ``/sessions/{id}``,
    the first item's ``id``), so that clients and schemathesis's stateful phase follow them."""
    for path, item in paths.items():
        listing = item.get("get")
        if listing is None:
            continue
        for detail_path, detail_item in paths.items():
            prefix, _slash, rest = detail_path.rpartition("/")
            if prefix != path or not (rest.startswith("{") and "get" in detail_item):
                continue
            parameter = rest.strip("{}")
            detail = detail_item["get"]
            ok = listing.get("responses", {}).get("200")
            if ok is None or "operationId" not in detail:
                continue
            ok.setdefault("links", {})[f"item_{parameter}"] = {
                "operationId": detail["operationId"],
                "parameters": {parameter: f"$response.body#/items/0/{parameter}"},
                "description": "El primer elemento de la lista.",
            }


def finish(document: dict[str, Any]) -> dict[str, Any]:
    """The document django-ninja built, corrected in place (see the module's docstring)."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for model in (ErrorOut, ValidationErrorOut):
        generated = model.model_json_schema(ref_template=REF, schema_generator=QualifiedNames)
        schemas.update(generated.pop("$defs", {}))
        schemas[model.__name__] = generated
    for path, item in document.get("paths", {}).items():
        for operation in item.values():
            for parameter in operation.get("parameters", []):
                _examples_map(parameter)
            # django-ninja keys its responses by int (404), JSON by text: one key per status,
            # or the served document would hold both "404" and 404 written as "404".
            responses = {str(status): r for status, r in operation.get("responses", {}).items()}
            operation["responses"] = responses
            refusals = _refusals(path, operation)
            for status, response in refusals.items():
                responses.setdefault(status, response)
            responses["422"] = refusals["422"]
    _link_lists_to_details(document.get("paths", {}))
    inputs = _request_schemas(document)
    for node in inputs:
        _tighten(node)
    for name in _referenced(inputs, schemas):
        _tighten(schemas[name])
    return document
