"""The forum's printed documents: the acta (web HTML, PDF, DOCX) and the convocation letter.

Pure rendering, no database writes. Every renderer of an acta reads the same blocks from
``parse_minutes``, whose markup is described in ``abierto.forum.minutes_text``.

PDFs are tagged (PDF/UA-1) so screen readers can follow them, carry their title, author and
language, and are rendered without any network access: WeasyPrint may only read the files
next to the templates (fonts come from the system, fonts-dejavu on Debian).

The documents are official Spanish texts whatever the language of the interface, so they
are rendered with Spanish active and their templates hold Spanish text, not msgids.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit
from urllib.request import url2pathname

import docx
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Pt, RGBColor
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from abierto.lib.roman import to_roman
from abierto.lib.spanish import WEEKDAYS, date_to_text

from .minutes_text import fold, platform_name
from .models import Convocation, Minutes, Seat, Sector, Session

TEMPLATES = "forum/documents"
ASSETS_DIR = Path(__file__).resolve().parent / "templates" / "forum" / "documents"
LANGUAGE = "es-MX"
LETTER_PLACE = "Toluca de Lerdo, Estado de México"  # where the letters are signed

# --- The markup ---------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """``# ORDEN DEL DÍA`` (level 2) or ``# I. Lista de asistencia…`` / ``## …`` (level 3)."""

    kind: ClassVar[str] = "heading"
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    text: str


@dataclass(frozen=True)
class BulletList:
    kind: ClassVar[str] = "list"
    items: tuple[str, ...]

    @property
    def numbered(self) -> bool:
        """The items carry their own Roman numerals, as the agenda does: no bullets then."""
        return bool(self.items) and all(_ROMAN_ITEM_RE.match(item) for item in self.items)

    @property
    def numbered_items(self) -> list[tuple[str, str]]:
        """``("VIII.", "Sesión de …")`` pairs, so the numerals can line up in a column."""
        pairs = []
        for item in self.items:
            numeral, _space, text = item.partition(" ")
            pairs.append((numeral, text))
        return pairs


@dataclass(frozen=True)
class AgreementBox:
    """``ACUERDO STL/XV/1/2022: text``; ``code`` is empty when the line names none."""

    kind: ClassVar[str] = "agreement"
    code: str
    text: str

    @property
    def label(self) -> str:
        return f"ACUERDO {self.code}:" if self.code else "ACUERDO"

    @property
    def name(self) -> str:
        """How assistive technology announces the box: «Acuerdo STL/XV/1/2022»."""
        return f"Acuerdo {self.code}" if self.code else "Acuerdo"


@dataclass(frozen=True)
class Table:
    """Lines ``| a | b |``; a ``| --- | --- |`` line after the first makes it the header."""

    kind: ClassVar[str] = "table"
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def columns(self) -> int:
        return max([len(self.header), *(len(row) for row in self.rows)])


@dataclass(frozen=True)
class Signature:
    name: str
    role: str = ""


@dataclass(frozen=True)
class Signatures:
    kind: ClassVar[str] = "signatures"
    title: str
    signatures: tuple[Signature, ...]


Block = Heading | Paragraph | BulletList | AgreementBox | Table | Signatures

_ROMAN_ITEM_RE = re.compile(r"^[IVXLCDM]+[.)]\s")
_HEADING_RE = re.compile(r"^(#{1,6})\s+(\S.*)$")
_LIST_ITEM_RE = re.compile(r"^-\s+(\S.*)$")
_TABLE_ROW_RE = re.compile(r"^\|.*\|$")
_TABLE_RULE_RE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+$")
_AGREEMENT_RE = re.compile(r"^ACUERDO\s+(?P<code>[^\s:]+)\s*:\s*(?P<text>.*)\Z", re.DOTALL)
# Characters XML 1.0 cannot hold (python-docx and lxml refuse them) or that split lines.
_UNPRINTABLE_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
)
_LINE_BREAKS_RE = re.compile("\r\n|[\r\x85\u2028\u2029]")


def clean_text(text: str) -> str:
    """Line breaks as ``\\n``, tabs as spaces, and nothing an XML document cannot hold."""
    text = _LINE_BREAKS_RE.sub("\n", text)
    return _UNPRINTABLE_RE.sub("", text).replace("\t", " ")


