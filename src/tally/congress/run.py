"""A whole congress, counted in order: each contest's rounds, the chain between contests, and
what the congress must do next (RULES §4, §6).

Ballots are given per round: the key of round 1 is the contest's id, of round *n* ``"id.rN"``.
A contest whose next round has no ballots yet stops there and says what is awaited; later
contests that draw from it see only those elected so far.

>>> from tally import Ballots, Body, CongressKind, Contest, Roll
>>> from tally.congress.plan import BoardMember, CommitteeRoll, Congress, ContestPlan
>>> people = [f"Nguyễn Văn {g}" for g in "Anh Bảo Cường Dũng Giang Hải Khoa Lâm Minh Nam".split()]
>>> bch = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=9, candidates=people)
>>> bt = Contest(id="bt", body=Body.SECRETARY, seats=1, candidates=["Nguyễn Văn Anh"])
>>> congress = Congress(
...     name="Đại hội Đảng bộ xã", roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=20,
...     present=20), board=[BoardMember(name="Lê Thị Hoa", role="head")],
...     committee_roll=CommitteeRoll(present=9),
...     contests=[ContestPlan(contest=bch, issued=20), ContestPlan(contest=bt, issued=9)])
>>> record = run_congress(congress, {"bch": Ballots.from_arrays(bch, [[1] * 9 + [0]] * 20)})
>>> [(c.contest_id, c.status.value, len(c.elected)) for c in record.contests]
[('bch', 'complete', 9), ('bt', 'awaiting_ballots', 0)]
>>> record.contests[1].next_round.candidates[0].name
'Nguyễn Văn Anh'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum

from tally.arguments import checked
from tally.congress.chain import EXCLUDES, MIN_COMMITTEE_FOR_STANDING, Venue
from tally.congress.composition import Composition, Targets, composition, incumbency
from tally.congress.plan import Congress, ContestPlan, RoundPlan
from tally.counting.open_vote import Motion, OpenVoteResult
from tally.counting.outcome import OutcomeStatus, Tie, fill_places
from tally.counting.result import ContestResult, count_contest
from tally.errors import ContestError, Location
from tally.i18n.labels import Term
from tally.model.ballots import Ballots
from tally.model.base import FrozenModel
from tally.model.bodies import Body
from tally.model.contest import Candidate, Contest
from tally.model.names import name_identity
from tally.model.roll import Roll


class ContestStatus(StrEnum):
    """Where a contest stands after the rounds counted so far."""

    COMPLETE = "complete"
    """Every seat is filled."""
    AWAITING_BALLOTS = "awaiting_ballots"
    """The next round (or the first) has no ballots yet."""
    NEEDS_REVOTE = "needs_revote"
    """A tie at the cut-off: a re-vote among the tied (or a recorded decision) is needed."""
    NEEDS_ROUND = "needs_round"
    """Seats remain open: the congress decides whether to hold another round."""
    MUST_VOTE_AGAIN = "must_vote_again"
    """Delegates to the upper congress are short after the rounds the rules require
    (``rules.rounds.delegate_rounds_required``): the congress votes again."""
    NO_FURTHER_ROUND = "no_further_round"
    """Seats remain open after the most rounds the rules allow (``rules.rounds.max_rounds``):
    no further round is held."""
    APPOINTED_BY_UPPER_LEVEL = "appointed_by_upper_level"
    """A chi bộ failed to elect its secretary in three rounds: the upper level appoints one."""
    ALTERNATE_TIE = "alternate_tie"
    """The delegates are elected; equal votes at the alternates' cut-off need a decision."""
    WAITING_FOR_SOURCE = "waiting_for_source"
    """The contest its candidates come from still awaits a round or a re-vote."""


class ContestRecord(FrozenModel):
    """One contest of the congress: its rounds, frozen, and what follows."""

    contest_id: str
    body: Body
    seats: int
    venue: Venue
    draws_from: str | None
    rounds: tuple[ContestResult, ...]
    elected: tuple[str, ...]
    """Everyone elected, round after round, each round in descending votes."""
    open_seats: int
    status: ContestStatus
    alternates: tuple[str, ...] = ()
    """Alternate delegates in rank order, when the contest elects them on the same ballot."""
    alternate_tie: Tie | None = None
    """Equal votes at the alternates' cut-off still to be decided."""
    waiting_for: str | None = None
    """The earlier contest this one waits for (status ``waiting_for_source``)."""
    next_round: Contest | None
    """What the next ballot would carry (seats and list), when one is needed."""


