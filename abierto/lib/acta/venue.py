"""Whether a session was held in person, online or both, and where.

After "en el", "salen" is the OCR of "Salón" (the verb cannot stand there), so it counts.

Read from the opening only: "reunidos en la Sala de Cabildos", "de manera
virtual, a través de la plataforma Zoom", "en el Auditorio … y a través de Google
Meet". The place is the venue or platform as written; when the opening names
neither, the city of its first sentence ("En la ciudad de Oaxaca de Juárez,
Oaxaca; siendo…").
"""

import re

from .text import clean_title, fold
from .venue_cut import ADDRESS_RE, cut_place, label_value_end

_HYBRID_RE = re.compile(r"\b(?:hibrid[oa]|mixt[oa]|semipresencial)\b")
_VIRTUAL_RE = re.compile(
    r"\b(?:virtual(?:es)?|videoconferencias?|video\s?llamadas?|a\s+distancia|remot[oa]s?|"
    r"zoom|google\s+meet|meet|microsoft\s+teams|teams|webex|en\s+linea|virtualmente|"
    # "con cuatro diputados de manera presencial y 8 de modo telemático"
    r"telematic[oa]s?|telematicamente|"
    # "sesionó por medios electrónicos"
    r"(?:por|a\s+traves\s+de|mediante)\s+medios\s+(?:electronicos|remotos|digitales))\b"
)
# "en la zona C de Los Cristales del edificio E PB del Palacio Legislativo": a part of a building
# that no venue word names.
_ROOM_OF_BUILDING = (
    r"\ben\s+(?:la|el|los|las)\s+(?P<room>(?!ciudad\b|sesion\b|reunion\b)[a-z0-9][^,;.\n]{1,60}?"
    r"\s+del?\s+(?:edificio|palacio|recinto)\b)"
)
# "en el Teatro de la Ciudad", "en el Hotel Fiesta Inn, salón Jade", "en el Centro de
# Convenciones": buildings open to the public where sessions are held.
_PUBLIC_BUILDINGS = (
    r"teatro|hotel|museo|gimnasio|centro\s+(?:de\s+convenciones|cultural|universitario|"
    r"comunitario|civico|social|de\s+(?:estudios|desarrollo|capacitacion|salud))"
)
_IN_PERSON_RE = re.compile(
    r"\bpresencial(?:es|mente)?\b|"
    r"\b(?:reunid[oa]s|se\s+reunieron|constituid[oa]s|congregad[oa]s)\s+en\s+(?:(?:la|el|las|los)\s+"
    r"(?!sala\s+virtual|plataforma)|(?=calle\b|avenida\b|av\.|boulevard\b|blvd\.?\s))|"
    r"\ben\s+(?:la|el|las|los|su|sus)\s+(?:sala|sal[oe]n|auditorio|recinto|oficina|edificio|instalaciones|"
    r"biblioteca|explanada|patio|aula|" + _PUBLIC_BUILDINGS + r")"
    r"(?:s|es)?\b(?!\s+virtual)|"
    # "en el área de público del salón de sesiones", "en el área de juntas"
    r"\ben\s+el\s+area\s+de\s+(?:publico|juntas|reuniones|sesiones)\b|"
    # "se les suplica pasen a tomar posesión de sus puestos": called to their seats in the room
    r"\bpas(?:en|an|aron|e)\s+a\s+(?:tomar\s+posesion\s+de|ocupar)\s+sus\s+(?:puestos|lugares|asientos|curules)\b|"
    # "en la Sede del Instituto…, se reunió el Pleno"; "38 DIPUTADAS Y DIPUTADOS EN EL PLENO"
    r"\ben\s+la\s+sede\s+de(?:l|\s+la)?\b|"
    r"\b(?:diputad[oa]s|legisladore?s|legisladoras)\s+(?:presentes\s+)?en\s+el\s+(?:pleno|recinto)\b|"
    + _ROOM_OF_BUILDING
)
# Weaker: people recorded as present, with no word of a platform, met in person.
_PRESENT_RE = re.compile(
    # (the opening's gerund; "se encuentran presentes" in a roll call's answer says nothing)
    r"\b(?:encontrandose|estando|hallandose)\s+presentes\b"
    # "…pasa lista de asistencia y con la presencia de 30 miembros se da inicio": counted present
    # (not "se reunieron los integrantes" alone, which does not say where or how).
    r"|\bcon\s+la\s+presencia\s+de\s+(?:\d+|[a-z]+)\s+(?:miembros|integrantes|consejer[oa]s)\b"
)
# "Licenciatura en Comercio Internacional en modalidad a distancia": a study programme's mode.
_PROGRAMME_RE = re.compile(
    r"\b(?:licenciatura|carrera|programa|educacion|estudios|maestria|doctorado|posgrado|curso|"
    r"diplomado|bachillerato)\b[^.;]{0,60}$"
)
# A header of fields with no prepositions: "Sesión Núm. 182 Sala de Ex Rectores, 11:00 horas".
# The room stands right before the hour.
_HEADER_VENUE_RE = re.compile(
    r"\b(?P<place>(?:sala|salon|auditorio|aula|recinto)\s[^,;\n]{2,80}?),\s*"
    r"\d{1,2}[:.]\d{2}\s*(?:h\b|hrs?\b|horas\b)"
)


