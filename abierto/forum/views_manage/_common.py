"""What every facilitator page shares: the role check, finding the session, running a service
(``_attempt``: ``abierto.lib.refusals.attempt``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase

from abierto.lib.refusals import attempt

from .. import access
from ..models import Forum, ForumKind, Session

View = Callable[..., HttpResponseBase]

# Run a service from a page, its refusal put on the form (shared with the plan's pages).
_attempt = attempt


def facilitator_only(view: View) -> View:
    """Anonymous users go to the login page; users who facilitate no forum are refused (403).

    Which forum a page may touch is checked where the page finds its record (``_session``,
    ``_managed_forum``): a municipal facilitator acts only in their own forum.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not access.manages_any_forum(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def forum_people_only(view: View) -> View:
    """Pages for whoever sits in or facilitates a forum (members' own pages)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not access.is_in_any_forum(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _session(request: HttpRequest, public_id: str) -> Session:
    """The session, if the user facilitates its forum (403 otherwise, 404 if none)."""
    try:
        session = Session.objects.select_related("forum").get(public_id=public_id)
    except Session.DoesNotExist as exc:
        raise Http404 from exc
    access.forum_to_manage(request.user, session.forum)
    return session


def _managed_forum(request: HttpRequest) -> Forum | None:
    """The forum chosen with ``?forum=<slug>`` among those the user manages.

    Without the parameter: the user's only forum, or the state STL for those who oversee all.
    A forum the user does not manage is refused (403).
    """
    managed = access.forums_managed_by(request.user)
    slug = request.GET.get("forum", "") or request.POST.get("forum", "")
    if slug:
        forum = Forum.objects.filter(slug=slug).first()
        if forum is None:
            raise Http404
        return access.forum_to_manage(request.user, forum)
    return managed.filter(kind=ForumKind.STATE).order_by("pk").first() or managed.first()
