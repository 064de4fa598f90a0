"""Property tests of the counting invariants (DESIGN.md "Invariants"), on data drawn by the
public strategies of :mod:`tally.testing`, and a differential test of the numpy fast path against
the plain-Python reference in ``tests/reference.py``.
"""

from __future__ import annotations

import functools
import itertools
import operator
import unicodedata
from datetime import date

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import reference
from tally import (
    QC_190,
    QC_244,
    BallotBuilder,
    BallotForm,
    Ballots,
    Body,
    Candidate,
    CongressKind,
    Contest,
    ContestError,
    Count,
    Deduction,
    Observation,
    Outcome,
    OutcomeStatus,
    ReconciliationError,
    Roll,
    RuleSet,
    Tie,
    TieDecision,
    TiePolicy,
    check_list,
    classify,
    count_ballots,
    count_contest,
    decide,
)
from tally.ballots import MAX_MARK
from tally.roll import ALLOWED_DEDUCTIONS
from tally.testing import (
    GIVEN_NAMES,
    MIDDLE_NAMES,
    MINORITY_NAMES,
    SURNAMES,
    ballots,
    candidates,
    contests,
    counted_contests,
    rolls,
    vietnamese_names,
)
from tally.validity import REASONS, InvalidReason, reason_of

Case = tuple[Contest, Ballots, Roll, int]

# QC 190, QC 244 and a variant in which an all-unclear multi-candidate yes/no ballot is valid.
LENIENT = QC_190.model_copy(
    update={
        "name": "lenient",
        "validity": QC_190.validity.model_copy(update={"all_unmarked_yes_no_invalid": False}),
    }
)
OLDER_WINS = QC_190.model_copy(
    update={"name": "older", "tie": QC_190.tie.model_copy(update={"policy": TiePolicy.OLDER_WINS})}
)
rule_sets = st.sampled_from([QC_190, QC_244, LENIENT])


# --- helpers -------------------------------------------------------------------------------


def places(contest: Contest) -> int:
    """Names a ballot may vote for: the seats and the alternates elected on the same ballot."""
    return contest.seats + contest.alternates


def ref_count(contest: Contest, batch: Ballots, rules: RuleSet) -> reference.RefCount:
    return reference.count(
        batch.marks.tolist(),
        batch.observations.tolist(),
        len(contest.names),
        places(contest),
        rules.validity.all_unmarked_yes_no_invalid,
    )


def ref_decide(contest: Contest, votes: list[int], base: int) -> reference.RefOutcome:
    return reference.decide(list(contest.names), contest.seats, votes, base, contest.alternates)


def count_as_reference(count: Count) -> reference.RefCount:
    return reference.RefCount(
        collected=count.collected,
        valid=count.valid,
        invalid_by_reason={r.value: n for r, n in count.invalid_by_reason.items()},
        votes=list(count.votes),
        against=list(count.against),
        unmarked=list(count.unmarked),
    )


def roll_base(roll: Roll) -> int:
    return reference.base_of(roll.convened, list(roll.deductions.values()))


def as_typed(name: str) -> str:
    """``name`` as a board member might type it: decomposed accents, doubled spaces."""
    return unicodedata.normalize("NFD", name).replace(" ", "  ")


def subset(batch: Ballots, contest: Contest, rows: np.ndarray | slice) -> Ballots:
    return Ballots.from_arrays(
        contest, batch.marks[rows], batch.serials[rows], batch.observations[rows]
    )


def synthetic_count(contest: Contest, votes: list[int], valid: int) -> Count:
    return Count(
        contest_id=contest.id,
        form=contest.form,
        collected=valid,
        valid=valid,
        invalid_by_reason=dict.fromkeys(REASONS, 0),
        votes=tuple(votes),
        against=tuple(valid - v for v in votes),
        unmarked=(0,) * len(votes),
    )


