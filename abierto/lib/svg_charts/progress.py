"""Horizontal progress bars: one labelled bar a value, out of 100 %."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .svg import (
    BRAND,
    BRAND_DARK,
    CHAR_WIDTH,
    TRACK,
    TRACK_EDGE,
    _no_data,
    _text,
    clean_text,
    element,
    finite,
    num,
    percent,
    safe_id,
    svg_document,
    text_node,
    wrap,
)


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
