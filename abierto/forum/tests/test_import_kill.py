"""`kill -9` of an acta import mid-way leaves nothing half-saved, and running it again finishes.

The import runs as ``manage.py import_acta <file> --forum STL --commit``: the reading (the
background job's work, ``services.acta_read``) and then the saving (``acta_import_commit``).
The child process pauses inside the step under test, at a ``post_save`` signal connected only
in that process, and says so on stdout; the test then kills it with SIGKILL. No sleeps: the
kill always lands at the same point, with the step's transaction open.
"""

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .test_import import ACTA

ROOT = Path(__file__).resolve().parents[3]
PAUSED = "PAUSED-INSIDE-THE-IMPORT"

pytestmark = pytest.mark.slow

# Pauses the import when the ``nth`` row of ``model`` is saved, until the test kills it.
CHILD = f"""
import sys
import django
django.setup()
from django.core.management import call_command
from django.db.models.signals import post_save
from abierto.forum import models

model, nth, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
saved = []

def pause(sender, instance, created, **kwargs):
    if created:
        saved.append(instance.pk)
        if len(saved) == nth:
            print("{PAUSED}", flush=True)
            sys.stdin.readline()  # blocks: the test sends SIGKILL, never a line

post_save.connect(pause, sender=getattr(models, model), weak=False)
call_command("import_acta", path, "--forum", "STL", "--commit")
"""

TABLES = (
    "forum_actaimport",
    "forum_session",
    "forum_agendaitem",
    "forum_attendance",
    "forum_agreement",
    "forum_minutes",
)


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def counts(database):
    with sqlite3.connect(database) as connection:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in TABLES
        }


@pytest.fixture
def environment(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "abierto.test_settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PYTHONUNBUFFERED": "1",
    }
    assert manage(env, "migrate", "-v", "0").returncode == 0
    done = manage(
        env,
        "shell",
        "-c",
        "from abierto.forum.tests.factories import ForumFactory; ForumFactory()",
    )
    assert done.returncode == 0, done.stderr
    source = tmp_path / "acta.txt"
    source.write_text(ACTA, encoding="utf-8")
    return env, database, source


def kill_inside(env, model, nth, source):
    process = subprocess.Popen(
        [sys.executable, "-c", CHILD, model, str(nth), str(source)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()  # returns at the pause, or at EOF if the child died
    if line.strip() != PAUSED:
        process.kill()
        _out, errors = process.communicate(timeout=30)
        pytest.fail(f"the import never reached the pause: {line!r} {errors}")
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL


@pytest.mark.parametrize(
    ("model", "nth", "left"),
    [
        # Killed while reading (the background job's step): the import row was not committed.
        ("ActaImport", 1, {}),
        # Killed while saving, after the session, its agenda, its attendance and the first of
        # its two agreements: the reading stays, pending review; nothing of the session does.
        ("Agreement", 1, {"forum_actaimport": 1}),
    ],
    ids=["killed-while-reading", "killed-while-saving"],
)
def test_kill_9_mid_import_leaves_no_partial_session_and_a_rerun_finishes(
    environment, model, nth, left
):
    env, database, source = environment
    kill_inside(env, model, nth, source)
    assert counts(database) == {table: left.get(table, 0) for table in TABLES}
    if left:
        with sqlite3.connect(database) as connection:
            status = connection.execute("SELECT status FROM forum_actaimport").fetchone()[0]
        assert status == "pending"

    resumed = manage(env, "import_acta", str(source), "--forum", "STL", "--commit")
    assert resumed.returncode == 0, resumed.stderr
    after = counts(database)
    assert after == {
        "forum_actaimport": 1,
        "forum_session": 1,
        "forum_agendaitem": 4,
        "forum_attendance": 3,
        "forum_agreement": 2,
        "forum_minutes": 1,
    }
    with sqlite3.connect(database) as connection:
        (status,) = connection.execute("SELECT status FROM forum_actaimport").fetchone()
        codes = [row[0] for row in connection.execute("SELECT code FROM forum_agreement")]
    assert status == "imported"
    assert sorted(codes) == ["CT/03/01/2023", "CT/03/02/2023"]

    again = manage(env, "import_acta", str(source), "--forum", "STL", "--commit")
    assert again.returncode == 0, again.stderr
    assert counts(database) == after  # exactly one copy, however many times it runs
