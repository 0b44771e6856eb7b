"""The three bulk uploads: their columns and templates (the row checks: ``upload_checks``).

``abierto.lib.tabular`` checks the shape of every cell; this module checks what the cells
mean (the indicator exists and the clerk may update it, the visit is not already recorded,
...). Both kinds of error come back together, so the clerk sees every problem at once. Clean
rows are plain JSON (ids, ISO dates, decimals as strings), kept in an ``Upload`` until the
clerk confirms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext_lazy

from abierto.directory.models import Municipality
from abierto.lib.tabular import Column, ColumnType, csv_template

from . import selectors
from .models import Indicator, Milestone, ServiceType, UploadKind

if TYPE_CHECKING:
    from abierto.directory.selectors import AnyUser


MILESTONE_KEY = re.compile(r"^C([CP])(\d{1,3})-(\d{1,3})\.(\d{1,3})$")

STATUS_CHOICES = {
    "pendiente": Milestone.Status.PENDING,
    "en proceso": Milestone.Status.IN_PROGRESS,
    "cumplido": Milestone.Status.MET,
    "cancelado": Milestone.Status.CANCELLED,
    # The stored values too, for files exported from the API.
    "pending": Milestone.Status.PENDING,
    "in_progress": Milestone.Status.IN_PROGRESS,
    "met": Milestone.Status.MET,
    "cancelled": Milestone.Status.CANCELLED,
}


@dataclass(frozen=True)
class UploadSpec:
    kind: UploadKind
    slug: str  # in the URL
    title: Any  # lazy translation
    needs_commitment: bool


SPECS = {
    UploadKind.INDICATOR_VALUES: UploadSpec(
        UploadKind.INDICATOR_VALUES, "indicadores", gettext_lazy("Valores de indicadores"), False
    ),
    UploadKind.MILESTONES: UploadSpec(
        UploadKind.MILESTONES, "hitos", gettext_lazy("Actualización de hitos"), False
    ),
    UploadKind.CARAVAN_VISITS: UploadSpec(
        UploadKind.CARAVAN_VISITS, "caravanas", gettext_lazy("Visitas de caravana"), True
    ),
}
BY_SLUG = {spec.slug: spec for spec in SPECS.values()}


def columns_for(kind: str) -> list[Column]:
    if kind == UploadKind.INDICATOR_VALUES:
        return [
            Column("indicator", "indicador", aliases=("clave", "clave del indicador")),
            Column("date", "fecha", ColumnType.DATE),
            Column("value", "valor", ColumnType.DECIMAL),
            Column("municipality", "municipio", ColumnType.MUNICIPALITY, required=False),
            Column("note", "nota", required=False),
        ]
    if kind == UploadKind.MILESTONES:
        return [
            Column("key", "clave", aliases=("clave del hito",)),
            Column("title", "hito", required=False, max_length=300),
            Column("status", "estado", ColumnType.CHOICE, choices=STATUS_CHOICES),
            Column(
                "met_on",
                "fecha de cumplimiento",
                ColumnType.DATE,
                required=False,
                aliases=("fecha cumplimiento", "cumplido el"),
            ),
        ]
    columns = [
        Column("date", "fecha", ColumnType.DATE),
        Column("municipality", "municipio", ColumnType.MUNICIPALITY),
        Column("place", "lugar", required=False, max_length=250),
        Column("title", "titulo", required=False, max_length=250),
        Column("people", "personas atendidas", ColumnType.INT, aliases=("personas",)),
    ]
    for service_type in ServiceType.objects.filter(active=True).order_by("order", "name"):
        columns.append(
            Column(
                f"service:{service_type.slug}",
                service_type.name,
                ColumnType.INT,
                required=False,
                aliases=(service_type.slug,),
            )
        )
    return columns


def municipality_names() -> dict[str, str]:
    return dict(Municipality.objects.values_list("code", "name"))


# Templates -----------------------------------------------------------------------------------


def template_csv(kind: str, user: AnyUser) -> str:
    """A CSV to fill in: milestones and indicators come pre-filled with the user's own."""
    columns = columns_for(kind)
    rows: list[Sequence[object]] = []
    editable = selectors.commitments_editable_by(user)
    if kind == UploadKind.MILESTONES:
        milestones = (
            Milestone.objects.filter(action_line__commitment__in=editable)
            .select_related("action_line__commitment")
            .order_by(
                "action_line__commitment__kind",
                "action_line__commitment__number",
                "action_line__number",
                "number",
            )
        )
        for m in milestones:
            status_label = next(k for k, v in STATUS_CHOICES.items() if v == m.status)
            rows.append([m.code, m.title, status_label, m.met_on.isoformat() if m.met_on else ""])
    elif kind == UploadKind.INDICATOR_VALUES:
        today = timezone.localdate().isoformat()
        for indicator in Indicator.objects.filter(
            commitment__in=editable, source=Indicator.Source.MANUAL, by_municipality=False
        ).order_by("code"):
            rows.append([indicator.code, today, "", "", ""])
    return csv_template(columns, rows)
