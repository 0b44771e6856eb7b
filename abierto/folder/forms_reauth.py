"""The form that confirms, again, who holds the folder session (see ``reauth.py``)."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from abierto.directory.passwords import PASSWORD_MAX_LENGTH

from .forms import CODE_WIDGET

CARNET = "carnet"


class ReauthForm(forms.Form):
    """Password and TOTP code for a session opened with the CUTS; the PIN for one opened
    with a carnet: the same secrets as the login that opened it."""

    password = forms.CharField(
        label=_("Contraseña"),
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(
        label=_("Código de verificación"),
        max_length=7,
        widget=CODE_WIDGET,
        help_text=_("Los 6 dígitos que muestra ahora su aplicación de autenticación."),
    )
    pin = forms.CharField(
        label=_("PIN de 6 dígitos"),
        max_length=6,
        strip=False,
        widget=forms.PasswordInput(
            attrs={
                "autocomplete": "current-password",
                "inputmode": "numeric",
                "pattern": "[0-9]*",
                "maxlength": "6",
            }
        ),
    )

    def __init__(self, *args: Any, method: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep = {"pin"} if method == CARNET else {"password", "code"}
        for name in set(self.fields) - keep:
            del self.fields[name]

    def clean_code(self) -> str:
        code = re.sub(r"\s", "", self.cleaned_data["code"] or "")
        if not re.fullmatch(r"[0-9]{6}", code):
            raise forms.ValidationError(_("Escriba los 6 dígitos del código."))
        return code

    def clean_pin(self) -> str:
        pin: str = self.cleaned_data["pin"]
        if not re.fullmatch(r"[0-9]{6}", pin):
            raise forms.ValidationError(_("El PIN tiene 6 dígitos."))
        return pin