_MANNER_VIRTUAL_RE = re.compile(
    r"\b(?:de\s+(?:manera|forma)|en\s+(?:la\s+)?modalidad|bajo\s+la\s+modalidad)\s+"
    r"(?:virtual|remota|a\s+distancia|en\s+linea)\b"
)
_PRESENCIAL_WORD_RE = re.compile(r"\bpresencial")
_VENUE_WORD_RE = re.compile(
    r"\b(?:sala|salon|auditorio|oficina|instalaciones|palacio|recinto|edificio|domicilio|casa|"
    r"universidad|facultad|escuela|"
    r"centro\s+de\s+trabajo|espacio\s+de\s+trabajo)(?:s|es)?\b"
    r"(?!\s+virtual)"
)
# A form's label left empty: "Personas que asisten vía remota" followed by the next label
# ("Lugar", "Hora"…) says nobody attended remotely, not that someone did.
_EMPTY_REMOTE_LABEL_RE = re.compile(
    r"(?:personas\s+que\s+)?asisten\s+(?:via\s+|de\s+manera\s+|en\s+forma\s+)?remot[oa]s?"
    r"\s*[:|]?\s*(?=\n\s*(?:lugar|hora|fecha|sede|domicilio)\b)"
)


def read_modality(opening: str) -> str | None:
    """ "presencial", "virtual", "híbrida" or None, from the folded opening."""
    opening = _EMPTY_REMOTE_LABEL_RE.sub(" ", opening)
    if _HYBRID_RE.search(opening):
        return "híbrida"
    virtual = next(
        (
            match
            for match in _VIRTUAL_RE.finditer(opening)
            if not _PROGRAMME_RE.search(opening, max(0, match.start() - 80), match.start())
        ),
        None,
    )
    in_person = _IN_PERSON_RE.search(opening) or _HEADER_VENUE_RE.search(opening)
    if virtual and in_person:
        # "En el Auditorio sede del Consejo…, se da por iniciada de manera virtual la Sesión":
        # the manner stated for the session beats the room it is nominally held in.
        if _MANNER_VIRTUAL_RE.search(opening) and not _PRESENCIAL_WORD_RE.search(opening):
            return "virtual"
        return "híbrida"
    if virtual:
        return "virtual"
    if in_person or _PRESENT_RE.search(opening):
        return "presencial"
    return None


