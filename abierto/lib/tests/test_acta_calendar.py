"""Scheduled sessions: calendar tables, calendars in prose, the next meeting's date."""

import pytest

from abierto.lib.acta import parse_acta_text

OPENING = "Siendo las 11:00 horas del día 16 de diciembre de 2022, se reunieron los integrantes.\n"


def _scheduled(text: str) -> list[tuple[str, str]]:
    return [(item["date"], item["title"]) for item in parse_acta_text(text)["scheduled_sessions"]]


def test_a_calendar_table():
    assert _scheduled(
        OPENING + "El Facilitador presentó el calendario de sesiones ordinarias para el año 2023:\n"
        "Sesión | Fecha | Hora\n"
        "Primera Sesión Ordinaria | 24 de febrero de 2023 | 11:00 hrs.\n"
        "Segunda Sesión Ordinaria | viernes 28 de abril de 2023 | 11:00 hrs.\n"
    ) == [("2023-02-24", "Primera Sesión Ordinaria"), ("2023-04-28", "Segunda Sesión Ordinaria")]


def test_a_calendar_table_without_years_takes_the_year_of_the_calendar():
    assert _scheduled(
        OPENING + "CALENDARIO DE SESIONES 2023\nSesión | Fecha\n1a. Ordinaria | 24 de febrero\n"
        "2a. Ordinaria | 28 de abril\n"
    ) == [("2023-02-24", "1a. Ordinaria"), ("2023-04-28", "2a. Ordinaria")]


def test_a_calendar_in_prose_shares_the_last_year():
    assert _scheduled(
        "Siendo las 17:30 horas del día 26 de agosto de 2021, se reunieron.\n"
        "La Presidenta propuso celebrar las siguientes sesiones ordinarias el jueves 28 de "
        "octubre y el "
        "jueves 9 de diciembre de 2021, ambas a las 17:30 horas.\n"
    ) == [("2021-10-28", "Sesión ordinaria"), ("2021-12-09", "Sesión ordinaria")]


def test_the_next_meeting_under_a_heading():
    assert _scheduled(
        "Fecha 1º de septiembre de 2020\nIV. DATOS DE LA SIGUIENTE REUNIÓN\nFecha 9 de "
        "septiembre de 2020\nHora 12:00"
    ) == [("2020-09-09", "Siguiente reunión")]


def test_dates_before_the_session_are_not_scheduled():
    assert (
        _scheduled(
            OPENING
            + "Se aprobó el calendario conforme a la Ley publicada el 10 de marzo de 2022.\n"
        )
        == []
    )


def test_a_calendar_mentioned_only_in_the_agenda_schedules_nothing():
    assert (
        _scheduled(
            OPENING + "ORDEN DEL DÍA\nI. Aprobación del calendario de sesiones 2023.\nII. Clausura."
        )
        == []
    )


def test_a_calendar_laid_out_as_a_tab_separated_table():
    scheduled = parse_acta_text(
        "Acta de la sesión del 10 de enero de 2023.\nSe aprueba el calendario de sesiones 2023:\n"
        "Sesión\tFecha\tHora\nPrimera Ordinaria\t15 de marzo\t10:00\n"
        "Segunda Ordinaria\t14 de junio\t10:00\n"
    )["scheduled_sessions"]
    assert scheduled == [
        {"date": "2023-03-15", "title": "Primera Ordinaria"},
        {"date": "2023-06-14", "title": "Segunda Ordinaria"},
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Se acuerda reunirse nuevamente el día 12 de abril de 2024 a las 10:00 horas.",
        "Se convoca a los integrantes a la Segunda Sesión Ordinaria, que tendrá verificativo el "
        "12 de abril de 2024.",
        "Quedando citados para el día 12 de abril de 2024 a las 10:00 horas.",
        "Se programó la segunda sesión ordinaria para el 12 de abril de 2024.",
        "Se levanta la sesión, convocando a la siguiente para el día 12 de abril de 2024.",
    ],
)
def test_the_next_meeting_fixed_without_saying_proxima_sesion(sentence):
    result = parse_acta_text(
        "En la ciudad de Toluca, siendo las 10:00 horas del día 5 de marzo de 2024, se reunieron "
        "los integrantes del Comité.\n" + sentence + "\n"
    )
    assert [item["date"] for item in result["scheduled_sessions"]] == ["2024-04-12"]
