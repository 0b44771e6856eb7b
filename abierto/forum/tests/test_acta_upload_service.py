"""services.acta_upload: the acta upload's rule, out of the view (issue 20 §3)."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from abierto.directory.models import AuditEvent
from abierto.forum import services
from abierto.forum.models import ActaImport
from abierto.ops.models import Job

from .factories import ForumFactory
from .test_import import ACTA_BYTES

pytestmark = pytest.mark.django_db


def _file():
    return SimpleUploadedFile("acta.txt", ACTA_BYTES)


def test_an_upload_goes_to_a_worker_that_reads_it_and_drops_the_file(facilitator):
    forum = ForumFactory()
    sent = services.acta_upload(actor=facilitator, forum=forum, upload=_file())
    assert sent.earlier is None
    assert sent.job is not None
    assert sent.job.status == Job.Status.DONE  # the tests run tasks in the request
    acta_import = ActaImport.objects.get(forum=forum)
    assert sent.job.result_url.endswith(f"/{acta_import.pk}/")
    assert AuditEvent.objects.get(action="acta.read").actor == facilitator
    assert not default_storage.listdir("uploads/actas")[1]


def test_the_same_file_again_gives_the_earlier_reading(facilitator):
    forum = ForumFactory()
    services.acta_upload(actor=facilitator, forum=forum, upload=_file())
    again = services.acta_upload(actor=facilitator, forum=forum, upload=_file())
    assert again.earlier == ActaImport.objects.get()
    assert again.job is None
    assert Job.objects.count() == 1
