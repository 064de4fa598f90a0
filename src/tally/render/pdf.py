"""Documents as one PDF, printed from their HTML by WeasyPrint (the ``documents`` extra).

Each document is laid out on its own, so "Trang x/y" counts that document's pages (a contest's
minutes are signed as one document); the pages are then bound into one file. The serif face
is Times New Roman where installed, else the Liberation Serif shipped with tally (same metrics,
SIL Open Font License); the fonts are embedded.

Laying out is the slow part (about 60 ms a page). With ``workers`` above 1 the documents are
laid out in that many forked processes at once — the command line uses every core — and their
PDFs bound together with pypdf (also in the ``documents`` extra); a process that has already
loaded WeasyPrint, or a system without ``fork``, lays them out in one process.
"""

from __future__ import annotations

import io
import multiprocessing
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from importlib import resources
from typing import Any

from tally.extras import installed, need
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
        uri = (folder / f"LiberationSerif-{face}.ttf").as_uri()  # type: ignore[attr-defined]
        rules.append(
            f'@font-face {{ font-family: "Tally Serif"; src: url("{uri}"); '
            f"font-weight: {weight}; font-style: {style}; }}"
        )
    return "\n".join(rules)


def render_pdf(documents: Sequence[Document], workers: int = 1) -> bytes:
    """``documents`` as the bytes of one PDF, each from a new page with its own page count;
    laid out in ``workers`` processes at once when there are several documents.

    Raises :class:`~tally.errors.MissingExtraError` naming ``tally[documents]`` when WeasyPrint
    (or, for several workers, pypdf) is not installed.
    """
    installed("weasyprint", "documents")
    groups = _groups(documents, workers)
    # Workers are forked, which is quick and safe only while this process has not loaded
    # WeasyPrint (Pango and its threads); otherwise, or where there is no fork, one process.
    forkable = "fork" in multiprocessing.get_all_start_methods()
    if len(groups) < 2 or not forkable or "weasyprint" in sys.modules:
        return _pdf(list(documents))
    pypdf: Any = need("pypdf", "documents")
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=len(groups), mp_context=context) as pool:
        parts = list(pool.map(_pdf, groups))
    writer = pypdf.PdfWriter()
    for part in parts:
        writer.append(pypdf.PdfReader(io.BytesIO(part)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _groups(documents: Sequence[Document], workers: int) -> list[list[Document]]:
    """The documents in at most ``workers`` runs of about the same size, in order."""
    if workers < 2 or len(documents) < 2:
        return [list(documents)]
    sizes = [sum(len(getattr(b, "rows", ())) + 1 for b in d.blocks) for d in documents]
    share = sum(sizes) / min(workers, len(documents))
    groups: list[list[Document]] = [[]]
    filled = 0.0
    for document, size in zip(documents, sizes, strict=True):
        if groups[-1] and filled + size / 2 > share and len(groups) < workers:
            groups.append([])
            filled = 0.0
        groups[-1].append(document)
        filled += size
    return groups


def _pdf(documents: list[Document]) -> bytes:
    """One PDF of ``documents``, each laid out on its own, in this process."""
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
