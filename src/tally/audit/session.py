"""A counting session: every step of a count written to the audit log as it happens.

:class:`CountingSession` is what an entry station drives: open a contest, record the board,
the ballots issued, each ballot as it is read, corrections, the ballots collected; close the
count; record the congress's decisions. Each call checks the step, writes one event (flushed
and fsynced) and only then changes the session's state — a refused step writes nothing.

The same :class:`~tally.audit.state.SessionState` replays a log (:mod:`tally.audit.replay`), so
the session and the replay cannot disagree on what an event means.

>>> import tempfile, pathlib, datetime as dt
>>> from tally import Body, Contest, CongressKind, Roll
>>> path = pathlib.Path(tempfile.mkdtemp()) / "bt.jsonl"
>>> clock = lambda: dt.datetime(2025, 6, 1, 9, 0, tzinfo=dt.UTC)
>>> session = CountingSession.open(path, station="1", clock=clock)
>>> bt = session.open_contest(
...     Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"]),
...     roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=7, present=7))
>>> bt.issue(7)
>>> for i in range(7):
...     _ = bt.record(f"{i + 1:03}", agree=[1] if i < 5 else [], disagree=[] if i < 5 else [1])
>>> bt.collect(7)
>>> bt.close().outcome.elected
('Lê Văn Tám',)
>>> from tally.audit.replay import replay
>>> replay(path).result("bt") == bt.result
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import wraps
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar, Unpack

from pydantic import ValidationError

from tally.arguments import checked
from tally.audit.events import (
    BallotCorrected,
    BallotRecorded,
    BallotsCollected,
    BallotsIssued,
    BallotWithdrawn,
    BatchDeclared,
    BoardConstituted,
    ComplaintRecorded,
    CongressIdentity,
    CongressPlanned,
    ContestOpened,
    CountClosed,
    DecisionKind,
    DecisionRecorded,
    DiscrepancyRuled,
    EventData,
    OpenVoteRecorded,
    Reading,
    ResultFigures,
    SessionOpened,
    dump,
    kind_of,
)
from tally.audit.log import AuditLog
from tally.audit.readings import (
    codes_of,
    marks_of_row,
    reading_of,
)
from tally.audit.state import ContestState, SessionState, replay_event
from tally.congress.plan import BoardMember, Congress, OpenVoteRecord
from tally.counting.open_vote import OpenVoteResult
from tally.counting.outcome import TieDecision
from tally.counting.result import ContestResult
from tally.errors import BallotError, DecisionError, Location, LogError
from tally.model.ballot_builder import MarksGiven
from tally.model.ballots import Ballots
from tally.model.contest import Contest
from tally.model.roll import Roll
from tally.model.rules import QC_190, RuleSet
from tally.validation import validation_problem

Clock = Callable[[], dt.datetime]


def local_now() -> dt.datetime:
    """The time now, with the machine's UTC offset, to the second."""
    return dt.datetime.now(dt.UTC).astimezone().replace(microsecond=0)


def _rows(ballots: Ballots, block: int = 4096) -> Iterator[tuple[object, list[int], int]]:
    """Serial, marks and flags of each ballot, as Python values a block at a time (never a
    list of every ballot at once)."""
    for start in range(0, len(ballots.serials), block):
        end = start + block
        yield from zip(
            ballots.serials[start:end].tolist(),
            ballots.marks[start:end].tolist(),
            ballots.observations[start:end].tolist(),
            strict=True,
        )


_P = ParamSpec("_P")
_R = TypeVar("_R")
_S = TypeVar("_S")