class CongressRecord(FrozenModel):
    """Every contest of the congress in order."""

    congress: Congress
    contests: tuple[ContestRecord, ...]

    @property
    def failed_open_votes(self) -> tuple[OpenVoteResult, ...]:
        """Open votes on the board, the seats or a list that did not pass: the count cannot
        stand on them until the congress votes again (a failed withdrawal changes nothing)."""
        congress = self.congress
        results = [vote.decide(congress.roll, congress.rules) for vote in congress.open_votes]
        return tuple(r for r in results if not r.passed and r.motion in _BLOCKING_MOTIONS)

    def members(self, contest_id: str) -> tuple[Candidate, ...]:
        """The elected of ``contest_id`` as candidates, in order, each with the fullest
        personal data the congress recorded for that person (a BTV list may give only names
        that the BCH list described) and ``incumbent`` as it stands for this contest's body
        (:func:`~tally.congress.composition.incumbency`): from this contest's own lists, else
        from an ``outgoing`` any list gives, never from another body's ``incumbent``."""
        record = self.contest(contest_id)
        own_lists = [r.contest.candidates for r in record.rounds]
        own_lists.append(self.congress.plan(contest_id).contest.candidates)
        lists = [r.contest.candidates for c in self.contests for r in c.rounds]
        lists += [p.contest.candidates for p in self.congress.contests]
        own = _entries(own_lists)
        known = _entries(lists)
        members = []
        for name in record.elected:
            key = name_identity(name)
            entries = known[key]
            fullest = max(entries, key=_data_points)  # the first of the fullest
            reelected = incumbency(record.body, own.get(key, ()), entries)
            members.append(fullest.model_copy(update={"incumbent": reelected}))
        return tuple(members)

    def composition(
        self, contest_id: str, targets: Targets | None = None, on: dt.date | None = None
    ) -> Composition:
        """Who was elected to ``contest_id``: women, minorities, ages (on the congress's date
        unless ``on`` is given), re-elected and new, against ``targets`` as they apply to its
        body (:meth:`~tally.congress.composition.Targets.for_body`: the body's own, else the
        defaults; none for a post)."""
        day = on or self.congress.date
        if day is None:
            raise ContestError("composition.no_date", Location(field="congress.date"))
        own = targets.for_body(self.contest(contest_id).body) if targets is not None else None
        return composition(self.members(contest_id), day, own)

    def contest(self, contest_id: str) -> ContestRecord:
        """The record of ``contest_id``; :class:`KeyError` if there is none."""
        for record in self.contests:
            if record.contest_id == contest_id:
                return record
        raise KeyError(contest_id)


def _entries(lists: Iterable[Iterable[Candidate]]) -> dict[object, list[Candidate]]:
    """Every entry of each person on ``lists``, in order, by name identity."""
    found: dict[object, list[Candidate]] = {}
    for candidates in lists:
        for person in candidates:
            found.setdefault(name_identity(person.name), []).append(person)
    return found


def _data_points(person: Candidate) -> int:
    """How much personal data an entry gives (incumbency is a list's own: see ``incumbency``)."""
    fields = (person.birth_date, person.gender, person.ethnicity)
    return sum(value is not None for value in fields)


_BLOCKING_MOTIONS = frozenset({Motion.COUNTING_BOARD, Motion.SEATS, Motion.LIST})


def round_id(contest_id: str, number: int) -> str:
    """The key of round ``number`` of a contest: ``"bch"``, ``"bch.r2"``, ``"bch.r3"``…"""
    return contest_id if number == 1 else f"{contest_id}.r{number}"


BallotSource = Mapping[str, Ballots] | Callable[[str, int, Contest], Ballots | None]
"""Ballots by round key (``"bch"``, ``"bch.r2"``), or a function ``(contest id, round number,
round's contest) -> Ballots | None`` that reads them when they exist (e.g. from files)."""


