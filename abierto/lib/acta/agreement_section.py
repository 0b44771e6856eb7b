"""An "ACUERDOS" section: the agreements gathered under a heading, numbered 1, 2, 3 or
PRIMERO, SEGUNDO…, or one agreement stated in prose under it."""

import re

from .bulleted_agenda import bulleted_items
from .decisions import VOTE_RE, Agreement, vote_value
from .markers import Marker, Style, detect_style, find_marker, read_list
from .session_times import CLOSING_RE
from .text import clean_title, fold

__all__ = [
    "HEADING_LINE_RE",
    "MAX_AGREEMENT_CHARS",
    "SECTION_RE",
    "section_agreements",
    "section_headings",
]

MAX_AGREEMENT_CHARS = 1500
SHORT_TAIL_CHARS = 300
CLOSING_CHARS = 160  # how far into a paragraph its closing formula may stand

SECTION_RE = re.compile(
    # "NA ACUERDOS": OCR may read the section's numeral as two stray letters.
    r"(?m)^(?:[ \t]*(?:[ivx]{1,5}[.)-]*\s*|[a-z]{1,2}[.)-]?[ \t]+)?"
    r"(?:relacion\s+de\s+|resumen\s+de\s+)?"
    r"(?:acuerdos(?:\s+(?:tomados|aprobados|adoptados|de\s+la\s+sesion))?|puntos\s+de\s+acuerdo|resolutivos)"
    r"\s*:?)[ \t]*$"
)
# "Se tomaron los siguientes acuerdos:" closing a line of prose: the list under it (a pattern
# that starts with a word found fast: one that skipped any text up to it was tried at every
# line of the acta).
_ANNOUNCED_RE = re.compile(
    r"(?m)siguientes\s+(?:acuerdos|resolutivos|puntos\s+de\s+acuerdo)\s*:[ \t]*$"
)
# So does a decision closed by its colon: "La Comisión acordó por unanimidad:", "se acordó lo
# siguiente:", "el Pleno resuelve:". (Looked for only before a colon that ends a line: the
# verbs' first letters are everywhere, and a pattern tried at each of them costs.)
_DECIDED_RE = re.compile(
    r"(?m)(?:acord(?:o|aron)|aprob(?:o|aron)|resolvi(?:o|eron)|acuerda|acuerdan|resuelve|resuelven)"
    r"(?:\s+(?:por\s+(?:unanimidad|mayoria)(?:\s+de\s+(?:votos|los\s+presentes))?|lo\s+siguiente))*"
    r"\s*:[ \t]*$"
)
_COLON_AT_LINE_END_RE = re.compile(r"(?m):[ \t]*$")
DECIDED_CHARS = 80  # how far before its colon the decision's verb may stand


