"""The audit log: an append-only, hash-chained record of a count (DESIGN decision 5).

One event per line (JSON Lines) in a canonical encoding. Each event carries its sequence
number, the SHA-256 of the previous event and its own; the last hash fingerprints the whole log,
so the printed minutes and the file bind together. Appends are flushed and fsynced; opening an
existing log checks it and resumes after its last whole event.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "bch.jsonl"
>>> log = AuditLog.open(path)
>>> _ = log.append("contest_opened", {"contest": "bch", "seats": 33})
>>> _ = log.append("ballot_recorded", {"serial": "BCH-001", "struck": [3, 17]})
>>> report = check_chain(path)
>>> report.ok, report.events, report.final_hash == log.last_hash
(True, 2, True)
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import socket
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

from tally.errors import InputFileError, Location
from tally.files import open_regular, os_detail, unwritable
from tally.i18n.messages import Lang, Phrase, text
from tally.model.base import FrozenModel
from tally.model.plain_text import is_control

GENESIS = "0" * 64
"""The ``prev`` of the first event."""


def canonical(value: Any) -> str:
    """The one encoding hashed and stored: sorted keys, no spaces, UTF-8 text kept as is.

    >>> canonical({"b": 1, "a": "Đức"})
    '{"a":"Đức","b":1}'
    """
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def event_hash(seq: int, kind: str, data: Any, prev: str) -> str:
    """SHA-256 of an event's content and the previous hash."""
    body = canonical({"seq": seq, "kind": kind, "data": data, "prev": prev})
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class Event(FrozenModel):
    """One line of the log."""

    seq: int
    kind: str
    data: dict[str, Any]
    prev: str
    hash: str

    def line(self) -> str:
        """The event as its canonical line (without the newline)."""
        return canonical(self.model_dump())


class Problem(StrEnum):
    """What is wrong at the first bad line of a log."""

    CHANGED = "changed"
    """The line's content does not match its hash: it was edited."""
    BROKEN_CHAIN = "broken_chain"
    """The line does not follow the previous one: a line before it changed or was removed."""
    MISSING = "missing"
    """Sequence numbers jump: lines were removed."""
    REORDERED = "reordered"
    """Sequence numbers go backwards or repeat: lines were moved or duplicated."""
    TORN = "torn"
    """The last line is incomplete: the process stopped while writing it."""
    UNREADABLE = "unreadable"
    """The line is not an event at all."""
    TRUNCATED = "truncated"
    """The log has no event with the fingerprint the board expects (e.g. printed on the
    minutes): lines are missing at its end, or it is another log."""
    AMENDED = "amended"
    """Events after the fingerprint the board expects change a contest already closed at it
    (a complaint, a decision, a further round added after the minutes were signed)."""
    INCONSISTENT = "inconsistent"
    """The chain is intact but the event does not fit the count (found by a replay)."""


class ChainReport(FrozenModel):
    """What :func:`check_chain` found: whole events, the final hash, the first problem."""

    ok: bool
    events: int
    final_hash: str
    problem: Problem | None = None
    line: int | None = None
    """1-based line number of the first problem."""
    torn_kind: str | None = None
    """For a torn last line, the kind of event it was writing (``count_closed``…) when that
    part of the line was written before the cut, else ``None``."""


MAX_LINE = 1 << 20
"""The longest line read (1 MiB): a longer one is refused without reading it into memory."""


def _lines(stream: BinaryIO, path: Path) -> Iterator[tuple[bytes, bool]]:
    """Each line of ``stream`` (without its newline) and whether it ends with one.

    Only ``\\n`` ends a line: ``str.splitlines`` would also split on ``\\x0b``, ``\\u2028``…,
    and a newline replaced by one of them would go unseen. A line longer than
    :data:`MAX_LINE` is refused after reading at most that much of it.
    """
    number = 0
    while True:
        raw = stream.readline(MAX_LINE + 1)
        if not raw:
            return
        number += 1
        if raw.endswith(b"\n"):
            yield raw[:-1], True
        elif len(raw) > MAX_LINE:
            raise InputFileError(
                "audit.line_too_long", Location(file=str(path), line=number), limit=MAX_LINE
            )
        else:
            yield raw, False


def _seq(text: str) -> int | None:
    """The sequence number of a line, if it is an event at all."""
    try:
        return Event.model_validate_json(text).seq
    except ValueError:
        return None


