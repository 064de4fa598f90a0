"""Which ballots are valid, and why the others are not — for all ballots at once (RULES §3).

A ballot is valid when the board issued it and it votes for no more people than the seats
(QĐ 190-QĐ/TW Điều 15; QĐ 244-QĐ/TW Điều 17). Each invalid ballot gets one reason code; when
several apply, the first in :class:`InvalidReason` order is recorded (the board's observations
first, then what the marks show).

>>> import numpy as np
>>> from tally.contest import Contest
>>> from tally.bodies import Body
>>> from tally.ballots import Ballots
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

from tally.ballots import Ballots, Mark, Observation
from tally.contest import BallotForm, Contest
from tally.rules import QC_190, RuleSet


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


def code_of(reason: InvalidReason) -> int:
    """The array code of ``reason`` (1-based position in precedence order)."""
    return REASONS.index(reason) + 1


def reason_of(code: int) -> str | None:
    """The reason's name for an array code, ``None`` for a valid ballot."""
    return None if code == VALID else REASONS[code - 1].value


def classify(contest: Contest, ballots: Ballots, rules: RuleSet = QC_190) -> npt.NDArray[np.uint8]:
    """Reason code per ballot: 0 valid, else ``code_of(reason)``. Whole-array operations only."""
    n = len(ballots)
    codes = np.zeros(n, dtype=np.uint8)
    marks = ballots.marks
    # Assign in reverse precedence so that the strongest reason is written last.
    if contest.form is BallotForm.STRIKE_OUT:
        kept = np.count_nonzero(marks, axis=1)
        codes[kept == 0] = code_of(InvalidReason.NO_VOTE)
        codes[kept > contest.ballot_seats] = code_of(InvalidReason.OVER_SEATS)
    else:
        clear = (marks == Mark.AGREE) | (marks == Mark.DISAGREE)
        if marks.shape[1] == 1:
            codes[~clear[:, 0]] = code_of(InvalidReason.YES_NO_UNCLEAR)
        elif rules.validity.all_unmarked_yes_no_invalid:
            codes[~clear.any(axis=1)] = code_of(InvalidReason.NO_VOTE)
        agreed = np.count_nonzero(marks == Mark.AGREE, axis=1)
        codes[agreed > contest.ballot_seats] = code_of(InvalidReason.OVER_SEATS)
    observations = ballots.observations
    for flag, reason in (
        (Observation.WRITE_IN, InvalidReason.WRITE_IN),
        (Observation.IDENTIFYING_MARK, InvalidReason.IDENTIFYING_MARK),
        (Observation.NOT_ISSUED, InvalidReason.NOT_ISSUED),
    ):
        codes[(observations & flag) != 0] = code_of(reason)
    return codes
