"""One overdue rule (``Milestone.is_overdue``) for the summary, the public page and the
clerk's page: open after its due date; due today is not overdue yet; met late is met."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from abierto.directory.tests.factories import InstitutionFactory
from abierto.plan import selectors
from abierto.plan.models import Milestone

from .factories import ActionLineFactory, MilestoneFactory, clerk_of

TODAY = datetime.date(2023, 1, 10)
YESTERDAY = TODAY - datetime.timedelta(days=1)
S = Milestone.Status


@pytest.mark.parametrize(
    ("status", "due_date", "met_on", "overdue"),
    [
        (S.PENDING, TODAY, None, False),  # due today: still on time
        (S.PENDING, YESTERDAY, None, True),  # due yesterday
        (S.IN_PROGRESS, YESTERDAY, None, True),
        (S.MET, datetime.date(2023, 1, 1), datetime.date(2023, 1, 5), False),  # done late
        (S.CANCELLED, YESTERDAY, None, False),
        (S.PENDING, None, None, False),  # no due date
    ],
)
def test_is_overdue_at_the_boundary(status, due_date, met_on, overdue):
    milestone = Milestone(status=status, due_date=due_date, met_on=met_on)
    assert milestone.is_overdue(TODAY) is overdue


def test_is_overdue_counts_days_in_mexico_city_not_utc():
    milestone = Milestone(status=S.PENDING, due_date=TODAY)
    # 23:30 in Mexico City is already the next day in UTC.
    with time_machine.travel("2023-01-10 23:30 -06:00", tick=False):
        assert milestone.is_overdue() is False
    with time_machine.travel("2023-01-11 00:30 -06:00", tick=False):
        assert milestone.is_overdue() is True


@pytest.fixture
def line():
    line = ActionLineFactory()
    MilestoneFactory(action_line=line, title="Vence hoy", due_date=TODAY)
    MilestoneFactory(action_line=line, title="Venció ayer", due_date=YESTERDAY)
    MilestoneFactory(
        action_line=line,
        title="Cumplido tarde",
        status=S.MET,
        due_date=datetime.date(2023, 1, 1),
        met_on=datetime.date(2023, 1, 5),
    )
    return line


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2023-01-10 12:00 -06:00", tick=False):
        yield


@pytest.mark.django_db
def test_the_summary_counts_only_the_one_due_yesterday(line):
    assert selectors.commitment_summary(line.commitment).overdue == 1


@pytest.mark.django_db
def test_the_public_page_marks_only_the_one_due_yesterday(client, line):
    page = client.get(reverse("plan:commitment_detail", args=[line.commitment.public_id]))
    assert page.status_code == 200
    assert page.text.count("milestone-overdue") == 1
    overdue_item = page.text.split("milestone-overdue", 1)[1].split("</li>", 1)[0]
    assert "Venció ayer" in overdue_item


@pytest.mark.django_db
def test_the_clerks_page_marks_only_the_one_due_yesterday(client_as, agency_clerk, line):
    institution = InstitutionFactory()
    clerk_of(agency_clerk, institution)
    line.commitment.responsible = institution
    line.commitment.save()
    url = reverse("plan_manage:commitment", args=[line.commitment.public_id])
    page = client_as(agency_clerk).get(url)
    assert page.status_code == 200
    assert page.text.count('<span class="badge badge-overdue">vencido</span>') == 1
