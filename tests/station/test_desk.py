"""The entry desk as a board uses it: stacks, serials, refusals that write nothing, undo,
corrections, resuming, closing — and the count equals the library's on the same ballots."""

from __future__ import annotations

from pathlib import Path

import pytest

from tally import Ballots, count_contest
from tally.audit.replay import replay, verify
from tally.errors import BallotError, TallyError
from tally.io.spec import load_congress
from tally.station.desk import UNDO, Desk

ROOT = Path(__file__).resolve().parents[2]
DELEGATE = load_congress(ROOT / "examples" / "delegate_congress" / "congress.toml")
DISTRICT = load_congress(ROOT / "examples" / "district_congress" / "congress.toml")


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_ballots_are_numbered_within_their_stack_and_a_full_stack_closes(tmp_path: Path) -> None:
    desk = Desk.open(tmp_path / "a.jsonl", DELEGATE, "bch", station="A")
    assert desk.open_stack(2) == "S01"
    serials = [desk.record({"struck": [1, 2, 3, 4]}).serial for _ in range(2)]
    assert serials == ["S01-001", "S01-002"]
    assert desk.current_stack() is None
    assert desk.open_stack(1) == "S02"
    assert desk.record({"struck": [5, 6, 7, 8]}).serial == "S02-001"
    desk.session.close()


