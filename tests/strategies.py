"""Hypothesis strategies and helpers shared by the test suite (not part of the library).

The public strategies of :mod:`tally.testing` draw what a user of the library needs; this module
builds on them what only our own properties need: custom rule sets of the same policies, counts
and contests built to tie, counts to decide from every source, and the adapters that feed
``tally``'s objects to the plain-Python reference (:mod:`tests.reference`) as plain data.
"""

from __future__ import annotations

import dataclasses
import functools
from datetime import date
from typing import Any, Protocol, TypeVar

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, settings
from hypothesis import strategies as st

from tally import (
    QC_190,
    QC_244,
    Ballots,
    Body,
    CongressKind,
    Contest,
    Outcome,
    ReconciliationError,
    Roll,
    RuleSet,
    TieDecision,
    count_contest,
)
from tally.audit.events import Marks
from tally.counting.count import Count, count_ballots
from tally.counting.outcome import Tie, decide
from tally.counting.validity import REASONS, classify, reason_of
from tally.model.contest import BallotForm
from tally.model.presets import PRESETS
from tally.model.roll import Deduction
from tally.model.rules import Organisation, RevoteThreshold, ThresholdBase, TiePolicy
from tally.testing import ballots, contests, counted_contests, rolls, rule_sets
from tests import reference

Case = tuple[Contest, Ballots, Roll, int]


def fitted_roll(roll: Roll, rules: RuleSet) -> Roll:
    """``roll`` with only the deductions ``rules`` takes off for its kind (the cases are drawn
    under the default rules; a People's Council, say, deducts nothing). Dropping a deduction
    never makes a roll inconsistent."""
    allowed = rules.deductions.allowed(roll.kind)
    kept = {c: n for c, n in roll.deductions.items() if c in allowed}
    return roll if kept == roll.deductions else roll.model_copy(update={"deductions": kept})


def fitted(case: Case, rules: RuleSet) -> Case:
    """``case`` with its roll fitted to ``rules`` (:func:`fitted_roll`)."""
    contest, batch, roll, issued = case
    return contest, batch, fitted_roll(roll, rules), issued


T = TypeVar("T")


# --- rule sets: the presets and custom sets of the same policies ----------------------------


def _variant(
    name: str,
    *,
    lenient: bool = False,
    base: ThresholdBase | None = None,
    tie: TiePolicy | None = None,
) -> RuleSet:
    rules = QC_190
    update: dict[str, object] = {"name": name}
    if lenient:
        update["validity"] = rules.validity.model_copy(
            update={"all_unmarked_yes_no_invalid": False, "no_agree_yes_no_invalid": False}
        )
    if base is not None:
        update["threshold"] = rules.threshold.model_copy(update={"base": base})
    if tie is not None:
        update["tie"] = rules.tie.model_copy(update={"policy": tie})
    return rules.model_copy(update=update)


LENIENT = _variant("lenient", lenient=True)
"""An all-unclear multi-candidate yes/no ballot is valid (it votes for nobody)."""
VALID_BASE = _variant("valid_base", base=ThresholdBase.VALID_BALLOTS)
COLLECTED_BASE = _variant("collected_base", base=ThresholdBase.COLLECTED_BALLOTS)
OLDER_WINS = _variant("older_wins", tie=TiePolicy.OLDER_WINS)
CONGRESS_DECIDES = _variant("congress_decides", tie=TiePolicy.CONGRESS_DECIDES)
STATE_STYLE = _variant(
    "state_style", lenient=True, base=ThresholdBase.VALID_BALLOTS, tie=TiePolicy.OLDER_WINS
)
"""Threshold on valid ballots, older wins a tie (Law 85/2015 style), lenient yes/no."""

