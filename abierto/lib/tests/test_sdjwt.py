"""SD-JWT: what is issued round-trips, hides what is not disclosed, and every forgery fails;
the reference implementation (``sd_jwt``, OpenWallet Foundation) reads it the same way."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jwcrypto.jwk import JWK
from jwcrypto.jws import InvalidJWSSignature
from sd_jwt.verifier import SDJWTVerifier

from abierto.lib import jws, sdjwt

KEY = jws.generate_private_key()
KID = "registro-civil-2026-a1"
CLAIMS = {"iss": "https://abierto.example/carpeta/emisores/rc", "vct": "https://x/t", "iat": 1}
FIELDS = {"nombre": "María", "fecha_nacimiento": "1988-03-14", "mayor_de_18": True}


def resolver(kid):
    return KEY.public_key() if kid == KID else None


def issued():
    return sdjwt.issue(CLAIMS, FIELDS, KEY, KID)


def reference_verify(presentation):
    jwk = JWK.from_json(json.dumps(jws.public_jwk(KEY.public_key(), KID)))
    return SDJWTVerifier(presentation, lambda issuer, header: jwk).get_verified_payload()


def test_the_holder_discloses_only_the_chosen_claims():
    verified = sdjwt.verify(issued().present(["nombre", "mayor_de_18"]), resolver)
    assert verified.disclosed == {"nombre": "María", "mayor_de_18": True}
    assert verified.claims == CLAIMS
    assert verified.header == {"alg": "EdDSA", "kid": KID, "typ": "dc+sd-jwt"}


def test_the_undisclosed_value_appears_nowhere_in_the_presentation():
    presentation = issued().present(["nombre"])
    jwt, disclosures, _ = sdjwt.split(presentation)
    decoded = [sdjwt.decode_disclosure(d) for d in disclosures]
    assert [name for _, name, _ in decoded] == ["nombre"]
    payload = jws.b64url_decode(jwt.split(".")[1]).decode()
    assert "1988" not in payload
    assert "fecha_nacimiento" not in payload


def test_the_reference_library_verifies_what_is_issued_with_the_chosen_claims_only():
    payload = reference_verify(issued().present(["nombre", "mayor_de_18"]))
    assert payload == {**CLAIMS, "nombre": "María", "mayor_de_18": True}


def test_the_reference_library_sees_every_claim_in_the_full_sd_jwt():
    assert reference_verify(issued().present()) == {**CLAIMS, **FIELDS}


def test_the_reference_library_refuses_a_forged_signature():
    other = jws.generate_private_key()
    forged = sdjwt.issue(CLAIMS, FIELDS, other, KID).present()
    with pytest.raises(InvalidJWSSignature):
        reference_verify(forged)


def test_decoy_digests_hide_the_number_of_claims_and_verifiers_ignore_them():
    padded = sdjwt.issue(CLAIMS, FIELDS, KEY, KID, decoys=5)
    payload = json.loads(jws.b64url_decode(padded.jwt.split(".")[1]))
    assert len(payload["_sd"]) == len(FIELDS) + 5
    assert payload["_sd"] == sorted(payload["_sd"])
    assert sdjwt.verify(padded.present(["nombre"]), resolver).disclosed == {"nombre": "María"}
    assert reference_verify(padded.present()) == {**CLAIMS, **FIELDS}


def test_a_tampered_disclosure_is_refused():
    presentation = issued().present(["nombre"])
    jwt, [disclosure], _ = sdjwt.split(presentation)
    salt, name, _value = sdjwt.decode_disclosure(disclosure)
    forged = sdjwt.compose(jwt, [sdjwt.encode_disclosure(salt, name, "Otra Persona")])
    with pytest.raises(jws.InvalidToken) as caught:
        sdjwt.verify(forged, resolver)
    assert caught.value.reason == "unreferenced_disclosure"


def test_a_disclosure_taken_from_another_credential_is_refused():
    mine = issued()
    theirs = sdjwt.issue(CLAIMS, {**FIELDS, "nombre": "Otra"}, KEY, KID)
    forged = sdjwt.compose(mine.jwt, [theirs.disclosures["nombre"]])
    with pytest.raises(jws.InvalidToken, match="unreferenced_disclosure"):
        sdjwt.verify(forged, resolver)


def test_a_repeated_disclosure_is_refused():
    mine = issued()
    twice = sdjwt.compose(mine.jwt, [mine.disclosures["nombre"]] * 2)
    with pytest.raises(jws.InvalidToken, match="duplicate_disclosure"):
        sdjwt.verify(twice, resolver)


def test_a_tampered_signature_is_refused():
    jwt, disclosures, _ = sdjwt.split(issued().present())
    head, body, signature = jwt.split(".")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    with pytest.raises(jws.InvalidToken):
        sdjwt.verify(sdjwt.compose(f"{head}.{body}.{flipped}", disclosures), resolver)


def test_a_key_binding_jwt_is_refused_since_no_holder_key_is_bound():
    with pytest.raises(jws.InvalidToken, match="key_binding_unsupported"):
        sdjwt.verify(issued().present() + "eyJ.eyJ.sig", resolver)


def test_a_plain_jwt_type_is_refused():
    token = jws.sign_compact({**CLAIMS, "_sd": []}, KEY, KID, typ="JWT")
    with pytest.raises(jws.InvalidToken, match="wrong_typ"):
        sdjwt.verify(token + "~", resolver)


def test_a_disclosure_of_a_claim_already_in_clear_is_refused():
    salt = sdjwt.new_salt()
    shadow = sdjwt.encode_disclosure(salt, "vct", "https://evil/t")
    payload = {**CLAIMS, "_sd": [sdjwt.disclosure_digest(shadow)], "_sd_alg": "sha-256"}
    token = jws.sign_compact(payload, KEY, KID, typ=sdjwt.TYP)
    with pytest.raises(jws.InvalidToken):
        sdjwt.verify(sdjwt.compose(token, [shadow]), resolver)


def test_registered_claims_cannot_be_made_disclosable():
    with pytest.raises(ValueError, match="status"):
        sdjwt.issue(CLAIMS, {"status": {}}, KEY, KID)


@pytest.mark.parametrize(
    "garbage", ["", "~", "a.b.c", "x" * 70_000, "~~", "a.b.c~~", 7, "a.b.c~%%%~"]
)
def test_garbage_is_an_invalid_token_never_another_error(garbage):
    with pytest.raises(jws.InvalidToken):
        sdjwt.verify(garbage, resolver)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
claim_names = st.text(min_size=1, max_size=20).filter(lambda n: n not in sdjwt.NEVER_DISCLOSABLE)


@settings(max_examples=60, deadline=None)
@given(fields=st.dictionaries(claim_names, json_values, max_size=8), data=st.data())
def test_issue_then_verify_returns_exactly_the_chosen_claims(fields, data):
    chosen = data.draw(st.sets(st.sampled_from(sorted(fields))) if fields else st.just(set()))
    presentation = sdjwt.issue(CLAIMS, fields, KEY, KID).present(chosen)
    verified = sdjwt.verify(presentation, resolver)
    assert verified.disclosed == {name: fields[name] for name in chosen}
    assert verified.claims == CLAIMS


@given(salt=st.text(max_size=30), name=st.text(max_size=30), value=json_values)
def test_a_disclosure_decodes_to_what_was_encoded(salt, name, value):
    if name in ("_sd", "..."):
        return
    assert sdjwt.decode_disclosure(sdjwt.encode_disclosure(salt, name, value)) == (
        salt,
        name,
        value,
    )
