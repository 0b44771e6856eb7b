"""Rotating the master key reseals the circles' data too, so the old key can go."""

import io

import pytest
from django.core.management import call_command

from abierto.circles import sealing, services
from abierto.circles.models import Application, Participant
from abierto.lib.envelope import DecryptionError, MasterKeyRing

from .helpers import START, cohort, instrument, mediation_staff, participant

pytestmark = pytest.mark.django_db

SEALED = ("identity_sealed", "consent_sealed", "guardian_consent_sealed")


def _kids() -> set[str]:
    kids = set()
    for person in Participant.objects.all():
        for field in SEALED:
            if getattr(person, field):
                kids.add(MasterKeyRing.sealed_kid(bytes(getattr(person, field))))
    for application in Application.objects.all():
        kids.add(MasterKeyRing.sealed_kid(bytes(application.scores_sealed)))
    return kids


def test_rotation_reseals_identities_consents_and_scores(settings):
    staff = mediation_staff()
    group = cohort(staff)
    person = participant(staff, group)
    test = instrument()
    services.application_record(
        actor=staff, participant=person, instrument=test, date=START, scores={1: 3, 2: 4, 3: 5}
    )
    before = sealing.unseal_identity(person.public_id, person.identity_sealed)
    application = Application.objects.get()
    scores = sealing.unseal_json(person.public_id, "scores", application.scores_sealed)
    old_spec = settings.FOLDER_MASTER_KEYS
    settings.FOLDER_MASTER_KEYS = f"{MasterKeyRing.new_key_spec('nueva')},{old_spec}"
    assert _kids() == {old_spec.split(":")[0]}

    call_command("folder_rotate_master_key", stdout=io.StringIO())

    assert _kids() == {"nueva"}
    settings.FOLDER_MASTER_KEYS = settings.FOLDER_MASTER_KEYS.split(",")[0]
    person.refresh_from_db()
    assert sealing.unseal_identity(person.public_id, person.identity_sealed) == before
    application.refresh_from_db()
    assert sealing.unseal_json(person.public_id, "scores", application.scores_sealed) == scores
    # A second rotation with nothing left to do changes no row.
    assert sealing.reseal_all() == 0


def test_without_rotation_the_old_keys_data_does_not_open(settings):
    staff = mediation_staff()
    person = participant(staff, cohort(staff))
    settings.FOLDER_MASTER_KEYS = MasterKeyRing.new_key_spec("otra")
    with pytest.raises(DecryptionError):
        sealing.unseal_identity(person.public_id, bytes(person.identity_sealed))
