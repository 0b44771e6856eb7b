"""Patterns of the genre from issue 13's heldAH round (actas of ayuntamientos of Sonora,
Yucatán and Puebla, written 2002-2011; developed on 7 Dec 2026): a session's number in words
with its figures in brackets, an agenda in capitals whose item runs into the next dashed
marker, "ENFRA." before a name, an office of several words closing a run of names, a grave
accent typed for an acute one, a letterhead with its country and the acta's title on one
line, a transcript's "DICE:", the roll read aloud after "procedo al pase de lista", "que fuera
convocada a los diez días", the floor given to a titled officer, and the town and building
after the room.

Each test is a short synthetic snippet in the words actas use (invented names), never a corpus
file.
"""

from abierto.lib.acta import parse_acta_text

OPENING = (
    "En la Ciudad de Guaymas, Sonora, siendo las once horas del día veintiocho de agosto de "
    "dos mil ocho, se reunió el H. Ayuntamiento del Municipio de Guaymas, Sonora, para celebrar "
    "Sesión Ordinaria, bajo el siguiente orden del día: 1.- LISTA DE ASISTENCIA Y DECLARATORIA "
    "DEL QUÓRUM LEGAL. 2.- ASUNTO RELATIVO A TURNAR A LA COMISIÓN DE GOBERNACIÓN EL PROYECTO DE "
    "REGLAMENTO DE TRÁNSITO PARA EL MUNICIPIO DE GUAYMAS, SONORA 3.- CLAUSURA DE LA SESIÓN.\n"
    "En desahogo del Punto Uno del Orden del Día, el C. Presidente Municipal otorgó el uso de "
    "la voz al C. Lic. Ernesto Aldama Quiroga Secretario del Ayuntamiento, para que procediera "
    "a pasar lista de asistencia.\n"
)


def test_a_number_in_words_with_its_figures_in_brackets():
    acta = parse_acta_text(
        "- - - ACTA DE SESIÓN ORDINARIA NÚMERO CINCUENTA Y SEIS (56).- " + OPENING
    )
    assert acta["session"]["number"] == 56


def test_a_number_in_brackets_after_numero():
    acta = parse_acta_text(
        "ACTA NÚMERO (31) DE LA SESIÓN ORDINARIA CELEBRADA EL DIA 14 DE FEBRERO DEL AÑO 2011. "
        + OPENING
    )
    assert acta["session"]["number"] == 31


def test_an_item_in_capitals_runs_into_the_next_dashed_marker():
    agenda = parse_acta_text("ACTA DE SESIÓN ORDINARIA NÚMERO 56.- " + OPENING)["agenda"]
    assert [item["number"] for item in agenda] == [1, 2, 3]
    assert agenda[1]["title"].endswith("MUNICIPIO DE GUAYMAS, SONORA")
    assert agenda[2]["title"].startswith("CLAUSURA DE LA SESIÓN")


def test_the_officer_given_the_floor_took_part_with_the_office_after_the_name():
    people = {
        person["name"]: person["role"]
        for person in parse_acta_text("ACTA DE SESIÓN ORDINARIA NÚMERO 56.- " + OPENING)[
            "attendees"
        ]
    }
    assert people["Ernesto Aldama Quiroga"] == "Secretario del Ayuntamiento"


NAVOJOA_STYLE = (
    "ACTA NÚMERO (12) DE LA SESIÓN ORDINARIA CELEBRADA EL DIA 14 DE FEBRERO DEL AÑO 2011, POR EL "
    "H. AYUNTAMIENTO CONSTITUCIONAL DE NAVOJOA, SONORA. En la ciudad de Navojoa, Sonora, siendo "
    "las diecinueve horas del día catorce de febrero del año dos mil once, se reunieron en la "
    "Sala de Sesiones de este H. Ayuntamiento Constitucional de Navojoa, Sonora, en Palacio "
    "Municipal, ubicado en Boulevard Norte y Plaza Cinco de Mayo de la Colonia Centro, el C. "
    "LIC. ARMANDO RUELAS PORTILLO, Presidente Municipal, ARQ. DIANA SOTO ARENAS, Síndica "
    "Procuradora y los C.C. C.P. JAVIER MORA LEAL, LUISA ARCE TAPIA, PROFRA. NORA VEGA "
    "ÁLVAREZ, ENFRA. MARTA IBARRA COTA, LIC. HUGO RIVAS PALMA y TOMÁS ZÚÑIGA FLORES, Regidores "
    "del H. Ayuntamiento Constitucional de Navojoa, así como el C. ING. PABLO LUGO MEZA, en su "
    "carácter de Secretario del Ayuntamiento, para celebrar sesión ordinaria, que fuera "
    "convocada a los diez días del mes de febrero del año dos mil once.\n"
)


def test_an_office_of_several_words_after_a_run_is_each_name_s():
    people = {
        person["name"]: person["role"] for person in parse_acta_text(NAVOJOA_STYLE)["attendees"]
    }
    regidor = "Regidor del H. Ayuntamiento Constitucional de Navojoa"
    for name in (
        "JAVIER MORA LEAL",
        "LUISA ARCE TAPIA",
        "NORA VEGA ÁLVAREZ",
        "MARTA IBARRA COTA",
        "HUGO RIVAS PALMA",
        "TOMÁS ZÚÑIGA FLORES",
    ):
        assert people[name] == regidor, name
    assert people["DIANA SOTO ARENAS"] == "Síndica Procuradora"


