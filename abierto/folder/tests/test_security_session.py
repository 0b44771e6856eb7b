"""Security review (ASVS 3.3.2): a folder session ends after a while without requests."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.utils import timezone

from abierto.folder import auth

from .citizen_helpers import PASSWORD, active_citizen

pytestmark = pytest.mark.django_db

LOGIN = "/carpeta/entrar/"
DOCUMENTS = "/carpeta/documentos/"


def _log_in(client, cuts: str):
    active = active_citizen(cuts)
    response = client.post(LOGIN, {"cuts": cuts, "password": PASSWORD, "code": active.code()})
    assert response.status_code == 302
    return active


def test_an_idle_folder_session_ends_and_logs_the_account_out(client, settings):
    settings.FOLDER_IDLE_MINUTES = 30
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _log_in(client, "OCIOSA0001")
        assert client.get(DOCUMENTS).status_code == 200
    with time_machine.travel(start + datetime.timedelta(minutes=31), tick=False):
        response = client.get(DOCUMENTS)
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)
        assert auth.SESSION_CITIZEN not in client.session
        assert "_auth_user_id" not in client.session


def test_activity_keeps_the_folder_session_open(client, settings):
    settings.FOLDER_IDLE_MINUTES = 30
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _log_in(client, "OCIOSA0002")
    # A request every 20 minutes for two hours: never idle for 30.
    for step in range(1, 7):
        with time_machine.travel(start + datetime.timedelta(minutes=20 * step), tick=False):
            assert client.get(DOCUMENTS).status_code == 200
