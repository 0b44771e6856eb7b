"""A document's certified fields as people read them: the same on the folder's pages, the
public verification page and the PDF. Official Spanish texts, whatever the interface's
language: labels are the schema's titles, dates are written out in Spanish."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils import dateformat, translation

if TYPE_CHECKING:
    from .models import DocumentType

DATE_FORMAT = r"j \d\e F \d\e Y"


@dataclass(frozen=True)
class Field:
    label: str
    value: str


def _code_title(value: Any, spec: dict[str, Any]) -> str | None:
    """The words a catalogue gives a code: the ``title`` of the ``oneOf`` (or ``anyOf``)
    branch whose ``const`` is the value, as JSON Schema labels an enumeration."""
    for branch in spec.get("oneOf") or spec.get("anyOf") or ():
        if (
            isinstance(branch, dict)
            and "title" in branch
            and branch.get("const") == value
            and type(branch.get("const")) is type(value)
        ):
            return str(branch["title"])
    return None


def display_value(value: Any, spec: dict[str, Any]) -> str:
    """A field's value as people read it: dates in words, booleans as Sí/No, catalogue codes
    in the catalogue's words (``"M"`` is ``Mujer``: a bare letter is ambiguous)."""
    if isinstance(value, bool):
        return "Sí" if value else "No"
    if value is None:
        return "—"
    title = _code_title(value, spec)
    if title is not None:
        return title
    if spec.get("format") == "date" and isinstance(value, str):
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            return value
        with translation.override("es-mx"):
            return dateformat.format(day, DATE_FORMAT)
    if isinstance(value, list):
        return ", ".join(display_value(item, spec.get("items", {})) for item in value)
    return str(value)


def display_fields(document_type: DocumentType, fields: dict[str, Any]) -> list[Field]:
    """The fields in the schema's order, labelled by their ``title``; unknown ones last."""
    properties: dict[str, Any] = document_type.json_schema.get("properties", {})
    ordered = [
        Field(str(spec.get("title", name)), display_value(fields[name], spec))
        for name, spec in properties.items()
        if name in fields
    ]
    ordered += [
        Field(name, display_value(value, {}))
        for name, value in fields.items()
        if name not in properties
    ]
    return ordered


MASK = "••••"
VISIBLE_CUTS_CHARACTERS = 4


def mask_cuts(value: Any) -> Any:
    """A CUTS as a verifier sees it: its last four characters (enough to compare with the
    person's own card), never the whole key that opens, or locks, someone's folder."""
    if not isinstance(value, str) or not value:
        return value
    return MASK + value[-VISIBLE_CUTS_CHARACTERS:]


def cuts_fields(document_type: DocumentType) -> set[str]:
    """The fields of a type that hold another person's CUTS (its related holders)."""
    return {
        entry["field"]
        for entry in document_type.related_holders or ()
        if isinstance(entry, dict) and isinstance(entry.get("field"), str)
    }


def public_fields(document_type: DocumentType, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields a public verification shows: every one, with other people's CUTS masked."""
    masked = cuts_fields(document_type)
    return {
        name: mask_cuts(value) if name in masked or name.startswith("cuts") else value
        for name, value in fields.items()
    }
