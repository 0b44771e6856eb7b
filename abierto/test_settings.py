"""Settings for the test suite: the real settings, with a throwaway key and a fast hasher."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-" + "x" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SITE_URL", "http://testserver")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
# Background tasks run inside the request; tests of the worker switch to the database backend.
os.environ.setdefault("TASKS_BACKEND", "immediate")
# Carpeta Ciudadana: throwaway keys made for this run, never committed. Set in the environment
# so that subprocesses (commands run by tests) share them.
if "FOLDER_KEYS_DIR" not in os.environ:
    import atexit
    import base64
    import secrets
    import shutil
    import tempfile

    # Created only when a test writes a key (mypy's plugin imports these settings too).
    _keys_dir = os.path.join(tempfile.gettempdir(), f"abierto-test-keys-{secrets.token_hex(8)}")
    atexit.register(shutil.rmtree, _keys_dir, ignore_errors=True)
    os.environ["FOLDER_KEYS_DIR"] = _keys_dir
    os.environ["FOLDER_MASTER_KEYS"] = "test1:" + base64.b64encode(secrets.token_bytes(32)).decode()
    os.environ["FOLDER_HMAC_KEY"] = base64.b64encode(secrets.token_bytes(32)).decode()

from abierto.settings import *  # noqa: F403
from abierto.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
AXES_FAILURE_LIMIT = 3
# Tests serve static files straight from the finders; nothing is collected.
STATIC_ROOT = None  # type: ignore[assignment]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The API's rate limits are tested on their own; elsewhere they must not get in the way.
API_RATE_ANONYMOUS = "100000/m"
API_RATE_AUTHENTICATED = "100000/m"
