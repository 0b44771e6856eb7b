"""The agenda (orden del día) as announced, and where each item is later discussed.

The announced agenda is the numbered list that follows an "ORDEN DEL DÍA"
heading (or "puntos a tratar"). Its items are read with the sequential marker
search of ``markers``, so a Roman, Arabic or worded numbering, one item per line
or all in one paragraph, reads the same. The narrative that follows usually
takes the items up one by one ("III. Lectura…", "En el desahogo del punto
cuatro…"); those positions tell which item an agreement belongs to.
"""

import re
from dataclasses import dataclass, field

from abierto.lib.roman import to_roman

from .agenda_headings import agenda_headings, next_meeting_agenda, title_positions
from .bulleted_agenda import bulleted_items, tabled_items
from .markers import Marker, Style, detect_style, find_marker, find_markers, read_list
from .points import point_mentions, point_number
from .text import clean_title, fold, sentences

# "…el Dictamen que presenta la Comisión Permanente de Hacienda": an organ that presents a
# report names the report, and stays in the title; a person who presents it does not.
_PRESENTED_BY_ORGAN = (
    r"(?!\s+(?:el|la|los|las)\s+(?:H\.\s+|Honorable\s+)?(?:comisi[oó]n|comisiones|comit[eé]|"
    r"consejo|junta|direcci[oó]n|unidad|coordinaci[oó]n|dependencia|[aá]rea)\w*\b)"
)
_PRESENTER_RE = re.compile(
    r"[,;]?\s*(?:\(\s*)?\b(?:(?:por\s+parte|a\s+cargo)\s+de(?:l|\s+la|\s+los|\s+las)?|presentad[oa]s?\s+por|"
    r"que\s+presenta" + _PRESENTED_BY_ORGAN + r"|que\s+rinde" + _PRESENTED_BY_ORGAN + r"|"
    r"expuest[oa]\s+por|presenta\s*:|expone\s*:|ponente\s*:|responsable\s*:|"
    # "…SOLICITUDES, CON LA INTERVENCIÓN DEL ING. …, DIRECTOR DE OBRAS PÚBLICAS"
    r"con\s+la\s+(?:intervenci[oó]n|participaci[oó]n)\s+de(?:l|\s+la|\s+los|\s+las)?)\s.*$",
    re.IGNORECASE | re.DOTALL,
)
_PRESENTER_LEAD_RE = re.compile(
    r"^[,;]?\s*\(?\s*(?:(?:por\s+parte|a\s+cargo)\s+(?:de(?:l|\s+la|\s+los|\s+las)?)|"
    r"presentad[oa]s?\s+por|que\s+presenta"
    + _PRESENTED_BY_ORGAN
    + r"|que\s+rinde"
    + _PRESENTED_BY_ORGAN
    + r"|expuest[oa]\s+por|presenta\s*:|"
    r"expone\s*:|ponente\s*:|responsable\s*:|"
    r"con\s+la\s+(?:intervenci[oó]n|participaci[oó]n)\s+de(?:l|\s+la|\s+los|\s+las)?)\s*",
    re.IGNORECASE,
)
_TRAILING_AND_RE = re.compile(r"[;,]\s+[ye]$")
MAX_TITLE_CHARS = 600


@dataclass
class AgendaItem:
    """An item of the agenda as announced."""

    number: int
    title: str
    start: int
    presenter: str = ""


@dataclass
class Agenda:
    """The announced agenda and the span of text it occupies."""

    items: list[AgendaItem] = field(default_factory=list)
    style: Style | None = None
    start: int = 0
    end: int = 0
    warnings: list[str] = field(default_factory=list)
    developed_inline: bool = False  # the items' headings are also the minutes' sections


def read_agenda(text: str, folded: str) -> Agenda:
    """Find the announced agenda: the first heading followed by a numbered list."""
    only_item: Agenda | None = None
    for heading in agenda_headings(folded):
        if next_meeting_agenda(folded, heading.start()):
            continue
        detected = detect_style(text, folded, heading.end(), min(len(text), heading.end() + 160))
        if detected is None:
            bulleted, end = bulleted_items(text, heading.end())
            if not bulleted:
                bulleted, end = tabled_items(text, heading.end())
            if bulleted:
                items = [AgendaItem(n, title, at) for n, (at, title) in enumerate(bulleted, 1)]
                return Agenda(items=items, style=Style.ARABIC, start=heading.start(), end=end)
            continue
        style, first = detected
        markers, skipped = read_list(text, folded, style, first, len(text))
        if len(markers) < 2:
            if only_item is None and _only_item_ends_text(text, markers):
                only_item = _agenda_of(text, style, heading.start(), markers, [])
            continue
        return _agenda_of(text, style, heading.start(), markers, skipped)
    headed = _headed_agenda(text, folded) or _read_aloud_agenda(text, folded)
    if headed is not None:
        return headed
    if only_item is not None:
        return only_item
    return Agenda(
        warnings=[
            "No se encontró el orden del día (un encabezado «Orden del día» seguido de una "
            "lista numerada)."
        ]
    )


