"""Headings set in small capitals, which a PDF's text layer gives back one piece a line.

State gazettes (the Periódico Oficial that publishes a municipality's minutes) set headings
in small capitals: a full capital, then smaller ones, each run its own piece of text. pypdf
returns every piece on a line of its own, a space between words as a line holding only a
space, and a word's first piece sometimes after a space (" S", "ESIÓN"):

    A / CT / A / " " / DE / " S" / ESIÓN / " O" / RDINARIA / " N" / O / ". 44"

is "ACTA DE SESIÓN ORDINARIA NO. 44". Such a run is put back together: at least four short
lines, one holding only spaces, one a lone capital letter and two a word's first capital after
a space. A piece that starts with a
figure ("6", "1.- …") starts a line of its own, as an item of a list does, and so does a
word after a figure ("… FISCAL 2019" then "ACTA …").
"""

from __future__ import annotations

import re

# The longest piece of a heading's run: a word's rest in small capitals ("RESUPUEST").
MAX_PIECE = 12
MIN_RUN = 4
_LONE_CAPITAL_RE = re.compile(r"[A-ZÁÉÍÓÚÑ]")
# A word's first capital after the space that ends the word before: " S" of " S" "ESIÓN". A
# column of a roll call ("Presente", "X", a blank cell) has none.
_WORD_START_RE = re.compile(r" [A-ZÁÉÍÓÚÑ]")
MIN_WORD_STARTS = 2


def rejoined_small_caps(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, None]:
        if line is not None and len(line.strip()) <= MAX_PIECE:
            run.append(line)
            continue
        out += _joined(run) if _is_heading_run(run) else run
        run = []
        if line is not None:
            out.append(line)
    return "\n".join(out)


def _is_heading_run(run: list[str]) -> bool:
    return (
        len(run) >= MIN_RUN
        and any(piece and not piece.strip() for piece in run)
        and any(_LONE_CAPITAL_RE.fullmatch(piece) for piece in run)
        and sum(bool(_WORD_START_RE.match(piece)) for piece in run) >= MIN_WORD_STARTS
    )


def _joined(run: list[str]) -> list[str]:
    joined: list[str] = [""]
    for piece in run:
        if joined[-1].strip() and (
            piece[:1].isdigit() or (piece[:1].isalpha() and joined[-1][-1:].isdigit())
        ):
            joined.append("")  # "6", "1.- …"; "… FISCAL 2019" then "A" "CT" "A": a new line
        joined[-1] += piece if piece.strip() else " "
    return [re.sub(r" {2,}", " ", line).strip() for line in joined if line.strip()]
