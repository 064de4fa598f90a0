"""The Word file's pages: paper, margins, faces and sizes, one section per document with
its own page numbers and footer, and a package whose bytes depend on the documents only.

The sizes are kept in :data:`SIZES`, one place to change when the guidance does.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

import docx
from docx.document import Document as WordFile
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as WordParagraph

from tally.i18n.messages import Lang, text
from tally.render.document import Document, Title
from tally.render.word_blocks import SIZES, add_block, set_face

_LANGUAGES = {"vi": "vi-VN", "en": "en-GB"}
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
"""The time stamp of every member of the package: the earliest a zip file can hold."""


@dataclass(frozen=True)
class Page:
    """A4 portrait and the margins of Hướng dẫn 36-HD/VPTW (as read in docs/documents.md)."""

    width_mm: float = 210
    height_mm: float = 297
    top_mm: float = 20
    bottom_mm: float = 20
    left_mm: float = 30
    right_mm: float = 15
    footer_mm: float = 10
    """From the foot of the page to the footer's last line."""


PAGE = Page()


def build(documents: Sequence[Document]) -> bytes:
    """The .docx file of ``documents``; see :func:`tally.render.word.render_docx`."""
    word = docx.Document()
    lang = documents[0].lang if documents else "vi"
    _styles(word, lang)
    _properties(word, documents)
    for number, document in enumerate(documents):
        section = word.sections[0] if number == 0 else word.add_section(WD_SECTION.NEW_PAGE)
        _page(section)
        _footer(section, document)
        for block in document.blocks:
            add_block(word, block, document.lang)
    buffer = io.BytesIO()
    word.save(buffer)
    return _repacked(buffer.getvalue())


def _page(section: Section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE.width_mm), Mm(PAGE.height_mm)
    section.top_margin, section.bottom_margin = Mm(PAGE.top_mm), Mm(PAGE.bottom_mm)
    section.left_margin, section.right_margin = Mm(PAGE.left_mm), Mm(PAGE.right_mm)
    section.footer_distance = Mm(PAGE.footer_mm)
    section.header_distance = Mm(PAGE.footer_mm)
    section.gutter = Mm(0)
    numbering = section._sectPr.find(qn("w:pgNumType"))
    if numbering is None:
        numbering = OxmlElement("w:pgNumType")
        # pgNumType comes after pgSz and pgMar, before cols (ECMA-376 CT_SectPr).
        columns = section._sectPr.find(qn("w:cols"))
        if columns is not None:
            columns.addprevious(numbering)
        else:
            section._sectPr.append(numbering)
    numbering.set(qn("w:start"), "1")


def _footer(section: Section, document: Document) -> None:
    """ "Trang x/y" (x and y Word's fields PAGE and SECTIONPAGES: the document's own pages)
    and the document's footer line, small and centred."""
    footer = section.footer
    footer.is_linked_to_previous = False
    pages = footer.paragraphs[0]
    _footer_paragraph(pages)
    lang: Lang = "en" if document.lang == "en" else "vi"
    marked = text("doc.page_of", lang, page="\x00", pages="\x01")
    for part in re.split(r"([\x00\x01])", marked):
        if part == "\x00":
            _field(pages, "PAGE")
        elif part == "\x01":
            _field(pages, "SECTIONPAGES")
        elif part:
            pages.add_run(part).font.size = Pt(SIZES.footer)
    if document.footer:
        line = footer.add_paragraph()
        _footer_paragraph(line)
        line.add_run(document.footer).font.size = Pt(SIZES.footer)


def _footer_paragraph(paragraph: WordParagraph) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    form = paragraph.paragraph_format
    form.first_line_indent = Pt(0)
    form.space_before = form.space_after = Pt(0)
    form.line_spacing = 1.0


def _field(paragraph: WordParagraph, instruction: str) -> None:
    """A Word field (``PAGE``, ``SECTIONPAGES``) that Word fills in as it lays the pages
    out; "1" stands in until it does."""
    for kind, content in (("begin", None), ("instr", instruction), ("separate", None)):
        run = paragraph.add_run()
        run.font.size = Pt(SIZES.footer)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {content} "
            run._r.append(instr)
        else:
            run._r.append(_fld_char(kind))
    paragraph.add_run("1").font.size = Pt(SIZES.footer)
    end = paragraph.add_run()
    end.font.size = Pt(SIZES.footer)
    end._r.append(_fld_char("end"))


def _fld_char(kind: str) -> object:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    return char


def _styles(word: WordFile, lang: str) -> None:
    """Times New Roman for every script (Vietnamese letters included), the body's size,
    spacing and indent; headings black and bold in the body's face."""
    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        run_defaults = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if run_defaults is not None:
            set_face(run_defaults)
            language = run_defaults.find(qn("w:lang"))
            if language is not None:
                language.set(qn("w:val"), _LANGUAGES.get(lang, "vi-VN"))
    normal = word.styles["Normal"]
    set_face(normal.element.get_or_add_rPr())
    normal.font.size = Pt(SIZES.body)
    form = normal.paragraph_format
    form.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    form.first_line_indent = Mm(SIZES.indent_mm)
    form.space_before = Pt(0)
    form.space_after = Pt(SIZES.space_pt)
    form.line_spacing = SIZES.line_spacing
    heading = word.styles["Heading 1"]
    set_face(heading.element.get_or_add_rPr())
    heading.font.size = Pt(SIZES.heading)
    heading.font.bold = True
    heading.font.color.rgb = None
    heading.font.color.theme_color = None
    heading.paragraph_format.space_before = Pt(2 * SIZES.space_pt)
    heading.paragraph_format.space_after = Pt(SIZES.space_pt)
    heading.paragraph_format.first_line_indent = Pt(0)
    heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _properties(word: WordFile, documents: Sequence[Document]) -> None:
    """Fixed document properties: the first title, "tally" as the author, no dates; no
    thumbnail of python-docx's template."""
    properties = word.core_properties
    titles = [_first_title(d) for d in documents]
    properties.title = next((t for t in titles if t), "")
    properties.author = properties.last_modified_by = "tally"
    properties.comments = ""
    properties.revision = 1
    element = properties._element
    for name in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        for found in element.findall(qn(name)):
            element.remove(found)
    package = word.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package.rels[rel_id]


def _first_title(document: Document) -> str:
    return next((b.text for b in document.blocks if isinstance(b, Title)), "")


def _repacked(package: bytes) -> bytes:
    """``package`` with every member's time stamp fixed, so the bytes do not depend on the
    time of the run (the zip writer stamps each member with the clock)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(member.filename))
    return out.getvalue()
