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

import re
from dataclasses import dataclass

from abierto.lib.spanish import ordinal_words_to_number

from .agenda import Agenda, item_positions
from .markers import detect_style, read_list
from .text import clean_title, fold, sentences

MAX_AGREEMENT_CHARS = 1500


@dataclass
class Agreement:
    """One agreement as read from the acta."""

    code: str
    text: str
    vote: str | None
    start: int
    agenda_item: int | None = None
    anchor: int = -1  # where the decision is stated, to tell which agenda item it belongs to


_CODE = r"[a-z0-9]{1,15}(?:[/-][a-z0-9.]{1,15}){1,7}"
_KEYWORD_CODE_RE = re.compile(
    rf"(?P<keyword>acuerdo)\s*(?:n[uo]m(?:ero)?\.?|no\.?|n\s?[°o]\.?)?\s*(?P<code>{_CODE}|\d{{1,4}})"
    r"\s*(?:\.-|\.|:|\)|-|\||\n)"
)
_BARE_CODE_RE = re.compile(
    # "[A-Z]{2}[A-Z0-9]*", not "[A-Z]{2,}[A-Z0-9]*": the same codes, without trying every
    # split of a long run of capitals (quadratic time on a line of 20,000 of them).
    r"(?m)^[ \t]*(?P<code>[A-Z]{2}[A-Z0-9]*(?:[/-][A-Z0-9.]{1,15}){2,7})"
    r"[ \t]*(?:\.-|\.|:|-|\||\t|\n)"
)
_SECTION_RE = re.compile(
    r"(?m)^[ \t]*(?:[ivx]{1,5}[.)-]*\s*)?(?:relacion\s+de\s+|resumen\s+de\s+)?"
    r"(?:acuerdos(?:\s+(?:tomados|aprobados|adoptados|de\s+la\s+sesion))?|puntos\s+de\s+acuerdo|resolutivos)"
    r"\s*:?[ \t]*$"
)
_FOLLOW_UP_RE = re.compile(r"seguimiento\s+(?:de|a)\s+(?:los\s+)?acuerdos")
_STATUS_RE = re.compile(r"\b(?:pendiente|cumplido|en\s+proceso|atendido|concluido|en\s+tramite)\b")
_VOTE_RE = re.compile(r"\b(?P<vote>unanimidad|unanime(?:mente)?|mayoria)\b")
_CUE_RE = re.compile(
    r"\b(?:se|fue|fueron|queda|quedo|quedan|quedaron)\s+(?:(?:tiene|tienen)\s+por\s+)?"
    r"(?:aprobad[oa]s?|autorizad[oa]s?|acordad[oa]s?|aprueba|aprueban|aprobo|aprobaron|acuerda|acuerdan|"
    r"acordo|acordaron|autoriza|autorizan|autorizo|autorizaron|confirma|confirman|confirmo|determina|"
    r"determino|resuelve|resolvio)\b"
    r"|\b(?:aprobad[oa]s?|acordad[oa]s?|autorizad[oa]s?)\s+(?:por|con)\s+(?:unanimidad|mayoria|el\s+voto)"
    r"|\b(?:por|de)\s+(?:unanimidad|mayoria)\s+(?:de\s+(?:votos|los\s+presentes)\s+)?(?:se\s+)?(?:aprob|acord|autoriz)"
)
_RELATIVE_BEFORE_RE = re.compile(
    r"(?:por\s+(?:el|la|los|las)\s+que|mediante\s+(?:el|la)\s+cual|en\s+(?:el|la)\s+que|(?:el|la|lo)\s+cual|"
    r"\bque|\bcomo|\bsi|cuando|donde|una\s+vez\s+que)\s*$"
)
_HEADING_LINE_RE = re.compile(r"(?m)^[ \t]*(?:[IVX]{1,6}|\d{1,2})[.)-]+[ \t]*[A-ZÁÉÍÓÚ]")


def read_agreements(text: str, folded: str, agenda: Agenda, end: int) -> list[Agreement]:
    """The agreements of the session, each with its vote and agenda item when known."""
    body_start = agenda.end if agenda.items else 0
    agreements = _coded(text, folded, body_start, end)
    if not agreements:
        agreements = _section(text, folded, end)
    if not agreements:
        agreements = _narrative(text, folded, body_start, end)
        for agreement in agreements:
            match = _VOTE_RE.search(fold(agreement.text))
            agreement.vote = _vote_value(match["vote"]) if match else None
    else:
        _assign_votes(text, folded, agreements)
    _assign_items(text, folded, agenda, agreements)
    return agreements


# --- Coded agreements ----------------------------------------------------------------


