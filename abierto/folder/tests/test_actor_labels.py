"""Who acted, in the access log: stored in Spanish (it is hashed), shown in the reader's
language."""

import pytest
from django.utils import translation

from abierto.folder import actor_labels
from abierto.folder.actor_labels import shown, stored

from .factories import issue


def test_every_label_is_stored_in_spanish_whatever_the_language():
    with translation.override("en"):
        assert stored(actor_labels.SHARE, recipient="Banco") == "Enlace compartido: Banco"
        issuer = stored(actor_labels.ISSUER, issuer="Registro Civil (RC)")
        assert actor_labels.channel(issuer, "API") == "Emisor: Registro Civil (RC) (API)"


@pytest.mark.parametrize(
    ("label", "english"),
    [
        ("La persona titular", "The holder"),
        ("La persona titular, con su carnet y PIN", "The holder, with their carnet and PIN"),
        ("Verificación pública con el código QR", "Public verification with the QR code"),
        ("Enlace compartido: Banco del Ahorro", "Shared link: Banco del Ahorro"),
        ("Emisor: Registro Civil (RC)", "Issuer: Registro Civil (RC)"),
        ("Emisor: Registro Civil (RC) (API)", "Issuer: Registro Civil (RC) (API)"),
        ("La persona titular (PDF)", "The holder (PDF)"),
        ("Madre, desde su Carpeta (PDF)", "Mother, from their folder (PDF)"),
        (
            "Emisor: Registro Civil (RC) (emisión masiva actas (2).csv)",
            "Issuer: Registro Civil (RC) (bulk issuance actas (2).csv)",
        ),
        ("Algo que nadie escribió así", "Algo que nadie escribió así"),
    ],
)
def test_a_stored_label_is_shown_in_english(label, english):
    with translation.override("en"):
        assert shown(label) == english
    with translation.override("es-mx"):
        assert shown(label) == label


@pytest.mark.django_db
def test_the_access_log_page_shows_who_in_english(client, issuer, birth_type):
    from .citizen_helpers import active_citizen, folder_login

    active = active_citizen("MADRE00001")
    document = issue(issuer, birth_type, cuts="MADRE00001")
    folder_login(client, active.citizen)
    client.get(f"/carpeta/documentos/{document.public_id}/", HTTP_ACCEPT_LANGUAGE="en")
    page = client.get("/carpeta/accesos/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The holder" in page
    assert "La persona titular" not in page
