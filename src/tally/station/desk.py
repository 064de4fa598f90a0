"""The entry desk: what one station does on congress day, over a counting session.

A :class:`Desk` enters one contest's ballots into the station's own audit log, the way a board
works: in stacks (sấp phiếu) counted by hand first, each ballot numbered within its stack
(``S01-001``) — Party ballots carry no number — so that stations entering the same stacks in
the same order compare serial by serial (``tally reconcile``). Every step is one event written
and fsynced before the desk answers; a refused step writes nothing. Opening the desk on a log
that exists resumes where it stopped.

>>> import tempfile, pathlib, datetime as dt
>>> from tally.io.spec import load_congress
>>> congress = load_congress("examples/delegate_congress/congress.toml")
>>> log = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
>>> desk = Desk.open(log, congress, "bch", station="A")
>>> desk.open_stack(2)
'S01'
>>> first = desk.record({"struck": [1, 2, 3, 4]})   # 37 names, 33 seats: 4 struck
>>> first.serial, first.verdict
('S01-001', None)
>>> desk.record({"struck": [1]}).verdict              # 36 kept for 33 seats
'over_seats'
>>> desk.status().stacks[0].entered, desk.status().stack is None
(2, True)
>>> desk.undo().serial
'S01-002'
>>> desk.status().stacks[0].entered
1
>>> desk.session.close()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np

from tally.audit.events import CongressIdentity
from tally.audit.session import Clock, ContestSession, CountingSession, local_now
from tally.audit.state import ContestState
from tally.congress.plan import Congress
from tally.counting.result import ContestResult, check_ballot_figures
from tally.counting.validity import classify_block, reason_of
from tally.errors import BallotError, ContestError, InputFileError, Location, LogError
from tally.model.ballot_builder import BallotBuilder, MarksGiven
from tally.model.ballots import Mark
from tally.model.bodies import Body
from tally.model.contest import Contest

UNDO = "undo"
"""The reason the log gives for a ballot taken back with :meth:`Desk.undo`."""

_MARK_KEYS = ("struck", "kept", "agree", "disagree", "both", "observations")


@dataclass(frozen=True)
class Stack:
    """A stack of ballots (sấp phiếu): its id, the hand count, how many are entered here."""

    batch: str
    expected: int
    entered: int

    @property
    def full(self) -> bool:
        return self.entered >= self.expected


@dataclass(frozen=True)
class Entered:
    """A ballot as this station holds it: serial, the event that wrote it, what was read and
    whether it counts (``None``: valid; else the reason it is invalid)."""

    serial: str
    seq: int
    marks: dict[str, list[Any]]
    verdict: str | None


@dataclass(frozen=True)
class Status:
    """What the entry page shows: the stacks, the stack being entered, the latest ballots,
    and the count's figures once closed."""

    stacks: tuple[Stack, ...]
    stack: Stack | None
    latest: tuple[Entered, ...]
    entered: int
    closed: bool
    result: ContestResult | None


