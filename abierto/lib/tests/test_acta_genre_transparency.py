"""Patterns of the genre from issue 13's heldP round (a party's transparency committee, a
citizens' council of an anticorruption system; developed on 7 Dec 2026): codes with an
ordinal's degree sign, an agreement that the narrative's transition ends, the speaker naming
herself, the seat named by its municipality or in a dateline, whatever the session met in
with its address, a closing in the infinitive, a code heading its paragraph.

Each test is a short synthetic snippet in the words actas use (invented names), never a corpus
file.
"""

from abierto.lib.acta import parse_acta_text

COMMITTEE = (
    "ACTA DE LA PRIMERA SESIÓN EXTRAORDINARIA DEL COMITÉ DE TRANSPARENCIA DEL PARTIDO\n"
    "En el Municipio de Toluca de Lerdo, Estado de México, siendo las 13 horas con 17 minutos "
    "del día 21 de enero del 2021, la Presidente del Comité de Transparencia la Lic. Mayra "
    "Gómez Bravo da la bienvenida, en uso de la palabra la Secretaria Técnica menciona que "
    "estando presentes los CC. Mayra Gómez Bravo, en calidad de Presidente del Comité, así "
    "como Fabián Pérez Lope y Jorge Gómez Bravo, integrantes del Comité; y la de la voz Romina "
    "Poumián González, en calidad de Secretaria Técnico de este Comité, por lo tanto y de "
    "acuerdo a la lista de asistencia existe el quórum legal para sesionar.\n"
    "ORDEN DEL DÍA\n1. Pase de lista de asistencia.\n2. Aprobación del programa anual.\n"
    "3. Asuntos generales.\n"
    "Acto seguido la Secretaria Técnica dio cuenta del punto dos, y se dictó el siguiente\n"
    "Acuerdo:\n"
    "ACUERDO CT/EXT/1°/2021/PRIMERO: Por unanimidad de votos se aprueba el programa anual e "
    "infórmese al Instituto a través de su página electrónica: www.infoem.org.mx\n"
    "Por lo tanto la Presidente se dirigió a la Secretaria Técnica para que sometiera el "
    "siguiente punto.\n"
    "Una vez agotados los puntos del orden del día, se procedía a CLAUSURAR la primera sesión "
    "extraordinaria del año 2021 del Comité, siendo las 15 horas con 18 minutos del día 21 de "
    "enero del 2021, firmando los que en ella intervinieron.\n"
)


def test_a_committee_s_code_with_a_degree_sign_and_its_text_up_to_the_narrative():
    result = parse_acta_text(COMMITTEE)
    coded = [item for item in result["agreements"] if "/" in item["code"]]
    assert [(item["code"], item["text"]) for item in coded] == [
        (
            "CT/EXT/1°/2021/PRIMERO",
            "Por unanimidad de votos se aprueba el programa anual e infórmese al Instituto a "
            "través de su página electrónica: www.infoem.org.mx",
        )
    ]


def test_the_seat_named_by_its_municipality_and_a_closing_in_the_infinitive():
    session = parse_acta_text(COMMITTEE)["session"]
    assert session["place"] == "Toluca de Lerdo, Estado de México"
    assert (session["start_time"], session["end_time"]) == ("13:17", "15:18")


def test_the_secretary_naming_herself_and_the_list_ending_at_por_lo_tanto():
    people = [(a["name"], a["role"]) for a in parse_acta_text(COMMITTEE)["attendees"]]
    assert ("Romina Poumián González", "Secretaria Técnico de este Comité") in people
    assert ("Fabián Pérez Lope", "integrante del Comité") in people


def test_the_venue_a_session_met_in_with_its_address():
    result = parse_acta_text(
        "ACTA DE INSTALACIÓN DEL COMITÉ DE TRANSPARENCIA\n"
        "En el Municipio de Toluca de Lerdo, Estado de México, siendo las 16 horas con 37 "
        "minutos del día 18 de enero del 2021, reunidos en el Comité Ejecutivo Estatal del "
        "Partido Verde en el Estado de México, ubicado en República de Belice número 109, "
        "colonia Américas, y con fundamento en los artículos 45 y 46 de la Ley, se reunieron "
        "los integrantes del Comité.\n"
    )
    assert result["session"]["place"] == (
        "Comité Ejecutivo Estatal del Partido Verde en el Estado de México, ubicado en "
        "República de Belice número 109, colonia Américas"
    )


