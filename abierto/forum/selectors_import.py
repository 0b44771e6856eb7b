"""What the acta review screen shows: the fields to check first, and the scanned pages.

The reader gives each field a confidence (``parsed["confidence"]``, see
``docs/acta-import.md``); the facilitator sees the doubtful ones first, highlighted in the
form, and, for a scan, each page's image beside the text read from it with the words read
with little confidence marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from abierto.lib.acta.confidence import LOW

from .models import ActaImport, ActaImportPage

# The review form's field for each path of the reading.
FORM_FIELDS = {
    "session.number": "number",
    "session.kind": "kind",
    "session.date": "date",
    "session.start_time": "start_time",
    "session.end_time": "end_time",
    "session.modality": "modality",
    "session.place": "place",
    "convocation.reference": "convocation_reference",
    "convocation.date": "convocation_date",
    "attendees": "attendees",
    "agenda": "agenda",
    "agreements": "agreements",
    "scheduled_sessions": "scheduled_sessions",
}
_INDEXED = re.compile(r"^(?P<part>\w+)\[(?P<index>\d+)\]$")
_WORD = re.compile(r"(\S+)")


@dataclass(frozen=True)
class FieldCheck:
    path: str
    label: str
    value: str
    confidence: float
    form_field: str | None

    @property
    def percent(self) -> int:
        return round(self.confidence * 100)


@dataclass(frozen=True)
class PageView:
    number: int
    confidence: float | None
    segments: list[tuple[str, bool]]  # (text, read with little confidence)

    @property
    def percent(self) -> int | None:
        return None if self.confidence is None else round(self.confidence * 100)


def _labels() -> dict[str, str]:
    return {
        "body": _("Órgano"),
        "session.number": _("Número de sesión"),
        "session.kind": _("Tipo"),
        "session.date": _("Fecha"),
        "session.start_time": _("Hora de inicio"),
        "session.end_time": _("Hora de término"),
        "session.modality": _("Modalidad"),
        "session.place": _("Lugar"),
        "convocation.reference": _("Oficio de convocatoria"),
        "convocation.date": _("Fecha del oficio"),
        "attendees": _("Asistente"),
        "agenda": _("Punto del orden del día"),
        "agreements": _("Acuerdo"),
        "scheduled_sessions": _("Sesión del calendario"),
    }


def _value(parsed: dict[str, Any], path: str) -> str:
    indexed = _INDEXED.match(path)
    if indexed:
        items = parsed.get(indexed["part"]) or []
        index = int(indexed["index"])
        item = items[index] if index < len(items) else {}
        shown = {
            "attendees": item.get("name"),
            "agenda": item.get("title"),
            "agreements": " ".join(filter(None, [item.get("code"), item.get("text")])),
            "scheduled_sessions": item.get("date"),
        }.get(indexed["part"])
        return str(shown or "")[:160]
    node: Any = parsed
    for key in path.split("."):
        node = (node or {}).get(key) if isinstance(node, dict) else None
    return str(node or "")[:160]


def acta_review_checks(acta_import: ActaImport, threshold: float = LOW) -> list[FieldCheck]:
    """The fields read with less than ``threshold`` confidence, least sure first."""
    parsed = acta_import.parsed or {}
    confidences = parsed.get("confidence") or {}
    labels = _labels()
    checks = []
    for path, confidence in confidences.items():
        if confidence is None or confidence >= threshold:
            continue
        indexed = _INDEXED.match(path)
        part = indexed["part"] if indexed else path
        label = labels.get(part, path)
        if indexed:
            label = f"{label} {int(indexed['index']) + 1}"
        checks.append(
            FieldCheck(path, label, _value(parsed, path), confidence, FORM_FIELDS.get(part))
        )
    return sorted(checks, key=lambda check: (check.confidence, check.path))


def acta_review_pages(acta_import: ActaImport) -> list[PageView]:
    """The scanned pages of a pending import, their text split at the doubtful words."""
    views = []
    for page in ActaImportPage.objects.filter(acta_import=acta_import).order_by("number"):
        low = set(page.low_words or [])
        segments: list[tuple[str, bool]] = []
        for piece in _WORD.split(page.text):
            if not piece:
                continue
            doubtful = piece in low
            if segments and segments[-1][1] == doubtful:
                segments[-1] = (segments[-1][0] + piece, doubtful)
            else:
                segments.append((piece, doubtful))
        views.append(PageView(page.number, page.confidence, segments))
    return views


def acta_import_page(acta_import: ActaImport, number: int) -> ActaImportPage | None:
    return ActaImportPage.objects.filter(acta_import=acta_import, number=number).first()
