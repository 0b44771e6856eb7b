"""The state facilitation's pages: every forum, a new municipal forum, installation steps.

Only whoever oversees every forum (``access.oversees_all_forums``) reaches them; a municipal
facilitator, a member or anyone else is refused (403).
"""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from abierto.directory.decorators import acting_user
from abierto.directory.models import Municipality

from .. import access, selectors_forums, services
from ..forms_forums import ForumCreateForm, InstallationForm
from ..models import Forum
from ._common import View, _attempt


def state_facilitation_only(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not access.oversees_all_forums(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@state_facilitation_only
@require_GET
def forum_admin(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "forum/manage/forum_admin.html",
        {
            "forums": access.forums_managed_by(request.user),
            "installations": selectors_forums.installation_layer(),
        },
    )


@state_facilitation_only
@require_http_methods(["GET", "POST"])
def forum_create(request: HttpRequest) -> HttpResponse:
    form = ForumCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created: list[Forum] = []
        if _attempt(
            form,
            lambda: created.append(
                services.forum_create_municipal(
                    actor=acting_user(request),
                    municipality=data["municipality"],
                    name=data["name"],
                    acronym=data["acronym"],
                    quorum_rule=data["quorum_rule"],
                )
            ),
        ):
            messages.success(
                request, _("Foro %(acronym)s creado.") % {"acronym": created[0].acronym}
            )
            return redirect("forum_manage:forum_admin")
    status = 400 if request.method == "POST" else 200
    return render(request, "forum/manage/forum_form.html", {"form": form}, status=status)


@state_facilitation_only
@require_http_methods(["GET", "POST"])
def installation_edit(request: HttpRequest, code: str) -> HttpResponse:
    municipality = Municipality.objects.filter(code=code).first()
    if municipality is None:
        raise Http404
    current = selectors_forums.installation_of(municipality)
    form = InstallationForm(
        request.POST or None,
        request.FILES or None,
        initial={
            "status": current.status,
            "status_since": current.status_since,
            "declaration_signed_on": current.declaration_signed_on,
            "declaration_url": current.declaration_url,
            "notes": current.notes,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _attempt(
            form,
            lambda: services.installation_update(
                actor=acting_user(request), municipality=municipality, **data
            ),
        ):
            messages.success(
                request,
                _("Avance de %(municipality)s registrado.") % {"municipality": municipality.name},
            )
            return redirect("forum_manage:forum_admin")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "forum/manage/installation_form.html",
        {"form": form, "municipality": municipality, "installation": current},
        status=status,
    )
