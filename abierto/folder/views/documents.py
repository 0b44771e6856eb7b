"""The citizen's documents (list, page, PDF, signed original) and their access log. A
document is reached only through ``selectors.document_for_citizen``."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .. import actor_labels, auth, rendition, selectors, services
from ..models import AccessEvent, Citizen, Document, Relation
from .common import (
    citizen_document,
    client_ip,
    download,
    holder_actor_label,
    private,
)

JOSE = "application/jose"

# Documents -------------------------------------------------------------------------------------

RELATION_GROUPS = {
    Relation.HOLDER.value: "own",
    Relation.MOTHER.value: "children",
    Relation.FATHER.value: "children",
    Relation.GUARDIAN.value: "children",
}


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
    return private(
        render(
            request,
            "folder/citizen/documents.html",
            {"citizen": citizen, "groups": groups, "total": len(listed)},
        )
    )


@never_cache
@auth.citizen_required
def document_detail(request: HttpRequest, public_id: str, *, citizen: Citizen) -> HttpResponseBase:
    document = citizen_document(citizen, public_id)
    services.access_record(
        action=AccessEvent.Action.VIEW,
        actor_label=holder_actor_label(citizen, document),
        citizen=citizen,  # a related person's own action is theirs: access_log.py
        document=document,
        ip=client_ip(request),
    )
    context = rendition.document_context(document)
    context["relations"] = [
        Relation(r).label for r in selectors.document_relations(citizen, document)
    ]
    return private(render(request, "folder/citizen/document.html", context))


def _logged_download(
    request: HttpRequest,
    citizen: Citizen,
    document: Document,
    body: bytes | str,
    *,
    channel: str,
    content_type: str,
    extension: str,
) -> HttpResponseBase:
    """Log the download (by ``channel``) in the citizen's access log, then send the file."""
    services.access_record(
        action=AccessEvent.Action.DOWNLOAD,
        actor_label=actor_labels.channel(holder_actor_label(citizen, document), channel),
        citizen=citizen,  # a related person's own action is theirs: access_log.py
        document=document,
        ip=client_ip(request),
    )
    return download(body, content_type, rendition.filename(document, extension))


@auth.citizen_required
def document_pdf(request: HttpRequest, public_id: str, *, citizen: Citizen) -> HttpResponseBase:
    document = citizen_document(citizen, public_id)
    pdf = rendition.document_pdf(document)
    return _logged_download(
        request, citizen, document, pdf, channel="PDF", content_type="application/pdf",
        extension="pdf",
    )  # fmt: skip


@auth.citizen_required
def document_original(
    request: HttpRequest, public_id: str, *, citizen: Citizen
) -> HttpResponseBase:
    document = citizen_document(citizen, public_id)
    token = selectors.document_token(document)
    return _logged_download(
        request, citizen, document, token, channel="original firmado", content_type=JOSE,
        extension="jws",
    )  # fmt: skip


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
    services.verification_spool_drain()  # every verification so far, in the log they read
    events = selectors.access_events_for(citizen).prefetch_related(
        "share__documents__document_type"
    )
    page = Paginator(events, 50).get_page(request.GET.get("pagina"))
    return private(
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
