"""Forms of the materials' pages: shape only; the services check files and permissions."""

from __future__ import annotations

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import AgendaItem
from .services.materials import MAX_MATERIAL_BYTES


class MaterialForm(forms.Form):
    agenda_item = forms.ModelChoiceField(
        label=_("Punto del orden del día"), queryset=AgendaItem.objects.none()
    )
    title = forms.CharField(label=_("Título del material"), max_length=250)
    file = forms.FileField(
        label=_("Archivo"),
        required=False,
        help_text=lazy(
            lambda: (
                gettext("PDF, DOCX, XLSX, PPTX, ODT, ODS, PNG o JPEG; hasta %(mb)s MB.")
                % {"mb": MAX_MATERIAL_BYTES // (1024 * 1024)}
            ),
            str,
        )(),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.png,.jpg,.jpeg"}
        ),
    )
    url = forms.CharField(
        label=_("o enlace"),
        required=False,
        max_length=500,
        help_text=_("Dirección web del material, p. ej. un micrositio."),
    )
    is_public = forms.BooleanField(
        label=_("Público: se publica con el registro de la sesión una vez celebrada"),
        required=False,
    )

    def __init__(self, *args: object, items: list[AgendaItem], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["agenda_item"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = AgendaItem.objects.filter(pk__in=[item.pk for item in items])


class ObservationForm(forms.Form):
    paragraph_id = forms.CharField(required=False, max_length=16, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Observación"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AttendForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decisión"),
        choices=[("accept", _("Aceptar")), ("answer", _("Responder sin cambio"))],
    )
    answer = forms.CharField(
        label=_("Respuesta"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RecordingForm(forms.Form):
    recording_url = forms.CharField(
        label=_("Enlace a la grabación"),
        required=False,
        max_length=500,
        help_text=_("Página pública con el video de la sesión; vacío para quitarlo."),
    )
