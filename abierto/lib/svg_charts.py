"""Accessible charts as SVG strings, drawn on the server: no JavaScript, no inline styles.

Every chart is one ``<svg role="img">`` named by its ``<title>`` and described by its
``<desc>``, which lists the values in words: a screen reader announces the chart as one
image, so the description carries the data (pages also give a table beside each chart).
Colours come from the site's palette, with 3:1 contrast at least for every mark that carries
meaning; lines and shapes are drawn with SVG presentation attributes (``fill=``,
``stroke=``, ``font-size=``) because the Content Security Policy refuses ``style=``.
The charts scale with their container (``viewBox``, ``width="100%"``); text sizes are in
viewBox units chosen to be legible on a phone, so a page should cap a chart's width.

Text is never trusted: it is stripped of the characters XML 1.0 forbids and escaped.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape, quoteattr

# The site's palette (abierto/static/css/site.css); contrast ratios are against white.
BRAND = "#6b1d3a"  # 11.6:1
BRAND_DARK = "#4a1428"
ACCENT = "#e8c36a"  # 1.7:1: a fill with a dark outline, never a mark alone
TEXT = "#1d1d1f"
MUTED = "#55555a"  # 7.4:1
TARGET = "#7a4d00"  # 7.3:1, the dark amber of the site's pending badges
TRACK = "#f7f4f2"
TRACK_EDGE = "#767676"  # 4.5:1: the outline tells where 100 % ends
GRID = "#d6d3d1"  # decorative only
FONT_FAMILY = "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, DejaVu Sans, sans-serif"

# Values beyond this are drawn at this size: enough for any count the plan publishes, and far
# from the overflow of float arithmetic.
MAX_MAGNITUDE = 1e12
# Average advance of a character, as a share of the font size, to wrap and cut labels.
CHAR_WIDTH = 0.55

_XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ID_FORBIDDEN = re.compile(r"[^A-Za-z0-9_-]")


# XML helpers, shared with geo_svg -----------------------------------------------------------


def clean_text(value: object) -> str:
    """``value`` as text that XML 1.0 accepts (its forbidden characters dropped)."""
    return _XML_FORBIDDEN.sub("", str(value))


def text_node(value: object) -> str:
    """Escaped character data."""
    return escape(clean_text(value))


def attr(value: object) -> str:
    """A quoted, escaped attribute value, quotes included."""
    return quoteattr(clean_text(value))


def safe_id(value: str, *, default: str = "chart") -> str:
    """An XML id: letters, digits, ``_`` and ``-``, starting with a letter."""
    cleaned = _ID_FORBIDDEN.sub("-", value).strip("-")
    if not cleaned:
        return default
    return cleaned if cleaned[0].isalpha() else f"{default}-{cleaned}"


def num(value: float) -> str:
    """A coordinate with one decimal at most: ``12``, ``12.5``, never ``-0``."""
    text = f"{round(value, 1):.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def finite(value: float | int | None, *, default: float = 0.0) -> float:
    """``value`` as a float clamped within ±MAX_MAGNITUDE; ``default`` for None and NaN."""
    if value is None:
        return default
    number = float(value)
    if math.isnan(number):
        return default
    return max(-MAX_MAGNITUDE, min(MAX_MAGNITUDE, number))


def thousands(value: float) -> str:
    """``113000`` → ``113,000`` (the Mexican way), ``12.5`` → ``12.5``: two decimals at most."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def percent(value: float) -> str:
    """``75`` → ``75 %`` (a space before the sign, as Spanish writes it)."""
    return f"{thousands(round(value, 1))} %"


def element(name: str, attrs: Mapping[str, object], children: str = "") -> str:
    """``<name a="1">children</name>``; an empty element closes itself."""
    rendered = "".join(f" {key}={attr(value)}" for key, value in attrs.items() if value is not None)
    if children:
        return f"<{name}{rendered}>{children}</{name}>"
    return f"<{name}{rendered}/>"


def svg_document(
    *,
    chart_id: str,
    width: float,
    height: float,
    title: str,
    desc: str,
    body: Iterable[str],
    css_class: str = "chart",
) -> str:
    """The outer ``<svg>``: an image named by its title and described by its desc."""
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    head = element("title", {"id": title_id}, text_node(title)) + element(
        "desc", {"id": desc_id}, text_node(desc)
    )
    return element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "id": chart_id,
            "class": css_class,
            "role": "img",
            "aria-labelledby": f"{title_id} {desc_id}",
            "viewBox": f"0 0 {num(width)} {num(height)}",
            "width": "100%",
            "preserveAspectRatio": "xMidYMid meet",
            "font-family": FONT_FAMILY,
            "fill": TEXT,
        },
        head + "".join(body),
    )


