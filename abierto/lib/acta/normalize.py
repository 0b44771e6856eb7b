"""Clean the text layer of an acta before it is parsed.

Minutes arrive as Word files, PDFs exported from Word and PDFs that went through
a scanner and OCR. Their text carries the marks of that journey: words hyphenated
at a line end ("an-\\nterior"), sentences broken over several lines, filler dashes
that notaries' style uses to stop anything being added ("------"), page numbers,
non-breaking spaces, typographic quotes and OCR confusions such as "Il." for the
Roman numeral II. ``normalize_text`` removes that noise and keeps what carries
meaning: line breaks between paragraphs, list items and table rows.
"""

import itertools
import re
import unicodedata

from abierto.lib.spanish import MONTHS

from .glued import unglued_days, unglued_figures
from .letter_spacing import with_letters_joined
from .list_column import with_numbers_on_items
from .one_paragraph import with_lines_restored
from .text_specks import without_text_specks

_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000\f\v"), " ")
# Tab-separated columns (text exported from spreadsheets or Word tables) become
# the " | " cells that Word tables are read into, so one reader serves both.
# Found from the tab (a pattern that starts with "[ ]*" is tried at every character); the
# spaces before it and the text around it are checked on the few found (issue 13's speed).
_TAB_RUN_RE = re.compile(r"\t[\t ]*")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_PUNCTUATION = {
    ord("\u201c"): '"',
    ord("\u201d"): '"',
    ord("\u201e"): '"',
    ord("\u00ab"): '"',
    ord("\u00bb"): '"',
    ord("\u2018"): "'",
    ord("\u2019"): "'",
    ord("\u201a"): "'",
    ord("\u2032"): "'",
    ord("\u2013"): "-",
    ord("\u2014"): "-",
    ord("\u2012"): "-",
    ord("\u2015"): "-",
    ord("\u2212"): "-",
    ord("\u2026"): "...",
}
_TRANSLATION = {**_SPACES, **_INVISIBLE, **_PUNCTUATION}
# str.translate looks every character up in the table; the few to replace are found faster.
_TRANSLATED_RE = re.compile("[" + re.escape("".join(map(chr, _TRANSLATION))) + "]")

