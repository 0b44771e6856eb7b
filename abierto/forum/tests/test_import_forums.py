"""A municipal forum imports its past actas into its own record."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from abierto.directory.models import Municipality
from abierto.directory.tests.logins import login_verified
from abierto.forum import services
from abierto.forum.models import ActaImport, Session

from .factories import ForumFactory
from .test_import import ACTA_BYTES

pytestmark = pytest.mark.django_db


@pytest.fixture
def toluca():
    ForumFactory()
    return services.forum_create_municipal(
        actor=None, municipality=Municipality.objects.get(code="15106")
    )


def test_a_municipal_facilitator_imports_into_their_own_forum(client, toluca):
    user = get_user_model().objects.create_user(username="toluca", password="x")
    services.forum_role_grant(actor=None, user=user, forum=toluca, role="facilitator")
    login_verified(client, user)
    response = client.post(
        reverse("forum_manage:acta_upload"), {"file": SimpleUploadedFile("acta.txt", ACTA_BYTES)}
    )
    assert response.status_code == 302
    acta_import = ActaImport.objects.get()
    assert acta_import.forum == toluca
    review = client.get(response["Location"])
    form = review.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    assert client.post(response["Location"], data).status_code == 302
    session = Session.objects.get()
    assert (session.forum, session.number) == (toluca, 3)


def test_the_state_facilitator_chooses_the_forum_of_an_import(client_as, facilitator, toluca):
    client = client_as(facilitator)
    url = reverse("forum_manage:acta_upload") + f"?forum={toluca.slug}"
    page = client.get(url)
    assert "STM-TOLUCA" in page.text
    client.post(url, {"file": SimpleUploadedFile("acta.txt", ACTA_BYTES)})
    assert ActaImport.objects.get().forum == toluca


def test_a_municipal_facilitator_cannot_import_into_another_forum(client, toluca):
    other = services.forum_create_municipal(
        actor=None, municipality=Municipality.objects.get(code="15104")
    )
    user = get_user_model().objects.create_user(username="tlalne", password="x")
    services.forum_role_grant(actor=None, user=user, forum=other, role="facilitator")
    login_verified(client, user)
    url = reverse("forum_manage:acta_upload") + f"?forum={toluca.slug}"
    response = client.post(url, {"file": SimpleUploadedFile("acta.txt", ACTA_BYTES)})
    assert response.status_code == 403
    assert not ActaImport.objects.exists()