def _agenda_of(
    text: str, style: Style, start: int, markers: list[Marker], skipped: list[int]
) -> Agenda:
    """The agenda that ``markers`` number, from the heading at ``start``."""
    agenda = Agenda(style=style, start=start)
    developed_inline = False
    for index, marker in enumerate(markers):
        is_last = index == len(markers) - 1
        end = _last_item_end(text, marker) if is_last else markers[index + 1].start
        listed = _before_sublist(text[marker.content : end], style)
        raw = _before_narrative(listed)
        developed_inline = developed_inline or (raw != listed and not is_last)
        agenda.items.append(AgendaItem(marker.number, _title(raw), marker.start, _presenter(raw)))
        agenda.end = end
    if developed_inline:
        # The items' headings are the minutes' sections: what follows the first heading is
        # already their development, read as such.
        agenda.developed_inline = True
        first = markers[0]
        agenda.end = first.content + len(_before_narrative(text[first.content : agenda.end]))
    for number in skipped:
        agenda.warnings.append(
            f"El orden del día salta del punto {_label(style, number - 1)} al "
            f"{_label(style, number + 1)}: falta el punto {_label(style, number)}."
        )
    return agenda


MAX_TEXT_AFTER_ONLY_ITEM = 300


def _only_item_ends_text(text: str, markers: list[Marker]) -> bool:
    """ "Orden del Día / Primero.- Lista de asistencia." where the text stops (an excerpt, a
    page cut short): one item is the agenda as far as the text goes."""
    if len(markers) != 1:
        return False
    return len(text) - _last_item_end(text, markers[0]) < MAX_TEXT_AFTER_ONLY_ITEM


# Minutes that announce no agenda often take its items up as numbered headings in capitals,
# the first of them the roll call: "1. LISTA DE ASISTENCIA.", "2. APROBACIÓN, EN SU CASO,
# DEL ORDEN DEL DÍA." Those headings are the agenda.
_OPENING_ITEM_RE = re.compile(
    r"(?:lista\s+de\s+asistencia|pase\s+de\s+lista|verificacion\s+(?:del|de)\s+quorum|"
    r"declaratoria\s+de(?:l)?\s+quorum|registro\s+de\s+asistencia|instalacion\s+de\s+la\s+sesion)"
)
_CAPITALS_RE = re.compile(r"[A-ZÁÉÍÓÚÑÜ0-9][A-ZÁÉÍÓÚÑÜ0-9,;()\"'/-]*")
MAX_HEADED_GAP = 20000


def _headed_agenda(text: str, folded: str) -> Agenda | None:
    for style in (Style.ARABIC, Style.ROMAN):
        position = 0
        while True:
            first = find_marker(text, folded, style, 1, position, len(text))
            if first is None:
                break
            position = first.content
            title = _capitals_title(text, first.content)
            if not title or not _OPENING_ITEM_RE.match(fold(title)):
                continue
            agenda = Agenda(style=style, start=first.start)
            marker: Marker | None = first
            while marker is not None and title:
                agenda.items.append(AgendaItem(marker.number, title, marker.start))
                agenda.end = marker.content + len(title)
                marker = find_marker(
                    text,
                    folded,
                    style,
                    marker.number + 1,
                    marker.content,
                    min(len(text), marker.content + MAX_HEADED_GAP),
                )
                title = _capitals_title(text, marker.content) if marker else ""
            agenda.end = first.content + len(agenda.items[0].title)
            return agenda
    return None


# A stenographic version reads the agenda aloud: "En el numeral 1 se encuentra la Aprobación
# del Orden del Día…. En el numeral 2, el Informe…".
_READ_ALOUD_RE = re.compile(
    r"\ben\s+el\s+(?:numeral|punto)\s+(?:numero\s+)?(?P<number>\d{1,2})\s*,?\s*"
    r"(?:se\s+encuentra|esta|corresponde\s+a|tenemos)?\s*(?:(?:la|el|los|las)\s+)?(?=\S)"
    # "Para desahogar el PUNTO NÚMERO UNO del Orden del Día consistente en LISTA DE …": each
    # item as it is taken up, when no list announces them.
    r"|\bpunto\s+numero\s+(?P<worded>\d{1,2}|[a-z]+)\s+del\s+orden\s+del\s+dia,?\s+"
    r"(?:consistente\s+en|relativo\s+a|referente\s+a)\s+(?:(?:la|el|los|las)\s+)?(?=\S)"
)


