"""What links an agreement to the rest of the acta: its vote, the agenda item it settles,
and the earlier session whose minutes it approves."""

import re

from abierto.lib.spanish import ordinal_words_to_number

from .agenda import Agenda, item_positions
from .agreement_section import section_headings
from .decisions import VOTE_RE, Agreement, tally_vote, vote_value
from .text import fold

__all__ = ["VOTE_LINE_RE", "approved_minutes", "assign_items", "assign_votes", "vote_value"]


# "Acuerdo 01/2021-2022\nSe realizarán …\nAprobado por unanimidad\nAcuerdo 02/…": a line that
# only says the vote, under the agreement it closes.
VOTE_LINE_RE = re.compile(
    r"(?m)^[ \t]*(?:(?:fue\s+|es\s+)?aprobad[oa]s?|se\s+aprueba)\s+(?:por\s+)?"
    r"(?P<vote>unanimidad|mayoria)(?:\s+de\s+votos)?[ \t]*\.?[ \t]*$"
)


TALLY_CHARS = 200  # how far after an agreement its count of votes may be told


def assign_votes(text: str, folded: str, agreements: list[Agreement]) -> None:
    """The vote of each agreement: in its text, else on a line of its own under it, else the
    last told shortly before it."""
    previous_end = 0
    heading_ends: list[int] | None = None
    for index, agreement in enumerate(agreements):
        if agreement.vote is None:
            match = VOTE_RE.search(fold(agreement.text))
            if match is None:
                end = (
                    agreements[index + 1].start
                    if index + 1 < len(agreements)
                    else agreement.start + 2 * len(agreement.text) + 200
                )
                match = VOTE_LINE_RE.search(folded, agreement.start, end)
            if match is None:
                # Not across the heading of an "ACUERDOS" section: a vote told before it
                # belongs to the narrative.
                if heading_ends is None:
                    # (a heading that tells the vote, "se aprobó por unanimidad:", gives it)
                    heading_ends = [
                        heading.start() if VOTE_RE.search(heading.group(0)) else heading.end()
                        for heading in section_headings(folded)
                    ]
                section = max(
                    (end for end in heading_ends if end <= agreement.start + 1), default=0
                )
                window_start = max(previous_end, agreement.start - 400, section)
                context = folded[window_start : agreement.start]
                matches = list(VOTE_RE.finditer(context))
                match = matches[-1] if matches else None
            if match is not None:
                agreement.vote = vote_value(match["vote"])
            else:
                # "…, con 8 votos a favor y 2 en contra.", "Votación: 11 votos a favor, 0 …"
                stop = agreement.start + len(agreement.code) + len(agreement.text) + TALLY_CHARS
                if index + 1 < len(agreements):
                    stop = min(stop, agreements[index + 1].start)
                agreement.vote = tally_vote(folded[agreement.start : stop])
        previous_end = agreement.start + len(agreement.text)


def assign_items(text: str, folded: str, agenda: Agenda, agreements: list[Agreement]) -> None:
    """The agenda item each agreement settles: the item under discussion where it is stated."""
    if not agenda.items:
        return
    positions = item_positions(text, folded, agenda)
    earlier: list[tuple[int, int]] | None = None
    sections = [match.start() for match in section_headings(folded, agenda.end)]
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
        "como",
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
    """The words that carry the meaning, cut to their first six letters so that "confirma"
    meets "confirmación" and "solicitados" meets "solicitada"."""
    return {word[:6] for word in re.findall(r"[a-z0-9]{3,}", fold(text)) if word not in _STOPWORDS}


def _most_similar_item(text: str, agenda: Agenda) -> int | None:
    """The item whose title shares most of the agreement's words: half of them, or a third
    when no other item comes near (a long title spells out more than the agreement says)."""
    words = _content_words(text)
    scores: list[tuple[float, int]] = []
    for item in agenda.items:
        item_words = _content_words(item.title)
        if not words or not item_words:
            continue
        scores.append((len(words & item_words) / min(len(words), len(item_words)), item.number))
    scores.sort(key=lambda pair: (-pair[0], pair[1]))  # on a tie, the earlier item
    if not scores:
        return None
    best_score, best = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0.0
    if best_score >= 0.5 or (best_score >= 0.3 and best_score >= 2 * runner_up):
        return best
    return None


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
