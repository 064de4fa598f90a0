"""The invariant suite: each invariant of DESIGN.md ("Invariants") as a named property test on
data drawn by the public strategies of :mod:`tally.testing`, and a differential test of the fast
path against the plain-Python reference (``tests/reference.py``) on every main strategy.

Where each invariant is checked. Tags: [inv] this file; [prop] test_properties.py; [sess]
test_session_properties.py; [cong] test_congress_properties.py; [audit] audit/test_audit_log.py;
[kit] test_testing_kit.py.

valid + invalid == collected
  [inv] test_valid_plus_invalid_equals_collected
  [kit] test_a_drawn_congress_is_what_run_congress_makes_of_it (each round of a congress)
collected <= issued, else the count stops
  [inv] test_collected_never_exceeds_issued_or_the_count_stops
0 <= votes[c] <= valid for every candidate
  [inv] test_every_candidates_votes_are_between_zero_and_the_valid_ballots
  [prop] test_each_valid_ballot_gives_each_candidate_one_vote_against_or_unmarked
Σ votes <= valid × seats (strike-out form). A ballot that also elects alternates keeps up to
seats + alternates names, so the bound is valid × (seats + alternates); DESIGN.md's
"valid × seats" holds only without alternates.
  [inv] test_votes_sum_to_at_most_valid_times_the_places_on_the_ballot (both forms)
  [inv] test_with_alternates_the_bound_is_seats_plus_alternates (worked example)
winners <= seats
  [inv] test_winners_never_exceed_the_seats (alternates within their places too)
  [cong] test_a_round_never_elects_more_than_the_seats_open_at_that_round
  [cong] test_rounds_together_never_exceed_the_seats_and_nobody_is_elected_twice
every winner has 2 * votes > base
  [inv] test_every_winner_has_more_than_half_the_base
  [cong] test_rounds_together_never_exceed_the_seats_and_nobody_is_elected_twice
  [cong] test_every_round_of_a_contest_is_counted_against_the_same_base
nobody below a winner in votes is elected ahead of them
  [inv] test_nobody_with_more_votes_than_a_winner_is_left_out
a tie at the cut-off is reported, never broken silently (unless the rule set's named policy,
e.g. older_wins, resolves it, and then the resolution names the policy)
  [inv] test_a_tie_at_the_cutoff_is_reported_never_broken_silently
  [inv] test_a_tie_at_the_alternates_cutoff_is_reported_never_broken_silently
  [sess] test_a_tie_and_its_decision_replay_to_the_same_result (example)
counting is invariant under ballot order
  [inv] test_count_and_outcome_are_invariant_under_ballot_order
counting is invariant under candidate order
  [inv] test_count_and_outcome_are_invariant_under_candidate_order (people move to other
        places on the ballot with their matrix columns; compared person by person)
  [prop] test_count_is_invariant_under_candidate_order (the list in any order, names as
        typed, ballots entered by name)
merging counts of batches equals counting all at once
  [inv] test_counts_of_batches_merge_to_the_count_of_all
the fast path equals the plain-Python reference on every input (validity per ballot, count,
reconciliation, base, decision and recorded tie decisions; both forms; the presets and custom
rule sets: lenient yes/no, threshold on valid or collected ballots, older_wins,
congress_decides; contests with alternates)
  [inv] test_fast_path_matches_reference_on_counted_contests_under_every_rule_set
  [inv] test_fast_path_matches_reference_with_alternates_on_the_same_ballot
  [inv] test_fast_path_matches_reference_on_yes_no_ballots
  [inv] test_fast_path_matches_reference_on_any_list_and_batch_size
  [inv] test_decision_matches_reference_on_arbitrary_and_tied_counts
  [inv] test_fast_path_matches_reference_on_every_contest_of_a_congress
  [inv] test_a_played_session_matches_the_reference
replaying the log gives the identical result
  [sess] test_the_log_replays_to_the_sessions_result_which_an_independent_count_confirms
  [sess] test_a_session_reopened_at_any_step_writes_the_same_log_as_one_never_stopped
  [inv] test_replaying_the_log_of_a_count_gives_the_identical_result_under_every_rule_set
  [cong] test_replaying_the_same_congress_and_ballots_gives_an_identical_record (a re-run)
changing any byte of the log is detected
  [audit] test_any_single_byte_change_is_detected
  [sess] test_a_changed_byte_deleted_line_swapped_pair_or_cut_in_a_session_log_is_found_at_its_line
  [inv] test_replay_refuses_a_log_with_any_byte_changed

Drawn rule sets come from :func:`tally.testing.rule_sets` (the presets and variants of them);
the differential test over :func:`counted_contests` runs every rule set of :data:`RULE_SETS`
on every input. Properties that play a whole session or congress per example run half the
profile's examples.
"""

