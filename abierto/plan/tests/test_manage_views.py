"""The clerk's pages: each POST goes through a service; a refusal changes nothing."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from abierto.directory.tests.factories import InstitutionFactory
from abierto.directory.tests.logins import login_verified
from abierto.forum.tests.factories import SessionFactory
from abierto.plan.models import Activity, IndicatorValue, Milestone, Upload

from .factories import (
    ActivityKindFactory,
    CommitmentFactory,
    IndicatorFactory,
    MilestoneFactory,
    ServiceTypeFactory,
    clerk_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen_today():
    with time_machine.travel("2023-01-10 12:00 -06:00", tick=False):
        yield


@pytest.fixture
def own(agency_clerk):
    institution = InstitutionFactory(acronym="SJDH")
    clerk_of(agency_clerk, institution)
    return CommitmentFactory(
        responsible=institution, kind="co-created", number=1, title="Caravanas"
    )


def url(name, *args):
    return reverse(f"plan_manage:{name}", args=args)


def test_home_lists_my_commitments_with_their_computed_progress(client_as, agency_clerk, own):
    MilestoneFactory(action_line__commitment=own, met=True, weight=1)
    MilestoneFactory(action_line__commitment=own, weight=3)
    CommitmentFactory(title="De otra dependencia")
    page = client_as(agency_clerk).get(url("home"))
    assert page.status_code == 200
    assert "Caravanas" in page.text
    assert "25.0 %" in page.text
    assert "De otra dependencia" not in page.text
    assert 'href="/gestion/plan/"' in page.text  # the nav link for clerks


def test_the_facilitator_sees_every_commitment(client_as, facilitator, own):
    CommitmentFactory(title="De otra dependencia")
    page = client_as(facilitator).get(url("home"))
    assert "De otra dependencia" in page.text


def test_the_commitment_page_and_marking_a_milestone_met(client_as, agency_clerk, own):
    milestone = MilestoneFactory(action_line__commitment=own)
    client = client_as(agency_clerk)
    assert client.get(url("commitment", own.public_id)).status_code == 200
    response = client.post(
        url("milestone_status", own.public_id, milestone.pk),
        {"status": "met", "met_on": "2023-01-09"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#hito-{milestone.pk}")
    milestone.refresh_from_db()
    assert milestone.status == Milestone.Status.MET
    assert "100.0 %" in client.get(url("commitment", own.public_id)).text


def test_a_refused_status_change_shows_why_and_changes_nothing(client_as, agency_clerk, own):
    milestone = MilestoneFactory(action_line__commitment=own)
    response = client_as(agency_clerk).post(
        url("milestone_status", own.public_id, milestone.pk), {"status": "met", "met_on": ""}
    )
    assert response.status_code == 400
    assert "necesita su fecha de cumplimiento" in response.text
    milestone.refresh_from_db()
    assert milestone.status == Milestone.Status.PENDING


def test_adding_a_line_and_a_milestone(client_as, agency_clerk, own):
    client = client_as(agency_clerk)
    client.post(url("action_line_add", own.public_id), {"title": "Visitas", "description": ""})
    line = own.action_lines.get()
    response = client.post(
        url("milestone_add", own.public_id),
        {"action_line": line.pk, "title": "Visitar 125 municipios", "weight": 3, "due_date": ""},
    )
    assert response.status_code == 302
    assert line.milestones.get().weight == 3


def test_a_milestone_cannot_go_to_a_line_of_another_commitment(client_as, agency_clerk, own):
    foreign = MilestoneFactory().action_line
    client = client_as(agency_clerk)
    client.post(url("action_line_add", own.public_id), {"title": "Visitas"})
    response = client.post(
        url("milestone_add", own.public_id),
        {"action_line": foreign.pk, "title": "x", "weight": 1},
    )
    assert response.status_code == 400
    assert not foreign.milestones.filter(title="x").exists()


def test_a_progress_report_with_its_session_and_a_file(client_as, agency_clerk, own):
    session = SessionFactory(number=15, status="held")
    client = client_as(agency_clerk)
    response = client.post(
        url("report_add", own.public_id),
        {
            "date": "2022-12-16",
            "text": "43 de 125 municipios.",
            "session": session.pk,
            "evidence_title": "Minuta",
            "evidence_url": "",
            "evidence_file": SimpleUploadedFile("minuta.pdf", b"%PDF-1.4", "application/pdf"),
        },
    )
    assert response.status_code == 302
    report = own.reports.get()
    assert report.session == session
    evidence = report.evidence.get()
    page = client.get(url("commitment", own.public_id)).text
    assert "Décimo Quinta Sesión Ordinaria" in page
    download = client.get(url("evidence_download", evidence.public_id))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4"


def test_evidence_of_another_commitment_is_not_downloadable(client_as, agency_clerk, own, tmp_path):
    from abierto.plan import services

    other = CommitmentFactory()
    report = services.progress_report_create(
        actor=None,
        commitment=other,
        date=datetime.date(2022, 1, 1),
        text="x",
        evidence=[services.EvidenceInput(title="x", file=SimpleUploadedFile("x.pdf", b"%PDF-1.4"))],
    )
    response = client_as(agency_clerk).get(
        url("evidence_download", report.evidence.get().public_id)
    )
    assert response.status_code == 403


def test_a_report_with_link_and_file_is_refused(client_as, agency_clerk, own):
    response = client_as(agency_clerk).post(
        url("report_add", own.public_id),
        {
            "date": "2022-12-16",
            "text": "x",
            "evidence_title": "Minuta",
            "evidence_url": "https://example.org/a.pdf",
            "evidence_file": SimpleUploadedFile("minuta.pdf", b"%PDF-1.4"),
        },
    )
    assert response.status_code == 400
    assert not own.reports.exists()


def test_recording_an_indicator_value(client_as, agency_clerk, own):
    indicator = IndicatorFactory(commitment=own, code="CC1-DEP")
    IndicatorFactory(commitment=own, code="CC1-MUN", source="caravan_municipalities")
    client = client_as(agency_clerk)
    page = client.get(url("commitment", own.public_id)).text
    assert "CC1-MUN" in page
    response = client.post(
        url("value_add", own.public_id),
        {"indicator": indicator.pk, "date": "2022-12-16", "value": "26", "municipality": ""},
    )
    assert response.status_code == 302
    assert IndicatorValue.objects.get().value == 26


def test_upload_check_then_confirm_through_the_pages(client_as, agency_clerk, own):
    ActivityKindFactory()
    ServiceTypeFactory()
    client = client_as(agency_clerk)
    assert client.get(url("upload", "caravanas")).status_code == 200
    bad = SimpleUploadedFile("v.csv", b"fecha,municipio,personas atendidas\n2022-11-07,Narnia,5\n")
    response = client.post(url("upload", "caravanas"), {"file": bad, "commitment": own.pk})
    assert response.status_code == 400
    assert "No se guardó nada" in response.text
    assert "Narnia" in response.text
    assert not Upload.objects.exists()

    good = SimpleUploadedFile("v.csv", b"fecha,municipio,personas atendidas\n2022-11-07,15104,5\n")
    response = client.post(url("upload", "caravanas"), {"file": good, "commitment": own.pk})
    assert response.status_code == 200
    assert "Confirmar y guardar" in response.text
    upload = Upload.objects.get()
    assert not Activity.objects.exists()
    response = client.post(url("upload_confirm", "caravanas", upload.token))
    assert response.status_code == 302
    assert Activity.objects.get().people_served == 5
    home = client.get(response["Location"]).text
    assert "Carga guardada" in home


def test_someone_else_cannot_confirm_an_upload(client_as, agency_clerk, facilitator, own):
    ActivityKindFactory()
    client = client_as(agency_clerk)
    good = SimpleUploadedFile("v.csv", b"fecha,municipio,personas atendidas\n2022-11-07,15104,5\n")
    client.post(url("upload", "caravanas"), {"file": good, "commitment": own.pk})
    upload = Upload.objects.get()
    login_verified(client, facilitator)
    assert client.post(url("upload_confirm", "caravanas", upload.token)).status_code == 403
    assert not Activity.objects.exists()


def test_templates_download_as_csv(client_as, agency_clerk, own):
    MilestoneFactory(action_line__commitment=own, action_line__number=1, number=1, title="Uno")
    response = client_as(agency_clerk).get(url("upload_template", "hitos"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "plantilla-hitos.csv" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    assert text.splitlines() == [
        "clave,hito,estado,fecha de cumplimiento",
        "CC1-1.1,Uno,pendiente,",
    ]


def test_an_unknown_upload_kind_is_404(client_as, agency_clerk, own):
    assert client_as(agency_clerk).get(url("upload", "otra-cosa")).status_code == 404
