"""The row checks of the three bulk uploads against the records: what the cells mean (the
indicator exists and the clerk may update it, the milestone is theirs, the visit is not
already recorded). Clean rows come back as plain JSON for the ``Upload`` kept until the clerk
confirms.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.directory.models import Municipality
from abierto.lib.tabular import CellError, Row

from . import selectors
from .models import Commitment, Indicator, Milestone, ServiceType, UploadKind
from .services.activities import caravan_visit_exists
from .services.indicators import check_value
from .services.milestones import check_status
from .uploads import MILESTONE_KEY

if TYPE_CHECKING:
    from abierto.directory.selectors import AnyUser


@dataclass
class Checked:
    rows: list[dict[str, Any]]
    errors: list[CellError]
    preview_headers: list[str]
    preview: list[list[str]]


def check_rows(
    kind: str, rows: Sequence[Row], *, user: AnyUser, commitment: Commitment | None = None
) -> Checked:
    """Check every row against the records and the user's rights; never saves anything."""
    if kind == UploadKind.INDICATOR_VALUES:
        return _check_indicator_values(rows, user)
    if kind == UploadKind.MILESTONES:
        return _check_milestones(rows, user)
    return _check_caravan_visits(rows, user, commitment)


def _check_indicator_values(rows: Sequence[Row], user: AnyUser) -> Checked:
    editable = set(selectors.commitments_editable_by(user).values_list("pk", flat=True))
    municipalities = {m.code: m for m in Municipality.objects.all()}
    indicators = {i.code: i for i in Indicator.objects.select_related("commitment")}
    errors: list[CellError] = []
    clean: list[dict[str, Any]] = []
    preview: list[list[str]] = []
    seen: dict[tuple[str, str, str], int] = {}
    for row in rows:
        v = row.values
        code = (v["indicator"] or "").strip().upper()
        indicator = indicators.get(code)
        if code and indicator is None:
            errors.append(
                CellError(
                    row.number,
                    "indicador",
                    _("No existe el indicador «%(code)s».") % {"code": code},
                )
            )
        elif indicator is not None and indicator.commitment_id not in editable:
            errors.append(
                CellError(
                    row.number,
                    "indicador",
                    _("El indicador %(code)s es de un compromiso que usted no actualiza.")
                    % {"code": code},
                )
            )
            indicator = None
        municipality = municipalities.get(v["municipality"]) if v["municipality"] else None
        if indicator is not None and v["date"] is not None and v["value"] is not None:
            problems = check_value(indicator, v["date"], v["value"], municipality)
            for field, message in problems.items():
                column = {"date": "fecha", "value": "valor", "municipality": "municipio"}.get(
                    field, "indicador"
                )
                errors.append(CellError(row.number, column, message))
            key = (code, str(v["date"]), v["municipality"] or "")
            if key in seen:
                errors.append(
                    CellError(
                        row.number,
                        "indicador",
                        _("Repite la fila %(row)d (mismo indicador, fecha y municipio).")
                        % {"row": seen[key]},
                    )
                )
            seen.setdefault(key, row.number)
            clean.append(
                {
                    "indicator": indicator.pk,
                    "date": v["date"].isoformat(),
                    "value": str(v["value"]),
                    "municipality": v["municipality"],
                    "note": v["note"] or "",
                }
            )
            preview.append(
                [
                    str(row.number),
                    code,
                    _date(v["date"]),
                    _number(v["value"]),
                    municipality.name if municipality else "",
                ]
            )
    return Checked(
        clean,
        errors,
        [_("Fila"), _("Indicador"), _("Fecha"), _("Valor"), _("Municipio")],
        preview,
    )


def _milestone_lookup(user: AnyUser) -> dict[str, Milestone]:
    plan = selectors.plan_current()
    milestones = Milestone.objects.select_related("action_line__commitment").filter(
        action_line__commitment__plan=plan
    )
    return {m.code: m for m in milestones}