@st.composite
def decided_counts(draw: st.DrawFn) -> tuple[Contest, Count, int]:
    """A small contest with arbitrary votes in a narrow range, so that equal votes are common."""
    contest = draw(
        contests(form=BallotForm.STRIKE_OUT, max_candidates=8)
        | contests(max_candidates=8)
        | contests(Body.UPPER_DELEGATES, BallotForm.STRIKE_OUT, max_candidates=8)  # alternates
    )
    valid = draw(st.integers(0, 8))
    k = len(contest.names)
    votes = draw(st.lists(st.integers(0, valid), min_size=k, max_size=k))
    base = draw(st.integers(1, max(1, valid)) | st.integers(1, 2 * valid + 2))
    return contest, synthetic_count(contest, votes, valid), base


BIRTH_DATES = [None, date(1960, 5, 1), date(1968, 2, 3), date(1968, 2, 3), date(1975, 9, 2)]


@st.composite
def tied_counts(draw: st.DrawFn) -> tuple[Contest, Count, int, Tie]:
    """A count that certainly ties at the cut-off, and the tie expected (under re-vote).

    Candidates get birth dates from a short list (some equal, some unknown), for the
    older-wins policy.
    """
    drawn = draw(contests(form=BallotForm.STRIKE_OUT, max_candidates=8))
    people = [
        c.model_copy(update={"birth_date": draw(st.sampled_from(BIRTH_DATES))})
        for c in drawn.candidates
    ]
    contest = drawn.model_copy(update={"candidates": tuple(people)})
    k, seats = len(contest.names), contest.seats
    order = draw(st.permutations(range(k)))
    sure = order[: draw(st.integers(0, seats - 1))]
    left = seats - len(sure)
    group = order[len(sure) : len(sure) + draw(st.integers(left + 1, k - len(sure)))]
    cut = draw(st.integers(1, 8))
    votes = [draw(st.integers(0, cut - 1)) for _ in range(k)]
    for j in sure:
        votes[j] = draw(st.integers(cut + 1, cut + 4))
    for j in group:
        votes[j] = cut
    base = draw(st.integers(1, 2 * cut - 1))
    tie = Tie(
        candidates=tuple(contest.names[j] for j in sorted(group)), votes=cut, seats_at_stake=left
    )
    return contest, synthetic_count(contest, votes, max(votes)), base, tie


@st.composite
def tied_contests(draw: st.DrawFn) -> tuple[Contest, Ballots, Roll, int]:
    """A strike-out contest whose ballots certainly tie at the cut-off, above the threshold.

    ``sure`` candidates are kept on every ballot; the others, in a group larger than the seats
    left, are kept in rotation on equal numbers of ballots, each ballot keeping ``left`` of them.
    """
    contest = draw(contests(form=BallotForm.STRIKE_OUT, max_candidates=12))
    k, seats = len(contest.names), contest.seats
    order = draw(st.permutations(range(k)))
    sure_count = draw(st.integers(0, seats - 1))
    left = seats - sure_count
    group = order[sure_count:]  # len(group) == k - sure_count > left
    rounds = draw(st.integers(1, 3))
    rows = []
    # Each rotation of the group keeps ``left`` consecutive members: every member is kept
    # ``left`` times per round of len(group) ballots.
    for _ in range(rounds):
        for start in range(len(group)):
            row = [0] * k
            for j in order[:sure_count]:
                row[j] = 1
            for step in range(left):
                row[group[(start + step) % len(group)]] = 1
            rows.append(row)
    n = len(rows)
    tied_votes = rounds * left
    # A base the tied votes pass: 2 * tied_votes > base.
    base = draw(st.integers(1, 2 * tied_votes - 1))
    convened = max(base, n)
    # Members registered temporarily elsewhere may attend, but do not count in the base.
    deductions = {Deduction.TEMPORARY_REGISTRATION: convened - base} if convened > base else {}
    roll = Roll(
        kind=CongressKind.MEMBER_CONGRESS, convened=convened, present=n, deductions=deductions
    )
    assert roll.base == base
    return contest, Ballots.from_arrays(contest, rows), roll, n


# --- the strategies themselves ---------------------------------------------------------------


