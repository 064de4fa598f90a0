"""Replay and verify a counting log: the count rebuilt from its events alone.

:func:`replay` checks the hash chain, then feeds every event through the same
:class:`~tally.audit.state.SessionState` the session used, so it reaches the very results the
session produced. :func:`verify` does both and reports the first bad line: a byte changed, a
line missing, moved or cut short, or an event that does not fit the count.

>>> import tempfile, pathlib
>>> from tally.audit.log import AuditLog
>>> path = pathlib.Path(tempfile.mkdtemp()) / "empty.jsonl"
>>> _ = AuditLog.open(path).append("ballot_recorded", {"serial": "1"})
>>> report = verify(path)
>>> report.ok, report.problem.value, report.line
(False, 'inconsistent', 1)
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tally.arguments import checked
from tally.audit.chain import GENESIS, ChainReport, Event, Problem, Walk, scan, walk
from tally.audit.congress_replay import congress_record
from tally.audit.events import EventKind
from tally.audit.state import ContestState, SessionState, replay_event, replay_events
from tally.congress.minutes_context import Fingerprint, MinutesContext
from tally.congress.run import CongressRecord
from tally.counting.result import ContestResult
from tally.errors import InputFileError, Location, LogError, TallyError
from tally.i18n.labels import label
from tally.i18n.messages import Lang, Phrase

MIN_EXPECT = 16
"""The fewest hexadecimal digits of a fingerprint ``--expect`` accepts (64 bits)."""


def expected_prefix(expect: str) -> str:
    """The fingerprint the board typed, without spaces and in lower case; refused
    (:class:`InputFileError` ``log.bad_expect``) unless it is at least :data:`MIN_EXPECT`
    hexadecimal digits of a SHA-256.

    >>> expected_prefix("1353F3AC 1C58F191")
    '1353f3ac1c58f191'
    """
    wanted = "".join(expect.split()).lower()
    if not MIN_EXPECT <= len(wanted) <= 64 or any(c not in "0123456789abcdef" for c in wanted):
        raise InputFileError(
            "log.bad_expect", Location(field="--expect"), expect=expect, minimum=MIN_EXPECT
        )
    return wanted


def _touches(event: Event) -> str | None:
    """The contest an event is about, if any."""
    contest = event.data.get("contest")
    return contest if isinstance(contest, str) else None


@dataclass(frozen=True)
class Replay:
    """A log replayed: every contest's state, and the hashes that fingerprint it."""

    path: Path
    events: tuple[Event, ...]
    state: SessionState
    later: tuple[Event, ...] = ()
    """With an expected fingerprint: the events after it, which this replay leaves out."""

    def later_about(self, key: str) -> tuple[Event, ...]:
        """The events after the expected fingerprint that are about contest ``key``."""
        return tuple(e for e in self.later if _touches(e) == key)

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

    @property
    def planned(self) -> bool:
        """True when the log records the congress's plan, so :meth:`congress_record` can be
        rebuilt (a ``tally.log/1`` log, or a session that recorded no plan, does not)."""
        return self.state.plan is not None

    def congress_record(self) -> CongressRecord:
        """The whole congress as :func:`~tally.congress.run.run_congress` recorded it, rebuilt
        from the events alone: the latest plan with the figures the log recorded, its open
        votes, and the counts — what the congress summary prints
        (:func:`~tally.render.summary.render_summary`). With an expected fingerprint, as it
        stood at that event.

        :class:`LogError` ``log.no_plan`` when the log records no plan (:attr:`planned`), and
        ``log.plan_differs`` when a round the log counted or ordered is not one the plan leads
        to, with the very result the log reached.
        """
        return congress_record(self.state, str(self.path))

    def fingerprint(self, key: str) -> Fingerprint:
        """The log up to the last event about contest ``key``: what its minutes print."""
        seq = self.contest(key).last_seq
        return Fingerprint(events=seq, hash=self.events[seq - 1].hash, file=self.path.name)

    def context(self, key: str) -> MinutesContext:
        """What the minutes of ``key`` print beyond the result: congress, board, the congress's
        open votes on the contest (first round), complaints, time of the count, and the log's
        fingerprint."""
        state = self.contest(key)
        opened = self.state.opened
        identity = opened.congress if opened is not None else None
        contest = state.contest
        reported = None
        if self.state.plan is not None:
            try:
                planned = self.state.plan.congress.plan(contest.id)
                reported = planned.round_plan(contest.round).reported_at
            except (KeyError, IndexError):
                reported = None
        votes = tuple(
            recorded.vote
            for recorded in self.state.open_votes.values()
            if contest.round == 1 and recorded.vote.contest == contest.id
        )
        return MinutesContext(
            congress=identity.name if identity else None,
            term=identity.term if identity else None,
            place=identity.place if identity else None,
            date=identity.date if identity else None,
            letterhead=(identity.letterhead or ()) if identity else (),
            locality=identity.locality if identity else None,
            open_votes=votes,
            board=state.board,
            counted_at=state.closed_at,
            reported_at=reported,
            complaints=tuple((c.summary, c.settlement) for c in state.complaints),
            fingerprint=self.fingerprint(key),
        )


