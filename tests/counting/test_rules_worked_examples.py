"""The worked examples and rules of RULES.md, each checked end to end."""

from __future__ import annotations

import pytest

from tally import (
    QC_190,
    BallotBuilder,
    Ballots,
    Body,
    CongressKind,
    Contest,
    ContestResult,
    OutcomeStatus,
    Roll,
    RollError,
    RuleSet,
    count_contest,
)
from tally.counting.count import count_ballots
from tally.counting.validity import InvalidReason, classify, reason_of
from tally.model.ballots import Observation
from tally.model.roll import Deduction
from tally.model.rules import Citation, PercentPolicy, Rounding

SECRETARY = "Lê Văn Tám"
AN, BINH, CUONG = "Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"


def secretary_contest() -> Contest:
    return Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=[SECRETARY])


def yes_no_ballots(contest: Contest, agree: int, disagree: int, both: int = 0) -> Ballots:
    entry = BallotBuilder(contest)
    marks = ["agree"] * agree + ["disagree"] * disagree + ["both"] * both
    for serial, mark in enumerate(marks, start=1):
        entry.add(
            f"{serial:03}",
            agree=[1] if mark == "agree" else [],
            disagree=[1] if mark == "disagree" else [],
            both=[1] if mark == "both" else [],
        )
    return entry.build()


def eleven_member_roll() -> Roll:
    """RULES §1 worked example: 11 official members, 1 absent with an accepted reason."""
    return Roll(
        kind=CongressKind.MEMBER_CONGRESS,
        convened=11,
        present=10,
        deductions={Deduction.ABSENT_WITH_REASON: 1},
    )


def strike_out_contest() -> Contest:
    return Contest(id="cu", body=Body.CELL_COMMITTEE, seats=2, candidates=[AN, BINH, CUONG])


def two_seat_yes_no_contest() -> Contest:
    return Contest(id="pbt", body=Body.UPPER_DELEGATES, seats=2, candidates=[AN, BINH])


def reasons(contest: Contest, ballots: Ballots, rules: RuleSet = QC_190) -> list[str | None]:
    return [reason_of(code) for code in classify(contest, ballots, rules).tolist()]


# --- the threshold: 11 members, 1 absent with reason, base 10 -------------------------------------


def test_eleven_members_one_absent_base_is_ten() -> None:
    roll = eleven_member_roll()
    assert roll.base == 10
    assert roll.min_votes_to_win == 6


def test_five_votes_of_base_ten_not_elected() -> None:
    contest = secretary_contest()
    result = count_contest(
        contest, yes_no_ballots(contest, agree=5, disagree=5), roll=eleven_member_roll(), issued=10
    )
    assert result.count.votes == (5,)
    assert result.count.valid == 10
    assert result.outcome.base == 10
    assert result.outcome.elected == ()
    assert result.outcome.status is OutcomeStatus.SHORTFALL
    assert result.outcome.open_seats == 1
    assert result.outcome.standings[0].above_threshold is False
    assert result.needs_decision


def test_six_votes_of_base_ten_elected() -> None:
    contest = secretary_contest()
    result = count_contest(
        contest, yes_no_ballots(contest, agree=6, disagree=4), roll=eleven_member_roll(), issued=10
    )
    assert result.count.votes == (6,)
    assert result.count.against == (4,)
    assert result.outcome.elected == (SECRETARY,)
    assert result.outcome.status is OutcomeStatus.COMPLETE
    assert result.outcome.open_seats == 0
    assert not result.needs_decision


def test_invalid_ballot_does_not_lower_the_base() -> None:
    # 5 agree, 4 disagree, 1 both boxes (invalid): 5 of 9 valid would be a majority of the valid
    # ballots, but the base stays 10 and 5 is not more than half of it.
    contest = secretary_contest()
    result = count_contest(
        contest,
        yes_no_ballots(contest, agree=5, disagree=4, both=1),
        roll=eleven_member_roll(),
        issued=10,
    )
    assert result.count.valid == 9
    assert result.count.invalid_by_reason[InvalidReason.YES_NO_UNCLEAR] == 1
    assert result.outcome.base == 10
    assert result.outcome.elected == ()


def test_members_present_who_do_not_vote_still_count() -> None:
    # 10 in the base, only 8 ballots returned: 5 of 8 is not more than half of 10.
    contest = secretary_contest()
    result = count_contest(
        contest, yes_no_ballots(contest, agree=5, disagree=3), roll=eleven_member_roll(), issued=10
    )
    assert result.count.collected == 8
    assert result.outcome.base == 10
    assert result.outcome.elected == ()


# --- exempted members count only when present ---------------------------------------------------


