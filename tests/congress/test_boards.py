"""Each contest is counted, and its minutes signed, by its own board (QĐ 190-QĐ/TW Điều 8): the
congress's, the new committee's conference's, or one the spec gives the contest."""

from __future__ import annotations

import pytest

from tally.congress.chain import Venue
from tally.congress.minutes_context import MinutesContext
from tally.congress.run import run_congress
from tally.errors import BoardError, TallyError
from tally.io.spec import congress_from_toml
from tally.model.ballots import Ballots
from tally.render.minutes import render_minutes
from tests.text import flat

GIVEN = ("An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khoa", "Lâm", "Minh", "Nam")
BCH = [f"Nguyễn Văn {given}" for given in GIVEN]

SPEC = f"""
[congress]
name = "Đại hội Đảng bộ xã Tân Lập lần thứ I"
[roll]
kind = "delegate_congress"
convened = 100
present = 100
[committee_roll]
present = 9
[[board]]
name = "Lê Thị Hoa"
role = "head"
[[board]]
name = "Trần Văn Mạnh"
[[board]]
name = "Phạm Thị Ngân"
role = "head"
venue = "committee"
[[board]]
name = "Đỗ Văn Phúc"
venue = "committee"
[[contest]]
id = "bch"
body = "executive_committee"
seats = 9
issued = 100
collected = 100
candidates = {BCH!r}
[[contest]]
id = "btv"
body = "standing_committee"
seats = 2
issued = 9
collected = 9
candidates = {BCH[:3]!r}
"""


def test_the_committee_conference_signs_with_its_own_board() -> None:
    congress = congress_from_toml(SPEC)
    assert [m.name for m in congress.board_for("bch")] == ["Lê Thị Hoa", "Trần Văn Mạnh"]
    assert [m.name for m in congress.board_for("btv")] == ["Phạm Thị Ngân", "Đỗ Văn Phúc"]
    bch, btv = (congress.plan(c).contest for c in ("bch", "btv"))
    record = run_congress(
        congress,
        {
            "bch": Ballots.from_arrays(bch, [[1] * 9 + [0]] * 100),
            "btv": Ballots.from_arrays(btv, [[1, 1, 0]] * 9),
        },
    )
    minutes = {
        c.contest_id: flat(render_minutes(c.rounds[0], MinutesContext.of(congress, c.contest_id)))
        for c in record.contests
    }
    assert "Phạm Thị Ngân" in minutes["btv"] and "Lê Thị Hoa" not in minutes["btv"]
    assert "Lê Thị Hoa" in minutes["bch"] and "Phạm Thị Ngân" not in minutes["bch"]
    signed = minutes["btv"].split("T/M BAN KIỂM PHIẾU")[1]
    assert "Phạm Thị Ngân" in signed and "Đỗ Văn Phúc" in minutes["btv"].split("CÁC ỦY VIÊN")[1]


def test_a_contest_may_have_a_board_of_its_own() -> None:
    spec = SPEC.replace(
        'id = "btv"',
        'id = "btv"\nboard = [{ name = "Vũ Thị Oanh", role = "head" }, { name = "Hà Văn Quý" }]',
    )
    congress = congress_from_toml(spec)
    assert [m.name for m in congress.board_for("btv")] == ["Vũ Thị Oanh", "Hà Văn Quý"]
    assert congress.venue_board(Venue.COMMITTEE)[0].name == "Phạm Thị Ngân"


def test_a_contests_board_member_may_not_be_on_its_list() -> None:
    spec = SPEC.replace(
        'id = "btv"',
        f'id = "btv"\nboard = [{{ name = "{BCH[0]}", role = "head" }}]',
    )
    with pytest.raises(TallyError) as raised:
        congress_from_toml(spec)
    assert raised.value.code == "board.on_list"
    assert raised.value.where.field == "contest.btv.candidates"


def test_each_board_needs_one_head() -> None:
    spec = SPEC.replace('name = "Phạm Thị Ngân"\nrole = "head"', 'name = "Phạm Thị Ngân"')
    with pytest.raises(TallyError) as raised:
        congress_from_toml(spec)
    assert isinstance(raised.value, BoardError) and raised.value.code == "board.one_head"


def test_without_a_board_of_its_own_the_conference_falls_back_to_the_congresss() -> None:
    spec = SPEC.replace('venue = "committee"\n', "").replace(
        'name = "Phạm Thị Ngân"\nrole = "head"', 'name = "Phạm Thị Ngân"'
    )
    congress = congress_from_toml(spec)
    assert congress.board_for("btv") == congress.board_for("bch")
