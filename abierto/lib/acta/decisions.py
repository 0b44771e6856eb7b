"""Decisions told in the narrative, and the record every reader of agreements returns.

"Se aprueba por unanimidad…", "Por mayoría de votos se aprobó…", "…, aprobándose por
unanimidad de votos", "fueron modificados por unanimidad", "…, misma que fue aceptada".
A decision told in a relative clause describes an older instrument ("el acuerdo …, por el
que se autorizó…") unless a vote follows it. A decision with no subject of its own
("Puesta a discusión, sin ella, se aprobó por unanimidad.") approves what the sentence
before it proposed, so that sentence is part of its text.
"""

import re
from dataclasses import dataclass

from abierto.lib.spanish import words_to_number

from .text import clean_title, fold, sentences

VOTE_RE = re.compile(r"\b(?P<vote>unanimidad|unanime(?:mente)?|mayoria)\b")
# A vote given as its count ("con 8 votos a favor, 2 en contra y 1 abstención", "Votación: 11
# votos a favor, 0 en contra") or by who dissented ("con el voto en contra del Regidor …").
_IN_FAVOUR_RE = re.compile(r"\b(?P<count>\d{1,3}|[a-z]+)\s+votos?\s+a\s+favor\b")
_AGAINST_RE = re.compile(r"\b(?P<count>\d{1,3}|[a-z]+)\s+(?:votos?\s+)?en\s+contra\b")
_ABSTAINED_RE = re.compile(r"\b(?P<count>\d{1,3}|[a-z]+)\s+abstenci(?:on|ones)\b")
_DISSENT_RE = re.compile(
    r"\bcon\s+(?:el|los)\s+votos?\s+en\s+contra\s+de|\bcon\s+la\s+abstencion\s+de"
)


def vote_value(raw: str) -> str:
    """ "mayoría" or "unanimidad", from the folded word the acta uses."""
    return "mayoría" if raw.startswith("mayor") else "unanimidad"


def tally_vote(folded: str) -> str | None:
    """ "unanimidad" or "mayoría" from a vote told by its count or its dissent, if it is."""
    if _DISSENT_RE.search(folded):
        return "mayoría"
    in_favour = _IN_FAVOUR_RE.search(folded)
    if in_favour is None or not _count(in_favour["count"]):
        return None
    others = [_AGAINST_RE.search(folded), _ABSTAINED_RE.search(folded)]
    return "mayoría" if any(match and _count(match["count"]) for match in others) else "unanimidad"


def _count(word: str) -> int:
    if word.isdigit():
        return int(word)
    try:
        return words_to_number(word)
    except ValueError:
        return 1 if word in ("un", "una") else 0


@dataclass
class Agreement:
    """One agreement as read from the acta."""

    code: str
    text: str
    vote: str | None
    start: int
    agenda_item: int | None = None
    anchor: int = -1  # where the decision is stated, to tell which agenda item it belongs to