# A word cut by a hyphen at the end of a line: "an-\nterior" -> "anterior". Only
# between lower-case letters, so "Ciudad-\nEstado" or a list dash survive.
# Each pattern starts with its literal ("-", "/", " .") and looks behind afterwards: a pattern
# that starts with a look-behind is tried at every character of the text (issue 13's speed).
_HYPHENATED_BREAK_RE = re.compile(r"-(?<=[a-záéíóúüñ]-)[ ]*\n[ ]*(?=[a-záéíóúüñ])")
# Runs of filler dashes ("-----", "- - - -"), also glued to a word ("2020.-----").
# Patterns that start with a run of spaces start only where the run does, and runs are taken
# whole (possessive "*+"): from every space of a long run they took quadratic time.
_DASH_RUN_RE = re.compile(r"-(?:[ ]*-){2,}[ ]*")
# Shorter filler at a line end: "Asuntos generales. --", "Clausura. -".
# Found from the dashes, as the tab cells above: a stop before them ("Clausura. -"), or two
# or more after a space ("Asuntos generales --").
_LINE_END_DASHES_RE = re.compile(r"-+[ ]*$", re.MULTILINE)
_PAGE_LINE_RE = re.compile(
    # Not a year that ends a date broken at the line: "celebrada el 13 de mayo de\n2016".
    r"^(?<!\b[Dd][Ee]\n)(?<!\b[Dd][Ee][ ]\n)"
    r"[ ]*+(?:-?[ ]*+\d{1,4}[ ]*+-?|p[áa]gina[ ]+\d+(?:[ ]+de[ ]+\d+)?|\d+[ ]*/[ ]*\d+)[ ]*+$",
    re.IGNORECASE | re.MULTILINE,
)
_PAGE_PREFIX_RE = re.compile(
    r"^[ ]*p[áa]gina[ ]+\d+[ ]+de[ ]+\d+[ ]+", re.IGNORECASE | re.MULTILINE
)
# OCR reads the capital I of a Roman numeral as a lower-case l or a digit 1:
# "Il.", "IIl.-", "Vl)" at the start of a line or after a space. "[IVX]*[l1]" splits a
# numeral in one way only ("[IVXl1]*[l1]" tried every split: quadratic on "llll…").
# Found as runs of those letters (a pattern that starts with a character class skips fast to
# the next candidate); the run must then start a word and hold an "l" or a "1".
# Only at the start of a token (after a space or "(") and without backtracking: a long run of
# "l" or "1" would otherwise be rescanned from every position (quadratic; fuzz regression).
# The start of the token is checked by ``_fixed_romans`` on the runs found, not by a leading
# look-behind, which would be tried at every character.
_ROMAN_OCR_RE = re.compile(r"[IVXl1]++(?=[ ]?[.)\-:])")
_LINE_END_DASH_RE = re.compile(r"-[ ]*$", re.MULTILINE)
_MULTISPACE_RE = re.compile(r"[ ]{2,}")
# PDF text layers put a space inside initials and codes: "C.P . Arturo", "CT/SE/\n03/2023".
_SPACED_INITIAL_RE = re.compile(r" \.(?<=\b[A-Z] \.)(?=\s)")
_SLASH_BREAK_RE = re.compile(r"/(?<=[A-Za-z0-9]/)[ ]*\n[ ]*(?=[A-Za-z0-9])")
# Markdown emphasis and heading marks carry no meaning for the parser.
# Line marks are looked for only on the lines that start with one (issue 13's speed).
_MARKDOWN_LINE_RE = re.compile(r"[ ]{0,3}(?:#{1,6}[ ]+|>[ ]?)")
_BLANK_LINES_RE = re.compile(r"\n{3,}")
_SENTENCE_END = ".:;!?"
# "celebrada el día13 de mayo", "celebrada el18 de octubre": a day glued to the word before it.
_MONTH_NAMES = "|".join([*MONTHS, "setiembre"])

_DOUBLED_COLON_RE = re.compile(r"\b(\d{1,2})[ ]?:[ ]?:[ ]?(\d{2})\b")

# Text layers that lost the spaces around a word's edge ("miércoles23 de enerodel año 2019",
# "SEXTASESIÓN ORDINARIA", "solicitó alC. Name", "C.Rubén …,Presidente Municipal;C. Marta"):
# only joins no Spanish word has are split, so a word is never cut in two.
# (and "ORDENDEL DÍA", "DEL MESDE DICIEMBRE" in a scan)
_MONTH_BEFORE_RE = re.compile(rf"(?i:{_MONTH_NAMES}|orden|mes)$")
_ORDINAL_BEFORE_RE = re.compile(
    r"(?i:primera|segunda|tercera|cuarta|quinta|sexta|s[ée]ptima|octava|novena|d[ée]cima|"
    r"und[ée]cima|duod[ée]cima|vig[ée]sima|trig[ée]sima|ordinaria|extraordinaria)$"
)
_TITLE_BEFORE_DOT_RE = re.compile(
    r"\b(?:C|Lic|Licda|Ing|Dr|Dra|Mtro|Mtra|Profr|Profra|Prof|Arq|Dip|Sr|Sra|Srita)$"
)
_WORD_GLUED_BEFORE_TITLE_RE = re.compile(r"\b(?:al|el|del|la|los|las|y|a)$")
# Each pattern starts with a literal or a set and looks behind afterwards, so that the search
# skips fast to candidates (issue 13's speed); the word before is checked on the few found.
_GLUED_DE_RE = re.compile(r"[dD][eE](?<=[^\W\d_][dD][eE])(?:[lL])?\b")
_GLUED_SESSION_RE = re.compile(
    r"[sS][eE][sS][iI][óoÓO][nN]\b(?<=[^\W\d_][sS][eE][sS][iI][óoÓO][nN])"
)
_DOT_BEFORE_NAME_RE = re.compile(r"\.(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")
_GLUED_TITLE_RE = re.compile(r"(?:C|Lic|Ing|Dr|Dra|Mtro|Mtra)\.(?=[ ]?[A-ZÁÉÍÓÚÑ])")
# A comma or semicolon with a word glued after it (not "1,000" nor "a,b" in a code).
_GLUED_AFTER_PUNCTUATION_RE = re.compile(r"[,;](?<=[a-záéíóúñ.][,;])(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ.])")
# "yla Directora", "del Consejo dela Judicatura": a conjunction or preposition glued to the
# article after it (no Spanish word is spelt so); " .de la": a speck read as a dot.
_GLUED_ARTICLE_RE = re.compile(r"(?:y|de)(?:la|las|los|el)\b")
_SPECK_AFTER_SEMICOLON_RE = re.compile(r";[ ]?\.(?=\s)")  # "Cuarta Regidora;. Eduardo"
_SPECK_DOT_RE = re.compile(r" \.(?=[a-záéíóúñ]{2,}\b)")
WORD_BEFORE_CHARS = 16
# "'Segundo.- Declaración…": a scan's speck read as a quote opening a line that closes none.
_STRAY_LINE_QUOTE_RE = re.compile(r"(?m)^[ \t]*['\"](?=[A-ZÁÉÍÓÚÑ0-9][^'\"\n]*$)")


