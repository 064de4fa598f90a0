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

import hashlib
import json
import numbers
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal, Self

from pydantic import BeforeValidator, Field, field_validator, model_validator

from tally.arguments import checked
from tally.errors import ContestError, Location, NameFormatError
from tally.i18n.labels import Term
from tally.i18n.messages import Lang, text
from tally.model.base import FrozenModel
from tally.model.bodies import Body
from tally.model.lookalikes import difference
from tally.model.names import (
    PersonName,
    ballot_order_key,
    name_identity,
    normalize_name,
    parse_name,
)
from tally.model.plain_text import one_line
from tally.model.rules import QC_190, RuleSet

__all__ = ["QC_190", "BallotForm", "BallotList", "Candidate", "Contest", "check_list"]


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
NominatedBy = Literal["committee", "congress", "self"]
"""Who put a name on the list: the convening committee, the congress (from the floor), or the
person (self-nominated) — printed in the minutes' "Ghi chú" column."""


def _written_when_given() -> Any:
    """A field left out of the JSON while ``None``, so a result's JSON says no more than before
    the field existed."""
    return Field(default=None, exclude_if=_is_none)


def _is_none(value: object) -> bool:
    return value is None


class Candidate(FrozenModel):
    """A person on the list. Personal data is optional and used for composition and ties."""

    name: str
    birth_date: date | None = None
    party_admission_date: date | None = None
    gender: Gender | None = None
    ethnicity: str | None = None
    incumbent: bool | None = None
    """Member of the outgoing body this list elects (re-elected if elected to it again) — for
    the composition report; it says nothing of another body's list."""
    nominated_by: NominatedBy | None = _written_when_given()
    """Who put the name on the list, for the minutes' "Ghi chú" column."""
    note: str | None = _written_when_given()
    """Anything else the board writes in the "Ghi chú" column, as written."""
    outgoing: tuple[Body, ...] | None = _written_when_given()
    """The outgoing bodies and posts the person sat on (``()``: none), so that one list
    describes them for every contest: re-elected to a body they sat on, new to the others."""

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


class Contest(FrozenModel):
    """One election on one ballot: the body or post, the seats, the list in ballot order.

    Candidates may be given as names or :class:`Candidate` objects, in any order; they are
    stored in ballot order (given name, surname, middle, Vietnamese collation).
    """

    id: str
    body: Body
    seats: int
    candidates: Candidates
    title: str | None = None
    """What the minutes call the contest, when not the body's name (one line)."""
    round: int = 1
    """1 for the first ballot; 2, 3… for further rounds of the same election (RULES §4)."""
    alternates: int = 0
    """Delegates to the upper congress only: alternates (dự khuyết) elected on the same ballot,
    the next ones above the threshold after the official delegates (RULES §6)."""

    @field_validator("id", "title", mode="after")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        return None if value is None else one_line(value)

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
        for number, candidate in enumerate(self.candidates, start=1):
            key = name_identity(candidate.name)
            first = seen.get(key)
            if first is not None:
                raise _duplicate(first, candidate.name, number)
            seen[key] = candidate.name
            _check_outgoing(candidate, self.body, number)
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

    @property
    def ballot_list(self) -> BallotList:
        """The list as printed on this contest's ballot, with its fingerprint: what every set
        of ballots entered against this contest is bound to (made once per list)."""
        return self._derived.ballot_list(self)

    def number_of(self, ref: object) -> int:
        """The 1-based ballot number of a candidate given by number or by name.

        Raises :class:`KeyError` for an unknown reference (of any type); callers turn it into a
        located error.
        """
        return ballot_number(ref, len(self.candidates), lambda: self._derived.numbers_by_name)


def ballot_number(ref: object, listed: int, by_name: Callable[[], Mapping[object, int]]) -> int:
    """The 1-based number of a person on a list of ``listed`` names, given by number (plain
    digits: look-alike or overlong ones are no number) or by name (``by_name`` maps each
    :func:`~tally.model.names.name_identity` to its number); :class:`KeyError` otherwise."""
    if type(ref) is not int and isinstance(ref, numbers.Integral) and not isinstance(ref, bool):
        ref = int(ref)  # a numpy integer read from an array or a frame
    if isinstance(ref, bool) or not isinstance(ref, int | str):
        raise KeyError(ref)
    if isinstance(ref, int) or (ref.strip().isascii() and ref.strip().isdigit()):
        try:
            number = int(ref)
        except ValueError:  # more digits than Python converts: no such ballot number
            raise KeyError(ref) from None
        if 1 <= number <= listed:
            return number
        raise KeyError(ref)
    try:
        key = name_identity(ref)
    except NameFormatError:
        raise KeyError(ref) from None
    found = by_name().get(key)
    if found is None:
        raise KeyError(ref)
    return found


