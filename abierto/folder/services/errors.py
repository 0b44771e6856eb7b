"""The folder's refusals: each a ``FolderError`` whose message can be shown as it is."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError


class FolderError(ValidationError):
    """A refused folder operation; its message is in Spanish, for the person who asked."""


class UnknownDocumentTypeError(FolderError):
    """No active document type has that slug."""


class IssuerNotAllowedError(FolderError):
    """The issuer is inactive, or not authorised for the document type."""


class SigningKeyMissingError(FolderError):
    """The issuer has no usable signing key (none registered, or its private key is absent)."""


class InvalidDocumentDataError(FolderError):
    """The data do not match the type's JSON Schema, or a CUTS is malformed.

    ``errors`` lists ``{"path": "/campo", "message": "...", "item": n}`` (``item`` in batches).
    """

    def __init__(self, message: str, errors: list[dict[str, Any]]) -> None:
        super().__init__(message)
        self.errors = errors


class ReferenceConflictError(FolderError):
    """The issuer already used this reference for a document with different content."""


class AlreadyRevokedError(FolderError):
    """The document was revoked before."""


class ShareUnavailableError(FolderError):
    """A share link that does not open; the subclasses say why."""


class ShareNotFoundError(ShareUnavailableError):
    pass


class ShareExpiredError(ShareUnavailableError):
    pass


class ShareRevokedError(ShareUnavailableError):
    pass


class ShareExhaustedError(ShareUnavailableError):
    pass
