"""Fuzz target: the tokens the Carpeta Ciudadana verifies.

Three verifiers, each with a documented way to refuse:

- a document's compact JWS: ``abierto.lib.jws.verify_compact`` raises ``InvalidToken`` and
  nothing else ("never another exception"); ``decode_header`` likewise; and
  ``abierto.folder.selectors.verify_token`` (the public ``/v/<token>`` page) never raises and
  answers ``valid=False``;
- the carnet jurídico's QR (``<serial>.<secret>``): ``abierto.folder.auth.login_with_carnet``
  raises ``LoginError`` and nothing else;
- a share link's token: ``abierto.folder.services.share_open`` raises a ``FolderError``.

No forged or changed token may be accepted. Each input is tried as a token against a known
world: one signing key (the JWS layer alone), and, once Django is set up, one issuer with one
document, one citizen with an active and a replaced carnet, and one share link. Only the genuine
tokens may pass, character for character.

Run for long with atheris (``pip install -e '.[fuzz]'``); the world lives in a throwaway
SQLite database::

    .venv/bin/python fuzz/fuzz_tokens.py fuzz/corpus/tokens -atheris_runs=100000

CI runs the same checks through hypothesis in ``fuzz/test_fuzz_tokens.py``.
"""

from __future__ import annotations

import datetime
import os
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

KID = "fuzz-key-1"
OTHER_KID = "fuzz-key-2"
DOCUMENT_TYP = "carpeta+jwt"
PIN = "482915"


@cache
def signing_keys() -> dict[str, Any]:
    """Two fixed, public Ed25519 keys (seeds 0..31 and 32..63, like the RFC test vectors),
    so that the seed tokens in the corpus stay valid. Never a key of any deployment: the
    platform only trusts keys it generated and published itself."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return {
        KID: Ed25519PrivateKey.from_private_bytes(bytes(range(32))),
        OTHER_KID: Ed25519PrivateKey.from_private_bytes(bytes(range(32, 64))),
    }


def _resolve(kid: str) -> Any:
    key = signing_keys().get(kid)
    return key.public_key() if key is not None else None


def seed_tokens() -> list[str]:
    """Genuine tokens of the fixed keys and the classic attacks on them."""
    from abierto.lib import jws

    keys = signing_keys()
    payload = {
        "iss": "registro-civil",
        "vct": "acta-nacimiento",
        "jti": "AAAAAAAAAAAAAAAAAAAAAA",
        "iat": 1700000000,
        "fields": {"nombre": "María Hernández López", "fecha_nacimiento": "1988-03-14"},
        "status": {"status_list": {"idx": 7, "uri": "https://example.org/estado/registro"}},
    }
    genuine = jws.sign_compact(payload, keys[KID], KID, typ=DOCUMENT_TYP)
    header, body, signature = genuine.split(".")

    def segment(value: dict[str, Any]) -> str:
        from abierto.lib.canonical_json import canonical_dumps

        return jws.b64url_encode(canonical_dumps(value))

    return [
        genuine,
        jws.sign_compact({"sub": "x", "n": [1, 2.5, None, True]}, keys[OTHER_KID], OTHER_KID),
        ".".join([segment({"alg": "none", "kid": KID, "typ": DOCUMENT_TYP}), body, ""]),
        ".".join([segment({"alg": "HS256", "kid": KID, "typ": DOCUMENT_TYP}), body, signature]),
        ".".join(
            [segment({"alg": "EdDSA", "kid": KID, "crit": ["b64"], "b64": False}), body, signature]
        ),
        ".".join([header, segment({**payload, "iss": "otro"}), signature]),
        ".".join([header, body, signature[:-2] + "AA"]),
        genuine + "=",
        "CJ0123456789.c2VjcmV0by1kZS1wcnVlYmEtMTIzNDU2Nzg",
        "http://testserver/carpeta/carnet/#CJ0123456789.c2VjcmV0by1kZS1wcnVlYmE",
        "Xk3v0jWq2l8Zt9bYp6uQ1rS5aE7cD4fG_hIjKlMnOpQ",
    ]


def check_jws(token: str) -> None:
    """The JWS layer: refused with ``InvalidToken``, or exactly a token our key signed."""
    from abierto.lib import jws

    try:
        header = jws.decode_header(token)
    except jws.InvalidToken:
        header = None
    for typ in (None, DOCUMENT_TYP):
        try:
            payload = jws.verify_compact(token, _resolve, typ=typ)
        except jws.InvalidToken as exc:
            assert exc.reason
            continue
        # Accepted: it must be the one spelling of what the key signed (no malleability).
        assert header is not None
        assert isinstance(header.get("typ"), str)
        key = signing_keys()[header["kid"]]
        assert jws.sign_compact(payload, key, header["kid"], typ=header["typ"]) == token


@dataclass
class World:
    """Genuine tokens of each kind, kept in a database the checks then query."""

    document_token: str
    carnet_token: str
    replaced_carnet_token: str
    share_token: str

    def genuine(self) -> tuple[str, ...]:
        return (
            self.document_token,
            self.carnet_token,
            self.replaced_carnet_token,
            self.share_token,
        )


def build_world() -> World:
    """One issuer, document, citizen with two carnets (one replaced) and a share link."""
    from django.utils import timezone

    from abierto.folder import selectors, services
    from abierto.folder.tests.citizen_helpers import active_citizen
    from abierto.folder.tests.factories import DocumentTypeFactory, IssuerFactory, issue

    issuer = IssuerFactory()
    kind = DocumentTypeFactory(issuers=[issuer])
    holder = active_citizen("FUZZ000001")
    document = issue(issuer, kind, cuts=holder.citizen.cuts)
    _old, replaced = services.carnet_issue(actor=None, citizen=holder.citizen)
    _carnet, current = services.carnet_issue(actor=None, citizen=holder.citizen)
    _share, share_token = services.share_create(
        citizen=holder.citizen,
        documents=[document],
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    return World(selectors.document_token(document), current, replaced, share_token)


def check_folder(token: str, world: World) -> None:
    """The folder's verifiers, on a token that came from anywhere (a URL, a QR, a form)."""
    from django.test import RequestFactory

    from abierto.folder import auth, selectors, services
    from abierto.folder.services.errors import FolderError

    result = selectors.verify_token(token)
    assert result.valid == (token == world.document_token), (result.status, result.reason)
    if not result.valid:
        assert result.status == "invalid" or token == world.document_token

    request = RequestFactory().post("/carpeta/carnet/", REMOTE_ADDR="203.0.113.9")
    try:
        auth.login_with_carnet(request, qr_text=token, pin=PIN)
    except auth.LoginError as exc:
        assert str(exc)
    else:
        assert auth.carnet_token_from_text(token) == world.carnet_token, token

    try:
        share = services.share_open(token)
    except FolderError as exc:
        assert exc.messages
    else:
        assert token == world.share_token
        assert share.revoked_at is None


