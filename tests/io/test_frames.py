"""pandas in and out: result frames and ballots from frames."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tally import BallotError, Ballots, Body, CongressKind, Contest, Roll, count_contest
from tally.errors import InputFileError
from tally.io.frames import COLUMNS, ballots_from_frame, result_frame

BCH = Contest(
    id="bch",
    body=Body.EXECUTIVE_COMMITTEE,
    seats=2,
    candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"],
)
ROLL = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=5, present=5)


def test_result_frame_has_one_row_per_candidate_in_ballot_order() -> None:
    marks = np.array([[1, 1, 0], [1, 1, 0], [1, 0, 1], [1, 1, 0], [0, 1, 1]], dtype=np.uint8)
    result = count_contest(BCH, Ballots.from_arrays(BCH, marks), roll=ROLL, issued=5)
    frame = result_frame(result)
    assert tuple(frame.columns) == COLUMNS
    assert frame["name"].tolist() == list(BCH.names)
    assert frame["votes"].tolist() == [4, 4, 2]
    assert frame["elected"].tolist() == [True, True, False]
    assert frame["rank"].tolist()[:2] == [1, 2] and pd.isna(frame["rank"].iloc[2])
    assert frame.equals(result_frame(result))


def test_ballots_from_frame_by_name_and_number_with_notes() -> None:
    frame = pd.DataFrame(
        {
            "serial": ["x1", "x2"],
            "Trần Văn Cường": [0, 1],
            1: [1, 1],
            "2": [1, 1],
            "note": ["", "write_in"],
        }
    )
    ballots = ballots_from_frame(BCH, frame)
    assert ballots.marks.tolist() == [[1, 1, 0], [1, 1, 1]]
    assert ballots.observations.tolist() == [0, 2]


def test_frame_errors() -> None:
    with pytest.raises(InputFileError):
        ballots_from_frame(BCH, pd.DataFrame({"serial": [1], 1: [1], 2: [1]}))
    with pytest.raises(BallotError):
        ballots_from_frame(BCH, pd.DataFrame({1: [1.0], 2: [np.nan], 3: [1.0]}))
    with pytest.raises(BallotError):
        ballots_from_frame(BCH, pd.DataFrame({1: [1], 2: [2], 3: [1]}))
    with pytest.raises(BallotError):
        ballots_from_frame(BCH, pd.DataFrame({"serial": [7, 7], 1: [1, 1], 2: [1, 1], 3: [0, 0]}))


@pytest.mark.parametrize("dtype", ["Int64", "UInt8", "boolean"])
def test_a_blank_in_a_nullable_column_is_named(dtype: str) -> None:
    """pandas' nullable integer and boolean columns can hold a blank: it is reported as such."""
    frame = pd.DataFrame({1: [1, 1], 2: [1, None], 3: [0, 0]}, dtype=dtype)
    with pytest.raises(BallotError) as info:
        ballots_from_frame(BCH, frame)
    assert info.value.code == "ballot.bad_mark"
    assert info.value.where.line == 2


def test_without_pandas_the_error_names_the_extra() -> None:
    """pandas missing: a MissingExtraError (also an ImportError) saying which extra installs it."""
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "from tally import Ballots, Body, CongressKind, Contest, MissingExtraError, Roll\n"
        "from tally import count_contest\n"
        "from tally.io.frames import result_frame\n"
        "c = Contest(id='bt', body=Body.CELL_SECRETARY, seats=1, candidates=['Lê Văn Tám'])\n"
        "roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=1, present=1)\n"
        "r = count_contest(c, Ballots.from_arrays(c, [[1]]), roll=roll, issued=1)\n"
        "try:\n"
        "    result_frame(r)\n"
        "except ImportError as e:\n"
        "    print(type(e).__name__, isinstance(e, MissingExtraError), e.message('en'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("MissingExtraError True This needs the optional extra frames")
    assert "pip install 'tally[frames]'" in out.stdout
