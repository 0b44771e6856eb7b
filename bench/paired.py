"""A path's requests/s against ``/healthz``'s, measured in alternating slices.

On a machine shared with other jobs, the rate ``/healthz`` reaches moves by a factor of three
within one run (4,862 to 1,447 requests/s in one PostgreSQL run of 5 Dec 2026). A ratio taken
against a ``/healthz`` measured minutes earlier or later then says more about the neighbours
than about the page. Here each path is measured in ``slices`` short slices, each beside a
``/healthz`` slice of the same length taken right before or right after it (the order
alternates, so a load that rises or falls during the pair does not favour either side); the
path's ratio is the median of the slices' ratios, and its requests/s the median of its
slices'.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from typing import Any

Load = Callable[[list[str], float, str], dict[str, Any]]


def paired_load(
    load: Load,
    paths: Sequence[str] | Callable[[int], list[str]],
    *,
    accept: str,
    seconds: float,
    slices: int = 3,
) -> dict[str, Any]:
    """Measure ``paths`` in ``slices`` slices of ``seconds / slices`` each, every one beside a
    ``/healthz`` slice as long. ``load(paths, seconds, accept)`` runs one slice (wrk);
    ``paths`` may be a function of the slice's number, for paths that must not repeat
    (verification: every request another document)."""
    share = max(1.0, seconds / slices)
    measured: list[dict[str, Any]] = []
    for number in range(slices):
        these = paths(number) if callable(paths) else list(paths)
        if number % 2 == 0:
            path = load(these, share, accept)
            healthz = load(["/healthz"], share, "*/*")
        else:
            healthz = load(["/healthz"], share, "*/*")
            path = load(these, share, accept)
        measured.append({"path": path, "healthz": healthz})
    return summarise(measured)


def summarise(measured: list[dict[str, Any]]) -> dict[str, Any]:
    """The medians of paired slices: ``per_s`` and latency of the path, ``/healthz``'s
    requests/s, and ``ratio`` (the median of each slice's path ÷ ``/healthz``)."""
    ratios = [
        pair["path"]["per_s"] / pair["healthz"]["per_s"] if pair["healthz"]["per_s"] else 0.0
        for pair in measured
    ]
    paths = [pair["path"] for pair in measured]
    return {
        "tool": paths[0].get("tool", "wrk"),
        "per_s": statistics.median(p["per_s"] for p in paths),
        "p50_ms": statistics.median(p["p50_ms"] for p in paths),
        "p95_ms": statistics.median(p["p95_ms"] for p in paths),
        "requests": sum(p["requests"] for p in paths),
        "errors": sum(p["errors"] for p in paths),
        "healthz_per_s": statistics.median(pair["healthz"]["per_s"] for pair in measured),
        "ratio": statistics.median(ratios),
        "slices": [
            {
                "per_s": round(pair["path"]["per_s"], 1),
                "healthz_per_s": round(pair["healthz"]["per_s"], 1),
                "ratio": round(ratio, 3),
            }
            for pair, ratio in zip(measured, ratios, strict=True)
        ],
    }
