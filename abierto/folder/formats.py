"""What the folder's signed artefacts look like and where they point: shared by the services
that make them and the selectors that read them."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.urls import reverse

from abierto.lib import jws

# The JOSE "typ" of a document: a JWT whose claims follow SD-JWT VC's names (iss, vct, sub,
# jti, iat, exp, status) without selective disclosure (see docs/dpia-carpeta.md).
DOCUMENT_TYP = "carpeta+jwt"


def _document_id(raw: bytes) -> str:
    # An id that begins with "-" reads as an option on a command line (revoke_document -x…):
    # the first byte's top six bits would encode "-" (62); clearing the top bit gives "e"/"f".
    if raw[0] >> 2 == 62:
        raw = bytes([raw[0] & 0x7F]) + raw[1:]
    return jws.b64url_encode(raw)


def new_document_id() -> str:
    """128 random bits (127 when the first would be "-"), base64url: the jti, and the only id
    a document shows."""
    return _document_id(secrets.token_bytes(16))


def new_document_ids(count: int) -> list[str]:
    """``count`` ids like ``new_document_id``, from one read of the system's randomness."""
    pool = secrets.token_bytes(16 * count)
    return [_document_id(pool[start : start + 16]) for start in range(0, 16 * count, 16)]


def document_aad(public_id: str) -> bytes:
    """What a document's ciphertext is bound to: its public id."""
    return b"folder.document:" + public_id.encode("ascii")


def secret_hash(secret: str) -> str:
    """SHA-256 of a random high-entropy secret (tokens, QR secrets): fast and sufficient."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def status_list_url(issuer_slug: str) -> str:
    return settings.SITE_URL + reverse("folder_public:status_list", args=[issuer_slug])


def verification_url_for_token(token: str) -> str:
    """The QR's address: the verification page with the token after "#", which browsers
    never send, so the document is checked in the verifier's browser and reaches no server
    (``/v/<token>``, the older form, still verifies on the server)."""
    return settings.SITE_URL + reverse("folder_public:verify_page") + "#" + token


def server_verification_url_for_token(token: str) -> str:
    """The older form, verified on the server (and logged for the holder)."""
    return settings.SITE_URL + reverse("folder_public:verify", args=[token])
