"""Patterns of the genre from issue 13's heldL round (municipal ayuntamientos): a gazette's seal
legend before the minutes, regidores one a line under ordinal offices, offices written before the
names in capitals ("LOS C.C. PRESIDENTE MUNICIPAL, NAME, Y EL SECRETARIO GENERAL, NAME"), "la C.
Síndica, Name", "las señoras y señores regidores, …", sub-items numbered "3.1", a building with
its address and the room in it, a venue wrapped at the margin, the town after the session's
title, a speaker's name wrapped from a line of prose, degrees written out as professions.

Each test is a short synthetic snippet in the words actas use (invented names), never a corpus
file.
"""

from hypothesis import given
from hypothesis import strategies as st

from abierto.lib.acta import parse_acta_text
from abierto.lib.acta.names import is_honorific
from abierto.lib.tests.test_acta_genre import _people


def test_the_seal_legend_is_not_the_body_and_ordinal_offices_one_a_line_are_the_roles():
    result = parse_acta_text(
        "Al margen un sello con el Escudo Nacional que dice Estados Unidos Mexicanos y el "
        "Honorable Ayuntamiento Constitucional del Municipio de Santa Rita, Tlaxcala.\n\n"
        "Siendo las diez horas en el Municipio de Santa Rita; Tlaxcala y en las instalaciones "
        "que ocupa el Salón de Cabildo, del día tres de febrero del dos mil once. Se reunieron "
        "los miembros del H. Ayuntamiento, el Lic. Ramón Torres Fuentes, Presidente Municipal "
        "Constitucional; el C. Pablo Ruiz Mena, Síndico Procurador, y el H. Ayuntamiento:\n\n"
        "1ER. REGIDOR. C. MA. ELENA SOTO RÍOS.\n\n"
        "2DO. REGIDOR. C. JORGE LUNA PAZ.\n\n"
        "3RO. REGIDOR. MTRA. ROSA VEGA LARA.\n\n"
        "Reunidos con el propósito de celebrar la segunda sesión ordinaria de cabildo.\n\n"
        "Orden del Día\n\n1.- Pase de lista.\n\n2.- Asuntos generales.\n"
    )
    assert result["body"] == "H. Ayuntamiento"
    people = [(person["name"], person["role"]) for person in result["attendees"]]
    assert ("MA. ELENA SOTO RÍOS", "1ER. REGIDOR") in people
    assert ("JORGE LUNA PAZ", "2DO. REGIDOR") in people
    assert ("ROSA VEGA LARA", "3RO. REGIDOR") in people


def test_offices_written_first_in_capitals_and_an_office_with_its_article_go_to_the_name_after():
    people = _people(
        "SIENDO LAS TRECE HORAS DEL DÍA DOS DE MAYO DEL AÑO DOS MIL VEINTE, EN EL SALÓN DE "
        "SESIONES, SE REUNIERON LOS C.C. PRESIDENTE MUNICIPAL, LUIS ÁVILA CANO, Y EL SECRETARIO "
        "GENERAL, PEDRO MORA SÁNCHEZ, ASÍ COMO LOS DEMÁS INTEGRANTES DEL PLENO; CON EL OBJETO DE "
        "CELEBRAR LA QUINTA SESIÓN ORDINARIA DEL AYUNTAMIENTO, BAJO EL SIGUIENTE ORDEN DEL DÍA:\n"
        "1. Lista de asistencia y verificación del quórum legal;\n"
        "2. Asuntos varios.\n"
        "Pasando al primer punto del orden del día, el Secretario General pasó lista de "
        "asistencia y encontrándose presentes además de los citados en el proemio inicial, la C. "
        "Síndica, Laura Peña Gil, así como los C.C. Regidores Raúl Díaz Ortiz, Sara Luna Vela.\n"
    )
    assert ("LUIS ÁVILA CANO", "PRESIDENTE MUNICIPAL") in people
    assert ("PEDRO MORA SÁNCHEZ", "SECRETARIO GENERAL") in people
    assert ("Laura Peña Gil", "Síndica") in people


