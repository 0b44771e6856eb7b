"""The plan's API: commitments with computed progress, indicators, activities, coverage;
public ids only, 422 on bad filters, 404 JSON on unknown ids, every field documented."""

import pytest
import time_machine

from abierto.plan.models import Activity

from .factories import ActivityFactory
from .test_public_pages import NOW, build_plan_record


@pytest.fixture
def record(db):
    with time_machine.travel(NOW, tick=False):
        yield build_plan_record()


def get(client, path, **params):
    response = client.get(f"/api/v1{path}", params)
    assert response["Content-Type"].startswith("application/json")
    return response


# Commitments ---------------------------------------------------------------------------------


def test_commitments_are_listed_with_kind_progress_and_responsible(client, record):
    response = get(client, "/commitments")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    first, second = body["items"]
    assert first["id"] == record.caravans.public_id
    assert first["code"] == "CC1"
    assert first["number"] == 1
    assert first["kind"] == "co-created"
    assert first["progress"] == 25.0
    assert first["completion"] == "limited"
    assert first["milestones_total"] == 2
    assert first["milestones_met"] == 1
    assert first["responsible"] == {
        "id": record.sjdh.public_id,
        "name": "Secretaría de Justicia y Derechos Humanos",
        "acronym": "SJDH",
    }
    assert first["axis"] == {"number": 1, "title": "Acceso a la justicia y justicia itinerante"}
    assert first["url"] == f"http://testserver/plan/compromisos/{record.caravans.public_id}/"
    assert second["kind"] == "proactive"
    assert second["progress"] == 100.0
    assert second["completion"] == "complete"


def test_commitments_filter_by_kind(client, record):
    body = get(client, "/commitments", kind="proactive").json()
    assert [item["code"] for item in body["items"]] == ["CP1"]


@pytest.mark.parametrize("params", [{"kind": "cocreado"}, {"limit": "-1"}, {"offset": "x"}])
def test_bad_commitment_filters_are_a_422(client, record, params):
    assert get(client, "/commitments", **params).status_code == 422


def test_a_commitment_comes_with_milestones_reports_and_indicators(client, record):
    response = get(client, f"/commitments/{record.caravans.public_id}")
    assert response.status_code == 200
    body = response.json()
    assert body["progress"] == 25.0
    assert body["completion"] == "limited"
    assert body["ogp_values"] == ["access_to_information", "public_accountability"]
    assert body["end_date"] == "2023-09-30"
    assert [i["acronym"] for i in body["supporting"]] == ["Infoem"]
    assert body["action_lines"] == [
        {"number": 1, "title": "Caravanas itinerantes", "description": "", "progress": 25.0}
    ]
    codes = [(m["code"], m["status"], m["weight"]) for m in body["milestones"]]
    assert codes == [("CC1-1.1", "met", 1), ("CC1-1.2", "in_progress", 3)]
    assert body["milestones"][0]["met_on"] == "2022-06-01"
    (report,) = body["reports"]
    assert report["id"] == record.report.public_id
    assert report["session"]["id"] == record.session.public_id
    assert report["session"]["url"].endswith(record.session.get_absolute_url())
    evidence = {e["title"]: e for e in report["evidence"]}
    assert evidence["Galería de la caravana"] == {
        "title": "Galería de la caravana",
        "kind": "link",
        "url": "https://example.org/galeria",
    }
    assert evidence["Minuta de la caravana"]["kind"] == "file"
    assert evidence["Minuta de la caravana"]["url"] == (
        f"http://testserver/plan/evidencias/{record.file_evidence.public_id}/"
    )
    municipalities, talks = body["indicators"]
    assert municipalities["code"] == "CC1-MUN"
    assert municipalities["target"] == 125.0
    assert municipalities["latest"] == {"date": "2022-09-01", "value": 2.0}
    assert municipalities["percent_of_target"] == 1.6
    assert talks["values"] == [
        {"date": "2022-05-01", "value": 4.0},
        {"date": "2022-08-01", "value": 7.0},
    ]


def test_an_unknown_commitment_is_a_json_404(client, record):
    response = get(client, "/commitments/no-existe")
    assert response.status_code == 404
    assert response.json() == {"detail": "Compromiso no encontrado."}


