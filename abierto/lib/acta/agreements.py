"""Agreements (acuerdos): coded, listed in an "ACUERDOS" section, or in the narrative.

Bodies record decisions in three ways, and an acta uses one of them as its
record of what was agreed:

1. coded agreements, set apart at the start of a line or in a box: "ACUERDO
   STL/XV/1/2022: Se aprueba…", "CT/SE/03/2023-01 | Se confirma…", "ACUERDO
   263/2022.- …";
2. a section headed "ACUERDOS" whose items are numbered 1, 2, 3 or PRIMERO,
   SEGUNDO…;
3. only the narrative: "Se aprueba por unanimidad…", "Por mayoría de votos se
   aprobó…".

The first that yields anything wins, so the narrative sentence that announces a
coded agreement ("sometido a votación, se aprobó por unanimidad") is not counted
twice. A code cited in the middle of a sentence ("el acuerdo STL/XIV/3/2022 sigue
pendiente") refers to an older agreement and is not read.
"""

import itertools
import re

from abierto.lib.spanish import ordinal_words_to_number

from .agenda import Agenda, item_positions
from .decisions import VOTE_RE, Agreement, narrative_agreements
from .markers import Marker, Style, detect_style, find_marker, read_list
from .text import clean_title, fold, sentences

__all__ = ["Agreement", "approved_minutes", "read_agreements"]

MAX_AGREEMENT_CHARS = 1500
SHORT_TAIL_CHARS = 300


_CODE = r"[a-z0-9]{1,15}(?:[/-][a-z0-9.]{1,15}){1,7}"
_KEYWORD_CODE_RE = re.compile(
    rf"(?P<keyword>acuerdo)\s*(?:n[uo]m(?:ero)?\.?|no\.?|n\s?[°o]\.?)?\s*"
    # "ACUERDO 432.1 Aprobación del Orden del Día.": a session's number and the agreement's.
    rf"(?:(?P<dotted>\d{{1,4}}(?:\.\d{{1,3}}){{1,3}})(?:\s*(?:\.-|:|-)|\s)"
    rf"|(?P<code>{_CODE}|\d{{1,4}})\s*(?:\.-|\.|:|\)|-|\||\n))"
)
_DOTTED_CODE_RE = re.compile(r"\d+(?:\.\d+)+")
# A coded agreement is one statement; what follows it is the narrative again, unless it goes
# on with the agreement's own orders ("Se instruye a la Secretaría…", "Publíquese").
_CONTINUES_RE = re.compile(
    r"(?:se\s+(?:instruye|aprueba|autoriza|solicita|ordena|turna|tiene|acuerda|determina|faculta|"
    r"designa|exhorta|remite|notifica)|publiquese|notifiquese|comuniquese|cumplase|asimismo|"
    r"lo\s+anterior|en\s+consecuencia|unanimidad|mayoria|unanime)\b"
)
_BARE_CODE_RE = re.compile(
    # "[A-Z]{2}[A-Z0-9]*", not "[A-Z]{2,}[A-Z0-9]*": the same codes, without trying every
    # split of a long run of capitals (quadratic time on a line of 20,000 of them).
    r"(?m)^[ \t]*(?P<code>[A-Z]{2}[A-Z0-9]*(?:[/-][A-Z0-9.]{1,15}){2,7})"
    r"[ \t]*(?:\.-|\.|:|-|\||\t|\n)"
)
_SECTION_RE = re.compile(
    # "NA ACUERDOS": OCR may read the section's numeral as two stray letters.
    r"(?m)^[ \t]*(?:[ivx]{1,5}[.)-]*\s*|[a-z]{1,2}[.)-]?[ \t]+)?"
    r"(?:relacion\s+de\s+|resumen\s+de\s+)?"
    r"(?:acuerdos(?:\s+(?:tomados|aprobados|adoptados|de\s+la\s+sesion))?|puntos\s+de\s+acuerdo|resolutivos)"
    r"\s*:?[ \t]*$"
)
_FOLLOW_UP_RE = re.compile(r"seguimiento\s+(?:de|a)\s+(?:los\s+)?acuerdos")
_STATUS_RE = re.compile(r"\b(?:pendiente|cumplido|en\s+proceso|atendido|concluido|en\s+tramite)\b")
_HEADING_LINE_RE = re.compile(r"(?m)^[ \t]*(?:[IVX]{1,6}|\d{1,2})[.)-]+[ \t]*[A-ZÁÉÍÓÚ]")


