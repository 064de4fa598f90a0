"""One contest from ballots to a validated result: the library's main entry point.

>>> from tally import Body, Contest, CongressKind, Roll, BallotBuilder, count_contest
>>> roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=11, present=10,
...             deductions={"absent_with_reason": 1})
>>> contest = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"])
>>> entry = BallotBuilder(contest)
>>> for i in range(10):
...     entry.add(f"{i + 1:03}", agree=[1] if i < 6 else [], disagree=[] if i < 6 else [1])
>>> result = count_contest(contest, entry.build(), roll=roll, issued=10)
>>> result.outcome.elected, result.outcome.base, result.count.valid
(('Lê Văn Tám',), 10, 10)
>>> result.needs_decision
False
"""

from __future__ import annotations

from tally.arguments import checked
from tally.counting.count import Count, count_ballots
from tally.counting.outcome import Outcome, OutcomeStatus, TieDecision, decide
from tally.errors import Location, ReconciliationError
from tally.model.ballots import Ballots
from tally.model.base import FrozenModel
from tally.model.contest import Contest, check_list
from tally.model.roll import Roll
from tally.model.rules import QC_190, QuorumFinding, RuleSet, ThresholdBase, TurnoutFinding


class ContestResult(FrozenModel):
    """Everything about one counted contest: inputs, count, outcome and the findings."""

    contest: Contest
    roll: Roll
    rules: RuleSet
    issued: int
    count: Count
    outcome: Outcome
    quorum: QuorumFinding
    turnout: TurnoutFinding | None = None
    """Whether more than half of those convened voted, under a rule set with a turnout gate."""

    @property
    def needs_decision(self) -> bool:
        """True when a tie or a shortfall leaves seats for the congress to decide."""
        return self.outcome.status is not OutcomeStatus.COMPLETE

    def to_json(self, indent: int | None = 2) -> str:
        """The result as JSON (stable field names; enums as their values)."""
        return self.model_dump_json(indent=indent)


@checked
def threshold_base(roll: Roll, count: Count, rules: RuleSet) -> int:
    """The number a winner needs more than half of, under ``rules.threshold``."""
    match rules.threshold.base:
        case ThresholdBase.ROLL:
            return roll.base
        case ThresholdBase.VALID_BALLOTS:
            return count.valid
        case ThresholdBase.COLLECTED_BALLOTS:
            return count.collected


def check_ballot_figures(
    contest_id: str,
    issued: int,
    collected: int | None,
    present: int,
    rules: RuleSet = QC_190,
    section: str = "contest",
) -> None:
    """The board's own figures must fit: ``0 <= collected <= issued <= present``.

    Checked before any ballot is read (the spec loader calls it too), so that a mistyped figure
    is reported against the figure, not against the ballots.
    """
    for field, value in (("issued", issued), ("collected", collected)):
        if value is not None and value < 0:
            raise ReconciliationError(
                "count.negative",
                Location(field=f"{section}.{contest_id}.{field}"),
                field=field,
                value=value,
            )
    if issued > present:
        raise ReconciliationError(
            "count.issued_exceeds_present",
            Location(field=f"{section}.{contest_id}.issued"),
            issued=issued,
            present=present,
        )
    if collected is not None and collected > issued:
        raise ReconciliationError(
            "count.collected_exceeds_issued",
            Location(field=f"{section}.{contest_id}.collected"),
            collected=collected,
            issued=issued,
            citation=rules.validity.citation,
        )


@checked
def reconcile(
    count: Count,
    issued: int,
    collected: int | None = None,
    rules: RuleSet = QC_190,
    present: int | None = None,
) -> None:
    """Stop the count unless the ballots entered fit the board's figures.

    ``collected <= issued`` (and ``<= present`` when given); the board's declared ``collected``,
    when given, equals the ballots entered; ``valid + invalid == collected`` holds by
    construction of :class:`Count`.
    """
    check_ballot_figures(
        count.contest_id, issued, collected, issued if present is None else present, rules
    )
    reconcile_figures(count.contest_id, count.collected, issued, collected, rules)


def reconcile_figures(
    contest_id: str,
    entered: int,
    issued: int,
    collected: int | None,
    rules: RuleSet = QC_190,
    section: str = "contest",
) -> None:
    """The ballots entered are the board's declared ``collected`` (when given) and no more than
    the ``issued``; otherwise the count stops."""
    if collected is not None and collected != entered:
        raise ReconciliationError(
            "count.collected_mismatch",
            Location(field=f"{section}.{contest_id}.collected"),
            declared=collected,
            entered=entered,
        )
    if entered > issued:
        raise ReconciliationError(
            "count.collected_exceeds_issued",
            Location(field=f"{section}.{contest_id}.issued"),
            collected=entered,
            issued=issued,
            citation=rules.validity.citation,
        )


@checked
def count_contest(
    contest: Contest,
    ballots: Ballots,
    *,
    roll: Roll,
    issued: int,
    collected: int | None = None,
    rules: RuleSet = QC_190,
    decision: TieDecision | None = None,
    alternate_decision: TieDecision | None = None,
    among_tied: bool = False,
) -> ContestResult:
    """Check the list, classify and count the ballots, reconcile, and decide.

    ``issued`` is the number of ballots the board issued; ``collected``, when given, is the
    number the board took from the box and must equal the ballots entered. A ``decision``
    resolves a tie at the cut-off (e.g. the congress's re-vote). ``among_tied`` says the ballot
    is a re-vote among candidates tied at the cut-off (see :func:`decide`).
    """
    check_list(contest, rules)
    rules.deductions.check(roll.kind, roll.deductions, "roll.deductions")
    check_ballot_figures(contest.id, issued, collected, roll.present, rules)
    count = count_ballots(contest, ballots, rules)
    reconcile(count, issued, collected, rules, roll.present)
    base = threshold_base(roll, count, rules)
    # the gate decides the first ballot; a re-run's result stands whatever the turnout
    turnout = rules.turnout.check(roll, count.collected) if contest.round == 1 else None
    outcome = decide(
        contest,
        count,
        base,
        rules,
        decision,
        alternate_decision,
        among_tied=among_tied,
        turnout_met=turnout is None or turnout.met,
    )
    return ContestResult(
        contest=contest,
        roll=roll,
        rules=rules,
        issued=issued,
        count=count,
        outcome=outcome,
        quorum=rules.quorum.check(roll),
        turnout=turnout,
    )
