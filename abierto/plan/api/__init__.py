"""The Local Action Plan in the public API: commitments with their computed progress,
milestones, progress reports and indicators; the agenda of activities; caravan coverage.

Progress (0 to 100) and the IRM completion level are computed by ``selectors`` from the
weighted milestones; coverage is counted from the held caravan visits. Every item is
identified by its public ``id``, never by a database key; municipalities by their INEGI code.

No ``from __future__ import annotations`` here: ninja reads the parameters' annotations
(the ``Annotated`` aliases below) at import time.
"""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router
from ninja.errors import HttpError
from ninja.pagination import paginate

from abierto.directory.api_common import ErrorOut
from abierto.directory.models import Municipality
from abierto.directory.pagination import BoundedLimitOffsetPagination
from abierto.directory.selectors import municipality_list

from .. import selectors
from ..api_params import (
    ActivityKindSlug,
    ActivityStatus,
    CommitmentId,
    CommitmentKind,
    DateFrom,
    DateTo,
    MunicipalityCode,
)
from ..models import Activity, Commitment, Indicator
from .activities import (
    ActivityKindOut,
    ActivityOut,
    CommitmentRefOut,
    CoverageOut,
    MunicipalityCoverageOut,
    ServiceCountOut,
)
from .commitments import (
    ActionLineOut,
    AxisOut,
    CommitmentDetailOut,
    CommitmentOut,
    EvidenceOut,
    MilestoneOut,
    ReportOut,
)
from .indicators import IndicatorOut, IndicatorRow, IndicatorValueOut

__all__ = [
    "ActionLineOut",
    "ActivityKindOut",
    "ActivityOut",
    "AxisOut",
    "CommitmentDetailOut",
    "CommitmentOut",
    "CommitmentRefOut",
    "CoverageOut",
    "EvidenceOut",
    "IndicatorOut",
    "IndicatorRow",
    "IndicatorValueOut",
    "MilestoneOut",
    "MunicipalityCoverageOut",
    "ReportOut",
    "ServiceCountOut",
    "router",
]

router = Router(tags=["Plan de Acción"])

# The handlers stay in this module: their OpenAPI operationIds (abierto_plan_api_<name>) are
# made from the module's name, and clients know them.

# Commitments ---------------------------------------------------------------------------------


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
