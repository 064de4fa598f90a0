"""The blocks of a document (:mod:`tally.render.document`) laid out in Word.

Letterhead and signatures are borderless tables (two columns; one column per signature
block); tables are bordered, their header row repeated on every page; fields are
"Label: value" paragraphs. Sizes are in :data:`SIZES`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx.document import Document as WordFile
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_TABLE_DIRECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph

from tally.render.document import (
    Align,
    Block,
    Fields,
    Heading,
    Letterhead,
    Paragraph,
    Signatures,
    Table,
    Title,
)

FACE = "Times New Roman"


@dataclass(frozen=True)
class Sizes:
    """Type sizes (points) and spacing: Hướng dẫn 36-HD/VPTW Phụ lục 3 where it says,
    common practice where it does not (docs/documents.md)."""

    body: float = 14
    table: float = 13
    heading: float = 14
    title: float = 16
    subtitle: float = 14
    party: float = 15
    letterhead: float = 14
    footer: float = 10
    indent_mm: float = 10
    space_pt: float = 6
    line_spacing: float = 1.15
    text_width_mm: float = 165
    """A4's 210 mm less the margins, 30 and 15 mm."""
    letterhead_left: float = 0.4
    """The share of the text width for the letterhead's left column."""
    room_to_sign: int = 4
    """Blank lines above each name to sign in."""


SIZES = Sizes()
_CHAR_MM = 2.5
"""A little more than the width of a character of the tables' type (13 pt Times, bold in
the header), to size columns."""
_CELL_PADDING_MM = 5.0
_MIN_COLUMN_MM = 12.0
_CAPITAL_MM = 3.2
"""About the width of a capital letter of the letterhead (14 pt Times), to balance its
lines."""
_RULE = frozenset("=-")


def set_face(properties: Any) -> None:
    """Times New Roman on a run's properties (``w:rPr``) for every script, so that Word does
    not take another face for Vietnamese letters; the theme's faces removed."""
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), FACE)


def add_block(word: WordFile, block: Block, lang: str) -> None:
    """``block`` at the end of ``word``."""
    match block:
        case Letterhead():
            _letterhead(word, block)
        case Title(title, subtitle):
            _title(word, title, subtitle)
        case Heading(heading):
            paragraph = word.add_paragraph(style="Heading 1")
            _run(paragraph, heading.upper(), SIZES.heading, bold=True)
        case Paragraph(content):
            _paragraph(word, content)
        case Fields(items):
            for label, value in items:
                _field(word, label, value)
        case Table(headers, rows, align):
            _table(word, headers, rows, align)
        case Signatures(blocks, note):
            _signatures(word, blocks, note)
        case _:
            raise TypeError(block)


# --- runs and paragraphs ----------------------------------------------------------------------