def test_the_ladies_and_gentlemen_regidores_heading_reaches_every_name_after_it():
    people = _people(
        "En la ciudad de Puerto Azul, Jalisco; Salón de Cabildos; siendo las 12:20 doce horas "
        "con veinte minutos del día 28 de agosto de 2020.\n"
        "1.- Lista de Asistencia y en su caso, declaración de quórum legal. Encontrándose "
        "presentes el Presidente Municipal, Mario Díaz Peña; el Síndico Municipal, C. Jorge "
        "Quintero Sosa así como las señoras y señores regidores, Alicia Mercado Ruiz, Juan Solís "
        "García, Luis Michel Rodríguez y, Carmen Palacios Ibarra.\n"
    )
    assert people[2:] == [
        ("Alicia Mercado Ruiz", "regidor"),
        ("Juan Solís García", "regidor"),
        ("Luis Michel Rodríguez", "regidor"),
        ("Carmen Palacios Ibarra", "regidor"),
    ]


def test_sub_items_numbered_with_their_item_s_number_are_not_part_of_its_title():
    result = parse_acta_text(
        "En la sala de cabildo, siendo las 13:00 horas del 17 de julio de 2020, se reunieron los "
        "integrantes del Ayuntamiento, bajo el siguiente orden del día:\n\n"
        "1. Lista de asistencia;\n\n"
        "2. Lectura de las Actas de las Sesiones que a continuación se enlistan, para su "
        "aprobación:\n\n"
        "2.1 Sesión Ordinaria de fecha 12 de junio del 2020; y\n\n"
        "2.2 Sesión Extraordinaria de fecha 24 de junio del 2020.\n\n"
        "3. Asuntos varios.\n"
    )
    assert [item["title"].rstrip(":") for item in result["agenda"]] == [
        "Lista de asistencia",
        "Lectura de las Actas de las Sesiones que a continuación se enlistan, para su aprobación",
        "Asuntos varios",
    ]


def test_a_building_with_its_address_and_the_room_in_it_are_one_place():
    result = parse_acta_text(
        "SIENDO LAS TRECE HORAS DEL DÍA DOS DE MAYO DEL AÑO DOS MIL VEINTE, EN EL EDIFICIO QUE "
        "OCUPA EL PALACIO MUNICIPAL DE SAN PABLO, JALISCO, UBICADO EN LA CALLE JUÁREZ NO. 8; EN EL "
        "SALÓN DE SESIONES, SE REUNIERON LOS INTEGRANTES DEL AYUNTAMIENTO.\n"
    )
    assert result["session"]["place"] == (
        "EDIFICIO QUE OCUPA EL PALACIO MUNICIPAL DE SAN PABLO, JALISCO, UBICADO EN LA CALLE "
        "JUÁREZ NO. 8; EN EL SALÓN DE SESIONES"
    )
    assert result["session"]["modality"] == "presencial"


def test_a_venue_wrapped_at_the_margin_goes_on_and_a_town_after_the_title_is_no_body():
    result = parse_acta_text(
        "ACTA NUMERO 12 (DOCE) DEL 3 (TRES) DE MARZO DEL 2018 (DOS MIL DIECIOCHO). REUNIDOS EN EL "
        "RECINTO\nOFICIAL DEL H. AYUNTAMIENTO DE SAN JUAN DEL RÍO, JALISCO, A EFECTO DE CELEBRAR "
        "SESIÓN ORDINARIA.\n"
        "Habla la C. Presidenta Municipal C. Ana Solís Mena: buenas tardes bienvenidos a esta "
        "Sesión Ordinaria de Tlalpujahua siendo las 19:05 horas, damos inicio a la Tercera "
        "Sesión Ordinaria.\n"
    )
    assert result["session"]["place"].startswith(
        "RECINTO OFICIAL DEL H. AYUNTAMIENTO DE SAN JUAN DEL RÍO"
    )
    assert result["body"].startswith("H. AYUNTAMIENTO DE SAN JUAN DEL RÍO")


def test_a_name_wrapped_from_a_line_of_prose_is_no_speaker_s_turn():
    people = _people(
        "En la sala de cabildo, siendo las 19:00 horas del 3 de marzo de 2018, dio inicio la "
        "sesión ordinaria del Ayuntamiento.\n"
        "Con el uso de la palabra el Maestro Antonio\n"
        "Fernando Chávez Ruiz, Secretario de este Ayuntamiento: con su permiso Presidenta.\n"
    )
    assert [name for name, _role in people] == ["Antonio Fernando Chávez Ruiz"]


