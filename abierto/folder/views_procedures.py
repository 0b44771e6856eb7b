"""The citizen's procedures (trámites): the catalogue, a preview of exactly what would go to
which agency and why, the consent (with a recent proof of identity), the request's status."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import auth, reauth, selectors_procedures, services
from .models import Citizen, Procedure, ProcedureRequest
from .views.common import client_ip, private


def _request(citizen: Citizen, public_id: str) -> ProcedureRequest:
    try:
        return selectors_procedures.procedure_request_for_citizen(citizen, public_id)
    except ProcedureRequest.DoesNotExist:
        raise Http404 from None


@never_cache
@auth.citizen_required
def procedures(request: HttpRequest, *, citizen: Citizen) -> HttpResponseBase:
    catalogue = [
        (procedure, selectors_procedures.requirements_of(procedure))
        for procedure in selectors_procedures.procedures_available()
    ]
    return private(
        render(
            request,
            "folder/citizen/procedures.html",
            {
                "catalogue": catalogue,
                "requests": selectors_procedures.procedure_requests_for_citizen(citizen)[:50],
            },
        )
    )


@require_POST
@auth.citizen_required
def start(request: HttpRequest, code: str, *, citizen: Citizen) -> HttpResponseBase:
    try:
        procedure = selectors_procedures.procedure_by_code(code)
    except Procedure.DoesNotExist:
        raise Http404 from None
    try:
        procedure_request = services.procedure_start(citizen=citizen, procedure=procedure)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("folder:procedures")
    return redirect("folder:procedure_request", public_id=procedure_request.public_id)


@never_cache
@auth.citizen_required
def request_detail(request: HttpRequest, public_id: str, *, citizen: Citizen) -> HttpResponseBase:
    procedure_request = _request(citizen, public_id)
    return private(
        render(
            request,
            "folder/citizen/procedure_request.html",
            {
                "item": procedure_request,
                "procedure": procedure_request.procedure,
                "evidence": selectors_procedures.evidence_preview(procedure_request),
                "Status": ProcedureRequest.Status,
            },
        )
    )


@require_POST
@reauth.required(reauth.PROCEDURE)
def consent(request: HttpRequest, public_id: str, *, citizen: Citizen) -> HttpResponseBase:
    procedure_request = _request(citizen, public_id)
    if request.POST.get("acepto") != "si":
        messages.error(request, _("Marque la casilla para consentir el envío de sus datos."))
        return redirect("folder:procedure_request", public_id=public_id)
    try:
        services.procedure_consent(
            citizen=citizen, procedure_request=procedure_request, ip=client_ip(request)
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Enviado. Puede retirar su consentimiento mientras la dependencia no lo reciba."),
        )
    return redirect("folder:procedure_request", public_id=public_id)


@require_POST
@auth.citizen_required
def withdraw(request: HttpRequest, public_id: str, *, citizen: Citizen) -> HttpResponseBase:
    procedure_request = _request(citizen, public_id)
    try:
        services.procedure_withdraw(citizen=citizen, procedure_request=procedure_request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Retiró la solicitud: la dependencia no recibirá sus datos."))
    return redirect("folder:procedure_request", public_id=public_id)