def _read_aloud_agenda(text: str, folded: str) -> Agenda | None:
    agenda: Agenda | None = None
    for match in _READ_ALOUD_RE.finditer(folded):
        number = point_number(match["number"] or match["worded"])
        if number is None:
            continue
        expected = len(agenda.items) + 1 if agenda else 1
        if number != expected:
            if agenda:
                break
            continue
        sentence_end = re.search(r"\.(?=\s|$)", text[match.end() : match.end() + MAX_TITLE_CHARS])
        end = match.end() + (sentence_end.start() if sentence_end else 0)
        title = _title(text[match.end() : end])
        if not title or not title[0].isupper():
            break
        agenda = agenda or Agenda(style=Style.ARABIC, start=match.start())
        agenda.items.append(AgendaItem(number, title, match.start()))
        agenda.end = end
    return agenda


def _capitals_title(text: str, start: int) -> str:
    """The heading in capitals that starts at ``start``: "LISTA DE ASISTENCIA."."""
    words: list[str] = []
    for match in re.finditer(r"\S+", text[start : start + MAX_TITLE_CHARS]):
        word = match.group(0)
        bare = word.rstrip(".:")
        if not bare or not _CAPITALS_RE.fullmatch(bare) or (len(bare) == 1 and not words):
            break
        words.append(word)
        if word.endswith((".", ":")) and len(bare) > 1:
            break
    letters = sum(char.isalpha() for char in "".join(words))
    return clean_title(" ".join(words)) if letters >= 6 else ""


def _label(style: Style, number: int) -> str:
    return to_roman(number) if style is Style.ROMAN and number > 0 else str(number)


def _last_item_end(text: str, marker: Marker) -> int:
    line_end = text.find("\n", marker.content)
    line_end = len(text) if line_end == -1 else line_end
    spans = sentences(text[marker.content : line_end], marker.content)
    if len(spans) > 1 and len(text[spans[0][0] : spans[0][1]].split()) >= 2:
        return spans[0][1]
    return min(line_end, marker.content + MAX_TITLE_CHARS)


# A sub-list under an item ("III. Correspondencia:\n a) Recibida.", "II. Lectura del acta
# anterior. 1) Acta número 66 …", the committees or legislators after a colon): its entries
# are not part of the item's title. Arabic entries count as a sub-list only under a list
# numbered otherwise.
_SUBLIST_RE = re.compile(
    r"(?:\n\s*|(?<=[.:;])[ \t]+)(?:[a-zA-Z]\)|\d{1,2}\)|[-\u2022\u2013][ \t]|"
    # "3. Lectura de las Actas …:\n3.1 Sesión Ordinaria …": numbered with the item's number
    r"\d{1,2}\.\d{1,2}\.?[ \t]|"
    # "3. Asuntos de Sindicatura Municipal.\nAsunto No. 1.- Autorizar …": labelled entries
    r"(?i:asunto|inciso|tema)[ \t]+(?i:no\.|n[uú]m\.?|n[uú]mero)?[ \t]*\d{1,3}\b)"
)
_ARABIC_SUBLIST_RE = re.compile(r"(?:\n\s*|(?<=[.:;])[ \t]+)\d{1,2}\.[ \t]")


def _before_sublist(raw: str, style: Style) -> str:
    cuts = [match.start() for match in _SUBLIST_RE.finditer(raw) if raw[: match.start()].strip()]
    if style is not Style.ARABIC:
        cuts += [
            match.start()
            for match in _ARABIC_SUBLIST_RE.finditer(raw)
            if raw[: match.start()].strip()
        ]
    return raw[: min(cuts)] if cuts else raw


# "I. LECTURA Y, EN SU CASO, APROBACIÓN DEL ACTA …. Acto seguido el doctor … preguntó …": an
# item's heading in capitals that the development follows in the same paragraph, where the
# agenda doubles as the minutes' sections. The sentence in mixed case after it is narrative.
_CAPITALS_HEADING_THEN_PROSE_RE = re.compile(
    r"^\s*[^a-záéíóúñü]*?[A-ZÁÉÍÓÚÑ]{3}[^a-záéíóúñü]*?[.:](?=\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+\s+[a-záéíóúñü])"
)