RULE_SETS: tuple[RuleSet, ...] = (
    QC_190,
    QC_244,
    LENIENT,
    VALID_BASE,
    COLLECTED_BASE,
    OLDER_WINS,
    CONGRESS_DECIDES,
    STATE_STYLE,
    *(r for r in PRESETS.values() if r.organisation is not Organisation.PARTY),
)
any_rules = rule_sets(neighbours=True) | st.sampled_from(RULE_SETS)
TIE_POLICIES = (TiePolicy.OLDER_WINS, TiePolicy.REVOTE, TiePolicy.CONGRESS_DECIDES)
"""Older wins first: the policy that breaks ties is the one the tie properties must see often."""
"""The public strategy's rule sets, and the custom ones above (so that older wins, the
congress decides and a threshold on valid ballots come up often)."""


def with_tie_policy(draw: Draw, rules: RuleSet) -> RuleSet:
    """``rules`` under a drawn tie policy (each policy often, older wins most)."""
    policy = draw(st.sampled_from(TIE_POLICIES))
    return rules.model_copy(update={"tie": rules.tie.model_copy(update={"policy": policy})})


# --- the reference, fed plain data ------------------------------------------------------------


def places(contest: Contest) -> int:
    """Names a ballot may vote for: the seats and the alternates elected on the same ballot."""
    return contest.seats + contest.alternates


def roll_base(roll: Roll) -> int:
    return reference.base_of(roll.convened, list(roll.deductions.values()))


def ref_count(contest: Contest, batch: Ballots, rules: RuleSet) -> reference.RefCount:
    return reference.count(
        batch.marks.tolist(),
        batch.observations.tolist(),
        len(contest.names),
        places(contest),
        rules.validity.all_unmarked_yes_no_invalid,
        rules.validity.no_agree_yes_no_invalid,
        rules.validity.one_name_blank_valid,
    )


def ref_base(rules: RuleSet, roll: Roll, counted: reference.RefCount) -> int:
    return reference.threshold_base(
        rules.threshold.base.value, roll_base(roll), counted.valid, counted.collected
    )


def ref_decide(
    contest: Contest,
    votes: list[int],
    base: int,
    rules: RuleSet,
    decision: TieDecision | None = None,
    alternate_decision: TieDecision | None = None,
    turnout_met: bool = True,
    most_votes: bool = False,
) -> reference.RefOutcome:
    return reference.decide(
        list(contest.names),
        contest.seats,
        votes,
        base,
        contest.alternates,
        rules.tie.policy.value,
        [c.birth_date for c in contest.candidates],
        None if decision is None else list(decision.winners),
        None if alternate_decision is None else list(alternate_decision.winners),
        turnout_met,
        most_votes,
    )


def count_as_reference(count: Count) -> reference.RefCount:
    return reference.RefCount(
        collected=count.collected,
        valid=count.valid,
        invalid_by_reason={r.value: n for r, n in count.invalid_by_reason.items()},
        votes=list(count.votes),
        against=list(count.against),
        unmarked=list(count.unmarked),
    )


def assert_outcome_matches(outcome: Outcome, expected: reference.RefOutcome, base: int) -> None:
    assert outcome.base == base
    assert outcome.min_votes * 2 > base >= (outcome.min_votes - 1) * 2
    assert list(outcome.elected) == expected.elected
    assert [s.above_threshold for s in outcome.standings] == expected.above
    assert [s.elected for s in outcome.standings] == [
        s.name in expected.elected for s in outcome.standings
    ]
    assert _tie_as_reference(outcome.tie) == expected.tie
    if expected.resolution is None:
        assert outcome.tie_resolution is None
    else:
        how, winners = expected.resolution
        assert outcome.tie_resolution is not None
        assert outcome.tie_resolution.by is (TiePolicy.OLDER_WINS if how == "older_wins" else None)
        assert set(outcome.tie_resolution.winners) == set(winners)
    assert outcome.open_seats == expected.open_seats
    assert outcome.status.value == expected.status
    assert list(outcome.alternates) == expected.alternates
    assert [s.alternate for s in outcome.standings] == [
        s.name in expected.alternates for s in outcome.standings
    ]
    assert _tie_as_reference(outcome.alternate_tie) == expected.alternate_tie
    if expected.alternate_resolution is None:
        assert outcome.alternate_resolution is None
    else:
        assert outcome.alternate_resolution is not None
        assert list(outcome.alternate_resolution.winners) == expected.alternate_resolution


