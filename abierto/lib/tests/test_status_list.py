"""The IETF Token Status List: bit layout, compression, and refusal of malformed lists."""

import contextlib
import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from abierto.lib.jws import b64url_encode
from abierto.lib.status_list import (
    INVALID,
    SUSPENDED,
    VALID,
    StatusList,
    StatusListError,
    status_list_payload,
)


def test_the_drafts_example_of_one_bit_statuses():
    """draft-ietf-oauth-status-list §4.1: statuses 1,0,0,1,1,1,0,1 | 1,1,0,0,0,1,0,1."""
    statuses = [1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1]
    status_list = StatusList(16)
    for index, status in enumerate(statuses):
        status_list.set(index, status)
    assert bytes(status_list.data) == bytes([0xB9, 0xA3])
    claim = status_list.to_claim()
    assert claim["bits"] == 1
    assert zlib.decompress(__import__("base64").urlsafe_b64decode(claim["lst"] + "==")) == bytes(
        [0xB9, 0xA3]
    )


def test_two_bit_statuses_keep_index_zero_in_the_low_bits():
    status_list = StatusList(4, bits=2)
    status_list.set(0, INVALID)
    status_list.set(1, SUSPENDED)
    status_list.set(3, 3)
    assert bytes(status_list.data) == bytes([0b11_00_10_01])
    assert [status_list.get(i) for i in range(4)] == [INVALID, SUSPENDED, VALID, 3]


def test_a_large_sparse_list_compresses_to_almost_nothing():
    status_list = StatusList(1_000_000)
    status_list.set(123_456, INVALID)
    assert len(status_list.to_claim()["lst"]) < 1000


@pytest.mark.parametrize(
    "claim",
    [
        None,
        {"bits": 3, "lst": "eNoDAAAAAAE"},
        {"bits": 1},
        {"bits": 1, "lst": "not*base64"},
        {"bits": 1, "lst": b64url_encode(b"not zlib")},
        {"bits": 1, "lst": b64url_encode(zlib.compress(b"\x00" * 100)[:-3])},
    ],
)
def test_malformed_claims_are_refused(claim):
    with pytest.raises(StatusListError):
        StatusList.from_claim(claim)


def test_an_index_outside_the_list_is_refused():
    with pytest.raises(StatusListError):
        StatusList(8).get(8)
    with pytest.raises(StatusListError):
        StatusList(8).set(0, 2)


def test_the_payload_names_the_uri_it_answers_for():
    payload = status_list_payload(
        uri="https://x/estado/rc", status_list=StatusList(8), issued_at=1, ttl=300
    )
    assert payload["sub"] == "https://x/estado/rc"
    assert payload["ttl"] == 300
    assert payload["status_list"]["bits"] == 1


@given(st.sampled_from([1, 2, 4, 8]), st.data())
def test_any_statuses_survive_the_round_trip(bits, data):
    statuses = data.draw(st.lists(st.integers(0, (1 << bits) - 1), max_size=200))
    status_list = StatusList(len(statuses), bits)
    for index, status in enumerate(statuses):
        status_list.set(index, status)
    restored = StatusList.from_claim(status_list.to_claim())
    assert [restored.get(i) for i in range(len(statuses))] == statuses


@given(st.binary(max_size=200))
def test_garbage_lst_is_a_status_list_error_or_a_list(garbage):
    with contextlib.suppress(StatusListError):
        StatusList.from_claim({"bits": 1, "lst": b64url_encode(garbage)})
