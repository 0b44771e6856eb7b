"""The plan API's commitment schemas: a commitment with its computed progress, its lines of
action, milestones, progress reports and evidence.

No ``from __future__ import annotations``: pydantic and ninja read the annotations at import
time.
"""

import datetime

from django.urls import reverse
from ninja import Field, Schema

from abierto.forum.api import InstitutionOut, SessionRefOut

from .. import selectors
from ..api_params import COMMITMENT_ID, SITE
from ..models import (
    OGP_VALUE_FIELDS,
    Commitment,
    Completion,
    Evidence,
    Milestone,
    ProgressReport,
)
from .common import absolute as _absolute
from .common import reading
from .indicators import IndicatorOut, IndicatorRow

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

    resolve_id = reading("commitment.public_id", start=_summary)
    resolve_code = reading("commitment.code", start=_summary)
    resolve_number = reading("commitment.number", start=_summary)
    resolve_kind = reading("commitment.kind", start=_summary)
    resolve_title = reading("commitment.title", start=_summary)
    resolve_axis = reading("commitment.axis", start=_summary)
    resolve_responsible = reading("commitment.responsible", start=_summary)
    resolve_progress = reading("progress", start=_summary, then=float)
    resolve_completion = reading("completion", start=_summary)
    resolve_milestones_total = reading("milestones_total", start=_summary)
    resolve_milestones_met = reading("milestones_met", start=_summary)

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

    resolve_number = reading("line.number")
    resolve_title = reading("line.title")
    resolve_description = reading("line.description")
    resolve_progress = reading("progress", then=float)


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

    resolve_action_line = reading("action_line.number")


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

    resolve_id = reading("public_id")

    @staticmethod
    def resolve_evidence(obj: ProgressReport) -> list[Evidence]:
        return list(obj.evidence.all())


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

    resolve_public_problem = reading("commitment.public_problem")
    resolve_objective = reading("commitment.objective")

    @staticmethod
    def resolve_ogp_values(obj: selectors.CommitmentDetail) -> list[str]:
        return [
            name.removeprefix("ogp_") for name in OGP_VALUE_FIELDS if getattr(obj.commitment, name)
        ]

    resolve_start_date = reading("commitment.start_date")
    resolve_end_date = reading("commitment.end_date")

    @staticmethod
    def resolve_milestones(obj: selectors.CommitmentDetail) -> list[Milestone]:
        return [milestone for line in obj.action_lines for milestone in line.milestones]

    @staticmethod
    def resolve_indicators(obj: selectors.CommitmentDetail) -> list[IndicatorRow]:
        return [IndicatorRow(summary.indicator) for summary in obj.indicators]
