"""Property tests of the strategies of :mod:`tally.testing`, ballot order, the list rule, the
board's observations, and counting details beyond the invariants.

The invariants of DESIGN.md ("Invariants") and the differential tests of the fast path against
``tests/reference.py`` are in ``tests/properties/test_invariants.py`` (its docstring maps each
invariant to its tests, here and elsewhere).
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tally import QC_190, QC_244, BallotBuilder, Ballots, Body, Contest, ContestError, Roll, RuleSet
from tally.counting.count import count_ballots
from tally.counting.outcome import decide
from tally.counting.validity import InvalidReason
from tally.model.ballots import MAX_MARK, Observation
from tally.model.contest import BallotForm, Candidate, check_list
from tally.model.roll import ALLOWED_DEDUCTIONS
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
from tests import reference
from tests.strategies import LENIENT, Case, roll_base

# QC 190, QC 244 and a variant in which an all-unclear multi-candidate yes/no ballot is valid.
rule_sets = st.sampled_from([QC_190, QC_244, LENIENT])


# --- helpers -------------------------------------------------------------------------------


def as_typed(name: str) -> str:
    """``name`` as a board member might type it: decomposed accents, doubled spaces."""
    return unicodedata.normalize("NFD", name).replace(" ", "  ")


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
def test_each_valid_ballot_gives_each_candidate_one_vote_against_or_unmarked(
    case: Case, rules: RuleSet
) -> None:
    # The DESIGN.md invariants this test used to check too are in test_invariants.py.
    contest, batch, _, _ = case
    count = count_ballots(contest, batch, rules)
    for c in range(len(contest.names)):
        assert count.votes[c] + count.against[c] + count.unmarked[c] == count.valid
        assert min(count.against[c], count.unmarked[c]) >= 0
    if contest.form is BallotForm.STRIKE_OUT:
        assert count.unmarked == (0,) * len(contest.names)


@given(counted_contests())
def test_board_observations_override_any_marks(case: Case) -> None:
    contest, batch, _, _ = case
    flags = np.full(len(batch), int(Observation.NOT_ISSUED), dtype=np.uint8)
    rejected = Ballots.from_arrays(contest, batch.marks, batch.serials, flags)
    count = count_ballots(contest, rejected)
    assert count.valid == 0
    assert count.invalid_by_reason[InvalidReason.NOT_ISSUED] == len(batch)
    assert count.votes == (0,) * len(contest.names)


# --- candidate order, as typed and entered by name --------------------------------------------


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
