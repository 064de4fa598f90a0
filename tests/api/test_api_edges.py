"""The public API at its edges (issue 11, point 14): bad values of any kind get a typed
:class:`TallyError` naming the place, never a raw pydantic, numpy or Python error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tally import (
    BallotBuilder,
    BallotError,
    Ballots,
    Body,
    CongressKind,
    Contest,
    Roll,
    TallyError,
)
from tally.audit.replay import replay
from tally.audit.session import CountingSession
from tally.audit.stations import Ruling, compare_stations, load_rulings
from tally.congress.plan import BoardMember
from tally.errors import LogError, ReconciliationError

NAMES = ["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"]
CONTEST = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=2, candidates=NAMES)
ROLL = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=5, present=5)
BALLOTS = Ballots.from_arrays(CONTEST, [[1, 1, 0]] * 4, ["1", "2", "3", "4"])
BOARD = [BoardMember(name="Phạm Văn Dũng", role="head")]


def clock() -> dt.datetime:
    return dt.datetime(2025, 6, 1, 9, 0, tzinfo=dt.UTC)


# --- regressions from the issue ------------------------------------------------------------


@pytest.mark.parametrize(("step", "kind"), [("issue", "issued"), ("collect", "collected")])
def test_a_second_figure_is_refused_unless_a_correction_says_why(
    tmp_path: Path, step: str, kind: str
) -> None:
    log = tmp_path / "log.jsonl"
    with CountingSession.open(log, clock=clock) as session:
        bch = session.open_contest(CONTEST, roll=ROLL)
        record = getattr(bch, step)
        record(5)
        first = log.read_text(encoding="utf-8").splitlines()[-1]
        assert "correction" not in first  # a first figure is written as it always was
        before = log.read_bytes()
        for correction in (None, "", "  "):
            with pytest.raises(LogError) as caught:
                record(4, correction=correction)
            assert caught.value.code == f"log.{kind}_again"
            assert "correction" in caught.value.message("en")
        assert log.read_bytes() == before
        record(4, correction="Ban kiểm phiếu đếm lại: một phiếu hỏng, không phát")
        assert getattr(bch.state, kind) == 4
    assert getattr(replay(log).contest("bch"), kind) == 4  # both figures stay in the log
    assert log.read_text(encoding="utf-8").count(f'"ballots_{kind}"') == 2


def test_a_ruling_into_a_stack_no_station_declared_is_refused(tmp_path: Path) -> None:
    paths = []
    for name, struck in (("A", 2), ("B", 3)):
        path = tmp_path / f"{name}.jsonl"
        with CountingSession.open(path, station=name, clock=clock) as session:
            bch = session.open_contest(CONTEST, roll=ROLL)
            bch.issue(2)
            bch.declare_batch("S1", 2)
            bch.record("01", struck=[1], batch="S1")
            bch.record("02", struck=[struck], batch="S1")
        paths.append(path)
    stray = Ruling(contest="bch", serial="02", note="x", marks={"struck": [2]}, batch="S9")
    with pytest.raises(ReconciliationError) as caught:
        compare_stations(paths, [stray])
    assert caught.value.code == "log.unknown_batch"
    assert "S9" in caught.value.message("en") and "S1" in caught.value.message("en")
    kept = Ruling(contest="bch", serial="02", note="x", marks={"struck": [2]}, batch="S1")
    (report,) = compare_stations(paths, [kept])
    assert report.problem is None


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
        for members in ([{"name": 5}], ["Phạm Văn Dũng"], [None], [{"nom": "x"}]):
            with pytest.raises(BallotError) as caught:
                bch.constitute_board(members)  # type: ignore[arg-type]
            assert caught.value.code == "session.bad_value"
            assert "members.0" in caught.value.message("en")
        assert log.read_bytes() == before
        for not_a_list in (42, "Hà Thị Lan"):  # a name is not a list of eleven letters
            with pytest.raises(TallyError):
                bch.constitute_board(not_a_list)  # type: ignore[arg-type]
        given: Any = [{"name": "Lê Văn Tám", "role": "head"}, {"name": "Đỗ Thị Hoa"}]
        bch.constitute_board(given)  # fields, as an app may hold them
        assert [m.role for m in bch.state.board] == ["head", "member"]


def test_a_frame_s_serial_index_is_used_and_another_index_refused() -> None:
    pd = pytest.importorskip("pandas")
    from tally.io.frames import ballots_from_frame

    columns = {name: [1, 1] for name in NAMES[:2]} | {NAMES[2]: [0, 0]}
    indexed = pd.DataFrame(columns, index=pd.Index(["X1", "X2"], name="serial"))
    assert ballots_from_frame(CONTEST, indexed).serials.tolist() == ["X1", "X2"]
    with pytest.raises(TallyError) as caught:
        ballots_from_frame(CONTEST, indexed.rename_axis(None))
    assert caught.value.code == "frame.unnamed_index"
    both = indexed.assign(serial=["a", "b"])
    multi = indexed.reset_index().set_index(["serial", NAMES[0]], drop=False)
    for refused in (both, multi):
        with pytest.raises(TallyError) as caught:
            ballots_from_frame(CONTEST, refused)
        assert caught.value.code == "frame.serial_twice"
    plain = pd.DataFrame(columns)  # the default index: serials 1..n
    assert ballots_from_frame(CONTEST, plain).serials.tolist() == [1, 2]


# --- free text is one line wherever it comes in --------------------------------------------


@pytest.mark.parametrize("bad", ["Bầu\nBí thư", "\x1b[31mđỏ", "a\u202eb", "a\u2028b", "a\tb"])
def test_free_text_in_models_and_log_events_is_one_line(tmp_path: Path, bad: str) -> None:
    from pydantic import ValidationError

    from tally.audit.events import CongressIdentity
    from tally.congress.plan import Congress

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
        assert "viết trên một dòng" in caught.value.message("vi")  # not pydantic's English
        assert log.read_bytes() == before


def test_a_log_whose_complaint_breaks_lines_does_not_replay(tmp_path: Path) -> None:
    """A log written by another program (hashes recomputed) cannot inject lines into the
    minutes: the event is refused at its line."""
    import json

    from tally.audit.chain import event_hash

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


def test_a_record_saved_with_the_old_direct_model_still_loads(tmp_path: Path) -> None:
    """Records written before the scopes were named hold ``model = "direct"``, which meant the
    congress elected the BTV, secretary and deputies: they load as ``direct_standing``."""
    import json

    from tally.cli.main import main
    from tally.congress.chain import ElectionModel
    from tally.io.results_json import load_record

    spec = Path(__file__).resolve().parents[2] / "examples" / "direct_election"
    out = tmp_path / "record.json"
    assert main(["count", str(spec / "congress.toml"), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["congress"]["model"] == "direct_standing"
    data["congress"]["model"] = "direct"
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_record(out).congress.election_model is ElectionModel.DIRECT_STANDING
