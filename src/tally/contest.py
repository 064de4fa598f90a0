"""A contest: one body or post, its seats and its candidate list in ballot order (RULES §2, §5).

>>> contest = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=3,
...                   candidates=["Trần Văn Đức", "Lê Thị Dung", "Nguyễn Văn An", "Phạm Thị Bình"])
>>> [c.name for c in contest.candidates]
['Nguyễn Văn An', 'Phạm Thị Bình', 'Lê Thị Dung', 'Trần Văn Đức']
>>> contest.form.value, contest.number_of("Lê Thị Dung"), contest.number_of(4)
('strike_out', 3, 4)
>>> check_list(contest, QC_190)
"""

from __future__ import annotations

import operator
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, field_validator, model_validator

from tally.bodies import Body
from tally.errors import ContestError, Location, NameFormatError
from tally.lookalikes import difference
from tally.names import (
    PersonName,
    ballot_order_key,
    name_identity,
    normalize_name,
    parse_name,
)
from tally.rules import QC_190, RuleSet
from tally.terms import Term

__all__ = ["QC_190", "BallotForm", "Candidate", "Contest", "check_list"]


SINGLE_POSTS = frozenset(
    {Body.SECRETARY, Body.INSPECTION_CHAIR, Body.CELL_SECRETARY, Body.CELL_DEPUTY_SECRETARY}
)
"""Posts held by one person (a chi bộ has one deputy secretary, RULES §6)."""


class BallotForm(StrEnum):
    """The ballot's layout, chosen by the list's length against the seats (RULES §2)."""

    STRIKE_OUT = "strike_out"
    """List longer than the seats: the voter strikes the names they do not vote for."""
    YES_NO = "yes_no"
    """List no longer than the seats: agree / disagree boxes per name."""


Gender = Literal["male", "female"]


