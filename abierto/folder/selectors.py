"""Every read of the folder, each with its access rule.

A citizen reaches a document only through ``documents_for_citizen`` and
``document_for_citizen`` (as its holder or as a related person: a parent, a spouse); anyone
else's document is ``Document.DoesNotExist``, the same answer as for an id that does not exist.
The public reads (``verify_token``, ``jwks``, ``status_list_token``) need the signed token
itself or return only public keys and bits: nothing here lists or finds documents by id for
the public.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connections, router, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from abierto.directory.roles import Role
from abierto.directory.selectors import user_has_role
from abierto.lib import jws
from abierto.lib.status_list import INVALID, TOKEN_TYPE, StatusList, status_list_payload

from . import keys
from .display import Field, display_fields
from .formats import (
    DOCUMENT_TYP,
    secret_hash,
    server_verification_url_for_token,
    status_list_url,
    verification_url_for_token,
)
from .models import (
    AccessEvent,
    ArcoRequest,
    Carnet,
    Citizen,
    Document,
    DocumentHolder,
    DocumentType,
    Issuer,
    IssuerKey,
    Share,
    VerificationStatus,
)

# A status list is never smaller than this many entries, so its length does not tell how
# many documents an issuer has issued.
MIN_STATUS_LIST_SIZE = 2**14


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


# Verification -------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerificationResult:
    valid: bool
    status: str
    reason: str = ""
    document_id: str = ""
    document_type: str = ""
    document_type_slug: str = ""
    issuer: str = ""
    issuer_slug: str = ""
    issued_at: datetime.datetime | None = None
    expires_at: datetime.datetime | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    # Internal: the document, when the token is authentic (to log the verification). Never
    # serialised.
    document: Document | None = field(default=None, repr=False, compare=False)

    def as_json(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "status": self.status,
            "reason": self.reason or None,
            "document_id": self.document_id or None,
            "document_type": self.document_type_slug or None,
            "document_type_name": self.document_type or None,
            "issuer": self.issuer_slug or None,
            "issuer_name": self.issuer or None,
            "issued_at": self.issued_at.isoformat() if self.issued_at else None,
            "expires_at": self.expires_at.isoformat() if self.expires_at else None,
            "fields": self.fields,
        }

    @property
    def display_fields(self) -> list[Field]:
        """The certified fields as the folder and the PDF show them (dates in words, Sí/No)."""
        if self.document is None:
            return []
        return display_fields(self.document.document_type, self.fields)


def _invalid(reason: str) -> VerificationResult:
    return VerificationResult(valid=False, status=VerificationStatus.INVALID.value, reason=reason)


def _timestamp(value: Any) -> datetime.datetime | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    try:
        return datetime.datetime.fromtimestamp(value, tz=datetime.UTC)
    except (OverflowError, OSError, ValueError):
        return None


# How long a process trusts what it read about a key's material and issuer. Whether the key
# is retired is not cached: the document's query reads it, so a retired key stops verifying
# in every process at once.
KEY_CACHE_SECONDS = 10.0
_key_cache: dict[str, tuple[float, dict[str, Any] | None]] = {}


def published_key(kid: str) -> dict[str, Any] | None:
    """The published (not retired) key ``kid`` with its issuer's slug, or None; cached briefly.

    Every verification starts here, and keys change a few times a year."""
    now = time.monotonic()
    cached = _key_cache.get(kid)
    if cached is not None and cached[0] > now:
        return cached[1]
    # One indexed lookup, no ordering: verification is public and must stay cheap.
    rows = IssuerKey.objects.filter(kid=kid, retired_at__isnull=True).order_by()
    row = next(iter(rows.values("pk", "x", "issuer_id", "issuer__slug")[:1]), None)
    key = dict(row) if row is not None else None
    if len(_key_cache) > 1000:  # unknown kids from forged tokens must not grow it for ever
        _key_cache.clear()
    _key_cache[kid] = (now + KEY_CACHE_SECONDS, key)
    return key


def forget_published_keys(**kwargs: Any) -> None:
    """Drop what verification cached; again when the change commits, since a verification
    in another thread may have read (and cached) the old row in between."""
    _forget_now()
    transaction.on_commit(_forget_now, using=kwargs.get("using"))


def _forget_now() -> None:
    _key_cache.clear()
    _row_cache.clear()


_row_cache: dict[tuple[str, int], tuple[float, Any]] = {}
_VERIFY_COLUMNS = (
    "id",
    "document_type_id",
    "issuer_key_id",
    "holder_index",
    "status",
    "expires_at",
)


def _cached_row(model: type[DocumentType] | type[Issuer], pk: int) -> Any:
    """A document type or an issuer (with its institution), kept as briefly as the keys."""
    now = time.monotonic()
    cached = _row_cache.get((model.__name__, pk))
    if cached is not None and cached[0] > now:
        return cached[1]
    row: Issuer | DocumentType = (
        Issuer.objects.select_related("institution").get(pk=pk)
        if model is Issuer
        else DocumentType.objects.get(pk=pk)
    )
    if len(_row_cache) > 1000:
        _row_cache.clear()
    _row_cache[(model.__name__, pk)] = (now + KEY_CACHE_SECONDS, row)
    return row


class _RetiredKeyError(Exception):
    """The document's key was retired after this process cached it as published."""