class _Walk:
    """One pass over a log: each whole, chained event in turn, then :attr:`report`.

    Nothing is kept but the running figures, so a log of any length is checked in constant
    memory. ``digest`` (if given) is fed every byte read.
    """

    def __init__(self, stream: BinaryIO, path: Path, digest: Any = None) -> None:
        self.stream = stream
        self.path = path
        self.digest = digest
        self.events = 0
        self.final_hash = GENESIS
        self.size = 0
        """Bytes of the whole, chained lines."""
        self.tail = b""
        """The last whole line, with its newline."""
        self.torn_whole = False
        """The torn last line is a whole, chained event that lost only its newline."""
        self.torn_kind: str | None = None
        self.report: ChainReport | None = None

    def __iter__(self) -> Iterator[Event]:
        lines = _lines(self.stream, self.path)
        for number, (raw, whole) in enumerate(lines, start=1):
            if self.digest is not None:
                self.digest.update(raw + b"\n" if whole else raw)
            text = raw.decode("utf-8", errors="replace")
            problem, event = self._problem(text, lines)
            if problem is None and whole and event is not None:
                self.events += 1
                self.final_hash = event.hash
                self.size += len(raw) + 1
                self.tail = raw + b"\n"
                yield event
                continue
            if not whole and problem in (None, Problem.UNREADABLE):
                # Cut short while being written. A line that is a whole event but fails its
                # hash or chain was edited, not cut: it keeps its own problem.
                self.torn_whole = problem is None
                problem = Problem.TORN
                self.torn_kind = _torn_kind(raw)
            self.report = self._end(problem, number)
            return
        self.report = self._end(None, None)

    def _problem(
        self, text: str, rest: Iterator[tuple[bytes, bool]]
    ) -> tuple[Problem | None, Event | None]:
        try:
            event = Event.model_validate_json(text)
        except ValueError:
            return Problem.UNREADABLE, None
        expected = self.events + 1
        if event.seq != expected:
            if event.seq < expected:
                return Problem.REORDERED, event
            later = (_seq(raw.decode("utf-8", errors="replace")) for raw, _ in rest)
            return (Problem.REORDERED if expected in later else Problem.MISSING), event
        if event.hash != event_hash(event.seq, event.kind, event.data, event.prev):
            return Problem.CHANGED, event
        if event.prev != self.final_hash:
            return Problem.BROKEN_CHAIN, event
        if text != event.line():
            return Problem.CHANGED, event
        return None, event

    def _end(self, problem: Problem | None, line: int | None) -> ChainReport:
        return ChainReport(
            ok=problem is None,
            events=self.events,
            final_hash=self.final_hash,
            problem=problem,
            line=line,
            torn_kind=self.torn_kind,
        )


_KIND_FIELD = re.compile(rb'"kind":"([a-z_]{1,40})"')


def _torn_kind(raw: bytes) -> str | None:
    """The event kind written in a torn line, if the cut came after it (a known kind only)."""
    found = _KIND_FIELD.search(raw)
    if found is None:
        return None
    from tally.audit.events import EventKind

    kind = found.group(1).decode("ascii")
    return kind if kind in {k.value for k in EventKind} else None


class TornEvent:
    """What a torn last line was writing, as a message parameter: the event's kind in the
    board's words (``kết thúc kiểm phiếu``), or "the last event being written" when the cut
    came before its kind."""

    def __init__(self, kind: str | None) -> None:
        self.kind = kind

    def render(self, lang: Lang = "vi") -> str:
        """The event in ``lang``."""
        from tally.audit.events import EventKind
        from tally.i18n.labels import label

        if self.kind is None:
            return text("audit.torn_unknown", lang)
        return text("audit.torn_kind", lang, kind=label(EventKind(self.kind), lang))


def _reader(path: Path) -> BinaryIO:
    """``path`` opened for reading, refused unless it is a regular file."""
    return os.fdopen(open_regular(path), "rb")


def walk(path: str | Path, visit: Callable[[Event], None] | None = None) -> ChainReport:
    """Check the log at ``path`` in one pass, in constant memory; ``visit`` is called with
    each whole, chained event in order (it may raise to stop)."""
    target = Path(path)
    with _reader(target) as stream:
        walker = _Walk(stream, target)
        for event in walker:
            if visit is not None:
                visit(event)
    assert walker.report is not None
    return walker.report


def check_chain(path: str | Path) -> ChainReport:
    """Check every line of the log at ``path`` and report the first bad one precisely."""
    return walk(path)


def scan(path: str | Path) -> tuple[tuple[Event, ...], ChainReport]:
    """One pass over the log: the whole events before the first problem, and the report."""
    events: list[Event] = []
    report = walk(path, events.append)
    return tuple(events), report