class Candidate(BaseModel):
    """A person on the list. Personal data is optional and used for composition and ties."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    birth_date: date | None = None
    party_admission_date: date | None = None
    gender: Gender | None = None
    ethnicity: str | None = None
    incumbent: bool | None = None
    """Member of the outgoing body (re-elected if elected again) — for the composition report."""

    @field_validator("name")
    @classmethod
    def _normalise(cls, value: str) -> str:
        return normalize_name(value)

    @property
    def person(self) -> PersonName:
        """The name split into surname, middle and given name."""
        return parse_name(self.name)


def _as_candidates(value: Any) -> Any:
    """A name alone stands for a candidate without personal data."""
    if isinstance(value, list | tuple):
        return tuple(Candidate(name=v) if isinstance(v, str) else v for v in value)
    return value


Candidates = Annotated[tuple[Candidate, ...], BeforeValidator(_as_candidates)]
"""Candidates given as :class:`Candidate` objects or plain names, in any mix."""


class Contest(BaseModel):
    """One election on one ballot: the body or post, the seats, the list in ballot order.

    Candidates may be given as names or :class:`Candidate` objects, in any order; they are
    stored in ballot order (given name, surname, middle, Vietnamese collation).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    body: Body
    seats: int
    candidates: Candidates
    title: str | None = None
    round: int = 1
    """1 for the first ballot; 2, 3… for further rounds of the same election (RULES §4)."""
    alternates: int = 0
    """Delegates to the upper congress only: alternates (dự khuyết) elected on the same ballot,
    the next ones above the threshold after the official delegates (RULES §6)."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.seats < 1:
            raise ContestError("contest.seats", Location(field="seats"), seats=self.seats)
        if self.body in SINGLE_POSTS and self.seats > 1:
            raise ContestError(
                "contest.single_post",
                Location(field="seats"),
                body=Term(self.body),
                seats=self.seats,
            )
        if self.alternates < 0 or (self.alternates and self.body is not Body.UPPER_DELEGATES):
            raise ContestError(
                "contest.alternates", Location(field="alternates"), alternates=self.alternates
            )
        if not self.candidates:
            raise ContestError("contest.no_candidates", Location(field="candidates"))
        derived: _Derived | None = self.__dict__.get(_DERIVED)
        if derived is None or not derived.checked or derived.candidates is not self.candidates:
            self._check_candidates()
        return self

    def _check_candidates(self) -> None:
        """No name twice; the candidates in ballot order.

        Done once per candidate tuple: pydantic re-runs :meth:`_check` whenever this contest is
        a field of another model (a result, a congress record), and the tuple is then the one
        already checked and ordered.
        """
        seen: dict[object, str] = {}
        for candidate in self.candidates:
            key = name_identity(candidate.name)
            first = seen.get(key)
            if first is not None:
                raise _duplicate(first, candidate.name)
            seen[key] = candidate.name
        ordered = tuple(sorted(self.candidates, key=lambda c: ballot_order_key(c.name)))
        # The same objects, no two equal (checked above): compare by identity.
        if not all(map(operator.is_, ordered, self.candidates)):
            object.__setattr__(self, "candidates", ordered)
        self.__dict__[_DERIVED] = _Derived(self.candidates, checked=True)

    @property
    def _derived(self) -> _Derived:
        """Names and numbers of the current candidate tuple (recomputed if it was replaced,
        e.g. by ``model_copy(update=...)``)."""
        derived: _Derived | None = self.__dict__.get(_DERIVED)
        if derived is None or derived.candidates is not self.candidates:
            derived = _Derived(self.candidates, checked=False)
            self.__dict__[_DERIVED] = derived
        return derived

    @property
    def form(self) -> BallotForm:
        """Strike-out when the list is longer than the seats, yes/no otherwise."""
        return (
            BallotForm.STRIKE_OUT if len(self.candidates) > self.ballot_seats else BallotForm.YES_NO
        )

    @property
    def ballot_seats(self) -> int:
        """How many names a ballot may vote for: the seats, plus the alternates elected on the
        same ballot (RULES §6 [U])."""
        return self.seats + self.alternates

    @property
    def names(self) -> tuple[str, ...]:
        """Candidate names in ballot order."""
        return self._derived.names

    def number_of(self, ref: object) -> int:
        """The 1-based ballot number of a candidate given by number or by name.

        Raises :class:`KeyError` for an unknown reference (of any type); callers turn it into a
        located error.
        """
        if isinstance(ref, bool) or not isinstance(ref, int | str):
            raise KeyError(ref)
        if isinstance(ref, int) or (ref.strip().isascii() and ref.strip().isdigit()):
            try:
                number = int(ref)
            except ValueError:  # more digits than Python converts: no such ballot number
                raise KeyError(ref) from None
            if 1 <= number <= len(self.candidates):
                return number
            raise KeyError(ref)
        try:
            key = name_identity(ref)
        except NameFormatError:
            raise KeyError(ref) from None
        found = self._derived.numbers_by_name.get(key)
        if found is None:
            raise KeyError(ref)
        return found


def _duplicate(first: str, second: str) -> ContestError:
    """Two names on one list that read as one: the same text, or two spellings (shown, with
    the code points where they differ)."""
    where = Location(field="candidates")
    if first == second:
        return ContestError("contest.duplicate_candidate", where, name=second)
    return ContestError(
        "contest.lookalike_candidates",
        where,
        first=first,
        second=second,
        difference=difference(first, second),
    )


_DERIVED = "_derived_from_candidates"
"""Key in a :class:`Contest`'s ``__dict__`` of its :class:`_Derived` data: not a field, so it is
left out of ``model_dump``, JSON, ``dict()``, ``repr`` and ``==`` (which compare fields only)."""


class _Derived:
    """What a contest derives from one candidate tuple, computed once and kept with the tuple.

    ``checked`` says whether :meth:`Contest._check_candidates` checked and ordered this very
    tuple (not so for a contest made by ``model_construct`` whose names were read).
    """

    def __init__(self, candidates: tuple[Candidate, ...], *, checked: bool) -> None:
        self.candidates = candidates
        self.checked = checked
        self.names = tuple(c.name for c in candidates)
        self._numbers_by_name: dict[object, int] | None = None

    @property
    def numbers_by_name(self) -> dict[object, int]:
        """Ballot number by :func:`~tally.names.name_identity`."""
        if self._numbers_by_name is None:
            self._numbers_by_name = {
                name_identity(name): i for i, name in enumerate(self.names, start=1)
            }
        return self._numbers_by_name


def check_list(contest: Contest, rules: RuleSet = QC_190) -> None:
    """Check the list's length against the seats under ``rules.surplus`` (RULES §5, Art. 14).

    Committees (BCH, BTV, chi ủy) need a list longer than the seats, with a surplus of at most
    30% of the seats, or at most one for bodies of 3–5 seats. Other posts have no surplus rule,
    and neither has a further round, whose list the congress decides.
    """
    policy = rules.surplus
    further = contest.round > 1 and not rules.rounds.surplus_in_further_rounds
    if contest.body not in policy.bodies or further:
        return
    n, seats = len(contest.candidates), contest.seats
    where = Location(field=f"contest.{contest.id}.candidates")
    citation = policy.citation
    if n <= seats:
        raise ContestError(
            "contest.list_not_longer",
            where,
            body=Term(contest.body),
            n=n,
            seats=seats,
            minimum=seats + 1,
            citation=citation,
        )
    maximum = policy.max_surplus(seats)
    if n - seats > maximum:
        raise ContestError(
            "contest.surplus_too_large",
            where,
            body=Term(contest.body),
            surplus=n - seats,
            seats=seats,
            maximum=maximum,
            allowed_n=seats + maximum,
            citation=citation,
        )
