"""Forms of the state facilitation's pages: a new municipal forum and an installation step."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import Municipality

from .forms import DATE
from .models import InstallationStatus, QuorumRule


class MunicipalityCodeField(forms.CharField):
    """A municipality by its five-digit INEGI code (15001…15125)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Municipio (clave INEGI)"))
        kwargs.setdefault("help_text", _("Cinco dígitos, p. ej. 15106 para Toluca."))
        kwargs.setdefault("max_length", 5)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Municipality:
        code = super().clean(value).strip()
        municipality = Municipality.objects.filter(code=code).first()
        if municipality is None:
            raise forms.ValidationError(
                _("No hay un municipio con la clave INEGI «%(code)s»."), params={"code": code}
            )
        return municipality


class ForumCreateForm(forms.Form):
    municipality = MunicipalityCodeField()
    acronym = forms.CharField(
        label=_("Siglas"),
        required=False,
        max_length=32,
        help_text=_(
            "Encabezan las claves de acuerdos y oficios. Vacío: STM-<MUNICIPIO>, p. ej. STM-TOLUCA."
        ),
    )
    name = forms.CharField(
        label=_("Nombre oficial"),
        required=False,
        max_length=250,
        help_text=_("Vacío: «Secretariado Técnico Local de Gobierno Abierto de <municipio>»."),
    )
    quorum_rule = forms.ChoiceField(
        label=_("Regla de quórum"), choices=QuorumRule.choices, initial=QuorumRule.MAJORITY
    )

    def clean_acronym(self) -> str:
        return str(self.cleaned_data["acronym"]).strip().upper()


class InstallationForm(forms.Form):
    status = forms.ChoiceField(label=_("Estado"), choices=InstallationStatus.choices)
    status_since = forms.DateField(label=_("Desde"), required=False, widget=DATE)
    declaration_signed_on = forms.DateField(
        label=_("Firma de la declaratoria conjunta"),
        required=False,
        widget=DATE,
        help_text=_("Obligatoria desde «Declaratoria conjunta firmada»."),
    )
    declaration_document = forms.FileField(
        label=_("Declaratoria firmada (PDF)"),
        required=False,
        help_text=_("Un PDF de hasta 20 MB; reemplaza al anterior."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
    )
    declaration_url = forms.URLField(
        label=_("Enlace público a la declaratoria"),
        required=False,
        assume_scheme="https",
        help_text=_("Si el documento se publica en otro sitio."),
    )
    notes = forms.CharField(
        label=_("Notas públicas"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
