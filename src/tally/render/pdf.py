"""Documents as one PDF, printed from their HTML by WeasyPrint (the ``documents`` extra).

Each document is laid out on its own, so "Trang x/y" counts that document's pages (a contest's
minutes are signed as one document); the pages are then bound into one file. The serif face
is Times New Roman where installed, else the Liberation Serif shipped with tally (same metrics,
SIL Open Font License); the fonts are embedded.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from tally.extras import need
from tally.render.document import Document
from tally.render.html import RUNNING_FOOT_CSS, language_of, page_css, render_html

_FACES = (
    ("Regular", "normal", "normal"),
    ("Bold", "bold", "normal"),
    ("Italic", "normal", "italic"),
    ("BoldItalic", "bold", "italic"),
)


@cache
def _font_faces() -> str:
    """``@font-face`` rules for the shipped Liberation Serif, as ``Tally Serif``."""
    folder = resources.files("tally.render") / "fonts"
    rules = []
    for face, weight, style in _FACES:
        path = folder / f"LiberationSerif-{face}.ttf"
        rules.append(
            f'@font-face {{ font-family: "Tally Serif"; src: url("{path.as_uri()}"); '  # type: ignore[attr-defined]
            f"font-weight: {weight}; font-style: {style}; }}"
        )
    return "\n".join(rules)


def render_pdf(documents: Sequence[Document]) -> bytes:
    """``documents`` as the bytes of one PDF, each from a new page with its own page count.

    Raises :class:`~tally.extras.MissingExtraError` naming ``tally[documents]`` when WeasyPrint
    is not installed.
    """
    weasyprint: Any = need("weasyprint", "documents")
    fonts = weasyprint.text.fonts.FontConfiguration()
    style = page_css(language_of(documents)) + _font_faces() + RUNNING_FOOT_CSS
    sheet = weasyprint.CSS(string=style, font_config=fonts)  # parsed once for every document
    rendered = [
        weasyprint.HTML(string=render_html([document], styled=False)).render(
            stylesheets=[sheet], font_config=fonts
        )
        for document in documents
    ]
    if not rendered:
        rendered = [weasyprint.HTML(string=render_html([])).render()]
    pages = [page for one in rendered for page in one.pages]
    data: bytes = rendered[0].copy(pages).write_pdf()
    return data
