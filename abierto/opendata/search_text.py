"""The words of the search: Snowball stems with accents folded, Markdown dropped from the
stored text, and the excerpt of a hit with its matched words marked.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import snowballstemmer

_stemmer = snowballstemmer.stemmer("spanish")
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stems(text: str) -> list[str]:
    """Snowball stems of the words, accents folded first (queries may come without them)."""
    return [_stem(word) for word in _WORD.findall(_plain(text))]


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """One word's stem. Pure-Python Snowball costs ~0.1 ms a word and the index repeats its
    words (rebuilding the demo's stemmed 11,000 words for 1.1 s): each is stemmed once."""
    return str(_stemmer.stemWord(word))


# Markdown in the actas' text: headings, quotes and bullets at the start of a line, emphasis
# around words. A snippet is plain text; the stored text keeps its markup.
_MARKDOWN_LINE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]*|[-*+][ \t]+)+", re.MULTILINE)
_MARKDOWN_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$", re.MULTILINE)
_MARKDOWN_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_MARKDOWN_RULE = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.MULTILINE)


def plain_text(markdown: str) -> str:
    """The text without Markdown's heading, quote, list, rule and emphasis markers."""
    text = _MARKDOWN_RULE.sub("", markdown)
    text = _MARKDOWN_LINE.sub("", text)
    text = _MARKDOWN_CLOSING_HASHES.sub("", text)
    return _MARKDOWN_EMPHASIS.sub(r"\2", text)


def _matches(word: str, query_stems: set[str]) -> bool:
    return _stemmer.stemWord(_plain(word)) in query_stems


def _excerpt(body: str, query_stems: set[str], width: int = 220) -> tuple[tuple[str, bool], ...]:
    """About ``width`` characters of ``body`` around its first matched word, as pieces."""
    # The parts of an entry (agenda items, lines of action, reports) are lines: a middle dot
    # keeps them apart once the excerpt is one line.
    lines = (" ".join(line.split()) for line in plain_text(body).splitlines())
    body = " · ".join(line for line in lines if line)
    start = 0
    for match in _WORD.finditer(body):
        if _matches(match.group(), query_stems):
            # Begin at the part that holds the word when it is near, else a third of the
            # excerpt before it.
            part_start = body.rfind(" · ", 0, match.start()) + len(" · ")
            start = max(0, match.start() - width // 3, part_start if part_start > 2 else 0)
            if start and start != part_start:
                # Begin at a whole word: skip what is left of the word cut in two.
                space = _SPACE.search(body, start, match.start())
                start = space.end() if space else start
            break
    end = start + width
    if end < len(body):
        # End at a whole word too.
        last_space = body.rfind(" ", start, end)
        end = last_space if last_space > start else end
    prefix = [("…", False)] if start else []
    suffix = [("…", False)] if end < len(body) else []
    return (*prefix, *marked(body[start:end], query_stems), *suffix)


def marked(text: str, query_stems: set[str]) -> tuple[tuple[str, bool], ...]:
    """``text`` as (text, matched) pieces: each word whose stem is searched is one piece."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for match in _WORD.finditer(text):
        if _matches(match.group(), query_stems):
            parts += [(text[position : match.start()], False), (match.group(), True)]
            position = match.end()
    parts.append((text[position:], False))
    return tuple((piece, matched) for piece, matched in parts if piece)
