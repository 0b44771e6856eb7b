"""People the narrative shows taking part: a titled person who speaks or arrives at the start
of a sentence ("La Lic. Iris Santacruz hizo la observación…", "El diputado Gustavo Alfaro se
incorporó a la reunión"), and whom the opening welcomes ("da la bienvenida a la Fís. …").
Split from ``roster``, which reads the officers of the opening.
"""

import re

from .given_names import is_feminine_given_name
from .name_words import ROLE_WORDS
from .names import is_honorific, looks_like_name, singular, split_name_role
from .people import Person
from .prose_list import people_in_list
from .roster import (
    OFFICE,
    TITLED_RE,
    appointed_role,
    name_run,
    not_present,
    office_role,
    role_after,
)
from .text import clean_title, fold

# --- People who speak in the narrative -------------------------------------------------

# "La Lic. Iris Santacruz hizo la observación…", "El Dr. Juan Ruiz propuso…": a titled person
# who speaks at the start of a sentence took part in the session.
# "En ese sentido y en uso de la palabra, el diputado Lucio … solicitó …": taking the floor in
# the middle of a sentence too.
_NARRATIVE_SUBJECT_RE = re.compile(
    r"(?:(?:^|(?<=[.;]\s)|(?<=\n))[ \t]*(?:En\s+uso\s+de\s+la\s+(?:voz|palabra)\s+(?:el|la)|El|La)"
    r"|\b(?<=[,y]\s)en\s+uso\s+de\s+la\s+(?:voz|palabra),?\s+(?:el|la))"
    r"[ \t]+(?=\S)"
)
# "En uso de la voz la Secretaria del Ayuntamiento Lic. Laura …, manifestó": the office, with
# the body it serves, before the titled name.
_OFFICE_BEFORE_TITLE_RE = re.compile(r"[A-ZÁÉÍÓÚÑ][^,.;:\n]{2,60}[ \t]+")
MAX_OFFICE_CHARS = 80
_SPEECH_VERB_RE = re.compile(
    r"[ \t,]*(?:hizo|hace|propuso|propone|comento|comenta|senalo|senala|pregunto|pregunta|"
    r"manifesto|manifiesta|expreso|expresa|indico|indica|solicito|solicita|intervino|interviene|"
    r"menciono|menciona|explico|explica|aclaro|aclara|observo|opino|opina|dijo|sugirio|sugiere|"
    r"expuso|expone|agradecio|agradece|planteo|plantea|cuestiono|insistio|reitero|"
    r"(?:da|dio)\s+(?:la\s+)?bienvenida|"
    # "El diputado Gustavo Alfaro se incorporó a la reunión durante el punto uno": late, present.
    r"se\s+incorporo|se\s+incorpora|se\s+integro|se\s+integra|se\s+sumo|se\s+une|se\s+unio|"
    r"llego|ingreso\s+a\s+la\s+(?:sesion|reunion|sala))\b"
)
# What an officer of the body does for it: "El Dr. Efrén Parada Arias, Secretario del Consejo,
# informó las designaciones…" (a guest who informs is not thereby a member).
_REPORT_VERB_RE = re.compile(
    r"[ \t,]*(?:informo|informa|sometio|somete|presento|presenta|dio\s+lectura|dio\s+cuenta)\b"
)
_BODY_OFFICE_RE = re.compile(
    r"\bde(?:l|\s+la)\s+(?:consejo|comite|comision|junta|pleno|cabildo|ayuntamiento|asamblea|"
    r"secretariado|colegio|organo)\b"
)
_APPOSITION_RE = re.compile(r"[ \t]*,?[ \t]*(?P<office>[A-ZÁÉÍÓÚÑ][^,;.:\n]{2,90}),")
_SUBJECT_OFFICE_RE = re.compile(rf"(?P<office>{OFFICE})[ \t]+")
_OFFICE_COMMA_RE = re.compile(rf"(?P<office>{OFFICE}),[ \t]+")


