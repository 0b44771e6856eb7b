"""One archive with the database and the media: ``manage.py backup PATH`` / ``restore PATH``.

The archive is a gzipped tar holding ``manifest.json``, the database (``db.sqlite3``, taken
with SQLite's online backup API while the site keeps running; or ``db.pgdump``, from
``pg_dump -Fc``) and ``media/``. Restoring replaces the database and the media directory.

The archive holds every password hash and personal record, so it is written readable by its
owner only (0600). A restore checks the whole archive before it touches anything: a
truncated or corrupt file, a manifest naming a file outside the archive, or a database dump
that is not one are refused with the reason, and the data in place stays as it was.
"""

from __future__ import annotations

import io
import json
import os
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
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(descriptor, 0o600)  # also when a stale .partial was there with other modes
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
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


def _read_manifest(workdir: Path, vendor: str) -> tuple[dict[str, Any], Path]:
    """The manifest, checked: this format and vendor, and a dump that lies in the archive."""
    try:
        manifest = json.loads((workdir / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BackupError("El archivo no es un respaldo: no tiene manifest.json.") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise BackupError(f"El manifest.json del respaldo está dañado: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("El archivo no es un respaldo de este formato (manifest.json).")
    if manifest.get("vendor") != vendor:
        raise BackupError(
            f"El respaldo es de una base {manifest.get('vendor')!r}; esta es {vendor!r}."
        )
    name = manifest.get("database")
    if not isinstance(name, str) or not name or Path(name).name != name or name in {".", ".."}:
        raise BackupError(
            "El manifest.json nombra la base de datos fuera del respaldo: "
            f"{str(name)[:60]!r}. Solo se admite un archivo del propio respaldo."
        )
    dump = workdir / name
    if not dump.is_file():
        raise BackupError(f"Falta en el respaldo el archivo de la base de datos {name!r}.")
    return manifest, dump


def _check_sqlite_dump(dump: Path) -> None:
    try:
        source = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
        try:
            result = source.execute("PRAGMA integrity_check").fetchone()
        finally:
            source.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"La base de datos del respaldo no es válida: {exc}") from exc
    if not result or result[0] != "ok":
        raise BackupError(f"La base de datos del respaldo está dañada: {result}")


def backup_restore(path: Path, *, alias: str = "default") -> dict[str, Any]:
    """Replace the database and the media with those of the archive at ``path``."""
    vendor = _vendor(alias)
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="abierto-restore-") as tmp:
        workdir = Path(tmp)
        try:
            with tarfile.open(path, "r:gz") as archive:
                archive.extractall(workdir, members=_safe_members(archive), filter="data")
        except FileNotFoundError as exc:
            raise BackupError(f"No existe el archivo {path}.") from exc
        except (OSError, EOFError, tarfile.TarError, ValueError) as exc:
            raise BackupError(
                f"No se pudo leer el respaldo {path}: está incompleto o dañado ({exc})."
            ) from exc
        manifest, dump = _read_manifest(workdir, vendor)
        if vendor == "sqlite":
            _check_sqlite_dump(dump)
        # The media goes beside its final place first, so a full disk fails before anything
        # in place is replaced.
        restored = workdir / "media"
        incoming = media.with_name(media.name + ".restoring")
        if incoming.exists():
            shutil.rmtree(incoming)
        if restored.is_dir():
            shutil.copytree(restored, incoming)
        else:
            incoming.mkdir(parents=True)
        try:
            _restore_database(alias, vendor, dump)
        except BaseException:
            shutil.rmtree(incoming, ignore_errors=True)
            raise
        if media.exists():
            shutil.rmtree(media)
        incoming.replace(media)
    return dict(manifest)


def _restore_database(alias: str, vendor: str, dump: Path) -> None:
    database = _database(alias)
    if vendor == "sqlite":
        source = sqlite3.connect(str(dump))
        try:
            source.backup(_sqlite_connection(alias))
        finally:
            source.close()
        return
    connections[alias].close()
    command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
    _run(
        [*command, *_pg_args(database), "--dbname", str(database["NAME"]), str(dump)],
        _pg_env(database),
    )
