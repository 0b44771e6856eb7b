"""The mediation centre's pages and the public aggregate page: thin, through the selectors
(reads, with the permission check and the access log) and the services (writes)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from abierto.directory.decorators import acting_user, role_required
from abierto.directory.roles import Role
from abierto.lib import svg_charts

from . import figures, selectors, services
from .forms import (
    AcceptForm,
    ApplicationForm,
    CircleForm,
    CohortForm,
    PhaseForm,
    SelectForm,
    WithdrawForm,
)
from .models import PublishedFigure

staff_only = role_required(Role.MEDIATION_STAFF)


def _run(form: Form, write: Any) -> bool:
    """Call the service with the form's data; its refusals become the form's errors."""
    if not form.is_valid():
        return False
    try:
        write(form.cleaned_data)
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                target = field if field in form.fields else None
                for error in errors:
                    form.add_error(target, error)
        else:
            form.add_error(None, exc)
        return False
    return True


@staff_only
@require_http_methods(["GET", "POST"])
def home(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    cohorts = selectors.cohorts_for(user)
    form = CohortForm(request.POST or None)
    if request.method == "POST":
        institution = next((c.institution for c in cohorts), None)
        if institution is None:
            form.add_error(
                None, _("Pida a otra persona del centro que le asigne a una generación.")
            )
        elif _run(
            form,
            lambda data: services.cohort_create(actor=user, institution=institution, **data),
        ):
            messages.success(request, _("Generación creada."))
            return redirect("circles:home")
    return render(request, "circles/home.html", {"cohorts": cohorts, "form": form})


@staff_only
@require_http_methods(["GET", "POST"])
def cohort(request: HttpRequest, public_id: str) -> HttpResponse:
    user = acting_user(request)
    group = selectors.cohort_for_staff(user, public_id)
    action = request.POST.get("action", "")
    data = request.POST if request.method == "POST" else None
    select_form = SelectForm(data if action == "select" else None, prefix="select")
    circle_form = CircleForm(
        data if action == "circle" else None,
        prefix="circle",
        participants=selectors.participants_for_attendance(user, group),
    )
    done = False
    if action == "select":
        done = _run(
            select_form,
            lambda d: services.participant_select(actor=user, cohort=group, **d),
        )
    elif action == "circle":
        done = _run(
            circle_form,
            lambda d: services.circle_record(actor=user, cohort=group, **d),
        )
    elif action == "publish":
        figures.figures_publish(actor=user)
        done = True
    if done:
        messages.success(request, _("Registro guardado."))
        return redirect(group)
    return render(
        request,
        "circles/cohort.html",
        {
            "cohort": group,
            "rows": selectors.participant_rows(user, group),
            "circles": group.circles.prefetch_related("attendance", "organisations"),
            "select_form": select_form,
            "circle_form": circle_form,
        },
        status=400 if request.method == "POST" else 200,
    )


@staff_only
@require_GET
def access_log(request: HttpRequest, public_id: str) -> HttpResponse:
    user = acting_user(request)
    group = selectors.cohort_for_staff(user, public_id)
    return render(
        request,
        "circles/access_log.html",
        {"cohort": group, "events": selectors.access_log(user, group)[:500]},
    )


def _score_charts(record: selectors.ParticipantRecord) -> list[dict[str, Any]]:
    charts = []
    for index, (instrument, points) in enumerate(record.scores.items(), start=1):
        svg = svg_charts.line_chart(
            [(point.date, point.mean) for point in points],
            title=_("%(instrument)s: puntaje medio por aplicación") % {"instrument": instrument},
            chart_id=f"puntajes-{index}",
            series_label=_("Puntaje medio"),
            value_label=lambda value: f"{value:.1f}",
            empty_message=_("Sin aplicaciones"),
        )
        charts.append({"instrument": instrument, "points": points, "svg": svg})
    return charts


@staff_only
@require_http_methods(["GET", "POST"])
def participant(request: HttpRequest, public_id: str) -> HttpResponse:
    user = acting_user(request)
    person = selectors.participant_for_staff(user, public_id)
    action = request.POST.get("action", "")
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    accept_form = AcceptForm(data if action == "accept" else None,
                             files if action == "accept" else None, prefix="accept")  # fmt: skip
    phase_form = PhaseForm(data if action == "phase" else None, prefix="phase")
    withdraw_form = WithdrawForm(data if action == "withdraw" else None, prefix="withdraw")
    application_forms = [
        ApplicationForm(
            data if action == f"instrument-{tool.pk}" else None,
            instrument=tool,
            prefix=f"instrument-{tool.pk}",
        )
        for tool in selectors.instruments()
    ]
    done = False
    if action == "accept":
        done = _run(
            accept_form,
            lambda d: services.participant_accept(actor=user, participant=person, **d),
        )
    elif action == "phase":
        done = _run(
            phase_form,
            lambda d: services.participant_reach_phase(actor=user, participant=person, **d),
        )
    elif action == "withdraw":
        done = _run(
            withdraw_form,
            lambda d: services.participant_withdraw(
                actor=user, participant=person, withdrawn_on=d["withdrawn_on"]
            ),
        )
    for form in application_forms:
        if action == f"instrument-{form.instrument.pk}":
            done = _run(
                form,
                lambda d, form=form: services.application_record(
                    actor=user,
                    participant=person,
                    instrument=form.instrument,
                    date=d["date"],
                    scores=form.scores(),
                ),
            )
    if done:
        messages.success(request, _("Registro guardado."))
        return redirect(person)
    record = selectors.participant_record(user, public_id)
    return render(
        request,
        "circles/participant.html",
        {
            "record": record,
            "participant": record.participant,
            "cohort": record.participant.cohort,
            "charts": _score_charts(record),
            "accept_form": accept_form,
            "phase_form": phase_form,
            "withdraw_form": withdraw_form,
            "application_forms": application_forms,
            "today": timezone.localdate(),
        },
        status=400 if request.method == "POST" else 200,
    )


@staff_only
@require_GET
def document(request: HttpRequest, public_id: str, which: str) -> FileResponse:
    user = acting_user(request)
    found = selectors.participant_document(user, public_id, which)
    response = FileResponse(
        iter([found.content]),
        content_type=found.content_type,
        as_attachment=True,
        filename=found.filename,
    )
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def public(request: HttpRequest) -> HttpResponse:
    """The aggregate progress, as last published: suppressed figures shown as such."""
    rows = list(selectors.published())
    participants = [r for r in rows if r.measure == PublishedFigure.Measure.PARTICIPANTS]
    cohorts: dict[str, list[PublishedFigure]] = {}
    for row in participants:
        cohorts.setdefault(row.cohort, []).append(row)
    return render(
        request,
        "circles/public.html",
        {
            "cohorts": cohorts,
            "columns": [r.category for r in next(iter(cohorts.values()), [])],
            "circles": [r for r in rows if r.measure == PublishedFigure.Measure.CIRCLES],
            "scores": [
                r
                for r in rows
                if r.measure
                in (PublishedFigure.Measure.SCORE_CHANGE, PublishedFigure.Measure.EVALUATED)
            ],
            "published_at": rows[0].published_at if rows else None,
            "dataset_slug": "circulos-restaurativos",
        },
    )
