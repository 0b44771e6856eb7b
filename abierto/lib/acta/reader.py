"""A whole reading of an acta file: text (OCR for scanned pages), parse, confidences.

``read_acta`` is what the import and ``manage.py parse_acta`` use; its JSON is the
parse_acta schema plus ``confidence`` (``confidence.py``) and ``source`` (the format,
the page count and, for scans, each OCR page's mean confidence), documented in
``docs/acta-import.md`` and ``docs/acta-import.schema.json``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .confidence import field_confidences
from .extract import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_OCR_PAGES,
    Extracted,
    extract_document,
)
from .ocr import OcrPage
from .parser import parse_acta_text
from .pdf import DEFAULT_MAX_PAGES


@dataclass
class Limits:
    """How much of a file is read: bytes, pages, scanned pages, seconds and memory."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_pages: int = DEFAULT_MAX_PAGES
    max_ocr_pages: int = DEFAULT_MAX_OCR_PAGES
    seconds: float = 300.0
    memory_bytes: int = 1536 * 1024 * 1024


@dataclass
class ActaReading:
    text: str
    parsed: dict[str, Any]
    pages: list[OcrPage] = field(default_factory=list)  # the scanned pages, with their images


def read_acta(
    path: str | os.PathLike[str], limits: Limits | None = None, workdir: Path | None = None
) -> ActaReading:
    """Read the acta at ``path`` in this process (``sandbox.read_acta_limited`` isolates it)."""
    limits = limits or Limits()
    extracted = extract_document(
        path,
        max_bytes=limits.max_bytes,
        max_pages=limits.max_pages,
        max_ocr_pages=limits.max_ocr_pages,
        workdir=workdir,
    )
    parsed = parse_acta_text(extracted.text)
    parsed["confidence"] = field_confidences(parsed, extracted.ocr_pages)
    parsed["source"] = source_info(extracted)
    return ActaReading(extracted.text, parsed, extracted.ocr_pages)


def source_info(extracted: Extracted) -> dict[str, Any]:
    return {
        "format": extracted.kind,
        "pages": extracted.page_count or None,
        "ocr_pages": [
            {"number": page.number, "confidence": page.confidence} for page in extracted.ocr_pages
        ],
    }
