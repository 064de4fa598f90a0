"""Ballots valid and invalid by each reason, with controllable sizes and proportions, and whole
contests ready to count."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from tally.counting.validity import InvalidReason
from tally.model.ballots import Ballots, Mark, Observation
from tally.model.bodies import Body
from tally.model.contest import BallotForm, Contest
from tally.model.roll import CongressKind, Roll
from tally.testing._contests import _CELL_BODIES, _COMMITTEE_CONFERENCE_BODIES, contests
from tally.testing._rolls import rolls

_Matrix = npt.NDArray[np.uint8]

_OBSERVED = frozenset(
    {InvalidReason.NOT_ISSUED, InvalidReason.IDENTIFYING_MARK, InvalidReason.WRITE_IN}
)


def _applicable_reasons(form: BallotForm, k: int) -> tuple[InvalidReason, ...]:
    """Reasons a ballot of this form can be invalid for (under the default rules)."""
    observed = (InvalidReason.NOT_ISSUED, InvalidReason.IDENTIFYING_MARK, InvalidReason.WRITE_IN)
    if form is BallotForm.STRIKE_OUT:
        return (*observed, InvalidReason.OVER_SEATS, InvalidReason.NO_VOTE)
    if k == 1:
        return (*observed, InvalidReason.YES_NO_UNCLEAR)
    return (*observed, InvalidReason.NO_VOTE)


def _valid_marks(rng: np.random.Generator, form: BallotForm, seats: int, k: int, n: int) -> _Matrix:
    """Valid ballots: each candidate has a popularity; voters favour the popular ones."""
    style = rng.random()
    if style < 0.4:
        popularity = rng.beta(4.0, 1.5, size=k)
    else:  # few distinct levels: more equal votes, more ties
        popularity = rng.choice(np.array([0.4, 0.8, 0.95]), size=k)
    if style > 0.7 and n:
        # Slates: the ballots copy a few patterns in turn, so candidates on the same slates get
        # exactly equal votes (ties at the cut-off).
        even = np.full(k, 0.5)
        slates = int(rng.choice([d for d in range(1, 5) if n % d == 0]))
        patterns = _valid_marks_from(rng, even, form, seats, k, slates)
        return patterns[rng.permutation(n) % slates]
    return _valid_marks_from(rng, popularity, form, seats, k, n)


def _valid_marks_from(
    rng: np.random.Generator,
    popularity: npt.NDArray[np.float64],
    form: BallotForm,
    seats: int,
    k: int,
    n: int,
) -> _Matrix:
    if form is BallotForm.STRIKE_OUT:
        # Keep ``seats`` names mostly, fewer sometimes; a Gumbel top-m draw by popularity.
        wanted = np.where(rng.random(n) < 0.75, seats, rng.integers(1, seats + 1, size=n))
        keys = np.log(popularity + 1e-9) + rng.gumbel(size=(n, k))
        ranks = np.argsort(np.argsort(-keys, axis=1), axis=1)
        return (ranks < wanted[:, None]).astype(np.uint8)
    marks = np.where(rng.random((n, k)) < popularity, Mark.AGREE, Mark.DISAGREE).astype(np.uint8)
    if k > 1:
        # Some names left blank or double-marked; each ballot keeps one clear mark at least.
        unclear = rng.random((n, k)) < 0.05
        unclear[np.arange(n), rng.integers(0, k, size=n)] = False
        marks[unclear] = rng.choice(
            np.array([Mark.NEITHER, Mark.BOTH], dtype=np.uint8), size=int(unclear.sum())
        )
        # and agrees with one name at least: agreeing with nobody votes for nobody (no_vote)
        nobody = np.flatnonzero(~(marks == Mark.AGREE).any(axis=1))
        marks[nobody, rng.integers(0, k, size=nobody.size)] = Mark.AGREE
    return marks


def _unclear_row(rng: np.random.Generator, k: int) -> _Matrix:
    return rng.choice(np.array([Mark.NEITHER, Mark.BOTH], dtype=np.uint8), size=k)


def _plant(
    rng: np.random.Generator,
    reason: InvalidReason,
    form: BallotForm,
    seats: int,
    k: int,
    row: _Matrix,
    pure: bool = False,
) -> int:
    """Make ``row`` invalid for ``reason`` (in place); return the observation flags. Unless
    ``pure``, an observed ballot sometimes carries more flags or bad marks as well (the
    reason that counts is then the first in precedence order)."""
    extra = 0 if pure else 1
    if reason is InvalidReason.NOT_ISSUED:
        flags = int(Observation.NOT_ISSUED) | 2 * int(rng.integers(0, 3 * extra + 1))
    elif reason is InvalidReason.IDENTIFYING_MARK:
        flags = int(Observation.IDENTIFYING_MARK) | 2 * int(rng.integers(0, extra + 1))
    elif reason is InvalidReason.WRITE_IN:
        flags = int(Observation.WRITE_IN)
    else:
        flags = 0
    if flags:
        # The board's observation wins over whatever the marks show; sometimes both apply.
        marked = [r for r in _applicable_reasons(form, k) if r not in _OBSERVED]
        if not pure and rng.random() < 0.3:
            reason = marked[int(rng.integers(0, len(marked)))]
        else:
            return flags
    if reason is InvalidReason.OVER_SEATS:
        kept = int(rng.integers(seats + 1, k + 1))
        row[:] = 0
        row[rng.choice(k, size=kept, replace=False)] = Mark.KEPT
    elif reason is InvalidReason.NO_VOTE and form is BallotForm.STRIKE_OUT:
        row[:] = Mark.STRUCK
    else:  # no_vote on a yes/no ballot, yes_no_unclear
        row[:] = _unclear_row(rng, k)
    return flags


def _apportioned(
    weights: tuple[tuple[InvalidReason, int], ...], bad: int
) -> tuple[InvalidReason, ...]:
    """``bad`` reasons shared out by weight (largest remainders), in the weights' order."""
    total = sum(w for _, w in weights)
    exact = [(reason, bad * w / total) for reason, w in weights]
    counts = {reason: int(share) for reason, share in exact}
    left = bad - sum(counts.values())
    by_remainder = sorted(exact, key=lambda item: item[1] - int(item[1]), reverse=True)
    for reason, _ in by_remainder[:left]:
        counts[reason] += 1
    return tuple(reason for reason, _ in weights for _ in range(counts[reason]))


