"""The acta of a held session, written from its structured record.

``compose_minutes(session)`` returns the draft that the facilitator then edits in a
textarea. It follows the form of the STL's own actas (its 15th ordinary session is the
model): one opening paragraph with the time and date in words, who convened the session
and with which oficio, and everyone present with their role and whom they represent; the
agenda; then each item, opened by its Roman numeral, told in the third person, with its
votes and its agreements set apart in a box, the calendar as a table; the closing with who
closed the session and when, in words; and the signatures.

The text format is a tiny markup that ``abierto.forum.documents.parse_minutes`` reads and
every renderer (web page, PDF, DOCX) shares:

- Paragraphs are separated by blank lines; a single line break inside a paragraph is kept.
- A line starting with ``# `` is a heading: ``# ORDEN DEL DÍA``. A heading that starts with
  a Roman numeral (``# I. Lista de asistencia y declaratoria de quórum.``), or a line
  starting with ``## ``, is a sub-heading.
- Consecutive lines starting with ``- `` form a list; a list ends at a blank line.
- A paragraph starting with ``ACUERDO `` is an agreement and is printed in a box:
  ``ACUERDO STL/XV/1/2022: Se aprueba por unanimidad de votos el orden del día.``
- Consecutive lines that start and end with ``|`` form a table (a Markdown pipe table): a
  row ``| --- | --- |`` after the first makes that first row the header.
- A heading ``# FIRMAS`` starts the signatures: every following line, up to the next
  heading, is one signature written ``Nombre | Cargo``.

Nothing else is special: any other text is an ordinary paragraph, so whatever the
facilitator types is kept.
"""

from .compose import compose_minutes
from .items import agreement_block
from .words import SEAT_CITY, fold, platform_name

__all__ = ["SEAT_CITY", "agreement_block", "compose_minutes", "fold", "platform_name"]
