"""Public verification shows other people's CUTS only masked: the last four characters."""

from __future__ import annotations

import pytest
from django.test import Client

from abierto.folder import selectors
from abierto.folder.display import mask_cuts

from .factories import issue

pytestmark = pytest.mark.django_db


def test_a_cuts_is_masked_to_its_last_four_characters():
    assert mask_cuts("MADRE00001") == "••••0001"
    assert mask_cuts("") == ""
    assert mask_cuts(None) is None


def test_the_verification_page_and_api_mask_the_parents_cuts(issuer, birth_type):
    child = issue(
        issuer, birth_type, cuts="HIJA000001", cuts_madre="MADRE00001", cuts_padre="PADRE00002"
    )
    url = selectors.server_verification_url(child)
    page = Client().get(url).content.decode()
    assert "MADRE00001" not in page
    assert "PADRE00002" not in page
    assert "••••0001" in page
    assert "••••0002" in page
    fields = Client().get(url, HTTP_ACCEPT="application/json").json()["fields"]
    assert (fields["cuts_madre"], fields["cuts_padre"]) == ("••••0001", "••••0002")
    assert fields["nombre"] == "María Hernández López"  # the rest as certified


def test_the_holders_own_folder_still_shows_the_whole_cuts(issuer, birth_type):
    child = issue(issuer, birth_type, cuts="HIJA000001", cuts_madre="MADRE00001")
    assert selectors.document_fields(child)["cuts_madre"] == "MADRE00001"