def read_events(path: str | Path) -> tuple[Event, ...]:
    """The events of an intact log; :class:`InputFileError` naming the first bad line."""
    target = Path(path)
    events, report = scan(target)
    if not report.ok:
        raise _bad_log(target, report)
    return events


def _bad_log(path: Path, report: ChainReport) -> InputFileError:
    if report.problem is Problem.TORN:
        return InputFileError(
            "audit.torn",
            Location(file=str(path), line=report.line),
            events=report.events,
            file=path,
            what=TornEvent(report.torn_kind),
        )
    return InputFileError(
        "audit.bad_log",
        Location(file=str(path), line=report.line),
        problem=Phrase(f"problem.{report.problem.value}") if report.problem else "?",
        events=report.events,
    )


def lock_holder(path: str | Path) -> str:
    """Who holds the lock on the log at ``path``, as far as the system says: the process id,
    its command line and the host, read from ``/proc/locks`` (Linux); ``?`` elsewhere.

    The kernel's lock table is the only record that cannot go stale: a process that dies
    releases its lock, and its entry with it. No lock file is left beside the log.
    """
    try:
        status = os.stat(path)
        table = Path("/proc/locks").read_text(encoding="ascii", errors="replace")
    except OSError:
        return "?"
    for row in table.splitlines():
        fields = row.split()
        if len(fields) < 6 or fields[1] != "FLOCK":
            continue  # another kind of lock, or "->": a process waiting for one
        device = fields[5].split(":")
        try:
            same = (
                int(device[0], 16) == os.major(status.st_dev)
                and int(device[1], 16) == os.minor(status.st_dev)
                and int(device[2]) == status.st_ino
            )
        except (IndexError, ValueError):
            continue
        if same:
            return _process(fields[4])
    return "?"


def _process(pid: str) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        raw = b""
    command = raw.replace(b"\0", b" ").decode("utf-8", errors="replace").strip()
    # Another program's words: shown as one line of plain text, every control character
    # (a line break, a terminal escape) written out, never passed to the board's screen.
    command = "".join(
        char.encode("unicode_escape").decode("ascii") if is_control(char) else char
        for char in command
    )
    if len(command) > 80:
        command = command[:79] + "…"
    return f"pid {pid}" + (f" `{command}`" if command else "") + f", {socket.gethostname()}"


def _open_locked(path: Path, *, create: bool) -> int:
    """A descriptor of the log at ``path`` (a regular file), opened for writing and holding
    an exclusive advisory lock (``flock``) until it is closed.

    A second writer — another program, or another session in this one — is refused with
    :class:`InputFileError` ``audit.locked`` naming the holder. Where the system has no
    ``flock`` (not POSIX) the log is opened without a lock.
    """
    for _ in range(3):
        descriptor = open_regular(path, write=True, create=create)
        try:
            if not _lock(descriptor, path):
                return descriptor
            # The lock is on the file the path names now, not one renamed away meanwhile.
            here, held = os.stat(path), os.fstat(descriptor)
            if (here.st_dev, here.st_ino) == (held.st_dev, held.st_ino):
                return descriptor
        except FileNotFoundError:
            pass
        except BaseException:
            os.close(descriptor)
            raise
        os.close(descriptor)
    raise InputFileError("audit.locked", Location(file=str(path)), path=path, holder="?")


