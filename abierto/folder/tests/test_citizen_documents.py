"""The citizen's documents: list, view, PDF rendition, signed original; others' are refused."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from pypdf import PdfReader

from abierto.folder import selectors
from abierto.folder.models import AccessEvent
from abierto.lib import jws

from .citizen_helpers import active_citizen, folder_login
from .factories import issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def mother_client(client, issuer, birth_type):
    active = active_citizen("MADRE00001")
    return folder_login(client, active.citizen), active.citizen


def test_the_list_shows_own_and_childrens_documents_labelled(mother_client, issuer, birth_type):
    client, _mother = mother_client
    own = issue(issuer, birth_type, cuts="MADRE00001")
    child = issue(issuer, birth_type, cuts="HIJA000001", nombre="Sofía", cuts_madre="MADRE00001")
    issue(issuer, birth_type, cuts="OTRA000001", nombre="Nadie")
    html = client.get("/carpeta/documentos/").content.decode()
    assert "A mi nombre" in html
    assert "De mis hijas e hijos" in html
    assert f"/carpeta/documentos/{own.public_id}/" in html
    assert f"/carpeta/documentos/{child.public_id}/" in html
    assert "Usted aparece como: Madre" in html
    assert html.count('class="doc-card"') == 2


def test_a_document_page_shows_fields_issuer_status_and_qr(mother_client, issuer, birth_type):
    client, _mother = mother_client
    document = issue(issuer, birth_type, cuts="MADRE00001", folio=1234)
    response = client.get(f"/carpeta/documentos/{document.public_id}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "María Hernández López" in html
    assert "14 de marzo de 1988" in html  # the date field, in words
    assert "Fecha de nacimiento" in html  # the label is the schema's title
    assert str(issuer.institution.name) in html
    assert "Vigente" in html
    assert 'src="data:image/svg+xml' in html
    assert selectors.verification_url(document).replace("&", "&amp;") in html
    assert "no-store" in response["Cache-Control"]
    event = AccessEvent.objects.get(action=AccessEvent.Action.VIEW, document=document)
    assert event.actor_label == "La persona titular"


def test_a_parent_viewing_a_childs_certificate_is_logged_as_the_parent(
    mother_client, issuer, birth_type
):
    client, mother = mother_client
    child = issue(issuer, birth_type, cuts="HIJA000002", cuts_madre="MADRE00001")
    assert client.get(f"/carpeta/documentos/{child.public_id}/").status_code == 200
    event = AccessEvent.objects.get(action=AccessEvent.Action.VIEW, document=child)
    assert event.actor_label == "Madre, desde su Carpeta"
    # The mother's own action, in her log; the child's log has it through the document.
    assert event.holder_index == mother.cuts_index


@pytest.mark.parametrize("suffix", ["", "pdf", "original.jws"])
def test_another_citizens_document_is_not_found(mother_client, issuer, birth_type, suffix):
    client, _mother = mother_client
    theirs = issue(issuer, birth_type, cuts="OTRA000002")
    response = client.get(f"/carpeta/documentos/{theirs.public_id}/{suffix}")
    assert response.status_code == 404
    assert not AccessEvent.objects.filter(document=theirs).exclude(action="issue").exists()
    assert client.get(f"/carpeta/documentos/no-existe/{suffix}").status_code == 404


def test_the_pdf_rendition_is_tagged_and_carries_the_verification(
    mother_client, issuer, birth_type
):
    client, _mother = mother_client
    document = issue(issuer, birth_type, cuts="MADRE00001")
    response = client.get(f"/carpeta/documentos/{document.public_id}/pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"{birth_type.slug}-{document.public_id}.pdf" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "María Hernández López" in text
    assert "Fecha de nacimiento" in text
    assert issuer.institution.name in text
    assert "Verificación" in text
    assert "/v/" in text.replace("\n", "")
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "es-MX"
    assert reader.metadata.title.startswith(birth_type.name)
    assert "/XObject" in reader.pages[0]["/Resources"]  # the QR, drawn as vector graphics
    event = AccessEvent.objects.get(action=AccessEvent.Action.DOWNLOAD, document=document)
    assert event.actor_label == "La persona titular (PDF)"


def test_the_signed_original_downloads_as_jose_and_verifies(mother_client, issuer, birth_type):
    client, _mother = mother_client
    document = issue(issuer, birth_type, cuts="MADRE00001")
    response = client.get(f"/carpeta/documentos/{document.public_id}/original.jws")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/jose"
    token = response.content.decode("ascii")
    assert token == selectors.document_token(document)
    assert jws.decode_header(token)["alg"] == "EdDSA"
    assert selectors.verify_token(token).valid
    assert AccessEvent.objects.filter(
        action=AccessEvent.Action.DOWNLOAD, document=document
    ).exists()


def test_a_revoked_document_says_so(mother_client, issuer, birth_type):
    from abierto.folder import services

    client, _mother = mother_client
    document = issue(issuer, birth_type, cuts="MADRE00001")
    services.document_revoke(document=document, reason="Error de captura", actor_label="Emisor")
    html = client.get(f"/carpeta/documentos/{document.public_id}/").content.decode()
    assert "revocó este documento" in html
    assert "Error de captura" in html


def test_citizen_pages_send_outsiders_to_the_folder_login():
    client = Client()
    for path in ["/carpeta/documentos/", "/carpeta/compartir/", "/carpeta/accesos/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/carpeta/entrar/?next=")


def test_the_landing_page_offers_the_three_ways_in(client):
    html = client.get("/carpeta/").content.decode()
    for text in ["Entrar con CUTS", "Entrar con mi carnet", "Activar mi Carpeta"]:
        assert text in html


def test_the_nav_names_the_folder_for_visitors_and_citizens(client, mother_client):
    anonymous = Client().get("/").content.decode()
    assert 'href="/carpeta/">Carpeta Ciudadana<' in anonymous
    logged, _mother = mother_client
    html = logged.get("/").content.decode()
    assert ">Mi Carpeta<" in html


@pytest.mark.slow
def test_the_printed_qr_reads_back_as_the_verification_url(mother_client, issuer, birth_type):
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    import zxingcpp
    from PIL import Image

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("poppler-utils (pdftoppm) is not installed")
    client, _mother = mother_client
    document = issue(issuer, birth_type, cuts="MADRE00001")
    pdf = client.get(f"/carpeta/documentos/{document.public_id}/pdf").content
    with tempfile.TemporaryDirectory() as directory:
        source = Path(directory) / "doc.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            [pdftoppm, "-r", "200", "-png", "-f", "1", "-l", "1", str(source), f"{directory}/p"],
            check=True,
            timeout=60,
        )
        page = Image.open(next(Path(directory).glob("p*.png")))
        texts = [result.text for result in zxingcpp.read_barcodes(page)]
    assert texts == [selectors.qr_payload(document)]


def test_the_access_log_lists_every_access_and_flags_tampering(mother_client, issuer, birth_type):
    from django.db import connection

    client, _mother = mother_client
    document = issue(issuer, birth_type, cuts="MADRE00001")
    client.get(f"/carpeta/documentos/{document.public_id}/")
    client.get(f"/carpeta/documentos/{document.public_id}/original.jws")
    Client().get(selectors.server_verification_url(document))
    html = client.get("/carpeta/accesos/").content.decode()
    for action in ["Consulta", "Descarga", "Verificación", "Emisión"]:
        assert action in html
    assert "Bitácora íntegra" in html
    assert "Verificación pública con el código QR" in html
    event = AccessEvent.objects.filter(action=AccessEvent.Action.VIEW).get()
    with connection.cursor() as cursor:  # behind the application's back
        cursor.execute(
            "UPDATE folder_accessevent SET actor_label = %s WHERE id = %s",
            ["Nadie", event.pk],
        )
    html = client.get("/carpeta/accesos/").content.decode()
    assert "registros alterados o faltantes" in html
