"""Patterns of the genre from issue 13's heldG/heldH round: group offices heading runs of names,
offices shared out in order, roll calls with several entries a line, stenographic headers,
sub-items under agenda items, and the session's number where a page or leaf number is printed.

Each test is a short synthetic snippet in the words actas use (invented names), never a corpus
file.
"""

from hypothesis import given
from hypothesis import strategies as st

from abierto.lib.acta import parse_acta_text
from abierto.lib.acta.header_labels import _names
from abierto.lib.tests.test_acta_genre import _people

OPENING = "En la Ciudad de Zacualpan, siendo las 11:00 horas del día 14 de octubre de 2008, "


def test_a_group_office_after_the_first_person_s_office_gives_the_names_after_it_theirs():
    people = _people(
        OPENING + "en el Salón de Cabildo, da inicio la sesión estando presentes: El Lic. Pedro "
        "Ruiz Gómez, Presidente Municipal, los Regidores, C. Ana Sol Díaz, C. Luis Mar Paz; "
        "C. Eva Luna Gil; la Lic. Rosa Flores Vega y Lic. Sara Río Mora, en su carácter de "
        "Síndicos; así como el Dr. Juan Lago Cruz, Tesorero Municipal.------\n"
        "-- Instalado el acto, se abre la Sesión.\n"
    )
    assert people == [
        ("Pedro Ruiz Gómez", "Presidente Municipal"),
        ("Ana Sol Díaz", "Regidor"),
        ("Luis Mar Paz", "Regidor"),
        ("Eva Luna Gil", "Regidor"),
        ("Rosa Flores Vega", "Síndico"),
        ("Sara Río Mora", "Síndico"),
        ("Juan Lago Cruz", "Tesorero Municipal"),
    ]


def test_a_group_heading_with_a_colon_inside_a_piece_and_a_member_on_leave():
    people = _people(
        OPENING + "se declaró abierta la Sesión, estando presentes los ciudadanos: Mtra. Irma "
        "Toledo Vela, Presidenta Municipal; Dr. Mario Santos Cruz, Síndico Municipal y "
        "Regidores: Dra. Silvia Álvarez Valle, Primera Regidora; Lcda. Sonia Ramos Pérez, "
        "Segunda Regidora; y C.P. Rosa Santiago Sánchez, Regidora Plurinominal. Se hace "
        "constar que la Regidora Linda Higuera Gil, solicitó licencia para esta sesión.\n"
    )
    assert people == [
        ("Irma Toledo Vela", "Presidenta Municipal"),
        ("Mario Santos Cruz", "Síndico Municipal"),
        ("Silvia Álvarez Valle", "Primera Regidora"),
        ("Sonia Ramos Pérez", "Segunda Regidora"),
        ("Rosa Santiago Sánchez", "Regidora Plurinominal"),
    ]


def test_a_plural_office_before_the_names_it_governs_with_or_without_their_title():
    assert _people(
        OPENING + "da inicio estando presentes: El Lic. Mario Gil Vera, Presidente Municipal, "
        "los Regidores CC. Jesús Noyola Bernal; Claudia Coronado Pacheco; y las Síndicos María "
        "Rivera Fernández y Mariana García Alcalde.\n"
    ) == [
        ("Mario Gil Vera", "Presidente Municipal"),
        ("Jesús Noyola Bernal", "Regidor"),
        ("Claudia Coronado Pacheco", "Regidor"),
        ("María Rivera Fernández", "Síndico"),
        ("Mariana García Alcalde", "Síndico"),
    ]
    assert _people(
        OPENING + "da inicio la sesión de Pleno, bajo la Presidencia del Magistrado David Luna "
        "Muñoz, Presidente del Tribunal, asistido del Secretario que autoriza, licenciado Álvaro "
        "Villar Osorio. El Secretario pasó lista, estando presentes los señores Magistrados "
        "María Aguilar Díaz, Joel Baltazar Cruz y Ricardo Velázquez Cruz.\n"
    )[2:] == [
        ("María Aguilar Díaz", "Magistrado"),
        ("Joel Baltazar Cruz", "Magistrado"),
        ("Ricardo Velázquez Cruz", "Magistrado"),
    ]


def test_the_secretary_who_assists_is_no_part_of_the_president_s_office():
    people = dict(
        _people(
            OPENING + "da inicio la sesión de Pleno, bajo la Presidencia del Magistrado David "
            "Luna Muñoz, Presidente del Tribunal, asistido del Secretario que autoriza, "
            "licenciado Álvaro Villar Osorio.\n"
        )
    )
    assert people["David Luna Muñoz"] == "Presidente del Tribunal"
    assert "Álvaro Villar Osorio" in people


