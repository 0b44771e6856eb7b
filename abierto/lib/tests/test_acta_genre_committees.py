"""Patterns of the genre from issue 13's heldW round (the committees of legislatures, as their
gazettes publish the minutes; developed on 7 Dec 2026): the members after "se encuentran los
siguientes", an office in brackets closing a run of names, functions as labels ("Presidencia:",
"Secretaría:"), the header's "Hora de término", a worded minute number read by OCR, the room's
building and address in the venue, a convocation dated "del presente año".

Each test is a short synthetic snippet in the words actas use (invented names), never a corpus
file.
"""

import pytest

from abierto.lib.acta import parse_acta_text

OPENING = (
    "De la Comisión de Asuntos Fronterizos, referente a la quinta reunión ordinaria, celebrada "
    "el martes 5 de diciembre de 2023\n"
    "En el salón F del edificio G del Palacio Legislativo, a las 17:10 horas del martes 5 de "
    "diciembre de 2023, se reunieron las y los diputados integrantes de la Comisión de Asuntos "
    "Fronterizos, bajo el orden del día siguiente\n"
    "1. Registro de asistencia y declaración de quórum\n"
)


def _people(result):
    return [(person["name"], person["role"]) for person in result["attendees"]]


def test_the_members_after_se_encuentran_los_siguientes_with_offices_closing_runs():
    result = parse_acta_text(
        OPENING + "De conformidad con la convocatoria, se encuentran las y los siguientes\n"
        "Diputados: Ana Ruiz Soto, presidenta; Pedro Gil Mora, Luis Paz Rey, secretarios; "
        "Tomás Peña Cruz, Elsa Ríos Gómez.\n"
        "2. Lectura y aprobación del orden del día\n"
    )
    assert _people(result) == [
        ("Ana Ruiz Soto", "presidenta"),
        ("Pedro Gil Mora", "secretario"),
        ("Luis Paz Rey", "secretario"),
        ("Tomás Peña Cruz", None),
        ("Elsa Ríos Gómez", None),
    ]


def test_an_office_in_brackets_after_a_run_of_names_is_each_one_s():
    result = parse_acta_text(
        OPENING + "Se contó con la asistencia de los diputados Ana Ruiz Soto (presidenta), "
        "Pedro Gil Mora, Luis Paz Rey, Rosa Lima Vega (secretarios); Tomás Peña Cruz y Elsa "
        "Ríos Gómez.\n2. Lectura y aprobación del orden del día\n"
    )
    people = _people(result)
    assert people[:4] == [
        ("Ana Ruiz Soto", "presidenta"),
        ("Pedro Gil Mora", "secretario"),
        ("Luis Paz Rey", "secretario"),
        ("Rosa Lima Vega", "secretario"),  # no longer "Rosa Lima Vega (secretarios)", a role
    ]
    assert [name for name, _ in people[4:]] == ["Tomás Peña Cruz", "Elsa Ríos Gómez"]


def test_and_inside_a_committee_s_name_joins_no_person():
    result = parse_acta_text(
        "Acta de la primera reunión ordinaria, celebrada el 21 de noviembre de 2018.\n"
        "A las dieciséis horas del 21 de noviembre de 2018 se reunieron los legisladores de la "
        "Comisión de Juventud y Diversidad Sexual, para el desahogo del siguiente orden del "
        "día:\n1. Registro de asistencia\n2. Asuntos generales\n"
    )
    assert "Diversidad Sexual" not in [name for name, _ in _people(result)]


def test_a_convocation_dated_in_the_present_year_takes_the_session_s_year():
    result = parse_acta_text(
        "De la Comisión de Juventud, relativa a la primera reunión ordinaria, celebrada el "
        "miércoles 21 de noviembre de 2018\n"
        "A las dieciséis horas del 21 de noviembre de 2018, en el salón 3 del edificio I, se "
        "reunieron los legisladores de la Comisión de Juventud, de conformidad con la "
        "convocatoria de 16 de noviembre del presente año, para el desahogo del siguiente "
        "orden del día:\n1. Registro de asistencia\n2. Asuntos generales\n"
    )
    assert result["session"]["date"] == "2018-11-21"
    assert result["convocation"]["date"] == "2018-11-16"


def test_the_chair_named_in_apposition_when_speaking_took_part():
    result = parse_acta_text(
        OPENING + "El presidente, Benito Medina Herrera, dio la bienvenida a los diputados.\n"
        "La secretaria, diputada Rosa Lima Vega, agradece la asistencia.\n"
        "2. Lectura y aprobación del orden del día\n"
    )
    assert ("Benito Medina Herrera", "Presidente") in _people(result)
    assert ("Rosa Lima Vega", "Secretaria") in _people(result)


