"""Who was present: the roll call in prose, as a numbered list, a table or a label block.

Actas record attendance in a handful of ways: a sentence after a cue ("estando
presentes…", "con la asistencia de…", "encontrándose presentes…") whose items
are separated by semicolons or commas; a numbered list "1. Mtro. …, Director…";
a table with a name column and often a role and an attendance column; a label
followed by one name per line ("Asistentes  Ana Cecilia Mata…"); or a roll
call "Nombre …… Presente". Each reader returns people with the courtesy titles
removed; people marked absent are dropped, and signature blocks are never read,
since someone who only signs was not necessarily there. A list in prose is cut into
people by ``prose_list``.
"""

import re

from .given_names import GIVEN_NAMES
from .group_labels import LINE_LABEL_RE, is_party
from .header_labels import from_header_labels
from .in_charge import from_appointed, from_in_charge, from_presidency_heading
from .layouts import from_bare_tables, from_label_blocks, from_roll_call, from_tables
from .list_items import GROUP_HEADER_RE, HARD_SPLIT_RE, whole_name_follows
from .masthead import acta_start
from .names import looks_like_name, singular
from .narrative_people import acting_for_session, chaired, from_narrative, welcomed
from .people import Person, unique
from .prose_cues import SUBJECT_LIST, prose_cues
from .prose_list import people_in_list
from .roll_call import from_inline_roll_call
from .roster import from_officers, roles_from_mentions
from .signature_roles import roles_from_signatures
from .signed_attendance import signers_attending, signers_only
from .speakers import from_speakers
from .text import clean_title, fold, is_abbreviation
from .vertical_list import MAX_LIST_CHARS, vertical_list

__all__ = ["Person", "read_attendance"]

_LIST_STOP_RE = re.compile(
    r"\b(?:faltando|con\s+el\s+objeto|con\s+el\s+proposito|con\s+la\s+finalidad|con\s+el\s+fin|a\s+fin\s+de|"
    r"a\s+efecto\s+de|para\s+efectos?\s+de|"
    # "…, la Presidenta Municipal, Lorena Alfaro García, dio inicio a la sesión e instruyó …"
    r"dio\s+inicio|da\s+inicio|instruy[oe]|"
    r"para\s+(?:el\s+tratamiento|celebrar|llevar|desahogar|dar|(?:los\s+)?efectos\s+de)|"
    # (not the premises "que ocupa la Presidencia del Comité", where the members met)
    r"(?:bajo\s+|(?<!de\s)(?<!ocupa\s))la\s+presidencia|"
    r"por\s+lo\s+(?:que|tanto)|"
    r"acto\s+seguido|se\s+procede|se\s+procedio|"
    r"se\s+(?:dio|dieron|realizo|realizaron|llevo|presento|presentaron|expuso|expusieron|acordo)|quienes?\s+(?:verific|declar|firman|integran|comparec)|"
    r"de\s+conformidad|en\s+terminos|declar[oa]|verificad[oa]|una\s+vez|orden\s+del\s+dia|"
    r"estando|encontrandose|en\s+tanto|se\s+instal\w*|conforme\s+a|constituid[oa]s?|"
    r"en\s+esta\s+ocasion)\b"
)


