"""A counting session: every step of a count written to the audit log as it happens.

:class:`CountingSession` is what an entry station drives: open a contest, record the board,
the ballots issued, each ballot as it is read, corrections, the ballots collected; close the
count; record the congress's decisions. Each call checks the step, writes one event (flushed
and fsynced) and only then changes the session's state — a refused step writes nothing.

The same :class:`SessionState` replays a log (:mod:`tally.audit.replay`), so the session and the
replay cannot disagree on what an event means.

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
from dataclasses import dataclass, field
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
    ContestOpened,
    CountClosed,
    DecisionKind,
    DecisionRecorded,
    DiscrepancyRuled,
    EventData,
    Reading,
    ResultFigures,
    SessionOpened,
    StationsMerged,
    StationSource,
    dump,
    kind_of,
)
from tally.audit.log import AuditLog
from tally.audit.readings import (
    ballots_of,
    codes_of,
    discrepancies,
    marks_of_row,
    reading_of,
    row_of,
)
from tally.congress.plan import BoardMember, check_board
from tally.counting.outcome import OutcomeStatus, TieDecision
from tally.counting.result import ContestResult, check_ballot_figures, count_contest
from tally.errors import BallotError, DecisionError, Location, LogError, ReconciliationError
from tally.model.ballot_builder import MarksGiven
from tally.model.ballots import Ballots
from tally.model.contest import Contest, check_list
from tally.model.lookalikes import skeleton
from tally.model.names import name_identity
from tally.model.roll import Roll
from tally.model.rules import QC_190, RuleSet
from tally.model.serials import duplicate_serial
from tally.validation import validation_problem

Clock = Callable[[], dt.datetime]


def local_now() -> dt.datetime:
    """The time now, with the machine's UTC offset, to the second."""
    return dt.datetime.now(dt.UTC).astimezone().replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class Entry:
    """The current reading of one serial at one station, and the event that made it."""

    seq: int
    reading: Reading


@dataclass
class ContestState:
    """Everything the log says about one contest so far."""

    key: str
    contest: Contest
    roll: Roll
    rules: RuleSet
    opened_at: dt.datetime
    board: tuple[BoardMember, ...] = ()
    issued: int | None = None
    collected: int | None = None
    batches: dict[str, int] = field(default_factory=dict)
    stations: dict[str, dict[str, Entry]] = field(default_factory=dict)
    """Station → serial → current reading, in the order first entered."""
    rulings: dict[str, DiscrepancyRuled] = field(default_factory=dict)
    spellings: dict[str, str] = field(default_factory=dict)
    """Each serial's :func:`~tally.model.lookalikes.skeleton`, and how it was first spelt: a serial
    that reads the same (``BCH-009`` / ``bch-009``) is one ballot, whatever the station."""
    sources: tuple[StationSource, ...] = ()
    complaints: list[ComplaintRecorded] = field(default_factory=list)
    closed_at: dt.datetime | None = None
    ballots: Ballots | None = None
    result: ContestResult | None = None
    decisions: list[DecisionRecorded] = field(default_factory=list)
    last_seq: int = 0
    """The last event about this contest (its minutes print the hash up to it)."""
    bulk: Ballots | None = None
    """Ballots entered whole by :meth:`ContestSession.enter_all`: their events are in the log,
    but they are kept here as arrays, not as one entry per ballot."""

    @property
    def closed(self) -> bool:
        """True once the count is closed."""
        return self.closed_at is not None

    def readings(self) -> dict[str, dict[str, Reading]]:
        """Station → serial → reading (current readings only)."""
        return {
            station: {serial: entry.reading for serial, entry in entries.items()}
            for station, entries in self.stations.items()
        }

    def agreed(self) -> dict[str, Reading]:
        """The readings the count uses: the stations' where they agree, the board's rulings
        where they do not. :class:`ReconciliationError` lists any difference not ruled on."""
        readings = self.readings()
        found = discrepancies(self.contest, readings)
        open_serials = list(dict.fromkeys(d.serial for d in found if d.serial not in self.rulings))
        if open_serials:
            raise ReconciliationError(
                "log.unresolved",
                Location(field=f"contest.{self.key}"),
                count=len(open_serials),
                serials=", ".join(open_serials[:10]) + (" …" if len(open_serials) > 10 else ""),
            )
        agreed: dict[str, Reading] = {}
        for station in readings.values():
            for serial, reading in station.items():
                agreed.setdefault(serial, reading)
        for serial, ruling in self.rulings.items():
            if ruling.reading is None:
                agreed.pop(serial, None)
            else:
                agreed[serial] = ruling.reading
        return agreed

    def check_batches(self, agreed: dict[str, Reading]) -> None:
        """Each declared stack holds exactly its expected number of agreed ballots."""
        counted: dict[str, int] = dict.fromkeys(self.batches, 0)
        for reading in agreed.values():
            if reading.batch is not None:
                counted[reading.batch] = counted.get(reading.batch, 0) + 1
        for batch, expected in self.batches.items():
            if counted[batch] != expected:
                raise ReconciliationError(
                    "log.batch_mismatch",
                    Location(field=f"contest.{self.key}"),
                    batch=batch,
                    expected=expected,
                    entered=counted[batch],
                )

    def count(self, decisions: Sequence[DecisionRecorded] = ()) -> tuple[Ballots, ContestResult]:
        """Count the agreed ballots with the board's figures and the given decisions."""
        if self.issued is None:
            raise ReconciliationError("log.issued_missing", Location(field=f"contest.{self.key}"))
        if self.bulk is not None:
            return self.bulk, self.recount(self.bulk, decisions)
        agreed = self.agreed()
        self.check_batches(agreed)
        ballots = ballots_of(self.contest, agreed)
        return ballots, self.recount(ballots, decisions)

    def recount(self, ballots: Ballots, decisions: Sequence[DecisionRecorded]) -> ContestResult:
        """The result of ``ballots`` under the tie decisions among ``decisions``."""
        tie = next((d.decision for d in decisions if d.kind is DecisionKind.TIE), None)
        alternate = next(
            (d.decision for d in decisions if d.kind is DecisionKind.ALTERNATE_TIE), None
        )
        assert self.issued is not None
        return count_contest(
            self.contest,
            ballots,
            roll=self.roll,
            issued=self.issued,
            collected=self.collected,
            rules=self.rules,
            decision=tie,
            alternate_decision=alternate,
        )


