"""Where a gazette's masthead ends and the minutes it publishes begin.

A state's Periódico Oficial or a municipality's official organ publishes minutes under its own
masthead: its director, the governor and the secretary of government in a directory, its
address and telephones. Those people did not attend the session; the readers of who attended
in the opening start at the acta's title ("ACTA DE SESIÓN ORDINARIA NO. 44") instead.
"""

from __future__ import annotations

import re

MASTHEAD_CHARS = 4000
# (not a legislature's Gaceta Parlamentaria, whose header names the session's officers)
_GAZETTE_RE = re.compile(r"\b(?:periodico\s+oficial|organo\s+oficial\s+de\s+difusion|directorio)\b")
# "ACTA DE SESIÓN ORDINARIA NO. 44"; "SESIÓN EXTRAORDINARIA DEL MES DE DICIEMBRE".
_TITLE_RE = re.compile(
    r"(?m)^[ \t]*(?:(?:acta|minuta)\s+(?:de\s+(?:la\s+)?(?:\w+\s+){0,3}?(?:sesion|reunion)|"
    r"(?:numero|no\.|num\.))|sesion\s+(?:ordinaria|extraordinaria|solemne)\b)"
)


def acta_start(folded: str) -> int:
    """Where the acta's title stands after a gazette's masthead; 0 without a masthead."""
    gazette = _GAZETTE_RE.search(folded, 0, MASTHEAD_CHARS)
    if gazette is None:
        return 0
    title = _TITLE_RE.search(folded, gazette.end(), MASTHEAD_CHARS)
    return title.start() if title else 0