def test_a_group_heading_after_a_pronoun_and_an_office_given_in_its_capacity():
    people = _people(
        "Comisionada presidenta Yolli García Alvarez: Siendo las doce horas, se da inicio a la "
        "sesión. Solicito a la secretaria realice el pase de lista.\n"
        "Secretaria de acuerdos María Paredes Cabrera: Hago constar que se encuentran presentes, "
        "además de usted, los comisionados José Mendoza Hernández y Fernando Aguilera de Hombre; "
        "y la titular del Órgano de Control Interno, Indra Martínez Zamudio, en su calidad de "
        "comisaria; por lo que existe quórum.\n"
    )
    assert ("José Mendoza Hernández", "Comisionado") in people
    assert ("Fernando Aguilera de Hombre", "Comisionado") in people
    assert ("María Paredes Cabrera", "Secretaria de acuerdos") in people


def test_two_offices_after_two_titled_names_go_to_them_in_order():
    people = dict(
        _people(
            "SESIÓN ORDINARIA DE CABILDO\nEn la Ciudad de Zacualpan, siendo las 18:35 horas del "
            "día 25 de julio de 2014, reunidos en las instalaciones que ocupa el salón de "
            "Cabildos Municipal y contando con la presencia de los Ciudadanos ING. HÉCTOR ÁVILA "
            "LUCERO e ING. CLAUDIA MORALES PÉREZ,\nPresidente y Secretaria del H. Ayuntamiento "
            "de Zacualpan, así como con 14 de los 15 miembros; se dio inicio a la sesión.\n"
        )
    )
    assert people["HÉCTOR ÁVILA LUCERO"] == "Presidente"
    assert people["CLAUDIA MORALES PÉREZ"] == "Secretaria del H. Ayuntamiento de Zacualpan"


def test_the_room_an_opening_says_the_body_occupies_is_the_place():
    result = parse_acta_text(
        "En la Ciudad de Zacualpan, siendo las 18:35 horas del día 25 de julio de 2014, reunidos "
        "en las instalaciones que ocupa el salón de Cabildos Municipal y contando con la "
        "presencia de los integrantes del Cabildo, se dio inicio a la sesión.\n"
    )
    assert result["session"]["place"] == "salón de Cabildos Municipal"


def test_the_body_s_own_room_with_its_address_is_the_place_and_no_one_lives_there():
    result = parse_acta_text(
        "CONSEJO GENERAL\nACTA: 20/EXT./11-06-19\nEn la ciudad de Xalapa, siendo las catorce "
        "horas del día 11 de junio de dos mil diecinueve, se reunieron las y los integrantes del "
        "Consejo General en su Sala de Sesiones, ubicada en la calle de Juárez número 69, Colonia "
        "Centro, Código Postal 91000 de esta ciudad, para celebrar la Sesión Extraordinaria.\n"
        "Ana Bonilla Ruiz, Presidenta: damos inicio a esta Sesión, concurre a la misma el "
        "ciudadano Hugo Castro Bernal, en su carácter de Secretario Ejecutivo de éste Organismo "
        "Público Local Electoral. Señor Secretario, pase lista de asistencia.\n"
    )
    session = result["session"]
    assert session["number"] == 20
    assert session["modality"] == "presencial"
    assert session["place"] == (
        "Sala de Sesiones, ubicada en la calle de Juárez número 69, Colonia Centro, Código "
        "Postal 91000 de esta ciudad"
    )
    people = {person["name"]: person["role"] for person in result["attendees"]}
    assert "Colonia Centro" not in people
    assert people["Hugo Castro Bernal"] == "Secretario Ejecutivo"


def test_a_page_or_leaf_number_before_the_title_is_no_session_number():
    assert (
        parse_acta_text(
            "1 SESIÓN ORDINARIA PÚBLICA DE CABILDO DE FECHA 29 DE OCTUBRE DE 2019. ACTA No. 61 En "
            "la ciudad de Zacualpan, siendo las 10:08 horas del día 29 de octubre de 2019, se "
            "declaró abierta la sesión."
        )["session"]["number"]
        == 61
    )
    assert (
        parse_acta_text(
            "Número: 21 Foja: 22 Sesión pública ordinaria del día 11 de junio de 1928.\n"
            "En la ciudad de Zacatlán a las dieciocho horas del día 11 de junio de 1928, se "
            "declaró abierta la sesión."
        )["session"]["number"]
        == 21
    )


