"""Common forms of the genre written out from scratch (issue 13, twelfth session), for the
session's items: agendas lettered, bulleted or laid out as a table; agreements announced by a
sentence, under a letter-spaced heading, coded as resolutions, kept in a minute's table,
decided by the body in the present tense, voted by count; calendars one session a line.

Each test is a short invented snippet in the words actas use, never a corpus file.
"""

from abierto.lib.acta import parse_acta_text
from abierto.lib.acta.letter_spacing import with_letters_joined


def test_a_calendar_written_one_session_a_line_schedules_each():
    result = parse_acta_text(
        "ACTA DE LA CUARTA SESIÓN ORDINARIA DEL COMITÉ DE TRANSPARENCIA\n\nEn la ciudad de "
        "Morelia, siendo las 10:00 horas del 15 de diciembre de 2022, se reunieron los "
        "integrantes del Comité.\n\n2. Se presentó el calendario de sesiones ordinarias para "
        "2023, quedando de la siguiente manera:\nPrimera sesión ordinaria: 26 de enero de 2023\n"
        "Segunda sesión ordinaria: 27 de abril de 2023\n\n• Jueves 27 de julio\n\n"
        "3. Asuntos generales. No hubo.\n"
    )
    assert [(item["date"], item["title"]) for item in result["scheduled_sessions"]] == [
        ("2023-01-26", "Primera sesión ordinaria"),
        ("2023-04-27", "Segunda sesión ordinaria"),
        ("2023-07-27", "Sesión ordinaria"),
    ]


AGREEMENTS_OPENING = (
    "ACTA DE LA PRIMERA SESIÓN ORDINARIA DEL COMITÉ DE TRANSPARENCIA\n\nEn Toluca, siendo las "
    "10:00 horas del 5 de marzo de 2021, en la Sala de Juntas, se reunieron los integrantes del "
    "Comité.\n\n"
)


def _agreements(text: str) -> list[tuple[str, str]]:
    return [(item["code"], item["text"]) for item in parse_acta_text(text)["agreements"]]


def test_a_heading_typed_letter_by_letter_heads_its_section():
    agreements = _agreements(
        AGREEMENTS_OPENING + "Los integrantes tomaron por unanimidad los siguientes:\n\n"
        "A C U E R D O S\n\nPRIMERO. Se confirma la declaratoria de inexistencia.\n"
        "SEGUNDO. Se instruye a la Unidad de Transparencia notificar al solicitante.\n"
    )
    assert agreements == [
        ("1", "Se confirma la declaratoria de inexistencia"),
        ("2", "Se instruye a la Unidad de Transparencia notificar al solicitante"),
    ]


def test_letters_are_joined_into_words_only_on_a_line_of_spaced_capitals():
    assert with_letters_joined("O R D E N   D E L   D Í A:\nY A\nI I I. Lista\nA. B. C. D.") == (
        "ORDEN DEL DÍA:\nY A\nI I I. Lista\nA. B. C. D."
    )


def test_a_sentence_announcing_the_agreements_heads_the_numbered_list_under_it():
    agreements = _agreements(
        AGREEMENTS_OPENING + "Se tomaron los siguientes acuerdos:\n"
        "PRIMERO: Se confirma la declaratoria de inexistencia.\n"
        "SEGUNDO: Se instruye a la Unidad de Transparencia notificar al solicitante.\n"
    )
    assert agreements == [
        ("1", "Se confirma la declaratoria de inexistencia"),
        ("2", "Se instruye a la Unidad de Transparencia notificar al solicitante"),
    ]


def _agenda(text: str) -> list[tuple[int, str]]:
    return [(item["number"], item["title"]) for item in parse_acta_text(text)["agenda"]]


AGENDA_OPENING = AGREEMENTS_OPENING.replace("Comité.", "Comité, bajo el siguiente:")


def test_an_agenda_lettered_a_b_c_is_numbered_in_order():
    agenda = _agenda(
        AGENDA_OPENING + "Orden del día:\na) Lista de asistencia.\nb) Aprobación del orden del "
        "día.\nc) Informe de actividades.\n\nDesahogo:\n"
    )
    assert agenda == [
        (1, "Lista de asistencia"),
        (2, "Aprobación del orden del día"),
        (3, "Informe de actividades"),
    ]


