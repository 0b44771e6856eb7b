"""The published figures: no figure about fewer than 5 people, nothing deducible, and a
differencing attack that fails."""

import datetime

import pytest

from abierto.circles import figures, services
from abierto.circles.models import Phase, PublishedFigure

from .helpers import START, cohort, instrument, mediation_staff, participant

pytestmark = pytest.mark.django_db

LATER = START + datetime.timedelta(days=30)


def _people(staff, group, count, phase=Phase.INTERVIEW, prefix="P"):
    people = []
    for n in range(count):
        person = participant(staff, group, name=f"{prefix} Ficticia {n}")
        if phase not in (Phase.SELECTION, Phase.INTERVIEW):
            services.participant_reach_phase(
                actor=staff, participant=person, phase=phase, date=LATER
            )
        people.append(person)
    return people


def _snapshot():
    figures.figures_publish(actor=None)
    return {
        (f.cohort, f.measure, f.category): f.value
        for f in PublishedFigure.objects.order_by("order")
    }


def test_small_cells_are_suppressed_and_the_rest_rounded():
    staff = mediation_staff()
    group = cohort(staff)
    _people(staff, group, 7, Phase.INTERVIEW)
    _people(staff, group, 2, Phase.EMPATHY, prefix="E")
    published = _snapshot()
    label = str(group)
    participants = PublishedFigure.Measure.PARTICIPANTS
    assert published[(label, participants, "Círculos de empatía")] is None
    assert published[(label, participants, "Primera entrevista y aceptación")] == 5  # 7, rounded
    for value in published.values():
        assert value is None or value == 0 or value >= 5
    assert PublishedFigure.objects.filter(suppressed=True).exists()


def test_no_total_minus_shown_cells_gives_a_suppressed_cell_back():
    staff = mediation_staff()
    group = cohort(staff)
    _people(staff, group, 9, Phase.INTERVIEW)
    _people(staff, group, 3, Phase.ORGANISATIONS, prefix="O")
    _snapshot()
    label = str(group)
    rows = PublishedFigure.objects.filter(
        cohort=label, measure=PublishedFigure.Measure.PARTICIPANTS
    )
    assert rows.filter(suppressed=True).count() != 1


def test_a_withdrawn_participant_is_left_out_of_the_figures():
    staff = mediation_staff()
    group = cohort(staff)
    people = _people(staff, group, 10)
    before = _snapshot()
    assert before[(str(group), PublishedFigure.Measure.PARTICIPANTS, "Total")] == 10
    for person in people[:3]:
        services.participant_withdraw(actor=staff, participant=person, withdrawn_on=LATER)
    after = _snapshot()
    assert after[(str(group), PublishedFigure.Measure.PARTICIPANTS, "Total")] == 5  # 7


def test_the_mean_score_change_needs_five_people_evaluated_twice():
    staff = mediation_staff()
    group = cohort(staff)
    tool = instrument()
    people = _people(staff, group, 5)
    for index, person in enumerate(people):
        services.application_record(
            actor=staff, participant=person, instrument=tool, date=START, scores={1: 2, 2: 2, 3: 2}
        )
        if index < 4:
            services.application_record(
                actor=staff, participant=person, instrument=tool, date=LATER,
                scores={1: 4, 2: 4, 3: 4},
            )  # fmt: skip
    change = ("Todas", PublishedFigure.Measure.SCORE_CHANGE, tool.name)
    assert _snapshot()[change] is None
    services.application_record(
        actor=staff, participant=people[4], instrument=tool, date=LATER, scores={1: 4, 2: 4, 3: 4}
    )
    assert _snapshot()[change] == 2


def test_a_differencing_attack_cannot_single_out_the_new_participant():
    """The attacker knows the figures before, knows one young person joined, reads the
    figures again and tries to learn which phase that person is in. Every phase the person
    could be in gives the same publication, so the difference reveals nothing.

    (Without rounding, ``disclosure.BASE = 1``, the phase of the new person shows as the one
    cell that grew: this test then fails.)"""
    publications = {}
    for phase in (Phase.INTERVIEW, Phase.ORGANISATIONS, Phase.ASSISTANCE, Phase.EMPATHY):
        PublishedFigure.objects.all().delete()
        staff = mediation_staff(f"mediadora-{phase}")
        group = cohort(staff, name=f"2026-{phase}", region="Valle de Toluca")
        _people(staff, group, 6, Phase.INTERVIEW, prefix="I")
        _people(staff, group, 6, Phase.ORGANISATIONS, prefix="O")
        _people(staff, group, 2, Phase.ASSISTANCE, prefix="A")
        _people(staff, group, 1, Phase.EMPATHY, prefix="E")
        before = _snapshot()
        newcomer = participant(staff, group, name="Persona Nueva Ficticia")
        if phase != Phase.INTERVIEW:
            services.participant_reach_phase(
                actor=staff, participant=newcomer, phase=phase, date=LATER
            )
        after = _snapshot()
        # Publications of different cohorts compared by their cells, not their names.
        publications[phase] = (
            list(before.values()),
            list(after.values()),
        )
        group.participants.all().delete()
        group.delete()
    outcomes = {repr(pair) for pair in publications.values()}
    assert len(outcomes) == 1, publications


def test_the_public_figures_read_in_english_with_the_date_once_punctuated(client):
    staff = mediation_staff()
    group = cohort(staff)
    _people(staff, group, 6)
    figures.figures_publish(actor=None)
    page = client.get("/circulos-restaurativos/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Selection" in page
    assert ">All<" in page
    assert ">Selección<" not in page
    assert ">Todas<" not in page
    assert ".." not in page.split("<time", 1)[1].split("</p>", 1)[0]
