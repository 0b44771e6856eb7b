"""The session's identity: body, number, kind, date, times, modality, place, convocation."""

import pytest

from abierto.lib.acta import parse_acta_text


def _session(text: str) -> dict:
    return parse_acta_text(text)["session"]


@pytest.mark.parametrize(
    ("heading", "number"),
    [
        ("ACTA DE LA DÉCIMO QUINTA SESIÓN ORDINARIA DEL COMITÉ", 15),
        ("Acta de la Décima Quinta Sesión Ordinaria del Comité", 15),
        ("ACTA DE LA 15a. SESIÓN ORDINARIA DEL COMITÉ", 15),
        ("ACTA DE LA 15ª SESIÓN ORDINARIA DEL COMITÉ", 15),
        ("ACTA DE LA XV SESIÓN ORDINARIA DEL COMITÉ", 15),
        ("ACTA DE LA TRIGÉSIMA SEXTA SESIÓN ORDINARIA DE CABILDO", 36),
        ("ACTA DE LA SESIÓN ORDINARIA NÚMERO 7 DEL COMITÉ", 7),
        ("ACTA DE LA SESIÓN ORDINARIA No. 12 DEL CONSEJO", 12),
        ("ACTA NUMERO 70.- En Ciudad Obregón", 70),
        ("Minuta\nNo. de minuta Primera", 1),
    ],
)
def test_the_session_number_is_read_in_words_digits_or_roman(heading, number):
    assert _session(heading)["number"] == number


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("ACTA DE LA PRIMERA SESIÓN ORDINARIA", "ordinaria"),
        ("Acta de la sesión extraordinaria", "extraordinaria"),
        ("SESIÓN SOLEMNE DE CABILDO", "solemne"),
        ("celebrar una Sesión con carácter Ordinaria y Pública", "ordinaria"),
        ("Sesión: Extraordinaria", "extraordinaria"),
        ("Minuta de la reunión de trabajo", None),
    ],
)
def test_the_kind_of_session(heading, kind):
    assert _session(heading)["kind"] == kind


def test_a_later_mention_of_another_session_does_not_change_the_kind():
    text = (
        "RESOLUCIÓN DE LA QUINTA SESIÓN ORDINARIA DEL COMITÉ DE TRANSPARENCIA. Con base en los "
        "Lineamientos aprobados en su Tercera Sesión Extraordinaria, celebrada el pasado 17 de "
        "junio."
    )
    assert _session(text)["kind"] == "ordinaria"
    assert _session(text)["number"] == 5


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "ACTA DE LA DÉCIMO QUINTA SESIÓN ORDINARIA DEL SECRETARIADO TÉCNICO LOCAL DE GOBIERNO "
            "ABIERTO DEL ESTADO DE MÉXICO\nEn la ciudad de Toluca",
            "SECRETARIADO TÉCNICO LOCAL DE GOBIERNO ABIERTO DEL ESTADO DE MÉXICO",
        ),
        ("Trigésima Sexta Sesión Ordinaria de Cabildo\n\nEn la ciudad de Texcoco", "Cabildo"),
        (
            "Minuta\nComité de Selección: Sistema Estatal Anticorrupción\nFecha 1 de mayo de 2020",
            "Comité de Selección: Sistema Estatal Anticorrupción",
        ),
        (
            "siendo las 20 horas, estando reunidos en el salón de sesiones del Ilustre "
            "Ayuntamiento "
            "del Municipio de Colima, los Ciudadanos Regidores",
            "Ilustre Ayuntamiento del Municipio de Colima",
        ),
    ],
)
def test_the_body_is_named_as_the_acta_names_it(text, body):
    assert parse_acta_text(text)["body"] == body


def test_a_capitalised_heading_yields_to_the_same_name_written_in_the_text():
    text = (
        "ACTA DE LA NOVENA SESIÓN EXTRAORDINARIA DEL PLENO DEL INSTITUTO DE TRANSPARENCIA, "
        "ACCESO A "
        "LA INFORMACIÓN PÚBLICA DE LA CIUDAD DE MÉXICO, CELEBRADA EL 7 DE AGOSTO DE 2020.\n"
        "A las 10 horas dio inicio la Novena Sesión Extraordinaria del Pleno del Instituto de "
        "Transparencia, Acceso a la Información Pública de la Ciudad de México (INFO)."
    )
    assert parse_acta_text(text)["body"] == (
        "Pleno del Instituto de Transparencia, Acceso a la Información Pública de la Ciudad de "
        "México"
    )


