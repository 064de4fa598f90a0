"""Documents as Word (.docx): one file, each document a section of its own.

The page follows Hướng dẫn 36-HD/VPTW as docs/documents.md reads it: A4 portrait, margins
20/20/30/15 mm, Times New Roman; every document starts on a new page and numbers its own
pages ("Trang x/y") in the footer, above the audit log's fingerprint. The layout of the
blocks is in :mod:`tally.render.word_blocks`, the page, the faces and the footer in
:mod:`tally.render.word_page`.

python-docx is an optional extra (``tally[documents]``): without it :func:`render_docx`
raises :class:`~tally.errors.MissingExtraError` naming the extra.
"""

from __future__ import annotations

from collections.abc import Sequence

from tally.extras import need
from tally.render.document import Document

__all__ = ["render_docx"]


def render_docx(documents: Sequence[Document]) -> bytes:
    """The whole .docx file of ``documents``, each on pages of its own; the same documents
    give the same bytes (no date or time of the run is written)."""
    need("docx", "documents")
    from tally.render.word_page import build

    return build(documents)
