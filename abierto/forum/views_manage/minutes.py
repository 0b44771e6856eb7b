"""After the session: editing and publishing the acta; the member's own page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from abierto.directory.decorators import acting_user
from abierto.directory.selectors import audit_events_for

from .. import access, selectors, services
from ..forms import (
    MinutesForm,
)
from ..models import Minutes, Session
from ._common import _attempt, _session, facilitator_only, forum_people_only


@facilitator_only
@require_http_methods(["GET", "POST"])
def minutes_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    session = _session(request, public_id)
    minutes = Minutes.objects.filter(session=session).first()
    if minutes is None:
        raise Http404
    form = MinutesForm(request.POST or None, initial={"text": minutes.text})
    if (
        request.method == "POST"
        and form.is_valid()
        and _attempt(
            form,
            lambda: services.minutes_update(
                actor=acting_user(request), minutes=minutes, text=form.cleaned_data["text"]
            ),
        )
    ):
        messages.success(request, _("Borrador del acta guardado."))
        return redirect("forum_manage:minutes_edit", public_id)
    from ..views_materials import observations_context  # views_materials imports this package

    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "forum/manage/minutes_edit.html",
        {
            "session": session,
            "minutes": minutes,
            "form": form,
            "history": audit_events_for(minutes),
            **observations_context(minutes),
        },
        status=status,
    )


@facilitator_only
@require_POST
def minutes_action(request: HttpRequest, public_id: str, action: str) -> HttpResponse:
    session = _session(request, public_id)
    minutes = get_object_or_404(Minutes, session=session)
    actor = acting_user(request)
    try:
        if action == "regenerar":
            services.minutes_generate(actor=actor, session=session)
            messages.success(request, _("Borrador redactado de nuevo a partir del registro."))
        elif action == "publicar":
            services.minutes_publish(actor=actor, minutes=minutes)
            messages.success(request, _("Acta publicada."))
        else:
            raise Http404
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("forum_manage:minutes_edit", public_id)


@forum_people_only
def member_home(request: HttpRequest) -> HttpResponse:
    """A member's convocations and the open agreements of their institution."""
    return render(
        request,
        "forum/manage/member_home.html",
        {
            "convocations": selectors.member_convocations(request.user),
            "pending": selectors.member_pending_agreements(request.user),
        },
    )


@forum_people_only
def convocation_letter(request: HttpRequest, public_id: str) -> FileResponse:
    """The convocation letter for members: it carries the meeting link, so it is not public.

    Only for the session's own forum: a municipal member reads only their forum's letters.
    """
    session = get_object_or_404(Session.objects.select_related("forum"), public_id=public_id)
    if not access.is_member_of(request.user, session.forum):
        raise PermissionDenied
    convocation = session.convocation_or_none
    if convocation is None or not convocation.letter:
        raise Http404
    filename = f"oficio-{convocation.reference.replace('/', '-')}.pdf"
    return FileResponse(
        convocation.letter.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type="application/pdf",
    )
