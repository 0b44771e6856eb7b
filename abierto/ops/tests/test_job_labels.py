"""A job's description recorded as a message id and its data shows in the reader's language."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext_noop, trans_real

from abierto.ops.background import job_enqueue

from . import jobs

LABEL = gettext_noop("Envío de la convocatoria %(reference)s")


@pytest.fixture
def english(monkeypatch):
    catalog = trans_real.translation("en")._catalog
    monkeypatch.setitem(
        catalog._catalogs[0], LABEL, "Sending of the convocation letter %(reference)s"
    )


@pytest.mark.django_db
def test_a_label_with_its_data_is_stored_in_spanish_and_shown_translated(
    client_as, facilitator, member, english
):
    job = job_enqueue(
        jobs.flaky,
        label=LABEL,
        label_params={"reference": "STL/001/2030"},
        actor=member,
        failures=0,
    )
    assert job.label == "Envío de la convocatoria STL/001/2030"
    assert job.label_msgid == LABEL
    client = client_as(facilitator)
    english_list = client.get(reverse("ops:job_list"), HTTP_ACCEPT_LANGUAGE="en").text
    assert "Sending of the convocation letter STL/001/2030" in english_list
    assert "Envío de la convocatoria" not in english_list
    english_page = client.get(job.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").text
    assert "<h1>Sending of the convocation letter STL/001/2030</h1>" in english_page
    spanish_list = client.get(reverse("ops:job_list")).text
    assert "Envío de la convocatoria STL/001/2030" in spanish_list


@pytest.mark.django_db
def test_a_plain_label_is_shown_as_it_was_written(client_as, facilitator, english):
    job_enqueue(jobs.flaky, label="Correo de prueba", failures=0)
    page = client_as(facilitator).get(reverse("ops:job_list"), HTTP_ACCEPT_LANGUAGE="en").text
    assert "Correo de prueba" in page


@pytest.mark.django_db
def test_the_job_table_is_a_labelled_region_reachable_by_keyboard(client_as, facilitator):
    job_enqueue(jobs.flaky, label="Correo de prueba", failures=0)
    page = client_as(facilitator).get(reverse("ops:job_list")).text
    assert '<div class="table-scroll" tabindex="0" role="region" aria-label="' in page
