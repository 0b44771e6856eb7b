"""The people who speak in a stenographic version: "Cargo, Nombre: …".

Stenographic versions name each speaker before what they say ("Comisionada Presidenta
Ximena Puente de la Mora: Muy buenas tardes…"); whoever speaks was there. A line that goes
on with the sentence before it, a numbered agenda line ("III. Correspondencia:") or a
mention of a document or an absence is no speaker's turn.
"""

import re

from .names import looks_like_name, split_name_role
from .people import Person
from .roster import MIN_WRAPPED_LINE_CHARS, not_present

_SPEAKER_RE = re.compile(r"(?m)^[ \t]*(?P<label>[^\n:]{4,160}?)[ \t]*:(?=[ \t]|$)")
# A transcript that lost the colon glues the speech to the name: "Martín del CampoQué tal".
_GLUED_RE = re.compile(r"[a-záéíóúñ](?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")
MAX_LABEL_WORDS = 16


def from_speakers(text: str, folded: str) -> list[Person]:
    """The people who speak in a stenographic version: "Cargo, Nombre: …"."""
    people: list[Person] = []
    offset = 0
    previous = ""
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        # A line that goes on with the sentence of the line before ("…, DRA. CLAUDIA / ESTHER
        # ORTIZ GUERRERO, M. EN D. …:") is no speaker's turn.
        continues = previous.endswith(",") or (
            previous[-1:].isalnum() and len(previous) >= MIN_WRAPPED_LINE_CHARS
        )
        previous = line.strip()
        if continues:
            continue
        label = _label(line)
        if label is None or not label[:1].isupper() or len(label.split()) > MAX_LABEL_WORDS:
            continue
        if _LIST_MARKER_RE.match(label):
            continue  # "III. Correspondencia:" is an agenda item, no speaker

        parsed = split_name_role(label)
        if parsed is None or not looks_like_name(parsed[0]):
            continue
        if ":" not in line[: len(label) + 2] and parsed[1] is None:
            continue  # a glued label is read only with the office that heads it
        if "," in label and parsed[1] is None:
            continue  # "Económicas y Administrativas, el cual me permito exponer…:" is prose
        if not_present(folded, line_start):
            continue
        people.append(Person(*parsed))
    return people


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
