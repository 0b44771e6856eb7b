"""Every write of the restorative circles: ``<entity>_<action>(*, actor, ...)``, each in one
transaction with its audit row, each refused to anyone but the cohort's assigned staff.

A withdrawn participant is never written again: every service that would record something
about them refuses with a Spanish message (``ensure_not_withdrawn``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from abierto.directory.models import Institution
from abierto.directory.services import audit_record
from abierto.lib.uploads import CONTENT_TYPES, Kind, check_upload

from . import sealing
from .access import is_mediation_staff, require_assigned, require_mediation_staff
from .models import (
    PHASE_ORDER,
    Application,
    Attendance,
    Circle,
    Cohort,
    Instrument,
    Milestone,
    Organisation,
    Participant,
    Phase,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import UploadedFile

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
DOCUMENT_KINDS = {Kind.PDF, Kind.JPEG, Kind.PNG}
ADULT_AGE = 18


def ensure_not_withdrawn(participant: Participant) -> None:
    if participant.withdrawn:
        raise ValidationError(
            _("%(pseudonym)s retiró su consentimiento: no se registra nada más sobre esta persona.")
            % {"pseudonym": participant.pseudonym}
        )


def _locked(participant: Participant) -> Participant:
    """The participant's row, locked for the change, checked again under the lock."""
    locked = Participant.objects.select_for_update().select_related("cohort").get(pk=participant.pk)
    ensure_not_withdrawn(locked)
    return locked


def _document(upload: UploadedFile) -> sealing.Document:
    kind = check_upload(upload, allowed=DOCUMENT_KINDS, max_bytes=MAX_DOCUMENT_BYTES)
    upload.seek(0)
    return sealing.Document(upload.name or "documento", CONTENT_TYPES[kind], upload.read())


@transaction.atomic
def cohort_create(
    *,
    actor: User,
    name: str,
    institution: Institution,
    centre: str,
    region: str,
    start_date: datetime.date,
    end_date: datetime.date | None = None,
    commitment_public_id: str = "",
) -> Cohort:
    """A new cohort, with its creator as its first assigned staff member."""
    require_mediation_staff(actor)
    cohort = Cohort(
        name=name.strip(),
        institution=institution,
        centre=centre.strip(),
        region=region.strip(),
        start_date=start_date,
        end_date=end_date,
        commitment_public_id=commitment_public_id.strip(),
    )
    cohort.full_clean()
    cohort.save()
    cohort.staff.add(actor)
    audit_record(actor=actor, action="circles.cohort.created", target=cohort)
    return cohort


@transaction.atomic
def cohort_assign_staff(*, actor: User, cohort: Cohort, user: User) -> None:
    require_assigned(actor, cohort)
    if not is_mediation_staff(user):
        raise ValidationError(_("Solo se asigna personal con el rol del centro de mediación."))
    cohort.staff.add(user)
    audit_record(
        actor=actor,
        action="circles.cohort.staff_assigned",
        target=cohort,
        changes={"user": user.pk},
    )


@transaction.atomic
def participant_select(
    *, actor: User, cohort: Cohort, name: str, birth_date: datetime.date, selected_on: datetime.date
) -> Participant:
    """Record a selected young person: their name and birth date are sealed at once."""
    require_assigned(actor, cohort)
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Escriba el nombre de la persona.")})
    if birth_date >= selected_on:
        raise ValidationError(
            {"birth_date": _("La fecha de nacimiento es posterior a la selección.")}
        )
    participant = Participant(cohort=cohort)
    participant.identity_sealed = sealing.seal_identity(
        participant.public_id, sealing.Identity(name, birth_date)
    )
    participant.full_clean(exclude=["identity_sealed"])
    participant.save()
    Milestone.objects.create(participant=participant, phase=Phase.SELECTION, date=selected_on)
    # The audit row names the pseudonym only: the audit trail is read more widely.
    audit_record(
        actor=actor,
        action="circles.participant.selected",
        target=participant,
        changes={"pseudonym": participant.pseudonym},
    )
    return participant


@transaction.atomic
def participant_accept(
    *,
    actor: User,
    participant: Participant,
    accepted_on: datetime.date,
    document: UploadedFile,
    guardian_consent_by: str = "",
    guardian_document: UploadedFile | None = None,
) -> Participant:
    """The first interview: the young person accepts, with the signed document; for a minor
    (under 18 on that date) the guardian's or the DIF's consent too."""
    require_assigned(actor, participant.cohort)
    participant = _locked(participant)
    if participant.accepted_on is not None:
        raise ValidationError(_("La aceptación de esta persona ya está registrada."))
    identity = sealing.unseal_identity(participant.public_id, participant.identity_sealed)
    minor = identity.age_on(accepted_on) < ADULT_AGE
    if minor:
        if guardian_consent_by not in Participant.ConsentBy.values or guardian_document is None:
            raise ValidationError(
                {
                    "guardian_document": _(
                        "La persona es menor de edad en la fecha de aceptación: adjunte el "
                        "consentimiento de su persona tutora o del DIF."
                    )
                }
            )
        participant.guardian_consent_by = guardian_consent_by
        participant.guardian_consent_sealed = sealing.seal_document(
            participant.public_id, "guardian", _document(guardian_document)
        )
    participant.minor_at_acceptance = minor
    participant.accepted_on = accepted_on
    participant.consent_sealed = sealing.seal_document(
        participant.public_id, "consent", _document(document)
    )
    participant.save()
    Milestone.objects.update_or_create(
        participant=participant, phase=Phase.INTERVIEW, defaults={"date": accepted_on}
    )
    audit_record(
        actor=actor,
        action="circles.participant.accepted",
        target=participant,
        changes={"accepted_on": accepted_on.isoformat(), "minor": minor},
    )
    return participant


