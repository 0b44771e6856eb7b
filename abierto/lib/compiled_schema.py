"""A JSON Schema compiled into one Python function that says whether an instance is valid.

jsonschema walks the schema for every instance (about 75 µs for a three-field document
type), more than signing the document; a bulk issuance checks every row. Document types use a
small part of JSON Schema: an object of named scalar properties with a few constraints.
``compile_schema`` turns such a schema into a function of plain comparisons, and returns
None for any schema using anything else (then jsonschema alone decides).

The compiled function only ever says "valid" for what jsonschema (Draft 2020-12 with its
format checker) finds valid; when it says "not valid" the caller asks jsonschema for the
errors, so messages and paths stay jsonschema's.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# Keywords that never change whether an instance is valid.
_ANNOTATIONS = frozenset(
    {"title", "description", "$comment", "examples", "default", "deprecated", "$schema", "$id"}
)
_PROPERTY_KEYWORDS = frozenset(
    {"type", "minLength", "maxLength", "format", "enum", "minimum", "maximum", "pattern"}
)
_OBJECT_KEYWORDS = frozenset({"type", "properties", "required", "additionalProperties"})
# jsonschema's own test for "date" (RFC 3339 full-date).
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def _is_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _type_check(kind: Any) -> Check | None:
    kinds = kind if isinstance(kind, list) else [kind]
    tests: list[Check] = []
    for name in kinds:
        if name == "string":
            tests.append(lambda v: isinstance(v, str))
        elif name == "integer":
            tests.append(
                lambda v: (
                    (isinstance(v, int) and not isinstance(v, bool))
                    or (isinstance(v, float) and v.is_integer())
                )
            )
        elif name == "number":
            tests.append(lambda v: isinstance(v, int | float) and not isinstance(v, bool))
        elif name == "boolean":
            tests.append(lambda v: isinstance(v, bool))
        elif name == "null":
            tests.append(lambda v: v is None)
        else:
            return None
    return lambda v: any(test(v) for test in tests)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _length(bound: int, *, at_least: bool) -> Check:
    def check(value: Any) -> bool:
        if not isinstance(value, str):
            return True
        return len(value) >= bound if at_least else len(value) <= bound

    return check


def _bound(bound: float, *, at_least: bool) -> Check:
    def check(value: Any) -> bool:
        if not _number(value):
            return True
        return bool(value >= bound) if at_least else bool(value <= bound)

    return check


def _property_check(spec: Any) -> Check | None:
    if not isinstance(spec, dict) or set(spec) - _PROPERTY_KEYWORDS - _ANNOTATIONS:
        return None
    checks: list[Check] = []
    if "type" in spec:
        typed = _type_check(spec["type"])
        if typed is None:
            return None
        checks.append(typed)
    for keyword in ("minLength", "maxLength"):
        if keyword in spec:
            bound = spec[keyword]
            if not isinstance(bound, int) or isinstance(bound, bool):
                return None
            checks.append(_length(bound, at_least=keyword == "minLength"))
    for keyword in ("minimum", "maximum"):
        if keyword in spec:
            bound = spec[keyword]
            if not _number(bound):
                return None
            checks.append(_bound(bound, at_least=keyword == "minimum"))
    if "format" in spec:
        if spec["format"] != "date":
            return None
        checks.append(lambda v: not isinstance(v, str) or _is_date(v))
    if "enum" in spec:
        options = spec["enum"]
        # Only strings: jsonschema's equality of numbers and booleans (1 == True is false
        # there) is not Python's.
        if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
            return None
        allowed = frozenset(options)
        checks.append(lambda v: isinstance(v, str) and v in allowed)
    if "pattern" in spec:
        if not isinstance(spec["pattern"], str):
            return None
        try:
            pattern = re.compile(spec["pattern"])
        except re.error:
            return None
        checks.append(lambda v: not isinstance(v, str) or pattern.search(v) is not None)
    return lambda v: all(check(v) for check in checks)


def compile_schema(schema: Any) -> Check | None:
    """The validity test of ``schema``, or None when it uses what this does not compile."""
    if not isinstance(schema, dict) or set(schema) - _OBJECT_KEYWORDS - _ANNOTATIONS:
        return None
    if schema.get("type") != "object":
        return None
    properties = schema.get("properties", {})
    required = schema.get("required", [])
    additional = schema.get("additionalProperties", True)
    if not isinstance(properties, dict) or not isinstance(required, list):
        return None
    if not all(isinstance(name, str) for name in required) or additional not in (True, False):
        return None
    checks: dict[str, Check] = {}
    for name, spec in properties.items():
        check = _property_check(spec)
        if check is None:
            return None
        checks[name] = check
    needed = tuple(required)
    closed = additional is False

    def valid(instance: Any) -> bool:
        if not isinstance(instance, dict):
            return False
        for name in needed:
            if name not in instance:
                return False
        for name, value in instance.items():
            check = checks.get(name)
            if check is None:
                if closed:
                    return False
            elif not check(value):
                return False
        return True

    return valid
