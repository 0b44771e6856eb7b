"""ARCO: the citizen's own data (requests and the whole-folder export) and the agency
staff's list of the requests about its documents."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from abierto.directory.decorators import acting_user, role_required
from abierto.directory.roles import Role

from .. import auth, export, reauth, selectors, services
from ..forms import (
    ArcoRequestForm,
    ArcoResolveForm,
)
from ..models import AccessEvent, ArcoRequest, Citizen
from ..services.arco import arco_request_file, arco_request_resolve
from .common import (
    HOLDER_LABEL,
    add_form_errors,
    client_ip,
    download,
    private,
)

# ARCO ------------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@auth.citizen_required
def my_data(request: HttpRequest, *, citizen: Citizen) -> HttpResponseBase:
    own = selectors.documents_for_citizen(citizen)
    form = ArcoRequestForm(
        request.POST or None, documents=own, relations=selectors.relations_by_document(citizen, own)
    )
    if request.method == "POST" and form.is_valid():
        try:
            arco_request_file(
                citizen=citizen,
                document=selectors.document_for_citizen(
                    citizen, form.cleaned_data["document"].public_id
                ),
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as exc:
            add_form_errors(form, exc)
        else:
            messages.success(
                request,
                _("Recibimos su solicitud. La dependencia emisora le responderá en esta página."),
            )
            return redirect("folder:my_data")
    return private(
        render(
            request,
            "folder/citizen/my_data.html",
            {
                "citizen": citizen,
                "form": form,
                "requests": selectors.arco_requests_for_citizen(citizen),
                "has_documents": own.exists(),
            },
            status=400 if request.method == "POST" else 200,
        )
    )


@require_POST
@reauth.required(reauth.EXPORT)  # citizen_required, and a recent proof of identity
def my_data_export(request: HttpRequest, *, citizen: Citizen) -> HttpResponseBase:
    services.verification_spool_drain()  # every verification so far, in the export
    body = export.citizen_zip(citizen)
    services.access_record(
        action=AccessEvent.Action.EXPORT,
        actor_label=HOLDER_LABEL,
        citizen=citizen,
        ip=client_ip(request),
    )
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    return download(body, "application/zip", f"carpeta-ciudadana-mis-datos-{stamp}.zip")


@never_cache
@role_required(Role.AGENCY_CLERK)
def arco_staff_list(request: HttpRequest) -> HttpResponseBase:
    requests = selectors.arco_requests_for_staff(request.user)
    status = request.GET.get("estado", ArcoRequest.Status.PENDING)
    if status in ArcoRequest.Status.values:
        requests = requests.filter(status=status)
    else:
        status = ""
    page = Paginator(requests, 25).get_page(request.GET.get("pagina"))
    return private(
        render(
            request,
            "folder/citizen/arco_staff_list.html",
            {"page": page, "status": status, "statuses": ArcoRequest.Status.choices},
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
@role_required(Role.AGENCY_CLERK)
def arco_staff_detail(request: HttpRequest, public_id: str) -> HttpResponseBase:
    arco_request = (
        selectors.arco_requests_for_staff(request.user).filter(public_id=public_id).first()
    )
    if arco_request is None:
        raise Http404
    form = ArcoResolveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            arco_request_resolve(
                actor=acting_user(request),
                arco_request=arco_request,
                status=form.cleaned_data["status"],
                response=form.cleaned_data["response"],
            )
        except ValidationError as exc:
            add_form_errors(form, exc)
        else:
            messages.success(request, _("Solicitud resuelta; la persona verá la respuesta."))
            return redirect("folder:arco_staff_list")
    return private(
        render(
            request,
            "folder/citizen/arco_staff_detail.html",
            {"arco_request": arco_request, "form": form},
            status=400 if request.method == "POST" else 200,
        )
    )
