"""Patterns of the genre the reader met in minutes of bodies new to it (issue 13).

Each test is a short synthetic snippet in the words actas use, never a corpus file: the
parser must read the pattern, not one document.
"""

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from abierto.lib.acta import parse_acta_text
from abierto.lib.acta.people import fuller_role
from abierto.lib.acta.text import fold
from abierto.lib.acta.when import find_dates


def _people(text: str) -> list[tuple[str, str | None]]:
    return [(person["name"], person["role"]) for person in parse_acta_text(text)["attendees"]]


def test_an_approval_note_with_a_dotted_session_number_does_not_give_the_date():
    result = parse_acta_text(
        "Aprobada en la sesión 5.19, celebrada el 3 de junio de 2019 ACTA DE LA SESIÓN 4.19 "
        "En la Sala de Juntas del Consejo Técnico, a las 10:15 horas del martes 14 de mayo de "
        "2019, dio inicio la Sesión 4.19 de este órgano colegiado."
    )
    assert result["session"]["date"] == "2019-05-14"


def test_a_month_first_date_is_read():
    assert [
        found.value for found in find_dates("ACTA DE LA SESIÓN 4.19 Mayo 14, 2019 PRESIDENTE")
    ] == [datetime.date(2019, 5, 14)]


def test_the_room_s_body_wins_over_a_body_named_later_in_the_narrative():
    result = parse_acta_text(
        "ACTA DE LA SESIÓN 4.19 En la Sala del Consejo Técnico de la Facultad de Química, a las "
        "10:15 horas del 14 de mayo de 2019, dio inicio la Sesión 4.19 de este órgano colegiado. "
        "El Presidente dio la bienvenida a la Mtra. Ana Ruiz Vega, designada por la Junta "
        "Directiva Coordinadora del Área de Posgrado."
    )
    assert result["body"] == "Consejo Técnico de la Facultad de Química"


def test_a_body_named_in_the_room_s_sentence_is_the_host():
    result = parse_acta_text(
        "En la Sala del Consejo Técnico, se reunió el Comité de Becas de la Facultad "
        "de Química a las 10:15 horas del 14 de mayo de 2019."
    )
    assert result["body"] == "Comité de Becas de la Facultad de Química"


def test_a_decision_placed_in_another_session_is_history_not_an_agreement():
    result = parse_acta_text(
        "En la Sala del Consejo Técnico, a las 10:15 horas del 14 de mayo de 2019, dio inicio la "
        "sesión.\n1. LISTA DE ASISTENCIA.\n2. ACTAS.\n"
        "1. LISTA DE ASISTENCIA. Se pasó lista.\n"
        "2. ACTAS. El Presidente explicó que en esa ocasión se aprobó el Plan de Trabajo, por lo "
        "que el acta era extensa. Por otro lado, aclaró que el acta de la sesión 2.19 se aprobó en "
        "la sesión 3.19 con 20 votos a favor. Se aprobó por unanimidad el acta de la sesión 3.19."
    )
    assert [agreement["text"] for agreement in result["agreements"]] == [
        "Se aprobó por unanimidad el acta de la sesión 3.19"
    ]


def test_a_titled_person_who_speaks_in_the_narrative_was_present():
    people = _people(
        "ACTA DE LA SESIÓN 4.19 PRESIDENTE: DR. JUAN PÉREZ LUNA En la Sala del Consejo Técnico, "
        "a las 10:15 horas del 14 de mayo de 2019, dio inicio la sesión. El Presidente sometió a "
        "consideración el orden del día. La Lic. Iris Campos Mena hizo la observación de que "
        "faltaba un punto. El Mtro. Luis Gil propuso posponerlo."
    )
    assert ("Iris Campos Mena", None) in people
    assert ("Luis Gil", None) in people


def test_a_person_named_in_a_document_is_not_read_as_speaking():
    people = _people(
        "A las 10:15 horas del 14 de mayo de 2019 dio inicio la sesión. Se recibió un oficio "
        "suscrito por el Dr. Pedro Salas Ríos, quien propuso un cambio de fecha."
    )
    assert all(name != "Pedro Salas Ríos" for name, _ in people)


def test_a_member_who_joins_late_was_present_with_the_office_before_the_name():
    people = _people(
        "En la ciudad de Guanajuato, en los salones de comisiones del recinto oficial del Congreso "
        "del Estado, se reunieron las diputadas y los diputados que integran la Mesa Directiva que "
        "funge en el primer periodo ordinario de sesiones, correspondiente al tercer año de "
        "ejercicio constitucional, para llevar a cabo la reunión previamente convocada.\n"
        "Se pasó lista de asistencia con la presencia de la diputada Ana Ruiz Vega; y el diputado "
        "Luis Gil Soto. El diputado Pedro Salas Ríos se incorporó a la reunión durante el punto "
        "uno del orden del día. Se registró la inasistencia del diputado Marco Díaz Lira."
    )
    assert ("Pedro Salas Ríos", "Diputado") in people
    assert all(name != "Marco Díaz Lira" for name, _ in people)


def test_the_office_someone_was_appointed_to_is_the_role():
    people = _people(
        "PRESIDENTE: DR. JUAN PÉREZ LUNA En la Sala del Consejo Técnico, a las 10:15 horas del 14 "
        "de mayo de 2019, dio inicio la sesión. El Presidente dio la bienvenida al Ing. Pedro "
        "Salas Ríos, quien fue designado por el Consejo Divisional de Ingeniería Jefe del "
        "Departamento de Energía, a partir del 1 de abril de 2019."
    )
    assert ("Pedro Salas Ríos", "Jefe del Departamento de Energía") in people


def test_a_fuller_role_that_extends_the_first_wins():
    assert fuller_role("Comisionada", "Comisionada Presidente") == "Comisionada Presidente"
    assert fuller_role("Comisionada Presidente", "Comisionada") == "Comisionada Presidente"
    assert fuller_role("Consejera", "Secretaria Técnica") == "Consejera"
    assert fuller_role(None, "Vocal") == "Vocal"


