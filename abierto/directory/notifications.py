"""E-mails of the directory. Called after commit, so a rolled-back change sends nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from .roles import Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from .models import MembershipApplication


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _send(subject: str, template: str, context: dict[str, object], to: list[str]) -> None:
    if not to:
        return
    context = {"site_url": settings.SITE_URL, **context}
    body = render_to_string(f"directory/email/{template}.txt", context)
    send_mail(subject, body, None, to, fail_silently=False)


def application_received(application: MembershipApplication) -> None:
    _send(
        _("Recibimos su solicitud para integrarse al STL"),
        "application_received",
        {"application": application},
        [application.email],
    )
    from django.contrib.auth import get_user_model

    facilitators = (
        get_user_model()
        .objects.filter(groups__name=Role.FACILITATOR.value, is_active=True)
        .exclude(email="")
    )
    _send(
        _("Nueva solicitud de integración: %(name)s") % {"name": application.full_name},
        "application_new_for_facilitator",
        {"application": application, "review_url": absolute_url(application.get_absolute_url())},
        sorted({user.email for user in facilitators}),
    )


def password_set_url(user: AbstractBaseUser) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute_url(reverse("password_reset_confirm", args=[uid, token]))


def application_approved(application: MembershipApplication, user: AbstractBaseUser) -> None:
    _send(
        _("Su solicitud para integrarse al STL fue aprobada"),
        "application_approved",
        {
            "application": application,
            "username": user.get_username(),
            "set_password_url": password_set_url(user),
            "login_url": absolute_url(reverse("login")),
        },
        [application.email],
    )


def application_rejected(application: MembershipApplication) -> None:
    _send(
        _("Respuesta a su solicitud para integrarse al STL"),
        "application_rejected",
        {"application": application},
        [application.email],
    )


def password_changed(user: AbstractBaseUser) -> None:
    email = getattr(user, "email", "")
    _send(
        _("Se cambió la contraseña de su cuenta del STL"),
        "password_changed",
        {
            "name": getattr(user, "get_full_name", lambda: "")() or user.get_username(),
            "username": user.get_username(),
            "changed_at": timezone.localtime(),
            "reset_url": absolute_url(reverse("password_reset")),
        },
        [email] if email else [],
    )