def _split_where(text: str, pattern: re.Pattern[str], before: re.Pattern[str], at: int) -> str:
    """Insert a space ``at`` characters into each match of ``pattern`` whose preceding text
    ends as ``before`` says (the glued word)."""
    pieces: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        cut = match.start() + at
        if not before.search(text, max(0, match.start() - WORD_BEFORE_CHARS), match.start()):
            continue
        pieces += [text[last:cut], " "]
        last = cut
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _glued_article(match: re.Match[str]) -> str:
    word = match.group()
    start = match.start()
    if start and (match.string[start - 1].isalnum() or match.string[start - 1] == "_"):
        return word  # inside a word: "ayla", "Candelaria"
    head = "y" if word.startswith("y") else "de"
    return f"{head} {word[len(head) :]}"


def _unglued(text: str) -> str:
    text = _GLUED_ARTICLE_RE.sub(_glued_article, text)
    text = _SPECK_DOT_RE.sub(" ", text)
    text = _SPECK_AFTER_SEMICOLON_RE.sub(";", text)
    text = _split_where(text, _GLUED_DE_RE, _MONTH_BEFORE_RE, 0)  # "enerodel", "ORDENDEL"
    text = _split_where(text, _GLUED_SESSION_RE, _ORDINAL_BEFORE_RE, 0)  # "SEXTASESIÓN"
    text = _split_where(text, _DOT_BEFORE_NAME_RE, _TITLE_BEFORE_DOT_RE, 1)  # "C.Rubén"
    text = _split_where(text, _GLUED_TITLE_RE, _WORD_GLUED_BEFORE_TITLE_RE, 0)  # "alC."
    text = unglued_figures(text)  # "a las12:00docehoras", "Sesión Extraordinaria29/2017"
    return _GLUED_AFTER_PUNCTUATION_RE.sub(r"\g<0> ", text)


# OCR reads the "ó" of "-ción", "-sión" as "é" ("Sesién", "Direccién"): no Spanish word ends
# in "-sién", and only "recién" in "-cién".
# Found from the "é" and checked behind it (issue 13's speed, as above).
_OCR_ION_RE = re.compile(r"[éÉ](?=[nN]\b)(?<=[cCsS][iI][éÉ])(?<![Rr][Ee][cC][iI][éÉ])")


# A grave accent is a slip of the keyboard (or of OCR) for the acute one in Spanish text.
_GRAVE_RE = re.compile("[àèìòùÀÈÌÒÙ]")
_GRAVE_TO_ACUTE = str.maketrans("àèìòùÀÈÌÒÙ", "áéíóúÁÉÍÓÚ")


