"""A small document model — letterhead, titles, headings, fields, tables, signatures — its
layout and its text renderers.

A document is built once as blocks and rendered as plain text (to print and sign), Markdown,
HTML, PDF or Word (:mod:`tally.render.formats`), so the outputs can never say different
things. Renderers of documents build blocks; the layout — column widths, wrapping to a page,
joining documents — is done here and in each format's module.

>>> doc = [Title("BIÊN BẢN", ("Kiểm phiếu",)), Fields((("Số phiếu", "10"),)),
...        Table(("TT", "Họ và tên"), (("1", "Lê Văn Tám"),), ("right", "left"))]
>>> print(render(doc, "markdown"), end="")
# BIÊN BẢN
<BLANKLINE>
**Kiểm phiếu**
<BLANKLINE>
- **Số phiếu:** 10
<BLANKLINE>
| TT | Họ và tên |
|---:|:---|
| 1 | Lê Văn Tám |
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Align = Literal["left", "right"]
Format = Literal["text", "markdown"]
FORMATS: tuple[Format, ...] = ("text", "markdown")
WIDTH = 78
"""The width of a page of plain text: A4 in a 12-point monospaced face."""
_MIN_COLUMN = 10
_LETTERHEAD_LEFT = 34


@dataclass(frozen=True)
class Letterhead:
    """The two-column head of a Party document (Hướng dẫn 36-HD/VPTW): on the left the
    organisation's lines, the board's name and an asterisk under it; on the right the Party's
    name, underlined, and the italic place-and-date line."""

    organisation: tuple[str, ...]
    """The upper committee and the organisation, one line each, as printed (upper case)."""
    issuer: str
    """Who issues the document, e.g. ``BAN KIỂM PHIẾU``."""
    party: str
    """``ĐẢNG CỘNG SẢN VIỆT NAM``."""
    place_date: str
    """``Yên Sơn, ngày 15 tháng 7 năm 2020``."""


@dataclass(frozen=True)
class Title:
    """The document's title and the centred lines under it."""

    text: str
    subtitle: tuple[str, ...] = ()


@dataclass(frozen=True)
class Heading:
    """A numbered section heading."""

    text: str


@dataclass(frozen=True)
class Paragraph:
    """Running text."""

    text: str


