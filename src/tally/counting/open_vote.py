"""Open votes (biểu quyết công khai): approving the counting board, the number of seats, the
list and withdrawals, by show of hands or delegate card (RULES §7).

A motion passes when ``2 * yes > base`` under the default policy [U]: the same roll-based base
as the elections.

>>> from tally.model.roll import CongressKind, Roll
>>> roll = Roll(kind=CongressKind.DELEGATE_CONGRESS, convened=200, present=194,
...             deductions={"delegate_absent_no_alternate": 4})
>>> vote = open_vote(Motion.LIST, "Danh sách bầu cử Ban Chấp hành", yes=150, no=30, abstain=14,
...                  roll=roll)
>>> vote.passed, vote.base, vote.needed
(True, 196, 99)
"""

from __future__ import annotations

from enum import StrEnum

from tally.errors import Location, RollError
from tally.model.base import FrozenModel
from tally.model.roll import Roll, more_than_half
from tally.model.rules import QC_190, Citation, OpenVoteBase, RuleSet


class Motion(StrEnum):
    """What an open vote approves."""

    COUNTING_BOARD = "counting_board"
    SEATS = "seats"
    LIST = "list"
    WITHDRAWAL = "withdrawal"
    OTHER = "other"


class OpenVoteResult(FrozenModel):
    """An open vote's counts, the base it was measured against, and the outcome."""

    motion: Motion
    subject: str
    yes: int
    no: int
    abstain: int
    base: int
    needed: int
    """The fewest yes votes that pass: ``base // 2 + 1``."""
    passed: bool
    citation: Citation


def open_vote(
    motion: Motion,
    subject: str,
    *,
    yes: int,
    no: int,
    abstain: int = 0,
    roll: Roll,
    rules: RuleSet = QC_190,
) -> OpenVoteResult:
    """Record an open vote and decide it: passed when ``2 * yes > base``.

    The counts must be non-negative and add up to no more than those present.
    """
    for field, value in (("yes", yes), ("no", no), ("abstain", abstain)):
        if value < 0:
            raise RollError("roll.negative", Location(field=field), field=field, value=value)
    if yes + no + abstain > roll.present:
        raise RollError(
            "open_vote.too_many",
            Location(field="yes"),
            total=yes + no + abstain,
            present=roll.present,
        )
    base = roll.base if rules.open_vote.base is OpenVoteBase.ROLL else roll.present
    return OpenVoteResult(
        motion=motion,
        subject=subject,
        yes=yes,
        no=no,
        abstain=abstain,
        base=base,
        needed=base // 2 + 1,
        passed=more_than_half(yes, base),
        citation=rules.open_vote.citation,
    )
