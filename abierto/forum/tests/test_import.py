"""Existing actas: read, reviewed beside the source, saved once."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from abierto.forum import services
from abierto.forum.models import ActaImport, AgreementStatus, Session

from .factories import ForumFactory, SeatFactory

ROOT = Path(__file__).resolve().parents[3]

ACTA = """ACTA DE LA TERCERA SESIÓN ORDINARIA DEL COMITÉ DE TRANSPARENCIA DEL MUNICIPIO DE PRUEBA

En la ciudad de Toluca, Estado de México, siendo las diez horas con quince minutos del día
veinte de marzo de dos mil veintitrés, en la Sala de Cabildo, se reunieron las personas
integrantes del Comité de Transparencia: Lic. Ana María López Ruiz, Presidenta del Comité;
Mtro. Carlos Pérez Soto, Titular de la Unidad de Transparencia; C. Laura Gómez Díaz,
Secretaria Técnica.

ORDEN DEL DÍA
I. Lista de asistencia y declaratoria de quórum.
II. Aprobación del orden del día.
III. Análisis de la solicitud de información 00123/2023.
IV. Asuntos generales.

ACUERDOS
CT/03/01/2023. Se aprueba por unanimidad el orden del día.
CT/03/02/2023. Se confirma la clasificación de la información solicitada y se instruye a la
Unidad de Transparencia notificar al solicitante en un plazo de cinco días.

