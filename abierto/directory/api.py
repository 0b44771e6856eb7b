from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from . import selectors
from .models import Municipality
from .pagination import BoundedLimitOffsetPagination

router = Router(tags=["Municipios"])


class MunicipalityOut(Schema):
    code: str = Field(
        ..., description="Clave geoestadística INEGI de 5 dígitos", examples=["15106"]
    )
    municipality_key: str = Field(
        ..., description="Clave municipal de 3 dígitos (cve_mun)", examples=["106"]
    )
    name: str = Field(..., description="Nombre oficial", examples=["Toluca"])


@router.get(
    "/municipalities",
    response=list[MunicipalityOut],
    summary="Municipios del Estado de México",
    description="Los 125 municipios con su clave INEGI, ordenados por clave. "
    "`search` filtra por nombre (sin distinguir mayúsculas).",
)
@paginate(BoundedLimitOffsetPagination)
def list_municipalities(request: HttpRequest, search: str = "") -> list[Municipality]:
    return selectors.municipality_list(search=search[:100])  # type: ignore[return-value]


@router.get(
    "/municipalities/{code}",
    response=MunicipalityOut,
    summary="Un municipio por su clave INEGI",
)
def get_municipality(request: HttpRequest, code: str) -> Municipality:
    return get_object_or_404(Municipality, code=code)
