"""The ``tally`` command as a board uses it: exit codes, messages, nothing half-written."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tally.cli.main import EXIT_BAD_INPUT, EXIT_NEEDS_DECISION, EXIT_OK, main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "delegate_congress"
SPEC = EXAMPLE / "congress.toml"


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A copy of the example congress that a test may edit."""
    shutil.copy(SPEC, tmp_path / "congress.toml")
    shutil.copy(EXAMPLE / "ballots_bch.csv", tmp_path / "ballots_bch.csv")
    return tmp_path


def test_console_script_counts_the_example() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "tally.cli.main", "count", str(SPEC)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == EXIT_OK, run.stderr
    assert "BIÊN BẢN KIỂM PHIẾU" in run.stdout
    assert "Đã bầu đủ 33/33 chỉ tiêu." in run.stdout


def test_english_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["count", str(SPEC), "--lang", "en", "--format", "markdown"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith(
        "**ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ XÃ HÒA BÌNH LẦN THỨ I**  \n**COUNTING BOARD**"
    )
    assert "\n# COUNTING MINUTES\n" in out
    assert "| 33 | Đinh Văn Minh | 131 | 66.84% |" in out


def test_json_output_is_the_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["count", str(SPEC), "--format", "json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    (contest,) = data["contests"]
    assert contest["status"] == "complete" and len(contest["elected"]) == 33
    (result,) = contest["rounds"]
    assert result["outcome"]["status"] == "complete"
    assert result["count"]["valid"] + sum(result["count"]["invalid_by_reason"].values()) == 194


def test_broken_ballot_line_is_named_in_vietnamese_and_nothing_written(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ballots = workdir / "ballots_bch.csv"
    lines = ballots.read_text(encoding="utf-8").splitlines()
    lines[11] = "BCH-011,3;99,"  # line 12 of the file: ballot number 99 does not exist
    ballots.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = workdir / "minutes.txt"
    code = main(["count", str(workdir / "congress.toml"), "--output", str(out)])
    err = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT
    assert "dòng 12" in err and "phiếu BCH-011" in err and "'99'" in err
    assert "Không có tệp nào được ghi." in err
    assert not out.exists()
    assert (
        list(workdir.iterdir()) == sorted(workdir.iterdir()) and len(list(workdir.iterdir())) == 2
    )


def test_duplicate_serial_in_english(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ballots = workdir / "ballots_bch.csv"
    with ballots.open("a", encoding="utf-8") as stream:
        stream.write("BCH-007,1;2;3;4,\n")
    code = main(["count", str(workdir / "congress.toml"), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT
    assert "line 196" in err and "BCH-007 was already entered" in err and "line 8" in err


def test_collected_above_issued_stops_the_count(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = workdir / "congress.toml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(
        text.replace("issued = 194", "issued = 190"),
        encoding="utf-8",
    )
    assert main(["count", str(spec)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "194" in err and "190" in err and "kiểm phiếu lại" in err


def test_tie_exits_with_needs_decision(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = workdir / "congress.toml"
    # 35 seats: the 35th place is a tie between two candidates on 128 votes (RULES §4).
    text = spec.read_text(encoding="utf-8").replace("seats = 33", "seats = 35")
    spec.write_text(text, encoding="utf-8")
    out = workdir / "minutes.md"
    code = main(["count", str(spec), "--format", "markdown", "--output", str(out)])
    err = capsys.readouterr().err
    assert code == EXIT_NEEDS_DECISION
    assert "cần bầu lại (bằng phiếu)" in err
    minutes = out.read_text(encoding="utf-8")
    assert "Phạm Văn Long, Phạm Thị Thảo" in minutes
    assert "TỔNG HỢP KẾT QUẢ BẦU CỬ" in minutes and "bầu lại giữa những người bằng phiếu" in minutes
    assert "bầu lại giữa những người bằng phiếu" in minutes


def test_unknown_contest_and_missing_file(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["count", str(workdir / "congress.toml"), "--contest", "btv"]) == EXIT_BAD_INPUT
    assert "btv" in capsys.readouterr().err
    missing = workdir / "nope.csv"
    assert main(["count", str(workdir / "congress.toml"), "--ballots", str(missing)]) == 3
    assert "Không tìm thấy tệp" in capsys.readouterr().err


def test_unwritable_output_is_a_clear_error(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = workdir / "no_such_dir" / "m.txt"
    assert main(["count", str(workdir / "congress.toml"), "-o", str(target)]) == EXIT_BAD_INPUT
    assert "Không ghi được tệp" in capsys.readouterr().err


def test_usage_error_exit_code() -> None:
    with pytest.raises(SystemExit) as raised:
        main(["count"])
    assert raised.value.code == 2


def test_printed_formats_are_written_whole(tmp_path: Path) -> None:
    """count --format html|docx -o FILE: one self-contained page, one Word file."""
    page, word = tmp_path / "m.html", tmp_path / "m.docx"
    assert main(["count", str(SPEC), "--format", "html", "-o", str(page)]) == EXIT_OK
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "BIÊN BẢN KIỂM PHIẾU" in html
    assert "http://" not in html and "https://" not in html and "<link" not in html
    assert main(["count", str(SPEC), "--format", "docx", "-o", str(word)]) == EXIT_OK
    assert word.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_file_format_needs_an_output_file(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["count", str(SPEC), "--format", fmt, "--lang", "en"])
    assert raised.value.code == 2
    assert f"--format {fmt}: needs -o FILE" in capsys.readouterr().err
