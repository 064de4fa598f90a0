"""Reading and writing the board's files: UTF-8 in, whole files out, typed errors either way.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomically(folder / "m.txt", "Biên bản\\n")
>>> read_utf8(folder / "m.txt")
'Biên bản\\n'
>>> try:
...     parse_toml("a = 1\\nb = = 2\\n", "x.toml", "spec.toml")
... except InputFileError as error:
...     print(error.message("en"))
x.toml, line 2: The congress spec is not valid TOML: Invalid value (column 5).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tally.errors import InputFileError, Location
from tally.i18n.messages import Lang, Phrase

MAX_NESTING = 64
"""Deepest nesting of arrays and tables reported when a file is too deep to parse."""


def open_regular(path: str | Path, *, write: bool = False, create: bool = False) -> int:
    """A descriptor of ``path``, which must be a regular file; :class:`InputFileError` otherwise.

    The file is opened without blocking (a FIFO with no writer would otherwise hang the
    ``open``), then checked with ``fstat`` on the descriptor itself, so a folder, a device or
    a pipe is refused before a byte is read and nothing can be swapped in between. ``write``
    opens it for reading and writing; ``create`` also creates it when missing. Every OS error
    (missing file, permission, a path through a file) is an :class:`InputFileError` naming
    the path.

    >>> import tempfile, pathlib, os
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> try:
    ...     open_regular(folder)
    ... except InputFileError as error:
    ...     print(error.code)
    load.not_regular
    >>> os.close(open_regular(folder / "new.jsonl", write=True, create=True))
    """
    source = Path(path)
    where = Location(file=str(source))
    flags = (os.O_RDWR if write else os.O_RDONLY) | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if create:
        flags |= os.O_CREAT
    try:
        descriptor = os.open(source, flags, 0o666)
    except FileNotFoundError:
        if create:
            raise InputFileError(
                "file.unwritable",
                where,
                path=source,
                detail=Phrase("os.no_folder"),
            ) from None
        raise InputFileError("file.not_found", where, path=source) from None
    except IsADirectoryError:
        raise InputFileError("load.not_regular", where, path=source) from None
    except OSError as exc:
        code = "file.unwritable" if write else "file.unreadable"
        raise InputFileError(code, where, path=source, detail=os_detail(exc)) from None
    except ValueError as exc:  # e.g. a NUL character in the path
        raise InputFileError("file.unreadable", where, path=source, detail=str(exc)) from None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise InputFileError("load.not_regular", where, path=source)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def read_utf8(path: str | Path) -> str:
    """The text of ``path``, decoded as UTF-8 (a leading byte-order mark is dropped).

    Only a regular file is read (see :func:`open_regular`): a folder, a device or a pipe
    (which might never end) is refused, and so is a file that is not UTF-8, naming the line of
    the first bad byte.
    """
    source = Path(path)
    where = Location(file=str(source))
    descriptor = open_regular(source)
    try:
        with os.fdopen(descriptor, "rb") as stream:
            raw = stream.read()
    except OSError as exc:
        raise InputFileError("file.unreadable", where, path=source, detail=os_detail(exc)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputFileError(
            "csv.encoding", Location(file=str(source), line=line), position=exc.start
        ) from None


def parse_toml(text: str, source: str, code: str) -> dict[str, Any]:
    """Parse TOML ``text``; any problem is an :class:`InputFileError` ``code`` (a message with
    a ``detail``) naming ``source`` and the line, or a number too long or nesting too deep."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        detail, line = _toml_position(str(exc), text)
        raise InputFileError(code, Location(file=source, line=line), detail=detail) from None
    except RecursionError:
        raise too_deep(text, source) from None
    except ValueError as exc:  # an integer of more digits than Python converts
        if _LONG_NUMBER.search(text):
            raise long_number(text, source) from None
        raise InputFileError(code, Location(file=source), detail=str(exc)) from None


_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")


def _toml_position(message: str, text: str) -> tuple[str, int | None]:
    """tomllib's message without its position, and the line it names."""
    found = _TOML_AT.search(message)
    if found:
        return f"{message[: found.start()]} (column {found.group(2)})", int(found.group(1))
    if _TOML_END.search(message):
        return _TOML_END.sub("", message), text.count("\n") + 1
    return message, None