def exempt_roll() -> Roll:
    """20 convened; 3 exempted from activity, of whom 1 attends: only the 2 absent are deducted."""
    return Roll(
        kind=CongressKind.MEMBER_CONGRESS,
        convened=20,
        present=18,
        deductions={Deduction.EXEMPT_ABSENT: 2},
    )


def test_exempted_member_who_attends_counts_in_base() -> None:
    roll = exempt_roll()
    assert roll.base == 18
    assert roll.min_votes_to_win == 10


def test_deducting_an_exempted_member_who_is_present_is_rejected() -> None:
    # All 3 exempted deducted while 18 are present (the attending one among them): 18 + 3 > 20.
    with pytest.raises(RollError) as info:
        Roll(
            kind=CongressKind.MEMBER_CONGRESS,
            convened=20,
            present=18,
            deductions={Deduction.EXEMPT_ABSENT: 3},
        )
    assert info.value.where.field == "present"


def test_exempted_attendee_raises_the_votes_needed() -> None:
    # Base 18: 9 votes is exactly half (not elected); it would have won against a base of 17.
    contest = secretary_contest()
    nine = count_contest(
        contest, yes_no_ballots(contest, agree=9, disagree=9), roll=exempt_roll(), issued=18
    )
    assert nine.outcome.base == 18
    assert nine.outcome.elected == ()
    ten = count_contest(
        contest, yes_no_ballots(contest, agree=10, disagree=8), roll=exempt_roll(), issued=18
    )
    assert ten.outcome.elected == (SECRETARY,)


# --- strike-out ballots -------------------------------------------------------------------------


def test_strike_out_ballot_with_nothing_struck_is_over_seats() -> None:
    contest = strike_out_contest()
    entry = BallotBuilder(contest)
    entry.add("001")
    entry.add("002", struck=[])
    assert reasons(contest, entry.build()) == ["over_seats", "over_seats"]


def test_strike_out_ballot_with_too_few_struck_is_over_seats() -> None:
    contest = Contest(
        id="bch",
        body=Body.UPPER_DELEGATES,
        seats=2,
        candidates=[AN, BINH, CUONG, "Phạm Thị Dung"],
    )
    entry = BallotBuilder(contest)
    entry.add("001", struck=[1])  # 3 kept for 2 seats
    entry.add("002", struck=[1, 2])  # 2 kept: valid
    entry.add("003", struck=[1, 2, 3])  # 1 kept: valid (short)
    assert reasons(contest, entry.build()) == ["over_seats", None, None]


def test_strike_out_ballot_with_every_name_struck_is_no_vote() -> None:
    contest = strike_out_contest()
    entry = BallotBuilder(contest)
    entry.add("001", struck=[AN, BINH, CUONG])
    entry.add("002", kept=[])
    assert reasons(contest, entry.build()) == ["no_vote", "no_vote"]


def test_strike_out_valid_ballots_full_and_short() -> None:
    contest = strike_out_contest()
    entry = BallotBuilder(contest)
    entry.add("001", struck=[CUONG])
    entry.add("002", kept=[BINH])
    ballots = entry.build()
    assert reasons(contest, ballots) == [None, None]
    count = count_ballots(contest, ballots)
    assert count.votes == (1, 2, 0)
    assert count.against == (1, 0, 2)


def test_invalid_strike_out_ballots_give_no_votes() -> None:
    contest = strike_out_contest()
    entry = BallotBuilder(contest)
    entry.add("001")  # over_seats: three names kept
    entry.add("002", struck=[AN, BINH, CUONG])  # no_vote
    entry.add("003", struck=[AN])  # valid: Bình, Cường
    count = count_ballots(contest, entry.build())
    assert count.votes == (0, 1, 1)
    assert count.valid == 1
    assert count.invalid == 2
    assert count.collected == 3


# --- yes/no ballots -----------------------------------------------------------------------------


def test_multi_candidate_yes_no_both_boxes_on_one_name_stays_valid() -> None:
    contest = two_seat_yes_no_contest()
    entry = BallotBuilder(contest)
    entry.add("001", both=[AN], agree=[BINH])
    ballots = entry.build()
    assert reasons(contest, ballots) == [None]
    count = count_ballots(contest, ballots)
    assert count.valid == 1
    assert count.votes == (0, 1)  # An gets no vote from it, Bình gets one
    assert count.against == (0, 0)
    assert count.unmarked == (1, 0)