def _tie_as_reference(tie: Tie | None) -> tuple[list[str], int, int] | None:
    return None if tie is None else (list(tie.candidates), tie.votes, tie.seats_at_stake)


class Draw(Protocol):
    """What draws a value: a composite strategy's ``draw`` or ``st.data()``'s ``draw``."""

    def __call__(self, strategy: st.SearchStrategy[T], label: Any = None) -> T: ...


def draw_decisions(
    draw: Draw,
    expected: reference.RefOutcome,
    decide_expected: functools.partial[reference.RefOutcome],
) -> tuple[TieDecision | None, TieDecision | None, reference.RefOutcome]:
    """Now and then a recorded decision on a tie the reference finds at the cut-off (as a
    congress would record after a re-vote), then on one at the alternates' cut-off; the
    decisions and the reference's outcome under them."""
    decision = alternate = None
    if expected.tie is not None and expected.resolution is None and draw(st.booleans()):
        group, _, at_stake = expected.tie
        winners = draw(st.permutations(group))[:at_stake]
        decision = TieDecision(winners=tuple(winners), note="Bầu lại")
        expected = decide_expected(decision=decision)
    if expected.alternate_tie is not None and draw(st.booleans()):
        group, _, at_stake = expected.alternate_tie
        winners = draw(st.permutations(group))[:at_stake]
        alternate = TieDecision(winners=tuple(winners), note="Biểu quyết")
        expected = decide_expected(decision=decision, alternate_decision=alternate)
    return decision, alternate, expected


def assert_pipeline_matches_reference(
    contest: Contest,
    batch: Ballots,
    roll: Roll,
    issued: int,
    rules: RuleSet,
    data: st.DataObject,
) -> None:
    """classify, count, reconcile, base and decision (with any tie decisions) == reference."""
    roll = fitted_roll(roll, rules)
    fast = [reason_of(code) for code in classify(contest, batch, rules).tolist()]
    slow = [
        reference.reason(
            row,
            flags,
            places(contest),
            rules.validity.all_unmarked_yes_no_invalid,
            rules.validity.no_agree_yes_no_invalid,
            rules.validity.one_name_blank_valid,
        )
        for row, flags in zip(batch.marks.tolist(), batch.observations.tolist(), strict=True)
    ]
    assert fast == slow
    counted = ref_count(contest, batch, rules)
    try:
        reference.check_issued(counted.collected, issued)
    except reference.NotReconciledError:
        with pytest.raises(ReconciliationError):
            count_contest(contest, batch, roll=roll, issued=issued, rules=rules)
        return
    base = ref_base(rules, roll, counted)
    # the turnout gate (RULES §8): more than half of those convened voted, when the rules ask
    turnout_met = (
        not rules.turnout.required or contest.round > 1 or 2 * counted.collected > roll.convened
    )
    # a re-vote among the tied: under most_votes, the most voted win without the threshold
    among_tied = data.draw(st.booleans(), label="a re-vote among the tied")
    most_votes = among_tied and rules.tie.revote_threshold is RevoteThreshold.MOST_VOTES
    decide_expected = functools.partial(
        ref_decide,
        contest,
        counted.votes,
        base,
        rules,
        turnout_met=turnout_met,
        most_votes=most_votes,
    )
    expected = decide_expected()
    result = count_contest(
        contest, batch, roll=roll, issued=issued, rules=rules, among_tied=among_tied
    )
    assert count_as_reference(result.count) == counted
    assert_outcome_matches(result.outcome, expected, base)
    decision, alternate, expected = draw_decisions(data.draw, expected, decide_expected)
    if decision is None and alternate is None:
        return
    result = count_contest(
        contest,
        batch,
        roll=roll,
        issued=issued,
        rules=rules,
        decision=decision,
        alternate_decision=alternate,
        among_tied=among_tied,
    )
    assert_outcome_matches(result.outcome, expected, base)


