"""Issuer tokens, signing keys and carnets change only through services, with actor and audit row.

Issue 15, item 8: each of these writes names who made it (a person in the back office or on
the command line) in an ``AuditEvent`` of the same transaction, and never records the token,
its hash or the carnet's secret; the back office cannot edit a key's retirement or a
carnet's status by hand.
"""

from __future__ import annotations

import io
import json

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation

from abierto.directory import audit_labels
from abierto.directory.models import AuditEvent
from abierto.directory.tests.logins import login_verified
from abierto.folder import selectors, services
from abierto.folder.models import Carnet, Issuer, IssuerKey

pytestmark = pytest.mark.django_db

SECURITY_ACTIONS = [
    "folder.issuer.token_created",
    "folder.issuer_key.generated",
    "folder.issuer_key.retired",
    "folder.carnet.issued",
    "folder.carnet.revoked",
]


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("seguridad", "seguridad@example.org", "x")


@pytest.fixture
def admin_client(client, staff):
    return login_verified(client, staff)


def events(action, target):
    return list(
        AuditEvent.objects.filter(
            action=action,
            target_type=ContentType.objects.get_for_model(target),
            target_id=str(target.pk),
        )
    )


def the_event(action, target):
    found = events(action, target)
    assert len(found) == 1, found
    return found[0]


def security_events():
    return AuditEvent.objects.filter(action__in=SECURITY_ACTIONS).count()


def run(*args, **options):
    out = io.StringIO()
    call_command(*args, stdout=out, **options)
    return out.getvalue()


# Services ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("service", "argument"),
    [
        ("issuer_token_create", "issuer"),
        ("issuer_key_generate", "issuer"),
        ("issuer_key_retire", "key"),
        ("carnet_issue", "citizen"),
        ("carnet_revoke", "carnet"),
    ],
)
def test_every_security_service_requires_an_actor(issuer, mother, service, argument):
    carnet, _token = services.carnet_issue(actor=None, citizen=mother)
    values = {"issuer": issuer, "key": issuer.current_key(), "citizen": mother, "carnet": carnet}
    with pytest.raises(TypeError, match="actor"):
        getattr(services, service)(**{argument: values[argument]})


def test_creating_an_issuer_token_is_audited_with_its_actor_and_never_the_token(issuer, staff):
    token = services.issuer_token_create(actor=staff, issuer=issuer)
    issuer.refresh_from_db()
    event = the_event("folder.issuer.token_created", issuer)
    assert event.actor == staff
    assert event.changes == {
        "issuer": issuer.slug,
        "token_created_at": issuer.token_created_at.isoformat(),
    }
    stored = json.dumps(event.changes)
    assert token not in stored
    assert token.split(".", 1)[1] not in stored
    assert issuer.token_hash not in stored


def test_generating_a_key_is_audited_with_its_actor(issuer, staff):
    key = services.issuer_key_generate(actor=staff, issuer=issuer)
    event = the_event("folder.issuer_key.generated", key)
    assert event.actor == staff
    assert event.changes == {"issuer": issuer.slug, "kid": key.kid}


def test_retiring_a_key_is_audited_with_its_actor_and_time(issuer, staff):
    key = issuer.current_key()
    when = timezone.now()
    services.issuer_key_retire(actor=staff, key=key, when=when)
    key.refresh_from_db()
    assert key.retired_at == when
    event = the_event("folder.issuer_key.retired", key)
    assert event.actor == staff
    assert event.changes == {"issuer": issuer.slug, "kid": key.kid, "retired_at": when.isoformat()}


def test_a_retired_key_is_not_retired_again(issuer, staff):
    key = issuer.current_key()
    first = timezone.now() - timezone.timedelta(days=1)
    services.issuer_key_retire(actor=staff, key=key, when=first)
    with pytest.raises(services.FolderError, match="ya estaba retirada"):
        services.issuer_key_retire(actor=staff, key=key)
    key.refresh_from_db()
    assert key.retired_at == first
    assert len(events("folder.issuer_key.retired", key)) == 1


