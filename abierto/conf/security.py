"""Cookies, HTTPS, HSTS, staff sessions and the Content Security Policy."""

from __future__ import annotations

from .env import DEBUG, env, env_bool, env_int

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8
# A staff session (facilitation, STL members, agency clerks, back office) also ends after this
# many minutes without a request (abierto/directory/idle.py).
STAFF_IDLE_MINUTES = env_int("STAFF_IDLE_MINUTES", 30)
# Facilitators, agency clerks and the back office log in with a password and a TOTP code
# (abierto/directory/factor_login.py). Not read from the environment: no deployment turns it
# off; a test that is not about logging in may.
STAFF_TOTP_REQUIRED = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
# The __Host- prefix makes browsers refuse these cookies unless they are Secure, for the whole
# site and not set by a subdomain (ASVS 3.4.4); plain names over plain HTTP in development.
SESSION_COOKIE_NAME = env(
    "SESSION_COOKIE_NAME", "__Host-sessionid" if SESSION_COOKIE_SECURE else "sessionid"
)
CSRF_COOKIE_NAME = env(
    "CSRF_COOKIE_NAME", "__Host-csrftoken" if CSRF_COOKIE_SECURE else "csrftoken"
)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
