"""Pages of a session's materials: upload, download (one file or all as a ZIP), observe the
draft acta, attend observations, link the recording. Thin: services write, selectors read."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from abierto.directory.decorators import acting_user, role_required
from abierto.directory.roles import Role
from abierto.lib.roman import to_roman
from abierto.lib.uploads import CONTENT_TYPES, Kind
from abierto.lib.zipstream import Member, file_chunks, stream_zip

from . import access, selectors, services
from . import selectors_materials as materials
from .forms_materials import AttendForm, MaterialForm, ObservationForm, RecordingForm
from .models import Minutes, MinutesObservation, Session, SessionMaterial
from .views_manage._common import _attempt, _session, facilitator_only

if TYPE_CHECKING:
    from abierto.directory.selectors import AnyUser


# A municipal forum's people hold no platform role: their forum roles let them in too, and
# which session's materials they reach is decided per session.
providers_only = role_required(
    Role.FACILITATOR, Role.MEMBER, Role.AGENCY_CLERK, or_if=access.is_in_any_forum
)
members_only = role_required(Role.FACILITATOR, Role.MEMBER, or_if=access.is_in_any_forum)


@providers_only
@require_http_methods(["GET", "POST"])
def session_materials(request: HttpRequest, public_id: str) -> HttpResponse:
    """The materials of each item; whoever presents an item (or the facilitator) adds to it."""
    session = _session_of(public_id)
    actor = acting_user(request)
    items = materials.items_user_provides(actor, session)
    visible = list(materials.materials_for(actor, session))
    if not items and not visible:
        raise PermissionDenied
    form = MaterialForm(request.POST or None, request.FILES or None, items=items)
    if (
        request.method == "POST"
        and form.is_valid()
        and _attempt(
            form,
            lambda: services.material_add(
                actor=actor,
                agenda_item=form.cleaned_data["agenda_item"],
                title=form.cleaned_data["title"],
                is_public=form.cleaned_data["is_public"],
                file=form.cleaned_data["file"],
                url=form.cleaned_data["url"],
            ),
        )
    ):
        messages.success(request, _("Material agregado."))
        return redirect("forum_manage:session_materials", public_id)
    return render(
        request,
        "forum/manage/session_materials.html",
        {
            "session": session,
            "form": form,
            "can_add": bool(items) and session.status in {"planned", "convened"},
            "materials": [
                (material, materials.can_remove_material(actor, material)) for material in visible
            ],
            "is_member": materials.is_forum_member(actor),
        },
        status=400 if request.method == "POST" else 200,
    )


@providers_only
@require_POST
def material_remove(request: HttpRequest, public_id: str, material_id: str) -> HttpResponse:
    session = _session_of(public_id)
    if not materials.items_user_provides(acting_user(request), session):
        raise PermissionDenied  # provides nothing in this session (another forum's, say)
    material = get_object_or_404(SessionMaterial, session=session, public_id=material_id)
    try:
        services.material_remove(actor=acting_user(request), material=material)
        messages.success(request, _("Material retirado."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("forum_manage:session_materials", public_id)


@require_safe
def material_file(request: HttpRequest, public_id: str, material_id: str) -> HttpResponseBase:
    """One material's file: public after the session if public, else only for who may see it."""
    material = get_object_or_404(
        SessionMaterial.objects.select_related("session"),
        session__public_id=public_id,
        public_id=material_id,
    )
    if not materials.material_visible(request.user, material):
        raise Http404
    if material.kind == SessionMaterial.Kind.LINK:
        return HttpResponseRedirect(material.url)
    if material.kind != SessionMaterial.Kind.FILE:
        raise Http404
    try:
        handle = material.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    content_type = CONTENT_TYPES.get(Kind(material.file_type), "application/octet-stream")
    response = FileResponse(
        handle, as_attachment=True, filename=material.file_name, content_type=content_type
    )
    response["Repr-Digest"] = (
        f"sha-256=:{base64.b64encode(bytes.fromhex(material.sha256)).decode('ascii')}:"
    )
    response["X-Content-Type-Options"] = "nosniff"
    if material.is_public and material.session.status in materials.PUBLISHED_STATUSES:
        patch_cache_control(response, public=True, max_age=3600)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def _session_of(public_id: str) -> Session:
    """The session (404 if none). Members, presenters and clerks reach its materials by their
    own rules (``selectors_materials``); facilitator-only pages use ``_session``, which also
    checks that the user manages the session's forum."""
    return get_object_or_404(Session.objects.select_related("forum"), public_id=public_id)


def _bytes_once(data: bytes) -> Callable[[], Iterable[bytes]]:
    return lambda: [data]


