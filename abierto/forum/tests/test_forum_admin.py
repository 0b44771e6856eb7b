"""The state facilitation's pages: a new municipal forum and each municipality's installation
steps, with the signed joint declaration uploaded. Refused to everyone else."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from abierto.directory.models import AuditEvent, Municipality
from abierto.directory.tests.logins import login_verified
from abierto.forum import services
from abierto.forum.models import Forum, Installation, QuorumRule

from .materials_helpers import PDF

pytestmark = pytest.mark.django_db

ADMIN = reverse("forum_manage:forum_admin")
CREATE = reverse("forum_manage:forum_create")
TOLUCA = reverse("forum_manage:installation_edit", args=["15106"])


def _pdf(name: str = "declaratoria.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_the_state_facilitator_creates_a_municipal_forum(client_as, facilitator):
    client = client_as(facilitator)
    assert client.get(CREATE).status_code == 200
    response = client.post(
        CREATE, {"municipality": "15106", "acronym": "", "name": "", "quorum_rule": "two_thirds"}
    )
    assert response.status_code == 302
    forum = Forum.objects.get(municipality__code="15106")
    assert (forum.acronym, forum.slug, forum.quorum_rule) == (
        "STM-TOLUCA",
        "stm-toluca",
        QuorumRule.TWO_THIRDS,
    )
    event = AuditEvent.objects.get(action="forum.created")
    assert event.actor == facilitator
    assert "STM-TOLUCA" in client.get(ADMIN).content.decode()


def test_a_chosen_acronym_is_written_in_capitals(client_as, facilitator):
    client = client_as(facilitator)
    client.post(
        CREATE, {"municipality": "15104", "acronym": "stm-tlalne", "quorum_rule": "majority"}
    )
    assert Forum.objects.get(municipality__code="15104").acronym == "STM-TLALNE"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"municipality": "99999"}, "No hay un municipio con la clave INEGI «99999»."),
        ({"municipality": "15106", "acronym": "STM TOLUCA!"}, "siglas"),
        ({"municipality": "15106", "quorum_rule": "all_but_one"}, "all_but_one no es una de"),
    ],
)
def test_bad_forum_data_is_refused_in_spanish(client_as, facilitator, data, message):
    response = client_as(facilitator).post(CREATE, {"quorum_rule": "majority", **data})
    assert response.status_code == 400
    assert message.lower() in response.content.decode().lower()
    assert not Forum.objects.filter(kind="municipal").exists()


def test_a_municipality_gets_one_forum(client_as, facilitator):
    services.forum_create_municipal(actor=None, municipality=Municipality.objects.get(code="15106"))
    response = client_as(facilitator).post(
        CREATE, {"municipality": "15106", "acronym": "STM-OTRO", "quorum_rule": "majority"}
    )
    assert response.status_code == 400
    assert "Toluca ya tiene su foro." in response.content.decode()
    assert Forum.objects.filter(kind="municipal").count() == 1


def test_an_installation_step_with_the_signed_declaration(client_as, facilitator, client):
    staff = client_as(facilitator)
    assert staff.get(TOLUCA).status_code == 200
    response = staff.post(
        TOLUCA,
        {
            "status": "declaration_signed",
            "status_since": "2024-05-17",
            "declaration_signed_on": "2024-05-17",
            "notes": "Firmada en cabildo abierto.",
            "declaration_document": _pdf(),
        },
    )
    assert response.status_code == 302
    installation = Installation.objects.get(municipality__code="15106")
    assert installation.status == "declaration_signed"
    assert installation.declaration_signed_on == datetime.date(2024, 5, 17)
    assert installation.declaration_document.name.endswith(".pdf")
    event = AuditEvent.objects.get(action="installation.updated")
    assert event.actor == facilitator
    assert event.changes["declaration_document"][1] == installation.declaration_document.name

    # Anyone reads the declaration; the forum index links to it.
    public = reverse("forum:installation_declaration", args=["15106"])
    client.logout()
    document = client.get(public)
    assert document.status_code == 200
    assert document["Content-Type"] == "application/pdf"
    assert b"".join(document.streaming_content) == PDF
    assert public in client.get(reverse("forum:forum_index")).content.decode()

    # A later step without a file keeps the declaration.
    staff = client_as(facilitator)
    staff.post(
        TOLUCA,
        {
            "status": "installed",
            "status_since": "2024-08-01",
            "declaration_signed_on": "2024-05-17",
        },
    )
    installation.refresh_from_db()
    assert installation.status == "installed"
    assert installation.declaration_document


def test_a_declaration_that_is_no_pdf_is_refused_and_nothing_stored(client_as, facilitator):
    response = client_as(facilitator).post(
        TOLUCA,
        {
            "status": "declaration_signed",
            "declaration_signed_on": "2024-05-17",
            "declaration_document": _pdf(content=b"MZ no es un PDF"),
        },
    )
    assert response.status_code == 400
    assert "El archivo no es un PDF válido." in response.content.decode()
    assert not Installation.objects.exists()


def test_a_signed_declaration_needs_its_date(client_as, facilitator):
    response = client_as(facilitator).post(TOLUCA, {"status": "declaration_signed"})
    assert response.status_code == 400
    assert "Indique la fecha de firma de la declaratoria conjunta." in response.content.decode()
    assert not Installation.objects.exists()


def test_an_unknown_municipality_or_declaration_is_not_found(client_as, facilitator, client):
    staff = client_as(facilitator)
    assert staff.get(reverse("forum_manage:installation_edit", args=["99999"])).status_code == 404
    assert client.get(reverse("forum:installation_declaration", args=["15106"])).status_code == 404


def test_everyone_but_the_state_facilitation_is_refused(client, member, agency_clerk, outsider):
    toluca = services.forum_create_municipal(
        actor=None, municipality=Municipality.objects.get(code="15106")
    )
    municipal = get_user_model().objects.create_user(username="fm", password="x")
    services.forum_role_grant(actor=None, user=municipal, forum=toluca, role="facilitator")
    posts = {
        CREATE: {"municipality": "15104", "quorum_rule": "majority"},
        TOLUCA: {"status": "talks"},
        ADMIN: {},
    }
    for user in (municipal, member, agency_clerk, outsider):
        login_verified(client, user)
        for url, data in posts.items():
            assert client.get(url).status_code == 403, (user, url)
            assert client.post(url, data).status_code == 403, (user, url)
        client.logout()
    for url in posts:
        assert client.get(url)["Location"].startswith(reverse("login"))
    assert Forum.objects.filter(kind="municipal").count() == 1
    assert not Installation.objects.exists()
