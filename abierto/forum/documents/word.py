"""The acta as a Word document (python-docx)."""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Pt, RGBColor

from abierto.lib.spanish import date_to_text

from ..models import Minutes
from .common import LANGUAGE, minutes_status_line, minutes_title
from .markup import (
    AgreementBox,
    Block,
    BulletList,
    Heading,
    Paragraph,
    Signatures,
    Table,
    clean_text,
    parse_minutes,
)

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