def line_at(text: str, offset: int) -> int:
    """The 1-based line of character ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1


_LONG_NUMBER = re.compile(r"[0-9][0-9_]{4300,}")


def long_number(text: str, source: str) -> InputFileError:
    """The error for a number with more digits than can be read, at its line."""
    found = _LONG_NUMBER.search(text)
    line = line_at(text, found.start()) if found else None
    return InputFileError("load.long_number", Location(file=source, line=line))


def too_deep(text: str, source: str) -> InputFileError:
    """The error for nesting too deep to parse, at the line where it passes
    :data:`MAX_NESTING`."""
    return InputFileError(
        "load.too_deep", Location(file=source, line=_deep_line(text)), limit=MAX_NESTING
    )


def _deep_line(text: str) -> int | None:
    """The line where brackets outside strings and comments first nest deeper than
    :data:`MAX_NESTING` (TOML and JSON spell strings alike enough for this)."""
    depth = 0
    quote: str | None = None
    escaped = comment = False
    for offset, char in enumerate(text):
        if comment:
            comment = char != "\n"
        elif quote is not None:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote or char == "\n":
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "#":
            comment = True
        elif char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return line_at(text, offset)
        elif char in "]}":
            depth -= 1
    return None


_SHOWN = 80
"""At most this many characters of a refused value are quoted in a message."""


class Detail:
    """A detail of a message in both languages (pydantic's own messages are English only)."""

    def __init__(self, vi: str, en: str) -> None:
        self.vi, self.en = vi, en

    def render(self, lang: Lang = "vi") -> str:
        """The detail in ``lang``."""
        return self.vi if lang == "vi" else self.en


_OS_WORDS: dict[int, str] = {
    number: f"os.{errno.errorcode[number].lower()}"
    for number in (
        errno.ENOENT,
        errno.EACCES,
        errno.EPERM,
        errno.EISDIR,
        errno.ENOTDIR,
        errno.ENOSPC,
        errno.EROFS,
        errno.EEXIST,
        errno.ELOOP,
        errno.ENAMETOOLONG,
    )
}
"""The common ``errno`` values and their catalogue keys: the system's reason in the board's
words (the system's own text, ``strerror``, is English whatever the language asked for)."""


def os_detail(exc: BaseException) -> Detail | Phrase:
    """Why the system refused, in both languages: the common ``errno`` values in the board's
    words, any other by the system's own text.

    >>> os_detail(PermissionError(13, "Permission denied")).render("vi")
    'không có quyền truy cập'
    >>> os_detail(OSError(28, "No space left on device")).render("en")
    'the disk is full'
    """
    number = getattr(exc, "errno", None)
    if isinstance(number, int) and number in _OS_WORDS:
        return Phrase(_OS_WORDS[number])
    own = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return Detail(own, own)


def shown(value: object) -> str:
    """``repr(value)``, cut short for a message."""
    return clipped(repr(value))


def clipped(text: str) -> str:
    """``text``, cut short for a message."""
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def write_atomically(path: str | Path, text: str | bytes, *, mode: int | None = None) -> None:
    """Write ``text`` (UTF-8) or bytes (a PDF, a Word file) to ``path`` whole or not at all: a
    temporary file, fsync, rename, then fsync of the folder so the new name survives a power cut.

    A new file gets the mode a newly created file would (``0o666`` less the umask), not the
    ``0o600`` of a temporary file; a file written again keeps its mode; ``mode``, when given,
    is the file's mode either way (a secret: ``0o600``). A link is written through: the file
    it points to is replaced, and the link stays.
    """
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()
    directory = target.parent if str(target.parent) else Path(".")
    if mode is None:
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except OSError:
            mode = 0o666 & ~current_umask()
    try:
        handle, temporary = tempfile.mkstemp(
            dir=directory, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise unwritable(target, exc) from None
    try:
        os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8") if isinstance(text, str) else text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise unwritable(target, exc) from None
        raise
    sync_folder(directory)


def unwritable(target: Path, exc: OSError) -> InputFileError:
    """The error for a file that could not be written: its path and the system's reason."""
    return InputFileError(
        "file.unwritable", Location(file=str(target)), path=target, detail=os_detail(exc)
    )


def current_umask() -> int:
    """The process's file-creation mask (read without changing it where the system shows it).

    >>> 0 <= current_umask() <= 0o777
    True
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def sync_folder(folder: Path) -> None:
    """Make the folder's entries (a file just renamed into it) durable; a no-op where folders
    cannot be opened (Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:  # some file systems refuse fsync on a folder; the rename still happened
        pass
    finally:
        os.close(descriptor)


_NOT_REGULAR = {
    stat.S_IFDIR: Phrase("path.folder"),
    stat.S_IFCHR: Phrase("path.device"),
    stat.S_IFBLK: Phrase("path.device"),
    stat.S_IFIFO: Phrase("path.pipe"),
    stat.S_IFSOCK: Phrase("path.socket"),
}


def check_output(output: Path, inputs: Iterable[Path | None] = ()) -> None:
    """Refuse, before anything is computed, to write ``output`` over one of ``inputs`` or over
    anything but a regular file (a new path is fine).

    Links are followed and hard links seen (``os.path.samefile``), so no other spelling of an
    input gets past. Every command checks its outputs with this one function.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> spec = folder / "congress.toml"
    >>> _ = spec.write_text("x")
    >>> check_output(folder / "minutes.txt", [spec])
    >>> try:
    ...     check_output(folder / "." / "congress.toml", [spec])
    ... except InputFileError as error:
    ...     print(error.code)
    file.output_is_input
    >>> try:
    ...     check_output(folder, [spec])
    ... except InputFileError as error:
    ...     print(error.code, error.params["kind"].render("en"))
    file.output_not_file a folder
    """
    where = Location(file=str(output))
    try:
        resolved = output.resolve()
        if not resolved.parent.is_dir():
            raise InputFileError(
                "file.unwritable",
                where,
                path=output,
                detail=Phrase("os.no_folder"),
            )
        try:
            kind = resolved.stat().st_mode
        except FileNotFoundError:
            kind = None
        if kind is not None and not stat.S_ISREG(kind):
            nature = _NOT_REGULAR.get(stat.S_IFMT(kind), Phrase("path.not_a_file"))
            raise InputFileError("file.output_not_file", where, path=output, kind=nature)
        for source in inputs:
            if source is None:
                continue
            if _same(output, resolved, kind is not None, source):
                raise InputFileError("file.output_is_input", where, output=output, input=source)
        # Can a file be made there at all? Found now, before a log is written or a count run,
        # so that "nothing was written" stays true when the folder refuses it.
        handle, probe = tempfile.mkstemp(dir=resolved.parent, prefix=f".{resolved.name}.")
        os.close(handle)
        os.unlink(probe)
    except InputFileError:
        raise
    except (OSError, RuntimeError, ValueError) as exc:  # a link loop, a NUL in the path...
        raise InputFileError("file.unwritable", where, path=output, detail=os_detail(exc)) from None


def _same(output: Path, resolved: Path, exists: bool, source: Path) -> bool:
    """Whether ``output`` and ``source`` name one file."""
    try:
        if exists and source.exists():
            return os.path.samefile(output, source)
    except OSError:
        pass
    return resolved == source.resolve()
