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

from .agenda import Agenda
from .agreement_links import (
    VOTE_LINE_RE,
    approved_minutes,
    assign_items,
    assign_votes,
    vote_value,
)
from .agreement_section import HEADING_LINE_RE, MAX_AGREEMENT_CHARS, section_agreements
from .agreement_table import FOLLOW_UP_RE, table_agreements
from .decisions import VOTE_RE, Agreement, narrative_agreements, tally_vote
from .masthead import acta_start
from .text import clean_title, fold, sentences

__all__ = ["Agreement", "approved_minutes", "read_agreements"]

# "CT/EXT/1°/2021/PRIMERO": a segment may carry an ordinal's degree sign (fold keeps "°").
# ("02/2ª ORD/2014": a session's ordinal and kind, written with a space, inside the code)
_CODE = (
    r"[a-z0-9]{1,15}"
    r"(?:[/-](?:\d{1,2}[ao°]\s(?:ord|ext|ordinaria|extraordinaria)\b|[a-z0-9.°]{1,15})){1,7}"
)
_KEYWORD_CODE_RE = re.compile(
    rf"(?P<keyword>acuerdo|resolucion)\s*(?:n[uo]m(?:ero)?\.?|no\.?|n\s?[°o]\.?)?\s*"
    # "ACUERDO 432.1 Aprobación del Orden del Día.": a session's number and the agreement's.
    # "ACUERDO\nXLVI.14.2. Se aprueba …": the session's number in Roman numerals.
    rf"(?:(?P<dotted>(?:\d{{1,4}}|[ivxlc]{{1,8}})(?:\.\d{{1,3}}){{1,3}})(?:\s*(?:\.-|:|-)|\.?\s)"
    # "ACUERDO 158/17, EL H. CABILDO AUTORIZA …": a comma closes a code, not a counter.
    # A dash before a figure goes on with the code ("07/2021-2022"), it does not close it.
    rf"|(?P<code>{_CODE}|\d{{1,4}})\s*(?:\.-|\.|:|\)|-(?!\d)|\||\n|(?P<comma>,))"
    # "Acuerdo 07/2021-2022 PN Se instruye …" (a margin's scrap after it): a code with a
    # slash or a dash also ends at a space.
    rf"|(?P<spaced>{_CODE})[ \t]+(?=\S))"
)
_DOTTED_CODE_RE = re.compile(r"(?:\d+|[IVXLCivxlc]+)(?:\.\d+)+")
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
    # "A-01/2021 Se aprueba …": one letter will do before two separators, the code then
    # followed by a capitalised word.
    r"(?m)^[ \t]*(?P<code>[A-Z]{2}[A-Z0-9]*(?:[/-][A-Z0-9.°º]{1,15}){2,7}"
    r"|[A-Z](?:[/-][A-Z0-9.°º]{1,15}){2,7}(?=[ \t]+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]))"
    r"[ \t]*(?:\.-|\.|:|-|\||\t|\n|(?<=[ \t])(?=[A-ZÁÉÍÓÚÑ]))"
)
# "01-142/2015 Aprobar el orden del día…": a list of agreements whose codes are figures only.
# Such a code counts when another line of the same list shares everything after its counter
# ("-142/2015"); a date ("14/12/2011", one separator twice) is not a code.
_NUMERIC_CODE_RE = re.compile(
    r"(?m)^[ \t]*(?P<code>(?P<counter>\d{1,4})"
    r"(?P<rest>[/-][0-9A-Z]{1,8}(?:[/-][0-9A-Z]{1,8}){0,3}))"
    r"\.?(?:[ \t]*(?:\.-|:|-|\|)[ \t]*|[ \t]+)(?=[A-ZÁÉÍÓÚÑ¿«\"“])"
)
_TRANSITION_LINE_RE = re.compile(
    r"\n[ \t]*(?=(?:Por\s+lo\s+(?:tanto|que)|Acto\s+seguido|A\s+continuaci[oó]n|En\s+seguida|"
    r"Enseguida|Posteriormente|En\s+uso\s+de\s+la\s+(?:palabra|voz)|Continuando\s+con)\b)"
)
_DATE_CODE_RE = re.compile(r"\d{1,2}([/-])\d{1,2}\1\d{2}(?:\d{2})?")
_STATUS_RE = re.compile(r"\b(?:pendiente|cumplido|en\s+proceso|atendido|concluido|en\s+tramite)\b")