def test_enfra_is_a_courtesy_title_before_a_name_not_an_office():
    people = {
        person["name"]: person["role"] for person in parse_acta_text(NAVOJOA_STYLE)["attendees"]
    }
    assert "MARTA IBARRA COTA" in people
    assert "ENFRA" not in people.values()


def test_the_day_the_session_was_called_and_the_building_after_the_town():
    acta = parse_acta_text(NAVOJOA_STYLE)
    assert acta["convocation"]["date"] == "2011-02-10"
    assert acta["session"]["date"] == "2011-02-14"
    assert acta["session"]["place"] == (
        "Sala de Sesiones de este H. Ayuntamiento Constitucional de Navojoa, Sonora, en Palacio "
        "Municipal, ubicado en Boulevard Norte y Plaza Cinco de Mayo de la Colonia Centro"
    )


MERIDA_STYLE = (
    "AYUNTAMIENTO CONSTITUCIONAL DE MERIDA, YUCATAN, ESTADOS UNIDOS MEXICANOS ACTA DE SESION "
    "ORDINARIA CELEBRADA EL DIA 19 DE MARZO DE 2002\n\n"
    "En la ciudad de Mérida, siendo las nueve horas del día diecinueve de marzo del año dos mil "
    "dos, se reunieron en el salón de cabildos del Palacio Municipal, los ciudadanos regidores "
    "Ana Luisa Pech Canul, Jorge Ek Balam, Rafael Acosta Solìs, Irma Chan Poot y Tomás Uc Dzib "
    "con el objeto de celebrar sesión ordinaria.\n"
)


def test_a_letterhead_with_its_country_and_the_title_on_one_line():
    assert parse_acta_text(MERIDA_STYLE)["body"] == "AYUNTAMIENTO CONSTITUCIONAL DE MERIDA, YUCATAN"


def test_a_grave_accent_typed_for_an_acute_one_keeps_the_name():
    names = [person["name"] for person in parse_acta_text(MERIDA_STYLE)["attendees"]]
    assert names == [
        "Ana Luisa Pech Canul",
        "Jorge Ek Balam",
        "Rafael Acosta Solís",
        "Irma Chan Poot",
        "Tomás Uc Dzib",
    ]


PUEBLA_STYLE = (
    "ACTA DE LA SESIÓN ORDINARIA DE CABILDO,\nEFECTUADA EL DÍA DOCE DE NOVIEMBRE DE DOS\n"
    "MIL NUEVE.\n"
    "Por lo tanto para el desarrollo de esta Sesión solicito al Señor Secretario del "
    "Ayuntamiento, se sirva realizar el pase de lista.\n"
    "PUNTO UNO\nEL C. SECRETARIO DEL HONORABLE\n"
    "AYUNTAMIENTO DICE: BUENOS DÍAS, PROCEDO AL PASE DE LISTA, CIUDADANA LICENCIADA ROSA MARÍA "
    "DEL CARMEN ORTIZ VELA, PRESIDENTA\nMUNICIPAL CONSTITUCIONAL DE PUEBLA,\n"
    "REGIDORES: JORGE LUIS PEÑA SOTO, JULIA HADDAD RUIZ, ENRIQUE CANO ESTRADA, MARÍA DEL ROCÍO "
    "GÓMEZ TREJO, SÍNDICO MUNICIPAL: MIGUEL ÁNGEL LUNA PAZ.\n"
)


def test_a_transcript_s_dice_ends_the_body_s_name():
    assert parse_acta_text(PUEBLA_STYLE)["body"] == "HONORABLE AYUNTAMIENTO"


def test_the_roll_read_aloud_names_and_offices():
    people = {
        person["name"]: person["role"] for person in parse_acta_text(PUEBLA_STYLE)["attendees"]
    }
    assert people["ROSA MARÍA DEL CARMEN ORTIZ VELA"].startswith("PRESIDENTA MUNICIPAL")
    for name in (
        "JORGE LUIS PEÑA SOTO",
        "JULIA HADDAD RUIZ",
        "ENRIQUE CANO ESTRADA",
        "MARÍA DEL ROCÍO GÓMEZ TREJO",
    ):
        assert people[name] == "REGIDOR", name
    assert people["MIGUEL ÁNGEL LUNA PAZ"] == "SÍNDICO MUNICIPAL"


def test_a_speck_after_a_heading_body_in_capitals_is_no_part_of_it():
    acta = parse_acta_text(
        "COMITÉ DE TRANSPARENCIA o\nACTA DE LA SESIÓN ORDINARIA 39/2018 DEL 21 DE SEPTIEMBRE DE "
        "2018 En la Ciudad de México, a las doce horas del veintiuno de septiembre de dos mil "
        "dieciocho, se reunieron Juan Manuel Ortega Ruiz, Titular de la Unidad de "
        "Transparencia, y Erik Salas Medina, Director Jurídico, ambos integrantes del Comité.\n"
    )
    assert not acta["body"].endswith(" o")
    assert acta["body"].upper().startswith("COMITÉ DE TRANSPARENCIA")