def read_attendance(
    text: str, folded: str, signatures_start: int, opening_end: int | None = None
) -> list[Person]:
    """Everyone the acta records as present, once each, in order of first mention.

    ``opening_end`` is where the opening ends (the agenda's start): officers named there
    ("el Comisionado Presidente Lic. Juan López dio inicio…") took part in the session.
    """
    people: list[Person] = []
    region = text[:signatures_start]
    region_folded = folded[:signatures_start]
    start = acta_start(folded[:signatures_start])  # a gazette's directory names no attendee
    opening = min(signatures_start, opening_end or start + _first_paragraph_end(text[start:]))
    people += from_tables(region, region_folded) or from_bare_tables(region)
    # "ASISTENCIA: / PRESIDENTE: SEÑOR MINISTRO: / NAME SEÑORES MINISTROS: NAME NAME …": the
    # labels are offices there, not the names' lines.
    labelled = from_header_labels(region, region_folded)
    people += labelled or from_label_blocks(region, region_folded)
    people += _from_prose(region, region_folded, opening)
    people += from_roll_call(region, region_folded)
    people += from_inline_roll_call(region, region_folded)
    people += from_speakers(region, region_folded)
    people += from_officers(text[start:opening], folded[start:opening])
    people += welcomed(text[start:opening], folded[start:opening])
    people += from_in_charge(text[start:opening], folded[start:opening])
    people += from_presidency_heading(region, region_folded)
    people += from_appointed(text[start:opening], folded[start:opening])
    people += from_narrative(region, region_folded)
    people += acting_for_session(region)
    people += chaired(region, region_folded)
    people += signers_attending(text, folded, (start, opening), signatures_start)
    people = unique(people) or signers_only(text, folded, opening)
    roles_from_mentions(region, people)
    roles_from_signatures(text, people)
    return people


MIN_PROSE_LINE = 80


def _first_paragraph_end(text: str) -> int:
    """Without an agenda, the opening is the first paragraph (at most 1500 characters), or the
    paragraph where the roll is called, when it follows within those: "Para iniciar los
    trabajos, el Presidente solicitó al C. Name, Secretario General, pasar lista…"."""
    limit = min(len(text), 1500)
    line_end = text.find("\n", 300, limit)
    titled = any(len(line) >= MIN_PROSE_LINE for line in text[:line_end].split("\n"))
    while (
        titled
        and line_end != -1
        and line_end - (text.rfind("\n", 0, line_end) + 1) < MIN_PROSE_LINE
    ):
        # after a long title, a heading's short line ("PRESIDENCIA DE LA C. DIP.", then the
        # name) is no paragraph
        line_end = text.find("\n", line_end + 1, limit)
    # "…, ubicado en Av.\nAbraham Lincoln #1290, …, declarado\nRecinto Oficial …, el día 27
    # de mayo de 2025.": the paragraph goes on to its sentence's end.
    while (
        line_end != -1
        and line_end - (text.rfind("\n", 0, line_end) + 1) >= MIN_PROSE_LINE
        and text[:line_end].rstrip()[-1:] not in (".", ":", ";", "")
    ):
        line_end = text.find("\n", line_end + 1, limit)  # (a prose line wrapped at the margin)
    if line_end == -1:
        return limit
    while (officer := _OFFICER_LINE_RE.match(text, line_end)) is not None:
        line_end = officer.end()  # "Presidenta: Diputada Elizabeth Guzmán Argueta." a line
    roll = _ROLL_CALL_RE.search(text, line_end, limit)
    if roll is None:
        return line_end
    after = text.find("\n", roll.end())
    return len(text) if after == -1 else after


_OFFICER_LINE_RE = re.compile(
    r"\n[ \t]*[A-ZÁÉÍÓÚÑ][^\n:]{2,40}:[ \t]*[A-ZÁÉÍÓÚÑ][^\n:]{4,90}(?=\n)"
)
_ROLL_CALL_RE = re.compile(r"(?i:pasar|pase|tomar|toma)\s+(?:de\s+)?(?i:lista)\b")


# --- Prose --------------------------------------------------------------------------


