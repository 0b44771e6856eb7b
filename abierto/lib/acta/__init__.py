"""Read existing actas (minutes) into structured sessions.

``extract_text`` turns a .txt, .md, .docx or .pdf file into text (raising
``ActaReadError`` with a Spanish message when it cannot), and
``parse_acta_text`` reads that text into the schema printed by
``manage.py parse_acta``. Pure Python: nothing here touches Django.
"""

from .errors import ActaReadError
from .extract import Extracted, extract_document, extract_text
from .parser import parse_acta_text

__all__ = [
    "ActaReadError",
    "Extracted",
    "extract_document",
    "extract_text",
    "parse_acta_file",
    "parse_acta_text",
]


def parse_acta_file(path: str, max_bytes: int | None = None) -> dict[str, object]:
    """Extract the text of the file at ``path`` and parse it."""
    text = extract_text(path) if max_bytes is None else extract_text(path, max_bytes=max_bytes)
    return parse_acta_text(text)
