"""The forum's API: sessions and agreements, public ids only, 422 on bad filters, 404 JSON."""

import datetime

import pytest

from abierto.forum.models import Agreement, Session

from .factories import ForumFactory, SessionFactory
from .test_public_pages import MEETING_URL, build_record


@pytest.fixture
def record(facilitator):
    return build_record(facilitator)


def get(client, path, **params):
    response = client.get(f"/api/v1{path}", params)
    assert response["Content-Type"].startswith("application/json")
    return response


# Sessions -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_sessions_are_listed_newest_first_with_public_ids(client, record):
    response = get(client, "/sessions")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    first, second = body["items"]
    assert first["id"] == record.current.public_id
    assert second["id"] == record.previous.public_id
    assert first == {
        "id": record.current.public_id,
        "forum": "STL",
        "name": "Décimo Quinta Sesión Ordinaria",
        "date": "2022-12-16",
        "url": f"http://testserver/sesiones/{record.current.public_id}/",
        "number": 15,
        "kind": "ordinary",
        "modality": "virtual",
        "status": "held",
        "start_time": "2022-12-16T11:00:00-06:00",
        "end_time": "2022-12-16T12:40:00-06:00",
        "all_day": False,
        "timezone": "America/Mexico_City",
        "location": "Plataforma Zoom",
        "convocation": {"reference": record.current.convocation.reference, "date": "2022-12-09"},
    }


@pytest.mark.django_db
def test_sessions_are_paginated_with_limit_and_offset(client):
    forum = ForumFactory()
    for number in range(1, 8):
        SessionFactory(forum=forum, number=number, date=datetime.date(2022, 1, number))
    body = get(client, "/sessions", limit=3, offset=3).json()
    assert body["count"] == 7
    assert [item["number"] for item in body["items"]] == [4, 3, 2]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"year": 2022}, {14, 15}),
        ({"year": 2023}, set()),
        ({"kind": "ordinary"}, {14, 15}),
        ({"kind": "extraordinary"}, set()),
        ({"status": "held"}, {15}),
        ({"status": "minutes_approved"}, {14}),
    ],
)
def test_sessions_filter_by_year_kind_and_status(client, record, params, expected):
    body = get(client, "/sessions", **params).json()
    assert {item["number"] for item in body["items"]} == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"year": "dos mil"},
        {"year": 1850},
        {"kind": "secreta"},
        {"status": "archivada"},
        {"limit": "muchos"},
        {"offset": -1},
    ],
)
def test_bad_session_filters_are_a_422(client, record, params):
    response = get(client, "/sessions", **params)
    assert response.status_code == 422
    assert "detail" in response.json()


@pytest.mark.django_db
def test_a_session_comes_with_its_whole_public_record(client, record):
    response = get(client, f"/sessions/{record.current.public_id}")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == record.current.public_id
    assert body["number"] == 15
    assert body["start_time"] == "2022-12-16T11:00:00-06:00"
    assert [item["order"] for item in body["agenda"]] == [1, 2, 3, 4, 5, 6]
    assert body["agenda"][1] == {
        "order": 2,
        "title": "Lectura y, en su caso, aprobación del orden del día.",
        "kind": "decisive",
        "presenter": None,
    }
    capacities = {row["name"]: row["capacity"] for row in body["attendance"]}
    assert capacities["Lic. Ana Delegada"] == "delegate"
    assert capacities["Mtro. Invitado Especial"] == "guest"
    assert sorted(capacities.values()) == ["alternate", "delegate", "guest", "holder", "holder"]
    delegate = next(row for row in body["attendance"] if row["capacity"] == "delegate")
    assert delegate["seat"] == "Infoem"
    assert delegate["sector"] == "guarantor"
    guest = next(row for row in body["attendance"] if row["capacity"] == "guest")
    assert guest == {
        "name": "Mtro. Invitado Especial",
        "role": "Subsecretario",
        "capacity": "guest",
        "seat": None,
        "sector": None,
    }
    assert body["quorum"] == {"present_seats": 4, "total_seats": 5, "required": 3, "reached": True}
    assert body["votes"][0] == {
        "motion": "Aprobación del orden del día.",
        "result": "approved",
        "counts": {"yes": 4, "no": 0, "abstain": 0},
        "unanimous": True,
        "agenda_item_order": 2,
    }
    assert [vote["agenda_item_order"] for vote in body["votes"]] == [2, 3]
    assert [a["code"] for a in body["agreements"]] == ["STL/XV/1/2022", "STL/XV/2/2022"]
    assert body["agreements"][0]["id"] == record.agenda_agreement.public_id
    assert body["agreements"][0]["status"] == "done"
    # Its minutes are still a draft: not in the API.
    assert body["minutes"] is None


@pytest.mark.django_db
def test_published_minutes_give_their_files_and_hash(client, record):
    body = get(client, f"/sessions/{record.previous.public_id}").json()
    public_id = record.previous.public_id
    assert body["minutes"]["pdf_url"] == f"http://testserver/sesiones/{public_id}/acta.pdf"
    assert body["minutes"]["docx_url"] == f"http://testserver/sesiones/{public_id}/acta.docx"
    assert body["minutes"]["sha256"] == record.published.content_hash
    assert body["minutes"]["published_at"]
    assert client.get(body["minutes"]["pdf_url"]).status_code == 200


@pytest.mark.django_db
def test_a_session_without_times_is_all_day(client):
    session = SessionFactory(start_time=None, status=Session.Status.PLANNED)
    body = get(client, f"/sessions/{session.public_id}").json()
    assert body["all_day"] is True
    assert body["start_time"] is None
    assert body["end_time"] is None
    assert body["quorum"] is None


