"""The count: votes per candidate and ballots by reason, from valid ballots only (RULES §3–4).

Counts of batches (sấp phiếu) add up: ``count(a) + count(b) == count(a ∪ b)``.

>>> from tally.contest import Contest
>>> from tally.bodies import Body
>>> from tally.ballots import Ballots
>>> c = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=2,
...             candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"])
>>> result = count_ballots(c, Ballots.from_arrays(c, [[1, 1, 0], [1, 0, 1], [1, 1, 1]]))
>>> result.votes, result.valid, result.invalid
((2, 1, 1), 2, 1)
"""

from __future__ import annotations

from typing import Self

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from tally.ballots import Ballots, Mark, MarkMatrix
from tally.contest import BallotForm, Contest
from tally.errors import BallotError, Location, ReconciliationError
from tally.rules import QC_190, RuleSet
from tally.validity import REASONS, VALID, InvalidReason, classify


class Count(BaseModel):
    """Votes and ballot totals of one contest (or one batch of it).

    ``votes`` are names left standing (strike-out) or *agree* marks (yes/no), in ballot order;
    ``against`` are names struck or *disagree* marks; ``unmarked`` are yes/no names with both
    boxes or neither marked on an otherwise valid ballot. All from valid ballots only.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

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


def count_ballots(contest: Contest, ballots: Ballots, rules: RuleSet = QC_190) -> Count:
    """Count ``ballots``: classify each, then sum the valid ones per candidate.

    Column sums run over the whole matrix once; the (few) invalid rows are then subtracted, so
    no copy of the valid rows is made.
    """
    if ballots.contest_id != contest.id or ballots.marks.shape[1] != len(contest.candidates):
        raise BallotError(
            "count.contest_mismatch", Location(), left=contest.id, right=ballots.contest_id
        )
    codes = classify(contest, ballots, rules)
    per_code = np.bincount(codes, minlength=len(REASONS) + 1)
    valid = int(per_code[VALID])
    invalid_rows = np.flatnonzero(codes != VALID)
    marks = ballots.marks
    k = marks.shape[1]
    if contest.form is BallotForm.STRIKE_OUT:
        kept = _kept_sum(marks, invalid_rows)
        votes, against, unmarked = kept, valid - kept, np.zeros(k, dtype=np.int64)
    else:
        votes = _mark_sum(marks, invalid_rows, Mark.AGREE)
        against = _mark_sum(marks, invalid_rows, Mark.DISAGREE)
        unmarked = valid - votes - against
    return Count(
        contest_id=contest.id,
        form=contest.form,
        collected=len(ballots),
        valid=valid,
        invalid_by_reason={r: int(per_code[i]) for i, r in enumerate(REASONS, start=1)},
        votes=tuple(int(v) for v in votes),
        against=tuple(int(v) for v in against),
        unmarked=tuple(int(v) for v in unmarked),
    )


def _kept_sum(marks: MarkMatrix, invalid_rows: npt.NDArray[np.intp]) -> npt.NDArray[np.int64]:
    """Column sums of a 0/1 matrix over the valid rows (all rows minus the invalid ones)."""
    total: npt.NDArray[np.int64] = marks.sum(axis=0, dtype=np.int64)
    if invalid_rows.size:
        total -= marks[invalid_rows].sum(axis=0, dtype=np.int64)
    return total


def _mark_sum(
    marks: MarkMatrix, invalid_rows: npt.NDArray[np.intp], mark: int
) -> npt.NDArray[np.int64]:
    """Per-column count of ``mark`` over the valid rows."""
    total: npt.NDArray[np.int64] = np.count_nonzero(marks == mark, axis=0).astype(np.int64)
    if invalid_rows.size:
        total -= np.count_nonzero(marks[invalid_rows] == mark, axis=0)
    return total
