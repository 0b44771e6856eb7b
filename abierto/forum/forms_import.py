"""The review form of an imported acta: the parser's reading as editable lines."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from abierto.lib.uploads import Kind, check_upload

from .forms import DATE, TIME


class ActaUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Archivo del acta"),
        help_text=_("Texto (.txt, .md), Word (.docx) o PDF con capa de texto; máximo 20 MB."),
    )

    def clean_file(self) -> UploadedFile:
        """Size, extension and content checked here; the reading itself runs in a worker."""
        from .services.imports import MAX_ACTA_BYTES, SUFFIXES

        upload: UploadedFile = self.cleaned_data["file"]
        suffix = Path(upload.name or "").suffix.lower()
        if suffix not in SUFFIXES:
            raise forms.ValidationError(
                _("Formato no admitido (%(suffix)s): suba un archivo .txt, .md, .docx o .pdf.")
                % {"suffix": suffix or _("sin extensión")}
            )
        check_upload(upload, allowed={Kind.TEXT, Kind.DOCX, Kind.PDF}, max_bytes=MAX_ACTA_BYTES)
        return upload


def _lines(value: str) -> list[list[str]]:
    rows = []
    for line in value.splitlines():
        if line.strip():
            rows.append([part.strip() for part in line.split("|")])
    return rows


class ActaReviewForm(forms.Form):
    number = forms.IntegerField(label=_("Número de sesión"), min_value=1, max_value=999)
    kind = forms.ChoiceField(
        label=_("Tipo"),
        choices=[("ordinaria", _("Ordinaria")), ("extraordinaria", _("Extraordinaria"))],
    )
    date = forms.DateField(label=_("Fecha"), widget=DATE)
    start_time = forms.TimeField(label=_("Hora de inicio"), required=False, widget=TIME)
    end_time = forms.TimeField(label=_("Hora de término"), required=False, widget=TIME)
    modality = forms.ChoiceField(
        label=_("Modalidad"),
        choices=[
            ("presencial", _("Presencial")),
            ("virtual", _("Virtual")),
            ("híbrida", _("Híbrida")),
        ],
    )
    place = forms.CharField(label=_("Lugar"), required=False, max_length=250)
    attendees = forms.CharField(
        label=_("Asistentes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Una persona por línea: «Nombre | Cargo»."),
    )
    agenda = forms.CharField(
        label=_("Orden del día"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Un punto por línea: «Número | Título»."),
    )
    agreements = forms.CharField(
        label=_("Acuerdos"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Uno por línea: «Clave | Punto | Texto»; el punto puede quedar vacío."),
    )
    follow_up_codes = forms.CharField(
        label=_("Claves de los acuerdos que requieren seguimiento"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Una por línea; entran al seguimiento de acuerdos como pendientes."),
    )
    scheduled_sessions = forms.CharField(
        label=_("Calendario aprobado"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Una sesión por línea: «AAAA-MM-DD | Título»."),
    )

    @classmethod
    def initial_from(cls, parsed: dict[str, Any]) -> dict[str, Any]:
        session = parsed.get("session") or {}
        return {
            "number": session.get("number"),
            "kind": session.get("kind") if session.get("kind") == "extraordinaria" else "ordinaria",
            "date": session.get("date"),
            "start_time": session.get("start_time"),
            "end_time": session.get("end_time"),
            "modality": session.get("modality") or "presencial",
            "place": session.get("place") or "",
            "attendees": "\n".join(
                f"{a['name']} | {a.get('role') or ''}".rstrip(" |")
                for a in parsed.get("attendees", [])
            ),
            "agenda": "\n".join(f"{i['number']} | {i['title']}" for i in parsed.get("agenda", [])),
            "agreements": "\n".join(
                f"{a['code']} | {a.get('agenda_item') or ''} | {a['text']}"
                for a in parsed.get("agreements", [])
            ),
            "scheduled_sessions": "\n".join(
                f"{s['date']} | {s['title']}" for s in parsed.get("scheduled_sessions", [])
            ),
        }

    def clean_agenda(self) -> list[dict[str, Any]]:
        items = []
        for n, row in enumerate(_lines(self.cleaned_data["agenda"]), start=1):
            if len(row) < 2 or not row[0].isdigit():
                raise forms.ValidationError(
                    _("Línea %(n)s: escriba «Número | Título»."), params={"n": n}
                )
            items.append({"number": int(row[0]), "title": " | ".join(row[1:])})
        numbers = [i["number"] for i in items]
        if len(numbers) != len(set(numbers)):
            raise forms.ValidationError(_("Hay números de punto repetidos."))
        return items

    def clean_attendees(self) -> list[dict[str, Any]]:
        return [
            {"name": row[0], "role": " | ".join(row[1:]) or None}
            for row in _lines(self.cleaned_data["attendees"])
        ]

    def clean_agreements(self) -> list[dict[str, Any]]:
        agreements = []
        for n, row in enumerate(_lines(self.cleaned_data["agreements"]), start=1):
            if len(row) < 3:
                raise forms.ValidationError(
                    _("Línea %(n)s: escriba «Clave | Punto | Texto»."), params={"n": n}
                )
            item = row[1]
            if item and not item.isdigit():
                raise forms.ValidationError(
                    _("Línea %(n)s: el punto debe ser un número o quedar vacío."), params={"n": n}
                )
            agreements.append(
                {
                    "code": row[0],
                    "agenda_item": int(item) if item else None,
                    "text": " | ".join(row[2:]),
                }
            )
        return agreements

    def clean_scheduled_sessions(self) -> list[dict[str, Any]]:
        sessions = []
        for n, row in enumerate(_lines(self.cleaned_data["scheduled_sessions"]), start=1):
            try:
                day = datetime.date.fromisoformat(row[0])
            except ValueError:
                raise forms.ValidationError(
                    _("Línea %(n)s: la fecha debe ser AAAA-MM-DD."), params={"n": n}
                ) from None
            sessions.append({"date": day.isoformat(), "title": " | ".join(row[1:])})
        return sessions

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        agenda_numbers = {i["number"] for i in cleaned.get("agenda") or []}
        for agreement in cleaned.get("agreements") or []:
            if agreement["agenda_item"] and agreement["agenda_item"] not in agenda_numbers:
                self.add_error(
                    "agreements",
                    _("El acuerdo %(code)s cita el punto %(n)s, que no está en el orden del día.")
                    % {"code": agreement["code"], "n": agreement["agenda_item"]},
                )
        return cleaned

    def reviewed(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "session": {
                "number": data["number"],
                "kind": data["kind"],
                "date": data["date"].isoformat(),
                "start_time": data["start_time"].strftime("%H:%M") if data["start_time"] else None,
                "end_time": data["end_time"].strftime("%H:%M") if data["end_time"] else None,
                "modality": data["modality"],
                "place": data["place"],
            },
            "attendees": data["attendees"],
            "agenda": data["agenda"],
            "agreements": data["agreements"],
            "follow_up_codes": [
                c.strip() for c in data["follow_up_codes"].splitlines() if c.strip()
            ],
            "scheduled_sessions": data["scheduled_sessions"],
        }
