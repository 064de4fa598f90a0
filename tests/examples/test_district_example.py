"""The district congress example (QĐ 244, 2020): BCH with a re-vote round, the secretary elected
directly, delegates and alternates on one ballot."""

from __future__ import annotations

from pathlib import Path

import pytest

from tally.cli.main import EXIT_OK, main
from tests.text import flat

SPEC = Path(__file__).resolve().parents[2] / "examples" / "district_congress" / "congress.toml"


def copy_example(folder: Path) -> Path:
    """A copy of the example (spec and ballots) that a test may edit; returns the spec."""
    import shutil

    for path in SPEC.parent.iterdir():
        if path.suffix in {".toml", ".csv"}:
            shutil.copy(path, folder / path.name)
    return folder / "congress.toml"


def test_district_congress_counts_every_round(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["count", str(SPEC)]) == EXIT_OK
    out = flat(capsys.readouterr().out)
    assert out.count("BIÊN BẢN KIỂM PHIẾU") == 4
    assert "QĐ 244-QĐ/TW, Điều 32" in out
    assert "Có 2 người cùng được 140 phiếu ở vị trí cuối cùng cho 1 chỉ tiêu còn lại" in out
    assert "Dương Quang Hải, Đinh Minh Thảo" in out
    assert "Bí thư: Hoàng Xuân Dũng" in out
    assert out.count("DỰ KHUYẾT") == 3
    assert "dự khuyết, theo thứ tự:" in out


def test_district_congress_json_has_delegates_and_alternates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json

    assert main(["count", str(SPEC), "--contest", "dbdh", "--format", "json"]) == EXIT_OK
    record = json.loads(capsys.readouterr().out)
    assert record["status"] == "complete"
    assert len(record["elected"]) == 25 and len(record["alternates"]) == 3
    outcome = record["rounds"][0]["outcome"]
    votes = {s["name"]: s["votes"] for s in outcome["standings"]}
    assert [votes[name] for name in record["alternates"]] == [139, 135, 131]
    assert min(votes[name] for name in record["elected"]) > 139


def test_open_votes_are_measured_against_the_base(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["count", str(SPEC), "--lang", "en"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "V. OPEN VOTES" in out
    # The withdrawal got 110 of a base of 245: 123 were needed.
    withdrawal = next(
        line for line in out.splitlines() if "Lò Thanh Quân" in line and "123" in line
    )
    assert "NOT passed" in withdrawal


def test_secretary_candidate_who_failed_to_enter_the_bch_is_rejected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = copy_example(tmp_path)
    text = spec.read_text(encoding="utf-8")
    # Cao Thúy Giang stood for the BCH and got 118 of a base of 245: not elected.
    spec.write_text(
        text.replace('candidates = ["Hoàng Xuân Dũng"]', 'candidates = ["Cao Thúy Giang"]'),
        encoding="utf-8",
    )
    assert main(["count", str(spec), "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert "'Cao Thúy Giang' was not elected to the executive committee (contest 'bch')" in err


def test_a_failed_list_vote_keeps_the_congress_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = copy_example(tmp_path)
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("yes = 236\nno = 5", "yes = 120\nno = 121"), encoding="utf-8")
    assert main(["count", str(spec), "--lang", "en"]) == 4
    captured = capsys.readouterr()
    assert "did not pass (120 in favour, 123 needed of a base of 245)" in flat(captured.out)
    assert "open vote not passed" in captured.err
