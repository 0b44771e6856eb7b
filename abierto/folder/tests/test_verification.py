"""Public verification: forged, foreign-key, expired, revoked and garbage tokens; JWKS."""

import base64
import datetime
import hashlib
import hmac
import json
import zlib
from urllib.parse import quote

import jwt as pyjwt
import pytest
import time_machine
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from abierto.folder import keys, selectors, services
from abierto.folder.formats import DOCUMENT_TYP
from abierto.folder.models import AccessEvent
from abierto.lib import jws
from abierto.lib.canonical_json import canonical_dumps

from .factories import DocumentTypeFactory, issue


def verify_json(client, token):
    response = client.get(f"/v/{token}", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    return response.json()


def resign(token, change, *, key=None, kid=None):
    """The token's payload changed by ``change`` and signed again with ``key``/``kid``."""
    header = jws.decode_header(token)
    payload = json.loads(jws.b64url_decode(token.split(".")[1]))
    change(payload)
    return jws.sign_compact(
        payload, key or jws.generate_private_key(), kid or header["kid"], typ=DOCUMENT_TYP
    )


@pytest.mark.django_db
def test_a_genuine_document_verifies_without_login(client, issuer, birth_type):
    document = issue(issuer, birth_type, reference="N-1")
    body = verify_json(client, selectors.document_token(document))
    assert body["valid"] is True
    assert body["status"] == "valid"
    assert body["document_type"] == birth_type.slug
    assert body["issuer"] == issuer.slug
    assert body["document_id"] == document.public_id
    assert body["fields"]["nombre"] == "María Hernández López"
    assert body["issued_at"] == document.issued_at.isoformat()


@pytest.mark.django_db
def test_the_html_page_is_in_spanish(client, issuer, birth_type):
    document = issue(issuer, birth_type)
    response = client.get(f"/v/{selectors.document_token(document)}")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Documento válido" in content
    assert birth_type.name in content
    assert "Fecha de nacimiento" in content  # the schema's title as the label
    # As the folder and the PDF show it: written out, not the ISO date of the token.
    assert "14 de marzo de 1988" in content
    assert "1988-03-14" not in content
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    garbage = client.get("/v/no-es-un-token")
    assert "No se pudo verificar" in garbage.content.decode()


@pytest.mark.django_db
def test_the_html_page_shows_yes_and_no_for_booleans(client, issuer):
    schema = {
        "type": "object",
        "properties": {"donador": {"type": "boolean", "title": "Donador de órganos"}},
        "required": ["donador"],
    }
    licence = DocumentTypeFactory(issuers=[issuer], json_schema=schema)
    document = issue(issuer, licence, donador=True)
    content = client.get(f"/v/{selectors.document_token(document)}").content.decode()
    assert "<dt>Donador de órganos</dt><dd>Sí</dd>" in content
    assert "True" not in content


@pytest.mark.django_db
def test_a_forged_signature_is_invalid(client, issuer, birth_type):
    token = selectors.document_token(issue(issuer, birth_type))
    forged = resign(token, lambda payload: payload["fields"].update(nombre="Impostora"))
    body = verify_json(client, forged)
    assert body == {**body, "valid": False, "status": "invalid", "reason": "bad_signature"}
    assert body["fields"] == {}


@pytest.mark.django_db
def test_a_changed_field_with_the_original_signature_is_invalid(client, issuer, birth_type):
    header, payload, signature = selectors.document_token(issue(issuer, birth_type)).split(".")
    claims = json.loads(jws.b64url_decode(payload))
    claims["fields"]["nombre"] = "Impostora"
    tampered = f"{header}.{jws.b64url_encode(canonical_dumps(claims))}.{signature}"
    assert verify_json(client, tampered)["status"] == "invalid"


@pytest.mark.django_db
def test_an_unknown_key_id_is_invalid(client, issuer, birth_type):
    token = selectors.document_token(issue(issuer, birth_type))
    body = verify_json(client, resign(token, lambda payload: None, kid="clave-inventada"))
    assert (body["valid"], body["reason"]) == (False, "unknown_kid")


@pytest.mark.django_db
def test_another_issuers_key_cannot_sign_for_this_issuer(client, issuer, other_issuer, birth_type):
    token = selectors.document_token(issue(issuer, birth_type))
    other_key = other_issuer.current_key()
    forged = resign(
        token, lambda payload: None, key=keys.private_key(other_key.kid), kid=other_key.kid
    )
    body = verify_json(client, forged)
    assert (body["valid"], body["reason"]) == (False, "issuer_mismatch")


@pytest.mark.django_db
def test_a_well_signed_token_for_a_document_never_issued_is_invalid(client, issuer, birth_type):
    token = selectors.document_token(issue(issuer, birth_type))
    key = issuer.current_key()
    invented = resign(
        token, lambda payload: payload.update(jti="A" * 22), key=keys.private_key(key.kid)
    )
    assert verify_json(client, invented)["reason"] == "unknown_document"


@pytest.mark.django_db
@pytest.mark.parametrize("alg", ["none", "HS256", "RS256", "ES256"])
def test_other_algorithms_are_refused(client, issuer, birth_type, alg):
    token = selectors.document_token(issue(issuer, birth_type))
    _header, payload, _signature = token.split(".")
    header = {"alg": alg, "kid": issuer.current_key().kid, "typ": DOCUMENT_TYP}
    # The classic confusion: an HMAC keyed with the published public key.
    x = base64.urlsafe_b64decode(issuer.current_key().x + "=")
    signing_input = jws.b64url_encode(canonical_dumps(header)) + "." + payload
    mac = hmac.new(x, signing_input.encode(), hashlib.sha256).digest()
    forged = f"{signing_input}.{jws.b64url_encode(mac)}"
    body = verify_json(client, forged)
    assert (body["valid"], body["reason"]) == (False, "unsupported_alg")
    assert verify_json(client, forged.rsplit(".", 1)[0] + ".")["valid"] is False


@pytest.mark.django_db
def test_an_expired_document_says_so(client, issuer):
    licence = DocumentTypeFactory(issuers=[issuer], validity_days=30, related_holders=[])
    token = selectors.document_token(issue(issuer, licence))
    with time_machine.travel(timezone.now() + datetime.timedelta(days=31)):
        body = verify_json(client, token)
    assert (body["valid"], body["status"]) == (False, "expired")
    assert body["document_type"] == licence.slug


def status_bit(client, issuer_slug, index):
    response = client.get(f"/carpeta/estado/{issuer_slug}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/statuslist+jwt"
    key = pyjwt.PyJWK(selectors.jwks()["keys"][0])
    claims = pyjwt.decode(
        response.content, key, algorithms=["EdDSA"], options={"verify_exp": False}
    )
    assert claims["sub"] == f"http://testserver/carpeta/estado/{issuer_slug}"
    raw = zlib.decompress(base64.urlsafe_b64decode(claims["status_list"]["lst"] + "=="))
    return (raw[index // 8] >> (index % 8)) & 1, response


@pytest.mark.django_db
def test_a_revoked_document_is_refused_and_flagged_in_the_status_list(client, issuer, birth_type):
    issue(issuer, birth_type, cuts="OTRO000001")
    document = issue(issuer, birth_type)
    token = selectors.document_token(document)
    bit, before = status_bit(client, issuer.slug, document.status_index)
    assert bit == 0
    services.document_revoke(document=document, reason="Acta cancelada.", actor_label="Prueba")
    body = verify_json(client, token)
    assert (body["valid"], body["status"]) == (False, "revoked")
    bit, after = status_bit(client, issuer.slug, document.status_index)
    assert bit == 1
    assert after["ETag"] != before["ETag"]
    assert status_bit(client, issuer.slug, document.status_index - 1)[0] == 0
    with pytest.raises(services.AlreadyRevokedError):
        services.document_revoke(document=document, reason="Otra vez.", actor_label="Prueba")


@pytest.mark.django_db
def test_the_status_list_answers_304_to_a_matching_etag(client, issuer, birth_type):
    issue(issuer, birth_type)
    # Both requests inside one FOLDER_STATUS_LIST_TTL window: the token is reissued at the next.
    with time_machine.travel(timezone.now(), tick=False):
        first = client.get(f"/carpeta/estado/{issuer.slug}")
        assert "max-age=" in first["Cache-Control"]
        again = client.get(f"/carpeta/estado/{issuer.slug}", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert client.get("/carpeta/estado/no-existe").status_code == 404


@pytest.mark.django_db
def test_key_rotation_keeps_old_documents_valid(client, issuer, birth_type):
    old = issue(issuer, birth_type, cuts="ANTES00001")
    old_kid = issuer.current_key().kid
    new_key = services.issuer_key_generate(actor=None, issuer=issuer)
    new = issue(issuer, birth_type, cuts="DESPUES001")
    assert new.issuer_key == new_key
    assert old.issuer_key.kid == old_kid
    assert verify_json(client, selectors.document_token(old))["valid"] is True
    assert verify_json(client, selectors.document_token(new))["valid"] is True
    published = {jwk["kid"] for jwk in client.get("/.well-known/jwks.json").json()["keys"]}
    assert {old_kid, new_key.kid} <= published
    services.issuer_key_retire(actor=None, key=old.issuer_key)
    assert verify_json(client, selectors.document_token(old))["reason"] == "unknown_kid"
    assert old_kid not in {jwk["kid"] for jwk in selectors.jwks()["keys"]}


@pytest.mark.django_db
def test_an_independent_jose_library_verifies_documents_with_the_published_jwks(
    client, issuer, birth_type
):
    document = issue(issuer, birth_type)
    response = client.get("/.well-known/jwks.json")
    assert "max-age" in response["Cache-Control"]
    jwk_set = pyjwt.PyJWKSet.from_dict(response.json())
    token = selectors.document_token(document)
    kid = pyjwt.get_unverified_header(token)["kid"]
    claims = pyjwt.decode(token, jwk_set[kid], algorithms=["EdDSA"])
    assert claims["jti"] == document.public_id
    assert claims["fields"] == selectors.document_fields(document)
    with pytest.raises(pyjwt.InvalidSignatureError):
        pyjwt.decode(resign(token, lambda payload: None), jwk_set[kid], algorithms=["EdDSA"])


@pytest.mark.django_db
def test_a_verification_is_logged_for_the_holder_once_per_network(client, issuer, birth_type):
    document = issue(issuer, birth_type)
    token = selectors.document_token(document)
    for _repeat in range(3):
        verify_json(client, token)
    services.verification_spool_drain()  # spooled at the answer, chained in batches
    events = AccessEvent.objects.filter(document=document, action="verify")
    assert events.count() == 1
    assert events.get().ip_prefix == "127.0.0.0/24"
    client.get(f"/v/{token}", REMOTE_ADDR="2001:db8:1:2::7", HTTP_ACCEPT="application/json")
    services.verification_spool_drain()
    assert set(events.values_list("ip_prefix", flat=True)) == {"127.0.0.0/24", "2001:db8:1::/48"}


@pytest.mark.django_db
def test_behind_the_proxy_the_log_keeps_the_verifiers_network(client, issuer, birth_type, settings):
    settings.NINJA_NUM_PROXIES = 1
    document = issue(issuer, birth_type)
    token = selectors.document_token(document)
    for verifier in ("198.51.100.7", "203.0.113.9"):
        client.get(
            f"/v/{token}",
            REMOTE_ADDR="10.0.0.2",  # the proxy
            HTTP_X_FORWARDED_FOR=f"1.2.3.4, {verifier}",  # 1.2.3.4: written by the client
            HTTP_ACCEPT="application/json",
        )
    services.verification_spool_drain()
    events = AccessEvent.objects.filter(document=document, action="verify")
    assert set(events.values_list("ip_prefix", flat=True)) == {
        "198.51.100.0/24",
        "203.0.113.0/24",
    }


@pytest.mark.django_db
def test_a_document_id_alone_opens_nothing(client, issuer, birth_type):
    document = issue(issuer, birth_type)
    body = verify_json(client, document.public_id)
    assert (body["valid"], body["status"]) == (False, "invalid")
    assert body["fields"] == {}


@pytest.mark.django_db
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    garbage=st.one_of(
        st.text(min_size=1, max_size=400),
        st.lists(
            st.text(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", max_size=120
            ),
            min_size=3,
            max_size=3,
        ).map(".".join),
        st.binary(min_size=1, max_size=200).map(lambda b: base64.urlsafe_b64encode(b).decode()),
    )
)
def test_garbage_tokens_never_cause_a_server_error(client, issuer, birth_type, garbage):
    response = client.get("/v/" + quote(garbage, safe=""), HTTP_ACCEPT="application/json")
    if "\x00" in garbage:  # refused before any view (abierto/middleware.py)
        assert response.status_code == 400
        return
    assert response.status_code in {200, 404}
    if response.status_code == 200:
        assert response.json()["valid"] is False


@pytest.mark.django_db
@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_changed_character_of_a_real_token_is_invalid_over_http(
    client, issuer, birth_type, data
):
    document = issuer.documents.first() or issue(issuer, birth_type)
    token = selectors.document_token(document)
    position = data.draw(st.integers(0, len(token) - 1))
    replacement = data.draw(st.sampled_from("Aa0_-.xZ"))
    if replacement == token[position]:
        return
    tampered = token[:position] + replacement + token[position + 1 :]
    assert verify_json(client, tampered)["valid"] is False


@pytest.mark.django_db
def test_issuance_and_verification_are_counted_for_metrics(
    client, issuer, birth_type, django_capture_on_commit_callbacks
):
    from prometheus_client import REGISTRY

    def sample(name, **labels):
        return REGISTRY.get_sample_value(name, labels) or 0

    issued_before = sample("abierto_documents_issued_total", channel="api")
    with django_capture_on_commit_callbacks(execute=True):
        document = issue(issuer, birth_type, reference="metricas-1")
    assert sample("abierto_documents_issued_total", channel="api") == issued_before + 1
    valid_before = sample("abierto_verifications_total", outcome="valid")
    invalid_before = sample("abierto_verifications_total", outcome="invalid")
    verify_json(client, selectors.document_token(document))
    verify_json(client, "no.es.un-token")
    assert sample("abierto_verifications_total", outcome="valid") == valid_before + 1
    assert sample("abierto_verifications_total", outcome="invalid") == invalid_before + 1


@pytest.mark.django_db
def test_a_token_with_a_nul_character_is_a_400():
    from django.test import Client

    response = Client().get("/v/abc%00def", HTTP_ACCEPT="application/json")
    assert response.status_code == 400


@pytest.mark.django_db
def test_the_status_list_token_expires(client, issuer, birth_type, settings):
    settings.FOLDER_STATUS_LIST_VALIDITY = 3600
    issue(issuer, birth_type)
    response = client.get(f"/carpeta/estado/{issuer.slug}")
    key = pyjwt.PyJWK(selectors.jwks()["keys"][0])
    claims = pyjwt.decode(response.content, key, algorithms=["EdDSA"])  # checks exp too
    assert claims["exp"] == claims["iat"] + 3600
    assert claims["iat"] <= timezone.now().timestamp() < claims["exp"]
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        later = pyjwt.decode(
            client.get(f"/carpeta/estado/{issuer.slug}").content, key, algorithms=["EdDSA"]
        )
    assert later["exp"] > claims["exp"]
    with (
        time_machine.travel(timezone.now() + datetime.timedelta(hours=2)),
        pytest.raises(pyjwt.ExpiredSignatureError),
    ):
        pyjwt.decode(response.content, key, algorithms=["EdDSA"])
