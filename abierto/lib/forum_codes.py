"""The acronym of a municipal forum, which heads its codes: STM-TOLUCA/III/2/2024."""

from __future__ import annotations

import re
import unicodedata

MUNICIPAL_PREFIX = "STM"
_SMALL_WORDS = {"DE", "DEL", "LA", "LAS", "LOS", "EL", "Y"}
_MAX_TAIL = 19


def municipal_acronym(municipality_name: str) -> str:
    """``STM-`` and the municipality's name in capitals without accents or small words.

    >>> municipal_acronym("Toluca")
    'STM-TOLUCA'
    >>> municipal_acronym("Tlalnepantla de Baz")
    'STM-TLALNEPANTLABAZ'
    """
    plain = unicodedata.normalize("NFKD", municipality_name).encode("ascii", "ignore").decode()
    words = [w for w in re.split(r"[^A-Z0-9]+", plain.upper()) if w and w not in _SMALL_WORDS]
    tail = "".join(words)[:_MAX_TAIL]
    if len(tail) < 2:
        raise ValueError(municipality_name)
    return f"{MUNICIPAL_PREFIX}-{tail}"