def test_degrees_written_out_as_professions_are_not_part_of_the_name():
    people = _people(
        "Siendo las 19:00 horas del 5 de marzo de 2015, en la sala de sesiones, encontrándose "
        "presentes los C.C. Regidores Comunicóloga Claudia Rodríguez Jiménez, Sociólogo Gabriel "
        "Trujillo Ocampo, Politólogo Salvador Paredes Ruiz.\n"
    )
    assert [name for name, _role in people] == [
        "Claudia Rodríguez Jiménez",
        "Gabriel Trujillo Ocampo",
        "Salvador Paredes Ruiz",
    ]


@given(st.sampled_from(["Soci", "Polit", "Comunic", "Psic", "Antrop", "Odont"]), st.booleans())
def test_any_ology_degree_is_an_honorific_in_either_gender(stem: str, feminine: bool):
    word = f"{stem}ólog{'a' if feminine else 'o'}"
    assert is_honorific(word)
    assert is_honorific(word.upper())
    assert not is_honorific(f"{stem}ología")  # the field, not the person


def test_the_acta_s_number_beats_the_session_s_ordinal_within_its_month():
    result = parse_acta_text(
        "Acta No. 1542/26/2017. En la ciudad de Saltillo, siendo las ocho horas del día treinta "
        "de noviembre de dos mil diecisiete, se reúnen en la Sala de Cabildo, con objeto de "
        "celebrar la segunda Sesión ordinaria de Cabildo del mes de noviembre a que fueron "
        "convocados los integrantes del R. Ayuntamiento.\n"
    )
    assert result["session"]["number"] == 1542
    assert result["session"]["kind"] == "ordinaria"


def test_a_stop_inside_a_name_and_two_names_run_together_do_not_cut_the_list():
    people = _people(
        "En la Heroica Puebla de Zaragoza, siendo las doce horas del día tres de enero de dos mil "
        "trece, da inicio la sesión ordinaria de Pleno. El Secretario procedió a pasar lista de "
        "asistencia, estando presentes los señores Magistrados María Luisa Aguilar Díaz, Jorge "
        "Ramón.\nMorales Díaz, Consuelo Margarita Palomino Ovando, Fernando Humberto Rosales "
        "Bretón Joel Sánchez Roldán, José Miguel Sánchez Zavaleta y Ricardo Velázquez Cruz. Se "
        "hace constar que los Magistrados Manuel Ríos Torres no acudieron a la sesión.\n"
    )
    assert [name for name, _role in people] == [
        "María Luisa Aguilar Díaz",
        "Jorge Ramón Morales Díaz",
        "Consuelo Margarita Palomino Ovando",
        "Fernando Humberto Rosales Bretón",
        "Joel Sánchez Roldán",
        "José Miguel Sánchez Zavaleta",
        "Ricardo Velázquez Cruz",
    ]


def test_three_given_names_are_one_person_and_a_new_sentence_ends_the_list():
    people = _people(
        "En la sala de cabildo, siendo las 10:00 horas del 7 de octubre de 2019, estando "
        "presentes los ediles Eric Omar Rodolfo Juárez Valladares, Ana Paula Ruiz Soto y Luis "
        "Paz Gómez. Ana Ruiz, Secretaria, dio lectura al orden del día.\n"
    )
    assert [name for name, _role in people][:3] == [
        "Eric Omar Rodolfo Juárez Valladares",
        "Ana Paula Ruiz Soto",
        "Luis Paz Gómez",
    ]


def test_an_office_on_the_line_before_a_name_is_not_that_name_s():
    people = _people(
        "En la sala de juntas, siendo las 10:00 horas del 3 de marzo de 2020, se reunieron los "
        "integrantes del Comité:\n"
        "Lic. Ana Ruiz Soto\nPresidenta.\n"
        "Lic. Juan Pérez Gil\nSecretario Técnico.\n"
    )
    assert ("Juan Pérez Gil", "Presidenta") not in people


def test_a_surname_of_three_letters_ends_the_list_and_an_abbreviation_does_not():
    people = _people(
        "En la sala de cabildo, siendo las 10:00 horas del 7 de octubre de 2019, estando "
        "presentes los ediles Ana Paula Ruiz Soto y Luis Paz Gil. Marta Ruiz, Secretaria, dio "
        "lectura al orden del día.\n"
    )
    assert [name for name, _role in people] == ["Ana Paula Ruiz Soto", "Luis Paz Gil"]
    people = _people(
        "En la sala de cabildo, siendo las 10:00 horas del 7 de octubre de 2019, estando "
        "presentes los ediles Ana Paula Ruiz Soto, Fco. Javier Paz Gómez y Luis Paz Gil.\n"
    )
    assert [name for name, _role in people] == [
        "Ana Paula Ruiz Soto",
        "Fco. Javier Paz Gómez",
        "Luis Paz Gil",
    ]


