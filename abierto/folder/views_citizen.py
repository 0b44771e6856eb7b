"""The citizen's pages of the folder, the recipient's page of a share, and the issuer's
list of ARCO requests. Thin: every read goes through ``selectors``, every write through
``services``; a document is reached only through ``document_for_citizen``."""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass
from typing import Any

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from abierto.directory.decorators import acting_user, role_required
from abierto.directory.roles import Role
from abierto.lib import totp

from . import actor_labels, auth, credentials, export, reauth, rendition, selectors, services
from .display import Field
from .forms import (
    ActivationCodeForm,
    ActivationSecretsForm,
    ArcoRequestForm,
    ArcoResolveForm,
    CarnetLoginForm,
    CutsLoginForm,
    TotpConfirmForm,
)
from .forms_disclosure import SelectiveShareForm
from .models import AccessEvent, ArcoRequest, Citizen, Document, Relation, Share
from .services.activation import citizen_activate
from .services.arco import arco_request_file, arco_request_resolve

ACTIVATION = "folder.activation"
ACTIVATION_MINUTES = 30
NEW_SHARE = "folder.new_share"
JOSE = "application/jose"
HOLDER_LABEL = actor_labels.HOLDER


def _ip(request: HttpRequest) -> str | None:
    return get_client_ip_address(request) or None


def _private(response: HttpResponseBase) -> HttpResponseBase:
    """Personal data: never cached nor indexed. (The site's ``same-origin`` referrer policy
    already keeps these addresses from other sites; ``no-referrer`` would make browsers send
    ``Origin: null`` with the forms, which CSRF protection rightly refuses.)"""
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("folder:documents")


def _add_errors(form: Any, exc: ValidationError) -> None:
    for message in exc.messages:
        form.add_error(None, message)


# Landing, activation, logins -------------------------------------------------------------------


@never_cache
def landing(request: HttpRequest) -> HttpResponse:
    return render(
        request, "folder/citizen/landing.html", {"citizen": auth.current_citizen(request)}
    )


def _activation_state(request: HttpRequest) -> tuple[dict[str, Any], Citizen] | None:
    state = request.session.get(ACTIVATION)
    if not isinstance(state, dict):
        return None
    if time.time() - float(state.get("started", 0)) > ACTIVATION_MINUTES * 60:
        request.session.pop(ACTIVATION, None)
        return None
    citizen_pk = state.get("citizen")
    if not isinstance(citizen_pk, int):
        request.session.pop(ACTIVATION, None)
        return None
    citizen = Citizen.objects.filter(pk=citizen_pk, activated_at__isnull=True).first()
    if citizen is None or citizen.activation_code_hash != state.get("code_hash"):
        request.session.pop(ACTIVATION, None)
        return None
    return state, citizen


@never_cache
@require_http_methods(["GET", "POST"])
def activate(request: HttpRequest) -> HttpResponseBase:
    """Three steps: CUTS and code; password and PIN; the second factor, confirmed."""
    if request.method == "POST" and request.POST.get("action") == "restart":
        request.session.pop(ACTIVATION, None)
        return redirect("folder:activate")
    current = _activation_state(request)
    if current is None:
        return _activate_code(request)
    state, citizen = current
    if state.get("step") == "totp":
        return _activate_totp(request, state, citizen)
    return _activate_secrets(request, state, citizen)


def _activate_code(request: HttpRequest) -> HttpResponseBase:
    form = ActivationCodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            citizen = auth.activation_check(
                request, cuts=form.cleaned_data["cuts"], code=form.cleaned_data["code"]
            )
        except auth.LoginError as exc:
            form.add_error(None, exc.message)
            status = 429 if isinstance(exc, auth.LockedOutError) else 400
        else:
            request.session[ACTIVATION] = {
                "citizen": citizen.pk,
                "code_hash": citizen.activation_code_hash,
                "step": "secrets",
                "started": time.time(),
            }
            return redirect("folder:activate")
    elif request.method == "POST":
        status = 400
    return _private(
        render(
            request,
            "folder/citizen/activate.html",
            {"form": form, "step": 1, "step_template": "folder/citizen/_activate_code.html"},
            status=status,
        )
    )


