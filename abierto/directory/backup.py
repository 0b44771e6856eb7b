"""One archive with the database and the media: ``manage.py backup PATH`` / ``restore PATH``.

The archive is a gzipped tar holding ``manifest.json``, the database (``db.sqlite3``, taken
with SQLite's online backup API while the site keeps running; or ``db.pgdump``, from
``pg_dump -Fc``) and ``media/``. Restoring replaces the database and the media directory.
"""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections
from django.utils import timezone

FORMAT = 1


class BackupError(Exception):
    """The archive cannot be written or read back."""


def _database(alias: str) -> dict[str, Any]:
    return dict(settings.DATABASES[alias])


def _vendor(alias: str) -> str:
    return str(connections[alias].vendor)


def _sqlite_connection(alias: str) -> sqlite3.Connection:
    """The live connection's own handle: also right for an in-memory test database."""
    connection = connections[alias]
    connection.ensure_connection()
    return connection.connection


def _pg_env(database: dict[str, Any]) -> dict[str, str]:
    import os

    env = dict(os.environ)
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    return env


def _pg_args(database: dict[str, Any]) -> list[str]:
    args = []
    if database.get("HOST"):
        args += ["--host", str(database["HOST"])]
    if database.get("PORT"):
        args += ["--port", str(database["PORT"])]
    if database.get("USER"):
        args += ["--username", str(database["USER"])]
    return args


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        subprocess.run(command, env=env, check=True, capture_output=True)  # noqa: S603
    except FileNotFoundError as exc:
        raise BackupError(f"{command[0]} no está instalado: {exc}") from exc
    except subprocess.CalledProcessError as exc:
        message = exc.stderr.decode("utf-8", "replace").strip()
        raise BackupError(f"{command[0]} falló: {message}") from exc


def _dump_database(alias: str, workdir: Path) -> str:
    database = _database(alias)
    vendor = _vendor(alias)
    if vendor == "sqlite":
        target = workdir / "db.sqlite3"
        destination = sqlite3.connect(str(target))
        try:
            _sqlite_connection(alias).backup(destination)
        finally:
            destination.close()
        return target.name
    if vendor == "postgresql":
        target = workdir / "db.pgdump"
        command = ["pg_dump", "--format=custom", "--no-owner", "--file", str(target)]
        _run([*command, *_pg_args(database), str(database["NAME"])], _pg_env(database))
        return target.name
    raise BackupError(f"No se sabe respaldar una base {vendor}.")


def backup_create(path: Path, *, alias: str = "default") -> dict[str, Any]:
    """Write the archive to ``path`` (replaced atomically) and return its manifest."""
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="abierto-backup-") as tmp:
        workdir = Path(tmp)
        dump_name = _dump_database(alias, workdir)
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "vendor": _vendor(alias),
            "database": dump_name,
        }
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=2).encode("utf-8")
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(workdir / dump_name, arcname=dump_name)
            if media.is_dir():
                archive.add(media, arcname="media")
        partial.replace(path)
    return manifest


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = archive.getmembers()
    for member in members:
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"El archivo contiene una entrada no permitida: {member.name!r}")
    return members


def backup_restore(path: Path, *, alias: str = "default") -> dict[str, Any]:
    """Replace the database and the media with those of the archive at ``path``."""
    vendor = _vendor(alias)
    with tempfile.TemporaryDirectory(prefix="abierto-restore-") as tmp:
        workdir = Path(tmp)
        try:
            with tarfile.open(path, "r:gz") as archive:
                archive.extractall(workdir, members=_safe_members(archive), filter="data")
            manifest = json.loads((workdir / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, tarfile.TarError, ValueError) as exc:
            raise BackupError(f"No se pudo leer el respaldo {path}: {exc}") from exc
        if manifest.get("format") != FORMAT or manifest.get("vendor") != vendor:
            raise BackupError(
                f"El respaldo es de una base {manifest.get('vendor')!r}; esta es {vendor!r}."
            )
        dump = workdir / manifest["database"]
        database = _database(alias)
        if vendor == "sqlite":
            source = sqlite3.connect(str(dump))
            try:
                source.backup(_sqlite_connection(alias))
            finally:
                source.close()
        else:
            connections[alias].close()
            command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
            _run(
                [*command, *_pg_args(database), "--dbname", str(database["NAME"]), str(dump)],
                _pg_env(database),
            )
        media = Path(settings.MEDIA_ROOT)
        restored = workdir / "media"
        if media.exists():
            shutil.rmtree(media)
        if restored.is_dir():
            shutil.copytree(restored, media)
        else:
            media.mkdir(parents=True, exist_ok=True)
    return dict(manifest)
