"""The folder's landing page, its activation in three steps and the two logins (CUTS and
password with a TOTP code; carnet and PIN)."""

from __future__ import annotations

import time
from typing import Any

from django.contrib import messages
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from abierto.lib import totp

from .. import auth, rendition, selectors
from ..forms import (
    ActivationCodeForm,
    ActivationSecretsForm,
    CarnetLoginForm,
    CutsLoginForm,
    TotpConfirmForm,
)
from ..models import Citizen
from ..services.activation import citizen_activate
from .common import (
    next_url,
    private,
)

ACTIVATION = "folder.activation"
ACTIVATION_MINUTES = 30

# Landing, activation, logins -------------------------------------------------------------------


@never_cache
def landing(request: HttpRequest) -> HttpResponse:
    return render(
        request, "folder/citizen/landing.html", {"citizen": auth.current_citizen(request)}
    )


def _activation_state(request: HttpRequest) -> tuple[dict[str, Any], Citizen] | None:
    state = request.session.get(ACTIVATION)
    if not isinstance(state, dict):
        return None
    if time.time() - float(state.get("started", 0)) > ACTIVATION_MINUTES * 60:
        request.session.pop(ACTIVATION, None)
        return None
    citizen_pk = state.get("citizen")
    if not isinstance(citizen_pk, int):
        request.session.pop(ACTIVATION, None)
        return None
    citizen = Citizen.objects.filter(pk=citizen_pk, activated_at__isnull=True).first()
    if citizen is None or citizen.activation_code_hash != state.get("code_hash"):
        request.session.pop(ACTIVATION, None)
        return None
    return state, citizen


@never_cache
@require_http_methods(["GET", "POST"])
def activate(request: HttpRequest) -> HttpResponseBase:
    """Three steps: CUTS and code; password and PIN; the second factor, confirmed."""
    if request.method == "POST" and request.POST.get("action") == "restart":
        request.session.pop(ACTIVATION, None)
        return redirect("folder:activate")
    current = _activation_state(request)
    if current is None:
        return _activate_code(request)
    state, citizen = current
    if state.get("step") == "totp":
        return _activate_totp(request, state, citizen)
    return _activate_secrets(request, state, citizen)


def _activate_code(request: HttpRequest) -> HttpResponseBase:
    form = ActivationCodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            citizen = auth.activation_check(
                request, cuts=form.cleaned_data["cuts"], code=form.cleaned_data["code"]
            )
        except auth.LoginError as exc:
            form.add_error(None, exc.message)
            status = 429 if isinstance(exc, auth.LockedOutError) else 400
        else:
            request.session[ACTIVATION] = {
                "citizen": citizen.pk,
                "code_hash": citizen.activation_code_hash,
                "step": "secrets",
                "started": time.time(),
            }
            return redirect("folder:activate")
    elif request.method == "POST":
        status = 400
    return private(
        render(
            request,
            "folder/citizen/activate.html",
            {"form": form, "step": 1, "step_template": "folder/citizen/_activate_code.html"},
            status=status,
        )
    )


def _activate_secrets(
    request: HttpRequest, state: dict[str, Any], citizen: Citizen
) -> HttpResponseBase:
    form = ActivationSecretsForm(request.POST or None, username=f"carpeta-{citizen.public_id}")
    if request.method == "POST" and form.is_valid():
        secret = totp.new_secret()
        state.update(
            step="totp",
            password=make_password(form.cleaned_data["password1"]),
            pin=make_password(form.cleaned_data["pin1"]),
            totp=auth.encode_sealed(auth.totp_seal(citizen, secret)),
        )
        request.session[ACTIVATION] = state
        return redirect("folder:activate")
    return private(
        render(
            request,
            "folder/citizen/activate.html",
            {"form": form, "step": 2, "step_template": "folder/citizen/_activate_secrets.html"},
            status=400 if request.method == "POST" else 200,
        )
    )


def _activate_totp(
    request: HttpRequest, state: dict[str, Any], citizen: Citizen
) -> HttpResponseBase:
    sealed = auth.decode_sealed(state["totp"])
    citizen.totp_secret_encrypted = sealed
    secret = auth.totp_secret(citizen)
    form = TotpConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        step = totp.verify(totp.decode_secret(secret), form.cleaned_data["code"])
        if step is None:
            form.add_error(
                "code",
                _(
                    "El código no coincide. Revise que agregó la cuenta en su aplicación y "
                    "escriba el código que muestra ahora."
                ),
            )
        else:
            try:
                citizen_activate(
                    citizen=citizen,
                    activation_code_hash=state["code_hash"],
                    password_hash=state["password"],
                    pin_hash=state["pin"],
                    totp_secret_sealed=sealed,
                    totp_step=step,
                )
            except ValidationError as exc:
                request.session.pop(ACTIVATION, None)
                messages.error(request, " ".join(exc.messages))
                return redirect("folder:activate")
            request.session.pop(ACTIVATION, None)
            auth.session_start(request, citizen, method="cuts")
            count = selectors.documents_for_citizen(citizen).count()
            if count:
                messages.success(
                    request,
                    ngettext(
                        "Su Carpeta está activa. Encontramos %(count)s documento a su nombre.",
                        "Su Carpeta está activa. Encontramos %(count)s documentos a su nombre.",
                        count,
                    )
                    % {"count": count},
                )
            else:
                messages.success(request, _("Su Carpeta está activa."))
            return redirect("folder:documents")
    uri = auth.totp_uri(citizen, secret)
    return private(
        render(
            request,
            "folder/citizen/activate.html",
            {
                "form": form,
                "step": 3,
                "step_template": "folder/citizen/_activate_totp.html",
                "otpauth_uri": uri,
                "otpauth_qr": rendition.qr_data_uri(uri),
                "secret_groups": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            },
            status=400 if request.method == "POST" else 200,
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
def login_cuts(request: HttpRequest) -> HttpResponseBase:
    form = CutsLoginForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                citizen = auth.login_with_cuts(
                    request,
                    cuts=form.cleaned_data["cuts"],
                    password=form.cleaned_data["password"],
                    code=form.cleaned_data["code"],
                )
            except auth.LoginError as exc:
                form.add_error(None, exc.message)
                if isinstance(exc, auth.LockedOutError):
                    status = 429
            else:
                auth.session_start(request, citizen, method="cuts")
                return redirect(next_url(request))
    return private(
        render(
            request,
            "folder/citizen/login.html",
            {"form": form, "next": request.GET.get("next", request.POST.get("next", ""))},
            status=status,
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
def login_carnet(request: HttpRequest) -> HttpResponseBase:
    form = CarnetLoginForm(request.POST or None, request.FILES or None)
    status = 200
    qr_read = False
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                citizen, carnet = auth.login_with_carnet(
                    request, qr_text=form.cleaned_data["qr_text"], pin=form.cleaned_data["pin"]
                )
            except auth.LoginError as exc:
                form.add_error(None, exc.message)
                if isinstance(exc, auth.LockedOutError):
                    status = 429
                # Only a wrong PIN keeps the carnet's code, so that it is not scanned again.
                qr_read = exc.pin_only
            else:
                auth.session_start(request, citizen, method="carnet", carnet=carnet)
                return redirect(next_url(request))
    return private(
        render(
            request,
            "folder/citizen/login_carnet.html",
            {
                "form": form,
                "qr_read": qr_read,
                "qr_value": form.cleaned_data.get("qr_text", "") if qr_read else "",
                "next": request.GET.get("next", request.POST.get("next", "")),
            },
            status=status,
        )
    )
