"""Matching the names people give themselves on a call to the names the forum knows.

Accents, case, punctuation, word order, honorifics and Zoom's role tags are folded away:
«Mtro. Horacio Rodriguez (Host)» and «Horacio Rodríguez Jiménez» are the same person when
every word of the shorter name (at least two) is in the longer one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

# Tags Zoom, Meet and Teams append to a display name, in English and Spanish.
_ROLE_TAG = re.compile(
    r"\s*\((?:host|co-?host|guest|anfitri[oó]n|coanfitri[oó]n|co-anfitri[oó]n|invitad[oa]|"
    r"organizer|organizador|organizadora|presenter|presentador|presentadora|me|yo)\)\s*$",
    re.IGNORECASE,
)
_HONORIFIC_WORDS = (
    "lic licdo licda licenciado licenciada mtro mtra maestro maestra dr dra doctor doctora "
    "ing ingeniero ingeniera arq c ciudadano ciudadana sr sra srta senor senora "
    "mgdo mgda magistrado magistrada comisionado comisionada presidente presidenta "
    "consejero consejera subsecretario subsecretaria secretario secretaria facilitador "
    "facilitadora don dona prof profesor profesora mvz cp act"
)
HONORIFICS = frozenset(_HONORIFIC_WORDS.split())
PARTICLES = frozenset(("de", "del", "la", "las", "los", "y", "e", "da", "van", "von"))


def strip_role_tag(name: str) -> tuple[str, bool]:
    """``("Horacio Rodríguez", True)`` for «Horacio Rodríguez (Host)»: the name, and whether
    a host or co-host tag was on it."""
    name = " ".join(name.split())
    host = False
    while True:
        match = _ROLE_TAG.search(name)
        if match is None:
            return name, host
        tag = match.group(0).casefold()
        host = host or "host" in tag or "anfitri" in tag or "organiz" in tag
        name = name[: match.start()].rstrip()


def split_original_name(value: str) -> tuple[str, str]:
    """Zoom's «Name (Original Name)» column: ``("Horacio R", "Horacio Rodríguez Jiménez")``
    when the person renamed themselves, ``("Horacio", "")`` otherwise."""
    value = " ".join(value.split())
    match = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", value)
    if match is None:
        return value, ""
    return match.group(1).strip(), match.group(2).strip()


def fold(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    return " ".join(re.sub(r"[^\w\s]|_", " ", bare).split())


def name_tokens(name: str) -> frozenset[str]:
    """The words that identify a person: folded, without honorifics, particles or digits."""
    name, _host = strip_role_tag(name)
    return frozenset(
        word
        for word in fold(name).split()
        if word not in HONORIFICS and word not in PARTICLES and not word.isdigit()
    )


def same_person(a: str, b: str) -> bool:
    """Whether two names denote the same person (see the module's docstring)."""
    return _overlap(name_tokens(a), name_tokens(b)) > 0


def _overlap(a: frozenset[str], b: frozenset[str]) -> int:
    """How many words two names share, when all of the shorter's (two or more) are shared."""
    shorter = a if len(a) <= len(b) else b
    common = len(a & b)
    return common if len(shorter) >= 2 and common == len(shorter) else 0


def best_match(name: str, candidates: Iterable[tuple[K, str]]) -> K | None:
    """The key of the one candidate whose name is ``name``; None when none or several tie."""
    tokens = name_tokens(name)
    scored: dict[K, int] = {}
    for key, candidate in candidates:
        score = _overlap(tokens, name_tokens(candidate))
        if score:
            scored[key] = max(score, scored.get(key, 0))
    if not scored:
        return None
    best = max(scored.values())
    winners = [key for key, score in scored.items() if score == best]
    return winners[0] if len(winners) == 1 else None
