"""The hash chain of an audit log: events, their canonical encoding and hashes, and reading a
log file back line by line to the first line that is not what it should be.

Each event carries its sequence number, the SHA-256 of the previous event and its own, so the
last hash fingerprints the whole log. :func:`walk` reads a log as a stream (a line at a time, a
line never longer than :data:`MAX_LINE`) and reports the first bad line in a
:class:`ChainReport`; :func:`check_chain`, :func:`scan` and :func:`read_events` are its uses.

>>> event_hash(1, "contest_opened", {"contest": "bch"}, GENESIS)[:16]
'a4c4ebabb04cc276'
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

from tally.errors import InputFileError, Location
from tally.files import open_regular
from tally.i18n.messages import Lang, Phrase, text
from tally.model.base import FrozenModel

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


class Walk:
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
        walker = Walk(stream, target)
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
        raise bad_log_error(target, report)
    return events


def bad_log_error(path: Path, report: ChainReport) -> InputFileError:
    """The refusal to open a damaged log: what :func:`walk` found, at its line, and the mend."""
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
