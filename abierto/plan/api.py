"""The Local Action Plan in the public API: commitments with their computed progress,
milestones, progress reports and indicators; the agenda of activities; caravan coverage.

Progress (0 to 100) and the IRM completion level are computed by ``selectors`` from the
weighted milestones; coverage is counted from the held caravan visits. Every item is
identified by its public ``id``, never by a database key; municipalities by their INEGI code.

No ``from __future__ import annotations`` here: ninja reads the parameters' annotations
(the ``Annotated`` aliases below) at import time.
"""

import datetime
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from abierto.directory.api import MunicipalityOut
from abierto.directory.api_common import ErrorOut
from abierto.directory.models import Municipality
from abierto.directory.pagination import BoundedLimitOffsetPagination
from abierto.directory.selectors import municipality_list
from abierto.forum.api import InstitutionOut, SessionRefOut

from . import agenda_feed, selectors
from .api_params import (
    ACTIVITY_ID,
    COMMITMENT_ID,
    INDICATOR_ID,
    SITE,
    ActivityKindSlug,
    ActivityStatus,
    CommitmentId,
    CommitmentKind,
    DateFrom,
    DateTo,
    MunicipalityCode,
)
from .models import (
    Activity,
    ActivityService,
    Commitment,
    Completion,
    Evidence,
    Indicator,
    Milestone,
    ProgressReport,
)

router = Router(tags=["Plan de Acción"])


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


# Commitments ---------------------------------------------------------------------------------

AnySummary = selectors.CommitmentSummary | selectors.CommitmentDetail


def _summary(obj: AnySummary) -> selectors.CommitmentSummary:
    return obj.summary if isinstance(obj, selectors.CommitmentDetail) else obj


class AxisOut(Schema):
    number: int = Field(..., description="Número del eje temático en el plan.", examples=[1])
    title: str = Field(
        ...,
        description="Nombre del eje temático.",
        examples=["Acceso a la justicia y justicia itinerante"],
    )


class CommitmentOut(Schema):
    id: str = Field(
        ..., description="Identificador público del compromiso.", examples=[COMMITMENT_ID]
    )
    code: str = Field(
        ...,
        description="Clave corta: CC (co-creado) o CP (proactivo) y su número.",
        examples=["CC1"],
    )
    number: int = Field(..., description="Número del compromiso dentro de su tipo.", examples=[1])
    kind: Commitment.Kind = Field(
        ...,
        description="co-created (co-creado con la sociedad civil) o proactive (impulsado por "
        "una institución).",
        examples=["co-created"],
    )
    title: str = Field(
        ...,
        description="Nombre del compromiso.",
        examples=[
            "Fortalecer y ampliar el programa de justicia itinerante «Caravanas por la "
            "Justicia Cotidiana»"
        ],
    )
    axis: AxisOut | None = Field(..., description="Eje temático del plan, si se asignó.")
    responsible: InstitutionOut = Field(
        ..., description="Institución que responde por el compromiso y reporta sus avances."
    )
    progress: float = Field(
        ...,
        ge=0,
        le=100,
        description="Avance en % (0 a 100, un decimal): peso de los hitos cumplidos entre el "
        "peso de los hitos no cancelados. Calculado, nunca capturado.",
        examples=[62.5],
    )
    completion: Completion = Field(
        ...,
        description="Nivel de cumplimiento en la escala del Mecanismo de Revisión "
        "Independiente (MRI): not_started, limited, substantial o complete.",
        examples=["substantial"],
    )
    milestones_total: int = Field(
        ..., description="Hitos que cuentan para el avance (no cancelados).", examples=[8]
    )
    milestones_met: int = Field(..., description="Hitos cumplidos.", examples=[5])
    url: str = Field(
        ...,
        description="Página pública del compromiso.",
        examples=[f"{SITE}/plan/compromisos/{COMMITMENT_ID}/"],
    )

    @staticmethod
    def resolve_id(obj: AnySummary) -> str:
        return _summary(obj).commitment.public_id

    @staticmethod
    def resolve_code(obj: AnySummary) -> str:
        return _summary(obj).commitment.code

    @staticmethod
    def resolve_number(obj: AnySummary) -> int:
        return _summary(obj).commitment.number

    @staticmethod
    def resolve_kind(obj: AnySummary) -> str:
        return _summary(obj).commitment.kind

    @staticmethod
    def resolve_title(obj: AnySummary) -> str:
        return _summary(obj).commitment.title

    @staticmethod
    def resolve_axis(obj: AnySummary) -> Any:
        return _summary(obj).commitment.axis

    @staticmethod
    def resolve_responsible(obj: AnySummary) -> Any:
        return _summary(obj).commitment.responsible

    @staticmethod
    def resolve_progress(obj: AnySummary) -> float:
        return float(_summary(obj).progress)

    @staticmethod
    def resolve_completion(obj: AnySummary) -> str:
        return _summary(obj).completion

    @staticmethod
    def resolve_milestones_total(obj: AnySummary) -> int:
        return _summary(obj).milestones_total

    @staticmethod
    def resolve_milestones_met(obj: AnySummary) -> int:
        return _summary(obj).milestones_met

    @staticmethod
    def resolve_url(obj: AnySummary) -> str:
        public_id = _summary(obj).commitment.public_id
        return _absolute(reverse("plan:commitment_detail", args=[public_id]))


