"""More patterns of the genre (issue 13, the heldD/E/F round): glued text layers, lists written
office first, offices given "respectivamente", legislatures' headings, single-item agendas.

Each test is a short synthetic snippet in the words actas use, never a corpus file.
"""

from hypothesis import given
from hypothesis import strategies as st

from abierto.lib.acta import parse_acta_text
from abierto.lib.acta.normalize import normalize_text
from abierto.lib.tests.test_acta_genre import _people


def test_words_a_text_layer_glued_are_split_where_no_spanish_word_joins_them():
    text = normalize_text(
        "el día miércoles23 de enerodel año 2019, la SEXTASESIÓN ORDINARIA, solicitó alC. Ana "
        "Ruiz, los Ciudadanos C.Luis Paz Gil,Presidente Municipal;C. Eva Sol Mar,Síndica; yla "
        "Directora del Consejo dela Judicatura"
    )
    assert "miércoles 23 de enero del año 2019" in text
    assert "SEXTA SESIÓN" in text
    assert "al C. Ana" in text
    assert "C. Luis Paz Gil, Presidente Municipal; C. Eva" in text
    assert "y la Directora del Consejo de la Judicatura" in text


def test_figures_and_codes_keep_their_commas():
    assert normalize_text("1,000 pesos; el CT/SE,03 y el C.P. Juan") == (
        "1,000 pesos; el CT/SE,03 y el C.P. Juan"
    )


@given(st.text(alphabet="aeloydsC ,;", max_size=80))
def test_ungluing_only_adds_spaces(text):
    """Splitting glued words inserts spaces and never drops or changes a letter."""
    squeezed = "".join(text.split())
    assert "".join(normalize_text(text).split()) == squeezed


def test_a_list_written_office_first_gives_each_name_the_office_before_it():
    people = _people(
        "En Mexicali, siendo las once horas del día cinco de junio de dos mil diecinueve, se "
        "reunieron en la sala de sesiones los integrantes del Comité de Transparencia, "
        "Magistrado Presidente del Tribunal Superior de Justicia, Ana María Ruiz Paz, quien "
        "preside este Comité, Consejero de la Judicatura Luis Alberto Gil Mar, la Oficial Mayor "
        "del Consejo, C.P. Rosa Elena Vera Sol, el Director de la Unidad Jurídica, Licenciado "
        "Jesús Ariel Durán Morales y la Directora de la Unidad de Transparencia, Maestra en "
        "Derecho Elsa María Luna Río, Secretaria Técnica del Comité, para celebrar la sesión."
    )
    assert people == [
        ("Ana María Ruiz Paz", "Magistrado Presidente del Tribunal Superior de Justicia"),
        ("Luis Alberto Gil Mar", "Consejero de la Judicatura"),
        ("Rosa Elena Vera Sol", "Oficial Mayor del Consejo"),
        ("Jesús Ariel Durán Morales", "Director de la Unidad Jurídica"),
        (
            "Elsa María Luna Río",
            "Directora de la Unidad de Transparencia, Secretaria Técnica del Comité",
        ),
    ]


def test_a_list_written_name_first_keeps_the_office_after_each_name():
    people = _people(
        "En la ciudad de Culiacán, siendo las 12:00 horas del día 6 de febrero de 2013, se "
        "reunieron Ana María Ruiz Paz, Presidenta, Luis Alberto Gil Mar, Secretario, y Rosa "
        "Elena Vera Sol, Vocal, para celebrar la sesión ordinaria."
    )
    assert people == [
        ("Ana María Ruiz Paz", "Presidenta"),
        ("Luis Alberto Gil Mar", "Secretario"),
        ("Rosa Elena Vera Sol", "Vocal"),
    ]


def test_offices_given_respectively_go_to_the_names_in_order():
    people = _people(
        "En la ciudad de Culiacán, Sinaloa; siendo las 12:00 horas del día 6 de febrero de 2013, "
        "se reunieron los Comisionados Lic. José Abraham Lugo Salazar, Mtro. José Carlos Álvarez "
        "Ortega, y Dr. Alfonso Páez Álvarez, en su carácter de Comisionado Presidente y "
        "Comisionados respectivamente, con el propósito de desarrollar sesión ordinaria."
    )
    assert people == [
        ("José Abraham Lugo Salazar", "Comisionado Presidente"),
        ("José Carlos Álvarez Ortega", "Comisionado"),
        ("Alfonso Páez Álvarez", "Comisionado"),
    ]


