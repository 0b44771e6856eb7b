"""The settings module read in fresh interpreters, as a deployment would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "db = settings.DATABASES['default']; "
    "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']), 'host': db.get('HOST'),"
    " 'debug': settings.DEBUG, 'key': settings.SECRET_KEY, 'hosts': settings.ALLOWED_HOSTS,"
    " 'email_password': settings.EMAIL_HOST_PASSWORD, 'secure': settings.SESSION_COOKIE_SECURE,"
    " 'hsts': settings.SECURE_HSTS_SECONDS, 'media': str(settings.MEDIA_ROOT)}))"
)


def base_env(**env: str) -> dict[str, str]:
    """A bare environment: the test process itself has test settings in its own."""
    keep = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "TMPDIR") if k in os.environ}
    return {**keep, "DJANGO_SETTINGS_MODULE": "abierto.settings", **env}


def run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = base_env(**env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def settings_with(**env: str) -> dict[str, object]:
    result = run(PROBE, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_secret_key_is_required_unless_debug():
    result = run(PROBE, DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY (or SECRET_KEY_FILE) is required" in result.stderr
    assert settings_with(DEBUG="1")["debug"] is True


def test_the_default_database_is_sqlite_under_var():
    values = settings_with(DEBUG="1")
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(ROOT / "var" / "abierto.sqlite3")


def test_database_url_selects_postgresql():
    values = settings_with(
        DEBUG="1", DATABASE_URL="postgres://stl:secreto@db.internal:5433/abierto"
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert (values["name"], values["host"]) == ("abierto", "db.internal")


def test_secrets_are_read_from_file_paths(tmp_path):
    key = tmp_path / "key"
    key.write_text("k" * 60 + "\n")
    password = tmp_path / "mail"
    password.write_text("correo-secreto")
    values = settings_with(
        SECRET_KEY_FILE=str(key),
        EMAIL_HOST_PASSWORD_FILE=str(password),
        ALLOWED_HOSTS="stl.example.org",
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    assert values["key"] == "k" * 60
    assert values["email_password"] == "correo-secreto"
    assert values["hosts"] == ["stl.example.org"]
    assert values["media"] == str(tmp_path / "media")


def test_an_unreadable_secret_file_is_a_clear_error(tmp_path):
    result = run(PROBE, SECRET_KEY_FILE=str(tmp_path / "missing"))
    assert result.returncode != 0
    assert "SECRET_KEY_FILE" in result.stderr
    assert "cannot be read" in result.stderr


def test_production_defaults_are_secure():
    values = settings_with(SECRET_KEY="p" * 60, ALLOWED_HOSTS="stl.example.org")
    assert values["debug"] is False
    assert values["secure"] is True
    assert values["hsts"] == 31_536_000


@pytest.mark.slow
def test_check_deploy_is_clean_with_production_settings(tmp_path):
    # A database of its own: a developer's var/abierto.sqlite3 may hold the demo logins,
    # which check --deploy rightly refuses (directory.E001).
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=base_env(
            DEBUG="0",
            SECRET_KEY="a-long-random-production-key-" + "Zq9!x" * 10,
            ALLOWED_HOSTS="stl.example.org",
            DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_commands_that_only_read_the_code_run_without_the_key():
    check = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT,
        env=base_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    serve = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--plan"],
        cwd=ROOT,
        env=base_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert serve.returncode != 0
    assert "SECRET_KEY (or SECRET_KEY_FILE) is required" in serve.stderr
