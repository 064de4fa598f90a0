"""A congress as the board describes it: its identity, roll, rules, board and contests.

This is the model a spec file (:mod:`tally.spec`) loads into and the minutes print from. The
chain of contests (BCH → BTV → secretary) and rounds build on it.

>>> from tally.roll import CongressKind, Roll
>>> from tally.contest import Contest
>>> from tally.bodies import Body
>>> c = Congress(name="Đại hội Chi bộ 3", roll=Roll(kind=CongressKind.MEMBER_CONGRESS,
...              convened=7, present=7), board=[BoardMember(name="Lê Thị Hoa", role="head")],
...              contests=[ContestPlan(contest=Contest(id="bt", body=Body.CELL_SECRETARY, seats=1,
...              candidates=["Trần Văn Nam"]), issued=7)])
>>> c.plan("bt").issued, c.rules.name
(7, 'qc190')
>>> c.count("bt", Ballots.from_arrays(c.plan("bt").contest, [[1]] * 5 + [[2]] * 2)).outcome.elected
('Trần Văn Nam',)
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from tally.ballots import Ballots
from tally.contest import Contest
from tally.decide import TieDecision
from tally.errors import BoardError, Location
from tally.names import name_identity, normalize_name
from tally.result import ContestResult, count_contest
from tally.roll import Roll
from tally.rules import QC_190, RuleSet


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class BoardMember(_Frozen):
    """A member of the counting board (Ban kiểm phiếu)."""

    name: str
    role: Literal["head", "member"] = "member"

    @field_validator("name")
    @classmethod
    def _normalise(cls, value: str) -> str:
        return normalize_name(value)


class Complaint(_Frozen):
    """A complaint raised about the count, and how the board settled it."""

    summary: str
    settlement: str


class ContestPlan(_Frozen):
    """One contest with the board's figures for it: ballots issued, collected, time, decision."""

    contest: Contest
    issued: int
    collected: int | None = None
    counted_at: dt.datetime | None = None
    ballots: str | None = None
    """Path of the ballots file, relative to the spec file."""
    decision: TieDecision | None = None
    complaints: tuple[Complaint, ...] = ()


class Congress(_Frozen):
    """The congress (or conference) whose contests are counted."""

    name: str
    term: str | None = None
    place: str | None = None
    date: dt.date | None = None
    roll: Roll
    rules: RuleSet = QC_190
    board: tuple[BoardMember, ...] = ()
    contests: tuple[ContestPlan, ...] = ()

    @model_validator(mode="after")
    def _board_fits(self) -> Self:
        """One head; nobody twice; no board member on a list they count (RULES §7)."""
        if not self.board:
            return self
        heads = [m.name for m in self.board if m.role == "head"]
        if len(heads) != 1:
            raise BoardError("board.one_head", Location(field="board"), heads=len(heads))
        seen: dict[object, str] = {}
        for member in self.board:
            key = name_identity(member.name)
            if key in seen:
                raise BoardError("board.duplicate", Location(field="board"), name=member.name)
            seen[key] = member.name
        for plan in self.contests:
            for candidate in plan.contest.candidates:
                member_name = seen.get(name_identity(candidate.name))
                if member_name is not None:
                    raise BoardError(
                        "board.on_list",
                        Location(field=f"contest.{plan.contest.id}.candidates"),
                        name=member_name,
                        contest=plan.contest.id,
                    )
        return self

    def count(self, contest_id: str, ballots: Ballots) -> ContestResult:
        """Count the contest ``contest_id`` with this congress's roll, rules and the board's
        figures (issued, collected, any recorded decision)."""
        plan = self.plan(contest_id)
        return count_contest(
            plan.contest,
            ballots,
            roll=self.roll,
            issued=plan.issued,
            collected=plan.collected,
            rules=self.rules,
            decision=plan.decision,
        )

    def plan(self, contest_id: str) -> ContestPlan:
        """The contest with id ``contest_id``; :class:`KeyError` if there is none."""
        for plan in self.contests:
            if plan.contest.id == contest_id:
                return plan
        raise KeyError(contest_id)