@checked
def replay(path: str | Path, expect: str | None = None) -> Replay:
    """Replay the log at ``path``; :class:`LogError` at the first bad line.

    With ``expect`` (a fingerprint printed on signed minutes, see :func:`verify`) the replay
    stops at that event: what comes after it is in :attr:`Replay.later`, left out of every
    result and minutes; a log without that event is ``truncated``.
    """
    target = Path(path)
    events, chain = scan(target)
    if not chain.ok:
        raise _damaged(target, chain)
    later: tuple[Event, ...] = ()
    if expect is not None:
        wanted = expected_prefix(expect)
        signed = next((e.seq for e in events if e.hash.startswith(wanted)), None)
        if signed is None:
            raise LogError(
                "log.truncated", Location(file=str(target)), expect=expect, events=len(events)
            )
        events, later = events[:signed], events[signed:]
    return Replay(target, events, replay_events(events, str(target)), later)


def replay_bytes(path: str | Path, data: bytes) -> Replay:
    """Replay the log whose bytes are ``data``, as :func:`replay` replays the file at ``path``:
    for the writer of a log that is still open, which takes the bytes it wrote
    (:meth:`~tally.audit.log.AuditLog.chunks`) while no event is being written, then replays
    them at leisure. :class:`LogError` at the first bad line."""
    target = Path(path)
    walker = Walk(io.BytesIO(data), target)
    events = tuple(walker)
    assert walker.report is not None
    if not walker.report.ok:
        raise _damaged(target, walker.report)
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
    signed: int | None = None
    """With ``expect``: the event carrying the expected fingerprint."""
    later: tuple[tuple[str, int], ...] = ()
    """With ``expect``: the kinds of the events after the signed one, and how many of each."""
    amended: tuple[str, ...] = ()
    """With ``expect``: contests closed at the signed event that later events change."""

    @property
    def ok(self) -> bool:
        """True when the chain is intact, the replay reaches the recorded figures and nothing
        after the expected fingerprint changes a contest closed there."""
        return self.problem is None

    @property
    def later_count(self) -> int:
        """How many events follow the signed one."""
        return sum(n for _, n in self.later)

    def message(self, lang: Lang = "vi") -> str:
        """One paragraph for the board: intact with its fingerprint, or where and what."""
        from tally.i18n.messages import text

        if self.error is not None:
            return self.error.message(lang)
        said = text("log.verified", lang, file=self.path, events=self.events, hash=self.final_hash)
        if self.signed is not None:
            said += "\n" + text(
                "log.after_signed",
                lang,
                signed=self.signed,
                count=self.later_count,
                kinds=_kinds(self.later).render(lang),
            )
        if self.open_counts:
            said += "\n" + text("log.open_counts", lang, contests=", ".join(self.open_counts))
        return said


