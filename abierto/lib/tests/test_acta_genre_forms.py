"""Common forms of the genre written out from scratch (issue 13, twelfth session), for who met,
where and when: roll calls (answered after a stop, under "PASE DE LISTA", with dot leaders),
tables of members without a header row, offices given with a colon or on the line under the
name, rosters grouped by office or by where people come from, signers as attendees; venues,
premises, platforms and bare cities; bodies' names; session codes; convocations.

Each test is a short invented snippet in the words actas use, never a corpus file.
"""

from abierto.lib.acta import parse_acta_text
from abierto.lib.acta.names import singular, split_name_role
from abierto.lib.tests.test_acta_genre import _people

TITLE = "ACTA DE LA SEGUNDA SESIÓN ORDINARIA 2021 DEL COMITÉ TÉCNICO\n\n"


def test_a_section_heading_under_the_title_is_not_part_of_the_bodys_name():
    result = parse_acta_text(
        TITLE + "PASE DE LISTA\n\nJosé Luis Hernández Rivas, Presidente, presente.\n"
        "María Fernanda Salgado Téllez, Secretaria Técnica, presente.\n"
        "Carlos Alberto Pineda Ruiz, Vocal, ausente.\n\nSe declara la existencia de quórum.\n"
    )
    assert result["body"] == "COMITÉ TÉCNICO"


def test_a_roll_call_answered_after_a_full_stop_reads_those_present():
    people = _people(
        TITLE + "PASE DE LISTA\n\n1. José Luis Hernández Rivas, Presidente. Presente.\n"
        "2. María Fernanda Salgado Téllez, Secretaria Técnica. Presente.\n"
        "3. Carlos Alberto Pineda Ruiz, Vocal. Ausente.\n"
        "4. Adriana Moreno Cisneros, Vocal. Presente.\n\nSe declara la existencia de quórum.\n"
    )
    assert people == [
        ("José Luis Hernández Rivas", "Presidente"),
        ("María Fernanda Salgado Téllez", "Secretaria Técnica"),
        ("Adriana Moreno Cisneros", "Vocal"),
    ]


def test_a_roll_call_heading_alone_on_its_line_heads_one_member_a_line():
    people = _people(
        TITLE + "PASE DE LISTA\n\nJosé Luis Hernández Rivas, Presidente.\n"
        "María Fernanda Salgado Téllez, Secretaria Técnica.\n\n"
        "Se declara la existencia de quórum.\n"
    )
    assert people == [
        ("José Luis Hernández Rivas", "Presidente"),
        ("María Fernanda Salgado Téllez", "Secretaria Técnica"),
    ]


def test_the_roll_call_as_an_agenda_item_heads_no_list():
    people = _people(
        TITLE + "ORDEN DEL DÍA\n1. Pase de lista y declaración de quórum.\n"
        "2. Aprobación del orden del día.\n3. Asuntos generales.\n"
    )
    assert people == []


OPENING = (
    "ACTA DE LA PRIMERA SESIÓN EXTRAORDINARIA DEL CONSEJO MUNICIPAL DE PROTECCIÓN CIVIL\n\n"
    "Siendo las 17:30 horas del día 3 de febrero de 2021, en la Sala de Cabildo, se reunieron "
    "los siguientes integrantes del Consejo:\n\n"
)


def test_a_table_without_header_gives_each_name_the_office_in_its_row():
    people = _people(
        OPENING + "C. Arturo Delgado Mejía\tPresidente Municipal\n"
        "Lic. José Antonio Ramírez Soto\tSecretario del Ayuntamiento\n"
        "Ing. Mario Alberto Fuentes Lara\tDirector de Protección Civil\n\n"
        "Una vez verificado el quórum, se dio inicio a la sesión.\n"
    )
    assert people == [
        ("Arturo Delgado Mejía", "Presidente Municipal"),
        ("José Antonio Ramírez Soto", "Secretario del Ayuntamiento"),
        ("Mario Alberto Fuentes Lara", "Director de Protección Civil"),
    ]


def test_a_table_without_header_may_give_the_office_first_and_mark_absences():
    people = _people(
        OPENING + "PRESIDENTE MUNICIPAL | C. ARTURO DELGADO MEJÍA | PRESENTE\n"
        "SECRETARIO DEL AYUNTAMIENTO | LIC. JOSÉ ANTONIO RAMÍREZ SOTO | AUSENTE\n"
        "DIRECTORA DE SALUD | DRA. GABRIELA NÚÑEZ OROZCO | PRESENTE\n\n"
        "Una vez verificado el quórum, se dio inicio a la sesión.\n"
    )
    assert people == [
        ("ARTURO DELGADO MEJÍA", "PRESIDENTE MUNICIPAL"),
        ("GABRIELA NÚÑEZ OROZCO", "DIRECTORA DE SALUD"),
    ]