class _Parser:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.paragraph: list[str] = []
        self.items: list[str] = []
        self.rows: list[str] = []
        self.signatures: list[Signature] | None = None
        self.signatures_title = ""

    def flush(self) -> None:
        if self.rows:
            self.blocks.append(_table(self.rows))
            self.rows = []
        if self.paragraph:
            text = "\n".join(self.paragraph)
            match = _AGREEMENT_RE.match(text)
            if match:
                self.blocks.append(AgreementBox(match["code"], match["text"].strip()))
            elif text.startswith("ACUERDO "):
                self.blocks.append(AgreementBox("", text.removeprefix("ACUERDO ").strip()))
            else:
                self.blocks.append(Paragraph(text))
            self.paragraph = []
        if self.items:
            self.blocks.append(BulletList(tuple(self.items)))
            self.items = []

    def close_signatures(self) -> None:
        if self.signatures is not None:
            self.blocks.append(Signatures(self.signatures_title, tuple(self.signatures)))
            self.signatures = None

    def heading(self, marks: str, text: str) -> None:
        self.flush()
        self.close_signatures()
        if fold(text).startswith("firmas"):
            self.signatures, self.signatures_title = [], text
            return
        level = 3 if len(marks) > 1 or _ROMAN_ITEM_RE.match(text + " ") else 2
        self.blocks.append(Heading(text, level))

    def signature(self, line: str) -> None:
        assert self.signatures is not None
        name, _bar, role = line.removeprefix("- ").partition("|")
        name, role = " ".join(name.split()), " ".join(role.split())
        if name or role:
            self.signatures.append(Signature(name, role))

    def line(self, line: str) -> None:
        if not line:
            self.flush()
            return
        if heading := _HEADING_RE.match(line):
            self.heading(heading[1], heading[2].strip())
        elif self.signatures is not None:
            self.signature(line)
        elif _TABLE_ROW_RE.match(line) and len(line) > 2:
            if self.paragraph or self.items:
                self.flush()
            self.rows.append(line)
        elif self.rows:
            self.flush()
            self.paragraph.append(line)
        elif item := _LIST_ITEM_RE.match(line):
            if self.paragraph:
                self.flush()
            self.items.append(item[1])
        elif self.items:
            self.items[-1] += " " + line  # a list item continues until a blank line
        else:
            self.paragraph.append(line)

    def finish(self) -> list[Block]:
        self.flush()
        self.close_signatures()
        return self.blocks


def _cells(line: str) -> tuple[str, ...]:
    return tuple(" ".join(cell.split()) for cell in line.strip()[1:-1].split("|"))


def _table(lines: list[str]) -> Table:
    if len(lines) >= 2 and _TABLE_RULE_RE.match(lines[1].replace(" ", "")):
        rows = [line for line in lines[2:] if not _TABLE_RULE_RE.match(line.replace(" ", ""))]
        return Table(_cells(lines[0]), tuple(_cells(line) for line in rows))
    rows = [line for line in lines if not _TABLE_RULE_RE.match(line.replace(" ", ""))]
    return Table((), tuple(_cells(line) for line in rows))


def parse_minutes(text: str) -> list[Block]:
    """Read the acta markup into blocks. Any text is accepted; nothing is ever lost or raised."""
    parser = _Parser()
    for line in clean_text(text).split("\n"):
        parser.line(" ".join(line.split()) if line.strip() else "")
    return parser.finish()


# --- Shared pieces -----------------------------------------------------------


