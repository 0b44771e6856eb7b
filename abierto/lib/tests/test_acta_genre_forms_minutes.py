"""The session's items as working minutes, assemblies and news items write them (issue 13,
thirteenth session): agendas headed "Temas:", agreements bulleted with hyphens, decisions
told after a news item's dateline.

Each test is a short invented snippet in the words actas use, never a corpus file.
"""

from abierto.lib.acta import parse_acta_text

WORKING_MINUTE = (
    "MINUTA DE LA REUNIÓN VECINAL DEL COTO LAS PALMAS\n\nSiendo las 17:00 horas del sábado 28 "
    "de marzo de 2020, en el área común del coto, se llevó a cabo la reunión vecinal.\n\n"
)


def test_a_working_minutes_topics_are_its_agenda():
    result = parse_acta_text(
        WORKING_MINUTE + "Temas:\n1. Estado de cuenta de las cuotas.\n2. Reparación de la bomba "
        "de agua.\n\nSe levanta la reunión a las 19:10 horas.\n"
    )
    assert [item["title"] for item in result["agenda"]] == [
        "Estado de cuenta de las cuotas",
        "Reparación de la bomba de agua",
    ]


def test_agreements_bulleted_with_hyphens_are_one_each():
    result = parse_acta_text(
        WORKING_MINUTE + "Acuerdos:\n- Se aprueba por mayoría contratar la reparación de la "
        "bomba.\n- La Tesorería enviará el estado de cuenta a cada vecino.\n- Se acuerda "
        "instalar una cámara en el acceso.\n\nSe levanta la reunión a las 19:10 horas.\n"
    )
    assert [(item["code"], item["text"], item["vote"]) for item in result["agreements"]] == [
        ("1", "Se aprueba por mayoría contratar la reparación de la bomba", "mayoría"),
        ("2", "La Tesorería enviará el estado de cuenta a cada vecino", None),
        ("3", "Se acuerda instalar una cámara en el acceso", None),
    ]


def test_a_line_of_hyphens_is_no_bulleted_agenda():
    result = parse_acta_text(
        WORKING_MINUTE + "Temas:\n- - - - - - - - - -\n- - - - - - - - - -\n\nSe levanta la "
        "reunión a las 19:10 horas.\n"
    )
    assert result["agenda"] == []


def test_a_decision_in_a_news_item_starts_after_its_dateline():
    result = parse_acta_text(
        "Celebra el Comité de Participación Ciudadana su Décima Sesión Ordinaria\n\n"
        "Zacatecas, Zac., 14 de septiembre de 2021.- En sesión virtual, las y los integrantes "
        "del Comité de Participación Ciudadana del Sistema Estatal Anticorrupción aprobaron por "
        "unanimidad su programa anual de trabajo 2022.\n"
    )
    assert [item["text"] for item in result["agreements"]] == [
        "En sesión virtual, las y los integrantes del Comité de Participación Ciudadana del "
        "Sistema Estatal Anticorrupción aprobaron por unanimidad su programa anual de trabajo 2022"
    ]


def test_a_decision_closed_by_its_colon_announces_the_numbered_agreements_and_their_vote():
    result = parse_acta_text(
        "COMISIÓN DICTAMINADORA DEL ÁREA DE HUMANIDADES\nACTA DE LA SEXTA REUNIÓN\n\nSiendo las "
        "10:00 horas del 16 de mayo de 2017, se reunieron los integrantes de la Comisión.\n\n"
        "La Comisión acordó por unanimidad:\n\n1. Proponer como ganadora del concurso a la Dra. "
        "Laura Cristina Hernández Ortiz.\n2. Declarar desierto el concurso de Técnico Académico."
        "\nSiendo las 14:00 horas se dio por terminada la reunión.\n"
    )
    assert [(item["code"], item["text"], item["vote"]) for item in result["agreements"]] == [
        (
            "1",
            "Proponer como ganadora del concurso a la Dra. Laura Cristina Hernández Ortiz",
            "unanimidad",
        ),
        ("2", "Declarar desierto el concurso de Técnico Académico", "unanimidad"),
    ]