class ActionLineOut(Schema):
    number: int = Field(..., description="Número de la línea de acción o fase.", examples=[2])
    title: str = Field(
        ...,
        description="Nombre de la línea de acción o fase.",
        examples=["Ampliación de la cobertura municipal de las caravanas"],
    )
    description: str = Field(
        ..., description="En qué consiste; vacío si no se describió.", examples=[""]
    )
    progress: float = Field(
        ...,
        description="Avance de la línea en %, por el peso de sus hitos cumplidos.",
        examples=[50.0],
    )

    @staticmethod
    def resolve_number(obj: selectors.ActionLineDetail) -> int:
        return obj.line.number

    @staticmethod
    def resolve_title(obj: selectors.ActionLineDetail) -> str:
        return obj.line.title

    @staticmethod
    def resolve_description(obj: selectors.ActionLineDetail) -> str:
        return obj.line.description

    @staticmethod
    def resolve_progress(obj: selectors.ActionLineDetail) -> float:
        return float(obj.progress)


class MilestoneOut(Schema):
    code: str = Field(
        ...,
        description="Clave del hito: compromiso, línea de acción y número.",
        examples=["CC1-2.3"],
    )
    action_line: int = Field(
        ..., description="Número de la línea de acción a la que pertenece.", examples=[2]
    )
    number: int = Field(..., description="Número del hito en su línea de acción.", examples=[3])
    title: str = Field(
        ...,
        description="Qué se entrega o se logra.",
        examples=["Visitar los 125 municipios con la caravana"],
    )
    status: Milestone.Status = Field(
        ...,
        description="pending, in_progress, met o cancelled (no cuenta para el avance).",
        examples=["met"],
    )
    weight: int = Field(
        ..., description="Peso del hito en el avance del compromiso (1 a 100).", examples=[2]
    )
    due_date: datetime.date | None = Field(
        ..., description="Fecha compromiso, si la hay.", examples=["2023-09-30"]
    )
    met_on: datetime.date | None = Field(
        ..., description="Fecha en que se cumplió; nulo si no se ha cumplido.", examples=[None]
    )

    @staticmethod
    def resolve_action_line(obj: Milestone) -> int:
        return obj.action_line.number


class EvidenceOut(Schema):
    title: str = Field(
        ..., description="Qué es la evidencia.", examples=["Minuta de la caravana en Toluca"]
    )
    kind: str = Field(
        ..., description="file (archivo descargable) o link (enlace externo).", examples=["file"]
    )
    url: str = Field(
        ...,
        description="Dirección del enlace o de la descarga del archivo.",
        examples=[f"{SITE}/plan/evidencias/Ev2Lq8Rt4Nb6Xc0Z/"],
    )

    @staticmethod
    def resolve_kind(obj: Evidence) -> str:
        return "file" if obj.file else "link"

    @staticmethod
    def resolve_url(obj: Evidence) -> str:
        if obj.file:
            return _absolute(reverse("plan:evidence_download", args=[obj.public_id]))
        return obj.url


class ReportOut(Schema):
    id: str = Field(
        ..., description="Identificador público del reporte.", examples=["Rp3Wd9Kx1Ma5Ty7N"]
    )
    date: datetime.date = Field(..., description="Fecha del reporte.", examples=["2022-12-16"])
    text: str = Field(
        ...,
        description="Qué se avanzó, con sus cifras.",
        examples=["La segunda caravana visitó 43 de los 125 municipios."],
    )
    session: SessionRefOut | None = Field(
        ..., description="Sesión del STL en que se presentó, si se presentó en una."
    )
    evidence: list[EvidenceOut] = Field(..., description="Archivos o enlaces que lo respaldan.")

    @staticmethod
    def resolve_id(obj: ProgressReport) -> str:
        return obj.public_id

    @staticmethod
    def resolve_evidence(obj: ProgressReport) -> list[Evidence]:
        return list(obj.evidence.all())


