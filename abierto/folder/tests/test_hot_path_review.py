"""What a review of the hot paths found: sealing workers that outlived a killed job (and on
PostgreSQL kept its locks), verifications coalesced only within one process, and retired
keys trusted from a cache. Each test failed before its fix."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.utils import timezone

from abierto.folder import selectors, services
from abierto.folder.models import AccessEvent, IssuerKey
from abierto.folder.services import access, chain

from .factories import issue

ROOT = Path(__file__).resolve().parents[3]

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks and sessions of PostgreSQL"
)


def pids(output: Path) -> list[int]:
    """The process ids the script printed (its other lines are warnings)."""
    lines = [
        line.split()[1:] for line in output.read_text().splitlines() if line.startswith("PIDS")
    ]
    return [int(pid) for pid in lines[0]] if lines else []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie counts as dead.
    with contextlib.suppress(FileNotFoundError):
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state != "Z"
    return False


# SealingPool workers must end with a job process that dies (SIGKILL, the OOM killer, a
# container stopped): they would wait for ever on the call queue, whose pipe they hold.

ORPHAN_SCRIPT = """
import os, signal, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abierto.test_settings")
django.setup()
from abierto.folder import keys
from abierto.folder.sealing import SealingPool
from abierto.lib import jws
private_key = jws.generate_private_key()
pool = SealingPool(2)
jobs = [(f"id{n:020d}", {"n": n}) for n in range(128)]
pool.seal(jobs, private_key, "kid-orphan", keys.master_key_ring())
children = [p.pid for p in pool._executor._processes.values()]
print("PIDS", *children, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.slow
def test_sealing_workers_die_with_the_job_process(tmp_path):
    # Output to a file: the orphans would hold a pipe open and subprocess.run would hang.
    out = tmp_path / "out.txt"
    with out.open("w") as handle:
        result = subprocess.run(
            [sys.executable, "-c", ORPHAN_SCRIPT],
            cwd=ROOT,
            stdout=handle,
            stderr=subprocess.STDOUT,
            timeout=120,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "abierto.test_settings"},
        )
    assert result.returncode == -signal.SIGKILL, out.read_text()
    children = pids(out)
    assert len(children) == 2
    time.sleep(3)
    orphans = [pid for pid in children if _alive(pid)]
    for pid in orphans:  # clean up what this test proved
        os.kill(pid, signal.SIGKILL)
    assert orphans == [], f"sealing workers {orphans} outlived their job process"


# On PostgreSQL a worker forked with the job's connection kept its socket open: the session
# stayed "idle in transaction" with the issuer's and the chain head's row locks, and every
# later QR verification waited for ever.

PG_KILL_SCRIPT = """
import os, signal, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abierto.test_settings")
django.setup()
from abierto.folder import services
from abierto.folder.models import Issuer
from abierto.folder.services import documents

original = documents.chain_append
def append_then_die(*args, **kwargs):
    original(*args, **kwargs)   # the chain head is now locked in this batch's transaction
    import multiprocessing
    print("PIDS", *(p.pid for p in multiprocessing.active_children()), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)   # the job process dies mid-batch (OOM, deploy...)
documents.chain_append = append_then_die

issuer = Issuer.objects.get(slug=sys.argv[1])
services.bulk_issue_csv(sys.argv[3], issuer=issuer, type_slug=sys.argv[2], batch_size=80,
                        processes=2)
"""


@postgres_only
@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_killed_bulk_job_does_not_leave_the_audit_chain_locked(tmp_path, issuer, birth_type):
    scanned = issue(issuer, birth_type, cuts="PGKILL0001")  # the chain head row exists
    source = tmp_path / "actas.csv"
    lines = ["cuts,referencia,nombre,fecha_nacimiento,folio"] + [
        f"PERS{n:06d},REF-{n},Persona {n},1990-01-{1 + n % 28:02d},{n}" for n in range(160)
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings_dict = connection.settings_dict
    url = (
        f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:{settings_dict['PORT']}/"
        f"{settings_dict['NAME']}"
    )
    with connection.cursor() as cursor:
        # Sessions of this test database only: other test processes have their own.
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
        before = {row[0] for row in cursor.fetchall()}
    out = tmp_path / "out.txt"
    with out.open("w") as handle:
        result = subprocess.run(
            [sys.executable, "-c", PG_KILL_SCRIPT, issuer.slug, birth_type.slug, str(source)],
            cwd=ROOT,
            stdout=handle,
            stderr=subprocess.STDOUT,
            timeout=120,
            env={
                **os.environ,
                "DATABASE_URL": url,
                "DJANGO_SETTINGS_MODULE": "abierto.test_settings",
            },
        )
    assert result.returncode == -signal.SIGKILL, out.read_text()
    time.sleep(2)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '2s'")
            cursor.execute(
                "SELECT pid, state FROM pg_stat_activity "
                "WHERE state = 'idle in transaction' AND datname = current_database()"
            )
            stuck = [row for row in cursor.fetchall() if row[0] not in before]
            cursor.execute("RESET lock_timeout")
        # What a QR scan does now: wait on the head's lock held by the dead job's session.
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '2s'")
        try:
            services.verification_record(document=scanned, ip="192.0.2.1")
            blocked = None
        except Exception as exc:
            blocked = exc
        assert stuck == [], f"the dead job's session is still {stuck}"
        assert blocked is None, f"a QR scan's log write failed with {blocked!r}"
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
            # Only what the dead job left: never another test's session.
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE state = 'idle in transaction' "
                "AND datname = current_database() AND pid <> pg_backend_pid()"
            )
            for (pid,) in cursor.fetchall():
                if pid not in before:
                    cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        for pid in pids(out):  # sealing workers, if they outlived the job
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