# --- strategies built on tally.testing ------------------------------------------------------


def with_some_alternates(draw: st.DrawFn, contest: Contest) -> Contest:
    """``contest`` (delegates) with some of its places given to alternates when it elects none:
    the ballot keeps as many places, so the list still fits its form."""
    if contest.alternates:
        return contest
    alternates = draw(st.integers(1, contest.seats // 4 + 1))
    return Contest(
        id=contest.id,
        body=contest.body,
        seats=max(1, contest.seats - alternates),
        alternates=alternates,
        candidates=contest.candidates,
    )


@st.composite
def counted_with_alternates(draw: st.DrawFn, max_candidates: int = 30) -> Case:
    """Like :func:`counted_contests`, for delegates and alternates elected on the same ballot
    (filtering drawn contests for alternates would throw most of them away)."""
    contest = with_some_alternates(
        draw, draw(contests(Body.UPPER_DELEGATES, max_candidates=max_candidates))
    )
    kind = draw(st.sampled_from([CongressKind.MEMBER_CONGRESS, CongressKind.DELEGATE_CONGRESS]))
    roll = draw(rolls(kind))
    issued = roll.present - draw(st.integers(0, roll.present // 20))
    collected = issued - draw(st.integers(0, min(issued, 2)))
    return contest, draw(ballots(contest, n=collected)), roll, issued


with_alternates = counted_with_alternates(max_candidates=16)
yes_no_lists = counted_contests(Body.UPPER_DELEGATES, BallotForm.YES_NO)
"""Yes/no ballots listing several names: valid ballots with names left unmarked."""


BIRTH_DATES = [
    None,
    date(1958, 1, 9),
    date(1960, 5, 1),
    date(1968, 2, 3),
    date(1968, 2, 3),
    date(1975, 9, 2),
]
"""Few birth dates, some equal, some unknown: older-wins ties resolve, or cannot."""


def with_birth_dates(draw: Draw, contest: Contest) -> Contest:
    """``contest`` with birth dates drawn from :data:`BIRTH_DATES`."""
    people = tuple(
        c.model_copy(update={"birth_date": draw(st.sampled_from(BIRTH_DATES))})
        for c in contest.candidates
    )
    return contest.model_copy(update={"candidates": people})


def synthetic_count(contest: Contest, votes: list[int], valid: int) -> Count:
    return Count(
        contest_id=contest.id,
        form=contest.form,
        collected=valid,
        valid=valid,
        invalid_by_reason=dict.fromkeys(REASONS, 0),
        votes=tuple(votes),
        against=tuple(valid - v for v in votes),
        unmarked=(0,) * len(votes),
    )


@st.composite
def arbitrary_counts(draw: st.DrawFn, alternates: bool = False) -> tuple[Contest, Count, int]:
    """A small contest with arbitrary votes in a narrow range, so that equal votes (ties at the
    cut-off, at the alternates' cut-off, at the threshold) are common."""
    delegates = contests(Body.UPPER_DELEGATES, BallotForm.STRIKE_OUT, max_candidates=8)
    if alternates:
        contest = with_some_alternates(draw, draw(delegates))
    else:
        contest = draw(
            contests(form=BallotForm.STRIKE_OUT, max_candidates=8)
            | contests(max_candidates=8)
            | delegates
        )
    contest = with_birth_dates(draw, contest)
    valid = draw(st.integers(0, 8))
    k = len(contest.names)
    votes = draw(st.lists(st.integers(0, valid), min_size=k, max_size=k))
    base = draw(st.integers(1, max(1, valid)) | st.integers(1, 2 * valid + 2))
    return contest, synthetic_count(contest, votes, valid), base


@st.composite
def tied_counts(draw: st.DrawFn) -> tuple[Contest, Count, int]:
    """A count and a base that certainly tie at the cut-off (above the threshold)."""
    contest = with_birth_dates(draw, draw(contests(form=BallotForm.STRIKE_OUT, max_candidates=8)))
    k, seats = len(contest.names), contest.seats
    order = draw(st.permutations(range(k)))
    sure = order[: draw(st.integers(0, seats - 1))]
    left = seats - len(sure)
    group = order[len(sure) : len(sure) + draw(st.integers(left + 1, k - len(sure)))]
    cut = draw(st.integers(1, 8))
    votes = [draw(st.integers(0, cut - 1)) for _ in range(k)]
    for j in sure:
        votes[j] = draw(st.integers(cut + 1, cut + 4))
    for j in group:
        votes[j] = cut
    base = draw(st.integers(1, 2 * cut - 1))
    return contest, synthetic_count(contest, votes, max(votes)), base


@st.composite
def alternate_tied_counts(draw: st.DrawFn) -> tuple[Contest, Count, int]:
    """A count and a base that fill the seats, then tie at the alternates' cut-off."""
    drawn = draw(contests(Body.UPPER_DELEGATES, BallotForm.STRIKE_OUT, max_candidates=10))
    contest = with_birth_dates(draw, with_some_alternates(draw, drawn))
    k, seats, places = len(contest.names), contest.seats, contest.alternates
    assume(k > seats + places)  # a one-seat list of two has no room for a tied alternate
    order = draw(st.permutations(range(k)))
    sure = order[seats : seats + draw(st.integers(0, places - 1))]
    left = places - len(sure)
    rest = order[seats + len(sure) :]
    group = rest[: draw(st.integers(left + 1, len(rest)))]
    cut = draw(st.integers(1, 8))
    votes = [draw(st.integers(0, cut - 1)) for _ in range(k)]
    for j in order[:seats]:
        votes[j] = draw(st.integers(cut + 5, cut + 9))
    for j in sure:
        votes[j] = draw(st.integers(cut + 1, cut + 4))
    for j in group:
        votes[j] = cut
    base = draw(st.integers(1, 2 * cut - 1))
    return contest, synthetic_count(contest, votes, max(votes)), base


@st.composite
def tied_contests(draw: st.DrawFn) -> Case:
    """A strike-out contest whose ballots certainly tie at the cut-off, above the threshold.

    ``sure`` candidates are kept on every ballot; the others, in a group larger than the seats
    left, are kept in rotation on equal numbers of ballots, each ballot keeping ``left`` of them.
    """
    contest = with_birth_dates(draw, draw(contests(form=BallotForm.STRIKE_OUT, max_candidates=10)))
    k, seats = len(contest.names), contest.seats
    order = draw(st.permutations(range(k)))
    sure_count = draw(st.integers(0, seats - 1))
    left = seats - sure_count
    group = order[sure_count:]  # len(group) == k - sure_count > left
    rounds = draw(st.integers(1, 3))
    rows = []
    for _ in range(rounds):
        for start in range(len(group)):
            row = [0] * k
            for j in order[:sure_count]:
                row[j] = 1
            for step in range(left):
                row[group[(start + step) % len(group)]] = 1
            rows.append(row)
    n = len(rows)
    tied_votes = rounds * left
    base = draw(st.integers(1, 2 * tied_votes - 1))  # the tied votes pass: 2 * votes > base
    convened = max(base, n)
    # Members registered temporarily elsewhere may attend, but do not count in the base.
    deductions = {Deduction.TEMPORARY_REGISTRATION: convened - base} if convened > base else {}
    roll = Roll(
        kind=CongressKind.MEMBER_CONGRESS, convened=convened, present=n, deductions=deductions
    )
    assert roll.base == base
    return contest, Ballots.from_arrays(contest, rows), roll, n


@dataclasses.dataclass(frozen=True)
class Decided:
    """A count to decide: base, rule set, and the recorded decisions on its ties, if any."""

    contest: Contest
    count: Count
    base: int
    rules: RuleSet
    decision: TieDecision | None
    alternate_decision: TieDecision | None

    def outcome(self) -> Outcome:
        return decide(
            self.contest, self.count, self.base, self.rules, self.decision, self.alternate_decision
        )

    def votes(self) -> dict[str, int]:
        return dict(zip(self.contest.names, self.count.votes, strict=True))


@st.composite
def _counted_source(
    draw: st.DrawFn, strategy: st.SearchStrategy[Case]
) -> tuple[Contest, Count, int, RuleSet]:
    contest, batch, roll, _ = draw(strategy)
    contest = with_birth_dates(draw, contest)
    rules = with_tie_policy(draw, draw(any_rules))
    count = count_ballots(contest, batch, rules)
    base = reference.threshold_base(
        rules.threshold.base.value, roll_base(roll), count.valid, count.collected
    )
    return contest, count, base, rules


@st.composite
def _given_base_source(
    draw: st.DrawFn, strategy: st.SearchStrategy[tuple[Contest, Count, int]]
) -> tuple[Contest, Count, int, RuleSet]:
    return (*draw(strategy), with_tie_policy(draw, draw(any_rules)))


@st.composite
def decided(draw: st.DrawFn, alternates: bool = False) -> Decided:
    """Counts to decide, from every source: realistic ballots (:func:`counted_contests`),
    arbitrary votes, counts built to tie at the cut-off and ballots built to tie; each under a
    drawn rule set and tie policy, with birth dates for older wins, and now and then a recorded
    decision on a tie (as a congress would record after a re-vote). With ``alternates``:
    contests electing alternates on the same ballot, some built to tie at their cut-off."""
    if alternates:
        source = (
            _counted_source(counted_with_alternates(8))
            | _given_base_source(arbitrary_counts(True))
            | _given_base_source(alternate_tied_counts())
        )
    else:
        source = (
            _counted_source(counted_contests(max_candidates=8))
            | _given_base_source(arbitrary_counts())
            | _given_base_source(tied_counts())
            | _counted_source(tied_contests())
        )
    contest, count, base, rules = draw(source)
    decide_expected = functools.partial(ref_decide, contest, list(count.votes), base, rules)
    decision, alternate, _ = draw_decisions(draw, decide_expected(), decide_expected)
    return Decided(contest, count, base, rules, decision, alternate)


def examples_share(share: float) -> settings:
    """A share of the loaded profile's examples (200 by default, 2,000 in ``ci``), for the
    properties whose every example plays a whole session or congress."""
    loaded = settings.get_profile(settings.get_current_profile_name())
    return settings(
        max_examples=max(10, int(loaded.max_examples * share)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


def subset(batch: Ballots, contest: Contest, rows: np.ndarray | slice) -> Ballots:
    return Ballots.from_arrays(
        contest, batch.marks[rows], batch.serials[rows], batch.observations[rows]
    )


OBSERVATION_BITS = {
    "not_issued": reference.NOT_ISSUED_BIT,
    "write_in": reference.WRITE_IN_BIT,
    "identifying_mark": reference.IDENTIFYING_MARK_BIT,
}
"""Each observation's bit in the reference's flags."""


def row_of(form: BallotForm, k: int, marks: Marks) -> list[int]:
    """The mark row of a reading, written out by hand (strike-out 1 kept, 0 struck; yes/no
    1 agree, 2 disagree, 3 both, 0 neither)."""
    if form is BallotForm.STRIKE_OUT:
        return [0 if n in (marks.struck or ()) else 1 for n in range(1, k + 1)]
    codes = dict.fromkeys(marks.agree or (), 1) | dict.fromkeys(marks.disagree or (), 2)
    codes |= dict.fromkeys(marks.both or (), 3)
    return [codes.get(n, 0) for n in range(1, k + 1)]