from __future__ import annotations

import functools
import itertools
import operator
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tally import (
    Ballots,
    Body,
    Contest,
    ContestResult,
    Outcome,
    OutcomeStatus,
    ReconciliationError,
    RuleSet,
    TieDecision,
    count_contest,
)
from tally.audit.events import Reading
from tally.audit.replay import replay
from tally.audit.session import CountingSession
from tally.counting.count import count_ballots
from tally.counting.outcome import Tie, decide
from tally.errors import LogError
from tally.model.contest import BallotForm
from tally.model.rules import TiePolicy
from tally.testing import (
    SessionScript,
    StepClock,
    ballots,
    congresses,
    contests,
    counted_contests,
    perform,
    reading_of_row,
    rule_sets,
    sessions,
)
from tests import reference
from tests.strategies import (
    OBSERVATION_BITS,
    RULE_SETS,
    TIE_POLICIES,
    Case,
    Decided,
    any_rules,
    assert_outcome_matches,
    assert_pipeline_matches_reference,
    count_as_reference,
    decided,
    examples_share,
    fitted,
    places,
    ref_base,
    ref_count,
    ref_decide,
    row_of,
    subset,
    tied_contests,
    with_alternates,
    with_birth_dates,
    yes_no_lists,
)

# --- the count ---------------------------------------------------------------------------------


@given(counted_contests(), rule_sets(neighbours=True))
def test_valid_plus_invalid_equals_collected(case: Case, rules: RuleSet) -> None:
    case = fitted(case, rules)
    contest, batch, roll, issued = case
    count = count_contest(contest, batch, roll=roll, issued=issued, rules=rules).count
    assert count.valid + sum(count.invalid_by_reason.values()) == count.collected == len(batch)


@given(
    counted_contests(),
    rule_sets(neighbours=True),
    st.integers(-3, 2),
    st.sampled_from([None, 0, 1]),
)
def test_collected_never_exceeds_issued_or_the_count_stops(
    case: Case, rules: RuleSet, slack: int, declared: int | None
) -> None:
    case = fitted(case, rules)
    contest, batch, roll, _ = case
    entered = len(batch)
    issued = min(roll.present, max(0, entered + slack))
    collected = None if declared is None else entered + declared  # the board's own figure
    reconciles = entered <= issued and collected in (None, entered)
    try:
        result = count_contest(
            contest, batch, roll=roll, issued=issued, collected=collected, rules=rules
        )
    except ReconciliationError:
        assert not reconciles, "a count that reconciles was stopped"
        return
    assert reconciles, f"{entered} collected (declared {collected}) > {issued} issued went on"
    assert result.count.collected == entered <= result.issued == issued


@given(counted_contests(), rule_sets(neighbours=True))
def test_every_candidates_votes_are_between_zero_and_the_valid_ballots(
    case: Case, rules: RuleSet
) -> None:
    case = fitted(case, rules)
    contest, batch, roll, issued = case
    count = count_contest(contest, batch, roll=roll, issued=issued, rules=rules).count
    assert all(0 <= votes <= count.valid for votes in count.votes), (count.votes, count.valid)


@given(counted_contests() | with_alternates, rule_sets(neighbours=True))
def test_votes_sum_to_at_most_valid_times_the_places_on_the_ballot(
    case: Case, rules: RuleSet
) -> None:
    case = fitted(case, rules)
    # DESIGN.md states it for the strike-out form as ``valid × seats``; a ballot that also
    # elects alternates keeps up to seats + alternates names, so that is the bound. (On the
    # yes/no form, which lists no more names than the places, it holds as well.)
    contest, batch, _, _ = case
    count = count_ballots(contest, batch, rules)
    assert sum(count.votes) <= count.valid * (contest.seats + contest.alternates)


