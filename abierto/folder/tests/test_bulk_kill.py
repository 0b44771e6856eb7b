"""`kill -9` of a running `manage.py issue_bulk` leaves no partial batch, and rerunning resumes."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
ROWS = 3000
BATCH = 20

pytestmark = pytest.mark.slow

SETUP = """
from abierto.directory.models import Institution
from abierto.folder import services
from abierto.folder.models import DocumentType, Issuer
from abierto.folder.tests.factories import BIRTH_SCHEMA
institution = Institution.objects.create(name="Registro Civil", acronym="RC", kind="public_body")
issuer = Issuer.objects.create(institution=institution, slug="registro")
services.issuer_key_generate(actor=None, issuer=issuer)
kind = DocumentType.objects.create(slug="acta", name="Acta", json_schema=BIRTH_SCHEMA)
kind.issuers.add(issuer)
"""


def manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )


def counts(database):
    with sqlite3.connect(database) as connection:
        documents = connection.execute("SELECT count(*) FROM folder_document").fetchone()[0]
        references = connection.execute(
            "SELECT count(DISTINCT agency_reference) FROM folder_document"
        ).fetchone()[0]
        job = connection.execute(
            "SELECT processed_rows, total_rows, status FROM folder_bulkissuance"
        ).fetchall()
    return documents, references, job


def test_kill_9_mid_issuance_leaves_whole_batches_and_a_rerun_finishes(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "abierto.test_settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PYTHONUNBUFFERED": "1",
    }
    assert manage(env, "migrate", "-v", "0").returncode == 0
    done = manage(env, "shell", "-c", SETUP)
    assert done.returncode == 0, done.stderr
    source = tmp_path / "actas.csv"
    lines = ["cuts,referencia,nombre,fecha_nacimiento,folio"] + [
        f"PERS{n:06d},REF-{n},Persona {n},1990-01-{1 + n % 28:02d},{n}" for n in range(ROWS)
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    command = [sys.executable, "manage.py", "issue_bulk", str(source)]
    options = ["--issuer", "registro", "--type", "acta", "--batch-size", str(BATCH)]

    process = subprocess.Popen(
        [*command, *options], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    seen = 0
    deadline = time.monotonic() + 120
    assert process.stdout is not None
    for line in process.stdout:
        if "/" in line and "filas" in line:
            seen = int(line.split("/")[0])
        if seen >= 10 * BATCH or time.monotonic() > deadline:
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    documents, references, [(processed, total, status)] = counts(database)
    assert total == ROWS
    assert 0 < processed < ROWS, "the kill came after the end: make the CSV longer"
    assert processed % BATCH == 0
    assert documents == references == processed  # no row of a half-done batch survived
    assert status == "running"

    resumed = manage(env, "issue_bulk", str(source), *options)
    assert resumed.returncode == 0, resumed.stderr
    documents, references, [(processed, total, status)] = counts(database)
    assert (documents, references, processed, status) == (ROWS, ROWS, ROWS, "done")
    with sqlite3.connect(database) as connection:
        indexes = [row[0] for row in connection.execute("SELECT status_index FROM folder_document")]
    assert sorted(indexes) == list(range(ROWS))
