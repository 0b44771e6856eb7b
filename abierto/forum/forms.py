"""Forms of the facilitator's pages. They validate shape; the services decide what is allowed."""

from __future__ import annotations

import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import Institution, Person

from .models import AgendaItem, AgreementStatus, Minutes, Seat, Session

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
COUNT = forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"})


class SessionForm(forms.ModelForm):
    meeting_url = forms.URLField(
        label=_("Enlace de la reunión"),
        required=False,
        assume_scheme="https",
        help_text=_("Solo lo ven las personas integrantes en la convocatoria."),
    )

    class Meta:
        model = Session
        fields = [
            "kind",
            "number",
            "date",
            "start_time",
            "end_time",
            "modality",
            "place",
            "meeting_url",
        ]
        widgets = {"date": DATE, "start_time": TIME, "end_time": TIME}

    def _post_clean(self) -> None:
        """Leave the model rules (unique number, time order) to the services' own messages."""


class SessionCreateForm(SessionForm):
    standard_agenda = forms.BooleanField(
        label=_("Empezar con el orden del día habitual"), required=False, initial=True
    )

    def __init__(self, *args: object, next_number_url: str = "", **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        number = self.fields["number"]
        number.required = False
        number.help_text = _(
            "Cada tipo lleva su propia numeración; vacío, toma el siguiente número del tipo."
        )
        if next_number_url:
            # Choosing the kind proposes the next number of that kind (htmx, no inline script).
            self.fields["kind"].widget.attrs.update(
                {
                    "hx-get": next_number_url,
                    "hx-target": "#id_number",
                    "hx-swap": "outerHTML",
                    "hx-trigger": "change",
                }
            )


def person_label(person: Person) -> str:
    """A person as a choice: the name, and what tells apart two people of the same name."""
    details = [
        detail
        for detail in (person.public_role, person.institution.name if person.institution else "")
        if detail
    ]
    if not details:
        return person.display_name
    return f"{person.display_name} — {', '.join(details)}"


class AgendaItemForm(forms.ModelForm):
    presenter = forms.ModelChoiceField(
        label=_("Presenta (integrante)"),
        queryset=Person.objects.select_related("institution").order_by("name", "public_role"),
        required=False,
        empty_label=_("— Nadie / persona invitada —"),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["presenter"].label_from_instance = person_label  # type: ignore[attr-defined]

    class Meta:
        model = AgendaItem
        fields = ["title", "kind", "presenter", "presenter_name", "narrative"]
        widgets = {"narrative": forms.Textarea(attrs={"rows": 4})}


class ConveneForm(forms.Form):
    date = forms.DateField(label=_("Fecha del oficio"), widget=DATE)
    body = forms.CharField(
        label=_("Texto adicional del oficio"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Motivo"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class TimeForm(forms.Form):
    time = forms.TimeField(label=_("Hora"), widget=TIME)


class CloseForm(TimeForm):
    unvoted_confirmed = forms.BooleanField(
        label=_("Clausurar aunque queden puntos para acuerdo sin votación"), required=False
    )


class RollCallForm(forms.Form):
    """One row per seat: holder present, alternate present, and a delegate's name."""

    def __init__(self, *args: object, seats: list[Seat], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.seats = seats
        for seat in seats:
            self.fields[f"seat_{seat.pk}_holder"] = forms.BooleanField(
                label=str(seat.holder.display_name), required=False
            )
            if seat.alternate is not None:
                self.fields[f"seat_{seat.pk}_alternate"] = forms.BooleanField(
                    label=str(seat.alternate.display_name), required=False
                )
            self.fields[f"seat_{seat.pk}_delegate"] = forms.CharField(
                label=_("En representación (nombre)"), required=False, max_length=250
            )

    def rows(
        self,
    ) -> list[tuple[Seat, forms.BoundField, forms.BoundField | None, forms.BoundField]]:
        return [
            (
                seat,
                self[f"seat_{seat.pk}_holder"],
                self[f"seat_{seat.pk}_alternate"] if seat.alternate_id else None,
                self[f"seat_{seat.pk}_delegate"],
            )
            for seat in self.seats
        ]


class GuestForm(forms.Form):
    name = forms.CharField(label=_("Nombre de la persona invitada"), max_length=250)
    role = forms.CharField(label=_("Cargo"), max_length=250, required=False)


class VoteForm(forms.Form):
    motion = forms.CharField(
        label=_("Propuesta que se vota"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    votes_for = forms.IntegerField(label=_("A favor"), min_value=0, max_value=999, widget=COUNT)
    votes_against = forms.IntegerField(
        label=_("En contra"), min_value=0, max_value=999, initial=0, widget=COUNT
    )
    abstentions = forms.IntegerField(
        label=_("Abstenciones"), min_value=0, max_value=999, initial=0, widget=COUNT
    )
    agreement_text = forms.CharField(
        label=_("Texto del acuerdo (si se aprueba)"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    requires_follow_up = forms.BooleanField(
        label=_("El acuerdo requiere seguimiento"), required=False
    )
    responsible = forms.ModelChoiceField(
        label=_("Institución responsable"),
        queryset=Institution.objects.order_by("name"),
        required=False,
    )
    due_date = forms.DateField(label=_("Fecha compromiso"), required=False, widget=DATE)


class CountsForm(forms.Form):
    votes_for = forms.IntegerField(label=_("A favor"), min_value=0, max_value=999, widget=COUNT)
    votes_against = forms.IntegerField(
        label=_("En contra"), min_value=0, max_value=999, initial=0, widget=COUNT
    )
    abstentions = forms.IntegerField(
        label=_("Abstenciones"), min_value=0, max_value=999, initial=0, widget=COUNT
    )


class MinutesApprovalForm(CountsForm):
    minutes = forms.ModelChoiceField(label=_("Acta"), queryset=Minutes.objects.none())

    def __init__(self, *args: object, awaiting: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if awaiting is not None:
            field = self.fields["minutes"]
            field.queryset = awaiting  # type: ignore[attr-defined]
            field.label_from_instance = lambda m: str(m)  # type: ignore[attr-defined]


class CalendarForm(CountsForm):
    year = forms.IntegerField(label=_("Año"), min_value=2000, max_value=2100)
    dates = forms.CharField(
        label=_("Fechas de las sesiones ordinarias"),
        help_text=_("Una por línea o separadas por comas, en formato AAAA-MM-DD."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )
    start_time = forms.TimeField(label=_("Hora habitual"), required=False, widget=TIME)

    def clean_dates(self) -> list[datetime.date]:
        raw = [part for part in re.split(r"[\s,;]+", self.cleaned_data["dates"]) if part]
        dates = []
        for part in raw:
            try:
                dates.append(datetime.date.fromisoformat(part))
            except ValueError:
                raise forms.ValidationError(
                    _("«%(value)s» no es una fecha AAAA-MM-DD válida."), params={"value": part}
                ) from None
        if not dates:
            raise forms.ValidationError(_("Escriba al menos una fecha."))
        if len(dates) > 24:
            raise forms.ValidationError(_("Un calendario anual tiene como máximo 24 sesiones."))
        return dates


class FollowUpForm(forms.Form):
    status = forms.ChoiceField(label=_("Estado"), choices=AgreementStatus.choices)
    note = forms.CharField(
        label=_("Lo que se informó"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )


class NarrativeForm(forms.Form):
    narrative = forms.CharField(
        label=_("Desarrollo del punto (para el acta)"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class MinutesForm(forms.Form):
    text = forms.CharField(
        label=_("Texto del acta"),
        max_length=200_000,
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "true", "lang": "es-MX"}),
    )