def _lock(descriptor: int, path: Path) -> bool:
    """Take the exclusive lock; False where the system has none."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise InputFileError(
            "audit.locked", Location(file=str(path)), path=path, holder=lock_holder(path)
        ) from None
    except OSError as exc:
        raise unwritable(Path(path), exc) from None
    return True


class AuditLog:
    """An open log, the only writer of its file: appends events, each written whole and
    (``durable``, the default) fsynced before :meth:`append` returns.

    The file stays locked (``flock``) from :meth:`open` to :meth:`close`. Before each append
    the log checks that the file still holds exactly what it wrote: the path still names the
    same file, of the same length, ending with the same last line, and — whenever its
    modification or change time moved — the same SHA-256 over every byte (a full re-read, only
    then). An edit of any line made meanwhile, even one of the same length, is refused before
    anything more is written. An append that fails is cut back, so the file never holds half
    an event that the log in memory does not know about. Events are not kept in memory: a log
    of any length costs the same.
    """

    def __init__(
        self,
        path: Path,
        descriptor: int,
        walked: _Walk,
        digest: Any,
        durable: bool,
    ) -> None:
        self.path = path
        self._fd: int | None = descriptor
        self._count = walked.events
        self._last_hash = walked.final_hash
        self._size = walked.size
        self._tail = walked.tail
        self._digest = digest
        self._durable = durable
        self._broken = False
        self._stamp = self._stamp_of(os.fstat(descriptor))

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        durable: bool = True,
        visit: Callable[[Event], None] | None = None,
    ) -> AuditLog:
        """Open (or create) the log at ``path`` and lock it; an existing log must verify to be
        resumed (``visit`` sees each of its events as it is checked).

        A torn last line — the process was killed while writing it — is reported, never
        dropped silently: :class:`InputFileError` says so, and :func:`repair_torn_tail` cuts it
        once the board has seen it. ``durable=False`` leaves syncing to :meth:`sync` (for a
        file written whole and renamed into place).
        """
        target = Path(path)
        existed = target.exists() or target.is_symlink()
        descriptor = _open_locked(target, create=True)
        try:
            digest = hashlib.sha256()
            with os.fdopen(os.dup(descriptor), "rb") as stream:
                walked = _Walk(stream, target, digest)
                for event in walked:
                    if visit is not None:
                        visit(event)
            assert walked.report is not None
            if not walked.report.ok:
                raise _bad_log(target, walked.report)
            if not existed:
                _sync_directory(target)
        except BaseException:
            os.close(descriptor)
            raise
        return cls(target, descriptor, walked, digest, durable)

    def __enter__(self) -> AuditLog:
        return self

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        if kind is None:
            self.close()
        else:
            self.release()

    def __len__(self) -> int:
        """The number of events written so far."""
        return self._count

    @property
    def size(self) -> int:
        """The bytes of the log so far."""
        return self._size

    @property
    def events(self) -> tuple[Event, ...]:
        """The events so far, oldest first (read back from the file)."""
        return tuple(self.iter_events())

    def iter_events(self) -> Iterator[Event]:
        """The events so far, read back one at a time from the file this log holds."""
        descriptor = self._descriptor(Location(file=str(self.path)))
        with os.fdopen(os.dup(descriptor), "rb") as stream:
            stream.seek(0)
            yield from _Walk(stream, self.path)

    def chunks(self) -> Iterator[bytes]:
        """The bytes of the log so far, in pieces of at most 1 MiB, read from the file this
        log holds."""
        descriptor = self._descriptor(Location(file=str(self.path)))
        offset = 0
        while offset < self._size:
            chunk = os.pread(descriptor, min(1 << 20, self._size - offset), offset)
            if not chunk:
                return
            offset += len(chunk)
            yield chunk

    @property
    def last_hash(self) -> str:
        """The hash of the last event (the log's fingerprint), or :data:`GENESIS`."""
        return self._last_hash

    def _descriptor(self, where: Location) -> int:
        if self._fd is None:
            raise InputFileError("audit.closed", where)
        return self._fd

    def append(self, kind: str, data: dict[str, Any]) -> Event:
        """Write one event and return it (durably, unless opened with ``durable=False``)."""
        where = Location(file=str(self.path), line=self._count + 1)
        descriptor = self._descriptor(where)
        if self._broken:
            raise InputFileError("audit.broken", where)
        self._check_unchanged(descriptor, where)
        seq = self._count + 1
        prev = self._last_hash
        digest = event_hash(seq, kind, data, prev)
        # The line Event.line() gives, without validating what was just built from its parts.
        body = {"data": data, "hash": digest, "kind": kind, "prev": prev, "seq": seq}
        line = (canonical(body) + "\n").encode("utf-8")
        event = Event.model_construct(seq=seq, kind=kind, data=data, prev=prev, hash=digest)
        try:
            written = os.pwrite(descriptor, line, self._size)
            if written != len(line):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            if self._durable:
                os.fsync(descriptor)
        except OSError as exc:
            self._cut_back(descriptor)
            raise InputFileError(
                "file.unwritable", where, path=self.path, detail=os_detail(exc)
            ) from None
        self._size += len(line)
        self._digest.update(line)
        self._tail = line
        self._count = seq
        self._last_hash = event.hash
        self._stamp = self._stamp_of(os.fstat(descriptor))
        return event

    @staticmethod
    def _stamp_of(status: os.stat_result) -> tuple[int, int, int, int, int]:
        return (
            status.st_dev,
            status.st_ino,
            status.st_size,
            status.st_mtime_ns,
            status.st_ctime_ns,
        )

    def _check_unchanged(self, descriptor: int, where: Location) -> None:
        """Refuse to write on unless the file holds exactly what this log wrote."""
        held = os.fstat(descriptor)
        try:
            here = os.stat(self.path)
        except OSError:
            here = None
        if here is None or (here.st_dev, here.st_ino) != (held.st_dev, held.st_ino):
            raise InputFileError("audit.replaced_underneath", where, path=self.path)
        if held.st_size != self._size:
            raise InputFileError(
                "audit.changed_underneath", where, expected=self._size, size=held.st_size
            )
        if self._stamp_of(held) != self._stamp:
            if self._digest_of_file(descriptor) != self._digest.hexdigest():
                raise InputFileError("audit.edited_underneath", where, path=self.path)
            self._stamp = self._stamp_of(held)  # touched, not changed
        elif (
            self._tail
            and os.pread(descriptor, len(self._tail), self._size - len(self._tail)) != self._tail
        ):
            raise InputFileError("audit.edited_underneath", where, path=self.path)

    def _digest_of_file(self, descriptor: int) -> str:
        digest = hashlib.sha256()
        for chunk in self.chunks():
            digest.update(chunk)
        return digest.hexdigest()

    def check(self) -> None:
        """Re-read the whole file and refuse (``audit.edited_underneath``) unless it holds
        exactly what this log wrote."""
        where = Location(file=str(self.path), line=self._count + 1)
        descriptor = self._descriptor(where)
        held = os.fstat(descriptor)
        if held.st_size != self._size:
            raise InputFileError(
                "audit.changed_underneath", where, expected=self._size, size=held.st_size
            )
        if self._digest_of_file(descriptor) != self._digest.hexdigest():
            raise InputFileError("audit.edited_underneath", where, path=self.path)

    def sync(self) -> None:
        """Flush the log to the disk (after appends made with ``durable=False``)."""
        where = Location(file=str(self.path))
        try:
            os.fsync(self._descriptor(where))
        except OSError as exc:
            raise InputFileError(
                "file.unwritable", where, path=self.path, detail=os_detail(exc)
            ) from None

    def close(self) -> None:
        """Check the whole file once more (:meth:`check`), then release the lock."""
        if self._fd is None:
            return
        try:
            self.check()
        finally:
            self.release()

    def release(self) -> None:
        """Release the lock and the file without checking it (after an error)."""
        if self._fd is not None:
            descriptor, self._fd = self._fd, None
            os.close(descriptor)

    def __del__(self) -> None:
        self.release()

    def _cut_back(self, descriptor: int) -> None:
        """Remove whatever a failed append left after the last whole event."""
        try:
            os.ftruncate(descriptor, self._size)
            with contextlib.suppress(OSError):  # the cut stands even if it is not synced
                os.fsync(descriptor)
            self._stamp = self._stamp_of(os.fstat(descriptor))
        except OSError:
            self._broken = True


def _sync_directory(path: Path) -> None:
    """Make a new file's directory entry durable (POSIX; elsewhere a no-op)."""
    if os.name != "posix":  # pragma: no cover
        return
    descriptor = os.open(path.parent if str(path.parent) else ".", os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def place_new(partial: Path, target: Path) -> None:
    """Give the finished log ``partial`` the name ``target``, unless a file of that name
    appeared meanwhile (:class:`InputFileError` ``log.appeared``; nothing is replaced)."""
    try:
        os.link(partial, target)
    except FileExistsError:
        raise InputFileError("log.appeared", Location(file=str(target)), path=target) from None
    except OSError:  # a file system without hard links
        if target.exists():
            raise InputFileError("log.appeared", Location(file=str(target)), path=target) from None
        os.replace(partial, target)
        return
    partial.unlink()


def repair_torn_tail(path: str | Path) -> int:
    """Mend a torn last line (reported by :func:`check_chain`); return how many bytes were cut.

    A last line that is a whole, chained event missing only its newline gets the newline
    back (0 bytes cut); otherwise the torn line is cut. Any other problem — among them a last
    line that is a whole event failing its hash, which was edited, not torn — is left for the
    board and raises. The log is locked while it is mended, like any writer.
    """
    target = Path(path)
    descriptor = _open_locked(target, create=False)
    try:
        with os.fdopen(os.dup(descriptor), "rb") as stream:
            walked = _Walk(stream, target)
            for _ in walked:
                pass
            length = stream.seek(0, os.SEEK_END)
        report = walked.report
        assert report is not None
        if report.ok:
            return 0
        if report.problem is not Problem.TORN:
            raise _bad_log(target, report)
        if walked.torn_whole:
            os.pwrite(descriptor, b"\n", length)
        else:
            os.ftruncate(descriptor, walked.size)
        os.fsync(descriptor)
        return 0 if walked.torn_whole else length - walked.size
    except OSError as exc:
        raise unwritable(Path(target), exc) from None
    finally:
        os.close(descriptor)