def _from_prose(text: str, folded: str, opening: int) -> list[Person]:
    people: list[Person] = []
    for cue in prose_cues(folded, 0, len(folded)):
        if cue[SUBJECT_LIST] and cue.start() >= opening:
            continue  # "los diputados A y B se reunieron …" later on is not the roll
        if cue.end() == cue.start() and _BOTH_GENDERS_BEFORE_RE.search(
            folded, max(0, cue.start() - 40), cue.start()
        ):
            continue  # "las Comisionadas y los Comisionados Ciudadanos:": read from its start
        start = _after_preamble(text, folded, cue.end())
        vertical = vertical_list(text, start)
        if vertical:
            people += vertical
            continue
        end = _list_end(text, folded, start)
        span = text[start:end]
        span_folded = folded[start:end]
        colon = re.search(r"a\s+saber\s*:|:\s", span_folded)
        # "…, los cinco integrantes del Consejo … (CPC Coahuila), en orden de prelación: A; B;
        # …": a long preamble that names the members' group, its colon before a whole name.
        members = (
            _MEMBERS_BEFORE_RE.search(span_folded, 0, colon.start())
            if colon and colon.start() < MAX_PREAMBLE_CHARS
            else None
        )
        if members and colon and not whole_name_follows(span[colon.end() :].split(";")[0][:200]):
            members = None
        if (
            colon
            and (colon.start() < 200 or members)
            and not GROUP_HEADER_RE.match(span_folded)
            and not LINE_LABEL_RE.match(span_folded)  # "Presidencia: Name.\nSecretaría: …"
            # "…, así como de los Vocales de dicha Comisión: Regidor …": the colon closes a
            # heading of the list's second group, not a preamble before the list.
            and not GROUP_HEADER_RE.match(HARD_SPLIT_RE.split(span_folded[: colon.end()])[-1])
            # "…, PRESIDENTA MUNICIPAL CONSTITUCIONAL DE PUEBLA, REGIDORES: NAME, …": a group's
            # bare heading between commas, inside the list.
            and not _BARE_GROUP_HEADING_RE.search(span_folded, 0, colon.end())
        ):
            named_group = _OFFICE_BEFORE_COLON_RE.search(span_folded, 0, colon.end())
            if named_group:
                members = named_group
            span = span[colon.end() :]
            span_folded = span_folded[colon.end() :]
            institution = _INSTITUTION_HEADING_RE.match(span)
            if institution:
                # "…los siguientes funcionarios: de Petróleos Mexicanos: doctor …": the
                # institution that the names after it serve heads them.
                span = span[institution.end() :]
        listed = people_in_list(span)
        # "…, el primero de los nombrados en su carácter de Presidente": the first one's office.
        first = _FIRST_NAMED_RE.search(text, start, min(len(text), end + 120))
        if first and listed and (listed[0].role is None or listed[0].group_role):
            listed[0].role, listed[0].group_role = clean_title(first["office"]), False
        heading = _GROUP_HEADING_CUE_RE.match(folded, cue.start(), cue.end())
        if heading and not members:
            # "Como representantes sociales comunitarios: Name, …": the group's office.
            members = heading
        if members:
            office = singular(members["office"])
            for person in listed:
                if person.role is None:
                    person.role, person.group_role = office, True
        people += listed
    return people


MAX_PREAMBLE_CHARS = 600
# The offices a body's members hold as a group ("los Regidores", "Consejeros Electorales").
_GROUP_OFFICES = r"(?:regidor|sindic|consejer|vocal|diputad|comisionad|magistrad)"
_BARE_GROUP_HEADING_RE = re.compile(
    rf",\s*(?:{_GROUP_OFFICES}|concejal)[a-z]*s"
    r"(?:\s+[a-z]+){0,2}\s*:\s*\Z"
)
_GROUP_HEADING_CUE_RE = re.compile(
    r"(?:como|en\s+calidad\s+de)\s+(?P<office>(?:[a-z]+\s+){0,3}[a-z]+s)\s*[:,]"
)
_FIRST_NAMED_RE = re.compile(
    r"\b(?:el|la)\s+primer[oa]\s+de\s+(?:los|las)\s+(?:nombrad|mencionad|citad|referid)[oa]s,?\s+"
    r"(?:en\s+su\s+car[a-záéíóú]{1,2}cter\s+de|como)\s+(?P<office>[^,;.\n]{3,60})",
    re.IGNORECASE,
)
_MEMBERS_BEFORE_RE = re.compile(
    r"\b(?:los|las)\s+(?:[a-z]+\s+)?(?P<office>integrantes|consejer[oa]s|regidor[ae]s|vocales|"
    r"comisionad[oa]s)\s+del?\b"  # (not "los miembros de": a membership, not an office)
)