def content_hash(text: str) -> str:
    """The SHA-256 that ``minutes_approve`` freezes: of the text in UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def minutes_title(minutes: Minutes) -> str:
    return f"Acta de la {minutes.session.title}"


def minutes_status_line(minutes: Minutes) -> str:
    """The footer of every page: a draft has no validity; an approved acta shows its seal."""
    if minutes.approved_in_original:
        line = f"Aprobada en su original (SHA-256 del original {minutes.original_sha256[:16]}…)"
        line += f" · SHA-256 {minutes.content_hash}"
    elif minutes.status == Minutes.Status.DRAFT or minutes.approval_agreement is None:
        return "BORRADOR — sin validez"
    else:
        code = minutes.approval_agreement.code
        line = f"Aprobada mediante acuerdo {code} · SHA-256 {minutes.content_hash}"
    if content_hash(minutes.text) != minutes.content_hash:
        line += " · ATENCIÓN: el texto no coincide con esta huella"
    return line


def _local_iso(moment: datetime.datetime | None) -> str:
    if moment is None:
        return ""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.replace(microsecond=0).isoformat()


def _blocks_context(blocks: list[Block], top: int) -> dict[str, Any]:
    return {"blocks": blocks, "top": top, "sub": top + 1}


# --- Web page ------------------------------------------------------------------


def minutes_html(minutes: Minutes) -> SafeString:
    """The acta as an escaped ``<section class="acta">`` for a web page (headings h2/h3)."""
    with translation.override("es-mx"):
        html = render_to_string(
            f"{TEMPLATES}/acta_section.html",
            {"minutes": minutes, **_blocks_context(parse_minutes(minutes.text), top=2)},
        )
    return mark_safe(html)  # noqa: S308 - the template escapes every value


# --- PDF ---------------------------------------------------------------------------


class LocalFilesOnly(URLFetcher):
    """A WeasyPrint fetcher that reads the files next to the templates and nothing else.

    Documents never need the network; refusing it also means text typed by a facilitator
    can never make the server fetch a URL.
    """

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
        parts = urlsplit(url)
        if parts.scheme != "file":
            raise ValueError(f"Refused to fetch {url!r}: documents only read local files.")
        path = Path(url2pathname(parts.path)).resolve()
        if not path.is_relative_to(ASSETS_DIR):
            raise ValueError(f"Refused to read {path}: outside {ASSETS_DIR}.")
        return super().fetch(url, headers)


def render_pdf(html: str) -> bytes:
    """A tagged PDF/UA-1 from ``html``; relative URLs resolve next to the templates."""
    document = HTML(string=html, base_url=ASSETS_DIR.as_uri() + "/", url_fetcher=LocalFilesOnly())
    pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    return pdf


def minutes_pdf(minutes: Minutes) -> bytes:
    session = minutes.session
    with translation.override("es-mx"):
        html = render_to_string(
            f"{TEMPLATES}/acta.html",
            {
                "minutes": minutes,
                "session": session,
                "forum": session.forum,
                "title": minutes_title(minutes),
                "session_date": date_to_text(session.date),
                "language": LANGUAGE,
                "draft": minutes.status == Minutes.Status.DRAFT,
                "status_line": minutes_status_line(minutes),
                "created": _local_iso(minutes.created_at),
                "modified": _local_iso(minutes.approved_at or minutes.updated_at),
                **_blocks_context(parse_minutes(minutes.text), top=1),
            },
        )
    return render_pdf(html)


# --- Convocation letter ----------------------------------------------------------


def _venue(session: Session) -> tuple[str, str]:
    """How the letter says where the session is, and the link to print after it, if any."""
    place = " ".join(session.place.split())
    url = session.meeting_url
    if session.modality == Session.Modality.VIRTUAL:
        where = "en modalidad virtual"
        if place:
            where += f", a través de la plataforma {platform_name(place)}"
        return where, url
    if session.modality == Session.Modality.HYBRID:
        where = "en modalidad híbrida: de manera presencial"
        where += f" en {place}" if place else ""
        return where + " y a distancia", url
    return (f"en {place}" if place else "de manera presencial"), ""


def _facilitator_name(convocation: Convocation) -> str:
    seat = (
        Seat.objects.filter(forum=convocation.forum, sector=Sector.FACILITATION)
        .active_on(convocation.date)
        .select_related("holder")
        .order_by("order")
        .first()
    )
    return seat.holder.display_name if seat is not None else ""


def convocation_pdf(convocation: Convocation) -> bytes:
    """The official letter (oficio) that convenes the members, with the agenda.

    It goes only to the members, so it prints the link to join a virtual session.
    """
    session = convocation.session
    forum = session.forum
    where, url = _venue(session)
    weekday = WEEKDAYS[session.date.weekday()]
    subject = f"Convocatoria a la {session.title}"
    body = clean_text(convocation.body).strip()
    with translation.override("es-mx"):
        html = render_to_string(
            f"{TEMPLATES}/oficio.html",
            {
                "convocation": convocation,
                "session": session,
                "forum": forum,
                "title": f"Oficio {convocation.reference}: {subject}",
                "subject": subject,
                "language": LANGUAGE,
                "place_and_date": f"{LETTER_PLACE}, a {date_to_text(convocation.date)}",
                "session_day": f"{weekday} {date_to_text(session.date)}",
                "session_time": session.start_time.strftime("%H:%M") if session.start_time else "",
                "where": where,
                "meeting_url": url,
                "agenda": [
                    (to_roman(item.number), item.title)
                    for item in session.agenda.order_by("number")
                ],
                "body_paragraphs": [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()],
                "facilitator": _facilitator_name(convocation),
                "created": _local_iso(convocation.created_at),
            },
        )
    return render_pdf(html)


# --- DOCX ----------------------------------------------------------------------------

DOCX_FONT = "Times New Roman"
BLACK = RGBColor(0, 0, 0)


def _set_language(element: Any, language: str = LANGUAGE) -> None:
    """Mark a style's runs as Mexican Spanish, for Word's spelling and screen readers."""
    properties = element.get_or_add_rPr()
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), language)


def _style_document(document: Any) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = DOCX_FONT
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), DOCX_FONT)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.15
    _set_language(normal.element)
    for name in ("Heading 1", "Heading 2"):
        style = styles[name]
        style.font.name = DOCX_FONT
        style.font.size = Pt(12)
        style.font.bold = True
        style.font.color.rgb = BLACK  # the default template's headings are blue
        fonts = style.element.rPr.rFonts
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)  # a theme font would override DOCX_FONT
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _add_field(paragraph: Any, instruction: str) -> None:
    """A Word field such as PAGE or NUMPAGES, updated by Word when it lays out the pages."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _shade(cell: Any, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _add_lines(paragraph: Any, text: str) -> None:
    for index, line in enumerate(text.split("\n")):
        if index:
            paragraph.add_run().add_break()  # keep the facilitator's line breaks
        paragraph.add_run(line)


