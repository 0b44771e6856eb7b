"""Where the narrative names an agenda item by its number: "punto tres", "punto número 4",
"segundo punto (del orden)", and the number such a mention gives."""

import re

from abierto.lib.spanish import (
    number_to_words,
    ordinal_to_words,
    ordinal_words_to_number,
    words_to_number,
)

from .text import fold


def point_mentions(folded: str, start: int, end: int) -> list[tuple[int, str]]:
    """ "punto tres", "punto número 4", "segundo punto (del orden)": where and which number.

    Both patterns start with the word "punto", found in one pass; the ordinal before "punto"
    is then read from the few words before it.
    """
    mentions: list[tuple[int, str]] = []
    for match in _POINT_AFTER_RE.finditer(folded, start, end):
        mentions.append((match.start(), match["number"]))
    for match in _POINT_OF_ORDER_RE.finditer(folded, start, end):
        window = max(start, match.start() - 80)
        ordinal = _ORDINAL_BEFORE_RE.search(folded, window, match.start())
        if ordinal is not None:
            mentions.append((ordinal.start(), ordinal["ordinal"]))
    return mentions


def _point_words() -> str:
    words: set[str] = set()
    for number in range(1, 31):
        words.add(fold(number_to_words(number)))
        for feminine in (False, True):
            words.add(fold(ordinal_to_words(number, feminine=feminine)))
    words.update(["primer", "tercer"])  # apocopated before a noun: "tercer punto"
    return "|".join(
        sorted((re.escape(word).replace(r"\ ", r"\s+") for word in words), key=len, reverse=True)
    )


_WORDS = _point_words()
# Each starts with the literal "punto" and checks the word boundary after it, so the regular
# expression engine jumps from one "punto" to the next instead of trying every position.
_POINT_AFTER_RE = re.compile(
    rf"punto(?<=\bpunto)\s+(?:numero\s+|n[o°]\.?\s*)?(?P<number>\d{{1,2}}|[ivxl]{{1,6}}\b|{_WORDS})\b"
)
# "segundo punto del orden del día", "Como cuarto punto, …", "Respecto al tercer punto": an
# ordinal just before "punto" (read by _ORDINAL_BEFORE_RE) names the item taken up.
_POINT_OF_ORDER_RE = re.compile(r"punto(?<=\spunto)\b(?!\s+(?:de\s+acuerdo|y\s+aparte|final))")
_ORDINAL_BEFORE_RE = re.compile(rf"\b(?P<ordinal>{_WORDS})\s+$")


def point_number(raw: str | None) -> int | None:
    if raw is None:
        return None
    raw = raw.strip()
    if raw.isdigit():
        return int(raw)
    for reader in (ordinal_words_to_number, words_to_number):
        try:
            return reader(raw)
        except ValueError:
            continue
    return None
