"""Documents as SD-JWT VCs (draft-ietf-oauth-sd-jwt-vc over RFC 9901): build, present, verify.

A document's signed original (``carpeta+jwt``) shows every field to whoever holds it. Its
SD-JWT VC carries the same data, each field a selectively disclosable claim, so the holder
passes on only the claims a verifier needs (a name and ``mayor_de_18``, not the birth date).
It is built on request from the stored data and signed with the issuer's current key; its
``status`` points at the same entry of the issuer's status list as the original, so revoking
the document revokes every SD-JWT VC made from it.

- ``iss``: ``SITE_URL/carpeta/emisores/<issuer>``; its JWT VC Issuer Metadata (with the
  issuer's published keys) at ``SITE_URL/.well-known/jwt-vc-issuer/carpeta/emisores/<issuer>``.
- ``vct``: ``SITE_URL/carpeta/tipos/<type>``, which serves the type's metadata (names, claims).
- ``iat``: when this SD-JWT VC was signed (derived claims such as ``mayor_de_18`` hold then).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.lib import jws, sdjwt

from . import keys, selectors
from .display import display_value
from .formats import status_list_url
from .models import Document, DocumentType, Issuer, Share, VerificationStatus
from .services.errors import SigningKeyMissingError

BIRTH_DATE_FIELD = "fecha_nacimiento"
ADULT_CLAIM = "mayor_de_18"
ADULT_AGE = 18
# Official Spanish texts, like the schemas' titles (display.py), whatever the interface.
DERIVED_LABELS = {ADULT_CLAIM: "Mayor de 18 años"}
LOCALE = "es-MX"


@dataclass(frozen=True)
class Claim:
    name: str
    label: str


def issuer_identifier(issuer_slug: str) -> str:
    return settings.SITE_URL + reverse("folder_public:sdjwt_issuer", args=[issuer_slug])


def issuer_metadata_url(issuer_slug: str) -> str:
    return settings.SITE_URL + reverse("folder_public:sdjwt_issuer_metadata", args=[issuer_slug])


def vct_url(type_slug: str) -> str:
    return settings.SITE_URL + reverse("folder_public:sdjwt_type", args=[type_slug])


def _properties(document_type: DocumentType) -> dict[str, Any]:
    properties: dict[str, Any] = document_type.json_schema.get("properties", {})
    return properties


def disclosable_claims(document_type: DocumentType) -> list[Claim]:
    """What the holder of a document of this type can choose to disclose, in schema order."""
    properties = _properties(document_type)
    claims = [Claim(name, str(spec.get("title", name))) for name, spec in properties.items()]
    if BIRTH_DATE_FIELD in properties:
        claims.append(Claim(ADULT_CLAIM, DERIVED_LABELS[ADULT_CLAIM]))
    return claims


def age_on(birth: datetime.date, day: datetime.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def derived_claims(fields: dict[str, Any], today: datetime.date) -> dict[str, Any]:
    """Claims computed from the certified fields when the SD-JWT VC is signed."""
    value = fields.get(BIRTH_DATE_FIELD)
    try:
        birth = datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        birth = None
    return {ADULT_CLAIM: age_on(birth, today) >= ADULT_AGE} if birth else {}


def display_claims(document_type: DocumentType, claims: dict[str, Any]) -> list[tuple[str, str]]:
    """``(label, value)`` of disclosed claims as people read them, in schema order."""
    labels = {claim.name: claim.label for claim in disclosable_claims(document_type)}
    properties = _properties(document_type)
    ordered = [name for name in labels if name in claims]
    ordered += sorted(name for name in claims if name not in labels)
    return [
        (labels.get(name, name), display_value(claims[name], properties.get(name, {})))
        for name in ordered
    ]


def type_metadata(document_type: DocumentType) -> dict[str, Any]:
    """SD-JWT VC Type Metadata: what the ``vct`` URL answers."""
    display = {"locale": LOCALE, "name": document_type.name}
    if document_type.description:
        display["description"] = document_type.description
    return {
        "vct": vct_url(document_type.slug),
        "name": document_type.name,
        "display": [display],
        "claims": [
            {
                "path": [claim.name],
                "display": [{"locale": LOCALE, "label": claim.label}],
                "sd": "always",
            }
            for claim in disclosable_claims(document_type)
        ],
    }


def issuer_metadata(issuer: Issuer) -> dict[str, Any]:
    """JWT VC Issuer Metadata: the issuer's identifier and its published keys."""
    published = issuer.keys.filter(retired_at__isnull=True).order_by("kid")
    return {
        "issuer": issuer_identifier(issuer.slug),
        "jwks": {"keys": [key.jwk for key in published]},
    }


def document_credential(
    document: Document, *, now: datetime.datetime | None = None
) -> sdjwt.Issued:
    """The document as an SD-JWT VC with every claim disclosable, signed now."""
    key = document.issuer.current_key()
    if key is None or not keys.private_key_available(key.kid):
        raise SigningKeyMissingError(
            _("%(issuer)s no tiene una clave de firma disponible.") % {"issuer": document.issuer}
        )
    moment = (now or timezone.now()).replace(microsecond=0)
    fields = selectors.document_fields(document)
    disclosable = {**fields, **derived_claims(fields, timezone.localdate(moment))}
    claims: dict[str, Any] = {
        "iss": issuer_identifier(document.issuer.slug),
        "vct": vct_url(document.document_type.slug),
        "iat": int(moment.timestamp()),
        "status": {
            "status_list": {
                "idx": document.status_index,
                "uri": status_list_url(document.issuer.slug),
            }
        },
    }
    if document.expires_at is not None:
        claims["exp"] = int(document.expires_at.timestamp())
    # As many digests whatever optional fields are empty: a missing father's CUTS, say,
    # must not show in the count of digests every presentation carries.
    decoys = len(disclosable_claims(document.document_type)) - len(disclosable)
    return sdjwt.issue(
        claims, disclosable, keys.private_key(key.kid), key.kid, decoys=max(decoys, 0)
    )


