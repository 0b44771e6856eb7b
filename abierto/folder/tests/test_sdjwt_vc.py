"""Documents as SD-JWT VCs: the reference library verifies them with the chosen claims only;
metadata is where the draft says; the holder downloads one; shares reveal only chosen claims."""

from __future__ import annotations

import datetime
import html
import json
import re
from urllib.parse import urlsplit

import pytest
import time_machine
from django.test import Client
from jwcrypto.jwk import JWK
from sd_jwt.verifier import SDJWTVerifier

from abierto.folder import credentials, services
from abierto.folder.models import AccessEvent, Share
from abierto.lib import jws, sdjwt
from abierto.lib.status_list import INVALID, StatusList

from .citizen_helpers import active_citizen, folder_login
from .factories import IssuerFactory, issue

pytestmark = pytest.mark.django_db

CUTS = "SDJWT00001"


def metadata_url(iss):
    """Where SD-JWT VC puts the issuer's metadata: /.well-known/jwt-vc-issuer + iss's path."""
    parts = urlsplit(iss)
    return f"{parts.scheme}://{parts.netloc}/.well-known/jwt-vc-issuer{parts.path}"


def reference_verify(presentation):
    """The reference implementation, fed the keys the issuer metadata publishes."""
    client = Client()

    def issuer_key(iss, header):
        metadata = client.get(metadata_url(iss)).json()
        assert metadata["issuer"] == iss
        [jwk] = [key for key in metadata["jwks"]["keys"] if key["kid"] == header["kid"]]
        return JWK.from_json(json.dumps(jwk))

    return SDJWTVerifier(presentation, issuer_key).get_verified_payload()


@pytest.fixture
def document(issuer, birth_type):
    return issue(issuer, birth_type, cuts=CUTS, folio=1234)


def test_the_reference_library_verifies_a_document_with_the_chosen_claims_only(document):
    presentation = credentials.document_credential(document).present(["nombre", "mayor_de_18"])
    payload = reference_verify(presentation)
    assert {name: payload.pop(name) for name in ("nombre", "mayor_de_18")} == {
        "nombre": "María Hernández López",
        "mayor_de_18": True,
    }
    assert set(payload) == {"iss", "vct", "iat", "status"}
    assert payload["iss"] == f"http://testserver/carpeta/emisores/{document.issuer.slug}"
    assert payload["vct"] == f"http://testserver/carpeta/tipos/{document.document_type.slug}"
    assert payload["status"] == {
        "status_list": {
            "idx": document.status_index,
            "uri": f"http://testserver/carpeta/estado/{document.issuer.slug}",
        }
    }
    assert "1988" not in presentation.split("~")[0]


def test_the_header_names_the_sd_jwt_vc_media_type_and_the_issuer_key(document):
    issued = credentials.document_credential(document)
    assert jws.decode_header(issued.jwt) == {
        "alg": "EdDSA",
        "kid": document.issuer.current_key().kid,
        "typ": "dc+sd-jwt",
    }
    # The CUTS of the mother and father are optional fields, left empty here.
    assert set(issued.disclosures) == {"nombre", "fecha_nacimiento", "folio", "mayor_de_18"}


def test_empty_optional_fields_do_not_show_in_the_number_of_digests(issuer, birth_type, document):
    with_father = issue(issuer, birth_type, cuts=CUTS, folio=1, cuts_padre="PADRE00001")

    def digests(doc):
        jwt = credentials.document_credential(doc).jwt
        return len(json.loads(jws.b64url_decode(jwt.split(".")[1]))["_sd"])

    assert digests(document) == digests(with_father) == 6  # five fields and mayor_de_18


def test_mayor_de_18_is_computed_when_the_credential_is_signed(issuer, birth_type):
    document = issue(issuer, birth_type, cuts=CUTS, fecha_nacimiento="2008-12-06")

    def adult():
        issued = credentials.document_credential(document)
        return sdjwt.decode_disclosure(issued.disclosures["mayor_de_18"])[2]

    with time_machine.travel(datetime.datetime(2026, 12, 5, 12, tzinfo=datetime.UTC)):
        assert adult() is False
    with time_machine.travel(datetime.datetime(2026, 12, 6, 18, tzinfo=datetime.UTC)):
        assert adult() is True


