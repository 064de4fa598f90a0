"""The formats printed on pages — HTML, PDF, Word — from one list of documents.

>>> from tally.render.document import Document, Title
>>> render_paged([Document((Title("BIÊN BẢN"),))], "html").count("<section")
1
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from tally.render.document import Document

PagedFormat = Literal["html", "pdf"]
PAGED_FORMATS: tuple[PagedFormat, ...] = ("html", "pdf")


def render_paged(documents: Sequence[Document], fmt: PagedFormat) -> str | bytes:
    """``documents`` as one HTML file (text) or one PDF (bytes)."""
    if fmt == "pdf":
        from tally.render.pdf import render_pdf

        return render_pdf(documents)
    from tally.render.html import render_html

    return render_html(documents)
