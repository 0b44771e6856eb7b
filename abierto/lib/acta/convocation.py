"""The convocation cited in the opening: its reference, its date and who sent it.

"previa convocatoria realizada mediante oficio STL/016/2022 de fecha nueve de
diciembre de dos mil veintidós, emitido por el Facilitador, Mtro. …". The
convocation's date is not the session's, so the span read here is reported back
for the session reader to skip.
"""

import datetime
import re

from .names import looks_like_name, strip_titles
from .text import clean_title
from .when import find_dates, find_day_months

_REFERENCE_RE = re.compile(
    r"(?:n[uo]m(?:ero)?\.?|no\.?|n\s?[°o]\.?|:)?\s*(?P<ref>[a-z0-9]{1,12}(?:[/-][a-z0-9.]{1,12}){1,6})\b"
)
_CONVENED_BY_RE = re.compile(
    r"\b(?:emitid[oa]|suscrit[oa]|signad[oa]|firmad[oa]|girad[oa]|enviad[oa]|expedid[oa]|"
    r"realizad[oa]|convocad[oa]s?)"
    # ("emitida el 26 de febrero de 2021 por el Lic. …": its date may come before who)
    r"(?:\s+(?:el|con\s+fecha|en\s+fecha|de\s+fecha)\s+[^;\n]{4,45}?)?\s+por\s+(?P<who>[^;\n]{1,160})"
)
_CONVOCATION_CONTEXT_RE = re.compile(
    r"(?:previa|mediante|en\s+terminos\s+de\s+la|conforme\s+a\s+la|atendiendo\s+a\s+la|segun|por|"
    r"de\s+conformidad\s+con\s+la)\s+"
    r"(?:la\s+|el\s+)?(?:convocatoria|oficio|citatorio)|^\s*convocatoria\s*:|\n\s*convocatoria\s*:|"
    r"convocatoria\s+(?:realizada|emitida|enviada|de\s+fecha|n[uo]m|no\.)|convocad[oa]s?\s+(?:mediante|por|a\s+traves)"
    # "…sesión ordinaria, que fuera convocada a los diez días del mes de febrero …": the day
    # the session was called (not "convocados para el día …", the session's own).
    r"|convocad[oa]s?\s+(?:a\s+los\s+(?=[a-z0-9]+\s+dias\b)|el\s+dia\b|con\s+fecha\b|en\s+fecha\b)"
    # "CITATORIO Nº 2020/1185 / MIEMBRO DEL H. CONSEJO …": the summons printed with the minutes.
    r"|(?<![^\n])[ \t]*(?:citatorio|convocatoria)[ \t]+"
    r"(?:n[ \t]?[°ºo]\.?|no\.|num(?:ero)?\.?)[ \t]*(?=\d)"
)


def read_convocation(
    text: str,
    folded: str,
    opening_end: int,
    spans: list[tuple[int, int]],
    yearless: list[tuple[int, int]] | None = None,
) -> dict[str, str | None] | None:
    """The convocation the opening cites; its span is added to ``spans``.

    A date given without its year but in the session's ("de 16 de noviembre del presente
    año") is added to ``yearless`` as ``(day, month)``: the caller dates it once the session's
    date is known (``date_in_year``).
    """
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
        this_year = None if dates else _in_this_year(text[start:end], window)
        if reference is None and date is None and this_year is None:
            continue
        if this_year is not None and yearless is not None:
            yearless.append(this_year)
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


_THIS_YEAR_RE = re.compile(
    r"\s*(?:,\s*)?del?\s+(?:presente\s+ano|ano\s+en\s+curso|ano\s+que\s+transcurre|mismo\s+ano|"
    r"este\s+ano|corriente\s+ano|ano\s+corriente)\b"
)


def _in_this_year(text: str, folded: str) -> tuple[int, int] | None:
    """ "16 de noviembre del presente año": the day and month of a date in the session's year."""
    for found in find_day_months(text, folded):
        day, month, year = found.value
        if year is None and _THIS_YEAR_RE.match(folded, found.end):
            return day, month
    return None


def date_in_year(day_month: tuple[int, int], year: int) -> str | None:
    """The ISO date of ``day_month`` in ``year``, or None when there is no such day."""
    try:
        return datetime.date(year, day_month[1], day_month[0]).isoformat()
    except ValueError:
        return None
