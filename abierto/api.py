"""The public API: one NinjaAPI under /api/v1/, each app mounting its own router."""

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, URLResolver, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI, Swagger
from ninja.errors import Throttled, ValidationError
from ninja.openapi.schema import OpenAPISchema
from ninja.throttling import AnonRateThrottle, AuthRateThrottle

from abierto import openapi
from abierto.directory.api import router as directory_router
from abierto.directory.api_common import validation_error_body
from abierto.forum.api import router as forum_router
from abierto.plan.api import router as plan_router


class _RateFromSettings:
    """Reads its rate from settings on every request, so deployments and tests can change it."""

    setting = ""
    rate: str | None
    num_requests: int | None
    duration: int | None

    def allow_request(self, request: HttpRequest) -> bool:
        rate = getattr(settings, self.setting)
        if rate != self.rate:
            self.rate = rate
            self.num_requests, self.duration = self.parse_rate(rate)  # type: ignore[attr-defined]
        return super().allow_request(request)  # type: ignore[misc]


class AnonThrottle(_RateFromSettings, AnonRateThrottle):
    setting = "API_RATE_ANONYMOUS"

    def __init__(self) -> None:
        AnonRateThrottle.__init__(self, settings.API_RATE_ANONYMOUS)


class AuthThrottle(_RateFromSettings, AuthRateThrottle):
    setting = "API_RATE_AUTHENTICATED"

    def __init__(self) -> None:
        AuthRateThrottle.__init__(self, settings.API_RATE_AUTHENTICATED)


class Docs(Swagger):
    """The interactive docs in the site's language, with a landmark and a heading of their own."""

    template = "api/docs.html"


class AbiertoAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        openapi.finish(schema)
        return schema

    @property
    def urls(self) -> tuple[list[URLResolver | URLPattern], str, str]:
        """The API's URLs, then a catch-all: an unknown path under /api/v1/ answers a JSON
        404 like every other error of the API, not the site's HTML page."""
        patterns, app_name, namespace = super().urls
        view = csrf_exempt(unknown_path)
        # The root stays named "api-root" (django-ninja reverses it for the path prefix) but
        # answers like any other unknown path instead of raising Django's HTML 404.
        patterns = [
            path("", view, name="api-root") if getattr(p, "name", "") == "api-root" else p
            for p in patterns
        ]
        return [*patterns, re_path(r"", view, name="not-found")], app_name, namespace


api = AbiertoAPI(
    title="API de abierto",
    version="1",
    description=str(
        _(
            "Datos públicos del Secretariado Técnico Local de Gobierno Abierto del Estado de "
            "México. Todas las respuestas son JSON en UTF-8; las listas se paginan con "
            "`limit` y `offset`."
        )
    ),
    urls_namespace="api-1",
    docs=Docs(),
    # Anonymous clients share a budget per IP address; the counter lives in the cache, so
    # with Redis (REDIS_URL) every app server counts against the same budget.
    throttle=[AnonThrottle(), AuthThrottle()],
)


@api.exception_handler(Throttled)
def too_many_requests(request: HttpRequest, exc: Throttled) -> HttpResponse:
    response = api.create_response(
        request,
        {
            "detail": str(
                _("Demasiadas solicitudes: espere %(seconds)s segundos antes de volver a intentar.")
                % {"seconds": exc.wait or 1}
            )
        },
        status=429,
    )
    response["Retry-After"] = str(exc.wait or 1)
    return response


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """Parameters or a body that do not validate: a 422 in the API's one error shape."""
    return api.create_response(request, validation_error_body(exc), status=422)


def _not_found(request: HttpRequest) -> HttpResponse:
    return api.create_response(request, {"detail": str(_("Recurso no encontrado."))}, status=404)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    """Django's 404 (``get_object_or_404``) in the API's words: JSON, in Spanish first."""
    return _not_found(request)


def unknown_path(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    return _not_found(request)


# Errors raised outside django-ninja's views (a middleware reading a body over
# DATA_UPLOAD_MAX_MEMORY_SIZE, a server error anywhere) reach Django's handlers, which
# abierto/urls.py points here: under /api/ they answer JSON too, like every other API error.


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _json_error(detail: str, status: int) -> JsonResponse:
    response = JsonResponse({"detail": detail}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if not _is_api(request):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / (1024 * 1024)
        return _json_error(
            str(
                _("La solicitud pesa más de %(max)s MB, el máximo que admite la API.")
                % {"max": f"{limit:g}"}
            ),
            413,
        )
    return _json_error(str(_("La solicitud no es válida.")), 400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if not _is_api(request):
        return defaults.permission_denied(request, exception)
    return _json_error(str(_("No tiene permiso para esta operación.")), 403)


def server_error(request: HttpRequest) -> HttpResponse:
    if not _is_api(request):
        return defaults.server_error(request)
    return _json_error(
        str(_("Error interno del servidor. Quedó registrado; intente de nuevo más tarde.")), 500
    )


api.add_router("/", directory_router)
api.add_router("/", forum_router)
api.add_router("/", plan_router)
api.add_router("/", "abierto.folder.api.router")
api.add_router("/", "abierto.folder.api_procedures.router")
