"""An imported acta's review form as plain lines, and back: «Número | Título | Quién presenta».

Pure conversions between the parser's reading (a dict) and the text areas the facilitator
corrects; a malformed line is a ``ValidationError`` that names it, in Spanish.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

CAPACITY_WORDS = {
    "titular": "holder",
    "suplente": "alternate",
    "en representacion": "delegate",
    "representacion": "delegate",
    "invitado": "guest",
    "invitada": "guest",
    "": "",
}
CAPACITY_WORDS_OUT = {
    "holder": "titular",
    "alternate": "suplente",
    "delegate": "en representación",
    "guest": "invitado",
}
STATUS_WORDS = {
    "pendiente": "pending",
    "en proceso": "in_progress",
    "cumplido": "done",
    "cancelado": "cancelled",
}
STATUS_WORDS_OUT = {value: key for key, value in STATUS_WORDS.items()}


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _lines(value: str) -> list[list[str]]:
    rows = []
    for line in value.splitlines():
        if line.strip():
            rows.append([part.strip() for part in line.split("|")])
    return rows


def reading_as_lines(parsed: dict[str, Any]) -> dict[str, Any]:
    """The parser's reading as the review form's initial values: one line per row."""
    session = parsed.get("session") or {}
    convocation = parsed.get("convocation") or {}
    narratives = {
        f"narrative_{item['number']}": item.get("narrative") or ""
        for item in parsed.get("agenda", [])
    }
    return {
        **narratives,
        "convocation_reference": convocation.get("reference") or "",
        "convocation_date": convocation.get("date"),
        "follow_ups": "\n".join(
            f"{f['code']} | {STATUS_WORDS_OUT.get(f.get('status') or '', 'pendiente')} | "
            f"{f.get('note') or ''}"
            for f in parsed.get("follow_ups", [])
        ),
        "approves_minutes": "\n".join(
            f"{a['code']} | {a['approves_minutes_of']['kind']} {a['approves_minutes_of']['number']}"
            for a in parsed.get("agreements", [])
            if a.get("approves_minutes_of")
        ),
        "approved_original": bool(parsed.get("approved_original")),
        "number": session.get("number"),
        "kind": session.get("kind") if session.get("kind") == "extraordinaria" else "ordinaria",
        "date": session.get("date"),
        "start_time": session.get("start_time"),
        "end_time": session.get("end_time"),
        "modality": session.get("modality") or "presencial",
        "place": session.get("place") or "",
        "attendees": "\n".join(
            " | ".join(
                [
                    a["name"],
                    a.get("role") or "",
                    a.get("seat") or "",
                    CAPACITY_WORDS_OUT.get(a.get("capacity") or "", ""),
                ]
            ).rstrip(" |")
            for a in parsed.get("attendees", [])
        ),
        "agenda": "\n".join(
            f"{i['number']} | {i['title']} | {i.get('presenter') or ''}".rstrip(" |")
            for i in parsed.get("agenda", [])
        ),
        "agreements": "\n".join(
            f"{a['code']} | {a.get('agenda_item') or ''} | {a['text']}"
            for a in parsed.get("agreements", [])
        ),
        "scheduled_sessions": "\n".join(
            f"{s['date']} | {s['title']}" for s in parsed.get("scheduled_sessions", [])
        ),
    }


def agenda_from_lines(text: str) -> list[dict[str, Any]]:
    items = []
    for n, row in enumerate(_lines(text), start=1):
        if len(row) < 2 or not row[0].isdigit():
            raise forms.ValidationError(
                _("Línea %(n)s: escriba «Número | Título»."), params={"n": n}
            )
        items.append(
            {
                "number": int(row[0]),
                "title": row[1],
                "presenter": " | ".join(row[2:]),
            }
        )
    numbers = [i["number"] for i in items]
    if len(numbers) != len(set(numbers)):
        raise forms.ValidationError(_("Hay números de punto repetidos."))
    return items


def attendees_from_lines(text: str) -> list[dict[str, Any]]:
    people = []
    for n, row in enumerate(_lines(text), start=1):
        capacity = _folded(row[3]) if len(row) > 3 else ""
        if capacity and capacity not in CAPACITY_WORDS:
            raise forms.ValidationError(
                _("Línea %(n)s: la calidad es titular, suplente, en representación o invitado."),
                params={"n": n},
            )
        people.append(
            {
                "name": row[0],
                "role": row[1] if len(row) > 1 else None,
                "seat": row[2] if len(row) > 2 else "",
                "capacity": CAPACITY_WORDS.get(capacity, ""),
            }
        )
    return people


def follow_ups_from_lines(text: str) -> list[dict[str, Any]]:
    reports = []
    for n, row in enumerate(_lines(text), start=1):
        status = STATUS_WORDS.get(_folded(row[1])) if len(row) > 2 else None
        if status is None or not row[0] or not " | ".join(row[2:]):
            raise forms.ValidationError(
                _(
                    "Línea %(n)s: escriba «Clave | Estado | Lo que se informó»; el estado "
                    "es pendiente, en proceso, cumplido o cancelado."
                ),
                params={"n": n},
            )
        reports.append({"code": row[0], "status": status, "note": " | ".join(row[2:])})
    return reports


def approves_minutes_from_lines(text: str) -> dict[str, dict[str, Any]]:
    approvals = {}
    for n, row in enumerate(_lines(text), start=1):
        match = re.fullmatch(r"(ordinaria|extraordinaria)\s+(\d{1,3})", _folded(row[-1]))
        if len(row) != 2 or match is None:
            raise forms.ValidationError(
                _("Línea %(n)s: escriba «Clave del acuerdo | ordinaria 14»."),
                params={"n": n},
            )
        approvals[row[0]] = {"kind": match[1], "number": int(match[2])}
    return approvals


def agreements_from_lines(text: str) -> list[dict[str, Any]]:
    agreements = []
    for n, row in enumerate(_lines(text), start=1):
        if len(row) < 3:
            raise forms.ValidationError(
                _("Línea %(n)s: escriba «Clave | Punto | Texto»."), params={"n": n}
            )
        item = row[1]
        if item and not item.isdigit():
            raise forms.ValidationError(
                _("Línea %(n)s: el punto debe ser un número o quedar vacío."), params={"n": n}
            )
        agreements.append(
            {
                "code": row[0],
                "agenda_item": int(item) if item else None,
                "text": " | ".join(row[2:]),
            }
        )
    return agreements


def scheduled_sessions_from_lines(text: str) -> list[dict[str, Any]]:
    sessions = []
    for n, row in enumerate(_lines(text), start=1):
        try:
            day = datetime.date.fromisoformat(row[0])
        except ValueError:
            raise forms.ValidationError(
                _("Línea %(n)s: la fecha debe ser AAAA-MM-DD."), params={"n": n}
            ) from None
        sessions.append({"date": day.isoformat(), "title": " | ".join(row[1:])})
    return sessions
