"""The Word (.docx) renderer, read back with python-docx: the text of every block in order (a
golden dump of paragraphs and tables), a section per document on A4 with the guidance's
margins, Times New Roman for every script, the sizes, the letterhead, tables and signatures,
and the footer's fields.

Regenerate the dumps after an intended change with ``UPDATE_GOLDEN=1`` and review the diff.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document as WordFile
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length, Pt
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph
from hypothesis import example, given
from hypothesis import strategies as st

from tally.congress.minutes_context import Fingerprint
from tally.errors import MissingExtraError
from tally.i18n.messages import Lang
from tally.io.ballots_csv import read_ballots_csv
from tally.io.spec import load_congress
from tally.render.document import (
    Document,
    Fields,
    Heading,
    Letterhead,
    Paragraph,
    Signatures,
    Table,
    Title,
)
from tally.render.minutes import minutes_document
from tally.render.word import render_docx
from tally.render.word_blocks import SIZES, _column_widths

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "delegate_congress"
FINGERPRINT = Fingerprint(events=210, hash="0123456789abcdef" * 4)
FACE = "Times New Roman"


@cache
def _documents(lang: Lang) -> tuple[Document, ...]:
    """The example's minutes (with a log's fingerprint in the footer) and a short second
    document with a rule and a line break, so that there are two sections."""
    congress = load_congress(EXAMPLE / "congress.toml")
    plan = congress.plan("bch")
    result = congress.count("bch", read_ballots_csv(plan.contest, EXAMPLE / "ballots_bch.csv"))
    minutes = minutes_document(result, congress, lang, FINGERPRINT)
    second = Document(
        (
            Title("TỔNG HỢP", ("Dòng một\nDòng hai",)),
            Heading("I. Phần một"),
            Paragraph("Câu thứ nhất.\nCâu thứ hai."),
            Paragraph("=" * 40),
            Fields((("Tổng", "3"), ("  trong đó", "1"), ("Trừ", ""))),
        ),
        "",
        lang,
    )
    return minutes, second


@cache
def _rendered(lang: Lang) -> bytes:
    return render_docx(_documents(lang))


def _read(lang: Lang) -> WordFile:
    return docx.Document(io.BytesIO(_rendered(lang)))


def _body(word: WordFile) -> Iterator[WordParagraph | WordTable | str]:
    """The body in order: paragraphs, tables, and ``"section"`` where a section ends."""
    for child in word.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = WordParagraph(child, word._body)
            yield paragraph
            if child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                yield "section"
        elif child.tag == qn("w:tbl"):
            yield WordTable(child, word._body)
        elif child.tag == qn("w:sectPr"):
            yield "section"


def _dump(word: WordFile) -> str:
    """A plain dump of the body: one line a paragraph (its style when not Normal), tables as
    rows of cells, a rule where a section ends; line breaks shown as ``⏎``."""
    lines: list[str] = []
    for item in _body(word):
        if item == "section":
            lines.append("=" * 20)
        elif isinstance(item, WordParagraph):
            style = item.style.name if item.style is not None else ""
            prefix = "" if style == "Normal" else f"[{style}] "
            if item.paragraph_format.left_indent:
                prefix += "    "
            if item._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is not None:
                prefix += "[rule]"
            lines.append((prefix + item.text.replace("\n", "⏎")).rstrip())
        elif isinstance(item, WordTable):
            for row in item.rows:
                cells = [
                    "⏎".join(p.text.replace("\n", "⏎") for p in c.paragraphs) for c in row.cells
                ]
                lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _mm(*lengths: Length | None) -> tuple[float, ...]:
    """Lengths in millimetres, to a tenth (Word keeps twentieths of a point)."""
    return tuple(round(length.mm, 1) if length is not None else -1 for length in lengths)


def _expected_texts(document: Document) -> list[str]:
    """What the blocks say, in order, as they should appear in the dump."""
    out: list[str] = []
    for block in document.blocks:
        match block:
            case Letterhead(organisation, issuer, party, place_date):
                out += [*organisation, issuer, "*", party, place_date]
            case Title(title, subtitle):
                out += [title, *subtitle]
            case Heading(text):
                out.append(text.upper())
            case Paragraph(text):
                out += [] if set(text) <= {"=", "-"} else [text]
            case Fields(items):
                out += [f"{k.strip()}: {v}" if v else k.strip() for k, v in items]
            case Table(headers, rows, _):
                out += [cell for row in (headers, *rows) for cell in row if cell]
            case Signatures(blocks, note):
                out += [line for title, _ in blocks for line in (*title.split("\n"), note)]
                depth = max(len(names) for _, names in blocks)
                out += [n[i] for i in range(depth) for _, n in blocks if i < len(n)]
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_dump_matches_golden(lang: Lang, golden: Callable[[str, str], None]) -> None:
    golden(f"word_minutes.{lang}.txt", _dump(_read(lang)))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_block_in_order(lang: Lang) -> None:
    """Every block's text is in the file, in the order of the blocks (signatures: the titles
    and notes, then the names, row by row); lines may be broken elsewhere."""
    dump = _dump(_read(lang)).replace("⏎", " ")
    position = 0
    for document in _documents(lang):
        for expected in _expected_texts(document):
            text = expected.replace("\n", " ")
            found = dump.find(text, position)
            assert found >= 0, f"{text!r} missing (or out of order) after {position}"
            position = found


def test_a_section_per_document_on_a4_with_the_guidance_margins() -> None:
    word = _read("vi")
    assert len(word.sections) == len(_documents("vi")) == 2
    for number, section in enumerate(word.sections):
        assert _mm(section.page_width, section.page_height) == (210, 297)
        margins = (section.top_margin, section.bottom_margin)
        assert _mm(*margins, section.left_margin, section.right_margin) == (20, 20, 30, 15)
        assert number == 0 or section.start_type == WD_SECTION.NEW_PAGE
        numbering = section._sectPr.find(qn("w:pgNumType"))
        assert numbering is not None and numbering.get(qn("w:start")) == "1"


def test_times_new_roman_for_every_script() -> None:
    word = _read("vi")
    normal = word.styles["Normal"]
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    defaults = word.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}"
    )
    for element in (fonts, defaults):
        for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            assert element.get(qn(script)) == FACE
        assert element.get(qn("w:asciiTheme")) is None
    assert normal.font.size == Pt(14)
    form = normal.paragraph_format
    assert form.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert _mm(form.first_line_indent) == (10,) and form.space_after == Pt(6)
    heading = word.styles["Heading 1"]
    assert heading.font.bold and heading.font.size == Pt(14)
    assert heading.element.rPr.find(qn("w:rFonts")).get(qn("w:cs")) == FACE


def test_letterhead_title_and_sizes() -> None:
    word = _read("vi")
    head = word.tables[0]
    left, right = head.rows[0].cells
    assert head.style is None or head.style.name != "Table Grid"
    issuer = next(p for p in left.paragraphs if p.text == "BAN KIỂM PHIẾU")
    assert issuer.runs[0].bold and issuer.runs[0].font.size == Pt(14)
    assert left.paragraphs[-1].text == "*"
    party, place = right.paragraphs
    assert party.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    run = party.runs[0]
    assert run.bold and run.underline and run.font.size == Pt(15)
    assert place.runs[0].italic and place.text.endswith("năm 2025")
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in (*left.paragraphs, party))
    widths = [c.width for c in head.rows[0].cells]
    assert 0.35 < widths[0] / sum(widths) < 0.45
    title = next(p for p in word.paragraphs if p.text == "BIÊN BẢN KIỂM PHIẾU")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.runs[0].bold and title.runs[0].font.size == Pt(16)


def test_tables_bordered_header_repeated_numbers_right() -> None:
    word = _read("vi")
    votes = next(t for t in word.tables if t.rows[0].cells[-1].text == "Kết quả")
    assert votes.style is not None and votes.style.name == "Table Grid"
    header = votes.rows[0]
    properties = header._tr.trPr
    assert properties is not None and properties.find(qn("w:tblHeader")) is not None
    assert all(r.bold for c in header.cells for p in c.paragraphs for r in p.runs)
    row = votes.rows[1]
    number, name, *_ = row.cells
    assert number.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert name.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert name.paragraphs[0].runs[0].font.size == Pt(13)


def test_signatures_one_column_per_block_room_to_sign() -> None:
    word = _read("vi")
    table = word.tables[-1]
    signatures = next(b for b in _documents("vi")[0].blocks if isinstance(b, Signatures))
    assert len(table.columns) == len(signatures.blocks)
    assert table.style is None or table.style.name != "Table Grid"
    (title, names), *_ = signatures.blocks
    first = table.rows[0].cells[0].paragraphs
    assert first[0].text == title and first[0].runs[0].bold
    assert first[1].text == signatures.note and first[1].runs[0].italic
    name = table.rows[1].cells[0].paragraphs[0]
    assert name.text == names[0] and name.runs[0].bold
    assert name.paragraph_format.space_before >= Pt(4 * 14)


def test_footer_page_of_pages_and_fingerprint() -> None:
    word = _read("vi")
    for number, section in enumerate(word.sections):
        footer = section.footer
        assert not footer.is_linked_to_previous
        instructions = [i.text.strip() for i in footer._element.iter(qn("w:instrText"))]
        assert instructions == ["PAGE", "SECTIONPAGES"]
        first = footer.paragraphs[0]
        assert first.text.startswith("Trang ") and "/" in first.text
        lines = [p.text for p in footer.paragraphs]
        assert (FINGERPRINT.grouped() in lines[-1]) == (number == 0)
    fingerprint = word.sections[0].footer.paragraphs[-1]
    assert fingerprint.runs[0].font.size == Pt(10)
    english = _read("en").sections[0].footer.paragraphs[0].text
    assert english.startswith("Page ") and " of " in english


def test_same_bytes_every_time() -> None:
    documents = _documents("vi")
    first = render_docx(documents)
    assert render_docx(documents) == first
    with zipfile.ZipFile(io.BytesIO(first)) as package:  # no clock in the members' stamps
        assert {m.date_time for m in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in package.namelist()
    word = docx.Document(io.BytesIO(first))
    assert word.core_properties.created is None and word.core_properties.author == "tally"


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(MissingExtraError) as missing:
        render_docx(_documents("vi"))
    assert "tally[documents]" in missing.value.message("en")


_cell = st.text(alphabet="ab 1%", max_size=40)


@given(
    st.integers(min_value=1, max_value=8).flatmap(
        lambda n: st.tuples(
            st.tuples(*[_cell] * n),
            st.lists(st.tuples(*[_cell] * n), max_size=5),
            st.tuples(*[st.sampled_from(["left", "right"])] * n),
        )
    )
)
@example((("x" * 64,), [], ("left",)))  # exactly as wide as the page: no room to share
def test_columns_fill_the_text_width(table: tuple[Any, Any, Any]) -> None:
    headers, rows, align = table
    widths = _column_widths(headers, rows, align)
    assert len(widths) == len(headers) and min(widths) > 0
    assert sum(widths) == pytest.approx(SIZES.text_width_mm)
