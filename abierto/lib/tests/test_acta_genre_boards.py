"""Patterns of the genre from issue 13's seventh session: the boards of municipal agencies
(a water utility's Consejo de Administración, read from a scan), whose openings list titled
members one after another in capitals.

Each test is a short synthetic snippet in the words actas use (invented names), never a corpus
file.
"""

from abierto.lib.acta import parse_acta_text
from abierto.lib.acta.normalize import normalize_text
from abierto.lib.tests.test_acta_genre import _people

BOARD_OPENING = (
    "En Villa Seca, Jalisco, siendo las 10:00 Diez horas, del día 25 veinte cinco de Noviembre "
    "del 2019, reunidos en las oficinas del SIAPA ubicado en Av. Juárez No. 15 en Villa Seca, "
    "Jalisco. Los ciudadanos el DR. PEDRO LUNA VERA, LIC. RAÚL PEÑA MORA, SINDICO ANA LETICIA "
    "SOTO RÍOS, ARQ. LUIS REY CANO, DR.\n\nJUAN GIL PAZ, PROF. EVA MAR TOLEDO, CONTADOR JOSÉ "
    "RUIZ LARA, PROF SARA VELA RÍOS. Previo citatorio que hizo el DR.\n\nPEDRO LUNA VERA con el "
    "carácter de Presidente del Consejo, con las formalidades de ley, se celebra la sesión.\n"
)


def test_a_day_written_veinte_cinco_is_the_twenty_fifth():
    assert parse_acta_text(BOARD_OPENING)["session"]["date"] == "2019-11-25"


def test_titled_members_in_capitals_with_an_office_as_title_and_a_capacity_after_the_name():
    people = _people(BOARD_OPENING)
    assert sorted(people, key=str) == sorted(
        [
            ("PEDRO LUNA VERA", "Presidente del Consejo"),
            ("RAÚL PEÑA MORA", None),
            ("ANA LETICIA SOTO RÍOS", "SINDICO"),
            ("LUIS REY CANO", None),
            ("JUAN GIL PAZ", None),
            ("EVA MAR TOLEDO", None),
            ("JOSÉ RUIZ LARA", None),
            ("SARA VELA RÍOS", None),
        ],
        key=str,
    )


def test_a_title_at_a_paragraph_s_end_continues_on_the_next_and_a_sentence_does_not():
    assert normalize_text("los C. DR.\n\nJUAN GIL PAZ, y la Lic.\nAna Ruiz") == (
        "los C. DR. JUAN GIL PAZ, y la Lic. Ana Ruiz"
    )
    assert normalize_text("Se aprobó el punto.\n\nJUAN GIL PAZ") == (
        "Se aprobó el punto.\n\nJUAN GIL PAZ"
    )


def test_a_capacity_after_a_comma_and_before_respectively_is_not_the_last_name_s():
    people = _people(
        "En la ciudad de Culiacán, siendo las 12:00 horas del día 6 de febrero de 2013, se "
        "reunieron los Comisionados Lic. Ana Ruiz Paz, Mtro. Juan Gil Mora, y Dr. Luis Rey "
        "Cano, en su carácter de Comisionado Presidente y Comisionados respectivamente, con el "
        "propósito de desarrollar sesión ordinaria de Pleno.\n"
    )
    assert ("Luis Rey Cano", "Comisionado Presidente") not in people
    assert "Luis Rey Cano" in [name for name, _ in people]
