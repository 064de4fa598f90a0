"""How an app property-tests its own code with ``tally.testing`` (see docs/testing.md).

The app's screen must show every candidate once, in ballot order, flag exactly the elected, and
never show more valid ballots than were collected — for any realistic contest, rule set and
ballots, not just the ones we thought of.
"""

from __future__ import annotations

from hypothesis import given, settings

from tally import Ballots, Contest, ContestResult, Roll, count_contest
from tally.model.rules import RuleSet
from tally.testing import counted_contests, rule_sets

from .screen import screen_lines

Case = tuple[Contest, Ballots, Roll, int]
"""(contest, ballots, roll, ballots issued), as ``counted_contests()`` draws it."""


@settings(deadline=None)
@given(counted_contests(max_candidates=20), rule_sets())
def test_the_screen_flags_exactly_the_elected_in_ballot_order(case: Case, rules: RuleSet) -> None:
    contest, ballots, roll, issued = case
    result: ContestResult = count_contest(contest, ballots, roll=roll, issued=issued, rules=rules)
    lines = screen_lines(result)
    candidate_lines = lines[:-1]
    assert [line.split(". ", 1)[1].split(" — ")[0] for line in candidate_lines] == list(
        contest.names
    )
    flagged = [line for line in candidate_lines if line.endswith("TRÚNG CỬ")]
    assert len(flagged) == len(result.outcome.elected) <= contest.seats
    valid, collected = map(int, lines[-1].rsplit(" ", 1)[1].split("/"))
    assert valid <= collected == len(ballots)
