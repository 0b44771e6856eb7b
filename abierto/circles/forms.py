"""The mediation centre's forms; each view hands the cleaned data to a service."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Circle, Instrument, Organisation, Participant, Phase


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class CohortForm(forms.Form):
    name = forms.CharField(label=_("Nombre de la generación"), max_length=120)
    centre = forms.CharField(label=_("Centro de asistencia social"), max_length=200)
    region = forms.CharField(label=_("Región"), max_length=120)
    start_date = forms.DateField(label=_("Fecha de inicio"), widget=DateInput())
    end_date = forms.DateField(label=_("Fecha de cierre"), required=False, widget=DateInput())
    commitment_public_id = forms.CharField(
        label=_("Identificador del compromiso"),
        max_length=32,
        required=False,
        help_text=_("El del compromiso del Plan de Acción Local que muestra el avance agregado."),
    )


class SelectForm(forms.Form):
    name = forms.CharField(
        label=_("Nombre completo"),
        max_length=200,
        help_text=_("Se guarda cifrado; en las demás pantallas aparece el seudónimo."),
    )
    birth_date = forms.DateField(label=_("Fecha de nacimiento"), widget=DateInput())
    selected_on = forms.DateField(label=_("Fecha de selección"), widget=DateInput())


class AcceptForm(forms.Form):
    accepted_on = forms.DateField(label=_("Fecha de aceptación"), widget=DateInput())
    document = forms.FileField(
        label=_("Documento de aceptación firmado"), help_text=_("PDF, JPG o PNG, hasta 5 MB.")
    )
    guardian_consent_by = forms.ChoiceField(
        label=_("Consentimiento de (si es menor de edad)"),
        choices=[("", _("No aplica: mayor de edad")), *list(Participant.ConsentBy.choices)],
        required=False,
    )
    guardian_document = forms.FileField(
        label=_("Documento de consentimiento de la persona tutora o del DIF"),
        required=False,
        help_text=_("Obligatorio si tenía menos de 18 años en la fecha de aceptación."),
    )


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(
        label=_("Fase alcanzada"),
        choices=[(p.value, p.label) for p in Phase][2:],
    )
    date = forms.DateField(label=_("Fecha"), widget=DateInput())


class WithdrawForm(forms.Form):
    withdrawn_on = forms.DateField(label=_("Fecha del retiro"), widget=DateInput())
    confirm = forms.BooleanField(
        label=_(
            "Confirmo que la persona retiró su consentimiento: no se registrará ni mostrará "
            "nada más sobre ella."
        )
    )


class PseudonymChoiceField(forms.ModelMultipleChoiceField):
    """Participants by their pseudonym, never their name."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.pseudonym)


class CircleForm(forms.Form):
    kind = forms.ChoiceField(label=_("Tipo de sesión"), choices=Circle.Kind.choices)
    date = forms.DateField(label=_("Fecha"), widget=DateInput())
    topic = forms.CharField(label=_("Tema"), max_length=200, required=False)
    attendees = PseudonymChoiceField(
        label=_("Asistencia"),
        queryset=Participant.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        to_field_name="public_id",
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organizaciones presentes"),
        queryset=Organisation.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, participants: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["attendees"]
        assert isinstance(field, PseudonymChoiceField)
        field.queryset = participants


class ApplicationForm(forms.Form):
    """One instrument: a date and one answer per item, on its scale."""

    date = forms.DateField(label=_("Fecha de aplicación"), widget=DateInput())

    def __init__(self, *args: Any, instrument: Instrument, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        choices = [
            (value, str(value)) for value in range(instrument.scale_min, instrument.scale_max + 1)
        ]
        for item in instrument.items.all():
            self.fields[f"item_{item.number}"] = forms.TypedChoiceField(
                label=f"{item.number}. {item.text}",
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
            )

    def scores(self) -> dict[int, int]:
        return {
            int(name.removeprefix("item_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("item_")
        }
