"""Where a prose attendance list may start: the cues of issue 13's genre ("estando presentes",
"con la asistencia de", "se reunieron", "integrado por", "Asistencia" over labelled lines…).

``prose_cues`` finds them in one pass that tries the cue's many branches only where one of
their first words stands. Split from ``attendance``, which reads the list after each cue.
"""

import re

from .group_labels import LINE_LABEL_SPLIT
from .text import matches_at_starts

_PROSE_CUE_RE = re.compile(
    r"\b(?:(?:estando|estan|encontrandose|se\s+encuentran?|se\s+encontraban|se\s+encontraron|"
    r"estuvieron|hallandose|se\s+hallaban|se\s+hallaron)"
    r"\s+(?:tambien\s+)?presentes?\b"
    r"|(?:contando\s+)?con\s+la\s+(?:asistencia|presencia|participacion)\s+de(?:l|\s+la|\s+los|\s+las)?\b"
    # "…, ante la fe del Secretario del Ayuntamiento, Lic. Name": who attests the session
    r"|\bante\s+la\s+fe\s+de(?:l|\s+la)?\b"
    # "Se encuentran conectados a través de la plataforma digital zoom:": attending remotely.
    r"|\b(?:se\s+encuentran|estan|estuvieron|se\s+encontraban)\s+conectad[oa]s\b"
    # "Asistencia\nPresidencia: Name.\nSecretaría: Name, Name, …": a heading over labelled lines.
    r"|(?<![^\n])(?:lista\s+de\s+)?(?:asistencia|asistentes)[ \t]*:?[ \t]*(?="
    + LINE_LABEL_SPLIT
    + ")"
    # "De conformidad con la convocatoria, se encuentran las y los siguientes\nDiputados: …"
    r"|\b(?:se\s+encuentran|se\s+encontraban|estuvieron)\s+(?:l[ao]s\s+(?:y\s+l[ao]s\s+)?)?(?=siguientes\b)"
    r"|\basistencia\s+de(?:l|\s+la|\s+los|\s+las)?\b"
    r"|\b(?:asisten|asistieron|asistio|concurren|concurrieron|acuden|acudieron|comparecen|comparecieron)\b(?:\s+(?:a\s+la\s+presente\s+(?:reunion|sesion)|"
    r"como\s+invitad[oa]s?(?:\s+especial(?:es)?)?|en\s+calidad\s+de\s+invitad[oa]s?))?"
    r"|\b(?:reunid[oa]s|se\s+reunieron|se\s+reunen|congregad[oa]s)\b"
    r"|\bbajo\s+la\s+(?:presidencia|moderacion|conduccion|coordinacion)\s+de(?:l|\s+la)?\b"
    # "…se celebra la Sesión Ordinaria, presidida por el C. Presidente Municipal, Name, con …",
    # "encabezada por", "conducida por", "moderada por"
    r"|\b(?:presidid|encabezad|conducid|moderad)[oa]\s+por(?:\s+(?:el|la))?\b"
    # "Preside esta sesión Name, Office; Name, Office; … y Name, Office.": the presidium, when
    # semicolons run on after it (one chair alone is read as the officer who presides).
    r"|\bpresid(?:e|en|io|ieron)\s+(?:esta|la)\s+(?:sesion|reunion|asamblea)\b"
    r"(?=[^;]{0,300};(?:[^;]{1,200};){2})"
    # "…, en el que fungen como consejeros el presidente municipal Name; la síndica Name, …"
    r"|\bfung(?:en|ieron|ian)\s+como\s+(?:consejer|integrante|miembro|vocal)[a-z]*\b"
    # "Como representantes sociales comunitarios: Name, …", "En calidad de asesores, el …" at
    # a line's start: a group's heading.
    r"|(?<![^\n])(?:como|en\s+calidad\s+de)\s+(?:[a-z]+\s+){0,3}[a-z]+s\s*[:,]"
    # "Los presentes fueron: Name (Office), Name (Office), …"
    r"|\b(?:los|las)\s+(?:presentes|asistentes)\s+(?:fueron|son|eran)\b"
    # "…a través de una videoconferencia participaron Name Office, la Comisionada Name, …"
    # "…se procedió a nombrar la mesa de debates, quedando integrada de la siguiente manera:
    # Presidente: C. Name / Secretario: C. Name / Escrutadores: C. Name y C. Name"
    r"|\b(?:quedando|quedo|queda)\s+integrad[oa]\s+(?:de\s+la\s+siguiente\s+(?:manera|forma)|como\s+sigue)\b"
    # "Participaron en la sesión la presidenta del Comité, Mtra. …; el Dr. …": a communiqué's.
    r"|\b(?:participaron|participan)\s+en\s+(?:la|esta|dicha)\s+(?:sesion|reunion)\b"
    r"|\b(?:participaron|participan)\b(?!\s+(?:en|con|de|activamente|mas|menos|un|una|el|la|los|las)\b)"
    # "corroborándose la presencia también de la Comisionada…", "integrado por: …"
    r"|\bpresencia\s+(?:tambien\s+)?de(?:l|\s+la|\s+los|\s+las)?\b|\bintegrad[oa]s?\s+por\b"
    # "…registrándose la asistencia de (16) integrantes, encontrándose Name, Presidente
    # Municipal, …": the gerund alone opens the roll.
    r"|\bencontrandose\b(?!\s+(?:en|ausentes?|reunid|conectad|debidamente|integrad)\b)"
    # "…a que fueron convocados por el Presidente Municipal ING. NAME, Presidente Municipal;
    # LIC. NAME, Síndico Procurador; NAME; …": a list, not only who convened, when semicolons
    # run on after it.
    r"|\bconvocad[oa]s\s+por\b(?=[^;]{0,300};(?:[^;]{1,160};){2})"
    # "PROCEDO AL PASE DE LISTA, CIUDADANA LICENCIADA NAME, PRESIDENTA MUNICIPAL …, REGIDORES:
    # NAME, …": the secretary reading the roll aloud, names and offices, as the minutes say.
    r"|\bproced(?:o|e|io|iendo)\s+al?\s+(?:pasar\s+lista|pase\s+de\s+lista)\s*[,:]"
    # "…, el Consejero Presidente doctor …, y los Consejeros:\nlicenciado Mario …, doctor …":
    # a group's heading and its colon open a list of its own (the heading read with it).
    r"|(?=\b(?:los|las)\s+(?:ciudadan[oa]s\s+)?(?:consejer|comisionad|regidor|sindic|vocal|magistrad|integrante)[a-z]*s"
    r"(?:\s+[a-z]+){0,3}\s*:)"
    # "…, los diputados Name (Presidente), Name, …, Name integrantes de la Comisión … se
    # reunieron para …": the group's noun opens the list when the verb of meeting follows it
    # (read in the opening only: ``SUBJECT_LIST``).
    r"|(?P<subject_list>(?<=,\s)(?:los|las)\s+(?:ciudadan[oa]s\s+)?(?:diputad|senador|consejer|comisionad|regidor|"
    r"sindic|vocal|magistrad|integrante)[a-z]*s\s+"
    r"(?=[^;\n]{0,800}?\b(?:se\s+reunieron|se\s+reunen|se\s+congregaron|se\s+dieron\s+cita)\b)))"
)
# The name of the branch above, whose cue counts only in the acta's opening sentence.
SUBJECT_LIST = "subject_list"
# The words each cue can start with: the cue's many branches are tried only where one stands
# (the engine cannot skip ahead through branches that each open with a word boundary, and a
# cue tried at every word of a long acta cost a fifth of its parse). Zero-width, so that no
# start inside another is skipped.
_CUE_START_RE = re.compile(
    r"\b(?=est(?:an|uvieron)|encontrandose|hallandose|contando\s|con\s+la\s|asist|concurr|acud|lista"
    r"|comparec|qued|reunid|se\s+(?:encontr|encuentr|reun|hall)|congregad|bajo\s|presencia|integrad|convocad"
    r"|presid(?:e|en|io|ieron)\s+(?:esta|la)\s|presidid|encabezad|conducid|moderad"
    r"|particip"
    r"|fung|proced|ante\s+la\s+fe|(?<![^\n])(?:como|en\s+calidad)\s"
    r"|l[ao]s\s+(?:ciudadan|consejer|comisionad|regidor|sindic|vocal|magistrad|integrante|presentes|diputad|senador|"
    r"asistentes))"
)


def prose_cues(folded: str, start: int, end: int) -> list[re.Match[str]]:
    """The matches of ``_PROSE_CUE_RE`` in ``folded[start:end]``, without overlaps."""
    return matches_at_starts(_CUE_START_RE, _PROSE_CUE_RE, folded, start, end)
