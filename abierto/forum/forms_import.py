"""The review form of an imported acta: the parser's reading as editable lines."""

from __future__ import annotations

import datetime
import re
import unicodedata
from pathlib import Path
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from abierto.lib.roman import to_roman
from abierto.lib.uploads import Kind, check_upload

from .forms import DATE, TIME


class ActaUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Archivo del acta"),
        help_text=_(
            "Texto (.txt, .md), Word (.docx) o PDF, también escaneado (se lee con "
            "reconocimiento de texto); máximo 20 MB."
        ),
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


CAPACITY_WORDS = {
    "titular": "holder",
    "suplente": "alternate",
    "en representacion": "delegate",
    "representacion": "delegate",
    "invitado": "guest",
    "invitada": "guest",
    "": "",
}
CAPACITY_WORDS_OUT = {
    "holder": "titular",
    "alternate": "suplente",
    "delegate": "en representación",
    "guest": "invitado",
}
STATUS_WORDS = {
    "pendiente": "pending",
    "en proceso": "in_progress",
    "cumplido": "done",
    "cancelado": "cancelled",
}
STATUS_WORDS_OUT = {value: key for key, value in STATUS_WORDS.items()}


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


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
    convocation_reference = forms.CharField(
        label=_("Oficio de convocatoria"),
        required=False,
        max_length=40,
        help_text=_("Número del oficio, p. ej. STL/016/2022; vacío si el acta no lo dice."),
    )
    convocation_date = forms.DateField(label=_("Fecha del oficio"), required=False, widget=DATE)
    attendees = forms.CharField(
        label=_("Asistentes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Una persona por línea: «Nombre | Cargo | Asiento | Calidad». Asiento y calidad "
            "(titular, suplente, en representación, invitado) son opcionales: sin ellos, "
            "quien ocupa un asiento se reconoce por su nombre y los demás son invitados."
        ),
    )
    agenda = forms.CharField(
        label=_("Orden del día"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Un punto por línea: «Número | Título | Quién presenta» (opcional)."),
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
    follow_ups = forms.CharField(
        label=_("Seguimiento de acuerdos anteriores"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Uno por línea: «Clave | Estado | Lo que se informó»; estado: pendiente, en "
            "proceso, cumplido o cancelado."
        ),
    )
    approves_minutes = forms.CharField(
        label=_("Actas anteriores aprobadas"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Una por línea: «Clave del acuerdo | ordinaria 14»; el acta en borrador de esa "
            "sesión queda aprobada por ese acuerdo."
        ),
    )
    scheduled_sessions = forms.CharField(
        label=_("Calendario aprobado"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Una sesión por línea: «AAAA-MM-DD | Título»."),
    )
    approved_original = forms.BooleanField(
        label=_("El acta original ya fue aprobada: publicarla como registro aprobado"),
        required=False,
        help_text=_(
            "Para actas históricas: se publica el acta generada de esta lectura, con el "
            "archivo original y su SHA-256 para descargar."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        numbers = {
            int(n)
            for n in re.findall(
                r"^\s*(\d{1,3})\s*\|", str(self.initial.get("agenda") or ""), re.MULTILINE
            )
        }
        numbers |= {
            int(key.removeprefix("narrative_"))
            for key in self.data
            if re.fullmatch(r"narrative_\d{1,3}", key)
        }
        for number in sorted(numbers):
            self.fields[f"narrative_{number}"] = forms.CharField(
                label=_("Desarrollo del punto %(numeral)s") % {"numeral": to_roman(number)},
                required=False,
                max_length=100_000,
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text=_(
                    "Lo que el acta cuenta del punto. Párrafos separados por una línea en "
                    "blanco; una tabla, con líneas «| celda | celda |»."
                ),
            )

    def put_first(self, names: list[str]) -> None:
        """Move the fields ``names`` (those read with little confidence) to the top."""
        self.order_fields([name for name in dict.fromkeys(names) if name in self.fields])

    @classmethod
    def initial_from(cls, parsed: dict[str, Any]) -> dict[str, Any]:
        session = parsed.get("session") or {}
        convocation = parsed.get("convocation") or {}
        narratives = {
            f"narrative_{item['number']}": item.get("narrative") or ""
            for item in parsed.get("agenda", [])
        }
        return {
            **narratives,
            "convocation_reference": convocation.get("reference") or "",
            "convocation_date": convocation.get("date"),
            "follow_ups": "\n".join(
                f"{f['code']} | {STATUS_WORDS_OUT.get(f.get('status') or '', 'pendiente')} | "
                f"{f.get('note') or ''}"
                for f in parsed.get("follow_ups", [])
            ),
            "approves_minutes": "\n".join(
                f"{a['code']} | {a['approves_minutes_of']['kind']} "
                f"{a['approves_minutes_of']['number']}"
                for a in parsed.get("agreements", [])
                if a.get("approves_minutes_of")
            ),
            "approved_original": bool(parsed.get("approved_original")),
            "number": session.get("number"),
            "kind": session.get("kind") if session.get("kind") == "extraordinaria" else "ordinaria",
            "date": session.get("date"),
            "start_time": session.get("start_time"),
            "end_time": session.get("end_time"),
            "modality": session.get("modality") or "presencial",
            "place": session.get("place") or "",
            "attendees": "\n".join(
                " | ".join(
                    [
                        a["name"],
                        a.get("role") or "",
                        a.get("seat") or "",
                        CAPACITY_WORDS_OUT.get(a.get("capacity") or "", ""),
                    ]
                ).rstrip(" |")
                for a in parsed.get("attendees", [])
            ),
            "agenda": "\n".join(
                f"{i['number']} | {i['title']} | {i.get('presenter') or ''}".rstrip(" |")
                for i in parsed.get("agenda", [])
            ),
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
            items.append(
                {
                    "number": int(row[0]),
                    "title": row[1],
                    "presenter": " | ".join(row[2:]),
                }
            )
        numbers = [i["number"] for i in items]
        if len(numbers) != len(set(numbers)):
            raise forms.ValidationError(_("Hay números de punto repetidos."))
        return items

    def clean_attendees(self) -> list[dict[str, Any]]:
        people = []
        for n, row in enumerate(_lines(self.cleaned_data["attendees"]), start=1):
            capacity = _folded(row[3]) if len(row) > 3 else ""
            if capacity and capacity not in CAPACITY_WORDS:
                raise forms.ValidationError(
                    _(
                        "Línea %(n)s: la calidad es titular, suplente, en representación o "
                        "invitado."
                    ),
                    params={"n": n},
                )
            people.append(
                {
                    "name": row[0],
                    "role": row[1] if len(row) > 1 else None,
                    "seat": row[2] if len(row) > 2 else "",
                    "capacity": CAPACITY_WORDS.get(capacity, ""),
                }
            )
        return people

    def clean_follow_ups(self) -> list[dict[str, Any]]:
        reports = []
        for n, row in enumerate(_lines(self.cleaned_data["follow_ups"]), start=1):
            status = STATUS_WORDS.get(_folded(row[1])) if len(row) > 2 else None
            if status is None or not row[0] or not " | ".join(row[2:]):
                raise forms.ValidationError(
                    _(
                        "Línea %(n)s: escriba «Clave | Estado | Lo que se informó»; el estado "
                        "es pendiente, en proceso, cumplido o cancelado."
                    ),
                    params={"n": n},
                )
            reports.append({"code": row[0], "status": status, "note": " | ".join(row[2:])})
        return reports

    def clean_approves_minutes(self) -> dict[str, dict[str, Any]]:
        approvals = {}
        for n, row in enumerate(_lines(self.cleaned_data["approves_minutes"]), start=1):
            match = re.fullmatch(r"(ordinaria|extraordinaria)\s+(\d{1,3})", _folded(row[-1]))
            if len(row) != 2 or match is None:
                raise forms.ValidationError(
                    _("Línea %(n)s: escriba «Clave del acuerdo | ordinaria 14»."),
                    params={"n": n},
                )
            approvals[row[0]] = {"kind": match[1], "number": int(match[2])}
        return approvals

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
        for item in data["agenda"]:
            item["narrative"] = data.get(f"narrative_{item['number']}") or ""
        approvals = data["approves_minutes"]
        for agreement in data["agreements"]:
            agreement["approves_minutes_of"] = approvals.get(agreement["code"])
        reference = data["convocation_reference"].strip()
        convocation = (
            {
                "reference": reference,
                "date": (data["convocation_date"] or data["date"]).isoformat(),
            }
            if reference
            else None
        )
        return {
            "convocation": convocation,
            "follow_ups": data["follow_ups"],
            "approved_original": data["approved_original"],
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
