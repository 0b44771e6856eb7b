"""More of the genre's forms for who attended (issue 13, thirteenth session), found by
writing minutes from scratch as juntas de gobierno, assemblies, communiqués and working
groups write them.

Each test is a short invented snippet in the words actas use, never a corpus file.
"""

from abierto.lib.tests.test_acta_genre import _people

TITLE = "ACTA DE LA TERCERA SESIÓN EXTRAORDINARIA DE LA JUNTA DE GOBIERNO\n\n"


def test_the_last_of_a_list_written_office_first_after_y_la():
    people = _people(
        TITLE + "En la ciudad de Celaya, a las trece horas del 22 de junio de 2022, se reunieron "
        "los integrantes de la Junta de Gobierno: la Directora General, Mtra. Rosa Isela "
        "Gutiérrez Mora; la Tesorera Municipal, C.P. Verónica Salgado Ibarra, y la Contralora "
        "Municipal, Lic. Mariana Villalobos Cano.\n\nSe declara el quórum legal.\n"
    )
    assert people == [
        ("Rosa Isela Gutiérrez Mora", "Directora General"),
        ("Verónica Salgado Ibarra", "Tesorera Municipal"),
        ("Mariana Villalobos Cano", "Contralora Municipal"),
    ]


def test_comparecen_opens_the_list_of_those_attending():
    people = _people(
        TITLE + "En la ciudad de Celaya, a las trece horas del día 22 de junio de 2022, comparecen "
        "los integrantes de la Junta de Gobierno: la Presidenta, Lic. Elvira Paniagua Rodríguez; "
        "la Secretaria Técnica, Mtra. Rosa Isela Gutiérrez Mora; y la Vocal, C.P. Verónica "
        "Salgado Ibarra.\n\nSe declara el quórum legal.\n"
    )
    assert people == [
        ("Elvira Paniagua Rodríguez", "Presidenta"),
        ("Rosa Isela Gutiérrez Mora", "Secretaria Técnica"),
        ("Verónica Salgado Ibarra", "Vocal"),
    ]


OPENING = (
    "En Metepec, siendo las 18:15 horas del 12 de marzo de 2022, en el salón de usos múltiples."
)


def test_who_presided_and_who_acted_as_secretary_after_the_agenda():
    people = _people(
        TITLE + OPENING + "\n\nORDEN DEL DÍA\n\nI. Lista de asistencia.\nII. Informe.\n\n"
        "Presidió la asamblea el C. Roberto Sánchez Gil, Presidente de la Mesa Directiva, "
        "actuando como secretaria la C. María Elena Ruiz Tapia, quien pasó lista de asistencia.\n"
    )
    assert people == [
        ("Roberto Sánchez Gil", "Presidente de la Mesa Directiva"),
        ("María Elena Ruiz Tapia", "Secretaria"),
    ]


def test_who_presided_named_after_the_office_and_the_secretary_with_hers():
    people = _people(
        TITLE + OPENING + " Presidió la sesión el Presidente Municipal, Lic. Juan Pérez López, "
        "fungiendo como Secretaria Técnica la Lic. Ana Paz Cruz.\n\nSe declara el quórum.\n"
    )
    assert people == [
        ("Juan Pérez López", "Presidente Municipal"),
        ("Ana Paz Cruz", "Secretaria Técnica"),
    ]


def test_a_communique_names_who_took_part_in_the_session():
    people = _people(
        "Celebra el Comité de Participación Ciudadana su Décima Sesión Ordinaria\n\n"
        "Zacatecas, Zac., 14 de septiembre de 2021.- En sesión virtual, el Comité aprobó su "
        "programa anual de trabajo.\n\nParticiparon en la sesión la Presidenta del Comité, "
        "Mtra. Ana Laura Díaz Méndez; el Dr. Jorge Luis Ramírez Soto, y la Lic. Claudia Ivette "
        "Ortega Cruz.\n"
    )
    assert people == [
        ("Ana Laura Díaz Méndez", "Presidenta del Comité"),
        ("Jorge Luis Ramírez Soto", None),
        ("Claudia Ivette Ortega Cruz", None),
    ]