@checked
def run_congress(congress: Congress, ballots: BallotSource) -> CongressRecord:
    """Count every contest and round whose ballots are given, in the congress's order."""
    elected: dict[str, tuple[str, ...]] = {}
    records: list[ContestRecord] = []
    committee = next(
        (p.contest.id for p in congress.contests if p.contest.body is Body.EXECUTIVE_COMMITTEE),
        None,
    )
    for plan in congress.contests:
        source = congress.source_of(plan)
        excluded = _excluded_contest(congress, plan, records)
        before = [source, excluded]
        if congress.venue_of(plan) is Venue.COMMITTEE:
            before.append(committee)  # the conference's members are the BCH's elected
        waiting_for = next(
            (r.contest_id for r in records if r.contest_id in before and _unsettled(r)), None
        )
        if waiting_for is None and plan.contest.body is Body.STANDING_COMMITTEE and source:
            held = next(r for r in records if r.contest_id == source)
            short = len(held.elected) < MIN_COMMITTEE_FOR_STANDING
            if short and held.status is ContestStatus.NEEDS_ROUND:
                waiting_for = source  # another BCH round may still bring it to nine
        if waiting_for is not None:
            record = _waiting(congress, plan, waiting_for)
        else:
            taken = (excluded, elected[excluded]) if excluded is not None else None
            record = _run_contest(congress, plan, ballots, elected, taken)
        elected[record.contest_id] = record.elected
        records.append(record)
    return CongressRecord(congress=congress, contests=tuple(records))


DELEGATE_BODIES = frozenset({Body.UPPER_DELEGATES, Body.UPPER_ALTERNATES})
"""The bodies a shortfall of which the congress must vote on again (QĐ 244 Art. 20(2))."""


_NEXT_ROUND_NEEDED = frozenset(
    {
        ContestStatus.AWAITING_BALLOTS,
        ContestStatus.NEEDS_REVOTE,
        ContestStatus.NEEDS_ROUND,
        ContestStatus.MUST_VOTE_AGAIN,
    }
)


def _excluded_contest(
    congress: Congress, plan: ContestPlan, records: list[ContestRecord]
) -> str | None:
    """The earlier contest whose elected may not stand here (official delegates, for the
    alternates' own ballot)."""
    body = EXCLUDES.get(plan.contest.body)
    return next((r.contest_id for r in reversed(records) if r.body is body), None)


def _check_not_elected(contest: Contest, excluded: str, elected: tuple[str, ...]) -> None:
    taken = {name_identity(name) for name in elected}
    for candidate in contest.candidates:
        if name_identity(candidate.name) in taken:
            raise ContestError(
                "chain.already_elected",
                Location(field=f"contest.{contest.id}.candidates"),
                name=candidate.name,
                contest=excluded,
            )


def _unsettled(record: ContestRecord) -> bool:
    """A round is still to come (ballots awaited, or a re-vote), so who is eligible is not known.

    After a shortfall the congress may decide to stop, so the chain goes on with those elected.
    """
    return record.status in (
        ContestStatus.AWAITING_BALLOTS,
        ContestStatus.NEEDS_REVOTE,
        ContestStatus.MUST_VOTE_AGAIN,
        ContestStatus.WAITING_FOR_SOURCE,
    )


def _waiting(congress: Congress, plan: ContestPlan, source: str) -> ContestRecord:
    return ContestRecord(
        contest_id=plan.contest.id,
        body=plan.contest.body,
        seats=plan.contest.seats,
        venue=congress.venue_of(plan),
        draws_from=congress.source_of(plan),
        rounds=(),
        elected=(),
        open_seats=plan.contest.seats,
        status=ContestStatus.WAITING_FOR_SOURCE,
        waiting_for=source,
        next_round=plan.contest,
    )