def test_a_bare_table_of_votes_or_of_one_row_names_no_member():
    people = _people(
        OPENING + "Arturo Delgado Mejía\tA favor\nJosé Antonio Ramírez Soto\tA favor\n\n"
        "Se aprobó el acuerdo.\n\nGabriela Núñez Orozco\tDirectora de Salud\n\n"
        "Una vez verificado el quórum, se dio inicio a la sesión.\n"
    )
    assert people == []


def test_an_office_closed_by_a_colon_before_a_titled_name_is_its_role():
    people = _people(
        "ACTA DE LA SESIÓN ORDINARIA DEL CONSEJO DIRECTIVO\n\nSiendo las 10:00 horas del día 8 "
        "de mayo de 2019, en las instalaciones del Instituto, se reunieron los miembros del "
        "Consejo Directivo:\n\nPresidente: Mtro. Luis Fernando Arriaga Ponce\n"
        "Comisario: Lic. Verónica Lozano Garza\n\nVerificado el quórum, se declaró instalada "
        "la sesión.\n"
    )
    assert people == [
        ("Luis Fernando Arriaga Ponce", "Presidente"),
        ("Verónica Lozano Garza", "Comisario"),
    ]


def test_an_office_opening_its_line_with_a_colon_is_the_titled_names_role():
    people = _people(
        "ACTA DE LA SESIÓN ORDINARIA DEL CONSEJO DIRECTIVO\n\nSiendo las 10:00 horas del día 8 "
        "de mayo de 2019, en el auditorio, se dio inicio a la sesión, con la presencia de:\n\n"
        "Presidente.- Mtro. Luis Fernando Arriaga Ponce\nComisario: Lic. Verónica Lozano Garza\n"
    )
    assert ("Verónica Lozano Garza", "Comisario") in people


def test_the_venue_ends_where_the_attendees_courtesy_title_begins():
    result = parse_acta_text(
        "ACTA DE SESIÓN ORDINARIA DE CABILDO No. 25\n\nEn la cabecera municipal de San Juan, "
        "siendo las 16:00 horas del 10 de octubre de 2017, se reunieron en el salón de cabildo "
        "los CC. Marco Antonio Reyes Díaz, Presidente Municipal; Lucía Fernández Mora, Síndico "
        "Municipal, para celebrar sesión ordinaria."
    )
    assert result["session"]["place"] == "salón de cabildo"


PREMISES = (
    "ACTA DE LA TERCERA SESIÓN ORDINARIA DEL COMITÉ DE TRANSPARENCIA\n\nEn la Heroica Puebla "
    "de Zaragoza, a los 3 días del mes de mayo de 2018, en las oficinas que ocupa la Unidad de "
    "Transparencia, sita en calle 5 de Mayo número 10{room}, se reunieron los miembros del "
    "Comité."
)


def test_premises_named_by_the_office_that_occupies_them_are_the_venue():
    result = parse_acta_text(PREMISES.format(room=""))
    assert result["session"]["place"] == (
        "oficinas que ocupa la Unidad de Transparencia, sita en calle 5 de Mayo número 10"
    )


def test_a_room_named_in_the_premises_is_the_venue():
    result = parse_acta_text(PREMISES.format(room=", en la Sala de Juntas"))
    assert result["session"]["place"] == "Sala de Juntas"


def test_a_courtesy_word_closing_a_bodys_name_before_a_colon_belongs_to_it():
    result = parse_acta_text(
        "ACTA DE LA SESIÓN EXTRAORDINARIA\n\nEn Oaxaca de Juárez, Oaxaca, siendo las trece "
        "horas del día veinte de noviembre de dos mil veinte, reunidos de manera virtual, los "
        "integrantes del Consejo Ciudadano: Alicia Bárcenas Toledo, Consejera Presidenta; y "
        "Roberto Ruiz Esparza, Consejero; con el objeto de celebrar la sesión extraordinaria."
    )
    assert result["body"] == "Consejo Ciudadano"


def test_an_office_after_asi_como_del_is_the_next_names_not_the_groups():
    people = _people(
        "ACTA DE LA PRIMERA SESIÓN ORDINARIA DEL CONSEJO CONSULTIVO\n\nEn León, siendo las 17:00 "
        "horas del 2 de junio de 2020, en la sala de juntas, con la asistencia de los consejeros "
        "Mariana Ochoa Treviño y José María De la Garza, así como del Secretario Técnico, "
        "Ernesto Villaseñor Ruiz, se dio inicio a la sesión."
    )
    assert people[-1] == ("Ernesto Villaseñor Ruiz", "Secretario Técnico")
    assert people[0] == ("Mariana Ochoa Treviño", "Consejero")


