"""The whole congress rebuilt from its log: the latest plan, the open votes and the counts.

A log written by :func:`~tally.audit.congress_log.record_congress` (or by a session that
recorded the plan, :meth:`~tally.audit.session.CountingSession.plan_congress`) holds what the
congress summary reads beyond the counts. :func:`congress_record` gives it back as the
:class:`~tally.congress.run.CongressRecord` :func:`~tally.congress.run.run_congress` made: the plan
with the figures the log recorded for every counted round (ballots issued and collected,
complaints, decisions) and its open votes, run over the ballots the log holds — the same function
as ``tally count``, so the statuses and the next steps cannot drift apart. Every round the log
counted must be one the plan leads to, with the very result the log reached; anything else is
refused (:class:`~tally.errors.LogError` ``log.plan_differs``), as is a log with no plan
(``log.no_plan``: a ``tally.log/1`` log, or a session that recorded none).

>>> import tempfile, pathlib
>>> from tally.io.spec import load_congress
>>> from tally.io.ballots_csv import read_ballots_csv
>>> from tally.congress.run import run_congress
>>> from tally.audit.congress_log import record_congress
>>> from tally.audit.replay import replay
>>> spec = pathlib.Path("examples/delegate_congress/congress.toml")
>>> congress = load_congress(spec)
>>> plan = congress.plan("bch")
>>> ballots = {"bch": read_ballots_csv(plan.contest, spec.parent / plan.ballots)}
>>> record = run_congress(congress, ballots)
>>> path = pathlib.Path(tempfile.mkdtemp()) / "congress.jsonl"
>>> _ = record_congress(record, ballots, path)
>>> replay(path).congress_record() == record
True
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from tally.audit.events import DecisionKind
from tally.audit.state import ContestState, SessionState
from tally.congress.plan import Complaint, Congress, RoundFigures
from tally.congress.run import CongressRecord, ContestStatus, round_id, run_congress
from tally.errors import Location, LogError, TallyError
from tally.i18n.messages import Phrase
from tally.model.ballots import Ballots
from tally.model.contest import Contest

_F = TypeVar("_F", bound=RoundFigures)


def congress_record(state: SessionState, file: str = "<log>") -> CongressRecord:
    """The congress record the events of ``state`` (read from ``file``) rebuild."""
    plan = state.plan
    if plan is None:
        opened = state.opened
        raise LogError(
            "log.no_plan",
            Location(file=file),
            file=Path(file).name,
            format=opened.format if opened is not None else "—",
        )
    congress = as_counted(plan.congress, state).model_copy(
        update={"open_votes": tuple(vote.vote for vote in state.open_votes.values())}
    )
    try:
        record = run_congress(congress, _ballots_of(state))
    except TallyError as error:
        where = error.where.within(Location(file=file, line=state.plan_seq))
        raise LogError(error.code, where, **error.params) from None
    _check_counts(record, state, file)
    return record


def as_counted(congress: Congress, state: SessionState) -> Congress:
    """``congress`` with the figures the log recorded for each round it counted: ballots
    issued and collected, complaints, and the congress's decisions on ties."""
    plans = []
    for plan in congress.contests:
        first = _figures(plan, state.contests.get(plan.contest.id))
        rounds = tuple(
            _figures(later, state.contests.get(round_id(plan.contest.id, number)))
            for number, later in enumerate(plan.rounds, start=2)
        )
        plans.append(first.model_copy(update={"rounds": rounds}))
    return congress.model_copy(update={"contests": tuple(plans)})


def _figures(planned: _F, logged: ContestState | None) -> _F:
    if logged is None or logged.result is None:
        return planned
    update: dict[str, Any] = {
        "issued": logged.issued,
        "complaints": tuple(
            Complaint(summary=c.summary, settlement=c.settlement) for c in logged.complaints
        ),
    }
    counted = len(logged.ballots) if logged.ballots is not None else None
    if logged.collected is not None and not (
        planned.collected is None and logged.collected == counted
    ):  # a plan without the figure means "as many as were counted": the same figure
        update["collected"] = logged.collected
    for kind, field in (
        (DecisionKind.TIE, "decision"),
        (DecisionKind.ALTERNATE_TIE, "alternate_decision"),
    ):
        decided = next((d.decision for d in logged.decisions if d.kind is kind), None)
        if decided is not None:
            update[field] = decided
    return planned.model_copy(update=update)


def _ballots_of(state: SessionState) -> Callable[[str, int, Contest], Ballots | None]:
    """The ballots of each round whose count the log closed."""

    def ballots(contest_id: str, number: int, contest: Contest) -> Ballots | None:
        logged = state.contests.get(round_id(contest_id, number))
        return logged.ballots if logged is not None and logged.result is not None else None

    return ballots


def _check_counts(record: CongressRecord, state: SessionState, file: str) -> None:
    """Every round the log counted, and every round it ordered, is one the plan leads to."""
    rebuilt = {
        round_id(c.contest_id, number): result
        for c in record.contests
        for number, result in enumerate(c.rounds, start=1)
    }
    awaited = {
        round_id(c.contest_id, len(c.rounds) + 1)
        for c in record.contests
        if c.status is ContestStatus.AWAITING_BALLOTS
    }
    for key, logged in state.contests.items():
        ordered = [
            d.next
            for d in logged.decisions
            if d.kind is DecisionKind.FURTHER_ROUND and d.next is not None
        ]
        problem: tuple[str, str] | None = None
        if logged.result is not None and rebuilt.get(key) != logged.result:
            why = "log.plan_lacks" if key not in rebuilt else "log.plan_counts_otherwise"
            problem = key, why
        for following in ordered:
            if problem is None and following not in rebuilt and following not in awaited:
                problem = following, "log.plan_lacks"
        if problem is not None:
            raise LogError(
                "log.plan_differs",
                Location(file=file, line=logged.last_seq),
                plan=state.plan_seq,
                contest=problem[0],
                why=Phrase(problem[1]),
            )
