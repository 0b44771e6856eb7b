"""Scanned actas in the import: page images beside the text, confidences, caps, clean-up."""

import io
import time

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from abierto.directory.models import AuditEvent
from abierto.forum import services
from abierto.forum.models import ActaImport, ActaImportPage, Session
from abierto.lib.tests.test_acta_ocr import ACTA as SCANNED_LINES
from abierto.lib.tests.test_acta_ocr import _many_pages, _scan

from .factories import ForumFactory
from .test_import import ACTA, upload


@pytest.fixture(scope="module")
def scanned_bytes(tmp_path_factory) -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in SCANNED_LINES)
    html = f"<html><body style='font-size:13pt'>{paragraphs}</body></html>"
    return _scan(html, tmp_path_factory.mktemp("scan"))


def _uploads() -> list[str]:
    try:
        return default_storage.listdir("uploads/actas")[1]
    except FileNotFoundError:
        return []


@pytest.mark.slow
@pytest.mark.django_db
def test_a_scanned_acta_is_reviewed_with_its_page_images_beside_the_text(
    client_as, facilitator, scanned_bytes
):
    ForumFactory()
    client = client_as(facilitator)
    response = upload(client, "escaneo.pdf", scanned_bytes)
    acta_import = ActaImport.objects.get()
    assert response["Location"] == reverse("forum_manage:acta_review", args=[acta_import.pk])
    [page] = ActaImportPage.objects.filter(acta_import=acta_import)
    assert page.number == 1
    assert "Luis Pérez Gil" in page.text
    assert 0.8 < page.confidence <= 1
    assert acta_import.parsed["source"]["ocr_pages"] == [
        {"number": 1, "confidence": page.confidence}
    ]
    review = client.get(response["Location"])
    image_url = reverse("forum_manage:acta_page_image", args=[acta_import.pk, 1])
    assert image_url in review.text
    assert "Páginas escaneadas y texto leído" in review.text
    image = client.get(image_url)
    assert image.status_code == 200
    assert image["Content-Type"] == "image/jpeg"
    assert b"".join(image.streaming_content)[:2] == b"\xff\xd8"
    assert _uploads() == []


@pytest.mark.django_db
def test_page_images_are_for_facilitators_only(client_as, outsider, facilitator):
    acta_import = _pending_import(facilitator)
    url = reverse("forum_manage:acta_page_image", args=[acta_import.pk, 1])
    assert client_as(outsider).get(url).status_code in (302, 403)
    assert client_as(facilitator).get(url).status_code == 200
    missing = reverse("forum_manage:acta_page_image", args=[acta_import.pk, 9])
    assert client_as(facilitator).get(missing).status_code == 404


def _pending_import(actor, confidence=None):
    forum = ForumFactory()
    acta_import, _created = services.acta_read(
        actor=actor, forum=forum, filename="acta.txt", content=ACTA.encode()
    )
    if confidence:
        acta_import.parsed["confidence"].update(confidence)
        acta_import.save()
    from django.core.files.base import ContentFile

    ActaImportPage.objects.create(
        acta_import=acta_import,
        number=1,
        image=ContentFile(b"\xff\xd8\xff\xe0 jpeg", name="pagina.jpg"),
        text="ACTA DE LA TERCERA SESIÓN Ana Marla",
        confidence=0.7,
        low_words=["Marla"],
    )
    return acta_import


@pytest.mark.django_db
def test_a_text_acta_gets_a_confidence_per_field(facilitator):
    forum = ForumFactory()
    acta_import, _created = services.acta_read(
        actor=facilitator, forum=forum, filename="acta.txt", content=ACTA.encode()
    )
    confidence = acta_import.parsed["confidence"]
    assert confidence["session.date"] == 1.0
    assert confidence["attendees[0]"] > 0.8
    assert acta_import.parsed["source"] == {"format": "text", "pages": None, "ocr_pages": []}