@dataclass(frozen=True)
class Fields:
    """Label–value lines; a label may be indented one level with a leading ``"  "``."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[Align, ...]


@dataclass(frozen=True)
class Signatures:
    """Signature blocks: a title (e.g. TRƯỞNG BAN) and the names that sign under it."""

    blocks: tuple[tuple[str, tuple[str, ...]], ...]
    note: str


Block = Letterhead | Title | Heading | Paragraph | Fields | Table | Signatures


@dataclass(frozen=True)
class Document:
    """One document to print and sign on pages of its own: its blocks, the line printed at
    the foot of every page (the audit log's fingerprint, or nothing), its language, and the
    width of its page as plain text."""

    blocks: tuple[Block, ...]
    footer: str = ""
    lang: str = "vi"
    width: int = WIDTH


def render_documents(documents: Iterable[Document], fmt: Format = "text") -> str:
    """``documents`` as text (each at its own width) or Markdown, a rule between each two.

    >>> print(render_documents([Document((Paragraph("A"),)), Document((Paragraph("B"),))],
    ...                        "markdown"), end="")
    A
    <BLANKLINE>
    ---
    <BLANKLINE>
    B
    """
    return join_documents((render(d.blocks, fmt, d.width) for d in documents), fmt)


def render(blocks: Sequence[Block], fmt: Format = "text", width: int = WIDTH) -> str:
    """Render ``blocks`` as ``"text"`` (no wider than ``width``) or ``"markdown"``; the result
    ends with one newline."""
    parts = [_markdown(b) if fmt == "markdown" else _text(b, width) for b in blocks]
    return "\n\n".join(parts).rstrip("\n") + "\n"


def join_documents(texts: Iterable[str], fmt: str = "text") -> str:
    """Several rendered documents in one output, a rule between each two: ``---`` in Markdown,
    a line of ``=`` across the page otherwise.

    >>> join_documents(["A\\n", "B\\n"], "markdown")
    'A\\n\\n---\\n\\nB\\n'
    >>> join_documents(["A\\n", "B\\n"]) == "A\\n\\n" + "=" * 78 + "\\n\\nB\\n"
    True
    """
    separator = "\n---\n\n" if fmt == "markdown" else "\n" + "=" * WIDTH + "\n\n"
    return separator.join(texts)


# --- layout -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """How to lay blocks out on a page: the width to wrap to (``None``: no wrapping, as for
    Markdown, whose reader wraps).

    >>> Layout(20).paragraph("Mỗi trang của nhật ký này phải có chữ ký nháy").text.split("\\n")
    ['Mỗi trang của nhật', 'ký này phải có chữ', 'ký nháy']
    """

    width: int | None = None

    def paragraph(self, text: str) -> Paragraph:
        """Running text, wrapped to the width."""
        if self.width is None:
            return Paragraph(text)
        return Paragraph("\n".join(textwrap.wrap(text, self.width, break_on_hyphens=False)))

    def fields(self, items: Sequence[tuple[str, str]]) -> Fields:
        """Label–value lines; in print, a long value continues under itself (hanging indent)."""
        if self.width is None:
            return Fields(tuple(items))
        wrapped = []
        for name, value in items:
            prefix = ("    " if name.startswith("  ") else "") + name.strip() + ": "
            room = max(_MIN_COLUMN, self.width - len(prefix))
            lines = textwrap.wrap(value, room, break_on_hyphens=False) or [""]
            wrapped.append((name, ("\n" + " " * len(prefix)).join(lines)))
        return Fields(tuple(wrapped))

    def table(
        self,
        headers: tuple[str, ...],
        rows: Sequence[tuple[str, ...]],
        align: tuple[Align, ...],
        weights: Mapping[int, int] | None = None,
    ) -> Table:
        """A table; in print, the cells of the columns in ``weights`` wrap onto continuation
        rows so that the table fits the width, sharing the room left in proportion to their
        weights."""
        if self.width is None or not weights:
            return Table(headers, tuple(rows), align)
        widths = _column_widths(headers, rows, weights, self.width)
        out: list[tuple[str, ...]] = []
        for row in rows:
            cells = [
                _wrap(cell, widths[i]) if i in widths else [cell] for i, cell in enumerate(row)
            ]
            depth = max(len(c) for c in cells)
            out += [tuple(c[j] if j < len(c) else "" for c in cells) for j in range(depth)]
        return Table(headers, tuple(out), align)

    def rule(self) -> Paragraph:
        """A rule between two parts of one document: ``=`` across the page in print (at most
        as wide as a page of text), ``---`` in Markdown."""
        return Paragraph("=" * min(self.width, WIDTH) if self.width is not None else "---")


def _column_widths(
    headers: tuple[str, ...],
    rows: Sequence[tuple[str, ...]],
    weights: Mapping[int, int],
    width: int,
) -> dict[int, int]:
    """The widths of the wrapping columns (``weights``): each keeps its natural width when its
    share of the room left by the other columns holds it, or when it is no wider than the
    narrowest a column wraps to; the rest share what remains."""
    natural = _natural_widths(headers, rows)
    room = width - 2 * (len(headers) - 1)
    room -= sum(w for i, w in enumerate(natural) if i not in weights)
    widths = dict.fromkeys(weights, 0)
    pending = dict(weights)
    for i in [i for i in pending if natural[i] <= _MIN_COLUMN]:
        widths[i] = natural[i]
        room -= natural[i]
        del pending[i]
    while pending:
        share = {i: room * w // sum(pending.values()) for i, w in pending.items()}
        fits = {i for i in pending if natural[i] <= share[i]}
        if not fits:
            for i in pending:
                longest = max(len(line) for line in headers[i].split("\n"))
                widths[i] = max(share[i], _MIN_COLUMN, longest)
            break
        for i in fits:
            widths[i] = natural[i]
            room -= natural[i]
            del pending[i]
    return widths


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width``, breaking after ``;`` where it can."""
    lines: list[str] = []
    for part in text.replace("; ", ";\n").split("\n"):
        if lines and len(lines[-1]) + 1 + len(part) <= width:
            lines[-1] += " " + part
            continue
        lines += textwrap.wrap(part, width, break_on_hyphens=False) or [""]
    return lines or [""]


# --- plain text -------------------------------------------------------------------------------


def _text(block: Block, width: int = WIDTH) -> str:
    """``block`` as plain text no wider than ``width`` (a word longer than a line is left
    whole)."""
    match block:
        case Letterhead():
            return _text_letterhead(block, width)
        case Title(text, subtitle):
            lines = [line for part in (text, *subtitle) for line in _wrap_plain(part, width)]
            return "\n".join(line.center(width).rstrip() for line in lines)
        case Heading(text):
            return "\n".join(_wrap_plain(text.upper(), width))
        case Paragraph(text):
            return "\n".join(line for part in text.split("\n") for line in _wrap_plain(part, width))
        case Fields(items):
            return "\n".join(_field_line(label, value, width) for label, value in items)
        case Table(headers, rows, align):
            return _text_table(*_fit_table(headers, rows, align, width))
        case Signatures(blocks, note):
            return _text_signatures(blocks, note, width)
    raise TypeError(block)


def _wrap_plain(text: str, width: int, indent: str = "") -> list[str]:
    """``text`` wrapped to ``width`` (continuation lines after ``indent``); a line that fits
    is kept as it is, spaces included."""
    if len(text) <= width:
        return [text]
    return textwrap.wrap(
        text, width, subsequent_indent=indent, break_on_hyphens=False, break_long_words=False
    ) or [text]


def _text_letterhead(head: Letterhead, width: int) -> str:
    organisation = [
        line for part in head.organisation for line in _wrap_plain(part, _LETTERHEAD_LEFT - 2)
    ]
    left = [*organisation, head.issuer, "*"]
    rule = "-" * len(head.party)
    right_width = width - _LETTERHEAD_LEFT
    right = [head.party, rule, *_wrap_plain(head.place_date, right_width)]
    depth = max(len(left), len(right))
    lines = []
    for i in range(depth):
        one = left[i] if i < len(left) else ""
        two = right[i] if i < len(right) else ""
        lines.append((one.center(_LETTERHEAD_LEFT) + two.center(right_width)).rstrip())
    return "\n".join(lines)


def _field_line(label: str, value: str, width: int = WIDTH) -> str:
    indent = "    " if label.startswith("  ") else ""
    line = f"{indent}{label.strip()}: {value}" if value else f"{indent}{label.strip()}"
    if "\n" in line or len(line) <= width:
        return line
    hang = indent + "    "
    return "\n".join(_wrap_plain(line, width, hang))


def _fit_table(
    headers: tuple[str, ...],
    rows: tuple[tuple[str, ...], ...],
    align: tuple[Align, ...],
    width: int = WIDTH,
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], tuple[Align, ...]]:
    """A table narrower than the page, when it is wider than ``width`` (unchanged when
    it fits): headers longer than their column's cells wrap onto more lines, then the
    left-aligned columns wrap onto continuation rows."""
    if _table_width(headers, rows) <= width:
        return headers, rows, align
    headers = tuple(
        "\n".join(_wrap_plain(h, max([len(w) for w in h.split()] + [len(r[i]) for r in rows])))
        for i, h in enumerate(headers)
    )
    if _table_width(headers, rows) <= width:
        return headers, rows, align
    natural = _natural_widths(headers, rows)
    weights = {i: natural[i] for i, a in enumerate(align) if a == "left" and natural[i]}
    fitted = Layout(width).table(headers, rows, align, weights)
    return fitted.headers, fitted.rows, fitted.align


