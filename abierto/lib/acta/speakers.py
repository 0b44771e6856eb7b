"""The people who speak in a stenographic version: "Cargo, Nombre: …".

Stenographic versions name each speaker before what they say ("Comisionada Presidenta
Ximena Puente de la Mora: Muy buenas tardes…"); whoever speaks was there. A line that goes
on with the sentence before it, a numbered agenda line ("III. Correspondencia:") or a
mention of a document or an absence is no speaker's turn.
"""

import re

from .group_labels import is_office_label
from .name_run import MIN_WRAPPED_LINE_CHARS
from .name_words import ROLE_WORDS
from .names import looks_like_name, split_name_role
from .people import Person
from .roster import not_present
from .text import fold, squash

_SPEAKER_RE = re.compile(r"(?m)^[ \t]*(?P<label>[^\n:]{4,160}?)[ \t]*:(?=[ \t]|$)")
# A transcript that lost the colon glues the speech to the name: "Martín del CampoQué tal".
_GLUED_RE = re.compile(r"[a-záéíóúñ](?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")
MAX_LABEL_WORDS = 16
MIN_PROSE_LINE_CHARS = 25
_LOWER_WORD_RE = re.compile(r"\b[a-záéíóúñ]{2,}\b")
MIN_PROSE_WORDS = 3


def from_speakers(text: str, folded: str) -> list[Person]:
    """The people who speak in a stenographic version: "Cargo, Nombre: …"."""
    people: list[Person] = []
    offset = 0
    previous = ""
    addressed: str | None = None
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        # A line that goes on with the sentence of the line before ("…, DRA. CLAUDIA / ESTHER
        # ORTIZ GUERRERO, M. EN D. …:") is no speaker's turn.
        continues = previous.endswith(",") or (
            previous[-1:].isalnum()
            and (
                len(previous) >= MIN_WRAPPED_LINE_CHARS
                # "Con el uso de la palabra el Maestro Antonio / Fernando Chávez …:" (prose)
                or (
                    len(previous) >= MIN_PROSE_LINE_CHARS
                    and len(_LOWER_WORD_RE.findall(previous)) >= MIN_PROSE_WORDS
                )
            )
        )
        previous = line.strip()
        if continues:
            continue
        label = _label(line)
        if label is None or not label[:1].isupper() or len(label.split()) > MAX_LABEL_WORDS:
            continue
        if _LIST_MARKER_RE.match(label):
            continue  # "III. Correspondencia:" is an agenda item, no speaker
        if is_office_label(label):
            continue  # "Secretarias y Secretarios: Alma …" heads a list of members
        if _CONTACT_RE.match(line, line.find(":") + 1):
            continue  # "Tels. y Fax: 3-12-32-28": a letterhead's contact, no turn to speak

        parsed = split_name_role(label) or _office_in_lower_case(label)
        if parsed is None or not looks_like_name(parsed[0]):
            continue
        if ":" not in line[: len(label) + 2] and parsed[1] is None:
            continue  # a glued label is read only with the office that heads it
        if "," in label and parsed[1] is None:
            continue  # "Económicas y Administrativas, el cual me permito exponer…:" is prose
        if not_present(folded, line_start):
            continue
        name, role = parsed
        people.append(Person(name, role or addressed))
        addressed = None
        asked = _ASKED_TO_CALL_ROLL_RE.search(line)
        if asked and _ROLL_CALL_WORDS_RE.search(fold(line), asked.end()):
            # "…señor Secretario del Honorable Ayuntamiento se sirva … realizar el pase de
            # lista": whoever speaks next, calling the roll, holds that office.
            addressed = squash(asked["office"])
    return people


_ASKED_TO_CALL_ROLL_RE = re.compile(
    r"\b(?:se[ñn]or|se[ñn]ora|ciudadan[oa])\s+(?P<office>Secretari[oa](?:\s+(?:de|del|de\s+la)?\s*"
    r"[A-ZÁÉÍÓÚÑ][\wáéíóúñ]*\.?){0,5})"
)
_ROLL_CALL_WORDS_RE = re.compile(r"\b(?:pase\s+de\s+lista|lista\s+de\s+asistencia|quorum)\b")


# "Secretaria de acuerdos María Yanet Paredes Cabrera:": an office written in lower case after
# its first word, then the capitalised name.
_LOWER_OFFICE_RE = re.compile(
    r"^(?P<office>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:\s+(?:de|del|de\s+la|y)?\s*[a-záéíóúñ]{3,}){1,4})"
    r"\s+(?P<name>[A-ZÁÉÍÓÚÑ].*)$"
)


def _office_in_lower_case(label: str) -> tuple[str, str | None] | None:
    match = _LOWER_OFFICE_RE.match(label)
    if match is None or fold(match["office"]).split()[0] not in ROLE_WORDS:
        return None
    return (match["name"], match["office"]) if looks_like_name(match["name"]) else None


_CONTACT_RE = re.compile(r"\s*(?:\+?\(?\d[\d\s().-]{5,}|[\w.-]+@[\w-]+\.)")
_LIST_MARKER_RE = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,3}|[a-z])\s*[.)]")


def _label(line: str) -> str | None:
    match = _SPEAKER_RE.match(line)
    if match:
        return match["label"].strip()
    head = line[:160]
    glued = _GLUED_RE.search(head)
    if glued is None or "," not in head[: glued.start()]:
        return None
    return head[: glued.end()].strip()
