"""Open votes: more than half of the base passes, the base as the rule set says (RULES §7)."""

from __future__ import annotations

import pytest

from tally import CongressKind, Roll, RollError
from tally.counting.open_vote import Motion, open_vote
from tally.model.rules import QC_190, OpenVoteBase, OpenVotePolicy

ROLL = Roll(
    kind=CongressKind.DELEGATE_CONGRESS,
    convened=200,
    present=194,
    deductions={"delegate_absent_no_alternate": 4},
)


@pytest.mark.parametrize(("yes", "passed"), [(98, False), (99, True)])
def test_open_vote_passes_with_more_than_half_of_the_base(yes: int, passed: bool) -> None:
    vote = open_vote(Motion.SEATS, "Số lượng Ban Chấp hành: 33", yes=yes, no=90, roll=ROLL)
    assert (vote.base, vote.needed, vote.passed) == (196, 99, passed)


def test_open_vote_base_policy_and_impossible_counts() -> None:
    rules = QC_190.model_copy(
        update={
            "open_vote": OpenVotePolicy(
                base=OpenVoteBase.PRESENT, citation=QC_190.open_vote.citation
            )
        }
    )
    vote = open_vote(Motion.LIST, "Danh sách", yes=98, no=0, roll=ROLL, rules=rules)
    assert (vote.base, vote.passed) == (194, True)
    with pytest.raises(RollError):
        open_vote(Motion.LIST, "Danh sách", yes=150, no=40, abstain=10, roll=ROLL)
    with pytest.raises(RollError):
        open_vote(Motion.LIST, "Danh sách", yes=-1, no=0, roll=ROLL)