@given(vietnamese_names())
def test_names_are_normalised_vietnamese_names(name: str) -> None:
    assert unicodedata.normalize("NFC", name) == name
    words = name.split(" ")
    assert len(words) >= 2 and all(words)
    if name not in MINORITY_NAMES:
        assert words[0] in SURNAMES and words[-1] in GIVEN_NAMES
        assert all(w in MIDDLE_NAMES for w in words[1:-1])
        assert len(set(words[1:-1])) == len(words) - 2


@given(candidates())
def test_candidates_have_a_gender_consistent_with_the_middle_name(candidate: Candidate) -> None:
    middle = candidate.person.middle.split()
    if "Thị" in middle:
        assert candidate.gender == "female"
    elif "Văn" in middle:
        assert candidate.gender == "male"
    if candidate.birth_date is not None:
        assert 1955 <= candidate.birth_date.year <= 2000


@given(counted_contests())
def test_counted_contests_are_consistent(case: Case) -> None:
    contest, batch, roll, issued = case
    check_list(contest)  # raises if the surplus rule is broken
    assert set(roll.deductions) <= ALLOWED_DEDUCTIONS[roll.kind]
    assert len(batch) <= issued <= roll.present <= roll.convened
    assert roll.base >= 1
    assert batch.contest_id == contest.id and batch.form is contest.form
    assert batch.marks.shape == (len(batch), len(contest.names))
    assert int(batch.marks.max(initial=0)) <= MAX_MARK[contest.form]
    assert len(set(batch.serials.tolist())) == len(batch)


@given(st.data(), contests(max_candidates=12), st.sampled_from([0.0, 0.1, 0.3]))
def test_ballots_strategy_makes_the_share_invalid_with_every_reason(
    data: st.DataObject, contest: Contest, share: float
) -> None:
    batch = data.draw(ballots(contest, min_n=12, max_n=60, invalid_share=share))
    count = count_ballots(contest, batch)
    n = len(batch)
    kinds = 5 if contest.form is BallotForm.STRIKE_OUT else 4  # reasons that can apply
    expected = round(share * n) if share == 0 else max(round(share * n), kinds)
    assert count.invalid == expected
    if share:
        seen = {r for r, m in count.invalid_by_reason.items() if m}
        assert {InvalidReason.NOT_ISSUED, InvalidReason.IDENTIFYING_MARK} <= seen
        assert InvalidReason.WRITE_IN in seen
        if contest.form is BallotForm.STRIKE_OUT:
            assert {InvalidReason.OVER_SEATS, InvalidReason.NO_VOTE} <= seen
        elif len(contest.names) == 1:
            assert InvalidReason.YES_NO_UNCLEAR in seen
        else:
            assert InvalidReason.NO_VOTE in seen


@given(contests(valid_list=False, max_candidates=20))
def test_ballot_order_follows_vietnamese_collation(contest: Contest) -> None:
    keys = [reference.ballot_key(name) for name in contest.names]
    assert keys == sorted(keys)


# Names that differ by one tone or one letter mark, where a wrong collation shows first.
CLOSE_GIVEN_NAMES = (
    "Anh", "Ánh", "Ảnh", "Ân", "Ăn", "Thu", "Thủy", "Thùy", "Thúy", "Thụy", "Thũy", "Dung",
    "Dũng", "Đức", "Hoa", "Hòa", "My", "Mỹ", "Hiền", "Hiển", "Hiến", "Sơn", "Sớn", "Son",
)  # fmt: skip
close_names = st.builds(
    lambda surname, middle, given: f"{surname} {middle} {given}",
    st.sampled_from(["Lê", "Lý", "Đỗ", "Đặng", "Dương", "Âu", "Ông"]),
    st.sampled_from(["Văn", "Thị", "Đức", "Ánh"]),
    st.sampled_from(CLOSE_GIVEN_NAMES),
)


@given(st.lists(close_names, min_size=2, max_size=12, unique=True))
def test_ballot_order_separates_tones_and_letter_marks(names: list[str]) -> None:
    contest = Contest(id="x", body=Body.UPPER_DELEGATES, seats=1, candidates=names)
    assert list(contest.names) == sorted(names, key=reference.ballot_key)


