"""The compiled schema says what jsonschema says (abierto/lib/compiled_schema.py)."""

from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from abierto.lib.compiled_schema import compile_schema

BIRTH = {
    "type": "object",
    "properties": {
        "nombre": {"type": "string", "title": "Nombre", "minLength": 1, "maxLength": 12},
        "fecha_nacimiento": {"type": "string", "format": "date", "title": "Fecha"},
        "folio": {"type": "integer", "title": "Folio", "minimum": 0, "maximum": 10_000},
        "peso": {"type": "number"},
        "vivo": {"type": "boolean"},
        "sexo": {"type": "string", "enum": ["H", "M", "X"]},
        "curp": {"type": ["string", "null"], "pattern": "^[A-Z]{4}[0-9]{6}"},
    },
    "required": ["nombre", "fecha_nacimiento"],
    "additionalProperties": False,
}
OPEN = {**BIRTH, "additionalProperties": True}

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-20, max_value=20_000),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, 1.0, 3.5, -2.0]),
    st.text(max_size=14),
    st.sampled_from(["H", "M", "X", "h", "2024-02-29", "2023-02-29", "2024-2-1"]),
    st.just("\uff11\uff19\uff19\uff10-01-01"),  # a date in fullwidth digits
    st.from_regex(r"[A-Z]{4}[0-9]{6}.{0,3}", fullmatch=True),
    st.dates().map(lambda day: day.isoformat()),
)
names = st.sampled_from(
    ["nombre", "fecha_nacimiento", "folio", "peso", "vivo", "sexo", "curp", "otro"]
)
instances = st.one_of(
    st.dictionaries(names, scalars, max_size=8),
    st.fixed_dictionaries(
        {"nombre": st.text(min_size=1, max_size=12), "fecha_nacimiento": st.dates().map(str)},
        optional={"folio": st.integers(0, 10_000), "sexo": st.sampled_from(["H", "M"])},
    ),
    scalars,
    st.lists(scalars, max_size=2),
)


def jsonschema_valid(schema, instance):
    return Draft202012Validator(schema, format_checker=FormatChecker()).is_valid(instance)


@given(instances)
def test_the_compiled_check_agrees_with_jsonschema(instance):
    for schema in (BIRTH, OPEN):
        check = compile_schema(schema)
        assert check is not None
        assert check(instance) == jsonschema_valid(schema, instance), (schema, instance)


def test_a_valid_document_passes_and_an_invalid_one_does_not():
    check = compile_schema(BIRTH)
    assert check is not None
    assert check({"nombre": "Ana", "fecha_nacimiento": "1990-01-31", "folio": 3.0})
    assert not check({"nombre": "Ana", "fecha_nacimiento": "1990-02-31"})
    assert not check({"nombre": "Ana"})
    assert not check({"nombre": "Ana", "fecha_nacimiento": "1990-01-31", "otro": 1})
    assert not check({"nombre": "Ana", "fecha_nacimiento": "1990-01-31", "folio": True})


def test_what_it_does_not_compile_is_left_to_jsonschema():
    for schema in (
        {"type": "array"},
        {**BIRTH, "properties": {"x": {"type": "object"}}},
        {**BIRTH, "properties": {"x": {"type": "string", "format": "email"}}},
        {**BIRTH, "properties": {"x": {"enum": [1, True]}}},
        {**BIRTH, "properties": {"x": {"$ref": "#/$defs/y"}}},
        {**BIRTH, "allOf": [{"required": ["x"]}]},
        {**BIRTH, "additionalProperties": {"type": "string"}},
    ):
        assert compile_schema(schema) is None, schema