# "Two scans at once log one event" must hold across gunicorn workers: on PostgreSQL the
# coalescing check ran before the head's row lock, under a thread lock only. Two processes
# have a lock each, which is what this test gives each thread.


class _PerThreadLock:
    """What two processes have: each its own lock."""

    def __init__(self) -> None:
        self._local = threading.local()

    def __enter__(self):
        lock = getattr(self._local, "lock", None)
        if lock is None:
            lock = self._local.lock = threading.Lock()
        lock.acquire()

    def __exit__(self, *exc):
        self._local.lock.release()


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_scanning_at_once_log_one_verification(issuer, birth_type, monkeypatch):
    document = issue(issuer, birth_type, cuts="RACE000001")
    token = selectors.document_token(document)
    monkeypatch.setattr(chain, "_thread_lock", _PerThreadLock())
    barrier = threading.Barrier(2, timeout=3)  # broken when the head lock serialises them
    original = access._not_yet_logged

    def checked_then_wait_for_the_other(events):
        kept = original(events)
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()  # both have run the coalescing SELECT and found nothing
        return kept

    monkeypatch.setattr(access, "_not_yet_logged", checked_then_wait_for_the_other)
    written: list[bool] = []
    failures: list[BaseException] = []

    def scan():
        try:
            result = selectors.verify_token(token)
            written.append(services.verification_record(document=result.document, ip="203.0.113.9"))
        except BaseException as exc:
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=scan) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert services.audit_chain_check() == []
    count = AccessEvent.objects.filter(action=AccessEvent.Action.VERIFY, document=document).count()
    assert count == 1, f"two scans from one network at once logged {count} events"


# A retired (compromised) signing key must stop verifying in every process at once, not
# after KEY_CACHE_SECONDS: the update below is what another worker's retirement looks like.


@pytest.mark.django_db
def test_a_key_retired_elsewhere_stops_verifying_at_once(issuer, birth_type):
    selectors._key_cache.clear()
    document = issue(issuer, birth_type, cuts="RETIRE0001")
    token = selectors.document_token(document)
    assert selectors.verify_token(token).valid  # this worker now caches the key
    IssuerKey.objects.filter(pk=document.issuer_key_id).update(retired_at=timezone.now())
    result = selectors.verify_token(token)
    assert not result.valid, "a retired key still verifies (for up to 10 s per process)"


# Even in the retiring process: post_save fires before the commit (the admin saves inside
# atomic), and another thread could cache the not-yet-retired key in between.


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_key_retired_in_this_process_stops_verifying_after_commit(issuer, birth_type):
    selectors._key_cache.clear()
    document = issue(issuer, birth_type, cuts="RETIRE0002")
    token = selectors.document_token(document)

    def verify_in_another_thread():
        try:
            selectors.verify_token(token)
        finally:
            connection.close()

    with transaction.atomic():  # what ModelAdmin.changeform_view does
        services.issuer_key_retire(actor=None, key=IssuerKey.objects.get(pk=document.issuer_key_id))
        thread = threading.Thread(target=verify_in_another_thread)
        thread.start()
        thread.join()
    result = selectors.verify_token(token)
    assert not result.valid, "the retiring process re-cached the key before the commit"


# Every kind of event (an access, a verification, an issuance batch) goes through the one
# chain writer and interleaves in one verifiable chain.
@pytest.mark.django_db
def test_every_kind_of_event_interleaves_in_one_verifiable_chain(issuer, birth_type, mother):
    document = issue(issuer, birth_type, cuts="MADRE00001")
    for n in range(3):
        services.access_record(
            action="view", actor_label="La persona titular", citizen=mother, document=document
        )
        services.verification_record(document=document, ip=f"198.51.{n}.1")
        issue(issuer, birth_type, cuts=f"MIX{n:07d}")
    assert services.audit_chain_check() == []


# Accesses, issuances and verifications written at once keep one chain. PostgreSQL only: the SQLite
# test database is a shared-cache in-memory one, whose table locks ignore busy_timeout.
@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mixed_concurrent_writers_keep_one_chain(issuer, birth_type, mother):
    document = issue(issuer, birth_type, cuts="MADRE00001")
    failures: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for m in range(5):
                if n % 3 == 0:
                    services.access_record(
                        action="view", actor_label="titular", citizen=mother, document=document
                    )
                elif n % 3 == 1:
                    services.verification_record(document=document, ip=f"10.{n}.{m}.1")
                else:
                    issue(issuer, birth_type, cuts=f"MIXC{n:03d}{m:03d}", reference=f"R{n}-{m}")
        except BaseException as exc:
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert services.audit_chain_check() == []
    assert AccessEvent.objects.count() == 1 + 30
