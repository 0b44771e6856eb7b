"""Column charts of labelled values."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .svg import (
    BRAND,
    BRAND_DARK,
    CHAR_WIDTH,
    TRACK_EDGE,
    _no_data,
    _text,
    clean_text,
    element,
    finite,
    nice_ceiling,
    num,
    safe_id,
    svg_document,
    text_node,
    thousands,
    wrap,
)

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
