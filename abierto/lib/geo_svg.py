"""Maps as SVG strings: GeoJSON (Multi)Polygons projected to path data, and a choropleth.

The projection is equirectangular with the longitudes shrunk by the cosine of the map's
middle latitude, which keeps shapes true at the scale of a state; it is fitted into the
viewBox with a margin and rounded to one decimal. One ``<path>`` per feature, keyed by a
property (INEGI's ``cve_mun`` for the municipalities), holes drawn with ``evenodd``.

Like ``svg_charts``: an ``<svg role="img">`` named and described, presentation attributes
instead of ``style=``, text cleaned and escaped; each area has a ``<title>`` (its name and
value) for pointer users, and pages give a table beside the map.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from abierto.lib.svg_charts.svg import (
    BRAND,
    TEXT,
    clean_text,
    element,
    finite,
    num,
    safe_id,
    svg_document,
    text_node,
    thousands,
)

MAP_WIDTH = 600
MAP_MARGIN = 8
# From the accent to the brand: light for few, dark for many. The areas are told apart by
# the legend, their titles and the table beside the map, not by colour alone.
RAMP = ("#f0d68f", "#dca85e", "#b96b4f", "#913b46", BRAND)
NO_DATA = "#ffffff"
BORDER = "#55555a"
LEGEND_FONT = 26  # the map is 600 wide: about 15 px on a phone
LEGEND_ROW = 38
LEGEND_SWATCH = 28
EN_DASH = "\u2013"  # between the ends of a range, as typography wants

Position = Sequence[float]
Ring = Sequence[Position]


@dataclass(frozen=True)
class Shape:
    """One feature as SVG path data."""

    key: str
    name: str
    d: str


@dataclass(frozen=True)
class ProjectedMap:
    """Features projected into a ``width`` by ``height`` viewBox."""

    width: float
    height: float
    shapes: tuple[Shape, ...]


def load_features(path: str | Path) -> list[Mapping[str, Any]]:
    """The features of a GeoJSON FeatureCollection file."""
    with open(path, encoding="utf-8") as handle:
        return features_of(json.load(handle))


def features_of(collection: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    if collection.get("type") != "FeatureCollection" or not isinstance(
        collection.get("features"), list
    ):
        raise ValueError("Se esperaba una FeatureCollection de GeoJSON.")
    return list(collection["features"])


def _polygons(geometry: Mapping[str, Any]) -> list[Sequence[Ring]]:
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates")
    if kind == "Polygon":
        return [coordinates] if coordinates else []
    if kind == "MultiPolygon":
        return list(coordinates or [])
    raise ValueError(f"Geometría no admitida: {kind!r} (solo Polygon y MultiPolygon).")


def _positions(features: Iterable[Mapping[str, Any]]) -> Iterable[tuple[float, float]]:
    for feature in features:
        for polygon in _polygons(feature.get("geometry") or {}):
            for ring in polygon:
                for position in ring:
                    yield float(position[0]), float(position[1])


@dataclass(frozen=True)
class Projection:
    """Longitude and latitude to viewBox units."""

    west: float
    north: float
    cos_lat: float
    scale: float
    margin: float

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        return (
            self.margin + (lon - self.west) * self.cos_lat * self.scale,
            self.margin + (self.north - lat) * self.scale,
        )


def fit_projection(
    features: Sequence[Mapping[str, Any]], *, width: float = MAP_WIDTH, margin: float = MAP_MARGIN
) -> tuple[Projection, float]:
    """The projection that fits every feature into ``width``, and the height it needs."""
    positions = list(_positions(features))
    if not positions:
        raise ValueError("Las geometrías no tienen coordenadas.")
    lons = [lon for lon, _lat in positions]
    lats = [lat for _lon, lat in positions]
    if not all(math.isfinite(value) for value in (*lons, *lats)):
        raise ValueError("Coordenadas no finitas.")
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    if south < -90 or north > 90:
        raise ValueError("Latitud fuera de -90 a 90.")
    # Near a pole the correction would flatten the map to a line.
    cos_lat = max(0.05, math.cos(math.radians((north + south) / 2)))
    span_x = (east - west) * cos_lat
    span_y = north - south
    inner = width - 2 * margin
    scale = inner / span_x if span_x > 0 else (inner / span_y if span_y > 0 else 1.0)
    height = span_y * scale + 2 * margin
    if span_y > 0 and height > 2 * width:  # a very tall map is fitted to twice its width
        scale = (2 * width - 2 * margin) / span_y
        height = 2 * width
    projection = Projection(west=west, north=north, cos_lat=cos_lat, scale=scale, margin=margin)
    return projection, math.ceil(height)


def path_data(polygons: Iterable[Sequence[Ring]], projection: Projection) -> str:
    """``M x y L x y … Z`` per ring, at one decimal, without repeated points."""
    parts: list[str] = []
    for polygon in polygons:
        for ring in polygon:
            points: list[str] = []
            for position in ring:
                x, y = projection.point(float(position[0]), float(position[1]))
                point = f"{num(x)} {num(y)}"
                if not points or points[-1] != point:
                    points.append(point)
            if len(points) > 1 and points[0] == points[-1]:
                points.pop()
            if len(points) >= 3:
                parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


def project(
    features: Sequence[Mapping[str, Any]],
    *,
    key_property: str = "cve_mun",
    name_property: str = "nombre",
    width: float = MAP_WIDTH,
    margin: float = MAP_MARGIN,
) -> ProjectedMap:
    """Every feature as a ``Shape`` keyed by ``key_property``, in its input order."""
    projection, height = fit_projection(features, width=width, margin=margin)
    shapes = []
    for feature in features:
        properties = feature.get("properties") or {}
        key = str(properties.get(key_property, ""))
        if not key:
            raise ValueError(f"Un elemento no tiene la propiedad {key_property!r}.")
        name = str(properties.get(name_property) or key)
        shapes.append(
            Shape(key=key, name=name, d=path_data(_polygons(feature["geometry"]), projection))
        )
    return ProjectedMap(width=width, height=height, shapes=tuple(shapes))


# Choropleth -----------------------------------------------------------------------------------


def _count_label(value: float) -> str:
    return thousands(value)


@dataclass(frozen=True)
class ChoroplethLabels:
    """The words of a choropleth, to be given translated by the caller."""

    title: str = "Mapa"
    desc: str = ""
    legend_title: str = "Valor"
    no_data: str = "Sin datos"
    value: Callable[[float], str] = field(default=_count_label)
    # The ranges of the legend, whose title names the unit: «1», «2 a 3» (numbers only).
    legend_value: Callable[[float], str] = field(default=_count_label)


@dataclass(frozen=True)
class ColourClass:
    """Values from ``low`` to ``high`` (both included) are filled with ``colour``."""

    low: float
    high: float
    colour: str
    label: str


def class_breaks(values: Iterable[float], classes: int = 5) -> list[float]:
    """Upper bounds of up to ``classes`` quantile classes over the positive values; when
    there are no more distinct values than classes, each value is a class of its own."""
    positive = sorted(value for value in (finite(v) for v in values) if value > 0)
    distinct = sorted(set(positive))
    count = max(0, min(classes, len(distinct), len(RAMP)))
    if len(distinct) == count:
        return distinct
    breaks: list[float] = []
    for index in range(1, count + 1):
        bound = positive[math.ceil(index * len(positive) / count) - 1]
        if not breaks or bound > breaks[-1]:
            breaks.append(bound)
    return breaks


def colour_classes(
    values: Iterable[float], classes: int = 5, *, value_label: Callable[[float], str] = thousands
) -> list[ColourClass]:
    """The legend: each quantile class with its colour, spread over the ramp, and its range."""
    values = list(values)
    breaks = class_breaks(values, classes)
    if not breaks:
        return []
    positive = [v for v in (finite(v) for v in values) if v > 0]
    whole = all(float(v).is_integer() for v in positive)
    if len(breaks) == 1:
        colours = [RAMP[-1]]
    else:
        colours = [RAMP[round(i * (len(RAMP) - 1) / (len(breaks) - 1))] for i in range(len(breaks))]
    result = []
    low = min(positive)
    for high, colour in zip(breaks, colours, strict=True):
        if low == high:
            label = value_label(high)
        else:
            label = f"{value_label(low)}{EN_DASH}{value_label(high)}"
        result.append(ColourClass(low=low, high=high, colour=colour, label=label))
        low = high + 1 if whole else high
    return result


def colour_for(value: float | None, legend: Sequence[ColourClass]) -> str:
    number = finite(value)
    if number <= 0:
        return NO_DATA
    for colour_class in legend:
        if number <= colour_class.high:
            return colour_class.colour
    return legend[-1].colour if legend else NO_DATA


def choropleth_svg(
    features: Sequence[Mapping[str, Any]] | ProjectedMap,
    values: Mapping[str, float],
    *,
    classes: int = 5,
    labels: ChoroplethLabels | None = None,
    chart_id: str = "mapa",
    id_prefix: str = "mun-",
    key_property: str = "cve_mun",
    name_property: str = "nombre",
    link_prefix: str | None = None,
) -> str:
    """Areas shaded by ``values`` (keyed like the features), in quantile classes, with a
    legend below the map. Areas without a positive value take the "no data" fill.

    Each area is ``<path id="mun-15106" data-key="15106" data-value="3">`` with a
    ``<title>`` "Toluca: 3". Without ``labels.desc`` the description says how many areas
    have a value and names the highest.

    With ``link_prefix`` (e.g. ``"#municipio-"``) each area is also a link to
    ``link_prefix + key``, so a tap on a phone, where nothing hovers, leads somewhere (the
    row of a table with its figures). The links are for the pointer only (``tabindex=-1``;
    the map is one image to assistive technology): the table is the keyboard's way.
    """
    labels = labels or ChoroplethLabels()
    chart_id = safe_id(chart_id)
    projected = (
        features
        if isinstance(features, ProjectedMap)
        else project(features, key_property=key_property, name_property=name_property)
    )
    numbers = {key: finite(value) for key, value in values.items()}
    legend = colour_classes(numbers.values(), classes, value_label=labels.legend_value)
    areas = []
    for shape in projected.shapes:
        value = numbers.get(shape.key)
        shown = labels.value(value) if value is not None and value > 0 else labels.no_data
        areas.append(
            element(
                "path",
                {
                    "id": safe_id(f"{id_prefix}{shape.key}", default="area"),
                    "class": "map-area",
                    "data-key": shape.key,
                    "data-value": num(value) if value is not None else "",
                    "d": shape.d,
                    "fill": colour_for(value, legend),
                    "fill-rule": "evenodd",
                    "stroke": BORDER,
                    "stroke-width": 0.5,
                    "stroke-linejoin": "round",
                },
                element("title", {}, text_node(f"{shape.name}: {shown}")),
            )
        )
        if link_prefix is not None:
            areas[-1] = element(
                "a", {"href": f"{link_prefix}{shape.key}", "tabindex": -1}, areas[-1]
            )
    body = [element("g", {"class": "map-areas"}, "".join(areas))]

    # Legend: a row per class, then "no data".
    rows = [(c.colour, c.label) for c in legend] + [(NO_DATA, labels.no_data)]
    y = projected.height + 12
    legend_parts = [
        element(
            "text",
            {
                "x": 0,
                "y": num(y + LEGEND_FONT),
                "font-size": LEGEND_FONT,
                "font-weight": 700,
                "fill": TEXT,
            },
            text_node(labels.legend_title),
        )
    ]
    y += LEGEND_ROW + 6
    for colour, label in rows:
        legend_parts.append(
            element(
                "rect",
                {
                    "x": 0,
                    "y": num(y),
                    "width": LEGEND_SWATCH,
                    "height": LEGEND_SWATCH,
                    "fill": colour,
                    "stroke": BORDER,
                    "stroke-width": 1,
                },
            )
        )
        legend_parts.append(
            element(
                "text",
                {
                    "x": LEGEND_SWATCH + 10,
                    "y": num(y + LEGEND_SWATCH - 4),
                    "font-size": LEGEND_FONT,
                    "fill": TEXT,
                },
                text_node(label),
            )
        )
        y += LEGEND_ROW
    body.append(element("g", {"class": "map-legend"}, "".join(legend_parts)))

    desc = labels.desc or _describe(projected, numbers, labels)
    return svg_document(
        chart_id=chart_id,
        width=projected.width,
        height=y + 4,
        title=labels.title,
        desc=desc,
        body=body,
        css_class="chart chart-map",
    )


def _describe(
    projected: ProjectedMap, numbers: Mapping[str, float], labels: ChoroplethLabels
) -> str:
    names = {shape.key: shape.name for shape in projected.shapes}
    shaded = [(value, names[key]) for key, value in numbers.items() if key in names and value > 0]
    text = f"{len(shaded)} de {len(projected.shapes)} con datos."
    if shaded:
        value, name = max(shaded, key=lambda pair: (pair[0], pair[1]))
        text += f" Mayor valor: {clean_text(name)} ({labels.value(value)})."
    return text