def test_an_office_before_the_name_loses_its_contracted_article():
    assert split_name_role("del Secretario Técnico, Ernesto Villaseñor Ruiz") == (
        "Ernesto Villaseñor Ruiz",
        "Secretario Técnico",
    )
    assert split_name_role("a la Directora General, Ana Ruiz Paz") == (
        "Ana Ruiz Paz",
        "Directora General",
    )


def test_members_whose_signatures_appear_at_the_end_are_those_signed_under_their_offices():
    people = _people(
        "ACTA DE LA TERCERA SESIÓN ORDINARIA DEL COMITÉ DE ÉTICA\n\nEn la ciudad de Chihuahua, "
        "siendo las 10:00 horas del día 9 de septiembre de 2021, en la sala de juntas, se "
        "reunieron los integrantes del Comité cuyas firmas aparecen al final de la presente "
        "acta, para celebrar la sesión.\n\nORDEN DEL DÍA\n1. Lista de asistencia.\n2. Asuntos "
        "generales.\n\nNo habiendo más asuntos que tratar, se da por concluida la sesión, "
        "firmando al calce los que en ella intervinieron.\n\nLIC. ANA PATRICIA RUIZ MENDOZA\n"
        "PRESIDENTA DEL COMITÉ\n\nING. JORGE ALBERTO SALAS VIDAL\nSECRETARIO EJECUTIVO\n\n"
        "C. RAMÓN ESTEBAN GIL TORRES\nVOCAL\n"
    )
    assert [name for name, _ in people] == [
        "ANA PATRICIA RUIZ MENDOZA",
        "JORGE ALBERTO SALAS VIDAL",
        "RAMÓN ESTEBAN GIL TORRES",
    ]
    assert (people[2][1] or "").casefold() == "vocal"


def test_participants_listed_under_the_institution_they_come_from():
    people = _people(
        "MINUTA DE REUNIÓN\n\nFecha: 12 de mayo de 2022\nLugar: Sala 2 del Instituto\n\n"
        "Participantes:\nInstituto de Transparencia: Lic. Sofía Ramírez Torres, Comisionada "
        "Presidenta; Mtro. Julio César Peña Díaz, Director de Gobierno Abierto.\nSociedad "
        "civil: Fundación Ciudadana A.C., representada por Laura Méndez Ríos; Observatorio "
        "Urbano, representado por Pedro Aguilar Soto.\nGobierno del Estado: Ing. Marco Antonio "
        "Vela Cruz, Subsecretario de Planeación.\n\nAcuerdos:\n1. Se presentará el informe.\n"
    )
    assert people == [
        ("Sofía Ramírez Torres", "Comisionada Presidenta"),
        ("Julio César Peña Díaz", "Director de Gobierno Abierto"),
        ("Laura Méndez Ríos", "Representante de Fundación Ciudadana A.C."),
        ("Pedro Aguilar Soto", "Representante de Observatorio Urbano"),
        ("Marco Antonio Vela Cruz", "Subsecretario de Planeación"),
    ]


def test_labels_qualified_before_their_colon_head_a_list_after_a_blank_line():
    people = _people(
        "ACTA DE LA SESIÓN EXTRAORDINARIA DEL CONSEJO GENERAL\n\nEn la ciudad de Zacatecas, "
        "siendo las 12:00 horas del día 4 de enero de 2021, en la Sala de Sesiones, se "
        "reunieron:\n\nConsejera Presidenta: Mtra. Brenda Mora Aguilera.\nConsejeras y "
        "Consejeros Electorales: Mtro. Arturo Sosa Carlos, Lic. Elia Olivia Castro Rosales.\n"
        "Representantes de los partidos políticos: PAN, Lic. Felipe de Jesús Delgado; PRI, Lic. "
        "Juan José Enciso Alba.\nSecretario Ejecutivo: Lic. Juan Osiris Santoyo de la Rosa.\n"
    )
    assert people == [
        ("Brenda Mora Aguilera", "Consejera Presidenta"),
        ("Arturo Sosa Carlos", "Consejero Electoral"),
        ("Elia Olivia Castro Rosales", "Consejera Electoral"),
        ("Felipe de Jesús Delgado", "Representante de los partidos políticos"),
        ("Juan José Enciso Alba", "Representante de los partidos políticos"),
        ("Juan Osiris Santoyo de la Rosa", "Secretario Ejecutivo"),
    ]


