"""Results as pandas DataFrames — the only module that imports pandas, and only when called.

>>> from tally import Body, Contest, CongressKind, Roll, Ballots, count_contest
>>> roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3)
>>> contest = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"])
>>> result = count_contest(contest, Ballots.from_arrays(contest, [[1], [1], [2]]), roll=roll,
...                        issued=3)
>>> frame = result_frame(result)
>>> frame[["name", "votes", "against", "elected"]].to_dict("records")
[{'name': 'Lê Văn Tám', 'votes': 2, 'against': 1, 'elected': True}]

Ballots can come in as a frame too, one column per candidate (ballot number or name):

>>> import pandas as pd
>>> frame = pd.DataFrame({"serial": ["a", "b"], "Lê Văn Tám": [1, 2]})
>>> ballots = ballots_from_frame(contest, frame)
>>> ballots.marks.ravel().tolist(), ballots.serials.tolist()
([1, 2], ['a', 'b'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from tally.arguments import checked, wrong_kind
from tally.errors import BallotError, InputFileError, Location
from tally.extras import need
from tally.model.ballots import Ballots, parse_observations
from tally.model.contest import Contest

if TYPE_CHECKING:
    import pandas as pd

    from tally.congress.run import CongressRecord
    from tally.counting.result import ContestResult

COLUMNS = (
    "contest",
    "round",
    "body",
    "number",
    "name",
    "votes",
    "against",
    "unmarked",
    "base",
    "share_of_base",
    "above_threshold",
    "elected",
    "rank",
    "tied",
)


def result_frame(result: ContestResult) -> pd.DataFrame:
    """One tidy row per candidate, in ballot order; ``rank`` is the elected order (1-based)."""
    need("pandas", "frames")  # MissingExtraError naming the extra when pandas is missing
    import pandas as pd

    outcome = result.outcome
    rank = {name: i for i, name in enumerate(outcome.elected, start=1)}
    tied = set(outcome.tie.candidates) if outcome.tie and not outcome.tie_resolution else set()
    rows = [
        {
            "contest": result.contest.id,
            "round": result.contest.round,
            "body": result.contest.body.value,
            "number": s.number,
            "name": s.name,
            "votes": s.votes,
            "against": s.against,
            "unmarked": s.unmarked,
            "base": outcome.base,
            "share_of_base": s.votes / outcome.base if outcome.base else float("nan"),
            "above_threshold": s.above_threshold,
            "elected": s.elected,
            "rank": rank.get(s.name),
            "tied": s.name in tied,
        }
        for s in outcome.standings
    ]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["rank"] = frame["rank"].astype("Int64")
    return frame


def record_frame(record: CongressRecord) -> pd.DataFrame:
    """Every candidate line of every counted round of the congress, with ``election`` (the
    contest's id across its rounds) first."""
    need("pandas", "frames")  # MissingExtraError naming the extra when pandas is missing
    import pandas as pd

    frames = [
        result_frame(result).assign(election=c.contest_id)
        for c in record.contests
        for result in c.rounds
    ]
    if not frames:
        return pd.DataFrame(columns=["election", *COLUMNS])
    return pd.concat(frames, ignore_index=True)[["election", *COLUMNS]]


@checked
def ballots_from_frame(
    contest: Contest, frame: pd.DataFrame, serial: str = "serial", note: str = "note"
) -> Ballots:
    """Ballots from a DataFrame: optional ``serial`` and ``note`` columns, and one column per
    candidate named by ballot number or by name, holding mark codes (see :class:`Ballots`).

    ``note`` holds observation codes separated by ``;`` (as in the CSV) or integer flags.
    Missing values are errors: a board's entry has no blanks to guess. The serials may also be
    the frame's index when it is named ``serial``; any other index but the default ``0..n-1``
    is refused rather than dropped (name it, or ``reset_index(drop=True)``).
    """
    need("pandas", "frames")
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise wrong_kind(ballots_from_frame, "frame", "DataFrame", frame)
    where = Location(file="<DataFrame>")
    columns: dict[int, object] = {}
    for column in frame.columns:
        if column in (serial, note):
            continue
        try:
            number = contest.number_of(column if isinstance(column, int) else str(column))
        except KeyError:
            raise InputFileError("csv.unknown_column", where, column=str(column)) from None
        if number in columns:
            raise InputFileError("csv.duplicate_column", where, column=str(column))
        columns[number] = column
    missing = sorted(set(range(1, len(contest.candidates) + 1)) - set(columns))
    if missing:
        names = ", ".join(contest.names[n - 1] for n in missing)
        raise InputFileError("csv.missing_candidates", where, missing=names)
    block = frame[[columns[n] for n in range(1, len(contest.candidates) + 1)]]
    # Only numpy integer and bool columns cannot hold a blank (pandas' nullable Int64, UInt8
    # and boolean columns can, though their kinds are the same).
    holds_blanks = any(
        not isinstance(dtype, np.dtype) or dtype.kind not in "biu" for dtype in block.dtypes
    )
    if holds_blanks and block.isna().to_numpy().any():
        row = int(block.isna().any(axis=1).to_numpy().argmax())
        raise BallotError(
            "ballot.bad_mark",
            Location(file="<DataFrame>", line=row + 1),
            value="NaN",
            allowed="0, 1, 2, 3",
        )
    serials = _serials_of(frame, serial, where)
    observations: npt.ArrayLike | None = None
    if note in frame.columns:
        notes = frame[note]
        if notes.dtype.kind in "iu":
            observations = notes.to_numpy()
        else:
            observations = [
                parse_observations(
                    str(value).split(";") if isinstance(value, str) else (),
                    str(serials[i]) if serials is not None else str(i + 1),
                    Location(file="<DataFrame>", line=i + 1),
                )
                for i, value in enumerate(notes)
            ]
    return Ballots.from_arrays(contest, block.to_numpy(), serials, observations)


def _serials_of(frame: pd.DataFrame, serial: str, where: Location) -> npt.NDArray[Any] | None:
    """The serials: the ``serial`` column, or the index named so; ``None`` for 1..n when the
    frame has neither and its index is the default one."""
    need("pandas", "frames")  # MissingExtraError naming the extra when pandas is missing
    import pandas as pd

    index = frame.index
    named = serial in [name for name in index.names if name is not None]
    if serial in frame.columns:
        if named:
            raise InputFileError("frame.serial_twice", where, column=serial)
        return frame[serial].to_numpy()
    if named:
        return index.get_level_values(serial).to_numpy()
    default = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
    if not default:
        raise InputFileError(
            "frame.unnamed_index", where, index=", ".join(map(str, index[:3])), column=serial
        )
    return None
