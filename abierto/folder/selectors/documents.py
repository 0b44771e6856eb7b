"""The citizen's reads: issuers by token, citizens, their documents and shares, ARCO requests.

A citizen reaches a document only through ``documents_for_citizen`` and
``document_for_citizen`` (as its holder or as a related person: a parent, a spouse); anyone
else's document is ``Document.DoesNotExist``, the same answer as for an id that does not exist.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from abierto.directory.roles import Role
from abierto.directory.selectors import user_has_role
from abierto.lib import jws

from .. import keys
from ..formats import (
    secret_hash,
    server_verification_url_for_token,
    verification_url_for_token,
)
from ..models import (
    ArcoRequest,
    Carnet,
    Citizen,
    Document,
    DocumentHolder,
    DocumentType,
    Issuer,
    Share,
)

# Issuers ---------------------------------------------------------------------------------------


def issuer_for_token(raw_token: str) -> Issuer | None:
    """The active issuer whose API token this is (hashes compared in constant time)."""
    slug, sep, _secret = str(raw_token).partition(".")
    if not sep or not slug:
        return None
    issuer = Issuer.objects.select_related("institution").filter(slug=slug, active=True).first()
    expected = issuer.token_hash if issuer is not None and issuer.token_hash else "0" * 64
    matches = hmac.compare_digest(expected, secret_hash(str(raw_token)))
    return issuer if issuer is not None and issuer.token_hash and matches else None


def document_types_for_issuer(issuer: Issuer) -> QuerySet[DocumentType]:
    return issuer.document_types.filter(active=True).order_by("name")


def document_for_issuer(issuer: Issuer, public_id: str) -> Document:
    """One of the issuer's own documents; another issuer's is ``Document.DoesNotExist``."""
    return Document.objects.select_related("document_type", "issuer__institution").get(
        issuer=issuer, public_id=public_id
    )


# Citizens and their documents ------------------------------------------------------------------


def citizen_for_cuts(cuts: str) -> Citizen | None:
    try:
        index = keys.cuts_index(cuts)
    except ValueError:
        return None
    return Citizen.objects.filter(cuts_index=index).first()


def citizen_for_user(user: Any) -> Citizen | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Citizen.objects.filter(user=user).first()


def carnet_for_token(raw_token: str) -> Carnet:
    """The active carnet whose QR carries this token; otherwise ``Carnet.DoesNotExist``."""
    serial, sep, secret = str(raw_token).partition(".")
    carnet = (
        Carnet.objects.select_related("citizen")
        .filter(serial=serial, status=Carnet.Status.ACTIVE)
        .first()
    )
    if (
        not sep
        or carnet is None
        or not hmac.compare_digest(carnet.secret_hash, secret_hash(secret))
    ):
        raise Carnet.DoesNotExist
    return carnet


def carnet_qr_content(raw_token: str) -> str:
    """What the carnet's QR encodes: the folder's carnet login URL with the token.

    The token travels in the fragment, which browsers never send to the server nor put in
    logs; the login page reads it and posts it with the PIN.
    """
    return f"{settings.SITE_URL}/carpeta/carnet/#{raw_token}"


def documents_for_citizen(citizen: Citizen) -> QuerySet[Document]:
    """The citizen's documents: those they hold and those naming them (a child's birth
    certificate for a parent, a marriage certificate for each spouse)."""
    return (
        Document.objects.filter(holders__cuts_index=citizen.cuts_index)
        .select_related("document_type", "issuer__institution", "issuer_key")
        .distinct()
        .order_by("-issued_at", "-pk")
    )


def document_for_citizen(citizen: Citizen, public_id: str) -> Document:
    """One document of the citizen, else ``Document.DoesNotExist`` (also for others')."""
    return documents_for_citizen(citizen).get(public_id=public_id)


def document_relations(citizen: Citizen, document: Document) -> list[str]:
    """How the citizen appears in the document: ``["titular"]``, ``["madre"]``…"""
    return list(
        document.holders.filter(cuts_index=citizen.cuts_index).values_list("relation", flat=True)
    )


def relations_by_document(citizen: Citizen, documents: Iterable[Document]) -> dict[int, list[str]]:
    """How the citizen appears in each document, by document pk, in one query."""
    found: dict[int, list[str]] = {}
    rows = DocumentHolder.objects.filter(
        cuts_index=citizen.cuts_index, document__in=[document.pk for document in documents]
    ).values_list("document_id", "relation")
    for document_id, relation in rows.order_by("document_id", "relation"):
        found.setdefault(document_id, []).append(relation)
    return found


def share_documents(share: Share) -> QuerySet[Document]:
    """The documents a share shows (call ``share_open`` first: it checks and counts)."""
    return share.documents.select_related("document_type", "issuer__institution").order_by(
        "-issued_at"
    )


def shares_for_citizen(citizen: Citizen) -> QuerySet[Share]:
    return citizen.shares.prefetch_related("documents__document_type").order_by("-created_at")


def share_for_citizen(citizen: Citizen, public_id: str) -> Share:
    return citizen.shares.get(public_id=public_id)


def document_token(document: Document) -> str:
    """The compact JWS the issuer signed, decrypted."""
    plaintext = keys.master_key_ring().decrypt(
        bytes(document.ciphertext), bytes(document.wrapped_dek), document.master_kid, document.aad
    )
    return plaintext.decode("ascii")


def document_payload(document: Document) -> dict[str, Any]:
    """The signed claims (iss, vct, sub, jti, iat, exp, fields, status)."""
    payload_segment = document_token(document).split(".")[1]
    payload: dict[str, Any] = json.loads(jws.b64url_decode(payload_segment))
    return payload


def document_fields(document: Document) -> dict[str, Any]:
    """The document's data as the issuer certified them."""
    fields: dict[str, Any] = document_payload(document)["fields"]
    return fields


def verification_url(document: Document) -> str:
    return verification_url_for_token(document_token(document))


def server_verification_url(document: Document) -> str:
    return server_verification_url_for_token(document_token(document))


def qr_payload(document: Document) -> str:
    """What the document's QR encodes: its verification URL, which carries the whole signed
    token, so that a verifier with the published keys can check it offline."""
    return verification_url(document)


# Citizen pages: shares by token, ARCO requests (the access log: access_log.py) ---------------


def share_for_token(raw_token: str) -> Share:
    """The share of a link token, without opening nor counting it; else ``Share.DoesNotExist``.

    Lets the recipient's page answer 404 or 410 before the recipient chooses to open it.
    """
    return Share.objects.get(token_hash=secret_hash(str(raw_token)))


def arco_requests_for_citizen(citizen: Citizen) -> QuerySet[ArcoRequest]:
    return citizen.arco_requests.select_related(
        "document__document_type", "document__issuer__institution"
    ).order_by("-created_at")


def arco_requests_for_staff(user: Any) -> QuerySet[ArcoRequest]:
    """The requests about documents of the user's institution, for its agency staff only."""
    if not user_has_role(user, Role.AGENCY_CLERK):
        raise PermissionDenied
    person = getattr(user, "person", None)
    institution_id = getattr(person, "institution_id", None)
    if institution_id is None:
        return ArcoRequest.objects.none()
    return ArcoRequest.objects.filter(
        document__issuer__institution_id=institution_id
    ).select_related("document__document_type", "document__issuer__institution", "resolved_by")
