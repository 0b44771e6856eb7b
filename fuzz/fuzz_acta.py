"""Fuzz target: an uploaded acta file, through what the import runs on it.

The import (``abierto.forum.services.imports.acta_read``) writes the upload to a file with its
suffix, calls ``extract_text`` and then ``parse_acta_text``. Their contracts:

- ``extract_text`` raises ``ActaReadError`` (a Spanish message for people) and nothing else;
- ``parse_acta_text`` never raises, returns the whole ``parse_acta`` schema as JSON-ready data,
  and a reader's bug shows as an "internal error" warning, which here counts as a crash;
- neither hangs: every input is read within ``FUZZ_SLOW_SECONDS`` (default 1 s) plus 1 s for
  each 20 KB, far above the parser's real pace (about 1 MB/s) and far below what a regular
  expression with quadratic backtracking needs on the same input.

Run for long with atheris (``pip install -e '.[fuzz]'``)::

    .venv/bin/python fuzz/fuzz_acta.py fuzz/corpus/acta -atheris_runs=100000 -max_len=65536

CI runs the same ``check`` through hypothesis in ``fuzz/test_fuzz_acta.py``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from unittest import mock

SUFFIXES = (".txt", ".md", ".docx", ".pdf")
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


class SlowInputError(AssertionError):
    """An input took far longer than its size explains."""


def time_allowed(size: int) -> float:
    return float(os.environ.get("FUZZ_SLOW_SECONDS", "1")) + size / 20_000


def suffix_for(data: bytes) -> str:
    """The upload's extension, taken from the first byte so that mutations reach all four.

    PDF and Word files are recognised by their first bytes whatever their name, so the
    suffix only decides what happens to the rest (text named ``.pdf`` must be refused).
    """
    return SUFFIXES[data[0] % len(SUFFIXES)] if data else ".txt"


def check(data: bytes, suffix: str | None = None) -> dict[str, Any] | None:
    """Run one input through extraction and parsing; raise if a contract is broken.

    Returns the parsed result, or ``None`` when the file was refused with ``ActaReadError``.
    """
    from abierto.lib.acta import ActaReadError, extract_text

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="fuzz-acta-") as folder:
        path = Path(folder) / f"acta{suffix or suffix_for(data)}"
        path.write_bytes(data)
        try:
            text = extract_text(path)
        except ActaReadError as error:
            assert str(error), "an ActaReadError needs a message for people"
            return None
    assert isinstance(text, str)
    assert text.strip()
    result = parse_text(text)
    elapsed = time.perf_counter() - started
    if elapsed > time_allowed(len(data)):
        raise SlowInputError(f"{len(data)} bytes took {elapsed:.2f} s")
    return result


def parse_text(text: str) -> dict[str, Any]:
    """``parse_acta_text`` with its output contract checked."""
    from abierto.lib.acta import parse_acta_text, parser
    from abierto.lib.acta.parser import INTERNAL_ERROR

    started = time.perf_counter()
    result = parse_acta_text(text)
    elapsed = time.perf_counter() - started
    if elapsed > time_allowed(len(text.encode("utf-8", "surrogatepass"))):
        raise SlowInputError(f"{len(text)} characters took {elapsed:.2f} s")
    assert set(result) == SCHEMA
    assert set(result["session"]) == SESSION
    assert result["session"]["kind"] in (None, "ordinaria", "extraordinaria", "solemne")
    assert result["session"]["modality"] in (None, "presencial", "virtual", "híbrida")
    assert all(set(person) == {"name", "role"} and person["name"] for person in result["attendees"])
    assert all(isinstance(item["number"], int) for item in result["agenda"])
    assert all(item["vote"] in (None, "unanimidad", "mayoría") for item in result["agreements"])
    assert json.loads(json.dumps(result, ensure_ascii=False)) == result
    internal = INTERNAL_ERROR.split("{")[0]
    if any(warning.startswith(internal) for warning in result["warnings"]):
        # A reader raised and ``_guarded`` kept the rest: read again letting it through, so
        # that the report shows the reader's own traceback.
        with mock.patch.object(parser, "_guarded", _unguarded):
            parse_acta_text(text)
        raise AssertionError(result["warnings"])
    return result


def _unguarded(warnings: list[str], part: str, default: Any, read: Any) -> Any:
    return read()


def main() -> None:
    import atheris

    with atheris.instrument_imports(include=["abierto"]):
        import abierto.lib.acta  # noqa: F401

    def one_input(data: bytes) -> None:
        check(data)

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