_CUE_RE = re.compile(
    # "se tiene por aprobado", "se declara aprobado el orden del día por mayoría de votos"
    r"\b(?:se|fue|fueron|queda|quedo|quedan|quedaron)\s+"
    r"(?:(?:tiene|tienen)\s+por\s+|(?:declara|declaro|declaran|declararon)\s+)?"
    r"(?:aprobad[oa]s?|autorizad[oa]s?|acordad[oa]s?|aprueba|aprueban|aprobo|aprobaron|acuerda|acuerdan|"
    r"acepta|aceptan|acepto|aceptaron|"
    r"acordo|acordaron|autoriza|autorizan|autorizo|autorizaron|confirma|confirman|confirmo|determina|"
    r"determino|resuelve|resolvio)\b"
    r"|\b(?:fue|fueron)\s+(?:aceptad|modificad|ratificad|aprobad|autorizad)[oa]s?\b"
    # "Se tiene por presentado el informe", "se da por aprobada el acta", "se toma
    # conocimiento del informe", "los integrantes toman conocimiento": what a body records.
    r"|\bse\s+(?:tiene|tienen|tuvo|tuvieron|da|dan|dio|dieron)\s+por\s+"
    r"(?:presentad|recibid|aprobad|atendid|cumplid|desahogad|rendid|notificad)[oa]s?\b"
    r"|\b(?:se\s+toma|se\s+tomo|toman|tomaron)\s+(?:nota|conocimiento)\b"
    # "mismo que, al ser sometido a consideración, resultó aprobado en votación económica"
    r"|\b(?:resulto|resultaron)\s+(?:aprobad|autorizad|acordad)[oa]s?\b"
    # "aprobándose por unanimidad", "acordándose", "autorizándose"
    r"|\b(?:aprobandose|acordandose|autorizandose|aceptandose)\b"
    # "…sometiéndolo a consideración, votándose a favor por unanimidad."
    r"|\bvotandose\s+(?:a\s+favor\s+)?(?:por|con)\s+(?:unanimidad|mayoria)"
    # Any participle with its vote: "fueron modificados por unanimidad", "ratificada por mayoría".
    r"|\b[a-z]+(?:ad|id)[oa]s?\s+(?:por|con)\s+(?:unanimidad|mayoria|el\s+voto)"
    r"|\b(?:por|de)\s+(?:unanimidad|mayoria)\s+(?:de\s+(?:votos|los\s+presentes)\s+)?(?:se\s+)?(?:aprob|acord|autoriz)"
    # What was agreed named by its participle: "las fechas acordadas para las sesiones son…".
    r"|\b(?:el|la|los|las)\s+[a-z]+\s+acordad[oa]s?\s+(?:para|son|es|seran|sera)\b"
    # The body as subject: "el Consejo General …, en la cual, entre otras cuestiones, aprobó el
    # Acta …", "el Órgano de Gobierno aprobó …", "la Junta de Gobierno acordó la designación …".
    # "EL H. AYUNTAMIENTO AUTORIZA POR UNANIMIDAD LA PROPUESTA …": in the present, with its vote.
    r"|\b(?:el|la)\s+(?:h\.\s*|honorable\s+)?"
    r"(?:consejo|comite|organo|pleno|ayuntamiento|cabildo|junta|comision|asamblea)\b"
    r"[^.;:]{0,160}?\b(?:aprobo|acordo|autorizo|determino|resolvio|ratifico|"
    r"(?:aprueba|acuerda|autoriza|determina|resuelve|ratifica)(?=\s+(?:por|con)\s+(?:unanimidad|mayoria)))\b"
    # The members as subject: "los regidores presentes aprobaron las justificaciones".
    # "Los integrantes del Comité aprobaron por unanimidad el informe", "los consejeros votaron
    # a favor del dictamen".
    r"|\b(?:los|las)\s+(?:regidor(?:es|as)|consejer[oa]s|integrantes|miembros|comisionad[oa]s|vocales|"
    r"ediles|municipes|asistentes)(?:\s+presentes|\s+del?\s+(?:la\s+)?[a-z]+(?:\s+[a-z]+){0,7}?)?"
    r"\s+(?:aprobaron|acordaron|autorizaron|aprueban|acuerdan|autorizan|"
    r"votaron\s+(?:a\s+favor|por\s+unanimidad))\b"
)
# "Se instruye a la Secretaría Técnica para que …", "Se revoca la clasificación", "Se modifica
# la respuesta": a transparency committee's verdicts, a body's instructions, when they open
# the sentence ("el artículo 24 se modifica" is a reform's text). (A pattern of its own,
# matched at the sentence's start: a branch anchored there made every search of the cue slow.)
_OPENING_CUE_RE = re.compile(r"\s*se\s+(?:instruye|instruyo|revoca|revoco|modifica|modifico)\b")
# "Puesta a discusión, sin ella, se aprobó…": the decision of what the sentence before proposed.
# So does one opened by the silence that answered the question before it: "… preguntó a los
# Consejeros si tenían alguna observación …. Al no haber ninguna observación, el Acta fue
# aprobada por unanimidad."
_ANAPHORIC_RE = re.compile(
    r"(?:puest|sometid)[oa]s?\s+(?:a|en)\s+(?:discusion|votacion|consideracion)\b"
    r"|(?:al\s+no\s+haber|no\s+habiendo|sin\s+haber(?:se)?)\s+(?:ningun[oa]?\s+|alguna?\s+)?"
    r"(?:observacion|comentario|objecion|intervencion|manifestacion)"
)
# A sentence that is only the verdict, with no subject: "FUE APROBADO POR UNANIMIDAD DE LOS
# PRESENTES.", "Se aprobó por unanimidad."
# ("Se aprobó por unanimidad de votos el acta de la sesión anterior." names what it approves:
# an article after the vote, unless it leads to who voted, opens a subject.)
_VERDICT_TAIL = (
    r"(?:(?!\b(?:el|la|los|las)\s+(?!presentes|asistentes|integrantes|miembros|votos|consejer|"
    r"regidor|comisionad|vocal|diputad|sindic|magistrad))[^.]){0,60}\.?$"
)
_BARE_VERDICT_RE = re.compile(
    r"(?:y\s+)?(?:fue|fueron|resulto|resultaron|quedo)\s+aprobad[oa]s?\s+(?:por|en)\s+"
    + _VERDICT_TAIL
    + r"|(?:y\s+)?se\s+aprob[oó]\s+(?:por|en)\s+"
    + _VERDICT_TAIL
)
_RELATIVE_BEFORE_RE = re.compile(
    r"(?:por\s+(?:el|la|los|las)\s+que|mediante\s+(?:el|la)\s+cual|en\s+(?:el|la)\s+que|(?:el|la|lo)\s+cual|"
    r"(?<!mism[oa]\s)(?<!mism[oa]s\s)\bque|\bcomo|\bsi|cuando|donde|una\s+vez\s+que)\s*$"
)
# --- Narrative agreements ---------------------------------------------------------------


