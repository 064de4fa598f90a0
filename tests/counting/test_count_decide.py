"""Counting, reconciliation and the decision: count_ballots, decide, count_contest (RULES §3–4)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from tally import (
    QC_190,
    BallotBuilder,
    BallotError,
    Ballots,
    Body,
    CongressKind,
    Contest,
    DecisionError,
    Location,
    OutcomeStatus,
    ReconciliationError,
    Roll,
    RuleSet,
    TieDecision,
    count_contest,
)
from tally.counting.count import Count, count_ballots
from tally.counting.outcome import decide
from tally.counting.validity import InvalidReason
from tally.model.ballots import Observation
from tally.model.contest import BallotForm, Candidate
from tally.model.rules import Citation, TiePolicy, TieRule

AN, BINH, CUONG, DUNG, EM = (
    "Nguyễn Văn An",
    "Lê Thị Bình",
    "Trần Văn Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Em",
)
NAMES = (AN, BINH, CUONG, DUNG, EM)  # ballot order

# 20 strike-out ballots for 3 seats among 5, each keeping 3 names (Em always struck).
# Votes: An 12, Bình 18, Cường 14, Dung 16, Em 0.
RANKED_ROWS = (
    [[1, 1, 1, 0, 0]] * 4 + [[1, 1, 0, 1, 0]] * 6 + [[1, 0, 1, 1, 0]] * 2 + [[0, 1, 1, 1, 0]] * 8
)
# Votes: An 14, Bình 18, Cường 14, Dung 14, Em 0 — three tied at 14 for the 2 seats left.
TIED_ROWS = (
    [[1, 1, 1, 0, 0]] * 6 + [[1, 1, 0, 1, 0]] * 6 + [[1, 0, 1, 1, 0]] * 2 + [[0, 1, 1, 1, 0]] * 6
)


def delegates(candidates: list[str] | list[Candidate] | None = None, seats: int = 3) -> Contest:
    given: list[str] | list[Candidate] = list(NAMES[::-1]) if candidates is None else candidates
    return Contest(id="dbdh", body=Body.UPPER_DELEGATES, seats=seats, candidates=given)


def roll20() -> Roll:
    return Roll(kind=CongressKind.MEMBER_CONGRESS, convened=20, present=20)


def strike_count(votes: tuple[int, ...], valid: int, contest_id: str = "dbdh") -> Count:
    return Count(
        contest_id=contest_id,
        form=BallotForm.STRIKE_OUT,
        collected=valid,
        valid=valid,
        invalid_by_reason=dict.fromkeys(InvalidReason, 0),
        votes=votes,
        against=tuple(valid - v for v in votes),
        unmarked=(0,) * len(votes),
    )


def older_wins() -> RuleSet:
    tie = TieRule(
        policy=TiePolicy.OLDER_WINS,
        citation=Citation(source="Luật 85/2015/QH13", article="78", confidence="V"),
    )
    return QC_190.model_copy(update={"name": "older", "tie": tie})


def with_births(births: dict[str, date | None]) -> Contest:
    return delegates([Candidate(name=n, birth_date=births.get(n)) for n in NAMES])


# --- count_ballots -----------------------------------------------------------------------------


def test_count_strike_out_votes_and_reasons() -> None:
    c = Contest(id="cu", body=Body.CELL_COMMITTEE, seats=2, candidates=[AN, BINH, CUONG])
    ballots = Ballots.from_arrays(
        c,
        [[1, 1, 0], [1, 0, 1], [1, 1, 1], [0, 0, 0], [1, 0, 0]],
        observations=[0, 0, 0, 0, int(Observation.WRITE_IN)],
    )
    count = count_ballots(c, ballots)
    assert count.votes == (2, 1, 1)
    assert count.against == (0, 1, 1)
    assert count.unmarked == (0, 0, 0)
    assert count.valid == 2
    assert count.invalid == 3
    assert count.collected == 5
    assert count.invalid_by_reason == {
        InvalidReason.NOT_ISSUED: 0,
        InvalidReason.IDENTIFYING_MARK: 0,
        InvalidReason.WRITE_IN: 1,
        InvalidReason.OVER_SEATS: 1,
        InvalidReason.NO_VOTE: 1,
        InvalidReason.YES_NO_UNCLEAR: 0,
    }


def test_count_yes_no_votes_against_unmarked() -> None:
    c = Contest(id="pbt", body=Body.DEPUTY_SECRETARY, seats=2, candidates=[AN, BINH])
    ballots = Ballots.from_arrays(c, [[1, 2], [3, 1], [0, 0], [2, 2], [1, 0]])
    count = count_ballots(c, ballots)
    assert count.form is BallotForm.YES_NO
    # [2, 2] disagrees with both: it votes for nobody, invalid (QĐ 244 Art. 17), as [0, 0]
    assert count.valid == 3
    assert count.invalid_by_reason[InvalidReason.NO_VOTE] == 2
    assert count.votes == (2, 1)
    assert count.against == (0, 1)
    assert count.unmarked == (1, 1)
    no_agree_valid = QC_190.validity.model_copy(update={"no_agree_yes_no_invalid": False})
    lenient = count_ballots(c, ballots, QC_190.model_copy(update={"validity": no_agree_valid}))
    assert lenient.valid == 4 and lenient.against == (1, 2)  # the policy switched off


def test_count_ranked_rows() -> None:
    c = delegates()
    count = count_ballots(c, Ballots.from_arrays(c, RANKED_ROWS))
    assert count.votes == (12, 18, 14, 16, 0)
    assert count.against == (8, 2, 6, 4, 20)
    assert count.valid == count.collected == 20
    assert count.invalid == 0


def test_count_rejects_ballots_of_another_contest() -> None:
    c = delegates()
    other = Contest(id="other", body=Body.UPPER_DELEGATES, seats=3, candidates=list(NAMES))
    with pytest.raises(BallotError):
        count_ballots(c, Ballots.from_arrays(other, RANKED_ROWS))


def test_count_of_no_ballots() -> None:
    c = delegates()
    count = count_ballots(c, Ballots.from_arrays(c, np.zeros((0, 5), dtype=np.uint8)))
    assert count.collected == count.valid == 0
    assert count.votes == (0, 0, 0, 0, 0)


# --- merging batches ---------------------------------------------------------------------------


def test_count_of_batches_adds_up_to_count_of_all() -> None:
    c = delegates()
    rows = [*RANKED_ROWS, [1, 1, 1, 1, 0], [0, 0, 0, 0, 0], [1, 0, 0, 0, 0]]
    flags = [0] * len(rows)
    flags[3] = int(Observation.IDENTIFYING_MARK)
    serials = [f"{i:03}" for i in range(1, len(rows) + 1)]
    whole = Ballots.from_arrays(c, rows, serials=serials, observations=flags)
    a = Ballots.from_arrays(c, rows[:11], serials=serials[:11], observations=flags[:11])
    b = Ballots.from_arrays(c, rows[11:], serials=serials[11:], observations=flags[11:])
    merged = count_ballots(c, a) + count_ballots(c, b)
    assert merged == count_ballots(c, whole)
    assert merged == count_ballots(c, Ballots.concat([a, b]))
    # By hand: row 4 (keeps An, Bình, Cường) is invalid; row 21 over_seats, 22 no_vote,
    # row 23 valid for An.
    assert merged.collected == 23
    assert merged.valid == 20
    assert merged.invalid_by_reason[InvalidReason.IDENTIFYING_MARK] == 1
    assert merged.invalid_by_reason[InvalidReason.OVER_SEATS] == 1
    assert merged.invalid_by_reason[InvalidReason.NO_VOTE] == 1
    assert merged.votes == (12, 17, 13, 16, 0)


def test_merge_counts_of_different_contests_rejected() -> None:
    with pytest.raises(BallotError):
        strike_count((1, 0, 0, 0, 0), 1, "a") + strike_count((1, 0, 0, 0, 0), 1, "b")


def test_concat_rejects_duplicate_serials_across_batches() -> None:
    c = delegates()
    a = Ballots.from_arrays(c, RANKED_ROWS[:2], serials=["1", "2"])
    b = Ballots.from_arrays(c, RANKED_ROWS[2:4], serials=["3", "2"])
    with pytest.raises(BallotError) as info:
        Ballots.concat([a, b])
    assert info.value.where.serial == "2"


# --- reconciliation ----------------------------------------------------------------------------


def test_valid_plus_invalid_equals_collected() -> None:
    c = Contest(id="cu", body=Body.CELL_COMMITTEE, seats=2, candidates=[AN, BINH, CUONG])
    entry = BallotBuilder(c)
    entry.add("1", struck=[AN])
    entry.add("2")
    entry.add("3", struck=[AN, BINH, CUONG])
    entry.add("4", kept=[CUONG], observations=["not_issued"])
    count = count_ballots(c, entry.build())
    assert (count.valid, count.invalid, count.collected) == (1, 3, 4)


def test_count_that_does_not_add_up_is_rejected() -> None:
    with pytest.raises(ReconciliationError) as info:
        Count(
            contest_id="x",
            form=BallotForm.STRIKE_OUT,
            collected=10,
            valid=8,
            invalid_by_reason={InvalidReason.OVER_SEATS: 1},
            votes=(5, 3),
            against=(3, 5),
            unmarked=(0, 0),
        )
    assert info.value.code == "count.unreconciled"


def test_collected_more_than_issued_stops_the_count() -> None:
    c = delegates()
    with pytest.raises(ReconciliationError) as info:
        count_contest(c, Ballots.from_arrays(c, RANKED_ROWS), roll=roll20(), issued=19)
    err = info.value
    assert err.code == "count.collected_exceeds_issued"
    assert err.where.field == "contest.dbdh.issued"
    assert "20 ballots collected is more than the 19 issued" in err.message("en")


def test_collected_equal_to_or_less_than_issued_accepted() -> None:
    c = delegates()
    ballots = Ballots.from_arrays(c, RANKED_ROWS)
    assert count_contest(c, ballots, roll=roll20(), issued=20).count.collected == 20
    assert count_contest(c, ballots, roll=roll20(), issued=20, collected=20).issued == 20


@pytest.mark.parametrize("declared", [17, 19])
def test_declared_collected_different_from_entered_stops_the_count(declared: int) -> None:
    c = delegates()
    with pytest.raises(ReconciliationError) as info:
        count_contest(
            c, Ballots.from_arrays(c, RANKED_ROWS), roll=roll20(), issued=20, collected=declared
        )
    err = info.value
    assert err.code == "count.collected_mismatch"
    assert err.where.field == "contest.dbdh.collected"
    assert str(declared) in err.message("en")


def test_board_figures_must_fit_before_any_ballot_is_read() -> None:
    c = delegates()
    no_ballots = Ballots.from_arrays(c, np.zeros((0, 5)))
    with pytest.raises(ReconciliationError) as info:
        count_contest(c, no_ballots, roll=roll20(), issued=21)
    assert info.value.code == "count.issued_exceeds_present"
    with pytest.raises(ReconciliationError) as info:
        count_contest(c, no_ballots, roll=roll20(), issued=10, collected=11)
    assert info.value.code == "count.collected_exceeds_issued"
    assert info.value.where.field == "contest.dbdh.collected"


def test_negative_issued_rejected() -> None:
    c = delegates()
    with pytest.raises(ReconciliationError):
        count_contest(c, Ballots.from_arrays(c, np.zeros((0, 5))), roll=roll20(), issued=-1)


# --- who is elected ----------------------------------------------------------------------------


def test_elected_in_descending_votes() -> None:
    c = delegates()
    result = count_contest(c, Ballots.from_arrays(c, RANKED_ROWS), roll=roll20(), issued=20)
    outcome = result.outcome
    assert outcome.base == 20
    assert outcome.min_votes == 11
    assert outcome.elected == (BINH, DUNG, CUONG)
    assert outcome.status is OutcomeStatus.COMPLETE
    assert outcome.open_seats == 0
    assert outcome.tie is None
    # Standings in ballot order; An is above the threshold but fourth.
    assert [(s.number, s.name, s.votes) for s in outcome.standings] == [
        (1, AN, 12),
        (2, BINH, 18),
        (3, CUONG, 14),
        (4, DUNG, 16),
        (5, EM, 0),
    ]
    assert [s.above_threshold for s in outcome.standings] == [True, True, True, True, False]
    assert [s.elected for s in outcome.standings] == [False, True, True, True, False]
    assert [s.against for s in outcome.standings] == [8, 2, 6, 4, 20]


def test_exactly_half_is_not_elected() -> None:
    # Base 20: 10 votes is exactly half.
    outcome = decide(delegates(), strike_count((15, 12, 10, 9, 0), 20), base=20)
    assert outcome.elected == (AN, BINH)
    assert outcome.status is OutcomeStatus.SHORTFALL
    assert outcome.open_seats == 1
    assert [s.above_threshold for s in outcome.standings] == [True, True, False, False, False]


def test_shortfall_reports_open_seats() -> None:
    outcome = decide(delegates(), strike_count((3, 12, 2, 1, 0), 12), base=20)
    assert outcome.elected == (BINH,)
    assert outcome.open_seats == 2
    assert outcome.status is OutcomeStatus.SHORTFALL
    assert outcome.tie is None


def test_nobody_elected_all_seats_open() -> None:
    outcome = decide(delegates(), strike_count((10, 10, 10, 0, 0), 10), base=20)
    assert outcome.elected == ()
    assert outcome.open_seats == 3
    assert outcome.status is OutcomeStatus.SHORTFALL


def test_equal_votes_that_exactly_fill_the_seats_are_no_tie() -> None:
    outcome = decide(delegates(), strike_count((14, 18, 14, 5, 0), 20), base=20)
    assert outcome.tie is None
    assert outcome.elected == (BINH, AN, CUONG)  # equal votes in ballot order
    assert outcome.status is OutcomeStatus.COMPLETE


def test_equal_votes_above_the_cut_off_are_no_tie() -> None:
    outcome = decide(delegates(), strike_count((16, 16, 12, 11, 0), 20), base=20)
    assert outcome.tie is None
    assert outcome.elected == (AN, BINH, CUONG)
    assert outcome.status is OutcomeStatus.COMPLETE


def test_equal_votes_below_the_threshold_are_no_tie() -> None:
    # Cường and Dung tie at 9 but 9 is not above half of 20: a shortfall, not a tie.
    outcome = decide(delegates(seats=2), strike_count((15, 3, 9, 9, 0), 20), base=20)
    assert outcome.tie is None
    assert outcome.elected == (AN,)
    assert outcome.status is OutcomeStatus.SHORTFALL
    assert outcome.open_seats == 1


# --- ties at the cut-off -----------------------------------------------------------------------


def test_tie_at_cut_off_reported_not_broken() -> None:
    c = delegates()
    result = count_contest(c, Ballots.from_arrays(c, TIED_ROWS), roll=roll20(), issued=20)
    outcome = result.outcome
    assert result.count.votes == (14, 18, 14, 14, 0)
    assert outcome.status is OutcomeStatus.TIE
    assert outcome.tie is not None
    assert outcome.tie.candidates == (AN, CUONG, DUNG)
    assert outcome.tie.votes == 14
    assert outcome.tie.seats_at_stake == 2
    assert outcome.tie_resolution is None
    assert outcome.elected == (BINH,)
    assert outcome.open_seats == 2
    assert [s.elected for s in outcome.standings] == [False, True, False, False, False]
    assert result.needs_decision


def test_tie_for_a_single_seat_elects_nobody() -> None:
    c = Contest(id="bt", body=Body.SECRETARY, seats=1, candidates=[AN, BINH])
    outcome = decide(c, strike_count((8, 8), 16, contest_id="bt"), base=15)
    assert outcome.tie is not None
    assert outcome.tie.candidates == (AN, BINH)
    assert outcome.tie.seats_at_stake == 1
    assert outcome.elected == ()
    assert outcome.status is OutcomeStatus.TIE


def test_recorded_decision_resolves_the_tie() -> None:
    c = delegates()
    decision = TieDecision(winners=(DUNG, AN), note="Bầu lại vòng 2")
    result = count_contest(
        c, Ballots.from_arrays(c, TIED_ROWS), roll=roll20(), issued=20, decision=decision
    )
    outcome = result.outcome
    assert outcome.status is OutcomeStatus.COMPLETE
    assert outcome.tie is not None  # still reported
    assert outcome.tie_resolution is not None
    assert outcome.tie_resolution.by is None
    assert set(outcome.tie_resolution.winners) == {AN, DUNG}
    assert outcome.tie_resolution.note == "Bầu lại vòng 2"
    assert set(outcome.elected) == {BINH, AN, DUNG}
    assert outcome.elected[0] == BINH
    assert outcome.open_seats == 0
    assert [s.elected for s in outcome.standings] == [True, True, False, True, False]
    assert not result.needs_decision


def test_decision_may_name_candidates_by_ballot_number() -> None:
    outcome = decide(
        delegates(),
        strike_count((14, 18, 14, 14, 0), 20),
        base=20,
        decision=TieDecision(winners=("3", "4"), note="vote"),
    )
    assert set(outcome.elected) == {BINH, CUONG, DUNG}


@pytest.mark.parametrize(
    "winners",
    [(BINH, AN), (EM, AN), ("Võ Văn Giang", AN)],
    ids=["sure-winner", "below-threshold", "not-on-list"],
)
def test_decision_naming_a_non_tied_candidate_rejected(winners: tuple[str, ...]) -> None:
    with pytest.raises(DecisionError) as info:
        decide(
            delegates(),
            strike_count((14, 18, 14, 14, 0), 20),
            base=20,
            decision=TieDecision(winners=winners, note="x"),
        )
    assert info.value.code == "decision.not_tied"
    assert info.value.where.field == "decision.winners"


@pytest.mark.parametrize("winners", [(AN,), (AN, CUONG, DUNG), ()])
def test_decision_with_wrong_number_of_winners_rejected(winners: tuple[str, ...]) -> None:
    with pytest.raises(DecisionError) as info:
        decide(
            delegates(),
            strike_count((14, 18, 14, 14, 0), 20),
            base=20,
            decision=TieDecision(winners=winners, note="x"),
        )
    assert info.value.code == "decision.wrong_number"


def test_decision_without_a_tie_rejected() -> None:
    c = delegates()
    with pytest.raises(DecisionError) as info:
        count_contest(
            c,
            Ballots.from_arrays(c, RANKED_ROWS),
            roll=roll20(),
            issued=20,
            decision=TieDecision(winners=(AN,), note="x"),
        )
    assert info.value.code == "decision.no_tie"


# --- older wins --------------------------------------------------------------------------------


def test_older_wins_resolves_by_birth_date() -> None:
    c = with_births(
        {
            AN: date(1970, 1, 1),
            BINH: date(1990, 1, 1),
            CUONG: date(1965, 5, 5),
            DUNG: date(1968, 3, 3),
            EM: date(1950, 1, 1),  # oldest of all, but not in the tie
        }
    )
    result = count_contest(
        c, Ballots.from_arrays(c, TIED_ROWS), roll=roll20(), issued=20, rules=older_wins()
    )
    outcome = result.outcome
    assert outcome.status is OutcomeStatus.COMPLETE
    assert outcome.tie is not None
    assert outcome.tie_resolution is not None
    assert outcome.tie_resolution.by is TiePolicy.OLDER_WINS
    assert set(outcome.tie_resolution.winners) == {CUONG, DUNG}
    assert set(outcome.elected) == {BINH, CUONG, DUNG}
    assert outcome.open_seats == 0


def test_older_wins_ignores_missing_birth_date_outside_the_tie() -> None:
    c = with_births({AN: date(1960, 1, 1), CUONG: date(1970, 1, 1), DUNG: date(1980, 1, 1)})
    outcome = decide(c, strike_count((14, 18, 14, 14, 0), 20), base=20, rules=older_wins())
    assert outcome.status is OutcomeStatus.COMPLETE
    assert set(outcome.elected) == {BINH, AN, CUONG}


def test_older_wins_unresolved_when_a_tied_birth_date_is_missing() -> None:
    c = with_births({AN: date(1960, 1, 1), BINH: date(1970, 1, 1), CUONG: date(1965, 1, 1)})
    outcome = decide(c, strike_count((14, 18, 14, 14, 0), 20), base=20, rules=older_wins())
    assert outcome.status is OutcomeStatus.TIE
    assert outcome.tie_resolution is None
    assert outcome.elected == (BINH,)
    assert outcome.open_seats == 2


def test_older_wins_unresolved_when_birth_dates_equal_at_the_cut() -> None:
    c = with_births({AN: date(1965, 5, 5), CUONG: date(1965, 5, 5), DUNG: date(1960, 1, 1)})
    outcome = decide(c, strike_count((14, 18, 14, 14, 0), 20), base=20, rules=older_wins())
    assert outcome.status is OutcomeStatus.TIE
    assert outcome.tie_resolution is None


def test_older_wins_resolved_when_equal_birth_dates_are_below_the_cut() -> None:
    # One seat at stake among three: the oldest (Dung) wins; An and Cường share a birth date
    # but both lose, so it does not matter.
    c = with_births({AN: date(1965, 5, 5), CUONG: date(1965, 5, 5), DUNG: date(1960, 1, 1)})
    outcome = decide(c, strike_count((14, 18, 14, 14, 16), 20), base=20, rules=older_wins())
    assert outcome.tie is not None
    assert outcome.tie.seats_at_stake == 1
    assert outcome.status is OutcomeStatus.COMPLETE
    assert outcome.elected[:2] == (BINH, EM)
    assert set(outcome.elected) == {BINH, EM, DUNG}


def test_default_revote_policy_never_uses_birth_dates() -> None:
    c = with_births({AN: date(1960, 1, 1), CUONG: date(1970, 1, 1), DUNG: date(1980, 1, 1)})
    outcome = decide(c, strike_count((14, 18, 14, 14, 0), 20), base=20)
    assert QC_190.tie.policy is TiePolicy.REVOTE
    assert outcome.status is OutcomeStatus.TIE
    assert outcome.tie_resolution is None


# --- BallotBuilder errors ----------------------------------------------------------------------


def strike_builder() -> BallotBuilder:
    return BallotBuilder(delegates())


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"struck": ["Võ Văn Giang"]}, "ballot.unknown_candidate"),
        ({"struck": [6]}, "ballot.unknown_candidate"),
        ({"struck": [0]}, "ballot.unknown_candidate"),
        ({"kept": ["9"]}, "ballot.unknown_candidate"),
        ({"kept": [AN], "struck": [BINH]}, "ballot.kept_and_struck_given"),
        ({"agree": [AN]}, "ballot.wrong_form"),
        ({"disagree": [1]}, "ballot.wrong_form"),
    ],
)
def test_strike_out_builder_errors_name_the_serial(
    kwargs: dict[str, list[int | str]], code: str
) -> None:
    builder = strike_builder()
    with pytest.raises(BallotError) as info:
        builder.add("0042", **kwargs)  # type: ignore[arg-type]
    assert info.value.code == code
    assert info.value.where.serial == "0042"
    assert "0042" in info.value.message("vi")
    assert "0042" in info.value.message("en")
    assert len(builder) == 0  # nothing half-recorded


def test_unknown_candidate_message_says_what_to_use() -> None:
    builder = strike_builder()
    with pytest.raises(BallotError) as info:
        builder.add("7", struck=["Võ Văn Giang"])
    assert "1–5" in info.value.message("en")
    assert "Võ Văn Giang" in info.value.message("en")


def test_duplicate_serial_rejected() -> None:
    builder = strike_builder()
    builder.add("0042", struck=[1, 2])
    with pytest.raises(BallotError) as info:
        builder.add(" 0042 ", struck=[3, 4])
    assert info.value.code == "ballot.duplicate_serial"
    assert info.value.where.serial == "0042"
    assert len(builder) == 1


def test_empty_serial_rejected() -> None:
    with pytest.raises(BallotError) as info:
        strike_builder().add("  ", struck=[1, 2])
    assert info.value.code == "ballot.empty_serial"


def test_unknown_observation_rejected() -> None:
    with pytest.raises(BallotError) as info:
        strike_builder().add("5", struck=[1, 2], observations=["torn"])
    assert info.value.code == "ballot.unknown_observation"
    assert info.value.where.serial == "5"


def test_builder_error_keeps_the_file_location() -> None:
    with pytest.raises(BallotError) as info:
        strike_builder().add("9", struck=[99], where=Location(file="b.csv", line=12))
    where = info.value.where
    assert (where.file, where.line, where.serial) == ("b.csv", 12, "9")
    assert info.value.message("en").startswith("b.csv, line 12, ballot 9: ")


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"kept": [1]}, "ballot.wrong_form"),
        ({"struck": []}, "ballot.wrong_form"),
        ({"agree": ["Võ Văn Giang"]}, "ballot.unknown_candidate"),
        ({"both": [3]}, "ballot.unknown_candidate"),
        ({"agree": [1], "disagree": [AN]}, "ballot.marked_twice"),
    ],
)
def test_yes_no_builder_errors_name_the_serial(
    kwargs: dict[str, list[int | str]], code: str
) -> None:
    c = Contest(id="pbt", body=Body.DEPUTY_SECRETARY, seats=2, candidates=[AN, BINH])
    with pytest.raises(BallotError) as info:
        BallotBuilder(c).add("s1", **kwargs)  # type: ignore[arg-type]
    assert info.value.code == code
    assert info.value.where.serial == "s1"


def test_builder_refers_by_name_or_number_alike() -> None:
    c = delegates()
    builder = BallotBuilder(c)
    builder.add("1", struck=[AN, "5"])
    builder.add("2", kept=[2, CUONG, "Phạm Thị Dung"])
    builder.add("3", struck=[" nguyễn  văn an ", 5])
    ballots = builder.build()
    assert ballots.marks.tolist() == [[0, 1, 1, 1, 0], [0, 1, 1, 1, 0], [0, 1, 1, 1, 0]]
    assert ballots.serials.tolist() == ["1", "2", "3"]


# --- Ballots.from_arrays -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "marks",
    [[1, 1, 1, 0, 0], [[1, 1, 1, 0]], [[1, 1, 1, 0, 0, 0]], [[[1, 1, 1, 0, 0]]]],
    ids=["1-d", "too-few-columns", "too-many-columns", "3-d"],
)
def test_from_arrays_wrong_shape_rejected(marks: object) -> None:
    with pytest.raises(BallotError) as info:
        Ballots.from_arrays(delegates(), marks)  # type: ignore[arg-type]
    assert info.value.code == "ballot.shape"


def test_from_arrays_two_on_strike_out_rejected() -> None:
    with pytest.raises(BallotError) as info:
        Ballots.from_arrays(delegates(), [[1, 1, 1, 0, 0], [1, 1, 0, 2, 0]], serials=["a", "b"])
    err = info.value
    assert err.code == "ballot.matrix_values"
    assert err.where.serial == "b"
    assert err.params["value"] == 2
    assert err.params["column"] == 4
    assert "0, 1" in err.message("en")


def test_from_arrays_four_on_yes_no_rejected() -> None:
    c = Contest(id="pbt", body=Body.DEPUTY_SECRETARY, seats=2, candidates=[AN, BINH])
    Ballots.from_arrays(c, [[0, 1], [2, 3]])  # every yes/no code is fine
    with pytest.raises(BallotError) as info:
        Ballots.from_arrays(c, [[0, 1], [4, 3]])
    assert info.value.code == "ballot.matrix_values"
    assert info.value.where.serial == "2"


def test_from_arrays_negative_in_integer_array_rejected() -> None:
    marks = np.array([[1, 1, 1, 0, 0], [1, -1, 1, 0, 0]], dtype=np.int64)
    with pytest.raises(BallotError) as info:
        Ballots.from_arrays(delegates(), marks)
    assert info.value.code == "ballot.matrix_values"
    assert info.value.params["value"] == -1
    assert info.value.where.serial == "2"


@pytest.mark.parametrize("bad", [-1, 256])
def test_from_arrays_out_of_range_in_list_rejected(bad: int) -> None:
    with pytest.raises(BallotError):
        Ballots.from_arrays(delegates(), [[1, 1, 1, 0, 0], [1, bad, 1, 0, 0]])


def test_from_arrays_fraction_rejected() -> None:
    with pytest.raises(BallotError):
        Ballots.from_arrays(delegates(), [[1, 1, 0.5, 0, 0]])


@pytest.mark.parametrize("bad", [np.nan, np.inf, 1.5, -0.5])
def test_from_arrays_float_that_is_no_mark_rejected(bad: float) -> None:
    marks = np.ones((3, 5))
    marks[2, 1] = bad
    with pytest.raises(BallotError) as info:
        Ballots.from_arrays(delegates(), marks)
    assert info.value.code == "ballot.matrix_values"
    assert info.value.where.serial == "3"
    assert info.value.params["column"] == 2


def test_from_arrays_error_in_a_later_block_names_its_ballot(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Other dtypes are checked a block of rows at a time; the ballot named is still right."""
    from tally.model import kernels

    monkeypatch.setattr(kernels, "BLOCK_BYTES", 1)
    marks = np.ones((2_000, 5), dtype=np.int16)
    marks[1_234, 3] = 7
    with pytest.raises(BallotError) as info:
        Ballots.from_arrays(delegates(), marks)
    assert info.value.where.serial == "1235"
    assert info.value.params["value"] == 7


