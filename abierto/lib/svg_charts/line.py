"""Line and step charts of dated series, with their geometry computed apart for testing."""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .svg import (
    ACCENT,
    BRAND,
    CHAR_WIDTH,
    GRID,
    TARGET,
    TRACK_EDGE,
    _no_data,
    _text,
    element,
    finite,
    nice_ceiling,
    num,
    safe_id,
    svg_document,
    text_node,
    thousands,
)

LINE_WIDTH = 420
LINE_HEIGHT = 280
LINE_MARGIN = {"top": 40, "right": 20, "bottom": 40, "left": 40}  # left: the least
LINE_FONT = 15
MAX_Y_TICKS = 4
# Past this many points a marker on each would blur into a dotted line: only the last one
# is marked; past MAX_LISTED the description summarises the series instead of reading it out.
MAX_MARKERS = 24
MAX_LISTED = 12


def _iso(day: datetime.date) -> str:
    return day.isoformat()


@dataclass(frozen=True)
class LineGeometry:
    """Where values land: x by day, y by value, both in viewBox units; ``ticks`` are the
    values of the y axis's grid lines, from ``y_min`` to ``y_max``."""

    first_day: datetime.date
    span_days: int
    y_min: float
    y_max: float
    ticks: tuple[float, ...]
    left: float = LINE_MARGIN["left"]

    @property
    def plot_width(self) -> float:
        return LINE_WIDTH - self.left - LINE_MARGIN["right"]

    @property
    def plot_height(self) -> float:
        return LINE_HEIGHT - LINE_MARGIN["top"] - LINE_MARGIN["bottom"]

    def x(self, day: datetime.date) -> float:
        if self.span_days == 0:
            return self.left + self.plot_width / 2
        share = (day - self.first_day).days / self.span_days
        return self.left + share * self.plot_width

    def y(self, value: float) -> float:
        share = (value - self.y_min) / (self.y_max - self.y_min)
        return LINE_MARGIN["top"] + (1 - share) * self.plot_height


def line_geometry(
    days: Sequence[datetime.date], values: Sequence[float], *, target: float | None = None
) -> LineGeometry:
    """The scales of a line chart: every day and value, and the target, fit in the plot,
    whose value axis runs between multiples of a round step (at most MAX_Y_TICKS of them)."""
    first, last = min(days), max(days)
    reach = [*values, *([target] if target is not None else [])]
    low, high = min(0.0, *reach), max(0.0, *reach)
    step = nice_ceiling((high - low) / MAX_Y_TICKS) if high > low else 1.0
    y_min = math.floor(low / step) * step
    y_max = math.ceil(high / step) * step
    if y_max <= y_min:
        y_max = y_min + step
    count = round((y_max - y_min) / step)
    ticks = tuple(y_min + step * index for index in range(count + 1))
    return LineGeometry(
        first_day=first, span_days=(last - first).days, y_min=y_min, y_max=y_max, ticks=ticks
    )


