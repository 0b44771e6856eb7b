"""Files go through Django's storage API: the local disk and S3-compatible storage alike."""

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from moto import mock_aws

from abierto.forum.models import Minutes
from abierto.forum.renditions import minutes_file, rendition_name
from abierto.forum.tests.factories import SessionFactory

BUCKET = "abierto-pruebas"


@pytest.fixture
def s3_storage(settings, monkeypatch):
    """The default storage on S3 (moto's in-process S3: no network), as STORAGE_BACKEND=s3."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    with mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket=BUCKET)
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": BUCKET,
                    "region_name": "us-east-1",
                    "default_acl": None,
                    "file_overwrite": False,
                    "location": "media",
                },
            },
        }
        yield storages["default"]


def test_files_round_trip_through_object_storage(s3_storage):
    assert type(s3_storage).__name__ == "S3Storage"
    name = default_storage.save("uploads/actas/prueba.txt", ContentFile(b"ACTA"))
    assert default_storage.exists(name)
    with default_storage.open(name, "rb") as handle:
        assert handle.read() == b"ACTA"
    keys = [o["Key"] for o in boto3.client("s3").list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert keys == ["media/uploads/actas/prueba.txt"]
    default_storage.delete(name)
    assert not default_storage.exists(name)


@pytest.mark.django_db
def test_readyz_reaches_object_storage(client, s3_storage):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["storage"] == "ok"


@pytest.mark.django_db
def test_readyz_is_503_when_the_bucket_is_gone(client, s3_storage):
    boto3.client("s3").delete_bucket(Bucket=BUCKET)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"].startswith("error: ")


@pytest.mark.django_db
def test_a_published_acta_is_rendered_once_and_then_read_from_storage(monkeypatch, s3_storage):
    session = SessionFactory()
    minutes = Minutes(
        session=session,
        status=Minutes.Status.PUBLISHED,
        text="# ACTA\n\nTexto.",
        content_hash="ab" * 32,
    )
    minutes.pk = 7
    calls = []
    monkeypatch.setattr(
        "abierto.forum.documents.minutes_docx", lambda m: calls.append(m) or b"DOCX"
    )
    assert minutes_file(minutes, "docx") == b"DOCX"
    assert minutes_file(minutes, "docx") == b"DOCX"
    assert len(calls) == 1
    assert default_storage.exists(rendition_name(minutes, "docx"))
    # A draft is never kept: it may change at any moment.
    minutes.status = Minutes.Status.DRAFT
    minutes_file(minutes, "docx")
    assert len(calls) == 2
