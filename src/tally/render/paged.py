"""The formats printed on pages — HTML, PDF, Word (.docx) — from one list of documents.

>>> from tally.render.document import Document, Title
>>> render_paged([Document((Title("BIÊN BẢN"),))], "html").count("<section")
1
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from tally.errors import MissingExtraError
from tally.extras import installed
from tally.render.document import Document

PagedFormat = Literal["html", "pdf", "docx"]
PAGED_FORMATS: tuple[PagedFormat, ...] = ("html", "pdf", "docx")

_NEEDS: dict[PagedFormat, str] = {"pdf": "weasyprint", "docx": "docx"}
"""The library each format needs beyond tally itself (the ``documents`` extra)."""


def renderable(fmt: PagedFormat) -> bool:
    """Whether ``fmt`` can be rendered here — HTML always, PDF and Word when the ``documents``
    extra is installed — found without importing the library.

    >>> renderable("html")
    True
    """
    module = _NEEDS.get(fmt)
    if module is None:
        return True
    try:
        installed(module, "documents")
    except MissingExtraError:
        return False
    return True


def render_paged(documents: Sequence[Document], fmt: PagedFormat, workers: int = 1) -> str | bytes:
    """``documents`` as one HTML file (text), one PDF or one Word file (bytes); a PDF laid out
    in ``workers`` processes at once (see :func:`tally.render.pdf.render_pdf`)."""
    if fmt == "pdf":
        from tally.render.pdf import render_pdf

        return render_pdf(documents, workers)
    if fmt == "docx":
        from tally.render.word import render_docx

        return render_docx(documents)
    from tally.render.html import render_html

    return render_html(documents)
