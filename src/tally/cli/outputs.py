"""What every command does with its output: check it names no input, write it whole, and
say things to the board on standard error."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from tally.files import check_output, write_atomically
from tally.render.document import Document, Format, join_documents, render
from tally.render.paged import PAGED_FORMATS, render_paged


def check_outputs(
    output: Path | None, logs: Sequence[Path | None], inputs: Sequence[Path | None]
) -> None:
    """The one check of every command's outputs, before anything is computed: ``-o`` may name
    no input, no log and no other output; a log written (``--log``, ``--merge``) no input;
    and each must be a regular file or a new path (see :func:`tally.files.check_output`)."""
    written = [log for log in logs if log is not None]
    for log in written:
        check_output(log, inputs)
    if output is not None:
        check_output(output, [*inputs, *written])


def write(output: str | bytes, path: Path | None, stdout: TextIO) -> None:
    """Write ``output`` to ``path`` whole (see :func:`write_atomically`), or to stdout (a PDF
    or a Word file as bytes, through the stream's binary buffer)."""
    if path is None:
        if isinstance(output, bytes):
            stdout.flush()
            stdout.buffer.write(output)
            stdout.buffer.flush()
            return
        stdout.write(output)
        stdout.flush()
        return
    write_atomically(path, output)


def say(message: str) -> None:
    """A line for the board, on standard error."""
    print(message, file=sys.stderr)


def documents_as(documents: Sequence[Document], fmt: str) -> str | bytes:
    """``documents`` in the output format ``fmt``: HTML, PDF or Word (laid out in as many
    processes as there are cores), else text or Markdown, joined page after page."""
    for paged in PAGED_FORMATS:
        if fmt == paged:
            return render_paged(documents, paged, os.cpu_count() or 1)
    document_format: Format = "markdown" if fmt == "markdown" else "text"
    return join_documents((render(d.blocks, document_format) for d in documents), fmt)
