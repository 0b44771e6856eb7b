"""How a citizen opens their folder: CUTS, password and a TOTP code, or carnet QR and PIN.

These are explicit login functions, not an authentication backend: Django's ``authenticate``
would hand the credentials to every backend, and the folder must never open with a password
alone. A successful login starts the Django session of the citizen's account (with the
``ModelBackend``) and marks the session as a folder session; ``citizen_required`` lets only
such sessions through, so a citizen who signs in on the general login page (password only)
still has to pass the second factor to see any document.

Failed attempts count per CUTS and network of origin, and past a few of them that network
waits longer and longer before its next try (``lockout.py``): a stranger who read someone's
CUTS on a document cannot lock its owner out.
"""

from __future__ import annotations

import base64
import functools
import re
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.translation import gettext as _

from abierto.directory.demo_accounts import DEMO_EMAIL_DOMAIN, demo_logins_allowed
from abierto.directory.roles import Role
from abierto.directory.selectors import user_has_role
from abierto.lib import totp

from . import actor_labels, keys, selectors, services
from .formats import secret_hash
from .lockout import (  # noqa: F401 -- re-exported: reauth.py and the tests use them here
    IP_FAILURE_FACTOR,
    USERNAME_PREFIX,
    Attempt,
    is_locked,
    locked_message,
    person_key_for_cuts,
    record_failure,
    reset_failures,
    wait_seconds,
)
from .models import AccessEvent, Carnet, Citizen

SESSION_CITIZEN = "folder.citizen"
SESSION_CARNET = "folder.carnet"
SESSION_METHOD = "folder.method"
SESSION_SEEN = "folder.seen"
SESSION_PROVED = "folder.proved"  # when the citizen last proved who they are (see reauth.py)
SEEN_RESOLUTION_SECONDS = 60  # the session is written at most once a minute to note activity
TOTP_ISSUER = "Carpeta Ciudadana Edomex"
LOGIN_BACKEND = "abierto.directory.backends.AccountBackend"  # ModelBackend, see settings
_CARNET_TOKEN = re.compile(r"^[A-Z0-9]{4,20}\.[A-Za-z0-9_-]{16,128}$")


