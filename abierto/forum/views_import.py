"""The facilitator's acta import: upload, review beside the source, save."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from abierto.directory.decorators import acting_user
from abierto.ops.models import Job

from . import access, selectors_import, services
from .forms_import import ActaReviewForm, ActaUploadForm
from .models import ActaImport
from .views_manage._common import _managed_forum, facilitator_only


@facilitator_only
@require_http_methods(["GET", "POST"])
def acta_upload(request: HttpRequest) -> HttpResponse:
    """Read a past acta into the chosen forum's record (``?forum=<slug>``; see _managed_forum)."""
    forum = _managed_forum(request)
    if forum is None:
        raise Http404
    form = ActaUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        sent = services.acta_upload(
            actor=acting_user(request), forum=forum, upload=form.cleaned_data["file"]
        )
        if sent.earlier is not None:
            messages.info(request, _("Este archivo ya se había leído: se muestra esa lectura."))
            return redirect("forum_manage:acta_review", sent.earlier.pk)
        job = sent.job
        assert job is not None
        if job.status == Job.Status.DONE:  # already read (TASKS_BACKEND=immediate)
            return redirect(job.result_url)
        if job.status == Job.Status.FAILED:
            form.add_error("file", job.error)
        else:
            return redirect(job)
    status = 400 if request.method == "POST" else 200
    imports = ActaImport.objects.filter(forum=forum).select_related("session")[:50]
    return render(
        request,
        "forum/manage/acta_upload.html",
        {"form": form, "imports": imports, "forum": forum},
        status=status,
    )


@facilitator_only
@require_http_methods(["GET", "POST"])
def acta_review(request: HttpRequest, pk: int) -> HttpResponse:
    acta_import = get_object_or_404(ActaImport.objects.select_related("forum"), pk=pk)
    access.forum_to_manage(request.user, acta_import.forum)
    if acta_import.status == ActaImport.Status.IMPORTED and acta_import.session:
        messages.info(request, _("Esta acta ya se importó."))
        return redirect("forum_manage:session_manage", acta_import.session.public_id)
    if acta_import.status == ActaImport.Status.DISCARDED:
        messages.info(request, _("Esta lectura se descartó."))
        return redirect("forum_manage:acta_upload")
    form = ActaReviewForm(
        request.POST or None, initial=ActaReviewForm.initial_from(acta_import.parsed)
    )
    checks = selectors_import.acta_review_checks(acta_import)
    low_names = [check.form_field for check in checks if check.form_field]
    form.put_first(low_names)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.acta_import_commit(
                actor=acting_user(request), acta_import=acta_import, reviewed=form.reviewed()
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Sesión importada desde el acta."))
            return redirect("forum_manage:session_manage", session.public_id)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "forum/manage/acta_review.html",
        {
            "acta_import": acta_import,
            "form": form,
            "warnings": acta_import.parsed.get("warnings", []),
            "checks": checks,
            "low_names": set(low_names),
            "pages": selectors_import.acta_review_pages(acta_import),
        },
        status=status,
    )


@facilitator_only
@require_http_methods(["POST"])
def acta_discard(request: HttpRequest, pk: int) -> HttpResponse:
    acta_import = get_object_or_404(ActaImport.objects.select_related("forum"), pk=pk)
    access.forum_to_manage(request.user, acta_import.forum)
    try:
        services.acta_import_discard(actor=acting_user(request), acta_import=acta_import)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Lectura descartada; no se guardó nada."))
    return redirect("forum_manage:acta_upload")


@facilitator_only
@require_http_methods(["GET"])
def acta_page_image(request: HttpRequest, pk: int, number: int) -> FileResponse:
    """A scanned page's image, for the facilitator only: minutes under review are not public."""
    acta_import = get_object_or_404(ActaImport.objects.select_related("forum"), pk=pk)
    access.forum_to_manage(request.user, acta_import.forum)
    page = selectors_import.acta_import_page(acta_import, number)
    if page is None or not page.image:
        raise Http404
    response = FileResponse(page.image.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response
