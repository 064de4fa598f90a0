"""Hypothesis strategies for property-testing software built on ``tally`` (public).

This package is the only part of ``tally`` that imports hypothesis; ``import tally`` does not
load it. Import everything from ``tally.testing`` (the submodules are its layout, not its API):
names and people, rolls, rule sets, contests, ballots, whole congresses, counting sessions.
docs/testing.md shows each strategy with a downstream property test.
Every strategy draws realistic, consistent data — Vietnamese names, rolls whose deductions fit
the kind of congress, candidate lists that satisfy the surplus rule of QĐ 190-QĐ/TW Điều 14,
ballots whose marks fit the form with some invalid ballots for every reason — and shrinks
towards small congresses. Mark matrices are generated with numpy from a drawn seed, so large
ballot sets cost almost nothing to generate.

>>> from hypothesis import given, settings
>>> from tally import count_contest
>>> @settings(max_examples=10)
... @given(counted_contests())
... def test_reconciles(case):
...     contest, ballots, roll, issued = case
...     result = count_contest(contest, ballots, roll=roll, issued=issued)
...     assert result.count.valid + result.count.invalid == len(ballots) <= issued
>>> test_reconciles()
"""

from __future__ import annotations

from tally.testing._ballots import ballots, counted_contests
from tally.testing._congresses import CongressCase, congresses
from tally.testing._contests import contests
from tally.testing._names import (
    GIVEN_NAMES,
    MIDDLE_NAMES,
    MINORITY_NAMES,
    SURNAMES,
    vietnamese_names,
)
from tally.testing._people import candidates
from tally.testing._rolls import rolls
from tally.testing._rules import rule_sets
from tally.testing._sessions import (
    SessionScript,
    Step,
    StepClock,
    apply_ruling,
    apply_step,
    flip_mark,
    perform,
    play,
    reading_of_row,
    reading_text,
    sessions,
    start,
    toggle_observation,
)

__all__ = [
    "GIVEN_NAMES",
    "MIDDLE_NAMES",
    "MINORITY_NAMES",
    "SURNAMES",
    "CongressCase",
    "SessionScript",
    "Step",
    "StepClock",
    "apply_ruling",
    "apply_step",
    "ballots",
    "candidates",
    "congresses",
    "contests",
    "counted_contests",
    "flip_mark",
    "perform",
    "play",
    "reading_of_row",
    "reading_text",
    "rolls",
    "rule_sets",
    "sessions",
    "start",
    "toggle_observation",
    "vietnamese_names",
]
