"""Fixtures of the folder: an issuer with its key and token, a type it issues, citizens."""

from __future__ import annotations

import pytest

from abierto.folder import services

from .factories import DocumentTypeFactory, IssuerFactory


@pytest.fixture(autouse=True)
def verify_spool(settings, tmp_path):
    """Each test's verifications in a spool of its own (a file left by another test would
    name documents of that test's database)."""
    settings.FOLDER_VERIFY_SPOOL_DIR = tmp_path / "verify-spool"
    return settings.FOLDER_VERIFY_SPOOL_DIR


@pytest.fixture
def issuer(db):
    return IssuerFactory()


@pytest.fixture
def other_issuer(db):
    return IssuerFactory()


@pytest.fixture
def birth_type(issuer):
    return DocumentTypeFactory(issuers=[issuer])


@pytest.fixture
def issuer_token(issuer):
    return services.issuer_token_create(actor=None, issuer=issuer)


@pytest.fixture
def mother(db):
    return services.citizen_register(cuts="MADRE00001")[0]


@pytest.fixture
def stranger(db):
    return services.citizen_register(cuts="OTRA000001")[0]
