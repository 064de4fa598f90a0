"""The documents of a replayed audit log — the minutes of a closed contest, the entry log — as
``tally replay`` prints them and the entry station serves them for printing, in one format.

>>> import tempfile, pathlib, datetime as dt
>>> from tally import Body, Contest, CongressKind, Roll
>>> from tally.audit.session import CountingSession
>>> from tally.audit.replay import replay
>>> path = pathlib.Path(tempfile.mkdtemp()) / "bt.jsonl"
>>> session = CountingSession.open(path, clock=lambda: dt.datetime(2025, 6, 1, 9, 0))
>>> bt = session.open_contest(
...     Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"]),
...     roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3))
>>> _ = bt.record("001", agree=[1])
>>> minutes_of(replay(path), "bt", "en") is None      # the count is open: no minutes yet
True
>>> (entries,) = log_documents(replay(path), ["bt"], "en", entries=True)
>>> render_as([entries], "text").splitlines()[0].strip()
'BALLOT-ENTRY LOG'
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from tally.i18n.messages import Lang, text
from tally.render.document import Document, Paragraph, render_documents
from tally.render.paged import PAGED_FORMATS, render_paged

if TYPE_CHECKING:
    from tally.audit.replay import Replay

OutputFormat = Literal["text", "markdown", "html", "pdf", "docx"]
"""The formats the documents of a log are printed in."""


def log_documents(
    replayed: Replay, keys: Sequence[str], lang: Lang, *, entries: bool, paged: bool = False
) -> list[Document]:
    """The minutes of each contest in ``keys`` whose count is closed (none for one still
    open), or — ``entries`` — each one's entry log, laid out ``paged`` (HTML, PDF, Word) or for
    plain text."""
    if entries:
        from tally.render.entry_log import entry_log_document

        return [entry_log_document(replayed, key, lang, paged=paged) for key in keys]
    shown = [minutes_of(replayed, key, lang) for key in keys]
    return [document for document in shown if document is not None]


def minutes_of(replayed: Replay, key: str, lang: Lang) -> Document | None:
    """The minutes of ``key`` from the log (congress, letterhead, board, fingerprint as the log
    records them), ending with a note of any events after the signed fingerprint that touch it;
    ``None`` while the count is open."""
    from tally.render.minutes import minutes_document

    if replayed.contest(key).result is None:
        return None
    document = minutes_document(replayed.result(key), replayed.context(key), lang)
    later = later_note(replayed, key, lang).strip()
    if later:
        document = dataclasses.replace(document, blocks=(*document.blocks, Paragraph(later)))
    return document


def later_note(replayed: Replay, key: str, lang: Lang) -> str:
    """A paragraph saying which events after the signed fingerprint touch ``key`` (none: "")."""
    from tally.audit.replay import EventKinds

    later = replayed.later_about(key)
    if not later:
        return ""
    kinds = EventKinds.of(later).render(lang)
    return "\n" + text("log.later_note", lang, count=len(later), contest=key, kinds=kinds) + "\n"


def render_as(documents: Sequence[Document], fmt: OutputFormat, workers: int = 1) -> str | bytes:
    """``documents`` as plain text or Markdown (text), or as one HTML (text), PDF or Word file
    (bytes); a PDF laid out in ``workers`` processes (see :func:`render_paged`)."""
    paged = next((one for one in PAGED_FORMATS if one == fmt), None)
    if paged is not None:
        return render_paged(documents, paged, workers)
    return render_documents(documents, "markdown" if fmt == "markdown" else "text")