class IndicatorValueOut(Schema):
    date: datetime.date = Field(
        ..., description="Fecha a la que corresponde el valor.", examples=["2022-12-01"]
    )
    value: float = Field(..., description="Valor acumulado a esa fecha.", examples=[43.0])

    @staticmethod
    def resolve_value(obj: selectors.SeriesPoint) -> float:
        return float(obj.value)


class IndicatorRow:
    """An indicator with its series, statewide or of one municipality."""

    def __init__(self, indicator: Indicator, municipality: Municipality | None = None) -> None:
        self.indicator = indicator
        self.municipality = municipality
        self.values = selectors.indicator_series(indicator, municipality)
        self.summary = selectors.indicator_summary(indicator)


class IndicatorOut(Schema):
    id: str = Field(
        ..., description="Identificador público del indicador.", examples=[INDICATOR_ID]
    )
    code: str = Field(..., description="Clave corta del indicador.", examples=["CC1-MUN"])
    name: str = Field(
        ...,
        description="Qué se mide.",
        examples=["Municipios visitados por las caravanas"],
    )
    description: str = Field(
        ...,
        description="Cómo se mide y de dónde salen los datos.",
        examples=["Municipios distintos con al menos una visita de caravana realizada."],
    )
    unit: str = Field(..., description="Unidad de medida.", examples=["municipios"])
    commitment: str = Field(
        ...,
        description="Id público del compromiso al que da seguimiento.",
        examples=[COMMITMENT_ID],
    )
    commitment_code: str = Field(..., description="Clave del compromiso.", examples=["CC1"])
    source: Indicator.Source = Field(
        ...,
        description="manual (valores registrados por la dependencia) o calculado de las "
        "visitas de caravana: caravan_municipalities, caravan_services o caravan_people.",
        examples=["caravan_municipalities"],
    )
    by_municipality: bool = Field(
        ...,
        description="Si los valores se registran por municipio (el total estatal es su suma).",
        examples=[False],
    )
    baseline: float = Field(..., description="Valor al inicio del compromiso.", examples=[0.0])
    baseline_date: datetime.date | None = Field(
        ..., description="Fecha de la línea base.", examples=["2020-12-01"]
    )
    target: float | None = Field(..., description="Meta; nulo si no se fijó una.", examples=[125.0])
    target_date: datetime.date | None = Field(
        ..., description="Cuándo debe alcanzarse la meta.", examples=["2023-09-30"]
    )
    municipality: str | None = Field(
        ...,
        description="Clave INEGI del municipio de los valores, si se pidió uno; nulo para los "
        "valores estatales.",
        examples=[None],
    )
    latest: IndicatorValueOut | None = Field(
        ..., description="Último valor de la serie; nulo si aún no hay valores."
    )
    percent_of_target: float | None = Field(
        ...,
        description="Último valor estatal entre la meta, en % (un decimal); nulo sin meta o "
        "sin valores.",
        examples=[34.4],
    )
    values: list[IndicatorValueOut] = Field(
        ..., description="Valores por fecha, del más antiguo al más reciente."
    )

    @staticmethod
    def resolve_id(obj: IndicatorRow) -> str:
        return obj.indicator.public_id

    @staticmethod
    def resolve_code(obj: IndicatorRow) -> str:
        return obj.indicator.code

    @staticmethod
    def resolve_name(obj: IndicatorRow) -> str:
        return obj.indicator.name

    @staticmethod
    def resolve_description(obj: IndicatorRow) -> str:
        return obj.indicator.description

    @staticmethod
    def resolve_unit(obj: IndicatorRow) -> str:
        return obj.indicator.unit

    @staticmethod
    def resolve_commitment(obj: IndicatorRow) -> str:
        return obj.indicator.commitment.public_id

    @staticmethod
    def resolve_commitment_code(obj: IndicatorRow) -> str:
        return obj.indicator.commitment.code

    @staticmethod
    def resolve_source(obj: IndicatorRow) -> str:
        return obj.indicator.source

    @staticmethod
    def resolve_by_municipality(obj: IndicatorRow) -> bool:
        return obj.indicator.by_municipality

    @staticmethod
    def resolve_baseline(obj: IndicatorRow) -> float:
        return float(obj.indicator.baseline)

    @staticmethod
    def resolve_baseline_date(obj: IndicatorRow) -> datetime.date | None:
        return obj.indicator.baseline_date

    @staticmethod
    def resolve_target(obj: IndicatorRow) -> float | None:
        return _number(obj.indicator.target)

    @staticmethod
    def resolve_target_date(obj: IndicatorRow) -> datetime.date | None:
        return obj.indicator.target_date

    @staticmethod
    def resolve_municipality(obj: IndicatorRow) -> str | None:
        return obj.municipality.code if obj.municipality else None

    @staticmethod
    def resolve_latest(obj: IndicatorRow) -> selectors.SeriesPoint | None:
        return obj.values[-1] if obj.values else None

    @staticmethod
    def resolve_percent_of_target(obj: IndicatorRow) -> float | None:
        if obj.municipality is not None:
            return None
        return _number(obj.summary.percent_of_target)