@st.composite
def _ballots(
    draw: st.DrawFn,
    contest: Contest,
    n: int | None,
    min_n: int,
    max_n: int,
    invalid_share: float | None,
    serial_start: int,
    weights: tuple[tuple[InvalidReason, int], ...] | None = None,
) -> Ballots:
    size = n if n is not None else draw(st.integers(min_n, max_n))
    share = invalid_share
    if share is None:
        share = draw(st.sampled_from((0.0, 0.05, 0.15, 0.4)))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    # A ballot may vote for as many names as the seats plus the alternates on the same ballot.
    form, seats, k = contest.form, contest.ballot_seats, len(contest.candidates)
    reasons = _applicable_reasons(form, k)
    bad = round(share * size)
    if weights is not None:
        reasons = _apportioned(weights, bad)
    elif share > 0:
        bad = max(bad, min(size, len(reasons)))
    bad_rows = rng.choice(size, size=bad, replace=False)
    good = np.ones(size, dtype=bool)
    good[bad_rows] = False
    marks = np.empty((size, k), dtype=np.uint8)
    marks[good] = _valid_marks(rng, form, seats, k, size - bad)
    marks[bad_rows] = _valid_marks(rng, form, seats, k, bad)
    observations = np.zeros(size, dtype=np.uint8)
    for i, row in enumerate(bad_rows):
        reason = reasons[i % len(reasons)]
        pure = weights is not None
        observations[row] = _plant(rng, reason, form, seats, k, marks[row], pure)
    serials = np.array([f"{i:04d}" for i in range(serial_start, serial_start + size)], dtype=str)
    return Ballots.from_arrays(contest, marks, serials, observations)


