"""The Local Action Plan's datasets: commitments, milestones, indicators, activities, coverage."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from abierto.directory.models import Municipality
from abierto.plan import selectors as plan
from abierto.plan.models import (
    Activity,
    ActivityService,
    Commitment,
    IndicatorValue,
    Milestone,
)

from .catalog import Column, Dataset, field_column, register


def _progress(commitment: Commitment) -> Any:
    return plan.commitment_progress(commitment)


register(
    Dataset(
        slug="compromisos",
        temporal_field="start_date",
        title=_("Compromisos del Plan de Acción Local"),
        description=_(
            "Los compromisos co-creados y proactivos del Plan de Acción Local, con su "
            "institución responsable, problema, objetivo, valores de la Alianza para el "
            "Gobierno Abierto y su avance calculado a partir de los hitos."
        ),
        keywords=["plan de acción", "compromisos", "gobierno abierto", "avance"],
        rows=plan.opendata_commitments,
        columns=[
            field_column(Commitment, "public_id", "id"),
            field_column(Commitment, "plan.title", "plan"),
            field_column(Commitment, "axis.number", "axis"),
            field_column(Commitment, "number"),
            field_column(Commitment, "title"),
            field_column(Commitment, "kind"),
            field_column(Commitment, "responsible.name", "responsible"),
            Column(
                "supporting",
                _("Instituciones que acompañan el compromiso, separadas por punto y coma."),
                lambda c: "; ".join(i.name for i in c.supporting.all()),
            ),
            field_column(Commitment, "public_problem"),
            field_column(Commitment, "objective"),
            field_column(Commitment, "ogp_access_to_information"),
            field_column(Commitment, "ogp_civic_participation"),
            field_column(Commitment, "ogp_public_accountability"),
            field_column(Commitment, "ogp_technology"),
            field_column(Commitment, "start_date"),
            field_column(Commitment, "end_date"),
            Column(
                "progress",
                _(
                    "Avance en porcentaje, calculado de los hitos ponderados por su peso "
                    "(nunca capturado a mano)."
                ),
                _progress,
                "number",
            ),
            Column(
                "completion",
                _("Nivel de cumplimiento en la escala del IRM, derivado del avance."),
                lambda c: str(plan.completion_for(_progress(c), started=True).label),
            ),
        ],
        excluded_fields=frozenset({"id", "created_at", "updated_at", "supporting"}),
    )
)

register(
    Dataset(
        slug="hitos",
        temporal_field="due_date",
        title=_("Hitos de los compromisos"),
        description=_("Cada hito de las líneas de acción: fecha compromiso, cumplimiento y peso."),
        keywords=["hitos", "plan de acción", "seguimiento"],
        rows=plan.opendata_milestones,
        columns=[
            Column(
                "commitment_number",
                _("Número del compromiso."),
                lambda m: m.action_line.commitment.number,
                "integer",
            ),
            field_column(Milestone, "action_line.number", "action_line"),
            field_column(Milestone, "number"),
            field_column(Milestone, "title"),
            field_column(Milestone, "due_date"),
            field_column(Milestone, "met_on"),
            field_column(Milestone, "status", display=True),
            field_column(Milestone, "weight"),
        ],
        excluded_fields=frozenset({"id", "created_at", "updated_at"}),
    )
)

register(
    Dataset(
        slug="valores-de-indicadores",
        temporal_field="date",
        title=_("Valores de los indicadores"),
        description=_("Los valores fechados de cada indicador, por municipio cuando aplica."),
        keywords=["indicadores", "municipios", "plan de acción"],
        rows=plan.opendata_indicator_values,
        columns=[
            field_column(IndicatorValue, "indicator.code", "indicator"),
            field_column(IndicatorValue, "indicator.description", "indicator_description"),
            field_column(IndicatorValue, "indicator.unit", "unit"),
            field_column(IndicatorValue, "date"),
            field_column(IndicatorValue, "value"),
            field_column(IndicatorValue, "municipality.code", "municipality_code"),
            field_column(IndicatorValue, "municipality.name", "municipality"),
            field_column(IndicatorValue, "note"),
        ],
        # recorded_by names the clerk who typed the value: internal, never published.
        excluded_fields=frozenset({"id", "created_at", "updated_at", "recorded_by"}),
    )
)

register(
    Dataset(
        slug="actividades",
        temporal_field="date",
        title=_("Agenda pública de actividades y caravanas"),
        description=_(
            "Las actividades de la agenda pública (caravanas, pláticas, círculos "
            "restaurativos, capacitaciones) con su municipio, fecha y personas atendidas."
        ),
        keywords=["agenda", "caravanas", "actividades", "municipios"],
        rows=plan.opendata_activities,
        columns=[
            field_column(Activity, "public_id", "id"),
            field_column(Activity, "kind.name", "kind"),
            field_column(Activity, "title"),
            field_column(Activity, "description"),
            field_column(Activity, "date"),
            field_column(Activity, "start_time"),
            field_column(Activity, "end_time"),
            field_column(Activity, "municipality.code", "municipality_code"),
            field_column(Activity, "municipality.name", "municipality"),
            field_column(Activity, "place"),
            field_column(Activity, "status", display=True),
            field_column(Activity, "people_served"),
            Column(
                "institutions",
                _("Instituciones participantes, separadas por punto y coma."),
                lambda a: "; ".join(i.name for i in a.institutions.all()),
            ),
            field_column(Activity, "commitment.number", "commitment_number"),
        ],
        excluded_fields=frozenset({"id", "created_at", "updated_at", "institutions"}),
    )
)

register(
    Dataset(
        slug="servicios-de-caravanas",
        temporal_field="activity__date",
        title=_("Servicios entregados en las caravanas"),
        description=_("Trámites y servicios entregados en cada visita de caravana, por tipo."),
        keywords=["caravanas", "servicios", "justicia cotidiana"],
        rows=plan.opendata_activity_services,
        columns=[
            Column("activity_id", _("Identificador de la visita."), lambda s: s.activity.public_id),
            Column("date", _("Fecha de la visita."), lambda s: s.activity.date, "date"),
            Column(
                "municipality_code",
                _("Clave INEGI del municipio visitado."),
                lambda s: s.activity.municipality.code if s.activity.municipality else None,
            ),
            field_column(ActivityService, "service_type.name", "service_type"),
            field_column(ActivityService, "count"),
        ],
        modified_field="",
        excluded_fields=frozenset({"id", "activity"}),
    )
)

register(
    Dataset(
        slug="cobertura-por-municipio",
        title=_("Cobertura por municipio"),
        description=_(
            "Para cada uno de los 125 municipios: actividades realizadas, visitas de "
            "caravana, servicios entregados y personas atendidas, calculados de los registros."
        ),
        keywords=["cobertura", "municipios", "caravanas"],
        rows=plan.opendata_coverage_by_municipality,
        columns=[
            field_column(Municipality, "code"),
            field_column(Municipality, "name"),
            Column(
                "activities", _("Actividades realizadas."), lambda m: m.activities_held, "integer"
            ),
            Column(
                "caravan_visits",
                _("Visitas de caravana realizadas."),
                lambda m: m.caravan_visits,
                "integer",
            ),
            Column(
                "services", _("Trámites y servicios entregados."), lambda m: m.services, "integer"
            ),
            Column("people_served", _("Personas atendidas."), lambda m: m.people_served, "integer"),
        ],
        modified_field="",
        excluded_fields=frozenset({"id"}),
    )
)
