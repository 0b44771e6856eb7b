"""``manage.py parse_acta``: JSON on stdout, exit status 2 and a Spanish message for bad files.

No test here is marked for database access, so pytest-django fails any of them that
touches the database: the command must only read the file.
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from bench.acta_score import CORPUS

REPO = Path(__file__).resolve().parents[3]
STL = CORPUS / "stl-edomex-15-ordinaria-2022.docx"


def _run(path) -> dict:
    out = io.StringIO()
    call_command("parse_acta", str(path), stdout=out)
    return json.loads(out.getvalue())


def test_prints_one_json_object_with_the_whole_schema():
    result = _run(STL)
    assert result["body"] == "Secretariado Técnico Local de Gobierno Abierto del Estado de México"
    assert result["session"]["number"] == 15
    assert len(result["agreements"]) == 5


def test_accents_are_printed_as_they_are():
    out = io.StringIO()
    call_command("parse_acta", str(STL), stdout=out)
    assert "Técnico" in out.getvalue()
    assert "\\u00e9" not in out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("vacia.txt", b"", "vacío"),
        ("binario.txt", bytes(range(256)) * 8, "binario"),
        ("hoja.odt", b"texto", "se aceptan archivos"),
    ],
)
def test_unreadable_files_fail_with_status_2_and_a_spanish_message(
    tmp_path, name, content, message
):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message) as raised:
        call_command("parse_acta", str(path))
    assert raised.value.returncode == 2


def test_an_encrypted_pdf_fails_with_status_2(tmp_path):
    from pypdf import PdfReader, PdfWriter

    source = CORPUS / "comite-transparencia-santa-lucia-03-extraordinaria-2023.pdf"
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="secreto")
    path = tmp_path / "cifrada.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(CommandError, match="contraseña") as raised:
        call_command("parse_acta", str(path))
    assert raised.value.returncode == 2


def test_a_file_over_the_limit_fails_with_status_2(tmp_path):
    path = tmp_path / "enorme.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(CommandError, match="límite") as raised:
        call_command("parse_acta", str(path))
    assert raised.value.returncode == 2


def test_the_limit_can_be_lowered(tmp_path):
    with pytest.raises(CommandError, match="límite"):
        call_command("parse_acta", str(STL), "--max-mb", "0.01")


@pytest.mark.slow
def test_the_command_line_exits_with_status_2_and_writes_to_stderr(tmp_path):
    path = tmp_path / "vacia.txt"
    path.write_bytes(b"")
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "abierto.test_settings"}
    completed = subprocess.run(
        [sys.executable, "manage.py", "parse_acta", str(path)],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert "está vacío" in completed.stderr


@pytest.mark.slow
def test_the_command_line_prints_json(tmp_path):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "abierto.test_settings"}
    completed = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "parse_acta",
            str(CORPUS / "texcoco-cabildo-36-ordinaria-2019.txt"),
        ],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert json.loads(completed.stdout)["session"]["date"] == "2019-10-02"