def _checked(
    method: Callable[Concatenate[_S, _P], _R],
) -> Callable[Concatenate[_S, _P], _R]:
    """A session step whose arguments pydantic refuses raises a located :class:`BallotError`
    (the field and what is wrong), never pydantic's own error; nothing is written."""

    @wraps(method)
    def step(self: _S, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(self, *args, **kwargs)
        except ValidationError as exc:
            loc, detail = validation_problem(exc)
            field = ".".join(str(part) for part in loc) or method.__name__
            raise BallotError(
                "session.bad_value",
                Location(field=field),
                step=method.__name__,
                field=field,
                detail=detail,
            ) from None

    return step


class CountingSession:
    """Records a count into the audit log at ``path``; reopening a log resumes it.

    ``station`` names this entry station (máy nhập), written into every ballot it records;
    ``clock`` gives the time written into events (the machine's local time by default).
    """

    def __init__(self, log: AuditLog, state: SessionState, station: str, clock: Clock) -> None:
        self.log = log
        self.state = state
        self.station = station
        self.clock = clock

    @classmethod
    @checked
    def open(
        cls,
        path: str | Path,
        *,
        station: str = "1",
        congress: CongressIdentity | None = None,
        clock: Clock = local_now,
        durable: bool = True,
    ) -> CountingSession:
        """Start a new log at ``path``, or resume the one there (which must verify).

        The log is locked for this session alone until :meth:`close` (or the end of a
        ``with`` block): a second session on it, in this program or another, is refused with
        :class:`~tally.errors.InputFileError` ``audit.locked`` naming the holder. A folder, a
        device or a pipe is refused as not a regular file.
        """
        from tally.version import VERSION

        state = SessionState()
        where = str(path)
        log = AuditLog.open(
            path, durable=durable, visit=lambda event: replay_event(state, event, where)
        )
        session = cls(log, state, station, clock)
        if not len(log):
            try:
                session.write(
                    SessionOpened(
                        station=station, congress=congress, tally_version=VERSION, at=clock()
                    )
                )
            except BaseException:
                log.release()
                raise
        return session

    def __enter__(self) -> CountingSession:
        return self

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        if kind is None:
            self.close()
        else:
            self.log.release()

    @checked
    @_checked
    def close(self) -> None:
        """Check the whole log once more and release it for the next session."""
        self.log.close()

    @property
    def last_hash(self) -> str:
        """The log's fingerprint so far."""
        return self.log.last_hash

    def write(self, data: EventData) -> int:
        """Check ``data`` against the session, write it durably, then apply it; its seq."""
        seq = len(self.log) + 1
        apply = self.state.prepare(seq, data)
        self.log.append(kind_of(data).value, dump(data))
        apply()
        return seq

    @checked
    @_checked
    def plan_congress(self, congress: Congress) -> None:
        """Record the congress as planned: its roll and rules, board, election model,
        conference roll, composition targets and contests in order — what the congress summary
        reads beyond the counts (:meth:`~tally.audit.replay.Replay.congress_record`).

        Its name, term, place and date must be those the log was opened with. Its open votes
        are not part of the plan: each is recorded with :meth:`record_open_vote` as it is held
        (a congress given with open votes is refused). Record the plan again when it changes
        (a further round planned, a contest added): the latest one stands, with the same roll
        and rules. The counts the log holds must be what the plan leads to, with the figures
        the log recorded (ballots issued and collected, decisions).

        >>> import tempfile, pathlib, datetime as dt
        >>> from tally import Body, Contest, CongressKind, Roll
        >>> from tally.congress.plan import BoardMember, ContestPlan
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "chi_bo.jsonl"
        >>> bt = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"])
        >>> congress = Congress(name="Đại hội Chi bộ 3",
        ...     roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=7, present=7),
        ...     board=[BoardMember(name="Lê Thị Hoa", role="head")],
        ...     contests=[ContestPlan(contest=bt, issued=7)])
        >>> session = CountingSession.open(path, congress=CongressIdentity(name=congress.name),
        ...                                clock=lambda: dt.datetime(2025, 6, 1, 8, 0))
        >>> session.plan_congress(congress)
        >>> session.state.plan.congress == congress
        True
        """
        self.write(CongressPlanned(congress=congress, at=self.clock()))

    @checked
    @_checked
    def record_open_vote(self, vote: OpenVoteRecord) -> OpenVoteResult:
        """Record an open vote (show of hands) as the board counted it — as a congress's plan
        lists its open votes — measured against the roll and rules of the congress's plan
        (:meth:`plan_congress` first); returns its outcome.

        >>> import tempfile, pathlib, datetime as dt
        >>> from tally import Body, Contest, CongressKind, Roll
        >>> from tally.congress.plan import BoardMember, ContestPlan
        >>> from tally.counting.open_vote import Motion
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "chi_bo.jsonl"
        >>> bt = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"])
        >>> congress = Congress(name="Đại hội Chi bộ 3",
        ...     roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=7, present=7),
        ...     board=[BoardMember(name="Lê Thị Hoa", role="head")],
        ...     contests=[ContestPlan(contest=bt, issued=7)])
        >>> session = CountingSession.open(path, congress=CongressIdentity(name=congress.name))
        >>> session.plan_congress(congress)
        >>> vote = session.record_open_vote(OpenVoteRecord(
        ...     motion=Motion.COUNTING_BOARD, subject="Ban kiểm phiếu gồm 1 đồng chí", yes=7, no=0))
        >>> vote.passed, vote.needed, vote.base
        (True, 4, 7)
        >>> session.record_open_vote(
        ...     OpenVoteRecord(motion=Motion.SEATS, subject="Bầu 1 Bí thư", yes=3, no=4)).passed
        False
        """
        plan = self.state.plan
        if plan is None:
            raise LogError(
                "log.open_vote_before_plan",
                Location(file=str(self.log.path)),
                subject=vote.subject,
            )
        congress = plan.congress
        result = vote.decide(congress.roll, congress.rules)
        self.write(
            OpenVoteRecorded(
                vote=vote,
                base=result.base,
                needed=result.needed,
                passed=result.passed,
                at=self.clock(),
            )
        )
        return result

    @checked
    @_checked
    def open_contest(
        self,
        contest: Contest,
        *,
        roll: Roll,
        rules: RuleSet = QC_190,
        key: str | None = None,
    ) -> ContestSession:
        """Open ``contest`` (under ``key``, by default its id) and return its handle."""
        key = key or contest.id
        self.write(
            ContestOpened(contest=key, definition=contest, roll=roll, rules=rules, at=self.clock())
        )
        return ContestSession(self, key)

    @checked
    def contest(self, key: str) -> ContestSession:
        """The handle of a contest already opened in this log (e.g. after resuming)."""
        if key not in self.state.contests:
            raise LogError(
                "log.unknown_contest",
                Location(file=str(self.log.path)),
                contest=key,
                known=", ".join(self.state.contests) or "—",
            )
        return ContestSession(self, key)


class ContestSession:
    """The steps of one contest's count. Each method writes one event."""

    def __init__(self, session: CountingSession, key: str) -> None:
        self.session = session
        self.key = key

    @property
    def state(self) -> ContestState:
        """What the log says about this contest so far."""
        return self.session.state.contests[self.key]

    @property
    def result(self) -> ContestResult | None:
        """The result once the count is closed (after any decision recorded since)."""
        return self.state.result

    @checked
    @_checked
    def constitute_board(self, members: Iterable[BoardMember]) -> None:
        """Record the counting board of this contest."""
        self.session.write(BoardConstituted(contest=self.key, members=tuple(members)))

    @checked
    @_checked
    def issue(self, issued: int, *, correction: str | None = None) -> None:
        """Record the number of ballots issued. A figure already recorded is changed only as
        a correction, saying why (``correction``); both stay in the log."""
        self.session.write(BallotsIssued(contest=self.key, issued=issued, correction=correction))

    @checked
    @_checked
    def declare_batch(self, batch: str, expected: int) -> None:
        """Declare a stack of ballots (sấp phiếu) holding ``expected`` ballots."""
        self.session.write(BatchDeclared(contest=self.key, batch=batch, expected=expected))

    @checked
    @_checked
    def record(
        self,
        serial: str,
        *,
        batch: str | None = None,
        station: str | None = None,
        **marks: Unpack[MarksGiven],
    ) -> int:
        """Record one ballot as read (candidates by number or name, as for
        :meth:`BallotBuilder.add`); returns its event seq."""
        reading = reading_of(self.state.contest, serial, batch=batch, **marks)
        return self.enter(serial, reading, station=station)

    @checked
    @_checked
    def enter(self, serial: str, reading: Reading, *, station: str | None = None) -> int:
        """Record one ballot already read into a :class:`Reading` (marks by ballot number);
        returns its event seq."""
        return self.session.write(
            BallotRecorded(
                contest=self.key,
                serial=serial.strip(),
                station=station or self.session.station,
                at=self.session.clock(),
                **dict(reading),
            )
        )

    @checked
    @_checked
    def enter_all(self, ballots: Ballots, *, station: str | None = None) -> None:
        """Record every ballot of ``ballots`` in order, one ``ballot_recorded`` event each —
        the very events :meth:`enter` would write — while the session keeps them as the arrays
        they came in, not one entry per ballot: the memory of a count does not grow with the
        ballots written into its log. Only into a contest with no ballot entered yet.
        """
        state = self.state
        where = Location(field=f"contest.{self.key}")
        if state.closed:
            raise LogError("log.closed", where, contest=self.key)
        if state.stations or state.bulk is not None:
            raise LogError("log.enter_all_twice", where, contest=self.key)
        ballots.check_list(state.contest)
        session = self.session
        form = ballots.form
        entered_by = station or session.station
        log = session.log
        for serial, row, flags in _rows(ballots):
            data = BallotRecorded(
                contest=self.key,
                serial=str(serial).strip(),
                station=entered_by,
                at=session.clock(),
                marks=marks_of_row(form, row),
                observations=codes_of(flags),
            )
            log.append(kind_of(data).value, dump(data))
        session.state.events = state.last_seq = len(log)
        state.bulk = ballots

    @checked
    @_checked
    def correct(
        self,
        serial: str,
        *,
        reason: str,
        batch: str | None = None,
        station: str | None = None,
        **marks: Unpack[MarksGiven],
    ) -> int:
        """Record a new reading of ``serial``, replacing the current one (which stays in the
        log); ``reason`` says why. Returns the new event's seq."""
        where = station or self.session.station
        reading = reading_of(self.state.contest, serial, batch=batch, **marks)
        return self.session.write(
            BallotCorrected(
                contest=self.key,
                serial=serial.strip(),
                station=where,
                at=self.session.clock(),
                corrects=self._current_seq(serial.strip(), where),
                reason=reason,
                **dict(reading),
            )
        )

    @checked
    @_checked
    def withdraw(self, serial: str, *, reason: str, station: str | None = None) -> int:
        """Cancel the entry of ``serial`` made by mistake; ``reason`` says why."""
        where = station or self.session.station
        return self.session.write(
            BallotWithdrawn(
                contest=self.key,
                serial=serial.strip(),
                station=where,
                cancels=self._current_seq(serial.strip(), where),
                reason=reason,
                at=self.session.clock(),
            )
        )

    def _current_seq(self, serial: str, station: str) -> int:
        entry = self.state.stations.get(station, {}).get(serial)
        if entry is None:
            raise BallotError(
                "log.not_entered", Location(serial=serial), serial=serial, station=station
            )
        return entry.seq

    @checked
    @_checked
    def rule(
        self,
        serial: str,
        *,
        note: str,
        absent: bool = False,
        batch: str | None = None,
        **marks: Unpack[MarksGiven],
    ) -> int:
        """Record the board's reading of a ballot the stations read differently (``absent``:
        there is no such ballot). ``note`` says how the board decided."""
        if absent and (marks or batch is not None):
            raise BallotError(
                "rulings.absent_with_marks", Location(serial=serial.strip()), serial=serial.strip()
            )
        reading = None if absent else reading_of(self.state.contest, serial, batch=batch, **marks)
        return self.session.write(
            DiscrepancyRuled(contest=self.key, serial=serial.strip(), reading=reading, note=note)
        )

    @checked
    @_checked
    def collect(self, collected: int, *, correction: str | None = None) -> None:
        """Record the number of ballots taken from the box. A figure already recorded is
        changed only as a correction, saying why (``correction``); both stay in the log."""
        self.session.write(
            BallotsCollected(contest=self.key, collected=collected, correction=correction)
        )

    @checked
    @_checked
    def complaint(self, summary: str, settlement: str) -> None:
        """Record a complaint about the count and how it was settled."""
        self.session.write(
            ComplaintRecorded(contest=self.key, summary=summary, settlement=settlement)
        )

    def close(self, *, at: dt.datetime | None = None) -> ContestResult:
        """Close the count: reconcile, count, decide; returns the result. ``at`` is the time
        the minutes give for the count (default: now)."""
        _, result = self.state.count()
        self.session.write(
            CountClosed(
                contest=self.key, at=at or self.session.clock(), figures=ResultFigures.of(result)
            )
        )
        assert self.state.result is not None
        return self.state.result

    @checked
    @_checked
    def decide(self, decision: TieDecision, *, alternates: bool = False) -> ContestResult:
        """Record the congress's decision on a tie at the cut-off (or, with ``alternates``,
        at the alternates' cut-off); returns the result it leads to."""
        state = self.state
        if state.ballots is None:
            raise DecisionError(
                "log.decision_before_close", Location(field=f"contest.{self.key}"), contest=self.key
            )
        kind = DecisionKind.ALTERNATE_TIE if alternates else DecisionKind.TIE
        draft = DecisionRecorded(
            contest=self.key,
            kind=kind,
            decision=decision,
            figures=ResultFigures.of(state.result) if state.result else None,
        )
        result = state.recount(state.ballots, [*state.decisions, draft])
        self.session.write(draft.model_copy(update={"figures": ResultFigures.of(result)}))
        assert self.state.result is not None
        return self.state.result

    @checked
    @_checked
    def order_round(
        self,
        next_key: str,
        *,
        seats: int,
        added: Sequence[str] = (),
        removed: Sequence[str] = (),
        note: str = "",
    ) -> None:
        """Record the congress's decision to hold a further round ``next_key`` for ``seats``
        seats (names added to or removed from the list, and why, in ``note``)."""
        self.session.write(
            DecisionRecorded(
                contest=self.key,
                kind=DecisionKind.FURTHER_ROUND,
                next=next_key,
                seats=seats,
                added=tuple(added),
                removed=tuple(removed),
                note=note,
            )
        )