_VENUE_RE = re.compile(
    # "en su Sala de Sesiones, ubicada en…": the body's own room.
    r"(?:\b(?:en|desde)\s+(?:(?:la|el|las|los|su|sus)\s+|(?=instalaciones\s+de))|\(\s*)(?P<place>(?:salas?|sal[oe]n(?:es)?|auditorios?|oficinas?|"
    r"instalaciones|aulas?|palacio|recinto|casa|edificio|biblioteca|explanada|vestibulo|domicilio|sede|"
    r"patio|jardin|plataforma|universidad|facultad|escuela|" + _PUBLIC_BUILDINGS + r"|"
    r"modalidad\s+virtual|area(?=\s+de\s+(?:publico|juntas|reuniones|sesiones)))\b)"
    # "la presencia en la sala con quienes…": a room that no name or qualifier follows is no venue
    # (nor, here, "el recinto que ocupa …": the room named after it is).
    r"(?!\s+(?:con|que|y|donde|en|a|para|por|se|sin|como)\b)"
    r"|\b(?:(?:a\s+traves|por\s+medio|mediante\s+el\s+uso)\s+de|mediante)\s+(?:la|el)\s+"
    r"(?P<platform>plataforma\b|aplicacion\b)"
    # "Reunidos en calle matamoros No. 204 en la cuidad de Catemaco …": a street, no building.
    r"|\b(?:reunid[oa]s|se\s+reunieron|constituid[oa]s|congregad[oa]s)\s+en\s+"
    r"(?P<street>(?:calle|avenida|av\.|boulevard|blvd\.?)\s)|" + _ROOM_OF_BUILDING
)
# "Lugar: …", "Sede | …", "Lugar Sala 3" (a form's cell); not a line of prose that wraps to start
# with "Recinto Oficial del Poder Legislativo, el día …".
_PLACE_LABEL_RE = re.compile(
    r"(?:^|\n)\s*(?:lugar\s*[:|]?\s+|(?:sede|recinto)\s*[:|]\s*)(?P<place>[^\n]+)"
)
# "reunidos en el Comité Ejecutivo Estatal del Partido …, ubicado en República de Belice …":
# whatever the session met in is a venue when its address follows.
_MET_AT_SITED_RE = re.compile(
    r"\b(?:reunid|constituid|congregad)[oa]s\s+en\s+(?:el|la|los|las)\s+(?P<place>[^;]{3,160}?),"
    r"\s*(?:ubicad[oa]|situad[oa]|sit[oa])\s+en\b"
)
# "En la ciudad de Oaxaca de Juárez", "En la Heroica Puebla de Zaragoza" (a city's title is
# part of its name), "En el Municipio de Toluca de Lerdo, Estado de México" (the seat named by
# its municipality)
_CITY_RE = re.compile(
    r"\ben\s+(?:la\s+)?(?:ciudad\s+(?:de\s+)?(?P<place>[^,;.]+)|(?P<titled>heroica\s+[^,;.]+))"
    r"|(?:(?<![^\n])|(?<=\.\s))en\s+el\s+municipio\s+de\s+(?P<municipality>[^,;.]+)"
)
# "En Pachuca, Hidalgo, siendo las 10:00 horas…", "En San Luis Potosí, a los 5 días…": the city
# named with no "ciudad de", opening the acta's first sentence before its date or hour.
_BARE_CITY_RE = re.compile(
    r"(?:(?<![^\n])|(?<=\.\s))[ \t]*En\s+"
    r"(?!(?:Sesi|Reuni|Cumplimiento|Atenci|Virtud|T[ée]rminos|Relaci|Uso|Ejercicio|Seguimiento|"
    r"Continuaci|Desahogo|Punto|Acto|Asuntos|Fecha|Consecuencia|Cabildo|Junta|Asamblea)\w*)"
    r"(?P<place>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+"
    r"(?:[ ](?:de(?:[ ]la|[ ]los)?[ ])?[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+){0,4})"
    r"(?=\s*,\s*(?:[A-ZÁÉÍÓÚÑ][\w.]*(?:[ ][A-ZÁÉÍÓÚÑ][\w.]*){0,2}\s*,\s*)?"
    r"(?:siendo|a\s+las|a\s+los|el\s+d[ií]a|a\s+\d|del?\s+d[ií]a))"
)
# "EN LA CIUDAD DE MONTERREY, CAPITAL DEL ESTADO DE NUEVO LEÓN, SIENDO…": the state in apposition.
_CAPITAL_OF_RE = re.compile(
    r",\s*(?P<region>(?i:capital\s+del\s+estado\s+\"?de)\s+[A-ZÁÉÍÓÚÑ][^,;.\n]{2,40}?)\s*(?=[;,.])"
)
_REGION_RE = re.compile(r",\s*(?P<region>[A-ZÁÉÍÓÚ][\w ]{2,40}?)\s*(?=[;,.])")


def labelled_modality(folded: str, opening_end: int) -> str | None:
    """The modality that a "Lugar:" label of the header says by itself, if it says one.

    A form-like header ("Fecha / Asistentes / Lugar / Hora") states where this session met;
    words further down the opening (the next meeting's venue, "entrevistas en modalidad
    híbrida" in a calendar) do not override it.
    """
    label = _PLACE_LABEL_RE.search(folded, 0, opening_end)
    if label is None:
        return None
    place = label["place"]
    if _HYBRID_RE.search(place):
        return "híbrida"
    if _VIRTUAL_RE.search(place):
        return "virtual"
    if _VENUE_WORD_RE.search(place) or ADDRESS_RE.search(place):
        return "presencial"
    return None


