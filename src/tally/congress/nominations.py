"""Building the list: the convening committee's names, floor nominations, withdrawals, and the
trimming poll when the surplus is too large (RULES §5; QĐ 190-QĐ/TW Điều 14; 03-HD/TW).

A floor nomination or self-nomination enters the list only with the agreement of **more than
30%** of those attending. If the list then exceeds the seats by more than the surplus allowed,
a secret poll ranks the floor nominees and keeps them from the top until the surplus fits.

The 03-HD/TW example — 35 seats, 40 names from the committee, 8 floor nominees admitted:
at most 35 + 10 = 45 names, so 5 of the 8 stay:

>>> given = ["An", "Bình", "Cúc", "Dung", "Đức", "Giang", "Hà", "Hải", "Khoa", "Lan"]
>>> committee = [f"Phạm {m} {g}" for m in ("Văn", "Thị", "Minh", "Hữu") for g in given]
>>> floor = [Nomination(name=f"Trần Văn {g}", support=60) for g in given[:8]]
>>> poll = {n.name: v for n, v in zip(floor, [90, 80, 70, 60, 50, 40, 30, 20])}
>>> built = build_list(ListDraft(body=Body.EXECUTIVE_COMMITTEE, seats=35, attending=150,
...                              committee=committee, nominations=floor, poll=poll))
>>> len(built.final), built.kept_by_poll[-1], len(built.dropped_by_poll), built.status.value
(45, 'Trần Văn Đức', 3, 'ready')
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Self

from pydantic import model_validator

from tally.errors import ContestError, Location
from tally.model.base import FrozenModel
from tally.model.bodies import Body
from tally.model.contest import Candidate, Candidates
from tally.model.names import name_identity
from tally.model.rules import QC_190, RuleSet

NOMINATION_SHARE = (3, 10)
"""A floor nomination needs the agreement of more than 3/10 of those attending (RULES §5 [V])."""


class Nomination(FrozenModel):
    """A name put forward from the floor (or by the person), with how many agreed."""

    name: str
    support: int
    """How many of those attending agreed to put the name on the list."""
    self_nominated: bool = False
    candidate: Candidate | None = None
    """Personal data for the list (birth date…); the name is taken from ``name``."""

    def admitted(self, attending: int) -> bool:
        """More than 30% of those attending agreed (``10 * support > 3 * attending``)."""
        num, den = NOMINATION_SHARE
        return den * self.support > num * attending


class Withdrawal(FrozenModel):
    """A request to withdraw from the list, and the congress's decision on it (RULES §5 [V])."""

    name: str
    approved: bool
    note: str = ""


class ListStatus(StrEnum):
    """Whether the list is ready for the approving open vote."""

    READY = "ready"
    NEEDS_POLL = "needs_poll"
    """Too many names: a trimming poll among the floor nominees is needed."""
    POLL_TIE = "poll_tie"
    """Equal poll votes at the cut: the congress must decide (e.g. a new poll among them)."""
    COMMITTEE_LIST_TOO_LONG = "committee_list_too_long"
    """Even without any floor nominee the list breaks the surplus rule."""
    TOO_SHORT = "too_short"
    """The list is no longer than the seats: a committee's list needs a surplus (RULES §5)."""


class ListDraft(FrozenModel):
    """Everything the congress decided about one list before approving it."""

    body: Body
    seats: int
    attending: int
    committee: Candidates
    """The convening committee's list."""
    nominations: tuple[Nomination, ...] = ()
    withdrawals: tuple[Withdrawal, ...] = ()
    poll: dict[str, int] | None = None
    """Votes for each floor nominee in the trimming poll, once it has been held."""

    @model_validator(mode="after")
    def _sensible(self) -> Self:
        on_list = {name_identity(c.name) for c in self.committee}
        nominated = {name_identity(n.name) for n in self.nominations}
        for nomination in self.nominations:
            if name_identity(nomination.name) in on_list:
                raise ContestError(
                    "list.already_listed", Location(field="nominations"), name=nomination.name
                )
            if not 0 <= nomination.support <= self.attending:
                raise ContestError(
                    "list.support",
                    Location(field="nominations"),
                    name=nomination.name,
                    support=nomination.support,
                    attending=self.attending,
                )
        for name in self.poll or {}:
            if name_identity(name) not in nominated:
                raise ContestError("list.poll_unknown", Location(field="poll"), name=name)
        return self


