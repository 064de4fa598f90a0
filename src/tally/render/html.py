"""Documents as one self-contained HTML file, laid out for A4 in the Party's format.

The same blocks as the text minutes (:mod:`tally.render.document`), in HTML with print CSS:
A4 portrait, margins 20/20/30/15 mm, a serif face with Vietnamese glyphs, the two-column
letterhead, each document from a new page, "Trang x/y" and the audit log's fingerprint at the
foot of every page (where the printer knows page counters: WeasyPrint does, a browser prints
its own). Nothing is loaded from outside the file. docs/documents.md says what of Hướng dẫn
36-HD/VPTW is followed.

>>> from tally.render.document import Document, Title, Paragraph
>>> page = render_html([Document((Title("BIÊN BẢN", ("Kiểm phiếu",)), Paragraph("A < B")))])
>>> "<h1>BIÊN BẢN</h1>" in page and "A &lt; B" in page and page.startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from tally.i18n.messages import Lang, text
from tally.render.document import (
    Block,
    Document,
    Fields,
    Heading,
    Letterhead,
    Paragraph,
    Signatures,
    Table,
    Title,
)

PAGE_CSS = """
@page {
  size: A4 portrait;
  margin: 20mm 15mm 20mm 30mm;
  @bottom-left { content: element(foot); width: 80%; vertical-align: top; padding-top: 4mm; }
}
html { font-family: "Times New Roman", "Liberation Serif", "Tally Serif", serif;
       font-size: 14pt; line-height: 1.3; color: #000; background: #fff; }
body { margin: 0; }
@media screen {
  body { background: #e8e8e8; }
  section.document { width: 165mm; margin: 8mm auto; padding: 20mm 15mm 20mm 30mm;
                     background: #fff; box-shadow: 0 0 3mm #aaa; }
}
section.document + section.document { break-before: page; }
.foot { display: none; }
table.letterhead { width: 100%; border-collapse: collapse; margin-bottom: 8mm;
                   table-layout: fixed; }
table.letterhead td { vertical-align: top; text-align: center; padding: 0; }
table.letterhead td.organisation { width: 46%; }
table.letterhead p { margin: 0; text-indent: 0; text-align: center; }
.issuer { font-weight: bold; }
.party { font-size: 15pt; font-weight: bold; }
.party span { border-bottom: 1px solid #000; padding-bottom: 1px; }
.place-date { font-style: italic; margin-top: 3mm !important; }
h1 { font-size: 16pt; text-align: center; margin: 4mm 0 1mm; }
p.subtitle { font-weight: bold; text-align: center; text-indent: 0; margin: 0; }
h2 { font-size: 14pt; margin: 5mm 0 2mm; break-after: avoid; text-transform: uppercase; }
p { margin: 1.5mm 0; text-align: justify; text-indent: 10mm; }
p.lead { break-after: avoid; }
div.fields { margin: 1mm 0; }
p.field { margin: 0.6mm 0; text-indent: -10mm; padding-left: 10mm; text-align: left; }
p.field.sub { padding-left: 20mm; }
table.data { width: 100%; border-collapse: collapse; font-size: 13pt; margin: 2mm 0 3mm;
             table-layout: fixed; }
table.data th, table.data td { border: 0.5pt solid #000; padding: 0.8mm 1.5mm;
                               vertical-align: top; }
table.data th { font-weight: bold; text-align: center; }
table.data td.num { text-align: right; }
table.data thead { display: table-header-group; }
table.data tr { break-inside: avoid; }
table.data.short { break-inside: avoid; }
table.signatures { width: 100%; border-collapse: collapse; margin-top: 6mm;
                   table-layout: fixed; }
table.signatures td { text-align: center; vertical-align: top; padding: 0; }
table.signatures tr { break-inside: avoid; }
table.signatures .title { font-weight: bold; }
table.signatures .note { font-style: italic; }
table.signatures .name { font-weight: bold; padding-top: 20mm; }
"""
"""The page and the Party's layout (sizes: Hướng dẫn 36-HD/VPTW Phụ lục 3)."""

RUNNING_FOOT_CSS = """
.foot { display: block !important; position: running(foot) !important; font-size: 8pt !important;
        color: #333 !important; }
"""
"""For a printer that knows running elements (WeasyPrint): the fingerprint at the foot of every
page. A browser, which does not, keeps it hidden (the minutes print it in their text too)."""


def _page_number_css(lang: Lang) -> str:
    """The page number at the foot of every page, in ``lang`` (``Trang 2/5``)."""
    word = text("doc.page", lang).replace('"', "")
    return (
        f'@page {{ @bottom-right {{ content: "{word} " counter(page) "/" counter(pages); '
        "font-size: 11pt; width: 20%; vertical-align: top; padding-top: 4mm; } }"
    )


def render_html(
    documents: Sequence[Document], title: str | None = None, *, styled: bool = True
) -> str:
    """``documents`` as one HTML file, each from a new page when printed; ``styled=False``
    leaves out the style sheet (:func:`page_css`), for a printer given it once for many files."""
    lang = language_of(documents)
    heading = title or next(
        (b.text for d in documents for b in d.blocks if isinstance(b, Title)), "tally"
    )
    body = "\n".join(document_html(document) for document in documents)
    style = f"<style>{page_css(lang)}\n</style>\n" if styled else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(heading)}</title>\n{style}</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def language_of(documents: Sequence[Document]) -> Lang:
    """The language of the first document (Vietnamese when there is none)."""
    return "en" if documents and documents[0].lang == "en" else "vi"


def page_css(lang: Lang) -> str:
    """The whole style sheet: the page and the layout, and the page number in ``lang``."""
    return PAGE_CSS + _page_number_css(lang)


def document_html(document: Document) -> str:
    """One document as a ``<section>``: the line for its page footers, then its blocks."""
    running = [f'<div class="foot">{escape(document.footer)}</div>'] if document.footer else []
    blocks = [
        _block(block, leads=isinstance(after, Table | Signatures))
        for block, after in zip(document.blocks, (*document.blocks[1:], None), strict=True)
    ]
    return '<section class="document">\n' + "\n".join(running + blocks) + "\n</section>"


def _block(block: Block, leads: bool = False) -> str:
    """One block; ``leads``: a paragraph that introduces the table after it, kept on its page."""
    match block:
        case Letterhead(organisation, issuer, party, place_date):
            left = "".join(f"<p>{escape(line)}</p>" for line in organisation)
            return (
                '<table class="letterhead"><tr>'
                f'<td class="organisation">{left}<p class="issuer">{escape(issuer)}</p>'
                "<p>*</p></td>"
                f'<td><p class="party"><span>{escape(party)}</span></p>'
                f'<p class="place-date">{escape(place_date)}</p></td>'
                "</tr></table>"
            )
        case Title(heading, subtitle):
            lines = "".join(f'<p class="subtitle">{escape(line)}</p>' for line in subtitle)
            return f"<h1>{escape(heading)}</h1>{lines}"
        case Heading(heading):
            return f"<h2>{escape(heading)}</h2>"
        case Paragraph(said):
            return f'<p class="lead">{_lines(said)}</p>' if leads else f"<p>{_lines(said)}</p>"
        case Fields(items):
            return '<div class="fields">' + "".join(_field(n, v) for n, v in items) + "</div>"
        case Table(headers, rows, align):
            return _table(headers, rows, align)
        case Signatures(blocks, note):
            return _signatures(blocks, note)
    raise TypeError(block)


def _lines(said: str) -> str:
    return "<br>".join(escape(line) for line in said.split("\n"))


def _field(label: str, value: str) -> str:
    """``Label: value`` as the minutes write it, a sub-item indented, a long value hanging."""
    kind = "field sub" if label.startswith("  ") else "field"
    name = escape(label.strip()) + (":" if value else "")
    return f'<p class="{kind}">{name} {_lines(value)}</p>'


_LINE = 80
"""About how many characters of the tables' type fill the width of the page."""


def _columns(
    rows: Sequence[tuple[str, ...]], headers: tuple[str, ...] = (), align: Sequence[str] = ()
) -> str:
    """Column widths in per cent of the table, from the longest cell of each column and its
    header's longest word (bold, so a little wider), plus room for the padding: the table is
    then laid out at once (``table-layout: fixed``), and no header word is cut. A narrow
    table gives the room left over to its widest text column, not to its numbers."""
    count = len(rows[0]) if rows else len(headers)
    weights = []
    for i in range(count):
        cell = max((len(r[i]) for r in rows), default=1)
        word = max((len(w) for h in headers[i : i + 1] for w in h.split()), default=0)
        weights.append(max(min(cell, 40), (3 * word + 1) // 2) + 3)
    text = [i for i in range(count) if i < len(align) and align[i] == "left"]
    if text and sum(weights) < _LINE:
        widest = max(text, key=lambda i: weights[i])
        weights[widest] += _LINE - sum(weights)
    total = sum(weights)
    widths = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in weights)
    return f"<colgroup>{widths}</colgroup>"


def _table(
    headers: tuple[str, ...], rows: tuple[tuple[str, ...], ...], align: tuple[str, ...]
) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{escape(c)}</td>' if a == "right" else f"<td>{escape(c)}</td>"
            for c, a in zip(row, align, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    columns = _columns(rows, headers, align)
    kind = "data short" if len(rows) <= _SHORT else "data"
    return (
        f'<table class="{kind}">{columns}<thead><tr>{head}</tr></thead><tbody>{body}</tbody>'
        "</table>"
    )


_SHORT = 8
"""A table of at most this many rows is kept on one page."""


def _signatures(blocks: tuple[tuple[str, tuple[str, ...]], ...], note: str) -> str:
    """The signature blocks side by side: their titles, the note and each block's first name
    level in the first row; then the names left, in order, filling every column row by row,
    each under room to sign — so a board of many members takes few rows."""
    tallest = max((len(title.split("\n")) for title, _ in blocks), default=1)
    first = []
    for title, names in blocks:
        lines = title.split("\n")
        lines += [""] * (tallest - len(lines))
        cell = "".join(f'<div class="title">{escape(t) or "&nbsp;"}</div>' for t in lines)
        cell += f'<div class="note">{escape(note)}</div>'
        if names:
            cell += f'<div class="name">{escape(names[0])}</div>'
        first.append(f"<td>{cell}</td>")
    rest = [name for _, names in blocks for name in names[1:]]
    width = max(len(blocks), 1)
    rows = ["<tr>" + "".join(first) + "</tr>"]
    for start in range(0, len(rest), width):
        cells = [
            f'<td><div class="name">{escape(n)}</div></td>' for n in rest[start : start + width]
        ]
        cells += ["<td></td>"] * (width - len(cells))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table class="signatures">{"".join(rows)}</table>'
