"""Hypothesis strategies for property-testing software built on ``tally`` (public).

This is the only module of ``tally`` that imports hypothesis; ``import tally`` does not load it.
Every strategy draws realistic, consistent data — Vietnamese names, rolls whose deductions fit
the kind of congress, candidate lists that satisfy the surplus rule of QĐ 190-QĐ/TW Điều 14,
ballots whose marks fit the form with some invalid ballots for every reason — and shrinks
towards small congresses. Mark matrices are generated with numpy from a drawn seed, so large
ballot sets cost almost nothing to generate.

>>> from hypothesis import given, settings
>>> from tally import count_contest
>>> @settings(max_examples=10)
... @given(counted_contests())
... def test_reconciles(case):
...     contest, ballots, roll, issued = case
...     result = count_contest(contest, ballots, roll=roll, issued=issued)
...     assert result.count.valid + result.count.invalid == len(ballots) <= issued
>>> test_reconciles()
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import unicodedata
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Final, Literal

import numpy as np
import numpy.typing as npt
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from tally.ballots import OBSERVATION_CODES, Ballots, Mark, MarksGiven, Observation
from tally.bodies import Body
from tally.congress import BoardMember
from tally.contest import BallotForm, Candidate, Contest, Gender, check_list
from tally.decide import OutcomeStatus, TieDecision
from tally.errors import ContestError, ReconciliationError
from tally.events import Marks, Reading
from tally.names import name_identity, parse_name
from tally.result import ContestResult, count_contest
from tally.roll import ABSENT_BY_DEFINITION, ALLOWED_DEDUCTIONS, CongressKind, Deduction, Roll
from tally.rules import QC_190, QC_244, Citation, RuleSet, TiePolicy, TieRule
from tally.session import ContestSession, CountingSession
from tally.validity import InvalidReason

__all__ = [
    "GIVEN_NAMES",
    "MIDDLE_NAMES",
    "MINORITY_NAMES",
    "SURNAMES",
    "ballots",
    "candidates",
    "contests",
    "counted_contests",
    "rolls",
    "vietnamese_names",
]

SURNAMES: Final[tuple[str, ...]] = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai", "Cao", "Lâm", "Tạ", "Hà",
    "Chu", "Quách", "Âu", "Ông", "Khổng", "Thái", "Triệu", "Kiều",
)  # fmt: skip
"""Common Vietnamese surnames (họ), the most frequent first."""

MIDDLE_NAMES: Final[tuple[str, ...]] = (
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Xuân", "Thu", "Kim", "Hoài",
    "Đình", "Công", "Thế", "Bá", "Trọng", "Mạnh", "Phương", "Bảo", "Gia", "Thùy", "Diệu",
    "Quang", "Tiến", "Khắc", "Ánh", "Hồng", "Mỹ", "Đăng",
)  # fmt: skip
"""Common middle names (tên đệm)."""

GIVEN_NAMES: Final[tuple[str, ...]] = (
    "An", "Anh", "Ánh", "Ảnh", "Ân", "Bảo", "Bình", "Chi", "Cúc", "Cường", "Dũng", "Dung",
    "Duy", "Dương", "Đạt", "Đào", "Điệp", "Định", "Đông", "Đức", "Đăng", "Giang", "Hà", "Hải",
    "Hạnh", "Hằng", "Hậu", "Hiền", "Hiếu", "Hoa", "Hòa", "Hồng", "Huệ", "Hùng", "Hưng",
    "Hương", "Huyền", "Khải", "Khang", "Khánh", "Khoa", "Lâm", "Lan", "Lệ", "Liên", "Linh",
    "Loan", "Lộc", "Long", "Lực", "Mai", "Mạnh", "Minh", "Mỹ", "Nam", "Nga", "Ngân", "Nghĩa",
    "Ngọc", "Nhân", "Nhung", "Ninh", "Oanh", "Phong", "Phúc", "Phương", "Quân", "Quang",
    "Quế", "Quý", "Sang", "Sơn", "Tài", "Tâm", "Tân", "Thắng", "Thanh", "Thảo", "Thịnh",
    "Thơ", "Thu", "Thủy", "Thùy", "Thúy", "Thụy", "Tiến", "Toàn", "Trang", "Trí", "Trung", "Tú",
    "Tuấn", "Tùng", "Uyên", "Vân", "Việt", "Vinh", "Vũ", "Xuân", "Yến", "My", "Hiển",
)  # fmt: skip
"""Given names (tên): every tone, and the letters ă â đ ê ô ơ ư, capitalised ones included."""

MINORITY_NAMES: Final[tuple[str, ...]] = (
    "H'Hen Niê", "Y Biêr Niê", "Ksor Phước", "Rơ Mah H'Linh", "Siu Thu", "Sùng A Páo",
    "Giàng Seo Phử", "Thào Thị Mỷ", "Lò Văn Giàng", "Y-Sơn Êban", "H'Năm Mlô", "Đinh Thị Hơ",
)  # fmt: skip
"""Full names of ethnic-minority members (Central Highlands, the North), some with ' or -."""