def test_a_room_named_after_the_body_is_not_the_body():
    text = (
        "Sesión ordinaria. Reunidos en la Sala de Cabildos del Palacio Municipal, los "
        "integrantes del Ayuntamiento de Metepec."
    )
    assert parse_acta_text(text)["body"] == "Ayuntamiento de Metepec"


def test_date_and_times_in_words():
    session = _session(
        "En la ciudad de Toluca de Lerdo, siendo las once horas con cuatro minutos del día "
        "dieciséis de diciembre de dos mil veintidós, se reunieron.\n"
        "No habiendo más asuntos que tratar, se da por concluida la sesión siendo las trece horas "
        "con quince minutos del mismo día."
    )
    assert (session["date"], session["start_time"], session["end_time"]) == (
        "2022-12-16",
        "11:04",
        "13:15",
    )


def test_date_and_times_in_digits_and_a_time_range():
    session = _session(
        "Fecha 1º de septiembre de 2020\nHora 11:00 a 13:00 hrs\nLugar Sala del H. Congreso"
    )
    assert (session["date"], session["start_time"], session["end_time"]) == (
        "2020-09-01",
        "11:00",
        "13:00",
    )


def test_the_convocation_date_is_not_the_session_date():
    session = _session(
        "Previa convocatoria de fecha 9 de diciembre de 2022, siendo las 11:00 horas del día 16 de "
        "diciembre de 2022 se reunieron los integrantes."
    )
    assert session["date"] == "2022-12-16"


def test_times_inside_a_decision_are_not_the_start_or_end():
    session = _session(
        "Reunidos en el salón de acuerdos. Se acuerda por mayoría que las sesiones se "
        "celebrarán los "
        "lunes a las 13 horas, en vez de a las 20 horas. No habiendo más asunto que tratar, se "
        "levantó la sesión."
    )
    assert (session["start_time"], session["end_time"]) == (None, None)


def test_a_masked_date_is_null_with_a_warning():
    result = parse_acta_text(
        "ACTA DE LA NOVENA SESIÓN EXTRAORDINARIA, CELEBRADA EL 07 XX XXXXXX DE 2020."
    )
    assert result["session"]["date"] is None
    assert any("07 XX XXXXXX DE 2020" in warning for warning in result["warnings"])


@pytest.mark.parametrize(
    ("opening", "modality"),
    [
        ("se reunieron de manera virtual, a través de la plataforma Zoom,", "virtual"),
        ("de forma remota, derivado de la contingencia,", "virtual"),
        ("reunidos en la Sala de Cabildos del Palacio Municipal,", "presencial"),
        ("se reunieron de manera presencial", "presencial"),
        ("en el Auditorio Municipal y a través de la plataforma Google Meet,", "híbrida"),
        ("en sesión híbrida,", "híbrida"),
        ("se reunieron los integrantes", None),
    ],
)
def test_the_modality(opening, modality):
    assert (
        _session(f"Sesión ordinaria. Siendo las 10:00 horas, {opening} los integrantes.")[
            "modality"
        ]
        == modality
    )


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        (
            "reunidos en la Sala de Cabildos del Palacio Municipal, los integrantes",
            "Sala de Cabildos del Palacio Municipal",
        ),
        ("en la Sala del H. Congreso del Estado, se reunieron", "Sala del H. Congreso del Estado"),
        ("de manera virtual, a través de la plataforma Zoom, las personas", "plataforma Zoom"),
        (
            "En la ciudad de Oaxaca de Juárez, Oaxaca; siendo las diez horas",
            "Oaxaca de Juárez, Oaxaca",
        ),
    ],
)
def test_the_place(opening, place):
    assert _session(f"Sesión ordinaria. {opening}.")["place"] == place


def test_the_convocation_reference_date_and_sender():
    result = parse_acta_text(
        "Sesión ordinaria, previa convocatoria realizada mediante oficio STL/016/2022 de fecha "
        "nueve "
        "de diciembre de dos mil veintidós, emitido por el Facilitador, Mtro. Rodrigo "
        "Alcántara Mejía, "
        "con el propósito de celebrar la sesión."
    )
    assert result["convocation"] == {
        "reference": "STL/016/2022",
        "date": "2022-12-09",
        "convened_by": "Rodrigo Alcántara Mejía",
    }


