"""The testing kit itself: strategies draw what they promise, print readably, shrink small."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from tally import Body, Contest
from tally.congress.run import ContestStatus, run_congress
from tally.counting.count import count_ballots
from tally.counting.validity import InvalidReason
from tally.model.contest import BallotForm
from tally.model.names import name_identity
from tally.model.presets import PRESETS
from tally.testing import (
    CongressCase,
    ballots,
    candidates,
    congresses,
    contests,
    counted_contests,
    rolls,
    rule_sets,
    sessions,
    vietnamese_names,
)

NO_OBJECT_IDS = re.compile(r" at 0x[0-9a-f]+")
SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(congresses())
def test_a_drawn_congress_is_what_run_congress_makes_of_it(case: CongressCase) -> None:
    assert run_congress(case.congress, case.ballots) == case.record
    for record in case.record.contests:
        for result in record.rounds:
            count = result.count
            assert count.valid + count.invalid == count.collected <= result.issued


@SLOW
@given(congresses())
def test_each_list_after_the_first_comes_from_the_elected_before_it(case: CongressCase) -> None:
    contests_so_far = case.record.contests
    for later in contests_so_far[1:]:
        # BCH → BTV → secretary; under direct_secretary the secretary and the BTV both from
        # the BCH.
        assert later.draws_from is not None
        earlier = case.record.contest(later.draws_from)
        assert earlier.status is ContestStatus.COMPLETE
        elected = {name_identity(name) for name in earlier.elected}
        plan = case.congress.plan(later.contest_id)
        assert {name_identity(name) for name in plan.contest.names} <= elected


@given(rule_sets())
def test_rule_sets_are_presets_or_named_variants_of_them(rules: object) -> None:
    name = getattr(rules, "name", "")
    assert name in PRESETS or name.split("+")[0] in PRESETS


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_reprs_show_names_not_object_ids(data: st.DataObject) -> None:
    strategies = [
        vietnamese_names(),
        candidates(),
        rolls(),
        rule_sets(),
        contests(),
        counted_contests(),
        congresses(),
        sessions(),
    ]
    for strategy in strategies:
        text = repr(data.draw(strategy))
        assert not NO_OBJECT_IDS.search(text), text[:200]
    case = data.draw(congresses())
    first = case.congress.contests[0].contest.names[0]
    assert first in repr(case)


def test_failures_shrink_to_a_contest_a_person_can_read() -> None:
    """A property that fails on any contest with five ballots issued shrinks to a name or two
    and five ballots; one that fails on an invalid ballot shrinks to that single ballot.
    (Shrinking is a search: derandomized here so the test is reproducible.)"""
    contest, batch, _, issued = find(
        counted_contests(),
        lambda case: case[3] >= 5,
        settings=settings(deadline=None, derandomize=True),
    )
    assert len(contest.candidates) <= 2 and (len(batch), issued) == (5, 5)
    fixed = Contest(
        id="bch",
        body=Body.EXECUTIVE_COMMITTEE,
        seats=3,
        candidates=["Lê Văn An", "Lê Thị Bình", "Lê Văn Cường", "Lê Thị Dung"],
    )
    shrunk = find(
        ballots(fixed),
        lambda drawn: count_ballots(fixed, drawn).invalid > 0,
        settings=settings(deadline=None, derandomize=True),
    )
    assert len(shrunk) == 1


@settings(max_examples=20, deadline=None)
@given(st.data())
def test_ballots_follow_the_requested_size_and_invalid_share(data: st.DataObject) -> None:
    contest = data.draw(contests(max_candidates=5))
    batch = data.draw(ballots(contest, n=40, invalid_share=0.25))
    assert len(batch) == 40 and count_ballots(contest, batch).invalid == 10


@given(st.data())
def test_sessions_and_congresses_draw_small_by_default(data: st.DataObject) -> None:
    script = data.draw(sessions())
    assert len(script.contest.candidates) <= 8


@settings(deadline=None)
@given(st.data())
def test_invalid_ballots_follow_the_requested_reasons(data: st.DataObject) -> None:
    contest = data.draw(contests(max_candidates=8, form=BallotForm.STRIKE_OUT))
    n = data.draw(st.integers(10, 80))
    batch = data.draw(
        ballots(contest, n=n, invalid_share=0.5, reasons={"write_in": 3, "over_seats": 1})
    )
    by_reason = count_ballots(contest, batch).invalid_by_reason
    bad = round(0.5 * n)
    assert by_reason[InvalidReason.WRITE_IN] + by_reason[InvalidReason.OVER_SEATS] == bad
    assert abs(by_reason[InvalidReason.WRITE_IN] - bad * 3 / 4) < 1
    assert sum(by_reason.values()) == bad
