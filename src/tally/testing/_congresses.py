"""Whole congresses: the executive committee, then the standing committee drawn from its elected,
then the secretary drawn from those — with ballots for each, ready for
:func:`~tally.congress.run.run_congress`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from tally.congress.chain import ElectionModel, Venue, default_venue
from tally.congress.plan import BoardMember, CommitteeRoll, Congress, ContestPlan
from tally.congress.run import CongressRecord, ContestStatus, run_congress
from tally.model.ballots import Ballots, Mark
from tally.model.bodies import Body
from tally.model.contest import BallotForm, Contest
from tally.model.roll import CongressKind
from tally.model.rules import RuleSet
from tally.testing._people import _unique_candidates
from tally.testing._rolls import rolls
from tally.testing._rules import rule_sets

_MIN_FOR_STANDING = 9


@dataclass(frozen=True)
class CongressCase:
    """A drawn congress, the ballots of each contest (by contest id), and its record.

    ``record`` is :func:`~tally.congress.run.run_congress` on them, computed while drawing (each
    list after the first is drawn from the elected of the contest before it).
    """

    congress: Congress
    ballots: dict[str, Ballots]
    record: CongressRecord

    def __repr__(self) -> str:
        parts = []
        for plan in self.congress.contests:
            contest = plan.contest
            names = ", ".join(contest.names)
            parts.append(
                f"{contest.id}: {contest.seats} of [{names}], "
                f"{len(self.ballots[contest.id])} ballots"
            )
        model = self.congress.election_model.value
        return f"CongressCase({model}, {self.congress.rules.name}; " + "; ".join(parts) + ")"


@st.composite
def _congress(
    draw: st.DrawFn,
    model: ElectionModel | None,
    max_committee: int,
    max_voters: int,
    rules: RuleSet | None,
) -> CongressCase:
    chosen = model or draw(
        st.sampled_from(
            [ElectionModel.STANDARD, ElectionModel.DIRECT_SECRETARY, ElectionModel.DIRECT_STANDING]
        )
    )
    ruleset = rules or draw(rule_sets(presets_only=True))
    kind = draw(st.sampled_from([CongressKind.DELEGATE_CONGRESS, CongressKind.MEMBER_CONGRESS]))
    roll = draw(
        rolls(
            kind, min_convened=max(20, max_committee + 5), max_convened=max_voters, rules=ruleset
        ).filter(
            lambda r: 3 * r.present > 2 * r.convened  # a quorum: the count can elect someone
        )
    )
    seats = draw(st.integers(_MIN_FOR_STANDING, max_committee))
    surplus = draw(st.integers(1, max(1, seats * 30 // 100)))
    people = draw(_unique_candidates(seats + surplus + 3))
    listed, spare = people[: seats + surplus], people[seats + surplus :]
    board = (
        BoardMember(name=spare[0].name, role="head"),
        BoardMember(name=spare[1].name),
        BoardMember(name=spare[2].name),
    )
    bch = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=seats, candidates=listed)
    issued = draw(st.integers(roll.present * 9 // 10, roll.present))
    plans = [ContestPlan(contest=bch, issued=issued)]
    drawn = {"bch": draw(_ballots_for(bch, issued))}

    def congress_of(committee: CommitteeRoll | None) -> Congress:
        return Congress(
            name="Đại hội thử nghiệm",
            term="2025–2030",
            date=dt.date(2025, 6, 1),
            roll=roll,
            rules=ruleset,
            board=board,
            model=chosen,
            contests=tuple(plans),
            committee_roll=committee,
        )

    congress = congress_of(None)
    record = run_congress(congress, drawn)
    committee_present: int | None = None
    depth = draw(st.sampled_from((2, 1, 0)))  # how far down the chain
    if chosen is ElectionModel.DIRECT_SECRETARY:
        # The congress elects the secretary from the BCH; the conference then the BTV.
        chain = (("bt", Body.SECRETARY, "bch"), ("btv", Body.STANDING_COMMITTEE, "bch"))[:depth]
    else:
        chain = (("btv", Body.STANDING_COMMITTEE, "bch"), ("bt", Body.SECRETARY, "btv"))[:depth]
    for contest_id, body, source_id in chain:
        source = record.contest(source_id)
        if source.status is not ContestStatus.COMPLETE:
            break
        elected = source.elected
        if body is Body.STANDING_COMMITTEE and len(elected) < _MIN_FOR_STANDING:
            break
        body_seats = 1 if body is Body.SECRETARY else draw(st.integers(3, min(7, len(elected) - 2)))
        extra = (
            1 if body is Body.SECRETARY else draw(st.integers(1, max(1, body_seats * 30 // 100)))
        )
        names = draw(st.permutations(elected))[
            : body_seats + (0 if body is Body.SECRETARY else extra)
        ]
        contest = Contest(id=contest_id, body=body, seats=body_seats, candidates=list(names))
        venue = default_venue(chosen, body)
        if venue is Venue.COMMITTEE:
            members = len(record.contest("bch").elected)
            if committee_present is None:
                committee_present = draw(st.integers(max(1, members * 2 // 3 + 1), members))
            present = committee_present
        else:
            present = roll.present
        issued = draw(st.integers(max(1, present * 9 // 10), present))
        plans.append(ContestPlan(contest=contest, issued=issued))
        drawn[contest_id] = draw(_ballots_for(contest, issued))
        committee = CommitteeRoll(present=committee_present) if committee_present else None
        congress = congress_of(committee)
        record = run_congress(congress, drawn)
    return CongressCase(congress=congress, ballots=drawn, record=record)


@st.composite
def _ballots_for(draw: st.DrawFn, contest: Contest, issued: int) -> Ballots:
    """Ballots that mostly follow a drawn "expected" result — the way a congress votes — so
    most contests complete, while low ``discipline`` brings shortfalls and ties."""
    n = draw(st.integers(max(1, issued * 9 // 10), issued))
    discipline = draw(st.sampled_from((0.95, 0.8, 0.5, 0.2)))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    k, seats = len(contest.candidates), contest.seats
    if contest.form is BallotForm.YES_NO:
        agree = rng.random((n, k)) < discipline
        marks = np.where(agree, Mark.AGREE, Mark.DISAGREE).astype(np.uint8)
    else:
        popular = rng.permutation(k)[:seats]
        marks = np.zeros((n, k), dtype=np.uint8)
        for row in range(n):
            free = rng.permutation(k)[: rng.integers(1, seats + 1)]
            marks[row, popular if rng.random() < discipline else free] = Mark.KEPT
    invalid = rng.random(n) < 0.03
    marks[invalid] = Mark.KEPT if contest.form is BallotForm.STRIKE_OUT else Mark.BOTH
    serials = [f"{contest.id.upper()}-{i:04d}" for i in range(1, n + 1)]
    return Ballots.from_arrays(contest, marks, serials=serials)


def congresses(
    *,
    model: ElectionModel | None = None,
    max_committee: int = 15,
    max_voters: int = 120,
    rules: RuleSet | None = None,
) -> st.SearchStrategy[CongressCase]:
    """Whole congresses as a :class:`CongressCase`: a BCH of 9..``max_committee`` seats, then
    — when it is complete, and as drawn — a BTV whose list is drawn from the BCH's elected and
    a secretary drawn from the BTV's, each at the venue the election ``model`` gives it
    (standard: the new committee's conference; direct_standing: the congress). Under
    direct_secretary the congress elects the secretary from the BCH first, then the conference
    the BTV. Models are drawn from all three unless ``model`` is given. Each contest has ballots
    (about 5% invalid) from at most the ballots issued, so every count reconciles; the case
    carries the record :func:`~tally.congress.run.run_congress` makes of it.

    >>> from hypothesis import given, settings
    >>> from tally.model.names import name_identity
    >>> @settings(max_examples=10, deadline=None)
    ... @given(congresses())
    ... def test_the_secretary_comes_from_the_body_it_is_drawn_from(case):
    ...     record = case.record
    ...     ids = [c.contest_id for c in record.contests]
    ...     if "bt" in ids and record.contest("bt").elected:
    ...         source = record.contest(record.contest("bt").draws_from)
    ...         pool = {name_identity(n) for n in source.elected}
    ...         assert name_identity(record.contest("bt").elected[0]) in pool
    >>> test_the_secretary_comes_from_the_body_it_is_drawn_from()
    """
    if max_committee < _MIN_FOR_STANDING:
        raise InvalidArgument(f"max_committee must be at least 9, got {max_committee}")
    if max_voters < max(20, max_committee + 5):
        raise InvalidArgument(
            f"max_voters must be at least {max(20, max_committee + 5)}, got {max_voters}"
        )
    return _congress(model, max_committee, max_voters, rules)
