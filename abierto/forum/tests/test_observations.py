"""Observations on the draft acta: members observe, the facilitator attends, approval checks."""

import pytest
from django.core.exceptions import PermissionDenied

from abierto.directory.models import AuditEvent
from abierto.forum import services
from abierto.forum.models import Minutes, MinutesObservation, Session, SessionMaterial
from abierto.forum.selectors_materials import draft_paragraphs
from abierto.forum.services import ForumError, RollCallEntry

from .factories import AgendaItemFactory, SeatFactory, SessionFactory

pytestmark = pytest.mark.django_db

DRAFT = (
    "# ACTA\nEn la ciudad de Toluca se reunieron las personas integrantes.\nSe aprobó el orden.\n"
)


@pytest.fixture
def draft():
    earlier = SessionFactory(number=14, status=Session.Status.HELD)
    return Minutes.objects.create(session=earlier, text=DRAFT)


def test_a_member_observes_a_paragraph_and_the_history_keeps_it(member, draft):
    paragraph = draft_paragraphs(draft)[1]
    observation = services.observation_add(
        actor=member,
        minutes=draft,
        text="Falta el nombre del municipio anfitrión.",
        paragraph_id=paragraph.id,
    )
    assert observation.paragraph_text == paragraph.text
    assert observation.status == MinutesObservation.Status.OPEN
    event = AuditEvent.objects.get(action="minutes.observation_added")
    assert event.actor == member
    assert event.changes["text"] == "Falta el nombre del municipio anfitrión."


def test_an_unknown_paragraph_or_empty_text_is_refused(member, draft):
    with pytest.raises(ForumError, match="ya no está en el borrador"):
        services.observation_add(actor=member, minutes=draft, text="x", paragraph_id="nope")
    with pytest.raises(ForumError, match="Escriba la observación"):
        services.observation_add(actor=member, minutes=draft, text="   ")
    assert not MinutesObservation.objects.exists()


def test_citizens_do_not_observe_drafts(citizen, draft):
    with pytest.raises(PermissionDenied):
        services.observation_add(actor=citizen, minutes=draft, text="Hola")


def test_answering_needs_an_answer_and_only_the_facilitator_attends(facilitator, member, draft):
    observation = services.observation_add(actor=member, minutes=draft, text="General.")
    with pytest.raises(PermissionDenied):
        services.observation_attend(actor=member, observation=observation, accept=True)
    with pytest.raises(ForumError, match="escriba la respuesta"):
        services.observation_attend(actor=facilitator, observation=observation, accept=False)
    done = services.observation_attend(
        actor=facilitator,
        observation=observation,
        accept=False,
        answer="Así consta en la grabación.",
    )
    assert done.status == MinutesObservation.Status.ANSWERED
    assert done.attended_by == facilitator


def _approval_item(draft, actor):
    later = SessionFactory(
        forum=draft.session.forum, number=15, date=draft.session.date.replace(year=2023)
    )
    seats = [SeatFactory(forum=later.forum) for _ in range(3)]
    services.roll_call_record(
        actor=actor, session=later, entries=[RollCallEntry(seat=s, holder=True) for s in seats]
    )
    return AgendaItemFactory(session=later, number=3)


def test_approval_is_refused_while_an_observation_is_open(facilitator, member, draft):
    item = _approval_item(draft, facilitator)
    observation = services.observation_add(actor=member, minutes=draft, text="Corregir fecha.")
    with pytest.raises(ForumError, match="sin atender"):
        services.minutes_approve(actor=facilitator, minutes=draft, agenda_item=item, votes_for=3)
    draft.refresh_from_db()
    assert draft.status == Minutes.Status.DRAFT
    services.observation_attend(actor=facilitator, observation=observation, accept=True)
    agreement = services.minutes_approve(
        actor=facilitator, minutes=draft, agenda_item=item, votes_for=3
    )
    assert agreement is not None
    event = AuditEvent.objects.get(action="minutes.observations_attended")
    assert event.changes == {"accepted": 1, "answered": 0}
    with pytest.raises(ForumError, match="ya no recibe observaciones"):
        services.observation_add(actor=member, minutes=draft, text="Tarde.")


def test_convening_sends_the_previous_draft_with_the_convocation(facilitator, draft):
    later = SessionFactory(
        forum=draft.session.forum,
        number=15,
        date=draft.session.date.replace(year=2023),
        status="planned",
    )
    AgendaItemFactory(session=later, number=1)
    services.session_convene(actor=facilitator, session=later, date=later.date)
    material = SessionMaterial.objects.get(session=later)
    assert material.kind == SessionMaterial.Kind.DRAFT_MINUTES
    assert material.minutes == draft
    assert not material.is_public
