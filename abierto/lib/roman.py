"""Roman numerals as Mexican actas use them (chapters, fractions, session numbers)."""

MIN_ROMAN = 1
MAX_ROMAN = 3999

_SYMBOLS: tuple[tuple[int, str], ...] = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n: int) -> str:
    """Return the canonical upper-case Roman numeral for ``n`` (1..3999)."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"to_roman expects an int, got {type(n).__name__}")
    if not MIN_ROMAN <= n <= MAX_ROMAN:
        raise ValueError(f"Roman numerals cover {MIN_ROMAN}..{MAX_ROMAN}, got {n}")
    parts: list[str] = []
    for value, symbol in _SYMBOLS:
        count, n = divmod(n, value)
        parts.append(symbol * count)
    return "".join(parts)


def from_roman(s: str) -> int:
    """Read a Roman numeral, case-insensitively, accepting only the canonical form.

    Non-canonical spellings such as "IIII", "VX", "IC" or "MCMC" are rejected so a
    typo in a document is reported instead of silently turned into a number.
    """
    text = s.strip().upper()
    if not text:
        raise ValueError("Empty Roman numeral")
    invalid = sorted({char for char in text if char not in _VALUES})
    if invalid:
        raise ValueError(f"Invalid Roman numeral {s!r}: unexpected characters {invalid}")
    value = _additive_value(text)
    if not MIN_ROMAN <= value <= MAX_ROMAN or to_roman(value) != text:
        raise ValueError(f"Invalid Roman numeral {s!r}: not in canonical form")
    return value


def _additive_value(text: str) -> int:
    """Sum the symbols with the subtractive rule; canonicity is checked by the caller."""
    total = 0
    for index, char in enumerate(text):
        value = _VALUES[char]
        following = _VALUES[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total
