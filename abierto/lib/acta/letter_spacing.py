"""Headings typed with a space between letters: "A C U E R D O S", "O R D E N   D E L   D Í A".

Typists spread a heading's letters to make it stand out; read as it is, it is a row of one-letter
words that no section heading matches. A line made only of such letters becomes its words again:
the letters of a word are joined, and a wider gap (two spaces or more) separates words.
"""

import re

# A whole line of four or more capitals each followed by a blank (perhaps a closing colon or stop).
_SPACED_LINE_RE = re.compile(r"(?m)^[ \t]*(?:[A-ZÁÉÍÓÚÑ][ \t]+){3,}[A-ZÁÉÍÓÚÑ][ \t]*[:.]?[ \t]*$")
_WORD_GAP_RE = re.compile(r"[ \t]{2,}")


def with_letters_joined(text: str) -> str:
    """``text`` with each letter-spaced line written as words."""
    return _SPACED_LINE_RE.sub(_joined, text)


def _joined(match: re.Match[str]) -> str:
    words = _WORD_GAP_RE.split(match.group().strip())
    return " ".join("".join(word.split()) for word in words)
