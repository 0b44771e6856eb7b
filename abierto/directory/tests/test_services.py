import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from abierto.directory import services
from abierto.directory.models import AuditEvent, MembershipApplication, Person
from abierto.directory.roles import Role
from abierto.directory.selectors import user_has_role

from .factories import MembershipApplicationFactory


def submit(**overrides):
    data = {
        "full_name": "  María   Fernanda López ",
        "email": "maria@example.org",
        "motivation": "Quiero proponer datos abiertos sobre justicia cotidiana.",
        "privacy_accepted": True,
        "organisation": "Colectivo Transparencia Toluca",
    }
    data.update(overrides)
    return services.application_submit(**data)


@pytest.mark.django_db
def test_an_application_is_stored_pending_and_acknowledged(
    facilitator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = submit()
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.PENDING
    assert application.full_name == "María Fernanda López"
    assert AuditEvent.objects.filter(action="application.submitted").count() == 1
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["alicia@example.org", "maria@example.org"]
    assert "Recibimos su solicitud" in mail.outbox[0].subject


@pytest.mark.django_db
def test_a_second_open_application_with_the_same_email_is_refused():
    submit()
    with pytest.raises(ValidationError) as excinfo:
        submit(email="MARIA@example.org", full_name="Otra Persona")
    assert "Ya existe una solicitud" in str(excinfo.value)
    assert MembershipApplication.objects.count() == 1


@pytest.mark.django_db
def test_the_privacy_notice_must_be_accepted():
    with pytest.raises(ValidationError):
        submit(privacy_accepted=False)
    assert not MembershipApplication.objects.exists()


@pytest.mark.django_db
def test_a_rejected_applicant_may_apply_again(facilitator):
    application = submit()
    services.application_reject(actor=facilitator, application=application, reason="Falta motivo")
    assert submit().status == MembershipApplication.Status.PENDING


@pytest.mark.django_db
def test_approval_makes_the_applicant_a_member_with_a_login(
    facilitator, client, django_capture_on_commit_callbacks
):
    application = submit()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.application_approve(
            actor=facilitator, application=application, reason="Bienvenida"
        )
    application.refresh_from_db()
    user = get_user_model().objects.get(email="maria@example.org")
    assert application.status == MembershipApplication.Status.APPROVED
    assert application.reviewed_by == facilitator
    assert application.person == Person.objects.get(user=user)
    assert application.person.institution.name == "Colectivo Transparencia Toluca"
    assert user_has_role(user, Role.MEMBER)
    event = AuditEvent.objects.get(action="application.approved")
    assert event.actor == facilitator
    # The e-mail carries a working link to choose a password.
    (message,) = mail.outbox
    assert message.to == ["maria@example.org"]
    link = re.search(r"http://testserver(/cuenta/recuperar/\S+/)", message.body).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    new_password = "una contraseña nueva y larga"
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("login"), {"username": "maria@example.org", "password": new_password}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


@pytest.mark.django_db
def test_an_application_cannot_be_decided_twice(facilitator):
    application = submit()
    services.application_approve(actor=facilitator, application=application)
    with pytest.raises(ValidationError, match="ya fue resuelta"):
        services.application_reject(actor=facilitator, application=application, reason="x")
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.APPROVED
    assert AuditEvent.objects.filter(action="application.rejected").count() == 0


@pytest.mark.django_db
def test_a_rejection_needs_a_reason_and_is_mailed(facilitator, django_capture_on_commit_callbacks):
    application = MembershipApplicationFactory()
    with pytest.raises(ValidationError):
        services.application_reject(actor=facilitator, application=application, reason="  ")
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        services.application_reject(
            actor=facilitator, application=application, reason="El STL ya cubrió los lugares."
        )
    assert "El STL ya cubrió los lugares." in mail.outbox[-1].body


@pytest.mark.django_db
def test_approving_an_existing_user_reuses_the_account(facilitator, citizen):
    application = MembershipApplicationFactory(email=citizen.email.upper())
    services.application_approve(actor=facilitator, application=application)
    assert get_user_model().objects.filter(email__iexact=citizen.email).count() == 1
    assert user_has_role(citizen, Role.MEMBER)
    assert user_has_role(citizen, Role.CITIZEN)
