"""Compact EdDSA JWS: round trips, and every kind of forgery is an InvalidToken."""

import base64
import hashlib
import hmac
import json

import jwt as pyjwt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from abierto.lib.canonical_json import canonical_dumps
from abierto.lib.jws import (
    InvalidToken,
    b64url_decode,
    b64url_encode,
    decode_header,
    generate_private_key,
    private_key_from_text,
    private_key_to_pem,
    public_jwk,
    public_key_from_jwk,
    sign_compact,
    verify_compact,
)

KEY = generate_private_key()
OTHER = generate_private_key()
KID = "registro-civil-2026-a1"


def resolver(kid):
    return KEY.public_key() if kid == KID else None


PAYLOAD = {"iss": "registro-civil", "jti": "abc", "fields": {"nombre": "María", "n": 3}}


def test_a_signed_payload_verifies_and_comes_back_unchanged():
    token = sign_compact(PAYLOAD, KEY, KID)
    assert verify_compact(token, resolver) == PAYLOAD
    assert decode_header(token) == {"alg": "EdDSA", "kid": KID, "typ": "JWT"}


def test_the_payload_is_canonical_json():
    token = sign_compact({"b": 1, "a": [1, 2]}, KEY, KID)
    assert b64url_decode(token.split(".")[1]) == b'{"a":[1,2],"b":1}'


def test_a_signature_by_another_key_is_refused():
    token = sign_compact(PAYLOAD, OTHER, KID)
    with pytest.raises(InvalidToken) as error:
        verify_compact(token, resolver)
    assert error.value.reason == "bad_signature"


def test_an_unknown_key_id_is_refused():
    token = sign_compact(PAYLOAD, KEY, "otra-clave")
    with pytest.raises(InvalidToken) as error:
        verify_compact(token, resolver)
    assert error.value.reason == "unknown_kid"


def test_a_changed_payload_is_refused():
    header, _payload, signature = sign_compact(PAYLOAD, KEY, KID).split(".")
    forged = b64url_encode(canonical_dumps({**PAYLOAD, "jti": "xyz"}))
    with pytest.raises(InvalidToken) as error:
        verify_compact(f"{header}.{forged}.{signature}", resolver)
    assert error.value.reason == "bad_signature"


def _unsigned(header, payload):
    return (
        b64url_encode(json.dumps(header).encode())
        + "."
        + b64url_encode(json.dumps(payload).encode())
    )


def test_alg_none_is_refused_before_any_key_is_looked_up():
    looked_up = []
    token = _unsigned({"alg": "none", "kid": KID}, PAYLOAD) + ".c2ln"
    with pytest.raises(InvalidToken) as error:
        verify_compact(token, lambda kid: looked_up.append(kid))
    assert error.value.reason == "unsupported_alg"
    assert looked_up == []
    with pytest.raises(InvalidToken):
        verify_compact(_unsigned({"alg": "none", "kid": KID}, PAYLOAD) + ".", resolver)


def test_hs256_with_the_public_key_as_secret_is_refused():
    """The classic algorithm confusion: an HMAC keyed with the published key."""
    public_bytes = base64.urlsafe_b64decode(public_jwk(KEY.public_key(), KID)["x"] + "=")
    signing_input = _unsigned({"alg": "HS256", "kid": KID, "typ": "JWT"}, PAYLOAD)
    mac = hmac.new(public_bytes, signing_input.encode(), hashlib.sha256).digest()
    with pytest.raises(InvalidToken) as error:
        verify_compact(f"{signing_input}.{b64url_encode(mac)}", resolver)
    assert error.value.reason == "unsupported_alg"


def test_a_crit_header_is_refused():
    header = b64url_encode(canonical_dumps({"alg": "EdDSA", "kid": KID, "crit": ["exp"]}))
    payload = b64url_encode(canonical_dumps(PAYLOAD))
    signature = b64url_encode(KEY.sign(f"{header}.{payload}".encode()))
    with pytest.raises(InvalidToken) as error:
        verify_compact(f"{header}.{payload}.{signature}", resolver)
    assert error.value.reason == "unsupported_header"


def test_the_expected_typ_is_enforced():
    token = sign_compact(PAYLOAD, KEY, KID, typ="statuslist+jwt")
    assert verify_compact(token, resolver, typ="statuslist+jwt") == PAYLOAD
    with pytest.raises(InvalidToken) as error:
        verify_compact(token, resolver, typ="JWT")
    assert error.value.reason == "wrong_typ"


