"""Importing the meeting's own records: the participants report and the transcript.

Each import is two steps on one URL: the upload is read and shown on a confirmation screen
(nothing saved; what was read travels signed in the form), then the confirmation runs one
service. A refused file or confirmation comes back with status 400 and nothing changed.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from abierto.directory.decorators import acting_user

from ..forms_meeting import (
    ParticipantsConfirmForm,
    ParticipantsUploadForm,
    TranscriptConfirmForm,
    TranscriptUploadForm,
    sign,
    unsign,
)
from ..models import AgendaItem, Session
from ..selectors_meeting import delegate_choices, meeting_candidates, participants_proposal
from ..selectors_transcript import read_transcript, transcript_warnings
from ..services import meeting_records as records
from ._common import _session, facilitator_only

PARTICIPANTS = "forum/manage/meeting_participants.html"
TRANSCRIPT = "forum/manage/meeting_transcript.html"


def _salt(session: Session, kind: str) -> str:
    return f"forum.meeting.{kind}.{session.public_id}"


def _participants_form(
    session: Session, report: dict[str, Any], data: Any = None, token: str = ""
) -> ParticipantsConfirmForm:
    proposal = participants_proposal(session, report)
    return ParticipantsConfirmForm(
        data,
        proposal=proposal,
        candidates=meeting_candidates(session),
        delegate_choices=delegate_choices(session),
        initial={"token": token, "start_time": proposal.start},
    )


@facilitator_only
@require_http_methods(["GET", "POST"])
def meeting_participants(request: HttpRequest, public_id: str) -> HttpResponse:
    session = _session(request, public_id)
    context: dict[str, Any] = {"session": session, "errors": []}
    if request.method == "GET":
        context["upload_form"] = ParticipantsUploadForm()
        return render(request, PARTICIPANTS, context)
    if "token" not in request.POST:
        # Google Meet's sheet gives times without a date: they are read on the session's.
        upload = ParticipantsUploadForm(request.POST, request.FILES, day=session.date)
        context["upload_form"] = upload
        if not upload.is_valid():
            return render(request, PARTICIPANTS, context, status=400)
        report = records.report_data(upload.report)
        try:
            records.check_participants(session, report)
        except ValidationError as exc:
            context["errors"] = exc.messages
            return render(request, PARTICIPANTS, context, status=400)
        filename = upload.cleaned_data["file"].name or "participantes.csv"
        payload = {"f": filename, "h": records.sha256_of(upload.content), "r": report}
        context["filename"] = filename
        context["form"] = _participants_form(
            session, report, token=sign(payload, salt=_salt(session, "participants"))
        )
        return render(request, PARTICIPANTS, context)
    try:
        payload = unsign(request.POST["token"], salt=_salt(session, "participants"))
    except ValidationError as exc:
        context.update(errors=exc.messages, upload_form=ParticipantsUploadForm())
        return render(request, PARTICIPANTS, context, status=400)
    form = _participants_form(session, payload["r"], request.POST)
    context.update(form=form, filename=payload["f"])
    if not form.is_valid():
        return render(request, PARTICIPANTS, context, status=400)
    choices = [
        records.ParticipantChoice(
            name=row.name, choice=form.cleaned_data[choice], role=form.cleaned_data[role]
        )
        for row, choice, role in form.row_fields
    ]
    try:
        records.participants_confirm(
            actor=acting_user(request),
            session=session,
            filename=payload["f"],
            sha256=payload["h"],
            report=payload["r"],
            choices=choices,
            start_time=form.cleaned_data["start_time"],
            other_meeting_confirmed=form.cleaned_data.get("other_meeting_confirmed", False),
        )
    except ValidationError as exc:
        context["errors"] = exc.messages
        return render(request, PARTICIPANTS, context, status=400)
    messages.success(request, _("Asistencia registrada a partir del reporte de participantes."))
    return redirect(reverse("forum_manage:session_live", args=[public_id]) + "#asistencia")


@facilitator_only
@require_http_methods(["GET", "POST"])
def meeting_transcript(request: HttpRequest, public_id: str) -> HttpResponse:
    session = _session(request, public_id)
    context: dict[str, Any] = {"session": session, "errors": []}
    if request.method == "GET":
        context["upload_form"] = TranscriptUploadForm()
        return render(request, TRANSCRIPT, context)
    if "token" not in request.POST:
        upload = TranscriptUploadForm(request.POST, request.FILES)
        context["upload_form"] = upload
        if not upload.is_valid():
            return render(request, TRANSCRIPT, context, status=400)
        try:
            records.check_transcript(session, upload.cues)
        except ValidationError as exc:
            context["errors"] = exc.messages
            return render(request, TRANSCRIPT, context, status=400)
        filename = upload.cleaned_data["file"].name or "transcripcion.vtt"
        payload = {
            "f": filename,
            "h": records.sha256_of(upload.content),
            "c": records.cues_data(upload.cues),
        }
        context.update(
            filename=filename,
            reading=read_transcript(session, upload.cues),
            form=TranscriptConfirmForm(
                initial={"token": sign(payload, salt=_salt(session, "transcript"))},
                warnings=transcript_warnings(session, filename),
            ),
        )
        return render(request, TRANSCRIPT, context)
    try:
        payload = unsign(request.POST["token"], salt=_salt(session, "transcript"))
    except ValidationError as exc:
        context.update(errors=exc.messages, upload_form=TranscriptUploadForm())
        return render(request, TRANSCRIPT, context, status=400)
    form = TranscriptConfirmForm(
        request.POST, warnings=transcript_warnings(session, str(payload["f"]))
    )
    cues = records.cues_from(payload["c"])
    context.update(form=form, filename=payload["f"], reading=read_transcript(session, cues))
    if not form.is_valid():
        return render(request, TRANSCRIPT, context, status=400)
    try:
        records.transcript_confirm(
            actor=acting_user(request),
            session=session,
            filename=payload["f"],
            sha256=payload["h"],
            cues=cues,
            set_item_times=form.cleaned_data["set_item_times"],
            fill_narratives=form.cleaned_data["fill_narratives"],
            other_meeting_confirmed=form.cleaned_data.get("other_meeting_confirmed", False),
        )
    except ValidationError as exc:
        context["errors"] = exc.messages
        return render(request, TRANSCRIPT, context, status=400)
    messages.success(
        request,
        _(
            "Transcripción importada: revise el desarrollo de cada punto y las votaciones "
            "propuestas."
        ),
    )
    return redirect(reverse("forum_manage:session_live", args=[public_id]) + "#punto-1")


@facilitator_only
@require_POST
def live_item_start(request: HttpRequest, public_id: str, number: int) -> HttpResponse:
    """One tap: the item starts now."""
    session = _session(request, public_id)
    item = get_object_or_404(AgendaItem, session=session, number=number)
    back = reverse("forum_manage:session_live", args=[public_id]) + f"#punto-{number}"
    try:
        records.agenda_item_mark_start(actor=acting_user(request), item=item)
    except ValidationError as exc:
        context = {"session": session, "errors": exc.messages, "back": back}
        return render(request, "forum/manage/meeting_refused.html", context, status=400)
    return redirect(back)