def _run(
    paragraph: WordParagraph,
    content: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> None:
    """``content`` in ``paragraph``; a ``"\\n"`` is a line break."""
    for number, line in enumerate(content.split("\n")):
        run = paragraph.add_run()
        if number:
            run.add_break(WD_BREAK.LINE)
        run.add_text(line)
        run.font.size = Pt(size)
        run.bold = bold or None
        run.italic = italic or None
        run.underline = underline or None


def _plain(
    paragraph: WordParagraph,
    align: WD_ALIGN_PARAGRAPH,
    *,
    before: float = 0,
    after: float = 0,
    keep: bool = False,
) -> WordParagraph:
    """``paragraph`` set apart from the body's form: aligned, no indent, single spacing."""
    paragraph.alignment = align
    form = paragraph.paragraph_format
    form.first_line_indent = Pt(0)
    form.space_before, form.space_after = Pt(before), Pt(after)
    form.line_spacing = 1.0
    if keep:
        form.keep_with_next = True
    return paragraph


def _first(cell: _Cell) -> WordParagraph:
    """The cell's next paragraph: its first (empty) one, then new ones."""
    paragraphs: list[WordParagraph] = cell.paragraphs
    if len(paragraphs) == 1 and not paragraphs[0].runs:
        return paragraphs[0]
    added: WordParagraph = cell.add_paragraph()
    return added


def _paragraph(word: WordFile, content: str) -> None:
    """Running text; a line of ``=`` or ``-`` (a rule between parts) is drawn as a line."""
    if len(content) >= 3 and set(content) <= _RULE:
        paragraph = _plain(word.add_paragraph(), WD_ALIGN_PARAGRAPH.CENTER, after=SIZES.space_pt)
        _border(paragraph, "bottom")
        return
    _run(word.add_paragraph(), content, SIZES.body)


def _field(word: WordFile, label: str, value: str) -> None:
    """``Label: value``; a label indented with two spaces is one level in."""
    paragraph = word.add_paragraph()
    form = paragraph.paragraph_format
    form.space_after = Pt(SIZES.space_pt / 2)
    if label.startswith("  "):
        form.left_indent = Mm(SIZES.indent_mm)
    value = " ".join(value.split())
    _run(paragraph, f"{label.strip()}: {value}" if value else label.strip(), SIZES.body)


def _border(paragraph: WordParagraph, side: str) -> None:
    borders = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{side}")
    for key, val in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        line.set(qn(f"w:{key}"), val)
    borders.append(line)
    properties = paragraph._p.get_or_add_pPr()
    properties.append(borders)


# --- letterhead and title ---------------------------------------------------------------------


def _letterhead(word: WordFile, head: Letterhead) -> None:
    """Left: the organisation (upright), the issuer (bold), an asterisk; right: the Party's
    name (bold, underlined) and the italic place and date; each centred in its column."""
    left_mm = SIZES.text_width_mm * SIZES.letterhead_left
    table = _grid(word, 1, (left_mm, SIZES.text_width_mm - left_mm), borders=False)
    left, right = table.rows[0].cells
    size = SIZES.letterhead
    capacity = int((left_mm - _CELL_PADDING_MM) / _CAPITAL_MM)
    for line in head.organisation:
        lines = "\n".join(_balanced(line, capacity))
        _run(_plain(_first(left), WD_ALIGN_PARAGRAPH.CENTER), lines, size)
    _run(_plain(_first(left), WD_ALIGN_PARAGRAPH.CENTER), head.issuer, size, bold=True)
    _run(_plain(_first(left), WD_ALIGN_PARAGRAPH.CENTER), "*", size)
    party = _plain(_first(right), WD_ALIGN_PARAGRAPH.CENTER, after=SIZES.space_pt)
    _run(party, head.party, SIZES.party, bold=True, underline=True)
    place = _plain(_first(right), WD_ALIGN_PARAGRAPH.CENTER, before=SIZES.space_pt)
    _run(place, head.place_date, size, italic=True)


def _balanced(line: str, capacity: int) -> list[str]:
    """``line`` in as few lines as ``capacity`` characters a line allow, as even as they can
    be (Word would fill the first lines and leave a word or two on the last).

    >>> _balanced("ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN YÊN SƠN", 30)
    ['ĐẠI HỘI ĐẠI BIỂU ĐẢNG', 'BỘ HUYỆN YÊN SƠN']
    """
    if len(line) <= capacity:
        return [line]
    least = len(textwrap.wrap(line, capacity, break_on_hyphens=False))
    for room in range(-(-len(line) // least), capacity + 1):
        lines = textwrap.wrap(line, room, break_on_hyphens=False)
        if len(lines) <= least:
            return lines
    return [line]


def _title(word: WordFile, title: str, subtitle: Sequence[str]) -> None:
    heading = _plain(word.add_paragraph(), WD_ALIGN_PARAGRAPH.CENTER, before=18, keep=True)
    _run(heading, title, SIZES.title, bold=True)
    for number, line in enumerate(subtitle, start=1):
        after = 2 * SIZES.space_pt if number == len(subtitle) else 0
        paragraph = _plain(word.add_paragraph(), WD_ALIGN_PARAGRAPH.CENTER, after=after)
        _run(paragraph, line, SIZES.subtitle, bold=True)


# --- tables -----------------------------------------------------------------------------------


def _grid(word: WordFile, rows: int, widths: Sequence[float], *, borders: bool) -> WordTable:
    """A table of fixed column ``widths`` (mm), with or without lines."""
    table: WordTable = word.add_table(rows=rows, cols=len(widths))
    if borders:
        table.style = word.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.table_direction = WD_TABLE_DIRECTION.LTR
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)
    return table


def _table(
    word: WordFile,
    headers: tuple[str, ...],
    rows: tuple[tuple[str, ...], ...],
    align: tuple[Align, ...],
) -> None:
    """Bordered; the header row bold, centred and repeated on every page; each column
    aligned as ``align`` says; a row never split across pages."""
    table = _grid(word, 1 + len(rows), _column_widths(headers, rows, align), borders=True)
    for number, (row, cells) in enumerate(zip(table.rows, (headers, *rows), strict=True)):
        _row_property(row._tr, "w:cantSplit")
        if number == 0:
            _row_property(row._tr, "w:tblHeader")
        for cell, content, side in zip(row.cells, cells, align, strict=True):
            if number == 0:
                where = WD_ALIGN_PARAGRAPH.CENTER
            else:
                where = WD_ALIGN_PARAGRAPH.RIGHT if side == "right" else WD_ALIGN_PARAGRAPH.LEFT
            paragraph = _plain(_first(cell), where, before=2, after=2)
            _run(paragraph, content, SIZES.table, bold=number == 0)
    _after_table(word)


def _row_property(row: Any, name: str) -> None:
    properties = row.get_or_add_trPr()
    flag = OxmlElement(name)
    properties.append(flag)


def _after_table(word: WordFile) -> None:
    """A little room under a table, before the next block."""
    _plain(word.add_paragraph(), WD_ALIGN_PARAGRAPH.LEFT).paragraph_format.space_after = Pt(0)


def _column_widths(
    headers: tuple[str, ...], rows: Sequence[tuple[str, ...]], align: tuple[Align, ...]
) -> list[float]:
    """Column widths (mm) that fill the text width. Each column first gets its longest cell
    (its header may wrap at its words). Room left goes first to the headers, so that they
    need not wrap, then to the left-aligned columns (names, notes). When the table is too
    wide, the widest left-aligned columns give way, down to their longest word; numbers never
    wrap.

    >>> [round(w) for w in _column_widths(("TT", "Họ và tên"), [("1", "Lê Văn Tám")],
    ...                                   ("right", "left"))]
    [12, 153]
    """
    cells, whole, floor = [], [], []
    for i, header in enumerate(headers):
        column = [row[i] for row in rows]
        words = [len(w) for text in (header, *column) for w in text.split()] or [1]
        header_words = [len(w) for w in header.split()] or [0]
        cells.append(_mm(max([len(c) for c in column] + header_words)))
        whole.append(max(cells[i], _mm(len(header))))
        floor.append(_mm(max(words)) if align[i] == "left" else cells[i])
    width = SIZES.text_width_mm
    flexible = [i for i, a in enumerate(align) if a == "left"] or list(range(len(headers)))
    if sum(cells) <= width:
        room = width - sum(cells)
        wanted = sum(whole) - sum(cells)
        if wanted > room:
            return [c + (w - c) * room / wanted for c, w in zip(cells, whole, strict=True)]
        room -= wanted
        share = sum(whole[i] for i in flexible)
        return [w + room * w / share if i in flexible else w for i, w in enumerate(whole)]
    low, high = 0.0, max(cells)
    for _ in range(40):  # the widest left-aligned columns give way first, down to a cap
        cap = (low + high) / 2
        fitted = [max(floor[i], min(c, cap)) if i in flexible else c for i, c in enumerate(cells)]
        low, high = (cap, high) if sum(fitted) < width else (low, cap)
    fitted = [max(floor[i], min(c, high)) if i in flexible else c for i, c in enumerate(cells)]
    return [f * width / sum(fitted) for f in fitted]


def _mm(characters: int) -> float:
    """The width of a column of ``characters`` of the tables' type, its padding included."""
    return max(_MIN_COLUMN_MM, characters * _CHAR_MM + _CELL_PADDING_MM)


# --- signatures -------------------------------------------------------------------------------


def _signatures(word: WordFile, blocks: Sequence[tuple[str, Sequence[str]]], note: str) -> None:
    """One column per block: its title (bold), the note (italic), then for every name room
    to sign and the name (bold); the names of the columns side by side."""
    if not blocks:
        return
    depth = max((len(names) for _, names in blocks), default=0)
    column = SIZES.text_width_mm / len(blocks)
    table = _grid(word, 1 + depth, [column] * len(blocks), borders=False)
    for cell, (title, _) in zip(table.rows[0].cells, blocks, strict=True):
        heading = _plain(_first(cell), WD_ALIGN_PARAGRAPH.CENTER, before=SIZES.space_pt)
        _run(heading, title, SIZES.body, bold=True)
        _run(_plain(_first(cell), WD_ALIGN_PARAGRAPH.CENTER), note, SIZES.body, italic=True)
    for number, row in enumerate(table.rows):
        _row_property(row._tr, "w:cantSplit")
        if number == 0:
            continue
        for cell, (_, names) in zip(row.cells, blocks, strict=True):
            name = names[number - 1] if number <= len(names) else ""
            space = SIZES.room_to_sign * SIZES.body * 1.15
            paragraph = _plain(_first(cell), WD_ALIGN_PARAGRAPH.CENTER, before=space)
            _run(paragraph, name, SIZES.body, bold=True)
    for row in table.rows[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
