"""Reads about the forums themselves: which exist, where each municipality stands."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Max, QuerySet
from django.http import Http404
from django.urls import reverse

from abierto.directory.models import Municipality

from .models import Forum, ForumKind, Installation, InstallationStatus, Session

INSTALLATION_STEP = {status: step for step, status in enumerate(InstallationStatus.values)}


def forum_state() -> Forum | None:
    """The state STL: the first state forum (today's URLs show it)."""
    return Forum.objects.filter(kind=ForumKind.STATE).order_by("pk").first()


def forum_by_slug(slug: str) -> Forum:
    """The forum of a public URL, or 404."""
    forum = Forum.objects.select_related("municipality").filter(slug=slug).first()
    if forum is None:
        raise Http404
    return forum


def forum_list_public(*, kind: str = "") -> QuerySet[Forum]:
    """Every forum, the state STL first (then by name)."""
    forums = Forum.objects.select_related("municipality")
    if kind in ForumKind.values:
        forums = forums.filter(kind=kind)
    return forums.order_by("-kind", "name", "pk")


def with_session_figures(forums: Iterable[Forum]) -> list[Forum]:
    """The given forums (a page of them) with ``session_count`` and ``last_session``.

    One aggregate over the sessions of these forums only, so that a page of the index costs
    the same whatever the number of forums.
    """
    chosen = list(forums)
    figures = {
        row["forum"]: row
        for row in Session.objects.filter(forum__in=chosen, status__in=Session.Status.values)
        .values("forum")
        .annotate(count=Count("pk"), last=Max("date"))
        .order_by()
    }
    for forum in chosen:
        row = figures.get(forum.pk, {})
        forum.session_count = row.get("count", 0)  # type: ignore[attr-defined]
        forum.last_session = row.get("last")  # type: ignore[attr-defined]
    return chosen


@dataclass(frozen=True)
class ForumLink:
    slug: str
    acronym: str


@dataclass(frozen=True)
class InstallationRow:
    municipality: Municipality
    status: str
    status_label: str
    step: int
    status_since: datetime.date | None
    declaration_signed_on: datetime.date | None
    declaration_url: str
    forum: ForumLink | None


def installation_layer() -> list[InstallationRow]:
    """All 125 municipalities with their step on the way to a municipal STL (two queries).

    A municipality without a record has had no contact (step 0).
    """
    installations = {
        row.municipality_id: row for row in Installation.objects.select_related("municipality")
    }
    forums = {
        municipality: ForumLink(slug, acronym)
        for municipality, slug, acronym in Forum.objects.filter(
            kind=ForumKind.MUNICIPAL
        ).values_list("municipality_id", "slug", "acronym")
    }
    rows = []
    for municipality in Municipality.objects.order_by("code"):
        found = installations.get(municipality.pk)
        status = found.status if found else InstallationStatus.NO_CONTACT
        rows.append(
            InstallationRow(
                municipality=municipality,
                status=status,
                status_label=str(InstallationStatus(status).label),
                step=INSTALLATION_STEP[status],
                status_since=found.status_since if found else None,
                declaration_signed_on=found.declaration_signed_on if found else None,
                declaration_url=_declaration_link(found) if found else "",
                forum=forums.get(municipality.pk),
            )
        )
    return rows


@dataclass(frozen=True)
class InstallationSummary:
    started: int  # in talks or further
    installed: int  # installed or with its first session held
    total: int


def installation_summary(rows: list[InstallationRow] | None = None) -> InstallationSummary:
    rows = installation_layer() if rows is None else rows
    installed_from = INSTALLATION_STEP[InstallationStatus.INSTALLED]
    return InstallationSummary(
        started=sum(1 for row in rows if row.step),
        installed=sum(1 for row in rows if row.step >= installed_from),
        total=len(rows),
    )


def opendata_installations() -> QuerySet[Installation]:
    """The recorded installation steps (municipalities without a row: no contact)."""
    return Installation.objects.select_related("municipality").order_by("municipality__code")


def _declaration_link(installation: Installation) -> str:
    """The public link to the signed declaration: the one given, else the uploaded PDF."""
    if installation.declaration_url or not installation.declaration_document:
        return installation.declaration_url
    return reverse("forum:installation_declaration", args=[installation.municipality.code])


def installation_of(municipality: Municipality) -> Installation:
    """The municipality's recorded step, or an unsaved "no contact" one."""
    found = Installation.objects.filter(municipality=municipality).first()
    return found or Installation(municipality=municipality)


def installation_declaration(code: str) -> Installation:
    """The installation whose signed declaration was uploaded (404 otherwise): public."""
    found = (
        Installation.objects.select_related("municipality")
        .filter(municipality__code=code)
        .exclude(declaration_document="")
        .first()
    )
    if found is None:
        raise Http404
    return found
