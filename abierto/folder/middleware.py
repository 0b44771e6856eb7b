"""``/v/<token>`` for machines, answered before the middleware a verification does not need.

A verifier's program (``Accept: application/json``) needs no session, user, CSRF token,
messages, language, login lockout nor content-security policy: none of them changes what a
verification answers. Placed right after ``DatabaseUnavailableMiddleware``, this answers
those requests with the view's own function (``views_public.verification_answer``: the rate
limit, the check, the spooled log entry, the metrics) and the security headers the skipped
middleware would have added. Anything else goes down the whole chain as before: a person's
browser (HTML), another method, a path with a NUL character (``NulCharacterMiddleware``'s
400), a host not allowed (Django's 400), plain HTTP where HTTPS is required (the redirect).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.signals import setting_changed
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import ResolverMatch

from . import views_public

Handler = Callable[[HttpRequest], HttpResponseBase]
PREFIX = "/v/"
# The other addresses under /v/ (urls_public.py), which are not tokens.
NOT_TOKENS = frozenset({"", "datos.json", "sw.js"})


def _security_headers() -> dict[str, str]:
    """What SecurityMiddleware, XFrameOptionsMiddleware and the CSP middleware add to a JSON
    answer, from the same settings."""
    headers = {
        "X-Frame-Options": settings.X_FRAME_OPTIONS,
        "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    }
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers["X-Content-Type-Options"] = "nosniff"
    if settings.SECURE_REFERRER_POLICY:
        headers["Referrer-Policy"] = settings.SECURE_REFERRER_POLICY
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers["Cross-Origin-Opener-Policy"] = settings.SECURE_CROSS_ORIGIN_OPENER_POLICY
    return headers


def _hsts() -> str:
    value = f"max-age={settings.SECURE_HSTS_SECONDS}"
    if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
        value += "; includeSubDomains"
    if settings.SECURE_HSTS_PRELOAD:
        value += "; preload"
    return value


# Whether a Host (with what gunicorn put beside it) is allowed, as ``request.get_host()``
# decides from ALLOWED_HOSTS; a verifier sends the same one every time. Emptied when it
# grows past MEMO_SIZE (anyone may send any Host) and when a test changes the settings.
MEMO_SIZE = 256
_hosts_allowed: dict[tuple[str | None, ...], bool] = {}


def _forget_hosts(**kwargs: object) -> None:
    _hosts_allowed.clear()


setting_changed.connect(_forget_hosts)


def _host_allowed(request: HttpRequest) -> bool:
    meta = request.META
    key = (
        meta.get("HTTP_HOST"),
        meta.get("HTTP_X_FORWARDED_HOST"),
        meta.get("SERVER_NAME"),
        str(meta.get("SERVER_PORT")),
    )
    allowed = _hosts_allowed.get(key)
    if allowed is None:
        try:
            request.get_host()
            allowed = True
        except DisallowedHost:
            allowed = False
        if len(_hosts_allowed) >= MEMO_SIZE:
            _hosts_allowed.clear()
        _hosts_allowed[key] = allowed
    return allowed


class MachineVerificationMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response
        self.headers = views_public.header_store(_security_headers())
        self.hsts = _hsts() if settings.SECURE_HSTS_SECONDS else ""

    def token(self, request: HttpRequest) -> str | None:
        """The token of a machine's verification this can answer, else None."""
        path = request.path_info
        if request.method != "GET" or not path.startswith(PREFIX):
            return None
        token = path[len(PREFIX) :]
        # Any query string (even one that parses to nothing) goes down the whole chain.
        if (
            token in NOT_TOKENS
            or "/" in token
            or "\x00" in token
            or request.META.get("QUERY_STRING")
        ):
            return None
        if not views_public.wants_json(request):
            return None
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            return None
        if not _host_allowed(request):
            return None
        return token

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        token = self.token(request)
        if token is None:
            return self.get_response(request)
        # Named as the view is, for the request metrics.
        request.resolver_match = ResolverMatch(
            views_public.verify,
            (),
            {"token": token},
            url_name="verify",
            app_names=["folder_public"],
            namespaces=["folder_public"],
        )
        response = views_public.verification_answer(request, token, as_json=True)
        views_public.add_headers(response, self.headers)
        response.headers["Content-Length"] = str(len(response.content))
        if self.hsts and request.is_secure():
            response.headers.setdefault("Strict-Transport-Security", self.hsts)
        return response
