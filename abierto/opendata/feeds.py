"""Atom feeds of the record: new agreements and published minutes."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from abierto.forum import selectors as forum
from abierto.forum import selectors_forums as forum_selectors
from abierto.forum import selectors_materials as materials
from abierto.forum.selectors_materials import material_public_url
from abierto.plan import selectors as plan

from .catalog import PUBLISHER

if TYPE_CHECKING:
    from abierto.forum.models import Agreement, Forum, Minutes, SessionMaterial
    from abierto.plan.models import Activity


def _at_noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _forum_of(request: HttpRequest) -> Forum | None:
    """``?forum=<slug>`` narrows a feed to one forum; an unknown forum is not found (404)."""
    slug = request.GET.get("forum", "")
    return forum_selectors.forum_by_slug(slug) if slug else None


class AgreementsFeed(Feed):
    feed_type = Atom1Feed
    title = "Acuerdos del Secretariado Técnico Local"
    subtitle = "Los acuerdos más recientes de las sesiones del STL del Estado de México."
    author_name = PUBLISHER
    language = "es-MX"

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Forum | None:
        return _forum_of(request)

    def link(self, obj: Forum | None) -> str:
        if obj is not None:
            return reverse("forum:forum_agreement_list", args=[obj.slug])
        return reverse("forum:agreement_list")

    def items(self, obj: Forum | None) -> QuerySet[Agreement]:
        agreements = forum.opendata_agreements()
        if obj is not None:
            agreements = agreements.filter(session__forum=obj)
        return agreements.order_by("-created_at")[:50]

    def item_title(self, item: Agreement) -> str:
        return item.code

    def item_description(self, item: Agreement) -> str:
        return item.text

    def item_pubdate(self, item: Agreement) -> datetime.datetime:
        return _at_noon(item.session.date)

    def item_updateddate(self, item: Agreement) -> datetime.datetime:
        return item.updated_at

    def item_guid(self, item: Agreement) -> str:
        return f"urn:abierto:agreement:{item.public_id}"

    def item_guid_is_permalink(self, item: Agreement) -> bool:
        return False


class MinutesFeed(Feed):
    feed_type = Atom1Feed
    title = "Actas publicadas del Secretariado Técnico Local"
    subtitle = "Cada acta aprobada y publicada, con su huella SHA-256."
    author_name = PUBLISHER
    language = "es-MX"

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Forum | None:
        return _forum_of(request)

    def link(self, obj: Forum | None) -> str:
        if obj is not None:
            return reverse("forum:forum_sessions", args=[obj.slug])
        return reverse("forum:session_list")

    def items(self, obj: Forum | None) -> QuerySet[Minutes]:
        minutes = forum.opendata_published_minutes()
        if obj is not None:
            minutes = minutes.filter(session__forum=obj)
        return minutes[:50]

    def item_title(self, item: Minutes) -> str:
        return f"Acta de la {item.session.title} ({item.session.date:%d/%m/%Y})"

    def item_description(self, item: Minutes) -> str:
        code = item.approval_agreement.code if item.approval_agreement else ""
        return f"Aprobada mediante el acuerdo {code}. SHA-256: {item.content_hash}."

    def item_link(self, item: Minutes) -> str:
        return item.session.get_absolute_url() + "#acta"

    def item_pubdate(self, item: Minutes) -> datetime.datetime | None:
        return item.published_at

    def item_updateddate(self, item: Minutes) -> datetime.datetime:
        return item.updated_at

    def item_guid(self, item: Minutes) -> str:
        return f"urn:abierto:minutes:{item.session.public_id}"

    def item_guid_is_permalink(self, item: Minutes) -> bool:
        return False

    def item_enclosures(self, item: Minutes) -> list[Any]:
        return []


class MaterialsFeed(Feed):
    feed_type = Atom1Feed
    title = "Materiales presentados en las sesiones del Secretariado Técnico Local"
    subtitle = "Los materiales públicos de cada sesión celebrada, con su huella SHA-256."
    author_name = PUBLISHER
    language = "es-MX"

    def link(self) -> str:
        return reverse("forum:session_list")

    def items(self) -> QuerySet[SessionMaterial]:
        return materials.opendata_materials()[:50]

    def item_title(self, item: SessionMaterial) -> str:
        return f"{item.title} ({item.session.title}, {item.session.date:%d/%m/%Y})"

    def item_description(self, item: SessionMaterial) -> str:
        if item.sha256:
            return f"Aporta: {item.provider_name}. SHA-256: {item.sha256}."
        return f"Aporta: {item.provider_name}. Enlace: {item.url}"

    def item_link(self, item: SessionMaterial) -> str:
        return material_public_url(item)

    def item_pubdate(self, item: SessionMaterial) -> datetime.datetime:
        return _at_noon(item.session.date)

    def item_updateddate(self, item: SessionMaterial) -> datetime.datetime:
        return item.updated_at

    def item_guid(self, item: SessionMaterial) -> str:
        return f"urn:abierto:material:{item.public_id}"

    def item_guid_is_permalink(self, item: SessionMaterial) -> bool:
        return False


class ActivitiesFeed(Feed):
    feed_type = Atom1Feed
    title = "Agenda pública de actividades del Plan de Acción Local"
    subtitle = "Caravanas, pláticas, círculos restaurativos y capacitaciones, las más recientes."
    author_name = PUBLISHER
    language = "es-MX"

    def link(self) -> str:
        return reverse("plan:agenda")

    def items(self) -> QuerySet[Activity]:
        return plan.opendata_activities().order_by("-date", "-id")[:50]

    def item_title(self, item: Activity) -> str:
        where = f", {item.municipality.name}" if item.municipality else ""
        return f"{item.title} ({item.date:%d/%m/%Y}{where})"

    def item_description(self, item: Activity) -> str:
        return item.description or item.kind.name

    def item_link(self, item: Activity) -> str:
        return reverse("plan:activity_detail", args=[item.public_id])

    def item_pubdate(self, item: Activity) -> datetime.datetime:
        # When the activity entered the agenda, not the day it happens: a scheduled activity
        # would put the feed's <updated> in the future, later than every entry.
        return item.created_at

    def item_updateddate(self, item: Activity) -> datetime.datetime:
        return item.updated_at

    def item_guid(self, item: Activity) -> str:
        return f"urn:abierto:activity:{item.public_id}"

    def item_guid_is_permalink(self, item: Activity) -> bool:
        return False
