"""Agreements: coded, in an ACUERDOS section, or in the narrative; votes and agenda items."""

import pytest

from abierto.lib.acta import parse_acta_text

AGENDA = (
    "ORDEN DEL DÍA\nI. Lista de asistencia.\nII. Aprobación del orden del día.\n"
    "III. Aprobación del calendario de sesiones 2023.\nIV. Clausura.\n"
)


def _agreements(text: str) -> list[dict]:
    return parse_acta_text(text)["agreements"]


def test_coded_agreements_with_their_vote_and_agenda_item():
    agreements = _agreements(
        AGENDA
        + "II. Aprobación del orden del día.\nSometido a votación, se aprobó por unanimidad:\n\n"
        "ACUERDO STL/XV/1/2022: Se aprueba el orden del día, en sus términos.\n\n"
        "III. Aprobación del calendario de sesiones 2023.\n"
        "ACUERDO STL/XV/2/2022: Se aprueba por mayoría de votos el calendario de sesiones 2023.\n"
    )
    assert agreements == [
        {
            "code": "STL/XV/1/2022",
            "text": "Se aprueba el orden del día, en sus términos",
            "vote": "unanimidad",
            "agenda_item": 2,
            "approves_minutes_of": None,
        },
        {
            "code": "STL/XV/2/2022",
            "text": "Se aprueba por mayoría de votos el calendario de sesiones 2023",
            "vote": "mayoría",
            "agenda_item": 3,
            "approves_minutes_of": None,
        },
    ]


def test_a_numeric_code_keeps_the_word_acuerdo():
    agreements = _agreements(
        "PUNTO 2.- Se votó.\nACUERDO 263/2022.- Se aprueba por unanimidad el orden del día."
    )
    assert [item["code"] for item in agreements] == ["ACUERDO 263/2022"]


def test_a_code_at_the_start_of_a_table_row():
    agreements = _agreements(
        "ACUERDOS\nAcuerdo | Descripción | Votación\n"
        "CT/SE/03/2023-01 | Se aprueba el orden del día. | Unanimidad\n"
        "CT/SE/03/2023-02 | Se confirma la clasificación como reservada. | Mayoría\n"
    )
    assert [(item["code"], item["text"], item["vote"]) for item in agreements] == [
        ("CT/SE/03/2023-01", "Se aprueba el orden del día", "unanimidad"),
        ("CT/SE/03/2023-02", "Se confirma la clasificación como reservada", "mayoría"),
    ]


def test_a_code_cited_inside_a_sentence_is_not_an_agreement():
    agreements = _agreements(
        "ACUERDO STL/XV/1/2022: Se aprueba el orden del día.\n\n"
        "La Secretaría informó que el acuerdo STL/XIV/3/2022 se encuentra en proceso.\n"
        "En términos del acuerdo IEEPCO-CG-05/2020, por el que se autorizó la celebración de "
        "sesiones virtuales."
    )
    assert [item["code"] for item in agreements] == ["STL/XV/1/2022"]


def test_an_acuerdos_section_numbered_1_2_3():
    agreements = _agreements(
        "I. DATOS GENERALES\nFecha 1 de septiembre de 2020\nII. ACUERDOS\n"
        "1. Se acuerda la asignación de cargos.\n2. Establecer un periodo mayor para la "
        "convocatoria.\n"
        "III. COMPROMISOS ACORDADOS\n1. Revisión de la documentación."
    )
    assert [(item["code"], item["text"]) for item in agreements] == [
        ("1", "Se acuerda la asignación de cargos"),
        ("2", "Establecer un periodo mayor para la convocatoria"),
    ]


def test_an_acuerdos_section_numbered_in_words():
    agreements = _agreements(
        "ACUERDOS:\nPRIMERO.- Se aprueba el acta anterior.\nSEGUNDO.- Se turna el asunto a "
        "comisiones.\n"
    )
    assert [(item["code"], item["text"]) for item in agreements] == [
        ("1", "Se aprueba el acta anterior"),
        ("2", "Se turna el asunto a comisiones"),
    ]