def narrative_agreements(text: str, folded: str, start: int, end: int) -> list[Agreement]:
    """The decisions told in ``text[start:end]``, numbered "1", "2", … in order."""
    found = _told_decisions(text, folded, start, end)
    verdicts = _verdicts(text, start, end) + _spoken_verdicts(text, folded, start, end)
    kept = [
        agreement
        for agreement in found
        if not any(v.start <= agreement.anchor < v.start + len(v.text) + 40 for v in verdicts)
    ]
    agreements = sorted([*kept, *verdicts], key=lambda agreement: agreement.start)
    for index, agreement in enumerate(agreements, start=1):
        agreement.code = str(index)
        agreement.text = _POINT_LABEL_RE.sub("", _SPEAKER_LABEL_RE.sub("", agreement.text))
    return agreements


# "Presidenta: De acuerdo a la votación emitida se declara aprobado …", "EL SECRETARIO:
# Aprobado por unanimidad, …": who speaks, in a stenographic version, is no part of it.
_SPEAKER_LABEL_RE = re.compile(
    r"^(?:(?:EL|LA|El|La)\s+)?(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñÁÉÍÓÚÑ.]*\s+){0,3}[A-ZÁÉÍÓÚÑ][\wáéíóúñÁÉÍÓÚÑ.]*"
    r":\s+(?=[A-ZÁÉÍÓÚÑ¿])"
)
# "Segundo punto: Se aprobó el orden del día …", "PUNTO TRES.- El Comité aprobó …", "ACUERDO
# NÚMERO UNO.- Se aprueba …": the item's or the agreement's label heading the sentence is no
# part of what was agreed.
_POINT_LABEL_RE = re.compile(
    r"^(?:(?i:(?:(?:punto|acuerdo)\s+(?:n[uú]mero\s+)?[\wáéíóú°º]+|[a-záéíóú]+\s+(?:punto|acuerdo)|acuerdo)"
    r"(?:\s+del\s+orden\s+del\s+d[ií]a)?)\s*(?:\.-|[:.-])"
    # "3.1 Se aprueba …": a sub-item's number
    r"|\d{1,2}\.\d{1,2}\.?)\s*(?=[A-ZÁÉÍÓÚÑ¿«\"])"
)


# Proposals judged one by one: "1) Diálogos sobre Arte y Cultura. Aprobado cambiando el nombre…
# 3) A Pie de Página. No Aprobado. 4) Sonidos...Silencios... Música. Aprobado.": each title
# with its verdict is an agreement; one left "Pendiente de aprobar" is not.
# A gazette's summary numbers them "01.- Title. APROBADO POR UNANIMIDAD."; the title may hold
# a title's or an initial's stop before a name ("del R. Ayuntamiento", "al C. Lic. Fernando").
_VERDICT_ITEM_RE = re.compile(
    r"(?:(?<=\s)|^)\d{1,2}(?:\)|\.-|-)\s*(?P<title>(?:[^.\n]|\.{3}|…|\.(?=\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ])"
    r"|\n(?!\s*\d{1,2}(?:\)|\.-|-)))+?)\.\s+"
    r"(?P<verdict>(?i:(?:No\s+)?Aprobad[oa]s?)\b(?:[^.]|\.{3}|\.(?=\S))*)"
)


# A stenographic version records the count of a vote as the secretary's short answer:
# "Quienes estén a favor, sírvanse manifestarlo. Aprobado, Consejero Presidente."
_SPOKEN_VERDICT_RE = re.compile(
    r"(?:(?<=[.!?]\s)|^)(?P<verdict>(?:Aprobad[oa]s?|Se\s+aprueba)"
    r"(?:\s+por\s+(?:unanimidad|mayor[ií]a)[^.]{0,60})?(?:,\s*[A-ZÁÉÍÓÚ][^.,;:]{0,60})?)\."
)
_VOTE_CALL_RE = re.compile(
    r"\b(?:a\s+favor|sirvanse\s+manifestarlo|levantar\s+la\s+mano|votacion\s+economica)\b"
)
VOTE_CALL_CHARS = 300


