"""Specks that OCR leaves in the text of a scan: those ``ocr_specks`` does not catch from the
words' boxes, and those of a publisher's own OCR layer, which reaches the reader as text. These
repairs need only the text and are safe on any text: no Spanish writing puts a full stop
between a whole word and "del", a colon between two letters of two words, a second stop after
an abbreviation's, or a dash before a courtesy title.
"""

import re

# Each pattern starts with its literal and looks behind afterwards (issue 13's speed: a pattern
# that starts with a look-behind is tried at every character of the acta).
# "el Lic. .\nRafael Coello": a second stop after an abbreviation's, set apart.
_DOUBLE_STOP_RE = re.compile(r"\.[ \t]+\.(?=\s)")
# "en su carácter de Secretario. del Comité": a stop before a connector, after a whole word of
# six letters or more ("Jefa de Depto. de Radio" keeps its abbreviation's stop).
_STOP_BEFORE_CONNECTOR_RE = re.compile(
    r"\.(?<=[A-Za-záéíóúñ][a-záéíóúñ]{5}\.)[ \t]+(?=(?:de|del)[ \t])"
)
# "Asesor:de Mando Superior": a colon glued between two words (never a time: letters only).
_GLUED_COLON_RE = re.compile(r":(?<=[a-záéíóúñ]{3}:)(?=[a-záéíóúñ]{2})")
# "y el -Ing. Arq. Alejandro …": a dash glued before a courtesy title.
_DASHED_TITLE_RE = re.compile(r"-(?<=[ \t]-)(?=(?:Ing|Lic|Arq|Dra?|Mtr[oa]|Profr?a?|C)\.)")


def without_text_specks(text: str) -> str:
    """``text`` without the specks above."""
    if " ." in text or "\t." in text:
        text = _DOUBLE_STOP_RE.sub(".", text)
    text = _STOP_BEFORE_CONNECTOR_RE.sub(" ", text)
    if ":" in text:
        text = _GLUED_COLON_RE.sub(" ", text)
    if "-" in text:
        text = _DASHED_TITLE_RE.sub("", text)
    return text