def _natural_widths(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[int]:
    """Each column's width: its widest cell, a header's widest line."""
    return [
        max([len(line) for line in headers[i].split("\n")] + [len(r[i]) for r in rows])
        for i in range(len(headers))
    ]


def _table_width(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> int:
    return sum(_natural_widths(headers, rows)) + 2 * (len(headers) - 1)


def _text_table(
    headers: tuple[str, ...], rows: tuple[tuple[str, ...], ...], align: tuple[Align, ...]
) -> str:
    widths = _natural_widths(headers, rows)

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            cell.rjust(w) if a == "right" else cell.ljust(w)
            for cell, w, a in zip(cells, widths, align, strict=True)
        ).rstrip()

    split = [h.split("\n") for h in headers]
    depth = max(len(lines) for lines in split)
    header_lines = [
        line(tuple(lines[j] if j < len(lines) else "" for lines in split)) for j in range(depth)
    ]
    rule = "  ".join("-" * w for w in widths)
    return "\n".join([*header_lines, rule, *(line(r) for r in rows)])


_ROOM_TO_SIGN = 3
"""Blank lines left above each name to sign in."""


def _text_signatures(
    blocks: tuple[tuple[str, tuple[str, ...]], ...], note: str, width: int = WIDTH
) -> str:
    """The signature blocks side by side, each name under room to sign."""
    column = width // max(1, len(blocks))
    split = [title.split("\n") for title, _ in blocks]
    title_depth = max((len(lines) for lines in split), default=0)
    lines = [
        "".join((t[j] if j < len(t) else "").center(column) for t in split).rstrip()
        for j in range(title_depth)
    ]
    lines.append("".join(note.center(column) for _ in blocks).rstrip())
    depth = max(len(names) for _, names in blocks) if blocks else 0
    for i in range(depth):
        lines += [""] * _ROOM_TO_SIGN
        row = "".join((names[i] if i < len(names) else "").center(column) for _, names in blocks)
        lines.append(row.rstrip())
    return "\n".join(lines)


# --- Markdown ---------------------------------------------------------------------------------


def _markdown(block: Block) -> str:
    match block:
        case Letterhead(organisation, issuer, party, place_date):
            left = "  \n".join(f"**{_md(line)}**" for line in (*organisation, issuer))
            return f"{left}\n\n**{_md(party)}**  \n_{_md(place_date)}_"
        case Title(text, subtitle):
            return "\n\n".join([f"# {_md(text)}", *(f"**{_md(line)}**" for line in subtitle)])
        case Heading(text):
            return f"## {_md(text)}"
        case Paragraph(text):
            return "\n".join(_md_line(line) for line in text.split("\n"))
        case Fields(items):
            return "\n".join(_markdown_field(label, value) for label, value in items)
        case Table(headers, rows, align):
            rule = "|".join("---:" if a == "right" else ":---" for a in align)
            lines = [_md_row(headers), f"|{rule}|", *(_md_row(r) for r in rows)]
            return "\n".join(lines)
        case Signatures(blocks, note):
            return "\n\n".join(
                f"**{_md(title.replace(chr(10), ' — '))}** _{_md(note)}_\n\n"
                + "\n".join(f"- {_md(name)}" for name in names)
                for title, names in blocks
            )
    raise TypeError(block)


def _markdown_field(label: str, value: str) -> str:
    indent = "  " if label.startswith("  ") else ""
    name = _md(label.strip())
    text = f"**{name}:** {_md(value)}" if value else f"**{name}**"
    return f"{indent}- {text}"


def _md_row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(_md(cell) for cell in cells) + " |"


_MD_SPECIAL = re.compile(r"([\\`*\[\]~|]|(?<![^\W_])_|_(?![^\W_]))")
"""What Markdown would read as markup; ``_`` inside a word (``kiem_phieu``) is not."""
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+[.)])(?=\s|$)")


def _md(text: str) -> str:
    """``text`` as literal Markdown: emphasis, code, links, table bars and HTML shown as typed.

    >>> _md("<b>An</b> *x* [y](z) a|b & c")
    '&lt;b&gt;An&lt;/b&gt; \\\\*x\\\\* \\\\[y\\\\](z) a\\\\|b &amp; c'
    >>> _md("_x_ kiem_phieu.jsonl")
    '\\\\_x\\\\_ kiem_phieu.jsonl'
    """
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return "".join(_HTML.get(char, char) for char in escaped)


def _md_line(line: str) -> str:
    """A line of running text, escaped, and never read as a heading, quote or list item.

    >>> _md_line("# 1. not a heading")
    '\\\\# 1. not a heading'
    >>> _md_line("---"), _md_line("2. not a list")
    ('---', '2\\\\. not a list')
    """
    return _LINE_START.sub(_escape_marker, _md(line))


def _escape_marker(found: re.Match[str]) -> str:
    indent, marker = found.group(1), found.group(2)
    if marker[0].isdigit():  # "1." is a list item, "1\." is not
        return f"{indent}{marker[:-1]}\\{marker[-1]}"
    return f"{indent}\\{marker}"