class SessionState:
    """The state a log's events build, one event at a time.

    :meth:`prepare` checks an event against the state and returns the change it makes without
    making it; the caller writes the event, then applies the change. Replaying a log is
    ``prepare(...)()`` for each event in turn.
    """

    def __init__(self) -> None:
        self.opened: SessionOpened | None = None
        self.contests: dict[str, ContestState] = {}
        self.events = 0

    def prepare(self, seq: int, data: EventData) -> Callable[[], None]:
        """Check event ``seq`` carrying ``data``; return the function that applies it."""
        if isinstance(data, SessionOpened):
            if self.opened is not None or seq != 1:
                raise LogError("log.opened_twice", Location())
            return self._then(seq, lambda: setattr(self, "opened", data))
        if self.opened is None:
            raise LogError("log.not_opened", Location())
        if isinstance(data, ContestOpened):
            return self._open(seq, data)
        state = self.contests.get(data.contest)
        if state is None:
            raise LogError(
                "log.unknown_contest",
                Location(),
                contest=data.contest,
                known=", ".join(self.contests) or "—",
            )
        change = self._prepare_in(state, seq, data)

        def apply() -> None:
            change()
            state.last_seq = seq

        return self._then(seq, apply)

    def _then(self, seq: int, change: Callable[[], None]) -> Callable[[], None]:
        def apply() -> None:
            change()
            self.events = seq

        return apply

    def _open(self, seq: int, data: ContestOpened) -> Callable[[], None]:
        if data.contest in self.contests:
            raise LogError("log.contest_twice", Location(), contest=data.contest)
        check_list(data.definition, data.rules)
        self._check_ordered_round(data)
        state = ContestState(
            key=data.contest,
            contest=data.definition,
            roll=data.roll,
            rules=data.rules,
            opened_at=data.at,
            last_seq=seq,
        )
        return self._then(seq, lambda: self.contests.__setitem__(data.contest, state))

    def _check_ordered_round(self, data: ContestOpened) -> None:
        """A round the congress ordered opens with the seats and list changes it ordered."""
        for earlier in self.contests.values():
            for decision in earlier.decisions:
                if decision.kind is not DecisionKind.FURTHER_ROUND or decision.next != data.contest:
                    continue
                names = {name_identity(name) for name in data.definition.names}
                if data.definition.seats != decision.seats:
                    what = f"seats {data.definition.seats} ≠ {decision.seats}"
                elif any(name_identity(n) not in names for n in decision.added):
                    what = "added: " + ", ".join(decision.added)
                elif any(name_identity(n) in names for n in decision.removed):
                    what = "removed: " + ", ".join(decision.removed)
                else:
                    continue
                raise LogError(
                    "log.round_differs",
                    Location(),
                    contest=data.contest,
                    what=what,
                    source=earlier.key,
                )

    def _prepare_in(self, state: ContestState, seq: int, data: EventData) -> Callable[[], None]:
        where = Location(field=f"contest.{state.key}")
        if isinstance(data, DecisionRecorded):
            return self._decision(state, data)
        if state.closed:  # the minutes signed at the close hold every complaint of the count
            raise LogError("log.closed", where, contest=state.key)
        if isinstance(data, ComplaintRecorded):
            return lambda: state.complaints.append(data)
        if isinstance(data, BoardConstituted):
            check_board(data.members, [(state.key, state.contest.candidates)])
            return lambda: setattr(state, "board", data.members)
        if isinstance(data, BallotsIssued):
            _not_replaced(state, "issued", state.issued, data.issued, data.correction, where)
            check_ballot_figures(state.key, data.issued, None, state.roll.present, state.rules)
            return lambda: setattr(state, "issued", data.issued)
        if isinstance(data, BallotsCollected):
            _not_replaced(
                state, "collected", state.collected, data.collected, data.correction, where
            )
            if state.issued is not None:
                check_ballot_figures(
                    state.key, state.issued, data.collected, state.roll.present, state.rules
                )
            return lambda: setattr(state, "collected", data.collected)
        if isinstance(data, BatchDeclared):
            return lambda: state.batches.__setitem__(data.batch, data.expected)
        if isinstance(data, BallotCorrected):
            return self._ballot(state, seq, data, data.corrects)
        if isinstance(data, BallotRecorded):
            return self._ballot(state, seq, data, None)
        if isinstance(data, BallotWithdrawn):
            self._current(state, data.station, data.serial, data.cancels)
            return lambda: _forget(state, data.station, data.serial)
        if isinstance(data, StationsMerged):
            return lambda: setattr(state, "sources", state.sources + data.sources)
        if isinstance(data, DiscrepancyRuled):
            return self._ruling(state, data)
        if isinstance(data, CountClosed):
            return self._close(state, data)
        raise LogError("log.misplaced", where, kind=kind_of(data).value)  # pragma: no cover

    def _ballot(
        self, state: ContestState, seq: int, data: BallotRecorded, corrects: int | None
    ) -> Callable[[], None]:
        place = Location(serial=data.serial)
        row_of(state.contest, data.marks, place)
        self._declared(state, data.batch, place)
        entries = state.stations.get(data.station, {})
        if corrects is None and data.serial in entries:
            raise BallotError(
                "ballot.duplicate_serial",
                place,
                serial=data.serial,
                first=f"#{entries[data.serial].seq}",
            )
        if corrects is not None:
            self._current(state, data.station, data.serial, corrects)
        else:
            _same_spelling(state, data.serial, place)
        reading = Reading(marks=data.marks, observations=data.observations, batch=data.batch)

        def apply() -> None:
            state.stations.setdefault(data.station, {})[data.serial] = Entry(seq, reading)
            state.spellings.setdefault(skeleton(data.serial), data.serial)

        return apply

    def _current(self, state: ContestState, station: str, serial: str, corrects: int) -> None:
        entry = state.stations.get(station, {}).get(serial)
        if entry is None or entry.seq != corrects:
            raise BallotError(
                "log.not_current",
                Location(serial=serial),
                serial=serial,
                station=station,
                corrects=corrects,
                current=f"#{entry.seq}" if entry else "—",
            )

    def _ruling(self, state: ContestState, data: DiscrepancyRuled) -> Callable[[], None]:
        disputed = {d.serial for d in discrepancies(state.contest, state.readings())}
        if data.serial not in disputed and data.serial not in state.rulings:
            raise LogError("log.no_discrepancy", Location(serial=data.serial), serial=data.serial)
        if data.reading is not None:
            place = Location(serial=data.serial)
            row_of(state.contest, data.reading.marks, place)
            self._declared(state, data.reading.batch, place)
        return lambda: state.rulings.__setitem__(data.serial, data)

    def _declared(self, state: ContestState, batch: str | None, place: Location) -> None:
        if batch is not None and batch not in state.batches:
            raise BallotError(
                "log.unknown_batch", place, batch=batch, known=", ".join(state.batches) or "—"
            )

    def _close(self, state: ContestState, data: CountClosed) -> Callable[[], None]:
        ballots, result = state.count()
        if ResultFigures.of(result) != data.figures:
            raise LogError(
                "log.figures_differ",
                Location(field=f"contest.{state.key}"),
                recorded=_figures_text(data.figures),
                replayed=_figures_text(ResultFigures.of(result)),
            )

        def apply() -> None:
            state.closed_at = data.at
            state.ballots = ballots
            state.result = result

        return apply

    def _decision(self, state: ContestState, data: DecisionRecorded) -> Callable[[], None]:
        where = Location(field=f"contest.{state.key}")
        if state.result is None or state.ballots is None:
            raise DecisionError("log.decision_before_close", where, contest=state.key)
        status = state.result.outcome.status
        if data.kind is DecisionKind.FURTHER_ROUND:
            if status not in (OutcomeStatus.TIE, OutcomeStatus.SHORTFALL):
                raise DecisionError(
                    "log.no_round_needed", where, contest=state.key, status=status.value
                )
            if data.next in self.contests:
                raise LogError("log.contest_twice", where, contest=data.next)
            if any(d.kind is DecisionKind.FURTHER_ROUND for d in state.decisions):
                raise DecisionError("log.round_twice", where, contest=state.key)
            return lambda: state.decisions.append(data)
        wanted = OutcomeStatus.TIE if data.kind is DecisionKind.TIE else OutcomeStatus.ALTERNATE_TIE
        if status is not wanted:
            raise DecisionError(
                "log.no_tie", where, contest=state.key, kind=data.kind.value, status=status.value
            )
        decisions = [*state.decisions, data]
        result = state.recount(state.ballots, decisions)
        if data.figures != ResultFigures.of(result):
            raise LogError(
                "log.figures_differ",
                where,
                recorded=_figures_text(data.figures),
                replayed=_figures_text(ResultFigures.of(result)),
            )

        def apply() -> None:
            state.decisions.append(data)
            state.result = result

        return apply


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