@pytest.mark.django_db
def test_low_confidence_fields_are_listed_first_and_highlighted(client_as, facilitator):
    acta_import = _pending_import(
        facilitator, confidence={"session.date": 0.42, "agreements[1]": 0.65}
    )
    review = client_as(facilitator).get(reverse("forum_manage:acta_review", args=[acta_import.pk]))
    assert review.status_code == 200
    checks = review.context["checks"]
    assert [check.path for check in checks] == ["session.date", "agreements[1]"]
    assert "Revise primero" in review.text
    assert "confianza 42 %" in review.text
    form_order = list(review.context["form"].fields)
    assert form_order[:2] == ["date", "agreements"]
    assert review.text.count('<div class="low-confidence">') == 2
    # The doubtful word of the scanned page is marked beside its image.
    assert "<mark>Marla</mark>" in review.text


@pytest.mark.django_db
def test_saving_the_import_deletes_its_page_images(facilitator, django_capture_on_commit_callbacks):
    acta_import = _pending_import(facilitator)
    name = ActaImportPage.objects.get().image.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        services.acta_import_commit(
            actor=facilitator, acta_import=acta_import, reviewed=acta_import.parsed
        )
    assert Session.objects.count() == 1
    assert not ActaImportPage.objects.exists()
    assert not default_storage.exists(name)


@pytest.mark.django_db
def test_discarding_an_import_deletes_its_pages_and_saves_nothing(
    client_as, facilitator, django_capture_on_commit_callbacks
):
    acta_import = _pending_import(facilitator)
    name = ActaImportPage.objects.get().image.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(facilitator).post(
            reverse("forum_manage:acta_discard", args=[acta_import.pk])
        )
    assert response.status_code == 302
    acta_import.refresh_from_db()
    assert acta_import.status == ActaImport.Status.DISCARDED
    assert not ActaImportPage.objects.exists()
    assert not default_storage.exists(name)
    assert not Session.objects.exists()
    assert AuditEvent.objects.filter(action="acta.discarded").count() == 1
    again = client_as(facilitator).get(reverse("forum_manage:acta_review", args=[acta_import.pk]))
    assert again.status_code == 302


@pytest.mark.django_db
def test_deleting_an_import_deletes_its_page_images(
    facilitator, django_capture_on_commit_callbacks
):
    acta_import = _pending_import(facilitator)
    name = ActaImportPage.objects.get().image.name
    with django_capture_on_commit_callbacks(execute=True):
        acta_import.delete()
    assert not default_storage.exists(name)


@pytest.mark.slow
@pytest.mark.django_db
def test_a_pdf_of_60000_pages_is_refused_quickly_in_spanish_and_the_upload_removed(
    client_as, facilitator
):
    ForumFactory()
    started = time.monotonic()
    response = upload(client_as(facilitator), "bomba.pdf", _many_pages(60_000))
    assert time.monotonic() - started < 20
    assert response.status_code == 400
    assert "más de 300 páginas" in response.text
    assert not ActaImport.objects.exists()
    assert not ActaImportPage.objects.exists()
    assert _uploads() == []


@pytest.mark.slow
@pytest.mark.django_db
def test_a_reading_past_the_time_limit_is_refused_and_nothing_kept(
    client_as, facilitator, settings, scanned_bytes
):
    settings.ACTA_READ_SECONDS = 1
    ForumFactory()
    response = upload(client_as(facilitator), "escaneo.pdf", scanned_bytes)
    assert response.status_code == 400
    assert "tardó más de 1 segundos" in response.text
    assert not ActaImport.objects.exists()
    assert _uploads() == []


@pytest.mark.slow
@pytest.mark.django_db
def test_more_scanned_pages_than_allowed_are_refused(
    client_as, facilitator, settings, scanned_bytes
):
    settings.ACTA_MAX_OCR_PAGES = 0
    ForumFactory()
    response = upload(client_as(facilitator), "escaneo.pdf", scanned_bytes)
    assert response.status_code == 400
    assert "páginas escaneadas y se leen como máximo 0" in response.text
    assert not ActaImport.objects.exists()


def test_the_bomb_is_small_enough_to_upload():
    assert len(_many_pages(60_000)) < 1024 * 1024
    assert io.BytesIO(_many_pages(1)).read(5) == b"%PDF-"
