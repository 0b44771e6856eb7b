"""Forms of the clerk's pages. They validate shape; the services decide what is allowed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import Municipality
from abierto.forum.models import Session
from abierto.lib.tabular import MAX_BYTES

from .models import ActionLine, Commitment, Indicator, Milestone
from .models.reports import EVIDENCE_EXTENSIONS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ActionLineForm(forms.Form):
    title = forms.CharField(label=_("Línea de acción o fase"), max_length=300)
    description = forms.CharField(
        label=_("Descripción"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MilestoneForm(forms.Form):
    action_line = forms.ModelChoiceField(
        label=_("Línea de acción"), queryset=ActionLine.objects.none(), empty_label=None
    )
    title = forms.CharField(label=_("Hito"), max_length=300)
    due_date = forms.DateField(label=_("Fecha compromiso"), required=False, widget=DATE)
    weight = forms.IntegerField(
        label=_("Peso"),
        min_value=1,
        max_value=100,
        initial=1,
        help_text=_("Cuánto cuenta para el avance frente a los demás hitos (1 a 100)."),
        widget=forms.NumberInput(attrs={"min": 1, "max": 100, "inputmode": "numeric"}),
    )

    def __init__(self, *args: Any, commitment: Commitment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["action_line"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = commitment.action_lines.order_by("number")


class MilestoneStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Estado"), choices=Milestone.Status.choices)
    met_on = forms.DateField(
        label=_("Fecha de cumplimiento"),
        required=False,
        widget=DATE,
        help_text=_("Solo para hitos cumplidos."),
    )


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Session) -> str:
        return f"{obj.title} ({obj.date:%d/%m/%Y})"


class ProgressReportForm(forms.Form):
    date = forms.DateField(label=_("Fecha del reporte"), widget=DATE)
    text = forms.CharField(
        label=_("Avance"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Qué se avanzó, con sus cifras."),
    )
    session = SessionChoiceField(
        label=_("Sesión del STL en que se presentó"),
        queryset=Session.objects.none(),
        required=False,
        empty_label=_("— No se presentó en sesión —"),
    )
    evidence_title = forms.CharField(
        label=_("Título de la evidencia"), max_length=250, required=False
    )
    evidence_url = forms.URLField(
        label=_("Enlace de la evidencia"), required=False, assume_scheme="https", max_length=500
    )
    evidence_file = forms.FileField(
        label=_("Archivo de la evidencia"),
        required=False,
        help_text=_("PDF, imagen, documento u hoja de cálculo; hasta 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(f".{ext}" for ext in EVIDENCE_EXTENSIONS)}
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["session"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            Session.objects.exclude(status=Session.Status.CANCELLED)
            .select_related("forum")
            .order_by("-date")
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_link = bool(data.get("evidence_url"))
        has_file = bool(data.get("evidence_file"))
        if has_link and has_file:
            raise forms.ValidationError(_("Una evidencia es un enlace o un archivo, no ambos."))
        if (has_link or has_file) and not data.get("evidence_title"):
            self.add_error("evidence_title", _("Dé un título a la evidencia."))
        return data


class IndicatorValueForm(forms.Form):
    indicator = forms.ModelChoiceField(
        label=_("Indicador"), queryset=Indicator.objects.none(), empty_label=None
    )
    date = forms.DateField(label=_("Fecha"), widget=DATE)
    value = forms.DecimalField(
        label=_("Valor"),
        min_value=0,
        max_digits=14,
        decimal_places=2,
        help_text=_("Valor acumulado a esa fecha."),
        widget=forms.NumberInput(attrs={"min": 0, "step": "any", "inputmode": "decimal"}),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipio"),
        queryset=Municipality.objects.order_by("name"),
        required=False,
        empty_label=_("— Estatal —"),
        help_text=_("Solo en indicadores por municipio."),
    )
    note = forms.CharField(label=_("Nota o fuente"), max_length=500, required=False)

    def __init__(self, *args: Any, indicators: QuerySet[Indicator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["indicator"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = indicators


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Archivo CSV o XLSX"),
        help_text=_("Hasta 5 MB y 20 000 filas; la primera fila lleva los encabezados."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
    commitment = forms.ModelChoiceField(
        label=_("Compromiso"), queryset=Commitment.objects.none(), required=False
    )

    def __init__(
        self, *args: Any, commitments: QuerySet[Commitment] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["commitment"]
        assert isinstance(field, forms.ModelChoiceField)
        if commitments is None:
            del self.fields["commitment"]
        else:
            field.queryset = commitments
            field.required = True
            field.empty_label = None
            field.help_text = _("Compromiso al que contribuyen las visitas.")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("El archivo pesa más de 5 MB; divídalo en partes."))
        return upload