@given(rolls())
def test_rolls_deduct_only_allowed_categories(roll: Roll) -> None:
    assert set(roll.deductions) <= ALLOWED_DEDUCTIONS[roll.kind]
    assert 1 <= roll.base == roll_base(roll) <= roll.convened


@given(contests(valid_list=False, max_candidates=20))
def test_check_list_enforces_the_surplus_rule(contest: Contest) -> None:
    n, seats = len(contest.names), contest.seats
    if contest.body.is_committee:
        allowed = 1 if seats <= 5 else seats * 30 // 100
        ok = seats < n <= seats + allowed
    else:
        ok = True
    if ok:
        check_list(contest, QC_190)
    else:
        with pytest.raises(ContestError):
            check_list(contest, QC_190)


# --- reconciliation --------------------------------------------------------------------------


@given(counted_contests(), rule_sets)
def test_count_reconciles(case: Case, rules: RuleSet) -> None:
    contest, batch, roll, issued = case
    result = count_contest(contest, batch, roll=roll, issued=issued, rules=rules)
    count = result.count
    assert count.valid + count.invalid == count.collected == len(batch)
    assert count.collected <= issued
    for c in range(len(contest.names)):
        assert 0 <= count.votes[c] <= count.valid
        assert count.votes[c] + count.against[c] + count.unmarked[c] == count.valid
    if contest.form is BallotForm.STRIKE_OUT:
        assert sum(count.votes) <= count.valid * places(contest)
        assert count.unmarked == (0,) * len(contest.names)


@given(counted_contests(), st.integers(1, 5))
def test_more_collected_than_issued_stops_the_count(case: Case, excess: int) -> None:
    contest, batch, roll, _ = case
    issued = len(batch) - excess
    if issued >= 0:
        with pytest.raises(ReconciliationError):
            count_contest(contest, batch, roll=roll, issued=issued)
    # The board's own figure for ballots collected must match the ballots entered.
    with pytest.raises(ReconciliationError):
        count_contest(contest, batch, roll=roll, issued=len(batch), collected=len(batch) + 1)


@given(counted_contests())
def test_board_observations_override_any_marks(case: Case) -> None:
    contest, batch, _, _ = case
    flags = np.full(len(batch), int(Observation.NOT_ISSUED), dtype=np.uint8)
    rejected = Ballots.from_arrays(contest, batch.marks, batch.serials, flags)
    count = count_ballots(contest, rejected)
    assert count.valid == 0
    assert count.invalid_by_reason[InvalidReason.NOT_ISSUED] == len(batch)
    assert count.votes == (0,) * len(contest.names)


# --- the decision ----------------------------------------------------------------------------


@given(counted_contests(), rule_sets)
def test_winners_fit_the_seats_and_pass_the_threshold(case: Case, rules: RuleSet) -> None:
    contest, batch, roll, issued = case
    result = count_contest(contest, batch, roll=roll, issued=issued, rules=rules)
    outcome = result.outcome
    votes = dict(zip(contest.names, result.count.votes, strict=True))
    assert outcome.base == roll_base(roll)
    assert len(outcome.elected) <= contest.seats
    assert len(set(outcome.elected)) == len(outcome.elected)
    assert outcome.open_seats == contest.seats - len(outcome.elected)
    for name in outcome.elected:
        assert 2 * votes[name] > outcome.base
    assert [votes[n] for n in outcome.elected] == sorted(
        (votes[n] for n in outcome.elected), reverse=True
    )
    # Alternates on the same ballot: within their places, above the threshold, below the elected.
    assert len(outcome.alternates) <= contest.alternates
    assert not set(outcome.alternates) & set(outcome.elected)
    for name in outcome.alternates:
        assert 2 * votes[name] > outcome.base
        assert all(votes[name] <= votes[e] for e in outcome.elected)


