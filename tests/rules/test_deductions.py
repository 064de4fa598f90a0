"""The base at a committee conference (RULES §1): QĐ 24-QĐ/TW point 9.3.3 takes off the
incumbent members only those on temporary registration elsewhere, suspended, or prosecuted —
not "absent with a reason". The member-congress list stays available as an explicit policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from tally import Ballots, Body, CongressKind, Contest, Roll
from tally.counting.result import count_contest
from tally.errors import RollError
from tally.io.spec import load_congress
from tally.model.roll import Deduction
from tally.model.rules import CONFERENCE_DEDUCTIONS, QC_190, QC_244, DeductionPolicy, RuleSet

ROOT = Path(__file__).resolve().parents[2]
SECRETARY = Contest(id="bt", body=Body.SECRETARY, seats=1, candidates=["Nguyễn Văn An"])


def _conference(deductions: dict[Deduction, int]) -> Roll:
    return Roll(
        kind=CongressKind.COMMITTEE_CONFERENCE, convened=15, present=13, deductions=deductions
    )


def _count(roll: Roll, rules: RuleSet = QC_190, agree: int = 7) -> int:
    ballots = Ballots.from_arrays(SECRETARY, [[1]] * agree + [[2]] * (13 - agree))
    result = count_contest(SECRETARY, ballots, roll=roll, issued=13, rules=rules)
    return result.outcome.base


@pytest.mark.parametrize("rules", [QC_190, QC_244])
def test_the_party_presets_deduct_at_a_conference_what_qd24_lists(rules: RuleSet) -> None:
    assert rules.deductions.committee_conference == CONFERENCE_DEDUCTIONS
    assert Deduction.ABSENT_WITH_REASON not in rules.deductions.committee_conference
    assert rules.deductions.conference_citation is not None
    assert "9.3.3" in rules.deductions.conference_citation.render("vi")
    # the member congress keeps its own list (QĐ 190 Art. 30)
    assert Deduction.ABSENT_WITH_REASON in rules.deductions.member_congress
    roll = _conference({Deduction.SUSPENDED: 1, Deduction.PROSECUTED: 1})
    assert _count(roll, rules) == 13


def test_absent_with_a_reason_at_a_conference_is_refused_naming_the_field() -> None:
    roll = _conference({Deduction.ABSENT_WITH_REASON: 2})  # structurally a member category
    with pytest.raises(RollError) as caught:
        _count(roll)
    assert caught.value.where.field == "roll.deductions.absent_with_reason"
    assert "temporary_registration, suspended, prosecuted" in str(caught.value)


def test_the_member_congress_list_is_an_explicit_option() -> None:
    member_list = DeductionPolicy().member_congress
    rules = QC_190.model_copy(
        update={
            "deductions": QC_190.deductions.model_copy(update={"committee_conference": member_list})
        }
    )
    roll = _conference({Deduction.ABSENT_WITH_REASON: 2})
    assert _count(roll, rules) == 13  # 15 convened, 2 absent with a reason


def test_an_older_recorded_rule_set_reads_back_with_every_category() -> None:
    recorded = QC_190.model_dump(mode="json")
    del recorded["deductions"]
    old = RuleSet.model_validate(recorded)
    assert Deduction.ABSENT_WITH_REASON in old.deductions.committee_conference
    assert _count(_conference({Deduction.ABSENT_WITH_REASON: 2}), old) == 13


def test_a_spec_with_a_conference_absent_with_reason_is_refused_when_loaded(
    tmp_path: Path,
) -> None:
    spec = (ROOT / "examples" / "district_congress" / "congress.toml").read_text(encoding="utf-8")
    spec += "\n[committee_roll]\npresent = 30\ndeductions = { absent_with_reason = 1 }\n"
    path = tmp_path / "congress.toml"
    path.write_text(spec, encoding="utf-8")
    with pytest.raises(RollError) as caught:
        load_congress(path)
    assert caught.value.where.field == "committee_roll.deductions.absent_with_reason"
