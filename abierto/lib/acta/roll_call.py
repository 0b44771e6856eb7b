"""A roll call run into prose: "ciudadano Pablo Vázquez Ramírez, presente; …".

The secretary's reading of the list is often transcribed inline, each member followed by
the answer: "Name, presente;", "REGIDORA, NAME, Presente;", "Name (presente)", "Name
(Asist.)". Only the members marked present are read; those who "justificó su inasistencia"
or joined later carry no mark and are left out. A plural office written once before the run
("Concejales Municipales Regidores: Name (presente), …") is the office of each name in it that
has none.
"""

import re

from .name_words import ROLE_WORDS
from .names import looks_like_name, singular, split_name_role, strip_titles
from .people import Person
from .run_together import wrapped_name
from .text import fold

# ", presente", "(presente)", ": presente", "Vocal. Presente.", closing one member's entry.
# "(Asist.)" after each name of a school council's list; "(Inasist.)" marks an absence.
# Found from the punctuation (the blank before it is taken back by ``_marks``): a pattern that
# starts with "\s*" is tried at every character of the acta (issue 13's speed).
_MARK_RE = re.compile(
    r"(?:,|:|-|\.(?<=[a-z]\.))\s*presente\b(?=\s*(?:[;,.)\n]|y\s|$))"
    r"|\(\s*(?:presente|asist(?:e|io|encia)?\.?)\s*\)"
)
# Where an entry starts at the latest: after a separator or a heading's colon.
_BOUNDARY_RE = re.compile(r"[;:\n]|(?<=\S)\.(?=\s)|\)\s*,?|,\s*(?=y\s)")
_COURTESY_RE = re.compile(r"^(?:(?:ciudadan[oa]s|se[ñn]or(?:e|a)s|c\.\s?c\.)\s+)+", re.IGNORECASE)
_DELEGATE_RE = re.compile(r"(?:suplente|en\s+representacion|representante)\b")
MAX_ENTRY_CHARS = 160
MAX_GAP_CHARS = 200
MAX_OFFICE_CHARS = 80  # two marks further apart than this belong to different runs
# "Concejales Municipales Regidores:", "los Regidores:", "Síndicos:" before the run.
_PLURAL_OFFICE_RE = re.compile(
    r"(?:^|\s)(?:(?:los|las)\s+)?(?P<office>(?:[a-z]+(?:es|as|os)\s+){0,3}"
    r"(?:regidores|regidoras|sindicos|concejales|consejeros|consejeras|vocales|diputados|"
    r"diputadas|comisionados|comisionadas|integrantes|miembros))\s*:\s*$"
)


def _marks(folded: str) -> list[tuple[int, int]]:
    """The spans of the marks, each with the blank before it."""
    spans: list[tuple[int, int]] = []
    previous_end = 0
    for match in _MARK_RE.finditer(folded):
        start = match.start()
        while start > previous_end and folded[start - 1].isspace():
            start -= 1
        spans.append((start, match.end()))
        previous_end = match.end()
    return spans


