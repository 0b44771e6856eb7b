"""The public API: one NinjaAPI under /api/v1/, each app mounting its own router."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import Throttled
from ninja.throttling import AnonRateThrottle, AuthRateThrottle

from abierto.directory.api import router as directory_router
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


api = NinjaAPI(
    title="abierto API",
    version="1",
    description=str(
        _(
            "Datos públicos del Secretariado Técnico Local de Gobierno Abierto del Estado de "
            "México. Todas las respuestas son JSON en UTF-8; las listas se paginan con "
            "`limit` y `offset`."
        )
    ),
    urls_namespace="api-1",
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


api.add_router("/", directory_router)
api.add_router("/", forum_router)
api.add_router("/", plan_router)
api.add_router("/", "abierto.folder.api.router")