COUNCIL = (
    "ACTA DE LA NOVENA SESIÓN ORDINARIA DEL CONSEJO DE PARTICIPACIÓN CIUDADANA\n\n"
    "Saltillo, Coahuila a los 11 días del mes de febrero de 2022\n\n"
    "Siendo las 11:00 del día 11 de febrero de 2022, y reunidos de manera virtual los "
    "integrantes del Consejo, se llevó a cabo la novena sesión ordinaria.\n\n"
    "Acuerdo 01/2021-2022\n\n"
    "Se realizarán dos sesiones ordinarias del Consejo al mes. Las sesiones se llevarán a cabo "
    "preferentemente de manera presencial, cada 15 días.\n\n"
    "Aprobado por unanimidad\n\n"
    "Acuerdo 02/2021-2022\n\n"
    "Todas las sesiones serán grabadas y publicitadas por los medios digitales.\n\n"
    "Aprobado por unanimidad\n"
)


def test_a_dateline_gives_the_city_and_a_code_heads_its_whole_paragraph():
    result = parse_acta_text(COUNCIL)
    assert result["session"]["place"] == "Saltillo, Coahuila"
    first = result["agreements"][0]
    assert first["code"].endswith("01/2021-2022")
    assert first["text"] == (
        "Se realizarán dos sesiones ordinarias del Consejo al mes. Las sesiones se llevarán a "
        "cabo preferentemente de manera presencial, cada 15 días"
    )


def test_members_named_after_a_long_preamble_that_names_their_group():
    result = parse_acta_text(
        "ACTA DE LA PRIMERA SESIÓN ORDINARIA DEL CONSEJO DE PARTICIPACIÓN CIUDADANA\n\n"
        "Siendo las 12:30 del día 05 de octubre de 2021, y reunidos de manera presencial en las "
        "instalaciones de la Infoteca de la Universidad Autónoma de Coahuila, los cinco "
        "integrantes del Consejo de Participación Ciudadana del Sistema Anticorrupción del "
        "estado de Coahuila de Zaragoza (CPC Coahuila), en orden de prelación: Carlos Rangel "
        "Orona; Jafia Pacheco Valtierra; Miguel Crespo Alvarado; Yolanda Montes Martínez y; Juan "
        "Carlos Guzmán Escobedo, se llevó a cabo la primera sesión ordinaria.\n"
    )
    assert [(a["name"], a["role"]) for a in result["attendees"]] == [
        ("Carlos Rangel Orona", "Integrante"),
        ("Jafia Pacheco Valtierra", "Integrante"),
        ("Miguel Crespo Alvarado", "Integrante"),
        ("Yolanda Montes Martínez", "Integrante"),
        ("Juan Carlos Guzmán Escobedo", "Integrante"),
    ]


def test_figures_glued_to_words_and_an_acronym_in_the_venue():
    result = parse_acta_text(
        "Acta que se levanta en la ciudad de San Luis Potosí, capital del Estado del mismo "
        "nombre, a las12:00docehorasdel día 14 de diciembre de 2017, en la Sala de Capacitación "
        "de la Comisión Estatal de Garantía (en adelante CEGAIP), ubicada en Cordillera Himalaya "
        "No. 605, Lomas Cuarta Sección, Código Postal 78216, en esta ciudad; con motivo de "
        "celebrar la Sesión Extraordinaria29/2017, del Comité de Transparencia.\n"
    )
    session = result["session"]
    assert (session["number"], session["kind"], session["start_time"]) == (
        29,
        "extraordinaria",
        "12:00",
    )
    assert session["place"] == (
        "Sala de Capacitación de la Comisión Estatal de Garantía (en adelante CEGAIP), ubicada "
        "en Cordillera Himalaya No. 605, Lomas Cuarta Sección, Código Postal 78216"
    )


