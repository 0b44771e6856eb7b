from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from typing import Any

import zxingcpp
from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from abierto.directory.passwords import PASSWORD_MAX_LENGTH
from abierto.lib import safe_time

from .models import ArcoRequest, Document, Relation

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 50_000_000  # a 48-megapixel phone photo fits; a decompression bomb does not
DECODE_SIZE = 2000  # QR codes are found faster and as well on a photo scaled to this
SHARE_DURATIONS = [
    (1, _("1 hora")),
    (24, _("1 día")),
    (72, _("3 días")),
    (168, _("7 días")),
    (360, _("15 días")),
    (720, _("30 días")),
]

CUTS_WIDGET = forms.TextInput(
    attrs={"autocomplete": "username", "autocapitalize": "characters", "spellcheck": "false"}
)
CODE_WIDGET = forms.TextInput(
    attrs={
        "autocomplete": "one-time-code",
        "inputmode": "numeric",
        "pattern": "[0-9 ]*",
        "maxlength": "7",
    }
)


def _pin_widget(autocomplete: str) -> forms.PasswordInput:
    return forms.PasswordInput(
        attrs={
            "autocomplete": autocomplete,
            "inputmode": "numeric",
            "pattern": "[0-9]*",
            "maxlength": "6",
        }
    )


class QrImageError(ValueError):
    """An upload that is not a readable picture of a QR code; the message is for the person."""


def decode_qr_image(upload: UploadedFile) -> str:
    """The text of the QR code in an uploaded photo (checked: size, a real image)."""
    if upload.size is None or upload.size > MAX_IMAGE_BYTES:
        raise QrImageError(_("La imagen pesa más de 5 MB. Tome la foto de nuevo o recórtela."))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload) as probe:
                probe.verify()
            upload.seek(0)
            with Image.open(upload) as image:
                if image.width * image.height > MAX_IMAGE_PIXELS:
                    raise QrImageError(
                        _("La imagen tiene demasiados píxeles. Use una foto más pequeña.")
                    )
                image.draft("L", (DECODE_SIZE, DECODE_SIZE))
                picture = image.convert("L")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise QrImageError(
            _("La imagen tiene demasiados píxeles. Use una foto más pequeña.")
        ) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        if isinstance(exc, QrImageError):
            raise
        raise QrImageError(
            _("El archivo no es una imagen que podamos abrir. Use una foto JPG o PNG.")
        ) from None
    picture.thumbnail((DECODE_SIZE, DECODE_SIZE))
    results = zxingcpp.read_barcodes(picture, formats=zxingcpp.barcode_formats_from_str("QRCode"))
    for result in results:
        if result.valid and result.text:
            return str(result.text)
    raise QrImageError(
        _(
            "No encontramos un código QR en la imagen. Tome la foto de cerca, con buena luz, "
            "sin reflejos y con todo el código dentro de la imagen."
        )
    )


def _digits(value: str) -> str:
    return re.sub(r"\s", "", value or "")


class CutsLoginForm(forms.Form):
    cuts = forms.CharField(
        label=_("CUTS"),
        max_length=40,
        widget=CUTS_WIDGET,
        help_text=_("Su Clave Única de Trámites y Servicios."),
    )
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

    def clean_code(self) -> str:
        code = _digits(self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]{6}", code):
            raise forms.ValidationError(_("Escriba los 6 dígitos del código."))
        return code


