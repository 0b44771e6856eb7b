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

The package: ``svg`` (palette, safe XML, the document, wrapping), ``progress``, ``line``
and ``bar``; the charts themselves are importable from ``abierto.lib.svg_charts``.
"""

from .bar import bar_chart
from .line import MAX_LISTED, line_chart, line_geometry
from .progress import Progress, progress_bars

__all__ = ["MAX_LISTED", "Progress", "bar_chart", "line_chart", "line_geometry", "progress_bars"]
