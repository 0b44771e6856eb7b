"""The pages where a citizen proves again who they are, then carries on (see ``reauth.py``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import auth, reauth
from .forms_reauth import ReauthForm
from .models import Citizen


def _private(response: HttpResponseBase) -> HttpResponseBase:
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@auth.citizen_required
def confirm(request: HttpRequest, *, citizen: Citizen) -> HttpResponseBase:
    waiting = reauth.pending(request)
    default = waiting.back if waiting is not None else reverse("folder:documents")
    back = reauth.safe_next(request.POST.get("next") or request.GET.get("next"), default)
    method = reauth.session_method(request)
    form = ReauthForm(request.POST or None, method=method)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                reauth.confirm(request, citizen, **form.cleaned_data)
            except auth.LockedOutError as exc:
                logout(request)
                messages.error(request, exc.message)
                return redirect_to_login(back, login_url=reverse("folder:login"))
            except auth.LoginError as exc:
                form.add_error(None, exc.message)
            else:
                return redirect("folder:reauth_continue" if waiting is not None else back)
    return _private(
        render(
            request,
            "folder/citizen/reauth.html",
            {
                "form": form,
                "next": back,
                "carnet": method == reauth.CARNET,
                "action": waiting.details if waiting is not None else None,
            },
            status=status,
        )
    )


@never_cache
@auth.citizen_required
def proceed(request: HttpRequest, *, citizen: Citizen) -> HttpResponseBase:
    """What waited for the confirmation, ready to be sent again with one button."""
    waiting = reauth.pending(request)
    if waiting is None:
        return redirect("folder:documents")
    if not reauth.is_recent(request):
        return redirect(reauth.confirm_url(waiting.back))
    return _private(
        render(
            request,
            "folder/citizen/reauth_continue.html",
            {"pending": waiting, "action": waiting.details},
        )
    )
