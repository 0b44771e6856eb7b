"""Demo data of the directory: the real STL of the Estado de México.

Every person is named as the STL's own acta of its 15th ordinary session (16 Dec 2022)
names them, with the role it gives them: public officials acting in their public roles, as
the STL published them (``abierto/forum/data/`` holds that acta).
"""

from __future__ import annotations

import time
from typing import TextIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction

from abierto.lib import totp

from . import second_factor
from .demo_accounts import demo_email
from .models import Institution, Municipality, Person
from .roles import Role
from .selectors import second_factor_of, second_factor_required
from .services import role_grant

INSTITUTIONS = [
    # (name, acronym, kind, municipality code)
    (
        "Instituto de Transparencia, Acceso a la Información Pública y Protección de Datos "
        "Personales del Estado de México y Municipios",
        "Infoem",
        Institution.Kind.AUTONOMOUS_BODY,
        None,
    ),
    ("Secretaría de la Contraloría", "SECOGEM", Institution.Kind.PUBLIC_BODY, None),
    ("Instituto Electoral del Estado de México", "IEEM", Institution.Kind.AUTONOMOUS_BODY, None),
    ("Poder Judicial del Estado de México", "PJEdomex", Institution.Kind.JUDICIARY, None),
    ("Secretaría de Justicia y Derechos Humanos", "SJDH", Institution.Kind.PUBLIC_BODY, None),
    ("Municipio de Tlalnepantla de Baz", "Tlalnepantla", Institution.Kind.MUNICIPALITY, "15104"),
]

PEOPLE = [
    # (name, honorific, public role, institution acronym), as the acta of the 15th session
    # names them.
    ("Horacio Rodríguez Jiménez", "", "Facilitador del Secretariado Técnico Local", None),
    (
        "Carlos de la Peña Jiménez O´Farril",  # noqa: RUF001 - as the acta spells it
        "",
        "Representante titular de la Sociedad Civil",
        None,
    ),
    ("Enrique Serrano Arenas", "", "Representante suplente de la Sociedad Civil", None),
    ("José Martínez Vilchis", "", "Comisionado Presidente del Infoem", "Infoem"),
    ("Luis Gustavo Parra Noriega", "", "Comisionado del Infoem", "Infoem"),
    ("Javier Vargas Zempoatecatl", "", "Secretario de la Contraloría", "SECOGEM"),
    (
        "Marco Antonio Becerril Garcés",
        "",
        "Jefe de la Unidad de Prevención de la Corrupción de la Secretaría de la Contraloría",
        "SECOGEM",
    ),
    (
        "Lilibeth Álvarez Rodríguez",
        "",
        "Titular de la Unidad de Transparencia del Instituto Electoral del Estado de México",
        "IEEM",
    ),
    (
        "Ricardo Alfredo Sodi Cuéllar",
        "",
        "Magistrado Presidente del Tribunal Superior de Justicia del Estado de México",
        "PJEdomex",
    ),
    (
        "José Edgar Marín Pérez",
        "",
        "Titular de la Unidad de Transparencia del Poder Judicial del Estado de México",
        "PJEdomex",
    ),
    (
        "Iván Barrera Pineda",
        "",
        "Subsecretario de Justicia de la Secretaría de Justicia y Derechos Humanos del "
        "Estado de México",
        "SJDH",
    ),
]

# The demo staff's authenticator secret, printed by load_demo: public, like the demo password,
# and as harmless, since demo accounts cannot log in without DEBUG (demo_accounts.py).
DEMO_TOTP_SECRET = "ABIERTODEMOSTAFFTOTP234567ABCDEF"  # noqa: S105 - public, see above

DEMO_LOGINS = [
    # (username, role, first name, staff)
    ("facilitacion", Role.FACILITATOR, "Facilitación", True),
    ("integrante", Role.MEMBER, "Integrante", False),
    ("dependencia", Role.AGENCY_CLERK, "Dependencia", False),
    ("ciudadania", Role.CITIZEN, "Ciudadanía", False),
    # The mediation centre's staff: assigned to the demo cohort of the restorative circles.
    ("mediacion", Role.MEDIATION_STAFF, "Mediación", False),
]


@transaction.atomic
def load(*, stdout: TextIO, with_logins: bool) -> None:
    institutions = {}
    for name, acronym, kind, code in INSTITUTIONS:
        institution, _created = Institution.objects.update_or_create(
            name=name,
            defaults={
                "acronym": acronym,
                "kind": kind,
                "municipality": Municipality.objects.get(code=code) if code else None,
            },
        )
        institutions[acronym] = institution
    for name, honorific, role, person_acronym in PEOPLE:
        Person.objects.update_or_create(
            name=name,
            defaults={
                "public_role": role,
                "honorific": honorific,
                "institution": institutions[person_acronym] if person_acronym else None,
            },
        )
    stdout.write(
        f"Directorio: {len(INSTITUTIONS)} instituciones, {len(PEOPLE)} personas, "
        f"{Municipality.objects.count()} municipios.\n"
    )
    if with_logins:
        _load_logins()


def _load_logins() -> None:
    """The demo accounts; ``load_demo`` prints them last, in its closing block."""
    user_model = get_user_model()
    password = settings.DEMO_PASSWORD
    for username, role, first_name, staff in DEMO_LOGINS:
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "email": demo_email(username),
                "is_staff": staff,
                "is_superuser": staff,
            },
        )
        if created:
            user.set_password(password)
            user.save()
        role_grant(user=user, role=role)
        if second_factor_required(user) and second_factor_of(user) is None:
            _enrol(user)


def _enrol(user: User) -> None:
    """A confirmed second factor with the printed secret (``demo_totp`` prints its code)."""
    second_factor.second_factor_enrol_start(actor=None, user=user, secret=DEMO_TOTP_SECRET)
    # Confirmed with the previous step's code, so that the current one opens the login now.
    previous = time.time() - totp.DEFAULT_PERIOD
    code = totp.totp(totp.decode_secret(DEMO_TOTP_SECRET), previous)
    second_factor.second_factor_enrol_confirm(actor=None, user=user, code=code)
