"""Patterns of the scanned minutes of anticorruption citizen councils and legislative committees
(issue 13, tenth session; developed on the scanned corpus, 7 Dec 2026): the state a body belongs
to written in small letters ("del estado de Coahuila de Zaragoza"), a letterhead's "DEL ESTADO DE
…" that is no body, a member whose role in brackets closes her entry without a comma, each
agreement's vote on a line of its own under it, and a building's seat and city before its
address in the venue.

Each test is a short synthetic snippet in the words actas use (invented names), never a corpus
file.
"""

from abierto.lib.acta import parse_acta_text

OPENING = (
    "Saltillo, Coahuila a los 11 días del mes de febrero de 2022\n\n"
    "Siendo las 11:00 del día 11 de febrero de 2022, y reunidos de manera virtual los "
    "integrantes del Consejo de Participación Ciudadana del Sistema Anticorrupción del estado "
    "de Coahuila de Zaragoza (CPC Coahuila), en orden de prelación: Rosa Ibarra Gómez "
    "(presidenta del Consejo) Mario Lugo Peña; Elena Sáenz Ruiz y; Tomás Vera Cantú se llevó "
    "a cabo la novena sesión ordinaria del periodo 2021-2022 del CPC Coahuila. Tras deliberar, "
    "se llegó a los siguientes acuerdos:\n\n"
)


def _people(result):
    return [(person["name"], person["role"]) for person in result["attendees"]]


def test_the_state_in_small_letters_is_part_of_the_body_and_a_bracketed_role_closes_an_entry():
    result = parse_acta_text(OPENING + "Acuerdo 01/2021-2022\nSe aprueba el informe.\n")
    assert result["body"] == (
        "Consejo de Participación Ciudadana del Sistema Anticorrupción del estado de Coahuila "
        "de Zaragoza"
    )
    assert _people(result) == [
        ("Rosa Ibarra Gómez", "presidenta del Consejo"),
        ("Mario Lugo Peña", None),
        ("Elena Sáenz Ruiz", None),
        ("Tomás Vera Cantú", None),
    ]


def test_each_agreement_takes_the_vote_on_the_line_under_it():
    result = parse_acta_text(
        OPENING + "Acuerdo 01/2021-2022\n\nSe realizarán dos sesiones ordinarias al mes.\n"
        "Aprobado por mayoría\n\n"
        "Acuerdo 02/2021-2022\nTodas las sesiones serán grabadas y publicitadas.\n"
        "Aprobado por unanimidad\n\n"
        "Acuerdo 03/2021-2022\nSe publicará el calendario de sesiones.\n"
        "Aprobado por mayoría\n"
    )
    assert [(a["code"], a["vote"]) for a in result["agreements"]] == [
        ("Acuerdo 01/2021-2022", "mayoría"),
        ("Acuerdo 02/2021-2022", "unanimidad"),
        ("Acuerdo 03/2021-2022", "mayoría"),
    ]


def test_a_letterhead_s_state_is_no_body_and_the_title_names_the_body():
    result = parse_acta_text(
        "CONSEJO DE PARTICIPACIÓN CIUDADANA PRIMERA SESION ORDINARIA\n"
        "DEL ESTADO DE COAHUILA\n\n"
        "ACTA DE LA PRIMERA SESIÓN ORDINARIA DEL CONSEJO DE PARTICIPACIÓN CIUDADANA DEL\n"
        "SISTEMA ANTICORRUPCIÓN DEL ESTADO DE COAHUILA DE ZARAGOZA\n\n"
        "Saltillo, Coahuila a los 05 días del mes de octubre de 2021\n\n"
        "Siendo las 12:30 del día 05 de octubre de 2021 se reunieron los integrantes del "
        "Consejo.\n"
    )
    assert result["body"].casefold() == (
        "consejo de participación ciudadana del sistema anticorrupción del estado de coahuila "
        "de zaragoza"
    )


def test_the_building_s_city_and_seat_go_on_into_its_address():
    result = parse_acta_text(
        "De la Comisión de Asuntos Fronterizos, concerniente a la décima reunión plenaria, "
        "celebrada el miércoles 14 de octubre de 2020\n"
        "En el Palacio Legislativo de San Lázaro, en la Ciudad de México, sede de la Cámara de "
        "Diputados, sito en Congreso de la Unión 66, colonia El Parque, a las 10:12 horas del "
        "miércoles 14 de octubre de 2020, se reunieron los integrantes de la Comisión de Asuntos "
        "Fronterizos, para el desahogo del siguiente orden del día:\n"
        "1. Registro de asistencia y declaración de quórum.\n"
    )
    assert result["session"]["place"] == (
        "Palacio Legislativo de San Lázaro, en la Ciudad de México, sede de la Cámara de "
        "Diputados, sito en Congreso de la Unión 66, colonia El Parque"
    )