_FIRST = st.sampled_from(["Ana", "Luis", "María José", "Óscar", "Iñaki", "Úrsula"])
_LAST = st.sampled_from(["Ruiz", "O'Farril", "Núñez", "de la Vega", "Salas Ríos", "Pérez"])
_TITLE = st.sampled_from(["Lic.", "Mtra.", "Dr.", "Ing.", "Mtro.", "Dra."])
_VERB = st.sampled_from(["propuso", "comentó", "señaló", "preguntó", "manifestó", "explicó"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=_FIRST, last=_LAST, title=_TITLE, verb=_VERB)
def test_any_titled_speaker_is_read_whatever_the_title_and_name(first, last, title, verb):
    name = f"{first} {last} Soto"
    people = _people(
        "En la Sala del Consejo Técnico de la Facultad de Química, a las 10:15 horas del martes "
        "14 de mayo de 2019, dio inicio la sesión ordinaria de este órgano colegiado, previa "
        "convocatoria de su Presidente, con la asistencia de la mayoría de sus integrantes, por lo "
        "que se declaró la existencia de quórum y válidos los acuerdos que en ella se tomen.\n"
        f"El Presidente sometió el orden del día. La {title} {name} {verb} que se revisara."
    )
    assert (name, None) in people


_SCANNED_MINUTE = """Minuta Nº 2 del año 2022
Comité de Vigilancia. Sistema Municipal de Transparencia

l. DATOS GENERALES DE LA REUNIÓN
Fecha Jueves 12 de mayo de 2022
Asistentes Rosa María Lugo Treviño

Tomás Ignacio Farías Cantú

Elena Beatriz Ochoa Ramos
Lic. Raúl Esparza Núñez (Contralor Interno del
municipio
Lugar Sala de juntas
Hora 10:00 hrs

II. COMPROMISOS PREVIOS
1.- Revisar el padrón de proveedores

III. ACUERDOS

1. Publicar el padrón revisado en el portal del municipio

Rosa María Lugo Trevino
4 PRESIDENTA

Tomas lgnacio Farías Cantú Elena
] SECRETARIO Y »

Elena Beatriz Ochoa Ramos
"""


def test_attendees_of_a_label_block_separated_by_blank_lines_are_all_read():
    names = [name for name, _ in _people(_SCANNED_MINUTE)]
    assert names[:4] == [
        "Rosa María Lugo Treviño",
        "Tomás Ignacio Farías Cantú",
        "Elena Beatriz Ochoa Ramos",
        "Raúl Esparza Núñez",
    ]


def test_a_role_in_brackets_left_open_by_the_line_break():
    assert ("Raúl Esparza Núñez", "Contralor Interno del municipio") in _people(_SCANNED_MINUTE)


def test_roles_given_only_in_the_signature_block_even_misread_by_ocr():
    people = dict(_people(_SCANNED_MINUTE))
    assert people["Rosa María Lugo Treviño"] == "Presidenta"
    assert people["Tomás Ignacio Farías Cantú"] == "Secretario"
    assert people["Elena Beatriz Ochoa Ramos"] is None


def test_the_body_stops_before_a_section_heading_whose_numeral_ocr_read_as_l():
    assert parse_acta_text(_SCANNED_MINUTE)["body"] == (
        "Comité de Vigilancia. Sistema Municipal de Transparencia"
    )


def test_the_body_stops_before_a_heading_whose_numeral_ocr_read_as_a_capital_letter():
    minute = _SCANNED_MINUTE.replace("\n\nl. DATOS", "\nE DATOS")
    assert parse_acta_text(minute)["body"] == (
        "Comité de Vigilancia. Sistema Municipal de Transparencia"
    )


def test_a_body_name_wrapped_at_the_margin_goes_on_to_the_next_line():
    result = parse_acta_text(
        "En la ciudad de Aguascalientes, siendo las once horas del 4 de septiembre de 2020, "
        "se reúnen los miembros del Consejo Ciudadano de Radio\nUniversidad Autónoma de "
        "Aguascalientes, quienes comparecen a su tercera sesión de trabajo.\n"
    )
    assert result["body"] == "Consejo Ciudadano de Radio Universidad Autónoma de Aguascalientes"


def test_an_office_line_is_not_a_heading_that_names_an_office():
    from abierto.lib.acta.signatures import office_line

    assert office_line("4 COORDINADORA") == "Coordinadora"
    assert office_line("] VOCERO Y »") == "Vocero"
    assert office_line("Informe Comisionado de CPC") is None
    assert office_line("Se aprobó el acta de la sesión anterior por unanimidad") is None


def test_names_over_offices_followed_by_prose_are_not_the_signature_block():
    from abierto.lib.acta.signatures import block_start

    text = (
        "Asistentes\nRosa María Lugo Treviño\nPresidenta\n\n"
        "Se abrió la sesión y se aprobó el orden del día por unanimidad de los presentes.\n"
    )
    assert block_start(text) is None


def test_a_session_begun_de_manera_virtual_is_virtual_though_a_room_is_named():
    result = parse_acta_text(
        "En el Auditorio sede del H. Consejo Universitario, ubicado en el Centro Universitario, "
        "siendo las once horas del treinta de julio del dos mil veinte, se da por iniciada de "
        "manera virtual la Sesión Ordinaria del H. Consejo Universitario."
    )
    assert result["session"]["modality"] == "virtual"


def test_a_room_and_a_platform_without_a_stated_manner_is_hybrid():
    result = parse_acta_text(
        "En el Auditorio del Consejo y a través de la plataforma Zoom, siendo las once horas del "
        "30 de julio de 2020, se reunieron los integrantes del Consejo Técnico."
    )
    assert result["session"]["modality"] == "híbrida"


def test_a_body_named_with_an_adjective_title_and_a_frequency():
    result = parse_acta_text(
        "ACTA DE SESIÓN DEL CONSEJO CIUDADANO DE RADIO UNIVERSIDAD\n"
        "En la ciudad de Aguascalientes, siendo las once y treinta horas del día cuatro de "
        "septiembre de dos mil veinte, se reúnen los miembros del Consejo Ciudadano de Radio "
        "Universidad Autónoma de Aguascalientes 94.5 FM XHUAA, el cual está integrado por el Dr. "
        "Alfonso Pérez Romo, el M.S.C. Arturo Ricardo Silva Ibarra y el Dr. Fernando Jaramillo "
        "Juárez ; quienes comparecen a su tercera sesión de trabajo."
    )
    assert result["body"] == (
        "Consejo Ciudadano de Radio Universidad Autónoma de Aguascalientes 94.5 FM XHUAA"
    )
    assert result["session"]["start_time"] == "11:30"
    assert result["session"]["number"] == 3
    assert [person["name"] for person in result["attendees"]] == [
        "Alfonso Pérez Romo",
        "Arturo Ricardo Silva Ibarra",
        "Fernando Jaramillo Juárez",
    ]


def test_a_line_of_prose_ending_in_a_colon_is_no_speaker():
    people = _people(
        "Siendo las 10:00 horas del 4 de septiembre de 2020 se reunió el Consejo Ciudadano.\n"
        "Se leyó el oficio del Centro de Ciencias\n"
        "Económicas y Administrativas, el cual me permito exponer a continuación:\n"
        "Nombre de la producción."
    )
    assert all("Económicas" not in name for name, _ in people)


def test_an_attendee_s_office_written_after_the_name_elsewhere_fills_the_role():
    people = _people(
        "Siendo las 10:00 horas del 4 de septiembre de 2020 se reúnen los miembros del Consejo "
        "Ciudadano, integrado por el Dr. Alfonso Pérez Romo y el Dr. Fernando Jaramillo Juárez; "
        "quienes comparecen a su sesión, proponiéndose el siguiente orden del día:\n"
        "1. Bienvenida a cargo del Dr. Alfonso Pérez Romo, Presidente del Consejo Ciudadano (CC) "
        "de Radio Universidad.\n2. Asuntos generales."
    )
    assert ("Alfonso Pérez Romo", "Presidente del Consejo Ciudadano") in people


_NEXT_MEETING_MINUTE = """Minuta Nº 1 del año 2021
Comité de Vigilancia. Sistema Municipal de Transparencia

I. DATOS GENERALES DE LA REUNIÓN
Fecha Viernes 30 de abril de 2021
Asistentes Rosa María Lugo Treviño
Tomás Ignacio Farías Cantú
Lugar Plataforma virtual Google Meet
Hora 16:00 hrs

II. INFORMES
1.- Coordinación del Comité
e Se propone que Rosa María Lugo Treviño asuma la Coordinación. Lo que es aprobado por unanimidad.

III. ACUERDOS

Reunión el día 6 de mayo a las 13:30:
Lugar: Sala de juntas del Comité de Vigilancia
o Orden del día o
1. Elaborar propuesta de comunicado al Cabildo para solicitar el nombramiento
2.- Elaborar propuesta de calendario

Rosa María Lugo Treviño
PRESIDENTA
"""


def test_the_agenda_of_the_next_meeting_under_the_agreements_is_not_this_session_s():
    assert parse_acta_text(_NEXT_MEETING_MINUTE)["agenda"] == []


def test_a_section_whose_list_follows_prose_is_one_agreement_without_an_earlier_vote():
    agreements = parse_acta_text(_NEXT_MEETING_MINUTE)["agreements"]
    assert [(agreement["code"], agreement["vote"]) for agreement in agreements] == [("1", None)]
    assert agreements[0]["text"].startswith("Reunión el día 6 de mayo a las 13:30")
    assert agreements[0]["text"].endswith("Elaborar propuesta de calendario")


def test_a_meeting_fixed_at_a_line_s_start_is_a_scheduled_session():
    assert parse_acta_text(_NEXT_MEETING_MINUTE)["scheduled_sessions"] == [
        {"date": "2021-05-06", "title": "Reunión"}
    ]


_PROCESS_CALENDAR_MINUTE = """Minuta Nº 3 del año 2021
Comité de Vigilancia. Sistema Municipal de Transparencia

I. DATOS GENERALES DE LA REUNIÓN
Fecha Viernes 20 de agosto de 2021
Asistentes Rosa María Lugo Treviño
Hora 14:00 hrs

II. ACUERDOS
Li
PUBLICAR CONVOCATORIA 2021
Calendario del proceso para la selección de un integrante del Consejo

e Recepción de expedientes: del 20 de agosto al 19 de septiembre

e Publicación de calendario de entrevistas: 23 de septiembre

e Toma de protesta del nuevo integrante: 5 de octubre 2021

2.- PENDIENTE ELABORAR CALENDARIO ESPECÍFICO PARA EL PROCESO

Reunión el día 27 de agosto a las 2:30 pm, en Centro de trabajo

Rosa María Lugo Treviño
PRESIDENTA
"""


def test_a_calendar_of_a_process_schedules_no_session_but_the_meeting_it_fixes_does():
    assert parse_acta_text(_PROCESS_CALENDAR_MINUTE)["scheduled_sessions"] == [
        {"date": "2021-08-27", "title": "Reunión"}
    ]


def test_an_agreements_list_whose_first_number_ocr_lost_reads_both_items():
    agreements = parse_acta_text(_PROCESS_CALENDAR_MINUTE)["agreements"]
    assert [agreement["code"] for agreement in agreements] == ["1", "2"]
    assert "PUBLICAR CONVOCATORIA 2021" in agreements[0]["text"]
    assert "Toma de protesta" in agreements[0]["text"]
    assert agreements[1]["text"].endswith(
        "Reunión el día 27 de agosto a las 2:30 pm, en Centro de trabajo"
    )


def test_an_attendance_list_of_names_over_offices_is_not_cut_as_a_signature_block():
    people = _people(
        "Siendo las 10:00 horas del 11 de febrero de 2015 se reunió el Consejo Estatal "
        "Electoral, con la asistencia de las siguientes personas:\n"
        "ANA ISABEL LEÓN TRUEBA\nCONSEJERA PRESIDENTA\n"
        "IXEL MENDOZA ARAGÓN\nCONSEJERA ELECTORAL\n"
    )
    assert [name for name, _ in people] == ["ANA ISABEL LEÓN TRUEBA", "IXEL MENDOZA ARAGÓN"]


def test_only_the_signature_block_at_the_foot_counts():
    from abierto.lib.acta.signatures import signers

    text = (
        "Ana Ruiz Paz\nPRESIDENTA\n"
        "Se levantó la sesión a las doce horas del día, firmando quienes intervinieron.\n"
        "Luis Soto Vega\nSECRETARIO\nEva Lara Díaz Mena Ruiz Gil VOCAL\n"
    )
    assert [(signer.name, signer.office) for signer in signers(text)] == [
        ("Luis Soto Vega", "Secretario"),
        ("Eva Lara Díaz Mena Ruiz Gil", "Vocal"),
    ]


def test_a_list_of_agreements_coded_with_figures_only():
    result = parse_acta_text(
        "Acuerdos 2015 del Colegio Académico\n"
        "ACTA NO. 142 (11 de diciembre de 2015)\n"
        "01-142/2015 Aprobar el orden del día propuesto.\n"
        "02-142/2015 Aprobar el acta 141 de la sesión ordinaria del 18 de noviembre de 2015.\n"
        "03-142/2015 Designar a la Dra. Ana Ruiz Paz miembro de la Junta Universitaria.\n"
    )
    assert [a["code"] for a in result["agreements"]] == [
        "01-142/2015",
        "02-142/2015",
        "03-142/2015",
    ]
    assert result["agreements"][2]["text"].startswith("Designar a la Dra. Ana Ruiz Paz")


def test_dates_opening_lines_are_not_agreement_codes():
    from abierto.lib.acta.agreements import _numeric_coded

    calendar = "14/12/2011 Sesión ordinaria\n15/12/2011 Sesión extraordinaria\n"
    assert _numeric_coded(calendar, 0, len(calendar)) == []
    lone = "12-3/2020 Un código solo no hace una lista.\n"
    assert _numeric_coded(lone, 0, len(lone)) == []


def test_the_kind_of_minutes_approved_in_the_session_is_not_the_session_s():
    result = parse_acta_text(
        "Acuerdos 2015 del Colegio Académico\n"
        "ACTA NO. 142 (11 de diciembre de 2015)\n"
        "01-142/2015 Aprobar el orden del día propuesto.\n"
        "02-142/2015 Aprobar el acta 141 de la sesión ordinaria del 18 de noviembre de 2015.\n"
    )
    assert result["session"]["kind"] is None
    assert result["session"]["number"] == 142


def test_a_session_number_written_plainly_after_the_noun():
    first = parse_acta_text(
        "Acta de la Sesión 512 Ordinaria del Cuadragésimo Segundo Consejo Divisional\n"
        "de la División de Ciencias y Artes para el Diseño, celebrada el 13 de mayo de 2016\n"
    )
    assert (first["session"]["number"], first["session"]["kind"]) == (512, "ordinaria")
    second = parse_acta_text(
        "ACTA DE LA SESIÓN 404 DEL VIGÉSIMO PRIMER CONSEJO ACADÉMICO, CELEBRADA EL 29 DE "
        "ENERO DE 2016. PRESIDENTE: Dr. Romualdo López Zárate\n"
    )
    assert second["session"]["number"] == 404
    assert fold(second["body"]) == "vigesimo primer consejo academico"
    day = parse_acta_text("En la sesión 29 de enero de 2016 del Consejo Consultivo se acordó.\n")
    assert day["session"]["number"] is None


def test_a_body_named_with_its_term_keeps_the_ordinal():
    result = parse_acta_text(
        "En la Ciudad de México, siendo las 10:00 horas del 3 de marzo de 2016, se reunió el "
        "Cuarto Consejo Universitario de la Universidad Autónoma de la Ciudad de México.\n"
    )
    assert result["body"] == (
        "Cuarto Consejo Universitario de la Universidad Autónoma de la Ciudad de México"
    )


def test_people_a_plural_verb_records_absent_are_not_attendees():
    names = [
        name
        for name, _ in _people(
            "ACTA DE LA SESIÓN 404 DEL CONSEJO ACADÉMICO, CELEBRADA EL 29 DE ENERO DE 2016. "
            "El Secretario informa que el Dr. Luis Enrique Noreña Franco, Director de la "
            "División de Ciencias Básicas e Ingeniería; la Dra. María Teresa Magallón Diez, "
            "Jefa del Departamento de Administración, y el Mtro. Ernesto Noriega Estrada, Jefe "
            "del Departamento de Procesos, no asisten a la Sesión y en su lugar acuden la Dra. "
            "María de Lourdes Delgado Núñez y la Dra. Elvia Espinosa Infante.\n"
        )
    ]
    assert "Luis Enrique Noreña Franco" not in names
    assert "Ernesto Noriega Estrada" not in names
    assert not any(name.startswith("de la") for name in names)
    assert "Elvia Espinosa Infante" in names


def test_degrees_of_the_sciences_and_of_design_are_titles():
    from abierto.lib.acta.names import is_honorific, looks_like_name

    assert all(is_honorific(word) for word in ("Fís.", "Quím.", "Q.F.B.", "D.C.G.", "D.I."))
    assert not looks_like_name("de la División de Ciencias Básicas")


def test_an_attendance_cue_ending_its_line_lists_one_person_a_line():
    people = _people(
        "A las doce horas del siete de noviembre de 2017, en la sala de sesiones del Pleno, "
        "el Secretario Técnico del Pleno verificó la asistencia de los siguientes integrantes "
        "del Pleno:\n\n"
        "Francisco Javier Acuña Llamas, Comisionado Presidente.\n"
        "-Areli Cano Guadiana, Comisionada.\n\n"
        "Oscar Mauricio Guerra Ford, Comisionado.\n\n"
        "e Joel Salas Suárez, Comisionado.\n\n"
        "A continuación, el Secretario Técnico dio cuenta de la ausencia del Comisionado "
        "Rosendoevgueni Monterrey Chepov.\n"
    )
    assert people[:4] == [
        ("Francisco Javier Acuña Llamas", "Comisionado Presidente"),
        ("Areli Cano Guadiana", "Comisionada"),
        ("Oscar Mauricio Guerra Ford", "Comisionado"),
        ("Joel Salas Suárez", "Comisionado"),
    ]


def test_the_office_held_in_the_body_and_not_what_the_members_share():
    people = dict(
        _people(
            "ACTA DE LA SESIÓN ORDINARIA 39/2018 DEL 21 DE SEPTIEMBRE DE 2018 En la Ciudad de "
            "México, a las doce horas, se reunieron Juan Manuel Sánchez Ramírez, Titular de la "
            "Unidad de Transparencia, y Erik Mauricio Sánchez Medina, Director Jurídico, ambos "
            "integrantes del Comité de Transparencia, así. como Sergio Zambrano Herrera, "
            "Subgerente de Análisis Jurídico, en su carácter de Prosecretario de dicho órgano "
            "colegiado.\n"
        )
    )
    assert people["Erik Mauricio Sánchez Medina"] == "Director Jurídico"
    assert people["Sergio Zambrano Herrera"] == "Prosecretario"


def test_a_session_numbered_within_its_year_after_its_kind():
    result = parse_acta_text(
        "COMITÉ DE TRANSPARENCIA\nACTA DE LA SESIÓN ORDINARIA 39/2018 DEL 21 DE SEPTIEMBRE DE "
        "2018 En la Ciudad de México, a las doce horas se reunieron los integrantes.\n"
    )
    assert (result["session"]["number"], result["session"]["kind"]) == (39, "ordinaria")


def test_a_day_glued_to_the_word_before_it_is_still_the_date():
    result = parse_acta_text(
        "Acta de la Sesión 512 Ordinaria del Consejo Divisional, celebrada el día13 de mayo de\n"
        "2016\nConsejeros Asistentes\n"
    )
    assert result["session"]["date"] == "2016-05-13"


def test_a_titled_person_welcomed_at_the_opening_is_present():
    people = dict(
        _people(
            "ACTA DE LA SESIÓN 404 DEL CONSEJO ACADÉMICO, CELEBRADA EL 29 DE ENERO DE 2016. "
            "El Presidente da la bienvenida a la Fís. Luisa Gabriela del Valle Díaz Muñoz, "
            "quien fue designada como Jefa del Departamento de Ciencias Básicas, a partir del "
            "2 de diciembre de 2015.\n"
        )
    )
    assert people["Luisa Gabriela del Valle Díaz Muñoz"] == (
        "Jefa del Departamento de Ciencias Básicas"
    )


def test_a_roll_call_after_the_purpose_and_a_colon_is_read():
    people = _people(
        "En la ciudad de Tepic, siendo las diez horas del día 3 de marzo de 2020, estando "
        "reunidos en la Sala de Cabildo para celebrar Sesión Extraordinaria: Ana Ruiz Vega, "
        "Presidenta Municipal; Luis Gil Mora, Síndico Único; Rosa Paz León, Regidora Décimo "
        "Primera y Juan Soto Lara, Regidor Segundo, asistidos por el licenciado Pedro Díaz "
        "Leal, Secretario del H. Ayuntamiento de Tepic. ----------"
    )
    assert people == [
        ("Ana Ruiz Vega", "Presidenta Municipal"),
        ("Luis Gil Mora", "Síndico Único"),
        ("Rosa Paz León", "Regidora Décimo Primera"),
        ("Juan Soto Lara", "Regidor Segundo"),
        ("Pedro Díaz Leal", "Secretario del H. Ayuntamiento de Tepic"),
    ]


def test_a_roll_call_run_into_prose_reads_those_marked_present():
    people = _people(
        "Acta de la sesión ordinaria del 5 de mayo de 2010. El señor Secretario General: "
        "Presidente Municipal Ana Ruiz Vega, presente; ciudadano Luis Gil Mora, presente; "
        "ciudadana Rosa Paz León, justificó su inasistencia; REGIDORA, MARTA SOTO LARA, "
        "Presente; Concejales Municipales Regidores: Juan Díaz Leal (presente), Pedro "
        "Ochoa Ríos (presente). Hay quórum."
    )
    assert people == [
        ("Ana Ruiz Vega", "Presidente Municipal"),
        ("Luis Gil Mora", None),
        ("MARTA SOTO LARA", "REGIDORA"),
        ("Juan Díaz Leal", "Concejal Municipal Regidor"),
        ("Pedro Ochoa Ríos", "Concejal Municipal Regidor"),
    ]


def test_an_acta_number_in_words_and_a_time_without_y_are_read():
    session = parse_acta_text(
        "Acta número cincuenta y dos de la sesión ordinaria celebrada el día tres de marzo de "
        "dos mil diez a las diez treinta horas, en el Salón de Sesiones."
    )["session"]
    assert (session["number"], session["start_time"]) == (52, "10:30")


def test_an_office_written_once_after_a_run_of_names_is_theirs():
    people = _people(
        "En San Juan, siendo las 09:03 (nueve horas con tres minutos) del día 19 (DIECINUEVE) "
        "de abril de 2021, en el salón de Cabildo, reunidos los C.C. LIC. ANA RUIZ VEGA, "
        "PRESIDENTA MUNICIPAL, C. LUIS GIL MORA, L.C.C. ROSA PAZ LEÓN; (REGIDORES), MTRA. "
        "MARTA SOTO LARA, SÍNDICO MUNICIPAL, se instala legalmente la Sesión Ordinaria."
    )
    assert people == [
        ("ANA RUIZ VEGA", "PRESIDENTA MUNICIPAL"),
        ("LUIS GIL MORA", "REGIDOR"),
        ("ROSA PAZ LEÓN", "REGIDOR"),
        ("MARTA SOTO LARA", "SÍNDICO MUNICIPAL"),
    ]


def test_a_day_restated_in_words_between_brackets_keeps_the_date():
    result = parse_acta_text(
        "SESIÓN ORDINARIA CELEBRADA EL DÍA 19 (DIECINUEVE) DE ABRIL DEL AÑO 2021 (DOS MIL "
        "VEINTIUNO) en el salón de Cabildo."
    )
    assert result["session"]["date"] == "2021-04-19"


def test_an_agenda_item_s_sub_list_is_not_part_of_its_title():
    result = parse_acta_text(
        "Sesión ordinaria del 6 de noviembre de 2018.\n\nOrden del día:\n\n"
        "I. Lista de presentes.\n\nII. Correspondencia:\n\na) Recibida.\n\n"
        "III. Lectura y aprobación del acta anterior. 1) Acta número 66 de fecha 25 de marzo.\n\n"
        "IV. Presentación de iniciativas, a cargo de las y los legisladores:\n\n"
        "1. Ana Ruiz Vega, integrante del Grupo Parlamentario.\n\n"
        "2. Luis Gil Mora.\n\nV. Clausura de la sesión.\n"
    )
    assert [(item["number"], item["title"]) for item in result["agenda"]] == [
        (1, "Lista de presentes"),
        (2, "Correspondencia"),
        (3, "Lectura y aprobación del acta anterior"),
        (4, "Presentación de iniciativas, a cargo de las y los legisladores"),
        (5, "Clausura de la sesión"),
    ]


def test_officers_in_a_header_of_short_lines_are_read_with_their_offices():
    people = _people(
        "ACTA 20.\n\nSesión ordinaria de la Legislatura, celebrada el día 6 de noviembre del "
        "año 2018.\n\nPresidente: Diputado Luis Gil Mora\nPrimera Secretaria: Diputada Ana "
        "Ruiz Vega\n\nSiendo las once horas del día de la fecha, el Presidente declara que se "
        "da inicio a la sesión.\n\nOrden del día:\n\nI. Lista de presentes.\n\n"
        "II. Correspondencia:\n\nIII. Clausura de la sesión.\n"
    )
    assert people == [("Luis Gil Mora", "Presidente"), ("Ana Ruiz Vega", "Primera Secretaria")]


def test_a_roll_call_with_the_office_after_the_mark_and_ocr_debris():
    people = _people(
        "Acta de la sesión ordinaria del 5 de mayo de 2018. El Secretario procede a pasar lista "
        "de asistencia. Ana Ruiz Vega (presente) Presidenta Concejal Municipal Concejales "
        'Municipales Regidores:\nLuis Gil Mora (presente) "Rosa ' + "' " + "Paz León. (presente) "
        "Juan Díaz . Leal (presente)\nSÍNDICO PEDRO: OCHOA RÍOS, presente; REGIDORA, MARTA SOTO "
        "LARA, Presente;"
    )
    assert people == [
        ("Ana Ruiz Vega", "Presidenta Concejal Municipal"),
        ("Luis Gil Mora", "Concejal Municipal Regidor"),
        ("Rosa Paz León", "Concejal Municipal Regidor"),
        ("Juan Díaz Leal", "Concejal Municipal Regidor"),
        ("PEDRO OCHOA RÍOS", "SÍNDICO"),
        ("MARTA SOTO LARA", "REGIDORA"),
    ]


def test_plural_offices_of_either_gender_name_the_list_that_follows():
    people = _people(
        "Se comprobó el cuórum legal con la presencia de las diputadas Ana Ruiz Vega y Rosa "
        "Paz León; así como de los diputados Luis Gil Mora, Juan Díaz Leal y Pedro Ochoa Ríos. "
        "Comprobado el cuórum legal, la presidencia declaró abierta la sesión."
    )
    assert people == [
        ("Ana Ruiz Vega", "Diputada"),
        ("Rosa Paz León", "Diputada"),
        ("Luis Gil Mora", "Diputado"),
        ("Juan Díaz Leal", "Diputado"),
        ("Pedro Ochoa Ríos", "Diputado"),
    ]


def test_a_decision_that_resulted_approved_in_an_economic_vote_is_an_agreement():
    result = parse_acta_text(
        "Comprobado el cuórum legal, la presidencia declaró abierta la sesión a las once horas "
        "del catorce de febrero de dos mil veinticuatro. La secretaría dio lectura al orden del "
        "día; mismo que, al ser sometido a consideración, resultó aprobado en votación "
        "económica por unanimidad, sin discusión. - - - - -"
    )
    assert [(item["text"], item["vote"]) for item in result["agreements"]] == [
        (
            "La secretaría dio lectura al orden del día; mismo que, al ser sometido a "
            "consideración, resultó aprobado en votación económica por unanimidad, sin discusión",
            "unanimidad",
        )
    ]


def test_a_legislature_s_plenary_is_named_by_its_ordinal_not_its_period():
    result = parse_acta_text(
        "ACTA 20.\n\nSesión ordinaria del Primer Período Ordinario de Sesiones de la Sexagésima "
        "Sexta Legislatura, celebrada en el Recinto Oficial el día 6 de noviembre del año 2018."
    )
    assert result["body"] == "Sexagésima Sexta Legislatura"


def test_a_legislature_s_committee_is_named_without_its_period_or_legislature():
    result = parse_acta_text(
        "Minuta número 4 Comisión de Juventud y Deporte Segundo Periodo Ordinario de Sesiones "
        "Sesión celebrada el 8 de abril de 2016\nSe reunieron las diputadas y los diputados que "
        "integran la Comisión de Juventud y Deporte de la Sexagésima Tercera Legislatura."
    )
    assert result["body"] == "Comisión de Juventud y Deporte"


def test_a_standing_deputation_is_a_body():
    result = parse_acta_text(
        "En la ciudad de Guanajuato se reunieron las diputadas y los diputados que integran la "
        "Diputación Permanente a efecto de llevar a cabo la sesión el 14 de febrero de 2024."
    )
    assert result["body"] == "Diputación Permanente"


def test_an_ocr_e_for_the_o_of_sion_is_read_as_o():
    session = parse_acta_text(
        "En la ciudad de México, a los catorce días del mes de mayo de 2007, se levanta la "
        "presente acta correspondiente a la Primera Sesién Extraordinaria del Comité Editorial."
    )["session"]
    assert (session["number"], session["kind"]) == (1, "extraordinaria")


def test_offices_written_before_titled_names_are_theirs():
    people = _people(
        "ACTA 28 SESIÓN ORDINARIA FECHA: 24 DE JUNIO DE 2019. El C. Secretario de Gobierno "
        "Municipal, Dr. Juan Díaz Leal: me permito pasar lista de asistencia: Presidente "
        "Municipal de Zacatecas, M.B.A. Ulises Mora Haro, Síndica Municipal, T.A.E. Ruth Gil "
        "Babún, Dra. Rosa Paz León, L.E.M. Pedro Ochoa Ríos."
    )
    assert people == [
        ("Juan Díaz Leal", "Secretario de Gobierno Municipal"),
        ("Ulises Mora Haro", "Presidente Municipal de Zacatecas"),
        ("Ruth Gil Babún", "Síndica Municipal"),
        ("Rosa Paz León", None),
        ("Pedro Ochoa Ríos", None),
    ]


def test_offices_written_after_titled_names_stay_theirs():
    people = _people(
        "Siendo las 10:00 horas del 3 de marzo de 2020 se encuentran: Lic. Ana Ruiz Vega, "
        "Directora General, Mtro. Luis Gil Mora, Director Jurídico, Ing. Eva Sol Paz, Jefa de "
        "Área."
    )
    assert people == [
        ("Ana Ruiz Vega", "Directora General"),
        ("Luis Gil Mora", "Director Jurídico"),
        ("Eva Sol Paz", "Jefa de Área"),
    ]


def test_a_session_numbered_after_its_character_is_not_the_acta_s_number():
    result = parse_acta_text(
        "ACTA 28 SESIÓN ORDINARIA PRIVADA 17 FECHA: 24 DE JUNIO DE 2019 AYUNTAMIENTO DE TEPIC"
    )
    assert result["session"]["number"] == 17
    assert (
        parse_acta_text("ACTA 160\nSesión Ordinaria del 29 de abril de 2020.")["session"]["number"]
        == 160
    )


def test_a_degree_written_out_with_its_field_is_a_title():
    people = _people(
        "En la ciudad de Carmen, siendo las nueve horas del día primero de octubre de dos mil "
        "seis; estando reunidos en la sede del H. Ayuntamiento, Sala de Cabildo, los ciudadanos "
        "Licenciado en Administración de Empresas José Ignacio Sosa Sierra, Presidente "
        "Municipal; Maestra en Ciencias de la Educación Ana Ruiz Vega, Primera Regidora y el "
        "Licenciado Luis Gil Mora, Síndico Administrativo, y conforme a lo establecido en el "
        "artículo 45 de la Ley Orgánica; el Presidente declaró instalado el Ayuntamiento."
    )
    assert people == [
        ("José Ignacio Sosa Sierra", "Presidente Municipal"),
        ("Ana Ruiz Vega", "Primera Regidora"),
        ("Luis Gil Mora", "Síndico Administrativo"),
    ]


def test_an_office_in_the_plural_after_two_names_is_each_one_s():
    people = _people(
        "A las dieciocho horas del día treinta de agosto de dos mil dieciocho, reunidos en el "
        "Salón Juárez, los ciudadanos Ana Ruiz Vega, Secretaria de Finanzas; Luis Gil Mora y "
        "Juan Díaz Leal representantes del Poder Legislativo ante la Asamblea; Rosa Paz León, "
        "Consejera del Poder Judicial, con el objeto de celebrar la sesión."
    )
    assert people == [
        ("Ana Ruiz Vega", "Secretaria de Finanzas"),
        ("Luis Gil Mora", "representante del Poder Legislativo ante la Asamblea"),
        ("Juan Díaz Leal", "representante del Poder Legislativo ante la Asamblea"),
        ("Rosa Paz León", "Consejera del Poder Judicial"),
    ]


def test_a_plural_office_and_a_comma_head_the_names_up_to_the_semicolon():
    people = _people(
        "El día 4 de mayo de 2018 se celebró la Octava Sesión Ordinaria. Asistieron los "
        "representantes de sociedad civil, Ana Ruiz Vega, Rosa Paz León y Luis Gil Mora; por "
        "parte del Poder Ejecutivo, Juan Díaz Leal; y Pedro Ochoa Ríos, representante del "
        "Poder Judicial. Están presentes los Comisionados Eva Sol Paz y Raúl Mena Gil."
    )
    assert people[:5] == [
        ("Ana Ruiz Vega", "representante de sociedad civil"),
        ("Rosa Paz León", "representante de sociedad civil"),
        ("Luis Gil Mora", "representante de sociedad civil"),
        ("Juan Díaz Leal", "Poder Ejecutivo"),
        ("Pedro Ochoa Ríos", "representante del Poder Judicial"),
    ]
    assert [name for name, _ in people[5:]] == ["Eva Sol Paz", "Raúl Mena Gil"]


def test_a_spoken_verdict_after_a_call_to_vote_is_an_agreement():
    result = parse_acta_text(
        "Buenos días, damos inicio a la sesión ordinaria de la Junta del 19 de mayo de 2015. "
        "El C. Secretario Ejecutivo: Se consulta si se aprueba el orden del día. Quienes estén "
        "a favor, sírvanse manifestarlo si son tan amables. Aprobado, Consejero Presidente. "
        "El C. Consejero Presidente: Gracias. Aprobado el informe que se presentó."
    )
    assert [(item["text"], item["vote"]) for item in result["agreements"]] == [
        ("Aprobado, Consejero Presidente", None)
    ]


def test_a_meeting_of_cabildo_is_held_by_the_ayuntamiento_the_acta_names():
    result = parse_acta_text(
        "ACTA 28 SESIÓN ORDINARIA 17 FECHA: 24 DE JUNIO DE 2019 AYUNTAMIENTO DE ZACATECAS AV. "
        "HÉROES DE CHAPULTEPEC NO. 1110 El Presidente: bienvenidos a esta Décima Séptima "
        "Sesión Ordinaria de Cabildo. Secretario de Gobierno le solicito pasar lista."
    )
    assert result["body"] == "AYUNTAMIENTO DE ZACATECAS"


def test_a_date_after_a_body_in_capitals_is_not_part_of_its_name():
    result = parse_acta_text(
        "ACTA NÚMERO 3 SESIÓN ORDINARIA DEL CONCEJO MUNICIPAL DE MONTERREY 15 DE NOVIEMBRE DE "
        "2018 En la Ciudad de Monterrey, siendo las doce horas."
    )
    assert result["body"] == "CONCEJO MUNICIPAL DE MONTERREY"


def test_whoever_takes_the_floor_with_office_and_title_was_there():
    people = _people(
        "Acta de la sesión ordinaria del 19 de enero de 2017. Para desahogar el primer punto. "
        "En uso de la voz la Secretaria del Ayuntamiento Lic. Laura Patricia Ramírez Villasana, "
        "manifestó: Buenos días."
    )
    assert people == [("Laura Patricia Ramírez Villasana", "Secretaria del Ayuntamiento")]


def test_an_area_of_a_hall_is_a_venue_in_person():
    session = parse_acta_text(
        "En la ciudad de Guanajuato, en el área de público del salón de sesiones del recinto "
        "oficial del Congreso del Estado se reunieron las diputadas y los diputados que "
        "integran la Comisión de Juventud, el 8 de abril de 2016."
    )["session"]
    assert (session["modality"], session["place"]) == (
        "presencial",
        "área de público del salón de sesiones del recinto oficial del Congreso del Estado",
    )


def test_an_item_taken_up_by_its_number_in_words_is_on_the_agenda():
    result = parse_acta_text(
        "En Tampico, siendo las 8:30 horas del día 19 de enero de 2017, se reunieron los "
        "integrantes del Ayuntamiento. Para desahogar el PUNTO NÚMERO UNO del Orden del Día "
        "consistente en LISTA DE ASISTENCIA Y DECLARACIÓN DE QUÓRUM. Se pasó lista. Para "
        "desahogar el PUNTO NÚMERO DOS del Orden del Día, relativo a la APROBACIÓN DEL ACTA "
        "ANTERIOR. Se aprobó por unanimidad."
    )
    assert [(item["number"], item["title"]) for item in result["agenda"]] == [
        (1, "LISTA DE ASISTENCIA Y DECLARACIÓN DE QUÓRUM"),
        (2, "APROBACIÓN DEL ACTA ANTERIOR"),
    ]


def test_an_acta_number_after_a_colon_is_read():
    result = parse_acta_text(
        "ACTA: NÚMERO 59 SEXAGÉSIMA SEGUNDA LEGISLATURA SESIÓN CELEBRADA EL 15 DE FEBRERO DE "
        "2014. En la ciudad de Guanajuato se reunieron los diputados."
    )
    assert result["session"]["number"] == 59


def test_a_presiding_officer_who_sits_as_a_representative_gets_that_role():
    people = _people(
        "El día 4 de mayo de 2018, se celebró la Octava Sesión Ordinaria del Secretariado "
        "Técnico, presidida por la Comisionada Ana Ruiz Vega, representante suplente del "
        "organismo garante. Asistieron Luis Gil Mora y Rosa Paz León."
    )
    assert ("Ana Ruiz Vega", "representante suplente del organismo garante") in people


def test_a_room_named_in_apposition_is_the_place():
    session = parse_acta_text(
        "En la ciudad y puerto de Carmen, Estado de Campeche, siendo las nueve horas del día "
        "primero de octubre de dos mil seis; estando reunidos en el recinto que ocupa la sede "
        "del H. Ayuntamiento, Sala de Cabildo denominada “Don Pablo García”, los ciudadanos "
        "Ana Ruiz Vega y Luis Gil Mora."
    )["session"]
    assert session["place"] == 'Sala de Cabildo denominada "Don Pablo García"'


def test_an_officer_named_by_the_office_in_their_charge_gets_it():
    people = _people(
        "ACTA NÚMERO 67 SESIÓN ORDINARIA CELEBRADA EL DÍA 19 DE ABRIL DE 2021. PRESIDENCIA A "
        "CARGO DE LA L.A.E. MA. ELVA LOZA GAMA SECRETARÍA GENERAL A CARGO DEL LIC. SANTOS "
        "OMAR RUIZ RAMÍREZ En la ciudad de San Miguel, reunidos los C.C. L.A.E. MA. ELVA LOZA "
        "GAMA, PRESIDENTA MUNICIPAL, C. LUIS GIL MORA; se instala legalmente la sesión."
    )
    assert people == [
        ("MA. ELVA LOZA GAMA", "PRESIDENTA MUNICIPAL"),
        ("LUIS GIL MORA", None),
        ("SANTOS OMAR RUIZ RAMÍREZ", "SECRETARÍA GENERAL"),
    ]


def test_a_session_held_in_a_building_is_in_person_and_its_address_is_the_place():
    result = parse_acta_text(
        "ACTA DE LA SESIÓN ORDINARIA 12/2020 DEL COMITÉ DE TRANSPARENCIA\n\n"
        "En la ciudad de Puebla, a las diez horas del tres de marzo de dos mil veinte, en el "
        "edificio ubicado en calle Reforma, número ciento dos, colonia Centro, alcaldía Norte, "
        "se reunieron Ana Ruiz Soto, Presidenta, y Luis Mora Paz, Secretario."
    )
    assert result["session"]["modality"] == "presencial"
    assert result["session"]["place"] == (
        "edificio ubicado en calle Reforma, número ciento dos, colonia Centro, alcaldía Norte"
    )


def test_what_was_agreed_named_by_its_participle_is_an_agreement():
    result = parse_acta_text(
        "ACTA DE SESIÓN DEL CONSEJO CIUDADANO\n\n"
        "En la ciudad de Tepic, siendo las diez horas del día tres de marzo de dos mil veinte, "
        "se reúne el Consejo Ciudadano.\n\n"
        "I. Como primer punto, la Presidenta dio la bienvenida.\n\n"
        "II. Para dar cumplimiento al Reglamento, las fechas acordadas para las próximas "
        "sesiones son el 4 de junio y el 5 de noviembre del presente año.\n"
    )
    assert [agreement["text"][:40] for agreement in result["agreements"]] == [
        "Para dar cumplimiento al Reglamento, las"
    ]