def normalize_text(text: str) -> str:
    """Return ``text`` cleaned of layout and OCR noise, with ``\\n`` line breaks.

    Paragraph breaks become one blank line; a line that continues a sentence
    (the previous one does not end a sentence and this one starts in lower case)
    is joined to it, so regular expressions see whole sentences.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _GRAVE_RE.search(text):
        text = text.translate(_GRAVE_TO_ACUTE)  # "Rafael Acosta Solìs": Spanish has no grave
    text = with_numbers_on_items(text)  # "1.\n2.\n3.\nLista …\nAprobación …": a list's column
    text = with_letters_joined(text)  # "A C U E R D O S"
    if "\t" in text:
        text = _tab_cells(text).replace("\t", " ")
    text = _TRANSLATED_RE.sub(_translated, text)
    text = _without_dash_runs(text)
    text = without_text_specks(text)
    if _LINE_END_DASH_RE.search(text):
        text = _without_line_end_dashes(text)
    text = _PAGE_PREFIX_RE.sub("", text)
    text = _PAGE_LINE_RE.sub("", text)
    text = _HYPHENATED_BREAK_RE.sub("", text)
    text = _SLASH_BREAK_RE.sub("/", text)
    text = _SPACED_INITIAL_RE.sub(".", text)
    text = _unglued(text)
    text = _STRAY_LINE_QUOTE_RE.sub("", text)
    text = unglued_days(text)
    if "::" in text or ": :" in text:
        text = _DOUBLED_COLON_RE.sub(r"\1:\2", text)  # a scan's "11: :05 a. m."
    if "é" in text or "É" in text:
        text = _OCR_ION_RE.sub(lambda match: "ó" if match.group() == "é" else "Ó", text)
    text = _without_markdown(text)
    text = with_lines_restored(text)  # a minute published as one paragraph
    text = _fixed_romans(text)
    lines = [_MULTISPACE_RE.sub(" ", line).strip() for line in text.split("\n")]
    if _double_spaced(lines):
        lines = [line for line in lines if line]
    text = "\n".join(_join_broken_lines(lines))
    return _BLANK_LINES_RE.sub("\n\n", text).strip()


def _tab_cells(text: str) -> str:
    """Tab-separated cells become " | " cells; a tab with nothing on one side stays a tab."""
    pieces: list[str] = []
    last = 0
    for match in _TAB_RUN_RE.finditer(text):
        start, end = match.start(), match.end()
        while start > last and text[start - 1] == " ":
            start -= 1
        if start and not text[start - 1].isspace() and end < len(text) and not text[end].isspace():
            pieces += [text[last:start], " | "]
            last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _without_line_end_dashes(text: str) -> str:
    """Remove short filler dashes at line ends: after a stop, or two or more after a space."""
    pieces: list[str] = []
    last = 0
    for match in _LINE_END_DASHES_RE.finditer(text):
        start, end = match.start(), match.end()
        dashes = len(match.group().rstrip(" "))
        spaces_start = start
        while spaces_start > last and text[spaces_start - 1] == " ":
            spaces_start -= 1
        before = text[spaces_start - 1] if spaces_start else ""
        after_stop = before != "" and before in ".:;,"
        spaced_run = spaces_start < start and dashes >= 2
        if not (after_stop or spaced_run):
            continue
        pieces.append(text[last:spaces_start])
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _without_markdown(text: str) -> str:
    """Markdown emphasis and heading or quote marks removed: they carry no meaning here."""
    if "**" in text:
        text = text.replace("**", "")
    if "__" in text:
        text = text.replace("__", "")
    if "#" not in text and ">" not in text:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.lstrip(" ")[:1] in ("#", ">") and (mark := _MARKDOWN_LINE_RE.match(line)):
            lines[index] = line[mark.end() :]
    return "\n".join(lines)


def _translated(match: re.Match[str]) -> str:
    return _TRANSLATION[ord(match.group())] or ""


def _without_dash_runs(text: str) -> str:
    """Each run of filler dashes, with the spaces around it, becomes one space."""
    pieces: list[str] = []
    last = 0
    for match in _DASH_RUN_RE.finditer(text):
        start = match.start()
        while start > last and text[start - 1] == " ":
            start -= 1
        pieces += [text[last:start], " "]
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _fixed_romans(text: str) -> str:
    pieces: list[str] = []
    last = 0
    for match in _ROMAN_OCR_RE.finditer(text):
        start, token = match.start(), match.group()
        if start and not (text[start - 1].isspace() or text[start - 1] == "("):
            continue
        if "l" not in token and "1" not in token:
            continue
        pieces += [text[last:start], _fix_roman(token)]
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _fix_roman(token: str) -> str:
    if token.isdigit() or not any(char in "IVX" for char in token):
        return token
    return token.replace("l", "I").replace("1", "I")


def _double_spaced(lines: list[str]) -> bool:
    """Whether an export put a blank line after every printed line.

    Then blank lines say nothing about paragraphs and would cut sentences apart.
    """
    filled = sum(1 for line in lines if line)
    if filled < 5:
        return False
    followed_by_blank = sum(1 for line, after in itertools.pairwise(lines) if line and not after)
    return followed_by_blank >= 0.6 * filled


def _join_broken_lines(lines: list[str]) -> list[str]:
    """Join a line to the previous one when it only continues its sentence.

    A single blank line between the two is tolerated: some PDF exports put one
    after every printed line.
    """
    out: list[str] = []
    blank_pending = False
    for line in lines:
        if not line:
            if out and out[-1]:
                blank_pending = True
            continue
        previous = out[-1] if out else ""
        if previous and _continues(previous, line):
            out[-1] = f"{previous} {line}"
        else:
            if blank_pending:
                out.append("")
            out.append(line)
        blank_pending = False
    return out


_CONNECTOR_END_RE = re.compile(
    r"(?:,|\s(?:de|del|la|las|los|el|y|e|en|a|al|con|para|por|que|o|u))$", re.IGNORECASE
)


# "…, ARQ. OSCAR ALVAREZ CAMPOS, DR.\n\nGONZALO LOPEZ GIJON, …": a title ends no sentence, nor
# does an address's abbreviation ("ubicado en Av.\nAbraham Lincoln #1290").
_TITLE_END_RE = re.compile(
    r"(?:^|[\s,;(])(?i:dra?|lic|licda|ing|arq|mtr[oa]|prof[a]?|c\.\s?p|av|avda|blvd|calz|col|fracc)\.$"
)


# ("a) Lista de asistencia.", "b.- …": a lettered item, not a sentence going on in lower case)
_LIST_ITEM_START_RE = re.compile(
    r"[IVX]+[.)-]|\d{1,2}\s?[.)-]|[IVXl1]{1,5}[.)-][ ]?[A-ZÁÉÍÓÚÑ]{2}|[a-z](?:\)|\.-)[ \t]"
)
# The end patterns are matched on the previous line's last characters only: that line grows
# as lines are joined to it, and a search for "…$" walks it whole each time (issue 13's speed).
_TAIL_CHARS = 16


def _continues(previous: str, line: str) -> bool:
    tail = previous if len(previous) <= _TAIL_CHARS else "_" + previous[-_TAIL_CHARS:]
    if _TITLE_END_RE.search(tail) and line[:1].isupper() and "|" not in line:
        return True
    if previous[-1] in _SENTENCE_END or "|" in line or "\t" in line or "|" in previous:
        return False
    if _LIST_ITEM_START_RE.match(line):
        return False  # a new list item, its "I." perhaps read by OCR as "l." ("l. DATOS…")
    first = line[0]
    if first.islower() or (first in "(\"'" and len(line) > 1 and line[1].islower()):
        return True
    return bool(_CONNECTOR_END_RE.search(tail))
