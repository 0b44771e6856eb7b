"""The plan API's agenda and coverage schemas: activities with their services, and the
caravans' coverage by municipality.

No ``from __future__ import annotations``: pydantic and ninja read the annotations at import
time.
"""

import datetime
from typing import Any

from django.urls import reverse
from ninja import Field, Schema

from abierto.directory.api import MunicipalityOut
from abierto.forum.api import InstitutionOut

from .. import agenda_feed
from ..api_params import ACTIVITY_ID, COMMITMENT_ID, SITE
from ..models import Activity, ActivityService
from .common import absolute as _absolute
from .common import reading


class ActivityKindOut(Schema):
    slug: str = Field(..., description="Clave del tipo de actividad.", examples=["caravana"])
    name: str = Field(
        ..., description="Nombre del tipo.", examples=["Caravana por la Justicia Cotidiana"]
    )
    is_caravan: bool = Field(
        ...,
        description="Si registra servicios y personas atendidas y cuenta para la cobertura.",
        examples=[True],
    )


class ServiceCountOut(Schema):
    type: str = Field(
        ..., description="Clave del tipo de servicio.", examples=["asesoria_juridica"]
    )
    name: str = Field(
        ..., description="Nombre del trámite o servicio.", examples=["Asesoría jurídica"]
    )
    count: int = Field(..., description="Cuántos se otorgaron.", examples=[312])

    resolve_type = reading("service_type.slug")
    resolve_name = reading("service_type.name")


class CommitmentRefOut(Schema):
    id: str = Field(..., description="Id público del compromiso.", examples=[COMMITMENT_ID])
    code: str = Field(..., description="Clave del compromiso.", examples=["CC1"])
    title: str = Field(
        ...,
        description="Nombre del compromiso.",
        examples=["Caravanas por la Justicia Cotidiana"],
    )

    resolve_id = reading("public_id")


class ActivityOut(Schema):
    id: str = Field(
        ..., description="Identificador público de la actividad.", examples=[ACTIVITY_ID]
    )
    title: str = Field(
        ...,
        description="Nombre de la actividad.",
        examples=["Caravana por la Justicia Cotidiana en Toluca"],
    )
    description: str = Field(
        ..., description="A quién se dirige y qué se ofrece.", examples=["Asesoría gratuita."]
    )
    kind: ActivityKindOut = Field(..., description="Tipo de actividad.")
    status: Activity.Status = Field(
        ..., description="scheduled (programada), held (realizada) o cancelled.", examples=["held"]
    )
    date: datetime.date = Field(..., description="Fecha de la actividad.", examples=["2022-11-12"])
    start_time: datetime.datetime | None = Field(
        ...,
        description="Inicio en ISO 8601 con desfase horario; nulo si no se fijó la hora.",
        examples=["2022-11-12T09:00:00-06:00"],
    )
    end_time: datetime.datetime | None = Field(
        ...,
        description="Término (o dos horas después del inicio si no se registró); nulo si no se "
        "conoce la hora de inicio.",
        examples=["2022-11-12T15:00:00-06:00"],
    )
    all_day: bool = Field(
        ..., description="Verdadero si solo se conoce la fecha, no la hora.", examples=[False]
    )
    timezone: str = Field(
        ..., description="Zona horaria de la actividad.", examples=["America/Mexico_City"]
    )
    municipality: MunicipalityOut | None = Field(
        ..., description="Municipio donde se realiza; nulo si es en línea."
    )
    place: str = Field(..., description="Sede o dirección.", examples=["Plaza González Arratia"])
    location: str = Field(
        ...,
        description="Sede y municipio en una línea, como en el calendario.",
        examples=["Plaza González Arratia, Toluca"],
    )
    institutions: list[InstitutionOut] = Field(..., description="Instituciones participantes.")
    commitment: CommitmentRefOut | None = Field(
        ..., description="Compromiso del plan al que contribuye, si alguno."
    )
    people_served: int | None = Field(
        ..., description="Personas atendidas, en caravanas realizadas.", examples=[850]
    )
    services: list[ServiceCountOut] = Field(
        ..., description="Trámites y servicios otorgados, por tipo (caravanas realizadas)."
    )
    url: str = Field(
        ...,
        description="Página pública de la actividad.",
        examples=[f"{SITE}/agenda/{ACTIVITY_ID}/"],
    )

    resolve_id = reading("public_id")

    @staticmethod
    def resolve_start_time(obj: Activity) -> datetime.datetime | None:
        start, _end = agenda_feed.activity_span(obj)
        return start if isinstance(start, datetime.datetime) else None

    @staticmethod
    def resolve_end_time(obj: Activity) -> datetime.datetime | None:
        _start, end = agenda_feed.activity_span(obj)
        return end if isinstance(end, datetime.datetime) else None

    @staticmethod
    def resolve_all_day(obj: Activity) -> bool:
        return obj.start_time is None

    @staticmethod
    def resolve_timezone(obj: Activity) -> str:
        return agenda_feed.TZID

    @staticmethod
    def resolve_location(obj: Activity) -> str:
        return agenda_feed.activity_location(obj)

    @staticmethod
    def resolve_institutions(obj: Activity) -> list[Any]:
        return list(obj.institutions.all())

    @staticmethod
    def resolve_services(obj: Activity) -> list[ActivityService]:
        return list(obj.services.all())

    @staticmethod
    def resolve_url(obj: Activity) -> str:
        return _absolute(reverse("plan:activity_detail", args=[obj.public_id]))


class MunicipalityCoverageOut(Schema):
    code: str = Field(..., description="Clave INEGI del municipio.", examples=["15106"])
    name: str = Field(..., description="Nombre del municipio.", examples=["Toluca"])
    activities: int = Field(
        ..., description="Actividades realizadas de todo tipo en el municipio.", examples=[4]
    )
    caravan_visits: int = Field(..., description="Visitas de caravana realizadas.", examples=[2])
    services: int = Field(
        ..., description="Trámites y servicios otorgados por las caravanas.", examples=[2450]
    )
    people: int = Field(..., description="Personas atendidas por las caravanas.", examples=[610])

    resolve_code = reading("municipality.code")
    resolve_name = reading("municipality.name")


class CoverageOut(Schema):
    municipalities_visited: int = Field(
        ..., description="Municipios distintos visitados por las caravanas.", examples=[43]
    )
    municipalities_total: int = Field(
        ..., description="Municipios del Estado de México.", examples=[125]
    )
    services_delivered: int = Field(
        ..., description="Trámites y servicios otorgados en las caravanas.", examples=[113000]
    )
    people_served: int = Field(
        ..., description="Personas atendidas en las caravanas.", examples=[30000]
    )
    caravan_visits: int = Field(..., description="Visitas de caravana realizadas.", examples=[58])
    municipalities: list[MunicipalityCoverageOut] = Field(
        ..., description="Los 125 municipios, por clave INEGI."
    )

    resolve_municipalities = reading("per_municipality")
