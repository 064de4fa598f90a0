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

from collections.abc import Mapping
from pathlib import Path

import numpy as np

from tally.ballots import Ballots
from tally.decide import OutcomeStatus
from tally.errors import InputFileError, Location, LogError
from tally.events import CongressIdentity, Reading, ResultFigures
from tally.readings import codes_of, marks_of_row
from tally.record import CongressRecord, round_id
from tally.replay import Replay, replay
from tally.session import Clock, ContestSession, CountingSession, local_now


def record_congress(
    record: CongressRecord,
    ballots: Mapping[str, Ballots],
    path: str | Path,
    *,
    station: str = "1",
    clock: Clock = local_now,
) -> Replay:
    """Write every counted round of ``record`` (ballots by round key) into a new log at
    ``path``; returns the log replayed. :class:`InputFileError` if ``path`` exists."""
    target = Path(path)
    if target.exists():
        raise InputFileError("log.exists", Location(file=str(target)))
    congress = record.congress
    identity = CongressIdentity(
        name=congress.name, term=congress.term, place=congress.place, date=congress.date
    )
    session = CountingSession.open(target, station=station, congress=identity, clock=clock)
    for contest_record in record.contests:
        plan = congress.plan(contest_record.contest_id)
        rounds = contest_record.rounds
        for number, result in enumerate(rounds, start=1):
            key = round_id(contest_record.contest_id, number)
            figures = plan.round_plan(number)
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
            if number < len(rounds):
                following = congress.plan(contest_record.contest_id).round_plan(number + 1)
                handle.order_round(
                    round_id(contest_record.contest_id, number + 1),
                    seats=rounds[number].contest.seats,
                    added=tuple(c.name for c in following.added),
                    removed=following.removed,
                    note=following.list_note,
                )
    return replay(target)


def _enter_all(handle: ContestSession, ballots: Ballots) -> None:
    form = ballots.form
    for serial, row, flags in zip(
        ballots.serials.tolist(), ballots.marks, ballots.observations.tolist(), strict=True
    ):
        reading = Reading(
            marks=marks_of_row(form, np.asarray(row).tolist()), observations=codes_of(flags)
        )
        handle.enter(str(serial), reading)