No habiendo más asuntos que tratar, se clausura la sesión siendo las once horas con treinta
minutos del mismo día.
"""


ACTA_BYTES = ACTA.encode()


def upload(client, name="acta.txt", content=ACTA_BYTES):
    return client.post(
        reverse("forum_manage:acta_upload"), {"file": SimpleUploadedFile(name, content)}
    )


@pytest.mark.django_db
def test_an_acta_is_read_reviewed_and_saved_once(client_as, facilitator):
    ForumFactory()
    client = client_as(facilitator)
    response = upload(client)
    acta_import = ActaImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("forum_manage:acta_review", args=[acta_import.pk])
    review = client.get(response["Location"])
    assert "Análisis de la solicitud de información 00123/2023" in review.text
    assert "Texto original" in review.text
    form = review.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["follow_up_codes"] = "CT/03/02/2023"
    saved = client.post(response["Location"], data)
    assert saved.status_code == 302
    session = Session.objects.get()
    assert (session.number, session.date.isoformat()) == (3, "2023-03-20")
    assert session.status == Session.Status.HELD
    assert session.agenda.count() == 4
    follow_up = session.agreements.get(code="CT/03/02/2023")
    assert follow_up.status == AgreementStatus.PENDING
    assert session.agreements.get(code="CT/03/01/2023").status == AgreementStatus.DONE
    # The same file again creates nothing new.
    again = upload(client)
    assert again.status_code == 302
    assert ActaImport.objects.count() == 1
    assert Session.objects.count() == 1


@pytest.mark.django_db
def test_attendees_who_hold_seats_are_matched_to_their_seat(facilitator):
    forum = ForumFactory()
    seat = SeatFactory(forum=forum, holder__name="Carlos Pérez Soto")
    acta_import, _created = services.acta_read(
        actor=facilitator, forum=forum, filename="acta.txt", content=ACTA.encode()
    )
    reviewed = {
        **acta_import.parsed,
        "attendees": [
            {"name": "Carlos Perez Soto", "role": "Titular de la Unidad de Transparencia"},
            {"name": "Laura Gómez Díaz", "role": "Secretaria Técnica"},
        ],
    }
    session = services.acta_import_commit(
        actor=facilitator, acta_import=acta_import, reviewed=reviewed
    )
    holder = session.attendance.get(seat=seat)
    assert holder.capacity == "holder"
    assert session.attendance.get(name="Laura Gómez Díaz").capacity == "guest"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("acta.txt", b"", "vac"),
        ("acta.pdf", b"\x00\x01\x02binario" * 50, "PDF"),
        ("acta.exe", b"MZ\x90\x00", "Formato no admitido"),
        ("acta.docx", b"no es un zip", "Word"),
    ],
)
def test_unreadable_files_are_refused_and_nothing_is_stored(
    client_as, facilitator, name, content, message
):
    ForumFactory()
    response = upload(client_as(facilitator), name, content)
    assert response.status_code == 400
    assert message.lower() in response.text.lower()
    assert not ActaImport.objects.exists()


@pytest.mark.django_db
def test_a_duplicate_session_number_is_refused_at_review(facilitator):
    forum = ForumFactory()
    Session.objects.create(forum=forum, number=3, date="2023-01-01")
    acta_import, _created = services.acta_read(
        actor=facilitator, forum=forum, filename="acta.txt", content=ACTA.encode()
    )
    with pytest.raises(services.ForumError, match="Ya existe la sesión ordinaria número 3"):
        services.acta_import_commit(
            actor=facilitator, acta_import=acta_import, reviewed=acta_import.parsed
        )
    acta_import.refresh_from_db()
    assert acta_import.status == ActaImport.Status.PENDING


@pytest.mark.django_db
def test_the_command_reads_once_and_prints_json(tmp_path, capsys):
    ForumFactory()
    path = tmp_path / "acta.txt"
    path.write_text(ACTA, encoding="utf-8")
    call_command("import_acta", str(path), "--forum", "stl")
    first = json.loads(capsys.readouterr().out)
    call_command("import_acta", str(path), "--forum", "STL")
    second = json.loads(capsys.readouterr().out)
    assert first["created"] is True
    assert second["created"] is False
    assert first["import"] == second["import"]
    assert "/gestion/actas/importar/" in first["review_url"]


def test_the_command_exits_2_on_a_missing_file(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "import_acta", str(tmp_path / "no.txt"), "--forum", "STL"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"},
        timeout=60,
    )
    assert result.returncode == 2


@pytest.mark.django_db
def test_a_historical_acta_is_reviewed_in_the_form_and_published_with_its_original(
    client_as, facilitator, client
):
    import hashlib
    import io

    from abierto.directory import demo as directory_demo
    from abierto.forum import demo
    from abierto.forum.models import Attendance, Forum, Minutes

    directory_demo.load(stdout=io.StringIO(), with_logins=False)
    demo._seats(Forum.objects.create(acronym="STL", name=demo.FORUM_NAME))
    facilitator_client = client_as(facilitator)
    original = demo.ACTA_15.read_bytes()
    response = upload(facilitator_client, name="acta-15.txt", content=original)
    review = facilitator_client.get(response["Location"])
    form = review.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    # The parser's reading: each item's narrative, the convocation, the calendar.
    assert "113,000 trámites y servicios jurídicos" in data["narrative_5"]
    assert data["convocation_reference"] == "STL/016/2022"
    assert "STL/XV/2/2022 | ordinaria 14" in data["approves_minutes"]
    # The facilitator says who sat for which seat, and that the original was approved.
    data["attendees"] = (
        "Carlos de la Peña Jiménez O´Farril | Representante Titular de la Sociedad Civil\n"  # noqa: RUF001
        "José Martínez Vilchis | Comisionado Presidente del Infoem\n"
        "Marco Antonio Becerril Garcés | Jefe de Unidad | Entes Públicos | en representación\n"
        "José Edgar Marín Pérez | Titular de la Unidad de Transparencia | Poder Judicial | "
        "en representación\n"
        "Iván Barrera Pineda | Subsecretario de Justicia | | invitado\n"
    )
    data["approved_original"] = "on"
    saved = facilitator_client.post(response["Location"], data)
    assert saved.status_code == 302
    session = Session.objects.get(number=15)
    capacities = dict(session.attendance.values_list("name", "capacity"))
    assert capacities == {
        "Carlos de la Peña Jiménez O´Farril": "holder",  # noqa: RUF001
        "José Martínez Vilchis": "holder",
        "Marco Antonio Becerril Garcés": "delegate",
        "José Edgar Marín Pérez": "delegate",
        "Iván Barrera Pineda": Attendance.Capacity.GUEST,
    }
    assert session.convocation.reference == "STL/016/2022"
    assert session.agenda.get(number=5).narrative.startswith("Para el desahogo del quinto punto")
    minutes = session.minutes
    assert minutes.status == Minutes.Status.PUBLISHED
    assert minutes.original_sha256 == hashlib.sha256(original).hexdigest()
    # Anyone downloads it, without logging in.
    anonymous = client.get(reverse("forum:minutes_original", args=[session.public_id]))
    assert anonymous.status_code == 200
    assert anonymous.content == original


@pytest.mark.django_db
def test_review_lines_with_an_unknown_capacity_or_status_are_refused(client_as, facilitator):
    ForumFactory()
    client = client_as(facilitator)
    response = upload(client)
    form = client.get(response["Location"]).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["attendees"] = "Ana López | Presidenta | Comité | jefa"
    data["follow_ups"] = "CT/01/2023 | listo | algo"
    refused = client.post(response["Location"], data)
    assert refused.status_code == 400
    assert "la calidad es titular, suplente, en representación o invitado" in refused.text
    assert "el estado es pendiente, en proceso, cumplido o cancelado" in refused.text
    assert not Session.objects.exists()