def test_an_assemblys_officers_under_quedando_integrada_end_at_a_line_of_prose():
    people = _people(
        "ACTA DE ASAMBLEA GENERAL DE EJIDATARIOS\n\n" + OPENING + " Asistieron también el C. "
        "Lic. Héctor Gómez Aguilar, Fedatario Público.\n\nORDEN DEL DÍA\n1. Lista de asistencia.\n"
        "2. Mesa de debates.\n3. Elección del Comisariado.\n\nSe procedió a nombrar la mesa de "
        "debates, quedando integrada de la siguiente manera:\n\nPresidente: C. Fermín López "
        "Gutiérrez\nSecretario: C. Eliseo Pérez Roblero\nEscrutadores: C. Amado Díaz Cruz y C. "
        "Rosendo Vázquez Ruiz\nEn desahogo del tercer punto, por mayoría de votos se eligió a "
        "los nuevos integrantes del Comisariado, quedando como Presidente el C. Adolfo Méndez "
        "Castillo.\n"
    )
    assert people == [
        ("Héctor Gómez Aguilar", "Fedatario Público"),
        ("Fermín López Gutiérrez", "Presidente"),
        ("Eliseo Pérez Roblero", "Secretario"),
        ("Amado Díaz Cruz", "Escrutador"),
        ("Rosendo Vázquez Ruiz", "Escrutador"),
    ]


def test_those_whose_names_and_signatures_close_the_acta_side_by_side_attended():
    people = _people(
        "ACTA DE ASAMBLEA CONSTITUTIVA DE LA SOCIEDAD COOPERATIVA\n\nEn Papantla, Veracruz, "
        "siendo las 11:00 horas del día 5 de julio de 2011, se reunieron las personas cuyos "
        "nombres y firmas aparecen al final de la presente acta.\n\nPor unanimidad se aprobaron "
        "las bases constitutivas.\n\nSe levantó la asamblea a las 13:30 horas.\n\n"
        "ROSA MARÍA GARCÍA OLMEDO\tJUANA SANTIAGO PÉREZ\n"
        "MARÍA DE LOURDES OLARTE VEGA\tELENA CRUZ MÁRQUEZ\n"
    )
    assert [name for name, _role in people] == [
        "ROSA MARÍA GARCÍA OLMEDO",
        "JUANA SANTIAGO PÉREZ",
        "MARÍA DE LOURDES OLARTE VEGA",
        "ELENA CRUZ MÁRQUEZ",
    ]


def test_a_list_after_its_colon_with_each_office_on_the_line_under_the_name():
    people = _people(
        "ACTA DE LA LXXVI SESIÓN ORDINARIA DE LA H. JUNTA DIRECTIVA DEL COLEGIO\n\nEn Metepec, "
        "siendo las doce horas del día 5 de diciembre de 2016, se reunieron los integrantes de la "
        "H. Junta Directiva, con la asistencia de los siguientes servidores públicos:\n\n"
        "MTRO. ALEJANDRO FERNÁNDEZ CAMPILLO\nSUBSECRETARIO DE EDUCACIÓN MEDIA SUPERIOR Y "
        "SUPERIOR Y PRESIDENTE DE LA H. JUNTA DIRECTIVA\n\nC.P. MARÍA GUADALUPE VEGA ORTIZ\n"
        "COMISARIO\n\nORDEN DEL DÍA\n\n1. LISTA DE ASISTENCIA.\n2. APROBACIÓN DEL PRESUPUESTO.\n"
    )
    assert people == [
        (
            "ALEJANDRO FERNÁNDEZ CAMPILLO",
            "SUBSECRETARIO DE EDUCACIÓN MEDIA SUPERIOR Y SUPERIOR Y PRESIDENTE DE LA H. JUNTA "
            "DIRECTIVA",
        ),
        ("MARÍA GUADALUPE VEGA ORTIZ", "COMISARIO"),
    ]


