"""A small document model — titles, headings, fields, tables, signatures — and its renderers.

The minutes are built once as blocks and rendered as plain text (to print and sign) or as
Markdown, so the two outputs can never say different things.

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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Align = Literal["left", "right"]
Format = Literal["text", "markdown"]
FORMATS: tuple[Format, ...] = ("text", "markdown")
_WIDTH = 78


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


Block = Title | Heading | Paragraph | Fields | Table | Signatures


def render(blocks: Sequence[Block], fmt: Format = "text") -> str:
    """Render ``blocks`` as ``"text"`` or ``"markdown"``; the result ends with one newline."""
    parts = [_markdown(b) if fmt == "markdown" else _text(b) for b in blocks]
    return "\n\n".join(parts).rstrip("\n") + "\n"


def _text(block: Block) -> str:
    match block:
        case Title(text, subtitle):
            return "\n".join(line.center(_WIDTH).rstrip() for line in (text, *subtitle))
        case Heading(text):
            return text.upper()
        case Paragraph(text):
            return text
        case Fields(items):
            return "\n".join(_field_line(label, value) for label, value in items)
        case Table(headers, rows, align):
            return _text_table(headers, rows, align)
        case Signatures(blocks, note):
            return _text_signatures(blocks, note)
    raise TypeError(block)


def _field_line(label: str, value: str) -> str:
    indent = "    " if label.startswith("  ") else ""
    return f"{indent}{label.strip()}: {value}" if value else f"{indent}{label.strip()}"


def _text_table(
    headers: tuple[str, ...], rows: tuple[tuple[str, ...], ...], align: tuple[Align, ...]
) -> str:
    widths = [max(len(r[i]) for r in (headers, *rows)) for i in range(len(headers))]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            cell.rjust(w) if a == "right" else cell.ljust(w)
            for cell, w, a in zip(cells, widths, align, strict=True)
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def _text_signatures(blocks: tuple[tuple[str, tuple[str, ...]], ...], note: str) -> str:
    column = _WIDTH // max(1, len(blocks))
    titles = "".join(title.center(column) for title, _ in blocks).rstrip()
    notes = "".join(note.center(column) for _ in blocks).rstrip()
    depth = max(len(names) for _, names in blocks) if blocks else 0
    lines = [titles, notes, "", "", ""]
    for i in range(depth):
        row = "".join((names[i] if i < len(names) else "").center(column) for _, names in blocks)
        lines.append(row.rstrip())
    return "\n".join(lines)


def _markdown(block: Block) -> str:
    match block:
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
                f"**{_md(title)}** _{_md(note)}_\n\n"
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
