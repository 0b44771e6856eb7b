"""A real `kill -9` of `manage.py db_worker` mid-job, then a restarted worker.

The other lease tests simulate the dead worker in-process; this one runs the worker the way
production does (its own process, its own database connection, its heartbeat thread) and
kills it with SIGKILL, so nothing in the worker gets a chance to clean up.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[3]
LEASE_SECONDS = 2


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A migrated SQLite database of its own and the environment of a worker that uses it."""
    tmp_path = tmp_path_factory.mktemp("leases")
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "TASKS_BACKEND": "database",
        "JOB_LEASE_SECONDS": str(LEASE_SECONDS),
        "DJANGO_SETTINGS_MODULE": "abierto.settings",
        "PYTHONPATH": str(ROOT),
    }
    manage(env, "migrate", "--no-input", "-v", "0")
    return env, tmp_path / "db.sqlite3"


def manage(env, *args: str, timeout: float = 120) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def enqueue(env, call: str) -> str:
    code = (
        "from abierto.ops.background import job_enqueue\n"
        "from abierto.ops.tests import jobs\n"
        f"print(job_enqueue({call}).public_id)"
    )
    return manage(env, "shell", "--no-imports", "-c", code).strip().splitlines()[-1]


def job_row(database: Path, public_id: str) -> tuple[str, int, str]:
    with sqlite3.connect(database, timeout=10) as db:
        row = db.execute(
            "SELECT status, progress, error FROM ops_job WHERE public_id = ?", (public_id,)
        ).fetchone()
    assert row is not None
    return row


def wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def start_worker_and_kill_it_mid_job(env, database: Path, public_id: str, progress: int) -> None:
    worker = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "db_worker",
            "--queue-name",
            "*",
            "--no-reload",
            "--interval",
            "0.2",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(
            lambda: job_row(database, public_id)[:2] == ("running", progress),
            timeout=60,
            what="the worker to take the job",
        )
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL


def test_a_resumable_job_of_a_worker_killed_with_sigkill_is_resumed_by_the_next_worker(project):
    env, database = project
    public_id = enqueue(env, "jobs.stalls_once, label='Emisión masiva', step=35")
    start_worker_and_kill_it_mid_job(env, database, public_id, progress=35)
    # The dead worker's job still says "running 35 %": only its lease can tell it is dead.
    assert job_row(database, public_id)[:2] == ("running", 35)
    time.sleep(LEASE_SECONDS + 1)
    manage(env, "db_worker", "--batch", "--queue-name", "*", "--no-reload")
    status, progress, error = job_row(database, public_id)
    assert (status, progress) == ("done", 100), error


def test_a_job_of_a_worker_killed_with_sigkill_fails_clearly_and_its_upload_is_removed(
    project, tmp_path
):
    env, database = project
    upload = tmp_path / "acta.pdf"
    upload.write_bytes(b"%PDF-1.7 uploaded acta")
    public_id = enqueue(env, f"jobs.stalls_with_upload, label='Lectura', marker={str(upload)!r}")
    start_worker_and_kill_it_mid_job(env, database, public_id, progress=50)
    assert upload.exists()
    time.sleep(LEASE_SECONDS + 1)
    manage(env, "db_worker", "--batch", "--queue-name", "*", "--no-reload")
    status, _progress, error = job_row(database, public_id)
    assert status == "failed"
    assert "se detuvo sin terminarla" in error
    assert not upload.exists()