def _check_outgoing(candidate: Candidate, body: Body, number: int) -> None:
    """``incumbent`` on a list says whether the person sat on the outgoing body it elects;
    ``outgoing``, given beside it, must say the same."""
    outgoing, incumbent = candidate.outgoing, candidate.incumbent
    if outgoing is None or incumbent is None or incumbent == (body in outgoing):
        return
    raise ContestError(
        "contest.incumbent_outgoing",
        Location(field=f"candidates#{number}"),
        name=candidate.name,
        incumbent="true" if incumbent else "false",
        body=Term(body),
        outgoing=", ".join(f'"{b.value}"' for b in outgoing),
    )


def _duplicate(first: str, second: str, number: int) -> ContestError:
    """Two names on one list that read as one: the same text, or two spellings (shown, with
    how they differ). The field names the second as given: ``candidates#3`` is the third name
    of the list (``contest.bch.candidates#3`` in a spec)."""
    where = Location(field=f"candidates#{number}")
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
        self._lists: dict[tuple[str, int, int, int], BallotList] = {}

    def ballot_list(self, contest: Contest) -> BallotList:
        """The :class:`BallotList` of ``contest`` (whose candidates are this tuple)."""
        shape = (contest.id, contest.round, contest.seats, contest.alternates)
        found = self._lists.get(shape)
        if found is None:
            found = BallotList.of(*shape, names=self.names, form=contest.form)
            self._lists[shape] = found
        return found

    @property
    def numbers_by_name(self) -> dict[object, int]:
        """Ballot number by :func:`~tally.model.names.name_identity`."""
        if self._numbers_by_name is None:
            self._numbers_by_name = {
                name_identity(name): i for i, name in enumerate(self.names, start=1)
            }
        return self._numbers_by_name


@dataclass(frozen=True)
class BallotList:
    """The list a set of ballots was entered against — contest, round, seats, names in ballot
    order, form — and its fingerprint ``key`` (SHA-256 of all of them).

    A ballot records marks by position; the same position means another person on another
    list. Ballots carry the list they were entered against, and counting them against a
    different one is refused with :meth:`difference` (DESIGN invariant: ballots stay bound to
    their list).

    >>> a = BallotList.of("bch", 1, 1, 0, names=("Lê Văn An", "Ngô Thị Bình"),
    ...                   form=BallotForm.STRIKE_OUT)
    >>> b = BallotList.of("bch", 1, 1, 0, names=("Lê Văn An", "Ngô Thị Bính"),
    ...                   form=BallotForm.STRIKE_OUT)
    >>> a.key == b.key, a.difference(b).render("en")
    (False, 'removed from the list: Ngô Thị Bình; added: Ngô Thị Bính')
    """

    contest_id: str
    round: int
    seats: int
    alternates: int
    names: tuple[str, ...]
    form: BallotForm
    key: str

    @classmethod
    def of(
        cls,
        contest_id: str,
        round: int,
        seats: int,
        alternates: int,
        *,
        names: tuple[str, ...],
        form: BallotForm,
    ) -> BallotList:
        """The list with its fingerprint computed."""
        canonical = json.dumps(
            [contest_id, round, seats, alternates, form.value, list(names)],
            ensure_ascii=False,
            separators=(",", ":"),
        )
        key = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        return cls(contest_id, round, seats, alternates, names, form, key)

    def difference(self, other: BallotList) -> ListDifference:
        """What differs from this list to ``other``, for a message."""
        removed = tuple(n for n in self.names if n not in other.names)
        added = tuple(n for n in other.names if n not in self.names)
        reordered = not removed and not added and self.names != other.names
        changes: list[tuple[str, object, object]] = []
        for field in ("contest_id", "round", "seats", "alternates", "form"):
            if getattr(self, field) != getattr(other, field):
                changes.append((field, getattr(self, field), getattr(other, field)))
        return ListDifference(removed, added, reordered, tuple(changes))


@dataclass(frozen=True)
class ListDifference:
    """How two ballot lists differ, rendered in the reader's language."""

    removed: tuple[str, ...]
    added: tuple[str, ...]
    reordered: bool
    changes: tuple[tuple[str, object, object], ...]

    def render(self, lang: Lang = "vi") -> str:
        """One line: names removed and added, order, and changed figures."""
        parts: list[str] = []
        if self.removed:
            parts.append(text("list.removed", lang, names=", ".join(self.removed)))
        if self.added:
            parts.append(text("list.added", lang, names=", ".join(self.added)))
        if self.reordered:
            parts.append(text("list.reordered", lang))
        for field, before, after in self.changes:
            shown = (
                (Term(before).render(lang), Term(after).render(lang))
                if isinstance(before, BallotForm) and isinstance(after, BallotForm)
                else (before, after)
            )
            parts.append(
                text(
                    "list.changed",
                    lang,
                    what=text(f"list.{field}", lang),
                    before=shown[0],
                    after=shown[1],
                )
            )
        return "; ".join(parts)


@checked
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
