"""SD-JWT (RFC 9901, Selective Disclosure for JWTs) with EdDSA: issue, present, verify.

An SD-JWT is an issuer-signed JWT whose payload holds, instead of some claims, the digests of
their *disclosures* (``_sd``, with ``_sd_alg: sha-256``); each disclosure is
``base64url(JSON [salt, name, value])``. The holder passes on the JWT with only the
disclosures they choose, joined by ``~``: ``<jwt>~<disclosure>~<disclosure>~``. A verifier
checks the signature, hashes each disclosure it got and finds the digest in ``_sd``; the
claims it did not get stay hidden behind salted digests.

Deliberately narrow, like ``jws``: only top-level claims are disclosable (no nested ``_sd``,
no array elements), ``sha-256`` only, and no Key Binding JWT: a presentation that carries one
is refused, because the credentials issued here bind no holder key (no ``cnf``). Every
failure is a ``jws.InvalidToken`` with a short ``reason``.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .jws import (
    InvalidToken,
    KeyResolver,
    b64url_decode,
    b64url_encode,
    decode_header,
    sign_compact,
    verify_compact,
)

# The media type of SD-JWT VC since draft-ietf-oauth-sd-jwt-vc-06; verifiers are asked to
# accept the former "vc+sd-jwt" during the transition.
TYP = "dc+sd-jwt"
ACCEPTED_TYPS = frozenset({TYP, "vc+sd-jwt"})
HASH_ALG = "sha-256"
SEPARATOR = "~"
MAX_PRESENTATION_LENGTH = 65_536
MAX_DISCLOSURES = 200
# Never hidden behind a digest: SD-JWT's own members, and what SD-JWT VC says a verifier must
# always see (draft-ietf-oauth-sd-jwt-vc, "Registered JWT Claims").
NEVER_DISCLOSABLE = frozenset(
    {"_sd", "_sd_alg", "...", "iss", "nbf", "exp", "cnf", "vct", "vct#integrity", "status"}
)

SaltSource = Callable[[], str]


def new_salt() -> str:
    """128 random bits, base64url: what makes a hidden claim's digest unguessable."""
    return b64url_encode(secrets.token_bytes(16))


def encode_disclosure(salt: str, name: str, value: Any) -> str:
    """``base64url(JSON [salt, name, value])``; the JSON's exact bytes are what is hashed."""
    text = json.dumps([salt, name, value], ensure_ascii=False, separators=(",", ":"))
    return b64url_encode(text.encode("utf-8"))


def disclosure_digest(disclosure: str) -> str:
    """The digest that stands for a disclosure in ``_sd``: SHA-256 of its ASCII, base64url."""
    return b64url_encode(hashlib.sha256(disclosure.encode("ascii")).digest())


def decode_disclosure(disclosure: str) -> tuple[str, str, Any]:
    """``(salt, name, value)`` of an object-property disclosure; ``InvalidToken`` otherwise."""
    try:
        decoded = json.loads(b64url_decode(disclosure).decode("utf-8"))
    except (ValueError, RecursionError):
        raise InvalidToken("malformed_disclosure") from None
    if not (isinstance(decoded, list) and len(decoded) == 3):
        raise InvalidToken("malformed_disclosure", "not [salt, name, value]")
    salt, name, value = decoded
    if not isinstance(salt, str) or not isinstance(name, str):
        raise InvalidToken("malformed_disclosure", "salt and name are strings")
    if name in ("_sd", "..."):
        raise InvalidToken("malformed_disclosure", "reserved name")
    return salt, name, value


@dataclass(frozen=True)
class Issued:
    """An issued SD-JWT: the signed JWT and one disclosure per hidden claim, by claim name."""

    jwt: str
    disclosures: dict[str, str] = field(default_factory=dict)

    def present(self, names: Iterable[str] | None = None) -> str:
        """The SD-JWT with the disclosures of ``names`` only (all of them with ``None``)."""
        chosen = self.disclosures if names is None else set(names)
        unknown = set(chosen) - set(self.disclosures)
        if unknown:
            raise ValueError(f"No disclosure for {sorted(unknown)}.")
        return compose(
            self.jwt, [self.disclosures[name] for name in self.disclosures if name in chosen]
        )


def compose(jwt: str, disclosures: Iterable[str]) -> str:
    """``<jwt>~<disclosure>~…~``: the compact serialization without a Key Binding JWT."""
    return SEPARATOR.join([jwt, *disclosures, ""])


