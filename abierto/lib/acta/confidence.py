"""How far to trust each field the reader proposes, from 0 (a guess) to 1 (sure).

Two things are combined by multiplication:

- the parser's certainty: how plausible the value is by itself (a date within the
  last century, a start time during the day, a name of two to seven capitalised
  words, an agreement with its code and its vote, a place that did not run on into
  the next sentence) and whether the part's reader left a warning;
- for scanned pages, the OCR's confidence in the words the value was read from:
  the mean of Tesseract's confidence for each word of the value found in the page
  (the best occurrence of it), or the document's mean for values that the parser
  rebuilt from words (dates, times, numbers). A word of the value that the OCR did
  not produce as such counts as doubtful.

``field_confidences`` returns a flat map from a field's path in the parse_acta JSON
(``session.date``, ``attendees[3]``, ``agreements[0]``) to its confidence; a field
with no value has none (``null``): the review screen shows it as "not read" instead.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import Any

from .ocr import OcrPage
from .text import fold

LOW = 0.8  # below this the review screen puts the field first and highlights it
NOT_IN_OCR = 60.0  # a word of the value that the OCR did not read as such
_TOKEN_RE = re.compile(r"[a-z0-9ñ]+")
_BODY_WORDS = re.compile(
    r"\b(comite|consejo|cabildo|ayuntamiento|comision|pleno|secretariado|junta|colegio|"
    r"mesa|sistema|foro|instituto|asamblea|congreso|organo|subcomite|grupo)\b"
)
_CAPITALISED = re.compile("^[A-ZÁÉÍÓÚÜÑ][\\w'\u00b4.-]*$")  # apostrophe or acute accent: O'Farril
_PARTS = {
    "session": ("sesión", "fecha", "hora", "modalidad", "lugar", "número"),
    "attendees": ("asistencia", "asistentes"),
    "agenda": ("orden del día",),
    "agreements": ("acuerdo",),
    "scheduled_sessions": ("calendario",),
}


def field_confidences(
    parsed: dict[str, Any], ocr_pages: Iterable[OcrPage] = ()
) -> dict[str, float | None]:
    """The confidence of every field of ``parsed`` (the parse_acta JSON)."""
    ocr = _OcrWords(ocr_pages)
    warned = _warned_parts(parsed.get("warnings") or [])
    session = parsed.get("session") or {}
    result: dict[str, float | None] = {}

    def put(path: str, value: Any, certainty: float, words: bool = True) -> None:
        if value in (None, "", []):
            result[path] = None
            return
        part = path.split(".")[0].split("[")[0]
        if part in warned:
            certainty *= 0.8
        trust = ocr.words(str(value)) if words else ocr.mean
        result[path] = round(max(0.0, min(1.0, certainty * trust)), 2)

    body = parsed.get("body") or ""
    put("body", body, 0.95 if _BODY_WORDS.search(fold(body)) and len(body) <= 200 else 0.6)
    number = session.get("number")
    put("session.number", number, 1.0 if isinstance(number, int) and 0 < number < 1000 else 0.5)
    put("session.kind", session.get("kind"), 0.95, words=False)
    put("session.date", session.get("date"), _date_certainty(session.get("date")), words=False)
    start, end = session.get("start_time"), session.get("end_time")
    put("session.start_time", start, _time_certainty(start), words=False)
    end_certainty = _time_certainty(end) * (0.6 if start and end and end <= start else 1.0)
    put("session.end_time", end, end_certainty, words=False)
    put("session.modality", session.get("modality"), 0.9, words=False)
    place = session.get("place") or ""
    put("session.place", place, 0.9 if len(place) <= 160 else 0.5)
    convocation = parsed.get("convocation") or {}
    put("convocation.reference", convocation.get("reference"), 0.95)
    put("convocation.date", convocation.get("date"), 0.9, words=False)

    for index, person in enumerate(parsed.get("attendees") or []):
        put(f"attendees[{index}]", person.get("name"), _name_certainty(person))
    for index, item in enumerate(parsed.get("agenda") or []):
        title = item.get("title") or ""
        put(f"agenda[{index}]", title, 0.95 if 3 <= len(title) <= 300 else 0.6)
    for index, agreement in enumerate(parsed.get("agreements") or []):
        put(f"agreements[{index}]", agreement.get("text"), _agreement_certainty(agreement))
    for index, scheduled in enumerate(parsed.get("scheduled_sessions") or []):
        put(f"scheduled_sessions[{index}]", scheduled.get("date"), 0.9, words=False)
    return result


def low_fields(confidences: dict[str, float | None], threshold: float = LOW) -> list[str]:
    """The paths read with less than ``threshold`` confidence, least sure first."""
    low = [(value, path) for path, value in confidences.items() if value is not None]
    return [path for value, path in sorted(low) if value < threshold]


class _OcrWords:
    """Tesseract's confidence (0-100) of each folded word of the scanned pages."""

    def __init__(self, pages: Iterable[OcrPage]) -> None:
        self.best: dict[str, float] = {}
        total = count = 0.0
        for page in pages:
            for word in page.words:
                total += word.confidence
                count += 1
                for token in _TOKEN_RE.findall(fold(word.text)):
                    self.best[token] = max(word.confidence, self.best.get(token, 0.0))
        self.mean = total / count / 100 if count else 1.0

    def words(self, value: str) -> float:
        if not self.best:
            return 1.0
        tokens = _TOKEN_RE.findall(fold(value))
        if not tokens:
            return self.mean
        return sum(self.best.get(token, NOT_IN_OCR) for token in tokens) / len(tokens) / 100


def _warned_parts(warnings: list[str]) -> set[str]:
    folded = [fold(warning) for warning in warnings]
    return {
        part
        for part, words in _PARTS.items()
        if any(fold(word) in warning for warning in folded for word in words)
    }


def _date_certainty(value: str | None) -> float:
    try:
        date = datetime.date.fromisoformat(str(value))
    except ValueError:
        return 0.3
    return 1.0 if 1900 <= date.year <= datetime.datetime.now(tz=datetime.UTC).year + 1 else 0.4


def _time_certainty(value: str | None) -> float:
    try:
        time = datetime.time.fromisoformat(str(value))
    except ValueError:
        return 0.3
    return 1.0 if 7 <= time.hour <= 22 else 0.7


def _name_certainty(person: dict[str, Any]) -> float:
    words = str(person.get("name") or "").split()
    capitalised = sum(bool(_CAPITALISED.match(word)) for word in words)
    certainty = 0.95 if 2 <= len(words) <= 7 and capitalised >= len(words) - 2 else 0.55
    return certainty if person.get("role") else certainty * 0.95


def _agreement_certainty(agreement: dict[str, Any]) -> float:
    certainty = 0.95
    if not agreement.get("vote"):
        certainty -= 0.15
    if not agreement.get("code"):
        certainty -= 0.1
    if len(agreement.get("text") or "") > 1500:
        certainty -= 0.3  # probably ran on into the next item
    return certainty
