"""`manage.py backup` and `restore` give back the same database and media."""

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from abierto.directory.models import Institution

from .factories import InstitutionFactory

ROOT = Path(__file__).resolve().parents[3]


def snapshot(media):
    return (
        sorted(Institution.objects.values_list("public_id", "name", "acronym")),
        {p.relative_to(media).as_posix(): p.read_bytes() for p in media.rglob("*") if p.is_file()},
    )


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "actas").mkdir(parents=True)
    (settings.MEDIA_ROOT / "actas" / "acta-1.pdf").write_bytes(b"%PDF-1.7 acta")
    return settings.MEDIA_ROOT


SNAPSHOT = (
    "import json, pathlib; from django.conf import settings; "
    "from abierto.directory.models import Institution; "
    "m = pathlib.Path(settings.MEDIA_ROOT); "
    "print(json.dumps([sorted(Institution.objects.values_list('public_id', 'name')), "
    "{p.relative_to(m).as_posix(): p.read_text() for p in m.rglob('*') if p.is_file()}]))"
)
ALTER = (
    "from abierto.directory.models import Institution; "
    "Institution.objects.order_by('pk').first().delete(); "
    "Institution.objects.filter(pk=Institution.objects.order_by('pk').last().pk)"
    ".update(name='alterado'); "
    "Institution.objects.create(name='nueva', acronym='N', kind='public_body')"
)
CREATE = (
    "from abierto.directory.models import Institution; "
    "[Institution.objects.create(name=f'Inst {n}', acronym=f'I{n}', kind='public_body') "
    "for n in range(3)]"
)


@pytest.mark.slow
def test_backup_and_restore_round_trip_the_database_and_the_media(tmp_path):
    """On a SQLite file of its own, in subprocesses, as an operator would run it."""
    media = tmp_path / "media"
    (media / "actas").mkdir(parents=True)
    (media / "actas" / "acta-1.pdf").write_text("%PDF-1.7 acta")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "abierto.test_settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(media),
    }

    def manage(*args):
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    manage("migrate", "-v", "0")
    manage("shell", "-c", CREATE)
    before = manage("shell", "-c", SNAPSHOT)
    archive = tmp_path / "respaldo.tar.gz"
    manage("backup", str(archive))
    with tarfile.open(archive) as contents:
        assert {"manifest.json", "db.sqlite3", "media/actas/acta-1.pdf"} <= set(contents.getnames())
    manage("shell", "-c", ALTER)
    (media / "actas" / "acta-1.pdf").write_text("otro")
    (media / "nuevo.txt").write_text("nuevo")
    assert manage("shell", "-c", SNAPSHOT) != before

    manage("restore", str(archive), "--yes")

    assert manage("shell", "-c", SNAPSHOT) == before


@pytest.mark.django_db
def test_restore_refuses_an_archive_with_paths_outside_it(tmp_path, media):
    archive = tmp_path / "malo.tar.gz"
    evil = tmp_path / "evil.txt"
    evil.write_text("x")
    with tarfile.open(archive, "w:gz") as contents:
        contents.add(evil, arcname="../evil.txt")
    with pytest.raises(CommandError, match="no permitida"):
        call_command("restore", str(archive), "--yes")


@pytest.mark.django_db
def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, media):
    archive = tmp_path / "nada.tar.gz"
    archive.write_bytes(b"no es un respaldo")
    with pytest.raises(CommandError, match="No se pudo leer"):
        call_command("restore", str(archive), "--yes")


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump and pg_restore")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_and_restore_round_trip_on_postgresql(tmp_path, media):
    InstitutionFactory.create_batch(2)
    before = snapshot(media)
    archive = tmp_path / "respaldo.tar.gz"
    call_command("backup", str(archive))
    Institution.objects.filter(pk=Institution.objects.order_by("pk").last().pk).update(
        name="alterado"
    )
    call_command("restore", str(archive), "--yes")
    assert snapshot(media) == before


# --- Issue 15, item 7: archives private, corrupt ones refused with the reason ------------


def _archive_with(tmp_path, manifest, files=None):
    import io
    import json

    archive = tmp_path / "crafted.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for name, data in {"manifest.json": json.dumps(manifest).encode(), **(files or {})}.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return archive


# transaction=True: SQLite's online backup cannot read a shared in-memory database while the
# test's own transaction holds it (it would wait for ever).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_archive_is_readable_by_its_owner_only(tmp_path, media):
    old_umask = os.umask(0o022)
    try:
        call_command("backup", str(tmp_path / "respaldo.tar.gz"))
    finally:
        os.umask(old_umask)
    assert (tmp_path / "respaldo.tar.gz").stat().st_mode & 0o777 == 0o600


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_truncated_archive_is_refused_with_a_clear_message_and_changes_nothing(tmp_path, media):
    if connection.vendor != "sqlite":
        pytest.skip("the dump is a SQLite file here")
    InstitutionFactory()
    call_command("backup", str(tmp_path / "respaldo.tar.gz"))
    whole = (tmp_path / "respaldo.tar.gz").read_bytes()
    (tmp_path / "cortado.tar.gz").write_bytes(whole[: len(whole) // 2])
    before = snapshot(media)
    with pytest.raises(CommandError, match="incompleto o dañado"):
        call_command("restore", str(tmp_path / "cortado.tar.gz"), "--yes")
    assert snapshot(media) == before


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["/etc/hostname", "../../etc/hostname", "media/../x", ""])
def test_a_manifest_naming_a_database_outside_the_archive_is_refused(tmp_path, media, name):
    manifest = {"format": 1, "vendor": connection.vendor, "database": name}
    archive = _archive_with(tmp_path, manifest)
    before = snapshot(media)
    with pytest.raises(CommandError, match="fuera del respaldo"):
        call_command("restore", str(archive), "--yes")
    assert snapshot(media) == before


@pytest.mark.django_db
def test_a_dump_that_is_not_a_database_is_refused_and_changes_nothing(tmp_path, media):
    if connection.vendor != "sqlite":
        pytest.skip("the dump is a SQLite file here")
    InstitutionFactory()
    manifest = {"format": 1, "vendor": "sqlite", "database": "db.sqlite3"}
    archive = _archive_with(tmp_path, manifest, {"db.sqlite3": b"no soy una base de datos" * 50})
    before = snapshot(media)
    with pytest.raises(CommandError, match="no es válida"):
        call_command("restore", str(archive), "--yes")
    assert snapshot(media) == before


@pytest.mark.django_db
def test_a_manifest_that_is_not_json_is_refused(tmp_path, media):
    archive = tmp_path / "roto.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        import io

        info = tarfile.TarInfo("manifest.json")
        info.size = 3
        tar.addfile(info, io.BytesIO(b"{[}"))
    with pytest.raises(CommandError, match="dañado"):
        call_command("restore", str(archive), "--yes")
