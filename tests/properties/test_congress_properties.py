"""Property tests of a whole congress counted by :func:`tally.congress.run.run_congress`
(RULES §4, §6).

A scenario is drawn step by step, the way a congress goes: the executive committee (BCH) first,
then — optionally — the standing committee (BTV) from the BCH and the secretary from the BTV (or
from the BCH), under the standard model (the new committee's conference elects them) or the
direct model (the congress does). Each step draws the ballots of one round from vote totals, for
exactly the contest the last record says comes next; after a tie or a shortfall it plans one more
round (a :class:`RoundPlan`) and feeds it. Every intermediate run is kept, so the properties see
contests awaiting ballots, needing a re-vote or a round, and waiting for their source, as well as
complete ones — and runs that stop on a candidate the source did not elect.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tally import Ballots, Body, CongressKind, Contest, ContestError, Roll
from tally.congress.chain import ElectionModel, Venue
from tally.congress.plan import CommitteeRoll, Congress, ContestPlan, RoundPlan
from tally.congress.run import (
    BallotSource,
    CongressRecord,
    ContestRecord,
    ContestStatus,
    round_id,
    run_congress,
)
from tally.model.contest import BallotForm, Candidate
from tally.model.names import name_identity
from tally.model.roll import Deduction
from tally.model.rules import QC_190
from tally.testing import GIVEN_NAMES, MIDDLE_NAMES, MINORITY_NAMES, SURNAMES, rolls

MAX_CANDIDATES = 12
MAX_VOTERS = 30
MAX_EXTRA_ROUNDS = 2
MAX_RUNS = 16

EXPECTED_CHAIN_ERRORS = frozenset({"chain.not_eligible", "chain.standing_needs_nine"})
"""What a drawn congress may legitimately stop on: a list the source's result made wrong."""

UNSETTLED = frozenset(
    {ContestStatus.AWAITING_BALLOTS, ContestStatus.NEEDS_REVOTE, ContestStatus.WAITING_FOR_SOURCE}
)
ANOTHER_ROUND = frozenset({ContestStatus.NEEDS_REVOTE, ContestStatus.NEEDS_ROUND})
MIN_BCH_FOR_BTV = 9


def must_wait(congress: Congress, record: CongressRecord, contest_id: str) -> bool:
    """Independent statement of when a contest waits (docs/congress.md, "What comes next"):
    its source, or — at the committee venue — the BCH, still has a round to come; or it is a
    BTV whose BCH is short of nine while another BCH round may still be held."""
    source_id = expected_source(congress, contest_id)
    waits_for = [source_id] if source_id is not None else []
    if record.contest(contest_id).venue is Venue.COMMITTEE:
        waits_for += [
            p.contest.id for p in congress.contests if p.contest.body is Body.EXECUTIVE_COMMITTEE
        ][:1]
    if any(record.contest(w).status in UNSETTLED for w in waits_for if w != contest_id):
        return True
    plan = congress.plan(contest_id)
    if plan.contest.body is Body.STANDING_COMMITTEE and source_id is not None:
        held = record.contest(source_id)
        return held.status is ContestStatus.NEEDS_ROUND and len(held.elected) < MIN_BCH_FOR_BTV
    return False


ORDER = ("bch", "btv", "bt")
BODIES = {
    "bch": Body.EXECUTIVE_COMMITTEE,
    "btv": Body.STANDING_COMMITTEE,
    "bt": Body.SECRETARY,
}


# --------------------------------------------------------------------------------------------
# The scenario


@dataclass(frozen=True)
class Run:
    """One call of ``run_congress``: its inputs and what came out."""

    congress: Congress
    ballots: Mapping[str, Ballots]
    record: CongressRecord | None
    error: ContestError | None


@dataclass(frozen=True)
class Scenario:
    model: ElectionModel
    runs: tuple[Run, ...]

    @property
    def records(self) -> list[tuple[Congress, CongressRecord]]:
        return [(r.congress, r.record) for r in self.runs if r.record is not None]


