"""A congress as the board describes it: its identity, roll, rules, board and contests.

This is the model a spec file (:mod:`tally.io.spec`) loads into and the minutes print from. The
chain of contests (BCH → BTV → secretary) and rounds build on it.

>>> from tally.model.roll import CongressKind, Roll
>>> from tally.model.contest import Contest
>>> from tally.model.bodies import Body
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
from collections.abc import Iterable, Sequence
from typing import Literal, Self

from pydantic import field_validator, model_validator

from tally.congress.chain import (
    BY_ELECTION_BODIES,
    CELL_BODIES,
    MAX_CELL_COMMITTEE,
    MIN_MEMBERS_FOR_CELL_COMMITTEE,
    SOURCES,
    ElectionModel,
    Venue,
    default_source,
    default_venue,
    parse_model,
)
from tally.congress.composition import Targets
from tally.counting.open_vote import Motion, OpenVoteResult, open_vote
from tally.counting.outcome import TieDecision
from tally.counting.result import ContestResult, count_contest
from tally.errors import BoardError, ContestError, Location, RollError
from tally.i18n.labels import Term
from tally.model.ballots import Ballots
from tally.model.base import OneLineModel
from tally.model.bodies import Body, Level
from tally.model.contest import Candidate, Candidates, Contest
from tally.model.lookalikes import difference
from tally.model.names import name_identity, normalize_name
from tally.model.poll import Poll
from tally.model.roll import CongressKind, Deduction, Roll, check_deductions
from tally.model.rules import QC_190, RuleSet


class BoardMember(OneLineModel):
    """A member of the counting board (Ban kiểm phiếu)."""

    name: str
    role: Literal["head", "member"] = "member"
    venue: Venue | None = None
    """Whose board: the congress's (by default), or the new committee's conference's, which
    appoints its own board (QĐ 190-QĐ/TW Điều 8) for the contests it holds."""

    @field_validator("name")
    @classmethod
    def _normalise(cls, value: str) -> str:
        return normalize_name(value)


class Complaint(OneLineModel):
    """A complaint raised about the count, and how the board settled it."""

    summary: str
    settlement: str


class RoundFigures(OneLineModel):
    """What the board records for one round: ballots issued and collected, the time, the
    ballots file, the decisions on ties, and complaints."""

    issued: int
    collected: int | None = None
    counted_at: dt.datetime | None = None
    reported_at: dt.datetime | None = None
    """When the minutes were adopted and reported to the congress (blank dots on the paper when
    not given, for the board to write in)."""
    ballots: str | None = None
    """Path of the ballots file, relative to the spec file."""
    decision: TieDecision | None = None
    alternate_decision: TieDecision | None = None
    complaints: tuple[Complaint, ...] = ()


class RoundPlan(RoundFigures):
    """A further round of a contest (RULES §4): the board's figures and the congress's decisions.

    The round elects only the seats still open, against the same base. Its candidates are, by
    default, the previous round's not elected (or, after a tie under the re-vote policy, the tied
    candidates); ``added`` and ``removed`` change that list and need ``list_note`` — the
    congress's recorded decision.
    """

    added: Candidates = ()
    removed: tuple[str, ...] = ()
    list_note: str = ""

    @model_validator(mode="after")
    def _changes_are_decided(self) -> Self:
        if (self.added or self.removed) and not self.list_note.strip():
            raise ContestError("round.list_note", Location(field="list_note"))
        return self


class ContestPlan(RoundFigures):
    """One contest with the board's figures for its first round.

    ``draws_from`` names the earlier contest whose elected are the only eligible candidates
    (default from the body: BTV from the BCH, secretary from the BTV…); ``venue`` says whose
    roll gives the base (default from the congress's election model). ``rounds`` are the
    further rounds, in order, after this first one.
    """

    contest: Contest
    draws_from: str | None = None
    venue: Venue | None = None
    rounds: tuple[RoundPlan, ...] = ()
    board: tuple[BoardMember, ...] = ()
    """The contest's own counting board, when not its venue's (see :meth:`Congress.board_for`)."""

    @property
    def everyone_listed(self) -> tuple[Candidate, ...]:
        """Everyone on this contest's list in any round."""
        return (*self.contest.candidates, *(c for r in self.rounds for c in r.added))

    def round_plan(self, number: int) -> RoundPlan:
        """The plan of round ``number`` (1 is this plan's own figures)."""
        if number == 1:
            return RoundPlan(**{name: getattr(self, name) for name in RoundFigures.model_fields})
        return self.rounds[number - 2]


class PollPlan(OneLineModel):
    """A poll the board counts (an introduction poll, a confidence vote): the board's figures
    and its ballots file, relative to the spec."""

    poll: Poll
    issued: int
    collected: int | None = None
    counted_at: dt.datetime | None = None
    ballots: str | None = None


class OpenVoteRecord(OneLineModel):
    """An open vote as the board recorded it: what was voted, and the hands counted."""

    motion: Motion
    subject: str
    yes: int
    no: int
    abstain: int = 0
    contest: str | None = None
    """The contest the vote is about (the seats or the list of ``bch``…), when it is about one:
    its minutes then say what the congress voted."""

    def decide(self, roll: Roll, rules: RuleSet) -> OpenVoteResult:
        """The vote measured against the base (``2 * yes > base`` by default)."""
        return open_vote(
            self.motion,
            self.subject,
            yes=self.yes,
            no=self.no,
            abstain=self.abstain,
            roll=roll,
            rules=rules,
        )


def check_board(
    board: Sequence[BoardMember],
    lists: Iterable[tuple[str, Iterable[Candidate]]],
    field: str = "board",
) -> None:
    """One head; nobody twice; no board member on a list they count (RULES §7).

    ``lists`` pairs each contest id with its candidates; ``field`` names the board in errors
    (``contest.btv.board`` for a contest's own). An empty board is not checked.
    """
    if not board:
        return
    heads = [m.name for m in board if m.role == "head"]
    if len(heads) != 1:
        raise BoardError("board.one_head", Location(field=field), heads=len(heads))
    seen: dict[object, str] = {}
    for number, member in enumerate(board, start=1):
        key = name_identity(member.name)
        first = seen.get(key)
        if first == member.name:
            raise BoardError(
                "board.duplicate", Location(field=f"{field}#{number}"), name=member.name
            )
        if first is not None:
            raise BoardError(
                "board.lookalike_duplicate",
                Location(field=f"{field}#{number}"),
                first=first,
                second=member.name,
                difference=difference(first, member.name),
            )
        seen[key] = member.name
    for contest_id, candidates in lists:
        for candidate in candidates:
            member_name = seen.get(name_identity(candidate.name))
            if member_name is None:
                continue
            where = Location(field=f"contest.{contest_id}.candidates")
            if member_name == candidate.name:
                raise BoardError("board.on_list", where, name=member_name, contest=contest_id)
            raise BoardError(
                "board.on_list_spelt",
                where,
                name=member_name,
                contest=contest_id,
                listed=candidate.name,
                difference=difference(member_name, candidate.name),
            )


class CommitteeRoll(OneLineModel):
    """The new committee's conference: who is present and who is deducted (RULES §1).

    Those convened are the members the congress elected to the committee, so the count of
    them comes from the results, not from the spec.
    """

    present: int
    deductions: dict[Deduction, int] = {}  # noqa: RUF012 (a pydantic field: copied per value)

    @model_validator(mode="after")
    def _plausible(self) -> Self:
        """What can be checked before the members are known: counts and categories."""
        if self.present < 0:
            field = "present"
            raise RollError("roll.negative", Location(field=field), field=field, value=self.present)
        check_deductions(CongressKind.COMMITTEE_CONFERENCE, self.deductions)
        return self

    def roll(self, members: int) -> Roll:
        """The conference's roll once the committee has ``members`` elected members."""
        return Roll(
            kind=CongressKind.COMMITTEE_CONFERENCE,
            convened=members,
            present=self.present,
            deductions=self.deductions,
        )


class Congress(OneLineModel):
    """The congress (or conference) whose contests are counted."""

    name: str
    term: str | None = None
    place: str | None = None
    date: dt.date | None = None
    letterhead: tuple[str, ...] = ()
    """The lines above "BAN KIỂM PHIẾU" at the head of the minutes, when not the congress's name
    (Hướng dẫn 36-HD/VPTW 1.2.1: a counting board's upper body is its congress), e.g. for a
    committee's conference ``("Ban Chấp hành Đảng bộ xã Tân Lập", "khóa I")``."""
    locality: str | None = None
    """The place name of the date line (địa danh): ``Yên Sơn, ngày 15 tháng 7 năm 2020``."""
    level: Level | None = None
    """The level of the organisation (commune, province…): the advised sizes for it are noted."""
    unit: str | None = None
    """The party organisation whose congress it is (e.g. "Đảng bộ xã Tân Lập"): how an
    organisation department's roll-up matches it to its plan of congresses."""
    roll: Roll
    rules: RuleSet = QC_190
    board: tuple[BoardMember, ...] = ()
    contests: tuple[ContestPlan, ...] = ()
    model: ElectionModel | None = None
    """The election model; by default ``cell`` when the contests are a chi bộ's, else
    ``standard``."""
    committee_roll: CommitteeRoll | None = None
    commission_roll: CommitteeRoll | None = None
    """The inspection commission's own meeting (present, deductions), for its deputy chair:
    those convened are the members elected to the commission."""
    targets: Targets | None = None
    """Composition targets for the elected bodies (women, minorities, under 40, new)."""
    open_votes: tuple[OpenVoteRecord, ...] = ()
    """Show-of-hands votes held before the ballots (board, seats, lists, withdrawals)."""
    polls: tuple[PollPlan, ...] = ()
    """Introduction polls and confidence votes the board counts (``tally poll``)."""

    @property
    def election_model(self) -> ElectionModel:
        """The model in force: as given, else inferred from the bodies elected."""
        if self.model is not None:
            return self.model
        if any(plan.contest.body in CELL_BODIES for plan in self.contests):
            return ElectionModel.CELL
        return ElectionModel.STANDARD

    @field_validator("model", mode="before")
    @classmethod
    def _scope_named(cls, value: object) -> object:
        return parse_model(value)

    @model_validator(mode="after")
    def _chain_fits(self) -> Self:
        """Every contest fits the model, and draws only from a contest held before it."""
        earlier: list[tuple[str, Body]] = []
        for plan in self.contests:
            contest = plan.contest
            where = Location(field=f"contest.{contest.id}")
            cell = contest.body in CELL_BODIES
            by_election = self.election_model is ElectionModel.BY_ELECTION
            if by_election and contest.body not in BY_ELECTION_BODIES:
                raise ContestError(
                    "chain.body_not_in_by_election",
                    where,
                    body=Term(contest.body),
                    model=self.election_model.value,
                )
            if by_election and self.roll.kind is not CongressKind.COMMITTEE_CONFERENCE:
                raise ContestError(
                    "chain.by_election_roll", Location(field="roll.kind"), kind=Term(self.roll.kind)
                )
            if cell != (self.election_model is ElectionModel.CELL):
                raise ContestError(
                    "chain.body_not_in_model",
                    where,
                    body=Term(contest.body),
                    model=self.election_model.value,
                )
            if contest.body is Body.CELL_COMMITTEE:
                if self.roll.convened < MIN_MEMBERS_FOR_CELL_COMMITTEE:
                    raise ContestError(
                        "chain.cell_committee_members",
                        where,
                        members=self.roll.convened,
                        minimum=MIN_MEMBERS_FOR_CELL_COMMITTEE,
                    )
                if contest.seats > MAX_CELL_COMMITTEE:
                    raise ContestError(
                        "chain.cell_committee_seats",
                        Location(field=f"contest.{contest.id}.seats"),
                        seats=contest.seats,
                        maximum=MAX_CELL_COMMITTEE,
                    )
            source = plan.draws_from
            if source is not None:
                bodies = dict(earlier)
                allowed = SOURCES.get(contest.body, ())
                if source not in bodies or bodies[source] not in allowed:
                    raise ContestError(
                        "chain.unknown_source",
                        Location(field=f"contest.{contest.id}.draws_from"),
                        source=source,
                        earlier=", ".join(cid for cid, body in earlier if body in allowed) or "—",
                    )
            drawn_from = self.source_of(plan)
            if drawn_from is not None and self.venue_of(plan) is Venue.CONGRESS:
                held = self.plan(drawn_from)
                if self.venue_of(held) is Venue.COMMITTEE:
                    raise ContestError(
                        "chain.congress_after_conference",
                        where,
                        body=Term(contest.body),
                        source=drawn_from,
                        model=self.election_model.value,
                    )
            limit = self.rules.rounds.cell_secretary_max_rounds
            if contest.body is Body.CELL_SECRETARY and 1 + len(plan.rounds) > limit:
                raise ContestError(
                    "round.too_many",
                    Location(field=f"contest.{contest.id}.round"),
                    rounds=1 + len(plan.rounds),
                    limit=limit,
                )
            most = self.rules.rounds.max_rounds
            if most is not None and 1 + len(plan.rounds) > most:
                raise ContestError(
                    "round.too_many_for_rules",
                    Location(field=f"contest.{contest.id}.round"),
                    rounds=1 + len(plan.rounds),
                    limit=most,
                    rules=self.rules.title,
                )
            if self.venue_of(plan) is Venue.COMMITTEE and self.committee_roll is None:
                raise ContestError("chain.no_committee_roll", where, body=Term(contest.body))
            if self.venue_of(plan) is Venue.COMMISSION and self.commission_roll is None:
                raise ContestError("chain.no_commission_roll", where, body=Term(contest.body))
            earlier.append((contest.id, contest.body))
        return self

    def venue_of(self, plan: ContestPlan) -> Venue:
        """Whose roll gives ``plan``'s base: as the spec says, else the model's default."""
        return plan.venue or default_venue(self.election_model, plan.contest.body)

    def source_of(self, plan: ContestPlan) -> str | None:
        """The contest ``plan`` draws its candidates from, or ``None`` for an open list."""
        if plan.draws_from is not None:
            return plan.draws_from
        if self.election_model is ElectionModel.BY_ELECTION:
            return None  # the committee exists: nobody is drawn from a contest of the day
        earlier: list[tuple[str, Body]] = []
        for other in self.contests:
            if other is plan:
                break
            earlier.append((other.contest.id, other.contest.body))
        return default_source(plan.contest.body, earlier)

    @model_validator(mode="after")
    def _open_votes_name_contests(self) -> Self:
        known = [plan.contest.id for plan in self.contests]
        for number, vote in enumerate(self.open_votes, start=1):
            if vote.contest is not None and vote.contest not in known:
                raise ContestError(
                    "congress.open_vote_contest",
                    Location(field=f"open_vote#{number}.contest"),
                    subject=vote.subject,
                    contest=vote.contest,
                    known=", ".join(known),
                )
        return self

    def poll_plan(self, poll_id: str) -> PollPlan:
        """The plan of poll ``poll_id``; :class:`KeyError` if there is none."""
        for plan in self.polls:
            if plan.poll.id == poll_id:
                return plan
        raise KeyError(poll_id)

    def open_votes_on(self, contest_id: str) -> tuple[OpenVoteRecord, ...]:
        """The open votes about ``contest_id`` (its seats, its list…), in the order held."""
        return tuple(vote for vote in self.open_votes if vote.contest == contest_id)

    def venue_board(self, venue: Venue) -> tuple[BoardMember, ...]:
        """The board the spec gives for ``venue``: the congress's members (no venue or
        ``congress``), or the committee's conference's."""
        if venue is Venue.CONGRESS:
            return tuple(m for m in self.board if m.venue in (None, Venue.CONGRESS))
        return tuple(m for m in self.board if m.venue is venue)

    def board_for(self, contest_id: str) -> tuple[BoardMember, ...]:
        """The board that counts ``contest_id`` and signs its minutes: the contest's own, else
        its venue's; a committee's conference without a board of its own in the spec falls
        back to the congress's."""
        plan = self.plan(contest_id)
        if plan.board:
            return plan.board
        return self.venue_board(self.venue_of(plan)) or self.venue_board(Venue.CONGRESS)

    @model_validator(mode="after")
    def _rolls_fit_rules(self) -> Self:
        """The deductions are the ones the rule set takes off the base (RULES §1)."""
        deductions = self.rules.deductions
        deductions.check(self.roll.kind, self.roll.deductions, "roll.deductions")
        for field, meeting in (
            ("committee_roll", self.committee_roll),
            ("commission_roll", self.commission_roll),
        ):
            if meeting is not None:
                deductions.check(
                    CongressKind.COMMITTEE_CONFERENCE, meeting.deductions, f"{field}.deductions"
                )
        return self

    @model_validator(mode="after")
    def _boards_fit(self) -> Self:
        """Every board: one head, nobody twice, nobody on a list it counts (RULES §7)."""
        for venue in Venue:
            board = self.venue_board(venue)
            counted = [
                (plan.contest.id, plan.everyone_listed)
                for plan in self.contests
                if not plan.board and self.board_for(plan.contest.id) == board
            ]
            check_board(board, counted)
        for plan in self.contests:
            field = f"contest.{plan.contest.id}.board"
            check_board(plan.board, [(plan.contest.id, plan.everyone_listed)], field)
        return self

    def roll_for(self, contest_id: str, committee_members: int | None = None) -> Roll:
        """The roll whose base decides ``contest_id``: the congress's, or — for a contest the
        new committee's conference holds — the conference's, whose members are the
        ``committee_members`` the congress elected to the committee (RULES §1); for the
        commission's deputy chair, the commission's meeting, ``committee_members`` being those
        elected to the commission.

        The one place that picks a contest's roll: :func:`~tally.congress.run.run_congress` and
        :meth:`count` both use it.
        """
        plan = self.plan(contest_id)
        venue = self.venue_of(plan)
        meeting = self.commission_roll if venue is Venue.COMMISSION else self.committee_roll
        if venue is Venue.CONGRESS or meeting is None:
            return self.roll
        if committee_members is None:
            raise ContestError(
                "congress.needs_committee_members",
                Location(field=f"contest.{contest_id}"),
                contest=contest_id,
                body=Term(plan.contest.body),
            )
        return meeting.roll(committee_members)

    def count(
        self, contest_id: str, ballots: Ballots, *, committee_members: int | None = None
    ) -> ContestResult:
        """Count the first round of ``contest_id`` with its venue's roll (:meth:`roll_for`),
        this congress's rules and the board's figures (issued, collected, any recorded
        decision) — what :func:`~tally.congress.run.run_congress` gives for that round. A contest of
        the committee's conference needs ``committee_members``, the number elected to the
        committee; :func:`~tally.congress.run.run_congress` counts the whole chain from the ballots.
        """
        plan = self.plan(contest_id)
        round_plan = plan.round_plan(1)
        return count_contest(
            plan.contest,
            ballots,
            roll=self.roll_for(contest_id, committee_members),
            issued=round_plan.issued,
            collected=round_plan.collected,
            rules=self.rules,
            decision=round_plan.decision,
            alternate_decision=round_plan.alternate_decision,
        )

    def plan(self, contest_id: str) -> ContestPlan:
        """The contest with id ``contest_id``; :class:`KeyError` if there is none."""
        for plan in self.contests:
            if plan.contest.id == contest_id:
                return plan
        raise KeyError(contest_id)