def test_a_closing_sentence_in_capitals_is_no_signature_so_the_last_agreement_stays():
    result = parse_acta_text(
        "ACTA DE LA LXXVI SESIÓN ORDINARIA DE LA H. JUNTA DIRECTIVA\n\nEn Metepec, siendo las "
        "doce horas del 5 de diciembre de 2016, se reunieron los integrantes de la Junta.\n\n"
        "ACUERDO CECYTEM-076-001-2016. LA H. JUNTA DIRECTIVA APRUEBA EL ORDEN DEL DÍA.\n"
        "ACUERDO CECYTEM-076-002-2016. LA H. JUNTA DIRECTIVA APRUEBA EL PRESUPUESTO DEL "
        "EJERCICIO FISCAL 2017.\nNO HABIENDO OTRO ASUNTO QUE TRATAR, SE DA POR CONCLUIDA LA "
        "SESIÓN A LAS TRECE HORAS CON TREINTA MINUTOS DEL MISMO DÍA.\n"
    )
    assert [item["code"] for item in result["agreements"]] == [
        "CECYTEM-076-001-2016",
        "CECYTEM-076-002-2016",
    ]


def test_the_term_after_the_sessions_title_is_not_the_body():
    result = parse_acta_text(
        "CONSEJO TÉCNICO DE ADOPCIÓN DEL SISTEMA DIF DEL ESTADO DE CAMPECHE\n\nACTA DE LA "
        "PRIMERA SESIÓN ORDINARIA DEL PERIODO 2019-2021\n\nEn Campeche, siendo las 10:00 horas "
        "del 14 de febrero de 2019, se reunieron los integrantes del Consejo.\n"
    )
    assert result["body"] == "CONSEJO TÉCNICO DE ADOPCIÓN DEL SISTEMA DIF DEL ESTADO DE CAMPECHE"


def test_se_declara_aprobado_decides_and_the_speakers_label_is_left_out():
    result = parse_acta_text(
        "VERSIÓN ESTENOGRÁFICA DE LA DÉCIMA OCTAVA SESIÓN ORDINARIA DE LA LEGISLATURA\n\n"
        "En Tlaxcala, siendo las diez horas del 7 de marzo de 2017, se reúnen los diputados.\n\n"
        "Presidenta: Se somete a votación el orden del día.\n\nSecretaría: Dieciocho votos a "
        "favor.\n\nPresidenta: De acuerdo a la votación emitida se declara aprobado el orden del "
        "día por mayoría de votos.\n"
    )
    assert [(item["text"], item["vote"]) for item in result["agreements"]] == [
        (
            "De acuerdo a la votación emitida se declara aprobado el orden del día por mayoría "
            "de votos",
            "mayoría",
        )
    ]


def test_a_working_minute_dated_with_a_roman_month_and_its_next_meeting_after_the_list():
    result = parse_acta_text(
        "MINUTA DE LA REUNIÓN DE TRABAJO DEL COMITÉ DE OBRA\n\nFecha: 5-III-2021\nHora de "
        "inicio: 11:00 hrs.\n\nAcuerdos:\n1. La Dirección de Obras entregará el programa.\n"
        "2. El Comité informará a los vecinos sobre los cierres de calles.\n\n"
        "Próxima reunión: 19-III-2021, 11:00 hrs.\n"
    )
    assert result["session"]["date"] == "2021-03-05"
    assert [item["text"] for item in result["agreements"]] == [
        "La Dirección de Obras entregará el programa",
        "El Comité informará a los vecinos sobre los cierres de calles",
    ]
    assert [item["date"] for item in result["scheduled_sessions"]] == ["2021-03-19"]


def test_the_end_time_after_clausuro_la_sesion():
    result = parse_acta_text(
        "ACTA DE LA SESIÓN EXTRAORDINARIA DEL H. AYUNTAMIENTO\n\nEn Irapuato, siendo las 9:00 "
        "horas del 12 de agosto de 2025, se reunieron los integrantes del Ayuntamiento.\n\n"
        "No habiendo más asuntos que tratar, la Presidenta Municipal clausuró la sesión a las "
        "9:40 nueve horas con cuarenta minutos.\n"
    )
    assert result["session"]["end_time"] == "09:40"


COMMITTEE = (
    "ACTA DE LA PRIMERA SESIÓN ORDINARIA DEL COMITÉ DE TRANSPARENCIA\n\nEn Toluca, siendo las "
    "10:00 horas del 5 de marzo de 2021, se reunieron los integrantes del Comité.\n\n"
)


def test_what_a_committee_records_and_instructs_are_its_agreements():
    result = parse_acta_text(
        COMMITTEE + "1. Se tiene por presentado el informe trimestral de la Unidad.\n"
        "2. Los integrantes del Comité toman conocimiento del informe de actividades.\n"
        "3. Se instruye a la Secretaría Técnica para que publique el acuerdo.\n"
        "4. Se revoca la clasificación propuesta por la Dirección de Obras.\n"
        "5. Conforme a la reforma, el artículo 24 se modifica para incluir a los invitados.\n"
    )
    assert [item["text"] for item in result["agreements"]] == [
        "Se tiene por presentado el informe trimestral de la Unidad",
        "Los integrantes del Comité toman conocimiento del informe de actividades",
        "Se instruye a la Secretaría Técnica para que publique el acuerdo",
        "Se revoca la clasificación propuesta por la Dirección de Obras",
    ]