def test_a_social_workers_degree_before_a_name_in_a_block_of_members():
    people = _people(
        TITLE + "En Campeche, siendo las 10:00 horas del 14 de febrero de 2019, se reunieron los "
        "integrantes.\n\nLista de asistencia:\n\nPresidenta: Licda. Mariela Sánchez Uc, "
        "Directora General.\nVocales:\nPsic. Ana Laura May Poot, Jefa del Departamento de "
        "Psicología.\nT.S. Rosa Elena Canul Ek, Jefa del Departamento de Trabajo Social.\nLic. "
        "Jorge Luis Dzib Can, Jefe del Departamento Jurídico.\n\nVerificado el quórum, se declaró "
        "instalada la sesión.\n"
    )
    assert [name for name, _role in people] == [
        "Mariela Sánchez Uc",
        "Ana Laura May Poot",
        "Rosa Elena Canul Ek",
        "Jorge Luis Dzib Can",
    ]


def test_two_acting_together_as_secretaries_each_in_their_gender():
    people = _people(
        "VERSIÓN ESTENOGRÁFICA DE LA DÉCIMA OCTAVA SESIÓN ORDINARIA DE LA LEGISLATURA\n\nEn "
        "Tlaxcala, siendo las diez horas del 7 de marzo de 2017, en la Sala de Sesiones, se "
        "abre la sesión bajo la Presidencia de la Diputada Aitzury Fernanda Sandoval Vega, "
        "actuando como secretarios los diputados Jesús Portillo Herrera y Eréndira Elsa Carlota "
        "Jiménez Montiel. Acto seguido se da lectura al orden del día.\n"
    )
    assert sorted(people) == [
        ("Aitzury Fernanda Sandoval Vega", "Diputada"),
        ("Eréndira Elsa Carlota Jiménez Montiel", "Secretaria"),
        ("Jesús Portillo Herrera", "Secretario"),
    ]


def test_one_called_in_a_roll_call_and_answered_absent_is_not_present():
    people = _people(
        "ACTA DE SESIÓN ORDINARIA DEL CONSEJO MUNICIPAL ELECTORAL\n\nEn Río Bravo, siendo las "
        "17:00 horas del 22 de julio de 2021, se reunieron los integrantes del Consejo.\n\n"
        "EL SECRETARIO: Procedo a realizar el pase de lista.\n\n"
        "C. JUAN MANUEL GARZA LÓPEZ, CONSEJERO PRESIDENTE. PRESENTE.\n"
        "C. ANA KAREN SALINAS RÍOS, SECRETARIA DEL CONSEJO. PRESENTE.\n"
        "C. LUIS ÁNGEL MORENO VILLARREAL, REPRESENTANTE DEL PARTIDO ACCIÓN NACIONAL. AUSENTE.\n\n"
        "EL SECRETARIO: Existe quórum legal para sesionar.\n"
    )
    assert [name for name, _role in people] == ["JUAN MANUEL GARZA LÓPEZ", "ANA KAREN SALINAS RÍOS"]


def test_a_party_as_the_label_names_its_representative():
    people = _people(
        "ACTA DE LA SESIÓN ORDINARIA DEL CONSEJO GENERAL\n\nEn Toluca, siendo las 10:00 horas "
        "del 5 de marzo de 2021, se reunieron los integrantes del Consejo General:\n"
        "Consejera Presidenta: Mtra. Laura Daniella Durán Ceja\n"
        "Representantes de los partidos políticos:\nPAN: Lic. Alfonso Guillermo Bravo Álvarez\n"
        "Morena: Lic. Javier Rivera Escalona\nPartido del Trabajo: C. Ana Ruiz Mejía\n\n"
        "Se declara la existencia del quórum.\n"
    )
    assert people == [
        ("Laura Daniella Durán Ceja", "Consejera Presidenta"),
        ("Alfonso Guillermo Bravo Álvarez", "Representante del PAN"),
        ("Javier Rivera Escalona", "Representante de Morena"),
        ("Ana Ruiz Mejía", "Representante del Partido del Trabajo"),
    ]


