"""The bundled examples, run as a board would run them, and broken on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tally.cli.main import EXIT_BAD_INPUT, EXIT_NEEDS_DECISION, EXIT_OK, main
from tests.text import flat

ROOT = Path(__file__).resolve().parents[2]
DIRECT = ROOT / "examples" / "direct_election"


@pytest.fixture
def direct(tmp_path: Path) -> Path:
    for path in DIRECT.iterdir():
        if path.suffix in {".toml", ".csv"}:
            shutil.copy(path, tmp_path / path.name)
    return tmp_path / "congress.toml"


def test_direct_election_runs_every_contest_and_round(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["count", str(DIRECT / "congress.toml")]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.count("BIÊN BẢN KIỂM PHIẾU") == 5  # BCH twice, BTV, secretary, deputies
    assert "Có 2 người cùng được 97 phiếu ở vị trí cuối cùng cho 1 chỉ tiêu còn lại" in out
    assert "Bầu Ban Chấp hành Đảng bộ xã khóa I — vòng 2" in out
    assert "Tất cả các cuộc bầu đã bầu đủ." in out
    assert "Bí thư: Nguyễn Văn Bình" in out


def test_without_the_second_round_the_summary_asks_for_the_revote(
    direct: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (direct.parent / "ballots_bch_r2.csv").unlink()
    assert main(["count", str(direct), "--lang", "en"]) == EXIT_NEEDS_DECISION
    captured = capsys.readouterr()
    assert "No ballots file" in captured.err and "ballots_bch_r2.csv" in captured.err
    assert "awaiting the ballots of round 2 — 1 seat(s), list: Lê Văn Đạo, Cao Văn Phong" in (
        flat(captured.out)
    )
    assert "Standing committee: waits for the result of Executive committee." in captured.out


def test_secretary_outside_the_standing_committee_is_refused(
    direct: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = direct.read_text(encoding="utf-8")
    # Hoàng Văn Hải stood for the BTV and was not elected (52 of 146).
    direct.write_text(
        spec.replace('candidates = ["Nguyễn Văn Bình"]', 'candidates = ["Hoàng Văn Hải"]'),
        encoding="utf-8",
    )
    assert main(["count", str(direct)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "'Hoàng Văn Hải' không có trong số người trúng cử Ban Thường vụ" in err
    assert "Không có tệp nào được ghi." in err


def test_direct_election_composition_against_targets(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["count", str(DIRECT / "congress.toml"), "--lang", "en"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Executive committee: women 7/15 (46.67%) — meets the target of at least 20%" in out
    assert "Secretary: women" not in out  # targets apply to bodies, not to posts
    # the standing committee has targets of its own: the women's share only
    assert "Standing committee: women 3/5 (60.00%) — meets the target of at least 20%" in out
    assert "Standing committee: ethnic minorities" not in out


def test_whole_congress_as_one_tidy_frame_and_json() -> None:
    from tally.congress.run import CongressRecord, round_id, run_congress
    from tally.io.ballots_csv import read_ballots_csv
    from tally.io.frames import record_frame
    from tally.io.spec import load_congress

    congress = load_congress(DIRECT / "congress.toml")

    def files(contest_id: str, number: int, contest):  # type: ignore[no-untyped-def]
        name = congress.plan(contest_id).round_plan(number).ballots
        return read_ballots_csv(contest, DIRECT / str(name))

    record = run_congress(congress, files)
    frame = record_frame(record)
    assert list(frame["election"].unique()) == ["bch", "btv", "bt", "pbt"]
    assert frame.groupby("election")["elected"].sum().to_dict() == {
        "bch": 15,
        "btv": 5,
        "bt": 1,
        "pbt": 2,
    }
    assert set(frame.loc[frame["election"] == "bch", "round"]) == {1, 2}
    assert round_id("bch", 2) in set(frame["contest"])
    again = CongressRecord.model_validate_json(record.model_dump_json())
    assert again == record
