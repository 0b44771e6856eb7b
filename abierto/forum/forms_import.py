"""The review form of an imported acta: the parser's reading as editable lines."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from abierto.lib.roman import to_roman
from abierto.lib.uploads import Kind, check_upload

from . import import_lines
from .forms import DATE, TIME

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


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


def _lines_field(label: StrOrPromise, rows: int, help_text: StrOrPromise) -> forms.CharField:
    """A text area of «a | b | c» lines, one row of the acta's reading each."""
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


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
    attendees = _lines_field(
        _("Asistentes"),
        8,
        _(
            "Una persona por línea: «Nombre | Cargo | Asiento | Calidad». Asiento y calidad "
            "(titular, suplente, en representación, invitado) son opcionales: sin ellos, "
            "quien ocupa un asiento se reconoce por su nombre y los demás son invitados."
        ),
    )
    agenda = _lines_field(
        _("Orden del día"),
        8,
        _("Un punto por línea: «Número | Título | Quién presenta» (opcional)."),
    )
    agreements = _lines_field(
        _("Acuerdos"),
        8,
        _("Uno por línea: «Clave | Punto | Texto»; el punto puede quedar vacío."),
    )
    follow_up_codes = _lines_field(
        _("Claves de los acuerdos que requieren seguimiento"),
        2,
        _("Una por línea; entran al seguimiento de acuerdos como pendientes."),
    )
    follow_ups = _lines_field(
        _("Seguimiento de acuerdos anteriores"),
        3,
        _(
            "Uno por línea: «Clave | Estado | Lo que se informó»; estado: pendiente, en "
            "proceso, cumplido o cancelado."
        ),
    )
    approves_minutes = _lines_field(
        _("Actas anteriores aprobadas"),
        2,
        _(
            "Una por línea: «Clave del acuerdo | ordinaria 14»; el acta en borrador de esa "
            "sesión queda aprobada por ese acuerdo."
        ),
    )
    scheduled_sessions = _lines_field(
        _("Calendario aprobado"),
        3,
        _("Una sesión por línea: «AAAA-MM-DD | Título»."),
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
        return import_lines.reading_as_lines(parsed)

    def clean_agenda(self) -> list[dict[str, Any]]:
        return import_lines.agenda_from_lines(self.cleaned_data["agenda"])

    def clean_attendees(self) -> list[dict[str, Any]]:
        return import_lines.attendees_from_lines(self.cleaned_data["attendees"])

    def clean_follow_ups(self) -> list[dict[str, Any]]:
        return import_lines.follow_ups_from_lines(self.cleaned_data["follow_ups"])

    def clean_approves_minutes(self) -> dict[str, dict[str, Any]]:
        return import_lines.approves_minutes_from_lines(self.cleaned_data["approves_minutes"])

    def clean_agreements(self) -> list[dict[str, Any]]:
        return import_lines.agreements_from_lines(self.cleaned_data["agreements"])

    def clean_scheduled_sessions(self) -> list[dict[str, Any]]:
        return import_lines.scheduled_sessions_from_lines(self.cleaned_data["scheduled_sessions"])

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
