"""Patterns of the genre from issue 13's heldJ round: members under office labels with their
party, agenda headings that the development follows in the same paragraph, a Diario de los
Debates' layout, degrees written out in the plural, offices shared out "respectivamente" with
their complement, a group's heading opening a list of its own.

Each test is a short synthetic snippet in the words actas use (invented names), never a corpus
file.
"""

from hypothesis import given
from hypothesis import strategies as st

from abierto.lib.acta import parse_acta_text
from abierto.lib.acta.given_names import is_feminine_given_name
from abierto.lib.acta.group_labels import Label
from abierto.lib.tests.test_acta_genre import _people


def test_members_under_office_labels_get_the_label_in_their_gender_and_no_party():
    people = _people(
        "De la Comisión de Asuntos del Litoral, relativa a la tercera reunión ordinaria\n"
        "En el salón B del edificio C del Palacio Legislativo, siendo las 10:05 horas del martes 4 "
        "de junio de 2024, se reunieron las y los diputados integrantes de la Comisión, bajo el "
        "orden del día siguiente:\n"
        "1.- Registro de asistencia y declaración de quórum\n"
        "La presidenta da la bienvenida a todos los presentes a la reunión ordinaria de la "
        "Comisión. De conformidad con la convocatoria, se encuentran presentes las y los "
        "diputados siguientes:\n"
        "Presidenta: Rosa Amelia Torres Lugo, de Morena;\n"
        "Secretarias y Secretarios: Marta Inés Solís Vega, del PAN; Guadalupe Ríos Mena, de "
        "Morena; Andrés Felipe Lara Cruz, del PRI, y Tomás Ortega Ruiz, del PVEM.\n"
        "Integrantes: Carlos Peña Díaz, de Morena; Ma. Luisa Campos Rey; del PAN; Julia Fierro "
        "Sandoval del PT y Rubén Soto Ibarra, de MC.\n"
        "La presidenta solicitó a la diputada Marta Inés Solís Vega su apoyo para la conducción "
        "de la reunión, quien informa que hay quórum legal.\n"
        "2.- Lectura, discusión y, en su caso, aprobación del orden del día\n"
        "La secretaria dio lectura al orden del día, que fue aprobado por unanimidad.\n"
    )
    assert people == [
        ("Rosa Amelia Torres Lugo", "Presidenta"),
        ("Marta Inés Solís Vega", "Secretaria"),
        ("Guadalupe Ríos Mena", "Secretaria"),
        ("Andrés Felipe Lara Cruz", "Secretario"),
        ("Tomás Ortega Ruiz", "Secretario"),
        ("Carlos Peña Díaz", "Integrante"),
        ("Ma. Luisa Campos Rey", "Integrante"),
        ("Julia Fierro Sandoval", "Integrante"),
        ("Rubén Soto Ibarra", "Integrante"),
    ]


def test_an_item_s_line_that_its_development_follows_is_only_its_title():
    result = parse_acta_text(
        "En la sala de juntas, siendo las 09:00 horas del 3 de marzo de 2023, se reunieron los "
        "integrantes del Comité, bajo el orden del día siguiente:\n"
        "1.- Lista de asistencia y declaración de quórum\n"
        "El presidente da la bienvenida a los presentes y solicita a la secretaria verificar "
        "la asistencia, quien informa que se encuentran presentes seis de los ocho integrantes, "
        "por lo que hay quórum legal para sesionar.\n"
        "2.- Lectura y aprobación del orden del\n"
        "día, que fue aprobado por unanimidad.\n"
    )
    titles = [item["title"] for item in result["agenda"]]
    assert titles[0] == "Lista de asistencia y declaración de quórum"


