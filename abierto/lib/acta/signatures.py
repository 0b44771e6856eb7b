"""The signature block at the foot of an acta: each name over the office printed under it.

"Karla Patricia Valdés García / COORDINADORA", "Martha Virginia Jasso Oyervides / SECRETARIA":
many minutes give the members' offices only there. A scan reads the block badly (signatures
are written over the names), so a signer is matched to an attendee by similarity, and only
the block at the very foot counts: after it come no more sentences, only names and offices.
"""

import difflib
import re
from dataclasses import dataclass

from .name_words import ROLE_WORDS
from .names import name_key
from .text import fold

_WORD_RE = re.compile(r"[A-Za-zÁÉÍÓÚÑÜáéíóúñü]+")
_CONNECTORS = frozenset(["de", "del", "la", "y", "e", "el"])
MAX_OFFICE_WORDS = 6
MAX_NAME_LINE_WORDS = 8
MIN_PROSE_WORDS = 6  # a longer line, half of it in lower-case words, is prose
MIN_NAME_SIMILARITY = 0.75


@dataclass(frozen=True)
class Signer:
    """A name line of the signature block and the office printed under it."""

    name: str
    office: str
    start: int  # where the name line starts


def office_line(line: str) -> str | None:
    """The office a short line states ("4 COORDINADORA", "] VOCERO Y »"), capitalised."""
    words = _WORD_RE.findall(line)
    if not words or len(line.split()) > MAX_OFFICE_WORDS:
        return None
    for index, word in enumerate(words):
        if word[0].isupper() and fold(word) in ROLE_WORDS:
            if any(len(before) > 2 for before in words[:index]):
                return None  # "Informe Comisionado de CPC": a heading, not an office
            kept = [w for w in words[index:] if w[0].isupper() or fold(w) in _CONNECTORS]
            while kept and (fold(kept[-1]) in _CONNECTORS or len(kept[-1]) < 3):
                kept.pop()
            return " ".join(_capitalised(word) for word in kept)
    return None


def _capitalised(word: str) -> str:
    if fold(word) in _CONNECTORS:
        return word.lower()
    return word.capitalize() if word.isupper() else word


def _is_name_line(line: str) -> bool:
    if len(line.split()) > MAX_NAME_LINE_WORDS or re.search(r"\d\d", line) or _is_prose(line):
        return False
    capitalised = [word for word in _WORD_RE.findall(line) if word[0].isupper() and len(word) > 2]
    return len(capitalised) >= 2 and office_line(line) is None


def signers(text: str, after: int = 0) -> list[Signer]:
    """The signers of the block at the foot of ``text[after:]``, in order.

    Only the block at the foot counts: the lines are read from the last one up, and the
    reading stops at the first line of prose (a glued signer line is long, so a line where a
    signer starts does not count as prose). Reading up from the foot, rather than every line
    of a long acta, is what keeps this cheap.
    """
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        if offset >= after and line.strip():
            lines.append((offset, line.strip()))
        offset += len(line) + 1
    found: list[Signer] = []
    starts: set[int] = set()
    for index in range(len(lines) - 1, -1, -1):
        start, line = lines[index]
        glued = _office_at_end(line)
        if glued is not None:
            # "… Karla Patricia Valdes García ls COORDINADORA": a scan joined the two lines.
            found.append(Signer(glued[0], glued[1], start))
            starts.add(start)
        else:
            office = office_line(line)
            if office and index and _is_name_line(lines[index - 1][1]):
                found.append(Signer(lines[index - 1][1], office, lines[index - 1][0]))
                starts.add(lines[index - 1][0])
        if start not in starts and _is_prose(line):
            break
    found.reverse()
    return found


def _is_prose(line: str) -> bool:
    words = line.split()
    if len(words) <= MIN_PROSE_WORDS:
        return False
    lower = sum(1 for word in words if word[:1].islower() and len(word) > 1)
    if lower * 2 >= len(words):
        return True
    # "NO HABIENDO OTRO ASUNTO QUE TRATAR, SE DA POR CONCLUIDA LA SESIÓN A LAS …": prose in
    # capitals has the words of a clause, which an office ("DIRECTOR GENERAL DEL CECYTEM Y
    # SECRETARIO DE LA H. JUNTA DIRECTIVA") has not.
    clause = sum(1 for word in words if fold(word.strip(",.;:")) in _CLAUSE_WORDS)
    return clause >= MIN_CLAUSE_WORDS


_CLAUSE_WORDS = frozenset(["que", "se", "por", "a", "las", "los", "con", "no", "su", "sus", "al"])
MIN_CLAUSE_WORDS = 3


def _office_at_end(line: str) -> tuple[str, str] | None:
    """A name and an office in capitals at the end of one line, if the line holds both."""
    words = line.split()
    if len(words) <= MAX_OFFICE_WORDS:
        return None
    for index in range(len(words) - 1, max(1, len(words) - 3) - 1, -1):
        word = "".join(_WORD_RE.findall(words[index]))
        if len(word) > 3 and word.isupper() and fold(word) in ROLE_WORDS:
            office = office_line(" ".join(words[index:]))
            return (" ".join(words[:index]), office) if office else None
    return None


def block_start(text: str, after: int = 0) -> int | None:
    """Where the signature block at the foot starts, if the acta has one."""
    found = signers(text, after)
    return found[0].start if found else None


def best_match(signer: Signer, names: list[str]) -> str | None:
    """The name among ``names`` the signer's (perhaps misread) line spells, if any is close."""
    tokens = name_key(signer.name).split()
    # Any run of the line's words may be the name: OCR adds stray letters around it.
    windows = {
        " ".join(tokens[start : start + length])
        for length in range(2, 7)
        for start in range(max(0, len(tokens) - length + 1))
    } or {" ".join(tokens)}
    scored = [
        (
            max(
                difflib.SequenceMatcher(None, window, name_key(name)).ratio() for window in windows
            ),
            name,
        )
        for name in names
    ]
    scored = [pair for pair in scored if pair[0] >= MIN_NAME_SIMILARITY]
    return max(scored)[1] if scored else None
