"""One way to count a congress (issue 11, point 2): :meth:`Congress.count` picks each contest's
roll exactly as :func:`run_congress` does — the congress's, or the new committee's conference
whose members are those elected to the committee."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tally import Body, ContestError
from tally.congress.chain import Venue
from tally.congress.run import round_id
from tally.testing import CongressCase, congresses


def _committee_members(case: CongressCase) -> int:
    bch = next(c for c in case.record.contests if c.body is Body.EXECUTIVE_COMMITTEE)
    return len(bch.elected)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(congresses())
def test_congress_count_equals_run_congress_for_every_contest(case: CongressCase) -> None:
    members = _committee_members(case)
    for record in case.record.contests:
        if not record.rounds:
            continue
        ballots = case.ballots[round_id(record.contest_id, 1)]
        counted = case.congress.count(record.contest_id, ballots, committee_members=members)
        assert counted == record.rounds[0], record.contest_id
        assert counted.roll == case.congress.roll_for(record.contest_id, members)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=30)
@given(congresses())
def test_a_conference_contest_needs_the_committee_s_size(case: CongressCase) -> None:
    for plan in case.congress.contests:
        at_conference = case.congress.venue_of(plan) is Venue.COMMITTEE
        if not at_conference or case.congress.committee_roll is None:
            assert case.congress.roll_for(plan.contest.id) == case.congress.roll
            continue
        with pytest.raises(ContestError) as caught:
            case.congress.roll_for(plan.contest.id)
        assert caught.value.code == "congress.needs_committee_members"
        assert "committee_members" in caught.value.message("en")