def test_a_capitals_heading_developed_in_the_same_paragraph_and_its_tacit_approval():
    result = parse_acta_text(
        "ACTA DE LA SESIÓN ORDINARIA NÚMERO 31 DEL CONSEJO ASESOR DEL INSTITUTO ESTATAL DEL "
        "AGUA En la ciudad de Tlaxcala, siendo las 10:00 horas del día 5 de mayo de 2009, se "
        "reunieron los integrantes del Consejo Asesor. Habiendo quórum, se dio por instalada la "
        "sesión a las 10:20 horas, con el fin de desahogar el siguiente: ORDEN DEL DÍA I. "
        "LECTURA Y, EN SU CASO, APROBACIÓN DEL ACTA DE LA SESIÓN ANTERIOR. Acto seguido el "
        "doctor PABLO RUIZ LEDESMA preguntó a los Consejeros si tenían alguna observación "
        "respecto del Acta de la sesión anterior. Al no haber ninguna observación, el Acta fue "
        "aprobada por unanimidad. II. INFORME MENSUAL DE ACTIVIDADES. El Secretario presentó el "
        "informe del mes."
    )
    assert result["session"]["start_time"] == "10:20"  # installed, not convened
    assert result["agenda"][0]["title"] == (
        "LECTURA Y, EN SU CASO, APROBACIÓN DEL ACTA DE LA SESIÓN ANTERIOR"
    )
    assert [(a["vote"], a["agenda_item"]) for a in result["agreements"]] == [("unanimidad", 1)]
    assert result["agreements"][0]["text"].startswith("Acto seguido el doctor PABLO RUIZ")


DIARIO = (
    "MÉXICO, JUEVES 12 DE ENERO DE 1933\n\n"
    "DIARIO DE LOS DEBATES\n\n"
    "Año I. - PERIODO ORDINARIO XXXV LEGISLATURA TOMO I. - NÚMERO 17\n\n"
    "SESIÓN DE LA COMISIÓN PERMANENTE\n\n"
    "EFECTUADA EL DÍA 12 DE ENERO DE 1933\n\n"
    "SUMARIO\n\n"
    "1.- Instalación. Elección de Mesa Directiva. Se levanta la sesión.\n\n"
    "DEBATE\n\n"
    "Presidencia del\nC. RAMÓN ESTRADA LUGO\n\n"
    "(Asistencia de 25 ciudadanos representantes.)\n\n"
    "El C. presidente, a las 17: De acuerdo con el Reglamento, la Presidencia nombra "
    "secretarios a los ciudadanos senador Manuel Ortiz de Montellano y diputado Efrén Lagos, "
    "y se les suplica pasen a tomar posesión de sus puestos.\n\n"
    "El C. secretario Ortiz de Montellano: Se procede a pasar lista. Hay quórum.\n"
)


def test_a_diario_de_los_debates_opening():
    result = parse_acta_text(DIARIO)
    session = result["session"]
    assert session["number"] is None  # "NÚMERO 17" is the Diario's issue
    assert session["place"] == "MÉXICO"  # the dateline's city
    assert session["start_time"] == "17:00"
    assert session["modality"] == "presencial"  # called to take their seats
    # "El C. secretario Ortiz de Montellano:" is the secretary named at the opening.
    assert sorted((a["name"], a["role"]) for a in result["attendees"]) == [
        ("Efrén Lagos", "Secretario"),
        ("Manuel Ortiz de Montellano", "Secretario"),
        ("RAMÓN ESTRADA LUGO", "Presidente"),
    ]


def test_a_presidency_named_inside_a_sentence_gives_no_office():
    people = _people(
        "Sesión pública ordinaria del día 11 de junio de 1928.\n"
        "Presidencia del C. Julián Cortés Mena. En la ciudad de Chignahuapan a las diecinueve "
        "horas del día 11 de junio de 1928, con asistencia de los ciudadanos regidores Pedro "
        "Alvarado, Juan Téllez y Mario Soto, se declaró abierta la sesión.\n"
    )
    assert ("Julián Cortés Mena", "Presidente") not in people


def test_a_board_s_opening_with_written_out_degrees_and_offices_shared_respectively():
    result = parse_acta_text(
        "Acta 412\n\n3 de mayo de 2012\n\nConsejo de Administración de la Empresa Estatal\n"
        "Acta 412 o\n\n"
        "En la Ciudad de México, siendo las nueve horas del día 3 de mayo de 2012, se reunieron "
        "en la Sala de Consejo, con objeto de celebrar una sesión ordinaria del Consejo de "
        "Administración, el Consejero Presidente doctor Hugo Salas Ferrer, y los Consejeros:\n"
        "licenciado Mario Pineda Rocha, doctor * Iván Cano Lira, contador público Luis Ortega "
        "Vela y señor Pedro Mena Duarte.\n\n"
        "También estuvieron presentes el «doctor Juan Carlos Ibarra Solís, Director General; los "
        "abogados Rafael Luna Ortiz y Elena Prado - Gil, Secretario y Prosecretaria del Consejo, "
        "respectivamente, así como el ingeniero Felipe Reyes Toro, Comisario.\n\n"
        "Como invitados a la sesión, asistieron los siguientes funcionarios: de la Empresa "
        "Estatal: doctor Ignacio Cruz Morales, Director Corporativo de Finanzas; ingeniero "
        "Carlos Moreno Haro, Director Corporativo de Operaciones.\n"
    )
    assert result["session"]["number"] == 412  # "Acta 412" alone on the heading's line
    people = [(a["name"], a["role"]) for a in result["attendees"]]
    assert people[:4] == [
        ("Mario Pineda Rocha", "Consejero"),
        ("Iván Cano Lira", "Consejero"),
        ("Luis Ortega Vela", "Consejero"),
        ("Pedro Mena Duarte", "Consejero"),
    ]
    assert ("Rafael Luna Ortiz", "Secretario del Consejo") in people
    assert ("Elena Prado Gil", "Prosecretaria del Consejo") in people
    assert ("Juan Carlos Ibarra Solís", "Director General") in people
    assert ("Carlos Moreno Haro", "Director Corporativo de Operaciones") in people
    assert not [name for name, _ in people if name.startswith("Corporativo")]


