"""E-mail: with DEBUG each e-mail is a .eml file under ``EMAIL_FILE_PATH``; SMTP otherwise."""

from __future__ import annotations

from .env import DEBUG, VAR_DIR, env, env_bool, env_int

# With DEBUG, each e-mail is written to its own .eml file under EMAIL_FILE_PATH and the
# terminal shows one line per e-mail (abierto/ops/mail.py).
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "abierto.ops.mail.FileEmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "STL Estado de México <no-responder@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
