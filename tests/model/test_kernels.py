"""The blocked kernels against plain numpy, on every path they take.

The paths: narrow (≤ ``NARROW`` candidates, matrix products) and wide (reductions); whole
groups of 255 rows and a tail; few left-out rows (subtracted) and many (multiplied out);
row lengths over 255 (``uint16`` row sums); several blocks (``BLOCK_BYTES`` made small).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tally.counting.count import count_ballots
from tally.counting.validity import VALID, classify
from tally.errors import BallotError
from tally.model import kernels
from tally.model.ballots import MAX_MARK, Ballots
from tally.model.bodies import Body
from tally.model.contest import Contest
from tally.model.rules import RuleSet
from tally.testing import contests, rule_sets
from tests import reference

WIDTHS = st.sampled_from([1, 2, 7, kernels.NARROW, kernels.NARROW + 1, 60, 200, 300])
HEIGHTS = st.sampled_from([0, 1, 254, 255, 256, 1_000, 2 * 255 * 7 + 3])


@st.composite
def zero_one(draw: st.DrawFn) -> npt.NDArray[np.uint8]:
    """A 0/1 matrix whose density and size reach every path."""
    n, k = draw(HEIGHTS), draw(WIDTHS)
    density = draw(st.sampled_from([0.0, 0.02, 0.5, 0.97, 1.0]))
    seed = draw(st.integers(0, 2**32 - 1))
    return (np.random.default_rng(seed).random((n, k)) < density).astype(np.uint8)


@given(zero_one())
def test_row_sums_equal_numpy(block: npt.NDArray[np.uint8]) -> None:
    assert row_sums_list(block) == block.sum(axis=1, dtype=np.int64).tolist()


def row_sums_list(block: npt.NDArray[np.uint8]) -> list[int]:
    result = kernels.row_sums(block)
    assert np.issubdtype(result.dtype, np.unsignedinteger)
    return [int(v) for v in result.tolist()]


@given(zero_one(), st.integers(0, 2**32 - 1), st.sampled_from([0.0, 0.05, 0.5, 1.0]))
def test_column_sums_equal_numpy(block: npt.NDArray[np.uint8], seed: int, left: float) -> None:
    draws = np.random.default_rng(seed).random((int(block.shape[0]),))
    kept = draws >= left
    rows = kept.astype(np.uint8)
    expected = block[kept].sum(axis=0, dtype=np.int64)
    assert kernels.column_sums(block, rows).tolist() == expected.tolist()
    assert kernels.column_sums(block.astype(bool), rows).tolist() == expected.tolist()


def test_column_sums_of_many_full_groups_do_not_wrap() -> None:
    """255 ones per group is the uint8 limit; 10 groups of all-ones must give 2,550."""
    block = np.ones((255 * 10, 3), dtype=np.uint8)
    sums = kernels.column_sums(block, np.ones(255 * 10, dtype=np.uint8))
    assert sums.tolist() == [2_550] * 3


@pytest.mark.parametrize("k", [3, 40])
@pytest.mark.parametrize("block_bytes", [1, 4_096, 1 << 20])
def test_count_and_classify_are_the_same_in_any_blocks(
    monkeypatch: pytest.MonkeyPatch, k: int, block_bytes: int
) -> None:
    """Blocks are an implementation detail: the count and the codes do not depend on them."""
    names = [f"Nguyễn Văn {chr(0x41 + i // 26)}{chr(0x61 + i % 26)}" for i in range(k)]
    contest = Contest(id="x", body=Body.UPPER_DELEGATES, seats=k * 2 // 3, candidates=names)
    rng = np.random.default_rng(k)
    marks = (rng.random((5_000, k)) < 0.6).astype(np.uint8)
    observations = (rng.random(5_000) < 0.01).astype(np.uint8) * 2
    ballots = Ballots.from_arrays(contest, marks, observations=observations)
    monkeypatch.setattr(kernels, "BLOCK_BYTES", block_bytes)
    codes = classify(contest, ballots)
    count = count_ballots(contest, ballots)
    kept = marks.sum(axis=1)
    expected_invalid = (kept == 0) | (kept > contest.seats) | (observations != 0)
    assert (codes != VALID).tolist() == expected_invalid.tolist()
    assert list(count.votes) == marks[~expected_invalid].sum(axis=0).tolist()
    assert count.valid + count.invalid == count.collected == 5_000


@settings(max_examples=60, deadline=None)
@given(
    contests(max_candidates=40),
    rule_sets(neighbours=True),
    st.sampled_from([300, 2_000]),
    st.integers(0, 2**32 - 1),
)
def test_blocked_count_equals_the_reference_on_large_batches(
    contest: Contest, rules: RuleSet, n: int, seed: int
) -> None:
    """Batches of several groups and blocks, either form, any marks: the blocked count is the
    plain-Python reference's (the strategies' own batches stay under one group of rows)."""
    rng = np.random.default_rng(seed)
    k = len(contest.candidates)
    marks = rng.integers(0, MAX_MARK[contest.form] + 1, size=(n, k), dtype=np.uint8)
    observations = np.where(rng.random(n) < 0.02, rng.integers(1, 8, size=n), 0)
    ballots = Ballots.from_arrays(contest, marks, observations=observations)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kernels, "BLOCK_BYTES", int(rng.integers(1, 20_000)))
        count = count_ballots(contest, ballots, rules)
    expected = reference.count(
        marks.tolist(),
        observations.tolist(),
        k,
        contest.seats + contest.alternates,
        rules.validity.all_unmarked_yes_no_invalid,
        rules.validity.no_agree_yes_no_invalid,
        rules.validity.one_name_blank_valid,
    )
    assert count.valid == expected.valid
    assert {r.value: v for r, v in count.invalid_by_reason.items()} == expected.invalid_by_reason
    assert list(count.votes) == expected.votes
    assert list(count.against) == expected.against
    assert list(count.unmarked) == expected.unmarked


def test_ballots_of_the_other_form_are_refused() -> None:
    """Yes/no marks (2 = disagree) counted as a strike-out contest would count each 2 twice."""
    names = ["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"]
    strike_out = Contest(id="x", body=Body.UPPER_DELEGATES, seats=2, candidates=names)
    yes_no = Contest(id="x", body=Body.UPPER_DELEGATES, seats=3, candidates=names)
    ballots = Ballots.from_arrays(yes_no, [[2, 0, 0], [0, 2, 0], [1, 0, 0]])
    with pytest.raises(BallotError) as info:
        count_ballots(strike_out, ballots)
    assert info.value.code == "ballots.other_list"  # another list: other seats, other form
    assert "ballot form agree / disagree ballot → strike-out ballot" in info.value.message("en")


def test_a_bool_matrix_holding_other_bytes_reads_as_ones() -> None:
    """``np.frombuffer(..., bool)`` can store any byte as True: it is a 1, never a 2 or 3."""
    names = ["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"]
    yes_no = Contest(id="x", body=Body.UPPER_DELEGATES, seats=3, candidates=names)
    raw = np.array([[1, 2, 3], [2, 2, 0], [0, 1, 0]], dtype=np.uint8).view(np.bool_)
    ballots = Ballots.from_arrays(yes_no, raw)
    assert ballots.marks.tolist() == [[1, 1, 1], [1, 1, 0], [0, 1, 0]]


def test_a_shared_bool_matrix_is_made_read_only() -> None:
    names = ["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"]
    contest = Contest(id="x", body=Body.UPPER_DELEGATES, seats=2, candidates=names)
    marks = np.array([[True, True, False], [True, False, True]])
    ballots = Ballots.from_arrays(contest, marks)
    assert not marks.flags.writeable
    assert ballots.marks.tolist() == [[1, 1, 0], [1, 0, 1]]
