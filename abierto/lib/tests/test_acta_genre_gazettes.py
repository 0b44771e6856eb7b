"""Patterns of the genre from issue 13's heldN round (six municipal actas, developed on 7 Dec
2026): minutes published in a state's Periódico Oficial or a Gaceta Municipal under its masthead,
a memorandum quoting one agreement in capitals, a roll whose office closes it ("…, todos ellos
Regidores Propietarios").

Each test is a short synthetic snippet in the words actas use (invented names), never a corpus
file.
"""

from abierto.lib.acta import parse_acta_text
from abierto.lib.acta.names import split_name_role
from abierto.lib.acta.prose_list import people_in_list

GAZETTE = (
    "PERIÓDICO OFICIAL DEL GOBIERNO DEL ESTADO\n"
    "DIRECTORIO\nGobernador Constitucional del Estado\nIng. Pablo Soto Mena\n"
    "Director del Periódico Oficial\nLic. Marco Ruiz Paz\n"
    "Tels. y Fax: 3-12-32-28, 3-17-06-84\n"
    "ACTA DE SESIÓN ORDINARIA NO. 44\n"
    "En la ciudad de Río Claro, siendo las 17:55 diecisiete horas cincuenta y cinco minutos del "
    "día 27 veintisiete de diciembre de 2018, se reunieron en el salón de sesiones del "
    "Ayuntamiento, que se ubica dentro del Palacio Municipal, los CC. Lic. Héctor Luna Vera, "
    "Presidente Municipal; Profra. Juana Díaz Mora, Síndico Municipal; Profr. Jesús Gil Paz, "
    "Miriam Soto Ruiz y Ramón Rey Cano, todos ellos Regidores Propietarios del Ayuntamiento, con "
    "la finalidad de celebrar Sesión Ordinaria de Ayuntamiento, bajo el siguiente:\n"
    "ORDEN DEL DÍA\n1.- …\n2.- …\n3.- APROBACIÓN DEL PRESUPUESTO DE EGRESOS 2019.\n4.- …\n"
)


def test_a_gazette_s_masthead_names_no_attendee_and_its_elided_items_are_no_agenda():
    result = parse_acta_text(GAZETTE)
    assert result["session"]["number"] == 44
    assert result["session"]["place"] == (
        "salón de sesiones del Ayuntamiento, que se ubica dentro del Palacio Municipal"
    )
    assert [(item["number"], item["title"]) for item in result["agenda"]] == [
        (3, "APROBACIÓN DEL PRESUPUESTO DE EGRESOS 2019")
    ]
    assert [(person["name"], person["role"]) for person in result["attendees"]] == [
        ("Héctor Luna Vera", "Presidente Municipal"),
        ("Juana Díaz Mora", "Síndico Municipal"),
        ("Jesús Gil Paz", "Regidor Propietario"),
        ("Miriam Soto Ruiz", "Regidor Propietario"),
        ("Ramón Rey Cano", "Regidor Propietario"),
    ]


def test_a_quoted_agreement_in_capitals_wrapped_after_the_title_is_read_whole():
    result = parse_acta_text(
        "G A C E T A MUNICIPAL 1 MEMORANDUM 075/17 Se remite a Usted, para su\n"
        "verificación y convalidación de la redacción del Punto de Acuerdo de la Sesión\n"
        "Ordinaria Núm. 033, de fecha 04 de Mayo de 2017, que a continuación se\n"
        "describe: ACTA ORDINARIA NÚM. 033/6.1.- “ACUERDO 158/17, EL H.\n"
        "CABILDO AUTORIZA POR UNANIMIDAD A LA C. ROSA LUNA MORENO, REFERENTE A LA\n"
        "SUBDIVISIÓN DE LA FINCA URBANA DE SU PROPIEDAD UBICADA EN LA C. JUAN DE LA\n"
        "BARRERA #531 OTE. COL. CENTRO DE LERDO, DGO. QUE CONSTA DE UNA SUPERFICIE\n"
        "DE 249.00 M 2. COMUNÍQUESE LO AQUÍ ACORDADO AL DIRECTOR DE OBRAS PÚBLICAS,\n"
        "PARA QUE SE PROCEDA EN CONSECUENCIA”\n"
    )
    assert result["body"] == "H. CABILDO"
    assert result["attendees"] == []
    [agreement] = result["agreements"]
    assert agreement["code"] == "ACUERDO 158/17"
    assert agreement["vote"] == "unanimidad"
    assert agreement["text"].startswith("EL H. CABILDO AUTORIZA POR UNANIMIDAD")
    assert agreement["text"].endswith("PARA QUE SE PROCEDA EN CONSECUENCIA")


