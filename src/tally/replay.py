"""Replay and verify a counting log: the count rebuilt from its events alone.

:func:`replay` checks the hash chain, then feeds every event through the same
:class:`~tally.session.SessionState` the session used, so it reaches the very results the
session produced. :func:`verify` does both and reports the first bad line: a byte changed, a
line missing, moved or cut short, or an event that does not fit the count.

>>> import tempfile, pathlib
>>> from tally.audit import AuditLog
>>> path = pathlib.Path(tempfile.mkdtemp()) / "empty.jsonl"
>>> _ = AuditLog.open(path).append("ballot_recorded", {"serial": "1"})
>>> report = verify(path)
>>> report.ok, report.problem.value, report.line
(False, 'inconsistent', 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tally.audit import GENESIS, ChainReport, Event, Problem, scan
from tally.document import Format
from tally.errors import Location, LogError, TallyError
from tally.events import parse_data
from tally.messages import Lang, Phrase
from tally.minutes import Fingerprint, MinutesContext
from tally.result import ContestResult
from tally.session import ContestState, SessionState


def replay_events(events: Sequence[Event], file: str = "<log>") -> SessionState:
    """The state the ``events`` build; the first event that does not fit raises, located at
    its line of ``file``."""
    state = SessionState()
    for event in events:
        where = Location(file=file, line=event.seq)
        try:
            data = parse_data(event.kind, event.data)
        except ValueError as exc:
            raise LogError("log.bad_event", where, kind=event.kind, detail=str(exc)) from None
        try:
            state.prepare(event.seq, data)()
        except TallyError as exc:
            # The event does not fit the count: the log is inconsistent, whatever the reason.
            raise LogError(exc.code, exc.where.within(where), **exc.params) from None
    return state


@dataclass(frozen=True)
class Replay:
    """A log replayed: every contest's state, and the hashes that fingerprint it."""

    path: Path
    events: tuple[Event, ...]
    state: SessionState

    @property
    def final_hash(self) -> str:
        """The hash of the last event: the whole log's fingerprint."""
        return self.events[-1].hash if self.events else GENESIS

    @property
    def keys(self) -> tuple[str, ...]:
        """The contests in the log, in the order they were opened."""
        return tuple(self.state.contests)

    def contest(self, key: str) -> ContestState:
        """The replayed state of contest ``key``."""
        try:
            return self.state.contests[key]
        except KeyError:
            raise LogError(
                "log.unknown_contest",
                Location(file=str(self.path)),
                contest=key,
                known=", ".join(self.keys) or "—",
            ) from None

    def result(self, key: str) -> ContestResult:
        """The result of contest ``key``; :class:`LogError` while its count is open."""
        result = self.contest(key).result
        if result is None:
            raise LogError("log.not_closed", Location(file=str(self.path)), contest=key)
        return result

    def results(self) -> dict[str, ContestResult]:
        """The result of every closed contest, by key."""
        return {key: s.result for key, s in self.state.contests.items() if s.result is not None}

    def fingerprint(self, key: str) -> Fingerprint:
        """The log up to the last event about contest ``key``: what its minutes print."""
        seq = self.contest(key).last_seq
        return Fingerprint(events=seq, hash=self.events[seq - 1].hash, file=self.path.name)

    def context(self, key: str) -> MinutesContext:
        """What the minutes of ``key`` print beyond the result: congress, board, complaints,
        time of the count, and the log's fingerprint."""
        state = self.contest(key)
        opened = self.state.opened
        identity = opened.congress if opened is not None else None
        return MinutesContext(
            congress=identity.name if identity else None,
            term=identity.term if identity else None,
            place=identity.place if identity else None,
            date=identity.date if identity else None,
            board=state.board,
            counted_at=state.closed_at,
            complaints=tuple((c.summary, c.settlement) for c in state.complaints),
            fingerprint=self.fingerprint(key),
        )

    def minutes(self, key: str, lang: Lang = "vi", fmt: Format = "text") -> str:
        """The minutes of contest ``key`` as the log records it."""
        from tally.minutes import render_minutes

        return render_minutes(self.result(key), self.context(key), lang, fmt)


def replay(path: str | Path) -> Replay:
    """Replay the log at ``path``; :class:`LogError` at the first bad line."""
    target = Path(path)
    events, chain = scan(target)
    if not chain.ok:
        raise _damaged(target, chain)
    return Replay(target, events, replay_events(events, str(target)))


def _damaged(path: Path, chain: ChainReport) -> LogError:
    assert chain.problem is not None
    return LogError(
        "log.damaged",
        Location(file=str(path), line=chain.line),
        problem=Phrase(f"problem.{chain.problem.value}"),
        events=chain.events,
    )


@dataclass(frozen=True)
class VerifyReport:
    """What :func:`verify` found: whole events, the fingerprint, and the first problem."""

    path: Path
    events: int
    final_hash: str
    problem: Problem | None = None
    line: int | None = None
    """1-based line of the first problem."""
    error: TallyError | None = None
    """The error that stopped the check, with its place and fix."""
    open_counts: tuple[str, ...] = ()
    """Contests whose count is not closed in the log."""

    @property
    def ok(self) -> bool:
        """True when the chain is intact and the replay reaches the recorded figures."""
        return self.problem is None

    def message(self, lang: Lang = "vi") -> str:
        """One paragraph for the board: intact with its fingerprint, or where and what."""
        from tally.messages import text

        if self.error is not None:
            return self.error.message(lang)
        said = text("log.verified", lang, file=self.path, events=self.events, hash=self.final_hash)
        if self.open_counts:
            said += "\n" + text("log.open_counts", lang, contests=", ".join(self.open_counts))
        return said


def verify(path: str | Path, expect: str | None = None) -> VerifyReport:
    """Check the log's hash chain and replay it; report the first bad line precisely.

    ``expect`` is a fingerprint the board holds (e.g. printed on the minutes, spaces allowed,
    at least its first 16 characters): the log must contain that event, or it is reported
    ``truncated`` — a hash chain alone cannot tell that lines were cut at its end.
    """
    target = Path(path)
    events, chain = scan(target)
    if not chain.ok:
        error = _damaged(target, chain)
        return VerifyReport(
            target, chain.events, chain.final_hash, chain.problem, chain.line, error
        )
    try:
        state = replay_events(events, str(target))
    except TallyError as exc:
        line = exc.where.line
        good = (line - 1) if line is not None else 0
        return VerifyReport(target, good, chain.final_hash, Problem.INCONSISTENT, line, exc)
    if expect is not None:
        wanted = "".join(expect.split()).lower()
        if len(wanted) < 16 or not any(e.hash.startswith(wanted) for e in events):
            error = LogError(
                "log.truncated", Location(file=str(target)), expect=expect, events=len(events)
            )
            return VerifyReport(
                target, len(events), chain.final_hash, Problem.TRUNCATED, len(events) + 1, error
            )
    open_counts = tuple(key for key, s in state.contests.items() if not s.closed)
    return VerifyReport(target, len(events), chain.final_hash, open_counts=open_counts)
