"""Server-drawn SVG charts: valid XML, accessible names, values that become geometry."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from abierto.lib.svg_charts.bar import bar_chart
from abierto.lib.svg_charts.line import (
    LINE_HEIGHT,
    LINE_MARGIN,
    LINE_WIDTH,
    line_chart,
    line_geometry,
)
from abierto.lib.svg_charts.progress import (
    PROGRESS_FONT,
    PROGRESS_VALUE_SPACE,
    PROGRESS_WIDTH,
    Progress,
    progress_bars,
)
from abierto.lib.svg_charts.svg import BRAND, nice_ceiling, percent, safe_id, thousands, wrap

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg):
    return ET.fromstring(svg)


def find_all(root, tag, css_class=None):
    found = root.iter(f"{SVG}{tag}")
    if css_class is None:
        return list(found)
    return [node for node in found if css_class in node.get("class", "").split()]


def assert_accessible(root, title):
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    (title_node,) = [n for n in root if n.tag == f"{SVG}title"]
    (desc_node,) = [n for n in root if n.tag == f"{SVG}desc"]
    assert title_node.get("id") == title_id
    assert desc_node.get("id") == desc_id
    assert title_node.text == title
    assert desc_node.text
    assert root.get("width") == "100%"
    assert re.fullmatch(r"0 0 [\d.]+ [\d.]+", root.get("viewBox"))


def assert_no_inline_style(svg):
    assert "style=" not in svg
    assert "<style" not in svg
    assert "<script" not in svg


def view_box(root):
    _x, _y, width, height = (float(n) for n in root.get("viewBox").split())
    return width, height


# Progress bars ----------------------------------------------------------------------------


def test_progress_bars_draw_each_value_as_a_share_of_the_track():
    svg = progress_bars(
        [Progress("Caravanas", 75), Progress("Carnet jurídico", 40), Progress("Ley", 0)],
        title="Avance de los compromisos",
    )
    root = parse(svg)
    assert_accessible(root, "Avance de los compromisos")
    assert_no_inline_style(svg)
    track = PROGRESS_WIDTH - PROGRESS_VALUE_SPACE  # short labels: the least room
    widths = [float(bar.get("width")) for bar in find_all(root, "rect", "chart-bar")]
    assert widths == [pytest.approx(track * share, abs=0.05) for share in (0.75, 0.40, 0)]
    tracks = find_all(root, "rect", "chart-track")
    assert {float(t.get("width")) for t in tracks} == {track}
    assert {bar.get("fill") for bar in find_all(root, "rect", "chart-bar")} == {BRAND}


def test_progress_values_are_clamped_to_0_and_100():
    root = parse(
        progress_bars(
            [Progress("a", -20), Progress("b", 250), Progress("c", float("nan"))], title="t"
        )
    )
    assert [bar.get("data-value") for bar in find_all(root, "rect", "chart-bar")] == [
        "0",
        "100",
        "0",
    ]


def test_progress_description_lists_every_label_with_its_value():
    root = parse(progress_bars([Progress("Caravanas", 72.5), Progress("Ley", 100)], title="t"))
    desc = root.find(f"{SVG}desc").text
    assert desc == "Caravanas: 72.5 %; Ley: 100 %."


def test_a_given_value_label_is_shown_as_is_with_room_for_it():
    root = parse(progress_bars([Progress("Municipios", 34.4, "43 de 125")], title="t"))
    (label,) = [t for t in root.iter(f"{SVG}text") if t.text == "43 de 125"]
    (track,) = find_all(root, "rect", "chart-track")
    room = PROGRESS_WIDTH - float(track.get("width"))
    assert room >= len("43 de 125") * PROGRESS_FONT * 0.62
    assert label.get("text-anchor") == "end"


def test_long_labels_wrap_and_keep_the_whole_text_in_their_title():
    label = "Fortalecer y ampliar el programa de justicia itinerante " * 4
    root = parse(progress_bars([Progress(label, 50)], title="t", max_label_lines=2))
    group = find_all(root, "g", "chart-item")[0]
    lines = [t.text for t in group.iter(f"{SVG}text")][:-1]
    assert len(lines) == 2
    assert lines[-1].endswith("…")
    assert group.find(f"{SVG}title").text.startswith(label.strip())


def test_text_is_escaped_and_stripped_of_characters_xml_forbids():
    evil = '<script>alert("x")</script> & \x00\x1b'
    svg = progress_bars([Progress(evil, 10)], title=evil, desc=evil)
    root = parse(svg)
    assert "<script" not in svg
    assert root.find(f"{SVG}title").text == '<script>alert("x")</script> & '


def test_chart_ids_are_made_safe_for_xml_and_unique_per_chart():
    root = parse(progress_bars([Progress("a", 1)], title="t", chart_id='c1" onload="x'))
    assert root.get("id") == "c1--onload--x"
    assert safe_id("15106") == "chart-15106"
    assert safe_id("") == "chart"


def test_no_items_is_a_small_chart_saying_so():
    root = parse(progress_bars([], title="Avance", empty_message="Sin compromisos"))
    assert_accessible(root, "Avance")
    assert root.find(f"{SVG}desc").text == "Sin compromisos"


# Line chart --------------------------------------------------------------------------------

SERIES = [
    (datetime.date(2021, 3, 1), 10),
    (datetime.date(2022, 6, 1), 43),
    (datetime.date(2021, 9, 1), 25),
]


def test_line_chart_draws_points_in_date_order_with_the_target_line():
    svg = line_chart(SERIES, title="Municipios visitados", target=125)
    root = parse(svg)
    assert_accessible(root, "Municipios visitados")
    assert_no_inline_style(svg)
    points = find_all(root, "circle", "chart-point")
    assert [p.get("data-value") for p in points] == ["10", "25", "43"]
    xs = [float(p.get("cx")) for p in points]
    ys = [float(p.get("cy")) for p in points]
    assert xs == sorted(xs)
    assert xs[0] == LINE_MARGIN["left"]
    assert ys == sorted(ys, reverse=True)  # larger values are higher up
    (target,) = find_all(root, "line", "chart-target")
    assert float(target.get("y1")) < min(ys)
    assert target.get("stroke-dasharray")


def test_values_map_to_heights_on_a_round_axis():
    geometry = line_geometry([d for d, _v in SERIES], [v for _d, v in SERIES], target=125)
    assert geometry.y_min == 0
    assert geometry.y_max == 150
    assert geometry.ticks == (0, 50, 100, 150)
    bottom = LINE_HEIGHT - LINE_MARGIN["bottom"]
    assert geometry.y(0) == bottom
    assert geometry.y(150) == LINE_MARGIN["top"]
    assert geometry.y(75) == (bottom + LINE_MARGIN["top"]) / 2


def test_a_target_date_stretches_the_time_axis_and_is_marked():
    svg = line_chart(
        SERIES,
        title="t",
        target=125,
        target_date=datetime.date(2023, 9, 30),
        date_label=lambda day: day.strftime("%m/%Y"),
    )
    root = parse(svg)
    last_point = find_all(root, "circle", "chart-point")[-1]
    assert float(last_point.get("cx")) < LINE_WIDTH - LINE_MARGIN["right"] - 50
    assert "09/2023" in svg
    assert "Meta: 125 (09/2023)" in root.find(f"{SVG}desc").text


def test_a_step_chart_moves_horizontally_then_vertically():
    root = parse(line_chart(SERIES, title="t", step=True))
    (path,) = find_all(root, "path", "chart-line")
    assert re.fullmatch(r"M[\d.]+ [\d.]+(H[\d.]+V[\d.]+){2}", path.get("d"))


def test_a_single_point_sits_in_the_middle():
    root = parse(line_chart([(datetime.date(2022, 1, 1), 5)], title="t"))
    (point,) = find_all(root, "circle", "chart-point")
    width, _height = view_box(root)
    middle = LINE_MARGIN["left"] + (width - LINE_MARGIN["left"] - LINE_MARGIN["right"]) / 2
    assert float(point.get("cx")) == middle


def test_the_value_axis_makes_room_for_its_widest_label():
    root = parse(line_chart([(datetime.date(2022, 1, 1), 113_000)], title="t"))
    labels = [t for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert [t.text for t in labels] == ["0", "50,000", "100,000", "150,000"]
    widest = labels[-1]
    assert float(widest.get("x")) >= len("150,000") * 15 * 0.6
    (point,) = find_all(root, "circle", "chart-point")
    assert float(point.get("cx")) > float(widest.get("x"))


def test_a_long_series_marks_its_last_point_and_is_summarised():
    start = datetime.date(2022, 1, 3)
    points = [(start + datetime.timedelta(weeks=n), n + 1) for n in range(43)]
    root = parse(line_chart(points, title="t", series_label="Municipios", target=125, step=True))
    (marker,) = find_all(root, "circle", "chart-point")
    assert marker.get("data-value") == "43"
    desc = root.find(f"{SVG}desc").text
    assert desc == "Municipios: 43 valores, del 2022-01-03 (1) al 2022-10-24 (43). Meta: 125."


def test_an_empty_series_says_so():
    root = parse(line_chart([], title="t", empty_message="Aún sin mediciones"))
    assert root.find(f"{SVG}desc").text == "Aún sin mediciones"


# Column chart ---------------------------------------------------------------------------------


def test_bar_heights_are_proportional_to_values():
    svg = bar_chart([("2021", 12), ("2022", 30), ("2023", 6)], title="Actividades por año")
    root = parse(svg)
    assert_accessible(root, "Actividades por año")
    assert_no_inline_style(svg)
    heights = [float(bar.get("height")) for bar in find_all(root, "rect", "chart-bar")]
    assert heights[1] == pytest.approx(2.5 * heights[0], abs=0.2)
    assert heights[0] == pytest.approx(2 * heights[2], abs=0.2)
    assert root.find(f"{SVG}desc").text == "2021: 12; 2022: 30; 2023: 6."


def test_negative_columns_are_drawn_as_zero():
    root = parse(bar_chart([("a", -5), ("b", 5)], title="t"))
    assert [b.get("height") for b in find_all(root, "rect", "chart-bar")] == [
        "0",
        "168",
    ]  # the whole plot


# Helpers -----------------------------------------------------------------------------------------


def test_numbers_are_written_the_mexican_way():
    assert thousands(113000) == "113,000"
    assert thousands(12.5) == "12.5"
    assert percent(72.456) == "72.5 %"


def test_nice_ceiling_rounds_up_to_round_numbers():
    assert [nice_ceiling(v) for v in (0, 0.3, 7, 31.25, 125, 1000)] == [1, 0.5, 10, 50, 200, 1000]


def test_wrap_never_exceeds_the_line_length():
    lines = wrap("uno dos tres cuatro cinco seis siete", max_chars=9, max_lines=10)
    assert lines == ["uno dos", "tres", "cuatro", "cinco", "seis", "siete"]
    assert wrap("supercalifragilístico", max_chars=5, max_lines=9)[0] == "super"


# Properties --------------------------------------------------------------------------------------

values = st.floats(allow_nan=True, allow_infinity=True)
texts = st.text(max_size=200)
days = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2200, 1, 1))


@given(st.lists(st.tuples(texts, values), max_size=12), texts)
def test_progress_bars_never_raise_and_are_always_xml(items, title):
    root = parse(progress_bars([Progress(label, value) for label, value in items], title=title))
    width, height = view_box(root)
    for bar in find_all(root, "rect", "chart-bar"):
        assert 0 <= float(bar.get("width")) <= width
        assert 0 <= float(bar.get("y")) <= height


@given(
    st.lists(st.tuples(days, values), max_size=20),
    st.one_of(st.none(), values),
    st.one_of(st.none(), days),
    st.booleans(),
    texts,
)
def test_line_charts_never_raise_and_stay_in_their_box(points, target, target_date, step, title):
    root = parse(line_chart(points, title=title, target=target, target_date=target_date, step=step))
    width, height = view_box(root)
    for point in find_all(root, "circle", "chart-point"):
        assert 0 <= float(point.get("cx")) <= width
        assert 0 <= float(point.get("cy")) <= height


@given(st.lists(st.tuples(texts, values), max_size=30), texts)
def test_bar_charts_never_raise_and_stay_in_their_box(items, title):
    root = parse(bar_chart(items, title=title))
    width, height = view_box(root)
    for bar in find_all(root, "rect", "chart-bar"):
        assert 0 <= float(bar.get("x")) <= width
        assert 0 <= float(bar.get("y")) <= height