def read_agreements(text: str, folded: str, agenda: Agenda, end: int) -> list[Agreement]:
    """The agreements of the session, each with its vote and agenda item when known."""
    body_start = agenda.end if agenda.items else 0
    # Coded agreements are read before the agenda too: some actas transcribe the agenda
    # after the agreement that approved it ("ACUERDO 8.09.1 … ORDEN DEL DÍA 1. …").
    skip = (agenda.start, agenda.end) if agenda.items else (0, 0)
    agreements = _coded(text, folded, 0, end, skip)
    if not agreements:
        agreements = table_agreements(text[:end])
    if not agreements:
        agreements = section_agreements(text, folded, end)
    if not agreements:
        agreements = narrative_agreements(text, folded, body_start, end)
        if agenda.items:
            # "…dio lectura al orden del día y se sometió a votación económica, siendo aprobado
            # por mayoría de votos en los siguientes términos: 1.- …": the sentence that leads
            # into the agenda may approve it; and the opening before it may record a decision
            # of its own ("…se aprobó por UNANIMIDAD DE VOTOS que: «El lic. … funja como
            # secretario de la presente sesión»").
            lead = narrative_agreements(text, folded, acta_start(folded), agenda.items[0].start)
            agreements = [*lead, *agreements]
            for index, agreement in enumerate(agreements, start=1):
                agreement.code = str(index)
        for agreement in agreements:
            match = VOTE_RE.search(fold(agreement.text))
            agreement.vote = (
                vote_value(match["vote"]) if match else tally_vote(fold(agreement.text))
            )
    else:
        assign_votes(text, folded, agreements)
    assign_items(text, folded, agenda, agreements)
    return agreements


# --- Coded agreements ----------------------------------------------------------------


def _coded(text: str, folded: str, start: int, end: int, skip: tuple[int, int]) -> list[Agreement]:
    found: list[tuple[int, int, str]] = []  # (start, content start, code)
    for match in _KEYWORD_CODE_RE.finditer(folded, start, end):
        keyword_start = match.start("keyword")
        if not _opens_statement(text, keyword_start) or skip[0] <= keyword_start < skip[1]:
            continue
        group = next(name for name in ("dotted", "code", "spaced") if match[name])
        code = text[match.start(group) : match.end(group)].rstrip(".")
        if match["comma"] and "/" not in code and "-" not in code:
            continue
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
    for begin, content, code in _numeric_coded(text, start, end):
        if skip[0] <= begin < skip[1] or any(b <= begin < c for b, c, _ in found):
            continue
        found.append((begin, content, code))
    found.sort()
    agreements: list[Agreement] = []
    seen: set[str] = set()
    for index, (begin, content, code) in enumerate(found):
        limit = found[index + 1][0] if index + 1 < len(found) else end
        quoted = _closing_quote(text, begin, content, limit)
        if quoted is not None:
            # '6.1.- “ACUERDO 158/17, … COMUNÍQUESE … EN CONSECUENCIA”': the quote is the whole
            # agreement, its orders and all.
            body, row_vote = _split_trailing_vote(clean_title(text[content:quoted]))
        else:
            body, row_vote = _agreement_text(text, folded, content, limit)
        key = fold(code).replace(" ", "")
        if not body or key in seen or _is_follow_up(text, folded, begin, body):
            continue
        seen.add(key)
        agreements.append(Agreement(code=code, text=body, vote=row_vote, start=begin))
    return agreements


