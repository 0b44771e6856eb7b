"""Certified fields as people read them: a catalogue's code in the catalogue's words."""

from __future__ import annotations

import pytest

from abierto.folder import demo, selectors
from abierto.folder.display import display_fields, display_value

from .citizen_helpers import active_citizen, folder_login
from .factories import DocumentTypeFactory, issue

SEX = demo.BIRTH_SCHEMA["properties"]["sexo"]
BIRTH = {
    "primer_apellido": "Ramírez", "lugar_nacimiento": "Toluca", "oficialia": "Oficialía 01",
    "numero_acta": "01377", "fecha_registro": "2019-06-10", "fecha_nacimiento": "2019-05-21",
}  # fmt: skip


@pytest.mark.parametrize(("code", "words"), [("M", "Mujer"), ("H", "Hombre"), ("X", "No binario")])
def test_the_sex_code_is_shown_in_the_catalogues_words(code, words):
    assert display_value(code, SEX) == words


def test_a_code_outside_the_catalogue_is_shown_as_stored():
    assert display_value("Z", SEX) == "Z"
    assert display_value(1, {"oneOf": [{"const": "1", "title": "Uno"}]}) == "1"


@pytest.mark.django_db
def test_a_birth_certificate_says_mujer_and_keeps_the_stored_code(client, issuer):
    birth = DocumentTypeFactory(issuers=[issuer], json_schema=demo.BIRTH_SCHEMA)
    document = issue(issuer, birth, cuts="MADRE00001", nombre="Sofía", sexo="M", **BIRTH)
    assert selectors.document_fields(document)["sexo"] == "M"
    shown = {f.label: f.value for f in display_fields(birth, selectors.document_fields(document))}
    assert shown["Sexo"] == "Mujer"
    folder_login(client, active_citizen("MADRE00001").citizen)
    html = client.get(f"/carpeta/documentos/{document.public_id}/").content.decode()
    assert "Mujer" in html
    verified = client.get(selectors.server_verification_url(document)).content.decode()
    assert "Mujer" in verified
    machine = client.get(
        selectors.server_verification_url(document), HTTP_ACCEPT="application/json"
    )
    assert machine.json()["fields"]["sexo"] == "M"