_COMMITTEE_CONFERENCE_BODIES = frozenset(
    {
        Body.STANDING_COMMITTEE,
        Body.SECRETARY,
        Body.DEPUTY_SECRETARY,
        Body.INSPECTION_COMMISSION,
        Body.INSPECTION_CHAIR,
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
    Body.UPPER_DELEGATES: (1, 40),
    Body.UPPER_ALTERNATES: (1, 5),
    Body.CELL_COMMITTEE: (3, 7),
    Body.CELL_SECRETARY: (1, 1),
    Body.CELL_DEPUTY_SECRETARY: (1, 1),
}

_CONTEST_IDS: Final[dict[Body, str]] = {
    Body.EXECUTIVE_COMMITTEE: "bch",
    Body.STANDING_COMMITTEE: "btv",
    Body.SECRETARY: "bi-thu",
    Body.DEPUTY_SECRETARY: "pho-bi-thu",
    Body.INSPECTION_COMMISSION: "ubkt",
    Body.INSPECTION_CHAIR: "chu-nhiem-ubkt",
    Body.UPPER_DELEGATES: "dai-bieu",
    Body.UPPER_ALTERNATES: "du-khuyet",
    Body.CELL_COMMITTEE: "chi-uy",
    Body.CELL_SECRETARY: "bi-thu-chi-bo",
    Body.CELL_DEPUTY_SECRETARY: "pho-bi-thu-chi-bo",
}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Strategies are built once: building them inside a draw costs more than drawing from them.
_NAME_PARTS = st.tuples(
    st.integers(0, 15),  # 15: an ethnic-minority name (one in sixteen; shrinks to a Kinh name)
    st.sampled_from(SURNAMES),
    st.sampled_from((1, 1, 1, 1, 1, 2, 2, 2, 0)),  # middle names: one mostly, two often
    st.sampled_from(MIDDLE_NAMES),
    st.sampled_from(MIDDLE_NAMES),
    st.sampled_from(GIVEN_NAMES),
    st.sampled_from(MINORITY_NAMES),
)


def _name(parts: tuple[int, str, int, str, str, str, str]) -> str:
    minority, surname, middles, first, second, given, other = parts
    if minority == 15:
        return _nfc(other)
    middle = [first, second][:middles] if first != second else [first][:middles]
    return _nfc(" ".join([surname, *middle, given]))


_NAMES = _NAME_PARTS.map(_name)


def vietnamese_names() -> st.SearchStrategy[str]:
    """Realistic full names, NFC: surname, zero to two middle names, given name.

    Mostly Kinh names (``Nguyễn Thị Minh Khai``); now and then an ethnic-minority name with an
    apostrophe or hyphen (``H'Hen Niê``). Shrinks towards ``Nguyễn Văn An``.

    >>> from hypothesis import given, settings
    >>> from tally.names import normalize_name
    >>> @settings(max_examples=20)
    ... @given(vietnamese_names())
    ... def test_names_are_normal(name):
    ...     assert normalize_name(name) == name and len(name.split()) >= 2
    >>> test_names_are_normal()
    """
    return _NAMES


_OLDEST = date(1955, 1, 1)
_GENDERS: tuple[Gender | None, ...] = (None, "male", "female")
_CANDIDATE_PARTS = st.tuples(
    _NAMES,
    st.none() | st.integers(0, (date(2000, 12, 31) - _OLDEST).days),  # birth date, if known
    st.sampled_from(_GENDERS),
)


def _candidate(parts: tuple[str, int | None, Gender | None]) -> Candidate:
    name, born, gender = parts
    middle = parse_name(name).middle.split()
    if "Thị" in middle:
        gender = "female"
    elif "Văn" in middle:
        gender = "male"
    birth_date = None if born is None else _OLDEST + timedelta(days=born)
    return Candidate(name=name, birth_date=birth_date, gender=gender)


_CANDIDATES = _CANDIDATE_PARTS.map(_candidate)


def candidates() -> st.SearchStrategy[Candidate]:
    """Candidates with a realistic name, sometimes a birth date, and a gender consistent with
    the middle name (``Thị`` is female, ``Văn`` male).

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(candidates())
    ... def test_thi_is_female(candidate):
    ...     assert "Thị" not in candidate.person.middle.split() or candidate.gender == "female"
    >>> test_thi_is_female()
    """
    return _CANDIDATES


@functools.cache
def _unique_candidates(size: int) -> st.SearchStrategy[list[Candidate]]:
    return st.lists(
        _CANDIDATES, min_size=size, max_size=size, unique_by=lambda c: c.name.casefold()
    )


@st.composite
def _roll(draw: st.DrawFn, kind: CongressKind | None, min_convened: int, max_convened: int) -> Roll:
    kind = kind if kind is not None else draw(st.sampled_from(tuple(CongressKind)))
    convened = draw(st.integers(min_convened, max_convened))
    allowed = ALLOWED_DEDUCTIONS[kind]
    deductions: dict[Deduction, int] = {}
    room = convened - 1  # the base must stay positive
    for category in Deduction:
        if category not in allowed or room == 0:
            continue
        number = draw(st.integers(0, min(room, max(1, convened // 8))))
        if number:
            deductions[category] = number
            room -= number
    absent = sum(n for c, n in deductions.items() if c in ABSENT_BY_DEFINITION)
    could_attend = convened - absent
    # Most congresses are well attended: shrinking goes to everyone able to attend present.
    missing = draw(st.just(0) | st.integers(0, could_attend // 10) | st.integers(0, could_attend))
    return Roll(kind=kind, convened=convened, present=could_attend - missing, deductions=deductions)


def rolls(
    kind: CongressKind | None = None, *, min_convened: int = 1, max_convened: int = 400
) -> st.SearchStrategy[Roll]:
    """Consistent rolls: deductions only of the categories allowed for the kind of congress,
    a positive base, and nobody both deducted as absent and counted present.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(rolls(CongressKind.DELEGATE_CONGRESS))
    ... def test_base(roll):
    ...     assert 1 <= roll.base <= roll.convened and roll.present <= roll.convened
    >>> test_base()
    """
    if not 1 <= min_convened <= max_convened:
        raise InvalidArgument(
            f"need 1 <= min_convened <= max_convened, got {min_convened}, {max_convened}"
        )
    return _roll(kind, min_convened, max_convened)


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
    for b in (body,) if body is not None else tuple(Body):
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

    With ``valid_list`` the list passes :func:`tally.contest.check_list` under QC 190 (a
    committee's list is longer than the seats by at most 30%, or by one for 3–5 seats); without
    it a committee's list may also be too short or too long for that rule (up to half the seats
    over). Delegates to the upper congress sometimes elect alternates on the same ballot.
    ``form`` forces strike-out or yes/no; ``max_candidates`` caps the list.

    >>> from hypothesis import given, settings
    >>> from tally.contest import check_list
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
) -> int:
    """Make ``row`` invalid for ``reason`` (in place); return the observation flags."""
    if reason is InvalidReason.NOT_ISSUED:
        flags = int(Observation.NOT_ISSUED) | 2 * int(rng.integers(0, 4))  # maybe more flags
    elif reason is InvalidReason.IDENTIFYING_MARK:
        flags = int(Observation.IDENTIFYING_MARK) | 2 * int(rng.integers(0, 2))
    elif reason is InvalidReason.WRITE_IN:
        flags = int(Observation.WRITE_IN)
    else:
        flags = 0
    if flags:
        # The board's observation wins over whatever the marks show; sometimes both apply.
        marked = [r for r in _applicable_reasons(form, k) if r not in _OBSERVED]
        if rng.random() < 0.3:
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


@st.composite
def _ballots(
    draw: st.DrawFn,
    contest: Contest,
    n: int | None,
    min_n: int,
    max_n: int,
    invalid_share: float | None,
    serial_start: int,
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
    if share > 0:
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
        observations[row] = _plant(rng, reason, form, seats, k, marks[row])
    serials = np.array([f"{i:04d}" for i in range(serial_start, serial_start + size)], dtype=str)
    return Ballots.from_arrays(contest, marks, serials, observations)


def ballots(
    contest: Contest,
    n: int | None = None,
    *,
    min_n: int = 1,
    max_n: int = 300,
    invalid_share: float | None = None,
    serial_start: int = 1,
) -> st.SearchStrategy[Ballots]:
    """Ballots for ``contest`` whose marks fit its form, serials ``0001``, ``0002``, ….

    ``n`` fixes the number of ballots (else drawn from ``min_n..max_n``). Under the default
    rules exactly ``round(invalid_share * n)`` ballots are invalid — at least one for every
    reason that applies to the form when the share is positive: the board's observations
    (not issued, identifying mark, write-in, sometimes several at once or on top of bad marks)
    and bad marks (over the seats, no vote, unclear yes/no). ``invalid_share`` is drawn when
    not given. The other ballots are valid, with votes concentrated on popular candidates.

    >>> from hypothesis import given, settings
    >>> from tally import Body, Contest, count_ballots
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
    return _ballots(contest, n, min_n, max_n, invalid_share, serial_start)


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


# --------------------------------------------------------------------------------------------
# Counting sessions: a script of every step a board takes, and a player that drives a session.
# --------------------------------------------------------------------------------------------


__all__ += [
    "SessionScript",
    "Step",
    "StepClock",
    "apply_ruling",
    "apply_step",
    "flip_mark",
    "perform",
    "play",
    "reading_of_row",
    "reading_text",
    "sessions",
    "start",
    "toggle_observation",
]

StepAction = Literal["record", "correct", "withdraw"]

_OLDER_WINS = QC_190.model_copy(
    update={
        "name": "qc190_older_wins",
        "tie": TieRule(
            policy=TiePolicy.OLDER_WINS,
            citation=Citation(source="Luật 85/2015/QH13", article="78", confidence="V"),
        ),
    }
)
_CODES: Final[tuple[str, ...]] = tuple(sorted(OBSERVATION_CODES))


def _marks_text(marks: Marks) -> str:
    if marks.struck is not None:
        return f"struck={list(marks.struck)}"
    parts = [
        f"{name}={list(numbers)}"
        for name, numbers in (
            ("agree", marks.agree),
            ("disagree", marks.disagree),
            ("both", marks.both),
        )
        if numbers
    ]
    return " ".join(parts) or "neither"


def reading_text(reading: Reading | None) -> str:
    """A reading in one short line, e.g. ``struck=[1, 3] +write_in [A]`` (``absent``: none)."""
    if reading is None:
        return "absent"
    text = _marks_text(reading.marks)
    if reading.observations:
        text += " +" + "+".join(reading.observations)
    if reading.batch is not None:
        text += f" [{reading.batch}]"
    return text


@dataclasses.dataclass(frozen=True)
class Step:
    """One entry at a station: record or correct a reading of ``serial``, or withdraw it."""

    action: StepAction
    station: str
    serial: str
    reading: Reading | None = None
    """The reading entered (``None`` for a withdrawal)."""
    reason: str = ""

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    def __repr__(self) -> str:
        head = f"{self.action}@{self.station} {self.serial}"
        return head if self.reading is None else f"{head} {reading_text(self.reading)}"


@dataclasses.dataclass(frozen=True)
class SessionScript:
    """Everything a board does in one contest's count, in order, and the ballots as they are.

    ``truth`` is the ballots the board agrees on at the end (serial → reading); the ``steps``
    enter them at each station with mistakes on the way — corrected, withdrawn, or left for the
    board to rule on in ``rulings`` (the last ruling of a serial stands). ``decisions`` resolve
    a tie at the cut-off (``False``) or at the alternates' cut-off (``True``).
    """

    contest: Contest
    roll: Roll
    rules: RuleSet
    board: tuple[BoardMember, ...]
    issued: int
    batches: tuple[tuple[str, int], ...]
    stations: tuple[str, ...]
    steps: tuple[Step, ...]
    rulings: tuple[tuple[str, Reading | None], ...]
    collected: int | None
    decisions: tuple[tuple[bool, TieDecision], ...]
    truth: tuple[tuple[str, Reading], ...]

    @property
    def key(self) -> str:
        """The contest's key in the log."""
        return self.contest.id

    @property
    def disputed(self) -> tuple[str, ...]:
        """The serials the stations leave in dispute (those the board rules on), in order."""
        return tuple(dict.fromkeys(serial for serial, _ in self.rulings))

    @property
    def events(self) -> int:
        """How many events :func:`play` writes when the count closes."""
        return (
            3  # session opened, contest opened, ballots issued
            + (1 if self.board else 0)
            + len(self.batches)
            + len(self.steps)
            + len(self.rulings)
            + (0 if self.collected is None else 1)
            + 1  # count closed
            + len(self.decisions)
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    def __repr__(self) -> str:
        c = self.contest
        names = ", ".join(f"{i} {name}" for i, name in enumerate(c.names, start=1))
        roll = self.roll
        lines = [
            "SessionScript(",
            f"  contest={c.id!r} {c.body.value} seats={c.seats} alternates={c.alternates} "
            f"form={c.form.value} candidates=[{names}]",
            f"  roll={roll.kind.value} convened={roll.convened} present={roll.present} "
            f"deductions={ {k.value: v for k, v in roll.deductions.items()} } base={roll.base}",
            f"  rules={self.rules.name} tie={self.rules.tie.policy.value} "
            f"board={[m.name + ('*' if m.role == 'head' else '') for m in self.board]}",
            f"  issued={self.issued} collected={self.collected} stations={list(self.stations)} "
            f"batches={dict(self.batches)}",
            "  steps:",
            *(f"    {step!r}" for step in self.steps),
            "  rulings:",
            *(f"    {serial}: {reading_text(r)}" for serial, r in self.rulings),
            "  decisions:",
            *(
                f"    {'alternates' if alt else 'tie'}: {list(d.winners)}"
                for alt, d in self.decisions
            ),
            "  truth:",
            *(f"    {serial}: {reading_text(r)}" for serial, r in self.truth),
            ")",
        ]
        return "\n".join(lines)


class StepClock:
    """A deterministic clock: ``start`` plus one second more at every call."""

    def __init__(self, start: dt.datetime = dt.datetime(2025, 6, 1, 8, 0, tzinfo=dt.UTC)):
        self.start = start
        self.ticks = 0

    def __call__(self) -> dt.datetime:
        self.ticks += 1
        return self.start + dt.timedelta(seconds=self.ticks)


def reading_of_row(
    form: BallotForm, row: npt.NDArray[np.uint8], flags: int, batch: str | None = None
) -> Reading:
    """The :class:`~tally.events.Reading` of one row of a mark matrix and its observation
    flags, as a station would store it (ballot numbers and observation codes sorted)."""
    numbered = [(n, int(mark)) for n, mark in enumerate(row, start=1)]
    if form is BallotForm.STRIKE_OUT:
        marks = Marks(struck=tuple(n for n, mark in numbered if mark == Mark.STRUCK))
    else:
        marks = Marks(
            agree=tuple(n for n, mark in numbered if mark == Mark.AGREE),
            disagree=tuple(n for n, mark in numbered if mark == Mark.DISAGREE),
            both=tuple(n for n, mark in numbered if mark == Mark.BOTH),
        )
    codes = tuple(code for code in _CODES if flags & OBSERVATION_CODES[code])
    return Reading(marks=marks, observations=codes, batch=batch)


def flip_mark(form: BallotForm, reading: Reading, number: int, shift: int = 0) -> Reading:
    """``reading`` with the mark of candidate ``number`` changed: kept ↔ struck on the
    strike-out form; on the yes/no form to another of neither/agree/disagree/both."""
    marks = reading.marks
    if form is BallotForm.STRIKE_OUT:
        struck = set(marks.struck or ())
        struck.symmetric_difference_update({number})
        return reading.model_copy(update={"marks": Marks(struck=tuple(struck))})
    groups = {1: set(marks.agree or ()), 2: set(marks.disagree or ()), 3: set(marks.both or ())}
    old = next((mark for mark, numbers in groups.items() if number in numbers), 0)
    new = (old + 1 + shift % 3) % 4
    if old:
        groups[old].discard(number)
    if new:
        groups[new].add(number)
    changed = Marks(agree=tuple(groups[1]), disagree=tuple(groups[2]), both=tuple(groups[3]))
    return reading.model_copy(update={"marks": changed})


def toggle_observation(reading: Reading, code: str) -> Reading:
    """``reading`` with observation ``code`` added or removed (codes stay sorted)."""
    codes = set(reading.observations) ^ {code}
    return reading.model_copy(update={"observations": tuple(sorted(codes))})


def _mistake(
    form: BallotForm, k: int, batches: tuple[str, ...], reading: Reading, detail: int
) -> Reading:
    """A misreading of ``reading``, different from it: a mark, an observation or a stack."""
    what = detail % 4
    if what == 2:
        return toggle_observation(reading, _CODES[(detail // 4) % len(_CODES)])
    if what == 3 and len(batches) > 1:
        others = [b for b in batches if b != reading.batch]
        return reading.model_copy(update={"batch": others[(detail // 4) % len(others)]})
    return flip_mark(form, reading, (detail // 4) % k + 1, detail // (4 * k))


_Noise = Literal["corrected", "withdrawn", "stray", "disputed", "missing", "extra", "reruled"]
_NOISES: Final[tuple[_Noise, ...]] = (
    "corrected",
    "disputed",
    "missing",
    "withdrawn",
    "stray",
    "extra",
    "reruled",
)
_LASTING: Final[frozenset[str]] = frozenset({"disputed", "missing", "extra", "reruled"})
"""Mistakes left in the log for the board to rule on."""


@st.composite
def _board(draw: st.DrawFn, contest: Contest) -> tuple[BoardMember, ...]:
    size = draw(st.integers(0, 3))
    if not size:
        return ()
    taken = {name_identity(name) for name in contest.names}
    names = draw(
        st.lists(
            _NAMES.filter(lambda n: name_identity(n) not in taken),
            min_size=size,
            max_size=size,
            unique_by=name_identity,
        )
    )
    return tuple(
        BoardMember(name=name, role="head" if i == 0 else "member") for i, name in enumerate(names)
    )


@st.composite
def _decisions(
    draw: st.DrawFn, contest: Contest, result: ContestResult, count: Callable[..., ContestResult]
) -> tuple[tuple[bool, TieDecision], ...]:
    decisions: list[tuple[bool, TieDecision]] = []
    tie_decision: TieDecision | None = None
    for alternates in (False, True):
        status = result.outcome.status
        tie = result.outcome.alternate_tie if alternates else result.outcome.tie
        wanted = OutcomeStatus.ALTERNATE_TIE if alternates else OutcomeStatus.TIE
        if status is not wanted or tie is None or not draw(st.integers(0, 3)):
            break
        order = draw(st.permutations(tie.candidates))
        decision = TieDecision(winners=tuple(order[: tie.seats_at_stake]), note="Bầu lại")
        decisions.append((alternates, decision))
        if alternates:
            break
        tie_decision = decision
        result = count(decision=tie_decision)
    return tuple(decisions)


@st.composite
def _sessions(
    draw: st.DrawFn,
    max_ballots: int,
    max_candidates: int,
    min_stations: int,
    max_stations: int,
    batches: bool | None,
    mistakes: int,
) -> SessionScript:
    contest, truth_ballots, roll, issued = draw(
        counted_contests(max_candidates=max_candidates, max_convened=max_ballots)
    )
    rules = draw(st.sampled_from((QC_190, QC_244, _OLDER_WINS)))
    try:
        check_list(contest, rules)
    except ContestError:  # pragma: no cover - the presets agree on the list rule
        rules = QC_190
    form, k, n = contest.form, len(contest.candidates), len(truth_ballots)
    serials = [str(s) for s in truth_ballots.serials]

    use_batches = draw(st.booleans()) if batches is None else batches
    names: tuple[str, ...] = ()
    where: list[str | None] = [None] * n
    if use_batches:
        names = ("A", "B", "C")[: draw(st.integers(1, 3))]
        picks = draw(st.lists(st.integers(0, len(names) - 1), min_size=n, max_size=n))
        where = [names[i] for i in picks]
    expected = tuple((name, where.count(name)) for name in names)
    truth = {
        serial: reading_of_row(
            form, truth_ballots.marks[i], int(truth_ballots.observations[i]), where[i]
        )
        for i, serial in enumerate(serials)
    }

    stations = tuple(str(i) for i in range(1, draw(st.integers(min_stations, max_stations)) + 1))
    orders = [list(draw(st.permutations(serials))) if i else serials for i in range(len(stations))]
    noise: dict[tuple[int, int], tuple[_Noise | Literal["clean"], int]] = {}
    lasting: dict[int, int] = {}
    if n and mistakes:
        drawn = draw(
            st.lists(
                st.tuples(
                    st.integers(0, n - 1),
                    st.integers(0, len(stations) - 1),
                    st.sampled_from(_NOISES),
                    st.integers(0, 2**16),
                ),
                max_size=mistakes,
            )
        )
        skipped: dict[int, int] = {}
        for index, at, kind, detail in drawn:
            if (index, at) in noise:
                continue
            if kind == "missing" and skipped.get(at, 0) >= n - 1:
                continue  # a station is known by its entries: it must enter some ballot
            if kind in _LASTING:
                if lasting.get(index, 0) >= len(stations) - 1:
                    continue
                lasting[index] = lasting.get(index, 0) + 1
            if kind == "missing":
                skipped[at] = skipped.get(at, 0) + 1
            noise[index, at] = (kind, detail)

    steps: list[Step] = []
    rulings: dict[str, list[Reading | None]] = {}
    for t, station in enumerate(stations):
        later: list[Step] = []
        for serial in orders[t]:
            index = serials.index(serial)
            true = truth[serial]
            what, detail = noise.get((index, t), ("clean", 0))
            wrong = _mistake(form, k, names, true, detail)
            if what == "clean":
                steps.append(Step("record", station, serial, true))
            elif what == "corrected":
                steps.append(Step("record", station, serial, wrong))
                fix = Step("correct", station, serial, true, reason="Đọc nhầm")
                (later if detail % 2 else steps).append(fix)
            elif what == "withdrawn":
                steps.append(Step("record", station, serial, wrong))
                steps.append(Step("withdraw", station, serial, reason="Nhập nhầm"))
                later.append(Step("record", station, serial, true))
            elif what == "stray":
                steps.append(Step("record", station, serial, true))
                steps.append(Step("record", station, f"W-{serial}", wrong))
                later.append(Step("withdraw", station, f"W-{serial}", reason="Không có phiếu này"))
            elif what in ("disputed", "reruled"):
                steps.append(Step("record", station, serial, wrong))
                first = [wrong] if what == "reruled" else []
                rulings.setdefault(serial, [*first, true])
            elif what == "missing":
                rulings.setdefault(serial, [true])
            else:  # extra: a ballot that does not exist, entered at some stations only
                steps.append(Step("record", station, serial, true))
                steps.append(Step("record", station, f"X-{serial}", wrong))
                rulings.setdefault(f"X-{serial}", [None])
        steps.extend(later)
    ruled = tuple((serial, r) for serial, readings in rulings.items() for r in readings)

    collected = draw(st.sampled_from((n, None)))
    board = draw(_board(contest))

    def count(decision: TieDecision | None = None) -> ContestResult:
        return count_contest(
            contest,
            truth_ballots,
            roll=roll,
            issued=issued,
            collected=collected,
            rules=rules,
            decision=decision,
        )

    decisions = draw(_decisions(contest, count(), count))
    return SessionScript(
        contest=contest,
        roll=roll,
        rules=rules,
        board=board,
        issued=issued,
        batches=expected,
        stations=stations,
        steps=tuple(steps),
        rulings=ruled,
        collected=collected,
        decisions=decisions,
        truth=tuple(truth.items()),
    )


def sessions(
    *,
    max_ballots: int = 30,
    max_candidates: int = 8,
    min_stations: int = 1,
    max_stations: int = 3,
    batches: bool | None = None,
    mistakes: int = 6,
) -> st.SearchStrategy[SessionScript]:
    """Scripts of a whole count (:class:`SessionScript`) that :func:`play` drives through a
    :class:`~tally.session.CountingSession` to a closed count.

    The contest, roll and ballots come from :func:`counted_contests` (``max_ballots`` caps the
    members convened, so the ballots, except for a chi ủy or a committee's conference, which
    need nine members or the whole list). The same ballots are entered at
    ``min_stations..max_stations`` stations, each in its own order, with up to ``mistakes``
    mistakes on the way: a misreading corrected, an entry withdrawn and entered again, a stray
    serial withdrawn, and — with two stations or more — a misreading, a skipped ballot or a
    ballot that does not exist, left for the board to rule on (never at every station, so the
    stations always disagree on it).
    Stacks (sấp phiếu), when ``batches`` (drawn if ``None``), hold exactly the ballots the
    board counts into them. A tie at the cut-off is usually resolved by a recorded decision.

    >>> import pathlib, tempfile
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=5, deadline=None)
    ... @given(sessions(max_ballots=8))
    ... def test_closes(script):
    ...     with tempfile.TemporaryDirectory() as folder:
    ...         result = play(script, pathlib.Path(folder) / "log.jsonl")
    ...     assert result is not None and result.count.collected == len(script.truth)
    >>> test_closes()
    """
    if max_ballots < 1:
        raise InvalidArgument(f"max_ballots must be at least 1, got {max_ballots}")
    if not 1 <= min_stations <= max_stations:
        raise InvalidArgument(
            f"need 1 <= min_stations <= max_stations, got {min_stations}, {max_stations}"
        )
    if mistakes < 0:
        raise InvalidArgument(f"mistakes must not be negative, got {mistakes}")
    return _sessions(max_ballots, max_candidates, min_stations, max_stations, batches, mistakes)


def _given(form: BallotForm, reading: Reading) -> MarksGiven:
    """The entry keywords that give ``reading``'s marks and observations."""
    marks = reading.marks
    if form is BallotForm.STRIKE_OUT:
        return {"struck": marks.struck or (), "observations": reading.observations}
    return {
        "agree": marks.agree or (),
        "disagree": marks.disagree or (),
        "both": marks.both or (),
        "observations": reading.observations,
    }


def start(
    script: SessionScript, path: Path, clock: Callable[[], dt.datetime] | None = None
) -> ContestSession:
    """Open a session at ``path`` and the script's contest: board, ballots issued, stacks."""
    session = CountingSession.open(path, station=script.stations[0], clock=clock or StepClock())
    contest = session.open_contest(script.contest, roll=script.roll, rules=script.rules)
    if script.board:
        contest.constitute_board(script.board)
    contest.issue(script.issued)
    for batch, expected in script.batches:
        contest.declare_batch(batch, expected)
    return contest


def apply_step(contest: ContestSession, step: Step) -> int:
    """Enter ``step`` through the session's API; the event's seq."""
    if step.action == "withdraw":
        return contest.withdraw(step.serial, reason=step.reason, station=step.station)
    reading = step.reading
    assert reading is not None
    given = _given(contest.state.contest.form, reading)
    if step.action == "correct":
        return contest.correct(
            step.serial, reason=step.reason, batch=reading.batch, station=step.station, **given
        )
    return contest.record(step.serial, batch=reading.batch, station=step.station, **given)


def apply_ruling(contest: ContestSession, serial: str, reading: Reading | None) -> int:
    """Record the board's ruling on ``serial`` (``None``: there is no such ballot)."""
    if reading is None:
        return contest.rule(serial, note="Không có phiếu này", absent=True)
    given = _given(contest.state.contest.form, reading)
    return contest.rule(serial, note="Ban kiểm phiếu xem lại phiếu", batch=reading.batch, **given)


def perform(
    script: SessionScript, path: Path, clock: Callable[[], dt.datetime] | None = None
) -> tuple[ContestSession, ContestResult | None]:
    """Play ``script`` into a new log at ``path``; the contest's handle and its result
    (``None`` when the count does not reconcile, e.g. a stack holds the wrong number)."""
    contest = start(script, path, clock)
    for step in script.steps:
        apply_step(contest, step)
    for serial, reading in script.rulings:
        apply_ruling(contest, serial, reading)
    if script.collected is not None:
        contest.collect(script.collected)
    try:
        result = contest.close()
    except ReconciliationError:
        return contest, None
    for alternates, decision in script.decisions:
        result = contest.decide(decision, alternates=alternates)
    return contest, result


def play(
    script: SessionScript, path: Path, clock: Callable[[], dt.datetime] | None = None
) -> ContestResult | None:
    """Drive a :class:`~tally.session.CountingSession` through ``script`` into a new log at
    ``path``; the result of the closed count (after any decisions), or ``None`` when the
    count does not reconcile."""
    return perform(script, path, clock)[1]
