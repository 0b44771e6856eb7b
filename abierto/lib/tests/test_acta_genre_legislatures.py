"""Patterns of the genre from issue 13's heldM round (state legislatures' minutes): a roll call
read by surnames that names again the officers of the header, "Presente, suplente del Diputado
…", the presiding deputy named by the transcript's "EL DIP. PRESIDENTE.-", an agenda announced
with bullets, a Diario de Debates' dateline.

Each test is a short synthetic snippet in the words actas use (invented names), never a corpus
file.
"""

from hypothesis import given
from hypothesis import strategies as st

from abierto.lib.acta import parse_acta_text
from abierto.lib.acta.people import Person, unique
from abierto.lib.tests.test_acta_genre import _people

_PERMANENT_COMMITTEE = (
    "PRIMER SECRETARIO:DIP. PROFR. JUAN CARLOS LUNA ARREOLA.\n"
    "SEGUNDO SECRETARIO: DIP. PROFR. RAÚL PEÑA ROJO.\n"
    "A C T A de la Sesión de la Comisión Permanente de la H. Sexagésima Legislatura del Estado, "
    "celebrada el día 24 de enero del 2012, a las 11 horas con 49 minutos.\n"
    "PRESIDENCIA DEL C. DIP. ARQ. MARIO ALBERTO SOSA VEGA.\n"
    "EL DIP. PRESIDENTE.- Solicito al Primer Secretario, se sirva pasar Lista de Asistencia.\n"
    "LISTA DE ASISTENCIA\n"
    "EL DIP. PRIMER SECRETARIO.- Pasa Lista de Asistencia de los Ciudadanos Diputados:\n"
    "SOSA VEGA MARIO ALBERTO.- Presente.\n"
    "LUNA ARREOLA JUAN CARLOS.- Presente.\n"
    "PEÑA ROJO RAÚL.- Presente.\n"
    "RÍOS MENA GEORGINA.- Presente.\n"
    "SALAS CRUZ FELIPE.-\n"
    "EL DIP. ORTA MIRELES.- Presente, suplente del Diputado Felipe Salas Cruz.\n"
    "EL DIP. PRIMER SECRETARIO.-Continúa pasando Lista de Asistencia de los Ciudadanos "
    "Diputados:\n"
    "LARA RUIZ ROBERTO.- Presente.\n"
    "EL DIP. PRIMER SECRETARIO.- Le informo, Diputado Presidente, que hay Quórum Legal.\n"
)


def test_a_roll_call_by_surnames_merges_with_the_officers_named_before():
    assert sorted(_people(_PERMANENT_COMMITTEE)) == sorted(
        [
            ("JUAN CARLOS LUNA ARREOLA", "PRIMER SECRETARIO"),
            ("RAÚL PEÑA ROJO", "SEGUNDO SECRETARIO"),
            ("MARIO ALBERTO SOSA VEGA", "Presidente"),
            ("RÍOS MENA GEORGINA", "Diputado"),
            ("ORTA MIRELES", "suplente del Diputado Felipe Salas Cruz"),
            ("LARA RUIZ ROBERTO", "Diputado"),
        ]
    )


def test_a_bulleted_agenda_is_numbered_from_one():
    result = parse_acta_text(
        "A C T A de la Sesión de la Comisión Permanente, celebrada el día 27 de Enero del 2005.\n"
        "EL DIP. PRESIDENTE.- Habiendo Quórum Legal, da inicio esta Sesión. A consideración de "
        "esta Honorable Asamblea, el siguiente Orden del Día:\n"
        "•  Lista de Asistencia.\n"
        "•  Lectura de una Síntesis del Acta de la Sesión anterior.\n"
        "•  Lectura de Correspondencia, y;\n"
        "•  Asuntos Generales.\n"
        "A consideración de los Ciudadanos Diputados, el Orden del Día leído.\n"
    )
    assert [(item["number"], item["title"]) for item in result["agenda"]] == [
        (1, "Lista de Asistencia"),
        (2, "Lectura de una Síntesis del Acta de la Sesión anterior"),
        (3, "Lectura de Correspondencia"),
        (4, "Asuntos Generales"),
    ]


def test_a_diario_de_debates_dateline_gives_the_city_and_its_state():
    result = parse_acta_text(
        "DIARIO DE DEBATES TOLUCA, MÉXICO, NOVIEMBRE 26 DE 2015 TOMO II SESIÓN No. 17 SESIÓN "
        "DELIBERANTE DE LA LEGISLATURA DEL ESTADO DE MÉXICO CELEBRADA EL DÍA 26 DE NOVIEMBRE DE "
        "2015.\n"
    )
    assert result["session"]["place"] == "TOLUCA, MÉXICO"
    assert result["session"]["date"] == "2015-11-26"


@given(
    st.permutations(["Mario", "Alberto", "Sosa", "Vega"]),
    st.sampled_from([None, "Diputado"]),
)
def test_a_name_read_in_another_order_is_the_same_person(order, role):
    people = unique(
        [Person("SOSA VEGA MARIO ALBERTO", role, group_role=True), Person(" ".join(order), None)]
    )
    assert len(people) == 1