def test_functions_as_labels_under_an_attendance_heading():
    result = parse_acta_text(
        OPENING + "La diputada presidenta declaró abierta la reunión.\n"
        "Asistencia\n"
        "Presidencia: Marcela Guerra Castillo.\n"
        "Secretaría: Eduardo Castillo López, Deliamaria González Flandez, Víctor Adrián "
        "Martínez Terrazas.\n"
    )
    assert _people(result) == [
        ("Marcela Guerra Castillo", "Presidenta"),
        ("Eduardo Castillo López", "Secretario"),
        ("Deliamaria González Flandez", "Secretaria"),
        ("Víctor Adrián Martínez Terrazas", "Secretario"),
    ]


def test_the_header_s_hora_de_termino_is_the_end_time():
    result = parse_acta_text(
        "De la Comisión de Asuntos Migratorios, correspondiente a la décima reunión ordinaria, "
        "efectuada el miércoles 15 de octubre del 2025.\n"
        "Presidencia: Diputada Marcela Guerra Castillo\n"
        "Hora de inicio: 9:40 horas\nHora de término: 10:30 horas\n"
        "Siendo las nueve horas con cuarenta minutos del miércoles quince de octubre del año dos "
        "mil veinticinco, se reunieron las diputadas y los diputados integrantes de la Comisión, "
        "en los salones C y D, del edificio G de la Cámara de Diputados, situada en avenida "
        "Congreso de la Unión número 66, colonia El Parque, de conformidad con la convocatoria "
        "publicada en la Gaceta Parlamentaria 6895, para el desahogo del siguiente\n"
        "Orden del Día\n1. Registro de asistencia\n2. Asuntos generales\n"
    )
    session = result["session"]
    assert (session["start_time"], session["end_time"]) == ("09:40", "10:30")
    assert session["place"] == (
        "salones C y D, del edificio G de la Cámara de Diputados, situada en avenida Congreso "
        "de la Unión número 66, colonia El Parque"
    )


@pytest.mark.parametrize(
    ("heading", "number"),
    [("MINUTA CUARENTA Y TRES", 43), ("MINUTA CUARENTA V TRES", 43), ("ACTA DIECINUEVE", 19)],
)
def test_a_worded_number_heading_the_minute(heading, number):
    result = parse_acta_text(
        f"{heading} SEXAGÉSIMA TERCERA LEGISLATURA DEL CONGRESO DEL ESTADO\n\n"
        "En la ciudad de Guanajuato, siendo las 11:40 horas del día 18 de octubre de 2016, en el "
        "salón 5 de Comisiones, se reunieron los diputados integrantes de la Junta.\n"
    )
    assert result["session"]["number"] == number


def test_officers_after_an_opening_wrapped_at_the_margin_and_an_avenue_s_stop():
    result = parse_acta_text(
        "Acta de la Sesión\n27 de mayo de 2025\nACTA 80\n"
        "Sesión Solemne con motivo de la conclusión de las Jornadas de la Conmemoración, dentro "
        "del primer año de ejercicio constitucional de la Sexagésima Octava Legislatura, que se "
        'realiza de manera presencial en el Auditorio de "Pueblito Mexicano", ubicado en Av.\n'
        "Abraham Lincoln #1290, en la Heroica Ciudad Juárez, Chihuahua, declarado\n"
        "Recinto Oficial del Poder Legislativo, el día 27 de mayo de 2025.\n"
        "Presidenta: Diputada Elizabeth Guzmán Argueta.\n"
        "Primera Secretaria: Diputada Alma Yesenia Portillo Lerma.\n"
        "Siendo las diez horas con treinta y cuatro minutos del día 27 de mayo del año en curso, "
        "la Presidenta declara que se da inicio a la sesión.\n"
    )
    assert [(a["name"], a["role"]) for a in result["attendees"]] == [
        ("Elizabeth Guzmán Argueta", "Presidenta"),
        ("Alma Yesenia Portillo Lerma", "Primera Secretaria"),
    ]
    # "Recinto Oficial …" opening a wrapped line is prose, not a "Recinto:" label.
    assert result["session"]["place"] == (
        'Auditorio de "Pueblito Mexicano", ubicado en Av. Abraham Lincoln #1290'
    )