def from_narrative(text: str, folded: str) -> list[Person]:
    """Titled people who speak or arrive in the narrative: "La Lic. Iris Santacruz hizo la
    observación", "El diputado Gustavo Alfaro se incorporó a la reunión"."""
    people: list[Person] = []
    for subject in _NARRATIVE_SUBJECT_RE.finditer(text):
        role = None
        office = _SUBJECT_OFFICE_RE.match(folded, subject.end())
        titled = TITLED_RE.match(text, subject.end())
        name_start = titled.end() if titled else -1
        between = _OFFICE_COMMA_RE.match(folded, subject.end())
        if office and text[office.start("office")].islower() and text[office.end()].isupper():
            role = office_role(text[office.start("office") : office.end("office")])
            after_office = TITLED_RE.match(text, office.end())
            name_start = after_office.end() if after_office else office.end()
        elif between and text[between.start("office")].islower():
            # "El presidente, Benito Medina Herrera, dio la bienvenida", "La presidenta,
            # diputada Teresita Vargas Meraz, agradece la asistencia": the name in apposition.
            role = office_role(text[between.start("office") : between.end("office")])
            name_start = between.end()
            for lead in (TITLED_RE, _SUBJECT_OFFICE_RE):
                if titled_name := lead.match(text if lead is TITLED_RE else folded, name_start):
                    name_start = titled_name.end()
                    break
            if not text[name_start : name_start + 1].isupper():
                continue
        if name_start < 0:
            titled = TITLED_RE.search(text, subject.end(), subject.end() + MAX_OFFICE_CHARS)
            office_text = text[subject.end() : titled.start()] if titled else ""
            if (
                titled is None
                or not _OFFICE_BEFORE_TITLE_RE.fullmatch(office_text)
                or fold(office_text).split()[0] not in ROLE_WORDS
            ):
                continue
            role, name_start = clean_title(office_text), titled.end()
        name, end = name_run(text, name_start)
        if name is None:
            continue
        if not _SPEECH_VERB_RE.match(folded, end):
            # "El Dr. Efrén Parada Arias, Secretario del Consejo, informó…": the office between
            apposition = _APPOSITION_RE.match(text, end)
            if (
                apposition is None
                or fold(apposition["office"]).split()[0] not in ROLE_WORDS
                # an office in the body ("Secretario del Consejo"), not a guest's post
                or not _BODY_OFFICE_RE.search(fold(apposition["office"]))
                or not (
                    _SPEECH_VERB_RE.match(folded, apposition.end())
                    or _REPORT_VERB_RE.match(folded, apposition.end())
                )
            ):
                continue
            role = role or clean_title(apposition["office"])
        # Only what comes before counts: after the verb, "faltaba un punto" is what was said.
        if not_present(folded, subject.end()):
            continue
        people.append(Person(name, role))
    return people + _given_the_floor(text, folded)


# "…otorgó el uso de la voz al C. Lic. Eduardo Gaxiola Márquez Secretario del Ayuntamiento, para
# que procediera a pasar lista": whom the chair gives the floor speaks in the session.
_FLOOR_RE = re.compile(
    r"\b(?:otorg|conced|conce|cedi|cede|dio|da)[a-z]*\s+(?:el\s+)?uso\s+de\s+la\s+(?:voz|palabra)\s+"
    r"(?:a\s+la|al|a)\s+"
)
MAX_FLOOR_CHARS = 120
# (not the dot of a title: "al C. Lic. Eduardo …")
_CLAUSE_END_RE = re.compile(r"[,;:\n(]|\.\s+(?=(?:El|La|Los|Las|Se|En|Acto)\b)")


def _given_the_floor(text: str, folded: str) -> list[Person]:
    people: list[Person] = []
    for floor in _FLOOR_RE.finditer(folded):
        title = re.match(r"\S+", text[floor.end() : floor.end() + 20])
        if title is None or not is_honorific(title.group(0)):
            continue
        clause = _CLAUSE_END_RE.split(text[floor.end() : floor.end() + MAX_FLOOR_CHARS])[0]
        parsed = split_name_role(clause)
        if parsed is not None and looks_like_name(parsed[0]):
            role = parsed[1] or appointed_role(text, floor.end() + len(clause))
            people.append(Person(parsed[0], role))
    return people


# "El Presidente da la bienvenida a la Fís. Luisa Gabriela del Valle…": whom the session
# welcomes at its opening is there.
_WELCOME_RE = re.compile(
    r"\b(?:da|dio|dan|dieron|doy)\s+(?:una\s+|la\s+)?(?:mas\s+)?(?:cordial\s+)?bienvenida\s+"
    r"(?:a\s+la|al|a)\s+"
)


def welcomed(text: str, folded: str) -> list[Person]:
    """Titled people welcomed in the opening."""
    people: list[Person] = []
    for welcome in _WELCOME_RE.finditer(folded):
        title = re.match(r"\S+", text[welcome.end() : welcome.end() + 20])
        if title is None or not is_honorific(title.group(0)):
            continue
        name, end = name_run(text, welcome.end() + title.end())
        if name is not None:
            people.append(Person(name, appointed_role(text, end)))
    return people


# "…, Alfredo Cordero pudiera desempeñarse como Secretario de Actas para el desarrollo de esta
# Sesión": the person proposed to act in an office for the session takes part in it.
_ACTING_FOR_SESSION_RE = re.compile(
    r"(?P<name>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:\s+(?:de\s+(?:la\s+|los\s+)?|del\s+)?[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+){1,4})"
    r",?\s+(?:pudiera|podr[ií]a|pueda|puede|para)\s+(?:desempe[nñ]arse|fungir|actuar)\s+como\s+"
    r"(?P<office>(?:Secretari[oa]|President[ea]|Moderador[a]?|Relator[a]?)"
    r"(?:\s+de\s+Actas|\s+T[ée]cnic[oa])?)"
)


def acting_for_session(text: str) -> list[Person]:
    return [
        Person(match["name"], match["office"])
        for match in _ACTING_FOR_SESSION_RE.finditer(text)
        if looks_like_name(match["name"])
    ]


