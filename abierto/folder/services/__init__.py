"""Every write of the folder: one transaction each, with its row in the access log."""

from .access import access_record, audit_chain_check, ip_prefix, verification_record
from .bulk import bulk_issue_csv
from .citizens import (
    carnet_issue,
    carnet_revoke,
    citizen_activation_code_issue,
    citizen_link_documents,
    citizen_register,
    master_key_rotate,
)
from .credentials import credential_download
from .documents import IssueRequest, document_issue, document_revoke, documents_issue_batch
from .errors import (
    AlreadyRevokedError,
    FolderError,
    InvalidDocumentDataError,
    IssuerNotAllowedError,
    ReferenceConflictError,
    ShareExhaustedError,
    ShareExpiredError,
    ShareNotFoundError,
    ShareRevokedError,
    ShareUnavailableError,
    SigningKeyMissingError,
    UnknownDocumentTypeError,
)
from .issuers import issuer_key_generate, issuer_key_retire, issuer_token_create
from .procedures import (
    MissingEvidenceError,
    ProcedureStateError,
    procedure_check,
    procedure_consent,
    procedure_evidence,
    procedure_reject,
    procedure_resolve,
    procedure_start,
    procedure_withdraw,
)
from .shares import share_create, share_open, share_revoke
from .verification_spool import verification_spool, verification_spool_drain

__all__ = [
    "AlreadyRevokedError",
    "FolderError",
    "InvalidDocumentDataError",
    "IssueRequest",
    "IssuerNotAllowedError",
    "MissingEvidenceError",
    "ProcedureStateError",
    "ReferenceConflictError",
    "ShareExhaustedError",
    "ShareExpiredError",
    "ShareNotFoundError",
    "ShareRevokedError",
    "ShareUnavailableError",
    "SigningKeyMissingError",
    "UnknownDocumentTypeError",
    "access_record",
    "audit_chain_check",
    "bulk_issue_csv",
    "carnet_issue",
    "carnet_revoke",
    "citizen_activation_code_issue",
    "citizen_link_documents",
    "citizen_register",
    "credential_download",
    "document_issue",
    "document_revoke",
    "documents_issue_batch",
    "ip_prefix",
    "issuer_key_generate",
    "issuer_key_retire",
    "issuer_token_create",
    "master_key_rotate",
    "procedure_check",
    "procedure_consent",
    "procedure_evidence",
    "procedure_reject",
    "procedure_resolve",
    "procedure_start",
    "procedure_withdraw",
    "share_create",
    "share_open",
    "share_revoke",
    "verification_record",
    "verification_spool",
    "verification_spool_drain",
]