def test_a_rector_with_a_degrees_initials_presides_and_a_secretary_acts():
    people = _people(
        "H. CONSEJO UNIVERSITARIO\n\nACTA DE LA SESIÓN EXTRAORDINARIA\n\nEn Chihuahua, siendo "
        "las 10:00 horas del 9 de junio de 2022, en el Aula Magna, se reunieron los integrantes "
        "del H. Consejo Universitario, bajo la presidencia del M.C. Luis Alberto Fierro Ramírez, "
        "Rector de la Universidad, y actuando como Secretario el M.A. Javier Martínez Nevárez, "
        "Secretario General, con el objeto de designar al Director de la Facultad de Ciencias "
        "Políticas y Sociales.\n"
    )
    assert people == [
        ("Luis Alberto Fierro Ramírez", "Rector de la Universidad"),
        ("Javier Martínez Nevárez", "Secretario General"),
    ]


def test_a_blank_line_between_the_preambles_colon_and_the_labels():
    people = _people(
        TITLE + "Siendo las 13:00 horas del 17 de mayo de 2016, en la Sala de Consejo, se "
        "reunieron los miembros del Consejo, con la asistencia de los siguientes consejeros:\n\n"
        "Presidente: Ing. Jorge Mario Hernández Cruz.\nConsejeros docentes: M. en C. Pedro Luis "
        "Soto Vega, Ing. Mónica Ruiz Castro.\n\nORDEN DEL DÍA\n1. Verificación del quórum.\n"
        "2. Asuntos académicos.\n"
    )
    assert people == [
        ("Jorge Mario Hernández Cruz", "Presidente"),
        ("Pedro Luis Soto Vega", "Consejero docente"),
        ("Mónica Ruiz Castro", "Consejero docente"),
    ]


def test_a_efecto_de_ends_the_list_and_the_last_office():
    people = _people(
        TITLE + "En Tacámbaro, siendo las 11:00 horas del 18 de octubre de 2017, en la oficina de "
        "la Unidad de Transparencia, se reunieron los CC. Lic. José Luis Mejía Vargas, Contralor "
        "Municipal y Presidente del Comité; y Lic. Francisco Reyes Bautista, Titular de la Unidad "
        "de Transparencia y Secretario Técnico, a efecto de desahogar el siguiente orden del día: "
        "1. Lista de asistencia; 2. Asuntos generales.\n"
    )
    assert people == [
        ("José Luis Mejía Vargas", "Contralor Municipal y Presidente del Comité"),
        ("Francisco Reyes Bautista", "Titular de la Unidad de Transparencia y Secretario Técnico"),
    ]


def test_who_opened_the_session_is_not_given_the_sentence_as_office():
    people = _people(
        "ACTA NÚMERO 22 DE LA SESIÓN EXTRAORDINARIA DEL H. AYUNTAMIENTO\n\nEn Irapuato, siendo "
        "las 9:00 horas del 12 de agosto de 2025, reunidos en el Salón de Cabildo los integrantes "
        "del H. Ayuntamiento, la Presidenta Municipal, Lorena del Carmen Alfaro García, dio "
        "inicio a la sesión e instruyó al Secretario que pasara lista de asistencia.\n"
    )
    assert people == [("Lorena del Carmen Alfaro García", "Presidenta Municipal")]


MEETING = "En Toluca, siendo las 10:00 horas del 5 de marzo de 2021, en la sala de juntas.\n\n"


def test_names_run_on_after_a_label_with_commas_and_no_office():
    people = _people(
        TITLE + MEETING + "Asistentes: Ana María Ruiz Soto, Pedro Gómez Lara, Luis Mora Gil.\n\n"
        "Se declara la existencia de quórum.\n"
    )
    assert people == [
        ("Ana María Ruiz Soto", None),
        ("Pedro Gómez Lara", None),
        ("Luis Mora Gil", None),
    ]


