"""Full-text search across the public record, with Spanish stemming on both databases.

PostgreSQL uses its ``spanish`` text-search configuration (a Snowball stemmer) after
``unaccent``, so
«aprobó» finds «aprobación». SQLite has no Spanish stemmer, so the same Snowball algorithm
(the ``snowballstemmer`` package) stems the words in Python into an FTS5 table, and the
query is stemmed the same way. The index is a copy, rebuilt when a watched model changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.cache import cache
from django.db import connection, models, transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from abierto.forum import selectors as forum
from abierto.forum import selectors_materials as materials
from abierto.forum.selectors_materials import material_public_url
from abierto.plan import selectors as plan

from .models import SearchEntry
from .search_text import _WORD, _excerpt, marked, stems

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

KINDS = {
    "session": _("Sesión"),
    "minutes": _("Acta"),
    "agreement": _("Acuerdo"),
    "material": _("Material de sesión"),
    "commitment": _("Compromiso"),
    "activity": _("Actividad"),
}
DIRTY_KEY = "opendata:search:dirty"
WATCHED: set[str] = {
    "forum.session",
    "forum.agendaitem",
    "forum.agreement",
    "forum.minutes",
    "forum.sessionmaterial",
    "plan.commitment",
    "plan.actionline",
    "plan.milestone",
    "plan.progressreport",
    "plan.indicator",
    "plan.activity",
    "plan.activityservice",
}


@dataclass(frozen=True)
class Entry:
    kind: str
    ref: str
    title: str
    body: str
    url: str
    date: Any = None
    # The forum's slug, for ``?forum=``; empty for records of no forum (the plan).
    forum: str = ""


Source = Callable[[], Iterable[Entry]]
SOURCES: list[Source] = []


def source(function: Source) -> Source:
    SOURCES.append(function)
    return function


def _text(*parts: object) -> str:
    """One searchable text from what a page shows, one part per line, blanks left out."""
    return "\n".join(str(part).strip() for part in parts if part and str(part).strip())


def _of_forum(session: Any) -> str:
    """A municipal forum's sessions name it in their title; the state STL's read as before."""
    forum = session.forum
    return "" if forum.is_state else f" del {forum.acronym}"


# Each source indexes what the visitor reads on the page a hit leads to, not only its title.


@source
def _sessions() -> Iterator[Entry]:
    for session in forum.search_sessions():
        agenda = [
            _text(item.title, item.presenter.name if item.presenter else item.presenter_name)
            for item in session.agenda.all()
        ]
        yield Entry(
            "session",
            session.public_id,
            f"{session.title}{_of_forum(session)} ({session.date:%d/%m/%Y})",
            _text(forum.public_place(session), *agenda),
            session.get_absolute_url(),
            session.date,
            session.forum.slug,
        )


@source
def _minutes() -> Iterator[Entry]:
    for minutes in forum.opendata_published_minutes():
        session = minutes.session
        yield Entry(
            "minutes",
            session.public_id,
            f"Acta de la {session.title}{_of_forum(session)} ({session.date:%d/%m/%Y})",
            minutes.text,
            session.get_absolute_url() + "#acta",
            session.date,
            session.forum.slug,
        )


@source
def _agreements() -> Iterator[Entry]:
    for agreement in forum.opendata_agreements():
        yield Entry(
            "agreement",
            agreement.public_id,
            agreement.code,
            agreement.text,
            agreement.get_absolute_url(),
            agreement.session.date,
            agreement.session.forum.slug,
        )


@source
def _materials() -> Iterator[Entry]:
    for material in materials.opendata_materials():
        session = material.session
        yield Entry(
            "material",
            material.public_id,
            f"{material.title} ({session.title})",
            _text(
                material.provider_name, material.agenda_item.title if material.agenda_item else ""
            ),
            material_public_url(material),
            session.date,
        )


@source
def _commitments() -> Iterator[Entry]:
    for commitment in plan.search_commitments():
        lines = [
            _text(line.title, line.description, *(m.title for m in line.milestones.all()))
            for line in commitment.action_lines.all()
        ]
        yield Entry(
            "commitment",
            commitment.public_id,
            f"Compromiso {commitment.number}: {commitment.title}",
            _text(
                commitment.public_problem,
                commitment.objective,
                *lines,
                *(report.text for report in commitment.reports.all()),
                *(indicator.name for indicator in commitment.indicators.all()),
                commitment.axis.title if commitment.axis else "",
                commitment.responsible.name,
                *(institution.name for institution in commitment.supporting.all()),
            ),
            reverse("plan:commitment_detail", args=[commitment.public_id]),
            commitment.start_date,
        )


@source
def _activities() -> Iterator[Entry]:
    for activity in plan.search_activities():
        where = activity.municipality.name if activity.municipality else ""
        commitment = activity.commitment
        yield Entry(
            "activity",
            activity.public_id,
            f"{activity.title} ({where})" if where else activity.title,
            _text(
                activity.description,
                activity.kind.name,
                activity.place,
                where,
                f"Compromiso {commitment.code}: {commitment.title}" if commitment else "",
                *(institution.name for institution in activity.institutions.all()),
                *(service.service_type.name for service in activity.services.all()),
            ),
            reverse("plan:activity_detail", args=[activity.public_id]),
            activity.date,
        )


def mark_dirty(sender: type[models.Model], **kwargs: Any) -> None:
    if sender._meta.label_lower in WATCHED:
        cache.set(DIRTY_KEY, True, None)


def connect_signals() -> None:
    post_save.connect(mark_dirty, dispatch_uid="opendata-search-save")
    post_delete.connect(mark_dirty, dispatch_uid="opendata-search-delete")


@transaction.atomic
def rebuild() -> int:
    entries = [entry for make in SOURCES for entry in make()]
    SearchEntry.objects.all().delete()
    created = SearchEntry.objects.bulk_create(
        SearchEntry(
            kind=e.kind,
            ref=e.ref,
            title=e.title[:500],
            body=e.body,
            url=e.url[:300],
            date=e.date,
            forum=e.forum,
        )
        for e in entries
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE opendata_searchentry SET vector = "
                "setweight(to_tsvector('simple', %s), 'A') || "
                "setweight(to_tsvector('simple', %s), 'B') WHERE id = %s",
                [(" ".join(stems(e.title)), " ".join(stems(e.body)), e.pk) for e in created],
            )
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM opendata_search_fts")
            cursor.executemany(
                "INSERT INTO opendata_search_fts(rowid, title, body) VALUES (%s, %s, %s)",
                [(e.pk, " ".join(stems(e.title)), " ".join(stems(e.body))) for e in created],
            )
    cache.set(DIRTY_KEY, False, None)
    return len(created)


def ensure_fresh() -> None:
    if cache.get(DIRTY_KEY, True) or not SearchEntry.objects.exists():
        rebuild()


@dataclass(frozen=True)
class Hit:
    kind: str
    kind_label: StrOrPromise
    title: str
    url: str
    # The excerpt as (text, matched) pieces, so that a template marks the matched words
    # without trusting any HTML in the text.
    parts: tuple[tuple[str, bool], ...]
    date: Any
    title_parts: tuple[tuple[str, bool], ...] = ()

    @property
    def snippet(self) -> str:
        return "".join(text for text, _matched in self.parts)


def search(
    query: str, *, kind: str = "", year: int | None = None, forum: str = "", limit: int = 50
) -> list[Hit]:
    """Entries matching every word of ``query`` (stemmed), best first; ``forum``: a slug."""
    query_stems = [s for s in stems(query) if s][:12]
    if not query_stems:
        return []
    ensure_fresh()
    entries = SearchEntry.objects.all()
    if kind in KINDS:
        entries = entries.filter(kind=kind)
    if year:
        entries = entries.filter(date__year=year)
    if forum:
        entries = entries.filter(forum=forum)
    if connection.vendor == "postgresql":
        search_query = SearchQuery(" ".join(query_stems), config="simple", search_type="plain")
        found: list[SearchEntry] = list(
            entries.filter(vector=search_query)
            .annotate(rank=SearchRank("vector", search_query))
            .order_by("-rank", "-date")[:limit]
        )
    else:
        match = " AND ".join(f'"{s}"' for s in query_stems)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM opendata_search_fts WHERE opendata_search_fts MATCH %s "
                "ORDER BY bm25(opendata_search_fts, 5.0, 1.0) LIMIT 500",
                [match],
            )
            order = [row[0] for row in cursor.fetchall()]
        by_id = entries.in_bulk(order)
        found = [by_id[pk] for pk in order if pk in by_id][:limit]
    wanted = set(query_stems)
    return [
        Hit(
            e.kind,
            KINDS[e.kind],
            e.title,
            e.url,
            _excerpt(e.body if e.body.strip() else e.title, wanted),
            e.date,
            marked(e.title, wanted),
        )
        for e in found
    ]


@dataclass(frozen=True)
class Suggestions:
    """What to try when a search finds nothing."""

    # How many results the same words find without the type and year filters (None: none set).
    without_filters: int | None
    # Each word of a query of several words that finds something alone, with its count.
    single_words: list[tuple[str, int]]


def suggestions(query: str, *, kind: str = "", year: int | None = None) -> Suggestions:
    """For a search with no result: the same words without filters, and each word alone."""
    filtered = kind in KINDS or bool(year)
    without_filters = len(search(query)) if filtered else None
    words = list(dict.fromkeys(w for w in _WORD.findall(query) if stems(w)))
    single_words: list[tuple[str, int]] = []
    if len(words) > 1:
        for word in words[:6]:
            count = len(search(word, kind=kind, year=year))
            if count:
                single_words.append((word, count))
    return Suggestions(without_filters, single_words)
