"""Ballots stay bound to the list they were entered against (issue 11, point 1).

A ballot records marks by position on the printed list; the same position on another list is
another person. Ballots entered against one list and counted against another — a name corrected,
a withdrawal, a floor nominee, other seats, another round — are refused, naming what differs.
"""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tally import (
    BallotBuilder,
    BallotError,
    Ballots,
    Body,
    CongressKind,
    Contest,
    Roll,
    TallyError,
    count_contest,
)
from tally.audit.session import CountingSession
from tally.audit.stations import compare_stations
from tally.counting.count import count_ballots
from tally.errors import ReconciliationError
from tally.io.ballots_csv import read_ballots_csv
from tally.testing import contests

ROLL = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=9, present=9)
NAMES = ["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường", "Phạm Thị Dung"]
ENTERED = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=3, candidates=NAMES)
# The board corrected a name after the ballots were entered: position 2 is now someone else.
CORRECTED = Contest(
    id="bch",
    body=Body.EXECUTIVE_COMMITTEE,
    seats=3,
    candidates=["Nguyễn Văn An", "Lê Thị Xuân", "Trần Văn Cường", "Phạm Thị Dung"],
)


def _entered() -> Ballots:
    entry = BallotBuilder(ENTERED)
    for serial in range(1, 10):
        entry.add(f"{serial:02d}", struck=["Lê Thị Bình"])
    return entry.build()


def test_ballots_counted_against_a_corrected_list_are_refused_naming_the_change() -> None:
    with pytest.raises(BallotError) as caught:
        count_contest(CORRECTED, _entered(), roll=ROLL, issued=9)
    assert caught.value.code == "ballots.other_list"
    message = caught.value.message("en")
    assert "removed from the list: Lê Thị Bình" in message
    assert "added: Lê Thị Xuân" in message
    assert "bch" in message
    assert "Lê Thị Bình" in caught.value.message("vi")


def test_the_same_list_made_again_counts() -> None:
    again = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=3, candidates=NAMES[::-1])
    result = count_contest(again, _entered(), roll=ROLL, issued=9)
    assert again.names == ENTERED.names
    assert result.count.votes == (9, 0, 9, 9)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"seats": 2}, "seats 3 → 2"),
        ({"round": 2}, "round 1 → 2"),
        ({"candidates": [*NAMES, "Đỗ Văn Em"]}, "added: Đỗ Văn Em"),
        ({"candidates": NAMES[:3]}, "removed from the list: Phạm Thị Dung"),
    ],
)
def test_arrays_are_bound_to_the_contest_they_were_made_for(
    change: dict[str, object], words: str
) -> None:
    ballots = Ballots.from_arrays(ENTERED, np.ones((9, 4), np.uint8) - np.eye(9, 4, dtype=np.uint8))
    other = Contest.model_validate({**ENTERED.model_dump(), **change})
    with pytest.raises(BallotError, match="danh sách khác") as caught:
        count_ballots(other, ballots)
    assert words in caught.value.message("en")


def test_batches_entered_against_different_lists_do_not_join() -> None:
    first = Ballots.from_arrays(ENTERED, [[1, 1, 1, 0]], ["01"])
    other = Contest.model_validate({**ENTERED.model_dump(), "seats": 2})
    second = Ballots.from_arrays(other, [[1, 1, 0, 0]], ["02"])
    with pytest.raises(BallotError) as caught:
        Ballots.concat([first, second])
    assert caught.value.code == "ballots.other_list"


def test_a_ballots_file_read_against_one_list_is_refused_against_another(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_text("serial,struck\n01,2\n02,4\n", encoding="utf-8")
    ballots = read_ballots_csv(ENTERED, path)
    with pytest.raises(BallotError, match="Lê Thị Xuân"):
        count_ballots(CORRECTED, ballots)


def test_a_frame_is_bound_to_its_contest() -> None:
    pd = pytest.importorskip("pandas")
    from tally.io.frames import ballots_from_frame

    frame = pd.DataFrame({"serial": ["01"], **{name: [1] for name in NAMES[:3]}, NAMES[3]: [0]})
    ballots = ballots_from_frame(ENTERED, frame)
    with pytest.raises(BallotError):
        count_ballots(CORRECTED, ballots)


def test_the_binding_survives_a_pickle() -> None:
    ballots = pickle.loads(pickle.dumps(_entered()))
    assert ballots.ballot_list == ENTERED.ballot_list
    with pytest.raises(BallotError):
        count_ballots(CORRECTED, ballots)


def test_a_session_refuses_ballots_of_another_list_and_writes_nothing(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    with CountingSession.open(log, clock=lambda: dt.datetime(2025, 6, 1, tzinfo=dt.UTC)) as s:
        bch = s.open_contest(CORRECTED, roll=ROLL)
        before = log.read_bytes()
        with pytest.raises(BallotError, match="Lê Thị Bình"):
            bch.enter_all(_entered())
        assert log.read_bytes() == before


def test_stations_whose_lists_differ_are_refused_naming_the_difference(tmp_path: Path) -> None:
    paths = []
    for name, contest in (("a", ENTERED), ("b", CORRECTED)):
        path = tmp_path / f"{name}.jsonl"
        with CountingSession.open(path, station=name) as session:
            session.open_contest(contest, roll=ROLL).record("01", struck=[2])
        paths.append(path)
    with pytest.raises(ReconciliationError) as caught:
        compare_stations(paths)
    assert "Lê Thị Xuân" in caught.value.message("en")


@given(data=st.data())
def test_ballots_for_one_list_counted_against_another_always_raise(data: st.DataObject) -> None:
    """Property: any change of the list under the same id — names, seats, round — is refused;
    the very same list, rebuilt, is accepted."""
    contest = data.draw(contests())
    n, k = data.draw(st.integers(0, 20)), len(contest.candidates)
    marks = np.zeros((n, k), np.uint8)
    ballots = Ballots.from_arrays(contest, marks)
    dumped = contest.model_dump()
    kind = data.draw(st.sampled_from(["seats", "round", "rename", "drop"]))
    if kind == "seats":
        dumped["seats"] = contest.seats - 1 if contest.seats > 1 else 2
    elif kind == "round":
        dumped["round"] = contest.round + 1
    elif kind == "drop" and k > 1:
        dumped["candidates"] = dumped["candidates"][1:]
    else:
        dumped["candidates"][0]["name"] = dumped["candidates"][0]["name"] + " Hai"
    try:
        other = Contest.model_validate(dumped)
    except TallyError:  # the change broke the contest's own rules (a single post, two seats)
        assume(False)
    with pytest.raises(BallotError) as caught:
        count_ballots(other, ballots)
    assert caught.value.code in {"ballots.other_list", "count.contest_mismatch"}
    count_ballots(Contest.model_validate(contest.model_dump()), ballots)  # same list: counts
