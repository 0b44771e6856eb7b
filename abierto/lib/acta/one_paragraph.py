"""A minute published as one paragraph (a web page's text, a blog post): "… de 2006. Hora: de
11:00 a 12:49. Lugar: Sala de Juntas … Orden del día: • Acuerdos … • Compromisos. Asuntos
abordados: • …". The header's labels after a sentence's stop, and each bullet of a run, start
their own line again, so that the readers of labels and lists find them. Split from
``normalize``.
"""

import re

# Found from the stop: a pattern that starts with a look-behind is tried at every character.
_INLINE_LABEL_RE = re.compile(
    r"\.[ ]+(?=(?:Fecha|Hora|Lugar|Sede|Orden\s+del\s+d[ií]a|Asuntos\s+abordados)[ ]*:)"
)
_BULLET_SPLIT_RE = re.compile(r"[ ]*•[ ]*")


def _inline_bullets(text: str) -> str:
    """Each bullet of a line that holds two or more starts its own line."""
    lines = []
    for line in text.split("\n"):
        if line.count("•") < 2:
            lines.append(line)
            continue
        head, *items = _BULLET_SPLIT_RE.split(line)
        lines += [head] if head.strip() else []
        lines += [f"• {item}" for item in items]
    return "\n".join(lines)


def with_lines_restored(text: str) -> str:
    """``text`` with the lines a one-paragraph publication ran together put back."""
    if "•" in text:
        text = _inline_bullets(text)
    if ". " in text:
        text = _INLINE_LABEL_RE.sub(".\n", text)
    return text
