"""What a person named in someone else's document sees of its access log (DPIA §5).

The holder sees everything done to their document, with networks and times; a related
person (mother, father, guardian, spouse, ex-spouse) sees only that it was issued or revoked
and, except an ex-spouse, the days it was verified; never the holder's views, downloads,
shares or exports, never a verifier's network; and their own actions in full.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from abierto.folder import actor_labels, export, selectors, services
from abierto.folder.access_log import RELATED_SEES
from abierto.folder.models import AccessEvent, Relation

from .citizen_helpers import active_citizen, folder_login
from .factories import CUTS_PATTERN, DocumentTypeFactory, issue

pytestmark = pytest.mark.django_db

Action = AccessEvent.Action
RELATED = {
    Relation.MOTHER: "MADRE00001",
    Relation.FATHER: "PADRE00001",
    Relation.GUARDIAN: "TUTOR00001",
    Relation.SPOUSE: "CONYUGE001",
    Relation.FORMER_SPOUSE: "EXCONYUGE1",
}
HOLDER = "TITULAR001"
VERIFIER_NETWORK = "10.1.2.0/24"


@pytest.fixture
def family_type(issuer):
    properties = {
        "nombre": {"type": "string", "title": "Nombre"},
        "fecha_nacimiento": {"type": "string", "format": "date", "title": "Nacimiento"},
    }
    properties |= {
        f"cuts_{relation.value}": {"type": "string", "title": "CUTS", "pattern": CUTS_PATTERN}
        for relation in RELATED
    }
    return DocumentTypeFactory(
        issuers=[issuer],
        json_schema={"type": "object", "properties": properties, "additionalProperties": False},
        related_holders=[
            {"field": f"cuts_{relation.value}", "relation": relation.value} for relation in RELATED
        ],
    )


@pytest.fixture
def busy_document(issuer, family_type):
    """A document naming one person per relation, with one event of every kind on it."""
    holder = services.citizen_register(cuts=HOLDER)[0]
    related = {
        relation: services.citizen_register(cuts=cuts)[0] for relation, cuts in RELATED.items()
    }
    document = issue(
        issuer,
        family_type,
        cuts=HOLDER,
        **{f"cuts_{relation.value}": cuts for relation, cuts in RELATED.items()},
    )
    mine = actor_labels.HOLDER
    for action in [Action.VIEW, Action.DOWNLOAD]:
        services.access_record(
            action=action, actor_label=mine, citizen=holder, document=document, ip="192.0.2.7"
        )
    share, token = services.share_create(
        citizen=holder, documents=[document], expires_at=timezone.now() + timedelta(days=1)
    )
    services.share_open(token, ip="198.51.100.9")
    services.share_revoke(citizen=holder, share=share)
    services.verification_record(document=document, ip="10.1.2.3")
    for action in [Action.EXPORT, Action.LOGIN, Action.REAUTH]:
        services.access_record(action=action, actor_label=mine, citizen=holder, ip="192.0.2.7")
    services.document_revoke(document=document, reason="Error de captura", actor_label="Emisor")
    return document, holder, related


def _by_action(events):
    return {event.action: event for event in events}


def test_the_holder_sees_every_event_with_its_network(busy_document):
    _document, holder, _related = busy_document
    events = list(selectors.access_events_for(holder))
    # Every kind of event the fixture writes (a procedure's steps: test_procedures.py).
    written = {action for action in Action.values if not action.startswith("proc_")}
    assert {event.action for event in events} == written
    verification = _by_action(events)[Action.VERIFY]
    assert verification.detailed is True
    assert selectors.event_network(verification) == VERIFIER_NETWORK


@pytest.mark.parametrize("relation", list(RELATED))
def test_a_related_person_sees_only_what_their_relation_allows(busy_document, relation):
    document, _holder, related = busy_document
    events = list(selectors.access_events_for(related[relation]))
    assert {event.action for event in events} == RELATED_SEES[relation.value]
    assert all(event.document_id == document.pk for event in events)
    assert not any(event.detailed for event in events)
    assert all(selectors.event_network(event) == "" for event in events)


def test_an_ex_spouse_does_not_learn_when_a_divorce_certificate_is_used(busy_document):
    _document, _holder, related = busy_document
    actions = {e.action for e in selectors.access_events_for(related[Relation.FORMER_SPOUSE])}
    assert Action.VERIFY not in actions
    assert actions == {Action.ISSUE, Action.REVOKE}


def test_parents_and_spouses_see_the_day_of_a_verification_not_the_network(busy_document):
    _document, _holder, related = busy_document
    for relation in [Relation.MOTHER, Relation.FATHER, Relation.GUARDIAN, Relation.SPOUSE]:
        verification = _by_action(selectors.access_events_for(related[relation]))[Action.VERIFY]
        assert verification.ip_prefix == VERIFIER_NETWORK  # stored for the holder
        assert selectors.event_network(verification) == ""


def test_a_related_persons_own_view_is_theirs_and_the_holders_not_the_others(busy_document, client):
    document, holder, related = busy_document
    mother = active_citizen(RELATED[Relation.MOTHER]).citizen
    folder_login(client, mother)
    assert client.get(f"/carpeta/documentos/{document.public_id}/").status_code == 200
    view = AccessEvent.objects.get(action=Action.VIEW, actor_label="Madre, desde su Carpeta")
    assert view.holder_index == mother.cuts_index
    mine = _by_action(e for e in selectors.access_events_for(mother) if e.pk == view.pk)
    assert mine[Action.VIEW].detailed is True
    assert view.pk in {event.pk for event in selectors.access_events_for(holder)}
    father_sees = {event.pk for event in selectors.access_events_for(related[Relation.FATHER])}
    assert view.pk not in father_sees


def test_the_access_log_page_of_a_related_person_hides_the_holders_actions(busy_document, client):
    _document, _holder, _related = busy_document
    father = active_citizen(RELATED[Relation.FATHER]).citizen
    folder_login(client, father)
    html = client.get("/carpeta/accesos/").content.decode()
    assert "Verificación pública con el código QR" in html
    assert "Emisión" in html
    hidden_actions = [Action.DOWNLOAD, Action.SHARE_CREATE, Action.SHARE_VIEW, Action.EXPORT]
    for hidden in [*(f"<strong>{a.label}</strong>" for a in hidden_actions), "192.0.2.0/24"]:
        assert hidden not in html
    for hidden in [VERIFIER_NETWORK, "<strong>Consulta</strong>", "<strong>Ingreso"]:
        assert hidden not in html
    assert "Bitácora íntegra" in html


def test_the_access_log_page_of_the_holder_shows_networks(busy_document, client):
    _document, holder, _related = busy_document
    active_holder = active_citizen(HOLDER)  # the same folder, now activated
    assert active_holder.citizen.pk == holder.pk
    folder_login(client, active_holder.citizen)
    html = client.get("/carpeta/accesos/").content.decode()
    assert VERIFIER_NETWORK in html
    assert "Descarga" in html


def test_the_arco_export_of_a_related_person_carries_no_network_nor_time(busy_document):
    _document, _holder, related = busy_document
    events = export.citizen_data(related[Relation.SPOUSE])["access_log"]["events"]
    assert {event["action"] for event in events} == {"issue", "revoke", "verify"}
    assert all(event["network"] is None for event in events)
    assert all(len(event["at"]) == len("2026-01-01") for event in events)