class BuiltList(FrozenModel):
    """The list the draft leads to, and how it got there."""

    final: tuple[Candidate, ...]
    """The names for the approving open vote (ballot order is applied by the contest)."""
    admitted: tuple[str, ...]
    not_admitted: tuple[str, ...]
    """Floor nominees with 30% or less of those attending."""
    withdrawn: tuple[str, ...]
    kept_by_poll: tuple[str, ...] = ()
    dropped_by_poll: tuple[str, ...] = ()
    poll_tie: tuple[str, ...] = ()
    """Floor nominees tied at the poll's cut, when the poll cannot decide."""
    max_names: int | None
    """The longest list the surplus rule allows (``None`` for posts without the rule)."""
    must_drop: int = 0
    """How many floor nominees the trimming poll must drop."""
    status: ListStatus


def build_list(draft: ListDraft, rules: RuleSet = QC_190) -> BuiltList:
    """Apply admission, withdrawals and the trimming poll to ``draft``."""
    admitted = [n for n in draft.nominations if n.admitted(draft.attending)]
    not_admitted = [n.name for n in draft.nominations if not n.admitted(draft.attending)]
    leaving = {name_identity(w.name) for w in draft.withdrawals if w.approved}
    known = {name_identity(c.name) for c in draft.committee} | {
        name_identity(n.name) for n in draft.nominations
    }
    for withdrawal in draft.withdrawals:
        if name_identity(withdrawal.name) not in known:
            raise ContestError(
                "list.unknown_withdrawal", Location(field="withdrawals"), name=withdrawal.name
            )
    committee = [c for c in draft.committee if name_identity(c.name) not in leaving]
    floor = [
        n.candidate.model_copy(update={"name": n.name}) if n.candidate else Candidate(name=n.name)
        for n in admitted
        if name_identity(n.name) not in leaving
    ]
    withdrawn = tuple(w.name for w in draft.withdrawals if w.approved)
    common: dict[str, Any] = {
        "admitted": tuple(n.name for n in admitted),
        "not_admitted": tuple(not_admitted),
        "withdrawn": withdrawn,
    }
    if draft.body not in rules.surplus.bodies:
        return BuiltList(
            final=tuple(committee + floor), max_names=None, status=ListStatus.READY, **common
        )
    max_names = draft.seats + rules.surplus.max_surplus(draft.seats)
    if len(committee) + len(floor) <= draft.seats:
        return BuiltList(
            final=tuple(committee + floor),
            max_names=max_names,
            status=ListStatus.TOO_SHORT,
            **common,
        )
    excess = len(committee) + len(floor) - max_names
    if excess <= 0:
        return BuiltList(
            final=tuple(committee + floor), max_names=max_names, status=ListStatus.READY, **common
        )
    if len(committee) > max_names:
        return BuiltList(
            final=tuple(committee + floor),
            max_names=max_names,
            must_drop=excess,
            status=ListStatus.COMMITTEE_LIST_TOO_LONG,
            **common,
        )
    if draft.poll is None:
        return BuiltList(
            final=tuple(committee + floor),
            max_names=max_names,
            must_drop=excess,
            status=ListStatus.NEEDS_POLL,
            **common,
        )
    poll = {name_identity(name): votes for name, votes in draft.poll.items()}
    ranked = sorted(floor, key=lambda c: -poll.get(name_identity(c.name), 0))
    keep = len(floor) - excess
    votes = [poll.get(name_identity(c.name), 0) for c in ranked]
    if keep > 0 and keep < len(ranked) and votes[keep - 1] == votes[keep]:
        cut = votes[keep]
        tied = tuple(c.name for c, v in zip(ranked, votes, strict=True) if v == cut)
        return BuiltList(
            final=tuple(committee + floor),
            max_names=max_names,
            must_drop=excess,
            poll_tie=tied,
            status=ListStatus.POLL_TIE,
            **common,
        )
    kept, dropped = ranked[:keep], ranked[keep:]
    kept_names = {c.name for c in kept}
    return BuiltList(
        final=tuple(committee + [c for c in floor if c.name in kept_names]),
        max_names=max_names,
        must_drop=excess,
        kept_by_poll=tuple(c.name for c in kept),
        dropped_by_poll=tuple(c.name for c in dropped),
        status=ListStatus.READY,
        **common,
    )