def read_agreements(text: str, folded: str, agenda: Agenda, end: int) -> list[Agreement]:
    """The agreements of the session, each with its vote and agenda item when known."""
    body_start = agenda.end if agenda.items else 0
    # Coded agreements are read before the agenda too: some actas transcribe the agenda
    # after the agreement that approved it ("ACUERDO 8.09.1 … ORDEN DEL DÍA 1. …").
    skip = (agenda.start, agenda.end) if agenda.items else (0, 0)
    agreements = _coded(text, folded, 0, end, skip)
    if not agreements:
        agreements = _section(text, folded, end)
    if not agreements:
        agreements = narrative_agreements(text, folded, body_start, end)
        for agreement in agreements:
            match = VOTE_RE.search(fold(agreement.text))
            agreement.vote = _vote_value(match["vote"]) if match else None
    else:
        _assign_votes(text, folded, agreements)
    _assign_items(text, folded, agenda, agreements)
    return agreements


# --- Coded agreements ----------------------------------------------------------------


def _coded(text: str, folded: str, start: int, end: int, skip: tuple[int, int]) -> list[Agreement]:
    found: list[tuple[int, int, str]] = []  # (start, content start, code)
    for match in _KEYWORD_CODE_RE.finditer(folded, start, end):
        keyword_start = match.start("keyword")
        if not _opens_statement(text, keyword_start) or skip[0] <= keyword_start < skip[1]:
            continue
        group = "dotted" if match["dotted"] else "code"
        code = text[match.start(group) : match.end(group)].rstrip(".")
        if "/" in code or "-" in code:
            if not re.search(r"[A-Za-z]", code):
                code = f"{text[keyword_start : match.end('keyword')]} {code}"
        elif not code.isdigit() and not _DOTTED_CODE_RE.fullmatch(code):
            continue
        found.append((keyword_start, match.end(), code))
    for match in _BARE_CODE_RE.finditer(text, start, end):
        if any(begin <= match.start("code") < content for begin, content, _ in found):
            continue
        if skip[0] <= match.start("code") < skip[1]:
            continue
        found.append((match.start("code"), match.end(), match["code"].rstrip(".")))
    found.sort()
    agreements: list[Agreement] = []
    seen: set[str] = set()
    for index, (begin, content, code) in enumerate(found):
        limit = found[index + 1][0] if index + 1 < len(found) else end
        body, row_vote = _agreement_text(text, folded, content, limit)
        key = fold(code).replace(" ", "")
        if not body or key in seen or _is_follow_up(text, folded, begin, body):
            continue
        seen.add(key)
        agreements.append(Agreement(code=code, text=body, vote=row_vote, start=begin))
    return agreements


def _opens_statement(text: str, position: int) -> bool:
    """Whether ``position`` starts a line, a table cell or a sentence."""
    before = text[max(0, position - 4) : position]
    stripped = before.rstrip(" \t")
    return not stripped or stripped[-1] in "\n|.:;)"