class CommitmentDetailOut(CommitmentOut):
    public_problem: str = Field(
        ...,
        description="El problema público que atiende.",
        examples=["Las personas de municipios alejados no acceden a servicios de justicia."],
    )
    objective: str = Field(
        ...,
        description="Lo que el compromiso busca lograr.",
        examples=["Llevar servicios jurídicos gratuitos a los 125 municipios."],
    )
    ogp_values: list[str] = Field(
        ...,
        description="Valores de la Alianza para el Gobierno Abierto a los que contribuye: "
        "access_to_information, civic_participation, public_accountability, technology.",
        examples=[["access_to_information", "public_accountability"]],
    )
    start_date: datetime.date | None = Field(
        ..., description="Inicio de la implementación.", examples=["2021-01-15"]
    )
    end_date: datetime.date | None = Field(
        ..., description="Fecha en que debe estar cumplido.", examples=["2023-09-30"]
    )
    supporting: list[InstitutionOut] = Field(..., description="Instituciones corresponsables.")
    action_lines: list[ActionLineOut] = Field(
        ..., description="Líneas de acción o fases, con su avance."
    )
    milestones: list[MilestoneOut] = Field(
        ..., description="Hitos de todas las líneas de acción, en orden de línea y número."
    )
    reports: list[ReportOut] = Field(
        ..., description="Reportes de avance, del más reciente al más antiguo."
    )
    indicators: list[IndicatorOut] = Field(
        ..., description="Indicadores del compromiso con sus valores estatales."
    )

    @staticmethod
    def resolve_public_problem(obj: selectors.CommitmentDetail) -> str:
        return obj.commitment.public_problem

    @staticmethod
    def resolve_objective(obj: selectors.CommitmentDetail) -> str:
        return obj.commitment.objective

    @staticmethod
    def resolve_ogp_values(obj: selectors.CommitmentDetail) -> list[str]:
        from .models import OGP_VALUE_FIELDS

        return [
            name.removeprefix("ogp_") for name in OGP_VALUE_FIELDS if getattr(obj.commitment, name)
        ]

    @staticmethod
    def resolve_start_date(obj: selectors.CommitmentDetail) -> datetime.date | None:
        return obj.commitment.start_date

    @staticmethod
    def resolve_end_date(obj: selectors.CommitmentDetail) -> datetime.date | None:
        return obj.commitment.end_date

    @staticmethod
    def resolve_milestones(obj: selectors.CommitmentDetail) -> list[Milestone]:
        return [milestone for line in obj.action_lines for milestone in line.milestones]

    @staticmethod
    def resolve_indicators(obj: selectors.CommitmentDetail) -> list[IndicatorRow]:
        return [IndicatorRow(summary.indicator) for summary in obj.indicators]


@router.get(
    "/commitments",
    response=list[CommitmentOut],
    summary="Compromisos del Plan de Acción Local",
    description="Los compromisos del plan vigente, primero los co-creados y luego los "
    "proactivos, cada uno con su avance calculado de sus hitos. Se filtran por `kind`.",
)
@paginate(BoundedLimitOffsetPagination)
def list_commitments(
    request: HttpRequest, kind: CommitmentKind = None
) -> list[selectors.CommitmentSummary]:
    return selectors.commitment_list_public(kind=kind.value if kind else "")


@router.get(
    "/commitments/{id}",
    response={200: CommitmentDetailOut, 404: ErrorOut},
    summary="Un compromiso, con sus hitos, reportes de avance e indicadores",
)
def get_commitment(request: HttpRequest, id: str) -> selectors.CommitmentDetail:
    try:
        return selectors.commitment_detail_public(id)
    except Commitment.DoesNotExist as exc:
        raise HttpError(404, "Compromiso no encontrado.") from exc


