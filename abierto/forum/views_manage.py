"""The facilitator's pages: prepare, convene and run sessions, write and approve minutes.

Every POST calls one service. A refused operation (ForumError) is shown on the same page
with status 400 and nothing changed; htmx requests get only the fragment they replace.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from abierto.directory.decorators import acting_user, role_required
from abierto.directory.roles import Role
from abierto.directory.selectors import audit_events_for

from . import selectors, services
from .forms import (
    AgendaItemForm,
    CalendarForm,
    CloseForm,
    ConveneForm,
    FollowUpForm,
    GuestForm,
    MinutesApprovalForm,
    MinutesForm,
    NarrativeForm,
    ReasonForm,
    RollCallForm,
    SessionCreateForm,
    SessionForm,
    TimeForm,
    VoteForm,
)
from .models import AgendaItem, Agreement, Minutes, Session
from .services._state import RUNNING_STATUSES

facilitator_only = role_required(Role.FACILITATOR)


def _session(public_id: str) -> Session:
    try:
        return Session.objects.select_related("forum").get(public_id=public_id)
    except Session.DoesNotExist as exc:
        raise Http404 from exc


def _attempt(form: Any, action: Callable[[], Any]) -> bool:
    """Run a service; put its refusal on the form. True when it went through."""
    try:
        action()
    except ValidationError as exc:
        for message in exc.messages:
            form.add_error(None, message)
        return False
    return True


@facilitator_only
def session_list(request: HttpRequest) -> HttpResponse:
    sessions = selectors.with_progress(
        Session.objects.select_related("forum", "convocation").order_by("-date", "-number")
    )
    return render(request, "forum/manage/session_list.html", {"sessions": sessions})


@facilitator_only
@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest) -> HttpResponse:
    forum = selectors.forum_default()
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
        next_number_url=reverse("forum_manage:session_next_number"),
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
    return render(request, "forum/manage/session_form.html", {"form": form}, status=status)


@facilitator_only
@require_GET
def session_next_number(request: HttpRequest) -> HttpResponse:
    """The number field of the new-session form, with the next number of the chosen kind."""
    forum = selectors.forum_default()
    kind = request.GET.get("kind", "")
    if forum is None or kind not in Session.Kind.values:
        return HttpResponseBadRequest(_("Tipo de sesión no válido."))
    form = SessionCreateForm(initial={"number": selectors.next_session_number(forum, kind)})
    return HttpResponse(str(form["number"]))


@facilitator_only
@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    session = _session(public_id)
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
    session = _session(public_id)
    return render(request, "forum/manage/session_manage.html", _dashboard_context(session))


def _dashboard_with_error(request: HttpRequest, session: Session, **forms: Any) -> HttpResponse:
    context = _dashboard_context(session)
    context.update(forms)
    return render(request, "forum/manage/session_manage.html", context, status=400)


@facilitator_only
@require_POST
def agenda_add(request: HttpRequest, public_id: str) -> HttpResponse:
    session = _session(public_id)
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
    session = _session(public_id)
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
    session = _session(public_id)
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
    session = _session(public_id)
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
    session = _session(public_id)
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


def _live_context(
    session: Session, bound: dict[str, Any] | None = None, **overrides: Any
) -> dict[str, Any]:
    """The live screen; ``bound`` holds refused forms by prefix, to show them as typed."""
    bound = bound or {}
    seats = list(selectors.seats_on(session.forum, session.date))
    presence = {p.seat.pk: p for p in selectors.roll_call(session)}
    initial: dict[str, Any] = {}
    for seat in seats:
        present = presence[seat.pk]
        initial[f"seat_{seat.pk}_holder"] = present.holder
        initial[f"seat_{seat.pk}_alternate"] = present.alternate
        initial[f"seat_{seat.pk}_delegate"] = present.delegate.name if present.delegate else ""
    awaiting = selectors.minutes_awaiting_approval(session)
    items = []
    for item in session.agenda.select_related("presenter").prefetch_related("votes", "agreements"):
        items.append(
            {
                "item": item,
                "vote_form": bound.get(f"i{item.number}") or VoteForm(prefix=f"i{item.number}"),
                "narrative_form": bound.get(f"n{item.number}")
                or NarrativeForm(prefix=f"n{item.number}", initial={"narrative": item.narrative}),
                "minutes_form": bound.get(f"m{item.number}")
                or MinutesApprovalForm(prefix=f"m{item.number}", awaiting=awaiting)
                if awaiting.exists() and "acta" in item.title.lower()
                else None,
                "calendar_form": bound.get(f"c{item.number}")
                or CalendarForm(prefix=f"c{item.number}", initial={"year": session.date.year + 1})
                if "calendario" in item.title.lower()
                else None,
            }
        )
    context: dict[str, Any] = {
        "session": session,
        "quorum": selectors.quorum_state(session),
        "roll_call_form": RollCallForm(seats=seats, initial=initial),
        "guest_form": GuestForm(),
        "guests": session.attendance.filter(capacity="guest"),
        "open_form": bound.get("open")
        or TimeForm(prefix="open", initial={"time": session.start_time}),
        "close_form": bound.get("close")
        or CloseForm(prefix="close", initial={"time": timezone.localtime().time()}),
        "unvoted": selectors.decisive_items_without_vote(session),
        "in_progress": selectors.session_in_progress(session),
        "items": items,
        "to_review": [
            {"agreement": a, "form": FollowUpForm(prefix=f"f{a.pk}", initial={"status": a.status})}
            for a in selectors.agreements_to_review(session)
        ],
        "errors": [],
        "editable": session.status in RUNNING_STATUSES,
    }
    context.update(overrides)
    return context


@facilitator_only
def session_live(request: HttpRequest, public_id: str) -> HttpResponse:
    session = _session(public_id)
    return render(request, "forum/manage/session_live.html", _live_context(session))


def _live_result(
    request: HttpRequest,
    session: Session,
    errors: list[str],
    anchor: str = "",
    form: Any = None,
) -> HttpResponse:
    """Back to the live screen: a redirect when it worked, the page with errors when not.

    A refused ``form`` comes back as it was typed, with the errors beside it.
    """
    if not errors:
        return redirect(reverse("forum_manage:session_live", args=[session.public_id]) + anchor)
    session.refresh_from_db()
    bound = {}
    if form is not None:
        for error in errors:
            if error not in _form_errors(form):
                form.add_error(None, error)
        bound[form.prefix] = form
    return render(
        request,
        "forum/manage/session_live.html",
        _live_context(session, bound=bound, errors=errors, error_anchor=anchor),
        status=400,
    )


def _run(action: Callable[[], Any]) -> list[str]:
    try:
        action()
    except ValidationError as exc:
        return list(exc.messages)
    return []


def _form_errors(form: Any) -> list[str]:
    return [
        f"{form.fields[f].label if f in form.fields else ''}: {e}".lstrip(": ")
        for f, es in form.errors.items()
        for e in es
    ]


@facilitator_only
@require_POST
def live_roll_call(request: HttpRequest, public_id: str) -> HttpResponse:
    session = _session(public_id)
    seats = list(selectors.seats_on(session.forum, session.date))
    form = RollCallForm(request.POST, seats=seats)
    if not form.is_valid():
        return _live_result(request, session, _form_errors(form), "#asistencia")
    entries = [
        services.RollCallEntry(
            seat=seat,
            holder=form.cleaned_data.get(f"seat_{seat.pk}_holder", False),
            alternate=form.cleaned_data.get(f"seat_{seat.pk}_alternate", False),
            delegate_name=form.cleaned_data.get(f"seat_{seat.pk}_delegate", ""),
        )
        for seat in seats
    ]
    errors = _run(
        lambda: services.roll_call_record(
            actor=acting_user(request), session=session, entries=entries
        )
    )
    if request.headers.get("HX-Request") and not errors:
        return render(
            request, "forum/manage/_quorum.html", {"quorum": selectors.quorum_state(session)}
        )
    return _live_result(request, session, errors, "#asistencia")


@facilitator_only
@require_POST
def live_guest(request: HttpRequest, public_id: str) -> HttpResponse:
    session = _session(public_id)
    form = GuestForm(request.POST)
    if not form.is_valid():
        return _live_result(request, session, _form_errors(form), "#asistencia")
    errors = _run(
        lambda: services.guest_add(actor=acting_user(request), session=session, **form.cleaned_data)
    )
    return _live_result(request, session, errors, "#asistencia")


@facilitator_only
@require_POST
def live_time(request: HttpRequest, public_id: str, which: str) -> HttpResponse:
    session = _session(public_id)
    if which not in {"inicio", "cierre"}:
        raise Http404
    form = (
        TimeForm(request.POST, prefix="open")
        if which == "inicio"
        else CloseForm(request.POST, prefix="close")
    )
    if not form.is_valid():
        return _live_result(request, session, _form_errors(form), "#inicio", form)
    actor, time = acting_user(request), form.cleaned_data["time"]
    if which == "inicio":
        errors = _run(lambda: services.session_open(actor=actor, session=session, start_time=time))
        return _live_result(request, session, errors, "#inicio", form)
    errors = _run(
        lambda: services.session_close(
            actor=actor,
            session=session,
            end_time=time,
            unvoted_confirmed=form.cleaned_data["unvoted_confirmed"],
        )
    )
    if errors:
        return _live_result(request, session, errors, "#inicio", form)
    messages.success(request, _("Sesión clausurada. Se redactó el borrador del acta."))
    return redirect("forum_manage:minutes_edit", public_id)


@facilitator_only
@require_POST
def live_vote(request: HttpRequest, public_id: str, number: int) -> HttpResponse:
    session = _session(public_id)
    item = get_object_or_404(AgendaItem, session=session, number=number)
    form = VoteForm(request.POST, prefix=f"i{number}")
    if not form.is_valid():
        return _live_result(request, session, _form_errors(form), f"#punto-{number}", form)
    errors = _run(
        lambda: services.vote_record(
            actor=acting_user(request), agenda_item=item, **form.cleaned_data
        )
    )
    return _live_result(request, session, errors, f"#punto-{number}", form)


@facilitator_only
@require_POST
def live_minutes_approval(request: HttpRequest, public_id: str, number: int) -> HttpResponse:
    session = _session(public_id)
    item = get_object_or_404(AgendaItem, session=session, number=number)
    form = MinutesApprovalForm(
        request.POST, prefix=f"m{number}", awaiting=selectors.minutes_awaiting_approval(session)
    )
    if not form.is_valid():
        return _live_result(request, session, _form_errors(form), f"#punto-{number}", form)
    data = dict(form.cleaned_data)
    minutes = data.pop("minutes")
    errors = _run(
        lambda: services.minutes_approve(
            actor=acting_user(request), minutes=minutes, agenda_item=item, **data
        )
    )
    return _live_result(request, session, errors, f"#punto-{number}", form)


@facilitator_only
@require_POST
def live_calendar(request: HttpRequest, public_id: str, number: int) -> HttpResponse:
    session = _session(public_id)
    item = get_object_or_404(AgendaItem, session=session, number=number)
    form = CalendarForm(request.POST, prefix=f"c{number}")
    if not form.is_valid():
        return _live_result(request, session, _form_errors(form), f"#punto-{number}", form)
    errors = _run(
        lambda: services.calendar_approve(
            actor=acting_user(request), agenda_item=item, **form.cleaned_data
        )
    )
    return _live_result(request, session, errors, f"#punto-{number}", form)


@facilitator_only
@require_POST
def live_narrative(request: HttpRequest, public_id: str, number: int) -> HttpResponse:
    session = _session(public_id)
    item = get_object_or_404(AgendaItem, session=session, number=number)
    form = NarrativeForm(request.POST, prefix=f"n{number}")
    if not form.is_valid():
        return _live_result(request, session, _form_errors(form), f"#punto-{number}", form)
    errors = _run(
        lambda: services.agenda_item_update(
            actor=acting_user(request), item=item, narrative=form.cleaned_data["narrative"]
        )
    )
    return _live_result(request, session, errors, f"#punto-{number}", form)


@facilitator_only
@require_POST
def live_follow_up(request: HttpRequest, public_id: str, agreement_id: str) -> HttpResponse:
    session = _session(public_id)
    agreement = get_object_or_404(Agreement, public_id=agreement_id)
    form = FollowUpForm(request.POST, prefix=f"f{agreement.pk}")
    if not form.is_valid():
        return _live_result(request, session, _form_errors(form), "#seguimiento")
    errors = _run(
        lambda: services.agreement_follow_up(
            actor=acting_user(request), agreement=agreement, session=session, **form.cleaned_data
        )
    )
    return _live_result(request, session, errors, "#seguimiento")


# Minutes ----------------------------------------------------------------------------------


@facilitator_only
@require_http_methods(["GET", "POST"])
def minutes_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    session = _session(public_id)
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
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "forum/manage/minutes_edit.html",
        {
            "session": session,
            "minutes": minutes,
            "form": form,
            "history": audit_events_for(minutes),
        },
        status=status,
    )


@facilitator_only
@require_POST
def minutes_action(request: HttpRequest, public_id: str, action: str) -> HttpResponse:
    session = _session(public_id)
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


@role_required(Role.MEMBER, Role.FACILITATOR)
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


@role_required(Role.MEMBER, Role.FACILITATOR)
def convocation_letter(request: HttpRequest, public_id: str) -> FileResponse:
    """The convocation letter for members: it carries the meeting link, so it is not public."""
    session = _session(public_id)
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
