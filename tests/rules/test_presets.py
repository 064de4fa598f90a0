"""The neighbouring rule sets (RULES §8) as presets of the same policies: worked examples from
each source, and the presets being data — the pipeline never asks which preset it runs."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tally import Ballots, Body, CongressKind, Contest, Roll
from tally.congress.plan import BoardMember, Congress, ContestPlan, RoundPlan
from tally.congress.run import ContestStatus, run_congress
from tally.counting.outcome import OutcomeStatus
from tally.counting.result import count_contest
from tally.errors import ContestError, RollError
from tally.model.presets import (
    PEOPLES_COUNCIL,
    PRESETS,
    STATE,
    TRADE_UNION,
    YOUTH_UNION,
)
from tally.model.roll import Deduction
from tally.model.rules import Organisation, RuleSet
from tally.render.minutes import render_minutes
from tally.render.summary import render_summary
from tally.testing import counted_contests
from tests.strategies import Case, fitted
from tests.text import flat

ROOT = Path(__file__).resolve().parents[2]
SECRETARY = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Nguyễn Thị Mai"])
MEMBERS = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=30, present=28)


def _one_name(
    agree: int, disagree: int, blank: int, both: int, contest: Contest = SECRETARY
) -> Ballots:
    rows = [[1]] * agree + [[2]] * disagree + [[0]] * blank + [[3]] * both
    return Ballots.from_arrays(contest, rows)


# --- Youth Union: base the ballots collected, a blank one-name ballot valid, two rounds ------


def test_youth_union_counts_a_blank_one_name_ballot_as_valid_against_the_ballots_collected() -> (
    None
):
    # 28 collected: 14 agree, 10 disagree, 3 blank (valid), 1 both boxes (invalid).
    result = count_contest(
        SECRETARY, _one_name(14, 10, 3, 1), roll=MEMBERS, issued=28, rules=YOUTH_UNION
    )
    assert (result.count.valid, result.count.invalid) == (27, 1)
    assert result.count.unmarked == (3,)
    assert result.outcome.base == 28  # collected, the invalid one included
    assert result.outcome.elected == ()  # 14 is not more than half of 28
    # Under the Party's rules the blanks are invalid, and the base is the roll's 30.
    party = count_contest(SECRETARY, _one_name(14, 10, 3, 1), roll=MEMBERS, issued=28)
    assert (party.count.valid, party.outcome.base) == (24, 30)
    minutes = flat(render_minutes(result, None, "vi"))
    assert "ĐOÀN TNCS HỒ CHÍ MINH" in minutes and "Số đoàn viên được triệu tập: 30" in minutes
    assert "Căn cứ tính kết quả: số phiếu thu vào: 28" in minutes


def _youth_congress(rounds: int) -> Congress:
    return Congress(
        name="Đại hội Chi đoàn thử",
        roll=MEMBERS,
        rules=YOUTH_UNION,
        board=[BoardMember(name="Lý Thị Thu", role="head")],
        contests=[
            ContestPlan(
                contest=SECRETARY,
                issued=28,
                rounds=tuple(RoundPlan(issued=28) for _ in range(rounds - 1)),
            )
        ],
    )


def test_youth_union_holds_at_most_two_rounds() -> None:
    with pytest.raises(ContestError) as refused:
        _youth_congress(3)
    assert refused.value.code == "round.too_many_for_rules"
    congress = _youth_congress(2)
    record = run_congress(congress, lambda _id, _n, contest: _one_name(10, 14, 3, 1, contest))
    bt = record.contest("bt")
    assert len(bt.rounds) == 2 and bt.status is ContestStatus.NO_FURTHER_ROUND
    assert bt.next_round is None
    summary = flat(render_summary(record, "vi"))
    assert "Bí thư Chi đoàn: đã bầu 2 lần, tối đa theo quy định" in summary
    assert "không bầu tiếp" in flat(render_minutes(bt.rounds[1], congress, "vi"))


# --- State: base the valid ballots, a turnout gate, ties to the older -----------------------

DEPUTIES = Contest(
    id="hdnd",
    body=Body.EXECUTIVE_COMMITTEE,
    seats=2,
    candidates=[
        {"name": "Nguyễn Văn An", "birth_date": dt.date(1970, 1, 1)},
        {"name": "Lê Thị Bình", "birth_date": dt.date(1980, 1, 1)},
        {"name": "Trần Văn Cường", "birth_date": dt.date(1975, 1, 1)},
        {"name": "Phạm Thị Dung", "birth_date": dt.date(1985, 1, 1)},
    ],
)
VOTERS = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=100, present=100)


def _state_ballots(n: int) -> Ballots:
    # An kept by all, Bình and Cường each by half (tied, both above half of the valid), Dung
    # by none; one ballot in twenty strikes every name (invalid, as the law says).
    rows = []
    for i in range(n):
        rows.append([0, 0, 0, 0] if i % 20 == 19 else [1, i % 2, 1 - i % 2, 0])
    return Ballots.from_arrays(DEPUTIES, rows)


def test_state_below_half_turnout_elects_nobody_and_the_vote_is_held_again() -> None:
    result = count_contest(DEPUTIES, _state_ballots(50), roll=VOTERS, issued=50, rules=STATE)
    assert result.turnout is not None and not result.turnout.met  # 50 of 100 is not more
    assert result.outcome.status is OutcomeStatus.TURNOUT_NOT_MET
    assert result.outcome.elected == () and result.outcome.open_seats == 2
    minutes = flat(render_minutes(result, None, "vi"))
    assert "50/100, KHÔNG QUÁ MỘT NỬA số được triệu tập" in minutes
    assert "kết quả không được công nhận, không có người trúng cử" in minutes
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in minutes
    assert "Điều 78 khoản 1" in minutes


def test_a_state_re_run_stands_whatever_the_turnout() -> None:
    congress = Congress(
        name="Bầu cử đại biểu HĐND xã, đơn vị số 1",
        roll=VOTERS,
        rules=STATE,
        board=[BoardMember(name="Kiều Văn Phúc", role="head")],
        contests=[ContestPlan(contest=DEPUTIES, issued=50, rounds=(RoundPlan(issued=45),))],
    )
    sizes = {1: 50, 2: 45}  # both below half of the 100 voters
    record = run_congress(congress, lambda _id, n, contest: _rows(contest, sizes[n]))
    first, rerun = record.contest("hdnd").rounds
    assert first.outcome.status is OutcomeStatus.TURNOUT_NOT_MET
    assert record.contest("hdnd").rounds[0].turnout is not None
    assert rerun.turnout is None and rerun.outcome.status is not OutcomeStatus.TURNOUT_NOT_MET
    assert rerun.outcome.elected  # the re-run's result stands


def _rows(contest: Contest, n: int) -> Ballots:
    """``n`` ballots on ``contest``'s list keeping its first two names."""
    k = len(contest.candidates)
    return Ballots.from_arrays(contest, [[1, 1] + [0] * (k - 2)] * n)