def _run_contest(
    congress: Congress,
    plan: ContestPlan,
    ballots: BallotSource,
    elected_so_far: Mapping[str, tuple[str, ...]],
    taken: tuple[str, tuple[str, ...]] | None = None,
) -> ContestRecord:
    """Count the rounds of ``plan`` whose ballots are given; ``taken`` is a contest whose
    elected may not stand here (official delegates, for the alternates' own ballot)."""
    source = congress.source_of(plan)
    pool = elected_so_far.get(source) if source is not None else None
    venue = congress.venue_of(plan)
    first = plan.contest
    standing = first.body is Body.STANDING_COMMITTEE
    if standing and pool is not None and len(pool) < MIN_COMMITTEE_FOR_STANDING:
        raise ContestError(
            "chain.standing_needs_nine",
            Location(field=f"contest.{first.id}"),
            members=len(pool),
            minimum=MIN_COMMITTEE_FOR_STANDING,
        )
    roll: Roll | None = None  # built at the first count, after eligibility is known to hold
    results: list[ContestResult] = []
    winners: list[str] = []
    contest: Contest | None = first
    planned = 1 + len(plan.rounds)
    for number in range(1, planned + 1):
        round_plan = plan.round_plan(number)
        if number > 1:
            contest = _next_round(first, results[-1], number, round_plan)
        assert contest is not None
        if pool is not None and source is not None:
            _check_eligible(congress, contest, source, pool)
        if taken is not None:
            _check_not_elected(contest, *taken)
        if isinstance(ballots, Mapping):
            given = ballots.get(round_id(first.id, number))
        else:
            given = ballots(first.id, number, contest)
        if given is None:
            break
        roll = roll or _roll_for(congress, first.id, elected_so_far)
        result = count_contest(
            contest,
            given,
            roll=roll,
            issued=round_plan.issued,
            collected=round_plan.collected,
            rules=congress.rules,
            decision=round_plan.decision,
            alternate_decision=round_plan.alternate_decision,
            among_tied=number > 1 and _left_a_tie(results[-1]),
        )
        results.append(result)
        winners += result.outcome.elected
        contest = None
        if result.outcome.status is OutcomeStatus.COMPLETE and number < planned:
            raise ContestError(
                "round.no_open_seats",
                Location(field=f"contest.{first.id}.round#{number + 1}"),
                number=number + 1,
            )
    open_seats = first.seats - len(winners)
    alternates, alternate_tie = _alternates(first, results, winners)
    status = _status(congress, first, results, open_seats, contest, alternate_tie)
    if contest is None and status in _NEXT_ROUND_NEEDED - {ContestStatus.AWAITING_BALLOTS}:
        contest = _next_round(first, results[-1], len(results) + 1, None)
    return ContestRecord(
        contest_id=first.id,
        body=first.body,
        seats=first.seats,
        venue=venue,
        draws_from=source,
        rounds=tuple(results),
        elected=tuple(winners),
        open_seats=open_seats,
        status=status,
        alternates=alternates,
        alternate_tie=alternate_tie,
        next_round=contest if status in _NEXT_ROUND_NEEDED else None,
    )


def _alternates(
    first: Contest, results: list[ContestResult], winners: list[str]
) -> tuple[tuple[str, ...], Tie | None]:
    """The alternates of a one-ballot delegates election, once every official seat is filled.

    They come from the first round's ballot (the one that elects them, RULES §6): the next
    ``alternates`` above the threshold after the official delegates, whoever filled the last
    official seats in later rounds; a tie at their cut-off is reported, or placed by the first
    round's ``alternate_decision``.
    """
    if not first.alternates or not results or len(winners) < first.seats:
        return (), None
    outcome = results[0].outcome
    if len(results) == 1:
        return (
            outcome.alternates,
            outcome.alternate_tie if outcome.alternate_resolution is None else None,
        )
    votes = {s.name: s.votes for s in outcome.standings}
    rest = [s.name for s in outcome.standings if s.above_threshold and s.name not in winners]
    ranked = sorted(rest, key=lambda name: -votes[name])
    numbers = list(range(1, len(ranked) + 1))
    chosen, group, stake = fill_places(numbers, tuple(votes[n] for n in ranked), first.alternates)
    tie = (
        Tie(
            candidates=tuple(ranked[i - 1] for i in group),
            votes=votes[ranked[group[0] - 1]],
            seats_at_stake=stake,
        )
        if group
        else None
    )
    return tuple(ranked[i - 1] for i in chosen), tie