def _spoken_verdicts(text: str, folded: str, start: int, end: int) -> list[Agreement]:
    found: list[Agreement] = []
    for match in _SPOKEN_VERDICT_RE.finditer(text, start, end):
        if not _VOTE_CALL_RE.search(
            folded, max(start, match.start() - VOTE_CALL_CHARS), match.start()
        ):
            continue
        vote = VOTE_RE.search(folded, match.start(), match.end())
        found.append(
            Agreement(
                code="",
                text=clean_title(match["verdict"]),
                vote=vote["vote"] if vote else None,
                start=match.start(),
                anchor=match.start(),
            )
        )
    return found


def _verdicts(text: str, start: int, end: int) -> list[Agreement]:
    found: list[Agreement] = []
    for match in _VERDICT_ITEM_RE.finditer(text, start, end):
        body = clean_title(f"{match['title']}. {match['verdict']}")
        found.append(
            Agreement(
                code="", text=body, vote=None, start=match.start("title"), anchor=match.start()
            )
        )
    return found


def _told_decisions(text: str, folded: str, start: int, end: int) -> list[Agreement]:
    agreements: list[Agreement] = []
    previous: tuple[int, int] | None = None
    run_start: int | None = None  # the first sentence of the paragraph since the last decision
    for sentence_start, sentence_end in sentences(text[start:end], start):
        sentence_folded = folded[sentence_start:sentence_end]
        cue = _CUE_RE.search(sentence_folded) or _OPENING_CUE_RE.match(sentence_folded)
        if not cue:
            same_paragraph = "\n" not in text[sentence_start:sentence_end].strip()
            previous = (sentence_start, sentence_end) if same_paragraph else None
            sentence = text[sentence_start:sentence_end]
            opens_paragraph = "\n" in sentence[: len(sentence) - len(sentence.lstrip())]
            if not same_paragraph:
                run_start = None
            elif run_start is None or opens_paragraph:
                run_start = sentence_start
            continue
        if _refers_elsewhere(sentence_folded, cue):
            cue = _next_unrelative_cue(sentence_folded, cue.end())
            if cue is None:
                continue
        if _told_of_another_session(sentence_folded, cue) or _VALIDATES_ALL_RE.search(
            sentence_folded
        ):
            continue
        anchor = sentence_start + cue.start()
        if _ANAPHORIC_RE.match(sentence_folded.lstrip()) and previous is not None:
            sentence_start = previous[0]  # the proposal the decision approves
        elif _BARE_VERDICT_RE.match(sentence_folded.lstrip()) and run_start is not None:
            # "LA PRESIDENTA INSTRUYÓ … SE DIO LECTURA. Y AL NO HABER MODIFICACIONES AL MISMO.
            # FUE APROBADO POR UNANIMIDAD DE LOS PRESENTES.": a verdict alone decides what the
            # paragraph before it told.
            sentence_start = run_start
        previous = run_start = None
        datelines = list(_DATELINE_RE.finditer(text, sentence_start, anchor))
        if datelines:
            sentence_start = datelines[-1].end()  # "Zacatecas, Zac., 14 de … de 2021.- En …"
        sentence_end = _before_list(text, anchor, sentence_end)
        body = clean_title(text[sentence_start:sentence_end])
        if len(body.split()) < 3:
            continue
        agreements.append(
            Agreement(
                code=str(len(agreements) + 1),
                text=body,
                vote=None,
                start=sentence_start,
                anchor=anchor,
            )
        )
    return agreements


# A news item's dateline, "Zacatecas, Zac., 14 de septiembre de 2021.- En sesión …": a year,
# then a stop and a dash, ends what stands before the decision (the headline and the place).
_DATELINE_RE = re.compile(r"\b(?:19|20)\d\d\s?\.\s?[-\u2013\u2014]\s*")


# "…se aprueba por unanimidad, desahogándose de la forma siguiente: - - -\nI. Como primer…",
# "…cinco aspectos que se aceptaron:\n• La importancia…": a colon that a list follows ends the
# decision, and a clause after the decision that only announces the list is not part of it.
_LIST_COLON_RE = re.compile(r":[\s-]*\n")
_ANNOUNCING_CLAUSE_RE = re.compile(
    r",\s*(?:[a-z]+(?:ando|iendo)(?:se|lo|la)?|conforme\s+a|de\s+(?:la|el)\s+(?:forma|modo|manera))"
    r"\b[^,]*$"
)


