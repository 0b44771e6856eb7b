"""The acta markup read into blocks, which every renderer shares (its syntax is described
in ``abierto.forum.minutes_text``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from ..minutes_text import fold

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