def test_multi_candidate_yes_no_agreeing_with_nobody_votes_for_nobody() -> None:
    """RULES §3: a multi-name yes/no ballot that disagrees with every name (or leaves the
    rest unclear) votes for nobody on a multi-name list: invalid, no_vote (QĐ 244 Art. 17;
    the Party presets' default, confidence P). With the policy off it stays valid and counts
    against the names disagreed."""
    contest = two_seat_yes_no_contest()
    entry = BallotBuilder(contest)
    entry.add("001", disagree=[BINH])  # An: neither box
    entry.add("002", disagree=[AN, BINH])
    ballots = entry.build()
    assert reasons(contest, ballots) == ["no_vote", "no_vote"]
    assert count_ballots(contest, ballots).valid == 0
    assert QC_190.validity.no_agree_citation is not None
    assert QC_190.validity.no_agree_citation.confidence == "P"
    off = QC_190.validity.model_copy(update={"no_agree_yes_no_invalid": False})
    rules = QC_190.model_copy(update={"name": "no_agree_valid", "validity": off})
    assert reasons(contest, ballots, rules) == [None, None]
    count = count_ballots(contest, ballots, rules)
    assert count.votes == (0, 0)
    assert count.against == (1, 2)
    assert count.unmarked == (1, 0)


@pytest.mark.parametrize("both", [[1], []], ids=["both", "neither"])
def test_one_candidate_yes_no_both_or_neither_is_unclear(both: list[int]) -> None:
    contest = secretary_contest()
    entry = BallotBuilder(contest)
    entry.add("001", both=both)
    entry.add("002", agree=[1])
    entry.add("003", disagree=[1])
    ballots = entry.build()
    assert reasons(contest, ballots) == ["yes_no_unclear", None, None]
    count = count_ballots(contest, ballots)
    assert count.votes == (1,)
    assert count.against == (1,)
    assert count.unmarked == (0,)


def test_multi_candidate_yes_no_no_clear_mark_anywhere_is_no_vote() -> None:
    contest = two_seat_yes_no_contest()
    entry = BallotBuilder(contest)
    entry.add("001", both=[AN])  # Bình: neither
    entry.add("002", both=[AN, BINH])
    entry.add("003")  # nothing marked
    assert reasons(contest, entry.build()) == ["no_vote", "no_vote", "no_vote"]


def lenient_rules() -> RuleSet:
    validity = QC_190.validity.model_copy(
        update={"all_unmarked_yes_no_invalid": False, "no_agree_yes_no_invalid": False}
    )
    return QC_190.model_copy(update={"name": "lenient", "validity": validity})


def test_multi_candidate_yes_no_no_clear_mark_valid_when_policy_off() -> None:
    contest = two_seat_yes_no_contest()
    entry = BallotBuilder(contest)
    entry.add("001", both=[AN])
    entry.add("002")
    ballots = entry.build()
    assert reasons(contest, ballots, lenient_rules()) == [None, None]
    count = count_ballots(contest, ballots, lenient_rules())
    assert count.valid == 2
    assert count.votes == (0, 0)
    assert count.unmarked == (2, 2)


def test_one_candidate_unclear_even_when_policy_off() -> None:
    # The flag is about multi-candidate ballots; a one-candidate ballot with both boxes stays
    # invalid (RULES §3, yes_no_unclear).
    contest = secretary_contest()
    entry = BallotBuilder(contest)
    entry.add("001", both=[1])
    assert reasons(contest, entry.build(), lenient_rules()) == ["yes_no_unclear"]


# --- the board's observations -------------------------------------------------------------------


@pytest.mark.parametrize("observation", ["not_issued", "write_in", "identifying_mark"])
def test_observation_invalidates_an_otherwise_valid_ballot(observation: str) -> None:
    contest = strike_out_contest()
    entry = BallotBuilder(contest)
    entry.add("001", struck=[CUONG], observations=[observation])
    entry.add("002", struck=[CUONG])
    ballots = entry.build()
    assert reasons(contest, ballots) == [observation, None]
    count = count_ballots(contest, ballots)
    assert count.votes == (1, 1, 0)
    assert count.invalid_by_reason[InvalidReason(observation)] == 1


@pytest.mark.parametrize(
    ("observations", "expected"),
    [
        (["not_issued", "identifying_mark", "write_in"], "not_issued"),
        (["write_in", "not_issued"], "not_issued"),
        (["identifying_mark", "not_issued"], "not_issued"),
        (["write_in", "identifying_mark"], "identifying_mark"),
        (["write_in"], "write_in"),
    ],
)
def test_observation_precedence(observations: list[str], expected: str) -> None:
    contest = strike_out_contest()
    entry = BallotBuilder(contest)
    entry.add("001", struck=[CUONG], observations=observations)
    assert reasons(contest, entry.build()) == [expected]


@pytest.mark.parametrize("observation", ["not_issued", "identifying_mark", "write_in"])
def test_observation_outranks_what_the_marks_show(observation: str) -> None:
    contest = strike_out_contest()
    entry = BallotBuilder(contest)
    entry.add("001", observations=[observation])  # nothing struck: over_seats by the marks
    entry.add("002", struck=[AN, BINH, CUONG], observations=[observation])  # no_vote by marks
    assert reasons(contest, entry.build()) == [observation, observation]


