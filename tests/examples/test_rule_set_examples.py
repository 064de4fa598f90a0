"""The examples beyond the Party's congress — a Youth Union chi đoàn, a trade union congress, a
People's Council electing its chair, a by-election at a committee conference — counted as a new
user would, with the words each organisation signs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tally.cli.main import EXIT_BAD_INPUT, EXIT_OK, main
from tests.text import flat

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def _count(name: str, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert main(["count", str(EXAMPLES / name / "congress.toml"), *extra]) == EXIT_OK
    return flat(capsys.readouterr().out)


def test_the_youth_union_chi_doan_elects_its_secretary_on_a_one_name_list(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _count("youth_union", capsys)
    assert "ĐOÀN TNCS HỒ CHÍ MINH" in out and "ĐẢNG CỘNG SẢN" not in out
    assert "Số đoàn viên được triệu tập: 30" in out
    assert "Căn cứ tính kết quả: số phiếu thu vào: 28" in out  # the invalid one included
    assert "Số phiếu hợp lệ: 27" in out  # the two blank ballots are valid
    assert "Đồng chí sau đây trúng cử Bí thư Chi đoàn" in out


def test_the_trade_union_congress_reads_partly_struck_names_as_kept(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _count("trade_union", capsys)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in out
    assert "tên chỉ gạch họ hoặc tên đệm, hoặc chỉ gạch dưới, được coi là không gạch" in out
    assert "Căn cứ tính kết quả: số phiếu thu vào: 57" in out
    assert "trúng cử Ban Chấp hành Công đoàn" in out and "trúng cử Chủ tịch Công đoàn" in out
    assert "Chủ tịch Công đoàn: Nguyễn Thị Hằng" in out


def test_the_peoples_council_elects_its_chair_against_all_its_deputies(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _count("peoples_council", capsys)
    assert "Tổng số đại biểu Hội đồng nhân dân làm căn cứ tính kết quả bầu cử: 35" in out
    assert "Số đại biểu có mặt: 33" in out
    assert "trúng cử Chủ tịch Hội đồng nhân dân" in out
    assert "báo cáo trước Kỳ họp" in out


def test_the_by_election_counts_against_the_incumbent_members(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _count("by_election", capsys)
    assert "Hội nghị: Hội nghị lần thứ 12" in out
    assert "Số ủy viên được triệu tập: 31" in out
    assert "Số ủy viên làm căn cứ tính kết quả bầu cử: 30" in out  # one suspended
    assert "Hội nghị đã biểu quyết số lượng Ban Thường vụ là 1 đồng chí" in out
    assert "Lưu ý" not in out  # a by-election fills open seats: no size notes
    assert "Phó Bí thư: Lê Văn Đạo" in out


@pytest.fixture
def by_election(tmp_path: Path) -> Path:
    for path in (EXAMPLES / "by_election").iterdir():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path / "congress.toml"


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (
            ('kind = "committee_conference"', 'kind = "member_congress"'),
            'kind phải là "committee_conference"',
        ),
        (('body = "deputy_secretary"', 'body = "upper_delegates"'), "không được bầu bổ sung"),
        (
            ("deductions = { suspended = 1 }", "deductions = { absent_with_reason = 1 }"),
            "không trừ khoản 'absent_with_reason'",
        ),
    ],
)
def test_a_by_election_that_breaks_its_rules_is_refused(
    by_election: Path,
    capsys: pytest.CaptureFixture[str],
    change: tuple[str, str],
    said: str,
) -> None:
    text = by_election.read_text(encoding="utf-8")
    assert change[0] in text
    by_election.write_text(text.replace(change[0], change[1]), encoding="utf-8")
    assert main(["count", str(by_election)]) == EXIT_BAD_INPUT
    assert said in flat(capsys.readouterr().err)
