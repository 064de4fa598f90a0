"""Several entry stations: every log is a station, every difference is found, rulings checked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest

from tally import Body, CongressKind, Contest, Roll
from tally.audit.readings import DiscrepancyKind
from tally.audit.replay import replay, verify
from tally.audit.session import CountingSession
from tally.audit.stations import Ruling, compare_stations, merge
from tally.cli.main import EXIT_BAD_INPUT, EXIT_NEEDS_DECISION, EXIT_OK, EXIT_USAGE, main
from tally.errors import BallotError, ReconciliationError, TallyError
from tests.text import flat

CONTEST = Contest(
    id="bch",
    body=Body.EXECUTIVE_COMMITTEE,
    seats=2,
    candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"],
)
ROLL = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=5, present=5)
BALLOTS = {"01": [3], "02": [2], "03": [3], "04": [1], "05": [3]}


def clock() -> dt.datetime:
    return dt.datetime(2025, 6, 1, 9, 0, tzinfo=dt.UTC)


def station(
    path: Path,
    name: str = "1",
    changes: dict[str, list[int] | None] | None = None,
    expected: int = 5,
) -> CountingSession:
    """A station's log of the five ballots, with ``changes`` (``None``: not entered)."""
    session = CountingSession.open(path, station=name, clock=clock)
    bch = session.open_contest(CONTEST, roll=ROLL)
    bch.issue(5)
    bch.declare_batch("S1", expected)
    for serial, struck in {**BALLOTS, **(changes or {})}.items():
        if struck is not None:
            bch.record(serial, struck=struck, batch="S1")
    return session


def test_two_stations_with_the_same_id_in_different_folders_are_both_compared(
    tmp_path: Path,
) -> None:
    (tmp_path / "usb1").mkdir()
    (tmp_path / "usb2").mkdir()
    a, b = tmp_path / "usb1" / "bch.jsonl", tmp_path / "usb2" / "bch.jsonl"
    station(a)
    station(b, changes={"03": [1]})
    (report,) = compare_stations([a, b])
    assert [s.station for s in report.stations] == [f"{a}:1", f"{b}:1"]
    assert {(d.serial, d.candidate) for d in report.discrepancies} == {("03", 1), ("03", 3)}


def test_the_same_log_twice_is_refused(tmp_path: Path) -> None:
    a = tmp_path / "a.jsonl"
    station(a)
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(a.read_bytes())
    for pair in ([a, a], [a, copy]):
        with pytest.raises(ReconciliationError) as raised:
            compare_stations(pair)
        assert raised.value.code == "stations.same_log"


def test_a_station_that_entered_nothing_misses_every_ballot(tmp_path: Path) -> None:
    a, e = tmp_path / "a.jsonl", tmp_path / "e.jsonl"
    station(a, "A")
    empty = CountingSession.open(e, station="E", clock=clock)
    empty.open_contest(CONTEST, roll=ROLL).issue(5)
    (report,) = compare_stations([a, e])
    assert [d.kind for d in report.discrepancies] == [DiscrepancyKind.MISSING] * 5
    assert report.problem is not None
    bare = tmp_path / "bare.jsonl"
    CountingSession.open(bare, station="X", clock=clock)
    with pytest.raises(ReconciliationError) as raised:
        compare_stations([a, bare])
    assert raised.value.code == "stations.contest_missing"


def test_a_log_with_its_own_rulings_is_not_an_entry_log(tmp_path: Path) -> None:
    a, ab = tmp_path / "a.jsonl", tmp_path / "ab.jsonl"
    station(a, "A")
    both = station(ab, "B", changes={"04": [2]})
    bch = both.contest("bch")
    bch.record("04", struck=[1], batch="S1", station="C")
    bch.rule("04", struck=[1], batch="S1", note="xem phiếu gốc")
    with pytest.raises(ReconciliationError) as raised:
        compare_stations([a, ab])
    assert raised.value.code == "stations.not_entry_log"


def test_a_stack_short_at_both_stations_stops_the_count_without_merge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    station(a, "A", expected=6)
    station(b, "B", expected=6)
    (report,) = compare_stations([a, b])
    assert report.agreed and report.problem is not None
    assert report.problem.code == "log.batch_mismatch"
    assert main(["reconcile", str(a), str(b), "--lang", "en"]) == EXIT_NEEDS_DECISION
    out = flat(capsys.readouterr().out)
    assert "Batch 'S1' was declared with 6 ballots but 5 were entered" in out


