"""Settings for the test suite: the real settings, with a throwaway key and a fast hasher."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-" + "x" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SITE_URL", "http://testserver")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")

from abierto.settings import *  # noqa: E402, F403
from abierto.settings import STORAGES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # noqa: S303 - speed only
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
AXES_FAILURE_LIMIT = 3
