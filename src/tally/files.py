"""Reading and writing the board's files: UTF-8 in, whole files out, typed errors either way.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomically(folder / "m.txt", "Biên bản\\n")
>>> read_utf8(folder / "m.txt")
'Biên bản\\n'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tally.errors import InputFileError, Location


def read_utf8(path: str | Path) -> str:
    """The text of ``path``, decoded as UTF-8 (a leading byte-order mark is dropped)."""
    source = Path(path)
    where = Location(file=str(source))
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        raise InputFileError("file.not_found", where, path=source) from None
    except OSError as exc:
        raise InputFileError("file.unreadable", where, path=source, detail=exc.strerror) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError("csv.encoding", where, position=exc.start) from None


def write_atomically(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all: a temporary file, fsync, then rename."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(
            dir=directory, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise InputFileError(
            "file.unwritable", Location(file=str(target)), path=target, detail=exc.strerror
        ) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