def _draft_pdf(draft: Minutes) -> Callable[[], Iterable[bytes]]:
    from .documents import minutes_pdf

    return lambda: [minutes_pdf(draft)]


def _zip_members(user: AnyUser, session: Session) -> list[Member]:
    members = []
    for material in materials.materials_for(user, session):
        prefix = f"{to_roman(material.agenda_item.number)}-" if material.agenda_item else "0-"
        if material.kind == SessionMaterial.Kind.FILE:
            members.append(Member(prefix + material.file_name, file_chunks(material.file.open)))
        elif material.kind == SessionMaterial.Kind.LINK:
            text = f"[InternetShortcut]\r\nURL={material.url}\r\n".encode()
            members.append(Member(f"{prefix}{material.title}.url", _bytes_once(text)))
        elif material.minutes is not None:
            members.append(Member(f"{prefix}{material.title}.pdf", _draft_pdf(material.minutes)))
    return members


@members_only
@require_safe
def materials_zip(request: HttpRequest, public_id: str) -> StreamingHttpResponse:
    """Every material of the session as one ZIP, streamed, with a SHA-256 manifest."""
    session = _session_of(public_id)
    if not access.is_member_of(request.user, session.forum):
        raise PermissionDenied  # the members of another forum
    members = _zip_members(request.user, session)
    if not members:
        raise Http404
    response = StreamingHttpResponse(stream_zip(members), content_type="application/zip")
    filename = f"materiales-{session.forum.acronym}-{session.number}-{session.date:%Y-%m-%d}.zip"
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=filename) or ""
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


@members_only
@require_http_methods(["GET", "POST"])
def minutes_review(request: HttpRequest, public_id: str) -> HttpResponse:
    """The draft acta, paragraph by paragraph, for the members' observations."""
    session = _session_of(public_id)
    if not access.is_member_of(request.user, session.forum):
        raise PermissionDenied  # the members of another forum
    minutes = get_object_or_404(Minutes, session=session)
    if not minutes.sent_with.exists() and not selectors.can_manage_forum(
        request.user, session.forum
    ):
        raise Http404  # a draft reaches the members with the next convocation
    form = ObservationForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and _attempt(
            form,
            lambda: services.observation_add(
                actor=acting_user(request),
                minutes=minutes,
                text=form.cleaned_data["text"],
                paragraph_id=form.cleaned_data["paragraph_id"],
            ),
        )
    ):
        messages.success(request, _("Observación enviada a la facilitación."))
        return redirect("forum_manage:minutes_review", public_id)
    observations = list(materials.observations_of(minutes))
    by_paragraph: dict[str, list[MinutesObservation]] = {}
    for observation in observations:
        by_paragraph.setdefault(observation.paragraph_id, []).append(observation)
    return render(
        request,
        "forum/manage/minutes_review.html",
        {
            "session": session,
            "minutes": minutes,
            "form": form,
            "paragraphs": [
                (paragraph, by_paragraph.pop(paragraph.id, []))
                for paragraph in materials.draft_paragraphs(minutes)
            ],
            "general": by_paragraph.pop("", []),
            # Observations on paragraphs edited since: kept with the text they were about.
            "earlier": [o for group in by_paragraph.values() for o in group],
        },
        status=400 if request.method == "POST" else 200,
    )


@facilitator_only
@require_POST
def observation_attend(request: HttpRequest, public_id: str, pk: int) -> HttpResponse:
    session = _session(request, public_id)
    observation = get_object_or_404(MinutesObservation, pk=pk, minutes__session=session)
    form = AttendForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Elija aceptar o responder la observación."))
    else:
        try:
            services.observation_attend(
                actor=acting_user(request),
                observation=observation,
                accept=form.cleaned_data["decision"] == "accept",
                answer=form.cleaned_data["answer"],
            )
            messages.success(request, _("Observación atendida."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return redirect("forum_manage:minutes_edit", public_id)


@facilitator_only
@require_POST
def session_recording(request: HttpRequest, public_id: str) -> HttpResponse:
    session = _session(request, public_id)
    form = RecordingForm(request.POST)
    if form.is_valid():
        try:
            services.session_recording_set(
                actor=acting_user(request), session=session, url=form.cleaned_data["recording_url"]
            )
            messages.success(request, _("Enlace a la grabación guardado."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return render(
                request,
                "forum/manage/session_recording.html",
                {"session": session, "form": form, "errors": exc.messages},
                status=400,
            )
    return redirect("forum_manage:session_manage", public_id)


def observations_context(minutes: Minutes) -> dict[str, object]:
    """What the acta editor shows beside the text: the observations and how to attend them."""
    return {
        "observations": list(materials.observations_of(minutes)),
        "attend_form": AttendForm(),
    }