# The heldAN and heldAO rounds (tenth session): an assembly of an economic and social council,
# a statistics subcommittee's minute published as one paragraph, a basin subcommittee's minute.


def test_an_assembly_s_presidium_its_ordinal_and_a_courtyard_for_a_venue():
    result = parse_acta_text(
        "Toluca, a 19 de noviembre de 2014 TERCERA ASAMBLEA GENERAL DEL CONSEJO ECONÓMICO Y "
        "SOCIAL DE TOLUCA\n"
        "En la ciudad de Toluca siendo las nueve horas del día 19 de noviembre de 2014, en el "
        "Patio de la Autonomía del Palacio de Gobierno ubicado en la calle de Hidalgo No. 5, se "
        "llevó a cabo la Tercera Asamblea General del Consejo Económico y Social de Toluca. "
        "Preside esta sesión Inés Robles Durán, Presidenta Ejecutiva del Consejo; Edgar A. "
        "Amador Zamora, Secretario de Finanzas; Omar Peña Ríos, Secretario de Turismo; Elvira "
        "Luna Paz, Secretaria del Trabajo y Rosana Gil Soto, Jefa de Gabinete. Asimismo, contamos "
        "con la presencia de Luis López Romero, en "
        "representación de Ramón Navarro Cruz, Presidente de la Cámara de Comercio, Servicios y "
        "Turismo de Toluca; Iván Solís Mora, Director de Asuntos Internacionales.\n"
    )
    assert result["session"]["number"] == 3
    assert result["session"]["modality"] == "presencial"
    assert result["session"]["place"].startswith("Patio de la Autonomía del Palacio de Gobierno")
    assert result["body"].casefold().startswith("asamblea general del consejo económico")
    assert [name for name, _ in _people(result)] == [
        "Inés Robles Durán",
        "Edgar A. Amador Zamora",
        "Omar Peña Ríos",
        "Elvira Luna Paz",
        "Rosana Gil Soto",
        "Luis López Romero",
        "Iván Solís Mora",
    ]


def test_a_minute_published_as_one_paragraph_has_its_labels_and_bullets_read():
    result = parse_acta_text(
        "Minuta Décima reunión del Subcomité de Estadística Fecha: 01 de noviembre de 2006. "
        "Hora: de 11:00 a.m. a 12:49 p.m. Lugar: Sala de Juntas del Director Regional, Cuarto "
        "Piso del Edificio Juárez. Ana Ruiz Soto Pedro Gil Mora Asistentes INEGI SEC Orden del "
        "día: • Acuerdos de la reunión anterior. • Calendario de actividades. • Compromisos. "
        "Asuntos abordados: • La reunión dio inicio con la bienvenida."
    )
    assert result["session"]["place"] == (
        "Sala de Juntas del Director Regional, Cuarto Piso del Edificio Juárez"
    )
    assert result["session"]["modality"] == "presencial"
    assert [item["title"] for item in result["agenda"]] == [
        "Acuerdos de la reunión anterior",
        "Calendario de actividades",
        "Compromisos",
    ]


def test_a_street_after_reunidos_en_is_the_venue():
    result = parse_acta_text(
        "MINUTA DE LA REUNIÓN DE INTEGRACIÓN DEL SUBCOMITE DE SUBCUENCA DE LOS TUXTLAS\n\n"
        "REALIZADA EL 11 DE MAYO DEL 2009\n\n"
        "Reunidos en calle matamoros No. 204 en la cuidad de Catemaco Veracruz en reunión de "
        "integración del Subcomité los abajo firmantes se desahogaron los siguientes puntos:\n\n"
        "1.-Presentación de lo que es una Cuenca\n\n2.-Asuntos generales\n"
    )
    assert result["session"]["place"] == "calle matamoros No. 204 en la cuidad de Catemaco Veracruz"
    assert result["session"]["modality"] == "presencial"