def _status(
    congress: Congress,
    first: Contest,
    results: list[ContestResult],
    open_seats: int,
    waiting: Contest | None,
    alternate_tie: Tie | None = None,
) -> ContestStatus:
    if open_seats == 0 and results:
        if alternate_tie is not None:
            return ContestStatus.ALTERNATE_TIE
        return ContestStatus.COMPLETE
    if waiting is not None or not results:
        return ContestStatus.AWAITING_BALLOTS
    if (
        first.body is Body.CELL_SECRETARY
        and len(results) >= congress.rules.rounds.cell_secretary_max_rounds
    ):
        return ContestStatus.APPOINTED_BY_UPPER_LEVEL
    last = results[-1].outcome.status
    if last is OutcomeStatus.TURNOUT_NOT_MET:
        return ContestStatus.MUST_VOTE_AGAIN  # the result did not stand: the vote is held again
    limit = congress.rules.rounds.max_rounds
    if limit is not None and len(results) >= limit:
        return ContestStatus.NO_FURTHER_ROUND
    if last is OutcomeStatus.TIE:
        return ContestStatus.NEEDS_REVOTE
    if (
        first.body in DELEGATE_BODIES
        and len(results) <= congress.rules.rounds.delegate_rounds_required
    ):
        return ContestStatus.MUST_VOTE_AGAIN
    return ContestStatus.NEEDS_ROUND


def _roll_for(
    congress: Congress, contest_id: str, elected_so_far: Mapping[str, tuple[str, ...]]
) -> Roll:
    """The roll of ``contest_id`` (:meth:`Congress.roll_for`), the committee's members being
    those elected to it so far."""
    committee = next(
        (p.contest.id for p in congress.contests if p.contest.body is Body.EXECUTIVE_COMMITTEE),
        None,
    )
    plan = congress.plan(contest_id)
    if congress.venue_of(plan) is Venue.COMMISSION:
        committee = congress.source_of(plan)  # the commission: its members meet
    members = len(elected_so_far.get(committee, ())) if committee is not None else 0
    return congress.roll_for(contest_id, members)


def _check_eligible(
    congress: Congress, contest: Contest, source: str, pool: tuple[str, ...]
) -> None:
    allowed = {name_identity(name) for name in pool}
    source_body = congress.plan(source).contest.body
    for candidate in contest.candidates:
        if name_identity(candidate.name) not in allowed:
            raise ContestError(
                "chain.not_eligible",
                Location(field=f"contest.{contest.id}.candidates"),
                name=candidate.name,
                source=Term(source_body),
                source_id=source,
                body=Term(contest.body),
            )


def _left_a_tie(previous: ContestResult) -> bool:
    """The round left a tie at the cut-off unresolved: the next ballot is among the tied."""
    return previous.outcome.tie is not None and previous.outcome.tie_resolution is None


def _next_round(
    first: Contest, previous: ContestResult, number: int, plan: RoundPlan | None
) -> Contest:
    """The ballot of round ``number``: the seats still open, among those the congress allows."""
    outcome = previous.outcome
    where = Location(field=f"contest.{first.id}.round#{number}")
    if _left_a_tie(previous) and outcome.tie is not None:
        seats = outcome.tie.seats_at_stake
        keep = set(outcome.tie.candidates)
    else:
        seats = outcome.open_seats
        keep = {s.name for s in outcome.standings if not s.elected}
    if seats < 1:
        raise ContestError("round.no_open_seats", where, number=number)
    people: list[Candidate] = [c for c in previous.contest.candidates if c.name in keep]
    if plan is not None:
        for name in plan.removed:
            key = name_identity(name)
            if not any(name_identity(c.name) == key for c in people):
                raise ContestError("round.removed_unknown", where, number=number, name=name)
            people = [c for c in people if name_identity(c.name) != key]
        people += list(plan.added)
    if not people:
        raise ContestError("round.no_candidates", where, number=number)
    return Contest(
        id=round_id(first.id, number),
        body=first.body,
        seats=seats,
        candidates=tuple(people),
        title=first.title,
        round=number,
    )
