"""Envelope encryption: round trips, rotation by re-wrapping, and tampering detected."""

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from abierto.lib.envelope import DecryptionError, KeyRingError, MasterKeyRing

OLD = MasterKeyRing.from_spec(MasterKeyRing.new_key_spec("k0"))
NEW_SPEC = MasterKeyRing.new_key_spec("k1")
ROTATED = MasterKeyRing.from_spec(f"{NEW_SPEC},{MasterKeyRing.new_key_spec('k0')}")


def test_the_first_key_of_the_spec_is_the_current_one():
    ring = MasterKeyRing.from_spec(f"{NEW_SPEC}, k0:{base64.b64encode(bytes(32)).decode()}")
    assert ring.current_kid == "k1"
    assert set(ring.keys) == {"k0", "k1"}


@pytest.mark.parametrize(
    "spec",
    ["", "k0", "k0:not base64!", "k0:" + base64.b64encode(bytes(16)).decode(), "k 0:AAAA"],
)
def test_unusable_specs_are_refused(spec):
    with pytest.raises(KeyRingError):
        MasterKeyRing.from_spec(spec)


def test_encrypt_then_decrypt():
    ciphertext, wrapped, kid = OLD.encrypt(b"acta de nacimiento", b"doc:1")
    assert kid == "k0"
    assert b"acta" not in ciphertext
    assert OLD.decrypt(ciphertext, wrapped, kid, b"doc:1") == b"acta de nacimiento"


def test_another_records_aad_does_not_decrypt():
    ciphertext, wrapped, kid = OLD.encrypt(b"secreto", b"doc:1")
    with pytest.raises(DecryptionError):
        OLD.decrypt(ciphertext, wrapped, kid, b"doc:2")


def test_rewrap_moves_the_data_key_to_the_current_master_key_without_touching_the_data():
    old_ring = MasterKeyRing(keys={"k0": b"\x01" * 32}, current_kid="k0")
    new_ring = MasterKeyRing(keys={"k1": b"\x02" * 32, "k0": b"\x01" * 32}, current_kid="k1")
    ciphertext, wrapped, kid = old_ring.encrypt(b"datos", b"aad")
    rewrapped, new_kid = new_ring.rewrap(wrapped, kid)
    assert new_kid == "k1"
    assert new_ring.decrypt(ciphertext, rewrapped, new_kid, b"aad") == b"datos"
    only_new = MasterKeyRing(keys={"k1": b"\x02" * 32}, current_kid="k1")
    assert only_new.decrypt(ciphertext, rewrapped, "k1", b"aad") == b"datos"
    with pytest.raises(DecryptionError):
        only_new.decrypt(ciphertext, wrapped, "k0", b"aad")


def test_a_wrapped_key_does_not_unwrap_under_another_key_id():
    ring = MasterKeyRing(keys={"a": b"\x01" * 32, "b": b"\x01" * 32}, current_kid="a")
    ciphertext, wrapped, _kid = ring.encrypt(b"x", b"")
    with pytest.raises(DecryptionError):
        ring.decrypt(ciphertext, wrapped, "b", b"")


def test_sealed_blobs_round_trip_and_reseal():
    old_ring = MasterKeyRing(keys={"k0": b"\x01" * 32}, current_kid="k0")
    new_ring = MasterKeyRing(keys={"k1": b"\x02" * 32, "k0": b"\x01" * 32}, current_kid="k1")
    sealed = old_ring.seal(b"JBSWY3DPEHPK3PXP", b"totp:7")
    assert MasterKeyRing.sealed_kid(sealed) == "k0"
    resealed = new_ring.reseal(sealed)
    assert MasterKeyRing.sealed_kid(resealed) == "k1"
    assert new_ring.unseal(resealed, b"totp:7") == b"JBSWY3DPEHPK3PXP"


@given(st.binary(max_size=2000), st.binary(max_size=64))
def test_any_plaintext_round_trips(plaintext, aad):
    ciphertext, wrapped, kid = ROTATED.encrypt(plaintext, aad)
    assert ROTATED.decrypt(ciphertext, wrapped, kid, aad) == plaintext
    assert ROTATED.unseal(ROTATED.seal(plaintext, aad), aad) == plaintext


def _flip(data: bytes, position: int, mask: int) -> bytes:
    position %= len(data)
    return data[:position] + bytes([data[position] ^ mask]) + data[position + 1 :]


@settings(max_examples=200)
@given(st.binary(max_size=200), st.integers(0, 10_000), st.integers(1, 255), st.booleans())
def test_any_changed_byte_fails_as_a_decryption_error(plaintext, position, mask, in_key):
    ciphertext, wrapped, kid = ROTATED.encrypt(plaintext, b"aad")
    if in_key:
        wrapped = _flip(wrapped, position, mask)
    else:
        ciphertext = _flip(ciphertext, position, mask)
    with pytest.raises(DecryptionError):
        ROTATED.decrypt(ciphertext, wrapped, kid, b"aad")


@settings(max_examples=200)
@given(st.binary(max_size=100), st.integers(0, 10_000), st.integers(1, 255))
def test_any_changed_byte_of_a_sealed_blob_fails_as_a_decryption_error(plaintext, position, mask):
    sealed = ROTATED.seal(plaintext, b"aad")
    with pytest.raises(DecryptionError):
        ROTATED.unseal(_flip(sealed, position, mask), b"aad")


@given(st.binary(max_size=300))
def test_garbage_is_a_decryption_error(garbage):
    with pytest.raises(DecryptionError):
        ROTATED.unseal(garbage, b"")
    with pytest.raises(DecryptionError):
        ROTATED.decrypt(garbage, garbage, "k1", b"")