def test_names_run_together_are_cut_before_more_given_names():
    from abierto.lib.acta.run_together import run_together_names

    assert run_together_names(
        "Irma Laura Murillo Lozoya Ramón Mondaca Romero Griselda García Peña Rosana Méndez Barrón"
    ) == [
        "Irma Laura Murillo Lozoya",
        "Ramón Mondaca Romero",
        "Griselda García Peña",
        "Rosana Méndez Barrón",
    ]


def test_undotted_degrees_and_a_plural_cc_are_titles():
    result = parse_acta_text(
        "ACTA DE LA SESIÓN DE INSTALACIÓN DEL COMITÉ DE TRANSPARENCIA DEL PARTIDO VERDE\n\n"
        "En Toluca, México, siendo las 16:37 horas del día 18 de enero de 2021, reunidos los CC "
        "Irma Gómez Bravo, Titular de la Unidad de Transparencia, Jorge Peña Bravo, Presidente "
        "de la Comisión de Honor y Justicia, y los funcionarios habilitados Lic. Ian Karla Soto "
        "de Ariño, LED Hector Paul López Quiroz, LCPyAP Dulce María Gil Becerril y LED Susana "
        "Pichardo Pereyra; se reunieron para formalizar la instalación del Comité.\n"
    )
    assert [name for name, _ in _people(result)] == [
        "Irma Gómez Bravo",
        "Jorge Peña Bravo",
        "Ian Karla Soto de Ariño",
        "Hector Paul López Quiroz",
        "Dulce María Gil Becerril",
        "Susana Pichardo Pereyra",
    ]


# The heldAP and heldAQ rounds (tenth session): a union's general assembly, a meeting of a school
# zone's directors.


def test_an_assembly_s_kind_is_the_session_s():
    result = parse_acta_text(
        "ACTA DE ASAMBLEA GENERAL ORDINARIA En la ciudad de Puerto Vallarta, Jalisco, siendo las "
        "17:30 horas del día 23 de Septiembre del 2016, se celebra la Asamblea General Ordinaria, "
        "que fue convocada en el Auditorio del Hotel Mar, misma que se sujetó al siguiente: ORDEN "
        "DEL DÍA: 1. Lista de asistencia; 2. Designación de escrutadores;"
    )
    assert result["session"]["kind"] == "ordinaria"


def test_a_meeting_of_an_office_s_holders_is_that_group_s():
    zone = parse_acta_text(
        "ACTA 5\n\nCuarta Reunión de Directores de Zona\n\nDIRECCIÓN DE SECUNDARIA ESTATAL\n\n"
        "Siendo las 9:14, del día lunes 24 de octubre del año en curso, en las oficinas de la "
        "Supervisión, fueron convocados por el Supervisor: MTRA. ANA ORTEGA CONS; todos los "
        "directores de la Zona Escolar, para organizar la segunda sesión de Consejo técnico "
        "Escolar.\n\nOrden del día\n\n1. Bienvenida\n2. Pase de lista\n"
    )
    assert zone["body"] == "Directores de Zona"
    region = parse_acta_text(
        "El pasado jueves 26 de mayo 2022, a través de la plataforma Zoom, se llevó a cabo la 8a "
        "reunión de Directores de la región II de la ANFEI, dando inicio a las 18:03 hrs.\n"
        "1. Bienvenida\n2. Lectura y aprobación del orden del día.\n"
    )
    assert region["body"] == "Directores de la región II de la ANFEI"


def test_a_name_cut_by_a_line_break_in_a_roll_call_keeps_its_given_name():
    opening = (
        "ACTA NÚMERO 67 DE LA SESIÓN ORDINARIA DEL H. AYUNTAMIENTO DE SAN PEDRO TLAQUEPAQUE\n"
        "En San Pedro Tlaquepaque, siendo las 19:05 horas del día 24 de septiembre de 2018, "
        "el Secretario toma la lista de asistencia:\n"
    )
    by_lines = parse_acta_text(
        opening + "Presidenta Municipal, María Elena Limón García, presente Síndico Municipal, "
        "Juan David García Camarena Marco\n"
        "Antonio Fuentes Ontiveros, presente Marcela Guadalupe Aceves Sánchez,\n"
        "presente Iván Omar González Solís, presente\n"
        "CARRILLO RINCÓN FRANCISCO JAVIER.-\n"
        "BAÑUELOS DE LA TORRE GEOVANNA DEL CARMEN.- Presente.\n"
    )
    names = [name for name, _ in _people(by_lines)]
    assert "Marco Antonio Fuentes Ontiveros" in names
    assert "Juan David García Camarena" not in names
    assert "BAÑUELOS DE LA TORRE GEOVANNA DEL CARMEN" in names
    inline = parse_acta_text(
        opening + "Regidora Ana Ruiz Soto, presente; regidor Juan David García Camarena Marco\n"
        "Antonio Fuentes Ontiveros, presente; regidora Elsa Ríos Gómez, presente; y se declara "
        "el quórum.\n"
    )
    names = [name for name, _ in _people(inline)]
    assert "Marco Antonio Fuentes Ontiveros" in names