def test_a_convocation_of_applicants_is_not_the_session_convocation():
    result = parse_acta_text(
        "Minuta. Se acuerda ampliar el periodo de la convocatoria para la designación del "
        "nuevo integrante."
    )
    assert result["convocation"] is None


def test_a_time_of_day_with_de_la_manana_or_de_la_tarde():
    from abierto.lib.acta.when import find_times

    assert [
        found.value.strftime("%H:%M")
        for found in find_times(
            "Siendo las once de la mañana con treinta y ocho minutos; "
            "cerró a las cinco de la tarde."
        )
    ] == ["11:38", "17:00"]


def test_sesion_numero_is_the_number_unless_it_names_another_session():
    from abierto.lib.acta import parse_acta_text

    text = (
        "Aprobada por el Colegio Académico en su Sesión Número 458\n\n"
        "SESIÓN NÚMERO 442\n10 DE ABRIL DE 2018\nACTA DE LA SESIÓN\n"
    )
    assert parse_acta_text(text)["session"]["number"] == 442
    assert parse_acta_text("Minuta Nº 5\nComisión de Selección")["session"]["number"] == 5


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Minuta de la tercera sesión de trabajo del Comité, celebrada el 3 de mayo de 2023.", 3),
        ("En la segunda reunión del Consejo, a las 10:00 horas del 3 de mayo de 2023", 2),
        ("ACTA DE LA SESIÓN 8.09\n22 de julio de 2009", 8),
        ("ACTA SESIÓN ORDINARIA 1.08 16 DE ABRIL DE 2008", 1),
        ("Aprobada en la sesión 13.07. ACTA DE LA SESIÓN 12.07 Septiembre 28, 2007", 12),
        ("Acta de la sesión ordinaria 15 de marzo de 2023", None),
    ],
)
def test_numbers_without_a_kind_and_numbered_within_the_year(text, number):
    assert _session(text)["number"] == number


def test_a_start_time_with_minutes_joined_by_y():
    text = "En Toluca, siendo las once y treinta horas del 3 de mayo de 2023, se reúne el Comité."
    assert _session(text)["start_time"] == "11:30"


def test_the_end_time_may_follow_the_closing_formula():
    text = (
        "Acta. A las 10:00 horas del 3 de mayo de 2023.\nORDEN DEL DÍA\n1. Lista.\n2. Clausura.\n\n"
        "No habiendo otro asunto que tratar, se clausura la sesión. Siendo las catorce horas con "
        "diez minutos del mismo día.\n"
    )
    assert _session(text)["end_time"] == "14:10"


@pytest.mark.parametrize(
    ("text", "place", "modality"),
    [
        (
            "En Guanajuato, en las salas uno y dos del recinto oficial del Congreso, se reunieron",
            "salas uno y dos del recinto oficial del Congreso",
            "presencial",
        ),
        (
            "reunidos en el Salón de Sesiones del H. Ayuntamiento los Ciudadanos Regidores Ana "
            "Ruiz Gil y Luis Mora Paz",
            "Salón de Sesiones del H. Ayuntamiento",
            "presencial",
        ),
        (
            'En el Auditorio "Arq. Luis Barragán" de la Rectoría, a las 9:47 horas',
            'Auditorio "Arq. Luis Barragán" de la Rectoría',
            "presencial",
        ),
        (
            "una sesión que combina la presencia en la sala con quienes están conectados "
            "virtualmente",
            None,
            "híbrida",
        ),
    ],
)
def test_the_place_and_modality(text, place, modality):
    session = _session(text)
    assert (session["place"], session["modality"]) == (place, modality)


