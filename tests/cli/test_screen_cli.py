"""``tally screen SPEC`` and ``tally replay LOG --screen``: the projection page from the
command line, as a board makes it before announcing the results."""

from __future__ import annotations

from pathlib import Path

import pytest

from tally.cli.main import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, main
from tally.congress.run import run_congress
from tally.io.ballot_files import BallotFiles
from tally.io.spec import load_congress
from tally.render.screen import render_screen

ROOT = Path(__file__).resolve().parents[2]
DISTRICT = ROOT / "examples" / "district_congress" / "congress.toml"
DELEGATE = ROOT / "examples" / "delegate_congress" / "congress.toml"


def _page(spec: Path, lang: str = "vi") -> str:
    congress = load_congress(spec)
    files = BallotFiles(congress, spec.parent, None, congress.contests[0].contest.id)
    return render_screen(run_congress(congress, files), lang=lang)  # type: ignore[arg-type]


def test_screen_writes_the_page_of_the_whole_congress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "screen.html"
    assert main(["screen", str(DISTRICT), "-o", str(out)]) == EXIT_OK
    said = capsys.readouterr()
    assert said.out == ""
    assert f"Đã ghi {out}." in said.err
    assert "Kết quả cuộc bầu bch: 41/41 người trúng cử; đã bầu đủ." in said.err
    assert out.read_text(encoding="utf-8") == _page(DISTRICT)


def test_screen_in_english_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", str(DELEGATE), "--lang", "en"]) == EXIT_OK
    said = capsys.readouterr()
    assert said.out == _page(DELEGATE, "en")
    assert said.out.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "Contest bch: 33/33 elected" in said.err


def test_screen_of_one_contest_with_its_ballots_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ballots = tmp_path / "phieu.csv"
    ballots.write_bytes((DELEGATE.parent / "ballots_bch.csv").read_bytes())
    out = tmp_path / "bch.html"
    code = main(
        ["screen", str(DELEGATE), "--ballots", str(ballots), "--contest", "bch", "-o", str(out)]
    )
    assert code == EXIT_OK
    assert out.read_text(encoding="utf-8") == _page(DELEGATE)
    out.unlink()
    assert main(["screen", str(DISTRICT), "--contest", "bt", "-o", str(out)]) == EXIT_OK
    page = out.read_text(encoding="utf-8")
    assert page.count('<section class="slide"') == 1
    assert "Bầu trực tiếp Bí thư Huyện ủy tại Đại hội" in page and "Hoàng Xuân Dũng" in page


def test_screen_never_writes_over_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "congress.toml"
    spec.write_bytes(DELEGATE.read_bytes())
    ballots = tmp_path / "ballots_bch.csv"
    ballots.write_bytes((DELEGATE.parent / "ballots_bch.csv").read_bytes())
    before = ballots.read_bytes()
    assert main(["screen", str(spec), "-o", str(ballots)]) == EXIT_BAD_INPUT
    assert "Không có tệp nào được ghi." in capsys.readouterr().err
    assert ballots.read_bytes() == before
    assert main(["screen", str(spec), "--contest", "xyz"]) == EXIT_BAD_INPUT
    assert "xyz" in capsys.readouterr().err


def test_replay_screen_is_the_page_of_the_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "district.jsonl"
    assert main(["count", str(DISTRICT), "--log", str(log), "-o", str(tmp_path / "m.txt")]) == 0
    out = tmp_path / "screen.html"
    assert main(["replay", str(log), "--screen", "-o", str(out)]) == EXIT_OK
    assert out.read_text(encoding="utf-8") == _page(DISTRICT)
    capsys.readouterr()
    assert main(["replay", str(log), "--screen", "--contest", "bch.r2", "--lang", "en"]) == 0
    page = capsys.readouterr().out
    assert page.count('<section class="slide"') == 1
    assert "nhiệm kỳ 2020–2025 — round 2" in page and "Dương Quang Hải" in page
    assert main(["replay", str(log), "--screen", "-o", str(log)]) == EXIT_BAD_INPUT


@pytest.mark.parametrize("other", [["--entries"], ["--format", "json"], ["--format", "markdown"]])
def test_replay_screen_is_alone(
    tmp_path: Path, other: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["replay", str(tmp_path / "log.jsonl"), "--screen", *other])
    assert stopped.value.code == EXIT_USAGE
    assert "--screen: không dùng cùng --entries, --format" in capsys.readouterr().err


def test_screen_help_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["screen", "--help"])
    vi = " ".join(capsys.readouterr().out.split())
    assert "trang trình chiếu kết quả" in vi and "ĐẠI_HỘI.toml" in vi and "--ballots" in vi
    with pytest.raises(SystemExit):
        main(["screen", "--help", "--lang", "en"])
    en = " ".join(capsys.readouterr().out.split())
    assert "projection page" in en and "SPEC.toml" in en
    with pytest.raises(SystemExit):
        main(["replay", "--help"])
    assert "--screen" in capsys.readouterr().out
