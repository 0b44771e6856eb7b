"""Failed attempts to open a folder: counted per person *and network*, answered with a delay.

Failures are stored in django-axes' ``AccessFailureLog`` (its admin lists them and
``axes_reset`` clears them) under ``carpeta:<blind index of the CUTS>``, never the CUTS
itself; the login, the activation, the carnet's PIN and the re-authentication before an
export or a share (``reauth.py``) all count in the same ``carpeta:<index>`` key.

A CUTS is printed on documents that name other people, so a hard lock per CUTS would let
anyone who read one shut its owner out of their folder. Instead, the failures of one CUTS are
counted per network of origin (IPv4 /24, IPv6 /64) within the cool-off: past
``AXES_FAILURE_LIMIT`` of them, that network waits ``FOLDER_LOGIN_DELAY_SECONDS`` before its
next try, twice as long after each further failure, never longer than the cool-off; the right
answer is refused while it waits. A stranger's failures from another network do not touch the
owner's. An address that fails on many CUTS (``IP_FAILURE_FACTOR`` times the limit) waits out
the cool-off whichever CUTS it tries: enough for a few people who mistype at the same counter,
not for guessing.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from typing import Any

from axes.helpers import get_client_ip_address, get_cool_off
from axes.models import AccessFailureLog
from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from abierto.directory.lockout import network_of

from . import keys

USERNAME_PREFIX = "carpeta:"
IP_FAILURE_FACTOR = 4


@dataclass(frozen=True)
class Attempt:
    """Who is trying: the request, and the person's key once it is known."""

    request: HttpRequest
    person: str = ""

    @property
    def ip(self) -> str | None:
        return get_client_ip_address(self.request) or None

    def for_person(self, cuts_index: str) -> Attempt:
        return Attempt(self.request, USERNAME_PREFIX + cuts_index)


def person_key_for_cuts(cuts: str) -> str:
    try:
        return USERNAME_PREFIX + keys.cuts_index(cuts)
    except ValueError:
        return USERNAME_PREFIX + "cuts-no-valida"


def _cool_off() -> datetime.timedelta | None:
    return get_cool_off()


def _window(**filters: Any) -> Any:
    failures = AccessFailureLog.objects.filter(username__startswith=USERNAME_PREFIX, **filters)
    cool_off = _cool_off()
    if cool_off is not None:
        failures = failures.filter(attempt_time__gte=timezone.now() - cool_off)
    return failures


def _delay(failures: int) -> datetime.timedelta:
    """How long a network waits after its ``failures``-th failure on one CUTS."""
    over = failures - int(settings.AXES_FAILURE_LIMIT)
    if over < 0:
        return datetime.timedelta(0)
    cool_off = _cool_off() or datetime.timedelta(hours=1)
    seconds = float(settings.FOLDER_LOGIN_DELAY_SECONDS) * 2 ** min(over, 30)
    return min(datetime.timedelta(seconds=seconds), cool_off)


def wait_seconds(attempt: Attempt) -> int:
    """How many seconds this attempt must wait before it is even checked (0: go ahead)."""
    now = timezone.now()
    wait = datetime.timedelta(0)
    ip = attempt.ip
    if attempt.person:
        network = network_of(ip) or ""
        times = [
            at
            for address, at in _window(username=attempt.person).values_list(
                "ip_address", "attempt_time"
            )
            if (network_of(address) or "") == network
        ]
        if times:
            wait = max(wait, max(times) + _delay(len(times)) - now)
    limit = int(settings.AXES_FAILURE_LIMIT) * IP_FAILURE_FACTOR
    if ip is not None:
        spraying = _window(ip_address=ip).order_by("-attempt_time")
        if spraying.count() >= limit:
            cool_off = _cool_off() or datetime.timedelta(hours=1)
            oldest_counted = spraying.values_list("attempt_time", flat=True)[limit - 1]
            wait = max(wait, oldest_counted + cool_off - now)
    return max(0, math.ceil(wait.total_seconds()))


def is_locked(attempt: Attempt) -> bool:
    return wait_seconds(attempt) > 0


def record_failure(attempt: Attempt) -> None:
    request = attempt.request
    AccessFailureLog.objects.create(
        username=attempt.person or USERNAME_PREFIX + "desconocido",
        ip_address=attempt.ip,
        user_agent=request.headers.get("User-Agent", "")[:255],
        http_accept=request.headers.get("Accept", "")[:1025],
        path_info=request.path[:255],
        locked_out=False,
    )


def reset_failures(attempt: Attempt) -> None:
    """A success clears the person's failures from this network only: a stranger's elsewhere
    keep slowing the stranger down."""
    if not (attempt.person and settings.AXES_RESET_ON_SUCCESS):
        return
    network = network_of(attempt.ip) or ""
    mine = [
        pk
        for pk, address in AccessFailureLog.objects.filter(username=attempt.person).values_list(
            "pk", "ip_address"
        )
        if (network_of(address) or "") == network
    ]
    AccessFailureLog.objects.filter(pk__in=mine).delete()


def locked_message(seconds: int | None = None) -> str:
    if not seconds:
        return _(
            "Por seguridad, la entrada está bloqueada temporalmente tras varios intentos "
            "fallidos. Espere unos minutos e intente de nuevo."
        )
    if seconds < 120:
        wait = ngettext("%(count)d segundo", "%(count)d segundos", seconds) % {"count": seconds}
    else:
        minutes = math.ceil(seconds / 60)
        wait = ngettext("%(count)d minuto", "%(count)d minutos", minutes) % {"count": minutes}
    return _(
        "Por seguridad, la entrada está bloqueada temporalmente tras varios intentos "
        "fallidos desde su red. Espere %(wait)s e intente de nuevo."
    ) % {"wait": wait}