def _ensure_accepted(participant: Participant) -> None:
    if participant.accepted_on is None:
        raise ValidationError(
            _("Registre primero la aceptación de %(pseudonym)s (primera entrevista).")
            % {"pseudonym": participant.pseudonym}
        )


@transaction.atomic
def participant_reach_phase(
    *, actor: User, participant: Participant, phase: str, date: datetime.date
) -> Milestone:
    require_assigned(actor, participant.cohort)
    participant = _locked(participant)
    if phase not in PHASE_ORDER[2:]:
        raise ValidationError({"phase": _("Elija una fase posterior a la primera entrevista.")})
    _ensure_accepted(participant)
    if participant.accepted_on and date < participant.accepted_on:
        raise ValidationError({"date": _("La fecha es anterior a la aceptación.")})
    milestone, _created = Milestone.objects.update_or_create(
        participant=participant, phase=phase, defaults={"date": date}
    )
    audit_record(
        actor=actor,
        action="circles.participant.phase",
        target=participant,
        changes={"phase": phase, "date": date.isoformat()},
    )
    return milestone


@transaction.atomic
def participant_withdraw(
    *, actor: User, participant: Participant, withdrawn_on: datetime.date
) -> Participant:
    """Consent withdrawn: nothing more is recorded, shown or counted about the person."""
    require_assigned(actor, participant.cohort)
    participant = _locked(participant)
    participant.status = Participant.Status.WITHDRAWN
    participant.withdrawn_on = withdrawn_on
    participant.save(update_fields=["status", "withdrawn_on", "updated_at"])
    audit_record(
        actor=actor,
        action="circles.participant.withdrawn",
        target=participant,
        changes={"withdrawn_on": withdrawn_on.isoformat()},
    )
    return participant


@transaction.atomic
def circle_record(
    *,
    actor: User,
    cohort: Cohort,
    kind: str,
    date: datetime.date,
    topic: str = "",
    attendees: Iterable[Participant] = (),
    organisations: Iterable[Organisation] = (),
) -> Circle:
    """A circle held, with who attended (accepted, not withdrawn, of this cohort)."""
    require_assigned(actor, cohort)
    circle = Circle(cohort=cohort, kind=kind, date=date, topic=topic.strip())
    circle.full_clean()
    circle.save()
    circle.organisations.set(list(organisations))
    present = []
    for attendee in attendees:
        attendee = _locked(attendee)
        if attendee.cohort_id != cohort.pk:
            raise ValidationError(_("Solo asisten personas de la misma generación."))
        _ensure_accepted(attendee)
        present.append(Attendance(circle=circle, participant=attendee))
    Attendance.objects.bulk_create(present)
    audit_record(
        actor=actor,
        action="circles.circle.held",
        target=circle,
        changes={"kind": kind, "date": date.isoformat(), "attendance": len(present)},
    )
    return circle


@transaction.atomic
def application_record(
    *,
    actor: User,
    participant: Participant,
    instrument: Instrument,
    date: datetime.date,
    scores: Mapping[int, int],
) -> Application:
    """An instrument applied: one score per item, within the scale; the answers are sealed."""
    require_assigned(actor, participant.cohort)
    participant = _locked(participant)
    _ensure_accepted(participant)
    numbers = set(instrument.items.values_list("number", flat=True))
    if set(scores) != numbers:
        raise ValidationError(_("Responda todos los reactivos del instrumento."))
    low, high = instrument.scale_min, instrument.scale_max
    if any(not low <= value <= high for value in scores.values()):
        raise ValidationError(
            _("Cada respuesta va de %(low)s a %(high)s.") % {"low": low, "high": high}
        )
    application = Application(instrument=instrument, participant=participant, date=date)
    application.scores_sealed = sealing.seal_json(
        participant.public_id,
        "scores",
        {str(number): value for number, value in sorted(scores.items())},
    )
    application.save()
    audit_record(
        actor=actor,
        action="circles.application.recorded",
        target=participant,
        changes={"instrument": instrument.pk, "date": date.isoformat()},
    )
    return application
