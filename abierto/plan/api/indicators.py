"""The plan API's indicator schemas: an indicator with its series of values.

No ``from __future__ import annotations``: pydantic and ninja read the annotations at import
time.
"""

import datetime

from ninja import Field, Schema

from abierto.directory.models import Municipality

from .. import selectors
from ..api_params import COMMITMENT_ID, INDICATOR_ID
from ..models import Indicator
from .common import number as _number
from .common import reading


class IndicatorValueOut(Schema):
    date: datetime.date = Field(
        ..., description="Fecha a la que corresponde el valor.", examples=["2022-12-01"]
    )
    value: float = Field(..., description="Valor acumulado a esa fecha.", examples=[43.0])

    resolve_value = reading("value", then=float)


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

    resolve_id = reading("indicator.public_id")
    resolve_code = reading("indicator.code")
    resolve_name = reading("indicator.name")
    resolve_description = reading("indicator.description")
    resolve_unit = reading("indicator.unit")
    resolve_commitment = reading("indicator.commitment.public_id")
    resolve_commitment_code = reading("indicator.commitment.code")
    resolve_source = reading("indicator.source")
    resolve_by_municipality = reading("indicator.by_municipality")
    resolve_baseline = reading("indicator.baseline", then=float)
    resolve_baseline_date = reading("indicator.baseline_date")
    resolve_target = reading("indicator.target", then=_number)
    resolve_target_date = reading("indicator.target_date")

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
