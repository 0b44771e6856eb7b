"""Each agenda item's narrative and presenter, and tables whose cells came one per line."""

from abierto.lib.acta import parse_acta_text

ACTA = """En Toluca, siendo las once horas del día 16 de diciembre de 2022, se reunieron los
integrantes del Secretariado Técnico Local bajo el siguiente
ORDEN DEL DÍA
I. Lista de asistencia;
II. Presentación de avances del Plan de Acción Local, por parte de Ana Ruiz, Subsecretaria;
III. Aprobación del calendario de sesiones 2023; y
IV. Clausura.

I.- El Facilitador pasó lista y confirmó la mayoría de los integrantes.

II.- Para el desahogo del segundo punto, la Subsecretaria expuso los avances.
Al concluir, el Facilitador agradeció la intervención.

III.- El Facilitador presentó el calendario de sesiones.
Día
Sesión
Viernes 24 de febrero de 2023
16a Sesión Ordinaria.
Viernes 28 de abril de 2023
17a Sesión Ordinaria.
Recabada la votación se tomó el siguiente acuerdo:
STL/XV/1/2022
Se aprueba por unanimidad de votos el calendario de sesiones para el año 2023.

IV.- No habiendo más puntos que tratar, se dio por terminada la sesión.
"""


def _agenda() -> list[dict]:
    return parse_acta_text(ACTA)["agenda"]


def test_each_item_keeps_its_narrative_in_the_actas_words():
    agenda = _agenda()
    assert agenda[0]["narrative"] == (
        "El Facilitador pasó lista y confirmó la mayoría de los integrantes."
    )
    assert agenda[1]["narrative"] == (
        "Para el desahogo del segundo punto, la Subsecretaria expuso los avances.\n\n"
        "Al concluir, el Facilitador agradeció la intervención."
    )
    assert agenda[3]["narrative"].startswith("No habiendo más puntos que tratar")


def test_the_agreement_box_is_cut_out_of_the_narrative():
    narrative = _agenda()[2]["narrative"]
    assert "STL/XV/1/2022" not in narrative
    assert "Se aprueba por unanimidad" not in narrative
    assert narrative.endswith("se tomó el siguiente acuerdo:")


def test_a_table_with_one_cell_per_line_becomes_a_pipe_table():
    narrative = _agenda()[2]["narrative"]
    assert (
        "| Día | Sesión |\n| --- | --- |\n"
        "| Viernes 24 de febrero de 2023 | 16a Sesión Ordinaria. |\n"
        "| Viernes 28 de abril de 2023 | 17a Sesión Ordinaria. |"
    ) in narrative


def test_the_calendar_in_such_a_table_is_read_as_scheduled_sessions():
    scheduled = parse_acta_text(ACTA)["scheduled_sessions"]
    assert scheduled == [
        {"date": "2023-02-24", "title": "16a Sesión Ordinaria"},
        {"date": "2023-04-28", "title": "17a Sesión Ordinaria"},
    ]


def test_the_presenter_is_read_apart_from_the_title():
    item = _agenda()[1]
    assert item["title"] == "Presentación de avances del Plan de Acción Local"
    assert item["presenter"] == "Ana Ruiz, Subsecretaria"


def test_the_conjunction_before_the_last_item_is_not_part_of_a_title():
    assert _agenda()[2]["title"] == "Aprobación del calendario de sesiones 2023"


def test_an_item_never_taken_up_has_no_narrative():
    result = parse_acta_text("ORDEN DEL DÍA\nI. Lista de asistencia.\nII. Clausura.\n")
    assert [item["narrative"] for item in result["agenda"]] == ["", ""]
