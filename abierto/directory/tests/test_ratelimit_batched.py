"""Budgets counted in each worker's memory and added to the shared cache in batches.

The bound: with ``W`` workers (here ``BatchedCounter`` instances sharing one cache, as
gunicorn's processes share Redis), at most ``limit + W * batch`` hits pass in a window, and at
least ``limit`` do; a rate too small to batch is counted exactly.
"""

from __future__ import annotations

import itertools
from unittest import mock

import pytest
from django.core.cache import cache

from abierto.directory import ratelimit

LIMIT = 10_000
SECONDS = 60


@pytest.fixture
def frozen_window():
    with mock.patch.object(ratelimit.time, "time", return_value=1_800_000_000.0):
        yield


def test_the_batch_is_a_small_share_of_the_limit():
    assert ratelimit.batch_size(60) == 1  # production's 60/m: exact
    assert ratelimit.batch_size(LIMIT) == LIMIT // ratelimit.BATCH_FRACTION
    assert ratelimit.batch_size(10**9) == ratelimit.BATCH_MAX


@pytest.mark.parametrize("workers", [1, 2, 8])
def test_workers_together_pass_at_most_the_limit_plus_a_batch_each(frozen_window, workers):
    batch = ratelimit.batch_size(LIMIT)
    counters = [ratelimit.BatchedCounter() for _ in range(workers)]
    allowed = 0
    # The workers take turns, one hit each, the worst order for what each knows of the others.
    for counter in itertools.islice(itertools.cycle(counters), 3 * LIMIT):
        allowed += counter.allow("scope", "203.0.113.0/24", LIMIT, SECONDS, batch)
    assert LIMIT <= allowed <= LIMIT + workers * batch
    # Once spent, every worker refuses, and the shared counter has what they let through
    # (save at most a batch each still unreported).
    assert not any(c.allow("scope", "203.0.113.0/24", LIMIT, SECONDS, batch) for c in counters)
    shared = cache.get(ratelimit._key("scope", "203.0.113.0/24", 1_800_000_000 // SECONDS))
    assert allowed - workers * batch <= shared <= allowed


def test_another_subject_has_its_own_budget(frozen_window):
    counter = ratelimit.BatchedCounter()
    batch = ratelimit.batch_size(LIMIT)
    for _ in range(LIMIT + batch):
        counter.allow("scope", "a", LIMIT, SECONDS, batch)
    assert not counter.allow("scope", "a", LIMIT, SECONDS, batch)
    assert counter.allow("scope", "b", LIMIT, SECONDS, batch)


def test_a_new_window_starts_a_new_budget():
    counter = ratelimit.BatchedCounter()
    batch = ratelimit.batch_size(LIMIT)
    with mock.patch.object(ratelimit.time, "time", return_value=1_800_000_000.0):
        for _ in range(LIMIT + batch):
            counter.allow("scope", "a", LIMIT, SECONDS, batch)
        assert not counter.allow("scope", "a", LIMIT, SECONDS, batch)
    with mock.patch.object(ratelimit.time, "time", return_value=1_800_000_000.0 + SECONDS):
        assert counter.allow("scope", "a", LIMIT, SECONDS, batch)


def test_forgetting_many_subjects_reports_what_they_owe(frozen_window, monkeypatch):
    monkeypatch.setattr(ratelimit, "LOCAL_SUBJECTS_MAX", 3)
    counter = ratelimit.BatchedCounter()
    batch = ratelimit.batch_size(LIMIT)
    for subject in ("a", "b", "c"):
        counter.allow("scope", subject, LIMIT, SECONDS, batch)
    counter.allow("scope", "d", LIMIT, SECONDS, batch)  # a fourth: the three are reported
    window = 1_800_000_000 // SECONDS
    assert [cache.get(ratelimit._key("scope", s, window)) for s in "abc"] == [1, 1, 1]


def test_a_rate_too_small_to_batch_is_exact(settings):
    settings.RATE_TEST_BATCHED = "5/m"
    results = [ratelimit.allow_batched("scope", "x", "RATE_TEST_BATCHED") for _ in range(7)]
    assert results == [True] * 5 + [False] * 2


def test_a_large_rate_is_enforced_through_allow_batched(settings, frozen_window):
    settings.RATE_TEST_BATCHED = f"{LIMIT}/m"
    allowed = sum(
        ratelimit.allow_batched("scope", "y", "RATE_TEST_BATCHED") for _ in range(LIMIT * 2)
    )
    assert LIMIT <= allowed <= LIMIT + ratelimit.batch_size(LIMIT)


def test_hits_counted_in_batches_still_count_when_the_rate_becomes_exact(settings):
    settings.RATE_TEST_BATCHED = f"{LIMIT}/m"
    assert ratelimit.allow_batched("scope", "z", "RATE_TEST_BATCHED")
    assert ratelimit.allow_batched("scope", "z", "RATE_TEST_BATCHED")
    settings.RATE_TEST_BATCHED = "3/m"
    assert ratelimit.allow_batched("scope", "z", "RATE_TEST_BATCHED")  # the third
    assert not ratelimit.allow_batched("scope", "z", "RATE_TEST_BATCHED")
