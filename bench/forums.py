"""Many forums: a forum's session list and the forum index, with one forum and with 126.

    .venv/bin/python -m bench.forums           # 126 forums, 10 years of monthly sessions
    .venv/bin/python -m bench.forums --quick   # fewer requests

In one run: the state STL alone with 120 monthly sessions (ten years), then 125 municipal
forums more with as many each (15,120 sessions). The p95 of ``/foros/stl/`` (a forum's
session list) and of ``/foros/`` (the index: a page of 10 forums and the installation map
of the 125 municipalities, filled in both runs) at that size is divided by its p95 with one
forum: the target is at most 1.2 for both.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

TARGET = 1.2
MONTHS = 120
FORUMS = 126


def _sessions(forum: Any) -> list[Any]:
    from abierto.forum.models import Session

    today = datetime.date.today()  # noqa: DTZ011 -- a calendar date
    rows = []
    for n in range(MONTHS):
        date = datetime.date(2016 + n // 12, 1 + n % 12, 15)
        rows.append(
            Session(
                forum=forum,
                kind=Session.Kind.ORDINARY,
                number=n + 1,
                date=date,
                start_time=datetime.time(11, 0),
                modality=Session.Modality.IN_PERSON,
                place="Sala de Cabildo",
                status=Session.Status.HELD if date < today else Session.Status.CONVENED,
            )
        )
    return rows


def fill_installation_layer() -> None:
    """Every municipality on some step: the map and its table are the same in both runs,
    which then differ only in the number of forums."""
    from abierto.directory.models import Municipality
    from abierto.forum.models import Installation, InstallationStatus

    steps = InstallationStatus.values[1:]
    Installation.objects.bulk_create(
        Installation(
            municipality=municipality,
            status=steps[index % len(steps)],
            declaration_signed_on=datetime.date(2024, 1, 1),
        )
        for index, municipality in enumerate(Municipality.objects.order_by("code"))
    )


def fill_municipal_forums() -> int:
    """125 municipal forums, one per municipality, each with ten years of monthly sessions."""
    from django.db import transaction

    from abierto.directory.models import Municipality
    from abierto.forum.models import Forum, ForumKind, Session
    from abierto.lib.forum_codes import municipal_acronym

    with transaction.atomic():
        forums = []
        for index, municipality in enumerate(Municipality.objects.order_by("code")):
            acronym = f"{municipal_acronym(municipality.name)[:14]}{index:03d}"
            forums.append(
                Forum.objects.create(
                    name=f"STL de {municipality.name}",
                    acronym=acronym,
                    kind=ForumKind.MUNICIPAL,
                    municipality=municipality,
                )
            )
        for forum in forums:
            Session.objects.bulk_create(_sessions(forum), batch_size=500)
    return len(forums)


def run(requests: int) -> dict[str, Any]:
    from bench.__main__ import django_setup, page_timings

    django_setup()
    from django.urls import reverse

    from abierto.forum.models import Forum, Session

    reverse("home")
    state = Forum.objects.create(
        name="Secretariado Técnico Local de Gobierno Abierto del Estado de México", acronym="STL"
    )
    Session.objects.bulk_create(_sessions(state))
    fill_installation_layer()
    one = {
        "session_list": page_timings("/foros/stl/", requests),
        "session_list_old_url": page_timings("/sesiones/", requests),
        "index": page_timings("/foros/", requests),
    }
    added = fill_municipal_forums()
    municipal = Forum.objects.filter(kind="municipal").order_by("pk").first()
    assert municipal is not None  # fill_municipal_forums made them
    many = {
        "session_list": page_timings("/foros/stl/", requests),
        "session_list_old_url": page_timings("/sesiones/", requests),
        "municipal_session_list": page_timings(municipal.get_absolute_url(), requests),
        "index": page_timings("/foros/", requests),
    }
    return {
        "forums": 1 + added,
        "sessions": Session.objects.count(),
        "one_forum": one,
        "many_forums": many,
        "session_list_ratio": many["session_list"]["p95_ms"] / one["session_list"]["p95_ms"],
        "index_ratio": many["index"]["p95_ms"] / one["index"]["p95_ms"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.forums")
    parser.add_argument("--quick", action="store_true", help="fewer requests per page")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="abierto-bench-forums-"))
    os.environ["BENCH_DIR"] = str(workdir)
    try:
        result = run(20 if args.quick else 100)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        sys.stdout.write(json.dumps(result, indent=2) + "\n")
        return 0
    out = sys.stdout.write
    out(f"forums {result['forums']}, sessions {result['sessions']:,}\n")
    for name in ("session_list", "session_list_old_url", "index"):
        small, large = result["one_forum"][name], result["many_forums"][name]
        out(
            f"  {name:<22} p50/p95 {small['p50_ms']:6.1f}/{small['p95_ms']:6.1f} ms with 1 forum, "
            f"{large['p50_ms']:6.1f}/{large['p95_ms']:6.1f} ms with {result['forums']}\n"
        )
    municipal = result["many_forums"]["municipal_session_list"]
    out(
        f"  {'municipal_session_list':<22} p50/p95 {municipal['p50_ms']:6.1f}/"
        f"{municipal['p95_ms']:6.1f} ms\n"
    )
    for key in ("session_list_ratio", "index_ratio"):
        verdict = "met" if result[key] <= TARGET else "not met"
        out(f"  {key:<22} {result[key]:.2f} (target <= {TARGET}: {verdict})\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
