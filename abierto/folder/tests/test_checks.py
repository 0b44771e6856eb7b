"""The folder's system checks: SQLite must take the write lock at BEGIN (IMMEDIATE)."""

import pytest
from django.core.checks import run_checks
from django.test import override_settings

from abierto.folder.checks import sqlite_immediate_check

SQLITE = {"ENGINE": "django.db.backends.sqlite3", "NAME": "abierto-check.sqlite3"}
POSTGRES = {"ENGINE": "django.db.backends.postgresql", "NAME": "abierto"}

# Overriding DATABASES warns that connections may not follow; the check reads only settings.
pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")


def ids(messages) -> list[str]:
    return [message.id for message in messages]


def test_sqlite_without_immediate_transactions_is_an_error():
    with override_settings(DATABASES={"default": SQLITE}):
        assert ids(sqlite_immediate_check()) == ["folder.E001"]
    deferred = {**SQLITE, "OPTIONS": {"transaction_mode": "DEFERRED"}}
    with override_settings(DATABASES={"default": deferred}):
        [error] = sqlite_immediate_check()
    assert error.id == "folder.E001"
    assert "IMMEDIATE" in error.msg
    assert 'OPTIONS["transaction_mode"]' in error.hint


def test_sqlite_with_immediate_transactions_and_postgresql_pass():
    immediate = {**SQLITE, "OPTIONS": {"transaction_mode": "IMMEDIATE"}}
    with override_settings(DATABASES={"default": immediate}):
        assert sqlite_immediate_check() == []
    with override_settings(DATABASES={"default": POSTGRES}):
        assert sqlite_immediate_check() == []


def test_the_check_is_registered_and_the_project_settings_pass_it():
    assert "folder.E001" not in ids(run_checks(include_deployment_checks=False))
    with override_settings(DATABASES={"default": SQLITE}):
        assert "folder.E001" in ids(run_checks(include_deployment_checks=False))
