"""Settings for ``python -m bench``: a throwaway SQLite database and keys made for the run.

``BENCH_DIR`` (a temporary directory created by the harness, inherited by the gunicorn it
starts) holds the database, the media and the Carpeta Ciudadana's keys; nothing is committed.
"""

import base64
import os
import secrets
import tempfile

_dir = os.environ.setdefault("BENCH_DIR", tempfile.mkdtemp(prefix="abierto-bench-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{os.path.join(_dir, 'bench.sqlite3')}")
os.environ.setdefault("MEDIA_ROOT", os.path.join(_dir, "media"))
os.environ.setdefault("VAR_DIR", _dir)
os.environ.setdefault("FOLDER_KEYS_DIR", os.path.join(_dir, "keys"))
os.environ.setdefault("FOLDER_VERIFY_SPOOL_DIR", os.path.join(_dir, "verify-spool"))
os.environ.setdefault(
    "FOLDER_MASTER_KEYS", "bench1:" + base64.b64encode(secrets.token_bytes(32)).decode()
)
os.environ.setdefault("FOLDER_HMAC_KEY", base64.b64encode(secrets.token_bytes(32)).decode())
os.environ.setdefault("SECRET_KEY", "bench-only-" + secrets.token_hex(32))
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from abierto.test_settings import *  # noqa: E402, F403

# The benchmark measures the real pages: invalid template variables render empty as in
# production, and rate limits stay out of the way of the load.
TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = ""  # type: ignore[index]  # noqa: F405

# The benchmark measures the production configuration: one sealing worker per core.
FOLDER_SEALING_PROCESSES = None
# Verifications chained from the spool as in production (test_settings turns it off).
FOLDER_VERIFY_SPOOL_DRAIN_SECONDS = float(os.environ.get("FOLDER_VERIFY_SPOOL_DRAIN_SECONDS", "5"))

# The public pages' cache as in production without Redis: files the workers share, and the
# version token in shared memory (PAGE_CACHE_SECONDS=0 measures the pages without it).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
CACHES["pages"] = {  # noqa: F405
    "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
    "LOCATION": os.path.join(_dir, "cache", "pages"),
}
PAGE_CACHE_VERSION_FILE = os.path.join(_dir, "cache", "page-version")
