"""Issue dates out of any sane range: refused at the API (422), and rendered without a 500
wherever one already stored is shown (folder, verification, admin, exports)."""

from __future__ import annotations

import datetime
import io
import json
import zipfile

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from abierto.folder import export, selectors, services
from abierto.folder.models import Document

from .citizen_helpers import active_citizen, folder_login
from .factories import DocumentTypeFactory
from .test_api import FIELDS, one, post

pytestmark = pytest.mark.django_db

YEAR_ONE = datetime.datetime(1, 1, 1, tzinfo=datetime.UTC)  # .NET's DateTime.MinValue
LAST_SECOND = datetime.datetime(9999, 12, 31, 23, 59, 59, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    "issued_at",
    ["0001-01-01T00:00:00Z", "0001-01-01T00:00:00+06:00", "1899-12-31T12:00:00-06:00",
     "9999-12-31T23:59:59Z", "2200-01-01T00:00:00Z"],
)  # fmt: skip
def test_an_issue_date_outside_the_sane_range_is_a_422_in_spanish(
    client, birth_type, issuer_token, issued_at
):
    response = post(
        client, "/issuer/documents", one(birth_type, issued_at=issued_at), token=issuer_token
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert [error["path"] for error in errors] == ["issued_at"]
    assert "entre el 1 de enero de 1900" in errors[0]["message"]
    assert Document.objects.count() == 0


def test_a_batch_with_one_odd_date_is_refused_whole(client, birth_type, issuer_token):
    body = {
        "document_type": birth_type.slug,
        "items": [
            one(birth_type, reference="B-1"),
            one(birth_type, reference="B-2", issued_at="0001-01-01T00:00:00Z"),
        ],
    }
    response = post(client, "/issuer/documents/batch", body, token=issuer_token)
    assert response.status_code == 422
    assert response.json()["errors"][0]["item"] == 1
    assert Document.objects.count() == 0


def test_the_range_starts_at_the_setting(client, birth_type, issuer_token, settings):
    old = one(birth_type, issued_at="1950-06-01T12:00:00-06:00")
    assert post(client, "/issuer/documents", old, token=issuer_token).status_code == 201
    settings.FOLDER_ISSUED_AT_EARLIEST = "1960-01-01"
    later = one(birth_type, reference="R-2", issued_at="1950-06-01T12:00:00-06:00")
    assert post(client, "/issuer/documents", later, token=issuer_token).status_code == 422


@pytest.fixture
def odd_documents(issuer, settings):
    """Documents already stored with year-1 and year-9999 dates (before the check existed)."""
    settings.FOLDER_ISSUED_AT_EARLIEST = "0001-01-01"
    licence = DocumentTypeFactory(issuers=[issuer], validity_days=30)
    first, _ = services.document_issue(
        issuer=issuer, type_slug=licence.slug, cuts="MADRE00001", fields=FIELDS,
        reference="ODD-1", issued_at=YEAR_ONE,
    )  # fmt: skip
    last, _ = services.document_issue(
        issuer=issuer, type_slug=licence.slug, cuts="MADRE00001", fields=FIELDS,
        reference="ODD-2",
    )  # fmt: skip
    with connection.cursor() as cursor:  # straight into the database
        cursor.execute(
            "UPDATE folder_document SET issued_at = %s, expires_at = %s WHERE id = %s",
            [
                connection.ops.adapt_datetimefield_value(LAST_SECOND - datetime.timedelta(days=1)),
                connection.ops.adapt_datetimefield_value(LAST_SECOND),
                last.pk,
            ],
        )
    return first, Document.objects.get(pk=last.pk)


@pytest.fixture
def holder_client(client, odd_documents):
    return folder_login(client, active_citizen("MADRE00001").citizen)


def test_the_folder_pages_render_stored_odd_dates(holder_client, odd_documents):
    assert holder_client.get("/carpeta/documentos/").status_code == 200
    for document in odd_documents:
        base = f"/carpeta/documentos/{document.public_id}/"
        for path in [base, base + "pdf", base + "original.jws"]:
            assert holder_client.get(path).status_code == 200, path
    assert holder_client.get("/carpeta/accesos/").status_code == 200
    assert holder_client.get("/carpeta/mis-datos/").status_code == 200
    assert holder_client.get("/carpeta/compartir/").status_code == 200


def test_a_share_of_documents_with_stored_odd_dates_opens(odd_documents):
    citizen = services.citizen_register(cuts="MADRE00001")[0]
    _share, token = services.share_create(
        citizen=citizen,
        documents=list(odd_documents),
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    recipient = Client()
    assert recipient.get(f"/compartido/{token}/").status_code == 200
    opened = recipient.post(f"/compartido/{token}/")
    assert opened.status_code == 200
    assert "(UTC)" in opened.content.decode()  # year 1 cannot be shown in Mexico City's time


def test_the_verification_page_and_api_render_a_year_one_issue_date(odd_documents):
    first, _last = odd_documents
    url = selectors.server_verification_url(first)
    page = Client().get(url)
    assert page.status_code == 200
    assert "0001" in page.content.decode()
    machine = Client().get(url, HTTP_ACCEPT="application/json")
    assert machine.status_code == 200
    assert machine.json()["issued_at"].startswith("0001-01-01")


def test_the_admin_renders_stored_odd_dates(odd_documents, django_user_model):
    from abierto.directory.tests.logins import login_verified

    admin = Client()
    login_verified(admin, django_user_model.objects.create_superuser("admin", "a@example.org", "x"))
    changelist = reverse("admin:folder_document_changelist")
    assert admin.get(changelist).status_code == 200
    for document in odd_documents:
        change = reverse("admin:folder_document_change", args=[document.pk])
        assert admin.get(change).status_code == 200
    assert admin.get(changelist, {"issued_at__year": "1"}).status_code == 200


def test_the_arco_export_carries_stored_odd_dates(odd_documents):
    first, last = odd_documents
    citizen = services.citizen_register(cuts="MADRE00001")[0]
    data = export.citizen_data(citizen)
    dates = {item["id"]: item["issued_at"] for item in data["documents"]}
    assert dates[first.public_id].startswith("0001-01-01")
    assert dates[last.public_id].startswith("9999-12-30")
    archive = zipfile.ZipFile(io.BytesIO(export.citizen_zip(citizen)))
    assert json.loads(archive.read("data.json"))["documents"]