def test_rulings_are_checked_without_merging(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    station(a, "A")
    station(b, "B", changes={"04": [2]})

    def board_reads(serial: str, struck: int, contest: str = "bch") -> Ruling:
        return Ruling(contest=contest, serial=serial, marks={"struck": [struck]}, note="xem lại")

    bad = [board_reads("04", 99), board_reads("02", 1), board_reads("04", 1, contest="bkt")]
    for ruling in bad:
        with pytest.raises(TallyError) as raised:
            compare_stations([a, b], [ruling])
        assert isinstance(raised.value, BallotError | ReconciliationError)
    twice = [board_reads("04", 1)] * 2
    with pytest.raises(ReconciliationError):
        compare_stations([a, b], twice)
    (report,) = compare_stations([a, b], twice[:1])
    assert report.problem is None  # the ruling keeps stack S1, so the stack is whole
    assert report.rulings[0].reading is not None and report.rulings[0].reading.batch == "S1"


def test_a_ruling_that_a_ballot_does_not_exist_replays(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    station(a, "A", expected=5)
    station(b, "B", changes={"06": [1]}, expected=6)
    merged = tmp_path / "m.jsonl"
    with pytest.raises(ReconciliationError):
        merge([a, b], merged, [Ruling(contest="bch", serial="06", note="x", absent=True)])
    assert not merged.exists() and not list(tmp_path.glob(".*"))
    c = tmp_path / "c.jsonl"
    one = station(c, "A", changes={"06": [1]}, expected=5).contest("bch")
    one.record("06", struck=[2], station="B")
    one.rule("06", absent=True, note="nhập nhầm: không có phiếu 06")
    for serial, struck in BALLOTS.items():
        one.record(serial, struck=struck, batch="S1", station="B")
    one.withdraw("06", reason="nhập nhầm", station="A")
    one.record("06", struck=[1], station="A")
    result = one.close()
    assert verify(c).ok and replay(c).result("bch") == result
    assert result.count.collected == 5


def test_reconcile_needs_two_or_three_logs(tmp_path: Path) -> None:
    a = tmp_path / "a.jsonl"
    station(a)
    with pytest.raises(SystemExit) as raised:
        main(["reconcile", str(a)])
    assert raised.value.code == EXIT_USAGE


def test_merge_closes_on_a_tie_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tie: dict[str, list[int] | None] = {"01": [1], "02": [1], "03": [2], "04": [2], "05": [3]}
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    station(a, "A", changes=tie)
    station(b, "B", changes=tie)
    merged = tmp_path / "m.jsonl"
    assert main(["reconcile", str(a), str(b), "--merge", str(merged)]) == EXIT_NEEDS_DECISION
    assert "bằng phiếu" in capsys.readouterr().err
    assert replay(merged).result("bch").outcome.tie is not None
    assert main(["replay", str(merged), "--contest", "nope"]) == EXIT_BAD_INPUT
    assert main(["verify", str(merged)]) == EXIT_OK


def test_one_paper_spelt_two_ways_is_one_ballot_to_rule_on(tmp_path: Path) -> None:
    """Station A typed ``X-3``, station B ``x-3``: one paper (serials compare as read), not two
    missing ballots. The report shows both spellings; nothing is to rule; the merged log holds
    the ballot once, as the first station spelt it."""
    paths = []
    for name, serial in (("A", "X-3"), ("B", "x-3")):
        path = tmp_path / f"{name}.jsonl"
        with CountingSession.open(path, station=name, clock=clock) as session:
            bch = session.open_contest(CONTEST, roll=ROLL)
            bch.issue(1)
            bch.record(serial, struck=[3])
            bch.collect(1)
        paths.append(path)
    (report,) = compare_stations(paths)
    assert [(d.serial, d.kind, d.values) for d in report.discrepancies] == [
        ("X-3", DiscrepancyKind.SERIAL, {"A": "X-3", "B": "x-3"})
    ]
    assert report.problem is None and report.agreed and report.unruled == ()
    merged = merge(paths, tmp_path / "merged.jsonl")
    result = merged.result("bch")
    assert result.count.valid == 1 and result.count.votes == (1, 1, 0)
    assert set(merged.contest("bch").readings()["A"]) == {"X-3"}
    assert set(merged.contest("bch").readings()["B"]) == {"X-3"}
    assert verify(tmp_path / "merged.jsonl").problem is None
    text = main(["reconcile", *map(str, paths), "--lang", "en"])
    assert text == EXIT_OK


def test_the_report_shows_serials_spelt_two_ways(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    test_one_paper_spelt_two_ways_is_one_ballot_to_rule_on(tmp_path)
    capsys.readouterr()
    paths = [str(tmp_path / "A.jsonl"), str(tmp_path / "B.jsonl")]
    assert main(["reconcile", *paths]) == EXIT_OK
    out = capsys.readouterr().out
    assert "cùng một phiếu" in out and "X-3" in out and "x-3" in out


def _typo(tmp_path: Path) -> tuple[Path, Path]:
    """Station B typed ballot 05 as 50; otherwise it read every ballot as A did."""
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    station(a, "A").contest("bch").collect(5)
    session = station(b, "B", changes={"05": None})
    session.contest("bch").record("50", struck=BALLOTS["05"], batch="S1")
    session.contest("bch").collect(5)
    return a, b


def correction(serial: str, right: str, at: str | None = "B", **more: object) -> Ruling:
    return Ruling(
        contest="bch",
        serial=serial,
        note="Máy B gõ nhầm 05 thành 50.",
        station=at,
        correct_serial=right,
        **more,  # type: ignore[arg-type]
    )


def test_a_mistyped_serial_ruled_another_ballot_is_compared_and_merged_as_that_ballot(
    tmp_path: Path,
) -> None:
    a, b = _typo(tmp_path)
    (before,) = compare_stations([a, b])
    assert before.disputed == ("05", "50")
    (report,) = compare_stations([a, b], [correction("50", "05")])
    assert report.agreed and report.problem is None and report.discrepancies == ()
    assert [(c.station, c.entered, c.serial) for c in report.corrections] == [("B", "50", "05")]
    merged = merge([a, b], tmp_path / "m.jsonl", [correction("50", "05")])
    assert verify(tmp_path / "m.jsonl").ok
    assert list(merged.contest("bch").readings()["B"]) == ["01", "02", "03", "04", "05"]
    assert merged.result("bch").count.votes == (4, 4, 2)
    withdrawn = [e for e in merged.events if e.kind == "ballot_withdrawn"]
    assert [(e.data["serial"], e.data["reason"]) for e in withdrawn] == [
        ("50", "50 → 05: Máy B gõ nhầm 05 thành 50.")
    ]


@pytest.mark.parametrize(
    ("ruling", "code", "fix"),
    [
        (lambda: correction("50", "04"), "rulings.serial_taken", "rule absent = true on it"),
        (lambda: correction("77", "05"), "rulings.serial_not_entered", "as station B typed it"),
        (lambda: correction("50", "05", at="C"), "rulings.unknown_station", "stations: A, B"),
        (lambda: correction("50", "\uff10\uff14"), "rulings.serial_taken", "entered ballot \uff10"),
        (lambda: correction("50", "05", at=None), "rulings.correction_needs", "station"),
        (
            lambda: correction("50", "05", marks={"struck": [1]}),
            "rulings.correction_with_marks",
            'add a separate ruling with serial = "05"',
        ),
    ],
)
def test_a_serial_correction_that_does_not_fit_the_station_is_refused(
    tmp_path: Path, ruling: object, code: str, fix: str
) -> None:
    a, b = _typo(tmp_path)
    with pytest.raises(ReconciliationError) as raised:
        merge([a, b], tmp_path / "m.jsonl", [ruling()])  # type: ignore[operator]
    assert raised.value.code == code
    assert fix in raised.value.message("en")
    assert not (tmp_path / "m.jsonl").exists()


def test_merging_twice_gives_the_same_bytes_dated_by_the_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing in the merged log is the time of the merge: the count keeps the stations' time,
    or the one given."""
    a, b = _typo(tmp_path)
    rulings = [correction("50", "05")]

    class Later(dt.datetime):
        shift = 0

        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> Later:
            return cls(2031, 1, 1, 12, cls.shift, tzinfo=tz)

    # the session's wall clock only (``local_now`` reads the module's ``dt``), moved between
    # the two merges
    monkeypatch.setattr("tally.audit.session.dt", SimpleNamespace(datetime=Later, UTC=dt.UTC))
    first = merge([a, b], tmp_path / "m1.jsonl", rulings)
    Later.shift = 7
    merge([a, b], tmp_path / "m2.jsonl", rulings)
    monkeypatch.undo()
    assert (tmp_path / "m1.jsonl").read_bytes() == (tmp_path / "m2.jsonl").read_bytes()
    assert first.contest("bch").closed_at == clock()
    assert first.state.opened is not None and first.state.opened.at == clock()
    when = dt.datetime(2025, 6, 1, 14, 30)
    given = merge([a, b], tmp_path / "m3.jsonl", rulings, at=when)
    assert given.contest("bch").closed_at == when
    assert given.state.opened is not None and given.state.opened.at == when
