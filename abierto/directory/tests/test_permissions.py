"""Every URL that is not public refuses an anonymous visitor and a logged-in outsider."""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

# Public pages, by route pattern (the start of the path, as the resolver joins it).
PUBLIC = [
    r"^$",
    r"^healthz$",  # for load balancers and monitoring; /metrics takes METRICS_TOKEN
    r"^readyz$",
    r"^metrics$",
    r"^aviso-de-privacidad/$",
    r"^participa/",
    r"^cuenta/entrar/$",
    r"^cuenta/salir/$",
    r"^cuenta/recuperar/",
    r"^sesiones/",  # the forum's public record; drafts of minutes only for the facilitation
    r"^acuerdos/",
    r"^calendario\.ics$",
    r"^foros/",  # every forum's public record (the state STL and municipal ones)
    r"^plan/$",  # the action plan: progress computed from milestones, coverage, agenda
    r"^plan/compromisos/",
    r"^plan/evidencias/",  # the files that back public progress reports
    r"^plan/cobertura/$",
    r"^circulos-restaurativos/$",  # the circles' published figures only, small cells suppressed
    r"^agenda/",
    r"^agenda\.ics$",
    r"^i18n/",
    r"^api/v1/",
    r"^datos/",  # open data: public by definition
    r"^buscar/",
    r"^feeds/",  # the API publishes public data only; each router tests its own guards
    r"^admin/login/$",
    r"^admin/logout/$",
    r"^admin/r/",
    r"^admin/jsi18n/$",
    r"^static/",
    r"^media/",
    r"^__debug__/",
    r"^\.well-known/jwks\.json$",  # Carpeta Ciudadana: issuers' public keys
    r"^v/",  # verification of a document from its QR (needs the whole signed token)
    r"^carpeta/estado/",  # issuers' revocation status lists
    r"^carpeta/$",  # the folder's landing page; every other folder page needs a folder login
    r"^carpeta/activar/$",
    r"^carpeta/entrar/",  # CUTS + password + TOTP, and carnet QR + PIN
    r"^carpeta/carnet/$",  # what the carnet's QR opens: the carnet login
    r"^compartido/",  # a share link: the token is the key (unknown tokens answer 404)
]


def all_routes(resolver: URLResolver | None = None, prefix: str = "") -> list[str]:
    routes: list[str] = []
    for entry in (resolver or get_resolver()).url_patterns:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            routes.extend(all_routes(entry, pattern))
        elif isinstance(entry, URLPattern):
            routes.append(pattern)
    return routes


def sample_path(route: str) -> str:
    """Turn a route into a concrete path, with a plausible value for every parameter."""
    path = re.sub(r"<(?:\w+:)?(\w+)>", "abc123", route)
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "abc123", path)
    return "/" + path.lstrip("^").rstrip("$").replace("\\Z", "").replace("\\", "")


PROTECTED = sorted({route for route in all_routes() if not any(re.match(p, route) for p in PUBLIC)})


def test_the_walk_finds_the_protected_pages():
    assert "cuenta/" in PROTECTED
    assert "gestion/solicitudes/" in PROTECTED
    assert any(route.startswith("admin/") for route in PROTECTED)


@pytest.mark.django_db
@pytest.mark.parametrize("route", PROTECTED)
def test_an_anonymous_visitor_is_refused(client, route):
    response = client.get(sample_path(route))
    assert response.status_code in {302, 403, 404, 405}
    if response.status_code == 302:
        assert "entrar" in response["Location"] or "login" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("route", PROTECTED)
def test_a_logged_in_outsider_is_refused(client, outsider, route):
    client.force_login(outsider)
    response = client.get(sample_path(route))
    if route in {
        "cuenta/",
        "cuenta/contrasena/",
        "cuenta/contrasena/cambiada/",
        "cuenta/segundo-factor/",
    }:
        # Their own account pages, which show nothing of anyone else.
        assert response.status_code == 200
        return
    assert response.status_code in {302, 403, 404, 405}
    if response.status_code == 302:
        assert "login" in response["Location"] or "entrar" in response["Location"]