def wrap(text: str, *, max_chars: int, max_lines: int) -> list[str]:
    """Break ``text`` into lines of ``max_chars`` at most, at spaces where possible; the last
    line ends with an ellipsis when the text does not fit."""
    words = clean_text(text).split()
    lines: list[str] = []
    current = ""
    for word in words:
        while len(word) > max_chars:  # a word longer than a line is cut
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:max_chars])
            word = word[max_chars:]
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= max_chars:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        lines = [*lines[: max_lines - 1], last[: max(0, max_chars - 1)].rstrip() + "…"]
    return lines or [""]


def _text(x: float, y: float, content: str, **attrs: object) -> str:
    names = {key.rstrip("_").replace("_", "-"): value for key, value in attrs.items()}
    return element("text", {"x": num(x), "y": num(y), **names}, text_node(content))


def _no_data(chart_id: str, title: str, message: str, width: float) -> str:
    return svg_document(
        chart_id=chart_id,
        width=width,
        height=60,
        title=title,
        desc=message,
        body=[_text(width / 2, 36, message, font_size=16, text_anchor="middle", fill=MUTED)],
    )


def nice_ceiling(value: float) -> float:
    """The least of 1, 2, 2.5 or 5 times a power of ten that is ``value`` or more; 1 for
    nothing to show."""
    if not value > 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        candidate = step * 10.0**exponent
        if candidate >= value * (1 - 1e-12):
            return candidate
    return 10.0 ** (exponent + 1)  # pragma: no cover - the loop ends at ten


# Progress bars --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """One bar: ``value`` is a percentage, drawn within 0 and 100."""

    label: str
    value: float
    value_label: str = ""


PROGRESS_WIDTH = 420
PROGRESS_FONT = 17
PROGRESS_LINE = 21
PROGRESS_BAR = 18
PROGRESS_GAP = 16
PROGRESS_VALUE_SPACE = 64  # at least; widened for longer value labels


def _clamp_percent(value: float) -> float:
    return max(0.0, min(100.0, finite(value)))


def progress_track(value_labels: Sequence[str]) -> float:
    """The length of the bars' track: the width less room for the longest value label
    (bold figures are about 0.62 em wide), and never less than half the width."""
    longest = max((len(clean_text(label)) for label in value_labels), default=0)
    room = max(PROGRESS_VALUE_SPACE, longest * PROGRESS_FONT * 0.62 + 10)
    return max(PROGRESS_WIDTH / 2, PROGRESS_WIDTH - room)


def progress_bars(
    items: Sequence[Progress],
    *,
    title: str,
    desc: str = "",
    chart_id: str = "avance",
    max_label_lines: int = 3,
    empty_message: str = "Sin datos",
) -> str:
    """One horizontal bar per item, its label above it and its value at its right.

    The bar's length is ``value`` % of the track, whose outline marks 100 %. Labels wrap and,
    past ``max_label_lines``, end in an ellipsis; each item's ``<title>`` keeps the whole
    label. Without ``desc`` the description lists every label with its value.
    """
    chart_id = safe_id(chart_id)
    if not items:
        return _no_data(chart_id, title, empty_message, PROGRESS_WIDTH)
    value_labels = [item.value_label or percent(_clamp_percent(item.value)) for item in items]
    track = progress_track(value_labels)
    max_chars = max(8, int(PROGRESS_WIDTH / (PROGRESS_FONT * CHAR_WIDTH)))
    rows: list[str] = []
    described: list[str] = []
    y = 0.0
    for index, (item, value_label) in enumerate(zip(items, value_labels, strict=True)):
        value = _clamp_percent(item.value)
        described.append(f"{clean_text(item.label)}: {clean_text(value_label)}")
        lines = wrap(item.label, max_chars=max_chars, max_lines=max_label_lines)
        parts = [element("title", {}, text_node(f"{item.label}: {value_label}"))]
        for line in lines:
            y += PROGRESS_LINE
            parts.append(_text(0, y - 4, line, font_size=PROGRESS_FONT))
        bar_y = y + 4
        parts.append(
            element(
                "rect",
                {
                    "class": "chart-track",
                    "x": 0,
                    "y": num(bar_y),
                    "width": num(track),
                    "height": PROGRESS_BAR,
                    "rx": 3,
                    "fill": TRACK,
                    "stroke": TRACK_EDGE,
                    "stroke-width": 1,
                },
            )
        )
        parts.append(
            element(
                "rect",
                {
                    "class": "chart-bar",
                    "x": 0,
                    "y": num(bar_y),
                    "width": num(track * value / 100),
                    "height": PROGRESS_BAR,
                    "rx": 3,
                    "fill": BRAND,
                    "data-value": num(value),
                },
            )
        )
        parts.append(
            _text(
                PROGRESS_WIDTH,
                bar_y + PROGRESS_BAR - 3,
                value_label,
                font_size=PROGRESS_FONT,
                font_weight=700,
                text_anchor="end",
                fill=BRAND_DARK,
            )
        )
        y = bar_y + PROGRESS_BAR + PROGRESS_GAP
        rows.append(element("g", {"class": "chart-item", "data-index": index}, "".join(parts)))
    return svg_document(
        chart_id=chart_id,
        width=PROGRESS_WIDTH,
        height=y - PROGRESS_GAP + 2,
        title=title,
        desc=desc or "; ".join(described) + ".",
        body=rows,
        css_class="chart chart-progress",
    )


