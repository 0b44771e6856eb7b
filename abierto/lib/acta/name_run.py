"""Where a person's name ends once its start is known: titles allowed before it, a bracket's
note, the next label or the next titled name after it, and a line that the margin of a
paragraph wraps in the middle of it. Split from ``roster``, which reads the officers an acta's
opening names.
"""

import re

from .given_names import GIVEN_NAMES
from .names import is_honorific, looks_like_name, strip_titles
from .text import fold

OFFICE = (
    r"(?:comisionad[oa]|consejer[oa]|president[ea]|secretari[oa]|regidor(?:a)?|sindic[oa]|"
    r"diputad[oa]|magistrad[oa]|director(?:a)?|coordinador(?:a)?|vocal|titular|contralor(?:a)?|"
    r"tesorer[oa]|rector(?:a)?|facilitador(?:a)?|representante|auditor(?:a)?|subsecretari[oa])"
)
# A title before a name, then perhaps the office: "al Maestro Juan Ruiz, Secretario Técnico,".
# Matched on the text itself, not the folded copy: the name after the title is capitalised.
TITLED_RE = re.compile(
    r"(?:(?<=^)|(?<=[\s(]))(?i:lic(?:da|do)?\.|licenciad[oa]|mtr[oa]\.|maestr[oa]|dr(?:a)?\.|"
    r"doctor(?:a)?|ing\.|ingenier[oa]|arq\.|c\.\s?[dp]\.|m\.\s?en\s?c\.|m\.\s?s\.\s?c\.|c\.|"
    # Any degree in three or four dotted initials: "M.B.A.", "T.A.E.", "L.E.M."
    r"ciudadan[oa]|prof(?:a|r|ra)?\.|profesor(?:a)?|(?-i:(?:[A-Z]\.){3,4})|"
    # "…, PROF ISIDRO RUPIO MEDINA, CONTADOR RAMON VARGAS CHAVEZ": in capitals, without the stop
    r"(?-i:PROF|PROFA|CONTADOR|CONTADORA)(?=[ \t]+[A-ZÁÉÍÓÚÑ]{2}))"
    # (the name may start the next line: "…a cargo del Maestro\nAntonio Fernando Chávez …")
    r"(?:[ \t]+|[ \t]*\n[ \t]*)(?=[A-ZÁÉÍÓÚÑ])",
)
_PARTICLES = frozenset(["de", "del", "la", "las", "los", "y", "e"])
# Given names written short: "Ma." (María), "Fco." (Francisco), "Gpe." (Guadalupe).
GIVEN_NAME_ABBREVIATIONS = frozenset(["ma", "fco", "gpe", "ma.", "fdo", "ant", "jno", "ygo"])
_OFFICE_WORD_RE = re.compile(rf"{OFFICE}s?")
MAX_NAME_TOKENS = 12
MIN_WRAPPED_LINE_CHARS = 45  # a line of prose wrapped at the margin, not a short header line


def _given_name_follows(window: str, position: int) -> bool:
    """Whether a person starts after a "y": a common given name, or a title ("y LED Susana")."""
    following = window[position:].split(maxsplit=1)
    return bool(following) and (
        fold(following[0].strip(",;.")) in GIVEN_NAMES or is_honorific(following[0])
    )


def name_run(text: str, start: int) -> tuple[str | None, int]:
    """The person's name that starts at ``start`` (titles allowed), and where it ends."""
    tokens: list[str] = []
    end = start
    capitals = None  # whether the name is written in capitals
    named = False  # whether a word of the name itself (not a title) has been read
    window = text[start : start + 200]
    for match in re.finditer(r"\S+", window):
        token = match.group(0)
        if (
            tokens
            and _header_line_ends(text, start, end, start + match.start())
            and looks_like_name(strip_titles(" ".join(tokens)).strip(" .,;:"))
        ):
            break
        core = token.strip(",;:()\"'“”")
        folded_core = fold(core).rstrip(".")
        if not core or (tokens and token.startswith("(")):
            break  # "… FLORES HUERTA (Asist.)": a bracket's note is no part of the name
        if tokens and folded_core in ("y", "e") and _given_name_follows(window, match.end()):
            break  # "…González Navarro y José Luis Bernal": the next person
        in_title = tokens and folded_core == "en" and tokens[-1].endswith(".")  # "M. en C."
        if not (core[0].isupper() or folded_core in _PARTICLES or is_honorific(core) or in_title):
            break
        letters = [char for char in core if char.isalpha()]
        if len(letters) > 1 and "." not in core and core[0].isupper():
            upper = all(char.isupper() for char in letters)
            if capitals is None:
                capitals = upper
            elif capitals is True and not upper:
                break  # "…VALDÉS Y CAPOTE En la Sala": the name in capitals has ended
        if tokens and _OFFICE_WORD_RE.fullmatch(folded_core):
            break  # "…PADILLA ARIAS SECRETARIO MTRO. …": the next label starts
        if named and title_starts(text, start + match.start()):
            break  # "…PADILLA LÓPEZ M. en C. RICARDO …": a run of titled names, no separators
        tokens.append(core)
        named = named or not (is_honorific(core) or in_title or "." in core[:-1])
        end = start + match.end()
        if len(tokens) >= MAX_NAME_TOKENS or (token != core and token[-1] in ",;:)"):
            break
        dotted = "." in core[:-1]  # "C.Q.", "M.S.C.": initials of a title, not a name's end
        if (
            core.endswith(".")
            and len(letters) > 1
            and not dotted
            and not is_honorific(core)
            and folded_core not in GIVEN_NAME_ABBREVIATIONS
        ):
            break  # "…Vega y León." ends the name; "MA. DELFINA …" (María) does not
    while tokens and fold(tokens[-1]) in _PARTICLES:
        tokens.pop()
    name = strip_titles(" ".join(tokens)).strip(" .,;:")
    return (name, end) if looks_like_name(name) else (None, end)


def _header_line_ends(text: str, name_start: int, previous_end: int, next_start: int) -> bool:
    """Whether a line break between two tokens ends the name: a blank line, or a short line
    ("Presidente: Diputado Jesús Villarreal Macías" over "Primera Secretaria: …"), not the
    margin of a paragraph wrapped in the middle of a name: the name's own line runs long when
    measured whole and holds no label ("…, el diputado Lucio Ernesto Palacios\nCordero
    solicitó")."""
    gap = text[previous_end:next_start]
    if "\n" not in gap:
        return False
    if gap.count("\n") > 1:
        return True
    line_start = text.rfind("\n", 0, previous_end) + 1
    if previous_end - max(line_start, name_start) >= MIN_WRAPPED_LINE_CHARS:
        return False
    lead = text[line_start:name_start]
    prose = (
        previous_end - line_start >= MIN_PROSE_LINE_CHARS
        and ":" not in lead
        # (not a table's row read as a line: "Mtro. Félix … (suplente) Mtro. Ernesto …")
        and len(_SMALL_WORD_RE.findall(lead)) >= MIN_PROSE_WORDS
    )
    return not prose


MIN_PROSE_LINE_CHARS = 65  # a paragraph's line wrapped at the margin
MIN_PROSE_WORDS = 3
_SMALL_WORD_RE = re.compile(r"(?<!\S)[a-záéíóúñ]{3,}\b")


def title_starts(text: str, position: int) -> bool:
    """Whether a courtesy title followed by a capitalised word starts at ``position``."""
    return TITLED_RE.match(text, position) is not None and (
        position == 0 or text[position - 1].isspace()
    )