def test_state_counts_against_the_valid_ballots_and_the_older_wins_a_tie() -> None:
    result = count_contest(DEPUTIES, _state_ballots(60), roll=VOTERS, issued=60, rules=STATE)
    assert result.turnout is not None and result.turnout.met
    assert result.count.valid == 57 and result.outcome.base == 57
    votes = dict(zip(DEPUTIES.names, result.count.votes, strict=True))
    assert votes["Nguyễn Văn An"] == 57
    assert result.outcome.elected[0] == "Nguyễn Văn An"
    assert "Số phiếu hợp lệ" in render_minutes(result, None, "vi")


def test_a_tie_under_state_rules_goes_to_the_older_candidate() -> None:
    # An, Bình and Cường 40 each of 60 valid: three tied for two seats
    rows = [[1, 1, 0, 0]] * 20 + [[1, 0, 1, 0]] * 20 + [[0, 1, 1, 0]] * 20
    result = count_contest(
        DEPUTIES, Ballots.from_arrays(DEPUTIES, rows), roll=VOTERS, issued=60, rules=STATE
    )
    assert result.outcome.tie is not None and result.outcome.tie_resolution is not None
    assert result.outcome.elected == ("Nguyễn Văn An", "Trần Văn Cường")  # 1970, 1975 < 1980


