"""Record a congress counted from its files into an audit log, round by round.

:func:`record_congress` writes, for every counted round, the events a counting session would
have written — contest opened, board, ballots issued, each ballot, ballots collected,
complaints, count closed, decisions, further rounds — and checks that the log's own count
reaches the very result :func:`~tally.record.run_congress` did. ``tally count --log`` uses it.

>>> import tempfile, pathlib
>>> from tally.spec import load_congress
>>> from tally.ballots_csv import read_ballots_csv
>>> from tally.record import run_congress
>>> spec = pathlib.Path("examples/delegate_congress/congress.toml")
>>> congress = load_congress(spec)
>>> plan = congress.plan("bch")
>>> ballots = {"bch": read_ballots_csv(plan.contest, spec.parent / plan.ballots)}
>>> record = run_congress(congress, ballots)
>>> path = pathlib.Path(tempfile.mkdtemp()) / "congress.jsonl"
>>> replayed = record_congress(record, ballots, path)
>>> replayed.result("bch") == record.contest("bch").rounds[0]
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from tally.audit import AuditLog, read_events
from tally.ballots import Ballots
from tally.decide import OutcomeStatus
from tally.errors import InputFileError, Location, LogError
from tally.events import CongressIdentity, Reading, ResultFigures
from tally.readings import codes_of, marks_of_row
from tally.record import CongressRecord, round_id
from tally.replay import Replay, replay
from tally.session import Clock, ContestSession, CountingSession, local_now


class _SpecClock:
    """The time of the round being recorded (its ``counted_at`` in the spec), else now."""

    def __init__(self, fallback: Clock) -> None:
        self.fallback = fallback
        self.now: dt.datetime | None = None

    def __call__(self) -> dt.datetime:
        return self.now if self.now is not None else self.fallback()


def record_congress(
    record: CongressRecord,
    ballots: Mapping[str, Ballots],
    path: str | Path,
    *,
    station: str = "1",
    clock: Clock = local_now,
) -> Replay:
    """Write every counted round of ``record`` (ballots by round key) into the log at
    ``path``; returns the log replayed.

    Every event of a round carries the round's ``counted_at`` from the spec (``clock`` only
    where the spec gives none), so the same files give the same log, byte for byte. An
    existing log is extended when it is the beginning of that log — e.g. written before the
    ballots of a further round arrived — and refused otherwise, naming the first line that
    differs.
    """
    target = Path(path)
    if not target.exists():
        _write(record, ballots, target, station, clock)
        return replay(target)
    partial = target.with_name(f".{target.name}.new")
    partial.unlink(missing_ok=True)
    try:
        _write(record, ballots, partial, station, clock)
        _extend(target, partial)
    finally:
        partial.unlink(missing_ok=True)
    return replay(target)


def _extend(target: Path, fresh: Path) -> None:
    """Append to ``target`` the events of ``fresh`` after those ``target`` already holds."""
    have = read_events(target)
    want = read_events(fresh)
    for number, (old, new) in enumerate(zip(have, want, strict=False), start=1):
        if old != new:
            raise InputFileError("log.differs", Location(file=str(target), line=number))
    if len(have) > len(want):
        raise InputFileError("log.differs", Location(file=str(target), line=len(want) + 1))
    log = AuditLog.open(target)
    for event in want[len(have) :]:
        log.append(event.kind, event.data)


def _write(
    record: CongressRecord,
    ballots: Mapping[str, Ballots],
    target: Path,
    station: str,
    fallback: Clock,
) -> None:
    congress = record.congress
    identity = CongressIdentity(
        name=congress.name, term=congress.term, place=congress.place, date=congress.date
    )
    clock = _SpecClock(fallback)
    first = next(
        (
            congress.plan(c.contest_id).round_plan(n).counted_at
            for c in record.contests
            for n in range(1, len(c.rounds) + 1)
        ),
        None,
    )
    clock.now = first
    session = CountingSession.open(target, station=station, congress=identity, clock=clock)
    for contest_record in record.contests:
        plan = congress.plan(contest_record.contest_id)
        rounds = contest_record.rounds
        for number, result in enumerate(rounds, start=1):
            key = round_id(contest_record.contest_id, number)
            figures = plan.round_plan(number)
            clock.now = figures.counted_at
            handle = session.open_contest(
                result.contest, roll=result.roll, rules=result.rules, key=key
            )
            if congress.board:
                handle.constitute_board(congress.board)
            handle.issue(result.issued)
            _enter_all(handle, ballots[key])
            handle.collect(result.count.collected)
            for complaint in figures.complaints:
                handle.complaint(complaint.summary, complaint.settlement)
            handle.close(at=figures.counted_at)
            status = handle.state.result.outcome.status if handle.state.result else None
            if figures.decision is not None and status is OutcomeStatus.TIE:
                handle.decide(figures.decision)
            status = handle.state.result.outcome.status if handle.state.result else None
            if figures.alternate_decision is not None and status is OutcomeStatus.ALTERNATE_TIE:
                handle.decide(figures.alternate_decision, alternates=True)
            if handle.result != result:
                raise LogError(
                    "log.figures_differ",
                    Location(file=str(target), field=f"contest.{key}"),
                    recorded=str(ResultFigures.of(result).model_dump()),
                    replayed=str(
                        ResultFigures.of(handle.result).model_dump() if handle.result else "—"
                    ),
                )
            # The spec plans the next round: the congress ordered it, whether or not its
            # ballots are here yet (so a log written before they came is this one's beginning).
            next_contest = (
                rounds[number].contest if number < len(rounds) else contest_record.next_round
            )
            if number <= len(plan.rounds) and next_contest is not None:
                following = plan.round_plan(number + 1)
                handle.order_round(
                    round_id(contest_record.contest_id, number + 1),
                    seats=next_contest.seats,
                    added=tuple(c.name for c in following.added),
                    removed=following.removed,
                    note=following.list_note,
                )


def _enter_all(handle: ContestSession, ballots: Ballots) -> None:
    form = ballots.form
    for serial, row, flags in zip(
        ballots.serials.tolist(), ballots.marks, ballots.observations.tolist(), strict=True
    ):
        reading = Reading(
            marks=marks_of_row(form, np.asarray(row).tolist()), observations=codes_of(flags)
        )
        handle.enter(str(serial), reading)
