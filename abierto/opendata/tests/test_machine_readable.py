"""The open data as programs read them: every dataset's Data Package validates with
frictionless, and the DCAT-AP 3 catalog meets the official core and recommended shapes."""

import io
import json
from pathlib import Path

import pytest
from frictionless import validate
from pyshacl import validate as shacl_validate
from rdflib import Graph

from abierto.opendata.catalog import datasets

SHAPES = Path(__file__).parent / "shacl" / "dcat-ap-3.0.1"


@pytest.fixture
def demo(db):
    from abierto.directory import demo as directory_demo
    from abierto.forum import demo as forum_demo
    from abierto.opendata import demo as opendata_demo
    from abierto.plan import demo as plan_demo

    for module in (directory_demo, forum_demo, plan_demo, opendata_demo):
        module.load(stdout=io.StringIO(), with_logins=False)


@pytest.mark.django_db
def test_every_dataset_publishes_a_data_package_that_validates(client, demo, tmp_path):
    for dataset in datasets():
        response = client.get(f"/datos/{dataset.slug}/datapackage.json")
        assert response.status_code == 200, dataset.slug
        package = response.json()
        resource = package["resources"][0]
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == [c.name for c in dataset.columns]
        assert all(f["title"] and f["description"] for f in fields)
        # The CSV beside the descriptor, so that frictionless reads it without the network.
        folder = tmp_path / dataset.slug
        folder.mkdir()
        csv = b"".join(client.get(f"/datos/{dataset.slug}.csv").streaming_content)
        (folder / "data.csv").write_bytes(csv)
        resource["path"] = "data.csv"
        (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
        report = validate(folder / "datapackage.json")
        assert report.valid, (dataset.slug, report.flatten(["rowNumber", "fieldName", "type"]))


@pytest.mark.django_db
def test_the_dictionary_has_english_beside_the_spanish(client, demo):
    package = client.get("/datos/asistencia/datapackage.json").json()
    assert package["title"] == "Asistencia a las sesiones"
    assert package["title_en"] == "Attendance at the sessions"
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    assert fields["session_id"]["description_en"] == "Public identifier of the session."


@pytest.mark.django_db
def test_an_unknown_dataset_has_no_data_package(client):
    assert client.get("/datos/no-existe/datapackage.json").status_code == 404


@pytest.mark.django_db
def test_each_distribution_conforms_to_its_data_package(client, demo):
    graph = client.get("/datos/catalogo.jsonld").json()["@graph"]
    node = next(n for n in graph if n.get("dct:identifier") == "asistencia")
    for distribution in node["dcat:distribution"]:
        assert distribution["dct:conformsTo"] == {
            "@id": "http://testserver/datos/asistencia/datapackage.json"
        }


@pytest.mark.django_db
@pytest.mark.parametrize("shapes", ["shapes.ttl", "shapes_recommended.ttl"])
def test_the_catalog_meets_the_official_dcat_ap_3_shapes(client, demo, shapes):
    data = Graph().parse(data=client.get("/datos/catalogo.jsonld").content, format="json-ld")
    conforms, _graph, text = shacl_validate(
        data, shacl_graph=Graph().parse(SHAPES / shapes, format="turtle")
    )
    assert conforms, text


@pytest.mark.django_db
def test_booleans_codes_and_empty_cells_are_declared_as_the_csv_writes_them(client, demo):
    schema = client.get("/datos/compromisos/datapackage.json").json()["resources"][0]["schema"]
    fields = {f["name"]: f for f in schema["fields"]}
    flag = fields["ogp_technology"]
    assert (flag["type"], flag["trueValues"], flag["falseValues"]) == (
        "boolean",
        ["True"],
        ["False"],
    )
    assert fields["kind"]["constraints"] == {"enum": ["co-created", "proactive"]}
    assert fields["start_date"]["type"] == "date"
    assert schema["missingValues"] == [""]