# Indicators ------------------------------------------------------------------------------------


def _municipality(code: str | None) -> Municipality | None:
    if not code:
        return None
    municipality = municipality_list().filter(code=code).first()
    if municipality is None:
        raise HttpError(422, f"No hay un municipio con la clave INEGI {code}.")
    return municipality


@router.get(
    "/indicators",
    response=list[IndicatorOut],
    summary="Indicadores de los compromisos, con sus valores",
    description="Los indicadores del plan vigente con su serie de valores. `commitment` "
    "(id del compromiso) los filtra; con `municipality` (clave INEGI) los valores son los de "
    "ese municipio: registrados, en los indicadores por municipio, o contados de las visitas "
    "de caravana, en los calculados; los indicadores solo estatales quedan sin valores.",
)
@paginate(BoundedLimitOffsetPagination)
def list_indicators(
    request: HttpRequest, commitment: CommitmentId = "", municipality: MunicipalityCode = None
) -> list[IndicatorRow]:
    place = _municipality(municipality)
    # TODO(plan core): a selectors.indicator_list_public(commitment=...) to read through.
    plan = selectors.plan_current()
    indicators = Indicator.objects.select_related("commitment").filter(commitment__plan=plan)
    if commitment:
        indicators = indicators.filter(commitment__public_id=commitment)
    ordered = indicators.order_by("commitment__kind", "commitment__number", "order", "code")
    return [IndicatorRow(indicator, place) for indicator in ordered]


# Activities --------------------------------------------------------------------------------------


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

    @staticmethod
    def resolve_type(obj: ActivityService) -> str:
        return obj.service_type.slug

    @staticmethod
    def resolve_name(obj: ActivityService) -> str:
        return obj.service_type.name


class CommitmentRefOut(Schema):
    id: str = Field(..., description="Id público del compromiso.", examples=[COMMITMENT_ID])
    code: str = Field(..., description="Clave del compromiso.", examples=["CC1"])
    title: str = Field(
        ...,
        description="Nombre del compromiso.",
        examples=["Caravanas por la Justicia Cotidiana"],
    )

    @staticmethod
    def resolve_id(obj: Commitment) -> str:
        return obj.public_id


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

    @staticmethod
    def resolve_id(obj: Activity) -> str:
        return obj.public_id

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


@router.get(
    "/activities",
    response=list[ActivityOut],
    summary="Agenda de actividades del plan",
    description="Las actividades públicas (caravanas, pláticas, capacitaciones, círculos "
    "restaurativos), de la más antigua a la más reciente. Se filtran por `municipality` "
    "(clave INEGI), `kind` (clave del tipo), `status` y el periodo de `date_from` a `date_to`.",
)
@paginate(BoundedLimitOffsetPagination)
def list_activities(
    request: HttpRequest,
    municipality: MunicipalityCode = None,
    kind: ActivityKindSlug = "",
    status: ActivityStatus = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> QuerySet[Activity]:
    activities = selectors.activity_list_public(
        municipality=_municipality(municipality),
        kind=kind or None,
        date_from=date_from,
        date_to=date_to,
    )
    if status is not None:
        activities = activities.filter(status=status.value)
    return activities


@router.get(
    "/activities/{id}",
    response={200: ActivityOut, 404: ErrorOut},
    summary="Una actividad de la agenda",
)
def get_activity(request: HttpRequest, id: str) -> Activity:
    try:
        return selectors.activity_public(id)
    except Activity.DoesNotExist as exc:
        raise HttpError(404, "Actividad no encontrada.") from exc


# Coverage --------------------------------------------------------------------------------------


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

    @staticmethod
    def resolve_code(obj: selectors.MunicipalityCoverage) -> str:
        return obj.municipality.code

    @staticmethod
    def resolve_name(obj: selectors.MunicipalityCoverage) -> str:
        return obj.municipality.name


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

    @staticmethod
    def resolve_municipalities(obj: selectors.Coverage) -> list[selectors.MunicipalityCoverage]:
        return obj.per_municipality


@router.get(
    "/coverage",
    response=CoverageOut,
    summary="Cobertura de las caravanas y actividades por municipio",
    description="Cifras contadas de las visitas de caravana realizadas (nunca capturadas), y "
    "las actividades realizadas en cada municipio; `date_from` y `date_to` acotan el periodo.",
)
def get_coverage(
    request: HttpRequest, date_from: DateFrom = None, date_to: DateTo = None
) -> selectors.Coverage:
    return selectors.coverage(date_from=date_from, date_to=date_to)