def test_a_lettered_list_out_of_order_is_no_agenda():
    assert _agenda(AGENDA_OPENING + "Orden del día:\na) Lista de asistencia.\nc) Clausura.\n") == []


def test_a_bulleted_agenda_under_a_heading_without_colon():
    agenda = _agenda(
        AGENDA_OPENING + "ORDEN DEL DÍA\n• Lista de asistencia\n• Aprobación del orden del "
        "día\n\nDesarrollo\n"
    )
    assert agenda == [(1, "Lista de asistencia"), (2, "Aprobación del orden del día")]


def test_the_body_deciding_in_the_present_with_its_vote_is_an_agreement():
    agreements = parse_acta_text(
        "ACTA DE SESIÓN ORDINARIA DE CABILDO NÚMERO 25\n\nEn San Juan, siendo las 16:00 horas "
        "del 10 de octubre de 2017, en el salón de cabildo, se reunieron los integrantes del "
        "Ayuntamiento.\n\nORDEN DEL DÍA\nI. Lista de asistencia.\nII. Propuesta de obra "
        "pública.\n\nII. PROPUESTA DE OBRA PÚBLICA. EL H. AYUNTAMIENTO AUTORIZA POR UNANIMIDAD "
        "LA PROPUESTA DE OBRA PÚBLICA.\nEl Comité aprueba sus actas en la sesión siguiente.\n"
    )["agreements"]
    assert [(item["text"], item["vote"], item["agenda_item"]) for item in agreements] == [
        ("EL H. AYUNTAMIENTO AUTORIZA POR UNANIMIDAD LA PROPUESTA DE OBRA PÚBLICA", "unanimidad", 2)
    ]


def test_a_committees_coded_resolutions_are_its_agreements():
    agreements = _agreements(
        AGREEMENTS_OPENING.replace(
            "Comité.", "Comité, en cumplimiento de la resolución RRA 1234/19."
        )
        + "RESOLUCIÓN CT/005/2021\nEl Comité de Transparencia CONFIRMA la clasificación de la "
        "información como reservada.\nRESOLUCIÓN CT/006/2021\nEl Comité de Transparencia "
        "REVOCA la declaración de inexistencia.\n"
    )
    assert agreements == [
        (
            "CT/005/2021",
            "El Comité de Transparencia CONFIRMA la clasificación de la información como reservada",
        ),
        ("CT/006/2021", "El Comité de Transparencia REVOCA la declaración de inexistencia"),
    ]


def test_the_items_label_heading_a_decision_is_not_part_of_its_text():
    agreements = _agreements(
        AGREEMENTS_OPENING + "ORDEN DEL DÍA\n1. Lista de asistencia.\n2. Aprobación del orden "
        "del día.\n3. Informe trimestral.\n\nDESARROLLO\nPrimer punto: Se pasó lista.\nSegundo "
        "punto: Se aprobó el orden del día por unanimidad de votos.\nPUNTO TRES.- Se aprobó por "
        "mayoría el informe trimestral.\n"
    )
    assert agreements == [
        ("1", "Se aprobó el orden del día por unanimidad de votos"),
        ("2", "Se aprobó por mayoría el informe trimestral"),
    ]


MINUTE = (
    "MINUTA DE LA REUNIÓN DE TRABAJO DEL GRUPO DE GOBIERNO ABIERTO\n\nFecha: 3 de marzo de 2023\n"
    "Lugar: Sala de juntas de la Contraloría\n\n{heading}\n{header}\n"
    "1\tEnviar el informe de avance del compromiso 3.\tDirección de Planeación\t{cell}\n"
    "2\tPublicar los datos abiertos del plan.\tSubdirección de Control\t{cell}\n\n"
    "Próxima reunión: 24 de marzo de 2023, 10:00 horas.\n"
)


def test_a_minutes_table_of_agreements_gives_each_row():
    agreements = _agreements(
        MINUTE.format(
            heading="Acuerdos:",
            header="No.\tAcuerdo\tResponsable\tFecha compromiso",
            cell="10 de marzo de 2023",
        )
    )
    assert agreements == [
        ("1", "Enviar el informe de avance del compromiso 3"),
        ("2", "Publicar los datos abiertos del plan"),
    ]