def test_a_gazette_s_summary_of_numbered_items_each_with_its_verdict():
    result = parse_acta_text(
        "ORGANO OFICIAL DEL REPUBLICANO AYUNTAMIENTO DEL MUNICIPIO DE SAN ROQUE, NL. SESIÓN "
        "EXTRAORDINARIA DEL R. AYUNTAMIENTO 2009-2012 31 DE OCTUBRE DE 2009 01.- Orden del Día "
        "programado para esta Primera Sesión Extraordinaria del R. Ayuntamiento. APROBADO POR "
        "UNANIMIDAD. 02.- Aprobación como Secretario del Republicano Ayuntamiento del Municipio "
        "de San Roque al C. Lic. Pedro Luna Vera. APROBADO POR MAYORÍA CON DIEZ VOTOS A FAVOR.\n"
    )
    assert [(a["code"], a["text"], a["vote"]) for a in result["agreements"]] == [
        (
            "1",
            "Orden del Día programado para esta Primera Sesión Extraordinaria del R. "
            "Ayuntamiento. APROBADO POR UNANIMIDAD",
            "unanimidad",
        ),
        (
            "2",
            "Aprobación como Secretario del Republicano Ayuntamiento del Municipio de San Roque "
            "al C. Lic. Pedro Luna Vera. APROBADO POR MAYORÍA CON DIEZ VOTOS A FAVOR",
            "mayoría",
        ),
    ]
    assert result["attendees"] == []  # the secretary it appoints is not said to be there


def test_a_scanned_gazette_s_minutes_after_its_directory_with_a_citizens_group_heading():
    result = parse_acta_text(
        "PERIÓDICO OFICIAL DEL GOBIERNO CONSTITUCIONAL DEL ESTADO\n"
        "Director: Lic. Marco Ruiz Paz\n\nDIRECTORIO\n\nGobernador Constitucional del Estado\n"
        "Ing. Pablo Soto Mena\n\nSecretario de Gobierno\nLic. Adrián Gil Lara\n\n"
        "CONTENIDO\n\nH. AYUNTAMIENTO CONSTITUCIONAL DE RÍO CLARO\n\n68/16\n"
        "SESIÓN EXTRAORDINARIA DEL MES DE DICIEMBRE\n\n"
        "En la sala de Cabildo del Honorable Ayuntamiento Municipal de Río Claro, el día 31 de "
        "diciembre de 2016 se reunió el Presidente Municipal C. Mauro Díaz Gil, quien preside la "
        "presente reunión; que en previo acuerdo con el Secretario del Ayuntamiento, C. Iván Pérez "
        "Ruiz, citaron en tiempo y forma al C. Dagoberto Rico Lemus, Síndico Municipal, y a los "
        "ciudadanos Regidores: C. Pedro Díaz Moreno, C. Paula García Padilla y la C. Luz Cruz "
        "Ayala, procediendo a llevar a cabo la sesión de Cabildo 68, convocada bajo el siguiente "
        "orden del día:\n\nORDENDEL DÍA\n\n1.- Lista de asistencia.\n2.- Presupuesto 2017.\n"
    )
    assert result["session"]["number"] == 68
    assert [item["title"] for item in result["agenda"]] == [
        "Lista de asistencia",
        "Presupuesto 2017",
    ]
    people = {person["name"]: person["role"] for person in result["attendees"]}
    assert set(people) == {
        "Mauro Díaz Gil",
        "Iván Pérez Ruiz",
        "Dagoberto Rico Lemus",
        "Pedro Díaz Moreno",
        "Paula García Padilla",
        "Luz Cruz Ayala",
    }
    assert people["Mauro Díaz Gil"] == "Presidente Municipal"
    assert people["Dagoberto Rico Lemus"] == "Síndico Municipal"
    assert {people["Pedro Díaz Moreno"], people["Luz Cruz Ayala"]} == {"Regidor"}