# Line and step chart ---------------------------------------------------------------------------

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


# Column chart -----------------------------------------------------------------------------------

BAR_WIDTH = 420
BAR_HEIGHT = 240
BAR_TOP = 28
BAR_BOTTOM = 44
BAR_FONT = 15


def bar_chart(
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    desc: str = "",
    chart_id: str = "barras",
    value_label: Callable[[float], str] = thousands,
    empty_message: str = "Sin datos",
) -> str:
    """A small column chart: one column per item, its value above and its label below
    (cut to the column's width; the item's ``<title>`` keeps it whole). Negative values
    are drawn as zero."""
    chart_id = safe_id(chart_id)
    if not items:
        return _no_data(chart_id, title, empty_message, BAR_WIDTH)
    values = [max(0.0, finite(value)) for _label, value in items]
    top = nice_ceiling(max(values))
    slot = BAR_WIDTH / len(items)
    column = max(1.0, slot * 0.64)
    plot = BAR_HEIGHT - BAR_TOP - BAR_BOTTOM
    baseline = BAR_TOP + plot
    max_chars = max(1, int(slot / (BAR_FONT * CHAR_WIDTH)))
    body: list[str] = []
    for index, ((label, _raw), value) in enumerate(zip(items, values, strict=True)):
        height = plot * value / top
        x = index * slot + (slot - column) / 2
        centre = index * slot + slot / 2
        shown = wrap(label, max_chars=max_chars, max_lines=1)[0]
        parts = [
            element("title", {}, text_node(f"{label}: {value_label(value)}")),
            element(
                "rect",
                {
                    "class": "chart-bar",
                    "x": num(x),
                    "y": num(baseline - height),
                    "width": num(column),
                    "height": num(height),
                    "fill": BRAND,
                    "data-value": num(value),
                },
            ),
            _text(
                centre,
                baseline - height - 6,
                value_label(value),
                font_size=BAR_FONT,
                font_weight=700,
                text_anchor="middle",
                fill=BRAND_DARK,
            ),
            _text(centre, baseline + 20, shown, font_size=BAR_FONT, text_anchor="middle"),
        ]
        body.append(element("g", {"class": "chart-item"}, "".join(parts)))
    body.append(
        element(
            "line",
            {
                "x1": 0,
                "x2": BAR_WIDTH,
                "y1": num(baseline),
                "y2": num(baseline),
                "stroke": TRACK_EDGE,
                "stroke-width": 1,
            },
        )
    )
    if not desc:
        listed = "; ".join(
            f"{clean_text(label)}: {value_label(value)}"
            for (label, _raw), value in zip(items, values, strict=True)
        )
        desc = f"{listed}."
    return svg_document(
        chart_id=chart_id,
        width=BAR_WIDTH,
        height=BAR_HEIGHT,
        title=title,
        desc=desc,
        body=body,
        css_class="chart chart-bars",
    )
