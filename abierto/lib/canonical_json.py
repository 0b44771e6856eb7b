"""Canonical JSON: one byte string per value, so that signatures and hashes are reproducible.

Follows the JSON Canonicalization Scheme (RFC 8785, JCS): object members sorted by the
UTF-16 code units of their names, no insignificant whitespace, strings escaped minimally
(only ``"``, ``\\`` and control characters, short forms where JSON has them), numbers written
as ECMAScript writes them, UTF-8 output. Only what JSON can carry is accepted: dicts with
string keys, lists and tuples, strings, booleans, ``None``, integers within ±2**53 and finite
floats; anything else raises ``TypeError`` or ``ValueError``.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal
from typing import Any

# Integers beyond this cannot be told apart once a JavaScript (IEEE 754 double) reader
# has parsed them, so their canonical form would not be unique.
MAX_SAFE_INTEGER = 2**53 - 1


# Above this code point, sorting by code points (Python) and by UTF-16 code units (JCS) can
# disagree: U+E000..U+FFFF sort after the surrogates that encode U+10000 and beyond.
_SAFE_KEY_CEILING = "\ud7ff"
_fast_encoder = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False
).encode
# The C encoder itself, made once: ``JSONEncoder.encode`` builds one on every call, which cost
# half of the encoding of an access event. No cycle check (``_plain`` recurses first, and a
# cycle ends there in RecursionError) and no ``default`` (``_plain`` lets only JSON through).
_make_c_encoder = getattr(json.encoder, "c_make_encoder", None)
_c_encoder = (
    _make_c_encoder(None, None, json.encoder.encode_basestring, None, ":", ",", True, False, False)
    if _make_c_encoder is not None
    else None
)


def canonical_dumps(obj: Any) -> bytes:
    """The RFC 8785 canonical form of ``obj``, as UTF-8 bytes."""
    if _plain(obj):
        # Without floats, big integers or keys beyond U+D7FF, the standard library's C
        # encoder already writes the JCS form (minimal escapes, lower-case \u00xx), and
        # about forty times faster than the writer below; a test checks both agree.
        text = "".join(_c_encoder(obj, 0)) if _c_encoder is not None else _fast_encoder(obj)
    else:
        parts: list[str] = []
        _write(obj, parts)
        text = "".join(parts)
    # A lone surrogate cannot be encoded: UnicodeEncodeError, a ValueError.
    return text.encode("utf-8")


def _plain(obj: Any) -> bool:
    """Whether ``obj`` holds only values whose JCS form the C encoder writes exactly.

    Leaves are checked inline, not by calls: this runs for every document signed, and a
    call per string would cost as much as the encoding.
    """
    kind = type(obj)
    if kind is dict:
        items: Any = obj.values()
        for key in obj:
            if type(key) is not str or not (key.isascii() or max(key) <= _SAFE_KEY_CEILING):
                return False
    elif kind is list or kind is tuple:
        items = obj
    else:
        items = (obj,)
    for value in items:
        kind = type(value)
        if kind is str or value is None or kind is bool:
            continue
        if kind is int:
            if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
                continue
            return False
        if (kind is dict or kind is list or kind is tuple) and _plain(value):
            continue
        return False  # floats, subclasses and non-JSON values take the careful path
    return True


def _write(obj: Any, parts: list[str]) -> None:
    if obj is None:
        parts.append("null")
    elif obj is True:
        parts.append("true")
    elif obj is False:
        parts.append("false")
    elif isinstance(obj, str):
        parts.append(json.dumps(obj, ensure_ascii=False))
    elif isinstance(obj, int):
        if abs(obj) > MAX_SAFE_INTEGER:
            raise ValueError(f"Integer {obj} is outside the interoperable range of JSON.")
        parts.append(str(int(obj)))
    elif isinstance(obj, float):
        parts.append(_number(obj))
    elif isinstance(obj, dict):
        keys = list(obj)
        if not all(isinstance(key, str) for key in keys):
            raise TypeError("Canonical JSON objects need string keys.")
        parts.append("{")
        for index, key in enumerate(sorted(keys, key=_utf16_units)):
            if index:
                parts.append(",")
            parts.append(json.dumps(key, ensure_ascii=False))
            parts.append(":")
            _write(obj[key], parts)
        parts.append("}")
    elif isinstance(obj, list | tuple):
        parts.append("[")
        for index, item in enumerate(obj):
            if index:
                parts.append(",")
            _write(item, parts)
        parts.append("]")
    else:
        raise TypeError(f"{type(obj).__name__} is not a JSON value.")


def _utf16_units(key: str) -> bytes:
    return key.encode("utf-16-be", "surrogatepass")


def _number(value: float) -> str:
    """ECMAScript's Number::toString for a finite double (RFC 8785 §3.2.2.3)."""
    if not math.isfinite(value):
        raise ValueError("NaN and infinities are not JSON numbers.")
    if value == 0:
        return "0"  # also for -0.0
    sign = "-" if value < 0 else ""
    # repr gives the shortest digits that round-trip, as ECMAScript requires.
    parsed = Decimal(repr(abs(value))).normalize().as_tuple()
    digits = "".join(str(digit) for digit in parsed.digits)
    k = len(digits)
    point = k + int(parsed.exponent)  # where the decimal point goes: n in the ES spec
    if k <= point <= 21:
        text = digits + "0" * (point - k)
    elif 0 < point <= 21:
        text = digits[:point] + "." + digits[point:]
    elif -6 < point <= 0:
        text = "0." + "0" * (-point) + digits
    else:
        exp = point - 1
        exp_text = f"e+{exp}" if exp >= 0 else f"e-{-exp}"
        text = digits[0] + ("." + digits[1:] if k > 1 else "") + exp_text
    return sign + text