def _coded(text: str, folded: str, start: int, end: int) -> list[Agreement]:
    found: list[tuple[int, int, str]] = []  # (start, content start, code)
    for match in _KEYWORD_CODE_RE.finditer(folded, start, end):
        keyword_start = match.start("keyword")
        if not _opens_statement(text, keyword_start):
            continue
        code = text[match.start("code") : match.end("code")].rstrip(".")
        if "/" in code or "-" in code:
            if not re.search(r"[A-Za-z]", code):
                code = f"{text[keyword_start : match.end('keyword')]} {code}"
        elif not code.isdigit():
            continue
        found.append((keyword_start, match.end(), code))
    for match in _BARE_CODE_RE.finditer(text, start, end):
        if any(begin <= match.start("code") < content for begin, content, _ in found):
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
    return _split_trailing_vote(clean_title(text[start:limit]))


# Starts only where a run of separators starts: from inside ". . . . ." it took quadratic time.
_TRAILING_VOTE_RE = re.compile(r"(?<![\s.;,|])[\s.;,|]+(unanimidad|mayor[ií]a)$", re.IGNORECASE)


def _split_trailing_vote(body: str) -> tuple[str, str | None]:
    """A table cell "Unanimidad" read into the end of the text: "…del día. Unanimidad"."""
    match = _TRAILING_VOTE_RE.search(body)
    if not match:
        return body, None
    return clean_title(body[: match.start()]), _vote_value(fold(match.group(1)))


def _row_text(line: str) -> tuple[str, str | None]:
    cells = [cell.strip() for cell in re.split(r"\s*\|\s*|\t+", line) if cell.strip()]
    vote = None
    kept: list[str] = []
    for cell in cells:
        match = _VOTE_RE.fullmatch(fold(cell).strip(" ."))
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
        if detected is None:
            continue
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
    if paragraph != -1:
        candidates.append(paragraph)
    return min(candidates)


# --- Narrative agreements ---------------------------------------------------------------


def _narrative(text: str, folded: str, start: int, end: int) -> list[Agreement]:
    agreements: list[Agreement] = []
    for sentence_start, sentence_end in sentences(text[start:end], start):
        sentence_folded = folded[sentence_start:sentence_end]
        cue = _CUE_RE.search(sentence_folded)
        if not cue:
            continue
        if _refers_elsewhere(sentence_folded, cue):
            cue = _next_unrelative_cue(sentence_folded, cue.end())
            if cue is None:
                continue
        body = clean_title(text[sentence_start:sentence_end])
        if len(body.split()) < 3:
            continue
        agreements.append(
            Agreement(
                code=str(len(agreements) + 1),
                text=body,
                vote=None,
                start=sentence_start,
                anchor=sentence_start + cue.start(),
            )
        )
    return agreements


def _refers_elsewhere(sentence: str, cue: re.Match[str]) -> bool:
    """A cue in a relative clause describes an older instrument ("el acuerdo …, por el
    que se autorizó…") unless a vote follows it ("…, la cual se aprobó por unanimidad")."""
    if not _RELATIVE_BEFORE_RE.search(sentence[: cue.start()][-30:]):
        return False
    return not _VOTE_RE.search(sentence, cue.start(), cue.end() + 50)


def _next_unrelative_cue(sentence: str, position: int) -> re.Match[str] | None:
    for cue in _CUE_RE.finditer(sentence, position):
        if not _refers_elsewhere(sentence, cue):
            return cue
    return None


# --- Votes and agenda items -------------------------------------------------------------


def _vote_value(raw: str) -> str:
    return "mayoría" if raw.startswith("mayor") else "unanimidad"


def _assign_votes(text: str, folded: str, agreements: list[Agreement]) -> None:
    previous_end = 0
    for agreement in agreements:
        if agreement.vote is None:
            match = _VOTE_RE.search(fold(agreement.text))
            if match is None:
                window_start = max(previous_end, agreement.start - 400)
                context = folded[window_start : agreement.start]
                matches = list(_VOTE_RE.finditer(context))
                match = matches[-1] if matches else None
            if match is not None:
                agreement.vote = _vote_value(match["vote"])
        previous_end = agreement.start + len(agreement.text)


def _assign_items(text: str, folded: str, agenda: Agenda, agreements: list[Agreement]) -> None:
    if not agenda.items:
        return
    positions = item_positions(text, folded, agenda)
    sections = [match.start() for match in _SECTION_RE.finditer(folded, agenda.end)]
    for agreement in agreements:
        anchor = agreement.anchor if agreement.anchor >= 0 else agreement.start
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
