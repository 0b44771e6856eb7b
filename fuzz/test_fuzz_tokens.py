"""The token fuzz target under hypothesis: bounded, run by CI with the rest of the suite."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.fuzz_tokens import (
    World,
    build_world,
    check_folder,
    check_jws,
    mutate,
    seed_tokens,
    token_from_bytes,
)

CORPUS = Path(__file__).parent / "corpus" / "tokens"
SEEDS = sorted(path.read_text(encoding="utf-8") for path in CORPUS.iterdir())
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
FAST = settings(max_examples=150, deadline=None, database=None)


def test_the_corpus_holds_the_seed_tokens():
    assert sorted(seed_tokens()) == SEEDS


@st.composite
def mutated_seed(draw):
    token = list(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(token) - 1))
        token[where] = draw(st.sampled_from(B64 + ".=\u00e9\x00 \n"))
    return "".join(token)


@FAST
@given(
    st.one_of(
        mutated_seed(),
        st.text(max_size=300),
        st.lists(st.text(B64, max_size=90), min_size=3, max_size=3).map(".".join),
        st.binary(max_size=300).map(lambda data: data.decode("utf-8", "surrogateescape")),
    )
)
def test_jws_refuses_everything_but_genuine_tokens(token):
    check_jws(token)


def test_the_genuine_seed_verifies_and_the_attacks_do_not():
    from abierto.lib import jws
    from fuzz.fuzz_tokens import _resolve

    genuine, second, *attacks = seed_tokens()[:8]
    assert jws.verify_compact(genuine, _resolve, typ="carpeta+jwt")["iss"] == "registro-civil"
    assert jws.verify_compact(second, _resolve)["sub"] == "x"
    for attack in attacks:
        with pytest.raises(jws.InvalidToken):
            jws.verify_compact(attack, _resolve)


def test_a_payload_segment_outside_ascii_is_an_invalid_token():
    """Found by the fuzzer: a non-ASCII character in the payload segment of a token whose
    header and signature were well formed escaped as UnicodeEncodeError."""
    from abierto.lib import jws
    from fuzz.fuzz_tokens import _resolve

    header, payload, signature = seed_tokens()[0].split(".")
    for changed in (payload[:5] + "é" + payload[6:], payload + "\udcff"):
        with pytest.raises(jws.InvalidToken) as caught:
            jws.verify_compact(f"{header}.{changed}.{signature}", _resolve)
        assert caught.value.reason in {"malformed_payload", "bad_signature"}


@pytest.fixture
def world(db, settings):
    settings.AXES_FAILURE_LIMIT = 10**9  # the fuzzer's many failures must not lock it out
    return build_world()


def test_the_genuine_tokens_pass_every_verifier(world: World):
    for token in world.genuine():
        check_folder(token, world)


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.binary(min_size=2, max_size=16), raw=st.binary(max_size=120))
def test_tampered_and_random_tokens_are_refused_by_the_folder(world, data, raw):
    check_folder(token_from_bytes(raw), world)
    for genuine in world.genuine():
        check_folder(mutate(genuine, data), world)
