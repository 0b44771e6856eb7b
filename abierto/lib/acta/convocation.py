"""The convocation cited in the opening: its reference, its date and who sent it.

"previa convocatoria realizada mediante oficio STL/016/2022 de fecha nueve de
diciembre de dos mil veintidós, emitido por el Facilitador, Mtro. …". The
convocation's date is not the session's, so the span read here is reported back
for the session reader to skip.
"""

import re

from .names import looks_like_name, strip_titles
from .text import clean_title
from .when import find_dates

_REFERENCE_RE = re.compile(
    r"(?:n[uo]m(?:ero)?\.?|no\.?|n\s?[°o]\.?|:)?\s*(?P<ref>[a-z0-9]{1,12}(?:[/-][a-z0-9.]{1,12}){1,6})\b"
)
_CONVENED_BY_RE = re.compile(
    r"\b(?:emitid[oa]|suscrit[oa]|signad[oa]|firmad[oa]|girad[oa]|enviad[oa]|expedid[oa]|"
    r"realizad[oa]|convocad[oa]s?)\s+por\s+(?P<who>[^;\n]{1,160})"
)
_CONVOCATION_CONTEXT_RE = re.compile(
    r"(?:previa|mediante|en\s+terminos\s+de\s+la|conforme\s+a\s+la|atendiendo\s+a\s+la|segun|por)\s+"
    r"(?:la\s+|el\s+)?(?:convocatoria|oficio|citatorio)|^\s*convocatoria\s*:|\n\s*convocatoria\s*:|"
    r"convocatoria\s+(?:realizada|emitida|enviada|de\s+fecha|n[uo]m|no\.)|convocad[oa]s?\s+(?:mediante|por|a\s+traves)"
)


def read_convocation(
    text: str, folded: str, opening_end: int, spans: list[tuple[int, int]]
) -> dict[str, str | None] | None:
    for context in _CONVOCATION_CONTEXT_RE.finditer(folded, 0, opening_end):
        start = context.start()
        end = _sentence_end(folded, context.end(), min(len(folded), context.end() + 300))
        # The session's own date and time often follow in the same sentence.
        session_cue = _SESSION_START_RE.search(folded, context.end(), end)
        if session_cue:
            end = session_cue.start()
        window = folded[start:end]
        reference = None
        ref_match = _REFERENCE_RE.search(window)
        if ref_match and any(char.isdigit() for char in ref_match["ref"]):
            ref_start = start + ref_match.start("ref")
            reference = text[ref_start : start + ref_match.end("ref")]
        dates = find_dates(text[start:end], window)
        date = dates[0].value.isoformat() if dates else None
        if reference is None and date is None:
            continue
        convened_by = None
        who = _CONVENED_BY_RE.search(text[start:end])
        if who:
            convened_by = _who(who["who"])
        spans.append((start, end))
        return {"reference": reference or "", "date": date, "convened_by": convened_by}
    return None


_SESSION_START_RE = re.compile(r"\b(?:siendo\s+las|a\s+las|se\s+reunieron|reunid[oa]s)\b")


_WHO_END_RE = re.compile(
    r"\s+(?i:con\s+(?:el|la)|para|a\s+fin|mediante|de\s+conformidad|en\s+t[eé]rminos|se\s+reuni|"
    r"las\s+personas|los\s+integrantes)\b|\.\s+(?=[A-ZÁÉÍÓÚ][a-záéíóú]+\s+[a-záéíóú])"
)


def _who(raw: str) -> str | None:
    """Who convened: a person's name when the text gives one, else the office."""
    raw = _WHO_END_RE.split(raw)[0]
    chunks = [chunk.strip() for chunk in raw.split(",") if chunk.strip()]
    for chunk in chunks[:3]:
        name = strip_titles(chunk)
        if looks_like_name(name):
            return name
    if not chunks:
        return None
    return clean_title(re.sub(r"^(?:el|la)\s+", "", chunks[0], flags=re.IGNORECASE)) or None


def _sentence_end(folded: str, start: int, limit: int) -> int:
    match = re.compile(r"\.(?=\s+(?:se|la|el|los|las|con|en|y)\s)|;|\n").search(
        folded, start, limit
    )
    return match.start() if match else limit