def test_the_vct_url_serves_the_type_metadata(client, document):
    vct = credentials.vct_url(document.document_type.slug)
    response = client.get(vct)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    metadata = response.json()
    assert metadata["vct"] == vct
    assert metadata["name"] == document.document_type.name
    labels = {claim["path"][0]: claim["display"][0]["label"] for claim in metadata["claims"]}
    assert labels["fecha_nacimiento"] == "Fecha de nacimiento"
    assert labels["mayor_de_18"] == "Mayor de 18 años"
    assert client.get("/carpeta/tipos/no-existe").status_code == 404


def test_the_issuer_metadata_publishes_only_that_issuers_keys(client, issuer, other_issuer):
    response = client.get(f"/.well-known/jwt-vc-issuer/carpeta/emisores/{issuer.slug}")
    assert response.status_code == 200
    kids = [key["kid"] for key in response.json()["jwks"]["keys"]]
    assert kids == [issuer.current_key().kid]
    assert client.get(f"/carpeta/emisores/{issuer.slug}").json() == response.json()
    assert client.get("/.well-known/jwt-vc-issuer/carpeta/emisores/nadie").status_code == 404


# The holder's download -------------------------------------------------------------------------


def test_the_holder_downloads_the_sd_jwt_vc_and_the_download_is_logged(client, document):
    active = active_citizen(CUTS)
    folder_login(client, active.citizen)
    page = client.get(f"/carpeta/documentos/{document.public_id}/").content.decode()
    assert "Descargar para monedero digital (SD-JWT VC)" in page
    response = client.get(f"/carpeta/documentos/{document.public_id}/credencial.sd-jwt")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/dc+sd-jwt"
    assert (
        response["Cache-Control"].startswith("private") or "no-store" in response["Cache-Control"]
    )
    payload = reference_verify(response.content.decode())
    assert payload["fecha_nacimiento"] == "1988-03-14"
    assert payload["folio"] == 1234
    event = AccessEvent.objects.filter(action=AccessEvent.Action.DOWNLOAD).get()
    assert event.actor_label == "La persona titular (SD-JWT VC)"
    assert event.document == document


def test_someone_else_cannot_download_a_documents_sd_jwt_vc(client, document):
    other = active_citizen("OTRA000002")
    folder_login(client, other.citizen)
    response = client.get(f"/carpeta/documentos/{document.public_id}/credencial.sd-jwt")
    assert response.status_code == 404
    assert not AccessEvent.objects.filter(action=AccessEvent.Action.DOWNLOAD).exists()


# Shares with selective disclosure ---------------------------------------------------------------


def _share(client, document, claims, **extra):
    data = {
        "documents": [document.public_id],
        "claims": [f"{document.public_id}:{name}" for name in claims],
        "duration": "24",
        "max_views": "2",
        **extra,
    }
    return client.post("/carpeta/compartir/", data)


def _link(client):
    page = client.get("/carpeta/compartir/").content.decode()
    return re.search(r'id="enlace-compartido">([^<]+)<', page)[1].removeprefix("http://testserver")


def test_a_share_reveals_only_the_chosen_claims_as_an_sd_jwt_vc(client, document):
    active = active_citizen(CUTS)
    folder_login(client, active.citizen)
    form = client.get("/carpeta/compartir/").content.decode()
    assert "Revelar solo algunos datos (opcional)" in form
    assert f'value="{document.public_id}:mayor_de_18"' in form
    assert form.count('id="id_claims"') == 1
    assert re.search(r"<legend>Acta de prueba \d+ · \d\d/\d\d/\d{4}</legend>", form)
    assert (
        _share(client, document, ["nombre", "mayor_de_18"], recipient="Tienda").status_code == 302
    )
    share = Share.objects.get()
    assert share.disclosures == {document.public_id: ["nombre", "mayor_de_18"]}
    created = AccessEvent.objects.get(action=AccessEvent.Action.SHARE_CREATE)
    assert created.actor_label == "La persona titular (SD-JWT VC)"

    opened = Client().post(_link(client))
    assert opened.status_code == 200
    page = opened.content.decode()
    assert "María Hernández López" in page
    assert "Mayor de 18 años" in page
    assert "1988" not in page  # neither the date nor any token that carries it
    assert "Fecha de nacimiento" not in page
    assert "/v/" not in page
    presentation = html.unescape(re.search(r"<textarea[^>]*>([^<]+)</textarea>", page)[1])
    payload = reference_verify(presentation)
    assert payload["nombre"] == "María Hernández López"
    assert payload["mayor_de_18"] is True
    assert "fecha_nacimiento" not in payload
    assert "folio" not in payload
    viewed = AccessEvent.objects.get(action=AccessEvent.Action.SHARE_VIEW)
    assert viewed.actor_label == "Enlace compartido: Tienda (SD-JWT VC)"