@pytest.mark.django_db
def test_an_unknown_session_is_a_json_404(client, record):
    response = get(client, "/sessions/no-existe")
    assert response.status_code == 404
    assert response.json() == {"detail": "Sesión no encontrada."}
    assert get(client, f"/sessions/{record.current.pk}").status_code == 404  # never the pk


# Agreements ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_agreements_are_listed_with_their_session_and_responsible(client, record):
    body = get(client, "/agreements").json()
    assert body["count"] == 3
    pending = next(item for item in body["items"] if item["code"] == "STL/XIV/1/2022")
    assert pending["id"] == record.pending.public_id
    assert pending["status"] == "in_progress"
    assert pending["requires_follow_up"] is True
    assert pending["due_date"] == "2023-02-24"
    assert pending["session"]["id"] == record.previous.public_id
    assert pending["session"]["name"] == "Décimo Cuarta Sesión Ordinaria"
    assert pending["responsible"] == {
        "id": record.contraloria.public_id,
        "name": "Secretaría de la Contraloría del Estado de México",
        "acronym": "SECOGEM",
    }
    assert pending["url"] == f"http://testserver/acuerdos/{record.pending.public_id}/"


@pytest.mark.django_db
def test_agreements_filter(client, record):
    def codes(**params):
        response = get(client, "/agreements", **params)
        assert response.status_code == 200
        return {item["code"] for item in response.json()["items"]}

    everything = set(Agreement.objects.values_list("code", flat=True))
    assert codes(status="in_progress") == {"STL/XIV/1/2022"}
    assert codes(status="pending") == set()
    assert codes(year=2022) == everything
    assert codes(year=2023) == set()
    assert codes(session=record.current.public_id) == {"STL/XV/1/2022", "STL/XV/2/2022"}
    assert codes(responsible=record.contraloria.public_id) == {"STL/XIV/1/2022"}
    assert codes(q="sensibilización") == {"STL/XIV/1/2022"}
    assert codes(q="acta", session=record.current.public_id) == {"STL/XV/2/2022"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [{"status": "olvidado"}, {"year": "abc"}, {"q": "x" * 201}, {"session": "s" * 33}],
)
def test_bad_agreement_filters_are_a_422(client, record, params):
    assert get(client, "/agreements", **params).status_code == 422


@pytest.mark.django_db
def test_an_agreement_comes_with_its_vote_and_follow_up(client, record):
    body = get(client, f"/agreements/{record.pending.public_id}").json()
    assert body["code"] == "STL/XIV/1/2022"
    assert body["vote"]["counts"] == {"yes": 5, "no": 0, "abstain": 0}
    assert body["vote"]["unanimous"] is True
    assert body["follow_ups"] == [
        {
            "date": "2022-12-16",
            "session": {
                "id": record.current.public_id,
                "name": "Décimo Quinta Sesión Ordinaria",
                "date": "2022-12-16",
                "url": f"http://testserver/sesiones/{record.current.public_id}/",
            },
            "status": "in_progress",
            "note": "La Contraloría propuso fechas en marzo para la sesión de sensibilización.",
        }
    ]
    response = get(client, "/agreements/no-existe")
    assert response.status_code == 404
    assert response.json() == {"detail": "Acuerdo no encontrado."}


# Never the link to join ---------------------------------------------------------------------


@pytest.mark.django_db
def test_the_meeting_url_is_never_in_the_api(client, record):
    paths = [
        "/sessions",
        f"/sessions/{record.current.public_id}",
        f"/sessions/{record.previous.public_id}",
        "/agreements",
        f"/agreements/{record.pending.public_id}",
        "/openapi.json",
    ]
    for path in paths:
        text = client.get(f"/api/v1{path}").content.decode()
        assert MEETING_URL not in text, path
        assert "meeting_url" not in text, path


# Documentation ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_field_is_documented_in_spanish(client):
    schema = client.get("/api/v1/openapi.json").json()
    operations = {
        path: schema["paths"][f"/api/v1{path}"]["get"]
        for path in ["/sessions", "/sessions/{id}", "/agreements", "/agreements/{id}"]
    }
    assert operations["/sessions"]["summary"] == "Sesiones del STL"
    assert operations["/agreements"]["summary"] == "Acuerdos del STL"
    assert all(op["tags"] == ["Sesiones"] for op in operations.values())
    for name in ["year", "kind", "status", "limit", "offset"]:
        assert name in {p["name"] for p in operations["/sessions"]["parameters"]}
    for name in ["status", "year", "session", "responsible", "q"]:
        parameter = next(p for p in operations["/agreements"]["parameters"] if p["name"] == name)
        assert parameter["description"]
    ours = [
        "SessionOut",
        "SessionDetailOut",
        "SessionRefOut",
        "ConvocationOut",
        "AgendaItemOut",
        "AttendanceOut",
        "QuorumOut",
        "VoteOut",
        "VoteCountsOut",
        "AgreementBriefOut",
        "AgreementOut",
        "AgreementDetailOut",
        "InstitutionOut",
        "FollowUpOut",
        "MinutesOut",
    ]
    components = schema["components"]["schemas"]
    for component in ours:
        for field, spec in components[component]["properties"].items():
            assert spec.get("description"), f"{component}.{field}"
            if "$ref" not in spec and "anyOf" not in spec and spec.get("type") != "array":
                assert spec.get("examples"), f"{component}.{field}"