def test_narrative_agreements_are_numbered_with_their_votes():
    agreements = _agreements(
        AGENDA
        + "En el desahogo del punto II, se aprueba por unanimidad el orden del día propuesto. "
        "Respecto del punto III, el Presidente expuso la propuesta. Por mayoría de votos se "
        "aprobó el "
        "calendario de sesiones 2023, con el voto en contra de un consejero. No habiendo más "
        "asuntos, "
        "se levanta la sesión."
    )
    assert [(item["code"], item["vote"], item["agenda_item"]) for item in agreements] == [
        ("1", "unanimidad", 2),
        ("2", "mayoría", 3),
    ]
    assert agreements[1]["text"].startswith("Por mayoría de votos se aprobó el calendario")


def test_a_relative_clause_followed_by_a_vote_is_a_decision():
    agreements = _agreements(
        "La Secretaría dio lectura al acta anterior, la cual fue aprobada por unanimidad. "
        "Se citó el acuerdo general, mediante el cual se autorizó el uso de videoconferencias."
    )
    assert [item["text"] for item in agreements] == [
        "La Secretaría dio lectura al acta anterior, la cual fue aprobada por unanimidad"
    ]


def test_the_agenda_item_of_agreements_gathered_after_the_narrative_comes_from_their_text():
    agreements = _agreements(
        AGENDA + "I. Lista de asistencia.\nHubo quórum.\nIV. Clausura.\nSe levanta la sesión.\n"
        "ACUERDOS\nCC/1/2023 | Se aprueba el orden del día. | Unanimidad\n"
        "CC/2/2023 | Se aprueba el calendario de sesiones 2023. | Unanimidad\n"
    )
    assert [item["agenda_item"] for item in agreements] == [2, 3]


def test_no_agreements_is_an_empty_list():
    assert _agreements("Acta de la sesión. Se presentó el informe trimestral.") == []


def test_an_agreement_that_approves_earlier_minutes_names_that_session():
    agreements = _agreements(
        AGENDA + "II. Aprobación del orden del día.\n"
        "ACUERDO STL/XV/2/2022: Se aprueba por unanimidad de votos el Acta de la Décimo "
        "Cuarta Sesión Ordinaria del STL, de fecha 8 de noviembre de 2022.\n"
        "III. Aprobación del calendario.\n"
        "ACUERDO STL/XV/3/2022: Se aprueba el acta de la sesión extraordinaria número 3.\n"
    )
    assert [item["approves_minutes_of"] for item in agreements] == [
        {"kind": "ordinaria", "number": 14},
        {"kind": "extraordinaria", "number": 3},
    ]


def test_decisions_worded_with_a_gerund_or_a_participle_and_its_vote():
    agreements = _agreements(
        AGENDA
        + "II. Aprobación del orden del día.\nSe sometió a votación, aprobándose por unanimidad "
        "de votos de los presentes.\nIII. Aprobación del calendario de sesiones 2023.\n"
        "Los lineamientos del calendario de sesiones 2023 fueron modificados por unanimidad.\n"
    )
    assert [(item["code"], item["vote"], item["agenda_item"]) for item in agreements] == [
        ("1", "unanimidad", 2),
        ("2", "unanimidad", 3),
    ]


def test_misma_que_fue_aceptada_is_this_session_s_decision():
    agreements = _agreements(
        "El Secretario solicitó se incluyera como punto 7 el informe de la Tesorería, misma que "
        "fue aceptada."
    )
    assert [item["text"] for item in agreements] == [
        "El Secretario solicitó se incluyera como punto 7 el informe de la Tesorería, misma que "
        "fue aceptada"
    ]


