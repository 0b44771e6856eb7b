"""Text helpers shared by the acta readers: folding and sentences.

Regular expressions run on a *folded* copy of the text (lower case, no accents)
so they need not spell every accent and capitalisation that typists and OCR
produce; ``fold`` keeps every character's offset, so a span found in the folded
copy is the same span in the original, whose spelling is what gets reported.
"""

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(part for part in decomposed if not unicodedata.combining(part))
    for candidate in (base.lower(), base, char.lower(), char):
        if len(candidate) == 1 and len(candidate.lower()) == 1:
            return candidate.lower()
    return "?"


_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def _folded_match(match: re.Match[str]) -> str:
    return _fold_char(match.group())


def fold(text: str) -> str:
    """Lower-case ``text`` and drop accents, keeping its length and offsets."""
    if text.isascii():
        return text.lower()
    # Only the few non-ASCII characters are looked up: str.translate with a table looks up
    # every character, several times slower on a long acta.
    folded = _NON_ASCII_RE.sub(_folded_match, text).lower()
    if len(folded) != len(text):  # pragma: no cover - no known character does this
        folded = "".join(char.lower() if char.isascii() else _fold_char(char) for char in text)
    return folded


def squash(text: str) -> str:
    """Collapse all whitespace (line breaks included) to single spaces."""
    return " ".join(text.split())


def clean_title(text: str) -> str:
    """Squash ``text`` and trim the punctuation that list markup leaves around it."""
    return squash(text).strip(" .;,:-|").strip()


# --- Sentences ----------------------------------------------------------------

# A full stop ends a sentence unless it closes an abbreviation or an initial.
_ABBREVIATIONS = frozenset(
    [
        "c",
        "cc",
        "lic",
        "licda",
        "licdo",
        "lcda",
        "lcdo",
        "mtro",
        "mtra",
        "mto",
        "dr",
        "dra",
        "ing",
        "arq",
        "prof",
        "profa",
        "profr",
        "sr",
        "sra",
        "srita",
        "no",
        "num",
        "art",
        "arts",
        "fracc",
        "frac",
        "col",
        "av",
        "h",
        "mag",
        "c.p",
        "p",
        "ma",
        "pag",
        "pags",
        "etc",
        "vo",
        "bo",
        "cp",
        "ph",
        "d",
        "s",
        "n",
        "m",
        "ote",
        "pte",
        # an address's: "ubicada en Blvd. Luis Donaldo Colosio", "Calz. de Tlalpan", "Edif. B"
        "blvd",
        "calz",
        "prol",
        "edif",
        "esq",
        "depto",
        "mpio",
    ]
)
# A sentence ends before a capital or a figure, and before a lettered sub-item: "…para una
# radio universitaria. d) Además, …".
MIN_WRAPPED_CAPS_LINE = 40
_SENTENCE_BREAK_RE = re.compile(
    r"[.;!?](?=\s+(?:[\"'(¿¡]?[A-ZÁÉÍÓÚÑ0-9]|[a-z]\)\s))|\n{2,}|\n(?=[A-ZÁÉÍÓÚÑ]{3})"
    # "…siendo éstos los siguientes:\nEn uso de la palabra …": what a colon announced is gone.
    r"|(?<=:)\n(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\s+[a-záéíóúñ]+\s)"
)


def sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(start, end)``, abbreviation-aware."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _SENTENCE_BREAK_RE.finditer(text):
        if match.group(0) == "." and _is_abbreviation(text, match.start()):
            continue
        if match.group(0) == "\n" and _caps_paragraph_goes_on(text, match.start()):
            continue
        end = match.end()
        if text[begin:end].strip():
            spans.append((start + begin, start + end))
        begin = end
    if text[begin:].strip():
        spans.append((start + begin, start + len(text)))
    return spans


def _caps_paragraph_goes_on(text: str, newline: int) -> bool:
    """Whether a paragraph written in capitals goes on past this line's end: the line is long,
    its end in capitals, and it ends inside a sentence ("… DE SU\nPROPIEDAD …"); or the line
    ends with a title's stop ("… EL H.\nCABILDO AUTORIZA …")."""
    line = text[text.rfind("\n", 0, newline) + 1 : newline]
    if line.endswith(".") and _is_abbreviation(text, newline - 1):
        return True  # "EL H.\nCABILDO": a title's stop
    if len(line) < MIN_WRAPPED_CAPS_LINE or not line[-MIN_WRAPPED_CAPS_LINE:].isupper():
        return False
    last = line.rstrip()[-1:]
    return last.isalnum() or last == "," or (last == "." and _is_abbreviation(text, newline - 1))


def is_abbreviation(word: str) -> bool:
    """Whether ``word`` (without its full stop) is a usual abbreviation: "Arq", "Lic", "Col"."""
    return word.lower().rstrip(".") in _ABBREVIATIONS


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower().rstrip(".")
    # "M.C.", "M.D.O.", "C.P.": dotted initials of a title, not the end of a sentence.
    dotted = _DOTTED_INITIALS_RE.fullmatch(word) is not None
    return len(word) == 1 or word in _ABBREVIATIONS or dotted


_DOTTED_INITIALS_RE = re.compile(r"(?:[a-záéíóúñ]\.){1,4}[a-záéíóúñ]")


def matches_at_starts(
    starts: re.Pattern[str], pattern: re.Pattern[str], folded: str, start: int, end: int
) -> list[re.Match[str]]:
    """The matches of ``pattern`` in ``folded[start:end]`` that begin where ``starts`` finds a
    candidate, without overlaps. An alternation of many branches that each open with a word
    boundary is tried at every position by the engine; ``starts`` (a lookahead of their first
    words) lets it be tried only where one of them stands."""
    found: list[re.Match[str]] = []
    position = start
    for candidate in starts.finditer(folded, start, end):
        if candidate.start() < position:
            continue
        match = pattern.match(folded, candidate.start(), end)
        if match is not None:
            found.append(match)
            position = max(match.end(), match.start() + 1)
    return found
