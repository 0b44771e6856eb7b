"""Planning a session: the list, creating and editing it, its agenda, convening and cancelling."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from abierto.directory.decorators import acting_user
from abierto.directory.selectors import audit_events_for

from .. import access, selectors, services
from ..forms import (
    AgendaItemForm,
    ConveneForm,
    ReasonForm,
    SessionCreateForm,
    SessionForm,
)
from ..models import AgendaItem, Minutes, Session
from ..services._state import RUNNING_STATUSES
from ._common import _attempt, _managed_forum, _session, facilitator_only


@facilitator_only
def session_list(request: HttpRequest) -> HttpResponse:
    forums = access.forums_managed_by(request.user)
    chosen = _managed_forum(request) if request.GET.get("forum") else None
    sessions = Session.objects.select_related("forum", "convocation").filter(
        forum__in=[chosen] if chosen else forums
    )
    sessions = selectors.with_progress(sessions.order_by("-date", "-number"))
    return render(
        request,
        "forum/manage/session_list.html",
        {
            "sessions": sessions,
            "forums": forums,
            "chosen_forum": chosen,
            "oversees_all": access.oversees_all_forums(request.user),
        },
    )


@facilitator_only
@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest) -> HttpResponse:
    forum = _managed_forum(request)
    if forum is None:
        messages.error(request, _("Primero registre el foro en la administración."))
        return redirect("forum_manage:session_list")
    kind = request.GET.get("kind", Session.Kind.ORDINARY)
    if kind not in Session.Kind.values:
        kind = Session.Kind.ORDINARY
    form = SessionCreateForm(
        request.POST or None,
        initial={
            "kind": kind,
            "number": selectors.next_session_number(forum, kind),
            "date": timezone.localdate(),
            "standard_agenda": True,
        },
        next_number_url=reverse("forum_manage:session_next_number") + f"?forum={forum.slug}",
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        created: list[Session] = []
        if _attempt(
            form,
            lambda: created.append(
                services.session_create(actor=acting_user(request), forum=forum, **data)
            ),
        ):
            messages.success(request, _("Sesión registrada."))
            return redirect("forum_manage:session_manage", created[0].public_id)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "forum/manage/session_form.html", {"form": form, "forum": forum}, status=status
    )


@facilitator_only
@require_GET
def session_next_number(request: HttpRequest) -> HttpResponse:
    """The number field of the new-session form, with the next number of the chosen kind."""
    forum = _managed_forum(request)
    kind = request.GET.get("kind", "")
    if forum is None or kind not in Session.Kind.values:
        return HttpResponseBadRequest(_("Tipo de sesión no válido."))
    form = SessionCreateForm(initial={"number": selectors.next_session_number(forum, kind)})
    return HttpResponse(str(form["number"]))


@facilitator_only
@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    session = _session(request, public_id)
    form = SessionForm(request.POST or None, instance=Session.objects.get(pk=session.pk))
    if (
        request.method == "POST"
        and form.is_valid()
        and _attempt(
            form,
            lambda: services.session_update(
                actor=acting_user(request), session=session, **form.cleaned_data
            ),
        )
    ):
        messages.success(request, _("Cambios guardados."))
        return redirect("forum_manage:session_manage", session.public_id)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "forum/manage/session_form.html", {"form": form, "session": session}, status=status
    )


def _dashboard_context(session: Session) -> dict[str, Any]:
    return {
        "session": session,
        "agenda": session.agenda.select_related("presenter"),
        "item_form": AgendaItemForm(),
        "convene_form": ConveneForm(initial={"date": min(timezone.localdate(), session.date)}),
        "cancel_form": ReasonForm(),
        "minutes": Minutes.objects.filter(session=session).first(),
        "history": audit_events_for(session)[:50],
        "quorum": selectors.quorum_state(session),
        "editable": session.status in RUNNING_STATUSES,
    }


@facilitator_only
def session_manage(request: HttpRequest, public_id: str) -> HttpResponse:
    session = _session(request, public_id)
    return render(request, "forum/manage/session_manage.html", _dashboard_context(session))


def _dashboard_with_error(request: HttpRequest, session: Session, **forms: Any) -> HttpResponse:
    context = _dashboard_context(session)
    context.update(forms)
    return render(request, "forum/manage/session_manage.html", context, status=400)


@facilitator_only
@require_POST
def agenda_add(request: HttpRequest, public_id: str) -> HttpResponse:
    session = _session(request, public_id)
    form = AgendaItemForm(request.POST)
    if form.is_valid() and _attempt(
        form,
        lambda: services.agenda_item_add(
            actor=acting_user(request), session=session, before_last=True, **form.cleaned_data
        ),
    ):
        return redirect(reverse("forum_manage:session_manage", args=[public_id]) + "#orden")
    return _dashboard_with_error(request, session, item_form=form)


@facilitator_only
@require_http_methods(["GET", "POST"])
def agenda_edit(request: HttpRequest, public_id: str, number: int) -> HttpResponse:
    session = _session(request, public_id)
    item = get_object_or_404(AgendaItem, session=session, number=number)
    form = AgendaItemForm(request.POST or None, instance=AgendaItem.objects.get(pk=item.pk))
    if (
        request.method == "POST"
        and form.is_valid()
        and _attempt(
            form,
            lambda: services.agenda_item_update(
                actor=acting_user(request), item=item, **form.cleaned_data
            ),
        )
    ):
        return redirect(reverse("forum_manage:session_manage", args=[public_id]) + "#orden")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "forum/manage/agenda_item_form.html",
        {"form": form, "session": session, "item": item},
        status=status,
    )


@facilitator_only
@require_POST
def agenda_action(request: HttpRequest, public_id: str, number: int, action: str) -> HttpResponse:
    session = _session(request, public_id)
    item = get_object_or_404(AgendaItem, session=session, number=number)
    actor = acting_user(request)
    try:
        if action == "subir":
            services.agenda_item_move(actor=actor, item=item, offset=-1)
        elif action == "bajar":
            services.agenda_item_move(actor=actor, item=item, offset=1)
        elif action == "quitar":
            services.agenda_item_remove(actor=actor, item=item)
        else:
            raise Http404
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(reverse("forum_manage:session_manage", args=[public_id]) + "#orden")


@facilitator_only
@require_POST
def session_convene(request: HttpRequest, public_id: str) -> HttpResponse:
    session = _session(request, public_id)
    form = ConveneForm(request.POST)
    if form.is_valid() and _attempt(
        form,
        lambda: services.session_convene(
            actor=acting_user(request), session=session, **form.cleaned_data
        ),
    ):
        reached = len(selectors.seat_addresses(session))
        unreached = selectors.seats_without_address(session)
        if reached and unreached:
            messages.warning(
                request,
                ngettext(
                    "El oficio no llegará por correo al asiento %(seats)s: ni su titular ni "
                    "su suplente tienen correo registrado. Entréguelo por otro medio.",
                    "El oficio no llegará por correo a los asientos %(seats)s: ni sus "
                    "titulares ni sus suplentes tienen correo registrado. Entréguelo por otro "
                    "medio.",
                    len(unreached),
                )
                % {"seats": ", ".join(seat.label for seat in unreached)},
            )
        if reached:
            messages.success(
                request,
                ngettext(
                    "Sesión convocada: el oficio se envía a %(count)s persona con correo "
                    "registrado en los asientos.",
                    "Sesión convocada: el oficio se envía a las %(count)s personas con correo "
                    "registrado en los asientos.",
                    reached,
                )
                % {"count": reached},
            )
        else:
            messages.warning(
                request,
                _(
                    "Sesión convocada, pero ningún titular ni suplente tiene correo registrado: "
                    "el oficio no llegará a nadie por correo. Registre sus correos en el "
                    "directorio o entregue el oficio (PDF) por otro medio."
                ),
            )
        return redirect("forum_manage:session_manage", public_id)
    return _dashboard_with_error(request, session, convene_form=form)


@facilitator_only
@require_POST
def session_cancel(request: HttpRequest, public_id: str) -> HttpResponse:
    session = _session(request, public_id)
    form = ReasonForm(request.POST)
    if form.is_valid() and _attempt(
        form,
        lambda: services.session_cancel(
            actor=acting_user(request), session=session, reason=form.cleaned_data["reason"]
        ),
    ):
        messages.success(request, _("Sesión cancelada."))
        return redirect("forum_manage:session_manage", public_id)
    return _dashboard_with_error(request, session, cancel_form=form)


# The live screen --------------------------------------------------------------------------