def test_a_committee_s_heading_with_the_legislature_s_year_and_its_officers_titles():
    """issue 13's heldAK round: "SEGUNDO AÑO DE EJERCICIO CONSTITUCIONAL" after a committee's
    name is the legislature's year; "Diputado Presidente", "la Diputada Secretaria" before a
    name give the office held in the body, the legislator's title apart."""
    result = parse_acta_text(
        "MINUTA NÚMERO 13 SEXAGÉSIMA TERCERA LEGISLATURA DEL H. CONGRESO DEL ESTADO COMISIÓN DE "
        "ASUNTOS MUNICIPALES SEGUNDO AÑO DE EJERCICIO CONSTITUCIONAL REUNIÓN CELEBRADA EL 5 DE "
        "ABRIL DE 2017\n"
        "Diputado Presidente Emilio Alberto Hoyos Montes: Damos inicio a la reunión. Le solicito "
        "a la Diputada Secretaria Josefina Garza Barrón, se sirva informar sobre el quórum.\n"
    )
    assert result["body"] == "COMISIÓN DE ASUNTOS MUNICIPALES"
    people = {person["name"]: person["role"] for person in result["attendees"]}
    assert people["Emilio Alberto Hoyos Montes"] == "Presidente"
    assert people["Josefina Garza Barrón"] == "Secretaria"


def test_a_commission_s_members_named_before_they_met_and_a_part_of_the_palace_for_a_venue():
    # A Gaceta acta (eleventh session): "los diputados" opens the list, the verb of meeting
    # comes after it; the room is a zone of a building that no venue word names.
    result = parse_acta_text(
        "DE LA COMISIÓN DE RECURSOS HIDRÁULICOS, DE SU SEXTA SESIÓN PLENARIA, QUE SE LLEVÓ A "
        "CABO EL MARTES 7 DE JUNIO DE 2005\n"
        "En la ciudad de México, Distrito Federal siendo las diez horas del siete de junio del "
        "año dos mil cinco, en la zona C de Los Cristales del edificio E PB del Palacio "
        "Legislativo de San Lázaro, los diputados Raúl A. Medina Torres (Presidente), Alicia "
        "Saldaña Ruiz (secretaria), José Luis Cabrera Gil, Tomás Cruz Martínez integrantes de la "
        "Comisión de Recursos Hidráulicos se reunieron para el desahogo del siguiente\n"
        "Orden del Día\n1. Verificación y aprobación del quórum.\n2. Asuntos generales.\n"
        "En el punto dos, los diputados Ana Ruiz Soto y Luis Gil Peña se reunieron con vecinos "
        "de la cuenca.\n"
    )
    assert result["session"]["place"] == (
        "zona C de Los Cristales del edificio E PB del Palacio Legislativo de San Lázaro"
    )
    assert result["session"]["modality"] == "presencial"
    assert [(p["name"], p["role"]) for p in result["attendees"]] == [
        ("Raúl A. Medina Torres", "Presidente"),
        ("Alicia Saldaña Ruiz", "secretaria"),
        ("José Luis Cabrera Gil", "integrante de la Comisión de Recursos Hidráulicos"),
        ("Tomás Cruz Martínez", "integrante de la Comisión de Recursos Hidráulicos"),
    ]


def test_a_permanent_deputation_of_its_legislature_and_a_roll_a_scan_left_specks_in():
    # A congress's scanned acta (eleventh session): the body named with its legislature after
    # a comma; in the roll, a speck's comma after a given name and a party's bracket left open.
    result = parse_acta_text(
        "Sesión de la Segunda Diputación Permanente, de la Sexagésima Séptima Legislatura, "
        "dentro del segundo año de ejercicio constitucional, que se realiza de manera presencial "
        "en la Sala Morelos del Poder Legislativo, el día 31 de agosto de 2023.\n"
        "Se encuentran presentes las y los diputados: Andrea Flores Chacón (PAN), Edgar José - "
        "Piñón Domínguez (PRI), Ivón, Salazar Morales (PRD, Rocío Sarmiento Rufino (PAN Adriana "
        "Terrazas Porras (MORENA).\n"
    )
    assert result["body"] == "Segunda Diputación Permanente, de la Sexagésima Séptima Legislatura"
    assert [person["name"] for person in result["attendees"]] == [
        "Andrea Flores Chacón",
        "Edgar José Piñón Domínguez",
        "Ivón Salazar Morales",
        "Rocío Sarmiento Rufino",
        "Adriana Terrazas Porras",
    ]


def test_taking_the_floor_mid_sentence_with_a_name_the_margin_wrapped():
    # A Gaceta acta set as a text PDF (eleventh session): a deputy takes the floor after a
    # comma, and the margin breaks the line inside his name.
    result = parse_acta_text(
        "Actas\n"
        "De la Comisión de Desarrollo Social, correspondiente a la reunión de junta\n"
        "directiva celebrada el miércoles 31 de octubre de 2018\n"
        "A las 16:27 horas del miércoles 31 de octubre de 2018, en el salón A del edificio\n"
        "G, ubicado en la Cámara de Diputados, se\n"
        "reunieron las legisladoras y los legisladores integrantes de la Junta Directiva de\n"
        "Comisión de Desarrollo Social. El diputado Mario Prado de la Cruz,\n"
        "presidente de la comisión, solicitó a la secretaría informara sobre el resultado\n"
        "de cómputo de asistencia.\n"
        "En ese sentido y en uso de la palabra, el diputado Luis Ernesto Palacio\n"
        "Corona solicitó se agregara a los objetivos del programa anual el tema del\n"
        "combate a la desigualdad. En respuesta el presidente señaló que sería\n"
        "integrado su comentario al documento.\n"
    )
    assert [person["name"] for person in result["attendees"]] == [
        "Mario Prado de la Cruz",
        "Luis Ernesto Palacio Corona",
    ]
