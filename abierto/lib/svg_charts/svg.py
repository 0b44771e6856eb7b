"""The charts' common ground: the site's palette, safe XML text and attributes, the SVG
document with its title and description, word wrapping and round axis ceilings.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
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
