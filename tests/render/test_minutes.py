"""What the minutes say in the cases a board disputes: ties, shortfalls, resolved ties."""

from __future__ import annotations

import datetime as dt

from tally import QC_190, Ballots, Body, CongressKind, Contest, Roll, TieDecision, count_contest
from tally.model.contest import Candidate
from tally.model.rules import Citation, TiePolicy, TieRule
from tally.render.minutes import render_minutes
from tests.text import flat

NAMES = ["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"]
ROLL = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=10, present=10)


# An 8, Bình 6, Cường 6 of base 10: An is elected, one seat left for two tied candidates.
TIE = [[1, 1, 0]] * 4 + [[1, 0, 1]] * 4 + [[0, 1, 1]] * 2


def _two_seats(decision: TieDecision | None = None) -> str:
    contest = Contest(id="x", body=Body.DEPUTY_SECRETARY, seats=2, candidates=NAMES)
    ballots = Ballots.from_arrays(contest, TIE)
    result = count_contest(contest, ballots, roll=ROLL, issued=10, decision=decision)
    return flat(render_minutes(result))


def test_tie_minutes_name_the_tied_and_the_way_out_with_no_remark_about_the_tool() -> None:
    """Signed paper says how the tie is resolved, not whose policy that is (issue 13): the
    summary's notes and the docs say the regulation leaves it open."""
    text = _two_seats()
    assert "Có 2 người cùng được 6 phiếu ở vị trí cuối cùng cho 1 chỉ tiêu còn lại" in text
    assert "Lê Thị Bình, Trần Văn Cường" in text
    assert "bầu lại giữa những người bằng phiếu" in text
    assert "quy chế không quy định" not in text and "tally" not in text
    assert text.count("BẰNG PHIẾU") == 2
    assert "Đã bầu đủ" not in text


def test_shortfall_with_nobody_elected_has_its_own_wording() -> None:
    rows = [[1, 0]] * 5 + [[0, 1]] * 5  # 5 each of base 10: nobody above half
    contest = Contest(id="x", body=Body.DEPUTY_SECRETARY, seats=1, candidates=NAMES[:2])
    result = count_contest(contest, Ballots.from_arrays(contest, rows), roll=ROLL, issued=10)
    text = flat(render_minutes(result))
    assert "Không có người nào được quá một nửa" in text
    assert "Những người đã trúng cử" not in text
    assert "không trúng cử (không quá 1/2)" in text


def test_recorded_decision_is_printed_with_its_note() -> None:
    decision = TieDecision(winners=("Trần Văn Cường",), note="Bầu lại ngày 20/7, 7/10 phiếu")
    text = _two_seats(decision)
    assert "Bầu lại ngày 20/7, 7/10 phiếu" in text and "Đã bầu đủ 2/2 chỉ tiêu." in text


def test_older_wins_prints_the_birth_dates_and_its_citation() -> None:
    rules = QC_190.model_copy(
        update={
            "tie": TieRule(
                policy=TiePolicy.OLDER_WINS,
                citation=Citation(source="Luật 85/2015/QH13", article="78", confidence="V"),
            )
        }
    )
    people = [
        Candidate(name="Nguyễn Văn An", birth_date=dt.date(1970, 1, 1)),
        Candidate(name="Lê Thị Bình", birth_date=dt.date(1975, 5, 5)),
        Candidate(name="Trần Văn Cường", birth_date=dt.date(1972, 2, 2)),
    ]
    contest = Contest(id="x", body=Body.DEPUTY_SECRETARY, seats=2, candidates=people)
    result = count_contest(
        contest, Ballots.from_arrays(contest, TIE), roll=ROLL, issued=10, rules=rules
    )
    assert result.outcome.elected == ("Nguyễn Văn An", "Trần Văn Cường")
    text = flat(render_minutes(result, lang="en"))
    assert "Trần Văn Cường (1972-02-02)" in text and "Luật 85/2015/QH13, Art. 78" in text


def test_committee_conference_minutes_speak_of_the_conference() -> None:
    roll = Roll(kind=CongressKind.COMMITTEE_CONFERENCE, convened=10, present=10)
    contest = Contest(id="bt", body=Body.SECRETARY, seats=1, candidates=["Nguyễn Văn An"])
    result = count_contest(contest, Ballots.from_arrays(contest, [[1]] * 10), roll=roll, issued=10)
    text = flat(render_minutes(result))
    assert "báo cáo trước Hội nghị" in text and "Số ủy viên có mặt: 10" in text
