"""Contests: realistic seats for each body and a list that satisfies — or, on request, breaks
— the list rules."""

from __future__ import annotations

import functools
from typing import Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from tally.model.bodies import Body
from tally.model.contest import BallotForm, Contest
from tally.model.rules import QC_190
from tally.testing._people import _unique_candidates

_COMMITTEE_CONFERENCE_BODIES = frozenset(
    {
        Body.STANDING_COMMITTEE,
        Body.SECRETARY,
        Body.DEPUTY_SECRETARY,
        Body.INSPECTION_COMMISSION,
        Body.INSPECTION_CHAIR,
        Body.INSPECTION_DEPUTY_CHAIR,
    }
)
_CELL_BODIES = frozenset({Body.CELL_COMMITTEE, Body.CELL_SECRETARY, Body.CELL_DEPUTY_SECRETARY})

# Realistic seats per body (inclusive); committees of 3–5 get a surplus of at most one.
_SEATS: Final[dict[Body, tuple[int, int]]] = {
    Body.EXECUTIVE_COMMITTEE: (3, 45),
    Body.STANDING_COMMITTEE: (3, 15),
    Body.SECRETARY: (1, 1),
    Body.DEPUTY_SECRETARY: (1, 3),
    Body.INSPECTION_COMMISSION: (3, 11),
    Body.INSPECTION_CHAIR: (1, 1),
    Body.INSPECTION_DEPUTY_CHAIR: (1, 2),
    Body.UPPER_DELEGATES: (1, 40),
    Body.UPPER_ALTERNATES: (1, 5),
    Body.CELL_COMMITTEE: (3, 7),
    Body.CELL_SECRETARY: (1, 1),
    Body.CELL_DEPUTY_SECRETARY: (1, 1),
}

_DRAWN_BODIES: Final = tuple(b for b in Body if b is not Body.INSPECTION_DEPUTY_CHAIR)
"""The bodies drawn when none is asked for. The commission's deputy chair counts as its chair
does (a post of one or two seats, no surplus), so it is drawn only when asked for: adding it to
the draw changes no outcome and only moves where shrinking lands."""

_CONTEST_IDS: Final[dict[Body, str]] = {
    Body.EXECUTIVE_COMMITTEE: "bch",
    Body.STANDING_COMMITTEE: "btv",
    Body.SECRETARY: "bi-thu",
    Body.DEPUTY_SECRETARY: "pho-bi-thu",
    Body.INSPECTION_COMMISSION: "ubkt",
    Body.INSPECTION_CHAIR: "chu-nhiem-ubkt",
    Body.INSPECTION_DEPUTY_CHAIR: "pho-chu-nhiem-ubkt",
    Body.UPPER_DELEGATES: "dai-bieu",
    Body.UPPER_ALTERNATES: "du-khuyet",
    Body.CELL_COMMITTEE: "chi-uy",
    Body.CELL_SECRETARY: "bi-thu-chi-bo",
    Body.CELL_DEPUTY_SECRETARY: "pho-bi-thu-chi-bo",
}


def _list_sizes(
    body: Body, form: BallotForm, seats: int, valid_list: bool, max_candidates: int
) -> tuple[int, int] | None:
    """Inclusive bounds on the list length for this body, form and seats, or None."""
    if form is BallotForm.YES_NO:
        low, high = max(1, seats - 2), seats  # a list as long as the seats, or nearly
    else:
        low = seats + 1
        if body.is_committee and valid_list:
            high = seats + QC_190.surplus.max_surplus(seats)
        else:
            high = seats + max(2, seats // 2)
    high = min(high, max_candidates)
    return (low, high) if low <= high else None


def _feasible(
    body: Body, form: BallotForm, valid_list: bool, max_candidates: int
) -> tuple[int, int] | None:
    """Inclusive bounds on seats for which some list length is possible, or None."""
    if body.is_committee and valid_list and form is BallotForm.YES_NO:
        return None
    low, high = _SEATS[body]
    seats = [
        s for s in range(low, high + 1) if _list_sizes(body, form, s, valid_list, max_candidates)
    ]
    return (seats[0], seats[-1]) if seats else None


_Option = tuple[Body, BallotForm, int, int]


@functools.cache
def _options(
    body: Body | None, form: BallotForm | None, valid_list: bool, max_candidates: int
) -> tuple[_Option, ...]:
    """The (body, form, fewest seats, most seats) combinations that admit a list."""
    options = []
    for b in (body,) if body is not None else _DRAWN_BODIES:
        for f in (form,) if form is not None else tuple(BallotForm):
            seats = _feasible(b, f, valid_list, max_candidates)
            if seats is not None:
                options.append((b, f, *seats))
    return tuple(options)


@st.composite
def _contest(
    draw: st.DrawFn,
    body: Body | None,
    form: BallotForm | None,
    valid_list: bool,
    max_candidates: int,
) -> Contest:
    options = _options(body, form, valid_list, max_candidates)
    chosen_body, chosen_form, low, high = draw(st.sampled_from(options))
    seats = draw(st.integers(low, high))
    alternates = 0
    if chosen_body is Body.UPPER_DELEGATES:
        # Sometimes alternates (dự khuyết) are elected on the same ballot: they widen the ballot.
        room = max_candidates - seats - (1 if chosen_form is BallotForm.STRIKE_OUT else 0)
        alternates = draw(st.integers(0, max(0, min(room, seats // 4 + 1))))
    sizes = _list_sizes(chosen_body, chosen_form, seats + alternates, valid_list, max_candidates)
    assert sizes is not None
    size = draw(st.integers(*sizes))
    people = draw(_unique_candidates(size))
    return Contest(
        id=_CONTEST_IDS[chosen_body],
        body=chosen_body,
        seats=seats,
        alternates=alternates,
        candidates=people,
    )


def contests(
    body: Body | None = None,
    form: BallotForm | None = None,
    valid_list: bool = True,
    max_candidates: int = 30,
) -> st.SearchStrategy[Contest]:
    """Contests with realistic seats for the body and a list of distinct candidates.

    With ``valid_list`` the list passes :func:`tally.model.contest.check_list` under QC 190 (a
    committee's list is longer than the seats by at most 30%, or by one for 3–5 seats); without
    it a committee's list may also be too short or too long for that rule (up to half the seats
    over). Delegates to the upper congress sometimes elect alternates on the same ballot.
    ``form`` forces strike-out or yes/no; ``max_candidates`` caps the list.

    >>> from hypothesis import given, settings
    >>> from tally.model.contest import check_list
    >>> @settings(max_examples=20)
    ... @given(contests(Body.STANDING_COMMITTEE))
    ... def test_list_is_valid(contest):
    ...     check_list(contest)
    ...     assert contest.form is BallotForm.STRIKE_OUT
    >>> test_list_is_valid()
    """
    if max_candidates < 1:
        raise InvalidArgument(f"max_candidates must be at least 1, got {max_candidates}")
    if not _options(body, form, valid_list, max_candidates):
        raise InvalidArgument(
            f"no contest fits body={body}, form={form}, valid_list={valid_list}, "
            f"max_candidates={max_candidates}"
        )
    return _contest(body, form, valid_list, max_candidates)