def test_no_database_keys_nor_authors_are_published(client, record):
    body = get(client, f"/commitments/{record.caravans.public_id}").content.decode()
    assert '"pk"' not in body
    assert "author" not in body
    assert "recorded_by" not in body


# Indicators ----------------------------------------------------------------------------------


def test_indicators_come_with_their_statewide_values(client, record):
    body = get(client, "/indicators").json()
    assert body["count"] == 2
    municipalities = body["items"][0]
    assert municipalities["source"] == "caravan_municipalities"
    assert municipalities["commitment"] == record.caravans.public_id
    assert municipalities["commitment_code"] == "CC1"
    assert municipalities["municipality"] is None
    assert [v["value"] for v in municipalities["values"]] == [1.0, 2.0, 2.0]


def test_indicators_give_one_municipalitys_values(client, record):
    body = get(client, "/indicators", municipality="15106").json()
    municipalities, talks = body["items"]
    assert municipalities["municipality"] == "15106"
    assert [v["value"] for v in municipalities["values"]] == [1.0, 1.0]
    assert municipalities["percent_of_target"] is None
    assert talks["values"] == [{"date": "2022-05-01", "value": 4.0}]


def test_indicators_filter_by_commitment(client, record):
    assert get(client, "/indicators", commitment=record.proactive.public_id).json()["count"] == 0
    assert get(client, "/indicators", commitment=record.caravans.public_id).json()["count"] == 2


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"municipality": "106"}, None),
        ({"municipality": "toluca"}, None),
        ({"municipality": "15999"}, None),
        ({"commitment": "x" * 40}, None),
    ],
)
def test_bad_indicator_filters_are_a_422(client, record, params, detail):
    response = get(client, "/indicators", **params)
    assert response.status_code == 422
    if detail:
        assert response.json() == {"detail": detail}


# Activities ----------------------------------------------------------------------------------


def test_activities_are_listed_oldest_first_with_their_place_and_services(client, record):
    body = get(client, "/activities").json()
    assert body["count"] == 7
    first = body["items"][0]
    assert first["id"] == record.toluca_visit.public_id
    assert first["kind"] == {
        "slug": "caravana",
        "name": "Caravana por la Justicia Cotidiana",
        "is_caravan": True,
    }
    assert first["municipality"] == {
        "code": "15106",
        "municipality_key": "106",
        "name": "Toluca",
    }
    assert first["location"] == "Plaza González Arratia, Toluca"
    assert first["status"] == "held"
    assert first["all_day"] is True
    assert first["start_time"] is None
    assert first["people_served"] == 500
    assert sorted((s["type"], s["count"]) for s in first["services"]) == [
        ("actas", 300),
        ("asesoria_juridica", 1200),
    ]
    assert first["commitment"]["code"] == "CC1"
    assert first["url"] == f"http://testserver/agenda/{record.toluca_visit.public_id}/"


def test_an_activity_with_times_gives_them_with_the_mexico_city_offset(client, record):
    body = get(client, f"/activities/{record.upcoming.public_id}").json()
    assert body["start_time"] == "2023-01-20T10:00:00-06:00"
    assert body["end_time"] == "2023-01-20T14:00:00-06:00"
    assert body["timezone"] == "America/Mexico_City"
    assert body["all_day"] is False
    online = get(client, f"/activities/{record.online.public_id}").json()
    assert online["municipality"] is None
    assert online["location"] == "En línea"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"municipality": "15106"}, 2),
        ({"kind": "platica"}, 2),
        ({"status": "scheduled"}, 2),
        ({"date_from": "2023-01-01"}, 3),
        ({"date_from": "2022-05-01", "date_to": "2022-06-30"}, 2),
        ({"municipality": "15033", "kind": "platica"}, 1),
    ],
)
def test_activities_filter(client, record, params, expected):
    assert get(client, "/activities", **params).json()["count"] == expected


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"municipality": "99"}, None),
        ({"date_from": "2022-02-30"}, None),
        ({"status": "done"}, None),
        ({"municipality": "15126"}, None),
        ({"date_to": "0"}, "Use una fecha AAAA-MM-DD."),
        ({"date_from": "20220101"}, "Use una fecha AAAA-MM-DD."),
    ],
)
def test_bad_activity_filters_are_a_422(client, record, params, detail):
    response = get(client, "/activities", **params)
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Los parámetros no son válidos."
    assert [error["path"] for error in body["errors"]] == [f"query.{next(iter(params))}"]
    if detail:
        assert detail in body["errors"][0]["message"]