@dataclass(frozen=True)
class Spec:
    """A contest after the BCH, before its list is chosen."""

    id: str
    seats: int
    size: int
    source: str


@dataclass
class _State:
    """The congress as built so far (mutable while drawing only)."""

    model: ElectionModel
    roll: Roll
    specs: tuple[Spec, ...]
    committee_absent: int
    committee_missing: int
    chosen: dict[str, Contest] = field(default_factory=dict)
    extra_rounds: dict[str, int] = field(default_factory=dict)
    issued: dict[str, int] = field(default_factory=dict)
    ballots: dict[str, Ballots] = field(default_factory=dict)
    _bch: dict[tuple[object, ...], ContestRecord] = field(default_factory=dict)
    _plans: dict[tuple[object, ...], ContestPlan] = field(default_factory=dict)

    def ids(self) -> list[str]:
        return [cid for cid in ORDER if cid in self.chosen]

    def at_committee(self, contest_id: str) -> bool:
        return self.model is ElectionModel.STANDARD and contest_id != "bch"

    def committee_roll(self) -> CommitteeRoll | None:
        """The new committee's conference, once a contest is held there: its members are those
        elected to the BCH, a few absent, and perhaps some suspended (deducted: QĐ 24-QĐ/TW
        9.3.3)."""
        if not any(self.at_committee(cid) for cid in self.chosen):
            return None
        members = len(self.bch_alone().elected)
        deducted = self.committee_absent if members - self.committee_absent >= 1 else 0
        able = members - deducted
        present = max(min(1, able), able - self.committee_missing)
        deductions = {Deduction.SUSPENDED: deducted} if deducted else {}
        return CommitteeRoll(present=present, deductions=deductions)

    def _bch_key(self) -> tuple[object, ...]:
        return (self.extra_rounds.get("bch", 0), *sorted(k for k in self.ballots if k[:3] == "bch"))

    def remember(self, record: CongressRecord) -> None:
        """Keep the BCH's record of a run: counting it alone gives the same."""
        self._bch[self._bch_key()] = record.contest("bch")

    def bch_alone(self) -> ContestRecord:
        """The BCH with the ballots so far, counted alone (later contests cannot change it)."""
        key = self._bch_key()
        if key not in self._bch:
            bch_only = Congress(name="BCH", roll=self.roll, contests=[self._plan("bch", 0)])
            self._bch[key] = run_congress(bch_only, self.ballots).contest("bch")
        return self._bch[key]

    def _plan(self, contest_id: str, present: int) -> ContestPlan:
        """The contest with its rounds so far; ``present`` stands for what is not issued yet.
        Plans are kept: building one validates its contest's list again."""
        numbers = range(1, 2 + self.extra_rounds.get(contest_id, 0))
        issued = tuple(self.issued.get(round_id(contest_id, n), present) for n in numbers)
        key = (contest_id, *issued)
        if key not in self._plans:
            self._plans[key] = ContestPlan(
                contest=self.chosen[contest_id],
                issued=issued[0],
                rounds=tuple(RoundPlan(issued=i) for i in issued[1:]),
            )
        return self._plans[key]

    def voters(self, contest_id: str, committee: CommitteeRoll | None) -> tuple[int, int]:
        """(present, base) of the body that votes in ``contest_id``."""
        if self.at_committee(contest_id) and committee is not None:
            members = len(self.bch_alone().elected)
            return committee.present, members - sum(committee.deductions.values())
        return self.roll.present, self.roll.base

    def congress(self) -> Congress:
        committee = self.committee_roll()
        plans = [self._plan(cid, self.voters(cid, committee)[0]) for cid in self.ids()]
        return Congress(
            name="Đại hội Đảng bộ",
            roll=self.roll,
            model=self.model,
            committee_roll=committee,
            contests=plans,
        )