def test_observation_outranks_yes_no_unclear() -> None:
    contest = secretary_contest()
    entry = BallotBuilder(contest)
    entry.add("001", both=[1], observations=["write_in"])
    assert reasons(contest, entry.build()) == ["write_in"]


def test_observation_flags_in_bulk_arrays() -> None:
    contest = strike_out_contest()
    flags = [
        0,
        int(Observation.WRITE_IN),
        int(Observation.IDENTIFYING_MARK | Observation.WRITE_IN),
        int(Observation.NOT_ISSUED | Observation.IDENTIFYING_MARK),
    ]
    ballots = Ballots.from_arrays(contest, [[1, 1, 0]] * 4, observations=flags)
    assert reasons(contest, ballots) == [None, "write_in", "identifying_mark", "not_issued"]


def test_invalid_ballots_counted_as_collected_never_for_candidates() -> None:
    contest = secretary_contest()
    entry = BallotBuilder(contest)
    entry.add("001", agree=[1], observations=["identifying_mark"])
    entry.add("002", agree=[1], observations=["not_issued"])
    entry.add("003", agree=[1])
    roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3)
    result: ContestResult = count_contest(contest, entry.build(), roll=roll, issued=3)
    assert result.count.collected == 3
    assert result.count.valid == 1
    assert result.count.invalid == 2
    assert result.count.votes == (1,)
    assert result.outcome.elected == ()  # 1 of base 3 is not more than half


# --- percentages (display only) ----------------------------------------------------------------


def truncating() -> PercentPolicy:
    return PercentPolicy(rounding=Rounding.TRUNCATE, citation=Citation(source="t", confidence="U"))


@pytest.mark.parametrize(
    ("votes", "base", "half_up", "truncate"),
    [
        (2, 3, "66,67", "66,66"),
        (1, 3, "33,33", "33,33"),
        (6, 11, "54,55", "54,54"),
        (5, 11, "45,45", "45,45"),
        (1, 800, "0,13", "0,12"),  # 0.125 exactly: half-up rounds up
        (7, 8, "87,50", "87,50"),
        (5, 10, "50,00", "50,00"),
        (10, 10, "100,00", "100,00"),
        (0, 10, "0,00", "0,00"),
        (199, 200, "99,50", "99,50"),
        (1999, 2000, "99,95", "99,95"),
        (19999, 20000, "100,00", "99,99"),  # 99.995 rounds up to 100
    ],
)
def test_percent_half_up_and_truncate(votes: int, base: int, half_up: str, truncate: str) -> None:
    assert QC_190.percent.format(votes, base, "vi") == half_up
    assert truncating().format(votes, base, "vi") == truncate


def test_percent_vietnamese_comma_english_point() -> None:
    assert QC_190.percent.format(2, 3) == "66,67"
    assert QC_190.percent.format(2, 3, "vi") == "66,67"
    assert QC_190.percent.format(2, 3, "en") == "66.67"
    assert truncating().format(2, 3, "en") == "66.66"


def test_percent_is_of_the_base_not_of_ballots() -> None:
    contest = secretary_contest()
    result = count_contest(
        contest, yes_no_ballots(contest, agree=6, disagree=2), roll=eleven_member_roll(), issued=10
    )
    votes = result.count.votes[0]
    assert QC_190.percent.format(votes, result.outcome.base) == "60,00"  # 6/10, not 6/8


def test_percent_zero_decimals() -> None:
    policy = QC_190.percent.model_copy(update={"decimals": 0})
    assert policy.format(2, 3) == "67"
    assert policy.format(1, 3) == "33"
    assert policy.model_copy(update={"rounding": Rounding.TRUNCATE}).format(2, 3) == "66"


def test_percent_of_zero_base_is_a_dash() -> None:
    assert QC_190.percent.format(0, 0) == "—"


def test_a_rule_set_recorded_before_the_no_agree_policy_reads_back_as_it_was_counted() -> None:
    """Logs and results written before the policy existed hold rule sets without it: read
    back, they keep counting a ballot agreeing with nobody as valid, so they replay alike."""
    recorded = QC_190.model_dump(mode="json")
    del recorded["validity"]["no_agree_yes_no_invalid"], recorded["validity"]["no_agree_citation"]
    older = RuleSet.model_validate(recorded)
    assert older.validity.no_agree_yes_no_invalid is False
    contest = two_seat_yes_no_contest()
    entry = BallotBuilder(contest)
    entry.add("001", disagree=[AN, BINH])
    assert reasons(contest, entry.build(), older) == [None]