def test_a_second_spelling_of_the_signature_is_refused():
    token = sign_compact(PAYLOAD, KEY, KID)
    head, signature = token.rsplit(".", 1)
    # 64 bytes are 86 characters: the last one carries 4 unused bits.
    last = signature[-1]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    sibling = alphabet[alphabet.index(last) ^ 1]
    assert base64.urlsafe_b64decode(signature[:-1] + sibling + "==") == base64.urlsafe_b64decode(
        signature + "=="
    )
    with pytest.raises(InvalidToken):
        verify_compact(f"{head}.{signature[:-1]}{sibling}", resolver)


def test_a_payload_with_a_duplicate_member_is_refused():
    header = b64url_encode(canonical_dumps({"alg": "EdDSA", "kid": KID, "typ": "JWT"}))
    payload = b64url_encode(b'{"jti":"a","jti":"b"}')
    signature = b64url_encode(KEY.sign(f"{header}.{payload}".encode()))
    with pytest.raises(InvalidToken) as error:
        verify_compact(f"{header}.{payload}.{signature}", resolver)
    assert error.value.reason == "malformed_payload"


def test_pyjwt_verifies_our_tokens_with_our_jwk():
    token = sign_compact(PAYLOAD, KEY, KID)
    key = pyjwt.PyJWK(public_jwk(KEY.public_key(), KID))
    assert pyjwt.decode(token, key, algorithms=["EdDSA"]) == PAYLOAD


def test_keys_survive_pem_and_base64_round_trips():
    pem = private_key_to_pem(KEY)
    for text in (pem, pem.decode(), base64.b64encode(pem).decode()):
        restored = private_key_from_text(text)
        assert public_jwk(restored.public_key(), KID) == public_jwk(KEY.public_key(), KID)
    jwk = public_jwk(KEY.public_key(), KID)
    token = sign_compact(PAYLOAD, KEY, KID)
    assert verify_compact(token, lambda kid: public_key_from_jwk(jwk)) == PAYLOAD


@settings(max_examples=300)
@given(st.data())
def test_any_changed_character_makes_the_token_invalid(data):
    token = sign_compact(PAYLOAD, KEY, KID)
    position = data.draw(st.integers(0, len(token) - 1))
    replacement = data.draw(
        st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ")
    )
    if replacement == token[position]:
        return
    tampered = token[:position] + replacement + token[position + 1 :]
    with pytest.raises(InvalidToken):
        verify_compact(tampered, resolver)


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300).map(lambda b: b.hex())))
def test_garbage_is_always_an_invalid_token(garbage):
    with pytest.raises(InvalidToken):
        verify_compact(garbage, resolver)


@given(
    st.lists(
        st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        min_size=3,
        max_size=3,
    )
)
def test_three_segments_of_base64url_noise_are_an_invalid_token(segments):
    with pytest.raises(InvalidToken):
        verify_compact(".".join(segments), resolver)


@given(
    st.dictionaries(
        st.text(max_size=10),
        st.one_of(st.text(max_size=20), st.integers(-(2**40), 2**40), st.booleans(), st.none()),
        max_size=10,
    )
)
def test_any_payload_round_trips(payload):
    assert verify_compact(sign_compact(payload, KEY, KID), resolver) == payload


@settings(max_examples=500)
@given(
    st.text(
        alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .",
        max_size=12,
    )
)
def test_base64url_decoding_accepts_exactly_the_one_spelling_of_each_byte_string(text):
    """Only the unpadded base64url that encoding the decoded bytes gives back is accepted:
    no padding, no other alphabet, no last character with its unused bits set."""
    try:
        reference = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        canonical = (
            base64.urlsafe_b64encode(reference).rstrip(b"=").decode("ascii") == text
            and "=" not in text
        )
    except ValueError:
        canonical = False
    if canonical:
        assert b64url_decode(text) == reference
    else:
        with pytest.raises(ValueError, match="not canonical"):
            b64url_decode(text)


def test_a_last_character_with_unused_bits_set_is_another_spelling_refused():
    assert b64url_decode("QQ") == b"A"
    for other in ("QR", "QS", "Qf"):  # the same byte, the unused bits set
        with pytest.raises(ValueError, match="not canonical"):
            b64url_decode(other)
    assert b64url_decode("QUI") == b"AB"
    with pytest.raises(ValueError, match="not canonical"):
        b64url_decode("QUJ")
