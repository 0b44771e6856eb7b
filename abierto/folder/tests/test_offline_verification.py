"""The verification page that checks a document in the browser: its address keeps the token
after "#", and the server gives it only public facts (keys, issuers, types, status lists)."""

from __future__ import annotations

import pytest
from django.test import Client

from abierto.folder import selectors, services
from abierto.folder.models import AccessEvent
from abierto.folder.selectors_offline import verification_bundle

from .factories import DocumentTypeFactory, IssuerFactory, issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def issuer():
    return IssuerFactory(institution__name="Registro Civil del Estado de México")


@pytest.fixture
def birth_type(issuer):
    return DocumentTypeFactory(slug="acta-nacimiento", name="Acta de nacimiento", issuers=[issuer])


def test_the_qr_keeps_the_token_after_the_hash(issuer, birth_type):
    document = issue(issuer, birth_type)
    token = selectors.document_token(document)
    assert selectors.qr_payload(document) == f"http://testserver/v/#{token}"
    assert selectors.server_verification_url(document) == f"http://testserver/v/{token}"


def test_the_page_is_the_same_for_every_document_and_logs_nothing(issuer, birth_type):
    document = issue(issuer, birth_type)
    before = AccessEvent.objects.count()
    # A browser requests the address without its fragment: this is all the server sees.
    response = Client().get("/v/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="verificacion"' in html
    assert "js/verify-offline.js" in html
    assert 'data-bundle="/v/datos.json"' in html
    assert 'data-worker="/v/sw.js"' in html
    assert '<meta name="referrer" content="no-referrer">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert AccessEvent.objects.count() == before
    assert document.public_id not in html


def test_the_bundle_names_each_issuers_published_keys_types_and_status_list(issuer, birth_type):
    retired = issuer.keys.get()
    services.issuer_key_generate(actor=None, issuer=issuer)
    services.issuer_key_retire(actor=None, key=retired)
    keyless = IssuerFactory(with_key=False)
    bundle = Client().get("/v/datos.json").json()

    by_slug = {item["slug"]: item for item in bundle["issuers"]}
    published = sorted(issuer.keys.filter(retired_at__isnull=True).values_list("kid", flat=True))
    assert by_slug[issuer.slug]["kids"] == published
    assert retired.kid not in by_slug[issuer.slug]["kids"]
    assert by_slug[issuer.slug]["name"] == str(issuer)
    assert by_slug[issuer.slug]["status_list"] == f"http://testserver/carpeta/estado/{issuer.slug}"
    assert by_slug[keyless.slug]["kids"] == []
    # The same keys as the JWKS the page checks signatures with.
    jwks_kids = {key["kid"] for key in Client().get(bundle["jwks"]).json()["keys"]}
    assert set(published) <= jwks_kids
    assert retired.kid not in jwks_kids

    (kind,) = [item for item in bundle["document_types"] if item["slug"] == "acta-nacimiento"]
    assert kind["name"] == "Acta de nacimiento"
    titles = {field["name"]: field for field in kind["fields"]}
    assert titles["fecha_nacimiento"]["format"] == "date"
    assert bundle["document_typ"] == "carpeta+jwt"
    assert kind["masked"] == ["cuts_madre", "cuts_padre"]
    assert bundle["mask"] == {"prefix": "••••", "visible": 4}

    precache = bundle["precache"]
    assert {"/v/", "/v/datos.json", "/.well-known/jwks.json"} <= set(precache)
    assert f"/carpeta/estado/{issuer.slug}" in precache
    assert f"/carpeta/estado/{keyless.slug}" not in precache  # it has no list to fetch
    for path in precache:
        assert Client().get(path).status_code == 200, path


def test_the_bundle_holds_nothing_about_any_document(issuer, birth_type):
    document = issue(issuer, birth_type, nombre="Rosa Elena Martínez Juárez")
    text = str(verification_bundle())
    assert document.public_id not in text
    assert "Rosa Elena" not in text


def test_the_service_worker_is_served_from_the_pages_scope():
    response = Client().get("/v/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    body = response.content.decode()
    assert 'const CONFIG = {"cache": "abierto-verificacion-v1", "bundle": "/v/datos.json"};' in body


def test_the_older_address_still_verifies_on_the_server_and_is_logged(issuer, birth_type):
    document = issue(issuer, birth_type)
    response = Client().get(
        selectors.server_verification_url(document), HTTP_ACCEPT="application/json"
    )
    assert response.json()["valid"] is True
    services.verification_spool_drain()  # spooled at the answer, chained in batches
    assert AccessEvent.objects.filter(document=document, action=AccessEvent.Action.VERIFY).exists()


def test_a_path_under_v_that_is_not_a_token_is_answered_as_invalid_not_as_the_bundle():
    response = Client().get("/v/datos", HTTP_ACCEPT="application/json")
    assert response.json()["valid"] is False