class CarnetLoginForm(forms.Form):
    """The carnet's QR (read by the camera, or from a photo) and the PIN."""

    qr_text = forms.CharField(
        required=False,
        max_length=4096,
        widget=forms.HiddenInput(attrs={"data-qr-token": ""}),
    )
    image = forms.FileField(
        label=_("Foto del código QR de su carnet"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
        help_text=_("JPG o PNG, hasta 5 MB. Tome la foto de cerca y con buena luz."),
    )
    pin = forms.CharField(
        label=_("PIN de 6 dígitos"),
        max_length=6,
        strip=False,
        widget=_pin_widget("current-password"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pin"].widget.attrs["data-qr-focus-after"] = ""

    def clean_pin(self) -> str:
        pin: str = self.cleaned_data["pin"]
        if not re.fullmatch(r"[0-9]{6}", pin):
            raise forms.ValidationError(_("El PIN tiene 6 dígitos."))
        return pin

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        text = (cleaned.get("qr_text") or "").strip()
        image = cleaned.get("image")
        if not text and image:
            try:
                text = decode_qr_image(image)
            except QrImageError as exc:
                self.add_error("image", str(exc))
                return cleaned
        if not text and "image" not in self.errors:
            self.add_error(
                "image", _("Suba una foto del código QR de su carnet, o escanéelo con la cámara.")
            )
        cleaned["qr_text"] = text
        return cleaned


class ActivationCodeForm(forms.Form):
    cuts = forms.CharField(label=_("CUTS"), max_length=40, widget=CUTS_WIDGET)
    code = forms.CharField(
        label=_("Código de activación"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        help_text=_("Se lo entregó la dependencia, p. ej. ABCD-EFGH-JKLM."),
    )


def _weak_pin(pin: str) -> bool:
    ascending = "0123456789012345"
    descending = ascending[::-1]
    return len(set(pin)) == 1 or pin in ascending or pin in descending


class ActivationSecretsForm(forms.Form):
    password1 = forms.CharField(
        label=_("Contraseña nueva"),
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Confirme la contraseña"),
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    pin1 = forms.CharField(
        label=_("PIN de 6 dígitos para su carnet"),
        max_length=6,
        strip=False,
        widget=_pin_widget("new-password"),
        help_text=_("Lo pedirá la Carpeta cuando entre escaneando su carnet jurídico."),
    )
    pin2 = forms.CharField(
        label=_("Confirme el PIN"), max_length=6, strip=False, widget=_pin_widget("new-password")
    )

    def __init__(self, *args: Any, username: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.username = username
        self.fields[
            "password1"
        ].help_text = password_validation.password_validators_help_text_html()

    def clean_password2(self) -> str:
        first = self.cleaned_data.get("password1")
        second: str = self.cleaned_data["password2"]
        if first and first != second:
            raise forms.ValidationError(_("Las dos contraseñas no coinciden."))
        if first:
            user = get_user_model()(username=self.username)
            password_validation.validate_password(first, user)
        return second

    def clean_pin1(self) -> str:
        pin: str = self.cleaned_data["pin1"]
        if not re.fullmatch(r"[0-9]{6}", pin):
            raise forms.ValidationError(_("El PIN tiene exactamente 6 dígitos."))
        if _weak_pin(pin):
            raise forms.ValidationError(
                _("Ese PIN es muy fácil de adivinar: evite dígitos repetidos o seguidos.")
            )
        return pin

    def clean_pin2(self) -> str:
        pin: str = self.cleaned_data["pin2"]
        if self.cleaned_data.get("pin1") and pin != self.cleaned_data["pin1"]:
            raise forms.ValidationError(_("Los dos PIN no coinciden."))
        return pin


class TotpConfirmForm(forms.Form):
    code = forms.CharField(
        label=_("Código de 6 dígitos de su aplicación"),
        max_length=7,
        widget=CODE_WIDGET,
    )

    def clean_code(self) -> str:
        code = _digits(self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]{6}", code):
            raise forms.ValidationError(_("Escriba los 6 dígitos del código."))
        return code


def document_label(document: Document, relations: Sequence[str] = ()) -> str:
    """A document in a list to choose from: its type, its date and, when the citizen is not
    its holder, how they appear in it (their own birth certificate and their child's differ)."""
    issued = safe_time.format_moment(document.issued_at, "d/m/Y")
    label = f"{document.document_type.name} · {issued}"
    others = [str(Relation(r).label) for r in relations if r != Relation.HOLDER.value]
    if others and Relation.HOLDER.value not in relations:
        label += " · " + _("usted aparece como: %(relation)s") % {"relation": ", ".join(others)}
    return label


class _DocumentLabels:
    """Choices labelled by ``document_label``; the form sets ``relations`` (by document pk)."""

    relations: dict[int, list[str]] = {}

    def label_from_instance(self, obj: Any) -> str:
        return document_label(obj, self.relations.get(obj.pk, ()))


class DocumentChoiceField(_DocumentLabels, forms.ModelMultipleChoiceField):
    pass


class DocumentSingleChoiceField(_DocumentLabels, forms.ModelChoiceField):
    pass


class ShareForm(forms.Form):
    documents = DocumentChoiceField(
        label=_("Documentos que se podrán ver"),
        queryset=Document.objects.none(),
        to_field_name="public_id",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Elija al menos un documento.")},
    )
    duration = forms.TypedChoiceField(
        label=_("Vigencia del enlace"),
        choices=SHARE_DURATIONS,
        coerce=int,
        initial=168,
        help_text=_("Después de este plazo el enlace deja de abrir (máximo 30 días)."),
    )
    max_views = forms.IntegerField(
        label=_("Número de consultas permitidas"),
        min_value=1,
        max_value=100,
        initial=3,
        required=False,
        help_text=_("Cuántas veces se podrá abrir. Déjelo vacío para no limitarlo."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    recipient = forms.CharField(
        label=_("Para quién es"),
        max_length=200,
        required=False,
        help_text=_("P. ej. «Recursos Humanos de la empresa». Aparecerá en su bitácora."),
    )

    def __init__(
        self,
        *args: Any,
        documents: QuerySet[Document],
        relations: dict[int, list[str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["documents"]
        assert isinstance(field, DocumentChoiceField)
        field.queryset = documents
        field.relations = relations or {}


class ArcoRequestForm(forms.Form):
    document = DocumentSingleChoiceField(
        label=_("Documento"),
        queryset=Document.objects.none(),
        to_field_name="public_id",
        empty_label=_("— Elija un documento —"),
    )
    kind = forms.ChoiceField(
        label=_("Qué solicita"),
        choices=[
            (ArcoRequest.Kind.RECTIFICATION.value, _("Rectificación: un dato está mal")),
            (ArcoRequest.Kind.CANCELLATION.value, _("Cancelación: que se retire el documento")),
        ],
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Explique su solicitud"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Qué dato está mal y cuál es el correcto, o por qué pide la cancelación."),
    )

    def __init__(
        self,
        *args: Any,
        documents: QuerySet[Document],
        relations: dict[int, list[str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["document"]
        assert isinstance(field, DocumentSingleChoiceField)
        field.queryset = documents
        field.relations = relations or {}


class ArcoResolveForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Resolución"),
        choices=[
            (ArcoRequest.Status.RESOLVED.value, _("Atendida")),
            (ArcoRequest.Status.REJECTED.value, _("Improcedente")),
        ],
        widget=forms.RadioSelect,
    )
    response = forms.CharField(
        label=_("Respuesta a la persona"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "La persona la verá en su Carpeta. Si es improcedente, explique el motivo y su "
            "fundamento."
        ),
    )
