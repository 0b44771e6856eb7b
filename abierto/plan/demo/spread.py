"""The deterministic spread of the reconstructed figures: which municipalities, on which days,
and how totals split among them, seeded by each municipality's INEGI code.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Sequence

from abierto.directory.models import Municipality

from .data import MUNICIPALITIES_VISITED, PEOPLE_SERVED, SERVICE_TYPES, SERVICES_DELIVERED, D


def _seed(salt: str, code: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{salt}:{code}".encode()).digest()[:4], "big")


def apportion(total: int, weights: Sequence[int]) -> list[int]:
    """Split ``total`` in whole parts proportional to ``weights`` (largest remainder)."""
    weight_sum = sum(weights)
    exact = [total * w / weight_sum for w in weights]
    parts = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (parts[i] - exact[i], i))
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _chosen(salt: str, count: int) -> list[Municipality]:
    municipalities = list(Municipality.objects.order_by("code"))
    return sorted(municipalities, key=lambda m: _seed(salt, m.code))[:count]


def caravan_plan() -> list[tuple[Municipality, datetime.date, int, dict[str, int]]]:
    """The reconstructed visits: municipality, date, people served, services by type."""
    visited = sorted(_chosen("caravana", MUNICIPALITIES_VISITED), key=lambda m: m.code)
    order = sorted(visited, key=lambda m: _seed("fecha", m.code))
    people = apportion(PEOPLE_SERVED, [200 + _seed("personas", m.code) % 800 for m in visited])
    totals = apportion(
        SERVICES_DELIVERED, [300 + _seed("servicios", m.code) % 900 for m in visited]
    )
    shares = [share for _slug, _name, share in SERVICE_TYPES]
    plan = []
    for index, municipality in enumerate(visited):
        day = D(2022, 1, 17) + datetime.timedelta(days=7 * order.index(municipality))
        by_type = dict(
            zip(
                [slug for slug, _name, _share in SERVICE_TYPES],
                apportion(totals[index], shares),
                strict=True,
            )
        )
        plan.append((municipality, day, people[index], by_type))
    return plan