def test_agreements_labelled_by_their_number_in_words_or_coded_with_one_letter():
    labelled = parse_acta_text(
        COMMITTEE + "ACUERDO NÚMERO UNO.- Se aprueba el orden del día.\n"
        "ACUERDO SEGUNDO.- Se aprueba el informe.\n"
    )
    coded = parse_acta_text(
        COMMITTEE + "A-01/2021 Se aprueba el orden del día.\nA-02/2021 Se aprueba el informe.\n"
    )
    assert [item["text"] for item in labelled["agreements"]] == [
        "Se aprueba el orden del día",
        "Se aprueba el informe",
    ]
    assert [(item["code"], item["text"]) for item in coded["agreements"]] == [
        ("A-01/2021", "Se aprueba el orden del día"),
        ("A-02/2021", "Se aprueba el informe"),
    ]


def test_the_members_deciding_in_the_present_tense():
    result = parse_acta_text(
        COMMITTEE + "Los miembros del Comité aprueban por unanimidad el informe anual.\n"
    )
    assert [(item["text"], item["vote"]) for item in result["agreements"]] == [
        ("Los miembros del Comité aprueban por unanimidad el informe anual", "unanimidad")
    ]


def test_a_bare_acuerdo_label_and_a_sub_items_number_are_left_out():
    labelled = parse_acta_text(
        COMMITTEE + "ACUERDO.- Se aprueba el orden del día.\n\nACUERDO.- Se aprueba el informe.\n"
    )
    numbered = parse_acta_text(
        COMMITTEE + "3.1 Se aprueba el orden del día.\n3.2 Se aprueba el informe.\n"
    )
    expected = ["Se aprueba el orden del día", "Se aprueba el informe"]
    assert [item["text"] for item in labelled["agreements"]] == expected
    assert [item["text"] for item in numbered["agreements"]] == expected


def test_a_code_holding_the_sessions_ordinal_and_kind_with_a_space():
    result = parse_acta_text(
        COMMITTEE + "ACUERDO 02/2ª ORD/2014. Se aprueba el orden del día.\n"
        "ACUERDO 03/2ª ORD/2014. Se aprueba el informe.\n"
    )
    assert [(item["code"], item["text"]) for item in result["agreements"]] == [
        ("02/2ª ORD/2014", "Se aprueba el orden del día"),
        ("03/2ª ORD/2014", "Se aprueba el informe"),
    ]


def test_agendas_headed_puntos_a_desahogar_orden_de_los_trabajos_or_la_siguiente_agenda():
    for heading in (
        "Los puntos a desahogar son los siguientes:",
        "ORDEN DE LOS TRABAJOS",
        "Se propuso la siguiente agenda:",
    ):
        result = parse_acta_text(
            COMMITTEE + heading + "\n1. Lista de asistencia.\n2. Informe.\n3. Asuntos generales.\n"
        )
        assert [item["title"] for item in result["agenda"]] == [
            "Lista de asistencia",
            "Informe",
            "Asuntos generales",
        ], heading


def _body(title: str) -> str:
    return parse_acta_text(
        title + "\n\nEn Cuautla, Morelos, siendo las 10:00 horas del 15 de julio de 2017, se "
        "reunieron los asociados.\n"
    )["body"]


def test_an_assemblys_body_keeps_its_quoted_name_and_legal_form_without_the_meetings_kind():
    colonos = 'ASAMBLEA GENERAL DE LA ASOCIACIÓN DE COLONOS "LOS VERGELES DE OAXTEPEC", A.C.'
    cooperative = 'SOCIEDAD COOPERATIVA "MUJERES DEL TOTONACAPAN", S.C. DE R.L. DE C.V.'
    assert (
        _body(
            'ACTA DE ASAMBLEA GENERAL ORDINARIA DE LA ASOCIACIÓN DE COLONOS "LOS VERGELES DE '
            'OAXTEPEC", A.C.'
        )
        == colonos
    )
    assert _body("ACTA DE ASAMBLEA CONSTITUTIVA DE LA " + cooperative) == (
        "ASAMBLEA CONSTITUTIVA DE LA " + cooperative
    )
    assert _body("ACTA DE LA REUNIÓN EXTRAORDINARIA DE LA ASOCIACIÓN CAREVAJ, A.C.") == (
        "ASOCIACIÓN CAREVAJ, A.C."
    )
