"""Where an app that no other may import offers its published aggregates.

An app holding sensitive records of people (``circles``) is imported by no other app, yet its
suppressed aggregates belong on a commitment's page (``plan``) and in the open-data catalogue
(``opendata``). It registers a :class:`FigureSource` here when it starts; those apps read the
registry, never the app. What a source returns has already passed disclosure control
(``abierto.lib.disclosure``): the registry carries no personal data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FigureColumn:
    name: str
    description: Any  # a lazy translation
    attribute: str
    type: str = "string"


@dataclass(frozen=True)
class FigureSource:
    slug: str
    title: Any
    description: Any
    keywords: list[str]
    # The published figures: a query set of rows that need no further checks.
    rows: Callable[[], Any]
    columns: Sequence[FigureColumn]
    # The public page of the figures, for a commitment's public id ("" when none).
    page_for_commitment: Callable[[str], str]
    link_text: Any = ""
    temporal_field: str = ""
    modified_field: str = ""
    excluded_fields: frozenset[str] = field(default_factory=frozenset)


_SOURCES: dict[str, FigureSource] = {}


def register(source: FigureSource) -> None:
    _SOURCES[source.slug] = source


def sources() -> list[FigureSource]:
    return list(_SOURCES.values())


def links_for_commitment(public_id: str) -> list[tuple[str, str]]:
    """``(text, url)`` of the figure pages that report on a commitment."""
    links = []
    for source in _SOURCES.values():
        url = source.page_for_commitment(public_id)
        if url:
            links.append((str(source.link_text or source.title), url))
    return links
