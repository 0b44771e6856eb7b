"""The public reads: verifying a document's token, the published keys and the status lists.

They need the signed token itself or return only public keys and bits: nothing here lists or
finds documents by id for the public. Verification is the busiest public URL: what it reads
of keys, types and issuers is cached briefly (``KEY_CACHE_SECONDS``), and the document is read
with one indexed query in plain SQL.
"""

from __future__ import annotations

import datetime
import hashlib
import time
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import router, transaction
from django.db.models import signals
from django.db.models.base import ModelState
from django.utils import timezone

from abierto.lib import jws
from abierto.lib.status_list import INVALID, TOKEN_TYPE, StatusList, status_list_payload

from .. import keys
from ..display import Field, display_fields, public_fields
from ..formats import (
    DOCUMENT_TYP,
    status_list_url,
)
from ..models import (
    Document,
    DocumentType,
    Issuer,
    IssuerKey,
    VerificationStatus,
)
from .verification_query import VERIFY_FIELDS, fetch_verify_row

# A status list is never smaller than this many entries, so its length does not tell how
# many documents an issuer has issued.
MIN_STATUS_LIST_SIZE = 2**14

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
    it cost more than the signature check, on the busiest public URL; and the instance made
    as ``Model.from_db`` would, without its per-field ``__init__`` when no one listens to
    its signals."""
    alias = router.db_for_read(Document)
    # Whether the document's key is retired is read here, never cached (KEY_CACHE_SECONDS).
    row = fetch_verify_row(alias, [public_id, issuer_id])
    if row is None:
        return None
    if row[-1] is not None:
        raise _RetiredKeyError
    values = dict(zip(VERIFY_FIELDS, row[:-1], strict=True))
    expires_at = values["expires_at"]
    if isinstance(expires_at, str):
        expires_at = datetime.datetime.fromisoformat(expires_at)
    if expires_at is not None and timezone.is_naive(expires_at):
        expires_at = expires_at.replace(tzinfo=datetime.UTC)  # SQLite keeps UTC without offset
    values.update(expires_at=expires_at, public_id=public_id, issuer_id=issuer_id)
    document = _instance(alias, values)
    document_type = _cached_row(DocumentType, values["document_type_id"])
    issuer = _cached_row(Issuer, issuer_id)
    # What the related descriptors' __set__ would store, checks included (same pk).
    document._state.fields_cache["document_type"] = document_type
    document._state.fields_cache["issuer"] = issuer
    return document


def _instance(alias: str, values: dict[str, Any]) -> Document:
    """A Document from the database with these attnames set and the rest deferred, as
    ``Document.from_db`` makes it (a field is deferred when its attname is not in the
    instance's ``__dict__``, which is how Django tells)."""
    if signals.pre_init.has_listeners(Document) or signals.post_init.has_listeners(Document):
        names = [f.attname for f in Document._meta.concrete_fields if f.attname in values]
        return Document.from_db(alias, names, [values[name] for name in names])
    document = Document.__new__(Document)
    document._state = ModelState()
    document._state.adding = False
    document._state.db = alias
    document.__dict__.update(values)
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
        # Public: other people's CUTS only masked (anyone who read them could try, and
        # slow down, logins to those people's folders).
        fields=public_fields(document.document_type, payload["fields"]),
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
