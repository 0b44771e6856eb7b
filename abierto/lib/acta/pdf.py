"""The text layer of a PDF acta, page by page, with the page count checked first.

A PDF says how many pages it has in its page tree; a crafted one can list the same
page tens of thousands of times (one content stream, a file of a few kilobytes) and
keep a reader busy for minutes. ``pdf_pages`` walks the tree itself and stops at
``max_pages`` before anything is extracted; a ``/Count`` that lies does not matter.
Pages whose text layer is (almost) empty are the scanned ones: ``ocr.py`` reads them.
Headings in small capitals, which the text layer gives a piece a line, are put back together
(``small_caps.py``).
"""

from __future__ import annotations

import io
from typing import Any

from .errors import ActaReadError
from .small_caps import rejoined_small_caps

DEFAULT_MAX_PAGES = 300
# A page with fewer letters than this in its text layer is treated as an image: scanners
# often add a stray stamp or a page number as text over the picture of the page.
MIN_TEXT_LETTERS = 40

DAMAGED = "El PDF está dañado o no se puede leer."
ENCRYPTED = "El PDF está protegido con contraseña: guárdelo sin cifrar e inténtelo de nuevo."


def too_many_pages(limit: int) -> ActaReadError:
    return ActaReadError(
        f"El PDF tiene más de {limit} páginas, el máximo que se lee: no parece un acta. "
        "Divídalo y suba cada acta por separado."
    )


def pdf_pages(data: bytes, max_pages: int = DEFAULT_MAX_PAGES) -> list[str]:
    """The text of each page of the PDF in ``data``; '' for a page without text layer."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ActaReadError(ENCRYPTED)
        count_pages(reader.root_object["/Pages"], max_pages)
        return [rejoined_small_caps(page.extract_text() or "") for page in reader.pages]
    except ActaReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        raise ActaReadError(DAMAGED) from error
    except Exception as error:
        if "crypt" in str(error).lower() or "password" in str(error).lower():
            raise ActaReadError(ENCRYPTED) from error
        raise ActaReadError(DAMAGED) from error


def count_pages(root: Any, limit: int) -> int:
    """Count the leaves of a page tree, refusing as soon as there are more than ``limit``.

    Each leaf is counted every time it is listed: a page listed 60,000 times is 60,000
    pages to any reader. A node seen twice on the way down (a cycle) is damage.
    """
    count = 0
    stack: list[tuple[Any, frozenset[int]]] = [(root, frozenset())]
    while stack:
        node, ancestors = stack.pop()
        node = node.get_object()
        if id(node) in ancestors:
            raise ActaReadError(DAMAGED)
        kind = node.get("/Type")
        kids = node.get("/Kids")
        if kind == "/Pages" or (kind != "/Page" and kids is not None):
            inner = ancestors | {id(node)}
            stack.extend((kid, inner) for kid in reversed(kids.get_object() or []))
            continue
        count += 1
        if count > limit:
            raise too_many_pages(limit)
    return count


def is_scanned_page(text: str) -> bool:
    return sum(char.isalpha() for char in text) < MIN_TEXT_LETTERS