def _agreement_text(text: str, folded: str, start: int, limit: int) -> tuple[str, str | None]:
    limit = min(limit, start + MAX_AGREEMENT_CHARS)
    line_end = text.find("\n", start, limit)
    first_line = text[start : line_end if line_end != -1 else limit]
    if "|" in first_line or "\t" in first_line:
        return _row_text(first_line)
    paragraph = text.find("\n\n", start, limit)
    if paragraph != -1:
        limit = paragraph
    heading = _HEADING_LINE_RE.search(text, start + 1, limit)
    if heading:
        limit = heading.start()
    spans = sentences(text[start:limit], start)
    for (_, first_end), (second_start, _) in itertools.pairwise(spans):
        if not _CONTINUES_RE.match(
            folded, second_start + len(text[second_start:]) - len(text[second_start:].lstrip())
        ):
            limit = first_end
            break
    return _split_trailing_vote(clean_title(text[start:limit]))


# Starts only where a run of separators starts: from inside ". . . . ." it took quadratic time.
_TRAILINGVOTE_RE = re.compile(r"(?<![\s.;,|])[\s.;,|]+(unanimidad|mayor[ií]a)$", re.IGNORECASE)


def _split_trailing_vote(body: str) -> tuple[str, str | None]:
    """A table cell "Unanimidad" read into the end of the text: "…del día. Unanimidad"."""
    match = _TRAILINGVOTE_RE.search(body)
    if not match:
        return body, None
    return clean_title(body[: match.start()]), _vote_value(fold(match.group(1)))


def _row_text(line: str) -> tuple[str, str | None]:
    cells = [cell.strip() for cell in re.split(r"\s*\|\s*|\t+", line) if cell.strip()]
    vote = None
    kept: list[str] = []
    for cell in cells:
        match = VOTE_RE.fullmatch(fold(cell).strip(" ."))
        if match:
            vote = _vote_value(match["vote"])
        elif not _STATUS_RE.fullmatch(fold(cell).strip(" .")):
            kept.append(cell)
    return clean_title(" ".join(kept)), vote


def _is_follow_up(text: str, folded: str, start: int, body: str) -> bool:
    before = folded[max(0, start - 800) : start]
    follow_up = _FOLLOW_UP_RE.search(before)
    if not follow_up:
        return False
    return bool(_STATUS_RE.search(fold(body))) or "|" in text[start : start + 200].split("\n")[0]


# --- An "ACUERDOS" section ------------------------------------------------------------


