"""Who edits which commitment: the rule in selectors.commitments_editable_by, and its pages."""

import pytest
from django.urls import reverse

from abierto.directory.tests.factories import InstitutionFactory
from abierto.plan import selectors

from .factories import CommitmentFactory, MilestoneFactory, clerk_of


@pytest.fixture
def commitments(db):
    own = InstitutionFactory(acronym="SJDH")
    supported = CommitmentFactory(title="Apoyado")
    supported.supporting.add(own)
    return {
        "own": own,
        "led": CommitmentFactory(title="Propio", responsible=own),
        "supported": supported,
        "other": CommitmentFactory(title="Ajeno"),
    }


def test_a_clerk_edits_what_their_institution_leads_or_supports(agency_clerk, commitments):
    clerk_of(agency_clerk, commitments["own"])
    editable = set(selectors.commitments_editable_by(agency_clerk))
    assert editable == {commitments["led"], commitments["supported"]}
    assert not selectors.can_edit_commitment(agency_clerk, commitments["other"])


def test_the_facilitator_edits_every_commitment(facilitator, commitments):
    assert selectors.commitments_editable_by(facilitator).count() == 3


def test_a_clerk_of_another_institution_edits_none_of_them(agency_clerk, commitments):
    clerk_of(agency_clerk, InstitutionFactory())
    assert not selectors.commitments_editable_by(agency_clerk).exists()


def test_a_clerk_without_institution_edits_nothing(agency_clerk, commitments):
    assert not selectors.commitments_editable_by(agency_clerk).exists()


@pytest.mark.parametrize("who", ["outsider", "member", "citizen"])
def test_other_roles_edit_nothing_even_linked_to_the_institution(request, who, commitments):
    user = request.getfixturevalue(who)
    clerk_of(user, commitments["own"])
    assert not selectors.commitments_editable_by(user).exists()


def test_an_inactive_clerk_edits_nothing(agency_clerk, commitments):
    clerk_of(agency_clerk, commitments["own"])
    agency_clerk.is_active = False
    agency_clerk.save()
    assert not selectors.commitments_editable_by(agency_clerk).exists()


def _pages(commitment, milestone):
    return [
        ("get", reverse("plan_manage:home")),
        ("get", reverse("plan_manage:commitment", args=[commitment.public_id])),
        ("post", reverse("plan_manage:milestone_add", args=[commitment.public_id])),
        (
            "post",
            reverse("plan_manage:milestone_status", args=[commitment.public_id, milestone.pk]),
        ),
        ("post", reverse("plan_manage:report_add", args=[commitment.public_id])),
        ("get", reverse("plan_manage:upload", args=["hitos"])),
        ("get", reverse("plan_manage:upload_template", args=["caravanas"])),
    ]


@pytest.mark.parametrize("who", ["outsider", "member", "citizen"])
def test_the_clerk_pages_refuse_other_roles(request, client_as, who, commitments):
    milestone = MilestoneFactory(action_line__commitment=commitments["led"])
    client = client_as(request.getfixturevalue(who))
    for method, url in _pages(commitments["led"], milestone):
        response = getattr(client, method)(url)
        assert response.status_code == 403, url
    milestone.refresh_from_db()
    assert milestone.status == "pending"


def test_the_clerk_pages_send_anonymous_visitors_to_log_in(client, commitments):
    milestone = MilestoneFactory(action_line__commitment=commitments["led"])
    for method, url in _pages(commitments["led"], milestone):
        response = getattr(client, method)(url)
        assert response.status_code == 302
        assert "/cuenta/entrar/" in response["Location"]


def test_a_clerk_of_another_institution_cannot_open_or_change_the_commitment(
    client_as, agency_clerk, commitments
):
    clerk_of(agency_clerk, InstitutionFactory())
    milestone = MilestoneFactory(action_line__commitment=commitments["led"])
    client = client_as(agency_clerk)
    assert client.get(reverse("plan_manage:home")).status_code == 200
    page = reverse("plan_manage:commitment", args=[commitments["led"].public_id])
    assert client.get(page).status_code == 403
    response = client.post(
        reverse("plan_manage:milestone_status", args=[commitments["led"].public_id, milestone.pk]),
        {"status": "met", "met_on": "2022-06-01"},
    )
    assert response.status_code == 403
    milestone.refresh_from_db()
    assert milestone.status == "pending"


def test_a_milestone_of_another_commitment_is_not_reachable_through_ones_own(
    client_as, agency_clerk, commitments
):
    clerk_of(agency_clerk, commitments["own"])
    foreign = MilestoneFactory(action_line__commitment=commitments["other"])
    response = client_as(agency_clerk).post(
        reverse("plan_manage:milestone_status", args=[commitments["led"].public_id, foreign.pk]),
        {"status": "met", "met_on": "2022-06-01"},
    )
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == "pending"