def from_inline_roll_call(text: str, folded: str) -> list[Person]:
    """The members a roll call run into prose marks present, with their offices."""
    marks = _marks(folded)
    people: list[Person] = []
    previous_end: int | None = None
    group_role: str | None = None
    for index, mark in enumerate(marks):
        near_previous = previous_end is not None and mark[0] - previous_end <= MAX_GAP_CHARS
        following = marks[index + 1] if index + 1 < len(marks) else None
        near_next = following is not None and following[0] - mark[1] <= MAX_GAP_CHARS
        if not (near_previous or near_next):
            previous_end = mark[1]
            continue  # one "presente" alone is a word of the narrative, not a roll call
        if not near_previous:
            group_role = None
        start = max(mark[0] - MAX_ENTRY_CHARS, previous_end or 0)
        # "Puente Rodríguez. (presente)": a dot before the mark ends no entry.
        entry_end = len(folded[: mark[0]].rstrip(" ."))
        boundaries = list(_BOUNDARY_RE.finditer(folded, start, max(start, entry_end)))
        entry_start = boundaries[-1].end() if boundaries else start
        heading_start = previous_end if near_previous and previous_end else max(0, entry_start - 80)
        office = _PLURAL_OFFICE_RE.search(folded, heading_start, entry_start)
        if office:
            # "de los Ciudadanos Diputados:": the courtesy is no part of the office
            office_text = text[office.start("office") : office.end("office")]
            group_role = singular(_COURTESY_RE.sub("", office_text))
        if near_previous and people and people[-1].role in (None, group_role):
            after = _office_after(text, folded, previous_end or 0, office, entry_start)
            if after and (people[-1].role is None or _DELEGATE_RE.match(fold(after))):
                people[-1].role, people[-1].group_role = after, False
        previous_end = mark[1]
        parsed = _entry(text, boundaries, entry_start, mark[0])
        if parsed is None:
            continue
        parsed = (_wrapped_name(text, boundaries, start, mark[0]) or parsed[0], parsed[1])
        name, role = parsed
        people.append(Person(name, role or group_role, group_role=not role and bool(group_role)))
    return people


# OCR debris inside an entry: quotes not inside a word, a lone dot ("SILVIA GUZMÁN . GARCÍA").
_DEBRIS_RE = re.compile(
    r"(?<!\w)['\"\u201c\u201d\u00b4`]+|['\"\u201c\u201d\u00b4`]+(?!\w)|\s\.(?=\s)"
)


def _entry(
    text: str, boundaries: list[re.Match[str]], start: int, end: int
) -> tuple[str, str | None] | None:
    """The name and office of one entry; over a colon read inside it ("SÍNDICO ESTEBAN:
    FUENTES SALAZAR, presente") when the whole clause holds a longer name."""
    parsed = split_name_role(_DEBRIS_RE.sub(" ", text[start:end]))
    if parsed is not None and not looks_like_name(parsed[0]):
        parsed = None
    clauses = [match.end() for match in boundaries if match.group(0) in ";\n"]
    if not clauses or clauses[-1] >= start or ":" not in text[clauses[-1] : start]:
        return parsed
    whole = split_name_role(_DEBRIS_RE.sub(" ", text[clauses[-1] : end].replace(":", " ")))
    if whole is None or not looks_like_name(whole[0]):
        return parsed
    if parsed is None or (
        len(whole[0]) > len(parsed[0]) and fold(whole[0]).endswith(fold(parsed[0]))
    ):
        return whole
    return parsed


def _wrapped_name(text: str, boundaries: list[re.Match[str]], start: int, end: int) -> str | None:
    """A name that a line break cut, its given name on the line before: "Síndico Municipal, Juan
    David García Camarena Marco\nAntonio Fuentes Ontiveros, presente" (``wrapped_name``)."""
    if not boundaries or boundaries[-1].group(0) != "\n":
        return None
    before = [match for match in boundaries[:-1] if match.group(0) != "\n"]
    clause = text[before[-1].end() if before else start : boundaries[-1].start()]
    name = wrapped_name(strip_titles(clause), text[boundaries[-1].end() : end].strip(" ,"))
    return name if name is not None and looks_like_name(name) else None


def _office_after(
    text: str, folded: str, mark_end: int, heading: re.Match[str] | None, entry_start: int
) -> str | None:
    """The office written right after a member's mark: "Ana Ruiz (presente) Presidenta"."""
    end = heading.start() if heading else entry_start
    # ", suplente del Diputado Felipe Ramírez Chávez." after "Presente": whom the member stands
    # in for
    words = re.split(r"[.;]?\n|[.;](?=\s)", text[mark_end:end].strip())[0]
    if words.startswith(","):
        words = words[1:].lstrip()
        if not _DELEGATE_RE.match(fold(words)):
            return None
    if not words or words[0] in ";,." or len(words) > MAX_OFFICE_CHARS:
        return None
    first = fold(words).split()[0]
    return words.rstrip(" ,;:.") if first in ROLE_WORDS else None
