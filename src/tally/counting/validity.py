"""Which ballots are valid, and why the others are not — for all ballots at once (RULES §3).

A ballot is valid when the board issued it and it votes for no more people than the seats
(QĐ 190-QĐ/TW Điều 15; QĐ 244-QĐ/TW Điều 17). Each invalid ballot gets one reason code; when
several apply, the first in :class:`InvalidReason` order is recorded (the board's observations
first, then what the marks show).

>>> import numpy as np
>>> from tally.model.contest import Contest
>>> from tally.model.bodies import Body
>>> from tally.model.ballots import Ballots
>>> c = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=2,
...             candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"])
>>> b = Ballots.from_arrays(c, [[1, 1, 0], [1, 1, 1], [0, 0, 0], [0, 1, 0]])
>>> [reason_of(code) for code in classify(c, b).tolist()]
[None, 'over_seats', 'no_vote', None]
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
import numpy.typing as npt

from tally.arguments import checked
from tally.model.ballots import Ballots, Mark, MarkMatrix, Observation
from tally.model.contest import BallotForm, Contest
from tally.model.kernels import blocks, row_sums
from tally.model.rules import QC_190, RuleSet


class InvalidReason(StrEnum):
    """Why a ballot is invalid. Order is precedence; the code in arrays is position + 1."""

    NOT_ISSUED = "not_issued"
    IDENTIFYING_MARK = "identifying_mark"
    WRITE_IN = "write_in"
    OVER_SEATS = "over_seats"
    NO_VOTE = "no_vote"
    YES_NO_UNCLEAR = "yes_no_unclear"


REASONS: tuple[InvalidReason, ...] = tuple(InvalidReason)
VALID = 0
"""The code of a valid ballot in the array :func:`classify` returns."""


OBSERVED_REASONS: tuple[tuple[Observation, InvalidReason], ...] = (
    (Observation.NOT_ISSUED, InvalidReason.NOT_ISSUED),
    (Observation.IDENTIFYING_MARK, InvalidReason.IDENTIFYING_MARK),
    (Observation.WRITE_IN, InvalidReason.WRITE_IN),
)
"""The board's observations and the reason each makes a ballot invalid, strongest first."""


def code_of(reason: InvalidReason) -> int:
    """The array code of ``reason`` (1-based position in precedence order)."""
    return REASONS.index(reason) + 1


def reason_of(code: int) -> str | None:
    """The reason's name for an array code, ``None`` for a valid ballot."""
    return None if code == VALID else REASONS[code - 1].value


@checked
def classify(contest: Contest, ballots: Ballots, rules: RuleSet = QC_190) -> npt.NDArray[np.uint8]:
    """Reason code per ballot: 0 valid, else ``code_of(reason)``; array operations on a block
    of rows at a time (:mod:`tally.model.kernels`), never a loop over ballots."""
    codes = np.empty(len(ballots), dtype=np.uint8)
    k = ballots.marks.shape[1]
    for rows in blocks(len(ballots), k):
        codes[rows] = classify_block(
            contest, ballots.marks[rows], ballots.observations[rows], rules
        )
    return codes


def classify_block(
    contest: Contest,
    marks: MarkMatrix,
    observations: npt.NDArray[np.uint8],
    rules: RuleSet = QC_190,
) -> npt.NDArray[np.uint8]:
    """Reason codes of the ballots in one block of rows (their marks and observation flags)."""
    codes = np.zeros(marks.shape[0], dtype=np.uint8)
    # Assign in reverse precedence so that the strongest reason is written last.
    if contest.form is BallotForm.STRIKE_OUT:
        kept = row_sums(marks)
        codes[kept == 0] = code_of(InvalidReason.NO_VOTE)
        codes[kept > contest.ballot_seats] = code_of(InvalidReason.OVER_SEATS)
    else:
        agree = marks == Mark.AGREE
        agreed = row_sums(agree)
        if marks.shape[1] == 1:
            clear = agree[:, 0] | (marks[:, 0] == Mark.DISAGREE)
            if rules.validity.one_name_blank_valid:
                # a blank ballot on a one-name list votes for nobody and stays valid
                clear |= marks[:, 0] == Mark.NEITHER
            codes[~clear] = code_of(InvalidReason.YES_NO_UNCLEAR)
        elif rules.validity.no_agree_yes_no_invalid:
            # agreeing with nobody votes for nobody on a multi-name list (QĐ 244 Art. 17)
            codes[agreed == 0] = code_of(InvalidReason.NO_VOTE)
        elif rules.validity.all_unmarked_yes_no_invalid:
            # A name marked agree or disagree (a cell holds one mark, so the sum fits the row).
            clear_in_row = agreed + row_sums(marks == Mark.DISAGREE)
            codes[clear_in_row == 0] = code_of(InvalidReason.NO_VOTE)
        codes[agreed > contest.ballot_seats] = code_of(InvalidReason.OVER_SEATS)
    if observations.any():
        for flag, reason in reversed(OBSERVED_REASONS):  # the strongest written last
            codes[(observations & flag) != 0] = code_of(reason)
    return codes
