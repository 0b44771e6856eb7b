"""The pages of the staff second factor: the code after the password, the enrolment, and the
account's own page to see it and get new recovery codes. Thin: ``second_factor`` writes,
``factor_login`` keeps the session's state."""

from __future__ import annotations

import segno
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import factor_login, second_factor, selectors
from .decorators import acting_user
from .forms import RecoveryCodeForm, TotpCodeForm

RECOVERY = "recuperacion"


def _next_url(request: HttpRequest, url: str) -> str:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return resolve_url("directory:account")


def _expired(request: HttpRequest) -> HttpResponse:
    messages.info(request, _("Pasó el tiempo para escribir el código. Entre de nuevo."))
    return redirect("login")


def _locked(request: HttpRequest) -> HttpResponse:
    factor_login.pending_clear(request)
    return render(request, "registration/locked_out.html", status=429)


def _refused(request: HttpRequest, user: User) -> bool:
    """Count the failure; whether the account or network is now locked."""
    factor_login.failure_record(request, user)
    return factor_login.is_locked(request, user)


@never_cache
@require_http_methods(["GET", "POST"])
def login_code(request: HttpRequest) -> HttpResponse:
    """The second step: a code of the app, or (``?con=recuperacion``) a recovery code."""
    found = factor_login.pending(request)
    if found is None:
        return _expired(request)
    user, next_url = found
    factor = selectors.second_factor_of(user)
    if factor is None or factor.confirmed_at is None:
        return redirect("directory:login_enrol")
    if factor_login.is_locked(request, user):
        return _locked(request)
    recovery = request.GET.get("con") == RECOVERY
    form: TotpCodeForm | RecoveryCodeForm = (RecoveryCodeForm if recovery else TotpCodeForm)(
        request.POST or None
    )
    if request.method == "POST" and form.is_valid():
        if recovery:
            left = second_factor.second_factor_recovery_use(
                actor=user, user=user, code=form.cleaned_data["recovery_code"]
            )
            accepted = left is not None
        else:
            accepted = second_factor.second_factor_verify(
                actor=user, user=user, code=form.cleaned_data["code"]
            )
        if accepted:
            factor_login.complete_login(request, user)
            if recovery:
                messages.warning(
                    request,
                    ngettext(
                        "Entró con un código de recuperación; ya no sirve. Le queda %(left)s.",
                        "Entró con un código de recuperación; ya no sirve. Le quedan %(left)s.",
                        left or 0,
                    )
                    % {"left": left},
                )
            return HttpResponseRedirect(_next_url(request, next_url))
        if _refused(request, user):
            return _locked(request)
        field = "recovery_code" if recovery else "code"
        form.add_error(
            field,
            _("El código no es correcto o ya se usó.")
            if recovery
            else _(
                "El código no es correcto o ya se usó. Escriba el que muestra ahora su aplicación."
            ),
        )
    return render(
        request,
        "directory/login_code.html",
        {"form": form, "recovery": recovery},
        status=400 if request.method == "POST" else 200,
    )


def _qr(uri: str) -> str:
    return str(segno.make(uri, error="m").svg_data_uri(scale=4, border=4))


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@require_http_methods(["GET", "POST"])
def login_enrol(request: HttpRequest) -> HttpResponse:
    """A staff account without a confirmed factor adds one before entering."""
    found = factor_login.pending(request)
    if found is None:
        return _expired(request)
    user, next_url = found
    existing = selectors.second_factor_of(user)
    if existing is not None and existing.confirmed_at is not None:
        return redirect("directory:login_code")
    if factor_login.is_locked(request, user):
        return _locked(request)
    factor = second_factor.second_factor_enrol_start(actor=user, user=user)
    form = TotpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = second_factor.second_factor_enrol_confirm(
            actor=user, user=user, code=form.cleaned_data["code"]
        )
        if codes is not None:
            factor_login.complete_login(request, user)
            return render(
                request,
                "directory/recovery_codes.html",
                {"codes": codes, "next": _next_url(request, next_url), "first": True},
            )
        if _refused(request, user):
            return _locked(request)
        form.add_error(
            "code",
            _(
                "El código no coincide. Revise que agregó la cuenta en su aplicación y "
                "escriba el código que muestra ahora."
            ),
        )
    secret = second_factor.factor_secret(factor)
    uri = second_factor.factor_uri(factor)
    return render(
        request,
        "directory/login_enrol.html",
        {"form": form, "otpauth_uri": uri, "otpauth_qr": _qr(uri), "secret": _grouped(secret)},
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def second_factor_status(request: HttpRequest) -> HttpResponse:
    """The account's factor, its recovery codes left, and new codes after a current code."""
    user = acting_user(request)
    factor = selectors.second_factor_of(user)
    confirmed = factor is not None and factor.confirmed_at is not None
    form = TotpCodeForm(request.POST or None)
    if request.method == "POST" and confirmed and form.is_valid():
        try:
            codes = second_factor.second_factor_codes_regenerate(
                actor=user, user=user, code=form.cleaned_data["code"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if codes is not None:
                return render(
                    request,
                    "directory/recovery_codes.html",
                    {"codes": codes, "next": resolve_url("directory:second_factor")},
                )
            if _refused(request, user):
                logout(request)
                return redirect_to_login(resolve_url("directory:second_factor"))
            form.add_error("code", _("El código no es correcto o ya se usó."))
    return render(
        request,
        "directory/second_factor.html",
        {
            "factor": factor if confirmed else None,
            "required": selectors.second_factor_required(user),
            "codes_left": selectors.recovery_codes_left(factor) if confirmed and factor else 0,
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


def admin_login(request: HttpRequest) -> HttpResponse:
    """The administration's login page is the two-step login of the site."""
    next_url = request.GET.get("next") or resolve_url("admin:index")
    return redirect_to_login(next_url)