def test_agenda_titles_keep_the_organ_that_presents_and_drop_a_person_s_intervention():
    result = parse_acta_text(
        OPENING + "se abre la Sesión bajo el siguiente:\nOrden del Día\n"
        "I.- Lista de Asistencia.\n"
        "II.- Dictámenes que presenta la Comisión Permanente de Hacienda.\n"
        "III.- PRESENTACIÓN DE DIVERSAS SOLICITUDES, CON LA INTERVENCIÓN DEL ING. JUAN PANTOJA "
        "GARCÍA, DIRECTOR DE OBRAS PÚBLICAS.\n"
        "IV.- Informe que rinde el Tesorero Municipal, Lic. Luis Paz.\n"
        "V.- Asuntos generales.\n"
    )
    assert [item["title"] for item in result["agenda"]] == [
        "Lista de Asistencia",
        "Dictámenes que presenta la Comisión Permanente de Hacienda",
        "PRESENTACIÓN DE DIVERSAS SOLICITUDES",
        "Informe",
        "Asuntos generales",
    ]


def test_labelled_sub_items_under_an_item_are_neither_items_nor_its_title():
    result = parse_acta_text(
        OPENING + "se reunió el H. Ayuntamiento de Zacualpan bajo el siguiente ORDEN DEL DÍA:\n"
        "1. Lista de asistencia.\n"
        "2. Asuntos de Sindicatura Municipal.\n"
        "Asunto No. 1.- Autorizar contrato de Permuta.\n"
        "Asunto No. 2.- Venta de una superficie.\n"
        "3. Dictámenes de la Comisión de Hacienda relativos a:\n"
        "a) Modificaciones al Presupuesto.\n"
        "4. Clausura.\n"
    )
    assert [(item["number"], item["title"]) for item in result["agenda"]] == [
        (1, "Lista de asistencia"),
        (2, "Asuntos de Sindicatura Municipal"),
        (3, "Dictámenes de la Comisión de Hacienda relativos a"),
        (4, "Clausura"),
    ]


def test_a_roll_call_with_several_entries_a_line_and_a_group_s_heading():
    people = _people(
        "ACTA Nº 18\nSESIÓN:ORDINARIA\n"
        "EL CONSEJERO PRESIDENTE: Buenas tardes. Vamos a dar inicio a la Sesión No. 18 "
        "Ordinaria, convocada para las 17; :00 horas de este jueves 26 de abril de 2018.\n"
        "EL SECRETARIO EJECUTIVO: Procederé a realizar el pase de lista de asistencia.\n"
        "LIC. MIGUEL CHÁVEZ GARCÍA CONSEJERO PRESIDENTE PRESENTE MTRO. JOSÉ SALAZAR ARTEAGA "
        "SECRETARIO EJECUTIVO PRESENTE\n\nCON SEJEROS ELECTORALES\n\n"
        "MTRA, NOHEMÍ ARGÜELLO SOSA PRESENTE\n\nMTRO. OSCAR BECERRA TREJO PRESENTE\n"
    )
    assert people == [
        ("MIGUEL CHÁVEZ GARCÍA", "CONSEJERO PRESIDENTE"),
        ("JOSÉ SALAZAR ARTEAGA", "SECRETARIO EJECUTIVO"),
        ("NOHEMÍ ARGÜELLO SOSA", "Consejero Electoral"),
        ("OSCAR BECERRA TREJO", "Consejero Electoral"),
    ]


def test_a_scan_s_speck_in_the_title_or_the_hour_changes_neither():
    session = parse_acta_text(
        "ACTA Nº 18\nSESIÓN:ORDINARIA\nVamos a dar inicio a la Sesión, convocada para las "
        "17; :00 horas de este jueves 26 de abril de 2018.\n"
    )["session"]
    assert session["kind"] == "ordinaria"
    assert session["start_time"] == "17:00"


def test_the_hour_stated_in_the_opening_beats_the_header_s_convened_hour():
    result = parse_acta_text(
        "VERSIÓN ESTENOGRÁFICA\nSESIÓN PÚBLICA EXTRAORDINARIA\n9 DE DICIEMBRE DE 2015\n"
        "12:00 HRS.\nComisionada presidenta Ana García Ruiz: Buenos días. Siendo las doce horas "
        "con catorce minutos del día nueve de diciembre de dos mil quince, se da inicio a la "
        "sesión pública extraordinaria en la sala de sesiones del pleno.\n"
    )
    assert result["session"]["start_time"] == "12:14"