def test_a_street_address_under_the_place_label_means_in_person_and_later_sections_do_not_count():
    text = (
        "Minuta 5\nI. DATOS GENERALES\nFecha 6 de octubre de 2020\nLugar Secretaría Ejecutiva\n"
        "Blvd. Colosio No. 703. Piso 3.\nHora 11:00 hrs\n"
        + "Se revisó el expediente. " * 8
        + "\nII. COMPROMISOS PREVIOS\nProgramar una rueda de prensa virtual con periodistas.\n"
    )
    assert _session(text)["modality"] == "presencial"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "En la Sala del Consejo Académico de la Unidad Norte, a las 9:45 horas del 28 de "
            "septiembre de 2007, dio inicio la Sesión 12.07 de este órgano colegiado. El "
            "Presidente sometió a consideración del pleno el orden del día.",
            "Consejo Académico de la Unidad Norte",
        ),
        (
            "siendo las 9.45 horas del día 16 de abril de 2008, con la presencia del Presidente "
            "del Consejo Dr. Alberto Padilla Arias. En la Sala del Consejo Divisional de Ciencias "
            "Sociales, Unidad Norte.",
            "Consejo Divisional de Ciencias Sociales",
        ),
    ],
)
def test_a_body_named_only_in_its_room_or_before_a_title(text, body):
    assert parse_acta_text(text)["body"] == body


FORM_HEADER = (
    "Minuta Nº 2 del año 2021\nComisión de Selección. Sistema Estatal Anticorrupción\n\n"
    "I. DATOS GENERALES DE LA REUNIÓN\nFecha Viernes 06 de mayo de 2021\n"
    "Asistentes Carlos Alberto Arredondo Sibaja\nJesús Contreras García\n"
    "Personas que\nasisten vía remota\n{place}\nHora 14:00 hrs\n\n"
    "II. INFORMES\nSe programa reunión presencial; las entrevistas serán en modalidad híbrida.\n"
    "IV. ACUERDOS\nReunión el día 20 de agosto. Lugar: Plataforma Virtual Google Meet\n"
    "Orden del día\n1. Revisión de la convocatoria\n2.- Calendario\n"
)


@pytest.mark.parametrize(
    ("place", "modality"),
    [
        ("Lugar Centro de trabajo domicilio compañero Jesús María Ramón", "presencial"),
        ("Lugar Plataforma virtual Google Meet", "virtual"),
        ("Lugar Reunión espacio de trabajo Casa Carolina Torres", "presencial"),
    ],
)
def test_a_labelled_place_in_a_form_header_says_the_modality(place, modality):
    # The empty "asisten vía remota" label, a meeting planned "presencial", interviews in
    # "modalidad híbrida" and the next meeting's platform further down do not override it.
    assert _session(FORM_HEADER.format(place=place))["modality"] == modality


def test_a_room_right_before_the_hour_in_a_header_of_fields_is_the_place():
    session = parse_acta_text(
        "Minuta de la reunión número 40, del Consejo Técnico\n"
        "3 de mayo del 2011 Sesión Núm. 40 Salón Azul del Rectorado, 09:30 horas Minuta\n"
        "Orden del día: I. Lista de presentes."
    )["session"]
    assert (session["place"], session["modality"]) == ("Salón Azul del Rectorado", "presencial")


def test_an_acta_titled_by_its_body_and_numbered_within_its_year():
    result = parse_acta_text(
        "H. AYUNTAMIENTO DE SAN ISIDRO. ACTA DE LA COMISIÓN EDILICIA DE HACIENDA, PATRIMONIO Y "
        "CUENTA PÚBLICA: Y PRESUPUESTO Acta 12/2019 En la ciudad de San Isidro, siendo las "
        "10:00 horas del día 4 de junio de 2019, reunidos en la Sala de Regidores, se declaró "
        "abierta la sesión."
    )
    assert (
        result["body"] == "COMISIÓN EDILICIA DE HACIENDA, PATRIMONIO Y CUENTA PÚBLICA Y PRESUPUESTO"
    )
    assert result["session"]["number"] == 12


def test_the_approval_of_another_yearly_acta_is_not_the_session_number():
    result = parse_acta_text(
        "En la Sala de Juntas, siendo las 9:00 horas del día 2 de mayo de 2019, se reunió el "
        "Comité de Obras. Orden del día: 1. Aprobación del acta 6/2019."
    )
    assert result["session"]["number"] is None


def test_a_room_read_by_ocr_as_salen_is_still_the_venue():
    session = parse_acta_text(
        "En la ciudad de Colima, siendo las 10:15 horas del día 16 de marzo de 2016, reunidos "
        "en el Salén Azul del Ayuntamiento, se declaró abierta la sesión."
    )["session"]
    assert (session["place"], session["modality"]) == ("Salén Azul del Ayuntamiento", "presencial")


