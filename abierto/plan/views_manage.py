"""The agency clerk's pages: my commitments, their milestones, reports, values and uploads.

Agency clerks see and edit only the commitments of their institution, the facilitation all
of them (``selectors.commitments_editable_by``). Every POST calls one service; a refusal is
shown on the same page with status 400 and nothing changed.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from abierto.directory.decorators import acting_user, role_required
from abierto.directory.roles import Role
from abierto.lib.refusals import attempt as _attempt

from . import selectors, services, uploads
from .forms import (
    ActionLineForm,
    IndicatorValueForm,
    MilestoneForm,
    MilestoneStatusForm,
    ProgressReportForm,
    UploadForm,
)
from .models import Commitment, Evidence, Milestone, Upload, UploadKind

clerks = role_required(Role.AGENCY_CLERK, Role.FACILITATOR)


def _commitment(request: HttpRequest, public_id: str) -> Commitment:
    try:
        return selectors.commitment_for_editing(request.user, public_id)
    except Commitment.DoesNotExist as exc:
        raise Http404 from exc


@clerks
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    summaries = selectors.editable_summaries(user)
    context = {
        "summaries": summaries,
        "institution": selectors.institution_of(user),
        "coverage": selectors.coverage(),
        "upload_specs": list(uploads.SPECS.values()),
    }
    return render(request, "plan/manage/home.html", context)


def _commitment_context(commitment: Commitment, **forms: Any) -> dict[str, Any]:
    lines = list(selectors.action_lines_of(commitment))
    context: dict[str, Any] = {
        "commitment": commitment,
        "summary": selectors.commitment_summary(commitment),
        "lines": lines,
        "status_choices": Milestone.Status.choices,
        "reports": selectors.reports_of(commitment)[:20],
        "indicators": [
            selectors.indicator_summary(i) for i in commitment.indicators.order_by("order", "code")
        ],
        "line_form": ActionLineForm(),
        "milestone_form": MilestoneForm(commitment=commitment) if lines else None,
        "report_form": ProgressReportForm(initial={"date": timezone.localdate()}),
        "value_form": _value_form(commitment),
        "today": timezone.localdate(),
        "status_form": None,
        "status_milestone": None,
    }
    context.update(forms)
    return context


def _value_form(commitment: Commitment, data: Any = None) -> IndicatorValueForm | None:
    indicators = selectors.manual_indicators_of(commitment)
    if not indicators.exists():
        return None
    return IndicatorValueForm(data, indicators=indicators, initial={"date": timezone.localdate()})


@clerks
@require_GET
def commitment_page(request: HttpRequest, public_id: str) -> HttpResponse:
    commitment = _commitment(request, public_id)
    return render(request, "plan/manage/commitment.html", _commitment_context(commitment))


def _back(commitment: Commitment, anchor: str) -> HttpResponse:
    return redirect(reverse("plan_manage:commitment", args=[commitment.public_id]) + anchor)


def _with_error(request: HttpRequest, commitment: Commitment, **forms: Any) -> HttpResponse:
    return render(
        request,
        "plan/manage/commitment.html",
        _commitment_context(commitment, **forms),
        status=400,
    )


@clerks
@require_POST
def action_line_add(request: HttpRequest, public_id: str) -> HttpResponse:
    commitment = _commitment(request, public_id)
    form = ActionLineForm(request.POST)
    if form.is_valid() and _attempt(
        form,
        lambda: services.action_line_create(
            actor=acting_user(request), commitment=commitment, **form.cleaned_data
        ),
    ):
        messages.success(request, _("Línea de acción agregada."))
        return _back(commitment, "#hitos")
    return _with_error(request, commitment, line_form=form)


@clerks
@require_POST
def milestone_add(request: HttpRequest, public_id: str) -> HttpResponse:
    commitment = _commitment(request, public_id)
    form = MilestoneForm(request.POST, commitment=commitment)
    if form.is_valid() and _attempt(
        form,
        lambda: services.milestone_create(actor=acting_user(request), **form.cleaned_data),
    ):
        messages.success(request, _("Hito agregado."))
        return _back(commitment, "#hitos")
    return _with_error(request, commitment, milestone_form=form)


@clerks
@require_POST
def milestone_status(request: HttpRequest, public_id: str, pk: int) -> HttpResponse:
    commitment = _commitment(request, public_id)
    milestone = get_object_or_404(Milestone, pk=pk, action_line__commitment=commitment)
    form = MilestoneStatusForm(request.POST)
    if form.is_valid() and _attempt(
        form,
        lambda: services.milestone_set_status(
            actor=acting_user(request), milestone=milestone, **form.cleaned_data
        ),
    ):
        messages.success(request, _("Hito %(code)s actualizado.") % {"code": milestone.code})
        return _back(commitment, f"#hito-{milestone.pk}")
    return _with_error(request, commitment, status_form=form, status_milestone=milestone)


@clerks
@require_POST
def report_add(request: HttpRequest, public_id: str) -> HttpResponse:
    commitment = _commitment(request, public_id)
    form = ProgressReportForm(request.POST, request.FILES)

    def save() -> None:
        data = form.cleaned_data
        evidence = []
        if data["evidence_url"] or data["evidence_file"]:
            evidence.append(
                services.EvidenceInput(
                    title=data["evidence_title"],
                    url=data["evidence_url"],
                    file=data["evidence_file"],
                )
            )
        services.progress_report_create(
            actor=acting_user(request),
            commitment=commitment,
            date=data["date"],
            text=data["text"],
            session=data["session"],
            evidence=evidence,
        )

    if form.is_valid() and _attempt(form, save):
        messages.success(request, _("Reporte de avance registrado."))
        return _back(commitment, "#reportes")
    return _with_error(request, commitment, report_form=form)


@clerks
@require_POST
def value_add(request: HttpRequest, public_id: str) -> HttpResponse:
    commitment = _commitment(request, public_id)
    form = _value_form(commitment, request.POST)
    if form is None:
        raise Http404
    if form.is_valid() and _attempt(
        form,
        lambda: services.indicator_value_record(actor=acting_user(request), **form.cleaned_data),
    ):
        messages.success(request, _("Valor registrado."))
        return _back(commitment, "#indicadores")
    return _with_error(request, commitment, value_form=form)


@clerks
@require_GET
def evidence_download(request: HttpRequest, public_id: str) -> FileResponse:
    try:
        evidence = selectors.evidence_for_editor(request.user, public_id)
    except Evidence.DoesNotExist as exc:
        raise Http404 from exc
    if not evidence.file:
        raise Http404
    return FileResponse(
        evidence.file.open("rb"), as_attachment=True, filename=evidence.file.name.rsplit("/")[-1]
    )


# Uploads -------------------------------------------------------------------------------------


def _spec(kind: str) -> uploads.UploadSpec:
    spec = uploads.BY_SLUG.get(kind)
    if spec is None:
        raise Http404
    return spec


def _upload_form(request: HttpRequest, spec: uploads.UploadSpec) -> UploadForm:
    commitments = None
    if spec.needs_commitment:
        commitments = selectors.commitments_editable_by(request.user).order_by("kind", "number")
    if request.method == "POST":
        return UploadForm(request.POST, request.FILES, commitments=commitments)
    return UploadForm(commitments=commitments)


@clerks
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, kind: str) -> HttpResponse:
    spec = _spec(kind)
    form = _upload_form(request, spec)
    context: dict[str, Any] = {
        "spec": spec,
        "form": form,
        "columns": uploads.columns_for(spec.kind),
        "check": None,
    }
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        check = services.upload_check(
            actor=acting_user(request),
            kind=spec.kind,
            data=file.read(),
            filename=file.name or "",
            commitment=form.cleaned_data.get("commitment"),
        )
        context["check"] = check
        context["filename"] = file.name
        return render(request, "plan/manage/upload.html", context, status=200 if check.ok else 400)
    status = 400 if request.method == "POST" else 200
    return render(request, "plan/manage/upload.html", context, status=status)


@clerks
@require_POST
def upload_confirm(request: HttpRequest, kind: str, token: str) -> HttpResponse:
    spec = _spec(kind)
    user = acting_user(request)
    pending = Upload.objects.filter(token=token, kind=spec.kind).first()
    if pending is None:
        raise Http404
    if pending.uploaded_by_id != user.pk:
        raise PermissionDenied
    try:
        changed = services.upload_apply(actor=user, upload=pending)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("plan_manage:upload", spec.slug)
    messages.success(
        request,
        _("Carga guardada: %(rows)d filas, %(changed)d con cambios.")
        % {"rows": pending.row_count, "changed": changed},
    )
    if spec.kind == UploadKind.CARAVAN_VISITS or pending.commitment is None:
        return redirect("plan_manage:home")
    return redirect("plan_manage:commitment", pending.commitment.public_id)


@clerks
@require_GET
def upload_template(request: HttpRequest, kind: str) -> HttpResponse:
    spec = _spec(kind)
    content = uploads.template_csv(spec.kind, request.user)
    response = HttpResponse(
        "\ufeff" + content, content_type="text/csv; charset=utf-8"
    )  # the BOM makes spreadsheet programs read UTF-8
    response["Content-Disposition"] = f'attachment; filename="plantilla-{spec.slug}.csv"'
    return response