def test_with_alternates_the_bound_is_seats_plus_alternates() -> None:
    # Two delegates and one alternate on one ballot: keeping three names is valid, so the
    # votes may exceed valid × seats; they never exceed valid × (seats + alternates).
    contest = Contest(
        id="dai-bieu",
        body=Body.UPPER_DELEGATES,
        seats=2,
        alternates=1,
        candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường", "Phạm Thị Dung"],
    )
    count = count_ballots(contest, Ballots.from_arrays(contest, [[1, 1, 1, 0], [1, 1, 1, 1]]))
    assert (count.valid, count.invalid, sum(count.votes)) == (1, 1, 3)
    assert sum(count.votes) > count.valid * contest.seats
    assert sum(count.votes) <= count.valid * (contest.seats + contest.alternates)


# --- the decision ------------------------------------------------------------------------------


@given(decided() | decided(alternates=True))
def test_winners_never_exceed_the_seats(case: Decided) -> None:
    outcome = case.outcome()
    assert len(outcome.elected) == len(set(outcome.elected)) <= case.contest.seats
    assert len(outcome.alternates) == len(set(outcome.alternates)) <= case.contest.alternates
    assert not set(outcome.elected) & set(outcome.alternates)
    assert outcome.open_seats == case.contest.seats - len(outcome.elected)


@given(decided() | decided(alternates=True))
def test_every_winner_has_more_than_half_the_base(case: Decided) -> None:
    outcome = case.outcome()
    votes = case.votes()
    assert outcome.base == case.base
    for name in outcome.elected + outcome.alternates:
        assert 2 * votes[name] > case.base, (name, votes[name], case.base)


@given(decided() | decided(alternates=True))
def test_nobody_with_more_votes_than_a_winner_is_left_out(case: Decided) -> None:
    outcome = case.outcome()
    votes = case.votes()
    elected, alternates = set(outcome.elected), set(outcome.alternates)
    for name in case.contest.names:
        for winner in outcome.elected:
            if votes[name] > votes[winner]:
                assert name in elected, (name, "left out for", winner)
        for alternate in outcome.alternates:
            if votes[name] > votes[alternate]:
                assert name in elected | alternates, (name, "left out for", alternate)
    # ...and listed in descending votes: no winner ahead of one with more votes.
    for ranked in (outcome.elected, outcome.alternates):
        assert [votes[n] for n in ranked] == sorted((votes[n] for n in ranked), reverse=True)
    assert all(votes[a] <= votes[e] for a in alternates for e in elected)


def _expected_tie(
    names: tuple[str, ...], votes: dict[str, int], eligible: set[str], places: int
) -> Tie | None:
    """Equal votes at the cut-off of ``places`` among ``eligible``, more of them than the
    places left (worked out here, from the votes alone)."""
    ranked = sorted((votes[n] for n in eligible), reverse=True)
    if len(ranked) <= places or ranked[places - 1] != ranked[places]:
        return None
    cut = ranked[places]
    return Tie(
        candidates=tuple(n for n in names if n in eligible and votes[n] == cut),
        votes=cut,
        seats_at_stake=places - sum(1 for v in ranked if v > cut),
    )


@given(decided())
def test_a_tie_at_the_cutoff_is_reported_never_broken_silently(case: Decided) -> None:
    outcome = case.outcome()
    votes = case.votes()
    above = {n for n, v in votes.items() if 2 * v > case.base}
    tie = _expected_tie(case.contest.names, votes, above, case.contest.seats)
    assert outcome.tie == tie
    if tie is None:
        assert outcome.tie_resolution is None and outcome.status is not OutcomeStatus.TIE
        return
    tied_winners = set(tie.candidates) & set(outcome.elected)
    resolution = outcome.tie_resolution
    if resolution is None:  # reported, left to the congress
        assert outcome.status is OutcomeStatus.TIE
        assert not tied_winners
        assert outcome.open_seats == tie.seats_at_stake
        return
    # Broken only on the record: by the recorded decision, or by the policy the rules name.
    if case.decision is not None:
        assert resolution.by is None
        assert set(resolution.winners) == set(case.decision.winners)
    else:
        assert case.rules.tie.policy is TiePolicy.OLDER_WINS
        assert resolution.by is TiePolicy.OLDER_WINS and resolution.note
    assert tied_winners == set(resolution.winners)
    assert len(tied_winners) == tie.seats_at_stake and outcome.open_seats == 0
    assert outcome.status is not OutcomeStatus.TIE


