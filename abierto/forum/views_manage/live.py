"""Running a session live on a tablet: roll call, times, votes, approvals, calendar, narratives
and follow-up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from abierto.directory.decorators import acting_user
from abierto.lib.refusals import refusals

from .. import selectors, services
from ..forms import (
    CalendarForm,
    CloseForm,
    FollowUpForm,
    GuestForm,
    MinutesApprovalForm,
    NarrativeForm,
    RollCallForm,
    TimeForm,
    VoteForm,
)
from ..models import AgendaItem, Agreement, Session
from ..selectors_meeting import proposed_end
from ..selectors_transcript import proposed_votes
from ..services._state import RUNNING_STATUSES
from ._common import _session, facilitator_only


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
    heard = proposed_votes(session)  # votes heard in an imported transcript: proposals only
    items = []
    for item in session.agenda.select_related("presenter").prefetch_related("votes", "agreements"):
        items.append(
            {
                "item": item,
                "vote_form": bound.get(f"i{item.number}")
                or VoteForm(prefix=f"i{item.number}", initial=heard.get(item.number)),
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
        or CloseForm(
            prefix="close",
            initial={"time": proposed_end(session) or timezone.localtime().time()},
        ),
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
    session = _session(request, public_id)
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


def _form_errors(form: Any) -> list[str]:
    return [
        f"{form.fields[f].label if f in form.fields else ''}: {e}".lstrip(": ")
        for f, es in form.errors.items()
        for e in es
    ]


@facilitator_only
@require_POST
def live_roll_call(request: HttpRequest, public_id: str) -> HttpResponse:
    session = _session(request, public_id)
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
    errors = refusals(
        lambda: services.roll_call_record(
            actor=acting_user(request), session=session, entries=entries
        )
    )
    if request.headers.get("HX-Request") and not errors:
        return render(
            request, "forum/manage/_quorum.html", {"quorum": selectors.quorum_state(session)}
        )
    return _live_result(request, session, errors, "#asistencia")


def _live_form(
    request: HttpRequest,
    session: Session,
    form: forms.Form,
    anchor: str,
    run: Callable[[User, dict[str, Any]], object],
    *,
    keep_form: bool = False,
) -> HttpResponse:
    """Validate ``form``, then ``run`` its service with the acting user and a copy of its data;
    back to the live screen at ``anchor`` with the refusals (``keep_form``: the form as typed)."""
    shown = form if keep_form else None
    if not form.is_valid():
        return _live_result(request, session, _form_errors(form), anchor, shown)
    data = dict(form.cleaned_data)
    errors = refusals(lambda: run(acting_user(request), data))
    return _live_result(request, session, errors, anchor, shown)


@facilitator_only
@require_POST
def live_guest(request: HttpRequest, public_id: str) -> HttpResponse:
    session = _session(request, public_id)
    return _live_form(
        request,
        session,
        GuestForm(request.POST),
        "#asistencia",
        lambda actor, data: services.guest_add(actor=actor, session=session, **data),
    )


@facilitator_only
@require_POST
def live_time(request: HttpRequest, public_id: str, which: str) -> HttpResponse:
    session = _session(request, public_id)
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
        errors = refusals(
            lambda: services.session_open(actor=actor, session=session, start_time=time)
        )
        return _live_result(request, session, errors, "#inicio", form)
    errors = refusals(
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


# The four steps on one agenda item: each a form (with its prefix and the item's number) and
# the service it calls with the form's data; ``_live_item`` runs any of them the same way.


@dataclass(frozen=True)
class _ItemStep:
    prefix: str
    form: Callable[[HttpRequest, Session, str], forms.Form]
    run: Callable[[User, AgendaItem, dict[str, Any]], object]


def _approve_minutes(actor: User, item: AgendaItem, data: dict[str, Any]) -> object:
    minutes = data.pop("minutes")
    return services.minutes_approve(actor=actor, minutes=minutes, agenda_item=item, **data)


_VOTE = _ItemStep(
    "i",
    lambda request, _session, prefix: VoteForm(request.POST, prefix=prefix),
    lambda actor, item, data: services.vote_record(actor=actor, agenda_item=item, **data),
)
_MINUTES = _ItemStep(
    "m",
    lambda request, session, prefix: MinutesApprovalForm(
        request.POST, prefix=prefix, awaiting=selectors.minutes_awaiting_approval(session)
    ),
    _approve_minutes,
)
_CALENDAR = _ItemStep(
    "c",
    lambda request, _session, prefix: CalendarForm(request.POST, prefix=prefix),
    lambda actor, item, data: services.calendar_approve(actor=actor, agenda_item=item, **data),
)
_NARRATIVE = _ItemStep(
    "n",
    lambda request, _session, prefix: NarrativeForm(request.POST, prefix=prefix),
    lambda actor, item, data: services.agenda_item_update(
        actor=actor, item=item, narrative=data["narrative"]
    ),
)


def _live_item(request: HttpRequest, public_id: str, number: int, step: _ItemStep) -> HttpResponse:
    session = _session(request, public_id)
    item = get_object_or_404(AgendaItem, session=session, number=number)
    return _live_form(
        request,
        session,
        step.form(request, session, f"{step.prefix}{number}"),
        f"#punto-{number}",
        lambda actor, data: step.run(actor, item, data),
        keep_form=True,
    )


def _item_view(step: _ItemStep) -> Callable[..., HttpResponseBase]:
    """The facilitator's POST view that runs ``step`` on the numbered agenda item."""

    @facilitator_only
    @require_POST
    def view(request: HttpRequest, public_id: str, number: int) -> HttpResponse:
        return _live_item(request, public_id, number, step)

    return view


live_vote = _item_view(_VOTE)
live_minutes_approval = _item_view(_MINUTES)
live_calendar = _item_view(_CALENDAR)
live_narrative = _item_view(_NARRATIVE)


@facilitator_only
@require_POST
def live_follow_up(request: HttpRequest, public_id: str, agreement_id: str) -> HttpResponse:
    session = _session(request, public_id)
    agreement = get_object_or_404(Agreement, public_id=agreement_id)
    return _live_form(
        request,
        session,
        FollowUpForm(request.POST, prefix=f"f{agreement.pk}"),
        "#seguimiento",
        lambda actor, data: services.agreement_follow_up(
            actor=actor, agreement=agreement, session=session, **data
        ),
    )


# Minutes ----------------------------------------------------------------------------------