def _marks(contest: Contest, votes: Sequence[int], n: int) -> npt.NDArray[np.uint8]:
    """``n`` valid ballots giving each candidate (ballot order) exactly ``votes`` votes.

    Strike-out: each name is kept on the ``votes`` least-filled ballots, so every ballot keeps
    between ``floor`` and ``ceil`` of ``sum(votes) / n`` names — between 1 and the seats.
    """
    k = len(contest.candidates)
    if contest.form is BallotForm.YES_NO:
        marks = np.full((n, k), 2, dtype=np.uint8)
        for j, v in enumerate(votes):
            marks[:v, j] = 1
        return marks
    marks = np.zeros((n, k), dtype=np.uint8)
    fill = np.zeros(n, dtype=np.int64)
    for j in np.argsort(np.asarray(votes), kind="stable")[::-1]:
        rows = np.argsort(fill, kind="stable")[: votes[int(j)]]
        marks[rows, j] = 1
        fill[rows] += 1
    return marks


def _fit(votes: list[int], n: int, seats: int) -> list[int]:
    """Vote totals a strike-out ballot set can have: ``n <= sum <= n * seats``."""
    votes = list(votes)
    short = n - sum(votes)
    for j in sorted(range(len(votes)), key=lambda i: votes[i]):
        if short <= 0:
            break
        added = min(n - votes[j], short)
        votes[j] += added
        short -= added
    over = sum(votes) - n * seats
    for j in sorted(range(len(votes)), key=lambda i: -votes[i]):
        if over <= 0:
            break
        removed = min(votes[j], over)
        votes[j] -= removed
        over -= removed
    return votes