def test_refused_steps_write_nothing(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    desk = Desk.open(log, DELEGATE, "bch", station="A")
    before = _lines(log)
    with pytest.raises(BallotError) as no_stack:
        desk.record({"struck": [1]})
    assert no_stack.value.code == "station.no_stack"
    desk.open_stack(3)
    before = _lines(log)
    for bad in ({"struck": [99]}, {"struck": [1, 1]}, {"strike": [1]}):
        with pytest.raises(TallyError):
            desk.record(bad)
    assert _lines(log) == before
    with pytest.raises(BallotError) as still_open:
        desk.open_stack(2)
    assert still_open.value.code == "station.stack_recount"
    assert "0/3" in still_open.value.message("vi")
    desk.session.close()


def test_undo_takes_back_the_last_ballot_and_the_serial_is_entered_again(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    desk = Desk.open(log, DELEGATE, "bch", station="A")
    desk.open_stack(2)
    desk.record({"struck": [1, 2, 3, 4]})
    wrong = desk.record({"struck": [9]})
    assert desk.undo() == wrong
    again = desk.record({"struck": [9, 10, 11, 12]})
    assert again.serial == wrong.serial == "S01-002" and again.verdict is None
    desk.session.close()
    events = [e.kind for e in replay(log).events]
    assert "ballot_withdrawn" in events and verify(log).ok
    assert any(UNDO in str(e.data) for e in replay(log).events if e.kind == "ballot_withdrawn")


def test_resuming_a_log_carries_on_in_the_same_stack(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    desk = Desk.open(log, DELEGATE, "bch", station="A")
    desk.open_stack(3)
    desk.record({"struck": [1, 2, 3, 4]})
    desk.session.close()
    again = Desk.open(log, DELEGATE, "bch", station="A")
    assert again.current_stack() is not None and again.current_stack().entered == 1  # type: ignore[union-attr]
    assert again.record({"struck": [1, 2, 3, 5]}).serial == "S01-002"
    again.session.close()


def test_closing_checks_the_figures_and_counts_as_the_library_does(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    desk = Desk.open(log, DELEGATE, "bch", station="A")
    rows = [[1, 2, 3, 4], [5, 6, 7, 8], [1], [1, 2, 3, 4, 5, 6], [2, 4, 6, 8]]
    desk.open_stack(3)
    for struck in rows[:3]:
        desk.record({"struck": struck})
    with pytest.raises(TallyError) as short:
        desk.close(issued=194, collected=5)
    assert short.value.code == "station.collected_differs"
    desk.open_stack(2)
    desk.record({"struck": rows[3]})
    with pytest.raises(BallotError):
        desk.close(issued=194, collected=5)  # stack S02 still open
    desk.record({"struck": rows[4], "observations": ["identifying_mark"]})
    desk.correct("S01-003", {"struck": [1, 2, 3, 9]}, "đọc lại phiếu")
    result = desk.close(issued=194, collected=5)
    desk.session.close()
    contest = DELEGATE.plan("bch").contest
    builder_rows = [[1, 2, 3, 4], [5, 6, 7, 8], [1, 2, 3, 9], rows[3], rows[4]]
    k = len(contest.candidates)
    marks = [[0 if i + 1 in struck else 1 for i in range(k)] for struck in builder_rows]
    ballots = Ballots.from_arrays(contest, marks, observations=[0, 0, 0, 0, 4])
    expected = count_contest(
        contest, ballots, roll=DELEGATE.roll, rules=DELEGATE.rules, issued=194, collected=5
    )
    assert result.count == expected.count and result.outcome == expected.outcome
    assert replay(log).result("bch") == result


def test_a_yes_no_contest_takes_agree_and_disagree(tmp_path: Path) -> None:
    desk = Desk.open(tmp_path / "bt.jsonl", DISTRICT, "bt", station="A")
    desk.open_stack(3)
    assert desk.record({"agree": [1]}).verdict is None
    assert desk.record({"disagree": [1]}).verdict is None
    assert desk.preview({}) == "yes_no_unclear"
    assert desk.record({"both": [1]}).verdict == "yes_no_unclear"
    assert [e.serial for e in desk.status().latest] == ["S01-003", "S01-002", "S01-001"]
    desk.session.close()


def test_after_a_withdrawal_the_next_ballot_takes_the_free_place(tmp_path: Path) -> None:
    desk = Desk.open(tmp_path / "a.jsonl", DELEGATE, "bch", station="A")
    desk.open_stack(4)
    for _ in range(3):
        desk.record({"struck": [1, 2, 3, 4]})
    desk.withdraw("S01-002", "nhập nhầm một phiếu không có")
    assert desk.record({"struck": [5, 6, 7, 8]}).serial == "S01-002"
    assert desk.record({"struck": [5, 6, 7, 9]}).serial == "S01-004"
    assert desk.current_stack() is None  # the stack holds its 4 ballots
    desk.session.close()


def test_a_log_is_one_stations_and_an_unknown_contest_is_named(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    desk = Desk.open(log, DELEGATE, "bch", station="A")
    desk.open_stack(2)
    desk.record({"struck": [1, 2, 3, 4]})
    desk.session.close()
    before = log.read_bytes()
    with pytest.raises(TallyError) as caught:
        Desk.open(log, DELEGATE, "bch", station="B")
    assert caught.value.code == "station.other_station_log"
    assert "--station A" in caught.value.message("vi")
    assert log.read_bytes() == before
    with pytest.raises(TallyError) as unknown:
        Desk.open(tmp_path / "b.jsonl", DELEGATE, "btv", station="A")
    assert unknown.value.code == "spec.unknown_contest"
    assert "bch" in unknown.value.message("en")
    assert not (tmp_path / "b.jsonl").exists()
    resumed = Desk.open(log, DELEGATE, "bch", station="A")  # the lock was let go
    assert resumed.status().entered == 1
    resumed.session.close()


def test_a_second_station_process_cannot_write_the_same_log(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    desk = Desk.open(log, DELEGATE, "bch", station="A")
    with pytest.raises(TallyError):
        Desk.open(log, DELEGATE, "bch", station="A")
    desk.session.close()


def test_a_ballot_withdrawn_from_a_full_stack_leaves_a_place_filled_only_by_its_serial(
    tmp_path: Path,
) -> None:
    """A double entry in S01 found while S02 is entered: the next ballot typed still goes to
    S02 (no later serial shifts against the other stations'), S01's place is filled by serial,
    and the count cannot close while it is empty."""
    log = tmp_path / "a.jsonl"
    desk = Desk.open(log, DELEGATE, "bch", station="A")
    desk.open_stack(3)
    for first in (1, 2, 3):
        desk.record({"struck": [first, 10, 11, 12]})
    desk.open_stack(2)
    desk.record({"struck": [4, 10, 11, 12]})
    desk.withdraw("S01-002", "nhập hai lần")
    assert desk.gaps() == ("S01-002",)
    assert desk.record({"struck": [5, 10, 11, 12]}).serial == "S02-002"  # not into S01
    with pytest.raises(BallotError) as no_stack:
        desk.record({"struck": [6, 10, 11, 12]})
    assert no_stack.value.code == "station.no_stack_gaps" and "S01-002" in str(no_stack.value)
    with pytest.raises(BallotError) as short:
        desk.close(issued=194, collected=5)
    assert short.value.code == "station.stack_short"
    assert "S01" in short.value.message("vi") and "2/3" in short.value.message("vi")
    lines = _lines(log)
    for wrong in ("S02-001", "S01-004", "S03-001", "S01-001"):
        with pytest.raises(BallotError) as not_a_gap:
            desk.record({"struck": [7, 10, 11, 12]}, serial=wrong)
        assert not_a_gap.value.code == "station.not_a_gap"
    assert _lines(log) == lines
    filled = desk.record({"struck": [7, 10, 11, 12]}, serial="s01-002 ")
    assert filled.serial == "S01-002" and desk.gaps() == ()
    result = desk.close(issued=194, collected=5)
    assert result.count.valid == 5
    desk.session.close()
    assert verify(log).ok


def test_a_stack_recounted_lower_closes_without_its_empty_place(tmp_path: Path) -> None:
    desk = Desk.open(tmp_path / "a.jsonl", DELEGATE, "bch", station="A")
    desk.open_stack(3)
    for first in (1, 2, 3):
        desk.record({"struck": [first, 10, 11, 12]})
    desk.withdraw("S01-003", "lá phiếu không có: sấp chỉ có 2 lá")
    with pytest.raises(BallotError) as below:
        desk.recount_stack("S01", 1)
    assert below.value.code == "station.recount_below_entered"
    with pytest.raises(BallotError) as unknown:
        desk.recount_stack("S07", 2)
    assert unknown.value.code == "station.unknown_stack"
    assert desk.current_stack() is not None  # the last stack short is still the open one
    assert desk.recount_stack("s01", 2) == "S01"
    assert desk.gaps() == () and desk.current_stack() is None
    assert desk.close(issued=194, collected=2).count.valid == 2
    desk.session.close()


def test_closing_with_no_ballot_asks_first(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    desk = Desk.open(log, DELEGATE, "bch", station="A")
    lines = _lines(log)
    with pytest.raises(BallotError) as empty:
        desk.close(issued=0, collected=0)
    assert empty.value.code == "station.close_empty" and "Enter lần nữa" in str(empty.value)
    assert _lines(log) == lines and not desk.state.closed
    assert desk.close(issued=0, collected=0, confirm=True).count.collected == 0
    desk.session.close()


def test_stations_that_declared_a_stack_apart_are_told_both_counts(tmp_path: Path) -> None:
    from tally.audit.stations import compare_stations
    from tally.errors import ReconciliationError

    logs = []
    for station, count in (("A", 2), ("B", 3)):
        desk = Desk.open(tmp_path / f"{station}.jsonl", DELEGATE, "bch", station=station)
        desk.open_stack(count)
        desk.record({"struck": [1, 2, 3, 4]})
        desk.recount_stack("S01", count)  # the same count again writes nothing
        desk.session.close()
        logs.append(tmp_path / f"{station}.jsonl")
    with pytest.raises(ReconciliationError) as apart:
        compare_stations(logs)
    said = apart.value.message("vi")
    assert "số phiếu đếm tay của sấp S01: 2 và 3" in said and "(F4)" in said
    assert sum(e.kind == "batch_declared" for e in replay(logs[0]).events) == 1
