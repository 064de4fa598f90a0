"""The state of a count as its events build it — one meaning for every event.

:class:`SessionState` applies events: a :class:`~tally.audit.session.CountingSession` checks a
step against it before writing the event, and a replay (:func:`replay_events`) applies the events
of a log one by one. Both use :meth:`SessionState.prepare`, so what a session wrote and what a
replay reads back cannot disagree. :class:`ContestState` is one contest's part: its stations'
entries, stacks, rulings, result and decisions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import get_args

from tally.audit.chain import Event
from tally.audit.events import (
    SINCE_FORMAT,
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
    LogFormat,
    OpenVoteRecorded,
    Reading,
    ResultFigures,
    SessionOpened,
    StationsMerged,
    StationSource,
    kind_of,
    parse_data,
)
from tally.audit.readings import (
    ballots_of,
    discrepancies,
    row_of,
)
from tally.congress.plan import BoardMember, Congress, check_board
from tally.counting.outcome import OutcomeStatus
from tally.counting.result import ContestResult, check_ballot_figures, count_contest
from tally.errors import (
    BallotError,
    DecisionError,
    Location,
    LogError,
    ReconciliationError,
    TallyError,
)
from tally.model.ballots import Ballots
from tally.model.contest import Contest, check_list
from tally.model.lookalikes import skeleton
from tally.model.names import name_identity
from tally.model.roll import Roll
from tally.model.rules import RuleSet
from tally.model.serials import duplicate_serial


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
        self.plan: CongressPlanned | None = None
        """The latest plan of the congress recorded, if any."""
        self.plan_seq = 0
        """The event that recorded it."""
        self.open_votes: dict[int, OpenVoteRecorded] = {}
        """The open votes recorded, in order, by the event that recorded each."""

    def prepare(self, seq: int, data: EventData) -> Callable[[], None]:
        """Check event ``seq`` carrying ``data``; return the function that applies it."""
        if isinstance(data, SessionOpened):
            if self.opened is not None or seq != 1:
                raise LogError("log.opened_twice", Location())
            return self._then(seq, lambda: setattr(self, "opened", data))
        if self.opened is None:
            raise LogError("log.not_opened", Location())
        if isinstance(data, CongressPlanned | OpenVoteRecorded):
            self._check_format(data)
            if isinstance(data, CongressPlanned):
                return self._then(seq, self._plan(seq, data))
            return self._then(seq, self._open_vote(seq, data))
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

    def _check_format(self, data: EventData) -> None:
        """A kind a later format brought is refused in a log of an earlier one."""
        assert self.opened is not None
        kind = kind_of(data)
        needed = SINCE_FORMAT[kind]
        if _FORMATS.index(self.opened.format) < _FORMATS.index(needed):
            raise LogError(
                "log.kind_needs_format",
                Location(),
                kind=kind.value,
                format=self.opened.format,
                needed=needed,
            )

    def _plan(self, seq: int, data: CongressPlanned) -> Callable[[], None]:
        """The plan is of the congress the log was opened for, and a later plan keeps the
        roll and rules the open votes were measured against."""
        assert self.opened is not None
        congress = data.congress
        logged = self.opened.congress
        if logged is None or not _same_congress(logged, congress):
            raise LogError(
                "log.plan_other_congress",
                Location(),
                name=congress.name,
                logged=logged.name if logged is not None else "—",
            )
        before = self.plan
        if before is not None and (
            before.congress.roll != congress.roll or before.congress.rules != congress.rules
        ):
            raise LogError("log.plan_roll_changed", Location(), first=self.plan_seq)

        def apply() -> None:
            self.plan, self.plan_seq = data, seq

        return apply

    def _open_vote(self, seq: int, data: OpenVoteRecorded) -> Callable[[], None]:
        """Measured against the plan's roll and rules, the vote reaches its recorded outcome."""
        if self.plan is None:
            raise LogError("log.open_vote_before_plan", Location(), subject=data.vote.subject)
        congress = self.plan.congress
        result = data.vote.decide(congress.roll, congress.rules)
        recorded = (data.base, data.needed, data.passed)
        replayed = (result.base, result.needed, result.passed)
        if recorded != replayed:
            raise LogError(
                "log.figures_differ",
                Location(),
                recorded=_vote_text(*recorded),
                replayed=_vote_text(*replayed),
            )
        return lambda: self.open_votes.__setitem__(seq, data)

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


_FORMATS: tuple[LogFormat, ...] = get_args(LogFormat)


def _same_congress(identity: CongressIdentity, congress: Congress) -> bool:
    """The congress the log was opened for: the same name, term, place and date."""
    fields = ("name", "term", "place", "date")
    return all(getattr(identity, name) == getattr(congress, name) for name in fields)


def _vote_text(base: int, needed: int, passed: bool) -> str:
    return f"{needed} of base {base} needed, {'passed' if passed else 'not passed'}"


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


def replay_event(state: SessionState, event: Event, file: str = "<log>") -> None:
    """Apply one ``event`` to ``state``; an event that does not fit raises, located at its
    line of ``file``."""
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


def replay_events(events: Iterable[Event], file: str = "<log>") -> SessionState:
    """The state the ``events`` build; the first event that does not fit raises, located at
    its line of ``file``."""
    state = SessionState()
    for event in events:
        replay_event(state, event, file)
    return state
