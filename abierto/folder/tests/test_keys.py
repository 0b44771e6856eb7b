"""Keys come from files or the environment, are cached, and are never in the database."""

import base64
import stat

import pytest
from django.core.exceptions import ImproperlyConfigured

from abierto.folder import keys, selectors, services
from abierto.folder.models import IssuerKey
from abierto.lib import jws

from .factories import IssuerFactory, issue


@pytest.mark.django_db
def test_keygen_writes_a_private_file_and_registers_only_the_public_half(settings):
    issuer = IssuerFactory(with_key=False)
    key = services.issuer_key_generate(actor=None, issuer=issuer)
    path = settings.FOLDER_KEYS_DIR / f"{key.kid}.pem"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    assert set(key.jwk) == {"kty", "crv", "x", "kid", "alg", "use"}
    field_names = {field.name for field in IssuerKey._meta.get_fields()}
    assert not {"d", "private_key", "pem"} & field_names


@pytest.mark.django_db
def test_a_private_key_can_come_from_the_environment(settings, tmp_path, monkeypatch, birth_type):
    issuer = birth_type.issuers.get()
    kid = issuer.current_key().kid
    pem = (settings.FOLDER_KEYS_DIR / f"{kid}.pem").read_bytes()
    settings.FOLDER_KEYS_DIR = tmp_path  # no file there
    monkeypatch.setenv(keys.env_name(kid), base64.b64encode(pem).decode())
    document = issue(issuer, birth_type)
    assert selectors.verify_token(selectors.document_token(document)).valid


def test_env_names_are_upper_case_with_underscores():
    assert keys.env_name("registro-civil-20261125-a4b2c3") == (
        "FOLDER_KEY_REGISTRO_CIVIL_20261125_A4B2C3"
    )


def test_a_missing_key_is_a_configuration_error(settings, tmp_path):
    settings.FOLDER_KEYS_DIR = tmp_path
    with pytest.raises(keys.SigningKeyUnavailableError):
        keys.private_key("no-existe-1")
    (tmp_path / "rota.pem").write_text("no es una clave")
    with pytest.raises(keys.SigningKeyUnavailableError):
        keys.private_key("rota")


def test_without_debug_missing_secrets_are_refused(settings, tmp_path):
    settings.DEBUG = False
    settings.FOLDER_KEYS_DIR = tmp_path
    settings.FOLDER_MASTER_KEYS = ""
    with pytest.raises(ImproperlyConfigured):
        keys.master_key_ring()
    settings.FOLDER_HMAC_KEY = ""
    with pytest.raises(ImproperlyConfigured):
        keys.cuts_index("ABC123456")
    assert not list(tmp_path.iterdir())


def test_with_debug_missing_secrets_are_generated_once_under_the_keys_dir(settings, tmp_path):
    settings.DEBUG = True
    settings.FOLDER_KEYS_DIR = tmp_path
    settings.FOLDER_MASTER_KEYS = ""
    settings.FOLDER_HMAC_KEY = ""
    ring = keys.master_key_ring()
    index = keys.cuts_index("ABC123456")
    keys.clear_caches()
    assert keys.master_key_ring().keys == ring.keys
    assert keys.cuts_index("abc-123456") == index
    for path in tmp_path.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_blind_index_depends_on_the_secret(settings):
    settings.FOLDER_HMAC_KEY = base64.b64encode(b"a" * 32).decode()
    first = keys.cuts_index("ABC123456")
    settings.FOLDER_HMAC_KEY = base64.b64encode(b"b" * 32).decode()
    assert keys.cuts_index("ABC123456") != first
    assert len(first) == 64


def test_private_keys_accept_raw_base64():
    key = jws.generate_private_key()
    from cryptography.hazmat.primitives import serialization

    raw = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    restored = jws.private_key_from_text(base64.b64encode(raw).decode())
    assert jws.public_key_x(restored.public_key()) == jws.public_key_x(key.public_key())