def _check_nobody_passed_over(contest: Contest, count: Count, base: int) -> None:
    outcome = decide(contest, count, base)
    votes = dict(zip(contest.names, count.votes, strict=True))
    elected = set(outcome.elected)
    tied = set(outcome.tie.candidates) if outcome.tie else set()
    for loser in contest.names:
        if loser in elected or 2 * votes[loser] <= base:
            continue
        # A candidate above the threshold left out has fewer votes than every winner...
        assert all(votes[loser] < votes[w] for w in elected), (loser, outcome.elected)
        # ...and, while seats stay open, is in the reported tie or below it.
        if outcome.open_seats:
            assert outcome.tie is not None
            assert loser in tied or votes[loser] < outcome.tie.votes


@given(counted_contests())
def test_nobody_is_passed_over_by_fewer_votes(case: Case) -> None:
    contest, batch, roll, _ = case
    _check_nobody_passed_over(contest, count_ballots(contest, batch), roll.base)


@given(decided_counts())
def test_nobody_is_passed_over_on_arbitrary_counts(drawn: tuple[Contest, Count, int]) -> None:
    _check_nobody_passed_over(*drawn)


@given(decided_counts())
def test_tie_at_the_cutoff_is_always_reported(drawn: tuple[Contest, Count, int]) -> None:
    contest, count, base = drawn
    outcome = decide(contest, count, base)  # default policy: re-vote
    above = sorted((v for v in count.votes if 2 * v > base), reverse=True)
    seats = contest.seats
    if len(above) > seats and above[seats - 1] == above[seats]:
        cut = above[seats]
        assert outcome.tie is not None
        assert outcome.status is OutcomeStatus.TIE
        assert outcome.tie.votes == cut
        assert set(outcome.tie.candidates) == {
            n for n, v in zip(contest.names, count.votes, strict=True) if v == cut
        }
        assert outcome.tie.seats_at_stake == seats - sum(1 for v in above if v > cut)
        assert not set(outcome.tie.candidates) & set(outcome.elected)
        assert outcome.open_seats == outcome.tie.seats_at_stake
        assert outcome.tie_resolution is None
    else:
        assert outcome.tie is None
        assert outcome.status is not OutcomeStatus.TIE


@given(tied_contests())
def test_tie_built_into_the_ballots_is_reported(case: Case) -> None:
    contest, batch, roll, issued = case
    result = count_contest(contest, batch, roll=roll, issued=issued)
    assert result.outcome.status is OutcomeStatus.TIE
    assert result.needs_decision
    assert result.outcome.tie is not None
    assert not set(result.outcome.tie.candidates) & set(result.outcome.elected)
    assert result.outcome.open_seats == result.outcome.tie.seats_at_stake


@given(tied_counts())
def test_tie_at_the_cutoff_is_reported_with_the_seats_at_stake(
    drawn: tuple[Contest, Count, int, Tie],
) -> None:
    contest, count, base, tie = drawn
    outcome = decide(contest, count, base)
    assert outcome.tie == tie
    assert outcome.status is OutcomeStatus.TIE
    assert outcome.open_seats == tie.seats_at_stake
    assert outcome.tie_resolution is None
    assert not set(tie.candidates) & set(outcome.elected)


@given(tied_counts(), st.data())
def test_a_broken_tie_is_always_recorded(
    drawn: tuple[Contest, Count, int, Tie], data: st.DataObject
) -> None:
    contest, count, base, tie = drawn
    plain = decide(contest, count, base)
    winners = data.draw(
        st.lists(
            st.sampled_from(tie.candidates),
            min_size=tie.seats_at_stake,
            max_size=tie.seats_at_stake,
            unique=True,
        )
    )
    decided = decide(contest, count, base, decision=TieDecision(winners=tuple(winners), note="x"))
    assert decided.tie == tie
    assert decided.tie_resolution is not None and decided.tie_resolution.by is None
    assert set(decided.tie_resolution.winners) == set(winners)
    assert set(decided.elected) == set(plain.elected) | set(winners)
    assert decided.open_seats == 0
    assert decided.status in {OutcomeStatus.COMPLETE, OutcomeStatus.ALTERNATE_TIE}
    # An automatic policy named by the rule set may break it too, but only on the record.
    older = decide(contest, count, base, rules=OLDER_WINS)
    assert older.tie == tie
    births = {c.name: c.birth_date for c in contest.candidates}
    if older.tie_resolution is None:
        assert older.elected == plain.elected
        assert older.status is OutcomeStatus.TIE
        return
    assert older.tie_resolution.by is TiePolicy.OLDER_WINS
    chosen = set(older.tie_resolution.winners)
    assert len(chosen) == tie.seats_at_stake and chosen <= set(tie.candidates)
    assert set(older.elected) == set(plain.elected) | chosen
    known = {name: born for name, born in births.items() if born is not None}
    assert set(tie.candidates) <= set(known)  # never guesses an unknown age
    assert all(known[w] < known[o] for w in chosen for o in set(tie.candidates) - chosen)