def issue(
    claims: dict[str, Any],
    disclosable: dict[str, Any],
    private_key: Ed25519PrivateKey,
    kid: str,
    *,
    typ: str = TYP,
    salt: SaltSource = new_salt,
    decoys: int = 0,
) -> Issued:
    """Sign ``claims`` in clear plus a digest for each of ``disclosable``.

    The digests are sorted, so their order says nothing about the claims' order; ``decoys``
    random digests more (RFC 9901, "Decoy Digests") hide how many claims there are.
    """
    overlap = set(claims) & set(disclosable)
    if overlap:
        raise ValueError(f"Claims both in clear and disclosable: {sorted(overlap)}.")
    reserved = set(disclosable) & NEVER_DISCLOSABLE
    if reserved or set(claims) & {"_sd", "_sd_alg"}:
        raise ValueError(f"Claims that cannot be disclosable: {sorted(reserved)}.")
    disclosures = {
        name: encode_disclosure(salt(), name, value) for name, value in disclosable.items()
    }
    payload = dict(claims)
    digests = [disclosure_digest(d) for d in disclosures.values()]
    digests += [disclosure_digest(new_salt()) for _ in range(max(0, decoys))]
    payload["_sd"] = sorted(digests)
    payload["_sd_alg"] = HASH_ALG
    return Issued(sign_compact(payload, private_key, kid, typ=typ), disclosures)


def split(presentation: str) -> tuple[str, list[str], str]:
    """``(jwt, disclosures, key binding JWT or "")`` of a compact SD-JWT."""
    if not isinstance(presentation, str):
        raise InvalidToken("malformed", "an SD-JWT is a string")
    presentation = presentation.strip()
    if len(presentation) > MAX_PRESENTATION_LENGTH:
        raise InvalidToken("too_long")
    parts = presentation.split(SEPARATOR)
    if len(parts) < 2:
        raise InvalidToken("malformed", "an SD-JWT ends with ~")
    jwt, disclosures, key_binding = parts[0], parts[1:-1], parts[-1]
    if len(disclosures) > MAX_DISCLOSURES:
        raise InvalidToken("too_many_disclosures")
    if not all(disclosures):
        raise InvalidToken("malformed", "empty disclosure")
    return jwt, disclosures, key_binding


@dataclass(frozen=True)
class Verified:
    """A verified presentation: the header, the claims in clear, and what was disclosed."""

    header: dict[str, Any]
    claims: dict[str, Any]
    disclosed: dict[str, Any]

    @property
    def all_claims(self) -> dict[str, Any]:
        return {**self.claims, **self.disclosed}


def verify(
    presentation: str,
    resolve_key: KeyResolver,
    *,
    typs: frozenset[str] = ACCEPTED_TYPS,
) -> Verified:
    """Check the issuer's signature and every disclosure against the signed digests."""
    jwt, disclosures, key_binding = split(presentation)
    if key_binding:
        raise InvalidToken("key_binding_unsupported")
    header = decode_header(jwt)
    if header.get("typ") not in typs:
        raise InvalidToken("wrong_typ", repr(header.get("typ"))[:40])
    payload = verify_compact(jwt, resolve_key)
    if payload.get("_sd_alg", HASH_ALG) != HASH_ALG:
        raise InvalidToken("unsupported_sd_alg")
    digests = payload.get("_sd", [])
    if not isinstance(digests, list) or not all(isinstance(d, str) for d in digests):
        raise InvalidToken("malformed_payload", "_sd")
    if len(set(digests)) != len(digests):
        raise InvalidToken("malformed_payload", "duplicate digest")
    claims = {name: value for name, value in payload.items() if name not in ("_sd", "_sd_alg")}
    signed = set(digests)
    seen: set[str] = set()
    disclosed: dict[str, Any] = {}
    for disclosure in disclosures:
        digest = disclosure_digest(disclosure)
        if digest not in signed:
            raise InvalidToken("unreferenced_disclosure")
        if digest in seen:
            raise InvalidToken("duplicate_disclosure")
        seen.add(digest)
        _salt, name, value = decode_disclosure(disclosure)
        if name in NEVER_DISCLOSABLE:
            raise InvalidToken("reserved_claim", name)
        if name in claims or name in disclosed:
            raise InvalidToken("duplicate_claim", name[:40])
        disclosed[name] = value
    return Verified(header=header, claims=claims, disclosed=disclosed)
