import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from abierto.directory.models import AuditEvent
from abierto.plan import selectors
from abierto.plan.demo.spread import apportion
from abierto.plan.models import Activity, Commitment, Indicator, Milestone, ProgressReport


def load_demo():
    call_command("load_demo", stdout=io.StringIO())


def test_apportion_adds_up_exactly():
    assert apportion(10, [1, 1, 1]) == [4, 3, 3]
    assert sum(apportion(113_000, list(range(1, 44)))) == 113_000


@pytest.mark.django_db
def test_the_demo_brings_the_2020_plan_and_figures_of_the_15th_session(settings):
    settings.DEBUG = True
    load_demo()
    overview = selectors.plan_overview()
    assert overview.plan.launched_on.year == 2020
    assert len(overview.axes) == 4
    assert (overview.co_created, overview.proactive) == (6, 3)
    responsible = {
        s.commitment.code: s.commitment.responsible.acronym for s in overview.commitments
    }
    assert {responsible[f"CC{n}"] for n in range(1, 7)} == {"SJDH"}
    assert [responsible["CP1"], responsible["CP2"], responsible["CP3"]] == [
        "Infoem",
        "IEEM",
        "PJEdomex",
    ]
    assert all(Decimal(0) <= s.progress < Decimal(100) for s in overview.commitments)

    coverage = selectors.coverage()
    assert coverage.municipalities_visited == 43
    assert coverage.municipalities_total == 125
    assert coverage.services_delivered >= 113_000
    assert coverage.people_served >= 30_000

    values = {i.code: selectors.indicator_summary(i).latest.value for i in Indicator.objects.all()}
    assert values["CC1-MUN"] == 43
    assert values["CC1-DEP"] == 26
    assert values["CC3-PLA"] == 83
    assert values["CC3-CERT"] == 32

    reports = ProgressReport.objects.filter(session__number=15)
    assert reports.count() >= 5
    study = selectors.openness_study_summary()
    assert (study.contributions, study.municipalities_contributing) == (32, 15)
    assert study.participation_rate == Decimal("12.0")
    assert len(study.dimensions) == 5


@pytest.mark.django_db
def test_a_second_load_creates_nothing_new(settings):
    settings.DEBUG = True
    load_demo()

    def counts() -> list[int]:
        # With DEBUG the demo prints fresh carnet QR codes (their secret is kept only hashed),
        # so each load reissues the demo carnets with their audit row: nothing else is new.
        audit = AuditEvent.objects.exclude(action="folder.carnet.issued")
        return [m.objects.count() for m in (Commitment, Milestone, Activity, ProgressReport)] + [
            audit.count()
        ]

    before = counts()
    load_demo()
    assert counts() == before


@pytest.mark.django_db
def test_the_demo_clerk_edits_the_judiciarys_commitment(settings):
    from django.contrib.auth import get_user_model

    settings.DEBUG = True
    load_demo()
    clerk = get_user_model().objects.get(username="dependencia")
    assert [c.code for c in selectors.commitments_editable_by(clerk)] == ["CP3"]


@pytest.mark.django_db
def test_every_demo_commitment_states_its_problem_and_objective(settings, client):
    settings.DEBUG = True
    load_demo()
    commitments = Commitment.objects.all()
    assert commitments.count() == 9
    for commitment in commitments:
        assert commitment.public_problem.strip(), commitment
        assert commitment.objective.strip(), commitment
        page = client.get(f"/plan/compromisos/{commitment.public_id}/").text
        assert "Sin descripción registrada" not in page


@pytest.mark.django_db
def test_a_database_loaded_before_the_descriptions_gets_them(settings):
    settings.DEBUG = True
    load_demo()
    Commitment.objects.update(public_problem="", objective="")
    edited = Commitment.objects.get(kind="co-created", number=3)
    edited.objective = "Texto editado por la dependencia."
    edited.save()
    load_demo()
    assert not Commitment.objects.filter(public_problem="").exclude(pk=edited.pk).exists()
    edited.refresh_from_db()
    assert (edited.public_problem, edited.objective) == ("", "Texto editado por la dependencia.")
