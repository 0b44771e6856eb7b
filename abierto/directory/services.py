"""Every write of the directory: one transaction each, with its audit row."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from . import notifications, signals
from .models import AuditEvent, Institution, MembershipApplication, Municipality, Person
from .roles import Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User


def audit_record(
    *,
    actor: User | AnonymousUser | None,
    action: str,
    target: models.Model,
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    """Write the audit row of a change; call it inside the change's transaction.

    After the commit, ``signals.records_changed`` tells the listeners (the public pages'
    cache) that a record of ``target``'s app changed.
    """
    app_label = target._meta.app_label
    transaction.on_commit(
        lambda: signals.records_changed.send(sender=AuditEvent, app_label=app_label)
    )
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        changes=changes or {},
    )


def password_changed(*, user: User, how: str) -> None:
    """Record a new password (``how``: "change" or "reset") and tell its owner by e-mail.

    The e-mail is what lets someone notice that another person took over the account
    (ASVS 2.2.3). The first password of a new member, set from the link in the approval
    e-mail before any login, is not a change worth telling.
    """
    with transaction.atomic():
        audit_record(actor=user, action=f"account.password_{how}", target=user)
    if user.last_login is not None:
        transaction.on_commit(lambda: notifications.password_changed(user))


def role_grant(*, user: User, role: Role) -> None:
    group, _created = Group.objects.get_or_create(name=role.value)
    user.groups.add(group)
    user.__dict__.pop("_abierto_roles", None)  # the roles cached by selectors.user_roles


def _open_application_exists(email: str) -> bool:
    return MembershipApplication.objects.filter(
        email__iexact=email,
        status__in=[MembershipApplication.Status.PENDING, MembershipApplication.Status.APPROVED],
    ).exists()


DUPLICATE_APPLICATION_MESSAGE = gettext_noop(
    "Ya existe una solicitud en revisión o aprobada con este correo electrónico. "
    "Si necesita actualizarla, escriba a la Facilitación del STL."
)


def application_submit(
    *,
    full_name: str,
    email: str,
    motivation: str,
    privacy_accepted: bool,
    organisation: str = "",
    phone: str = "",
    municipality: Municipality | None = None,
) -> MembershipApplication:
    """Record an application to join the civil-society sector and acknowledge it."""
    if not privacy_accepted:
        raise ValidationError(
            {"privacy_accepted": _("Debe aceptar el aviso de privacidad para enviar la solicitud.")}
        )
    email = email.strip()
    application = MembershipApplication(
        full_name=" ".join(full_name.split()),
        organisation=organisation.strip(),
        motivation=motivation.strip(),
        email=email,
        phone=phone.strip(),
        municipality=municipality,
        privacy_accepted_at=timezone.now(),
    )
    application.full_clean(validate_constraints=False)
    if _open_application_exists(email):
        raise ValidationError({"email": _(DUPLICATE_APPLICATION_MESSAGE)})
    try:
        with transaction.atomic():
            application.save()
            audit_record(actor=None, action="application.submitted", target=application)
            transaction.on_commit(lambda: notifications.application_received(application))
    except IntegrityError as exc:
        # A concurrent submission with the same e-mail won the race.
        raise ValidationError({"email": _(DUPLICATE_APPLICATION_MESSAGE)}) from exc
    return application


def _lock_pending(application: MembershipApplication) -> MembershipApplication:
    locked = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status != MembershipApplication.Status.PENDING:
        raise ValidationError(
            _("Esta solicitud ya fue resuelta (%(status)s).")
            % {"status": locked.get_status_display()}
        )
    return locked


def _civil_society_organisation(name: str) -> Institution | None:
    if not name:
        return None
    existing = Institution.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    return Institution.objects.create(name=name, kind=Institution.Kind.CIVIL_SOCIETY)


@transaction.atomic
def application_approve(
    *, actor: User, application: MembershipApplication, reason: str = ""
) -> MembershipApplication:
    """Approve an application: the applicant becomes a member with a login of their own."""
    application = _lock_pending(application)
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=application.email).first()
    if user is None:
        user = user_model.objects.create_user(
            username=application.email.lower(),
            email=application.email,
            # Random and never shown: the applicant sets their own through the e-mailed link.
            password=secrets.token_urlsafe(32),
        )
        first, _sep, last = application.full_name.partition(" ")
        user.first_name, user.last_name = first[:150], last[:150]
        user.save(update_fields=["first_name", "last_name"])
    role_grant(user=user, role=Role.MEMBER)
    person = Person.objects.filter(user=user).first() or Person.objects.create(
        name=application.full_name,
        public_role=_("Integrante del sector Sociedad Civil"),
        institution=_civil_society_organisation(application.organisation),
        user=user,
        email=application.email,
        phone=application.phone,
    )
    application.status = MembershipApplication.Status.APPROVED
    application.reviewed_by = actor
    application.reviewed_at = timezone.now()
    application.decision_reason = reason.strip()
    application.person = person
    application.save()
    audit_record(
        actor=actor,
        action="application.approved",
        target=application,
        changes={"status": application.status, "user": user.pk},
    )
    transaction.on_commit(lambda: notifications.application_approved(application, user))
    return application


@transaction.atomic
def application_reject(
    *, actor: User, application: MembershipApplication, reason: str
) -> MembershipApplication:
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Escriba el motivo: se enviará a la persona solicitante.")}
        )
    application = _lock_pending(application)
    application.status = MembershipApplication.Status.REJECTED
    application.reviewed_by = actor
    application.reviewed_at = timezone.now()
    application.decision_reason = reason
    application.save()
    audit_record(
        actor=actor,
        action="application.rejected",
        target=application,
        changes={"status": application.status, "reason": reason},
    )
    transaction.on_commit(lambda: notifications.application_rejected(application))
    return application