def test_an_office_read_only_from_the_group_heading_is_marked_as_the_group_s():
    people = people_in_list("los Ciudadanos Diputados: Ana Ruiz Paz, Presidenta, Luis Gil Mora")
    assert [(p.name, p.role, p.group_role) for p in people] == [
        ("Ana Ruiz Paz", "Presidenta", False),
        ("Luis Gil Mora", "Diputado", True),
    ]


def test_a_vote_told_with_votandose_and_a_closing_that_validates_every_agreement():
    result = parse_acta_text(
        "En la sala de Cabildo, el día 31 de diciembre de 2016 a las 10:00 horas se reunió el "
        "Cabildo.\nEn uso de la palabra el C. Presidente Municipal, solicita la autorización del "
        "Presupuesto de Egresos 2017, siendo éstos los siguientes:\n"
        "En uso de la palabra el C. Presidente Municipal, solicita al Pleno del H. Cabildo la "
        "autorización para este punto sometiéndolo a consideración, votándose a favor por "
        "unanimidad.\n8.- CLAUSURA, No habiendo asunto más que tratar, el Cabildo procede a "
        "declarar validos los acuerdos aquí tomados por unanimidad o mayoría, declarando "
        "clausurando la sesión de Cabildo No. 68, siendo las 13:19 trece horas con diecinueve "
        "minutos del día, firmando quienes en ella intervinieron.\n"
    )
    assert result["session"]["end_time"] == "13:19"
    assert [(a["text"], a["vote"]) for a in result["agreements"]] == [
        (
            "En uso de la palabra el C. Presidente Municipal, solicita al Pleno del H. Cabildo la "
            "autorización para este punto sometiéndolo a consideración, votándose a favor por "
            "unanimidad",
            "unanimidad",
        )
    ]


def test_a_news_record_s_roll_with_the_mayoress_and_an_absence_told_after_the_list():
    people = {
        person["name"]: person["role"]
        for person in parse_acta_text(
            "El jueves 15 de diciembre de 2016 se llevó a cabo una sesión de ayuntamiento de "
            "carácter extraordinaria a las 11 horas en el centro de convenciones; se contó con la "
            "asistencia de la alcaldesa Rosa Luna Vera, la secretario general Ana Paz Gil, el "
            "síndico municipal Luis Rey Cano y los regidores, Pedro Díaz Mora, Mariana García "
            "Alcalde e Iban Soto Ruiz, en esta ocasión estuvo ausente el regidor Raúl Peña Lara.\n"
        )["attendees"]
    }
    assert people == {
        "Rosa Luna Vera": "Alcaldesa",
        "Ana Paz Gil": "Secretario general",
        "Luis Rey Cano": "Síndico municipal",
        "Pedro Díaz Mora": "regidor",
        "Mariana García Alcalde": "regidor",
        "Iban Soto Ruiz": "regidor",
    }


def test_a_long_office_before_a_name_is_the_person_s():
    assert split_name_role(
        "Encargado del Despacho por Ministerio de Ley Juan Antonio Garibay Luna, Síndica "
        "Procuradora y Regidores del H. Ayuntamiento"
    ) == ("Juan Antonio Garibay Luna", "Encargado del Despacho por Ministerio de Ley")
    assert split_name_role("Consejero de la Judicatura Francisco Javier Mercado Paz") == (
        "Francisco Javier Mercado Paz",
        "Consejero de la Judicatura",
    )
    # a title between office and name keeps the titles' own reading
    assert split_name_role("Presidente del Consejo Dr. Alberto Padilla Arias") is None