def _before_list(text: str, anchor: int, end: int) -> int:
    colon = _LIST_COLON_RE.search(text, anchor, end)
    if colon is None:
        return end
    announcing = _ANNOUNCING_CLAUSE_RE.search(fold(text[anchor : colon.start()]))
    return anchor + announcing.start() if announcing else colon.start()


def _refers_elsewhere(sentence: str, cue: re.Match[str]) -> bool:
    """A cue in a relative clause describes an older instrument ("el acuerdo …, por el
    que se autorizó…") unless a vote follows it ("…, la cual se aprobó por unanimidad").

    A bare "que" after what a member has just put forward ("para señalar cinco aspectos que se
    aceptaron") tells this session's decision; after an instrument's name it does not.
    """
    relative = _RELATIVE_BEFORE_RE.search(sentence[: cue.start()][-30:])
    if not relative:
        return False
    if relative.group(0).strip() == "que" and not _INSTRUMENT_BEFORE_RE.search(
        sentence[max(0, cue.start() - 60) : cue.start()]
    ):
        return bool(_PROPOSAL_BEFORE_RE.search(sentence[: cue.start()])) is False
    if _VERDICT_MANNER_RE.match(sentence, cue.end()):
        return False  # "…, la cual fue aprobada en todas sus partes": this session's verdict
    return not VOTE_RE.search(sentence, cue.start(), cue.end() + 50)


_VERDICT_MANNER_RE = re.compile(
    r"\s+(?:en\s+todas\s+sus\s+partes|en\s+sus\s+terminos|sin\s+(?:modificacion|observacion|cambio)\w*)"
)
_INSTRUMENT_BEFORE_RE = re.compile(
    r"\b(?:acuerdos?|decretos?|leyes|ley|reglamentos?|lineamientos?|convenios?|programas?|planes|"
    r"plan|calendarios?|metodologias?|actas?|oficios?|resoluciones|resolucion|dictamen(?:es)?|"
    r"normas?|criterios?|presupuestos?|politicas?|contratos?)\b"
)
# What a member put forward in this session: "para señalar cinco aspectos", "propuso dos
# cambios", "las observaciones".
_PROPOSAL_BEFORE_RE = re.compile(
    r"\b(?:senal[oa]r?|propus[oi]|propone[rn]?|plante[oó]|sugiri[oó]|expus[oi]|present[oó])\b"
    r"[^.;]{0,60}\b(?:aspectos?|propuestas?|cambios?|observaciones|puntos|modificaciones|"
    r"recomendaciones|sugerencias)\s+que\s*$"
)


# "…el acta de la sesión 6.07 se aprobó en la sesión 9.07 con 30 votos…", "en esa ocasión se
# aprobó el Plan…": a decision placed in another meeting is history, not this session's.
_OTHER_MEETING_AFTER_RE = re.compile(
    r"^[^.;]{0,30}?\ben\s+(?:la|su|aquella|esa)\s+(?:sesion|reunion)\s+"
    r"(?:\d|anterior|pasada|previa|(?:numero|no\.?)\s|del\s+\d|de\s+fecha|celebrada\s+el)"
)
_OTHER_MEETING_BEFORE_RE = re.compile(
    r"\b(?:en\s+(?:esa|aquella)\s+(?:ocasion|sesion|reunion|fecha)|en\s+su\s+momento|"
    r"en\s+(?:la|su)\s+(?:sesion|reunion)\s+(?:anterior|pasada|previa|\d[\d.]*))\b[^.;]{0,40}$"
)


# The closing formula "declarar válidos los acuerdos aquí tomados por unanimidad o mayoría"
# decides nothing of its own.
_VALIDATES_ALL_RE = re.compile(r"\bvalid[oa]s?\s+(?:todos\s+)?los\s+acuerdos\b")


def _told_of_another_session(sentence: str, cue: re.Match[str]) -> bool:
    return bool(
        _OTHER_MEETING_AFTER_RE.search(sentence[cue.end() : cue.end() + 80])
        or _OTHER_MEETING_BEFORE_RE.search(sentence[max(0, cue.start() - 80) : cue.start()])
    )


def _next_unrelative_cue(sentence: str, position: int) -> re.Match[str] | None:
    for cue in _CUE_RE.finditer(sentence, position):
        if not _refers_elsewhere(sentence, cue):
            return cue
    return None