def test_from_arrays_converts_booleans_integers_and_floats_alike() -> None:
    rows = np.array(RANKED_ROWS[:3])
    for source in (rows.astype(bool), rows.astype(np.int64), rows.astype(np.float32)):
        ballots = Ballots.from_arrays(delegates(), source)
        assert ballots.marks.dtype == np.uint8
        assert ballots.marks.tolist() == rows.tolist()


def test_from_arrays_duplicate_serials_rejected() -> None:
    with pytest.raises(BallotError) as info:
        Ballots.from_arrays(delegates(), RANKED_ROWS[:3], serials=["7", "8", "7"])
    assert info.value.code == "ballot.duplicate_serial"
    assert info.value.where.serial == "7"


def test_from_arrays_serials_of_wrong_length_rejected() -> None:
    with pytest.raises(BallotError) as info:
        Ballots.from_arrays(delegates(), RANKED_ROWS[:3], serials=["1", "2"])
    assert info.value.code == "ballot.length_mismatch"
    assert info.value.where.field == "serials"


def test_from_arrays_observations_out_of_range_rejected() -> None:
    with pytest.raises(BallotError) as info:
        Ballots.from_arrays(delegates(), RANKED_ROWS[:2], observations=[0, 8])
    assert info.value.code == "ballot.unknown_observation"