def test_an_approval_without_a_subject_takes_the_proposal_before_it():
    agreements = _agreements(
        "La Secretaría dio cuenta de la solicitud de licencia del regidor. Puesta a discusión, "
        "sin ella, se aprobó por unanimidad. Acto continuo se leyó el acta anterior, la que "
        "puesta a discusión se aprobó por unanimidad."
    )
    assert [item["text"] for item in agreements] == [
        "La Secretaría dio cuenta de la solicitud de licencia del regidor. Puesta a discusión, "
        "sin ella, se aprobó por unanimidad",
        "Acto continuo se leyó el acta anterior, la que puesta a discusión se aprobó por "
        "unanimidad",
    ]


def test_a_dotted_code_is_one_statement_even_before_an_agenda_transcribed_late():
    agreements = _agreements(
        "1. LISTA DE ASISTENCIA. Hubo quórum. 2. APROBACIÓN DEL ORDEN DEL DÍA. El Presidente lo "
        "sometió a consideración; se aprobó por unanimidad. ACUERDO 12.1 Aprobación del orden del "
        "día. A continuación se transcribe el orden del día aprobado: ORDEN DEL DÍA 1. Lista de "
        "asistencia. 2. Aprobación del orden del día. 3. Asuntos generales."
    )
    assert [
        (item["code"], item["text"], item["vote"], item["agenda_item"]) for item in agreements
    ] == [("12.1", "Aprobación del orden del día", "unanimidad", 2)]


def test_a_coded_agreement_goes_on_with_its_own_orders_but_not_into_the_next_item():
    agreements = _agreements(
        AGENDA + "III. Aprobación del calendario de sesiones 2023.\n"
        "ACUERDO CT/03/2023: Se aprueba el calendario. Se instruye a la Secretaría publicarlo. "
        "IV. Clausura. No habiendo más asuntos, se levantó la sesión.\n"
    )
    assert [item["text"] for item in agreements] == [
        "Se aprueba el calendario. Se instruye a la Secretaría publicarlo"
    ]


def test_the_members_as_subject_of_a_decision():
    agreements = _agreements(
        "La Presidenta dio vista al oficio del Regidor Luis Paz. A lo anterior, los regidores "
        "presentes aprobaron la justificación enviada. Los integrantes comentaron el informe."
    )
    assert [item["text"] for item in agreements] == [
        "A lo anterior, los regidores presentes aprobaron la justificación enviada"
    ]


def test_a_decision_ends_at_the_colon_of_the_list_it_announces():
    agreements = _agreements(
        "orden del día\n1. Bienvenida.\n2. Informe de quejas.\n3. Análisis de la programación.\n"
        "Sometida a votación la propuesta, se aprueba por unanimidad, desahogándose de la forma "
        "siguiente: - - -\nI. Como primer punto, el Presidente dio la bienvenida.\n"
        "II. El Presidente informó que no hubo quejas.\n"
        "III. Tomó la palabra la Mtra. Ana Ruiz Paz para señalar dos aspectos que se aceptaron:\n"
        "• Impulsar los programas de calidad.\n• Unificar la rúbrica de la estación.\n"
    )
    assert [(item["text"], item["vote"], item["agenda_item"]) for item in agreements] == [
        ("Sometida a votación la propuesta, se aprueba por unanimidad", "unanimidad", None),
        (
            "Tomó la palabra la Mtra. Ana Ruiz Paz para señalar dos aspectos que se aceptaron",
            None,
            3,
        ),
    ]


def test_a_relative_clause_after_an_instrument_is_still_no_decision():
    agreements = _agreements(
        "El Presidente recordó el calendario que se aprobó. La Secretaria propuso dos cambios que "
        "se aceptaron."
    )
    assert [item["text"] for item in agreements] == [
        "La Secretaria propuso dos cambios que se aceptaron"
    ]


