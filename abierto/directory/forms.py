from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .demo_accounts import demo_accounts, demo_logins_allowed
from .lockout import network_failure_record, network_is_locked
from .models import MembershipApplication, Municipality
from .passwords import PASSWORD_MAX_LENGTH

DEMO_ACCOUNT_REFUSED = _(
    "Las cuentas de demostración solo sirven en un servidor de desarrollo (DEBUG=1); en este "
    "servidor no pueden entrar. Use una cuenta propia."
)


class DemoAccountRefusalMixin:
    """Says plainly why a demo login is refused without DEBUG (the backend refuses it anyway,
    but would only say that the password is wrong). Their usernames are public."""

    cleaned_data: dict[str, Any]

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        if (
            username
            and not demo_logins_allowed()
            and demo_accounts().filter(username=username).exists()
        ):
            raise ValidationError(DEMO_ACCOUNT_REFUSED, code="demo_account")
        return super().clean()  # type: ignore[misc]


class AdminLoginForm(DemoAccountRefusalMixin, AdminAuthenticationForm):
    """The administration's login form, refusing the demo logins without DEBUG."""


class LoginForm(DemoAccountRefusalMixin, AuthenticationForm):
    """Django's login form, with a bound on the password so that nobody has us hash megabytes,
    and plain Spanish when it refuses (Django's catalogue words it awkwardly)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "El usuario o la contraseña no son correctos. Revise las mayúsculas y minúsculas: "
            "cuentan en ambos."
        ),
        "inactive": _("Esta cuenta está desactivada. Escriba a la Facilitación del STL."),
    }

    password = forms.CharField(
        label=_("Contraseña"),
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def clean(self) -> dict[str, Any]:
        if network_is_locked(self.request):
            # Counted too: a network that keeps trying stays locked.
            network_failure_record(self.request)
            raise ValidationError(
                _(
                    "Hubo demasiados intentos fallidos de entrar desde su red. Por seguridad, "
                    "espere unos minutos antes de intentarlo de nuevo."
                ),
                code="network_locked",
            )
        return super().clean()


class MembershipApplicationForm(forms.Form):
    full_name = forms.CharField(
        label=_("Nombre completo"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.CharField(
        label=_("Organización a la que pertenece"),
        max_length=250,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    email = forms.EmailField(
        label=_("Correo electrónico"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Le escribiremos aquí para darle la respuesta."),
    )
    phone = forms.RegexField(
        label=_("Teléfono"),
        regex=r"^[0-9+() .-]{7,30}$",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        error_messages={"invalid": _("Escriba solo números, espacios y los signos + ( ) - .")},
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipio donde vive"),
        queryset=Municipality.objects.order_by("name"),
        required=False,
        empty_label=_("— Elija un municipio —"),
    )
    motivation = forms.CharField(
        label=_("¿Por qué desea integrarse al STL?"),
        max_length=3000,
        min_length=20,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Entre 20 y 3000 caracteres."),
    )
    privacy_accepted = forms.BooleanField(
        label=_("He leído y acepto el aviso de privacidad."),
        error_messages={
            "required": _("Debe aceptar el aviso de privacidad para enviar la solicitud.")
        },
    )
    # Honeypot: hidden from people by CSS, filled in by naive bots.
    website = forms.CharField(label=_("No llene este campo"), required=False)


class ApplicationDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decisión"),
        choices=[
            (MembershipApplication.Status.APPROVED.value, _("Aprobar")),
            (MembershipApplication.Status.REJECTED.value, _("No aprobar")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Motivo o mensaje para la persona solicitante"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Obligatorio si no se aprueba; se incluye en el correo de respuesta."),
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if (
            cleaned.get("decision") == MembershipApplication.Status.REJECTED
            and not (cleaned.get("reason") or "").strip()
        ):
            self.add_error("reason", _("Escriba el motivo: se enviará a la persona solicitante."))
        return cleaned


# The staff second factor ----------------------------------------------------------------------


class TotpCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Código de verificación"),
        max_length=7,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "maxlength": "7",
            }
        ),
        help_text=_("Los 6 dígitos que muestra ahora su aplicación de autenticación."),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if len(code) != 6 or not code.isascii() or not code.isdigit():
            raise ValidationError(_("Escriba los 6 dígitos del código."))
        return code


class RecoveryCodeForm(forms.Form):
    recovery_code = forms.CharField(
        label=_("Código de recuperación"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        help_text=_("Uno de los diez códigos que guardó al activar el segundo factor."),
    )