def test_from_arrays_defaults() -> None:
    ballots = Ballots.from_arrays(delegates(), RANKED_ROWS[:3])
    assert len(ballots) == 3
    assert ballots.serials.tolist() == [1, 2, 3]
    assert ballots.serials.dtype.kind == "u"
    assert not ballots.serials.flags.writeable
    assert ballots.observations.tolist() == [0, 0, 0]
    assert ballots.form is BallotForm.STRIKE_OUT
    assert ballots.marks.dtype == np.uint8


def test_ballots_are_read_only() -> None:
    ballots = Ballots.from_arrays(delegates(), RANKED_ROWS[:3])
    with pytest.raises(ValueError, match="read-only"):
        ballots.marks[0, 0] = 0


def test_vietnamese_form_messages_do_not_double_the_word_ballot() -> None:
    with pytest.raises(BallotError) as matrix:
        Ballots.from_arrays(delegates(), [[2, 1, 1, 0, 0]])
    with pytest.raises(BallotError) as form:
        strike_builder().add("1", agree=[1])
    assert "phiếu phiếu" not in matrix.value.message("vi")
    assert "phiếu phiếu" not in form.value.message("vi")


def test_decision_naming_the_same_winner_twice_is_rejected() -> None:
    contest = Contest(
        id="x", body=Body.EXECUTIVE_COMMITTEE, seats=1, candidates=["Lê Văn An", "Trần Văn Bình"]
    )
    count = count_ballots(contest, Ballots.from_arrays(contest, [[1, 0], [0, 1]]))
    with pytest.raises(DecisionError) as raised:
        decide(contest, count, base=1, decision=TieDecision(winners=("Lê Văn An",) * 2, note="x"))
    assert raised.value.code == "decision.duplicate"