def test_the_holders_list_of_links_says_what_each_reveals(client, document):
    active = active_citizen(CUTS)
    folder_login(client, active.citizen)
    _share(client, document, ["nombre", "mayor_de_18"])
    page = client.get("/carpeta/compartir/").content.decode()
    name = document.document_type.name
    assert f"Revela solo: {name}: Nombre, Mayor de 18 años" in page


def test_a_share_still_reveals_only_the_chosen_claims_when_the_issuer_has_no_key(client, document):
    active = active_citizen(CUTS)
    folder_login(client, active.citizen)
    _share(client, document, ["nombre"])
    link = _link(client)
    services.issuer_key_retire(actor=None, key=document.issuer.current_key())
    opened = Client().post(link)
    assert opened.status_code == 200
    page = opened.content.decode()
    assert "María Hernández López" in page
    assert "no tiene ahora una clave de firma disponible" in page
    assert "1988" not in page
    assert "<textarea" not in page


def test_the_download_without_a_signing_key_is_a_clear_503(client, document):
    active = active_citizen(CUTS)
    folder_login(client, active.citizen)
    services.issuer_key_retire(actor=None, key=document.issuer.current_key())
    response = client.get(f"/carpeta/documentos/{document.public_id}/credencial.sd-jwt")
    assert response.status_code == 503
    assert "no tiene una clave de firma disponible" in response.content.decode()
    assert not AccessEvent.objects.filter(action=AccessEvent.Action.DOWNLOAD).exists()


def test_a_share_without_chosen_claims_shows_the_whole_document_as_before(client, document):
    active = active_citizen(CUTS)
    folder_login(client, active.citizen)
    assert _share(client, document, []).status_code == 302
    assert Share.objects.get().disclosures == {}
    page = Client().post(_link(client)).content.decode()
    assert "14 de marzo de 1988" in page.lower()
    assert "Verificar este documento" in page
    assert "<textarea" not in page


def test_claims_of_a_document_not_shared_are_refused_with_a_clear_message(
    client, issuer, birth_type, document
):
    active = active_citizen(CUTS)
    folder_login(client, active.citizen)
    other = issue(issuer, birth_type, cuts=CUTS, nombre="Otra hoja")
    data = {
        "documents": [document.public_id],
        "claims": [f"{other.public_id}:nombre"],
        "duration": "24",
    }
    response = client.post("/carpeta/compartir/", data)
    assert response.status_code == 400
    assert "Marcó datos de un documento que no eligió compartir" in response.content.decode()
    assert not Share.objects.exists()


def test_a_forged_claim_choice_is_refused(client, document):
    active = active_citizen(CUTS)
    folder_login(client, active.citizen)
    response = client.post(
        "/carpeta/compartir/",
        {"documents": [document.public_id], "claims": [f"{document.public_id}:sueldo"],
         "duration": "24"},
    )  # fmt: skip
    assert response.status_code == 400
    assert not Share.objects.exists()


def test_the_share_service_refuses_claims_the_type_does_not_have(document):
    active = active_citizen(CUTS)
    with pytest.raises(services.FolderError, match="no tiene el dato"):
        services.share_create(
            citizen=active.citizen,
            documents=[document],
            expires_at=datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=1),
            disclosures={document.public_id: ["sueldo"]},
        )
    assert not Share.objects.exists()


# The verifier API -------------------------------------------------------------------------------

VERIFY = "/api/v1/verifier/sd-jwt"


def _verify(client, presentation):
    response = client.post(VERIFY, {"presentation": presentation}, content_type="application/json")
    assert response.status_code == 200, response.content.decode()
    return response.json()


def test_the_verifier_api_returns_only_the_disclosed_claims_and_logs_the_check(client, document):
    presentation = credentials.document_credential(document).present(["mayor_de_18"])
    result = _verify(client, presentation)
    assert result["valid"] is True
    assert result["status"] == "valid"
    assert result["claims"] == {"mayor_de_18": True}
    assert result["issuer_name"] == str(document.issuer)
    assert result["document_type"] == document.document_type.name
    event = AccessEvent.objects.get(action=AccessEvent.Action.VERIFY)
    assert event.holder_index == document.holder_index