def _not_replaced(
    state: ContestState,
    what: str,
    before: int | None,
    after: int,
    correction: str | None,
    where: Location,
) -> None:
    """A figure the board already recorded (ballots issued or collected) is replaced only by
    a correction that says why; the log keeps both."""
    if before is not None and not (correction or "").strip():
        raise LogError(f"log.{what}_again", where, contest=state.key, before=before, after=after)


def _same_spelling(state: ContestState, serial: str, place: Location) -> None:
    """Refuse ``serial`` if a ballot still entered reads the same but is spelt otherwise
    (``bch-009`` after ``BCH-009``, at any station); a spelling no station holds any more
    (its ballot withdrawn) gives way to the new one."""
    key = skeleton(serial)
    known = state.spellings.get(key)
    if known is None or known == serial:
        return
    holders = [entries[known] for entries in state.stations.values() if known in entries]
    if not holders:
        state.spellings[key] = serial
        return
    raise duplicate_serial(serial, known, f"#{holders[0].seq}", place)


def _forget(state: ContestState, station: str, serial: str) -> None:
    del state.stations[station][serial]


def _figures_text(figures: ResultFigures | None) -> str:
    if figures is None:
        return "—"
    return (
        f"{figures.collected}/{figures.valid}/{figures.invalid}, "
        f"votes {list(figures.votes)}, elected {', '.join(figures.elected) or '—'}"
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
        from tally.audit.replay import replay_event
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
