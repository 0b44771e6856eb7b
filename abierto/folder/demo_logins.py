"""The demo folders' ways in, for development only (``load_demo`` with ``DEBUG=1``).

Each demo citizen's folder is activated at load time, with the demo password
(``DEMO_PASSWORD``), a PIN and a second factor whose current code ``load_demo`` prints and
``manage.py folder_demo_code <CUTS>`` prints again at any time: no authenticator app on a
phone is needed to try the folder. Their accounts carry a ``@demo.invalid`` address, the mark
of the demo logins (``directory.demo_accounts``): without ``DEBUG`` they do not open
(``auth._can_log_in``) and the command refuses to print codes.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import segno
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from abierto.directory.demo_accounts import demo_email
from abierto.lib import totp

from . import auth, selectors, services
from .models import Carnet, Citizen
from .services.activation import citizen_activate

SYSTEM = None  # demo writes are audited without a user


def current_code(citizen: Citizen) -> str:
    """The demo folder's TOTP code of this moment (what an authenticator app would show)."""
    return totp.totp(totp.decode_secret(auth.totp_secret(citizen)))


def _activate(citizen: Citizen, pin: str) -> None:
    services.citizen_activation_code_issue(citizen=citizen)
    citizen.refresh_from_db()
    citizen_activate(
        citizen=citizen,
        activation_code_hash=citizen.activation_code_hash,
        password_hash=make_password(settings.DEMO_PASSWORD),
        pin_hash=make_password(pin),
        totp_secret_sealed=auth.totp_seal(citizen, totp.new_secret()),
        totp_step=0,
    )
    assert citizen.user is not None
    get_user_model().objects.filter(pk=citizen.user.pk).update(
        email=demo_email(citizen.user.username)
    )
    citizen.refresh_from_db()


def folder_lines(citizen: Citizen, cuts: str, name: str, with_logins: bool) -> list[str]:
    """Make the demo folder usable and return what ``load_demo`` prints about it."""
    has_carnet = citizen.carnets.filter(status=Carnet.Status.ACTIVE).exists()
    if not with_logins:
        if not has_carnet:
            services.carnet_issue(actor=SYSTEM, citizen=citizen)
        return []
    # The QR secret and the PIN are kept only hashed: a fresh carnet and PIN each load.
    pin = f"{secrets.randbelow(10**6):06d}"
    if citizen.activated_at is None:
        _activate(citizen, pin)
    elif auth.is_demo_folder(citizen):
        Citizen.objects.filter(pk=citizen.pk).update(pin_hash=make_password(pin))
    else:  # activated by hand in an earlier version of the demo: its PIN is its own
        pin = "(el que eligió al activarla)"
    carnet, token = services.carnet_issue(actor=SYSTEM, citizen=citizen)
    content = selectors.carnet_qr_content(token)
    directory = Path(settings.MEDIA_ROOT) / "carpeta-demo"
    directory.mkdir(parents=True, exist_ok=True)
    png = directory / f"carnet-{cuts}.png"
    segno.make(content, error="m").save(str(png), scale=6, border=4)
    count = selectors.documents_for_citizen(citizen).count()
    lines = [f"  {name} · CUTS {cuts} · {count} documentos"]
    if auth.is_demo_folder(citizen):
        lines.append(
            f"    entrar: CUTS {cuts}, contraseña {settings.DEMO_PASSWORD}, código "
            f"{current_code(citizen)} (cambia cada 30 s: manage.py folder_demo_code {cuts})"
        )
    lines += [f"    carnet {carnet.serial}: {content} · PIN {pin}", f"    QR del carnet: {png}"]
    return lines