def test_a_state_shortfall_leads_to_a_supplementary_election() -> None:
    congress = Congress(
        name="Bầu cử đại biểu HĐND xã, đơn vị số 1",
        roll=VOTERS,
        rules=STATE,
        board=[BoardMember(name="Kiều Văn Phúc", role="head")],
        contests=[ContestPlan(contest=DEPUTIES, issued=60)],
    )
    rows = [[1, 0, 0, 0]] * 40 + [[0, 1, 1, 0]] * 20  # only An above half of 60
    record = run_congress(congress, {"hdnd": Ballots.from_arrays(DEPUTIES, rows)})
    summary = flat(render_summary(record, "vi"))
    assert "còn 1 chỉ tiêu; tổ chức bầu cử thêm theo quy định" in summary
    assert "Điều 79" in summary


# --- People's Council: all deputies, nothing deducted --------------------------------------


def test_a_peoples_council_counts_against_all_its_deputies_and_deducts_nobody() -> None:
    chair = Contest(id="ct", body=Body.SECRETARY, seats=1, candidates=["Ngô Văn Thành"])
    deputies = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=35, present=33)
    ballots = Ballots.from_arrays(chair, [[1]] * 17 + [[2]] * 16)
    result = count_contest(chair, ballots, roll=deputies, issued=33, rules=PEOPLES_COUNCIL)
    assert result.outcome.base == 35 and result.outcome.elected == ()  # 17 of 35 is not enough
    absent = deputies.model_copy(update={"deductions": {Deduction.ABSENT_WITH_REASON: 2}})
    with pytest.raises(RollError) as refused:
        count_contest(chair, ballots, roll=absent, issued=33, rules=PEOPLES_COUNCIL)
    assert refused.value.code == "roll.category_rules"


# --- the trade union: base collected, the reading rule on the minutes -----------------------


def test_the_trade_union_minutes_state_the_reading_rule_and_name_the_union_bodies() -> None:
    bch = Contest(
        id="bch",
        body=Body.EXECUTIVE_COMMITTEE,
        seats=2,
        candidates=["Nguyễn Thị Hằng", "Trần Văn Long", "Lê Thị Ngọc"],
    )
    ballots = Ballots.from_arrays(bch, [[1, 1, 0]] * 6 + [[0, 1, 1]] * 3 + [[1, 1, 1]])
    result = count_contest(bch, ballots, roll=MEMBERS, issued=10, rules=TRADE_UNION)
    assert result.outcome.base == 10  # collected, the over-seats ballot included
    minutes = flat(render_minutes(result, None, "vi"))
    assert "tên chỉ gạch họ hoặc tên đệm, hoặc chỉ gạch dưới, được coi là không gạch" in minutes
    assert "trúng cử Ban Chấp hành Công đoàn" in minutes


# --- presets are data ------------------------------------------------------------------------


def test_no_code_outside_the_presets_names_a_preset() -> None:
    # The pipeline asks only for policy values; a preset's name appears in its definition (and
    # in words and docs), never in a branch.
    names = [name for name in PRESETS if name not in ("qc190", "qc244")]
    pattern = re.compile("|".join(rf'["\']{re.escape(n)}["\']' for n in names))
    allowed = {"presets.py", "rules.py"}
    for path in (ROOT / "src" / "tally").rglob("*.py"):
        if path.name in allowed or "catalogue" in path.parts:
            continue
        code = "\n".join(
            line for line in path.read_text(encoding="utf-8").splitlines() if ">>>" not in line
        )
        found = pattern.search(code)
        assert found is None, f"{path.relative_to(ROOT)} names a preset: {found.group(0)}"


def _renamed(rules: RuleSet) -> RuleSet:
    """The same policies under another name, title and organisation."""
    return rules.model_copy(
        update={"name": "x", "title": "y", "source": "z", "organisation": Organisation.PARTY}
    )


@given(counted_contests(max_candidates=10, max_convened=60), st.sampled_from(list(PRESETS)))
def test_a_preset_counts_as_its_policies_whatever_it_is_called(case: Case, name: str) -> None:
    rules = PRESETS[name]
    contest, batch, roll, issued = fitted(case, rules)
    named = count_contest(contest, batch, roll=roll, issued=issued, rules=rules)
    anonymous = count_contest(contest, batch, roll=roll, issued=issued, rules=_renamed(rules))
    assert named.count == anonymous.count
    assert named.outcome == anonymous.outcome
    assert named.turnout == anonymous.turnout and named.quorum == anonymous.quorum
