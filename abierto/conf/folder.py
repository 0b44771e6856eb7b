"""The Carpeta Ciudadana's keys, lifetimes and limits (no key is ever stored in the database)."""

from __future__ import annotations

from pathlib import Path

from .env import VAR_DIR, env, env_int

# No key of the folder is ever stored in the database. Without DEBUG, a missing master key or
# index key is an ImproperlyConfigured error the first time the folder needs it; with DEBUG,
# throwaway keys are generated under var/keys/ (see abierto/folder/keys.py).
#
# Issuers' Ed25519 private keys: <kid>.pem (PKCS#8) in this directory, mode 0600, written by
# `manage.py folder_keygen`; or FOLDER_KEY_<KID> in the environment (PEM or base64), KID in
# upper case with every character outside A-Z and 0-9 turned into "_".
FOLDER_KEYS_DIR = Path(env("FOLDER_KEYS_DIR", str(VAR_DIR / "keys")))
# Master keys that wrap the data keys of encrypted fields: "kid1:base64,kid0:base64" (32-byte
# keys), the first one current, the others kept to unwrap until `folder_rotate_master_key`
# has re-wrapped everything. Or FOLDER_MASTER_KEYS_FILE.
FOLDER_MASTER_KEYS = env("FOLDER_MASTER_KEYS")
# Secret (base64, 32 bytes) for keyed hashes: the CUTS blind index, content digests and the
# access log's hash chain. Changing it needs a re-index: keep it stable. Or _FILE.
FOLDER_HMAC_KEY = env("FOLDER_HMAC_KEY")
# How long verifiers may cache a status list, in seconds.
FOLDER_STATUS_LIST_TTL = env_int("FOLDER_STATUS_LIST_TTL", 300)
# How long a status list token stays valid after it is issued (its exp), in seconds: a
# verifier working offline may rely on it that long. Never shorter than the TTL.
FOLDER_STATUS_LIST_VALIDITY = max(
    env_int("FOLDER_STATUS_LIST_VALIDITY", 86400), FOLDER_STATUS_LIST_TTL
)
# A folder session ends after this many minutes without a request (and after 8 hours anyway).
FOLDER_IDLE_MINUTES = env_int("FOLDER_IDLE_MINUTES", 30)
# Exporting the whole folder or creating a share wants a proof of identity (the login, or the
# password and code or the PIN again) of the last this many minutes (abierto/folder/reauth.py).
FOLDER_REAUTH_MINUTES = env_int("FOLDER_REAUTH_MINUTES", 5)
# Public verifications (/v/<token>) from one network (IPv4 /24, IPv6 /64), "<count>/<s|m|h|d>":
# past it a 429 with Retry-After. A QR counter checks a few documents a minute, not sixty.
RATE_FOLDER_VERIFY_NETWORK = env("RATE_FOLDER_VERIFY_NETWORK", "60/m")
# Public verifications reach the holder's log through a spool (folder/services/
# verification_spool.py): files here, fsync'd every FOLDER_VERIFY_SPOOL_FSYNC_SECONDS and
# chained every FOLDER_VERIFY_SPOOL_DRAIN_SECONDS by each web process (0: only by
# `manage.py folder_drain_verifications` and before a holder reads their log).
FOLDER_VERIFY_SPOOL_DIR = Path(env("FOLDER_VERIFY_SPOOL_DIR", str(VAR_DIR / "verify-spool")))
FOLDER_VERIFY_SPOOL_FSYNC_SECONDS = float(env("FOLDER_VERIFY_SPOOL_FSYNC_SECONDS", "0.2"))
FOLDER_VERIFY_SPOOL_DRAIN_SECONDS = float(env("FOLDER_VERIFY_SPOOL_DRAIN_SECONDS", "5"))
# Issue dates an issuer may send (ISO date, UTC midnight): from this one up to now (plus five
# minutes of clock skew); a year-1 or 9999 date from a .NET or Java minimum is a 422.
FOLDER_ISSUED_AT_EARLIEST = env("FOLDER_ISSUED_AT_EARLIEST", "1900-01-01")
# Longest a share link may live, in days.
FOLDER_SHARE_MAX_DAYS = env_int("FOLDER_SHARE_MAX_DAYS", 30)
# Worker processes that sign and encrypt a bulk issuance's batches: empty means one per core,
# 0 seals in the job's own process.
FOLDER_SEALING_PROCESSES = (
    env_int("FOLDER_SEALING_PROCESSES", 0) if env("FOLDER_SEALING_PROCESSES") else None
)