def line_chart(
    points: Sequence[tuple[datetime.date, float]],
    *,
    title: str,
    desc: str = "",
    chart_id: str = "serie",
    target: float | None = None,
    target_date: datetime.date | None = None,
    target_label: str = "Meta",
    series_label: str = "Valor",
    step: bool = False,
    date_label: Callable[[datetime.date], str] = _iso,
    value_label: Callable[[float], str] = thousands,
    empty_message: str = "Sin datos",
) -> str:
    """A dated series as a line (or a step line, for counts that change on a date), with the
    target as a dashed horizontal line, marked at ``target_date`` when one is given.

    Points are drawn in date order; values are clamped to ±MAX_MAGNITUDE and points whose
    value is not a number are left out. Without ``desc`` the description lists the points
    (or, for a long series, its first and last) and the target.
    """
    chart_id = safe_id(chart_id)
    series = sorted(
        ((day, finite(value)) for day, value in points if not math.isnan(float(value))),
        key=lambda point: point[0],
    )
    goal = finite(target) if target is not None and not math.isnan(float(target)) else None
    if not series:
        return _no_data(chart_id, title, empty_message, LINE_WIDTH)
    days = [day for day, _value in series]
    if target_date is not None and goal is not None:
        days.append(target_date)
    geometry = line_geometry(days, [value for _day, value in series], target=goal)
    # Room at the left for the longest value label (figures are about 0.6 em wide).
    longest = max(len(value_label(tick)) for tick in geometry.ticks)
    left = min(LINE_WIDTH / 3, max(LINE_MARGIN["left"], longest * LINE_FONT * 0.6 + 12))
    geometry = replace(geometry, left=left)
    right = LINE_WIDTH - LINE_MARGIN["right"]
    bottom = LINE_HEIGHT - LINE_MARGIN["bottom"]
    body: list[str] = []

    # Grid and y axis labels.
    for value in geometry.ticks:
        y = geometry.y(value)
        body.append(
            element(
                "line",
                {
                    "x1": num(left),
                    "x2": num(right),
                    "y1": num(y),
                    "y2": num(y),
                    "stroke": TRACK_EDGE if value == 0 else GRID,
                    "stroke-width": 1,
                },
            )
        )
        body.append(
            _text(left - 8, y + 5, value_label(value), font_size=LINE_FONT, text_anchor="end")
        )

    # x axis: the first and last day (the last is the target's when there is one).
    first_day, last_day = min(days), max(days)
    body.append(
        _text(
            left if first_day != last_day else geometry.x(first_day),
            bottom + 22,
            date_label(first_day),
            font_size=LINE_FONT,
            text_anchor="start" if first_day != last_day else "middle",
        )
    )
    if last_day != first_day:
        body.append(
            _text(right, bottom + 22, date_label(last_day), font_size=LINE_FONT, text_anchor="end")
        )

    # The target.
    if goal is not None:
        y_goal = geometry.y(goal)
        body.append(
            element(
                "line",
                {
                    "class": "chart-target",
                    "x1": num(left),
                    "x2": num(right),
                    "y1": num(y_goal),
                    "y2": num(y_goal),
                    "stroke": TARGET,
                    "stroke-width": 2,
                    "stroke-dasharray": "6 4",
                    "data-value": num(goal),
                },
            )
        )
        if target_date is not None:
            x_goal = geometry.x(target_date)
            body.append(
                element(
                    "path",
                    {
                        "d": f"M{num(x_goal)} {num(y_goal - 7)}l7 7l-7 7l-7 -7z",
                        "fill": ACCENT,
                        "stroke": TARGET,
                        "stroke-width": 2,
                    },
                    element(
                        "title",
                        {},
                        text_node(
                            f"{target_label}: {value_label(goal)} ({date_label(target_date)})"
                        ),
                    ),
                )
            )

    # The series.
    coords = [(geometry.x(day), geometry.y(value)) for day, value in series]
    path = f"M{num(coords[0][0])} {num(coords[0][1])}"
    for x, y in coords[1:]:
        path += f"H{num(x)}V{num(y)}" if step else f"L{num(x)} {num(y)}"
    body.append(
        element(
            "path",
            {
                "class": "chart-line",
                "d": path,
                "fill": "none",
                "stroke": BRAND,
                "stroke-width": 3,
                "stroke-linejoin": "round",
            },
        )
    )
    marked = list(zip(series, coords, strict=True))
    if len(marked) > MAX_MARKERS:
        marked = marked[-1:]
    for (day, value), (x, y) in marked:
        body.append(
            element(
                "circle",
                {
                    "class": "chart-point",
                    "cx": num(x),
                    "cy": num(y),
                    "r": 4.5,
                    "fill": BRAND,
                    "stroke": "#fff",
                    "stroke-width": 1.5,
                    "data-value": num(value),
                },
                element("title", {}, text_node(f"{date_label(day)}: {value_label(value)}")),
            )
        )

    # Legend, above the plot.
    body.append(
        element(
            "line",
            {"x1": 0, "x2": 24, "y1": 14, "y2": 14, "stroke": BRAND, "stroke-width": 3},
        )
    )
    body.append(_text(30, 19, series_label, font_size=LINE_FONT))
    if goal is not None:
        legend_x = 30 + len(series_label) * LINE_FONT * CHAR_WIDTH + 24
        body.append(
            element(
                "line",
                {
                    "x1": num(legend_x),
                    "x2": num(legend_x + 24),
                    "y1": 14,
                    "y2": 14,
                    "stroke": TARGET,
                    "stroke-width": 2,
                    "stroke-dasharray": "6 4",
                },
            )
        )
        body.append(
            _text(legend_x + 30, 19, f"{target_label}: {value_label(goal)}", font_size=LINE_FONT)
        )

    if not desc and len(series) > MAX_LISTED:
        (first, first_value), (last, last_value) = series[0], series[-1]
        desc = (
            f"{series_label}: {len(series)} valores, del {date_label(first)} "
            f"({value_label(first_value)}) al {date_label(last)} ({value_label(last_value)})."
        )
        if goal is not None:
            when = f" ({date_label(target_date)})" if target_date is not None else ""
            desc += f" {target_label}: {value_label(goal)}{when}."
    elif not desc:
        listed = "; ".join(f"{date_label(day)}: {value_label(value)}" for day, value in series)
        desc = f"{series_label}. {listed}."
        if goal is not None:
            when = f" ({date_label(target_date)})" if target_date is not None else ""
            desc += f" {target_label}: {value_label(goal)}{when}."
    return svg_document(
        chart_id=chart_id,
        width=LINE_WIDTH,
        height=LINE_HEIGHT,
        title=title,
        desc=desc,
        body=body,
        css_class="chart chart-line",
    )