def _document_to_verify(public_id: str, issuer_id: int) -> Document | None:
    """The document a token names, with only what verifying it needs loaded (any other field
    is deferred: reading it queries). One indexed query in plain SQL: the ORM's building of
    it cost more than the signature check, on the busiest public URL."""
    alias = router.db_for_read(Document)
    database = connections[alias]
    quote = database.ops.quote_name
    table, keys_table = quote(Document._meta.db_table), quote(IssuerKey._meta.db_table)
    with database.cursor() as cursor:
        # Whether the document's key is retired is read here, never cached (KEY_CACHE_SECONDS).
        cursor.execute(
            f"SELECT {', '.join('d.' + column for column in _VERIFY_COLUMNS)}, k.retired_at "  # noqa: S608
            f"FROM {table} d JOIN {keys_table} k ON k.id = d.issuer_key_id "
            "WHERE d.public_id = %s AND d.issuer_id = %s",
            [public_id, issuer_id],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    if row[-1] is not None:
        raise _RetiredKeyError
    values = dict(zip(_VERIFY_COLUMNS, row[:-1], strict=True))
    expires_at = values["expires_at"]
    if isinstance(expires_at, str):
        expires_at = datetime.datetime.fromisoformat(expires_at)
    if expires_at is not None and timezone.is_naive(expires_at):
        expires_at = expires_at.replace(tzinfo=datetime.UTC)  # SQLite keeps UTC without offset
    values.update(expires_at=expires_at, public_id=public_id, issuer_id=issuer_id)
    # from_db takes the values in the model's field order; the fields left out are deferred.
    names = [f.attname for f in Document._meta.concrete_fields if f.attname in values]
    document = Document.from_db(alias, names, [values[name] for name in names])
    document.document_type = _cached_row(DocumentType, values["document_type_id"])
    document.issuer = _cached_row(Issuer, issuer_id)
    return document


def verify_token(token: str, *, now: datetime.datetime | None = None) -> VerificationResult:
    """Check a document's token: signature by a published key of its issuer, then revocation
    and expiry. Any malformed or forged input is ``valid=False, status="invalid"``."""
    found: dict[str, Any] = {}

    def resolve(kid: str) -> Any:
        key = published_key(kid)
        if key is None:
            return None
        found["key"] = key
        return keys.public_key_from_x(key["x"])

    try:
        payload = jws.verify_compact(token, resolve, typ=DOCUMENT_TYP)
    except jws.InvalidToken as exc:
        return _invalid(exc.reason)
    except ValueError:  # a stored key that does not parse
        return _invalid("unusable_key")
    key = found["key"]
    jti = payload.get("jti")
    if payload.get("iss") != key["issuer__slug"]:
        return _invalid("issuer_mismatch")
    if not isinstance(jti, str) or not isinstance(payload.get("fields"), dict):
        return _invalid("malformed_payload")
    try:
        document = _document_to_verify(jti, key["issuer_id"])
    except _RetiredKeyError:
        return _invalid("unknown_kid")  # what an uncached lookup of the retired key says
    if document is None or document.issuer_key_id != key["pk"]:
        return _invalid("unknown_document")
    if payload.get("vct") != document.document_type.slug:
        return _invalid("type_mismatch")
    issued_at = _timestamp(payload.get("iat"))
    expires_at = _timestamp(payload.get("exp")) if "exp" in payload else None
    status = document.verification_status(now)
    if status == VerificationStatus.VALID and expires_at and expires_at <= (now or timezone.now()):
        status = VerificationStatus.EXPIRED
    return VerificationResult(
        valid=status == VerificationStatus.VALID,
        status=status.value,
        document_id=jti,
        document_type=document.document_type.name,
        document_type_slug=document.document_type.slug,
        issuer=str(document.issuer),
        issuer_slug=document.issuer.slug,
        issued_at=issued_at,
        expires_at=expires_at,
        fields=payload["fields"],
        document=document,
    )


# Published keys and status lists ------------------------------------------------------------


def jwks() -> dict[str, Any]:
    """Every published (not retired) public key of every issuer, as a JWK Set."""
    published = IssuerKey.objects.filter(retired_at__isnull=True).order_by("issuer__slug", "kid")
    return {"keys": [key.jwk for key in published]}


def status_list_token(issuer: Issuer) -> str:
    """The issuer's Status List Token (IETF draft), signed with its current key.

    Issued anew at each window of ``FOLDER_STATUS_LIST_TTL`` seconds (or at the list's last
    change, if later) and valid ``FOLDER_STATUS_LIST_VALIDITY`` seconds from then (``exp``):
    deterministic within a window (Ed25519 signatures are deterministic), so its hash is a
    stable ETag until the list changes or the window ends.
    """
    revoked = list(
        Document.objects.filter(issuer=issuer, status=Document.Status.REVOKED).values_list(
            "status_index", flat=True
        )
    )
    size = MIN_STATUS_LIST_SIZE
    while size < issuer.next_status_index:
        size *= 2
    status_list = StatusList(size)
    for index in revoked:
        status_list.set(index, INVALID)
    key = issuer.current_key()
    if key is None:
        raise IssuerKey.DoesNotExist
    ttl = settings.FOLDER_STATUS_LIST_TTL
    now = int(timezone.now().timestamp())
    issued_at = max(int(issuer.status_list_updated_at.timestamp()), now - now % max(ttl, 1))
    payload = status_list_payload(
        uri=status_list_url(issuer.slug),
        status_list=status_list,
        issued_at=issued_at,
        ttl=ttl,
        expires_at=issued_at + settings.FOLDER_STATUS_LIST_VALIDITY,
        iss=issuer.slug,
    )
    return jws.sign_compact(payload, keys.private_key(key.kid), key.kid, typ=TOKEN_TYPE)


def etag_for(content: str) -> str:
    return '"' + hashlib.sha256(content.encode("ascii")).hexdigest()[:32] + '"'


# The access log -------------------------------------------------------------------------------


def access_events_for(citizen: Citizen) -> QuerySet[AccessEvent]:
    """Every access to the citizen's data, newest first: to them as holder (also before they
    activated their folder) and to documents that name them."""
    return (
        AccessEvent.objects.filter(
            Q(holder_index=citizen.cuts_index) | Q(document__holders__cuts_index=citizen.cuts_index)
        )
        .select_related("document__document_type", "agency", "share")
        .distinct()
        .order_by("-seq")
    )


# Citizen pages: shares by token, the citizen's part of the chain, ARCO requests ---------------


def share_for_token(raw_token: str) -> Share:
    """The share of a link token, without opening nor counting it; else ``Share.DoesNotExist``.

    Lets the recipient's page answer 404 or 410 before the recipient chooses to open it.
    """
    return Share.objects.get(token_hash=secret_hash(str(raw_token)))


def access_log_intact_for(citizen: Citizen) -> bool:
    """Whether each of the citizen's access events still has its hash and still follows the
    event before it in the chain (checks only their rows, not the whole log)."""
    events = list(access_events_for(citizen).select_related("document", "share").order_by("seq"))
    if not events:
        return True
    previous = dict(
        AccessEvent.objects.filter(seq__in=[event.seq - 1 for event in events]).values_list(
            "seq", "hash"
        )
    )
    genesis = "0" * 64
    for event in events:
        expected_prev = genesis if event.seq == 1 else previous.get(event.seq - 1)
        recomputed = event.compute_hash(
            document_id=event.document.public_id if event.document else None,
            share_id=event.share.public_id if event.share else None,
        )
        if event.prev_hash != expected_prev or not hmac.compare_digest(recomputed, event.hash):
            return False
    return True


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
