"""The bench's paired measurement (``bench/paired.py``): each slice of a path beside a slice
of ``/healthz``, the order alternating, the ratio the median of the slices' ratios."""

from __future__ import annotations

from typing import Any

from bench.paired import paired_load, summarise


def _slice(per_s: float) -> dict[str, Any]:
    return {"tool": "wrk", "per_s": per_s, "p50_ms": 1.0, "p95_ms": 2.0, "requests": 10,
            "errors": 0}  # fmt: skip


def test_each_slice_is_paired_with_healthz_in_alternating_order():
    calls: list[tuple[tuple[str, ...], str]] = []
    rates = iter([500.0, 1000.0, 1000.0, 450.0, 600.0, 1000.0])

    def load(paths: list[str], seconds: float, accept: str) -> dict[str, Any]:
        calls.append((tuple(paths), accept))
        return _slice(next(rates))

    result = paired_load(load, ["/plan/"], accept="text/html", seconds=9, slices=3)
    assert [paths for paths, _ in calls] == [
        ("/plan/",), ("/healthz",), ("/healthz",), ("/plan/",), ("/plan/",), ("/healthz",)
    ]  # fmt: skip
    assert [accept for paths, accept in calls if paths == ("/healthz",)] == ["*/*"] * 3
    assert [s["ratio"] for s in result["slices"]] == [0.5, 0.45, 0.6]
    assert result["ratio"] == 0.5
    assert result["per_s"] == 500.0
    assert result["healthz_per_s"] == 1000.0


def test_a_healthz_that_drops_during_the_run_does_not_drag_the_ratio():
    # The page is at half of /healthz in every slice while /healthz falls from 4,800 to 1,400:
    # a ratio against the mean of a /healthz measured before and after would be 0.16-0.58.
    measured = [
        {"path": _slice(2400.0), "healthz": _slice(4800.0)},
        {"path": _slice(1500.0), "healthz": _slice(3000.0)},
        {"path": _slice(700.0), "healthz": _slice(1400.0)},
    ]
    result = summarise(measured)
    assert result["ratio"] == 0.5
    assert result["requests"] == 30


def test_paths_that_must_not_repeat_come_per_slice():
    seen: list[list[str]] = []

    def load(paths: list[str], seconds: float, accept: str) -> dict[str, Any]:
        if paths != ["/healthz"]:
            seen.append(paths)
        return _slice(100.0)

    paired_load(load, lambda n: [f"/v/{n}a", f"/v/{n}b"], accept="application/json", seconds=3)
    assert seen == [["/v/0a", "/v/0b"], ["/v/1a", "/v/1b"], ["/v/2a", "/v/2b"]]