@pytest.mark.parametrize(
    "params",
    [{"kind": "inexistente"}, {"date_from": "2023-01-02", "date_to": "2023-01-01"}],
)
def test_filters_the_schema_allows_that_match_nothing_are_an_empty_list(client, record, params):
    # What the OpenAPI document allows is answered with a 200 (schemathesis checks it).
    response = get(client, "/activities", **params)
    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_activities_are_paginated_with_limit_and_offset(client, record):
    for n in range(5):
        ActivityFactory(title=f"Visita {n}", status=Activity.Status.SCHEDULED)
    body = get(client, "/activities", limit=3, offset=3).json()
    assert body["count"] == 12
    assert len(body["items"]) == 3


def test_an_unknown_activity_is_a_json_404(client, record):
    response = get(client, "/activities/nada")
    assert response.status_code == 404
    assert response.json() == {"detail": "Actividad no encontrada."}


# Coverage ----------------------------------------------------------------------------------------


def test_coverage_is_counted_from_the_caravan_visits(client, record):
    body = get(client, "/coverage").json()
    assert body["municipalities_visited"] == 2
    assert body["municipalities_total"] == 125
    assert body["services_delivered"] == 2400
    assert body["people_served"] == 1000
    assert body["caravan_visits"] == 3
    assert len(body["municipalities"]) == 125
    toluca = next(m for m in body["municipalities"] if m["code"] == "15106")
    assert toluca == {
        "code": "15106",
        "name": "Toluca",
        "activities": 2,
        "caravan_visits": 2,
        "services": 1600,
        "people": 700,
    }
    within = get(client, "/coverage", date_from="2022-05-01").json()
    assert within["municipalities_visited"] == 2
    assert within["caravan_visits"] == 2
    reversed_period = get(client, "/coverage", date_from="2023-01-01", date_to="2022-01-01")
    assert reversed_period.status_code == 200
    assert reversed_period.json()["caravan_visits"] == 0


# Documentation ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_field_is_documented_in_spanish(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = [
        "/commitments",
        "/commitments/{id}",
        "/indicators",
        "/activities",
        "/activities/{id}",
        "/coverage",
    ]
    operations = {path: schema["paths"][f"/api/v1{path}"]["get"] for path in paths}
    assert all(op["tags"] == ["Plan de Acción"] for op in operations.values())
    assert operations["/commitments"]["summary"] == "Compromisos del Plan de Acción Local"
    for path, names in {
        "/commitments": ["kind", "limit", "offset"],
        "/indicators": ["commitment", "municipality", "limit", "offset"],
        "/activities": ["municipality", "kind", "status", "date_from", "date_to", "limit"],
        "/coverage": ["date_from", "date_to"],
    }.items():
        parameters = {p["name"]: p for p in operations[path]["parameters"]}
        for name in names:
            assert name in parameters, (path, name)
            if name not in {"limit", "offset"}:
                assert parameters[name]["description"], (path, name)
    ours = [
        "CommitmentOut",
        "CommitmentDetailOut",
        "AxisOut",
        "ActionLineOut",
        "MilestoneOut",
        "ReportOut",
        "EvidenceOut",
        "IndicatorOut",
        "IndicatorValueOut",
        "ActivityOut",
        "ActivityKindOut",
        "ServiceCountOut",
        "CommitmentRefOut",
        "CoverageOut",
        "MunicipalityCoverageOut",
    ]
    components = schema["components"]["schemas"]
    for component in ours:
        for field, spec in components[component]["properties"].items():
            assert spec.get("description"), f"{component}.{field}"
            if "$ref" not in spec and "anyOf" not in spec and spec.get("type") != "array":
                assert spec.get("examples"), f"{component}.{field}"
