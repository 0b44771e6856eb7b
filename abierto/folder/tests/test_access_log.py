"""The access log: append-only, hash-chained, and verify_audit_log finds any tampering."""

import io
import itertools

import pytest
from django.core.management import call_command
from django.db import connection

from abierto.folder import selectors, services
from abierto.folder.models import AccessChainHead, AccessEvent, AppendOnlyError

from .factories import issue


def audit(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_audit_log", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        return exit_.code, out.getvalue() + err.getvalue()
    return 0, out.getvalue() + err.getvalue()


@pytest.fixture
def chain(issuer, birth_type, mother):
    document = issue(issuer, birth_type, cuts="MADRE00001")
    for action in ["view", "download", "view"]:
        services.access_record(
            action=action, actor_label="La persona titular", citizen=mother, document=document
        )
    return list(AccessEvent.objects.order_by("seq"))


def raw(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.mark.django_db
def test_events_are_chained_in_order(chain):
    assert [event.seq for event in chain] == [1, 2, 3, 4]
    assert chain[0].prev_hash == "0" * 64
    assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(chain))
    head = AccessChainHead.objects.get()
    assert (head.length, head.last_hash) == (4, chain[-1].hash)
    code, output = audit()
    assert code == 0
    assert "4 eventos" in output
    assert f"4:{chain[-1].hash}" in output


@pytest.mark.django_db
def test_the_log_refuses_updates_and_deletes_through_the_orm(chain):
    event = chain[1]
    event.actor_label = "Otra persona"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AccessEvent.objects.filter(pk=event.pk).update(actor_label="x")
    with pytest.raises(AppendOnlyError):
        AccessEvent.objects.all().delete()


@pytest.mark.django_db
def test_an_altered_row_is_detected_and_named(chain):
    raw("UPDATE folder_accessevent SET actor_label = %s WHERE id = %s", ["Nadie", chain[2].pk])
    code, output = audit()
    assert code == 1
    assert f"evento #3 (id {chain[2].pk})" in output
    assert "alterado" in output


@pytest.mark.django_db
def test_a_rehashed_row_still_breaks_the_chain(chain):
    """Without the HMAC key, a forger's plain hash does not match."""
    import hashlib

    raw(
        "UPDATE folder_accessevent SET hash = %s WHERE id = %s",
        [hashlib.sha256(b"forged").hexdigest(), chain[1].pk],
    )
    code, output = audit()
    assert code == 1
    assert "evento #2" in output


@pytest.mark.django_db
def test_a_removed_row_is_detected(chain):
    raw("DELETE FROM folder_accessevent WHERE id = %s", [chain[1].pk])
    code, output = audit()
    assert code == 1
    assert "evento #3" in output
    assert "falta el evento #2" in output


@pytest.mark.django_db
def test_removing_the_last_rows_is_detected_by_the_head(chain):
    raw("DELETE FROM folder_accessevent WHERE id = %s", [chain[-1].pk])
    code, output = audit()
    assert code == 1
    assert "cabeza de la bitácora" in output


@pytest.mark.django_db
def test_an_anchor_catches_a_cut_with_a_rewritten_head(chain):
    anchor = f"4:{chain[-1].hash}"
    raw("DELETE FROM folder_accessevent WHERE id = %s", [chain[-1].pk])
    raw(
        "UPDATE folder_accesschainhead SET length = 3, last_hash = %s WHERE id = 1",
        [chain[-2].hash],
    )
    assert audit()[0] == 0  # consistent on its own
    code, output = audit("--anchor", anchor)
    assert code == 1
    assert "ya no existe" in output


@pytest.mark.django_db
def test_the_citizen_sees_every_access_including_to_their_childs_documents(
    issuer, birth_type, mother, stranger
):
    child = issue(issuer, birth_type, cuts="HIJA000001", cuts_madre="MADRE00001")
    services.verification_record(document=child, ip="10.1.2.3")
    events = list(selectors.access_events_for(mother))
    assert [event.action for event in events] == ["verify", "issue"]
    assert events[0].ip_prefix == "10.1.2.0/24"  # stored, for the child
    assert selectors.event_network(events[0]) == ""  # not shown to the mother
    assert list(selectors.access_events_for(stranger)) == []