def test_issuing_a_carnet_is_audited_with_its_actor_and_never_its_secret(mother, staff):
    first, _first_token = services.carnet_issue(actor=staff, citizen=mother)
    second, token = services.carnet_issue(actor=staff, citizen=mother)
    event = the_event("folder.carnet.issued", second)
    assert event.actor == staff
    assert event.changes == {
        "citizen": mother.public_id,
        "serial": second.serial,
        "replaced": [first.serial],
    }
    stored = json.dumps(event.changes)
    assert token.split(".", 1)[1] not in stored
    assert second.secret_hash not in stored


def test_revoking_a_carnet_is_audited_with_its_actor(mother, staff):
    carnet, _token = services.carnet_issue(actor=None, citizen=mother)
    services.carnet_revoke(actor=staff, carnet=carnet)
    carnet.refresh_from_db()
    assert carnet.status == Carnet.Status.REVOKED
    event = the_event("folder.carnet.revoked", carnet)
    assert event.actor == staff
    assert event.changes == {
        "citizen": mother.public_id,
        "serial": carnet.serial,
        "status": ["active", "revoked"],
    }
    with pytest.raises(services.FolderError, match="ya estaba cancelado"):
        services.carnet_revoke(actor=staff, carnet=carnet)
    assert len(events("folder.carnet.revoked", carnet)) == 1


def test_the_audit_page_names_each_security_action_in_words():
    for action in SECURITY_ACTIONS:
        assert audit_labels.label(action) != action
    assert audit_labels.label("folder.issuer_key.retired") == "Clave de firma retirada"
    with translation.override("en"):
        assert audit_labels.label("folder.issuer_key.retired") == "Signing key retired"


# Back office ------------------------------------------------------------------------------------


def test_the_admin_retire_action_asks_first_then_retires_and_audits(admin_client, issuer, staff):
    key = issuer.current_key()
    url = reverse("admin:folder_issuerkey_changelist")
    asked = admin_client.post(url, {"action": "retire_keys", "_selected_action": [key.pk]})
    assert asked.status_code == 200
    assert "ningún documento firmado con ella volverá a verificarse" in asked.content.decode()
    key.refresh_from_db()
    assert key.retired_at is None
    assert not events("folder.issuer_key.retired", key)

    done = admin_client.post(
        url, {"action": "retire_keys", "_selected_action": [key.pk], "confirm": "yes"}, follow=True
    )
    assert done.status_code == 200
    assert f"Clave {key.kid} retirada." in done.content.decode()
    key.refresh_from_db()
    assert key.retired_at is not None
    assert the_event("folder.issuer_key.retired", key).actor == staff


