"""Canonical JSON follows RFC 8785: the examples of the RFC, and round trips of any value."""

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from abierto.lib import canonical_json
from abierto.lib.canonical_json import MAX_SAFE_INTEGER, canonical_dumps


def test_members_are_sorted_by_utf16_code_units_as_in_rfc_8785():
    # RFC 8785 §3.2.3: "\u20ac" < "\r" ... sorted by UTF-16 code units.
    value = {
        "\u20ac": "Euro Sign",
        "\r": "Carriage Return",
        "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\U0001f600": "Emoji: Grinning Face",
        "\x80": "Control",
        "\xf6": "Latin Small Letter O With Diaeresis",
    }
    keys = [key for key, _value in json.loads(canonical_dumps(value)).items()]
    assert keys == ["\r", "1", "\x80", "\xf6", "\u20ac", "\U0001f600", "\ufb33"]


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (0.0, "0"),
        (-0.0, "0"),
        (1.0, "1"),
        (1e21, "1e+21"),
        (1e20, "100000000000000000000"),
        (1e-7, "1e-7"),
        (0.000001, "0.000001"),
        (333333333.3333333, "333333333.3333333"),
        (5e-324, "5e-324"),
        (-1.7976931348623157e308, "-1.7976931348623157e+308"),
        (9007199254740992.0, "9007199254740992"),
        (295147905179352830000.0, "295147905179352830000"),
    ],
)
def test_numbers_are_written_as_ecmascript_writes_them(number, text):
    assert canonical_dumps(number) == text.encode()


def test_strings_escape_only_what_json_requires():
    assert canonical_dumps('á\n\x1f\u2028/€"\\') == '"á\\n\\u001f\u2028/€\\"\\\\"'.encode()


def test_no_whitespace_and_nested_values_are_canonical():
    assert canonical_dumps({"b": [1, True, None], "a": {"y": "z"}}) == (
        b'{"a":{"y":"z"},"b":[1,true,null]}'
    )


@pytest.mark.parametrize(
    "value", [math.nan, math.inf, 2**53, {1: "a"}, {"a": {1, 2}}, b"bytes", "\ud800"]
)
def test_values_without_a_canonical_form_are_refused(value):
    with pytest.raises((TypeError, ValueError)):
        canonical_dumps(value)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(exclude_categories=["Cs"])),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(st.text(st.characters(exclude_categories=["Cs"])), children, max_size=5)
    ),
    max_leaves=30,
)


@given(json_values)
def test_any_value_round_trips_and_is_a_fixed_point(value):
    text = canonical_dumps(value)
    # JSON numbers are doubles (RFC 8785): read them back as such.
    parsed = json.loads(text, parse_int=float)
    assert canonical_dumps(parsed) == text


@given(st.dictionaries(st.text(max_size=5), st.integers(0, 9), max_size=8))
def test_key_order_does_not_change_the_output(value):
    reversed_value = dict(reversed(list(value.items())))
    assert canonical_dumps(value) == canonical_dumps(reversed_value)


@given(json_values)
def test_the_fast_path_writes_what_the_careful_writer_writes(value):
    from abierto.lib.canonical_json import _plain, _write

    parts: list[str] = []
    _write(value, parts)
    try:
        expected = "".join(parts).encode("utf-8")
    except UnicodeEncodeError:
        return
    assert canonical_dumps(value) == expected
    if _plain(value):
        assert canonical_dumps(value) == canonical_json._fast_encoder(value).encode("utf-8")


@pytest.mark.parametrize(
    "value",
    [{"\ue000": 1, "\U0001f600": 2}, {"a": 1.5}, {1: "x"}, {"a": 2**53}, [True, 1, "\u007f"]],
)
def test_values_outside_the_fast_path_still_get_the_careful_form(value):
    from abierto.lib.canonical_json import _plain

    if isinstance(value, dict) and any(not isinstance(key, str) for key in value):
        with pytest.raises(TypeError):
            canonical_dumps(value)
        return
    if value == {"a": 2**53}:
        with pytest.raises(ValueError, match="interoperable range"):
            canonical_dumps(value)
        return
    assert _plain(value) == (value == [True, 1, "\u007f"])
    parts: list[str] = []
    canonical_json._write(value, parts)
    assert canonical_dumps(value) == "".join(parts).encode("utf-8")