def _page_setup(document: Any, header: str, status: str) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Inches(8.5), Inches(11)  # letter
    section.top_margin, section.bottom_margin = Cm(3), Cm(2.5)
    section.left_margin, section.right_margin = Cm(3), Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.25)
    top = section.header.paragraphs[0]
    top.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = top.add_run(header)
    run.font.size = Pt(9)
    footer = section.footer.paragraphs[0]
    run = footer.add_run(status)
    run.font.size = Pt(8)
    run.bold = status.startswith("BORRADOR") or None
    pages = section.footer.add_paragraph()
    pages.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    pages.add_run("Página ")
    _add_field(pages, "PAGE")
    pages.add_run(" de ")
    _add_field(pages, "NUMPAGES")
    for run in pages.runs:
        run.font.size = Pt(8)


def _docx_block(document: Any, block: Block) -> None:
    if isinstance(block, Heading):
        document.add_heading(block.text, level=1 if block.level == 2 else 2)
    elif isinstance(block, Paragraph):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        _add_lines(paragraph, block.text)
    elif isinstance(block, BulletList):
        if block.numbered:
            for numeral, text in block.numbered_items:
                paragraph = document.add_paragraph(f"{numeral}\t{text}")
                paragraph.paragraph_format.left_indent = Cm(1.8)
                paragraph.paragraph_format.first_line_indent = Cm(-1.3)
                paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(1.8))
                paragraph.paragraph_format.space_after = Pt(2)
        else:
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
    elif isinstance(block, Table):
        _docx_table(document, block)
    elif isinstance(block, AgreementBox):
        table = document.add_table(rows=1, cols=1)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        cell = table.cell(0, 0)
        _shade(cell, "F2F2F2")
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.add_run(block.label + " ").bold = True
        _add_lines(paragraph, block.text)
        document.add_paragraph().paragraph_format.space_after = Pt(0)
    else:
        _docx_signatures(document, block)


def _docx_table(document: Any, block: Table) -> None:
    rows = ([block.header] if block.header else []) + list(block.rows)
    table = document.add_table(rows=len(rows), cols=block.columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(rows):
        for c in range(block.columns):
            paragraph = table.cell(r, c).paragraphs[0]
            run = paragraph.add_run(row[c] if c < len(row) else "")
            if block.header and r == 0:
                run.bold = True
                _shade(table.cell(r, c), "F2F2F2")
    if block.header:
        # Repeat the header row on every page (w:tblHeader).
        properties = table.rows[0]._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        properties.append(header)
    document.add_paragraph().paragraph_format.space_after = Pt(0)


def _docx_signatures(document: Any, block: Signatures) -> None:
    document.add_heading(block.title, level=1)
    if not block.signatures:
        return
    rows = (len(block.signatures) + 1) // 2
    table = document.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, signature in enumerate(block.signatures):
        cell = table.cell(index // 2, index % 2)
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(48)
        paragraph.add_run("_" * 32)
        name = cell.add_paragraph()
        name.alignment = WD_ALIGN_PARAGRAPH.CENTER
        name.paragraph_format.space_after = Pt(0)
        name.add_run(signature.name).bold = True
        if signature.role:
            role = cell.add_paragraph()
            role.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = role.add_run(signature.role)
            run.font.size = Pt(9)


def minutes_docx(minutes: Minutes) -> bytes:
    """The acta as a Word document the facilitator can print or archive."""
    session = minutes.session
    forum = session.forum
    title = minutes_title(minutes)
    document = docx.Document()
    _style_document(document)
    _page_setup(
        document,
        clean_text(f"{forum.name} · {title} · {date_to_text(session.date)}"),
        minutes_status_line(minutes),
    )
    for block in parse_minutes(minutes.text):
        _docx_block(document, block)
    properties = document.core_properties
    properties.title = clean_text(title)
    properties.author = clean_text(forum.name)
    properties.language = LANGUAGE
    properties.subject = clean_text(f"{title} del {forum.name}")
    properties.keywords = "acta, gobierno abierto, sesión"
    properties.category = "Acta"
    properties.comments = minutes_status_line(minutes)
    properties.last_modified_by = clean_text(forum.acronym)
    properties.revision = 1
    if minutes.created_at is not None:
        properties.created = minutes.created_at
    if (modified := minutes.approved_at or minutes.updated_at) is not None:
        properties.modified = modified
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
