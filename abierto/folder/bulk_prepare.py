"""Checking and hashing bulk rows in the sealing workers, off the job's critical path.

Before anything is written, every row of a bulk issuance is checked against its type's
schema, its CUTS (and those of related holders) turned into blind indexes (HMAC) and its
content hashed (HMAC of the canonical JSON): about a third of the job's CPU per document.
None of it needs the database, so the sealing workers do it for the next batch while the
job writes the current one (``services/bulk.py``).

A worker only answers for the rows it finds valid, with the exact values the job would
compute (the same functions, the HMAC subkeys derived by the job: ``keys.hmac_subkey``).
Any other row comes back as None and the job prepares it itself, so the errors, their
wording and their line numbers are the job's; if the workers fail, the job prepares the
whole batch. Nothing here imports Django settings or models: the workers have none.
"""

from __future__ import annotations

import hmac
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from abierto.lib.canonical_json import canonical_dumps
from abierto.lib.compiled_schema import Check, compile_schema
from abierto.lib.status_list import status_reference

CUTS_PATTERN = re.compile(r"^[A-Z0-9]{6,32}$")
MAX_REFERENCE = 100

# (cuts, fields, reference) in; (holder index, [(cuts index, relation)], digest) or None out.
Row = tuple[str, Any, Any]
Prepared = tuple[str, list[tuple[str, str]], str]
# Hex characters of the holder's pseudonym in a document's ``sub`` claim.
PSEUDONYM_LENGTH = 32

_checks: dict[str, Check | None] = {}


@dataclass(frozen=True)
class PrepareSpec:
    """What a worker needs of a document type and of the HMAC key to prepare its rows."""

    type_slug: str
    json_schema: dict[str, Any]
    related_holders: list[dict[str, str]]
    cuts_subkey: bytes  # keys.hmac_subkey("cuts-index")
    content_subkey: bytes  # keys.hmac_subkey("document-content")


@dataclass(frozen=True)
class ClaimsSpec:
    """What the claims of a batch's documents share, for workers that build them ahead of the
    batch's write (``services/bulk.py``): the issuer, the type, the time and the status list."""

    issuer_slug: str
    type_slug: str
    status_uri: str
    iat: int
    exp: int | None
    holder_ref_subkey: bytes  # keys.hmac_subkey("holder-ref")


def holder_pseudonym(subkey: bytes, holder_index: str, public_id: str) -> str:
    """The ``sub`` claim: a pseudonym per document, so that the holder's documents cannot be
    linked to each other by it, yet the platform can check it against a CUTS."""
    return _keyed(subkey, f"{holder_index}:{public_id}")[:PSEUDONYM_LENGTH]


def document_claims(
    spec: ClaimsSpec, *, holder_index: str, public_id: str, fields: Any, status_index: int
) -> dict[str, Any]:
    """A document's JWS payload: SD-JWT VC's claim names (see ``formats.DOCUMENT_TYP``)."""
    claims: dict[str, Any] = {
        "iss": spec.issuer_slug,
        "vct": spec.type_slug,
        "sub": holder_pseudonym(spec.holder_ref_subkey, holder_index, public_id),
        "jti": public_id,
        "iat": spec.iat,
        "fields": fields,
        "status": status_reference(idx=status_index, uri=spec.status_uri),
    }
    if spec.exp is not None:
        claims["exp"] = spec.exp
    return claims


def cuts_normalize(cuts: str) -> str:
    """Upper case without spaces or hyphens; ``ValueError`` if it cannot be a CUTS."""
    normalized = re.sub(r"[\s-]", "", str(cuts)).upper()
    if not CUTS_PATTERN.match(normalized):
        raise ValueError("not a CUTS")
    return normalized


def _check_for(schema: dict[str, Any]) -> Check | None:
    """The schema's compiled check, compiled once per worker and schema."""
    key = json.dumps(schema, sort_keys=True, default=str)
    if key not in _checks:
        _checks[key] = compile_schema(schema)
    return _checks[key]


def _keyed(subkey: bytes, value: str | bytes) -> str:
    data = value.encode("utf-8") if isinstance(value, str) else value
    return hmac.digest(subkey, data, "sha256").hex()


def prepare_rows(spec: PrepareSpec, rows: Sequence[Row]) -> list[Prepared | None]:
    """Each valid row's holder index, related holders and content digest; None otherwise."""
    check = _check_for(spec.json_schema)
    if check is None:  # a schema only jsonschema checks: the job does it
        return [None] * len(rows)
    return [_prepare(spec, check, *row) for row in rows]


def _prepare(spec: PrepareSpec, check: Check, cuts: str, fields: Any, reference: Any) -> Any:
    if not isinstance(fields, dict) or not check(fields):
        return None
    if not isinstance(reference, str) or not 0 < len(reference.strip()) <= MAX_REFERENCE:
        return None
    try:
        holder_index = _keyed(spec.cuts_subkey, cuts_normalize(cuts))
        related = []
        for entry in spec.related_holders:
            value = fields.get(entry["field"])
            if value in (None, ""):
                continue
            related.append(
                (_keyed(spec.cuts_subkey, cuts_normalize(str(value))), entry["relation"])
            )
        content = canonical_dumps(
            {"type": spec.type_slug, "holder": holder_index, "fields": fields}
        )
    except (TypeError, ValueError):
        return None
    return holder_index, related, _keyed(spec.content_subkey, content)