def _section(text: str, folded: str, end: int) -> list[Agreement]:
    agreements: list[Agreement] = []
    for heading in _SECTION_RE.finditer(folded, 0, end):
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
        for index, marker in enumerate(markers):
            limit = markers[index + 1].start if index + 1 < len(markers) else end
            if index + 1 == len(markers):
                limit = _section_end(text, marker.content, limit)
            body = clean_title(text[marker.content : limit])
            if body:
                agreements.append(
                    Agreement(code=str(marker.number), text=body, vote=None, start=marker.start)
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
    heading = _HEADING_LINE_RE.search(text, start + 1, limit)
    if heading:
        candidates.append(heading.start())
    capitals = re.compile(r"(?m)^[ \t]*[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ .,]{6,}$").search(
        text, start + 1, limit
    )
    if capitals:
        candidates.append(capitals.start())
    paragraph = text.find("\n\n", start, limit)
    # A short paragraph before the end (the signatures) still belongs to the last item:
    # "2.- PENDIENTE ELABORAR CALENDARIO… / Reunión el día 27 de agosto…".
    if paragraph != -1 and limit - paragraph > SHORT_TAIL_CHARS:
        candidates.append(paragraph)
    return min(candidates)


# --- Votes and agenda items -------------------------------------------------------------


def _vote_value(raw: str) -> str:
    return "mayoría" if raw.startswith("mayor") else "unanimidad"


def _assign_votes(text: str, folded: str, agreements: list[Agreement]) -> None:
    previous_end = 0
    for agreement in agreements:
        if agreement.vote is None:
            match = VOTE_RE.search(fold(agreement.text))
            if match is None:
                # Not across the heading of an "ACUERDOS" section: a vote told before it
                # belongs to the narrative.
                section = max(
                    (
                        heading.end()
                        for heading in _SECTION_RE.finditer(folded, 0, agreement.start + 1)
                    ),
                    default=0,
                )
                window_start = max(previous_end, agreement.start - 400, section)
                context = folded[window_start : agreement.start]
                matches = list(VOTE_RE.finditer(context))
                match = matches[-1] if matches else None
            if match is not None:
                agreement.vote = _vote_value(match["vote"])
        previous_end = agreement.start + len(agreement.text)


def _assign_items(text: str, folded: str, agenda: Agenda, agreements: list[Agreement]) -> None:
    if not agenda.items:
        return
    positions = item_positions(text, folded, agenda)
    earlier: list[tuple[int, int]] | None = None
    sections = [match.start() for match in _SECTION_RE.finditer(folded, agenda.end)]
    for agreement in agreements:
        anchor = agreement.anchor if agreement.anchor >= 0 else agreement.start
        if anchor < agenda.start:
            # Before an agenda transcribed late, the item headings that precede it tell.
            if earlier is None:
                earlier = item_positions(text, folded, agenda, 0, agenda.start)
            before = [number for position, number in earlier if position <= anchor]
            agreement.agenda_item = before[-1] if before else None
            continue
        # An "ACUERDOS" section gathers agreements after the narrative: the item
        # the narrative was on last says nothing about them.
        section = max((start for start in sections if start <= anchor), default=-1)
        before = [number for position, number in positions if section < position <= anchor]
        if before:
            agreement.agenda_item = before[-1]
        else:
            agreement.agenda_item = _most_similar_item(agreement.text, agenda)


_STOPWORDS = frozenset(
    [
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "en",
        "y",
        "a",
        "al",
        "se",
        "que",
        "por",
        "con",
        "para",
        "su",
        "sus",
        "lo",
        "un",
        "una",
        "es",
        "sesion",
        "aprueba",
        "aprueban",
        "aprobacion",
        "caso",
        "votos",
        "unanimidad",
        "mayoria",
        "acuerdo",
    ]
)


def _content_words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z0-9]{3,}", fold(text)) if word not in _STOPWORDS}


def _most_similar_item(text: str, agenda: Agenda) -> int | None:
    words = _content_words(text)
    best, best_score = None, 0.0
    for item in agenda.items:
        item_words = _content_words(item.title)
        if not words or not item_words:
            continue
        score = len(words & item_words) / min(len(words), len(item_words))
        if score > best_score:
            best, best_score = item.number, score
    return best if best_score >= 0.5 else None


# --- An agreement that approves an earlier session's minutes --------------------------

_MINUTES_APPROVAL_RE = re.compile(
    r"\baprueba\w*\b.{0,80}?\bacta\s+de\s+la\s+sesion\s+(?P<kind2>ordinaria|extraordinaria)\s+"
    r"(?:n[uo]m(?:ero)?\.?|no\.?)\s*(?P<number>\d{1,3})"
    r"|\baprueba\w*\b.{0,80}?\bacta\s+de\s+la\s+(?P<ordinal>(?:[a-z]+\s+){0,2}?[a-z]+)\s+"
    r"(?:sesion\s+)?(?P<kind>ordinaria|extraordinaria)"
)


def approved_minutes(text: str) -> dict[str, object] | None:
    """The earlier session whose acta this agreement approves, if it approves one:
    "Se aprueba … el Acta de la Décimo Cuarta Sesión Ordinaria" → ordinaria 14."""
    folded = fold(text)
    match = _MINUTES_APPROVAL_RE.search(folded)
    if match is None:
        return None
    if match["number"]:
        return {"kind": match["kind2"], "number": int(match["number"])}
    words = match["ordinal"].split()
    for start in range(len(words)):
        try:
            number = ordinal_words_to_number(" ".join(words[start:]))
        except ValueError:
            continue
        return {"kind": match["kind"], "number": number}
    return None
