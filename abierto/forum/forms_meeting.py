"""Forms of the meeting-record import: the two uploads and their confirmation screens.

A file is read when uploaded and what was read travels, signed, in the confirmation form:
nothing is stored before the facilitator confirms.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django import forms
from django.core import signing
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from abierto.lib.meeting_records import (
    Cue,
    MeetingRecordError,
    ParticipantsReport,
    parse_participants,
    parse_webvtt,
)
from abierto.lib.meeting_records import participants as participants_format
from abierto.lib.meeting_records import webvtt as webvtt_format

from .forms import TIME
from .selectors_meeting import GUEST, IGNORE, Candidate, ParticipantsProposal

TOKEN_MAX_AGE = 6 * 3600  # seconds a confirmation screen stays valid


def _read_upload(upload: UploadedFile, suffixes: set[str], max_bytes: int) -> bytes:
    suffix = Path(upload.name or "").suffix.lower()
    if suffix not in suffixes:
        raise forms.ValidationError(
            _("Formato no admitido (%(suffix)s): se aceptan %(names)s.")
            % {"suffix": suffix or _("sin extensión"), "names": ", ".join(sorted(suffixes))}
        )
    if (upload.size or 0) > max_bytes:
        raise forms.ValidationError(
            _("El archivo pesa %(size)s; el máximo es %(max)s.")
            % {"size": filesizeformat(upload.size or 0), "max": filesizeformat(max_bytes)}
        )
    data = upload.read(max_bytes + 1)
    if not data:
        raise forms.ValidationError(_("El archivo está vacío."))
    return data


class ParticipantsUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Reporte de participantes (CSV)"),
        help_text=_(
            "En Zoom: Informes → Uso → Participantes de la reunión, «Exportar con los datos "
            "de la reunión». También la lista de asistencia de Teams o la hoja de asistencia "
            "de Google Meet descargada como CSV (sus horas se leen en la fecha de la sesión). "
            "Máximo 2 MB."
        ),
    )

    def __init__(self, *args: Any, day: datetime.date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.day = day

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        self.content = _read_upload(upload, {".csv", ".txt"}, participants_format.MAX_BYTES)
        try:
            self.report: ParticipantsReport = parse_participants(self.content, day=self.day)
        except MeetingRecordError as exc:
            raise forms.ValidationError(exc.message) from exc
        return upload


class TranscriptUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Transcripción (.vtt)"),
        help_text=_(
            "En Zoom: Grabaciones → la grabación en la nube → Transcripción de audio, "
            "descargar (.vtt). Máximo 3 MB."
        ),
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        self.content = _read_upload(upload, {".vtt"}, webvtt_format.MAX_BYTES)
        try:
            self.cues: list[Cue] = parse_webvtt(self.content)
        except MeetingRecordError as exc:
            raise forms.ValidationError(exc.message) from exc
        return upload


def sign(payload: dict[str, Any], *, salt: str) -> str:
    return signing.dumps(payload, salt=salt, compress=True)


def unsign(token: str, *, salt: str) -> dict[str, Any]:
    """The payload a confirmation screen carried; ValidationError when stale or altered."""
    try:
        payload = signing.loads(token, salt=salt, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature as exc:
        raise forms.ValidationError(
            _("La confirmación caducó o se alteró: suba el archivo de nuevo.")
        ) from exc
    if not isinstance(payload, dict):
        raise forms.ValidationError(_("La confirmación no es válida: suba el archivo de nuevo."))
    return payload


class ParticipantsConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    start_time = forms.TimeField(
        label=_("Hora de inicio de la sesión"),
        required=False,
        widget=TIME,
        help_text=_("Propuesta a partir del reporte; vacía para no registrarla."),
    )
    other_meeting_confirmed = forms.BooleanField(
        label=_("El reporte es de esta sesión aunque su fecha o su tema no coincidan: importarlo"),
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        proposal: ParticipantsProposal,
        candidates: list[Candidate],
        delegate_choices: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.proposal = proposal
        options: list[tuple[Any, Any]] = [
            (IGNORE, _("No asistió / no tomar en cuenta")),
            (GUEST, _("Persona invitada")),
            (_("Integrantes del foro"), [(c.key, c.label) for c in candidates]),
            (_("En representación de un asiento"), delegate_choices),
        ]
        self.row_fields: list[tuple[Any, str, str]] = []
        for index, row in enumerate(proposal.rows):
            choice = f"p{index}_choice"
            role = f"p{index}_role"
            self.fields[choice] = forms.ChoiceField(
                label=_("Quién es %(name)s") % {"name": row.name},
                choices=options,
                initial=row.candidate.key if row.candidate else IGNORE,
            )
            self.fields[role] = forms.CharField(
                label=_("Cargo de %(name)s") % {"name": row.name},
                required=False,
                max_length=250,
                initial=row.candidate.role if row.candidate else "",
            )
            self.row_fields.append((row, choice, role))
        if not proposal.warnings:
            del self.fields["other_meeting_confirmed"]

    @property
    def rows(self) -> list[tuple[Any, forms.BoundField, forms.BoundField]]:
        return [(row, self[choice], self[role]) for row, choice, role in self.row_fields]


class TranscriptConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    set_item_times = forms.BooleanField(
        label=_("Registrar la hora de inicio de los puntos que no la tienen"),
        required=False,
        initial=True,
    )
    fill_narratives = forms.BooleanField(
        label=_("Prellenar el desarrollo de los puntos que están vacíos (nunca se sobrescribe)"),
        required=False,
        initial=True,
    )
    other_meeting_confirmed = forms.BooleanField(
        label=_("La transcripción es de esta sesión aunque su fecha no coincida: importarla"),
        required=False,
    )

    def __init__(self, *args: Any, warnings: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.warnings = warnings
        if not warnings:
            del self.fields["other_meeting_confirmed"]
