"""Proving again who one is before exporting the whole folder or creating a share (ASVS 3.7.1).

A folder session stays open while it is used (``auth._still_active``), but the two actions
that take every document out of it, the ZIP of all the citizen's data and a share link,
want a proof of identity of the last ``FOLDER_REAUTH_MINUTES``: the login itself, or a
confirmation with the same secrets that opened the session (password and TOTP code with the
CUTS, the PIN with a carnet). Without one, what was sent waits in the session (``pending``)
while the citizen confirms on its own page; once confirmed, a page posts it again.

Wrong answers count toward the login's lockout (``auth.record_failure``, the same
``carpeta:<index>`` key and the same network: ``lockout.py``); an account that must wait is
logged out. Each confirmation is written to the
citizen's access log, like a login.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any
from urllib.parse import urlencode, urlsplit

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.functional import Promise
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import actor_labels, auth, services
from .models import AccessEvent, Citizen

SESSION_PENDING = "folder.reauth_pending"
PENDING_MINUTES = 15  # what was sent waits this long for its confirmation, at most
PENDING_MAX_CHARS = 10_000  # a bigger form is not kept: the citizen types it again
CARNET = "carnet"


@dataclass(frozen=True)
class Action:
    what: Promise  # "Para <what>, confirme que es usted."
    button: Promise
    back: str  # the page whose form sends it


EXPORT = "export"
SHARE = "share"
PROCEDURE = "procedure"
ACTIONS = {
    EXPORT: Action(
        gettext_lazy("descargar todos sus datos"),
        gettext_lazy("Descargar mis datos (ZIP)"),
        "folder:my_data",
    ),
    SHARE: Action(
        gettext_lazy("crear un enlace para compartir documentos"),
        gettext_lazy("Crear enlace"),
        "folder:shares",
    ),
    PROCEDURE: Action(
        gettext_lazy("enviar sus datos a la dependencia del trámite"),
        gettext_lazy("Acepto y envío mis datos"),
        "folder:procedures",
    ),
}


def session_method(request: HttpRequest) -> str:
    """``carnet`` or ``cuts``: how this folder session was opened."""
    return CARNET if request.session.get(auth.SESSION_METHOD) == CARNET else "cuts"


def is_recent(request: HttpRequest) -> bool:
    proved = request.session.get(auth.SESSION_PROVED)
    return (
        isinstance(proved, int | float)
        and time.time() - proved <= settings.FOLDER_REAUTH_MINUTES * 60
    )


# What waits for the confirmation --------------------------------------------------------------


@dataclass(frozen=True)
class Pending:
    action: str
    path: str
    fields: list[tuple[str, str]]

    @property
    def details(self) -> Action:
        return ACTIONS[self.action]

    @property
    def back(self) -> str:
        return reverse(self.details.back)


def _keep(request: HttpRequest, action: str) -> None:
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name != "csrfmiddlewaretoken"
        for value in values
    ]
    if sum(len(name) + len(value) for name, value in fields) > PENDING_MAX_CHARS:
        fields = []
    request.session[SESSION_PENDING] = {
        "action": action,
        "path": request.path,
        "fields": fields,
        "at": time.time(),
    }


def pending(request: HttpRequest) -> Pending | None:
    """The action that waits for a confirmation, if it has not waited too long."""
    kept = request.session.get(SESSION_PENDING)
    if (
        not isinstance(kept, dict)
        or kept.get("action") not in ACTIONS
        or not isinstance(kept.get("at"), int | float)
        or time.time() - kept["at"] > PENDING_MINUTES * 60
    ):
        return None
    fields = [(str(name), str(value)) for name, value in kept.get("fields", [])]
    return Pending(kept["action"], str(kept["path"]), fields)


def confirm_url(back: str) -> str:
    return f"{reverse('folder:reauth')}?{urlencode({'next': back}, safe='/')}"


def safe_next(value: str | None, default: str) -> str:
    """``value`` if it is a page of the folder on this site; else ``default``."""
    if not value or not url_has_allowed_host_and_scheme(value, allowed_hosts=None):
        return default
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return default
    try:
        match = resolve(parts.path)
    except Resolver404:
        return default
    if match.namespace != "folder" or match.url_name in {"reauth", "reauth_continue"}:
        return default
    return value


FolderView = Callable[..., HttpResponseBase]


def required(action: str) -> Callable[[FolderView], FolderView]:
    """``auth.citizen_required``; and a POST needs a recent proof of identity, else it waits
    (kept in the session) while the citizen confirms who they are."""
    back = ACTIONS[action].back

    def decorator(view: FolderView) -> FolderView:
        @auth.citizen_required
        @wraps(view)
        def wrapper(
            request: HttpRequest, *args: Any, citizen: Citizen, **kwargs: Any
        ) -> HttpResponseBase:
            if request.method == "POST":
                if not is_recent(request):
                    _keep(request, action)
                    return redirect(confirm_url(reverse(back)))
                request.session.pop(SESSION_PENDING, None)
            return view(request, *args, citizen=citizen, **kwargs)

        return wrapper

    return decorator


# The confirmation ------------------------------------------------------------------------------


def _secrets_match(
    request: HttpRequest, citizen: Citizen, *, password: str, code: str, pin: str
) -> bool:
    if session_method(request) == CARNET:
        return bool(citizen.pin_hash) and check_password(pin, citizen.pin_hash)
    if citizen.user is None or not citizen.user.check_password(password):
        return False
    try:
        return auth.totp_use(citizen, code)  # a code already used (at the login) is refused
    except ValueError:  # no second factor enrolled
        return False


def confirm(
    request: HttpRequest, citizen: Citizen, *, password: str = "", code: str = "", pin: str = ""
) -> None:
    """Note a new proof of identity, or raise ``auth.LoginError`` (``LockedOutError`` once
    the CUTS is locked: the caller logs the account out)."""
    attempt = auth.Attempt(request, auth.USERNAME_PREFIX + citizen.cuts_index)
    if (locked := auth.locked_out_error(attempt)) is not None:
        raise locked
    if not _secrets_match(request, citizen, password=password, code=code, pin=pin):
        auth.record_failure(attempt)
        if (locked := auth.locked_out_error(attempt)) is not None:
            raise locked
        if session_method(request) == CARNET:
            raise auth.LoginError(_("El PIN no es correcto."))
        raise auth.LoginError(
            _(
                "La contraseña o el código de verificación no son correctos. Si acaba de usar "
                "un código, espere a que su aplicación muestre uno nuevo."
            )
        )
    auth.reset_failures(attempt)
    request.session[auth.SESSION_PROVED] = time.time()
    carnet = session_method(request) == CARNET
    services.access_record(
        action=AccessEvent.Action.REAUTH,
        actor_label=actor_labels.HOLDER_WITH_CARNET if carnet else actor_labels.HOLDER_WITH_CUTS,
        citizen=citizen,
        ip=get_client_ip_address(request),
    )