def test_a_slash_between_the_name_and_the_office():
    people = _people(
        TITLE + MEETING + "Participantes:\nAna María Ruiz Soto / Presidenta\nPedro Gómez Lara / "
        "Secretario\n\nSe declara la existencia de quórum.\n"
    )
    assert people == [("Ana María Ruiz Soto", "Presidenta"), ("Pedro Gómez Lara", "Secretario")]


def test_the_secretary_of_the_r_ayuntamiento_named_after_his_office():
    people = _people(
        "ACTA 14/2008\n\nEn Monterrey, siendo las 11:00 horas del 11 de junio del 2008, reunidos "
        "en el recinto oficial, se celebra la Sesión Ordinaria, presidida por el C. Presidente "
        "Municipal, Adalberto Arturo Madero Quiroga, con la asistencia del C. Secretario del R. "
        "Ayuntamiento, Lic. Rogelio Sada Zambrano.\n"
    )
    assert people == [
        ("Adalberto Arturo Madero Quiroga", "Presidente Municipal"),
        ("Rogelio Sada Zambrano", "Secretario del R. Ayuntamiento"),
    ]


def test_a_session_encabezada_por_its_chair_with_an_office_first():
    people = _people(
        "ACTA DE CABILDO NÚMERO 61\n\nEn San Cristóbal, siendo las 10:00 horas del 29 de octubre "
        "de 2019, en la Sala de Cabildo, se celebró la sesión ordinaria encabezada por la "
        "Presidenta Municipal, Lic. Jerónima Toledo Villalobos; asistida por el Secretario del "
        "Ayuntamiento, Lic. Marco Antonio Gómez Pérez.\n"
    )
    assert people == [
        ("Jerónima Toledo Villalobos", "Presidenta Municipal"),
        ("Marco Antonio Gómez Pérez", "Secretario del Ayuntamiento"),
    ]


CABILDO = (
    "ACTA DE CABILDO NÚMERO 61\n\nEn San Cristóbal, siendo las 10:00 horas del 29 de octubre de "
    "2019, en la Sala de Cabildo, "
)


def test_who_attests_the_session_ante_la_fe_del_secretario():
    people = _people(
        CABILDO + "se reunieron los integrantes del Ayuntamiento, ante la fe del Secretario del "
        "Ayuntamiento, Lic. Marco Antonio Gómez Pérez.\n"
    )
    assert people == [("Marco Antonio Gómez Pérez", "Secretario del Ayuntamiento")]


def test_office_first_items_joined_by_y_del():
    people = _people(
        CABILDO + "se reunieron los miembros del Ayuntamiento, con la presencia del Síndico "
        "Municipal, C. Luis Mora Gil, y del Secretario, Lic. Marco Antonio Gómez Pérez.\n"
    )
    assert people == [
        ("Luis Mora Gil", "Síndico Municipal"),
        ("Marco Antonio Gómez Pérez", "Secretario"),
    ]


def test_offices_given_by_quien_funge_como():
    people = _people(
        TITLE + "En Toluca, siendo las 10:00 horas del 5 de marzo de 2021, en la sala de juntas, "
        "se reunieron la Mtra. Ana María Ruiz Soto, quien funge como Presidenta del Comité; y el "
        "Ing. Pedro Gómez Lara, quien actúa como Secretario Técnico.\n"
    )
    assert people == [
        ("Ana María Ruiz Soto", "Presidenta del Comité"),
        ("Pedro Gómez Lara", "Secretario Técnico"),
    ]


def test_officers_named_after_their_office_and_a_comma_in_the_opening():
    people = _people(
        TITLE + "En Toluca, siendo las 10:00 horas del 5 de marzo de 2021, en la sala de juntas, "
        "la Presidenta del Comité, Mtra. Ana María Ruiz Soto, dio la bienvenida a los asistentes "
        "y solicitó al Secretario Técnico, Ing. Pedro Gómez Lara, verificar el quórum.\n"
    )
    assert people == [
        ("Ana María Ruiz Soto", "Presidenta del Comité"),
        ("Pedro Gómez Lara", "Secretario Técnico"),
    ]


