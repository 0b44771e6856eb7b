"""GeoJSON to SVG: the 125 municipalities of the Estado de México as a choropleth."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from abierto.lib.geo_svg import (
    NO_DATA,
    RAMP,
    ChoroplethLabels,
    choropleth_svg,
    class_breaks,
    colour_classes,
    colour_for,
    features_of,
    load_features,
    project,
)

SVG = "{http://www.w3.org/2000/svg}"
GEOJSON = Path(__file__).resolve().parents[2] / "plan" / "data" / "municipios_edomex.geojson"
CODES = [f"15{n:03d}" for n in range(1, 126)]
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@pytest.fixture(scope="module")
def features():
    return load_features(GEOJSON)


def parse(svg):
    return ET.fromstring(svg)


def areas(root):
    return [p for p in root.iter(f"{SVG}path") if p.get("class") == "map-area"]


def square(key, west, south, size=1.0, name=None):
    ring = [[west, south], [west + size, south], [west + size, south + size], [west, south]]
    ring.append([west, south])
    return {
        "type": "Feature",
        "properties": {"cve_mun": key, "nombre": name or key},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def test_the_map_has_one_path_per_municipality_keyed_by_its_inegi_code(features):
    root = parse(choropleth_svg(features, {}))
    paths = areas(root)
    assert len(paths) == 125
    assert sorted(p.get("data-key") for p in paths) == CODES
    assert {p.get("id") for p in paths} == {f"mun-{code}" for code in CODES}


def test_every_path_lies_inside_the_viewbox(features):
    root = parse(choropleth_svg(features, {"15106": 12}))
    _x, _y, width, height = (float(n) for n in root.get("viewBox").split())
    for path in areas(root):
        d = path.get("d")
        assert re.fullmatch(r"(M[-\d. L]+Z)+", d), d[:80]
        numbers = [float(n) for n in NUMBER.findall(d)]
        xs, ys = numbers[0::2], numbers[1::2]
        assert min(xs) >= 0
        assert max(xs) <= width
        assert min(ys) >= 0
        assert max(ys) <= height
        assert all(len(n.split(".")[-1]) <= 1 for n in NUMBER.findall(d) if "." in n)


def test_the_projection_fills_the_width_within_the_margin(features):
    projected = project(features, width=600, margin=8)
    xs = [float(n) for shape in projected.shapes for n in NUMBER.findall(shape.d)[0::2]]
    assert min(xs) == pytest.approx(8, abs=0.1)
    assert max(xs) == pytest.approx(592, abs=0.1)
    # The state is about as tall as it is wide once longitudes are shrunk by cos(19.3°).
    assert 550 < projected.height < 650


def test_the_projection_keeps_north_up_and_east_right():
    projected = project([square("15001", -100, 19), square("15002", -99, 20)])
    west, north_east = projected.shapes
    first = lambda shape: [float(n) for n in NUMBER.findall(shape.d)[:2]]  # noqa: E731
    assert first(west)[0] < first(north_east)[0]
    assert first(west)[1] > first(north_east)[1]


def test_multipolygons_and_holes_become_subpaths():
    outer = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]
    hole = [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]
    island = [[5, 0], [6, 0], [6, 1], [5, 0]]
    feature = {
        "type": "Feature",
        "properties": {"cve_mun": "15001"},
        "geometry": {"type": "MultiPolygon", "coordinates": [[outer, hole], [island]]},
    }
    (shape,) = project([feature]).shapes
    assert shape.d.count("M") == 3
    assert shape.d.count("Z") == 3
    svg = choropleth_svg([feature], {})
    assert 'fill-rule="evenodd"' in svg


def test_each_area_is_titled_with_its_name_and_value(features):
    labels = ChoroplethLabels(
        title="Actividades por municipio",
        legend_title="Actividades",
        no_data="Sin actividades",
        value=lambda v: f"{v:.0f} actividades",
    )
    svg = choropleth_svg(features, {"15106": 12, "15104": 3}, labels=labels)
    root = parse(svg)
    by_key = {p.get("data-key"): p for p in areas(root)}
    assert by_key["15106"].find(f"{SVG}title").text == "Toluca: 12 actividades"
    assert by_key["15106"].get("data-value") == "12"
    assert by_key["15001"].find(f"{SVG}title").text == (
        "Acambay de Ruíz Castañeda: Sin actividades"
    )
    assert by_key["15001"].get("fill") == NO_DATA
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Actividades por municipio"
    assert root.find(f"{SVG}desc").text == (
        "2 de 125 con datos. Mayor valor: Toluca (12 actividades)."
    )
    assert "style=" not in svg


def test_the_legend_names_each_class_and_no_data(features):
    values = {code: n % 7 for n, code in enumerate(CODES)}
    root = parse(choropleth_svg(features, values, classes=3))
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "map-legend")
    texts = [t.text for t in legend.iter(f"{SVG}text")]
    assert texts == ["Valor", "1\u20132", "3\u20134", "5\u20136", "Sin datos"]
    fills = {p.get("fill") for p in areas(root)}
    assert fills == {NO_DATA, RAMP[0], RAMP[2], RAMP[4]}


def test_few_distinct_values_get_a_class_each_and_unitless_legend_ranges(features):
    assert class_breaks([1, 1, 1, 1, 1, 1, 2, 3], classes=5) == [1, 2, 3]
    labels = ChoroplethLabels(
        legend_title="Actividades realizadas",
        value=lambda v: f"{v:.0f} actividades",
        legend_value=lambda v: f"{v:.0f}",
    )
    root = parse(choropleth_svg(features, {"15001": 1, "15002": 2, "15003": 3}, labels=labels))
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "map-legend")
    texts = [t.text for t in legend.iter(f"{SVG}text")]
    assert texts == ["Actividades realizadas", "1", "2", "3", "Sin datos"]
    by_key = {p.get("data-key"): p for p in areas(root)}
    assert [by_key[k].get("fill") for k in ("15001", "15002", "15003")] == [
        RAMP[0],
        RAMP[2],
        RAMP[4],
    ]
    assert by_key["15003"].find(f"{SVG}title").text == "Aculco: 3 actividades"


def test_darker_means_more():
    legend = colour_classes([1, 2, 3, 10, 20, 30, 100], classes=5)
    assert [c.colour for c in legend] == list(RAMP)
    assert colour_for(0, legend) == NO_DATA
    assert colour_for(None, legend) == NO_DATA
    assert colour_for(1, legend) == RAMP[0]
    assert colour_for(100, legend) == RAMP[-1]
    assert colour_for(1000, legend) == RAMP[-1]


def test_class_breaks_are_quantiles_of_the_positive_values():
    assert class_breaks([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], classes=5) == [2, 4, 6, 8, 10]
    assert class_breaks([5, 5, 5], classes=5) == [5]
    assert class_breaks([0, -3], classes=5) == []
    single = colour_classes([5, 5])
    assert [(c.label, c.colour) for c in single] == [("5", RAMP[-1])]


def test_names_are_escaped():
    svg = choropleth_svg([square("15001", 0, 0, name="<b>Toluca</b> & \x07")], {"15001": 1})
    root = parse(svg)
    assert areas(root)[0].find(f"{SVG}title").text == "<b>Toluca</b> & : 1"


def test_bad_input_is_refused_with_a_value_error():
    with pytest.raises(ValueError, match="FeatureCollection"):
        features_of({"type": "Feature"})
    point = {"type": "Feature", "properties": {"cve_mun": "1"}, "geometry": {"type": "Point"}}
    with pytest.raises(ValueError, match="Point"):
        project([point])
    with pytest.raises(ValueError, match="Latitud"):
        project([square("15001", 0, 89.5)])
    with pytest.raises(ValueError, match="cve_mun"):
        project([{**square("x", 0, 0), "properties": {}}])


longitudes = st.floats(min_value=-180, max_value=170)
latitudes = st.floats(min_value=-90, max_value=80)


@given(
    st.lists(st.tuples(longitudes, latitudes, st.floats(0.001, 10)), min_size=1, max_size=8),
    st.dictionaries(st.sampled_from(CODES[:8]), st.floats(allow_nan=True), max_size=8),
    st.integers(min_value=1, max_value=9),
)
def test_any_squares_and_values_make_a_valid_map_inside_its_box(squares, values, classes):
    features = [square(CODES[i], x, y, size) for i, (x, y, size) in enumerate(squares)]
    root = parse(choropleth_svg(features, values, classes=classes))
    _x, _y, width, height = (float(n) for n in root.get("viewBox").split())
    for path in areas(root):
        numbers = [float(n) for n in NUMBER.findall(path.get("d"))]
        assert all(0 <= x <= width for x in numbers[0::2])
        assert all(0 <= y <= height for y in numbers[1::2])


def test_areas_can_be_links_for_a_tap():
    features = [square("15106", 0, 0, name="Toluca"), square("15001", 1, 0)]
    assert "<a " not in choropleth_svg(features, {"15106": 2})
    linked = parse(choropleth_svg(features, {"15106": 2}, link_prefix="#municipio-"))
    links = list(linked.iter(f"{SVG}a"))
    assert [a.get("href") for a in links] == ["#municipio-15106", "#municipio-15001"]
    assert [a.find(f"{SVG}path").get("data-key") for a in links] == ["15106", "15001"]
    assert {a.get("tabindex") for a in links} == {"-1"}
    assert len(areas(linked)) == 2
