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
