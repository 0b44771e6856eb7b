"""Patterns of the genre from issue 13's heldV round (records the bodies publish of their
sessions: an open-government secretariat's, an electoral institute's; developed on 7 Dec 2026):
"participaron" and "bajo la moderación de" open a list, "y en voz de" adds the presenter, a
dashed aside is no office, ", se dieron a conocer" ends the list, a heading that is a date
alone dates the session, a day restated in figures between brackets.

Each test is a short synthetic snippet in the words actas use (invented names), never a corpus
file.
"""

from abierto.lib.acta import parse_acta_text

SECRETARIAT = (
    "REALIZAN TERCERA SESIÓN ORDINARIA DEL SECRETARIADO TÉCNICO LOCAL DE GOBIERNO ABIERTO\n"
    "Con el fin de dar seguimiento a sus actividades, se llevó a cabo la Tercera Sesión "
    "Ordinaria de manera virtual.\n"
    "Para analizar el documento a través de una videoconferencia participaron Zulema Martínez "
    "Sánchez, Comisionada Presidenta del Instituto, la Comisionada Eva Abaid Yapur y los "
    "Comisionados Gustavo Parra Ruiz y José Luna Hernández, -los tres del órgano garante-, así "
    "como Pedro Zamudio Godínez, Consejero Presidente del Instituto Electoral; entre otros "
    "integrantes.\n"
    "De tal forma que bajo la moderación de Rafael Funes Díaz, facilitador del Secretariado "
    "Técnico local, y en voz de Leslie Serrano Cruz, Directora de Transparencia, Acceso a la "
    "Información Pública y Gestión Documental, se dieron a conocer algunas adecuaciones a la "
    "metodología.\n"
)


def test_participants_a_moderator_and_a_presenter_of_a_published_record():
    people = {a["name"]: a["role"] for a in parse_acta_text(SECRETARIAT)["attendees"]}
    assert set(people) == {
        "Zulema Martínez Sánchez",
        "Eva Abaid Yapur",
        "Gustavo Parra Ruiz",
        "José Luna Hernández",
        "Pedro Zamudio Godínez",
        "Rafael Funes Díaz",
        "Leslie Serrano Cruz",
    }
    assert people["José Luna Hernández"] == "Comisionado"  # not "los tres del órgano garante"
    assert people["Rafael Funes Díaz"] == "facilitador del Secretariado Técnico local"
    assert people["Leslie Serrano Cruz"] == (
        "Directora de Transparencia, Acceso a la Información Pública y Gestión Documental"
    )


def test_a_heading_that_is_a_date_alone_dates_the_session():
    result = parse_acta_text(
        "19 De Septiembre De 2022\n"
        "El diecinueve (19) de septiembre del dos mil veintidós (2022), el Consejo General del "
        "Instituto Electoral celebró Sesión Extraordinaria, en la cual aprobó el Acta de la "
        "Sesión Ordinaria del Consejo General, celebrada en fecha 31 de agosto de 2022.\n"
    )
    assert result["session"]["date"] == "2022-09-19"
    assert result["session"]["kind"] == "extraordinaria"


def test_a_gazette_s_dated_masthead_does_not_date_the_session():
    result = parse_acta_text(
        "22 DE SEPTIEMBRE DE 2008 NÚMERO EXTRAORDINARIO 693\n"
        "ACTA SINTÉTICA de la NOVENA SESIÓN ORDINARIA DEL CONSEJO, celebrada el 30 de junio de "
        "2008\n"
    )
    assert result["session"]["date"] == "2008-06-30"


def test_los_presentes_fueron_opens_a_list_of_names_with_bracketed_offices():
    result = parse_acta_text(
        "El 12 de diciembre de 2025 se llevó a cabo la duodécima sesión ordinaria del Comité "
        "Coordinador del Sistema Estatal Anticorrupción.\n\n"
        "Los presentes fueron: Jesús Abbud Yepiz (Presidente del CPC), Abelardo Valenzuela "
        "Holguín (Fiscal Anticorrupción) y Sergio Facio Guzmán (Comisionado Presidente del "
        "ICHITAIP).\n"
    )
    assert [(a["name"], a["role"]) for a in result["attendees"]] == [
        ("Jesús Abbud Yepiz", "Presidente del CPC"),
        ("Abelardo Valenzuela Holguín", "Fiscal Anticorrupción"),
        ("Sergio Facio Guzmán", "Comisionado Presidente del ICHITAIP"),
    ]


def test_a_council_s_installation_told_with_its_groups_and_a_news_dateline():
    result = parse_acta_text(
        "En Xalapa se constituye el Consejo de Desarrollo Municipal\n"
        "Xalapa, Ver.- En asamblea, se constituyó y tomó protesta a los integrantes del Consejo "
        "de Desarrollo Municipal.\n"
        "De esta forma se instaló formalmente este órgano auxiliar del Ayuntamiento, en el que "
        "fungen como consejeros el presidente municipal Hipólito Rodríguez Herrero; la síndica "
        "Angélica Cisneros Luján, y los regidores Eric Juárez Valladares y Rafael Pérez "
        "Sánchez.\n"
        "Como representantes sociales comunitarios: Luce Mary Hernández Méndez, Regina López "
        "Gerónimo y Silverio Hernández Hernández.\n"
    )
    assert result["session"]["place"] == "Xalapa, Ver"
    people = {a["name"]: a["role"] for a in result["attendees"]}
    assert people["Hipólito Rodríguez Herrero"].lower() == "presidente municipal"
    assert people["Rafael Pérez Sánchez"] == "Regidor"
    assert people["Regina López Gerónimo"] == "Representante social comunitario"


def test_decisions_told_with_the_body_as_subject():
    result = parse_acta_text(
        "19 De Septiembre De 2022\n"
        "El diecinueve (19) de septiembre del dos mil veintidós (2022), el Consejo General del "
        "Instituto Electoral celebró Sesión Extraordinaria, en la cual, entre otras cuestiones, "
        "aprobó el Acta de la Sesión Ordinaria del Consejo General, celebrada en fecha 31 de "
        "agosto de 2022.\n"
        "Asimismo, el Órgano Superior de Dirección de este Instituto, aprobó el acuerdo de "
        "modificación de plazos de la convocatoria.\n"
        "En este sentido, se modificaron los siguientes plazos.\n"
    )
    texts = [item["text"] for item in result["agreements"]]
    assert len(texts) == 2
    assert texts[1].startswith(
        "Asimismo, el Órgano Superior de Dirección de este Instituto, aprobó"
    )
