"""Polls that elect nobody (RULES §7, §8): an introduction poll (each nominee's share, no
threshold) and a confidence vote (three levels per person, shares of all members, an outcome
when low confidence passes the stated share, a presence requirement) — ballots, count, outcome
and minutes, and `tally poll`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tally.cli.main import EXIT_BAD_INPUT, EXIT_NEEDS_DECISION, EXIT_OK, main
from tally.counting.poll import count_poll
from tally.counting.validity import InvalidReason
from tally.errors import (
    BallotError,
    ContestError,
    FileProblemsError,
    InputFileError,
    ReconciliationError,
)
from tally.io.poll_csv import poll_ballots_from_csv_text
from tally.model.poll import Poll, PollBallotBuilder, PollBallots, PollKind
from tally.model.presets import with_overrides
from tally.model.roll import CongressKind, Roll
from tally.model.rules import QC_190
from tally.render.poll_minutes import render_poll_minutes
from tests.text import flat

ROOT = Path(__file__).resolve().parents[2]
POLLS = ROOT / "examples" / "polls"
MEMBERS = ["Nguyễn Văn Bình", "Trần Thị Cúc", "Hoàng Văn Hải"]  # ballot order: Bình, Cúc, Hải
CONFERENCE = Roll(kind=CongressKind.COMMITTEE_CONFERENCE, convened=15, present=12)


def _confidence(rows: list[dict[str, list[int]]]) -> tuple[Poll, PollBallots]:
    poll = Poll(id="tn", kind=PollKind.CONFIDENCE, persons=MEMBERS)
    builder = PollBallotBuilder(poll)
    for i, row in enumerate(rows, start=1):
        builder.add(i, **row)  # type: ignore[arg-type]
    return poll, builder.build()


def test_a_confidence_vote_counts_three_levels_against_all_members() -> None:
    # 12 present of 15: Hải rated low on 8 ballots — more than half of 15 — Cúc on 7 (not).
    rows = [{"high": [1], "confidence": [2], "low": [3]}] * 8
    rows += [{"high": [1, 3], "low": [2]}] * 3 + [{"high": [1]}]  # the last leaves two unrated
    poll, ballots = _confidence(rows)
    result = count_poll(poll, ballots, roll=CONFERENCE, issued=12)
    bình, cúc, hải = result.lines
    assert (bình.high, bình.confidence, bình.low, bình.unrated) == (12, 0, 0, 0)
    assert (cúc.high, cúc.confidence, cúc.low, cúc.unrated) == (0, 8, 3, 1)
    assert (hải.high, hải.low, hải.unrated) == (3, 8, 1)
    assert result.base == 15 and hải.low_over_share and not cúc.low_over_share
    assert result.presence is not None and result.presence.met  # 12 >= 10
    minutes = flat(render_poll_minutes(result, None, "vi"))
    assert "Đồng chí Hoàng Văn Hải có 8 phiếu tín nhiệm thấp, quá 1/2 so với 15" in minutes
    assert "8 (53,33%)" in minutes  # shares of 15, two decimals, half-up
    one_decimal = with_overrides(QC_190, {"percent": {"decimals": 1, "rounding": "truncate"}})
    again = count_poll(poll, ballots, roll=CONFERENCE, issued=12, rules=one_decimal)
    assert "8 (53,3%)" in flat(render_poll_minutes(again, None, "vi"))


def test_a_confidence_vote_without_two_thirds_present_is_not_held() -> None:
    roll = Roll(kind=CongressKind.COMMITTEE_CONFERENCE, convened=15, present=9)  # needs 10
    poll, ballots = _confidence([{"low": [1, 2, 3]}] * 9)
    result = count_poll(poll, ballots, roll=roll, issued=9)
    assert result.presence is not None and not result.presence.met and not result.stands
    minutes = flat(render_poll_minutes(result, None, "vi"))
    assert "CHƯA ĐỦ 2/3 số được triệu tập (cần ít nhất 10)" in minutes
    assert "không được tiến hành" in minutes and "quá 1/2" not in minutes


def test_an_introduction_poll_gives_shares_of_the_ballots_and_no_threshold() -> None:
    poll = Poll(id="gt", kind=PollKind.INTRODUCTION, persons=MEMBERS, places=1)
    builder = PollBallotBuilder(poll)
    for i, marked in enumerate([[2]] * 6 + [[1]] * 3 + [[]] + [[1, 2]], start=1):
        builder.add(i, marked=marked)
    roll = Roll(kind=CongressKind.DELEGATE_CONGRESS, convened=12, present=11)
    result = count_poll(poll, builder.build(), roll=roll, issued=11)
    assert result.invalid_by_reason[InvalidReason.OVER_SEATS] == 1  # two marked, one place
    assert result.valid == 10 and result.base == 11  # collected, the invalid one included
    assert [line.marked for line in result.lines] == [3, 6, 0]
    assert result.presence is None
    minutes = flat(render_poll_minutes(result, None, "en"))
    assert "Trần Thị Cúc 6 54.55%" in minutes and "elects nobody" in minutes
    valid_base = with_overrides(QC_190, {"polls.introduction_base": "valid_ballots"})
    assert count_poll(poll, builder.build(), roll=roll, issued=11, rules=valid_base).base == 10


def test_poll_ballots_are_checked_as_they_are_read() -> None:
    poll = Poll(id="gt", kind=PollKind.INTRODUCTION, persons=MEMBERS)
    text = "Số phiếu,Giới thiệu,Ghi chú\n1,Trần Thị Cúc,\n2,Lê Văn Xa,\n1,2,\n3,1;1,\n"
    with pytest.raises(FileProblemsError) as problems:
        poll_ballots_from_csv_text(poll, text, "gt.csv")
    said = problems.value.message("vi")
    assert "dòng 3" in said and "'Lê Văn Xa' không có trong danh sách" in said
    assert "dòng 4" in said and "Số phiếu '1' đã nhập" in said
    assert "dòng 5" in said and "được ghi hai lần" in said
    with pytest.raises(BallotError):
        PollBallotBuilder(poll).add("9", high=[1])  # a confidence mark on an introduction poll
    with pytest.raises(ContestError):
        Poll(id="gt", kind=PollKind.INTRODUCTION, persons=MEMBERS, places=4)


def test_a_poll_reconciles_like_a_count() -> None:
    poll, ballots = _confidence([{"high": [1]}] * 5)
    with pytest.raises(ReconciliationError):
        count_poll(poll, ballots, roll=CONFERENCE, issued=4)  # 5 collected, 4 issued
    with pytest.raises(ReconciliationError):
        count_poll(poll, ballots, roll=CONFERENCE, issued=5, collected=6)


levels = st.sampled_from(["high", "confidence", "low", None])


@given(st.lists(st.tuples(levels, levels, levels, st.booleans()), min_size=1, max_size=40))
def test_every_ballot_and_every_rating_is_accounted_for(
    rows: list[tuple[str | None, str | None, str | None, bool]],
) -> None:
    poll = Poll(id="tn", kind=PollKind.CONFIDENCE, persons=MEMBERS)
    builder = PollBallotBuilder(poll)
    for i, (*marks, marked_by_name) in enumerate(rows, start=1):
        given: dict[str, list[object]] = {}
        for number, level in enumerate(marks, start=1):
            if level is not None:
                ref = poll.names[number - 1] if marked_by_name else number
                given.setdefault(level, []).append(ref)
        builder.add(i, observations=["identifying_mark"] if i % 7 == 0 else [], **given)  # type: ignore[arg-type]
    roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=len(rows), present=len(rows))
    result = count_poll(poll, builder.build(), roll=roll, issued=len(rows))
    assert result.valid + result.invalid == result.collected == len(rows)
    for line in result.lines:
        assert line.high + line.confidence + line.low + line.unrated == result.valid
        assert line.low_over_share == (2 * line.low > result.base)


def test_tally_poll_counts_the_example_and_prints_its_minutes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["poll", str(POLLS / "polls.toml")]) == EXIT_OK
    captured = capsys.readouterr()
    out = flat(captured.out)
    assert out.count("BIÊN BẢN KIỂM PHIẾU") == 2
    assert "Đồng chí Hoàng Văn Hải có 17 phiếu tín nhiệm thấp, quá 1/2 so với 31" in out
    assert "1 Trần Thị Cúc 17 58,62%" in out
    assert "Cuộc lấy phiếu tin-nhiem: 28/29 phiếu hợp lệ" in captured.err
    assert main(["poll", str(POLLS / "polls.toml"), "--poll", "gioi-thieu", "--lang", "en"]) == 0
    assert "COUNTING MINUTES" in capsys.readouterr().out


def test_tally_count_and_tally_poll_point_to_each_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["count", str(POLLS / "polls.toml")]) == EXIT_BAD_INPUT
    assert "tally poll" in capsys.readouterr().err
    spec = ROOT / "examples" / "direct_election" / "congress.toml"
    assert main(["poll", str(spec)]) == EXIT_BAD_INPUT
    assert "tally count" in capsys.readouterr().err
    assert main(["poll", str(POLLS / "polls.toml"), "--poll", "x"]) == EXIT_BAD_INPUT
    assert "tin-nhiem, gioi-thieu" in capsys.readouterr().err


def test_a_confidence_vote_without_enough_present_needs_the_board(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in POLLS.iterdir():
        shutil.copy(path, tmp_path / path.name)
    spec = tmp_path / "polls.toml"
    text = spec.read_text(encoding="utf-8")
    text = text[: text.index('[[poll]]\nid = "gioi-thieu"')]  # the confidence vote alone
    text = text.replace("present = 29", "present = 20").replace("= 29", "= 20")
    spec.write_text(text, encoding="utf-8")
    ballots = tmp_path / "ballots_tin_nhiem.csv"
    ballots.write_text(
        "\n".join(ballots.read_text(encoding="utf-8").splitlines()[:21]) + "\n", encoding="utf-8"
    )
    assert main(["poll", str(spec)]) == EXIT_NEEDS_DECISION  # 20 of 31: fewer than 21
    captured = capsys.readouterr()
    assert "không được tiến hành" in flat(captured.out)
    assert "số có mặt chưa đủ" in captured.err


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Số phiếu,Giới thiệu,Ghi chú\n1,１,\n", "'１' không có trong danh sách"),  # full-width
        ("Số phiếu,Giới thiệu,Ghi chú\n1,²,\n", "'²' không có trong danh sách"),
        ("Số phiếu,Giới thiệu,Ghi chú\n1," + "9" * 5000 + ",\n", "không có trong danh sách"),
        ("Số phiếu,Giới thiệu,Ghi chú\n1,1\n", "2 ô"),  # a cell lost
        ("Số phiếu,Giới thiệu,Ghi chú\n1,1,,oops\n", "4 ô"),  # one too many
        ('Số phiếu,Giới thiệu,Ghi chú\n"GT\n001",1,\n', "ký tự"),
    ],
)
def test_a_poll_ballots_file_that_would_count_wrong_is_refused(text: str, said: str) -> None:
    poll = Poll(id="gt", kind=PollKind.INTRODUCTION, persons=MEMBERS)
    with pytest.raises((FileProblemsError, BallotError, InputFileError)) as refused:
        poll_ballots_from_csv_text(poll, text, "gt.csv")
    assert said in refused.value.message("vi")


def test_a_poll_ballots_file_needs_its_mark_columns() -> None:
    poll = Poll(id="tn", kind=PollKind.CONFIDENCE, persons=MEMBERS)
    with pytest.raises(InputFileError) as refused:
        poll_ballots_from_csv_text(poll, "Số phiếu,Tín nhiệm thấp\n1,1\n", "tn.csv")
    assert refused.value.code == "poll.csv_missing_column"
    assert "high, confidence" in refused.value.message("en")


def test_tally_poll_never_writes_over_a_ballots_file_the_spec_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in POLLS.iterdir():
        shutil.copy(path, tmp_path / path.name)
    other = tmp_path / "ballots_gioi_thieu.csv"
    before = other.read_bytes()
    spec = str(tmp_path / "polls.toml")
    assert main(["poll", spec, "--poll", "tin-nhiem", "-o", str(other)]) == EXIT_BAD_INPUT
    assert other.read_bytes() == before
    capsys.readouterr()


def test_the_poll_minutes_list_the_congress_s_adjustments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in POLLS.iterdir():
        shutil.copy(path, tmp_path / path.name)
    spec = tmp_path / "polls.toml"
    text = spec.read_text(encoding="utf-8").replace(
        'rules = "qc190"', '[rules]\npreset = "qc190"\npolls.confidence_base = "valid_ballots"'
    )
    spec.write_text(text, encoding="utf-8")
    assert main(["poll", str(spec), "--poll", "tin-nhiem"]) == EXIT_OK
    out = flat(capsys.readouterr().out)
    assert "Điều chỉnh theo quyết định của hội nghị: Phiếu tín nhiệm: tỷ lệ so với" in out
    assert "số phiếu hợp lệ (28)" in out


def test_a_blank_introduction_ballot_is_valid_unless_the_policy_says_otherwise() -> None:
    poll = Poll(id="gt", kind=PollKind.INTRODUCTION, persons=MEMBERS)
    builder = PollBallotBuilder(poll)
    builder.add(1, marked=[1])
    builder.add(2, marked=[])
    roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=2, present=2)
    assert count_poll(poll, builder.build(), roll=roll, issued=2).valid == 2
    strict = with_overrides(QC_190, {"polls.introduction_blank_valid": False})
    result = count_poll(poll, builder.build(), roll=roll, issued=2, rules=strict)
    assert result.valid == 1 and result.invalid_by_reason[InvalidReason.NO_VOTE] == 1