def read_place(text: str, folded: str, opening_end: int) -> str | None:
    """The venue, platform or city where the session was held, as written."""
    label = _PLACE_LABEL_RE.search(folded, 0, opening_end)
    if label:
        value = text[label.start("place") : label.end("place")].split("|")[0]
        return clean_title(value[: label_value_end(value)]) or None
    building = _BUILDING_THEN_ROOM_RE.search(folded, 0, opening_end)
    if building:
        return clean_title(text[building.start("place") : building.end("place")]) or None
    occupied = _OCCUPIED_RE.search(folded, 0, opening_end)
    if occupied:
        return cut_place(text, folded, occupied.end())
    sited = _MET_AT_SITED_RE.search(folded, 0, opening_end)
    if sited:
        return cut_place(text, folded, sited.start("place"))
    for match in _VENUE_RE.finditer(folded, 0, opening_end):
        group = next(name for name in ("place", "platform", "street", "room") if match[name])
        return cut_place(text, folded, match.start(group))
    premises = _PREMISES_OF_RE.search(folded, 0, opening_end)
    if premises:  # (a room named in them, "…, en el Salón Auditorio", is the place)
        return cut_place(text, folded, premises.start("place"))
    header = _HEADER_VENUE_RE.search(folded, 0, opening_end)
    if header and "virtual" not in header["place"]:
        return clean_title(text[header.start("place") : header.end("place")]) or None
    room = _ROOM_APPOSITION_RE.search(text, 0, opening_end)
    if room:
        return clean_title(room["place"]) or None
    city = _CITY_RE.search(folded, 0, opening_end) or _BARE_CITY_RE.search(text, 0, opening_end)
    if city:
        group = next(name for name in ("place", "titled", "municipality") if city[name])
        raw = text[city.start(group) : city.end(group)]
        raw = re.split(r"\s+(?:siendo|a\s+las|el\s+d[ií]a)\b", raw)[0]
        region = _CAPITAL_OF_RE.match(text, city.end(group)) or _REGION_RE.match(
            text, city.end(group)
        )
        if region and (
            region.re is _CAPITAL_OF_RE
            or (
                len(region["region"].split()) <= 4
                and not _STOP_AFTER_CITY_RE.match(region["region"])
            )
        ):
            raw = f"{raw}, {region['region']}"
        return clean_title(raw) or None
    dateline = (
        _DATELINE_RE.match(text)
        or _DAYS_DATELINE_RE.search(text, 0, opening_end or 600)
        or _NEWS_DATELINE_RE.search(text, 0, opening_end or 600)
    )
    if dateline:
        return clean_title(dateline["place"]) or None
    return None


# "Xalapa, Ver.- En asamblea, se constituyó …": a record's dateline, the state abbreviated.
_NEWS_DATELINE_RE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ ]{2,30},"
    r"[ \t]*[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{1,6}\.)[ \t]*[-\u2013\u2014][ \t]*(?=[A-ZÁÉÍÓÚÑ])"
)
_MONTH_NAMES = (
    r"(?i:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre)"
)
# "Saltillo, Coahuila a los 11 días del mes de febrero de 2022" on a line of its own, under the
# title: where the acta was written, the session's city when it names no venue.
_DAYS_DATELINE_RE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ. ]{2,40}"
    r"(?:,[ \t]*[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ. ]{2,40})?),?[ \t]+a[ \t]+(?:los[ \t]+)?\d{1,2}"
    # ("Ciudad de México, a 20 de julio de 2022.")
    r"[ \t]+(?:d[ií]as?[ \t]+del[ \t]+mes[ \t]+de\b|de[ \t]+" + _MONTH_NAMES + r"\b)"
)