class LoginError(Exception):
    """A refused login; ``message`` is Spanish and safe to show. ``pin_only`` says that the
    carnet was good and only the PIN was wrong, so the page can keep the scanned code."""

    def __init__(self, message: str, *, pin_only: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.pin_only = pin_only


class LockedOutError(LoginError):
    """Too many failures for this CUTS or from this address: wait for the cool-off."""


# Lockout (lockout.py: per CUTS and network, a growing delay) -----------------------------------


def locked_out_error(attempt: Attempt) -> LockedOutError | None:
    """The refusal for an attempt that must wait (see lockout.py), or None."""
    seconds = wait_seconds(attempt)
    return LockedOutError(locked_message(seconds)) if seconds else None


def _refuse_if_locked(attempt: Attempt) -> None:
    if (error := locked_out_error(attempt)) is not None:
        raise error


def _fail(attempt: Attempt, message: str, *, pin_only: bool = False) -> LoginError:
    record_failure(attempt)
    return locked_out_error(attempt) or LoginError(message, pin_only=pin_only)


# The second factor ---------------------------------------------------------------------------


def totp_aad(citizen: Citizen) -> bytes:
    return b"folder.citizen.totp:" + citizen.cuts_index.encode("ascii")


def totp_seal(citizen: Citizen, secret: str) -> bytes:
    return keys.master_key_ring().seal(secret.encode("ascii"), totp_aad(citizen))


def totp_secret(citizen: Citizen) -> str:
    sealed = citizen.totp_secret_encrypted
    if not sealed:
        raise ValueError("This folder has no second factor enrolled.")
    return keys.master_key_ring().unseal(bytes(sealed), totp_aad(citizen)).decode("ascii")


def totp_uri(citizen: Citizen, secret: str) -> str:
    return totp.provisioning_uri(secret, account=citizen.cuts, issuer=TOTP_ISSUER)


@transaction.atomic
def totp_use(citizen: Citizen, code: str) -> bool:
    """Accept ``code`` once: its time step must be newer than the last accepted one."""
    locked = Citizen.objects.select_for_update().get(pk=citizen.pk)
    step = totp.verify(
        totp.decode_secret(totp_secret(locked)), code, after_step=locked.totp_last_step
    )
    if step is None:
        return False
    locked.totp_last_step = step
    locked.save(update_fields=["totp_last_step", "updated_at"])
    citizen.totp_last_step = step
    return True


# Logins ----------------------------------------------------------------------------------------


@functools.cache
def _dummy_hash() -> str:
    """Checked when the CUTS has no folder, so that the answer takes as long either way."""
    return make_password("carpeta-ciudadana-no-existe")


def is_demo_folder(citizen: Citizen) -> bool:
    """A folder of ``load_demo`` (demo_logins.py): its account has a ``@demo.invalid`` address."""
    user = citizen.user
    return user is not None and (user.email or "").lower().endswith("@" + DEMO_EMAIL_DOMAIN)


def _can_log_in(citizen: Citizen | None) -> bool:
    """An active folder; a demo one (public password, printed codes) only with ``DEBUG``."""
    return (
        citizen is not None
        and citizen.activated_at is not None
        and citizen.user is not None
        and citizen.user.is_active
        and (demo_logins_allowed() or not is_demo_folder(citizen))
    )


def login_with_cuts(request: HttpRequest, *, cuts: str, password: str, code: str) -> Citizen:
    """The citizen whose CUTS, password and current TOTP code these are; else ``LoginError``."""
    attempt = Attempt(request, person_key_for_cuts(cuts))
    _refuse_if_locked(attempt)
    citizen = selectors.citizen_for_cuts(cuts)
    wrong = _("La CUTS, la contraseña o el código de verificación no son correctos.")
    if citizen is None or not _can_log_in(citizen):
        check_password(password, _dummy_hash())
        raise _fail(attempt, wrong)
    assert citizen.user is not None
    if not citizen.user.check_password(password) or not totp_use(citizen, code):
        raise _fail(attempt, wrong)
    reset_failures(attempt)
    return citizen


def _activation_code_normalize(code: str) -> str:
    letters = re.sub(r"[^A-Za-z0-9]", "", code).upper()
    return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


def activation_check(request: HttpRequest, *, cuts: str, code: str) -> Citizen:
    """The folder, not yet active, that this CUTS and activation code open; else ``LoginError``."""
    attempt = Attempt(request, person_key_for_cuts(cuts))
    _refuse_if_locked(attempt)
    citizen = selectors.citizen_for_cuts(cuts)
    normalized = _activation_code_normalize(code)
    # An active folder has no code left: the same answer as a wrong code, so that nobody
    # learns from here whether a CUTS has a folder.
    if citizen is None or citizen.activated_at is not None or not citizen.activation_code_hash:
        check_password(normalized, _dummy_hash())
        raise _fail(attempt, _("La CUTS o el código de activación no son correctos."))
    if not check_password(normalized, citizen.activation_code_hash):
        raise _fail(attempt, _("La CUTS o el código de activación no son correctos."))
    reset_failures(attempt)
    return citizen


def carnet_token_from_text(text: str) -> str:
    """The carnet token in what a QR holds: the folder URL with ``#<token>``, or the token."""
    text = text.strip()
    if "#" in text:
        text = text.rsplit("#", 1)[1]
    return text.strip()


def _inactive_carnet(token: str) -> Carnet | None:
    """The cancelled or replaced carnet whose QR this is (the secret must match)."""
    serial, _sep, secret = token.partition(".")
    carnet = Carnet.objects.filter(serial=serial).exclude(status=Carnet.Status.ACTIVE).first()
    if carnet is not None and secret and carnet.secret_hash == secret_hash(secret):
        return carnet
    return None


def login_with_carnet(request: HttpRequest, *, qr_text: str, pin: str) -> tuple[Citizen, Carnet]:
    """The citizen whose active carnet QR and PIN these are; else ``LoginError``."""
    attempt = Attempt(request)
    _refuse_if_locked(attempt)
    token = carnet_token_from_text(qr_text)
    unreadable = _(
        "El código no es el de un carnet jurídico vigente. Revise que escaneó el QR del carnet."
    )
    if not _CARNET_TOKEN.match(token):
        raise _fail(attempt, unreadable)
    try:
        carnet = selectors.carnet_for_token(token)
    except Carnet.DoesNotExist:
        inactive = _inactive_carnet(token)
        if inactive is None:
            raise _fail(attempt, unreadable) from None
        attempt = attempt.for_person(inactive.citizen.cuts_index)
        if inactive.status == Carnet.Status.REPLACED:
            message = _(
                "Este carnet fue reemplazado por uno nuevo y ya no abre la Carpeta. "
                "Use su carnet más reciente o entre con su CUTS."
            )
        else:
            message = _(
                "Este carnet fue cancelado y ya no abre la Carpeta. Entre con su CUTS o "
                "solicite un carnet nuevo."
            )
        raise _fail(attempt, message) from None
    citizen = carnet.citizen
    attempt = attempt.for_person(citizen.cuts_index)
    _refuse_if_locked(attempt)
    if not _can_log_in(citizen) or not citizen.pin_hash:
        raise _fail(
            attempt,
            _("Esta Carpeta aún no está activada. Actívela primero con su CUTS y su código."),
        )
    if not check_password(pin, citizen.pin_hash):
        raise _fail(attempt, _("El PIN no es correcto."), pin_only=True)
    reset_failures(attempt)
    return citizen, carnet


def session_start(
    request: HttpRequest, citizen: Citizen, *, method: str, carnet: Carnet | None = None
) -> None:
    """Log the citizen's account in and mark the session as a folder session."""
    assert citizen.user is not None
    login(request, citizen.user, backend=LOGIN_BACKEND)
    request.session[SESSION_CITIZEN] = citizen.public_id
    request.session[SESSION_METHOD] = method
    request.session[SESSION_SEEN] = request.session[SESSION_PROVED] = time.time()
    if carnet is not None:
        request.session[SESSION_CARNET] = carnet.pk
    label = actor_labels.HOLDER_WITH_CARNET if carnet is not None else actor_labels.HOLDER_WITH_CUTS
    services.access_record(
        action=AccessEvent.Action.LOGIN,
        actor_label=label,
        citizen=citizen,
        ip=get_client_ip_address(request),
    )


def _still_active(request: HttpRequest) -> bool:
    """Note this request's activity; False once the folder sat idle past the limit.

    Sessions last ``SESSION_COOKIE_AGE`` (8 hours) at most; a folder session also ends after
    ``FOLDER_IDLE_MINUTES`` without a request, like a bank's (ASVS 3.3.2).
    """
    now = time.time()
    seen = request.session.get(SESSION_SEEN)
    if isinstance(seen, int | float):
        if now - seen > settings.FOLDER_IDLE_MINUTES * 60:
            return False
        if now - seen < SEEN_RESOLUTION_SECONDS:
            return True
    request.session[SESSION_SEEN] = now
    return True


def current_citizen(request: HttpRequest) -> Citizen | None:
    """The citizen of a folder session, or ``None`` (no folder login, its card revoked, or the
    session idle for too long, which also logs the account out)."""
    user = request.user
    public_id = request.session.get(SESSION_CITIZEN)
    if not user.is_authenticated or not public_id or not user_has_role(user, Role.CITIZEN):
        return None
    if not _still_active(request):
        logout(request)
        return None
    citizen = (
        Citizen.objects.filter(user=user, public_id=public_id, activated_at__isnull=False)
        .select_related("user")
        .first()
    )
    if citizen is None:
        return None
    carnet_pk = request.session.get(SESSION_CARNET)
    if (
        carnet_pk is not None
        and not Carnet.objects.filter(
            pk=carnet_pk, citizen=citizen, status=Carnet.Status.ACTIVE
        ).exists()
    ):
        return None
    return citizen


FolderView = Callable[..., HttpResponseBase]


def citizen_required(view: FolderView) -> FolderView:
    """Let only folder sessions through; pass the citizen to the view as ``citizen``."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        citizen = current_citizen(request)
        if citizen is None:
            return redirect_to_login(request.get_full_path(), login_url=reverse("folder:login"))
        return view(request, *args, citizen=citizen, **kwargs)

    return wrapper


def encode_sealed(sealed: bytes) -> str:
    """Sealed bytes as text, to keep in the session between the activation steps."""
    return base64.b64encode(sealed).decode("ascii")


def decode_sealed(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))