def test_the_first_of_those_named_and_an_address_in_a_fraccionamiento():
    result = parse_acta_text(
        "En la ciudad de San Luis Potosí, capital del Estado del mismo nombre, siendo las 11:00 "
        "once horas del día 06 seis de junio de 2017, se reunieron los Comisionados Alejandro "
        "Lafuente Torres, Yolanda E. Camacho Zapata y Claudia Avalos Cedillo, el primero de los "
        "nombrados en su carácter de Presidente, en el domicilio ubicado en la Avenida "
        "Cordillera Himalaya número 605, del Fraccionamiento Lomas Cuarta Sección de esta "
        "ciudad, a efecto de celebrar LA SEXTA SESIÓN ORDINARIA DE CONSEJO del presente año, "
        "conforme al siguiente: ORDEN DEL DÍA\n1. Lista de asistencia.\n2. Asuntos generales.\n"
    )
    assert result["attendees"][0] == {"name": "Alejandro Lafuente Torres", "role": "Presidente"}
    assert result["session"]["place"] == (
        "domicilio ubicado en la Avenida Cordillera Himalaya número 605, del Fraccionamiento "
        "Lomas Cuarta Sección de esta ciudad"
    )


def test_a_dateline_with_the_state_in_full_and_the_day_in_words():
    result = parse_acta_text(
        "San Luis Potosí, San Luis Potosí, 21 veintiuno de agosto de 2017.\n"
        "VERSIÓN ESTENOGRÁFICA DE LA SESIÓN EXTRAORDINARIA DE FECHA 21 DE AGOSTO DE 2017.\n"
    )
    assert result["session"]["place"] == "San Luis Potosí, San Luis Potosí"


def test_members_met_in_the_premises_their_committee_s_presidency_occupies():
    # A tribunal's transparency committee (eleventh session): "la Presidencia" names the
    # premises, not who presides, and the premises go on after the comma in the venue.
    result = parse_acta_text(
        "ACTA DE LA TERCERA SESION EXTRAORDINARIA DEL COMITÉ DE TRANSPARENCIA DEL TRIBUNAL "
        "ESTATAL DE JUSTICIA ADMINISTRATIVA DEL AÑO 2018. En la ciudad de San Luis Potosí, siendo "
        "las diez horas del dia veintisiete de junio del año dos mil dieciocho, estando reunidos "
        "en la planta baja del edificio, área que ocupa la Presidencia del Comité de "
        "Transparencia, en cumplimiento al artículo 51 de la Ley de Transparencia, el Licenciado "
        "Juan Carlos Fernández Canales en su carácter de Presidente del Comité de Transparencia, "
        "y como invitada permanente la Licenciada Diana Leyva Colunga, Titular de la Unidad de "
        "Archivos y el Licenciado Roberto Treviño Andrés, Titular de Unidad de Transparencia.\n"
    )
    assert result["session"]["place"] == (
        "planta baja del edificio, área que ocupa la Presidencia del Comité de Transparencia"
    )
    assert [(p["name"], p["role"]) for p in result["attendees"]] == [
        ("Juan Carlos Fernández Canales", "Presidente del Comité de Transparencia"),
        ("Diana Leyva Colunga", "Titular de la Unidad de Archivos"),
        ("Roberto Treviño Andrés", "Titular de Unidad de Transparencia"),
    ]


def test_a_plural_in_small_letters_before_a_titled_name_is_the_office_of_the_run_it_heads():
    # A party's transparency committee (eleventh session): "y los funcionarios partidistas
    # habilitados Lic. …, Ing. …, LED …": each of the run holds that office.
    result = parse_acta_text(
        "En el Municipio de Toluca de Lerdo, Estado de México, siendo las 16 horas con 37 minutos "
        "del día 18 de enero del 2021, reunidos los CC Mayra Gómez Bravo, Titular de la Unidad de "
        "Transparencia, Edgar Linares Olvera, Encargado de la Protección de Datos Personales y "
        "los funcionarios partidistas habilitados Lic. Ian Schleske de Ariño, Ing. Fabian Pérez "
        "Lope y LED Susana Pichardo Pereyra; se reunieron para formalizar la instalación del "
        "Comité de Transparencia.\n"
    )
    assert [(p["name"], p["role"]) for p in result["attendees"]] == [
        ("Mayra Gómez Bravo", "Titular de la Unidad de Transparencia"),
        ("Edgar Linares Olvera", "Encargado de la Protección de Datos Personales"),
        ("Ian Schleske de Ariño", "Funcionario partidista habilitado"),
        ("Fabian Pérez Lope", "Funcionario partidista habilitado"),
        ("Susana Pichardo Pereyra", "Funcionario partidista habilitado"),
    ]