def section_headings(folded: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The headings of agreement sections in ``folded[start:end]``, and the sentences that
    announce a list of agreements, in order."""
    end = len(folded) if end is None else end
    found = [*SECTION_RE.finditer(folded, start, end), *_ANNOUNCED_RE.finditer(folded, start, end)]
    for colon in _COLON_AT_LINE_END_RE.finditer(folded, start, end):
        decided = _DECIDED_RE.search(folded, max(start, colon.start() - DECIDED_CHARS), colon.end())
        if decided is not None and decided.end() == colon.end():
            found.append(decided)
    return sorted(found, key=lambda match: match.start())


HEADING_LINE_RE = re.compile(r"(?m)^[ \t]*(?:[IVX]{1,6}|\d{1,2})[.)-]+[ \t]*[A-ZÁÉÍÓÚ]")


def section_agreements(text: str, folded: str, end: int) -> list[Agreement]:
    """The agreements of the first "ACUERDOS" section that lists any."""
    agreements: list[Agreement] = []
    for heading in section_headings(folded, 0, end):
        detected = detect_style(text, folded, heading.end(), min(end, heading.end() + 200))
        lead = text[heading.end() : detected[1].start] if detected else ""
        if detected is not None and _has_words(lead):
            # "ACUERDOS / Reunión el día 6 de mayo… Orden del día 1. … 2. …": prose before the
            # list, so the list belongs to the one agreement the section states.
            limit = min(end, heading.end() + MAX_AGREEMENT_CHARS)
            next_section = _NEXT_SECTION_RE.search(text, heading.end(), limit)
            limit = next_section.start() if next_section else limit
            body = clean_title(text[heading.end() : limit])
            return [Agreement(code="1", text=body, vote=None, start=heading.end())]
        if detected is None:
            bulleted, _ = bulleted_items(text, heading.end())
            if bulleted:
                # "Acuerdos:\n- Se aprueba por mayoría …\n- La Tesorería enviará …": bullets
                # number nothing, so the agreements are numbered in the order they are read.
                return [
                    Agreement(code=str(number), text=clean_title(title), vote=None, start=at)
                    for number, (at, title) in enumerate(bulleted, start=1)
                ]
            detected = _first_marker_lost(text, folded, heading.end(), end)
            if detected is None:
                continue
            style, second = detected
            body = clean_title(text[heading.end() : second.start])
            if body:
                agreements.append(Agreement(code="1", text=body, vote=None, start=heading.end()))
            first = second
        else:
            style, first = detected
        markers, _ = read_list(text, folded, style, first, end, max_gap=2500)
        told = VOTE_RE.search(heading.group(0))  # "La Comisión acordó por unanimidad:"
        for index, marker in enumerate(markers):
            limit = markers[index + 1].start if index + 1 < len(markers) else end
            if index + 1 == len(markers):
                limit = _section_end(text, marker.content, limit)
            body = clean_title(text[marker.content : limit])
            if body:
                agreements.append(
                    Agreement(
                        code=str(marker.number),
                        text=body,
                        vote=vote_value(told["vote"]) if told else None,
                        start=marker.start,
                    )
                )
        if agreements:
            return agreements
    return agreements


# The next section of the minute: "V. ASUNTOS GENERALES" (a Roman numeral and capitals).
_NEXT_SECTION_RE = re.compile(r"(?m)^[ \t]*[IVX]{1,6}[.)-]+[ \t]*[A-ZÁÉÍÓÚÑ]{3,}[A-ZÁÉÍÓÚÑ ,]*$")


def _has_words(lead: str) -> bool:
    """Whether text before a list says something (not OCR debris like "o Orden del día o")."""
    return len(re.findall(r"[A-Za-zÁÉÍÓÚÑáéíóúñ]{3,}", lead)) >= 6


def _first_marker_lost(text: str, folded: str, start: int, end: int) -> tuple[Style, Marker] | None:
    """A list whose "1." OCR lost ("Li / PUBLICAR CONVOCATORIA…", then "2.- PENDIENTE…"): its
    "2." at a line start; the text before it is the first item."""
    limit = min(end, start + MAX_AGREEMENT_CHARS)
    for style in (Style.ARABIC, Style.ROMAN):
        second = find_marker(text, folded, style, 2, start, limit)
        if second is not None and second.at_line_start and _has_words(text[start : second.start]):
            return style, second
    return None


def _section_end(text: str, start: int, limit: int) -> int:
    candidates = [limit, start + MAX_AGREEMENT_CHARS]
    heading = HEADING_LINE_RE.search(text, start + 1, limit)
    if heading:
        candidates.append(heading.start())
    capitals = re.compile(r"(?m)^[ \t]*[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ .,]{6,}$").search(
        text, start + 1, limit
    )
    if capitals:
        candidates.append(capitals.start())
    closing = _closing_line(text, start, min(limit, start + MAX_AGREEMENT_CHARS))
    if closing is not None:
        candidates.append(closing)
    paragraph = text.find("\n\n", start, limit)
    # A short paragraph before the end (the signatures) still belongs to the last item:
    # "2.- PENDIENTE ELABORAR CALENDARIO… / Reunión el día 27 de agosto…".
    if paragraph != -1 and limit - paragraph > SHORT_TAIL_CHARS:
        candidates.append(paragraph)
    return min(candidates)


# "Próxima reunión: 19-III-2021, 11:00 hrs.": a working minute's next meeting, after its list.
_NEXT_MEETING_LABEL_RE = re.compile(r"(?:proxima|siguiente)\s+(?:reunion|sesion)\s*:")


def _closing_line(text: str, start: int, limit: int) -> int | None:
    """Where a line opens the closing formula (or names the next meeting) after a finished
    sentence: "2. Declarar desierto el concurso ….\nSiendo las 14:00 horas se dio por terminada
    la reunión." is no part of the last agreement."""
    for newline in re.finditer(r"\.[ \t]*\n\s*", text[start:limit]):
        line = start + newline.end()
        opening = fold(text[line : line + CLOSING_CHARS])
        if CLOSING_RE.search(opening) or _NEXT_MEETING_LABEL_RE.match(opening):
            return line
    return None
