"""Settings for the test suite: the real settings, with a throwaway key and a fast hasher."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-" + "x" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# The browser tests run on plain HTTP: the cookies keep Django's plain names there.
os.environ.setdefault("SESSION_COOKIE_NAME", "sessionid")
os.environ.setdefault("CSRF_COOKIE_NAME", "csrftoken")
os.environ.setdefault("SITE_URL", "http://testserver")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
# Background tasks run inside the request; tests of the worker switch to the database backend.
os.environ.setdefault("TASKS_BACKEND", "immediate")
# Tests read /metrics without a token; test_metrics checks the production default.
os.environ.setdefault("METRICS_PUBLIC", "1")
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

# Files the tests store (imported actas, renditions, QR images) go to a throwaway folder,
# shared with the subprocesses tests start, never to the developer's var/media.
if "MEDIA_ROOT" not in os.environ:
    import atexit
    import shutil
    import tempfile

    os.environ["MEDIA_ROOT"] = tempfile.mkdtemp(prefix="abierto-test-media-")
    atexit.register(shutil.rmtree, os.environ["MEDIA_ROOT"], ignore_errors=True)

from abierto.settings import *  # noqa: F403
from abierto.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
AXES_FAILURE_LIMIT = 3
# Tests serve static files straight from the finders; nothing is collected.
STATIC_ROOT = None  # type: ignore[assignment]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The API's and the public forms' rate limits are tested on their own; elsewhere they must
# not get in the way.
API_RATE_ANONYMOUS = "100000/m"
API_RATE_AUTHENTICATED = "100000/m"
RATE_PASSWORD_RESET_IP = "100000/m"  # noqa: S105 - a rate, not a password
RATE_PASSWORD_RESET_EMAIL = "100000/m"  # noqa: S105 - a rate, not a password
RATE_APPLICATION_IP = "100000/m"
RATE_FOLDER_VERIFY_NETWORK = "100000/m"

# xdist already runs one test process per core: bulk issuances seal in-process, except in the
# test that exercises the worker pool itself.
FOLDER_SEALING_PROCESSES = 0
# Verifications wait in the spool until a test drains it (folder/tests/conftest.py gives
# each test a spool of its own); no thread chains them behind a test's back.
FOLDER_VERIFY_SPOOL_DRAIN_SECONDS = 0

# The public pages' cache is off in tests (a factory writes no audit row, so a page cached by
# one test could be served to the next); abierto/ops/tests/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
CACHES["pages"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}  # noqa: F405
PAGE_CACHE_VERSION_FILE = None  # the version in that cache; the tests that turn it on choose