# --- invariance and merging ------------------------------------------------------------------


@given(counted_contests(), st.integers(0, 2**32 - 1))
def test_count_is_invariant_under_ballot_order(case: Case, seed: int) -> None:
    contest, batch, roll, issued = case
    shuffled = subset(batch, contest, np.random.default_rng(seed).permutation(len(batch)))
    first = count_contest(contest, batch, roll=roll, issued=issued)
    second = count_contest(contest, shuffled, roll=roll, issued=issued)
    assert second.count == first.count
    assert second.outcome == first.outcome


def _enter_by_name(contest: Contest, names: tuple[str, ...], batch: Ballots) -> Ballots:
    """Re-enter ``batch`` (columns ``names``) ballot by ballot into ``contest``, by name."""
    builder = BallotBuilder(contest)
    codes = {
        Observation.NOT_ISSUED: "not_issued",
        Observation.WRITE_IN: "write_in",
        Observation.IDENTIFYING_MARK: "identifying_mark",
    }
    for serial, row, flags in zip(
        batch.serials.tolist(), batch.marks.tolist(), batch.observations.tolist(), strict=True
    ):
        seen = [code for flag, code in codes.items() if flags & flag]
        marked = {m: [n for n, x in zip(names, row, strict=True) if x == m] for m in range(4)}
        if contest.form is BallotForm.STRIKE_OUT:
            builder.add(str(serial), kept=marked[1], observations=seen)
        else:
            builder.add(
                str(serial), agree=marked[1], disagree=marked[2], both=marked[3], observations=seen
            )
    return builder.build()


@given(counted_contests(max_candidates=12, max_convened=40), st.data())
def test_count_is_invariant_under_candidate_order(case: Case, data: st.DataObject) -> None:
    contest, batch, roll, _ = case
    people = data.draw(st.permutations(contest.candidates))
    # Names as typed: decomposed accents and stray spaces; the contest normalises them.
    typed = [Candidate(**(p.model_dump() | {"name": " " + as_typed(p.name)})) for p in people]
    again = Contest(
        id=contest.id,
        body=contest.body,
        seats=contest.seats,
        alternates=contest.alternates,
        candidates=typed,
    )
    assert again.names == contest.names  # ballot order depends on the names only
    first = count_ballots(contest, batch)
    second = count_ballots(again, _enter_by_name(again, contest.names, batch))
    for field in ("votes", "against", "unmarked"):
        assert dict(zip(again.names, getattr(second, field), strict=True)) == dict(
            zip(contest.names, getattr(first, field), strict=True)
        )
    assert (second.collected, second.valid) == (first.collected, first.valid)
    assert second.invalid_by_reason == first.invalid_by_reason
    assert decide(again, second, roll.base).elected == decide(contest, first, roll.base).elected


@given(counted_contests(), st.lists(st.integers(0, 400), max_size=3))
def test_counts_of_batches_merge(case: Case, cuts: list[int]) -> None:
    contest, batch, _, _ = case
    n = len(batch)
    edges = [0, *sorted(min(c, n) for c in cuts), n]
    parts = [subset(batch, contest, slice(a, b)) for a, b in itertools.pairwise(edges)]
    merged = functools.reduce(operator.add, [count_ballots(contest, p) for p in parts])
    whole = count_ballots(contest, Ballots.concat(parts))
    assert merged == whole == count_ballots(contest, batch)


