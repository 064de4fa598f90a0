"""The inspection commission's deputy chair is elected by the commission itself, from its
members, against the commission's base (RULES §6; QĐ 296-QĐ/TW 2025 Art. 7 [P])."""

from __future__ import annotations

import pytest

from tally import Ballots, Body, CongressKind, Contest, Roll
from tally.congress.chain import Venue
from tally.congress.plan import BoardMember, CommitteeRoll, Congress, ContestPlan
from tally.congress.run import ContestStatus, run_congress
from tally.errors import ContestError
from tally.render.minutes import render_minutes
from tally.render.summary import render_summary
from tests.text import flat

GIVEN = ["An", "Bảo", "Cường", "Dũng", "Giang", "Hải", "Khoa", "Lâm", "Minh", "Nam"]
PEOPLE = [f"Nguyễn Văn {g}" for g in GIVEN]
BCH = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=9, candidates=PEOPLE)
UBKT = Contest(id="ubkt", body=Body.INSPECTION_COMMISSION, seats=5, candidates=PEOPLE[:5])
DEPUTY = Contest(
    id="pcn", body=Body.INSPECTION_DEPUTY_CHAIR, seats=1, candidates=["Nguyễn Văn Bảo"]
)


def _congress(commission: CommitteeRoll | None, deputy: Contest = DEPUTY) -> Congress:
    return Congress(
        name="Đại hội Đảng bộ xã thử",
        roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=20, present=20),
        board=[BoardMember(name="Lê Thị Hoa", role="head")],
        committee_roll=CommitteeRoll(present=9),
        commission_roll=commission,
        contests=[
            ContestPlan(contest=BCH, issued=20),
            ContestPlan(contest=UBKT, issued=9),
            ContestPlan(contest=deputy, issued=5),
        ],
    )


def _ballots(contest_id: str, _number: int, contest: Contest) -> Ballots:
    rows = {
        "bch": [[1] * 9 + [0]] * 20,
        "ubkt": [[1, 1, 1, 1, 1]] * 9,
        "pcn": [[1]] * 3 + [[2]] * 2,  # 3 of the commission's 5: more than half
    }[contest_id]
    return Ballots.from_arrays(contest, rows)


def test_the_deputy_chair_is_elected_by_the_commission_against_its_members() -> None:
    congress = _congress(CommitteeRoll(present=5))
    assert congress.venue_of(congress.plan("pcn")) is Venue.COMMISSION
    record = run_congress(congress, _ballots)
    pcn = record.contest("pcn")
    assert pcn.status is ContestStatus.COMPLETE and pcn.elected == ("Nguyễn Văn Bảo",)
    result = pcn.rounds[0]
    assert result.roll.convened == 5 and result.outcome.base == 5  # the UBKT's five members
    minutes = flat(render_minutes(result, congress, "vi"))
    assert "trúng cử Phó Chủ nhiệm Ủy ban Kiểm tra" in minutes
    assert "Số ủy viên làm căn cứ tính kết quả bầu cử: 5" in minutes
    assert "| hội nghị UBKT |" in render_summary(record, "vi", "markdown")


def test_the_deputy_chair_comes_from_the_commission_and_needs_its_roll() -> None:
    with pytest.raises(ContestError) as missing:
        _congress(None)
    assert missing.value.code == "chain.no_commission_roll"
    stranger = Contest(
        id="pcn", body=Body.INSPECTION_DEPUTY_CHAIR, seats=1, candidates=["Nguyễn Văn Nam"]
    )
    with pytest.raises(ContestError) as refused:
        run_congress(_congress(CommitteeRoll(present=5), stranger), _ballots)
    assert refused.value.code == "chain.not_eligible"
