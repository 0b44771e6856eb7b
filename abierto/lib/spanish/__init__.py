"""Spanish numbers, ordinals, times and dates in the style of Mexican actas.

Writers produce the formal wording an acta uses ("a las once horas con cuatro
minutos del día dieciséis de diciembre de dos mil veintidós"); readers accept
that wording and the usual shorthand ("11:04 hrs.", "16/12/2022", "15ª"),
ignoring case, accents and extra spaces, and raise ``ValueError`` otherwise.

The package splits them by concern: ``cardinals``, ``ordinals``, ``dates`` (times and dates)
and ``folding``; the public names stay importable from ``abierto.lib.spanish``.
"""

from .cardinals import MAX_CARDINAL, number_to_words, words_to_number
from .dates import (
    date_to_text,
    date_to_words,
    parse_spanish_date,
    parse_spanish_time,
    time_to_words,
)
from .folding import MONTHS, WEEKDAYS
from .ordinals import MAX_ORDINAL, ordinal_to_words, ordinal_words_to_number

__all__ = [
    "MAX_CARDINAL",
    "MAX_ORDINAL",
    "MONTHS",
    "WEEKDAYS",
    "date_to_text",
    "date_to_words",
    "number_to_words",
    "ordinal_to_words",
    "ordinal_words_to_number",
    "parse_spanish_date",
    "parse_spanish_time",
    "time_to_words",
    "words_to_number",
]
