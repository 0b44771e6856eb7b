"""Quorum: how many seats with a vote must be present, and whether a roll call reaches it."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .models import QuorumRule


def seats_required(rule: str, total_seats: int) -> int:
    """The smallest number of present seats that makes quorum under ``rule``.

    A majority is more than half: with 10 seats, 5 present is a tie and no quorum.
    """
    if total_seats <= 0:
        return 1  # a forum without seats never has quorum
    if rule == QuorumRule.MAJORITY:
        return total_seats // 2 + 1
    if rule == QuorumRule.TWO_THIRDS:
        return math.ceil(total_seats * 2 / 3)
    if rule == QuorumRule.ALL:
        return total_seats
    raise ValueError(f"Unknown quorum rule: {rule!r}")


@dataclass(frozen=True)
class QuorumState:
    total_seats: int
    present_seats: int
    required: int

    @property
    def reached(self) -> bool:
        return self.present_seats >= self.required
