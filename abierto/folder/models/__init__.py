"""The Carpeta Ciudadana: issuers and their keys, document types, citizens and their carnets,
signed documents, shares, bulk issuances and the hash-chained access log."""

from .access import AccessChainHead, AccessEvent, AppendOnlyError, VerificationSpoolMark
from .citizens import Carnet, Citizen
from .documents import (
    BulkIssuance,
    Document,
    DocumentHolder,
    Share,
    VerificationStatus,
)
from .issuers import DocumentType, Issuer, IssuerKey, Relation
from .procedures import Procedure, ProcedureRequest
from .requests import ArcoRequest

__all__ = [
    "AccessChainHead",
    "AccessEvent",
    "AppendOnlyError",
    "ArcoRequest",
    "BulkIssuance",
    "Carnet",
    "Citizen",
    "Document",
    "DocumentHolder",
    "DocumentType",
    "Issuer",
    "IssuerKey",
    "Procedure",
    "ProcedureRequest",
    "Relation",
    "Share",
    "VerificationSpoolMark",
    "VerificationStatus",
]