@st.composite
def round_ballots(
    draw: st.DrawFn, contest: Contest, present: int, base: int
) -> tuple[Ballots, int, list[int]]:
    """Valid ballots for one round, from drawn vote totals: (ballots, issued, votes).

    Some candidates (in ballot order, which follows the drawn names) get at least the votes
    needed, the others fewer; the totals come from a few shared levels, so that equal votes —
    ties at the cut-off — are common.
    """
    n = present - draw(st.integers(0, min(2, present - 1)) | st.integers(0, present - 1))
    issued = draw(st.integers(n, present))
    need = min(n, base // 2 + 1)
    k = len(contest.candidates)
    around_seats = min(k, max(0, contest.seats - 1))
    strong = draw(st.integers(0, k) | st.integers(around_seats, k))
    level = draw(st.integers(need, n))
    above = st.sampled_from((level, n, need)) | st.integers(need, n)
    below = st.sampled_from((max(0, need - 1), 0)) | st.integers(0, max(0, need - 1))
    votes = [draw(above if j < strong else below) for j in range(k)]
    if contest.form is BallotForm.STRIKE_OUT:
        votes = _fit(votes, n, contest.seats)
    marks = _marks(contest, votes, n)
    return Ballots.from_arrays(contest, marks), issued, votes


def _pick(draw: st.DrawFn, spec: Spec, pool: Sequence[Candidate]) -> Contest:
    people = draw(
        st.lists(st.sampled_from(pool), min_size=spec.size, max_size=spec.size, unique=True)
    )
    return Contest(id=spec.id, body=BODIES[spec.id], seats=spec.seats, candidates=people)


def _failing_contest(error: ContestError) -> str:
    """The contest a chain error is about, from its location ``contest.<id>[.…]``."""
    assert error.where.field is not None
    return error.where.field.split(".")[1]


def prefix_record(congress: Congress, ballots: Mapping[str, Ballots], upto: str) -> CongressRecord:
    """The record of the contests held before ``upto`` (what the chain saw when it stopped)."""
    index = [p.contest.id for p in congress.contests].index(upto)
    before = congress.model_copy(update={"contests": congress.contests[:index]})
    return run_congress(before, ballots)


def execute(
    congress: Congress, ballots: Mapping[str, Ballots], source: BallotSource | None = None
) -> Run:
    """Run the congress on ``ballots`` (read through ``source`` when given); a chain error the
    drawn lists can cause is an outcome, any other error fails the test."""
    try:
        record = run_congress(congress, ballots if source is None else source)
    except ContestError as error:
        if error.code not in EXPECTED_CHAIN_ERRORS:
            raise
        return Run(congress, dict(ballots), None, error)
    return Run(congress, dict(ballots), record, None)


def _people() -> tuple[Candidate, ...]:
    """A fixed pool of distinct candidates (cheaper to draw from than to draw names): every
    tone, one or two middle names or none, ethnic-minority names, some birth dates and genders."""
    pool: dict[object, Candidate] = {}
    for i, given_name in enumerate(GIVEN_NAMES):
        middle = (MIDDLE_NAMES[i % 7], "", f"{MIDDLE_NAMES[i % 5]} {MIDDLE_NAMES[(i + 9) % 30]}")
        name = " ".join(part for part in (SURNAMES[i % 11], middle[i % 3], given_name) if part)
        born = date(1960 + i % 40, 1 + i % 12, 1 + i % 28) if i % 4 else None
        pool.setdefault(name_identity(name), Candidate(name=name, birth_date=born))
    for name in MINORITY_NAMES:
        pool.setdefault(name_identity(name), Candidate(name=name))
    return tuple(pool.values())


PEOPLE = _people()

_ROLLS = (
    st.sampled_from((CongressKind.MEMBER_CONGRESS, CongressKind.DELEGATE_CONGRESS))
    .flatmap(lambda kind: rolls(kind, min_convened=3, max_convened=MAX_VOTERS))
    .filter(lambda roll: 2 * roll.present > roll.base)  # enough present to elect anyone
)


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    """A congress counted run after run, each run one round further."""
    model = draw(st.sampled_from((ElectionModel.STANDARD, ElectionModel.DIRECT_STANDING)))
    roll = draw(_ROLLS)
    with_btv, with_bt = draw(st.booleans()), draw(st.booleans())
    low = MIN_BCH_FOR_BTV if with_btv else 3
    bch_seats = draw(st.integers(low, MAX_CANDIDATES - 1))
    most = min(MAX_CANDIDATES, bch_seats + QC_190.surplus.max_surplus(bch_seats))
    size = draw(st.integers(bch_seats + 1, most))
    people = draw(st.lists(st.sampled_from(PEOPLE), min_size=size, max_size=size, unique=True))
    specs: list[Spec] = []
    if with_btv:
        seats = draw(st.integers(3, 6))
        specs.append(Spec("btv", seats, seats + 1, "bch"))
    if with_bt:
        specs.append(Spec("bt", 1, draw(st.integers(1, 2)), "btv" if with_btv else "bch"))
    state = _State(
        model=model,
        roll=roll,
        specs=tuple(specs),
        committee_absent=draw(st.integers(0, 1)),
        committee_missing=draw(st.integers(0, 2)),
    )
    state.chosen["bch"] = Contest(
        id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=bch_seats, candidates=people
    )
    budget = {cid: draw(st.integers(0, MAX_EXTRA_ROUNDS)) for cid in ORDER}
    # Lists drawn before the day (from the source's list) or once the source is elected.
    for spec in specs:
        if spec.source in state.chosen and draw(st.booleans()):
            state.chosen[spec.id] = _pick(draw, spec, state.chosen[spec.source].candidates)
    feeds = draw(st.just(MAX_RUNS) | st.integers(1, 6))

    def feed(contest_id: str, contest: Contest, number: int) -> None:
        present, base = state.voters(contest_id, state.committee_roll())
        batch, issued, _ = draw(round_ballots(contest, present, base))
        state.ballots[round_id(contest_id, number)] = batch
        state.issued[round_id(contest_id, number)] = issued

    runs: list[Run] = []
    for _ in range(MAX_RUNS):
        congress = state.congress()
        run = execute(congress, state.ballots)
        runs.append(run)
        if run.record is not None:
            record = run.record
        else:
            # The chain stopped: go on from the contests before, which may hold another round.
            assert run.error is not None
            record = prefix_record(congress, state.ballots, _failing_contest(run.error))
        state.remember(record)
        acted = False
        for rec in record.contests:
            number = len(rec.rounds) + 1
            if rec.status is ContestStatus.AWAITING_BALLOTS and rec.next_round is not None:
                if feeds <= 0:
                    break
                feeds -= 1
                feed(rec.contest_id, rec.next_round, number)
                acted = True
                break
            if (
                rec.status in ANOTHER_ROUND
                and rec.next_round is not None
                and state.extra_rounds.get(rec.contest_id, 0) < budget[rec.contest_id]
                and feeds > 0
            ):
                state.extra_rounds[rec.contest_id] = state.extra_rounds.get(rec.contest_id, 0) + 1
                if draw(st.booleans()):  # else the next run announces the round, then it is fed
                    feeds -= 1
                    feed(rec.contest_id, rec.next_round, number)
                acted = True
                break
        else:
            held = {r.contest_id: r for r in record.contests}
            later = [s for s in specs if s.id not in state.chosen and s.source in held]
            if later and run.error is None:
                spec = later[0]
                source = held[spec.source]
                pool = state.chosen[spec.source].candidates
                elected = [c for c in pool if c.name in source.elected]
                if len(elected) >= spec.size and draw(st.booleans()):
                    pool = tuple(elected)
                state.chosen[spec.id] = _pick(draw, spec, pool)
                acted = True
        if not acted:
            break
    return Scenario(model=model, runs=tuple(runs))


# --------------------------------------------------------------------------------------------
# Oracles written from RULES §4 and §6, independent of the library's own bookkeeping


def expected_source(congress: Congress, contest_id: str) -> str | None:
    held = [p.contest.id for p in congress.contests]
    if contest_id == "btv":
        return "bch"
    if contest_id == "bt":
        return "btv" if "btv" in held else "bch"
    return None


def expected_venue(model: ElectionModel, contest_id: str) -> Venue:
    if contest_id == "bch" or model is ElectionModel.DIRECT_STANDING:
        return Venue.CONGRESS
    return Venue.COMMITTEE


def seats_open_after(rec: ContestRecord, number: int) -> int:
    """Seats at stake in round ``number + 1``, from round ``number``'s outcome (RULES §4)."""
    outcome = rec.rounds[number - 1].outcome
    if outcome.tie is not None and outcome.tie_resolution is None:
        return outcome.tie.seats_at_stake
    return outcome.open_seats


def identities(names: Sequence[str]) -> set[object]:
    return {name_identity(name) for name in names}


# --------------------------------------------------------------------------------------------
# Properties


@given(scenarios())
def test_a_round_never_elects_more_than_the_seats_open_at_that_round(scenario: Scenario) -> None:
    for congress, record in scenario.records:
        for rec in record.contests:
            for number, result in enumerate(rec.rounds, start=1):
                if number == 1:
                    assert result.contest == congress.plan(rec.contest_id).contest
                    open_now = rec.seats
                else:
                    open_now = seats_open_after(rec, number - 1)
                    assert result.contest.round == number
                    assert result.contest.id == round_id(rec.contest_id, number)
                assert result.contest.seats == open_now
                assert len(result.outcome.elected) <= open_now
    # The round counted is the one an earlier record announced, with the same seats and list.
    announced: dict[tuple[str, int], Contest] = {}
    for _, record in scenario.records:
        for rec in record.contests:
            for number, result in enumerate(rec.rounds, start=1):
                expected = announced.get((rec.contest_id, number))
                if expected is not None and rec.status is not ContestStatus.WAITING_FOR_SOURCE:
                    assert result.contest.seats == expected.seats
                    assert result.contest.names == expected.names
            if rec.next_round is not None and rec.status is not ContestStatus.WAITING_FOR_SOURCE:
                announced[(rec.contest_id, len(rec.rounds) + 1)] = rec.next_round


@given(scenarios())
def test_rounds_together_never_exceed_the_seats_and_nobody_is_elected_twice(
    scenario: Scenario,
) -> None:
    for _, record in scenario.records:
        for rec in record.contests:
            per_round = [name for r in rec.rounds for name in r.outcome.elected]
            assert rec.elected == tuple(per_round)
            assert len(rec.elected) <= rec.seats
            assert len(identities(rec.elected)) == len(rec.elected)
            assert rec.open_seats == rec.seats - len(rec.elected)
            for result in rec.rounds:
                assert set(result.outcome.elected) <= set(result.contest.names)
                for name in result.outcome.elected:
                    standing = next(s for s in result.outcome.standings if s.name == name)
                    assert 2 * standing.votes > result.outcome.base


@given(scenarios())
def test_chained_eligibility_always_holds(scenario: Scenario) -> None:
    for run in scenario.runs:
        congress = run.congress
        if run.record is not None:
            record = run.record
            for rec in record.contests:
                source = expected_source(congress, rec.contest_id)
                assert rec.draws_from == source
                if source is None:
                    continue
                held = record.contest(source)
                if must_wait(congress, record, rec.contest_id):
                    assert rec.status is ContestStatus.WAITING_FOR_SOURCE
                    continue
                allowed = identities(held.elected)
                lists = [congress.plan(rec.contest_id).contest, *(r.contest for r in rec.rounds)]
                for contest in lists:
                    assert identities(contest.names) <= allowed, (rec.contest_id, held.elected)
            continue
        error = run.error
        assert error is not None
        failing = _failing_contest(error)
        before = prefix_record(congress, run.ballots, failing)
        source_id = expected_source(congress, failing)
        assert source_id is not None
        held = before.contest(source_id)
        assert held.status not in UNSETTLED
        if error.code == "chain.not_eligible":
            assert error.params["source_id"] == source_id
            name = error.params["name"]
            assert isinstance(name, str)
            assert name in congress.plan(failing).contest.names
            assert name_identity(name) not in identities(held.elected)
        else:
            assert error.code == "chain.standing_needs_nine"
            assert failing == "btv"
            assert len(held.elected) < MIN_BCH_FOR_BTV


@given(scenarios())
def test_every_round_of_a_contest_is_counted_against_the_same_base(scenario: Scenario) -> None:
    for congress, record in scenario.records:
        for rec in record.contests:
            venue = expected_venue(scenario.model, rec.contest_id)
            assert rec.venue is venue
            if not rec.rounds:
                continue
            roll = rec.rounds[0].roll
            for result in rec.rounds:
                assert result.roll == roll
                assert result.outcome.base == roll.base
            if venue is Venue.CONGRESS:
                assert roll == congress.roll
            else:
                committee = congress.committee_roll
                assert committee is not None
                assert roll.kind is CongressKind.COMMITTEE_CONFERENCE
                assert roll.convened == len(record.contest("bch").elected)
                assert roll.present == committee.present
                deducted = sum(committee.deductions.values())
                assert roll.base == roll.convened - deducted


@given(scenarios())
def test_replaying_the_same_congress_and_ballots_gives_an_identical_record(
    scenario: Scenario,
) -> None:
    for run in scenario.runs[-1:]:
        again = execute(run.congress, run.ballots)

        def by_round(contest_id: str, number: int, _: Contest, run: Run = run) -> Ballots | None:
            return run.ballots.get(round_id(contest_id, number))

        read = execute(run.congress, run.ballots, by_round)
        for replay in (again, read):
            if run.record is None:
                assert run.error is not None and replay.error is not None
                assert (replay.error.code, replay.error.params) == (
                    run.error.code,
                    run.error.params,
                )
                assert replay.error.where == run.error.where
            else:
                assert replay.record == run.record
                assert replay.record is not None
                assert replay.record.model_dump_json() == run.record.model_dump_json()


@given(scenarios())
def test_status_says_where_each_contest_stands(scenario: Scenario) -> None:
    for congress, record in scenario.records:
        for rec in record.contests:
            plan = congress.plan(rec.contest_id)
            if must_wait(congress, record, rec.contest_id):
                assert rec.status is ContestStatus.WAITING_FOR_SOURCE
                assert rec.rounds == () and rec.elected == ()
                assert rec.open_seats == rec.seats
                continue
            assert rec.status is not ContestStatus.WAITING_FOR_SOURCE
            last = rec.rounds[-1].outcome if rec.rounds else None
            unresolved = last is not None and last.tie is not None and last.tie_resolution is None
            if rec.open_seats == 0 and rec.rounds:
                expected = ContestStatus.COMPLETE
            elif len(rec.rounds) < 1 + len(plan.rounds):
                expected = ContestStatus.AWAITING_BALLOTS
            elif unresolved:
                expected = ContestStatus.NEEDS_REVOTE
            else:
                expected = ContestStatus.NEEDS_ROUND
            assert rec.status is expected, (rec.contest_id, rec.open_seats, len(rec.rounds))
            assert (rec.status is ContestStatus.COMPLETE) == (rec.open_seats == 0)
            if rec.status is ContestStatus.NEEDS_REVOTE:
                assert last is not None and unresolved
            if rec.status is ContestStatus.COMPLETE:
                assert last is not None and last.alternate_tie is None and not unresolved
            if rec.status is ContestStatus.COMPLETE:
                assert rec.next_round is None
            else:
                assert rec.next_round is not None
                assert rec.next_round.round == len(rec.rounds) + 1
                assert rec.next_round.id == round_id(rec.contest_id, len(rec.rounds) + 1)
                if rec.rounds:
                    assert rec.next_round.seats == seats_open_after(rec, len(rec.rounds))


@st.composite
def bch_electing_nobody_then_secretary(draw: st.DrawFn) -> tuple[Congress, dict[str, Ballots]]:
    """A standard congress whose BCH elects nobody in its only round (every name at most half
    the base), then a secretary from the BCH, elected by the new committee's conference."""
    roll = draw(_ROLLS)
    seats = draw(st.integers(3, 5))
    people = draw(
        st.lists(st.sampled_from(PEOPLE), min_size=seats + 1, max_size=seats + 1, unique=True)
    )
    bch = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=seats, candidates=people)
    secretary = Contest(id="bt", body=Body.SECRETARY, seats=1, candidates=people[:1])
    n = roll.present
    votes = _fit([draw(st.integers(0, roll.base // 2)) for _ in people], n, seats)
    assume(all(2 * v <= roll.base for v in votes))
    congress = Congress(
        name="Đại hội Đảng bộ",
        roll=roll,
        model=ElectionModel.STANDARD,
        committee_roll=CommitteeRoll(present=draw(st.integers(0, 3))),
        contests=[ContestPlan(contest=bch, issued=n), ContestPlan(contest=secretary, issued=0)],
    )
    return congress, {"bch": Ballots.from_arrays(bch, _marks(bch, votes, n))}


@given(bch_electing_nobody_then_secretary())
def test_secretary_from_a_bch_that_elected_nobody_is_not_eligible(
    case: tuple[Congress, dict[str, Ballots]],
) -> None:
    """Regression: the standard model built the conference roll of 0 members before checking
    eligibility and raised RollError 'roll.convened_zero' (found by these properties)."""
    congress, ballots = case
    direct = congress.model_copy(
        update={"model": ElectionModel.DIRECT_STANDING, "committee_roll": None}
    )
    for model in (direct, congress):
        with pytest.raises(ContestError) as raised:
            run_congress(model, ballots)
        assert raised.value.code == "chain.not_eligible"
        assert raised.value.params["source_id"] == "bch"
