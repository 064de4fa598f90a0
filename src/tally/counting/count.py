"""The count: votes per candidate and ballots by reason, from valid ballots only (RULES §3–4).

Counts of batches (sấp phiếu) add up: ``count(a) + count(b) == count(a ∪ b)``.

>>> from tally.model.contest import Contest
>>> from tally.model.bodies import Body
>>> from tally.model.ballots import Ballots
>>> c = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=2,
...             candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"])
>>> result = count_ballots(c, Ballots.from_arrays(c, [[1, 1, 0], [1, 0, 1], [1, 1, 1]]))
>>> result.votes, result.valid, result.invalid
((2, 1, 1), 2, 1)
"""

from __future__ import annotations

from typing import Self

import numpy as np
from pydantic import field_validator, model_validator

from tally.arguments import checked
from tally.counting.validity import REASONS, VALID, InvalidReason, classify_block
from tally.errors import BallotError, Location, ReconciliationError
from tally.model.ballots import Ballots, Mark
from tally.model.base import FrozenModel
from tally.model.contest import BallotForm, Contest
from tally.model.kernels import blocks, column_sums
from tally.model.rules import QC_190, RuleSet


class Count(FrozenModel):
    """Votes and ballot totals of one contest (or one batch of it).

    ``votes`` are names left standing (strike-out) or *agree* marks (yes/no), in ballot order;
    ``against`` are names struck or *disagree* marks; ``unmarked`` are yes/no names with both
    boxes or neither marked on an otherwise valid ballot. All from valid ballots only.
    """

    contest_id: str
    form: BallotForm
    collected: int
    valid: int
    invalid_by_reason: dict[InvalidReason, int]
    votes: tuple[int, ...]
    against: tuple[int, ...]
    unmarked: tuple[int, ...]

    @field_validator("invalid_by_reason")
    @classmethod
    def _every_reason(cls, value: dict[InvalidReason, int]) -> dict[InvalidReason, int]:
        """Every reason present, in precedence order (zero where none)."""
        return {reason: value.get(reason, 0) for reason in REASONS}

    @model_validator(mode="after")
    def _reconciles(self) -> Self:
        if self.valid + self.invalid != self.collected:
            raise ReconciliationError(
                "count.unreconciled",
                Location(field=self.contest_id),
                valid=self.valid,
                invalid=self.invalid,
                collected=self.collected,
            )
        return self

    @property
    def invalid(self) -> int:
        """Invalid ballots, all reasons."""
        return sum(self.invalid_by_reason.values())

    def __add__(self, other: Count) -> Count:
        """Merge the counts of two batches of the same contest."""
        if other.contest_id != self.contest_id or other.form is not self.form:
            raise BallotError(
                "count.contest_mismatch",
                Location(),
                left=self.contest_id,
                right=other.contest_id,
            )
        return Count(
            contest_id=self.contest_id,
            form=self.form,
            collected=self.collected + other.collected,
            valid=self.valid + other.valid,
            invalid_by_reason={
                r: self.invalid_by_reason[r] + other.invalid_by_reason[r] for r in REASONS
            },
            votes=_add(self.votes, other.votes),
            against=_add(self.against, other.against),
            unmarked=_add(self.unmarked, other.unmarked),
        )


def _add(left: tuple[int, ...], right: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(a + b for a, b in zip(left, right, strict=True))


@checked
def count_ballots(contest: Contest, ballots: Ballots, rules: RuleSet = QC_190) -> Count:
    """Count ``ballots``: classify each, then sum the valid ones per candidate.

    One pass over the mark matrix, a block of rows at a time (:mod:`tally.model.kernels`): each
    block is classified and its columns summed over its valid rows while it is in cache; no
    copy of the matrix, and no temporary larger than a block, is made.
    """
    marks = ballots.marks
    if ballots.contest_id != contest.id:
        raise BallotError(
            "count.contest_mismatch", Location(), left=contest.id, right=ballots.contest_id
        )
    ballots.check_list(contest)
    k = marks.shape[1]
    per_code = np.zeros(len(REASONS) + 1, dtype=np.int64)
    votes = np.zeros(k, dtype=np.int64)
    against = np.zeros(k, dtype=np.int64)
    strike_out = contest.form is BallotForm.STRIKE_OUT
    for rows in blocks(len(ballots), k):
        block = marks[rows]
        codes = classify_block(contest, block, ballots.observations[rows], rules)
        per_code += np.bincount(codes, minlength=len(REASONS) + 1)
        valid_rows = (codes == VALID).view(np.uint8)
        if strike_out:
            votes += column_sums(block, valid_rows)
        else:
            votes += column_sums(block == Mark.AGREE, valid_rows)
            against += column_sums(block == Mark.DISAGREE, valid_rows)
    valid = int(per_code[VALID])
    if strike_out:
        against = valid - votes
        unmarked = np.zeros(k, dtype=np.int64)
    else:
        unmarked = valid - votes - against
    return Count(
        contest_id=contest.id,
        form=contest.form,
        collected=len(ballots),
        valid=valid,
        invalid_by_reason={r: int(per_code[i]) for i, r in enumerate(REASONS, start=1)},
        votes=tuple(votes.tolist()),
        against=tuple(against.tolist()),
        unmarked=tuple(unmarked.tolist()),
    )