# "MÉXICO, D. F., MARTES 13 DE SEPTIEMBRE DE 1949", "México, D.F., 7 de agosto de 2014.": a
# dateline heading the document names the city where no venue is written.
_DATELINE_RE = re.compile(
    # "DIARIO DE DEBATES TOLUCA, MÉXICO, NOVIEMBRE 26 DE 2015": the journal's name first, the
    # state after the city, the month before the day
    r"\s*(?:(?i:diario\s+de\s+(?:los\s+)?debates)\s+)?"
    r"(?P<place>[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ. ]{2,40}?"
    r"(?:,\s*[A-Z]\.\s*[A-Z]\.|,\s*[A-ZÁÉÍÓÚÑ]{4,20}(?=,\s+" + _MONTH_NAMES + r"\s+\d)"
    # "San Luis Potosí, San Luis Potosí, 21 veintiuno de agosto de 2017": the state in full
    r"|,\s*[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ ]{2,30}(?=,\s+\d{1,2}\s))?),\s+"
    r"(?:(?i:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo),?\s+)?"
    r"(?:\d{1,2}\s+(?:[a-z]+\s+)?(?i:de)\s+"
    + _MONTH_NAMES
    + r"\b|"
    + _MONTH_NAMES
    + r"\s+\d{1,2}\s+(?i:de)\s+\d{4})"
)


# "EN EL EDIFICIO QUE OCUPA EL PALACIO MUNICIPAL DE TONALÁ, JALISCO, UBICADO EN LA CALLE HIDALGO
# N0. 21; EN EL SALÓN DE SESIONES, SE REUNIERON …": the building, its address and the room in it
# are one place, from the building to the room.
_BUILDING_THEN_ROOM_RE = re.compile(
    r"\ben\s+(?:el|la)\s+(?P<place>(?:edificio|inmueble)\s+que\s+ocupa\s+(?:[^;.]|\.(?=\s*\d)){0,220}?[;,]\s*"
    r"en\s+(?:el|la)\s+(?:sal[oe]n|sala|auditorio|recinto)\b[^,;\n]{0,80})"
)
# "reunidos en las instalaciones que ocupa el salón de Cabildos Municipal": the room is the place.
_OCCUPIED_RE = re.compile(
    r"\ben\s+(?:las\s+)?instalaciones\s+que\s+ocupan?\s+(?:el|la|los|las)\s+"
    r"(?=(?:sala|sal[oe]n|auditorio|recinto|palacio|edificio|aula)\b)"
)
# "en las oficinas que ocupa la Unidad de Transparencia, sita en …": the premises of an office,
# named by who occupies them, when no room is named after them.
_PREMISES_OF_RE = re.compile(
    # (also "en el lugar que ocupa la Presidencia Municipal", "en el local que ocupa …")
    r"\ben\s+(?:las|los|sus|el)\s+(?P<place>(?:oficinas|instalaciones|lugar|local|inmueble)\s+"
    r"que\s+ocupan?\s+(?:el|la|los|las)\s+(?!(?:sala|salon|auditorio|recinto|palacio|edificio|aula)\b))"
)
# "en el recinto que ocupa la sede del H. Ayuntamiento, Sala de Cabildo denominada "Don Pablo
# García y Montilla", los ciudadanos …": a room named in apposition, by its capitalised name.
_ROOM_APPOSITION_RE = re.compile(
    r"[,;]\s*(?P<place>(?:Sala|Sal[oó]n|Auditorio|Aula)\s+(?:de\s+|del\s+)?[A-ZÁÉÍÓÚÑ][^,;.\n\"]{0,60}"
    r"(?:\"[^\"\n]{2,60}\")?)(?=\s*[,;.\n])"
)
_STOP_AFTER_CITY_RE = re.compile(r"(?:siendo|a las|el d[ií]a|Capital)\b", re.IGNORECASE)


def is_venue(place: str) -> bool:
    """Whether ``place`` names a room or building (so the session was in person)."""
    return bool(_VENUE_WORD_RE.search(fold(place)))


def place_has_address(folded: str, opening_end: int) -> bool:
    """Whether the "Lugar" label of the opening gives a street address."""
    label = _PLACE_LABEL_RE.search(folded, 0, opening_end)
    if label is None:
        return False
    block_end = min(opening_end, label.start("place") + 300)
    following = re.search(
        r"\n\s*(?:hora|fecha|asistentes|convocatoria)\b", folded[label.start("place") : block_end]
    )
    if following:
        block_end = label.start("place") + following.start()
    return bool(ADDRESS_RE.search(folded, label.start("place"), block_end))
