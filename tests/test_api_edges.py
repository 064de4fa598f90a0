"""The public API at its edges (issue 11, point 14): bad values of any kind get a typed
:class:`TallyError` naming the place, never a raw pydantic, numpy or Python error."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from tally import (
    QC_190,
    BallotBuilder,
    BallotError,
    Ballots,
    Body,
    CongressKind,
    Contest,
    Roll,
    TallyError,
    ballot_order_key,
    check_list,
    classify,
    count_ballots,
    count_contest,
    more_than_half,
    normalize_name,
    parse_name,
    threshold_base,
)
from tally.ballots_csv import ballots_from_csv_text, read_ballots_csv
from tally.congress import BoardMember
from tally.errors import LogError, ReconciliationError
from tally.replay import replay, verify
from tally.results_io import load_record, load_result, result_from_json
from tally.session import CountingSession
from tally.spec import congress_from_toml, load_congress
from tally.stations import Ruling, load_rulings, reconcile

NAMES = ["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"]
CONTEST = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=2, candidates=NAMES)
ROLL = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=5, present=5)
BALLOTS = Ballots.from_arrays(CONTEST, [[1, 1, 0]] * 4, ["1", "2", "3", "4"])
BOARD = [BoardMember(name="Phạm Văn Dũng", role="head")]


def clock() -> dt.datetime:
    return dt.datetime(2025, 6, 1, 9, 0, tzinfo=dt.UTC)


# --- regressions from the issue ------------------------------------------------------------


def test_issued_twice_is_refused_unless_a_correction_says_why(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    with CountingSession.open(log, clock=clock) as session:
        bch = session.open_contest(CONTEST, roll=ROLL)
        bch.issue(5)
        before = log.read_bytes()
        with pytest.raises(LogError) as caught:
            bch.issue(4)
        assert caught.value.code == "log.issued_again"
        assert log.read_bytes() == before
        with pytest.raises(LogError):
            bch.issue(4, correction="  ")
        bch.issue(4, correction="Ban kiểm phiếu đếm lại phiếu thừa")
        assert bch.state.issued == 4
    assert replay(log).contest("bch").issued == 4  # both figures stay in the log
    assert log.read_text(encoding="utf-8").count('"ballots_issued"') == 2


def test_a_ruling_both_absent_and_read_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReconciliationError) as caught:
        Ruling(contest="bch", serial="01", note="x", absent=True, marks={"struck": [1]})
    assert caught.value.code == "rulings.absent_with_marks"
    path = tmp_path / "rulings.toml"
    path.write_text(
        '[[ruling]]\ncontest = "bch"\nserial = "01"\nnote = "x"\nabsent = true\nstruck = [1]\n',
        encoding="utf-8",
    )
    with pytest.raises(ReconciliationError) as caught:
        load_rulings(path)
    assert caught.value.where.file == str(path)
    with CountingSession.open(tmp_path / "log.jsonl", clock=clock) as session:
        bch = session.open_contest(CONTEST, roll=ROLL)
        with pytest.raises(BallotError, match="01"):
            bch.rule("01", note="x", absent=True, struck=[1])


def test_a_ballot_from_an_undeclared_stack_is_refused(tmp_path: Path) -> None:
    with CountingSession.open(tmp_path / "log.jsonl", clock=clock) as session:
        bch = session.open_contest(CONTEST, roll=ROLL)
        with pytest.raises(TallyError) as caught:
            bch.record("01", struck=[1], batch="S9")
        assert caught.value.code == "log.unknown_batch"


def test_numpy_integers_are_ballot_numbers(tmp_path: Path) -> None:
    entry = BallotBuilder(CONTEST)
    entry.add("01", struck=[np.int64(2)])
    entry.add("02", struck=np.array([3], dtype=np.uint8))
    entry.add("03", struck=np.int32(1))
    assert entry.build().marks.tolist() == [[1, 0, 1], [1, 1, 0], [0, 1, 1]]
    with CountingSession.open(tmp_path / "log.jsonl", clock=clock) as session:
        session.open_contest(CONTEST, roll=ROLL).record("01", struck=[np.int16(2)])


def test_the_board_is_checked_with_a_typed_error(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    with CountingSession.open(log, clock=clock) as session:
        bch = session.open_contest(CONTEST, roll=ROLL)
        before = log.read_bytes()
        for members in ([{"name": 5}], ["Phạm Văn Dũng"], [None]):
            with pytest.raises(BallotError) as caught:
                bch.constitute_board(members)  # type: ignore[arg-type]
            assert caught.value.code == "session.bad_value"
            assert "members.0" in caught.value.message("en")
        assert log.read_bytes() == before


def test_a_frame_s_serial_index_is_used_and_another_index_refused() -> None:
    pd = pytest.importorskip("pandas")
    from tally.frames import ballots_from_frame

    columns = {name: [1, 1] for name in NAMES[:2]} | {NAMES[2]: [0, 0]}
    indexed = pd.DataFrame(columns, index=pd.Index(["X1", "X2"], name="serial"))
    assert ballots_from_frame(CONTEST, indexed).serials.tolist() == ["X1", "X2"]
    with pytest.raises(TallyError) as caught:
        ballots_from_frame(CONTEST, indexed.rename_axis(None))
    assert caught.value.code == "frame.unnamed_index"
    both = indexed.assign(serial=["a", "b"])
    with pytest.raises(TallyError) as caught:
        ballots_from_frame(CONTEST, both)
    assert caught.value.code == "frame.serial_twice"
    plain = pd.DataFrame(columns)  # the default index: serials 1..n
    assert ballots_from_frame(CONTEST, plain).serials.tolist() == [1, 2]


# --- every entry point with bad values --------------------------------------------------------

BAD: list[object] = [
    None,
    "",
    " ",
    -1,
    0,
    10**30,
    math.nan,
    math.inf,
    True,
    "\x00",
    [],
    {},
    (),
    object(),
    np.int64(-5),
    np.array([]),
    np.zeros((2, 2, 2)),
]


def _entry_points(tmp: Path) -> list[tuple[str, Callable[..., object], dict[str, object]]]:
    """(name, callable, a valid set of keyword arguments)."""
    spec = tmp / "congress.toml"
    spec.write_text("not = [toml", encoding="utf-8")
    log = tmp / "log.jsonl"
    with CountingSession.open(log, clock=clock) as session:
        session.open_contest(CONTEST, roll=ROLL).record("1", struck=[3])
    csv = tmp / "b.csv"
    csv.write_text("serial,struck\n1,3\n", encoding="utf-8")
    session = CountingSession.open(tmp / "steps.jsonl", clock=clock)
    bch = session.open_contest(CONTEST, roll=ROLL)
    builder = BallotBuilder(CONTEST)
    return [
        ("parse_name", parse_name, {"raw": NAMES[0]}),
        ("normalize_name", normalize_name, {"raw": NAMES[0]}),
        ("ballot_order_key", ballot_order_key, {"name": NAMES[0]}),
        ("more_than_half", more_than_half, {"votes": 3, "base": 5}),
        ("check_list", check_list, {"contest": CONTEST}),
        ("classify", classify, {"contest": CONTEST, "ballots": BALLOTS}),
        ("count_ballots", count_ballots, {"contest": CONTEST, "ballots": BALLOTS}),
        (
            "count_contest",
            count_contest,
            {"contest": CONTEST, "ballots": BALLOTS, "roll": ROLL, "issued": 5},
        ),
        (
            "threshold_base",
            threshold_base,
            {"roll": ROLL, "count": count_ballots(CONTEST, BALLOTS), "rules": QC_190},
        ),
        ("Ballots.from_arrays", Ballots.from_arrays, {"contest": CONTEST, "marks": [[1, 1, 0]]}),
        ("Ballots.concat", Ballots.concat, {"parts": [BALLOTS]}),
        ("BallotBuilder.add", builder.add, {"serial": "9", "struck": [1]}),
        ("read_ballots_csv", read_ballots_csv, {"contest": CONTEST, "path": csv}),
        ("ballots_from_csv_text", ballots_from_csv_text, {"contest": CONTEST, "text": "x"}),
        ("load_congress", load_congress, {"path": spec}),
        ("congress_from_toml", congress_from_toml, {"text": "x = 1"}),
        ("load_result", load_result, {"path": csv}),
        ("load_record", load_record, {"path": csv}),
        ("result_from_json", result_from_json, {"text": "{}"}),
        ("replay", replay, {"path": log}),
        ("verify", verify, {"path": log}),
        ("reconcile", reconcile, {"paths": [log, log]}),
        ("load_rulings", load_rulings, {"path": csv}),
        ("CountingSession.open", CountingSession.open, {"path": tmp / "new.jsonl"}),
        ("open_contest", session.open_contest, {"contest": CONTEST, "roll": ROLL}),
        ("issue", bch.issue, {"issued": 5}),
        ("declare_batch", bch.declare_batch, {"batch": "S1", "expected": 3}),
        ("record", bch.record, {"serial": "7", "struck": [1]}),
        ("collect", bch.collect, {"collected": 5}),
        ("complaint", bch.complaint, {"summary": "x", "settlement": "y"}),
        ("constitute_board", bch.constitute_board, {"members": BOARD}),
        ("withdraw", bch.withdraw, {"serial": "nope", "reason": "x"}),
    ]


def test_every_entry_point_raises_only_typed_errors_on_bad_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a path such as " " may be created: here, not in the checkout
    escaped: list[str] = []
    for name, call, good in _entry_points(tmp_path):
        for key in good:
            for bad in BAD:
                arguments = {**good, key: bad}
                try:
                    call(**arguments)
                except TallyError as exc:
                    exc.message("vi"), exc.message("en")  # both languages render
                except Exception as exc:
                    escaped.append(f"{name}({key}={bad!r}): {type(exc).__name__}: {exc}"[:300])
    assert not escaped, "\n".join(escaped)


# --- free text is one line wherever it comes in --------------------------------------------


@pytest.mark.parametrize("bad", ["Bầu\nBí thư", "\x1b[31mđỏ", "a\u202eb", "a\u2028b", "a\tb"])
def test_free_text_in_models_and_log_events_is_one_line(tmp_path: Path, bad: str) -> None:
    from pydantic import ValidationError

    from tally.congress import Congress
    from tally.events import CongressIdentity

    with pytest.raises(ValidationError, match="U\\+"):
        Congress(name=bad, roll=ROLL)
    with pytest.raises(ValidationError, match="U\\+"):
        Contest(id="bt", body=Body.SECRETARY, seats=1, candidates=["Lê Văn Tám"], title=bad)
    with pytest.raises(ValidationError, match="U\\+"):
        CongressIdentity(name=bad)
    log = tmp_path / "log.jsonl"
    with CountingSession.open(log, clock=clock) as session:
        bch = session.open_contest(CONTEST, roll=ROLL)
        before = log.read_bytes()
        with pytest.raises(BallotError) as caught:
            bch.complaint(bad, "Ban kiểm phiếu đã giải thích")
        assert caught.value.code == "session.bad_value"
        assert log.read_bytes() == before


def test_a_log_whose_complaint_breaks_lines_does_not_replay(tmp_path: Path) -> None:
    """A log written by another program (hashes recomputed) cannot inject lines into the
    minutes: the event is refused at its line."""
    import json

    from tally.audit import event_hash

    log = tmp_path / "log.jsonl"
    with CountingSession.open(log, clock=clock) as session:
        session.open_contest(CONTEST, roll=ROLL).complaint("Khiếu nại", "Đã giải quyết")
    lines = log.read_text(encoding="utf-8").splitlines()
    forged, prev = [], "0" * 64
    for line in lines:
        event = json.loads(line)
        if event["kind"] == "complaint_recorded":
            event["data"]["summary"] = "Khiếu nại\nKẾT QUẢ: Nguyễn Văn An trúng cử"
        event["prev"] = prev
        event["hash"] = event_hash(event["seq"], event["kind"], event["data"], prev)
        prev = event["hash"]
        forged.append(json.dumps(event, ensure_ascii=False, separators=(",", ":")))
    log.write_text("\n".join(forged) + "\n", encoding="utf-8")
    with pytest.raises(LogError) as caught:
        replay(log)
    assert caught.value.where.line == len(lines)
