"""Attendance as a stenographic version heads it: offices as labels with a colon, the names
after each in capitals, often run together on one line:

    ASISTENCIA:
    PRESIDENTE: SEÑOR MINISTRO:
    LUIS MARÍA AGUILAR MORALES SEÑORES MINISTROS: ALFREDO GUTIÉRREZ ORTIZ MENA JOSÉ RAMÓN …

The office is the first label of a run of labels ("PRESIDENTE: SEÑOR MINISTRO:" gives
"Presidente"; "SEÑORES MINISTROS:" gives "Ministro"); names run together are cut before a
common given name that follows a surname (``given_names``).
"""

import re

from .name_words import ROLE_WORDS
from .names import MAX_NAME_WORDS, looks_like_name, singular
from .people import Person
from .run_together import run_together_names
from .text import fold, squash

_HEADING_RE = re.compile(r"(?m)^[ \t]*(?:asistencia|asistentes|presentes)[ \t]*:[ \t]*$")
MAX_BLOCK_CHARS = 1200
# "(SE INICIÓ LA SESIÓN A LAS 10:35 HORAS)", a blank line or a speaker's turn in mixed case
# ends the block.
_BLOCK_END_RE = re.compile(r"\n\s*\n|\n\s*\(|\n[^\n]*[a-záéíóúñ]{3}")
_COURTESY = frozenset(
    [
        "senor",
        "senora",
        "senores",
        "senoras",
        "ciudadano",
        "ciudadana",
        "ciudadanos",
        "ciudadanas",
        "c",
        "cc",
    ]
)
_PARTICLES = frozenset(["de", "del", "la", "las", "los", "y", "e"])
_OFFICES = ROLE_WORDS | frozenset(["ministro", "ministra", "senador", "senadora"])


def _office(label: str) -> str | None:
    """ "SEÑORES MINISTROS" -> "Ministro"; None when the label is no office."""
    words = [word for word in label.split() if fold(word).strip(".") not in _COURTESY]
    if not words or fold(singular(words[0])) not in _OFFICES:
        return None
    return singular(" ".join(words).title())


def _names(run: str) -> list[str]:
    """The names in ``run``, cut at separators and, where names run together, before a given
    name that follows a surname."""
    names: list[str] = []
    for part in re.split(r"[,;\n]|\s+y\s+", run):
        words = part.split()
        if not words:
            continue
        if len(words) <= MAX_NAME_WORDS // 2 + 2 and looks_like_name(" ".join(words)):
            names.append(" ".join(words))
            continue
        names += run_together_names(part)
    return [name for name in names if looks_like_name(name)]


def _labels(block: str) -> list[tuple[int, int, str | None]]:
    """Each label's start, end (after its colon) and office: the words before a colon from the
    first office word among the last five, with the courtesy words before it."""
    labels: list[tuple[int, int, str | None]] = []
    previous = 0
    for colon in re.finditer(r":", block):
        words = list(re.finditer(r"[^\W\d_]+\.?", block[previous : colon.start()]))[-5:]
        first = next(
            (i for i, word in enumerate(words) if fold(singular(word[0])).strip(".") in _OFFICES),
            None,
        )
        if first is None:
            labels.append((colon.start(), colon.end(), None))
        else:
            while first > 0 and fold(words[first - 1][0]).strip(".") in _COURTESY:
                first -= 1
            start = previous + words[first].start()
            labels.append((start, colon.end(), _office(block[start : colon.start()])))
        previous = colon.end()
    return labels


def from_header_labels(text: str, folded: str) -> list[Person]:
    heading = _HEADING_RE.search(folded, 0, min(len(folded), 3000))
    if heading is None:
        return []
    limit = min(len(text), heading.end() + MAX_BLOCK_CHARS)
    end = _BLOCK_END_RE.search(text, heading.end() + 1, limit)
    block = text[heading.end() : end.start() if end else limit]
    people: list[Person] = []
    office: str | None = None
    position = 0
    for index, (start, label_end, this) in enumerate(_labels(block)):
        if this is None:
            return []  # not a block of office labels
        names = _names(squash(block[position:start])) if index else []
        people += [Person(name, office) for name in names]
        if names or office is None:
            office = this  # "PRESIDENTE: SEÑOR MINISTRO:": the first label of a run
        position = label_end
    people += [Person(name, office) for name in _names(squash(block[position:]))]
    return people if len(people) >= 2 else []
