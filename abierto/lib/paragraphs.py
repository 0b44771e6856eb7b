"""Paragraphs of a text with stable ids, so that an observation keeps pointing at its paragraph.

The id is a hash of the paragraph's own words (spaces folded): editing another paragraph
does not move it; editing the paragraph itself gives it a new id, and the observation keeps
the text it was about.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Paragraph:
    id: str
    text: str


def paragraphs(text: str) -> list[Paragraph]:
    """Each non-blank line is a paragraph (the acta's markup); repeated ones are numbered."""
    seen: dict[str, int] = {}
    result = []
    for line in text.splitlines():
        folded = " ".join(line.split())
        if not folded:
            continue
        base = hashlib.sha256(folded.encode("utf-8")).hexdigest()[:12]
        seen[base] = seen.get(base, 0) + 1
        ident = base if seen[base] == 1 else f"{base}-{seen[base]}"
        result.append(Paragraph(id=ident, text=folded))
    return result