# "…del Instituto Estatal de Acceso a la Información Pública, Ciudadanos Consejeros: Ingeniero
# Civil, Víctor …": the plural office right before the colon names the group more closely than
# "los integrantes del …" before it.
_OFFICE_BEFORE_COLON_RE = re.compile(
    rf",\s*(?:(?:los|las)\s+)?(?:ciudadan[oa]s\s+)?(?P<office>{_GROUP_OFFICES}[a-z]*s"
    r"(?:\s+(?:electorales|ciudadan[oa]s|propietari[oa]s))?)"
    r"\s*:\s*$"
)
_BOTH_GENDERS_BEFORE_RE = re.compile(r"\b(?:las|los)\s+[a-z]+s\s+[ye]\s+$")
_INSTITUTION_HEADING_RE = re.compile(
    r"\s*(?:de|del|por)\s+(?:la\s+|el\s+)?[A-ZÁÉÍÓÚÑ][^:;,.\n]{2,80}:\s*"
)


# "estando reunidos en la Sala de Cabildo para celebrar Sesión Extraordinaria: Ana Ruiz, …":
# the words between the cue and a colon say why they met; the list follows the colon.
_PREAMBLE_RE = re.compile(r"[^;:.\n]{0,160}?:\s*")


def _after_preamble(text: str, folded: str, start: int) -> int:
    """Where the list starts when a purpose ("para celebrar …") stands before its colon."""
    preamble = _PREAMBLE_RE.match(folded, start)
    if (
        preamble is None
        or not _LIST_STOP_RE.search(folded, start, preamble.end())
        or not whole_name_follows(text[preamble.end() : preamble.end() + 200])
    ):
        return start
    return preamble.end()


def _list_end(text: str, folded: str, start: int) -> int:
    limit = min(len(text), start + MAX_LIST_CHARS)
    stop = _LIST_STOP_RE.search(folded, start, limit)
    if stop:
        limit = stop.start()
    # A group's heading ("y los Consejeros:") inside the list is part of it.
    next_cue = next(
        (cue for cue in prose_cues(folded, start, limit) if cue.end() > cue.start()),
        None,
    )
    if next_cue:
        limit = next_cue.start()
    # ("se reunieron:\n\nConsejera Presidenta: …": a blank line after the colon opens the list)
    content = start + len(text[start:limit]) - len(text[start:limit].lstrip(" \t\n:"))
    paragraph = text.find("\n\n", content, limit)
    if (
        paragraph != -1
        and text[content:paragraph].rstrip().endswith(":")
        and LINE_LABEL_RE.match(folded[paragraph : paragraph + 120])
    ):
        # "…con la asistencia de los siguientes consejeros:\n\nPresidente: Ing. …": the blank
        # line after a preamble's colon, before lines of labels, opens the list.
        paragraph = text.find("\n\n", paragraph + 2, limit)
    if paragraph != -1:
        limit = paragraph
    limit = _prose_after_labels(text, folded, content, limit)
    # "…como Tesorero Municipal.------\n-- Instalado el acto": filler dashes may follow the stop.
    for match in re.finditer(r"\.(?=(?:\s*[-\u2013\u2014]+)*\s+[A-ZÁÉÍÓÚ¿])", text[start:limit]):
        dot = start + match.start()
        if _closes_abbreviation(text, dot) or _name_goes_on(text, dot):
            continue
        if "\n" in text[dot : dot + match.end() - match.start() + 2] and LINE_LABEL_RE.match(
            folded[dot + 1 : dot + 120]
        ):
            continue  # "…, del PVEM.\nIntegrantes: …": the list's next group
        return dot
    return limit


# Words of prose: lower-case words that no name or office is made of.
_PROSE_WORD_RE = re.compile(r"(?<![\w.])(?!(?:de|del|la|las|los|y|e)\b)[a-záéíóúñ]{2,}\b")
MIN_PROSE_WORDS = 4