def test_a_body_s_name_goes_on_past_a_line_wrapped_at_the_margin():
    result = parse_acta_text(
        "En la ciudad de Aguascalientes, siendo las once horas del día 17 de octubre de 2019,\n"
        "se reúne en la sala de juntas de la Secretaría General, el Consejo Ciudadano de Radio\n"
        "Universidad Autónoma de Aguascalientes 94.5 FM XHUAA, el cual está integrado por el "
        "Dr. Luis Soto Vega."
    )
    assert result["body"] == (
        "Consejo Ciudadano de Radio Universidad Autónoma de Aguascalientes 94.5 FM XHUAA"
    )


def test_a_heading_on_the_next_line_is_not_part_of_the_body():
    result = parse_acta_text(
        "Minuta de la reunión número 182, del Consejo de Rectores\n"
        "UNIVERSIDAD DE GUADALAJARA 29 de julio del 2002 Sesión Núm. 182\n"
    )
    assert result["body"] == "Consejo de Rectores"


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        # Buildings open to the public where sessions are held.
        ("en el Teatro de la Ciudad se celebró la sesión solemne.", "Teatro de la Ciudad"),
        ("en el Hotel Fiesta Inn, salón Jade, se reunieron los integrantes.", "Hotel Fiesta Inn"),
        (
            "en el Centro de Convenciones de la ciudad se reunieron los integrantes.",
            "Centro de Convenciones de la ciudad",
        ),
        # The venue ends where the sentence's verb or its subject starts.
        ("en el Salón de Cabildos dio inicio la sesión.", "Salón de Cabildos"),
        (
            'se reunieron en el auditorio "Benito Juárez" de la Universidad los consejeros.',
            'auditorio "Benito Juárez" de la Universidad',
        ),
        (
            "en el salón de sesiones, que se ubica dentro del Palacio Municipal, se reunieron.",
            "salón de sesiones, que se ubica dentro del Palacio Municipal",
        ),
    ],
)
def test_the_venue_of_the_opening(opening, place):
    result = parse_acta_text(f"Siendo las 10:00 horas del 5 de marzo de 2024, {opening}\n")
    assert result["session"]["place"] == place
    assert result["session"]["modality"] == "presencial"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Minuta de la reunión del Consejo Consultivo Ciudadano para la Atención de Personas "
            "con Discapacidad\nSiendo las 10:00 horas del 5 de marzo de 2024 se reunieron.",
            "Consejo Consultivo Ciudadano para la Atención de Personas con Discapacidad",
        ),
        (
            "Siendo las 10:00 horas del 5 de marzo de 2024 se reunió el H. Cabildo con la "
            "asistencia de sus integrantes.",
            "H. Cabildo",
        ),
        (
            "Siendo las 10:00 horas del 5 de marzo de 2024 se reunieron en sesión ordinaria los "
            "integrantes del Sistema Municipal de Protección Integral de Niñas, Niños y "
            "Adolescentes de León.",
            "Sistema Municipal de Protección Integral de Niñas, Niños y Adolescentes de León",
        ),
    ],
)
def test_the_body_s_name(text, body):
    assert parse_acta_text(text + "\n")["body"] == body


def test_a_venue_through_an_institution_s_name_with_commas_cut_at_a_comma_when_too_long():
    result = parse_acta_text(
        "Siendo las 12:30 horas del 7 de noviembre de 2017, en la sala de sesiones del Pleno del "
        "Instituto Nacional de Transparencia, Acceso a la Información y Protección de Datos "
        "Personales (INAI), ubicada en el piso 1 de la sede del Instituto, sita en Avenida "
        "Insurgentes Sur 3211, Colonia Insurgentes Cuicuilco, Delegación Coyoacán, C.P. 04530, "
        "Ciudad de México, el Secretario Técnico del Pleno verificó el quórum.\n"
    )
    # The longest venue read is 250 characters: past it, the venue ends at its last comma.
    assert result["session"]["place"] == (
        "sala de sesiones del Pleno del Instituto Nacional de Transparencia, Acceso a la "
        "Información y Protección de Datos Personales (INAI), ubicada en el piso 1 de la sede del "
        "Instituto, sita en Avenida Insurgentes Sur 3211, Colonia Insurgentes Cuicuilco"
    )