def test_a_stenographic_header_of_office_labels_and_names_run_together():
    people = _people(
        "TRIBUNAL PLENO\nSESIÓN PÚBLICA DEL PLENO, CELEBRADA EL MARTES 23 DE AGOSTO DE 2016\n"
        "ASISTENCIA:\nPRESIDENTE: SEÑOR MINISTRO:\n"
        "LUIS AGUIRRE MORALES SEÑORES MINISTROS: ALFREDO GUTIÉRREZ ORTIZ MENA JOSÉ RAMÓN COSÍO "
        "DÍAZ MARGARITA BEATRIZ LUNA RAMOS JAVIER LAINEZ POTISEK\n"
        "(SE INICIÓ LA SESIÓN A LAS 10:35 HORAS)\n"
        "SEÑOR MINISTRO PRESIDENTE: Se abre esta sesión pública.\n"
    )
    assert people == [
        ("LUIS AGUIRRE MORALES", "Presidente"),
        ("ALFREDO GUTIÉRREZ ORTIZ MENA", "Ministro"),
        ("JOSÉ RAMÓN COSÍO DÍAZ", "Ministro"),
        ("MARGARITA BEATRIZ LUNA RAMOS", "Ministro"),
        ("JAVIER LAINEZ POTISEK", "Ministro"),
    ]


def test_names_run_together_are_cut_before_a_given_name_after_a_surname_only():
    assert _names("JUANA DE JESÚS PÉREZ RUIZ MARÍA ROSALINDA SANTIAGO SÁNCHEZ") == [
        "JUANA DE JESÚS PÉREZ RUIZ",
        "MARÍA ROSALINDA SANTIAGO SÁNCHEZ",
    ]


_NAME_WORDS = st.sampled_from(
    ["JOSÉ", "MARÍA", "LUNA", "RAMOS", "DE", "LA", "GARZA", "ANA", "RUIZ", "PAZ", "LUIS"]
)


@given(st.lists(_NAME_WORDS, min_size=1, max_size=24))
def test_cutting_names_run_together_only_cuts(words):
    """However the words fall, the names read keep every word, in order, or drop a piece that
    is no name; no word is changed or moved."""
    names = _names(" ".join(words))
    joined = " ".join(names).split()
    position = 0
    for word in joined:
        position = words.index(word, position) + 1


def test_the_secretary_asked_to_call_the_roll_is_the_next_speaker():
    people = dict(
        _people(
            "Acta de la sesión extraordinaria número 24 del Honorable Ayuntamiento de Zacualpan, "
            "celebrada a las 09:20 horas del día 14 de septiembre de 2018.\n"
            "Licenciado Edgar Castro Cerrillo: Buenos días, daremos inicio a la sesión de este "
            "Honorable Ayuntamiento. Le voy a solicitar señor Secretario del Honorable "
            "Ayuntamiento se sirva realizar el correspondiente pase de lista.\n"
            "Doctor Carlos Torres Ramírez: Con su venia, procedo a realizar el pase de lista.\n"
        )
    )
    assert people["Carlos Torres Ramírez"] == "Secretario del Honorable Ayuntamiento"


def test_the_body_after_the_session_s_number_and_a_scan_s_quote_before_a_word():
    assert (
        parse_acta_text(
            "Acta de la sesión extraordinaria número 24 del Honorable Ayuntamiento de Zacualpan "
            "Capital, celebrada a las 09:20 horas del día 14 de septiembre de 2018.\n"
        )["body"]
        == "Honorable Ayuntamiento de Zacualpan Capital"
    )
    assert (
        parse_acta_text(
            "Quincuagésima Cuarta Sesión Ordinaria del Honorable Ayuntamiento Constitucional del "
            "'Municipio de Benito Juárez, Quintana Roo:\nSiendo las dieciocho horas del día "
            "dieciséis de julio de dos mil siete, se reunieron los integrantes.\n"
        )["body"]
        == "Honorable Ayuntamiento Constitucional del Municipio de Benito Juárez"
    )


def test_a_relative_clause_that_approves_in_all_its_parts_is_this_session_s_decision():
    result = parse_acta_text(
        "En la ciudad de Zacatlán a las dieciocho horas del día 11 de junio de 1928, se declaró "
        "abierta la sesión. La secretaria dio lectura al acta anterior, la cual fue aprobada en "
        "todas sus partes. En seguida dio cuenta con la correspondencia.\n"
    )
    assert [agreement["text"] for agreement in result["agreements"]] == [
        "La secretaria dio lectura al acta anterior, la cual fue aprobada en todas sus partes"
    ]


def test_an_ordinal_repeated_in_brackets_before_the_title_is_the_number():
    assert (
        parse_acta_text(
            "VIGÉSIMA NOVENA (XXIX) SESIÓN ORDINARIA CELEBRADA POR EL HONORABLE PLENO DEL "
            "TRIBUNAL.\nEn la ciudad de Guadalajara, siendo las 12:35 horas del día 30 de agosto "
            "de 2007, se reunieron los Magistrados."
        )["session"]["number"]
        == 29
    )
