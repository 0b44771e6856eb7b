"""The OpenAPI document describes the API exactly: valid OAS 3.1, one name per enum, every
refusal documented with the body it really has. ``.ci/api-check`` adds schemathesis."""

import json

import jsonschema
import pytest
from openapi_spec_validator import validate

from abierto.forum.models import Session
from abierto.openapi import NO_NUL, qualified_name
from abierto.plan.models import Activity, Commitment, Milestone


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def _ref(schema):
    """The component a property points to, directly or through anyOf/allOf."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[1]
    for key in ("anyOf", "allOf"):
        for option in schema.get(key, []):
            if "$ref" in option:
                return option["$ref"].rsplit("/", 1)[1]
    return None


def _operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


@pytest.mark.django_db
def test_the_document_passes_openapi_spec_validator(document):
    validate(document)  # raises on any error


@pytest.mark.django_db
def test_the_served_document_repeats_no_key(client):
    repeated = []

    def unique(pairs):
        names = [name for name, _value in pairs]
        repeated.extend(name for name in set(names) if names.count(name) > 1)
        return dict(pairs)

    json.loads(client.get("/api/v1/openapi.json").content, object_pairs_hook=unique)
    assert repeated == []


@pytest.mark.django_db
def test_parameter_examples_are_maps_of_example_objects(document):
    for _path, _method, operation in _operations(document):
        for parameter in operation.get("parameters", []):
            if "examples" in parameter:
                assert isinstance(parameter["examples"], dict)
                assert all("value" in example for example in parameter["examples"].values())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("component", "field", "enum_name", "values"),
    [
        ("SessionOut", "kind", "SessionKind", Session.Kind.values),
        ("SessionOut", "status", "SessionStatus", Session.Status.values),
        ("CommitmentOut", "kind", "CommitmentKind", Commitment.Kind.values),
        ("MilestoneOut", "status", "MilestoneStatus", Milestone.Status.values),
        ("ActivityOut", "status", "ActivityStatus", Activity.Status.values),
    ],
)
def test_every_enum_has_its_own_name(document, component, field, enum_name, values):
    schemas = document["components"]["schemas"]
    assert _ref(schemas[component]["properties"][field]) == enum_name
    assert schemas[enum_name]["enum"] == values


@pytest.mark.django_db
def test_the_sessions_filters_take_the_sessions_values(document):
    parameters = {p["name"]: p for p in document["paths"]["/api/v1/sessions"]["get"]["parameters"]}
    schemas = document["components"]["schemas"]
    assert schemas[_ref(parameters["kind"]["schema"])]["enum"] == Session.Kind.values
    assert schemas[_ref(parameters["status"]["schema"])]["enum"] == Session.Status.values


def test_qualified_names_join_the_nested_classes():
    assert qualified_name("abierto.forum.models.meetings.Session.Kind:123") == "SessionKind"
    assert qualified_name("abierto.plan.api.CommitmentOut:9") == "CommitmentOut"
    assert qualified_name("ninja.pagination.Paged[abierto.x.A:1]:2") is None


@pytest.mark.django_db
def test_every_operation_documents_the_refusals_any_request_can_meet(document):
    for path, _method, operation in _operations(document):
        expected = {"400", "422", "429"} | ({"404"} if "{" in path else set())
        if "requestBody" in operation:
            expected |= {"413"}
        assert expected <= set(operation["responses"]), path


@pytest.mark.django_db
def test_free_strings_are_declared_without_nul(document):
    parameters = {
        p["name"]: p for p in document["paths"]["/api/v1/agreements"]["get"]["parameters"]
    }
    assert parameters["q"]["schema"]["pattern"] == NO_NUL
    fields = document["components"]["schemas"]["DocumentIn"]["properties"]["fields"]
    assert fields["propertyNames"] == {"pattern": NO_NUL}
    assert fields["additionalProperties"] is not True


def _validate_against(document, response, status):
    documented = document["paths"][response.request["PATH_INFO"]]["get"]["responses"][status]
    ref = documented["content"]["application/json"]["schema"]["$ref"]
    jsonschema.validate(response.json(), {"$ref": ref, "components": document["components"]})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/v1/sessions", {"year": "x"}),
        ("/api/v1/activities", {"municipality": "15999"}),
        ("/api/v1/municipalities", {"limit": "-1"}),
    ],
)
def test_a_422_has_the_documented_body(client, document, path, params):
    response = client.get(path, params)
    assert response.status_code == 422
    _validate_against(document, response, "422")
    assert response.json()["errors"][0]["path"] == f"query.{next(iter(params))}"


@pytest.mark.django_db
def test_each_list_links_to_its_items(document):
    links = document["paths"]["/api/v1/sessions"]["get"]["responses"]["200"]["links"]
    assert links["item_id"]["parameters"] == {"id": "$response.body#/items/0/id"}
    detail = document["paths"]["/api/v1/sessions/{id}"]["get"]
    assert links["item_id"]["operationId"] == detail["operationId"]
    municipalities = document["paths"]["/api/v1/municipalities"]["get"]["responses"]["200"]
    assert municipalities["links"]["item_code"]["parameters"] == {
        "code": "$response.body#/items/0/code"
    }
