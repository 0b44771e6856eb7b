"""The acta fuzz target under hypothesis: bounded, run by CI with the rest of the suite.

The seeds are the corpus the long atheris runs start from; hypothesis adds random files and
byte-level mutations of those seeds (the kind of change libFuzzer makes).
"""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fuzz.fuzz_acta import SUFFIXES, check, parse_text

CORPUS = Path(__file__).parent / "corpus" / "acta"
SEEDS = sorted(path.read_bytes() for path in CORPUS.iterdir())
TEXT_SEEDS = [seed for seed in SEEDS if not seed.startswith((b"PK", b"%PDF"))]
FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


@st.composite
def mutated_seed(draw, seeds=SEEDS):
    """A seed with a few bytes flipped, inserted or cut, or spliced with another seed."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 8))):
        where = draw(st.integers(0, max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["flip", "insert", "cut", "splice"]))
        if action == "flip" and data:
            data[where] = draw(st.integers(0, 255))
        elif action == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=16))
        elif action == "cut":
            del data[where : where + draw(st.integers(1, 64))]
        else:
            other = draw(st.sampled_from(seeds))
            start = draw(st.integers(0, max(len(other) - 1, 0)))
            data[where:] = other[start:]
    return bytes(data)


def test_every_seed_reads_with_no_reader_failing():
    assert len(SEEDS) >= 10
    for seed in SEEDS:
        assert check(seed, ".txt") is not None


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_an_empty_or_lying_file_is_refused_with_a_message(suffix):
    assert check(b"", suffix) is None
    assert check(b"\x00\x01\x02" * 100, suffix) is None


@FAST
@given(st.binary(max_size=2000), st.sampled_from(SUFFIXES))
def test_random_files(data, suffix):
    check(data, suffix)


@FAST
@given(mutated_seed(), st.sampled_from(SUFFIXES))
def test_mutated_actas(data, suffix):
    check(data, suffix)


@settings(max_examples=25, deadline=None, database=None)
@given(mutated_seed([seed for seed in SEEDS if seed.startswith(b"PK")]))
def test_mutated_word_files(data):
    check(data, ".docx")


@FAST
@given(st.text(max_size=3000))
def test_random_text(text):
    parse_text(text)


# Short units repeated into a long line: what makes a backtracking regular expression
# quadratic. Each must still read in about a second (see ``time_allowed``).
UNITS = [" ", "\u00a0", "\t", "l", "1", "Z", "I", ".", ". ", ":", "-", " -", "|", "ACUERDO"]


@settings(max_examples=20, deadline=None, database=None)
@given(
    st.one_of(st.sampled_from(UNITS), st.text(min_size=1, max_size=4)),
    st.sampled_from(["", "Acta ", "\n"]),
)
@example(" ", "Acta ")
@example("Z", "")
@example("l", "")
@example(". ", "Acta ")
def test_long_runs_of_one_unit_read_in_linear_time(unit, prefix):
    parse_text(prefix + unit * (30_000 // len(unit)) + " fin")


@pytest.mark.parametrize(
    "text",
    [
        " " * 30_000,  # normalize: _PAGE_LINE_RE, _TRAILING_DASHES_RE, _DASH_RUN_RE
        "l" * 30_000,  # normalize: _ROMAN_OCR_RE
        "Z" * 30_000,  # agreements: _BARE_CODE_RE; calendar: _SESSION_PHRASE_RE
        ". " * 15_000,  # agreements: _TRAILING_VOTE_RE
        ":" * 30_000,  # attendance: _ROLL_CALL_RE
    ],
    ids=["spaces", "ells", "capitals", "dots", "colons"],
)
def test_regression_inputs_that_took_seconds(text):
    parse_text(text)  # each took 3 to 7 s at 20,000 characters before the fix
