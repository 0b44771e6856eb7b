"""The forum's API endpoints: thin handlers over the selectors.

No ``from __future__ import annotations``: ninja reads the parameters' annotations at import
time.
"""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router
from ninja.errors import HttpError
from ninja.pagination import paginate

from abierto.directory.api_common import ErrorOut
from abierto.directory.pagination import BoundedLimitOffsetPagination

from .. import selectors
from ..models import (
    Agreement,
    Session,
)
from .params import (
    AgreementStatusParam,
    ForumSlug,
    InstitutionId,
    Search,
    SessionId,
    SessionKind,
    SessionStatus,
    Year,
)
from .schemas import AgreementDetailOut, AgreementOut, SessionDetailOut, SessionOut

router = Router(tags=["Sesiones"])


@router.get(
    "/sessions",
    response=list[SessionOut],
    summary="Sesiones del STL",
    description="Las sesiones públicas de todos los foros, de la más reciente a la más "
    "antigua. Se filtran por `forum` (nombre corto del foro), `year`, `kind` y `status`.",
)
@paginate(BoundedLimitOffsetPagination)
def list_sessions(
    request: HttpRequest,
    year: Year = None,
    kind: SessionKind = None,
    status: SessionStatus = None,
    forum: ForumSlug = "",
) -> QuerySet[Session]:
    return selectors.session_list_public(
        forum_slug=forum,
        year=year,
        kind=kind.value if kind else "",
        status=status.value if status else "",
    )


@router.get(
    "/sessions/{id}",
    response={200: SessionDetailOut, 404: ErrorOut},
    summary="Una sesión, con orden del día, asistencia, votaciones, acuerdos y acta",
)
def get_session(request: HttpRequest, id: str) -> Session:
    try:
        return selectors.session_detail_public(id)
    except Session.DoesNotExist as exc:
        raise HttpError(404, "Sesión no encontrada.") from exc


@router.get(
    "/agreements",
    response=list[AgreementOut],
    summary="Acuerdos del STL",
    description="Los acuerdos de todos los foros, de la sesión más reciente a la más antigua. "
    "Se filtran por `forum` (nombre corto del foro), `status`, `year`, `session` (id de la "
    "sesión), `responsible` (id de la institución) y `q` (palabras en el texto o la clave).",
)
@paginate(BoundedLimitOffsetPagination)
def list_agreements(
    request: HttpRequest,
    status: AgreementStatusParam = None,
    year: Year = None,
    session: SessionId = "",
    responsible: InstitutionId = "",
    q: Search = "",
    forum: ForumSlug = "",
) -> QuerySet[Agreement]:
    return selectors.agreement_list_public(
        forum_slug=forum,
        status=status.value if status else "",
        year=year,
        session=session,
        responsible=responsible,
        search=q.strip(),
    )


@router.get(
    "/agreements/{id}",
    response={200: AgreementDetailOut, 404: ErrorOut},
    summary="Un acuerdo, con su votación y su seguimiento",
)
def get_agreement(request: HttpRequest, id: str) -> Agreement:
    try:
        return selectors.agreement_detail_public(id)
    except Agreement.DoesNotExist as exc:
        raise HttpError(404, "Acuerdo no encontrado.") from exc