# Eleventh session (scanned corpus): a vote's line closes the agreement above it, a margin's
# scrap after a code, the vote said after a closing quote, an address's "Blvd.".


def test_a_vote_s_line_closes_the_agreement_before_the_general_business_and_the_closing():
    result = parse_acta_text(
        OPENING + "Acuerdos\nAcuerdo 41/2021-2022\n"
        "La Misión y Visión del CPC y su publicación inmediata en el sitio web del colegiado.\n"
        "Aprobado por unanimidad\n"
        "Asuntos generales\nNo se enlistaron\n"
        "Y habiéndose agotado el orden del día, siendo las 12:00 horas del día de la fecha, se "
        "dio por concluida la sesión, firmando los consejeros presentes para debida constancia.\n"
    )
    [agreement] = result["agreements"]
    assert agreement["text"] == (
        "La Misión y Visión del CPC y su publicación inmediata en el sitio web del colegiado"
    )
    assert agreement["vote"] == "unanimidad"


def test_a_margin_s_scrap_after_a_code_and_a_vote_after_a_closing_quote():
    result = parse_acta_text(
        OPENING + "Acuerdo 07/2021-2022 PN Se instruye la publicación del informe anual en los "
        "canales que establecen las normativas vigentes.\n"
        "Acuerdo 08/2021-2022\n"
        "Se trabaje en un plan de comunicación del CPC. ” Aprobado por unanimidad\n"
    )
    assert [(a["code"], a["text"][:30], a["vote"]) for a in result["agreements"]] == [
        ("Acuerdo 07/2021-2022", "PN Se instruye la publicación ", None),
        ("Acuerdo 08/2021-2022", "Se trabaje en un plan de comun", "unanimidad"),
    ]
    assert result["agreements"][1]["text"].endswith("plan de comunicación del CPC")


def test_an_address_s_boulevard_abbreviated_does_not_end_the_venue():
    result = parse_acta_text(
        "En Saltillo, Coahuila, siendo las doce horas del día veintiséis de noviembre de dos mil "
        "veintiuno, se llevó a cabo la segunda sesión ordinaria de la Comisión Ejecutiva, en las "
        "instalaciones de la Secretaría Ejecutiva, ubicada en Blvd. Luis Donaldo Colosio número "
        "703, piso 3 fraccionamiento Valle Real, Saltillo, a la cual acudieron los siguientes "
        "integrantes:\n"
    )
    assert result["session"]["place"] == (
        "instalaciones de la Secretaría Ejecutiva, ubicada en Blvd. Luis Donaldo Colosio número "
        "703, piso 3 fraccionamiento Valle Real"
    )


def test_the_last_member_s_bracketed_office_closes_a_list_the_next_paragraph_runs_into():
    # An anticorruption committee's scanned record (eleventh session): the list's last line
    # ends with a comma, so the next paragraph is joined to it.
    result = parse_acta_text(
        "El 12 de diciembre de 2025 se llevó a cabo la duodécima sesión ordinaria del Comité "
        "Coordinador del Sistema Estatal Anticorrupción de Chihuahua.\n\n"
        "Los presentes fueron: Jesús Abbud Yepiz (Presidente del CPC), Abelardo Valenzuela "
        "Holguín (Fiscal Anticorrupción) y Héctor Acosta Félix (Auditor Superior del Estado),\n\n"
        "Uno de los acuerdos destacados fue: la aprobación unánime de invitar a los titulares "
        "de los Órganos Internos de Control Municipales.\n"
    )
    assert _people(result) == [
        ("Jesús Abbud Yepiz", "Presidente del CPC"),
        ("Abelardo Valenzuela Holguín", "Fiscal Anticorrupción"),
        ("Héctor Acosta Félix", "Auditor Superior del Estado"),
    ]
