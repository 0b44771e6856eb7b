"""The Local Action Plan's datasets: commitments, milestones, indicators, activities, coverage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from abierto.plan import selectors as plan

from .catalog import Column, Dataset, field_column, register

if TYPE_CHECKING:
    from abierto.plan.models import Commitment


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
            field_column("plan.Commitment", "public_id", "id"),
            field_column("plan.Commitment", "plan.title", "plan"),
            field_column("plan.Commitment", "axis.number", "axis"),
            field_column("plan.Commitment", "number"),
            field_column("plan.Commitment", "title"),
            field_column("plan.Commitment", "kind"),
            field_column("plan.Commitment", "responsible.name", "responsible"),
            Column(
                "supporting",
                _("Instituciones que acompañan el compromiso, separadas por punto y coma."),
                lambda c: "; ".join(i.name for i in c.supporting.all()),
            ),
            field_column("plan.Commitment", "public_problem"),
            field_column("plan.Commitment", "objective"),
            field_column("plan.Commitment", "ogp_access_to_information"),
            field_column("plan.Commitment", "ogp_civic_participation"),
            field_column("plan.Commitment", "ogp_public_accountability"),
            field_column("plan.Commitment", "ogp_technology"),
            field_column("plan.Commitment", "start_date"),
            field_column("plan.Commitment", "end_date"),
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
            field_column("plan.Milestone", "action_line.number", "action_line"),
            field_column("plan.Milestone", "number"),
            field_column("plan.Milestone", "title"),
            field_column("plan.Milestone", "due_date"),
            field_column("plan.Milestone", "met_on"),
            field_column("plan.Milestone", "status", display=True),
            field_column("plan.Milestone", "weight"),
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
            field_column("plan.IndicatorValue", "indicator.code", "indicator"),
            field_column("plan.IndicatorValue", "indicator.description", "indicator_description"),
            field_column("plan.IndicatorValue", "indicator.unit", "unit"),
            field_column("plan.IndicatorValue", "date"),
            field_column("plan.IndicatorValue", "value"),
            field_column("plan.IndicatorValue", "municipality.code", "municipality_code"),
            field_column("plan.IndicatorValue", "municipality.name", "municipality"),
            field_column("plan.IndicatorValue", "note"),
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
            field_column("plan.Activity", "public_id", "id"),
            field_column("plan.Activity", "kind.name", "kind"),
            field_column("plan.Activity", "title"),
            field_column("plan.Activity", "description"),
            field_column("plan.Activity", "date"),
            field_column("plan.Activity", "start_time"),
            field_column("plan.Activity", "end_time"),
            field_column("plan.Activity", "municipality.code", "municipality_code"),
            field_column("plan.Activity", "municipality.name", "municipality"),
            field_column("plan.Activity", "place"),
            field_column("plan.Activity", "status", display=True),
            field_column("plan.Activity", "people_served"),
            Column(
                "institutions",
                _("Instituciones participantes, separadas por punto y coma."),
                lambda a: "; ".join(i.name for i in a.institutions.all()),
            ),
            field_column("plan.Activity", "commitment.number", "commitment_number"),
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
            field_column("plan.ActivityService", "service_type.name", "service_type"),
            field_column("plan.ActivityService", "count"),
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
            field_column("directory.Municipality", "code"),
            field_column("directory.Municipality", "name"),
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
