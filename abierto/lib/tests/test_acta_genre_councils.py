"""Patterns of the genre from issue 13's heldI round (university and school councils, an
association's general assembly; developed on 7 Dec 2026): a list whose numbers a PDF gives
apart from its items, an agreement coded by the session's Roman numeral, the host
institution as the place.

Each test is a short synthetic snippet in the words actas use (invented names), never a corpus
file.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from abierto.lib.acta import parse_acta_text
from abierto.lib.acta.list_column import with_numbers_on_items

ASSEMBLY = (
    "ACTA DE LA XLVI SESIÓN ORDINARIA DE LA ASAMBLEA GENERAL DE LA ASOCIACIÓN DE ESCUELAS, "
    "CELEBRADA EN\nLA\nUNIVERSIDAD DE CELAYA EL 28 DE NOVIEMBRE DE 2014.\n"
    "Se encuentran presentes los miembros de la Asamblea General.\n"
    "Fungió como Presidente de la Sesión el DR. JOSÉ LUNA VERA, Rector de la Universidad.\n"
    "ORDEN DEL DÍA\n1.\n2.\n3.\nLista de asistencia y verificación de quórum.\n"
    "Aprobación del Orden del Día.\nAnálisis, discusión y aprobación, en su caso, del dictamen\n"
    "sobre las\nsolicitudes de ingreso.\n4. Asuntos generales.\n"
    "ACUERDO\nXLVI.14.2. Se aprueba, por unanimidad, la modificación del Orden del Día.\n"
)


def test_a_list_s_numbers_given_apart_from_its_items_are_put_back():
    result = parse_acta_text(ASSEMBLY)
    assert [(item["number"], item["title"]) for item in result["agenda"]] == [
        (1, "Lista de asistencia y verificación de quórum"),
        (2, "Aprobación del Orden del Día"),
        (
            3,
            "Análisis, discusión y aprobación, en su caso, del dictamen sobre las solicitudes de "
            "ingreso",
        ),
        (4, "Asuntos generales"),
    ]


def test_an_agreement_coded_by_the_session_s_roman_numeral_and_the_host_as_the_place():
    result = parse_acta_text(ASSEMBLY)
    assert [(a["code"], a["vote"], a["agenda_item"]) for a in result["agreements"]] == [
        ("XLVI.14.2", "unanimidad", 2)
    ]
    assert result["session"]["place"] == "UNIVERSIDAD DE CELAYA"
    assert result["session"]["modality"] == "presencial"


def test_numbers_without_as_many_items_after_them_are_left_alone():
    text = "Votos:\n1.\n2.\n3.\nUnanimidad de los presentes.\nSe levanta la sesión."
    assert with_numbers_on_items(text) == text
    assert with_numbers_on_items("1.\n2.\n3.\nuno\ndos\ntres") == "1.\n2.\n3.\nuno\ndos\ntres"


@given(
    st.lists(
        st.from_regex(r"[A-Z][a-z]{2,12}( [a-z]{2,10}){0,4}\.", fullmatch=True),
        min_size=3,
        max_size=9,
    )
)
def test_every_item_gets_its_number_in_order(items):
    numbers = [f"{index}." for index in range(1, len(items) + 1)]
    joined = with_numbers_on_items("\n".join([*numbers, *items]))
    assert joined.split("\n") == [f"{n} {item}" for n, item in zip(numbers, items, strict=True)]


def test_a_council_s_roll_by_the_schools_its_members_sit_for():
    people = {
        person["name"]: person["role"]
        for person in parse_acta_text(
            "En la ciudad de Zacatecas, siendo las diecinueve horas del día quince de junio de mil "
            "novecientos ochenta y siete, se efectuó una reunión del Consejo Universitario. Se "
            "procedió a pasar lista de presentes y se contó con la asistencia de los señores "
            "concejales siguientes: por la Escuela de Medicina, doctor Octavio Flores Medina, "
            "doctora Lucía de Haro Duarte; por la Facultad de Derecho, licenciado Aquiles González "
            "Navarro y José Luis Bernal Paz; por el sindicato de Trabajadores, Julián García "
            "Reyes. "
            "Acto seguido se leyó el orden del día.\n"
        )["attendees"]
    }
    assert people == {
        "Octavio Flores Medina": "Concejal por la Escuela de Medicina",
        "Lucía de Haro Duarte": "Concejal por la Escuela de Medicina",
        "Aquiles González Navarro": "Concejal por la Facultad de Derecho",
        "José Luis Bernal Paz": "Concejal por la Facultad de Derecho",
        "Julián García Reyes": "Concejal por el sindicato de Trabajadores",
    }


def test_a_school_council_s_list_marked_asist_and_a_scan_s_date_and_time():
    result = parse_acta_text(
        "ACTA DE 2a. SESIÓN EXTRAORDINARIA DE CONSEJO TÉCNICO ESCOLAR\n"
        "Siendo las 11: :05 a. m., del mártes 1* de Junio. de 2021; reunidos de forma virtual a "
        "través de la Plataforma Digital ZOOM, los docentes de la escuela se reunieron.\n"
        "1. Lista de asistencia\n"
        "PROFR. VICTOR HUGO FLORES HUERTA (Asist.) PROFRA. YEIMI AVILA MONTES (Asist.)\n"
        "PROFR. FRANCISCO XAVIER ENRIQUEZ CERVANTES (Inasist.) PROFRA. REYNA GRIMALDO LLAMAS "
        "(Asist.)\n"
    )
    assert result["session"]["date"] == "2021-06-01"
    assert result["session"]["start_time"] == "11:05"
    assert {person["name"] for person in result["attendees"]} == {
        "VICTOR HUGO FLORES HUERTA",
        "YEIMI AVILA MONTES",
        "REYNA GRIMALDO LLAMAS",
    }


def test_a_network_s_minute_whose_items_tell_what_was_done_after_their_titles():
    result = parse_acta_text(
        "MINUTA DE LA SESIÓN DE LA RED DE ASUNTOS CULTURALES DE LA REGIÓN NORTE DE LA ASOCIACIÓN."
        "\nEl viernes 23 de septiembre de 2016 a las 11:00 horas, en el Aula B 4 de la Universidad "
        "del Norte, se inició la sesión de trabajo de la Red. Se considera el orden del día "
        "previamente establecido.\n"
        "I.- Bienvenida a asistentes. Se inicia la reunión con la bienvenida a todos los "
        "integrantes por parte de la Dra. Ana Ruiz Paz.\n"
        "II.- Lista de asistencia. Cada uno de los asistentes realiza su propio registro.\n"
        "III.- Presentación del programa del Coloquio de Interculturalidad.\n"
    )
    assert result["body"] == ("RED DE ASUNTOS CULTURALES DE LA REGIÓN NORTE DE LA ASOCIACIÓN")
    assert [item["title"] for item in result["agenda"]] == [
        "Bienvenida a asistentes",
        "Lista de asistencia",
        "Presentación del programa del Coloquio de Interculturalidad",
    ]


def test_a_summons_printed_with_the_minutes_gives_the_convocation_s_number():
    result = parse_acta_text(
        "ACTA DE LA SESIÓN EXTRAORDINARIA DEL H. CONSEJO GENERAL UNIVERSITARIO\n"
        "Citatorio\nCITATORIO Nº 2020/1185\nMIEMBRO DEL H. CONSEJO GENERAL UNIVERSITARIO\n"
        "P R E S E N T E.\n"
        "Por este medio le cito a la sesión extraordinaria del H. Consejo General Universitario, "
        "que se celebrará el jueves 27 de agosto de 2020, a las 10:00 horas, de manera virtual.\n"
    )
    assert result["convocation"]["reference"] == "2020/1185"


def test_degrees_written_out_with_their_branch_and_an_unnamed_substitute_in_a_roll():
    # A university council's roll by school (eleventh session, from a 1987 scan): the degree
    # before each name is written out, and an absent councillor's substitute goes unnamed.
    result = parse_acta_text(
        "En la ciudad de Zacatecas, siendo las diecinueve horas del día quince de junio de mil "
        "novecientos ochenta y siete, se efectuó una reunión del Consejo Universitario. Se "
        "procedió a pasar lista de presentes y se contó con la asistencia de los señores "
        "concejales siguientes: por la Escuela de Medicina, doctora Ana Haro Ruiz, Luis Soto "
        "Vera y el suplente de Raúl Salas Padilla; por la Escuela de Odontología, cirujano "
        "dentista Juan García Paz y cirujano dentista Elena Santos Gil; por la Escuela "
        "Secundaria, ingeniero químico René Campos Bañuelos; por la Facultad de Veterinaria, "
        "médico veterinario zootecnista Jesús Dávila Cruz; por la Escuela Preparatoria, médico "
        "Carlos Reyes Delgado.\n"
    )
    assert [person["name"] for person in result["attendees"]] == [
        "Ana Haro Ruiz",
        "Luis Soto Vera",
        "Juan García Paz",
        "Elena Santos Gil",
        "René Campos Bañuelos",
        "Jesús Dávila Cruz",
        "Carlos Reyes Delgado",
    ]
    assert result["attendees"][-1]["role"] == "Concejal por la Escuela Preparatoria"


def test_a_decision_recorded_in_the_opening_before_the_agenda_is_an_agreement():
    # A 1980 council's scan (eleventh session): the session names its secretary by a vote
    # before the agenda is read, then approves the agenda itself.
    result = parse_acta_text(
        "En la Heroica Puebla de Zaragoza, a las once horas del veinticinco de marzo de mil "
        "novecientos ochenta, se reunió el honorable Consejo Universitario bajo la presidencia "
        "del lic. Alfonso Vélez Pliego. A continuación se pasó lista de asistencia; enseguida la "
        "presidencia propuso incluir el nombramiento de un secretario de actas. En este sentido "
        "mencionó al lic. Edgar Armenta Castro, y no habiendo otra propuesta se aprobó por "
        "UNANIMIDAD DE VOTOS que: “El lic. Edgar Armenta Castro funja como secretario de la "
        "presente sesión”. De acuerdo al citatorio se inició esta reunión con el siguiente orden "
        "del día aprobado por UNANIMIDAD DE VOTOS:\n"
        "PRIMERO: Lista de asistencia.\nSEGUNDO: Nombramiento del secretario de actas.\n"
        "TERCERO: Asuntos generales.\n"
    )
    texts = [agreement["text"] for agreement in result["agreements"]]
    assert len(texts) == 2
    assert "funja como secretario de la presente sesión" in texts[0]
    assert texts[1].startswith("De acuerdo al citatorio se inició esta reunión")


@pytest.mark.parametrize(
    "opening",
    [
        "El Secretario pasa lista de asistencia y con la presencia de 30 miembros se da inicio "
        "a la Sesión 414, siendo las 10:25 horas.",
        "Se pasó lista de asistencia; con la presencia de once consejeros se declaró el quórum.",
    ],
)
def test_members_counted_present_with_no_platform_named_met_in_person(opening):
    assert parse_acta_text(opening + "\n")["session"]["modality"] == "presencial"
    virtual = opening.replace(".", " a través de la plataforma Zoom.", 1)
    assert parse_acta_text(virtual + "\n")["session"]["modality"] == "virtual"
