"""Spanish ordinals: "décima quinta" written, and read back from words, digits or Roman numerals."""

import re

from abierto.lib.roman import from_roman

from .folding import _fold

MAX_ORDINAL = 999

_ORDINAL_UNITS = (
    "primero",
    "segundo",
    "tercero",
    "cuarto",
    "quinto",
    "sexto",
    "séptimo",
    "octavo",
    "noveno",
)
_ORDINAL_TENS = (
    "décimo",
    "vigésimo",
    "trigésimo",
    "cuadragésimo",
    "quincuagésimo",
    "sexagésimo",
    "septuagésimo",
    "octogésimo",
    "nonagésimo",
)
_ORDINAL_HUNDREDS = (
    "centésimo",
    "ducentésimo",
    "tricentésimo",
    "cuadringentésimo",
    "quingentésimo",
    "sexcentésimo",
    "septingentésimo",
    "octingentésimo",
    "noningentésimo",
)


def ordinal_to_words(n: int, feminine: bool = True) -> str:
    """Spell ``n`` (1..999) as the capitalised ordinal actas put before "Sesión".

    As in "Décimo Quinta Sesión Ordinaria", only the last word agrees in gender;
    the leading words keep the masculine ending of the compound "decimoquinta".
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"ordinal_to_words expects an int, got {type(n).__name__}")
    if not 1 <= n <= MAX_ORDINAL:
        raise ValueError(f"ordinal_to_words covers 1..{MAX_ORDINAL}, got {n}")
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words = [
        table[digit - 1]
        for table, digit in (
            (_ORDINAL_HUNDREDS, hundreds),
            (_ORDINAL_TENS, tens),
            (_ORDINAL_UNITS, units),
        )
        if digit
    ]
    if feminine:
        words[-1] = words[-1][:-1] + "a"
    return " ".join(word.capitalize() for word in words)


def _stem_alternation(words: tuple[str, ...]) -> str:
    return "|".join(_fold(word)[:-1] for word in words)


_ORDINAL_UNIT_STEMS = {_fold(word)[:-1]: value for value, word in enumerate(_ORDINAL_UNITS, 1)}
_ORDINAL_UNIT_STEMS |= {"setim": 7, "non": 9}  # "sétimo", "nono": accepted old spellings
_ORDINAL_TENS_STEMS = {_fold(word)[:-1]: value for value, word in enumerate(_ORDINAL_TENS, 1)}
_ORDINAL_HUNDREDS_STEMS = {
    _fold(word)[:-1]: value for value, word in enumerate(_ORDINAL_HUNDREDS, 1)
}
# Matched against the folded text with spaces and hyphens removed, so "Décimo
# Quinta", "decimoquinta" and "décima-quinta" all read the same way.
_ORDINAL_WORDS_RE = re.compile(
    rf"(?:(?P<hundreds>{'|'.join(_ORDINAL_HUNDREDS_STEMS)})[oa])?"
    rf"(?:(?P<tens>{'|'.join(_ORDINAL_TENS_STEMS)})[oa]|(?P<special>undecim|duodecim)[oa])?"
    rf"(?:(?P<unit>{'|'.join(_ORDINAL_UNIT_STEMS)})(?P<ending>[oa]?))?"
)
_ORDINAL_DIGITS_RE = re.compile(
    r"(?P<number>\d{1,3})\s*\.?\s*(?:a|o|ra|ro|er|era|ero|da|do|ta|to|va|vo|na|no|ma|mo)?\.?",
    re.ASCII,
)


def ordinal_words_to_number(text: str) -> int:
    """Read a session ordinal: words ("Décimo Quinta", "Undécima"), "15ª", "15va" or "XV"."""
    folded = _fold(text).replace("\N{DEGREE SIGN}", "o")
    if match := _ORDINAL_DIGITS_RE.fullmatch(folded):
        return _check_ordinal(int(match["number"]), text)
    if re.fullmatch(r"[ivxlcdm]+", folded):
        return _check_ordinal(from_roman(folded), text)
    match = _ORDINAL_WORDS_RE.fullmatch(re.sub(r"[\s-]", "", folded))
    if not match or not match.group(0):
        raise ValueError(f"Cannot read {text!r} as an ordinal")
    if match["special"] and match["unit"]:
        raise ValueError(
            f"Cannot read {text!r} as an ordinal: nothing can follow {match['special']}"
        )
    if match["unit"] and not match["ending"] and match["unit"] not in ("primer", "tercer"):
        raise ValueError(f"Cannot read {text!r} as an ordinal: incomplete word {match['unit']!r}")
    value = 0
    if match["hundreds"]:
        value += 100 * _ORDINAL_HUNDREDS_STEMS[match["hundreds"]]
    if match["tens"]:
        value += 10 * _ORDINAL_TENS_STEMS[match["tens"]]
    if match["special"]:
        value += 11 if match["special"] == "undecim" else 12
    if match["unit"]:
        value += _ORDINAL_UNIT_STEMS[match["unit"]]
    return value


def _check_ordinal(value: int, text: str) -> int:
    if not 1 <= value <= MAX_ORDINAL:
        raise ValueError(f"Ordinal {text!r} is outside 1..{MAX_ORDINAL}")
    return value


# --- Times ------------------------------------------------------------------
