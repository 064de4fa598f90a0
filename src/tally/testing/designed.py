"""Ballots with designed totals — for examples, training sessions and tests, never for a count.

:func:`designed_marks` spreads each candidate's votes over the valid ballots so that every
ballot stays valid (at least one name kept, at most ``ballot_seats``), then appends the invalid
ballots asked for. Counting the result gives back exactly the designed votes.

>>> from tally.model.bodies import Body
>>> from tally.model.contest import Contest
>>> from tally.counting.count import count_ballots
>>> c = Contest(id="x", body=Body.EXECUTIVE_COMMITTEE, seats=2,
...             candidates=["Lê Văn An", "Lê Văn Bình", "Lê Văn Cường"])
>>> ballots = designed_ballots(c, [5, 4, 3], valid=6, invalid=["no_vote", "write_in"])
>>> count = count_ballots(c, ballots)
>>> count.votes, count.valid, count.invalid
((5, 4, 3), 6, 2)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from tally.model.ballots import Ballots, Mark, Observation
from tally.model.contest import BallotForm, Contest

if TYPE_CHECKING:
    from tally.congress.run import CongressRecord

_OBSERVED = {
    "not_issued": Observation.NOT_ISSUED,
    "write_in": Observation.WRITE_IN,
    "identifying_mark": Observation.IDENTIFYING_MARK,
}


def designed_marks(contest: Contest, votes: Sequence[int], valid: int) -> npt.NDArray[np.uint8]:
    """A ``valid`` × candidates mark matrix whose column totals are ``votes`` (valid ballots).

    Strike-out: the largest totals are placed first, each on the ballots holding the fewest
    names so far, which keeps every ballot between 1 and ``ballot_seats`` names whenever
    ``valid <= sum(votes) <= valid * ballot_seats``. Yes/no: ``votes`` agree, the rest disagree.
    """
    k = len(contest.candidates)
    if len(votes) != k or any(v < 0 or v > valid for v in votes):
        raise ValueError(f"need {k} totals between 0 and {valid}, got {list(votes)}")
    if contest.form is BallotForm.YES_NO:
        marks = np.full((valid, k), Mark.DISAGREE, dtype=np.uint8)
        for j, v in enumerate(votes):
            marks[:v, j] = Mark.AGREE
        return marks
    if not valid <= sum(votes) <= valid * contest.ballot_seats:
        raise ValueError(f"{sum(votes)} votes cannot fill {valid} valid strike-out ballots")
    marks = np.zeros((valid, k), dtype=np.uint8)
    fill = np.zeros(valid, dtype=np.int64)
    for j in np.argsort(np.asarray(votes), kind="stable")[::-1]:
        rows = np.argsort(fill, kind="stable")[: votes[j]]
        marks[rows, j] = Mark.KEPT
        fill[rows] += 1
    return marks


def designed_ballots(
    contest: Contest,
    votes: Sequence[int],
    valid: int,
    invalid: Sequence[str] = (),
    serial_prefix: str | None = None,
) -> Ballots:
    """:func:`designed_marks` plus one invalid ballot per reason in ``invalid`` (``over_seats``,
    ``no_vote``, ``yes_no_unclear``, or a board observation such as ``write_in``)."""
    k = len(contest.candidates)
    rows = [designed_marks(contest, votes, valid)]
    flags = [0] * valid
    for reason in invalid:
        row = np.zeros((1, k), dtype=np.uint8)
        if reason == "over_seats":
            row[:] = Mark.KEPT if contest.form is BallotForm.STRIKE_OUT else Mark.AGREE
        elif reason == "yes_no_unclear":
            row[:] = Mark.BOTH
        elif reason != "no_vote":
            row[0, 0] = Mark.KEPT if contest.form is BallotForm.STRIKE_OUT else Mark.AGREE
        rows.append(row)
        flags.append(int(_OBSERVED.get(reason, 0)))
    prefix = serial_prefix or contest.id.upper()
    serials = [f"{prefix}-{i:03d}" for i in range(1, valid + len(invalid) + 1)]
    return Ballots.from_arrays(contest, np.concatenate(rows), serials, flags)


Design = Mapping[str, tuple[Sequence[int], Sequence[str]]]
"""Per round key (``"bch"``, ``"bch.r2"``): the votes by ballot number and the invalid reasons."""


def write_designed_congress(spec: str | Path, design: Design) -> CongressRecord:
    """Write every round's ballots file named in the spec from ``design``, round by round (a
    further round's list depends on the round before), and return the congress's record."""
    from tally.congress.run import round_id, run_congress
    from tally.io.ballots_csv import ballots_to_csv_text
    from tally.io.spec import load_congress

    folder = Path(spec).parent
    congress = load_congress(spec)

    def provide(contest_id: str, number: int, contest: Contest) -> Ballots | None:
        key = round_id(contest_id, number)
        if key not in design:
            return None
        plan = congress.plan(contest_id).round_plan(number)
        votes, invalid = design[key]
        collected = plan.collected if plan.collected is not None else plan.issued
        ballots = designed_ballots(contest, votes, collected - len(invalid), invalid)
        if plan.ballots is not None:
            (folder / plan.ballots).write_text(
                ballots_to_csv_text(contest, ballots), encoding="utf-8"
            )
        return ballots

    return run_congress(congress, provide)
