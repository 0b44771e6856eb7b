"""Values of the indicators that agencies report (computed indicators take none)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.directory.models import Municipality

from ..models import Indicator, IndicatorValue
from ._audit import audit_record, jsonable
from .errors import PlanError

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def check_value(
    indicator: Indicator,
    date: datetime.date,
    value: Decimal,
    municipality: Municipality | None,
) -> dict[str, str]:
    """What is wrong with a value, keyed by the field it concerns."""
    problems: dict[str, str] = {}
    if indicator.is_computed:
        problems["indicator"] = _(
            "El indicador %(code)s se calcula de las visitas de caravana: no se capturan valores."
        ) % {"code": indicator.code}
    if date > timezone.localdate():
        problems["date"] = _("La fecha no puede ser posterior a hoy.")
    if value < 0:
        problems["value"] = _("El valor no puede ser negativo.")
    elif value != value.quantize(Decimal("0.01")):
        problems["value"] = _("Use como máximo dos decimales.")
    elif value >= Decimal("1e12"):
        problems["value"] = _("El número es demasiado grande.")
    if indicator.by_municipality and municipality is None:
        problems["municipality"] = _("Este indicador es por municipio: indique el municipio.")
    if not indicator.by_municipality and municipality is not None:
        problems["municipality"] = _("Este indicador es estatal: deje vacío el municipio.")
    return problems


def record_value(
    *,
    actor: User | None,
    indicator: Indicator,
    date: datetime.date,
    value: Decimal,
    municipality: Municipality | None = None,
    note: str = "",
) -> IndicatorValue:
    """Record (or correct) a value inside the caller's transaction."""
    problems = check_value(indicator, date, value, municipality)
    if problems:
        raise PlanError(list(problems.values()))
    existing = (
        IndicatorValue.objects.select_for_update(of=("self",))
        .filter(indicator=indicator, date=date, municipality=municipality)
        .first()
    )
    if existing is not None:
        old = existing.value
        existing.value = value
        existing.note = note.strip() or existing.note
        existing.recorded_by = actor if actor is not None and actor.is_authenticated else None
        existing.full_clean(validate_unique=False, validate_constraints=False)
        existing.save()
        if old != value:
            audit_record(
                actor=actor,
                action="indicator_value.corrected",
                target=existing,
                changes={"indicator": indicator.code, "value": [jsonable(old), jsonable(value)]},
            )
        return existing
    record = IndicatorValue(
        indicator=indicator,
        date=date,
        value=value,
        municipality=municipality,
        note=note.strip(),
        recorded_by=actor if actor is not None and actor.is_authenticated else None,
    )
    record.full_clean(validate_unique=False, validate_constraints=False)
    record.save()
    audit_record(
        actor=actor,
        action="indicator_value.recorded",
        target=record,
        changes={
            "indicator": indicator.code,
            "date": date.isoformat(),
            "value": jsonable(value),
            "municipality": municipality.code if municipality else None,
        },
    )
    return record


@transaction.atomic
def indicator_value_record(
    *,
    actor: User | None,
    indicator: Indicator,
    date: datetime.date,
    value: Decimal,
    municipality: Municipality | None = None,
    note: str = "",
) -> IndicatorValue:
    """Record the value of an indicator on a date; a second value for the same date (and
    municipality) corrects the first."""
    return record_value(
        actor=actor,
        indicator=indicator,
        date=date,
        value=value,
        municipality=municipality,
        note=note,
    )