def _prose_after_labels(text: str, folded: str, start: int, limit: int) -> int:
    """Where a line of prose follows lines of labels ("Presidente: C. Name\nEscrutadores: C.
    Name y C. Name\nEn desahogo del tercer punto, por mayoría de votos se eligió …"): the
    list ends before it, blank line or not (a normaliser may have taken the blank out)."""
    after_label = False
    position = start
    while position < limit:
        line_end = text.find("\n", position, limit)
        line_end = limit if line_end == -1 else line_end
        if LINE_LABEL_RE.match(folded[position:line_end]):
            after_label = True
        elif after_label:
            line = text[position:line_end]
            if line[:1].isupper() and len(_PROSE_WORD_RE.findall(line)) >= MIN_PROSE_WORDS:
                return position
        position = line_end + 1
    return limit


# "…, Alberto Miranda Guerra, Jorge Ramón.\nMorales Díaz, Consuelo …": a scan's speck read as
# a stop inside a name of a comma list; the words after it close the name, then the list goes on.
_NAME_GOES_ON_RE = re.compile(
    r"\.\s+(?P<rest>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:\s+(?:de\s+la\s+|de\s+|del\s+)?[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+){0,2}),"
    r"\s+[A-ZÁÉÍÓÚÑ]"
)
_NAME_BEFORE_RE = re.compile(r",\s+(?P<head>[A-ZÁÉÍÓÚÑ][^,.;:\n]{2,40})$")


def _name_goes_on(text: str, dot: int) -> bool:
    after = _NAME_GOES_ON_RE.match(text, dot)
    before = _NAME_BEFORE_RE.search(text, max(0, dot - 42), dot)
    return (
        after is not None
        and before is not None
        and looks_like_name(f"{before['head']} {after['rest']}")
        # "…y Luis Paz. Ana Ruiz, Secretaria, …" is a new sentence; "Ramón. Morales Díaz," is
        # the name going on with its surnames
        and fold(after["rest"].split()[0]) not in GIVEN_NAMES
    )


# A surname of three letters ("Gil", "Paz", "Val") after another capitalised word: not one of
# the short abbreviations a stop follows inside a sentence ("Lic.", "Ing.", "Fco.", "Qro.").
_SHORT_SURNAME_RE = re.compile(r"[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2}")
_CAPITALISED_BEFORE_RE = re.compile(r"[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+ $")
# "Tepic, Nay.", "Querétaro, Qro.": a state's abbreviation after its city; "Fco.", "Dip.", "Int."
_SHORT_ABBREVIATION_RE = re.compile(
    r"(?i:ags|bcs|cam|chs|col|dgo|gro|gto|hgo|jal|mex|mor|nay|oax|pue|qro|sin|son|tab|tam|ver|yuc|"
    r"zac|fco|gpe|dip|sen|esq|int|ext|tel)"
)


def _closes_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"(?:^|[\s(])([\w.]+)$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1)
    bare = token.replace(".", "")
    if "." not in token and is_party(bare):
        # "…, de MC. La presidenta solicitó …": a party's initials end a sentence ("M.C.
        # Luis Alberto Fierro", a degree's initials, do not)
        return False
    if bare.isdigit() and len(bare) <= 2:
        return True  # a list marker "2."
    if (
        _SHORT_SURNAME_RE.fullmatch(token)
        and not is_abbreviation(token)
        and not _SHORT_ABBREVIATION_RE.fullmatch(fold(token))
        and _CAPITALISED_BEFORE_RE.search(text, max(0, dot - 40), dot - 3)
    ):
        return False  # "…y Luis Paz Gil. Ana Ruiz, Secretaria, …": a surname ends the sentence
    return len(bare) <= 3 or fold(bare) in (
        "lic",
        "licda",
        "licdo",
        "lcda",
        "lcdo",
        "mtro",
        "mtra",
        "prof",
        "profa",
        "profra",
        "profr",
        "arq",
        "ing",
        "enfra",
        "enfr",
    )