def test_the_genders_of_a_label_naming_both():
    label = Label("Secretarias y Secretarios")
    assert label.plural
    assert label.office_of("Ma. Elena Ruiz") == "Secretaria"
    assert label.office_of("Guadalupe Soto") == "Secretaria"
    assert label.office_of("José María Soto") == "Secretario"
    assert Label("Presidenta").office_of("Juan Pérez") == "Presidenta"  # as written
    assert not is_feminine_given_name("bautista")


@given(st.text(alphabet="abcdefghijklmnñopqrstuvwxyzáéíóú .", max_size=30))
def test_a_label_s_office_is_always_one_of_its_forms(name):
    label = Label("Consejeras y Consejeros")
    assert label.office_of(name) in ("Consejera", "Consejero")


def test_a_stenographic_version_s_body_named_by_a_participle_and_its_acting_secretary():
    result = parse_acta_text(
        "Ciudad de México, 7 de agosto de 2015.\n\n"
        "Versión estenográfica de la Tercera Sesión Ordinaria del Comité Técnico del Fideicomiso "
        "denominado Fondo para el Fomento Cooperativo de la Ciudad de México, llevada a cabo el "
        "día de hoy.\n"
        "Mtro. Julián Ortega Salas: Muy buenos días a todas y a todos. Me dicen que tenemos "
        "quórum. Les pido si en esta ocasión, Rosa Elvira Campos pudiera desempeñarse como "
        "Secretaria de Actas para el desarrollo de esta Sesión.\n"
    )
    assert result["body"] == (
        "Comité Técnico del Fideicomiso denominado Fondo para el Fomento Cooperativo de la "
        "Ciudad de México"
    )
    assert ("Rosa Elvira Campos", "Secretaria de Actas") in [
        (a["name"], a["role"]) for a in result["attendees"]
    ]


def test_a_venue_with_its_acronym_and_an_address_up_to_its_postal_code():
    result = parse_acta_text(
        "ACTA NO. JG/ORD/2/2018\nSEGUNDA SESIÓN ORDINARIA DE LA JUNTA DE GOBIERNO DEL INSTITUTO "
        "NACIONAL DEL AGUA\nSiendo las diez horas del día catorce de mayo de dos mil dieciocho, en "
        "la sede del Instituto Nacional del Agua (INAGUA), sito en calle Lerma número nueve, "
        "Cuauhtémoc, Benito Juárez, Código Postal tres mil cien; de acuerdo con la convocatoria, "
        "se reunieron los integrantes de la Junta, estando presentes las siguientes personas:\n"
        "La Maestra Irene Solís Vela, Presidenta del INAGUA.\n"
        "En carácter de representantes del Poder Ejecutivo: por la Secretaría de Salud, el Doctor "
        "Joaquín Mora Luna, Director General Adjunto de Planeación;\n"
        "por la Secretaría de Economía, la Licenciada Nora Gil Paz, Directora de Normas.\n"
    )
    assert result["session"]["place"] == (
        "sede del Instituto Nacional del Agua (INAGUA), sito en calle Lerma número nueve, "
        "Cuauhtémoc, Benito Juárez, Código Postal tres mil cien"
    )
    people = [(a["name"], a["role"]) for a in result["attendees"]]
    assert ("Joaquín Mora Luna", "Director General Adjunto de Planeación") in people
    assert ("Nora Gil Paz", "Directora de Normas") in people
