from __future__ import annotations

import logging
from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import factor_login, ratelimit, selectors, services
from .decorators import acting_user, role_required
from .forms import ApplicationDecisionForm, MembershipApplicationForm
from .models import MembershipApplication
from .roles import Role

logger = logging.getLogger(__name__)


class LoginView(auth_views.LoginView):
    """Django's login; a network locked out for password spraying gets a 429. A staff
    account's password leads to the second step (``factor_login``), not into the site."""

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        if not factor_login.required_for(user):
            return super().form_valid(form)
        factor_login.pending_start(self.request, user, self.get_success_url())
        factor = selectors.second_factor_of(user)
        if factor is None or factor.confirmed_at is None:
            return redirect("directory:login_enrol")
        return redirect("directory:login_code")

    def form_invalid(self, form: Any) -> HttpResponse:
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, "network_locked"):
            response.status_code = 429
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, with a budget per address and per e-mail.

    Past either budget the page answers exactly as usual (so it tells nothing about the
    address) but sends nothing: nobody can flood an inbox, or our mail server, from here.
    """

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        email = form.cleaned_data["email"].strip().casefold()
        by_ip = ratelimit.allow(
            "password-reset-ip",
            ratelimit.client_ip(self.request) or "unknown",
            "RATE_PASSWORD_RESET_IP",
        )
        by_email = ratelimit.allow("password-reset-email", email, "RATE_PASSWORD_RESET_EMAIL")
        if by_ip and by_email:
            return super().form_valid(form)
        logger.warning("password reset over its rate limit; no e-mail sent")
        return HttpResponseRedirect(self.get_success_url())


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change; the owner is told by e-mail and the change is audited."""

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        services.password_changed(user=form.user, how="change")
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's new password from a reset link; told and audited like a change."""

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:
        response = super().form_valid(form)
        services.password_changed(user=form.user, how="reset")
        return response


def privacy_notice(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/privacy_notice.html")


@require_http_methods(["GET", "POST"])
def application_create(request: HttpRequest) -> HttpResponse:
    form = MembershipApplicationForm(request.POST or None)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        if not ratelimit.allow(
            "application", ratelimit.client_ip(request) or "unknown", "RATE_APPLICATION_IP"
        ):
            form.add_error(
                None,
                _(
                    "Recibimos demasiadas solicitudes desde su conexión. Espere una hora e "
                    "intente de nuevo, o escriba a la Facilitación del STL."
                ),
            )
            return render(request, "directory/application_form.html", {"form": form}, status=429)
        if form.cleaned_data["website"]:
            # A bot filled the honeypot: answer as if accepted, store nothing.
            return redirect("directory:application_sent")
        data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
        try:
            services.application_submit(**data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            return redirect("directory:application_sent")
    return render(request, "directory/application_form.html", {"form": form}, status=status)


def application_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/application_sent.html")


@login_required
def account(request: HttpRequest) -> HttpResponse:
    person = getattr(request.user, "person", None)
    roles = [Role(name).label for name in sorted(selectors.user_roles(request.user))]
    return render(request, "directory/account.html", {"person": person, "roles": roles})


@role_required(Role.FACILITATOR)
def application_list(request: HttpRequest) -> HttpResponse:
    applications = selectors.access_applications_for_review(request.user)
    status = request.GET.get("estado", MembershipApplication.Status.PENDING)
    if status in MembershipApplication.Status.values:
        applications = applications.filter(status=status)
    else:
        status = ""
    page = Paginator(applications, 25).get_page(request.GET.get("pagina"))
    counts = {
        choice: selectors.access_applications_for_review(request.user).filter(status=choice).count()
        for choice in MembershipApplication.Status.values
    }
    return render(
        request,
        "directory/application_list.html",
        {
            "page": page,
            "status": status,
            "statuses": [
                (value, label, counts[value])
                for value, label in MembershipApplication.Status.choices
            ],
        },
    )


@role_required(Role.FACILITATOR)
@require_http_methods(["GET", "POST"])
def application_review(request: HttpRequest, public_id: str) -> HttpResponse:
    try:
        application = selectors.application_for_review(request.user, public_id)
    except MembershipApplication.DoesNotExist as exc:
        raise Http404 from exc
    form = ApplicationDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decision, reason = form.cleaned_data["decision"], form.cleaned_data["reason"]
        try:
            if decision == MembershipApplication.Status.APPROVED:
                services.application_approve(
                    actor=acting_user(request), application=application, reason=reason
                )
                messages.success(request, _("Solicitud aprobada; se envió el correo de acceso."))
            else:
                services.application_reject(
                    actor=acting_user(request), application=application, reason=reason
                )
                messages.success(
                    request, _("Solicitud no aprobada; se envió el correo con el motivo.")
                )
        except ValidationError as exc:
            for error in exc.messages:
                form.add_error(None, error)
        else:
            return redirect("directory:application_list")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "directory/application_review.html",
        {
            "application": application,
            "form": form,
            "history": selectors.audit_events_for(application),
        },
        status=status,
    )
