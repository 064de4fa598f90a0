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
import hashlib
import json
import os
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from tally.errors import InputFileError, Location
from tally.messages import Phrase

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


class Event(BaseModel):
    """One line of the log."""

    model_config = ConfigDict(frozen=True, extra="forbid")

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
    INCONSISTENT = "inconsistent"
    """The chain is intact but the event does not fit the count (found by a replay)."""


class ChainReport(BaseModel):
    """What :func:`check_chain` found: whole events, the final hash, the first problem."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    ok: bool
    events: int
    final_hash: str
    problem: Problem | None = None
    line: int | None = None
    """1-based line number of the first problem."""


def _check(lines: list[str]) -> tuple[list[Event], ChainReport]:
    events: list[Event] = []
    prev = GENESIS
    for number, text in enumerate(lines, start=1):
        try:
            event = Event.model_validate_json(text)
        except ValueError:
            return events, _report(events, prev, Problem.UNREADABLE, number)
        expected_seq = len(events) + 1
        if event.seq != expected_seq:
            later = {_seq(other) for other in lines[number:]}
            moved = event.seq < expected_seq or expected_seq in later
            problem = Problem.REORDERED if moved else Problem.MISSING
            return events, _report(events, prev, problem, number)
        if event.hash != event_hash(event.seq, event.kind, event.data, event.prev):
            return events, _report(events, prev, Problem.CHANGED, number)
        if event.prev != prev or text != event.line():
            problem = Problem.BROKEN_CHAIN if event.prev != prev else Problem.CHANGED
            return events, _report(events, prev, problem, number)
        events.append(event)
        prev = event.hash
    return events, _report(events, prev, None, None)


def _seq(text: str) -> int | None:
    """The sequence number of a line, if it is an event at all."""
    try:
        return Event.model_validate_json(text).seq
    except ValueError:
        return None


def _report(
    events: list[Event], prev: str, problem: Problem | None, line: int | None
) -> ChainReport:
    return ChainReport(
        ok=problem is None, events=len(events), final_hash=prev, problem=problem, line=line
    )


def _lines(path: Path) -> tuple[list[str], bool]:
    """The file's lines and whether it ends with a newline (a whole last line)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError("file.not_found", Location(file=str(path)), path=path) from None
    text = raw.decode("utf-8", errors="replace")
    whole = text.endswith("\n") or not text
    # Only "\n" ends a line: str.splitlines would also split on \x0b, \x1c, \u2028…, and a
    # newline replaced by one of them would go unseen.
    lines = text.split("\n")
    return (lines[:-1] if whole else lines), whole


def _scan(path: Path) -> tuple[list[Event], ChainReport]:
    lines, whole = _lines(path)
    if whole:
        return _check(lines)
    # A last line without its newline was cut short while being written.
    events, report = _check(lines[:-1])
    if report.ok:
        report = _report(events, report.final_hash, Problem.TORN, len(lines))
    return events, report


def check_chain(path: str | Path) -> ChainReport:
    """Check every line of the log at ``path`` and report the first bad one precisely."""
    return _scan(Path(path))[1]


def scan(path: str | Path) -> tuple[tuple[Event, ...], ChainReport]:
    """One pass over the log: the whole events before the first problem, and the report."""
    events, report = _scan(Path(path))
    return tuple(events), report


def read_events(path: str | Path) -> tuple[Event, ...]:
    """The events of an intact log; :class:`InputFileError` naming the first bad line."""
    target = Path(path)
    events, report = _scan(target)
    if not report.ok:
        raise _bad_log(target, report)
    return tuple(events)


def _bad_log(path: Path, report: ChainReport) -> InputFileError:
    if report.problem is Problem.TORN:
        return InputFileError(
            "audit.torn",
            Location(file=str(path), line=report.line),
            events=report.events,
            file=path,
        )
    return InputFileError(
        "audit.bad_log",
        Location(file=str(path), line=report.line),
        problem=Phrase(f"problem.{report.problem.value}") if report.problem else "?",
        events=report.events,
    )