@given(decided(alternates=True))
def test_a_tie_at_the_alternates_cutoff_is_reported_never_broken_silently(case: Decided) -> None:
    outcome = case.outcome()
    votes = case.votes()
    settled = outcome.tie is None or outcome.tie_resolution is not None
    if not settled:  # the seats wait for the congress; so do the alternates
        assert outcome.alternates == () and outcome.alternate_tie is None
        return
    rest = {n for n, v in votes.items() if 2 * v > case.base} - set(outcome.elected)
    tie = _expected_tie(case.contest.names, votes, rest, case.contest.alternates)
    assert outcome.alternate_tie == tie
    if tie is None:
        assert outcome.alternate_resolution is None
        assert outcome.status is not OutcomeStatus.ALTERNATE_TIE
        return
    tied_alternates = set(tie.candidates) & set(outcome.alternates)
    resolution = outcome.alternate_resolution
    if resolution is None:
        assert not tied_alternates
        assert outcome.status is OutcomeStatus.ALTERNATE_TIE
        return
    assert case.alternate_decision is not None and resolution.by is None
    assert tied_alternates == set(resolution.winners) == set(case.alternate_decision.winners)


# --- invariance and merging ------------------------------------------------------------------


@given(counted_contests() | yes_no_lists, rule_sets(neighbours=True), st.integers(0, 2**32 - 1))
def test_count_and_outcome_are_invariant_under_ballot_order(
    case: Case, rules: RuleSet, seed: int
) -> None:
    case = fitted(case, rules)
    contest, batch, roll, issued = case
    shuffled = subset(batch, contest, np.random.default_rng(seed).permutation(len(batch)))
    first = count_contest(contest, batch, roll=roll, issued=issued, rules=rules)
    second = count_contest(contest, shuffled, roll=roll, issued=issued, rules=rules)
    assert second.count == first.count
    assert second.outcome == first.outcome


def _who(outcome: Outcome, person: dict[str, int]) -> tuple[object, ...]:
    """The outcome by person (ballot positions differ): who is elected, tied, resolved."""

    def people(names: tuple[str, ...]) -> frozenset[int]:
        return frozenset(person[n] for n in names)

    def tie(t: Tie | None) -> tuple[object, ...] | None:
        return None if t is None else (people(t.candidates), t.votes, t.seats_at_stake)

    resolutions = [
        None if r is None else (r.by, people(r.winners))
        for r in (outcome.tie_resolution, outcome.alternate_resolution)
    ]
    return (
        outcome.status,
        outcome.base,
        outcome.open_seats,
        people(outcome.elected),
        people(outcome.alternates),
        tie(outcome.tie),
        tie(outcome.alternate_tie),
        *resolutions,
        {
            person[s.name]: (s.votes, s.above_threshold, s.elected, s.alternate)
            for s in outcome.standings
        },
    )


@given(tied_contests() | counted_contests() | with_alternates, any_rules, st.data())
def test_count_and_outcome_are_invariant_under_candidate_order(
    case: Case, rules: RuleSet, data: st.DataObject
) -> None:
    case = fitted(case, rules)
    # Ballot order is the Vietnamese collation of the names, so to move a person to another
    # place on the ballot, the people trade names: person j (birth date and all) takes the name
    # at place order[j], and the matrix columns move with them.
    _, batch, roll, issued = case
    contest = with_birth_dates(data.draw, case[0])  # older wins follows the person
    names = contest.names
    order = data.draw(st.permutations(range(len(names))), label="new place of each person")
    people = [
        c.model_copy(update={"name": names[order[j]]}) for j, c in enumerate(contest.candidates)
    ]
    moved = Contest(
        id=contest.id,
        body=contest.body,
        seats=contest.seats,
        alternates=contest.alternates,
        candidates=people,
    )
    assert moved.names == names
    assert all(moved.candidates[order[j]] == p for j, p in enumerate(people))
    columns = np.argsort(order)  # new column order[j] holds old column j
    again = Ballots.from_arrays(moved, batch.marks[:, columns], batch.serials, batch.observations)
    before_person = {name: j for j, name in enumerate(names)}
    after_person = {names[order[j]]: j for j in range(len(names))}
    for policy in TIE_POLICIES:  # older wins must follow the people too
        under = rules.model_copy(update={"tie": rules.tie.model_copy(update={"policy": policy})})
        first = count_contest(contest, batch, roll=roll, issued=issued, rules=under)
        second = count_contest(moved, again, roll=roll, issued=issued, rules=under)
        for field in ("votes", "against", "unmarked"):
            before, after = getattr(first.count, field), getattr(second.count, field)
            assert [after[order[j]] for j in range(len(names))] == list(before), field
        assert (second.count.valid, second.count.invalid_by_reason) == (
            first.count.valid,
            first.count.invalid_by_reason,
        )
        assert _who(second.outcome, after_person) == _who(first.outcome, before_person)