def disclosure_summary(share: Share) -> list[str]:
    """«Type: label, label» for each document a share reveals in part (for its holder's list);
    reads the share's documents as prefetched."""
    summary = []
    for document in share.documents.all():
        names = share.disclosures.get(document.public_id)
        if names:
            labels = {
                claim.name: claim.label for claim in disclosable_claims(document.document_type)
            }
            chosen = ", ".join(labels.get(name, name) for name in names)
            summary.append(f"{document.document_type.name}: {chosen}")
    return summary


@dataclass(frozen=True)
class SharedCredential:
    """What a share shows of a document revealed in part: the presentation and its claims."""

    presentation: str
    claims: list[tuple[str, str]]


def shared_credential(document: Document, names: list[str]) -> SharedCredential:
    """An SD-JWT VC presentation of ``document`` with the disclosures of ``names`` only (a
    name the document lacks, an optional field left empty, is skipped).

    When the issuer has no usable key any more, the chosen claims without a presentation:
    the recipient still sees no more than the holder chose."""
    try:
        issued = document_credential(document)
    except SigningKeyMissingError:
        fields = selectors.document_fields(document)
        available = {**fields, **derived_claims(fields, timezone.localdate())}
        values = {name: available[name] for name in names if name in available}
        return SharedCredential("", display_claims(document.document_type, values))
    present = [name for name in names if name in issued.disclosures]
    values = {name: sdjwt.decode_disclosure(issued.disclosures[name])[2] for name in present}
    return SharedCredential(
        presentation=issued.present(present),
        claims=display_claims(document.document_type, values),
    )


# Verifying a presentation ---------------------------------------------------------------------


@dataclass(frozen=True)
class PresentationResult:
    """What a verifier is told about a presentation; only disclosed claims, never the rest."""

    valid: bool
    status: str
    reason: str = ""
    issuer: str = ""
    issuer_name: str = ""
    vct: str = ""
    document_type: str = ""
    issued_at: datetime.datetime | None = None
    expires_at: datetime.datetime | None = None
    claims: dict[str, Any] = field(default_factory=dict)
    document: Document | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "status": self.status,
            "reason": self.reason,
            "issuer": self.issuer,
            "issuer_name": self.issuer_name,
            "vct": self.vct,
            "document_type": self.document_type,
            "issued_at": self.issued_at.isoformat() if self.issued_at else None,
            "expires_at": self.expires_at.isoformat() if self.expires_at else None,
            "claims": self.claims,
        }


def _invalid(reason: str) -> PresentationResult:
    return PresentationResult(valid=False, status=VerificationStatus.INVALID.value, reason=reason)


def _timestamp(value: Any) -> datetime.datetime | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    try:
        return datetime.datetime.fromtimestamp(value, tz=datetime.UTC)
    except (OverflowError, OSError, ValueError):
        return None


def verify_presentation(
    presentation: str, *, now: datetime.datetime | None = None
) -> PresentationResult:
    """Check an SD-JWT VC presentation: the signature by a published key of the issuer named
    by ``iss``, every disclosure against its digest, the type, expiry and the status list
    entry. Any malformed or forged input is ``valid=False, status="invalid"``."""
    found: dict[str, Any] = {}

    def resolve(kid: str) -> Any:
        key = selectors.published_key(kid)
        if key is None:
            return None
        found["key"] = key
        return keys.public_key_from_x(key["x"])

    try:
        verified = sdjwt.verify(presentation, resolve)
    except jws.InvalidToken as exc:
        return _invalid(exc.reason)
    except ValueError:  # a stored key that does not parse
        return _invalid("unusable_key")
    key, claims = found["key"], verified.claims
    if claims.get("iss") != issuer_identifier(key["issuer__slug"]):
        return _invalid("issuer_mismatch")
    reference = claims.get("status", {})
    entry = reference.get("status_list") if isinstance(reference, dict) else None
    if not isinstance(entry, dict) or entry.get("uri") != status_list_url(key["issuer__slug"]):
        return _invalid("malformed_status")
    index = entry.get("idx")
    if isinstance(index, bool) or not isinstance(index, int) or index < 0:
        return _invalid("malformed_status")
    document = (
        Document.objects.select_related("document_type", "issuer__institution")
        .filter(issuer_id=key["issuer_id"], status_index=index)
        .first()
    )
    if document is None:
        return _invalid("unknown_document")
    if claims.get("vct") != vct_url(document.document_type.slug):
        return _invalid("type_mismatch")
    moment = now or timezone.now()
    expires_at = _timestamp(claims.get("exp")) if "exp" in claims else None
    if "exp" in claims and expires_at is None:
        return _invalid("malformed_payload")
    status = document.verification_status(moment)
    if status == VerificationStatus.VALID and expires_at is not None and expires_at <= moment:
        status = VerificationStatus.EXPIRED
    return PresentationResult(
        valid=status == VerificationStatus.VALID,
        status=status.value,
        issuer=claims["iss"],
        issuer_name=str(document.issuer),
        vct=claims["vct"],
        document_type=document.document_type.name,
        issued_at=_timestamp(claims.get("iat")),
        expires_at=expires_at,
        claims=verified.disclosed,
        document=document,
    )