# "Presidió la asamblea el C. Roberto Sánchez Gil, Presidente de la Mesa Directiva, actuando
# como secretaria la C. María Elena Ruiz Tapia": whoever presided over the meeting, or acted
# in it as its secretary or teller, was there, wherever the acta says so.
_PRESIDED_RE = re.compile(
    r"presid(?:io|e)\s+(?:la|el|esta|dicha)\s+(?:sesion|reunion|asamblea|junta)\s+(?P<article>el|la)\s+"
)
_ACTING_AS_RE = re.compile(
    r"como\s+"
    rf"(?P<office>(?:{OFFICE}|escrutador(?:a)?|moderador(?:a)?|relator(?:a)?)"
    r"(?:\s+(?:tecnic[oa]|ejecutiv[oa]|de\s+actas))?"
    r"(?:\s+de\s+(?:la|el|esta)\s+(?:sesion|reunion|asamblea)|\s+de\s+debates)?),?\s+"
    r"(?:el|la|al|a\s+la)\s+"
)
# (The patterns open with a literal, searched for fast; the verb before "como" is checked after.)
# "…se designó como Presidenta de la Asamblea a la C. Rosa María García Olmedo y como
# Secretaria a la C. Juana Santiago Pérez": whom the meeting appoints to conduct it.
_ACTING_VERB_RE = re.compile(
    r"(?<![a-z])(?:actuando|fungiendo|fungio|actuo|fungieron|actuaron|designo|designa|nombro|"
    r"nombra|eligio|elige|designandose|nombrandose|y)\s+\Z"
)
# "…, actuando como secretarios los diputados Jesús Portillo Herrera y Eréndira Elsa Carlota
# Jiménez Montiel.": two or more acting together, named up to the clause's end.
_ACTING_TOGETHER_RE = re.compile(
    r"como\s+"
    r"(?P<office>secretari[oa]s|escrutador(?:es|as)|moderador(?:es|as))\s+(?:los|las)\s+"
    r"(?:(?:ciudadan|diputad|senador|regidor|consejer|integrante|comisionad)[a-z]*\s+)?"
)
# (the clause ends at a sentence's stop, not at a title's: "los CC. Lic. Ana Ruiz y …")
_ACTING_TOGETHER_END_RE = re.compile(
    r"[;:\n]|\.(?=\s*$)|\.\s+(?=(?:El|La|Los|Las|Se|En|Acto|Con|Para|Siendo|Una|Un)\b)"
)
# "Presidió la sesión el Presidente Municipal, Lic. Juan Pérez López": the office first.
_OFFICE_FIRST_RE = re.compile(rf"(?P<office>{OFFICE}(?:\s+[a-z]+){{0,3}}),?\s+(?=\S)")


def chaired(text: str, folded: str) -> list[Person]:
    """Who presided over the meeting or acted in it as secretary, teller or moderator."""
    people: list[Person] = []
    for match in _chairing(folded):
        start, office = match.end(), None
        first = _OFFICE_FIRST_RE.match(folded, start)
        if first and TITLED_RE.match(text, first.end()):
            start, office = (
                first.end(),
                clean_title(text[first.start("office") : first.end("office")]),
            )
        name, end = name_run(text, start)
        if name is None or not looks_like_name(name):
            continue
        role = office or role_after(text, end)
        if role is None and match.re is _ACTING_AS_RE:
            written = text[match.start("office") : match.end("office")]
            role = written[0].upper() + written[1:]
        elif role is None:
            role = "Presidenta" if match["article"] == "la" else "Presidente"
        people.append(Person(name, role))
    for match in _ACTING_TOGETHER_RE.finditer(folded):
        if not _acting(folded, match):
            continue
        clause_end = _ACTING_TOGETHER_END_RE.search(text, match.end())
        office = singular(text[match.start("office") : match.end("office")])
        office = office[0].upper() + office[1:]
        listed = text[match.end() : clause_end.start() if clause_end else len(text)]
        for person in people_in_list(listed):
            people.append(Person(person.name, person.role or _in_gender(office, person.name)))
    return people


def _chairing(folded: str) -> list[re.Match[str]]:
    """ "presidió la asamblea el …", "actuando como secretaria la …", in order."""
    presided = [
        match
        for match in _PRESIDED_RE.finditer(folded)
        if not folded[match.start() - 1 : match.start()].isalpha()
    ]
    acting = [match for match in _ACTING_AS_RE.finditer(folded) if _acting(folded, match)]
    return sorted([*presided, *acting], key=lambda match: match.start())


def _acting(folded: str, match: re.Match[str]) -> bool:
    """Whether "como …" follows a verb of acting ("actuando como", "fungió como")."""
    return _ACTING_VERB_RE.search(folded, max(0, match.start() - 14), match.start()) is not None


def _in_gender(office: str, name: str) -> str:
    """ "Secretario" as "Secretaria" for Eréndira, "Escrutador" as "Escrutadora" for Ana."""
    first = fold(name).split()[:1]
    if not first or not is_feminine_given_name(first[0]):
        return office
    return (
        office[:-1] + "a"
        if office.endswith("o")
        else office + "a"
        if office.endswith("or")
        else office
    )