def test_the_admin_key_form_cannot_change_retired_at(admin_client, issuer):
    key = issuer.current_key()
    url = reverse("admin:folder_issuerkey_change", args=[key.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert 'name="retired_at' not in page.content.decode()
    posted = admin_client.post(url, {"retired_at_0": "2020-01-01", "retired_at_1": "00:00:00"})
    assert posted.status_code == 403
    key.refresh_from_db()
    assert key.retired_at is None
    assert not events("folder.issuer_key.retired", key)


def test_the_admin_carnet_form_cannot_change_the_status(admin_client, mother):
    carnet, _token = services.carnet_issue(actor=None, citizen=mother)
    url = reverse("admin:folder_carnet_change", args=[carnet.pk])
    assert 'name="status"' not in admin_client.get(url).content.decode()
    assert admin_client.post(url, {"status": "revoked"}).status_code == 403
    carnet.refresh_from_db()
    assert carnet.status == Carnet.Status.ACTIVE


def test_the_admin_revoke_action_cancels_the_carnet_and_audits(admin_client, mother, staff):
    carnet, _token = services.carnet_issue(actor=None, citizen=mother)
    url = reverse("admin:folder_carnet_changelist")
    asked = admin_client.post(url, {"action": "revoke_carnets", "_selected_action": [carnet.pk]})
    assert asked.status_code == 200
    carnet.refresh_from_db()
    assert carnet.status == Carnet.Status.ACTIVE
    admin_client.post(
        url, {"action": "revoke_carnets", "_selected_action": [carnet.pk], "confirm": "yes"}
    )
    carnet.refresh_from_db()
    assert carnet.status == Carnet.Status.REVOKED
    assert the_event("folder.carnet.revoked", carnet).actor == staff
    again = admin_client.post(
        url,
        {"action": "revoke_carnets", "_selected_action": [carnet.pk], "confirm": "yes"},
        follow=True,
    )
    assert "ya estaba cancelado" in again.content.decode()
    assert len(events("folder.carnet.revoked", carnet)) == 1


def test_the_admin_token_and_key_actions_are_audited_with_the_admin(admin_client, issuer, staff):
    url = reverse("admin:folder_issuer_changelist")
    admin_client.post(url, {"action": "generate_token", "_selected_action": [issuer.pk]})
    admin_client.post(url, {"action": "generate_key", "_selected_action": [issuer.pk]})
    assert the_event("folder.issuer.token_created", issuer).actor == staff
    assert the_event("folder.issuer_key.generated", issuer.current_key()).actor == staff


def test_staff_who_may_only_view_cannot_run_the_security_actions(
    client, django_user_model, issuer, mother
):
    viewer = django_user_model.objects.create_user("lector", is_staff=True)
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_issuer", "view_issuerkey", "view_carnet"])
    )
    login_verified(client, viewer)
    carnet, _token = services.carnet_issue(actor=None, citizen=mother)
    key = issuer.current_key()
    before = security_events()
    posts = [
        ("admin:folder_issuer_changelist", "generate_token", issuer.pk),
        ("admin:folder_issuer_changelist", "generate_key", issuer.pk),
        ("admin:folder_issuerkey_changelist", "retire_keys", key.pk),
        ("admin:folder_carnet_changelist", "revoke_carnets", carnet.pk),
    ]
    for name, action, pk in posts:
        client.post(reverse(name), {"action": action, "_selected_action": [pk], "confirm": "yes"})
    issuer.refresh_from_db()
    key.refresh_from_db()
    carnet.refresh_from_db()
    assert issuer.token_hash == ""
    assert IssuerKey.objects.filter(issuer=issuer).count() == 1
    assert key.retired_at is None
    assert carnet.status == Carnet.Status.ACTIVE
    assert security_events() == before


# Command line -----------------------------------------------------------------------------------


def test_folder_keygen_records_its_actor(issuer, staff):
    output = run("folder_keygen", issuer=issuer.slug, actor=staff.username)
    key = issuer.current_key()
    assert key.kid in output
    assert the_event("folder.issuer_key.generated", key).actor == staff


def test_folder_issuer_token_records_its_actor(issuer, staff):
    token = run("folder_issuer_token", issuer=issuer.slug, actor=staff.username).strip()
    assert selectors.issuer_for_token(token) == issuer
    assert the_event("folder.issuer.token_created", Issuer.objects.get(pk=issuer.pk)).actor == staff


def test_folder_key_retire_records_its_actor(issuer, staff):
    key = issuer.current_key()
    assert f"Clave {key.kid} retirada." in run(
        "folder_key_retire", kid=key.kid, actor=staff.username
    )
    key.refresh_from_db()
    assert key.retired_at is not None
    assert the_event("folder.issuer_key.retired", key).actor == staff
    with pytest.raises(CommandError, match="ya estaba retirada"):
        run("folder_key_retire", kid=key.kid, actor=staff.username)
    with pytest.raises(CommandError, match="No existe la clave"):
        run("folder_key_retire", kid="no-existe", actor=staff.username)


@pytest.mark.parametrize("command", ["folder_keygen", "folder_issuer_token"])
def test_the_commands_need_an_active_staff_actor(issuer, django_user_model, command):
    django_user_model.objects.create_user("sin-personal")
    django_user_model.objects.create_user("inactiva", is_staff=True, is_active=False)
    before = security_events()
    with pytest.raises(CommandError, match="--actor"):
        run(command, issuer=issuer.slug)
    for username in ["nadie", "sin-personal", "inactiva"]:
        with pytest.raises(CommandError, match="No hay una cuenta activa del personal"):
            run(command, issuer=issuer.slug, actor=username)
    issuer.refresh_from_db()
    assert issuer.token_hash == ""
    assert IssuerKey.objects.filter(issuer=issuer).count() == 1
    assert security_events() == before
