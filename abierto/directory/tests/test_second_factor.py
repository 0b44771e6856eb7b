"""The staff second factor's services: enrolment, codes used once, recovery codes, reset."""

from __future__ import annotations

import time

import pytest
from django.core.exceptions import ValidationError

from abierto.directory import second_factor as sf
from abierto.directory import selectors
from abierto.directory.models import AuditEvent, RecoveryCode, StaffSecondFactor
from abierto.directory.tests.logins import code_for, enrol, wrong_code
from abierto.lib import totp

pytestmark = pytest.mark.django_db


def _actions(user) -> list[str]:
    return list(
        AuditEvent.objects.filter(target_id=str(user.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_facilitators_clerks_and_the_back_office_need_a_second_factor(
    facilitator, agency_clerk, member, citizen, outsider
):
    assert selectors.second_factor_required(facilitator)
    assert selectors.second_factor_required(agency_clerk)
    assert not selectors.second_factor_required(member)
    assert not selectors.second_factor_required(citizen)
    assert not selectors.second_factor_required(outsider)
    outsider.is_staff = True
    assert selectors.second_factor_required(outsider)


def test_enrolment_seals_the_secret_and_confirms_with_a_first_code(facilitator):
    factor = sf.second_factor_enrol_start(actor=facilitator, user=facilitator)
    secret = sf.factor_secret(factor)
    assert secret.encode() not in bytes(factor.secret_sealed)
    assert factor.confirmed_at is None
    # Reloading the page shows the same secret.
    again = sf.second_factor_enrol_start(actor=facilitator, user=facilitator)
    assert sf.factor_secret(again) == secret
    uri = sf.factor_uri(factor)
    assert uri.startswith("otpauth://totp/abierto%20Edomex%3Aalicia?secret=" + secret)

    wrong = wrong_code(secret)
    assert sf.second_factor_enrol_confirm(actor=facilitator, user=facilitator, code=wrong) is None
    codes = sf.second_factor_enrol_confirm(
        actor=facilitator, user=facilitator, code=code_for(secret)
    )
    assert codes is not None
    assert len(codes) == 10
    assert len(set(codes)) == 10
    factor.refresh_from_db()
    assert factor.confirmed_at is not None
    assert RecoveryCode.objects.filter(factor=factor).count() == 10
    for code in codes:
        assert code not in str(list(RecoveryCode.objects.values_list("verifier_hash", flat=True)))
    assert _actions(facilitator) == [
        "account.second_factor.enrol_started",
        "account.second_factor.failed",
        "account.second_factor.enrolled",
    ]
    with pytest.raises(ValidationError):
        sf.second_factor_enrol_start(actor=facilitator, user=facilitator)


def test_a_code_is_accepted_once(facilitator):
    secret = enrol(facilitator)
    code = code_for(secret)
    assert sf.second_factor_verify(actor=facilitator, user=facilitator, code=code)
    assert not sf.second_factor_verify(actor=facilitator, user=facilitator, code=code)
    # An older step than the one used is refused too.
    older = code_for(secret, time.time() - totp.DEFAULT_PERIOD)
    assert not sf.second_factor_verify(actor=facilitator, user=facilitator, code=older)
    assert _actions(facilitator)[-3:] == [
        "account.second_factor.verified",
        "account.second_factor.failed",
        "account.second_factor.failed",
    ]


def test_an_unconfirmed_factor_opens_nothing(facilitator):
    factor = sf.second_factor_enrol_start(actor=facilitator, user=facilitator)
    code = code_for(sf.factor_secret(factor))
    assert not sf.second_factor_verify(actor=facilitator, user=facilitator, code=code)


def test_a_recovery_code_works_once_and_is_found_by_its_selector(
    facilitator, django_assert_max_num_queries
):
    factor = sf.second_factor_enrol_start(actor=facilitator, user=facilitator)
    secret = sf.factor_secret(factor)
    codes = sf.second_factor_enrol_confirm(
        actor=facilitator, user=facilitator, code=code_for(secret)
    )
    assert codes is not None
    typed = codes[3].lower().replace("-", " ")  # as people type it
    assert sf.second_factor_recovery_use(actor=facilitator, user=facilitator, code=typed) == 9
    assert sf.second_factor_recovery_use(actor=facilitator, user=facilitator, code=codes[3]) is None
    assert sf.second_factor_recovery_use(actor=facilitator, user=facilitator, code="nada") is None
    wrong = codes[4][:10] + ("A" if codes[4][10] != "A" else "B") + codes[4][11:]
    assert sf.second_factor_recovery_use(actor=facilitator, user=facilitator, code=wrong) is None
    assert selectors.recovery_codes_left(StaffSecondFactor.objects.get()) == 9
    assert _actions(facilitator)[-4:] == [
        "account.second_factor.recovery_used",
        "account.second_factor.failed",
        "account.second_factor.failed",
        "account.second_factor.failed",
    ]


def test_a_recovery_code_is_hashed_once_not_against_all_ten(facilitator, monkeypatch):
    codes = _codes(facilitator)
    checked: list[str] = []
    real = sf.check_password
    monkeypatch.setattr(sf, "check_password", lambda p, h: checked.append(h) or real(p, h))
    assert sf.second_factor_recovery_use(actor=facilitator, user=facilitator, code=codes[0]) == 9
    assert len(checked) == 1


def _codes(user) -> list[str]:
    factor = sf.second_factor_enrol_start(actor=user, user=user)
    codes = sf.second_factor_enrol_confirm(
        actor=user, user=user, code=code_for(sf.factor_secret(factor))
    )
    assert codes is not None
    return codes


def test_new_recovery_codes_need_a_current_code_and_replace_the_old(facilitator):
    old = _codes(facilitator)
    secret = sf.factor_secret(StaffSecondFactor.objects.get())
    # The enrolment used the current step: wait for a newer one by asking for the next.
    assert (
        sf.second_factor_codes_regenerate(actor=facilitator, user=facilitator, code="12345a")
        is None
    )
    new = sf.second_factor_codes_regenerate(
        actor=facilitator,
        user=facilitator,
        code=code_for(secret, time.time() + totp.DEFAULT_PERIOD),
    )
    assert new is not None
    assert not set(new) & set(old)
    assert sf.second_factor_recovery_use(actor=facilitator, user=facilitator, code=old[0]) is None
    assert sf.second_factor_recovery_use(actor=facilitator, user=facilitator, code=new[0]) == 9
    assert "account.second_factor.codes_regenerated" in _actions(facilitator)


def test_a_reset_removes_the_factor_and_is_audited_with_its_actor(facilitator, agency_clerk):
    enrol(agency_clerk)
    assert sf.second_factor_reset(actor=facilitator, user=agency_clerk)
    assert not StaffSecondFactor.objects.filter(user=agency_clerk).exists()
    assert not RecoveryCode.objects.exists()
    event = AuditEvent.objects.filter(action="account.second_factor.reset").get()
    assert event.actor == facilitator
    assert event.target_id == str(agency_clerk.pk)
    assert event.changes == {"had_factor": True}


def test_rotating_the_master_key_reseals_staff_secrets(facilitator, settings):
    from abierto.lib.envelope import MasterKeyRing

    secret = enrol(facilitator)
    old = settings.FOLDER_MASTER_KEYS
    settings.FOLDER_MASTER_KEYS = MasterKeyRing.new_key_spec("test2") + "," + old
    assert sf.second_factor_reseal_all() == 1
    factor = StaffSecondFactor.objects.get()
    assert MasterKeyRing.sealed_kid(bytes(factor.secret_sealed)) == "test2"
    assert sf.factor_secret(factor) == secret


def test_the_reset_command_needs_an_actor_and_is_audited(facilitator, agency_clerk):
    import io

    from django.core.management import CommandError, call_command

    enrol(agency_clerk)
    with pytest.raises(CommandError, match="--actor"):
        call_command("second_factor_reset", "--username=carmen", "--actor=alicia")
    facilitator.is_staff = True
    facilitator.save()
    out = io.StringIO()
    call_command("second_factor_reset", "--username=carmen", "--actor=alicia", stdout=out)
    assert "quitado" in out.getvalue()
    assert not StaffSecondFactor.objects.exists()
    event = AuditEvent.objects.get(action="account.second_factor.reset")
    assert event.actor == facilitator
    with pytest.raises(CommandError, match="No existe"):
        call_command("second_factor_reset", "--username=nadie", "--actor=alicia")


def test_the_admin_resets_a_factor_with_an_audit_row_and_never_shows_the_secret(
    client, django_user_model, agency_clerk
):
    from abierto.directory.tests.logins import login_verified

    admin_user = django_user_model.objects.create_superuser("admin", "a@example.org", "x")
    login_verified(client, admin_user)
    secret = enrol(agency_clerk)
    factor = StaffSecondFactor.objects.get()
    page = client.get(f"/admin/directory/staffsecondfactor/{factor.pk}/change/")
    assert page.status_code == 200
    assert secret not in page.text
    client.post(
        "/admin/directory/staffsecondfactor/",
        {"action": "reset_factors", "_selected_action": [factor.pk]},
    )
    assert not StaffSecondFactor.objects.exists()
    assert AuditEvent.objects.get(action="account.second_factor.reset").actor == admin_user