def test_an_office_is_made_singular_up_to_its_complement():
    assert singular("Consejeros Electorales") == "Consejero Electoral"
    assert singular("Integrantes del Comité de Vecinos") == "Integrante del Comité de Vecinos"


def test_a_block_of_attendees_grouped_under_where_they_come_from():
    result = parse_acta_text(
        "MINUTA DE LA TERCERA REUNIÓN DE TRABAJO DEL SECRETARIADO TÉCNICO LOCAL\n\nCiudad de "
        "México, a 20 de julio de 2022.\n\nAsistentes\n\nPor el Instituto de Transparencia:\n"
        "Mtra. Laura Lizette Enríquez Rodríguez, Comisionada Presidenta\n\nPor la Sociedad "
        "Civil:\nHaydeé Pérez Garrido, Fundar\nEduardo Bohórquez López, Transparencia Mexicana\n"
    )
    assert [(item["name"], item["role"]) for item in result["attendees"]] == [
        ("Laura Lizette Enríquez Rodríguez", "Comisionada Presidenta"),
        ("Haydeé Pérez Garrido", "Fundar"),
        ("Eduardo Bohórquez López", "Transparencia Mexicana"),
    ]
    assert result["session"]["place"] == "Ciudad de México"


def test_a_session_code_in_the_heading_gives_its_kind_and_number():
    session = parse_acta_text(
        "ACTA DE LA SESIÓN CT/SE-04/2020 DEL COMITÉ DE TRANSPARENCIA\n\nEn Monterrey, siendo las "
        "diez horas del 12 de marzo de 2020, en la sala de juntas, se reunieron los integrantes "
        "del Comité; se analizó lo que se 12/2020 dijo."
    )["session"]
    assert (session["kind"], session["number"]) == ("extraordinaria", 4)


def test_a_courtesy_word_ending_the_bodys_line_belongs_to_its_name():
    result = parse_acta_text(
        "GOBIERNO MUNICIPAL DE ZAPOPAN\n\nMINUTA DE LA SESIÓN ORDINARIA DEL CONSEJO MUNICIPAL DE "
        "PARTICIPACIÓN CIUDADANA\n\nEn Zapopan, Jalisco, siendo las 18:00 horas del 3 de marzo "
        "de 2020, se reunieron los consejeros."
    )
    assert result["body"] == "CONSEJO MUNICIPAL DE PARTICIPACIÓN CIUDADANA"


def test_each_office_on_the_line_under_its_name_in_a_block_of_those_present():
    people = _people(
        "ACTA DE LA PRIMERA SESIÓN ORDINARIA DEL COMITÉ TÉCNICO\n\nEn Toluca, siendo las 10:00 "
        "horas del 5 de marzo de 2021, en la Sala de Juntas, se reunieron las personas que se "
        "enlistan a continuación:\n\nPRESENTES:\nLic. Ana María Ruiz Pérez\nPresidenta del "
        "Comité\nIng. Luis Alberto Gómez Soto\nSecretario Técnico\nC.P. Martha Elena Díaz León\n"
        "Vocal\n\nUna vez verificado el quórum se inició la sesión."
    )
    assert people == [
        ("Ana María Ruiz Pérez", "Presidenta del Comité"),
        ("Luis Alberto Gómez Soto", "Secretario Técnico"),
        ("Martha Elena Díaz León", "Vocal"),
    ]


def test_the_last_office_of_a_list_after_y_de_la_is_the_names_after_it():
    people = _people(
        "ACTA DE LA PRIMERA SESIÓN ORDINARIA DEL COMITÉ TÉCNICO\n\nEn Toluca, siendo las 10:00 "
        "horas del 5 de marzo de 2021, en la Sala de Juntas, con la presencia de la Presidenta "
        "del Comité, Lic. Ana María Ruiz Pérez; y de la Vocal, C.P. Martha Elena Díaz León; y "
        "corroborándose la presencia de la Comisionada Rosa Salinas Treviño, y del Comisionado "
        "Roberto Jaime Arreola Loperena."
    )
    assert ("Martha Elena Díaz León", "Vocal") in people
    assert ("Rosa Salinas Treviño", "Comisionada") in people


def test_a_platform_named_after_mediante_is_the_place_without_its_link():
    session = parse_acta_text(
        "ACTA DE LA PRIMERA SESIÓN ORDINARIA DEL COMITÉ TÉCNICO\n\nSiendo las 10:00 horas del 5 "
        "de marzo de 2021, de manera remota mediante la aplicación Google Meet (enlace "
        "meet.google.com/abc-defg-hij), se reunieron los integrantes del Comité."
    )["session"]
    assert (session["modality"], session["place"]) == ("virtual", "aplicación Google Meet")