def ballots(
    contest: Contest,
    n: int | None = None,
    *,
    min_n: int = 1,
    max_n: int = 300,
    invalid_share: float | None = None,
    reasons: Mapping[InvalidReason | str, int] | None = None,
    serial_start: int = 1,
) -> st.SearchStrategy[Ballots]:
    """Ballots for ``contest`` whose marks fit its form, serials ``0001``, ``0002``, ….

    ``n`` fixes the number of ballots (else drawn from ``min_n..max_n``). Under the default
    rules exactly ``round(invalid_share * n)`` ballots are invalid — at least one for every
    reason that applies to the form when the share is positive: the board's observations
    (not issued, identifying mark, write-in, sometimes several at once or on top of bad marks)
    and bad marks (over the seats, no vote, unclear yes/no). ``invalid_share`` is drawn when
    not given. The other ballots are valid, with votes concentrated on popular candidates.

    ``reasons`` shares the invalid ballots out by weight instead, e.g. ``{"write_in": 3,
    "over_seats": 1}``: each is invalid for exactly that reason (no extra flags or marks), so
    the count by reason follows the weights (largest remainders).

    >>> from hypothesis import given, settings
    >>> from tally import Body, Contest
    >>> from tally.counting.count import count_ballots
    >>> secretary = Contest(id="bt", body=Body.SECRETARY, seats=1, candidates=["Lê Văn Tám"])
    >>> @settings(max_examples=20)
    ... @given(ballots(secretary, n=20, invalid_share=0.25))
    ... def test_five_invalid(batch):
    ...     assert count_ballots(secretary, batch).invalid == 5
    >>> test_five_invalid()
    """
    if n is not None and n < 0:
        raise InvalidArgument(f"n must not be negative, got {n}")
    if not 0 <= min_n <= max_n:
        raise InvalidArgument(f"need 0 <= min_n <= max_n, got {min_n}, {max_n}")
    if invalid_share is not None and not 0.0 <= invalid_share <= 1.0:
        raise InvalidArgument(f"invalid_share must be in [0, 1], got {invalid_share}")
    if serial_start < 0:
        raise InvalidArgument(f"serial_start must not be negative, got {serial_start}")
    weights = None
    if reasons is not None:
        applicable = _applicable_reasons(contest.form, len(contest.candidates))
        weights = tuple((InvalidReason(reason), weight) for reason, weight in reasons.items())
        unfit = [r.value for r, w in weights if r not in applicable or w < 0]
        if unfit or not any(w for _, w in weights):
            raise InvalidArgument(
                f"reasons must be positive weights of reasons that apply to a "
                f"{contest.form.value} ballot ({', '.join(r.value for r in applicable)}); "
                f"got {dict(reasons)}"
            )
    return _ballots(contest, n, min_n, max_n, invalid_share, serial_start, weights)


def _kinds_for(body: Body) -> tuple[CongressKind, ...]:
    if body in _CELL_BODIES:
        return (CongressKind.MEMBER_CONGRESS,)
    if body in _COMMITTEE_CONFERENCE_BODIES:
        # Elected by the new committee's conference, or directly at the congress (CT 35, 45).
        return (
            CongressKind.COMMITTEE_CONFERENCE,
            CongressKind.DELEGATE_CONGRESS,
            CongressKind.MEMBER_CONGRESS,
        )
    return (CongressKind.MEMBER_CONGRESS, CongressKind.DELEGATE_CONGRESS)


@st.composite
def _counted(
    draw: st.DrawFn,
    contest_strategy: st.SearchStrategy[Contest],
    max_convened: int,
    invalid_share: float | None,
) -> tuple[Contest, Ballots, Roll, int]:
    contest = draw(contest_strategy)
    kind = draw(st.sampled_from(_kinds_for(contest.body)))
    # A committee conference's candidates are its members; a chi ủy needs 9 or more members.
    min_convened = 1
    if kind is CongressKind.COMMITTEE_CONFERENCE:
        min_convened = len(contest.candidates)
    elif contest.body is Body.CELL_COMMITTEE:
        min_convened = 9
    top = max(max_convened, min_convened)
    roll = draw(rolls(kind, min_convened=min_convened, max_convened=top))
    issued = roll.present - draw(st.integers(0, roll.present // 20))
    collected = issued - draw(st.integers(0, min(issued, 2)))
    batch = draw(ballots(contest, n=collected, invalid_share=invalid_share))
    return contest, batch, roll, issued


def counted_contests(
    body: Body | None = None,
    form: BallotForm | None = None,
    *,
    max_candidates: int = 30,
    max_convened: int = 400,
    invalid_share: float | None = None,
) -> st.SearchStrategy[tuple[Contest, Ballots, Roll, int]]:
    """Whole contests ready to count: ``(contest, ballots, roll, issued)``.

    The roll's kind fits the body (a chi bộ meeting for chi bộ posts; a committee conference
    or the congress itself for the standing committee, secretary and inspection posts). At most
    one ballot per person present is issued, and at most the issued ballots are collected, so
    the count always reconciles; the list always passes the QC 190 surplus check.

    >>> from hypothesis import given, settings
    >>> from tally import count_contest
    >>> @settings(max_examples=20)
    ... @given(counted_contests(Body.CELL_SECRETARY))
    ... def test_one_winner_at_most(case):
    ...     contest, ballots, roll, issued = case
    ...     result = count_contest(contest, ballots, roll=roll, issued=issued)
    ...     assert len(result.outcome.elected) <= 1
    >>> test_one_winner_at_most()
    """
    if max_convened < 1:
        raise InvalidArgument(f"max_convened must be at least 1, got {max_convened}")
    strategy = contests(body, form, valid_list=True, max_candidates=max_candidates)
    return _counted(strategy, max_convened, invalid_share)
