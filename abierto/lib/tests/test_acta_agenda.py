"""The agenda as announced: Roman or Arabic numbering, one item per line or run together."""

from abierto.lib.acta import parse_acta_text


def _agenda(text: str) -> list[tuple[int, str]]:
    return [(item["number"], item["title"]) for item in parse_acta_text(text)["agenda"]]


def test_roman_items_one_per_line():
    assert _agenda(
        "sometió a consideración el siguiente\nORDEN DEL DÍA\nI. Lista de asistencia y "
        "declaratoria de "
        "quórum.\nII. Lectura y, en su caso, aprobación del orden del día.\nIII. Clausura de "
        "la sesión.\n"
        "DESAHOGO\nI. Lista de asistencia y declaratoria de quórum.\nSe verificó el quórum."
    ) == [
        (1, "Lista de asistencia y declaratoria de quórum"),
        (2, "Lectura y, en su caso, aprobación del orden del día"),
        (3, "Clausura de la sesión"),
    ]


def test_arabic_items_run_together_in_one_paragraph():
    assert _agenda(
        "bajo el siguiente:\n\nORDEN DEL DÍA\n\n1. Lista de asistencia. 2. Declaratoria de "
        "Instalación "
        "de la Sesión. 3. Aprobación del Orden del Día. 4. Asuntos Generales."
    ) == [
        (1, "Lista de asistencia"),
        (2, "Declaratoria de Instalación de la Sesión"),
        (3, "Aprobación del Orden del Día"),
        (4, "Asuntos Generales"),
    ]


def test_a_heading_directly_followed_by_the_first_item():
    assert _agenda(
        "para el tratamiento de la siguiente: - ORDEN DEL DIA I. Lista de asistencia. II. "
        "Lectura del Acta anterior."
    ) == [
        (1, "Lista de asistencia"),
        (2, "Lectura del Acta anterior"),
    ]


def test_dash_markers_and_figures_inside_titles():
    assert _agenda(
        "ORDEN DEL DÍA\n1.- Lista de asistencia.\n2.- Adquisición de 54,000 pares de zapatos "
        "para el "
        "ejercicio 2020, conforme al punto 4.1 del programa.\n3.- Clausura."
    ) == [
        (1, "Lista de asistencia"),
        (
            2,
            "Adquisición de 54,000 pares de zapatos para el ejercicio 2020, conforme al punto "
            "4.1 del programa",
        ),
        (3, "Clausura"),
    ]


def test_the_presenter_clause_is_dropped_from_titles():
    assert _agenda(
        "ORDEN DEL DÍA\nI. Presentación de la Carpeta Ciudadana, por parte del Lic. Mauricio Trejo "
        "Salgado, Subsecretario.\nII. Informe del estudio de apertura municipal, a cargo del "
        "Infoem.\n"
        "III. Avances del plan (presentado por la Secretaría Técnica).\nIV. Clausura."
    ) == [
        (1, "Presentación de la Carpeta Ciudadana"),
        (2, "Informe del estudio de apertura municipal"),
        (3, "Avances del plan"),
        (4, "Clausura"),
    ]


def test_ocr_numerals_and_hyphenated_titles():
    assert _agenda(
        "Orden del Día:\nI. Lista de asistencia. ------\nIl. Lectura del acta de la sesión "
        "an-\nterior. --\n"
        "IIl. Asuntos generales.\nIV. Clausura."
    ) == [
        (1, "Lista de asistencia"),
        (2, "Lectura del acta de la sesión anterior"),
        (3, "Asuntos generales"),
        (4, "Clausura"),
    ]


def test_a_missing_number_is_bridged_with_a_warning():
    result = parse_acta_text("ORDEN DEL DÍA\n1. Lista de asistencia.\n2. Aprobación.\n4. Clausura.")
    assert [item["number"] for item in result["agenda"]] == [1, 2, 4]
    assert any("falta el punto 3" in warning for warning in result["warnings"])


def test_orden_del_dia_in_the_narrative_is_not_an_agenda():
    result = parse_acta_text(
        "Se aprobó el orden del día por unanimidad. Acto seguido se presentó el informe."
    )
    assert result["agenda"] == []
    assert any("orden del día" in warning for warning in result["warnings"])


def test_document_sections_without_an_agenda_heading_are_not_an_agenda():
    assert _agenda("I. DATOS GENERALES\nFecha 1 de mayo\nII. ACUERDOS\n1. Se acuerda algo.") == []


def test_items_named_punto_numero_and_a_cardinal():
    assert _agenda(
        "El Presidente pide dar lectura al Orden del Día, que quedó como sigue:\n"
        "Punto Número Uno: Bienvenida.\nPunto Número Dos: Informe de la Tesorería.\n"
        "Punto Número Tres: Clausura.\n"
    ) == [(1, "Bienvenida"), (2, "Informe de la Tesorería"), (3, "Clausura")]


def test_a_cardinal_without_punto_is_not_an_item():
    assert _agenda("Orden del día:\nUno: Bienvenida.\nDos: Clausura.\n") == []


def test_numbered_headings_in_capitals_are_the_agenda_when_none_is_announced():
    assert _agenda(
        "Presidenta: Dra. Ana Ruiz Gil. En la Sala de Juntas, a las 10:00 horas del 3 de mayo "
        "de 2023, inició la sesión.\n\n1. PASE DE LISTA.\nSe pasó lista y hubo quórum. "
        "2. INFORME DE LA TESORERÍA. La Tesorera presentó el informe.\n3. CLAUSURA.\nSe levantó."
    ) == [(1, "PASE DE LISTA"), (2, "INFORME DE LA TESORERÍA"), (3, "CLAUSURA")]


def test_numbered_headings_that_do_not_open_with_the_roll_call_are_no_agenda():
    text = "I. DATOS GENERALES DE LA REUNIÓN\nFecha 3 de mayo de 2023\nII. INFORMES\n"
    assert _agenda(text) == []


def test_an_agenda_read_aloud_in_a_stenographic_version():
    agenda = parse_acta_text(
        "Secretaria Técnica Ana Ruiz Paz: Con gusto. Procedo a dar lectura del Orden del Día: En "
        "el numeral 1 se encuentra la Aprobación del Orden del Día. En el numeral 2, el Informe "
        "de la Presidencia. En el numeral 4 se pidió la palabra.\n"
    )["agenda"]
    assert [(item["number"], item["title"]) for item in agenda] == [
        (1, "Aprobación del Orden del Día"),
        (2, "Informe de la Presidencia"),
    ]