def test_a_table_following_up_earlier_agreements_gives_none():
    for heading, header in (
        ("Seguimiento de acuerdos:", "No.\tAcuerdo\tResponsable\tFecha"),
        ("Acuerdos anteriores:", "No.\tAcuerdo\tResponsable\tEstatus"),
    ):
        minute = MINUTE.format(heading=heading, header=header, cell="Cumplido")
        assert _agreements(minute) == []


def test_an_agenda_laid_out_as_a_table_of_numbered_rows():
    agenda = _agenda(
        "MINUTA DE LA REUNIÓN DE TRABAJO\n\nFecha: 3 de marzo de 2023\nLugar: Sala de juntas\n\n"
        "ORDEN DEL DÍA\nNo.\tTema\tResponsable\n1\tBienvenida\tPresidencia\n2\tAvance de "
        "compromisos\tSecretaría Técnica\n3\tAsuntos generales\tTodos\n\nDESARROLLO\n"
    )
    assert agenda == [(1, "Bienvenida"), (2, "Avance de compromisos"), (3, "Asuntos generales")]


def _scheduled(closing: str) -> list[tuple[str, str]]:
    result = parse_acta_text(
        "ACTA DE LA PRIMERA SESIÓN ORDINARIA DEL COMITÉ TÉCNICO\n\nEn Toluca, siendo las 10:00 "
        "horas del 5 de marzo de 2021, en la sala de juntas, se reunieron los integrantes.\n\n"
        + closing
    )
    return [(item["date"], item["title"]) for item in result["scheduled_sessions"]]


def test_the_next_meeting_agreed_as_reunirse_el_proximo():
    assert _scheduled(
        "Los integrantes acordaron reunirse el próximo 7 de mayo de 2021 para dar seguimiento."
    ) == [("2021-05-07", "Sesión")]


def test_a_scheduled_session_named_with_its_article_and_ordinal():
    assert _scheduled("Se programó la Segunda Sesión Ordinaria para el 18 de junio de 2021.") == [
        ("2021-06-18", "Segunda Sesión Ordinaria")
    ]


def _votes(statements: str) -> list[str | None]:
    agreements = parse_acta_text(
        "ACTA DE SESIÓN ORDINARIA DE CABILDO NÚMERO 25\n\nEn San Juan, siendo las 16:00 horas "
        "del 10 de octubre de 2017, en el salón de cabildo, se reunieron los integrantes del "
        "Ayuntamiento.\n\n" + statements
    )["agreements"]
    return [item["vote"] for item in agreements]


def test_a_vote_told_by_its_count_or_its_dissent():
    assert _votes(
        "ACUERDO 45/2017.- Se aprueba la obra, con 8 votos a favor, 2 en contra y 1 abstención.\n"
        "ACUERDO 46/2017.- Se aprueba el informe.\nVotación: 11 votos a favor, 0 en contra, 0 "
        "abstenciones.\nACUERDO 47/2017.- Se aprueba el convenio con el voto en contra del Regidor "
        "Tomás Reyes.\nACUERDO 48/2017.- Se aprueba la licencia del Regidor Juan Pérez Gil.\n"
    ) == ["mayoría", "unanimidad", "mayoría", None]


def test_a_narrative_decision_counted_with_votes_in_words():
    assert _votes(
        "Se aprobó la propuesta de obra pública con once votos a favor y dos en contra.\n"
    ) == ["mayoría"]


def test_a_lettered_agenda_under_a_heading_is_not_joined_to_it():
    agenda = _agenda(
        "MINUTA DE LA TERCERA REUNIÓN DE TRABAJO\n\nEn Toluca, siendo las 10:00 horas del 3 de "
        "marzo de 2023, se reunieron los integrantes.\n\nORDEN DEL DÍA\na) Lista de asistencia.\n"
        "b) Avance de compromisos.\n"
    )
    assert agenda == [(1, "Lista de asistencia"), (2, "Avance de compromisos")]


def test_a_calendar_written_month_first_one_session_a_line():
    assert _scheduled(
        "Se aprobó el calendario de sesiones ordinarias 2021:\nENERO 28\nABRIL: jueves 29\n"
        "JULIO 29\nOCTUBRE 28\n\nNo habiendo más asuntos, se cerró la sesión.\n"
    ) == [
        ("2021-04-29", "Sesión ordinaria"),
        ("2021-07-29", "Sesión ordinaria"),
        ("2021-10-28", "Sesión ordinaria"),
    ]