def test_the_verifier_api_refuses_a_tampered_disclosure(client, document):
    issued = credentials.document_credential(document)
    salt, name, _value = sdjwt.decode_disclosure(issued.disclosures["nombre"])
    forged = sdjwt.compose(issued.jwt, [sdjwt.encode_disclosure(salt, name, "Otra Persona")])
    result = _verify(client, forged)
    assert result["valid"] is False
    assert result["reason"] == "unreferenced_disclosure"
    assert result["claims"] == {}
    assert not AccessEvent.objects.filter(action=AccessEvent.Action.VERIFY).exists()


def test_the_verifier_api_refuses_a_tampered_signature(client, document):
    jwt, disclosures, _ = sdjwt.split(credentials.document_credential(document).present())
    head, body, signature = jwt.split(".")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    result = _verify(client, sdjwt.compose(f"{head}.{body}.{flipped}", disclosures))
    assert result == {**result, "valid": False, "status": "invalid", "reason": "bad_signature"}


def test_the_verifier_api_reports_a_revoked_document(client, document):
    presentation = credentials.document_credential(document).present(["nombre"])
    services.document_revoke(document=document, reason="Error de captura", actor_label="Emisor")
    result = _verify(client, presentation)
    assert result["valid"] is False
    assert result["status"] == "revoked"


def test_the_status_list_at_the_credentials_uri_marks_it_revoked(client, document):
    issued = credentials.document_credential(document)
    payload = json.loads(jws.b64url_decode(issued.jwt.split(".")[1]))
    entry = payload["status"]["status_list"]
    services.document_revoke(document=document, reason="Error de captura", actor_label="Emisor")
    token = client.get(entry["uri"]).content.decode()
    claim = json.loads(jws.b64url_decode(token.split(".")[1]))["status_list"]
    assert StatusList.from_claim(claim).get(entry["idx"]) == INVALID


def test_the_verifier_api_counts_against_the_networks_budget(client, document, settings):
    settings.RATE_FOLDER_VERIFY_NETWORK = "2/m"
    presentation = credentials.document_credential(document).present(["nombre"])
    for _ in range(2):
        _verify(client, presentation)
    response = client.post(VERIFY, {"presentation": presentation}, content_type="application/json")
    assert response.status_code == 429
    assert "Demasiadas verificaciones desde su red" in response.json()["detail"]


def test_the_verifier_api_refuses_a_key_of_another_issuer_naming_this_one(client, document):
    intruder = IssuerFactory()
    forged = credentials.document_credential(document)
    key = intruder.current_key()
    claims = json.loads(jws.b64url_decode(forged.jwt.split(".")[1]))
    resigned = jws.sign_compact(
        claims, services.issuers.keys.private_key(key.kid), key.kid, typ=sdjwt.TYP
    )
    result = _verify(client, sdjwt.compose(resigned, forged.disclosures.values()))
    assert result["reason"] == "issuer_mismatch"


@pytest.mark.parametrize("garbage", ["", "~", "a.b.c~", "x" * 5000, "ñ~ñ~"])
def test_the_verifier_api_answers_garbage_without_an_error(client, garbage):
    result = _verify(client, garbage)
    assert result["valid"] is False
    assert result["status"] == "invalid"


def test_the_verifier_api_refuses_an_oversized_body_with_a_4xx(client):
    response = client.post(VERIFY, {"presentation": "x" * 70_000}, content_type="application/json")
    assert response.status_code == 422
    assert "detail" in response.json()


# In English -------------------------------------------------------------------------------------


def test_the_sd_jwt_vc_labels_and_the_share_form_read_in_english(client, document):
    from django.utils import translation

    from abierto.folder.actor_labels import shown

    with translation.override("en"):
        assert shown("Enlace compartido: Tienda (SD-JWT VC)") == "Shared link: Tienda (SD-JWT VC)"
        assert shown("La persona titular (SD-JWT VC)") == "The holder (SD-JWT VC)"
    active = active_citizen(CUTS)
    folder_login(client, active.citizen)
    page = client.get("/carpeta/compartir/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Disclose only some data (optional)" in page
    detail = client.get(f"/carpeta/documentos/{document.public_id}/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Download for a digital wallet (SD-JWT VC)" in detail.content.decode()