# --- differential: fast path == reference --------------------------------------------------


@given(counted_contests(), rule_sets)
def test_classify_matches_reference(case: Case, rules: RuleSet) -> None:
    contest, batch, _, _ = case
    fast = [reason_of(code) for code in classify(contest, batch, rules).tolist()]
    slow = [
        reference.reason(row, flags, places(contest), rules.validity.all_unmarked_yes_no_invalid)
        for row, flags in zip(batch.marks.tolist(), batch.observations.tolist(), strict=True)
    ]
    assert fast == slow


@given(counted_contests(), rule_sets)
def test_count_matches_reference(case: Case, rules: RuleSet) -> None:
    contest, batch, _, _ = case
    assert count_as_reference(count_ballots(contest, batch, rules)) == ref_count(
        contest, batch, rules
    )


@given(st.data(), contests(valid_list=False, max_candidates=15), rule_sets)
def test_count_matches_reference_on_any_list_and_batch_size(
    data: st.DataObject, contest: Contest, rules: RuleSet
) -> None:
    # Any list length (a committee on a yes/no ballot too), and empty batches.
    batch = data.draw(ballots(contest, min_n=0, max_n=40))
    assert count_as_reference(count_ballots(contest, batch, rules)) == ref_count(
        contest, batch, rules
    )


@given(counted_contests(), rule_sets, st.integers(-2, 0))
def test_count_contest_matches_reference(case: Case, rules: RuleSet, slack: int) -> None:
    contest, batch, roll, issued = case
    issued = max(0, len(batch) + slack) if slack < 0 else issued
    expected_count = ref_count(contest, batch, rules)
    try:
        reference.check_issued(expected_count.collected, issued)
    except reference.NotReconciledError:
        with pytest.raises(ReconciliationError):
            count_contest(contest, batch, roll=roll, issued=issued, rules=rules)
        return
    result = count_contest(contest, batch, roll=roll, issued=issued, rules=rules)
    assert count_as_reference(result.count) == expected_count
    base = roll_base(roll)
    expected = ref_decide(contest, expected_count.votes, base)
    _assert_outcome_matches(result.outcome, expected, base)


@given(decided_counts())
def test_decide_matches_reference_on_arbitrary_counts(drawn: tuple[Contest, Count, int]) -> None:
    contest, count, base = drawn
    expected = ref_decide(contest, list(count.votes), base)
    _assert_outcome_matches(decide(contest, count, base), expected, base)


def _assert_outcome_matches(outcome: Outcome, expected: reference.RefOutcome, base: int) -> None:
    assert outcome.base == base
    assert outcome.min_votes * 2 > base >= (outcome.min_votes - 1) * 2
    assert list(outcome.elected) == expected.elected
    assert [s.above_threshold for s in outcome.standings] == expected.above
    assert [s.elected for s in outcome.standings] == [
        s.name in expected.elected for s in outcome.standings
    ]
    if expected.tie is None:
        assert outcome.tie is None
    else:
        assert outcome.tie is not None
        names, votes, at_stake = expected.tie
        assert (list(outcome.tie.candidates), outcome.tie.votes) == (names, votes)
        assert outcome.tie.seats_at_stake == at_stake
    assert outcome.open_seats == expected.open_seats
    assert outcome.status.value == expected.status
    assert list(outcome.alternates) == expected.alternates
    assert [s.alternate for s in outcome.standings] == [
        s.name in expected.alternates for s in outcome.standings
    ]
    if expected.alternate_tie is None:
        assert outcome.alternate_tie is None
    else:
        assert outcome.alternate_tie is not None
        names, votes, at_stake = expected.alternate_tie
        assert list(outcome.alternate_tie.candidates) == names
        assert (outcome.alternate_tie.votes, outcome.alternate_tie.seats_at_stake) == (
            votes,
            at_stake,
        )
