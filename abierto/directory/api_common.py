"""The API's error bodies, one shape for every endpoint.

Every refusal is ``{"detail": "..."}`` in Spanish; a 422 may add ``errors``, one entry per
field that failed, whether the request's parameters did not validate (django-ninja), or an
issuer's document did not match its type's JSON Schema (the Carpeta Ciudadana).
``abierto.openapi`` documents these bodies on every operation.
"""

from typing import Any

from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import ValidationError

from abierto.lib.echo import clip, clip_quoted


class ErrorOut(Schema):
    detail: str = Field(..., description="Qué salió mal.", examples=["Recurso no encontrado."])


class FieldErrorOut(Schema):
    path: str = Field(
        ...,
        description="Dónde está el error: query.<parámetro>, body.<campo>, un JSON Pointer "
        "dentro de los datos del documento, o cuts/reference.",
        examples=["query.year"],
    )
    message: str = Field(..., description="El error.", examples=["Input should be a valid integer"])
    item: int | None = Field(
        None, description="En un lote, posición del documento (desde 0).", examples=[3]
    )


class ValidationErrorOut(Schema):
    detail: str = Field(
        ..., description="Resumen del error.", examples=["Los parámetros no son válidos."]
    )
    errors: list[FieldErrorOut] = Field(
        default_factory=list, description="Cada campo que no cumple, si aplica."
    )


def validation_error_body(exc: ValidationError) -> dict[str, Any]:
    """django-ninja's validation errors in the shape of ``ValidationErrorOut``."""
    errors = []
    for error in exc.errors:
        location = ".".join(str(part) for part in error.get("loc", ()))
        errors.append(
            {"path": clip(location, 200), "message": clip_quoted(str(error.get("msg", "")))}
        )
    return {"detail": _("Los parámetros no son válidos."), "errors": errors}