def test_an_agreement_of_a_closing_section_finds_its_item_by_its_words():
    agreements = _agreements(
        "orden del día:\n1. Lista de asistencia.\n2. Análisis y, en su caso, confirmación de la "
        "clasificación como reservada de la información solicitada mediante la solicitud "
        "00123/2023, a cargo de la Dirección de Seguridad Pública.\n3. Aprobación de las "
        "versiones públicas de las nóminas.\n4. Clausura.\nDESARROLLO\n1. Hubo quórum.\n"
        "ACUERDOS\nCT/SE/03/2023-01 | Se confirma la clasificación como información reservada de "
        "los horarios y rutas de patrullaje solicitados, por un periodo de tres años. | Mayoría\n"
    )
    assert [(item["code"], item["agenda_item"]) for item in agreements] == [("CT/SE/03/2023-01", 2)]


def test_an_item_taken_up_by_its_ordinal_gives_the_agreement_its_item():
    agreements = _agreements(
        "orden del día:\n1. Bienvenida.\n2. Informe de quejas.\n3. Informe de la Jefatura.\n"
        "4. Asuntos generales.\nComo primer punto, el Presidente dio la bienvenida.\n"
        "II. Respecto al segundo punto, no hubo quejas.\n"
        "III. Respecto al tercer punto del orden del día, la Jefa informó de los cursos.\n"
        "A propuesta de la M.D.O. Ana Ruiz Paz, se acordó buscar un estándar mínimo de calidad.\n"
        "Como cuarto punto, se analizó la programación.\n"
    )
    assert [(item["text"][:28], item["agenda_item"]) for item in agreements] == [
        ("A propuesta de la M.D.O. Ana", 3)
    ]


def test_proposals_judged_one_by_one_are_each_an_agreement():
    agreements = _agreements(
        "IV. Asuntos Generales. La Jefa de Sección hizo la propuesta de cuatro programas: 1) "
        "Diálogos sobre Arte. Aprobado cambiando el nombre por “Diálogos”. 2) Mente y Salud. "
        "Pendiente de aprobar hasta tener más información. 3) A Pie de Página. No\nAprobado. 4) "
        "Sonidos...Silencios... Música. Aprobado.\n"
    )
    assert [(item["code"], item["text"]) for item in agreements] == [
        ("1", 'Diálogos sobre Arte. Aprobado cambiando el nombre por "Diálogos"'),
        ("2", "A Pie de Página. No Aprobado"),
        ("3", "Sonidos...Silencios... Música. Aprobado"),
    ]


_OPENING = (
    "En la ciudad de Toluca, siendo las 10:00 horas del día 5 de marzo de 2024, se reunieron "
    "los integrantes del Comité.\n"
)


@pytest.mark.parametrize(
    ("sentence", "vote"),
    [
        # A verdict that names what it approves is a decision of its own, not the close of the
        # sentence before it (here the opening).
        ("Se aprobó por unanimidad de votos el acta de la sesión anterior.", "unanimidad"),
        ("Fue aprobada por unanimidad la propuesta de calendario.", "unanimidad"),
        # The members as the subject, their body named after them; a vote "a favor".
        ("Los integrantes del Comité aprobaron por unanimidad el informe anual.", "unanimidad"),
        ("Los consejeros votaron a favor del dictamen por unanimidad.", "unanimidad"),
    ],
)
def test_decisions_told_in_the_narrative(sentence, vote):
    [agreement] = parse_acta_text(_OPENING + sentence + "\n")["agreements"]
    assert (agreement["text"], agreement["vote"]) == (sentence.rstrip("."), vote)


def test_a_bare_verdict_closes_what_the_paragraph_before_it_told():
    [agreement] = parse_acta_text(
        _OPENING + "Se leyó el acta anterior.\nFue aprobada por unanimidad de los presentes.\n"
    )["agreements"]
    assert (
        agreement["text"]
        == "Se leyó el acta anterior. Fue aprobada por unanimidad de los presentes"
    )
