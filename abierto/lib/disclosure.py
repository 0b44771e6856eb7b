"""Statistical disclosure control for small tables of people: what may be published.

A table counts people by row (e.g. a cohort) and column (e.g. the phase each one is in), with
row, column and grand totals. ``protect_table`` returns the figures that may leave the app:

1. **Primary suppression**: no figure about fewer than ``threshold`` people (zero included:
   an empty cell next to small ones narrows them down too).
2. **Complementary suppression**: every additive relation (a row with its total, a column with
   its total, the totals with the grand total) that would have exactly one hidden figure gets
   a second one hidden (its smallest shown cell), repeated until no relation has exactly one,
   so that no total minus the shown cells gives a hidden figure back.
3. **Rounding**: every shown figure is rounded to the nearest multiple of ``base``, each
   independently (totals are rounded, not summed). Adding or removing one person then
   changes a published figure only when it crosses a rounding boundary, which defeats the
   differencing attack on a typical table (publish, add one person, publish again, compare).

Means (``protect_mean``) are shown only over at least ``threshold`` people, and rounded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

TOTAL = "__total__"
THRESHOLD = 5
BASE = 5

Key = tuple[str, str]


@dataclass(frozen=True)
class ProtectedTable:
    """Published figures by (row, column); ``None`` is a suppressed figure. ``TOTAL`` names
    the totals' row and column."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    values: Mapping[Key, int | None]

    def get(self, row: str, column: str) -> int | None:
        return self.values[(row, column)]

    @property
    def suppressed_count(self) -> int:
        return sum(1 for value in self.values.values() if value is None)


def round_to_base(value: int, base: int = BASE) -> int:
    """The nearest multiple of ``base`` (halves upwards)."""
    if base <= 1:
        return value
    return ((value + base // 2) // base) * base


def _relations(rows: Sequence[str], columns: Sequence[str]) -> list[list[Key]]:
    all_rows = [*rows, TOTAL]
    all_columns = [*columns, TOTAL]
    relations = [[(row, column) for column in all_columns] for row in all_rows]
    relations += [[(row, column) for row in all_rows] for column in all_columns]
    return relations


def protect_table(
    counts: Mapping[str, Mapping[str, int]],
    *,
    columns: Sequence[str],
    threshold: int = THRESHOLD,
    base: int = BASE,
) -> ProtectedTable:
    """Protect ``counts[row][column]`` (people in each cell; missing cells are zero)."""
    rows = tuple(counts)
    true: dict[Key, int] = {}
    for row in rows:
        for column in columns:
            true[(row, column)] = int(counts[row].get(column, 0))
        true[(row, TOTAL)] = sum(true[(row, column)] for column in columns)
    for column in [*columns, TOTAL]:
        true[(TOTAL, column)] = sum(true[(row, column)] for row in rows)
    hidden = {key for key, value in true.items() if value < threshold}
    relations = _relations(rows, columns)
    changed = True
    while changed:
        changed = False
        for relation in relations:
            missing = [key for key in relation if key in hidden]
            if len(missing) != 1:
                continue
            shown = [key for key in relation if key not in hidden]
            if not shown:
                continue
            # The smallest interior cell first: hiding a total hides more than it must.
            shown.sort(key=lambda key: (TOTAL in key, true[key], key))
            hidden.add(shown[0])
            changed = True
    values = {
        key: (None if key in hidden else round_to_base(value, base)) for key, value in true.items()
    }
    return ProtectedTable(rows=rows, columns=tuple(columns), values=values)


def protect_mean(
    values: Sequence[float], *, threshold: int = THRESHOLD, step: float = 0.5
) -> float | None:
    """The mean of ``values`` rounded to ``step``, or ``None`` over fewer than ``threshold``."""
    if len(values) < threshold:
        return None
    mean = sum(values) / len(values)
    return round(mean / step) * step