@dataclass(frozen=True)
class EventKinds:
    """How many events of each kind, as a message parameter in the reader's words
    (``khiếu nại × 1, quyết định của đại hội × 1``)."""

    counts: tuple[tuple[str, int], ...]

    @classmethod
    def of(cls, events: Iterable[Event]) -> EventKinds:
        """The kinds of ``events``, in the order they first come."""
        return cls(tuple(Counter(e.kind for e in events).items()))

    def render(self, lang: Lang = "vi") -> str:
        """``kind × count, …`` in ``lang`` (``—`` for none)."""
        shown = [
            f"{label(EventKind(kind), lang) if kind in _KINDS else kind} × {count}"
            for kind, count in self.counts
        ]
        return ", ".join(shown) or "—"


_KINDS = frozenset(kind.value for kind in EventKind)


def _kinds(later: tuple[tuple[str, int], ...]) -> EventKinds:
    return EventKinds(later)


@checked
def verify(path: str | Path, expect: str | None = None) -> VerifyReport:
    """Check the log's hash chain and replay it; report the first bad line precisely.

    ``expect`` is a fingerprint the board holds (e.g. printed on the minutes, spaces allowed,
    at least :data:`MIN_EXPECT` hexadecimal characters; anything else raises
    :class:`InputFileError`): the log must contain that event, or it is reported
    ``truncated`` — a hash chain alone cannot tell that lines were cut at its end. The events
    after it are reported (how many, of which kinds); any that changes a contest already
    closed at it — a complaint, a decision, a further round — makes the log ``amended``: what
    was signed is no longer the whole story of that contest.

    Both passes read the log line by line; nothing but the count's own state is kept. A log
    that records the congress's plan must also rebuild the congress from it
    (:meth:`Replay.congress_record`), or it is ``inconsistent``.
    """
    target = Path(path)
    wanted = expected_prefix(expect) if expect is not None else None
    chain = walk(target)
    if not chain.ok:
        error = _damaged(target, chain)
        return VerifyReport(
            target, chain.events, chain.final_hash, chain.problem, chain.line, error
        )
    state = SessionState()
    signed: list[int] = []
    closed_at_signed: set[str] = set()
    later: Counter[str] = Counter()
    amended: dict[str, int] = {}

    def visit(event: Event) -> None:
        replay_event(state, event, str(target))
        if signed:
            later[event.kind] += 1
            contest = _touches(event)
            if contest in closed_at_signed and contest is not None:
                amended.setdefault(contest, event.seq)
        elif wanted is not None and event.hash.startswith(wanted):
            signed.append(event.seq)
            closed_at_signed.update(k for k, s in state.contests.items() if s.closed)

    try:
        walk(target, visit)
    except LogError as exc:
        line = exc.where.line
        good = (line - 1) if line is not None else 0
        return VerifyReport(target, good, chain.final_hash, Problem.INCONSISTENT, line, exc)
    if expect is not None and not signed:
        error = LogError(
            "log.truncated", Location(file=str(target)), expect=expect, events=chain.events
        )
        return VerifyReport(
            target, chain.events, chain.final_hash, Problem.TRUNCATED, chain.events + 1, error
        )
    kinds = tuple(later.items())
    at = signed[0] if signed else None
    if amended:
        first = min(amended.values())
        error = LogError(
            "log.amended",
            Location(file=str(target), line=first),
            signed=at,
            count=sum(later.values()),
            kinds=_kinds(kinds),
            contests=", ".join(amended),
        )
        return VerifyReport(
            target,
            chain.events,
            chain.final_hash,
            Problem.AMENDED,
            first,
            error,
            signed=at,
            later=kinds,
            amended=tuple(amended),
        )
    if state.plan is not None:
        try:  # the summary rebuilt from the plan must reach the counts the log holds
            congress_record(state, str(target))
        except LogError as exc:
            line = exc.where.line
            good = (line - 1) if line is not None else 0
            return VerifyReport(target, good, chain.final_hash, Problem.INCONSISTENT, line, exc)
    open_counts = tuple(key for key, s in state.contests.items() if not s.closed)
    return VerifyReport(
        target, chain.events, chain.final_hash, open_counts=open_counts, signed=at, later=kinds
    )
