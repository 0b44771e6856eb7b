"""A new password is audited and its owner told by e-mail (ASVS 2.2.3)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from abierto.directory.models import AuditEvent

OLD, NEW = "contraseña-anterior-2022", "una-contraseña-nueva-y-larga"


@pytest.fixture
def user(db):
    return get_user_model().objects.create_user(
        "lucia", email="lucia@example.org", password=OLD, first_name="Lucía", last_name="Ortega"
    )


def audited(user, action):
    return AuditEvent.objects.filter(action=action, actor=user, target_id=str(user.pk)).exists()


def test_changing_the_password_tells_its_owner(client, user, django_capture_on_commit_callbacks):
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("password_change"),
            {"old_password": OLD, "new_password1": NEW, "new_password2": NEW},
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == ["lucia@example.org"]
    assert "contraseña" in notice.subject
    assert "Lucía Ortega" in notice.body
    assert "lucia" in notice.body
    assert "http://testserver" + reverse("password_reset") in notice.body
    assert NEW not in notice.body
    assert audited(user, "account.password_change")


def test_a_wrong_current_password_changes_nothing_and_tells_nobody(
    client, user, django_capture_on_commit_callbacks
):
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("password_change"),
            {"old_password": "no-es-la-mía-123", "new_password1": NEW, "new_password2": NEW},
        )
    assert response.status_code == 200
    assert mail.outbox == []
    assert not audited(user, "account.password_change")
    user.refresh_from_db()
    assert user.check_password(OLD)


def _reset_link(client, email):
    client.post(reverse("password_reset"), {"email": email})
    (link,) = re.findall(r"http://testserver(/cuenta/recuperar/\S+/)", mail.outbox[-1].body)
    response = client.get(link)  # Django swaps the token for a session key and redirects
    return response.url


def test_a_reset_tells_a_person_who_had_logged_in(client, user, django_capture_on_commit_callbacks):
    client.force_login(user)
    client.logout()
    form = _reset_link(client, user.email)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form, {"new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["lucia@example.org"]]
    assert audited(user, "account.password_reset")


def test_the_first_password_of_a_new_member_is_not_announced(
    client, user, django_capture_on_commit_callbacks
):
    assert user.last_login is None
    form = _reset_link(client, user.email)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form, {"new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    assert mail.outbox == []
    assert audited(user, "account.password_reset")