def mutate(genuine: str, data: bytes) -> str:
    """A genuine token with edits read from ``data``: pairs of (where, what), up to eight.

    ``what`` below 0x80 replaces the character (with one of the token alphabet or a
    separator); above, it inserts or deletes there. The fuzzer thus tampers with real tokens,
    which it could never produce from nothing.
    """
    token = list(genuine)
    for index in range(0, min(len(data), 16) - 1, 2):
        if not token:
            break
        where, what = data[index] % len(token), data[index + 1]
        if what < 0x80:
            token[where] = _ALPHABET[what % len(_ALPHABET)]
        elif what < 0xC0:
            token.insert(where, _ALPHABET[what % len(_ALPHABET)])
        else:
            del token[where]
    return "".join(token)


_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/# %\n\u00e9"


def token_from_bytes(data: bytes) -> str:
    """What a URL or a form gives Django for these bytes: UTF-8, errors replaced."""
    return data.decode("utf-8", errors="replace")


def setup_django(database: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abierto.test_settings")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("MEDIA_ROOT", str(database.parent / "media"))
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.AXES_FAILURE_LIMIT = 10**9  # lockouts would stop the fuzzer from going deeper
    call_command("migrate", verbosity=0, interactive=False)


def write_seeds(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number, token in enumerate(seed_tokens()):
        (folder / f"seed-{number:02d}").write_text(token, encoding="utf-8")


def main() -> None:
    if sys.argv[1:2] == ["--write-seeds"]:
        write_seeds(Path(sys.argv[2]))
        return
    import atheris

    # FUZZ_LAYER=jws fuzzes the JWS code alone: thousands of inputs a second instead of tens.
    folder = os.environ.get("FUZZ_LAYER", "all") != "jws"
    scratch = Path(tempfile.mkdtemp(prefix="fuzz-tokens-"))
    # Django first (the folder's modules need its app registry), instrumented as it imports.
    with atheris.instrument_imports(include=["abierto"]):
        if folder:
            setup_django(scratch / "fuzz.sqlite3")
            import abierto.folder.auth
            import abierto.folder.selectors
        import abierto.lib.jws  # noqa: F401
    world = build_world() if folder else None
    runs = 0

    def one_input(data: bytes) -> None:
        nonlocal runs
        check_jws(data.decode("utf-8", errors="surrogateescape"))
        if world is None:
            return
        check_folder(token_from_bytes(data), world)
        for genuine in world.genuine():
            check_folder(mutate(genuine, data), world)
        runs += 1
        if runs % 1000 == 0:  # every refusal logs a failure; counting them would slow down
            from axes.models import AccessFailureLog

            AccessFailureLog.objects.all().delete()

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
