"""The forum's printed documents: the acta (web HTML, PDF, DOCX) and the convocation letter.

Pure rendering, no database writes. Every renderer of an acta reads the same blocks from
``parse_minutes`` (``markup``), whose markup is described in ``abierto.forum.minutes_text``.

PDFs are tagged (PDF/UA-1) so screen readers can follow them, carry their title, author and
language, and are rendered without any network access: WeasyPrint may only read the files
next to the templates (fonts come from the system, fonts-dejavu on Debian).

The documents are official Spanish texts whatever the language of the interface, so they
are rendered with Spanish active and their templates hold Spanish text, not msgids.
"""

from .common import ASSETS_DIR, content_hash, minutes_status_line, minutes_title
from .letters import convocation_pdf
from .markup import (
    AgreementBox,
    Block,
    BulletList,
    Heading,
    Paragraph,
    Signature,
    Signatures,
    Table,
    clean_text,
    parse_minutes,
)
from .pdf import LocalFilesOnly, minutes_html, minutes_pdf, render_pdf
from .word import minutes_docx

__all__ = [
    "ASSETS_DIR",
    "AgreementBox",
    "Block",
    "BulletList",
    "Heading",
    "LocalFilesOnly",
    "Paragraph",
    "Signature",
    "Signatures",
    "Table",
    "clean_text",
    "content_hash",
    "convocation_pdf",
    "minutes_docx",
    "minutes_html",
    "minutes_pdf",
    "minutes_status_line",
    "minutes_title",
    "parse_minutes",
    "render_pdf",
]