def _activate_secrets(
    request: HttpRequest, state: dict[str, Any], citizen: Citizen
) -> HttpResponseBase:
    form = ActivationSecretsForm(request.POST or None, username=f"carpeta-{citizen.public_id}")
    if request.method == "POST" and form.is_valid():
        secret = totp.new_secret()
        state.update(
            step="totp",
            password=make_password(form.cleaned_data["password1"]),
            pin=make_password(form.cleaned_data["pin1"]),
            totp=auth.encode_sealed(auth.totp_seal(citizen, secret)),
        )
        request.session[ACTIVATION] = state
        return redirect("folder:activate")
    return _private(
        render(
            request,
            "folder/citizen/activate.html",
            {"form": form, "step": 2, "step_template": "folder/citizen/_activate_secrets.html"},
            status=400 if request.method == "POST" else 200,
        )
    )


def _activate_totp(
    request: HttpRequest, state: dict[str, Any], citizen: Citizen
) -> HttpResponseBase:
    sealed = auth.decode_sealed(state["totp"])
    citizen.totp_secret_encrypted = sealed
    secret = auth.totp_secret(citizen)
    form = TotpConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        step = totp.verify(totp.decode_secret(secret), form.cleaned_data["code"])
        if step is None:
            form.add_error(
                "code",
                _(
                    "El código no coincide. Revise que agregó la cuenta en su aplicación y "
                    "escriba el código que muestra ahora."
                ),
            )
        else:
            try:
                citizen_activate(
                    citizen=citizen,
                    activation_code_hash=state["code_hash"],
                    password_hash=state["password"],
                    pin_hash=state["pin"],
                    totp_secret_sealed=sealed,
                    totp_step=step,
                )
            except ValidationError as exc:
                request.session.pop(ACTIVATION, None)
                messages.error(request, " ".join(exc.messages))
                return redirect("folder:activate")
            request.session.pop(ACTIVATION, None)
            auth.session_start(request, citizen, method="cuts")
            count = selectors.documents_for_citizen(citizen).count()
            if count:
                messages.success(
                    request,
                    ngettext(
                        "Su Carpeta está activa. Encontramos %(count)s documento a su nombre.",
                        "Su Carpeta está activa. Encontramos %(count)s documentos a su nombre.",
                        count,
                    )
                    % {"count": count},
                )
            else:
                messages.success(request, _("Su Carpeta está activa."))
            return redirect("folder:documents")
    uri = auth.totp_uri(citizen, secret)
    return _private(
        render(
            request,
            "folder/citizen/activate.html",
            {
                "form": form,
                "step": 3,
                "step_template": "folder/citizen/_activate_totp.html",
                "otpauth_uri": uri,
                "otpauth_qr": rendition.qr_data_uri(uri),
                "secret_groups": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            },
            status=400 if request.method == "POST" else 200,
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
def login_cuts(request: HttpRequest) -> HttpResponseBase:
    form = CutsLoginForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                citizen = auth.login_with_cuts(
                    request,
                    cuts=form.cleaned_data["cuts"],
                    password=form.cleaned_data["password"],
                    code=form.cleaned_data["code"],
                )
            except auth.LoginError as exc:
                form.add_error(None, exc.message)
                if isinstance(exc, auth.LockedOutError):
                    status = 429
            else:
                auth.session_start(request, citizen, method="cuts")
                return redirect(_next_url(request))
    return _private(
        render(
            request,
            "folder/citizen/login.html",
            {"form": form, "next": request.GET.get("next", request.POST.get("next", ""))},
            status=status,
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
def login_carnet(request: HttpRequest) -> HttpResponseBase:
    form = CarnetLoginForm(request.POST or None, request.FILES or None)
    status = 200
    qr_read = False
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                citizen, carnet = auth.login_with_carnet(
                    request, qr_text=form.cleaned_data["qr_text"], pin=form.cleaned_data["pin"]
                )
            except auth.LoginError as exc:
                form.add_error(None, exc.message)
                if isinstance(exc, auth.LockedOutError):
                    status = 429
                # Only a wrong PIN keeps the carnet's code, so that it is not scanned again.
                qr_read = exc.pin_only
            else:
                auth.session_start(request, citizen, method="carnet", carnet=carnet)
                return redirect(_next_url(request))
    return _private(
        render(
            request,
            "folder/citizen/login_carnet.html",
            {
                "form": form,
                "qr_read": qr_read,
                "qr_value": form.cleaned_data.get("qr_text", "") if qr_read else "",
                "next": request.GET.get("next", request.POST.get("next", "")),
            },
            status=status,
        )
    )


# Documents -------------------------------------------------------------------------------------

RELATION_GROUPS = {
    Relation.HOLDER.value: "own",
    Relation.MOTHER.value: "children",
    Relation.FATHER.value: "children",
    Relation.GUARDIAN.value: "children",
}


def _actor_label(citizen: Citizen, document: Document) -> str:
    """Who viewed, as the log stores it: in Spanish, whatever the interface language."""
    relations = selectors.document_relations(citizen, document)
    if Relation.HOLDER.value in relations or not relations:
        return HOLDER_LABEL
    with translation.override("es-mx"):
        relation = str(Relation(relations[0]).label)
    return actor_labels.stored(actor_labels.RELATIVE, relation=relation)


def _document(citizen: Citizen, public_id: str) -> Document:
    try:
        return selectors.document_for_citizen(citizen, public_id)
    except Document.DoesNotExist:
        raise Http404 from None


@never_cache
@auth.citizen_required
def documents(request: HttpRequest, *, citizen: Citizen) -> HttpResponseBase:
    listed = list(selectors.documents_for_citizen(citizen))
    relations = selectors.relations_by_document(citizen, listed)
    groups: dict[str, list[tuple[Document, str]]] = {"own": [], "children": [], "others": []}
    for document in listed:
        names = relations.get(document.pk, [])
        group = next((RELATION_GROUPS[r] for r in names if r in RELATION_GROUPS), "others")
        label = ", ".join(str(Relation(r).label) for r in names if r != Relation.HOLDER.value)
        groups[group].append((document, label))
    return _private(
        render(
            request,
            "folder/citizen/documents.html",
            {"citizen": citizen, "groups": groups, "total": len(listed)},
        )
    )


@never_cache
@auth.citizen_required
def document_detail(request: HttpRequest, public_id: str, *, citizen: Citizen) -> HttpResponseBase:
    document = _document(citizen, public_id)
    services.access_record(
        action=AccessEvent.Action.VIEW,
        actor_label=_actor_label(citizen, document),
        citizen=citizen,  # a related person's own action is theirs: access_log.py
        document=document,
        ip=_ip(request),
    )
    context = rendition.document_context(document)
    context["relations"] = [
        Relation(r).label for r in selectors.document_relations(citizen, document)
    ]
    return _private(render(request, "folder/citizen/document.html", context))


def _download(body: bytes | str, content_type: str, filename: str) -> HttpResponseBase:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=filename) or ""
    )
    return _private(response)


@auth.citizen_required
def document_pdf(request: HttpRequest, public_id: str, *, citizen: Citizen) -> HttpResponseBase:
    document = _document(citizen, public_id)
    pdf = rendition.document_pdf(document)
    services.access_record(
        action=AccessEvent.Action.DOWNLOAD,
        actor_label=actor_labels.channel(_actor_label(citizen, document), "PDF"),
        citizen=citizen,  # a related person's own action is theirs: access_log.py
        document=document,
        ip=_ip(request),
    )
    return _download(pdf, "application/pdf", rendition.filename(document, "pdf"))


@auth.citizen_required
def document_original(
    request: HttpRequest, public_id: str, *, citizen: Citizen
) -> HttpResponseBase:
    document = _document(citizen, public_id)
    token = selectors.document_token(document)
    services.access_record(
        action=AccessEvent.Action.DOWNLOAD,
        actor_label=actor_labels.channel(_actor_label(citizen, document), "original firmado"),
        citizen=citizen,  # a related person's own action is theirs: access_log.py
        document=document,
        ip=_ip(request),
    )
    return _download(token, JOSE, rendition.filename(document, "jws"))


# Shares ----------------------------------------------------------------------------------------


def share_state(share: Share, now: datetime.datetime | None = None) -> str:
    """``active``, ``revoked``, ``expired`` or ``exhausted``: what the recipient would get."""
    if share.revoked_at is not None:
        return "revoked"
    if share.expires_at <= (now or timezone.now()):
        return "expired"
    if share.max_views is not None and share.views >= share.max_views:
        return "exhausted"
    return "active"


SHARE_STATE_LABELS = {
    "active": gettext_lazy("Activo"),
    "revoked": gettext_lazy("Revocado"),
    "expired": gettext_lazy("Vencido"),
    "exhausted": gettext_lazy("Consultas agotadas"),
}


def share_url(token: str) -> str:
    return settings.SITE_URL + reverse("folder_shared:open", args=[token])


@never_cache
@require_http_methods(["GET", "POST"])
@reauth.required(reauth.SHARE)  # citizen_required, and a recent proof of identity to create
def shares(request: HttpRequest, *, citizen: Citizen) -> HttpResponseBase:
    own = selectors.documents_for_citizen(citizen)
    form = SelectiveShareForm(
        request.POST or None, documents=own, relations=selectors.relations_by_document(citizen, own)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            share, token = services.share_create(
                citizen=citizen,
                documents=data["documents"],
                expires_at=timezone.now() + datetime.timedelta(hours=data["duration"]),
                max_views=data["max_views"],
                recipient=data["recipient"],
                disclosures=data["disclosures"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            # Shown once, on the next page; never in a URL, never stored in clear.
            request.session[NEW_SHARE] = {"public_id": share.public_id, "token": token}
            return redirect("folder:shares")
    new_share = request.session.pop(NEW_SHARE, None)
    created = None
    if isinstance(new_share, dict):
        link = share_url(new_share["token"])
        created = {
            "share": selectors.shares_for_citizen(citizen)
            .filter(public_id=new_share["public_id"])
            .first(),
            "url": link,
            "qr": rendition.qr_data_uri(link),
        }
    now = timezone.now()
    listed = [
        (
            share,
            share_state(share, now),
            SHARE_STATE_LABELS[share_state(share, now)],
            credentials.disclosure_summary(share),
        )
        for share in selectors.shares_for_citizen(citizen)
    ]
    return _private(
        render(
            request,
            "folder/citizen/shares.html",
            {
                "form": form,
                "created": created,
                "shares": listed,
                "has_documents": own.exists(),
            },
            status=400 if request.method == "POST" else 200,
        )
    )


@require_POST
@auth.citizen_required
def share_revoke(request: HttpRequest, public_id: str, *, citizen: Citizen) -> HttpResponseBase:
    try:
        share = selectors.share_for_citizen(citizen, public_id)
    except Share.DoesNotExist:
        raise Http404 from None
    services.share_revoke(citizen=citizen, share=share)
    messages.success(request, _("El enlace quedó revocado: ya no abre."))
    return redirect("folder:shares")


SHARE_GONE = {
    "revoked": gettext_lazy("Su titular revocó este enlace."),
    "expired": gettext_lazy("Este enlace venció."),
    "exhausted": gettext_lazy("Este enlace ya se consultó las veces permitidas."),
}


def _share_gone(request: HttpRequest, state: str) -> HttpResponseBase:
    return _private(
        render(
            request,
            "folder/citizen/shared_gone.html",
            {"reason": SHARE_GONE.get(state, SHARE_GONE["expired"])},
            status=410,
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
def shared_open(request: HttpRequest, token: str) -> HttpResponseBase:
    """The recipient's page. GET only asks to open, so that link previews in chat apps
    do not spend the views; the POST opens (counts and logs) and shows the documents."""
    try:
        share = selectors.share_for_token(token)
    except Share.DoesNotExist:
        raise Http404 from None
    if request.method == "GET":
        state = share_state(share)
        if state != "active":
            return _share_gone(request, state)
        return _private(
            render(
                request,
                "folder/citizen/shared_intro.html",
                {"share": share, "count": share.documents.count()},
            )
        )
    try:
        share = services.share_open(token, ip=_ip(request))
    except services.ShareNotFoundError:
        raise Http404 from None
    except services.ShareUnavailableError:
        return _share_gone(request, share_state(Share.objects.get(pk=share.pk)))
    shown = [_shared_document(share, document) for document in selectors.share_documents(share)]
    return _private(
        render(request, "folder/citizen/shared.html", {"share": share, "documents": shown})
    )


def _shared_document(share: Share, document: Document) -> dict[str, Any]:
    """What the recipient sees of a document: whole, or only the claims its holder chose,
    with their SD-JWT VC presentation (and no QR: it would carry every field)."""
    context = rendition.document_context(document)
    names = share.disclosures.get(document.public_id)
    if names:
        shared = credentials.shared_credential(document, names)
        context.update(
            fields=[Field(label, value) for label, value in shared.claims],
            presentation=shared.presentation,
            selective=True,
            verification_url="",
            qr_uri="",
        )
    return context


# Access log ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LogEntry:
    event: AccessEvent
    who: str
    documents: list[Document]
    network: str
    detailed: bool


def _log_entry(event: AccessEvent) -> LogEntry:
    who = actor_labels.shown(event.actor_label)
    if event.agency is not None and str(event.agency) not in who:
        who = f"{who} · {event.agency}"
    if event.document is not None:
        documents = [event.document]
    elif event.share is not None:
        documents = list(event.share.documents.all())
    else:
        documents = []
    return LogEntry(
        event,
        who,
        documents,
        selectors.event_network(event),
        bool(getattr(event, "detailed", False)),
    )


@never_cache
@auth.citizen_required
def access_log(request: HttpRequest, *, citizen: Citizen) -> HttpResponseBase:
    events = selectors.access_events_for(citizen).prefetch_related(
        "share__documents__document_type"
    )
    page = Paginator(events, 50).get_page(request.GET.get("pagina"))
    return _private(
        render(
            request,
            "folder/citizen/access_log.html",
            {
                "page": page,
                "entries": [_log_entry(event) for event in page],
                "intact": selectors.access_log_intact_for(citizen),
            },
        )
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
            _add_errors(form, exc)
        else:
            messages.success(
                request,
                _("Recibimos su solicitud. La dependencia emisora le responderá en esta página."),
            )
            return redirect("folder:my_data")
    return _private(
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
    body = export.citizen_zip(citizen)
    services.access_record(
        action=AccessEvent.Action.EXPORT,
        actor_label=HOLDER_LABEL,
        citizen=citizen,
        ip=_ip(request),
    )
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    return _download(body, "application/zip", f"carpeta-ciudadana-mis-datos-{stamp}.zip")


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
    return _private(
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
            _add_errors(form, exc)
        else:
            messages.success(request, _("Solicitud resuelta; la persona verá la respuesta."))
            return redirect("folder:arco_staff_list")
    return _private(
        render(
            request,
            "folder/citizen/arco_staff_detail.html",
            {"arco_request": arco_request, "form": form},
            status=400 if request.method == "POST" else 200,
        )
    )