def _session(opening: str) -> dict:
    return parse_acta_text("ACTA DE LA PRIMERA SESIÓN ORDINARIA DEL COMITÉ TÉCNICO\n\n" + opening)[
        "session"
    ]


def test_a_city_named_without_ciudad_de_opening_the_first_sentence_is_the_place():
    session = _session(
        "En Pachuca, Hidalgo, siendo las 10:00 horas del día viernes cinco de marzo de dos mil "
        "veintiuno, se reunieron los integrantes del Comité."
    )
    assert (session["place"], session["date"]) == ("Pachuca, Hidalgo", "2021-03-05")
    assert (
        _session("En Sesión Ordinaria, siendo las 10:00 horas del 5 de marzo de 2021.")["place"]
        is None
    )


def test_a_date_in_the_present_year_named_after_it():
    session = _session(
        "En Durango, Dgo., el día 5 de marzo del presente año 2021, a las 10 hrs., se reunieron "
        "los integrantes del Comité."
    )
    assert session["date"] == "2021-03-05"


def test_who_issued_a_convocation_after_its_date():
    result = parse_acta_text(
        "ACTA DE LA PRIMERA SESIÓN ORDINARIA DEL COMITÉ TÉCNICO\n\nEn Toluca, siendo las 10:00 "
        "horas del 5 de marzo de 2021, en la sala de juntas, atendiendo a la convocatoria emitida "
        "el 26 de febrero de 2021 por el Lic. Juan Pérez Gil, Presidente del Comité, se reunieron "
        "sus integrantes."
    )
    assert result["convocation"] == {
        "reference": "",
        "date": "2021-02-26",
        "convened_by": "Juan Pérez Gil",
    }


def test_a_roll_call_with_dot_leaders_leaves_out_who_justified_the_absence():
    people = _people(
        "ACTA DE LA PRIMERA SESIÓN ORDINARIA DEL COMITÉ TÉCNICO\n\nEn Toluca, siendo las 10:00 "
        "horas del 5 de marzo de 2021, en la sala de juntas, se procedió al pase de lista:\n\n"
        "Lic. Ana María Ruiz Pérez, Presidenta ............ Presente\nC.P. Martha Elena Díaz "
        "León, Vocal ........ Justificó su inasistencia\nMtro. Jorge Ramos Vega, Vocal ......... "
        "Presente\n"
    )
    assert people == [("Ana María Ruiz Pérez", "Presidenta"), ("Jorge Ramos Vega", "Vocal")]


def test_an_office_given_en_su_caracter_de_as_a_scan_misreads_it():
    people = _people(
        "ACTA DE LA COMISIÓN EDILICIA DE HACIENDA\n\nEn la Ciudad de Guadalajara, siendo las "
        "10:15 horas del día 16 de marzo de 2016, reunidos en el Salón Mezanine, con la "
        "asistencia de la Regidora María Eugenia Arias Bocanegra, en su cardécter de Presidenta "
        "de la Comisión, y del Regidor Enrique Israel Medina Torres, en su carácter de Vocal."
    )
    assert people == [
        ("María Eugenia Arias Bocanegra", "Presidenta de la Comisión"),
        ("Enrique Israel Medina Torres", "Vocal"),
    ]


def test_a_group_named_as_the_body_in_the_title():
    result = parse_acta_text(
        "MINUTA DE LA TERCERA REUNIÓN DE TRABAJO DEL GRUPO DE GOBIERNO ABIERTO DE TLALNEPANTLA\n"
        "En Tlalnepantla de Baz, siendo las 10:00 horas del 3 de marzo de 2023, se reunieron los "
        "integrantes del grupo de personas convocadas."
    )
    assert result["body"] == "GRUPO DE GOBIERNO ABIERTO DE TLALNEPANTLA"


def test_the_premises_named_by_who_occupies_them_in_the_singular():
    result = parse_acta_text(
        TITLE + "En Toluca, siendo las 10:00 horas del 5 de marzo de 2021, en el lugar que ocupa "
        "la Presidencia Municipal, se reunieron los integrantes del Comité.\n"
    )
    assert result["session"]["place"] == "lugar que ocupa la Presidencia Municipal"


def test_a_session_held_por_medios_electronicos_is_virtual():
    result = parse_acta_text(
        TITLE + "En Toluca, siendo las 10:00 horas del 14 de diciembre de 2021, se reunieron por "
        "medios electrónicos los integrantes del Comité.\n"
    )
    assert result["session"]["modality"] == "virtual"