@given(counted_contests() | yes_no_lists, rule_sets(neighbours=True), st.data())
def test_counts_of_batches_merge_to_the_count_of_all(
    case: Case, rules: RuleSet, data: st.DataObject
) -> None:
    contest, batch, _, _ = case
    n = len(batch)
    cuts = data.draw(st.lists(st.integers(0, n), max_size=3), label="stacks end at")
    edges = [0, *sorted(cuts), n]
    parts = [subset(batch, contest, slice(a, b)) for a, b in itertools.pairwise(edges)]
    merged = functools.reduce(operator.add, [count_ballots(contest, p, rules) for p in parts])
    assert merged == count_ballots(contest, batch, rules)
    assert count_ballots(contest, Ballots.concat(parts), rules) == merged


# --- differential: the fast path == the plain-Python reference -----------------------------


@given(counted_contests(), st.integers(-2, 0), st.data())
def test_fast_path_matches_reference_on_counted_contests_under_every_rule_set(
    case: Case, slack: int, data: st.DataObject
) -> None:
    contest, batch, roll, issued = case
    issued = max(0, len(batch) + slack) if slack < 0 else issued  # sometimes too few issued
    for rules in RULE_SETS:
        assert_pipeline_matches_reference(contest, batch, roll, issued, rules, data)


@given(with_alternates, any_rules, st.data())
def test_fast_path_matches_reference_with_alternates_on_the_same_ballot(
    case: Case, rules: RuleSet, data: st.DataObject
) -> None:
    assert_pipeline_matches_reference(*case, rules, data)


@given(counted_contests(form=BallotForm.YES_NO), any_rules, st.data())
def test_fast_path_matches_reference_on_yes_no_ballots(
    case: Case, rules: RuleSet, data: st.DataObject
) -> None:
    assert_pipeline_matches_reference(*case, rules, data)


@given(st.data(), contests(valid_list=False, max_candidates=15), any_rules)
def test_fast_path_matches_reference_on_any_list_and_batch_size(
    data: st.DataObject, contest: Contest, rules: RuleSet
) -> None:
    # Any list length (a committee on a yes/no ballot too), and empty batches; any base.
    batch = data.draw(ballots(contest, min_n=0, max_n=40))
    counted = ref_count(contest, batch, rules)
    count = count_ballots(contest, batch, rules)
    assert count_as_reference(count) == counted
    base = data.draw(st.integers(0, 2 * len(batch) + 2), label="base")
    assert_outcome_matches(
        decide(contest, count, base, rules), ref_decide(contest, counted.votes, base, rules), base
    )


@given(decided() | decided(alternates=True))
def test_decision_matches_reference_on_arbitrary_and_tied_counts(case: Decided) -> None:
    expected = ref_decide(
        case.contest,
        list(case.count.votes),
        case.base,
        case.rules,
        case.decision,
        case.alternate_decision,
    )
    assert_outcome_matches(case.outcome(), expected, case.base)


@examples_share(0.5)
@given(st.data())
def test_fast_path_matches_reference_on_every_contest_of_a_congress(data: st.DataObject) -> None:
    # The BCH, then the BTV from its elected and the secretary from those, each at its venue
    # (the congress's roll or the new committee's): every result run_congress reaches.
    rules = data.draw(rule_sets(neighbours=True), label="rules")
    case = data.draw(congresses(rules=rules), label="congress")
    for record in case.record.contests:
        for result in record.rounds:
            batch = case.ballots[record.contest_id]
            counted = ref_count(result.contest, batch, result.rules)
            assert count_as_reference(result.count) == counted
            reference.check_issued(counted.collected, result.issued)
            base = ref_base(result.rules, result.roll, counted)
            expected = ref_decide(result.contest, counted.votes, base, result.rules)
            assert_outcome_matches(result.outcome, expected, base)