def test_a_legislature_s_heading_names_who_presides():
    result = parse_acta_text(
        "ACTA NÚMERO 089 DE LA SESIÓN ORDINARIA DE LA SEPTUAGÉSIMA SÉPTIMA LEGISLATURA AL H. "
        "CONGRESO DEL ESTADO DE NUEVO LEÓN, CELEBRADA EL DÍA 8 DE SEPTIEMBRE DE 2025.\n"
        "PRESIDENCIA DE LA C. DIP .\nITZEL SOLEDAD CASTILLO ALMANZA\n"
        "EN LA CIUDAD DE MONTERREY, CAPITAL DEL ESTADO DE NUEVO LEÓN, SIENDO LAS ONCE HORAS DEL "
        "DÍA OCHO DE SEPTIEMBRE DE DOS MIL VEINTICINCO CON LA ASISTENCIA AL PASE DE LISTA DE 38 "
        "DIPUTADAS Y DIPUTADOS EN EL PLENO, Y VÍA PLATAFORMA VIRTUAL 2 DIPUTADAS; LA PRESIDENTA "
        "DECLARÓ ABIERTA LA SESIÓN.\n"
    )
    assert result["attendees"] == [{"name": "ITZEL SOLEDAD CASTILLO ALMANZA", "role": "Dip."}]
    assert result["session"]["modality"] == "híbrida"
    assert result["session"]["place"] == "MONTERREY, CAPITAL DEL ESTADO DE NUEVO LEÓN"


def test_a_verdict_with_no_subject_decides_what_its_paragraph_told():
    result = parse_acta_text(
        "En la ciudad de Monterrey, siendo las once horas del día 8 de septiembre de 2025, la "
        "Presidenta declaró abierta la sesión.\n"
        "LA PRESIDENTA INSTRUYÓ A LA SECRETARÍA PARA DAR LECTURA AL PROYECTO DEL ORDEN DEL DÍA "
        "PARA LLEVAR A CABO ESTA SESIÓN. SE DIO LECTURA. Y AL NO HABER MODIFICACIONES AL MISMO. "
        "FUE APROBADO POR UNANIMIDAD DE LOS PRESENTES.\n"
    )
    [agreement] = result["agreements"]
    assert agreement["text"].startswith("LA PRESIDENTA INSTRUYÓ")
    assert agreement["vote"] == "unanimidad"


def test_one_item_under_the_heading_is_the_agenda_where_the_text_stops():
    result = parse_acta_text(
        "Décima Quinta Sesión Ordinaria del Honorable Ayuntamiento de Benito Juárez.\n"
        "Siendo las diez horas del día dieciocho de abril de dos mil diecinueve, se reunieron en "
        "el Recinto Oficial los integrantes del Ayuntamiento, para llevar a cabo su sesión, "
        "misma que se sujetó al siguiente:\nOrden del Día\nPrimero.- Lista de asistencia.\n"
    )
    assert [item["title"] for item in result["agenda"]] == ["Lista de asistencia"]


def test_an_inline_agenda_is_split_at_each_dashed_marker_after_a_comma():
    result = parse_acta_text(
        "En la Ciudad de Mérida, siendo las doce horas del día trece de febrero del año dos mil "
        "trece, se reunieron en el salón de Cabildo los Regidores. El Secretario dio lectura al "
        "siguiente Orden del Día: I.- Lectura del Orden del Día, II.- Lista de Asistencia, "
        "III.- Declaración de Quórum, IV.- Asuntos a tratar."
    )
    assert [item["number"] for item in result["agenda"]] == [1, 2, 3, 4]
    assert result["agenda"][1]["title"] == "Lista de Asistencia"


def test_a_room_in_a_building_is_no_body_and_a_title_s_date_is_none():
    result = parse_acta_text(
        "Acta de la Segunda Sesión Ordinaria de julio de 2015\nA las 13:30 horas del día 8 de "
        "julio de 2015, en la Sala de Cabildo del Palacio Municipal, se reunió el Pleno del "
        "ITAIPBC para llevar a cabo la sesión."
    )
    assert result["body"] == "Pleno del ITAIPBC"
    assert result["session"]["modality"] == "presencial"


def test_an_agenda_item_called_lista_de_asistencia_is_no_label_over_a_list_of_names():
    # A university council's scan (eleventh session): the agenda's first item, its stop after
    # it, then the next items on the following lines.
    result = parse_acta_text(
        "SESION ORDINARIA DEL 25 DE MARZO\n\n"
        "En la Heroica Puebla de Zaragoza, a las once horas del veinticinco de marzo de mil "
        "novecientos ochenta, se reunió el honorable Consejo Universitario bajo la presidencia "
        "del lic. Alfonso Vélez Pliego, secretario general de la Universidad. Se inició esta "
        "reunión con el siguiente orden del día: PRIMERO:\n\n"
        "Lista de asistencia. SEGUNDO: Nombramiento del secretario de actas.\n"
        "TERCERO: Lectura de las actas pendientes. CUARTO: Incorporación de la Escuela "
        "Preparatoria de Villa Avila Camacho, Puebla. QUINTO:\n\n"
        "Nombramiento de los representantes en las comisiones bipartitas.\n"
    )
    assert [person["name"] for person in result["attendees"]] == ["Alfonso Vélez Pliego"]
