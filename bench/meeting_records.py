"""How fast the meeting-record readers are on the largest files they accept.

A participants report of 5,000 connections (the row cap, ~0.5 MB) and a transcript of a
four-hour meeting (8,000 cues, ~0.9 MB), both built from the STL's 15th session samples
(``tests/data/meetings/``). Only parsing is timed (median of repeated runs, CPU time).
Run from the repository root:

    .venv/bin/python -m bench.meeting_records
"""

from __future__ import annotations

import datetime
import statistics
import sys
import time
from pathlib import Path

from abierto.lib.meeting_records import parse_participants, parse_webvtt

SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "data" / "meetings"
RUNS = 7
BUDGET_CSV_MS = 500.0
BUDGET_VTT_MS = 500.0


def big_report(rows: int = 4990) -> bytes:
    text = (SAMPLES / "stl-15-ordinaria-2022-12-16.participants.csv").read_bytes().decode()
    head, table = text.split("\r\n\r\n", 1)
    header, *lines = [line for line in table.split("\r\n") if line]
    out = [head, "", header]
    for i in range(rows):
        name, rest = lines[i % len(lines)].split(",", 1)
        out.append(f'"Persona {i} {name.strip(chr(34))}",{rest}')
    return "\r\n".join(out).encode()


def big_transcript(cues: int = 8000) -> bytes:
    sample = parse_webvtt((SAMPLES / "stl-15-ordinaria-2022-12-16.transcript.vtt").read_bytes())
    out = ["WEBVTT", ""]
    for i in range(cues):
        cue = sample[i % len(sample)]
        start = datetime.timedelta(seconds=i * 1.8)
        end = start + datetime.timedelta(seconds=1.7)
        out += [str(i + 1), f"{_stamp(start)} --> {_stamp(end)}"]
        out += [f"{cue.speaker}: {cue.text}", ""]
    return "\n".join(out).encode()


def _stamp(delta: datetime.timedelta) -> str:
    ms = int(delta.total_seconds() * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def median_cpu_ms(action: object, data: bytes) -> float:
    assert callable(action)
    action(data)
    timings = []
    for _ in range(RUNS):
        start = time.process_time()
        action(data)
        timings.append((time.process_time() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    report, transcript = big_report(), big_transcript()
    csv_ms = median_cpu_ms(parse_participants, report)
    vtt_ms = median_cpu_ms(parse_webvtt, transcript)
    sys.stdout.write(
        f"participants_csv_ms: {csv_ms:.1f} ({len(report) / 1024:.0f} KB, "
        f"{len(parse_participants(report).connections)} connections; "
        f"target <= {BUDGET_CSV_MS:.0f})\n"
    )
    sys.stdout.write(
        f"webvtt_ms: {vtt_ms:.1f} ({len(transcript) / 1024:.0f} KB, "
        f"{len(parse_webvtt(transcript))} cues; target <= {BUDGET_VTT_MS:.0f})\n"
    )


if __name__ == "__main__":
    main()