def test_an_item_taken_up_under_its_title_as_a_heading_settles_the_agreement_under_it():
    # The minutes repeat each item's title in capitals, without its number, and a list of the
    # committee's duties numbered 1 to 4 comes before the third item's heading (eleventh session).
    result = parse_acta_text(
        "En Toluca, siendo las 16 horas con 37 minutos del día 18 de enero del 2021, reunidos "
        "los integrantes del Comité de Transparencia, bajo el siguiente\n"
        "ORDEN DEL DÍA\n"
        "1. Pase de lista de asistencia.\n"
        "2. Determinación del calendario de las sesiones ordinarias y extraordinarias.\n"
        "3. Nombramiento del responsable del módulo de acceso.\n"
        "4. Clausura de sesión.\n"
        "PASE DE LISTA DE ASISTENCIA.........\n"
        "Se pasó lista y hubo quórum.\n"
        "DETERMINACIÓN DEL CALENDARIO DE LAS SESIONES ORDINARIAS Y EXTRAORDINARIAS..........\n"
        "En el desahogo de este punto, la Titular ratificó el calendario de sesiones aprobado "
        "el 12 de diciembre de 2020, y recordó las funciones del Comité:\n"
        "1. Confirmar, modificar o revocar las determinaciones de las áreas.\n"
        "2. Ordenar a las áreas competentes que generen la información.\n"
        "3. Aprobar, modificar o revocar la clasificación de la información.\n"
        "4. Supervisar la aplicación de los lineamientos.\n"
        "Acto seguido, se procedió al desahogo del siguiente punto del orden del día.\n"
        "NOMBRAMIENTO DEL RESPONSABLE DEL MÓDULO DE ACCESO........\n"
        "En el desahogo de este punto, el Comité propone que la Lic. Susana Pichardo Pereyra sea "
        "la persona responsable del Módulo de Acceso, una vez analizado, fue aprobado por "
        "unanimidad de votos. Acto seguido se procedió al desahogo del siguiente punto del "
        "orden del día.\n"
        "CLAUSURA DE SESIÓN........\nSe clausuró la sesión.\n"
    )
    [agreement] = result["agreements"]
    assert agreement["agenda_item"] == 3


def test_a_session_numbered_after_the_body_s_noun():
    # "ACTA DE LA SESIÓN DE PLENO NÚMERO 351", its page's number after it (eleventh session).
    result = parse_acta_text(
        "ACTA DE LA SESIÓN DE PLENO NÚMERO 351 1 En la ciudad de Culiacán, Sinaloa; siendo las "
        "12:00 horas del día miércoles 6 de febrero de 2013, en la Sala de Pleno, se reunieron "
        "los Comisionados Lic. José Lugo Salazar y Dr. Alfonso Páez Álvarez.\n"
    )
    assert result["session"]["number"] == 351


def test_degrees_written_out_before_a_comma_and_the_group_s_office_before_its_colon():
    # A transparency institute's council (eleventh session, from a scan): "Ciudadanos
    # Consejeros:" heads the members, each degree is set apart by a comma from its name, and the
    # secretary's office opens the next list, its article taken by "con la asistencia de la".
    result = parse_acta_text(
        "ACTA 066/2014 ACTA DE LA SESIÓN DEL CONSEJO GENERAL DEL INSTITUTO ESTATAL DE ACCESO A LA "
        "INFORMACIÓN PÚBLICA.\n"
        "Siendo las doce horas con treinta y un minutos del día treinta de septiembre de dos mil "
        "catorce, se reunieron los integrantes del Consejo General del Instituto Estatal de Acceso "
        "a la Información Pública, Ciudadanos Consejeros: Ingeniero Civil, Víctor Manuel May Vera, "
        "Contador Público Certificado, Álvaro Traconis Flores, y la Licenciada en Derecho, Susana "
        "Aguilar Covarrubias, con la asistencia de la Secretaria Ejecutiva, Licenciada en Derecho, "
        "Leticia Tejero Cámara, para efectos de celebrar la sesión de Consejo para la que fueron "
        "convocados.\n"
    )
    assert [(p["name"], p["role"]) for p in result["attendees"]] == [
        ("Víctor Manuel May Vera", "Consejero"),
        ("Álvaro Traconis Flores", "Consejero"),
        ("Susana Aguilar Covarrubias", "Consejero"),
        ("Leticia Tejero Cámara", "Secretaria Ejecutiva"),
    ]
