"""The one writer of the access log's chain: batches under one lock, in any process."""

from __future__ import annotations

import multiprocessing

import pytest
from django.db import connection

from abierto.folder import selectors, services
from abierto.folder.models import AccessChainHead, AccessEvent, DocumentHolder
from abierto.folder.services import chain
from abierto.folder.services.rows import LOOKUP_CHUNK, ids_by, insert_rows

from . import chain_processes
from .factories import issue


def event(name: str, **values) -> chain.ChainEvent:
    return chain.ChainEvent(holder_index="IDX-" + name, action="view", actor_label=name, **values)


@pytest.mark.django_db
def test_a_batch_is_chained_in_order_and_moves_the_head_once(issuer, birth_type):
    document = issue(issuer, birth_type, cuts="BATCH00001")  # the ISSUE event is #1
    rows = chain.chain_append(
        [
            event("a"),
            event("b", document_pk=document.pk, document_public_id=document.public_id),
            event("c", ip_prefix="192.0.2.0/24"),
        ]
    )
    assert [row["seq"] for row in rows] == [2, 3, 4]
    assert [row["prev_hash"] for row in rows[1:]] == [row["hash"] for row in rows[:2]]
    stored = list(AccessEvent.objects.filter(seq__gte=2).values_list("actor_label", "document"))
    assert stored == [("a", None), ("b", document.pk), ("c", None)]
    head = AccessChainHead.objects.get()
    assert (head.length, head.last_hash) == (4, rows[-1]["hash"])
    assert services.audit_chain_check() == []


@pytest.mark.django_db
def test_keep_chooses_under_the_lock_what_is_written():
    seen_inside: list[bool] = []

    def only_b(events):
        seen_inside.append(connection.in_atomic_block)
        return [e for e in events if e.actor_label == "b"]

    rows = chain.chain_append([event("a"), event("b")], keep=only_b)
    assert [row["actor_label"] for row in rows] == ["b"]
    assert seen_inside == [True]
    assert chain.chain_append([event("c")], keep=lambda events: []) == []
    assert list(AccessEvent.objects.values_list("seq", "actor_label")) == [(1, "b")]
    assert AccessChainHead.objects.get().length == 1
    assert services.audit_chain_check() == []


@pytest.mark.django_db
def test_a_long_actor_label_is_cut_to_the_column():
    long_label = chain.ChainEvent(holder_index="IDX", action="view", actor_label="x" * 500)
    [row] = chain.chain_append([long_label])
    assert len(row["actor_label"]) == AccessEvent._meta.get_field("actor_label").max_length
    assert services.audit_chain_check() == []


@pytest.mark.django_db
def test_rows_follow_the_model_fields_and_refuse_unknown_keys(issuer, birth_type):
    document = issue(issuer, birth_type, cuts="ROWS000001")
    with pytest.raises(ValueError, match="no field"):
        insert_rows(DocumentHolder, [{"document_id": document.pk, "cuts": "x"}])
    with pytest.raises(ValueError, match="relation needs a value"):
        insert_rows(DocumentHolder, [{"document_id": document.pk, "cuts_index": "OTHER"}])
    assert not DocumentHolder.objects.filter(cuts_index="OTHER").exists()
    # Fields left out take their defaults.
    AccessChainHead.objects.all().delete()
    insert_rows(AccessChainHead, [{}])
    head = AccessChainHead.objects.get()
    assert (head.length, head.last_hash) == (0, "0" * 64)


# SQLite binds at most so many parameters a statement: every lookup by a list of keys must
# answer right past LOOKUP_CHUNK (500) keys.
@pytest.mark.django_db
def test_lookups_by_more_than_five_hundred_keys_answer_right(issuer, birth_type, mother):
    count = LOOKUP_CHUNK + 120
    requests = [
        services.IssueRequest(
            cuts="MADRE00001",
            fields={"nombre": f"Persona {n}", "fecha_nacimiento": "1990-01-01"},
            reference=f"MANY-{n}",
        )
        for n in range(count)
    ]
    for start in range(0, count, services.documents.MAX_BATCH):
        services.documents_issue_batch(
            issuer=issuer, type_slug=birth_type.slug, requests=requests[start : start + 1000]
        )
    documents = list(selectors.documents_for_citizen(mother))
    assert len(documents) == count
    public_ids = [document.public_id for document in documents]
    found = ids_by(type(documents[0]), "public_id", [*public_ids, "NO-SUCH-ID"])
    assert found == {document.public_id: document.pk for document in documents}
    by_reference = ids_by(
        type(documents[0]), "agency_reference", [f"MANY-{n}" for n in range(count)],
        issuer=issuer.pk,
    )  # fmt: skip
    assert len(by_reference) == count
    relations = selectors.relations_by_document(mother, documents)
    assert len(relations) == count
    assert set(map(tuple, relations.values())) == {("titular",)}
    assert selectors.access_events_for(mother).count() == count
    assert selectors.access_log_intact_for(mother)


# The lock file (flock) is what makes two processes on one SQLite file take turns; an
# in-memory test database never reaches it. Two processes append at once on a file database.
@pytest.mark.slow
@pytest.mark.no_database  # its processes share a SQLite file of their own
def test_two_processes_appending_at_once_take_turns_on_the_lock_file(tmp_path):
    db_path = str(tmp_path / "chain.sqlite3")
    spawn = multiprocessing.get_context("spawn")
    setup = spawn.Process(target=chain_processes.create_tables, args=(db_path,))
    setup.start()
    setup.join(120)
    assert setup.exitcode == 0
    start, results = spawn.Event(), spawn.Queue()
    calls = 40
    writers = [
        spawn.Process(
            target=chain_processes.append_events, args=(db_path, name, calls, start, results)
        )
        for name in ("uno", "dos")
    ]
    for writer in writers:
        writer.start()
    start.set()
    turns = dict(results.get(timeout=180) for _ in writers)
    for writer in writers:
        writer.join(60)
        assert writer.exitcode == 0
    # Every append outside a transaction took its turn on the file beside the database.
    assert {name: len(names) for name, names in turns.items()} == {"uno": calls, "dos": calls}
    assert {name for names in turns.values() for name in names} == {db_path + ".chain-lock"}
    check = spawn.Process(target=chain_processes.audit, args=(db_path, results))
    check.start()
    problems, count = results.get(timeout=120)
    check.join(60)
    assert problems == []
    assert count == 2 * calls * 2  # no row lost