# "1.- Registro de asistencia y declaración de quórum\nLa presidenta, diputada …, agradece …":
# a heading on a line of its own, then paragraphs of development before the next item.
_LINE_HEADING_THEN_PROSE_RE = re.compile(
    r"^[ \t]*(?P<heading>[^\n]{6,200}?)[ \t]*\n(?=[ \t]*[A-ZÁÉÍÓÚÑ][a-záéíóúñ]*[ \t,]+[a-záéíóúñ])"
)
# A line that ends so is cut short: its title runs on ("… aprobación del\nOrden del Día").
_RUNS_ON_RE = re.compile(r"(?:[,;:(-]|\b(?:de|la|el|y|e|en|a|del|los|las|al|por|con|para|su|sus))$")
MIN_DEVELOPMENT_CHARS = 150
# "I.- Bienvenida a asistentes. Se inicia la reunión con la bienvenida …": the title, then in
# the same paragraph the telling of what was done under it.
_TITLE_THEN_TELLING_RE = re.compile(
    r"(?P<heading>[^.\n]{6,160}?)\.[ \t]+(?=(?:Se|Cada|Acto\s+seguido|Posteriormente|"
    r"A\s+continuaci[oó]n|En\s+(?:este|dicho|uso)|Con\s+(?:la|el)\s+(?:participaci|presencia|"
    r"asistencia))\b[^\n]{20})"
)


def _before_narrative(raw: str) -> str:
    heading = _CAPITALS_HEADING_THEN_PROSE_RE.match(raw)
    if heading:
        return heading.group(0)
    told = _TITLE_THEN_TELLING_RE.match(raw)
    if told:
        return told.group("heading")
    line = _LINE_HEADING_THEN_PROSE_RE.match(raw)
    if (
        line
        and len(raw) - line.end() >= MIN_DEVELOPMENT_CHARS
        and not _RUNS_ON_RE.search(fold(line.group("heading")))
    ):
        return line.group("heading")
    return raw


def _title(raw: str) -> str:
    if raw.rstrip().endswith(":"):
        # "…, a cargo de las y los legisladores:" heads the list of who presents: the
        # clause is the item's title, not one presenter.
        return clean_title(_TRAILING_AND_RE.sub("", clean_title(raw[:MAX_TITLE_CHARS])))
    title = _PRESENTER_RE.sub("", clean_title(raw[:MAX_TITLE_CHARS]))
    # The last-but-one item of a list ends with the conjunction: "X. Asuntos generales; y".
    return clean_title(_TRAILING_AND_RE.sub("", clean_title(title)))


def _presenter(raw: str) -> str:
    """Who presents the item, as announced: "…, por parte de Luis Parra, Comisionado"."""
    match = _PRESENTER_RE.search(clean_title(raw[:MAX_TITLE_CHARS]))
    if match is None:
        return ""
    clause = _PRESENTER_LEAD_RE.sub("", match.group(0))
    return clean_title(clause.rstrip(") "))


# --- Where each item is discussed ----------------------------------------------------


def item_positions(
    text: str, folded: str, agenda: Agenda, start: int | None = None, end: int | None = None
) -> list[tuple[int, int]]:
    """Where the narrative takes up item N, ``(position, N)``: after the agenda, or in
    ``text[start:end]``."""
    if not agenda.items or agenda.style is None:
        return []
    start = agenda.end if start is None else start
    end = len(text) if end is None else end
    count = len(agenda.items)
    numbers = {item.number for item in agenda.items}
    found: list[tuple[int, int]] = [
        (marker.start, marker.number)
        for marker in find_markers(text, folded, agenda.style, numbers, start, end)
        if marker.at_line_start or _capitals_title(text, marker.content)
    ]
    # An agenda announced "1. 2. 3." may be taken up as "I. Como primer punto…", "II. Respecto
    # al segundo punto…": the other numbering counts when it starts at one and goes in order.
    for style in (Style.ROMAN, Style.ARABIC):
        if style is agenda.style:
            continue
        others = sorted(
            (marker.start, marker.number)
            for marker in find_markers(text, folded, style, numbers, start, end)
            if marker.at_line_start
        )
        if len(others) >= 2 and [number for _, number in others[:2]] == [1, 2]:
            found += others
    for position, raw in point_mentions(folded, start, end):
        number = point_number(raw)
        if number is not None and 1 <= number <= count:
            found.append((position, number))
    if agenda.developed_inline and start == agenda.end:
        found.append((agenda.items[0].start, agenda.items[0].number))
    titles = ((item.number, item.title) for item in agenda.items)
    found += title_positions(folded, titles, start, end)
    found.sort()
    return found