# --- the log ---------------------------------------------------------------------------------

_logs = itertools.count()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder for the logs; appends are not fsynced here (durability is not under test, and
    an fsync per ballot would make these properties a hundred times slower)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fsync", lambda descriptor: None)
        yield tmp_path_factory.mktemp("invariant-logs")


def fresh(folder: Path) -> Path:
    return folder / f"log-{next(_logs)}.jsonl"


@examples_share(0.5)
@given(sessions())
def test_a_played_session_matches_the_reference(folder: Path, script: SessionScript) -> None:
    # Entered at several stations with mistakes, corrected, ruled on, decided: the result is
    # the reference's count of the ballots the board agreed on.
    _, result = perform(script, fresh(folder))
    assert result is not None
    contest, k = script.contest, len(script.contest.names)
    truth: list[Reading] = [reading for _, reading in script.truth]
    counted = reference.count(
        [row_of(contest.form, k, r.marks) for r in truth],
        [sum(OBSERVATION_BITS[code] for code in r.observations) for r in truth],
        k,
        places(contest),
        script.rules.validity.all_unmarked_yes_no_invalid,
        script.rules.validity.no_agree_yes_no_invalid,
        script.rules.validity.one_name_blank_valid,
    )
    assert count_as_reference(result.count) == counted
    decisions = dict(script.decisions)
    base = ref_base(script.rules, script.roll, counted)
    expected = ref_decide(
        contest, counted.votes, base, script.rules, decisions.get(False), decisions.get(True)
    )
    assert_outcome_matches(result.outcome, expected, base)


def log_count(
    path: Path, case: Case, rules: RuleSet, data: st.DataObject
) -> tuple[ContestResult, TieDecision | None]:
    """Count ``case`` through a session into the log at ``path``, every ballot an event, and
    now and then record a decision on a tie; the result and the decision."""
    contest, batch, roll, issued = fitted(case, rules)
    session = CountingSession.open(path, clock=StepClock())
    handle = session.open_contest(contest, roll=roll, rules=rules)
    handle.issue(issued)
    for serial, row, flags in zip(
        batch.serials.tolist(), batch.marks, batch.observations.tolist(), strict=True
    ):
        handle.enter(str(serial), reading_of_row(contest.form, row, flags))
    handle.collect(len(batch))
    result = handle.close()
    tie = result.outcome.tie
    if result.outcome.status is OutcomeStatus.TIE and tie is not None and data.draw(st.booleans()):
        winners = data.draw(st.permutations(tie.candidates))[: tie.seats_at_stake]
        decision = TieDecision(winners=tuple(winners), note="Bầu lại")
        return handle.decide(decision), decision
    return result, None


@examples_share(0.5)
@given(counted_contests(max_candidates=12, max_convened=40), rule_sets(neighbours=True), st.data())
def test_replaying_the_log_of_a_count_gives_the_identical_result_under_every_rule_set(
    folder: Path, case: Case, rules: RuleSet, data: st.DataObject
) -> None:
    case = fitted(case, rules)
    path = fresh(folder)
    result, decision = log_count(path, case, rules, data)
    replayed = replay(path).result(case[0].id)
    assert replayed == result
    contest, batch, roll, issued = case
    direct = count_contest(contest, batch, roll=roll, issued=issued, rules=rules, decision=decision)
    assert replayed == direct


@examples_share(0.5)
@given(counted_contests(max_candidates=8, max_convened=20), rule_sets(neighbours=True), st.data())
def test_replay_refuses_a_log_with_any_byte_changed(
    folder: Path, case: Case, rules: RuleSet, data: st.DataObject
) -> None:
    # verify() finds the changed line (test_audit_log, test_session_properties); a replay must
    # never give a result from the changed log either.
    path = fresh(folder)
    log_count(path, case, rules, data)
    raw = bytearray(path.read_bytes())
    position = data.draw(st.integers(0, len(raw) - 1), label="changed byte at")
    raw[position] = data.draw(st.integers(0, 255).filter(lambda b: b != raw[position]))
    path.write_bytes(bytes(raw))
    with pytest.raises(LogError) as raised:
        replay(path)
    assert raised.value.code == "log.damaged"
