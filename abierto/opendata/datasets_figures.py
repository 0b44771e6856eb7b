"""Datasets offered through ``abierto.lib.published_figures`` by apps that no other may
import (the restorative circles): figures that already passed disclosure control there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from abierto.lib import published_figures

from .catalog import REGISTRY, Column, Dataset, register


def _getter(attribute: str) -> Callable[[Any], Any]:
    def get(obj: Any) -> Any:
        value = getattr(obj, attribute)
        return value() if callable(value) else value

    return get


def _source(column: published_figures.FigureColumn) -> str:
    """The model field a column reads (``get_measure_display`` reads ``measure``)."""
    return column.attribute.removeprefix("get_").removesuffix("_display")


def register_sources() -> None:
    for source in published_figures.sources():
        if source.slug in REGISTRY:
            continue
        register(
            Dataset(
                slug=source.slug,
                title=source.title,
                description=source.description,
                keywords=source.keywords,
                rows=source.rows,
                columns=[
                    Column(c.name, c.description, _getter(c.attribute), c.type, _source(c))
                    for c in source.columns
                ],
                modified_field=source.modified_field or "updated_at",
                temporal_field=source.temporal_field,
                excluded_fields=source.excluded_fields,
            )
        )


register_sources()