class Desk:
    """One station entering one contest (see the module's doc)."""

    def __init__(
        self,
        session: CountingSession,
        contest: ContestSession,
        station: str,
        *,
        check_over_seats: bool = False,
    ) -> None:
        self.session = session
        self.contest = contest
        self.station = station
        self.check_over_seats = check_over_seats
        """Refuse a ballot over the seats unless recorded with ``confirm`` (the board's check
        against a number left out)."""

    @classmethod
    def open(
        cls,
        log: str | Path,
        congress: Congress,
        contest_id: str,
        *,
        station: str,
        clock: Clock = local_now,
        durable: bool = True,
        check_over_seats: bool = False,
    ) -> Desk:
        """Open (or resume) the station's log and the contest in it, with its board. The
        contest's roll is the congress's (a conference's contests take the committee's roll,
        which needs the count of the committee: give it in the spec's ``[committee_roll]``)."""
        ids = [planned.contest.id for planned in congress.contests]
        if contest_id not in ids:
            raise ContestError(
                "spec.unknown_contest",
                Location(field="contest"),
                contest=contest_id,
                allowed=", ".join(ids),
            )
        plan = congress.plan(contest_id)
        identity = CongressIdentity.of(congress)
        session = CountingSession.open(
            log, station=station, congress=identity, clock=clock, durable=durable
        )
        try:
            opened = session.state.opened
            if opened is not None and opened.station != station:
                raise InputFileError(
                    "station.other_station_log",
                    Location(file=str(log)),
                    owner=opened.station,
                    station=station,
                )
            if contest_id in session.state.contests:
                handle = session.contest(contest_id)
            else:
                roll = congress.roll_for(contest_id, _committee_size(congress))
                handle = session.open_contest(
                    plan.contest, roll=roll, rules=congress.rules, key=contest_id
                )
                board = congress.board_for(contest_id)
                if board:
                    handle.constitute_board(board)
        except BaseException:
            session.log.release()
            raise
        return cls(session, handle, station, check_over_seats=check_over_seats)

    # --- what the station holds ------------------------------------------------------------

    @property
    def state(self) -> ContestState:
        return self.contest.state

    @property
    def ballot_contest(self) -> Contest:
        return self.state.contest

    def _entries(self) -> dict[str, Any]:
        return dict(self.state.stations.get(self.station, {}))

    def stacks(self) -> tuple[Stack, ...]:
        """Every stack declared, in order, with the ballots entered into it at this station."""
        counted: dict[str, int] = dict.fromkeys(self.state.batches, 0)
        for entry in self._entries().values():
            batch = entry.reading.batch
            if batch is not None:
                counted[batch] = counted.get(batch, 0) + 1
        return tuple(Stack(b, n, counted[b]) for b, n in self.state.batches.items())

    def current_stack(self) -> Stack | None:
        """The stack being entered: the last one declared, until it holds its hand count."""
        stacks = self.stacks()
        if stacks and not stacks[-1].full:
            return stacks[-1]
        return None

    def gaps(self) -> tuple[str, ...]:
        """The places left empty in stacks other than the one being entered: a ballot withdrawn
        from a stack already full (a double entry found late), or a stack recounted higher.
        Ballots go into them only by their serial (:meth:`record` ``serial=``), never by
        chance: the next ballot typed still goes to the stack being entered, and no serial of
        a later stack shifts against the other stations'. (Within the stack, the ballots
        entered between a double entry and the sheet it skipped keep their shifted serials:
        reconciliation lists them for the board's rulings.)"""
        held = self._entries()
        current = self.current_stack()
        empty: list[str] = []
        for stack in self.stacks():
            if stack.full or (current is not None and stack.batch == current.batch):
                continue
            places = (f"{stack.batch}-{n:03d}" for n in range(1, stack.expected + 1))
            free = [serial for serial in places if serial not in held]
            empty += free[: stack.expected - stack.entered]
        return tuple(empty)

    def entries(self) -> tuple[Entered, ...]:
        """Every ballot this station holds now (withdrawn ones left out), in entry order."""
        entries = sorted(self._entries().items(), key=lambda item: item[1].seq)
        return tuple(self._entered(serial, entry) for serial, entry in entries)

    def log_bytes(self) -> bytes:
        """The station's log as written so far: taken while no step runs (under the lock of
        :func:`~tally.station.app.station_app`), it is replayed and printed away from the steps
        (:func:`~tally.audit.replay.replay_bytes`)."""
        return b"".join(self.session.log.chunks())

    def status(self, latest: int = 10) -> Status:
        """The stacks, the stack being entered, the ``latest`` ballots (newest first)."""
        entries = sorted(self._entries().items(), key=lambda item: item[1].seq, reverse=True)
        shown = tuple(self._entered(serial, entry) for serial, entry in entries[:latest])
        return Status(
            stacks=self.stacks(),
            stack=self.current_stack(),
            latest=shown,
            entered=len(entries),
            closed=self.state.closed,
            result=self.contest.result,
        )

    # --- the steps -------------------------------------------------------------------------

    def open_stack(self, expected: int, *, recount: bool = False) -> str:
        """Declare the next stack with its hand count; returns its id (``S01``, ``S02``…).
        Refused for a count of none or of more ballots than people present, and while the
        stack before is not full — unless ``recount``: then the open stack is declared again
        with the count the board found on recounting it (:meth:`recount_stack`)."""
        self._check_stack_size(expected)
        open_stack = self.current_stack()
        if open_stack is not None:
            if not recount:
                raise BallotError(
                    "station.stack_recount",
                    Location(),
                    batch=open_stack.batch,
                    entered=open_stack.entered,
                    expected=open_stack.expected,
                    given=expected,
                )
            return self.recount_stack(open_stack.batch, expected)
        batch = f"S{len(self.state.batches) + 1:02d}"
        self.contest.declare_batch(batch, expected)
        return batch

    def recount_stack(self, batch: str, expected: int) -> str:
        """Declare stack ``batch`` again with the count the board found on recounting it (not
        below the ballots entered into it): a higher count leaves places to fill by serial
        (:meth:`gaps`)."""
        self._check_stack_size(expected)
        found = {stack.batch: stack for stack in self.stacks()}
        stack = found.get(batch.strip().upper())
        if stack is None:
            known = ", ".join(found) or "—"
            raise BallotError("station.unknown_stack", Location(), batch=batch, known=known)
        if expected < stack.entered:
            said = {"batch": stack.batch, "entered": stack.entered, "given": expected}
            raise BallotError("station.recount_below_entered", Location(), **said)
        if expected != stack.expected:  # the same count again changes nothing: not written
            self.contest.declare_batch(stack.batch, expected)
        return stack.batch

    def _check_stack_size(self, expected: int) -> None:
        """A stack holds from one ballot to the people present."""
        present = self.state.roll.present
        if not 1 <= expected <= present:
            raise BallotError("station.stack_size", Location(), expected=expected, present=present)

    def preview(self, marks: Mapping[str, Any]) -> str | None:
        """Whether the ballot read as ``marks`` is valid (``None``) or why not, without
        writing anything; an unknown number or a number twice raises the entry's error."""
        given = _marks(marks)
        contest = self.ballot_contest
        _, row, flags, _ = BallotBuilder(contest).read("preview", **given)
        block = np.frombuffer(bytes(row), dtype=np.uint8).reshape(1, -1)
        code = classify_block(
            contest, block, np.array([flags], dtype=np.uint8), self.contest.state.rules
        )
        return reason_of(int(code[0]))

    def record(
        self, marks: Mapping[str, Any], *, confirm: bool = False, serial: str | None = None
    ) -> Entered:
        """Enter the next ballot of the stack being entered; its serial is the stack's id and
        its place in the stack — or, given ``serial``, into that empty place of an earlier
        stack (:meth:`gaps`). Refused (nothing written) with no stack open, a ``serial`` that
        is not an empty place, and — when the board set :attr:`check_over_seats` — a ballot
        over the seats not ``confirm``-ed."""
        if serial is not None:
            gaps = self.gaps()
            serial = serial.strip().upper()
            if serial not in gaps:
                raise BallotError(
                    "station.not_a_gap",
                    Location(field=serial),
                    serial=serial,
                    gaps=", ".join(gaps) or "—",
                )
            batch = serial.rpartition("-")[0]
        else:
            stack = self.current_stack()
            if stack is None:
                gaps = self.gaps()  # only then: the next ballot of a stack needs none
                if gaps:
                    raise BallotError("station.no_stack_gaps", Location(), gaps=", ".join(gaps))
                raise BallotError("station.no_stack", Location())
            batch = stack.batch
            serial = self.next_serial(batch)
        verdict = self.preview(marks)
        if verdict == "over_seats" and self.check_over_seats and not confirm:
            contest = self.ballot_contest
            _, row, _, _ = BallotBuilder(contest).read(serial, **_marks(marks))
            kept = sum(1 for mark in row if mark == Mark.KEPT)
            raise BallotError(
                "station.over_seats_check",
                Location(field=serial),
                kept=kept,
                seats=contest.ballot_seats,
            )
        self.contest.record(serial, batch=batch, **_marks(marks))
        return self._entered(serial, self._entries()[serial])  # as the log holds it

    def next_serial(self, batch: str) -> str:
        """The serial the next ballot of ``batch`` takes: the lowest place in the stack not
        held now — after a withdrawal, the place of the entry withdrawn."""
        held = self._entries()
        number = 1
        while f"{batch}-{number:03d}" in held:
            number += 1
        return f"{batch}-{number:03d}"

    def undo(self) -> Entered:
        """Take back the last ballot this station entered (it stays in the log, withdrawn):
        returns it as it was read, for the clerk to enter again — into the same serial: a
        ballot of the stack being entered takes it back by itself; one of an earlier stack
        leaves an empty place, entered with :meth:`record` ``serial=``."""
        entries = self._entries()
        if not entries:
            raise BallotError("station.nothing_to_undo", Location())
        serial, entry = max(entries.items(), key=lambda item: item[1].seq)
        last = self._entered(serial, entry)
        self.contest.withdraw(serial, reason=UNDO)
        return last

    def correct(self, serial: str, marks: Mapping[str, Any], reason: str) -> Entered:
        """Enter a new reading of an earlier ballot; the old one stays in the log."""
        entry = self._entries().get(serial.strip())
        batch = entry.reading.batch if entry is not None else None
        self.preview(marks)
        self.contest.correct(serial, reason=reason, batch=batch, **_marks(marks))
        return self._entered(serial.strip(), self._entries()[serial.strip()])

    def withdraw(self, serial: str, reason: str) -> None:
        """Cancel an entry made by mistake (a ballot that is not there); ``reason`` says why."""
        self.contest.withdraw(serial, reason=reason)

    def close(
        self,
        issued: int,
        collected: int,
        *,
        at: dt.datetime | None = None,
        confirm: bool = False,
    ) -> ContestResult:
        """Record the ballots issued and collected and close the count, for good: refused while
        a stack is being entered or has an empty place, when the entered ballots do not make
        the collected, and — unless ``confirm`` — with no ballot at all."""
        stack = self.current_stack()
        if stack is not None:
            raise BallotError(
                "station.stack_open",
                Location(field=stack.batch),
                batch=stack.batch,
                entered=stack.entered,
                expected=stack.expected,
            )
        gaps = self.gaps()
        if gaps:
            short = next(s for s in self.stacks() if gaps[0].startswith(f"{s.batch}-"))
            raise BallotError(
                "station.stack_short",
                Location(field=short.batch),
                batch=short.batch,
                entered=short.entered,
                expected=short.expected,
                gaps=", ".join(gaps),
            )
        entered = len(self._entries())
        if entered != collected:
            raise LogError(
                "station.collected_differs",
                Location(field="collected"),
                entered=entered,
                collected=collected,
            )
        if collected == 0 and not confirm:
            raise BallotError("station.close_empty", Location(field="collected"), issued=issued)
        state = self.state
        # both figures checked before either is written: a refusal writes nothing
        check_ballot_figures(state.key, issued, collected, state.roll.present, state.rules)
        if state.issued != issued:
            self.contest.issue(issued, correction=None if state.issued is None else "station")
        if state.collected != collected:
            self.contest.collect(
                collected, correction=None if state.collected is None else "station"
            )
        return self.contest.close(at=at)

    def _entered(self, serial: str, entry: Any) -> Entered:
        marks = entry.reading.marks
        given = {
            key: list(value)
            for key, value in (
                ("struck", marks.struck),
                ("agree", marks.agree),
                ("disagree", marks.disagree),
                ("both", marks.both),
            )
            if value
        }
        if entry.reading.observations:
            given["observations"] = list(entry.reading.observations)
        return Entered(serial, entry.seq, given, self.preview(given))


def _marks(marks: Mapping[str, Any]) -> MarksGiven:
    """The marks the page sent, as the session takes them (unknown keys refused)."""
    unknown = [key for key in marks if key not in _MARK_KEYS]
    if unknown:
        raise BallotError("station.unknown_field", Location(field=unknown[0]), field=unknown[0])
    return cast(MarksGiven, {key: value for key, value in marks.items() if value is not None})


def _committee_size(congress: Congress) -> int | None:
    """The new committee's size, for the contests its conference holds: the executive
    committee's seats (the spec gives the conference's roll in ``[committee_roll]``)."""
    for plan in congress.contests:
        if plan.contest.body is Body.EXECUTIVE_COMMITTEE:
            return plan.contest.seats
    return None