class AuditLog:
    """An open log: appends events, each flushed and fsynced before :meth:`append` returns.

    Before each append the file must still end where this log last wrote (another writer, or
    an edit, is refused); an append that fails is cut back, so the file never holds half an
    event that the log in memory does not know about.
    """

    def __init__(self, path: Path, events: list[Event], size: int) -> None:
        self.path = path
        self._events = events
        self._size = size
        self._broken = False

    @classmethod
    def open(cls, path: str | Path) -> AuditLog:
        """Open (or create) the log at ``path``; an existing log must verify to be resumed.

        A torn last line — the process was killed while writing it — is reported, never
        dropped silently: :class:`InputFileError` says so, and :func:`repair_torn_tail` cuts it
        once the board has seen it.
        """
        target = Path(path)
        if not target.exists():
            try:
                target.touch()
            except OSError as exc:
                raise InputFileError(
                    "file.unwritable", Location(file=str(target)), path=target, detail=exc.strerror
                ) from None
            _sync_directory(target)
            return cls(target, [], 0)
        events = list(read_events(target))
        return cls(target, events, target.stat().st_size)

    def __len__(self) -> int:
        """The number of events written so far."""
        return len(self._events)

    @property
    def events(self) -> tuple[Event, ...]:
        """The events so far, oldest first."""
        return tuple(self._events)

    @property
    def last_hash(self) -> str:
        """The hash of the last event (the log's fingerprint), or :data:`GENESIS`."""
        return self._events[-1].hash if self._events else GENESIS

    def append(self, kind: str, data: dict[str, Any]) -> Event:
        """Write one event durably and return it."""
        where = Location(file=str(self.path), line=len(self._events) + 1)
        if self._broken:
            raise InputFileError("audit.broken", where)
        seq = len(self._events) + 1
        prev = self.last_hash
        event = Event(
            seq=seq, kind=kind, data=data, prev=prev, hash=event_hash(seq, kind, data, prev)
        )
        line = (event.line() + "\n").encode("utf-8")
        try:
            with self.path.open("r+b") as stream:
                end = stream.seek(0, os.SEEK_END)
                if end != self._size:
                    raise InputFileError(
                        "audit.changed_underneath", where, expected=self._size, size=end
                    )
                stream.write(line)
                stream.flush()
                os.fsync(stream.fileno())
        except OSError as exc:
            self._cut_back()
            raise InputFileError(
                "file.unwritable", where, path=self.path, detail=exc.strerror or str(exc)
            ) from None
        self._size += len(line)
        self._events.append(event)
        return event

    def _cut_back(self) -> None:
        """Remove whatever a failed append left after the last whole event."""
        try:
            with self.path.open("r+b") as stream:
                stream.truncate(self._size)
                stream.flush()
                with contextlib.suppress(OSError):  # the cut stands even if it is not synced
                    os.fsync(stream.fileno())
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


def repair_torn_tail(path: str | Path) -> int:
    """Mend a torn last line (reported by :func:`check_chain`); return how many bytes were cut.

    A last line that is a whole, chained event missing only its newline gets the newline
    back (0 bytes cut); otherwise the torn line is cut. Any other problem is left for the board
    and raises.
    """
    target = Path(path)
    report = check_chain(target)
    if report.ok:
        return 0
    if report.problem is not Problem.TORN:
        raise _bad_log(target, report)
    raw = target.read_bytes()
    keep = raw.rfind(b"\n") + 1
    lines, _ = _lines(target)
    whole_last = _check(lines)[1].ok
    with target.open("r+b") as stream:
        if whole_last:
            stream.seek(0, os.SEEK_END)
            stream.write(b"\n")
        else:
            stream.truncate(keep)
        stream.flush()
        os.fsync(stream.fileno())
    return 0 if whole_last else len(raw) - keep