def test_se_encontraron_presentes_los_senores_consejeros():
    people = _people(
        "ACTA DE LA SESIÓN EXTRAORDINARIA DEL CONSEJO UNIVERSITARIO\n\nEn Guadalajara, a las 18 "
        "horas del día 22 de marzo de 1944, en el salón de sesiones. Se pasó lista y se "
        "encontraron presentes los señores consejeros: Dr. Ignacio Chávez Sánchez, Lic. Agustín "
        "Yáñez Delgadillo y Prof. José Guadalupe Zuno.\n\nSe declaró abierta la sesión.\n"
    )
    assert people == [
        ("Ignacio Chávez Sánchez", "Consejero"),
        ("Agustín Yáñez Delgadillo", "Consejero"),
        ("José Guadalupe Zuno", "Consejero"),
    ]


def test_old_minutes_name_the_members_of_each_group_by_their_surnames():
    people = _people(
        "SESIÓN DEL DÍA 4 DE FEBRERO DE 1925\n\nEn la ciudad de México, a las diecisiete horas "
        "del cuatro de febrero de mil novecientos veinticinco, se abrió la sesión con asistencia "
        "de los ciudadanos diputados Aguirre Berlanga, Castrejón, Lozano y Siurob, y de los "
        "ciudadanos senadores Cruz y Garza.\n\nSe leyó el acta de la sesión anterior.\n"
    )
    assert people == [
        ("Aguirre Berlanga", "Diputado"),
        ("Castrejón", "Diputado"),
        ("Lozano", "Diputado"),
        ("Siurob", "Diputado"),
        ("Cruz", "Senador"),
        ("Garza", "Senador"),
    ]


def test_surnames_after_the_plural_courtesy_title_and_the_office():
    people = _people(
        "ACTA DE CABILDO\n\nEn la ciudad de Colima, a las 18 horas del 27 de julio de 1940, "
        "asistieron los CC. Regidores Martínez, Ortega, Salas y Villa.\n\nSe abrió la sesión.\n"
    )
    assert people == [
        ("Martínez", "Regidor"),
        ("Ortega", "Regidor"),
        ("Salas", "Regidor"),
        ("Villa", "Regidor"),
    ]


def test_the_signers_took_part_when_the_closing_says_so_and_no_one_else_is_named():
    people = _people(
        "ACTA DE LA SEGUNDA SESIÓN ORDINARIA DEL COMITÉ DE TRANSPARENCIA\n\nEn Toluca, siendo "
        "las 10:00 horas del 14 de septiembre de 2021, en la sala de juntas, se reunieron los "
        "integrantes del Comité.\n\nSe aprobó por unanimidad el orden del día.\n\nSe da por "
        "concluida la sesión a las 11:00 horas, firmando al calce los que en ella intervinieron."
        "\n\nMTRA. ANA MARÍA RUIZ SOTO\nPRESIDENTA DEL COMITÉ\n\nING. PEDRO GÓMEZ LARA\n"
        "SECRETARIO TÉCNICO\n"
    )
    assert people == [
        ("ANA MARÍA RUIZ SOTO", "Presidenta del Comité"),
        ("PEDRO GÓMEZ LARA", "Secretario Técnico"),
    ]


def test_whom_the_assembly_designates_to_conduct_it():
    people = _people(
        "ACTA DE ASAMBLEA CONSTITUTIVA DE LA SOCIEDAD COOPERATIVA\n\nEn Papantla, siendo las "
        "11:00 horas del día 5 de julio de 2011, en el domicilio de la calle Enríquez, se "
        "reunieron las personas interesadas, para lo cual se designó como Presidenta de la "
        "Asamblea a la C. Rosa María García Olmedo y como Secretaria a la C. Juana Santiago "
        "Pérez, quienes aceptaron el cargo.\n\nPor unanimidad se aprobaron las bases.\n"
    )
    assert sorted(people) == [
        ("Juana Santiago Pérez", "Secretaria"),
        ("Rosa María García Olmedo", "Presidenta de la Asamblea"),
    ]
