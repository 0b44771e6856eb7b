"""Spanish cardinal numbers: written in words, and read back from words."""

from typing import Literal

from .folding import _fold

MAX_CARDINAL = 999_999_999_999


# How the number one is written: "uno" standalone, "un" before a masculine noun
# or before "mil"/"millón", "una" before a feminine noun.
_One = Literal["uno", "un", "una"]

_UNITS = ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve")
_TEN_TO_TWENTY_NINE = (
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
)
_TENS = ("", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa")
_HUNDREDS = (
    "",
    "ciento",
    "doscientos",
    "trescientos",
    "cuatrocientos",
    "quinientos",
    "seiscientos",
    "setecientos",
    "ochocientos",
    "novecientos",
)
_TWENTY_ONE: dict[_One, str] = {"uno": "veintiuno", "un": "veintiún", "una": "veintiuna"}


def _hundreds_word(hundreds: int, feminine: bool) -> str:
    word = _HUNDREDS[hundreds]
    if feminine and word.endswith("os"):
        return word[:-2] + "as"
    return word


def _below_hundred(n: int, one: _One) -> str:
    if n == 1:
        return one
    if n == 21:
        return _TWENTY_ONE[one]
    if n < 10:
        return _UNITS[n]
    if n < 30:
        return _TEN_TO_TWENTY_NINE[n - 10]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _TENS[tens]
    return f"{_TENS[tens]} y {_below_hundred(unit, one)}"


def _below_thousand(n: int, one: _One) -> str:
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if n == 100:
        words.append("cien")
    elif hundreds:
        words.append(_hundreds_word(hundreds, feminine=one == "una"))
    if rest:
        words.append(_below_hundred(rest, one))
    return " ".join(words)


def _below_million(n: int, one: _One) -> str:
    """Words for 1..999_999; the thousands agree in gender ("doscientas mil horas")."""
    thousands, rest = divmod(n, 1000)
    words: list[str] = []
    if thousands == 1:
        words.append("mil")
    elif thousands:
        words.append(_below_thousand(thousands, "una" if one == "una" else "un") + " mil")
    if rest:
        words.append(_below_thousand(rest, one))
    return " ".join(words)


def number_to_words(n: int, feminine: bool = False, *, apocope: bool = False) -> str:
    """Spell ``n`` (0..999_999_999_999) as a Spanish cardinal.

    ``feminine`` agrees with a feminine noun ("veintiuna horas", "doscientas
    personas"); ``apocope`` shortens a final one before a masculine noun
    ("veintiún votos", "un minuto"). "Millón" is masculine, so the count of
    millions always takes "un": "un millón", "veintiún millones".
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"number_to_words expects an int, got {type(n).__name__}")
    if not 0 <= n <= MAX_CARDINAL:
        raise ValueError(f"number_to_words covers 0..{MAX_CARDINAL}, got {n}")
    if feminine and apocope:
        raise ValueError("apocope only applies to the masculine form")
    if n == 0:
        return "cero"
    one: _One = "una" if feminine else "un" if apocope else "uno"
    millions, rest = divmod(n, 1_000_000)
    words: list[str] = []
    if millions:
        words.append(_below_million(millions, "un"))
        words.append("millón" if millions == 1 else "millones")
    if rest:
        words.append(_below_million(rest, one))
    return " ".join(words)


_Kind = Literal["zero", "unit", "teen", "tens", "hundred", "mil", "millon", "y", "end"]


def _build_lexicon() -> dict[str, tuple[_Kind, int]]:
    lexicon: dict[str, tuple[_Kind, int]] = {
        "cero": ("zero", 0),
        "un": ("unit", 1),
        "una": ("unit", 1),
    }
    for value, word in enumerate(_UNITS[1:], start=1):
        lexicon[word] = ("unit", value)
    for value, word in enumerate(_TEN_TO_TWENTY_NINE, start=10):
        lexicon[_fold(word)] = ("teen", value)
    for word in _TWENTY_ONE.values():
        lexicon[_fold(word)] = ("teen", 21)
    for tens in range(3, 10):
        lexicon[_TENS[tens]] = ("tens", tens * 10)
    for hundreds in range(1, 10):
        for feminine in (False, True):
            lexicon[_hundreds_word(hundreds, feminine)] = ("hundred", hundreds * 100)
    lexicon["cien"] = ("hundred", 100)
    lexicon["mil"] = ("mil", 1000)
    lexicon["millon"] = ("millon", 1_000_000)
    lexicon["millones"] = ("millon", 1_000_000)
    lexicon["y"] = ("y", 0)
    return lexicon


_LEXICON = _build_lexicon()


class _CardinalParser:
    """Recursive-descent reader for the grammar ``[count (millón|millones)] [below-million]``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = _fold(text).split()
        unknown = [word for word in self.words if word not in _LEXICON]
        if unknown:
            raise ValueError(f"Cannot read {text!r} as a number: unknown word {unknown[0]!r}")
        self.pos = 0

    def parse(self) -> int:
        if self.words == ["cero"]:
            return 0
        count = self._below_million()
        if count is None:
            raise self._error("expected a number")
        if self._peek()[0] == "millon":
            self.pos += 1
            count = count * 1_000_000 + (self._below_million() or 0)
        if self.pos != len(self.words):
            raise self._error(f"unexpected {self.words[self.pos]!r}")
        return count

    def _error(self, reason: str) -> ValueError:
        return ValueError(f"Cannot read {self.text!r} as a number: {reason}")

    def _peek(self) -> tuple[_Kind, int]:
        if self.pos < len(self.words):
            return _LEXICON[self.words[self.pos]]
        return ("end", 0)

    def _below_million(self) -> int | None:
        first = self._group()
        if self._peek()[0] != "mil":
            return first
        self.pos += 1
        return (1 if first is None else first) * 1000 + (self._group() or 0)

    def _group(self) -> int | None:
        """Read 1..999, or return None when no group starts here."""
        start = self.pos
        kind, hundreds = self._peek()
        if kind == "hundred":
            word = self.words[self.pos]
            self.pos += 1
            if word == "cien":
                return hundreds
        else:
            word, hundreds = "", 0
        tail = self._tens_and_units()
        if word == "ciento" and tail == 0:
            raise self._error("'ciento' must be followed by tens or units")
        return hundreds + tail if self.pos > start else None

    def _tens_and_units(self) -> int:
        kind, number = self._peek()
        if kind == "unit":
            self.pos += 1
            return number
        if kind == "teen":
            self.pos += 1
            # Older actas write "diez y seis", "veinte y uno".
            if number in (10, 20) and self._peek()[0] == "y":
                return number + self._unit_after_y()
            next_kind, unit = self._peek()
            if number == 20 and next_kind == "unit":  # "veinte cinco", as "treinta uno"
                self.pos += 1
                return number + unit
            return number
        if kind == "tens":
            self.pos += 1
            next_kind, unit = self._peek()
            if next_kind == "y":
                return number + self._unit_after_y()
            if next_kind == "unit":  # tolerate a missing "y": "treinta uno"
                self.pos += 1
                return number + unit
            return number
        return 0

    def _unit_after_y(self) -> int:
        self.pos += 1  # the "y"
        kind, number = self._peek()
        if kind != "unit":
            raise self._error("expected a unit after 'y'")
        self.pos += 1
        return number


def words_to_number(text: str) -> int:
    """Read a Spanish cardinal written in words (inverse of ``number_to_words``).

    Besides the canonical spelling it accepts any case, missing accents, extra
    spaces, feminine forms and apocopes ("una", "veintiún"), "un mil", the old
    "diez y seis", a missing "y" after the tens, and "millón"/"millones"
    regardless of agreement, because scanned actas are not always tidy.
    """
    return _CardinalParser(text).parse()


# --- Ordinal numbers --------------------------------------------------------