def _check_milestones(rows: Sequence[Row], user: AnyUser) -> Checked:
    editable = set(selectors.commitments_editable_by(user).values_list("pk", flat=True))
    milestones = _milestone_lookup(user)
    errors: list[CellError] = []
    clean: list[dict[str, Any]] = []
    preview: list[list[str]] = []
    seen: dict[str, int] = {}
    today = timezone.localdate()
    for row in rows:
        v = row.values
        key = (v["key"] or "").strip().upper()
        milestone = milestones.get(key)
        if key and not MILESTONE_KEY.match(key):
            errors.append(
                CellError(
                    row.number,
                    "clave",
                    _("«%(key)s» no es una clave de hito: use p. ej. CC1-2.3.") % {"key": key},
                )
            )
            continue
        if key and milestone is None:
            errors.append(
                CellError(row.number, "clave", _("No existe el hito %(key)s.") % {"key": key})
            )
            continue
        if milestone is not None and milestone.action_line.commitment_id not in editable:
            errors.append(
                CellError(
                    row.number,
                    "clave",
                    _("El hito %(key)s es de un compromiso que usted no actualiza.") % {"key": key},
                )
            )
            continue
        if key in seen:
            errors.append(
                CellError(row.number, "clave", _("Repite la fila %(row)d.") % {"row": seen[key]})
            )
        seen.setdefault(key, row.number)
        if milestone is None or v["status"] is None:
            continue
        problem = check_status(v["status"], v["met_on"], today=today)
        if problem:
            errors.append(CellError(row.number, "fecha de cumplimiento", problem))
            continue
        changed = milestone.status != v["status"] or milestone.met_on != v["met_on"]
        clean.append(
            {
                "milestone": milestone.pk,
                "status": v["status"],
                "met_on": v["met_on"].isoformat() if v["met_on"] else None,
            }
        )
        preview.append(
            [
                str(row.number),
                key,
                milestone.title,
                str(Milestone.Status(v["status"]).label),
                _date(v["met_on"]),
                _("sí") if changed else _("sin cambio"),
            ]
        )
    return Checked(
        clean,
        errors,
        [_("Fila"), _("Clave"), _("Hito"), _("Estado"), _("Cumplido el"), _("¿Cambia?")],
        preview,
    )


def _check_caravan_visits(
    rows: Sequence[Row], user: AnyUser, commitment: Commitment | None
) -> Checked:
    errors: list[CellError] = []
    if commitment is None or not selectors.can_edit_commitment(user, commitment):
        errors.append(CellError(None, "", _("Elija un compromiso que usted actualice.")))
    municipalities = {m.code: m for m in Municipality.objects.all()}
    service_types = {t.slug: t for t in ServiceType.objects.filter(active=True)}
    clean: list[dict[str, Any]] = []
    preview: list[list[str]] = []
    seen: dict[tuple[str, str], int] = {}
    today = timezone.localdate()
    for row in rows:
        v = row.values
        municipality = municipalities.get(v["municipality"]) if v["municipality"] else None
        day: datetime.date | None = v["date"]
        if day is not None and day > today:
            errors.append(
                CellError(
                    row.number,
                    "fecha",
                    _("Una visita realizada no puede tener fecha posterior a hoy."),
                )
            )
            continue
        if municipality is None or day is None:
            continue
        key = (municipality.code, day.isoformat())
        if key in seen:
            errors.append(
                CellError(
                    row.number,
                    "municipio",
                    _("Repite la fila %(row)d (mismo municipio y fecha).") % {"row": seen[key]},
                )
            )
        seen.setdefault(key, row.number)
        if caravan_visit_exists(municipality, day):
            errors.append(
                CellError(
                    row.number,
                    "municipio",
                    _("Ya hay una visita registrada en %(municipality)s el %(date)s.")
                    % {"municipality": municipality.name, "date": _date(day)},
                )
            )
        services = {
            key.removeprefix("service:"): value
            for key, value in v.items()
            if key.startswith("service:") and value
        }
        clean.append(
            {
                "date": day.isoformat(),
                "municipality": municipality.code,
                "place": v["place"] or "",
                "title": v["title"] or "",
                "people": v["people"],
                "services": services,
            }
        )
        preview.append(
            [
                str(row.number),
                _date(day),
                municipality.name,
                _number(v["people"] or 0),
                _number(sum(services.values())),
            ]
        )
    unknown = {slug for row in clean for slug in row["services"]} - set(service_types)
    if unknown:  # pragma: no cover - the columns come from the same table
        errors.append(CellError(None, "", _("Tipo de servicio desconocido.")))
    return Checked(
        clean,
        errors,
        [_("Fila"), _("Fecha"), _("Municipio"), _("Personas atendidas"), _("Servicios")],
        preview,
    )


def _date(day: datetime.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _number(value: Decimal | int) -> str:
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return f"{value:,}"
    return f"{int(value):,}"