def _numeric_coded(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Lines opened by a code of figures, kept when at least two share the part after the
    counter and their counters differ ("01-119/2011", "02-119/2011")."""
    by_rest: dict[str, list[re.Match[str]]] = {}
    for match in _NUMERIC_CODE_RE.finditer(text, start, end):
        if not _DATE_CODE_RE.fullmatch(match["code"]):
            by_rest.setdefault(match["rest"], []).append(match)
    found: list[tuple[int, int, str]] = []
    for matches in by_rest.values():
        if len({int(match["counter"]) for match in matches}) >= 2:
            found.extend((m.start("code"), m.end(), m["code"]) for m in matches)
    return found


def _opens_statement(text: str, position: int) -> bool:
    """Whether ``position`` starts a line, a table cell or a sentence."""
    before = text[max(0, position - 5) : position]
    stripped = before.rstrip(" \t").rstrip('"“«').rstrip(" \t")  # (quoted: '6.1.- “ACUERDO')
    return not stripped or stripped[-1] in "\n|.:;)" or stripped.endswith(".-")


def _closing_quote(text: str, begin: int, content: int, limit: int) -> int | None:
    """Where the quote that opens right before an agreement's keyword closes, if it does."""
    if text[max(0, begin - 3) : begin].rstrip(" \t")[-1:] not in ("“", '"', "«"):
        return None
    close = _CLOSING_QUOTE_RE.search(text, content, min(limit, content + MAX_AGREEMENT_CHARS))
    return close.start() if close else None


_CLOSING_QUOTE_RE = re.compile(r"[”»]|\"(?=\s*(?:$|[\n.,;]))")


def _agreement_text(text: str, folded: str, start: int, limit: int) -> tuple[str, str | None]:
    limit = min(limit, start + MAX_AGREEMENT_CHARS)
    line_end = text.find("\n", start, limit)
    first_line = text[start : line_end if line_end != -1 else limit]
    if "|" in first_line or "\t" in first_line:
        return _row_text(first_line)
    paragraph = text.find("\n\n", start, limit)
    if paragraph != -1:
        limit = paragraph
    heading = HEADING_LINE_RE.search(text, start + 1, limit)
    if heading:
        limit = heading.start()
    # "…Juan Carlos Guzmán Escobedo.\nAprobado por unanimidad\nAsuntos generales …": a line that
    # only says the vote closes the agreement above it (``assign_votes`` reads the vote there).
    vote_line = VOTE_LINE_RE.search(folded, start + 1, limit)
    if vote_line:
        limit = vote_line.start()
    # "…electrónica: www.infoem.org.mx\nPor lo tanto la Presidente se dirigió…": a line that
    # opens with the narrative's transition ends the agreement, stop or no stop before it.
    transition = _TRANSITION_LINE_RE.search(text, start + 1, limit)
    if transition:
        limit = transition.start()
    # "Acuerdo 01/2021-2022\n\nSe realizarán dos sesiones … Las sesiones se llevarán …": under a
    # code that stands on its own line, the agreement goes on over the paragraph's sentences
    # (not over a vote's cell or a heading in capitals after it).
    under_heading = not text[text.rfind("\n", 0, start) + 1 : start].strip(" \t")
    spans = sentences(text[start:limit], start)
    for (_, first_end), (second_start, second_end) in itertools.pairwise(spans):
        lead = second_start + len(text[second_start:]) - len(text[second_start:].lstrip())
        if _CONTINUES_RE.match(folded, lead, second_end):
            continue
        if under_heading and _is_prose(text[lead:second_end]):
            continue
        limit = first_end
        break
    return _split_trailing_vote(clean_title(text[start:limit]))


def _is_prose(sentence: str) -> bool:
    words = sentence.split()
    return len(words) >= MIN_PROSE_WORDS and not sentence.isupper() and words[0][:1].isupper()


MIN_PROSE_WORDS = 4


# Starts only where a run of separators starts: from inside ". . . . ." it took quadratic time.
# "…comunicación del CPC. ” Aprobado por unanimidad": the vote said after the statement.
_TRAILINGVOTE_RE = re.compile(
    r"(?<![\s.;,|\"”])[\s.;,|\"”]+(?:aprobad[oa]s?\s+por\s+)?(unanimidad|mayor[ií]a)$",
    re.IGNORECASE,
)


def _split_trailing_vote(body: str) -> tuple[str, str | None]:
    """A table cell "Unanimidad" read into the end of the text: "…del día. Unanimidad"."""
    match = _TRAILINGVOTE_RE.search(body)
    if not match:
        return body, None
    return clean_title(body[: match.start()]), vote_value(fold(match.group(1)))


def _row_text(line: str) -> tuple[str, str | None]:
    cells = [cell.strip() for cell in re.split(r"\s*\|\s*|\t+", line) if cell.strip()]
    vote = None
    kept: list[str] = []
    for cell in cells:
        match = VOTE_RE.fullmatch(fold(cell).strip(" ."))
        if match:
            vote = vote_value(match["vote"])
        elif not _STATUS_RE.fullmatch(fold(cell).strip(" .")):
            kept.append(cell)
    return clean_title(" ".join(kept)), vote


def _is_follow_up(text: str, folded: str, start: int, body: str) -> bool:
    before = folded[max(0, start - 800) : start]
    follow_up = FOLLOW_UP_RE.search(before)
    if not follow_up:
        return False
    return bool(_STATUS_RE.search(fold(body))) or "|" in text[start : start + 200].split("\n")[0]