# From the heldT round (two cabildo minutes of one municipality, developed on 7 Dec 2026).


def test_the_roll_after_a_bare_encontrandose_with_the_regidores_group_and_its_absences():
    result = parse_acta_text(
        "SESION ORDINARIA En la ciudad de Río Claro, capital del Estado de Nayarit, siendo las "
        "(09:10) nueve horas con diez minutos del día 4 de marzo del 2012, previa citación, se "
        "reunieron en el recinto oficial de la Presidencia Municipal, los integrantes del H. XL "
        "Ayuntamiento Constitucional de Río Claro, dando principio a la sesión ordinaria de "
        "cabildo. La Secretaria del Ayuntamiento procede a realizar el pase de lista, "
        "registrándose la asistencia de (6) integrantes del cabildo, encontrándose Pedro Luna "
        "Vera, Presidente Municipal, Rosa Díaz Mora Síndico Municipal y los regidores Juan Gil "
        "Paz, Ana Soto Ruiz, Luis Rey Cano y Eva Mar Toledo, así como (2) dos ausencias "
        "justificadas de los regidores Raúl Peña Lara y Sara Vela Ríos. Una vez comprobada la "
        "existencia del quórum, se pone a consideración el siguiente: ORDEN DEL DÍA 1.-Asuntos "
        "generales.\n"
    )
    assert result["body"] == "H. XL Ayuntamiento Constitucional de Río Claro"
    people = [(person["name"], person["role"]) for person in result["attendees"]]
    assert people == [
        ("Pedro Luna Vera", "Presidente Municipal"),
        ("Rosa Díaz Mora", "Síndico Municipal"),
        ("Juan Gil Paz", "Regidor"),
        ("Ana Soto Ruiz", "Regidor"),
        ("Luis Rey Cano", "Regidor"),
        ("Eva Mar Toledo", "Regidor"),
    ]


def test_a_bare_encontrandose_before_a_place_or_an_absence_opens_no_roll():
    people = _people(
        "En la ciudad de Río Claro, siendo las diez horas del día 4 de marzo de 2012, "
        "encontrándose en el Salón Juárez del Palacio Municipal, y encontrándose ausente el "
        "Regidor Raúl Peña Lara, se reunieron los integrantes del Comité de Obras: Pedro Luna "
        "Vera, Presidente; Rosa Díaz Mora, Secretaria.\n"
    )
    assert [name for name, _ in people] == ["Pedro Luna Vera", "Rosa Díaz Mora"]


def test_a_nineteenth_century_cabildo_whose_signers_are_its_attendees():
    """heldQ's Ocoyoacac book of 1863 (developed on 7 Dec 2026, eighth session): a year in
    words of the 1800s, the kind told by "en cabildo extraordinario", and "los C.C. que
    suscriben": whoever signs at the foot was there."""
    result = parse_acta_text(
        "Sesión del día 7 de 1863\nExtraordinaria\n"
        "En Ocoyoacac a los siete días del mes de abril de mil ochocientos sesenta y tres, "
        "reunidos en la Sala Capitular en cabildo extraordinario los C.C. que suscriben y que "
        "componen el Ilustre Ayuntamiento de la Municipalidad bajo la presidencia de su primer "
        "ciudadano Tomás Anastasio con el fin de nombrar un encargado.\n"
        "Después de propuesto el asunto resultó nombrado por unanimidad el C. Tomás Anastasio.\n"
        "Y para cumplir con lo que es de Ley se mandó levantar la presente acta.\n"
        "Rúbricas\nTomás Anastasio\nEsteban Rosales\nPonciano Quiñones\n"
    )
    session = result["session"]
    assert (session["date"], session["kind"], session["place"]) == (
        "1863-04-07",
        "extraordinaria",
        "Sala Capitular",
    )
    assert [a["name"] for a in result["attendees"]] == [
        "Tomás Anastasio",
        "Esteban Rosales",
        "Ponciano Quiñones",
    ]
