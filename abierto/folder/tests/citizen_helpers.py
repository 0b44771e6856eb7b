"""Citizens with an active folder, and clients logged into it, for the citizen pages' tests."""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.test import Client

from abierto.folder import auth, services
from abierto.folder.models import Citizen
from abierto.folder.services.activation import citizen_activate
from abierto.lib import totp

PASSWORD = "una contraseña larga de prueba 2024"
PIN = "482915"


@dataclass
class ActiveCitizen:
    citizen: Citizen
    secret: str

    def code(self, at: float | None = None) -> str:
        return totp.totp(totp.decode_secret(self.secret), at)


def active_citizen(cuts: str) -> ActiveCitizen:
    """A citizen who went through the activation (no TOTP step used yet)."""
    citizen, _created = services.citizen_register(cuts=cuts)
    services.citizen_activation_code_issue(citizen=citizen)
    citizen.refresh_from_db()
    secret = totp.new_secret()
    citizen_activate(
        citizen=citizen,
        activation_code_hash=citizen.activation_code_hash,
        password_hash=make_password(PASSWORD),
        pin_hash=make_password(PIN),
        totp_secret_sealed=auth.totp_seal(citizen, secret),
        totp_step=0,
    )
    citizen.refresh_from_db()
    return ActiveCitizen(citizen, secret)


def folder_login(client: Client, citizen: Citizen) -> Client:
    """What a successful folder login leaves in the session."""
    assert citizen.user is not None
    client.force_login(citizen.user)
    session = client.session
    session[auth.SESSION_CITIZEN] = citizen.public_id
    session[auth.SESSION_METHOD] = "cuts"
    session[auth.SESSION_PROVED] = time.time()  # a login is a proof of identity (reauth.py)
    session.save()
    return client
