"""tally — exact, provable vote counting for Vietnamese Party congresses (kiểm phiếu bầu cử).

The public face: what a board script, an app or a test suite needs, from a spec file to signed
minutes and a verified audit log. Policies and lower-level pieces stay in their subpackages
(:mod:`tally.model`, :mod:`tally.counting`, :mod:`tally.congress`, :mod:`tally.io`,
:mod:`tally.audit`, :mod:`tally.render`, :mod:`tally.testing`); docs/architecture.md draws them.

>>> import tally
>>> roll = tally.Roll(kind=tally.CongressKind.MEMBER_CONGRESS, convened=3, present=3)
>>> contest = tally.Contest(id="bt", body=tally.Body.CELL_SECRETARY, seats=1,
...                        candidates=["Lê Văn Tám"])
>>> ballots = tally.Ballots.from_arrays(contest, [[1], [1], [2]])
>>> tally.count_contest(contest, ballots, roll=roll, issued=3).outcome.elected
('Lê Văn Tám',)

The names load when first used, so ``import tally`` stays light (numpy and pydantic only).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from tally.version import VERSION

if TYPE_CHECKING:
    from tally.audit.replay import replay, verify
    from tally.audit.session import CountingSession
    from tally.congress.plan import Congress
    from tally.congress.run import CongressRecord, run_congress
    from tally.counting.outcome import Outcome, OutcomeStatus, TieDecision
    from tally.counting.result import ContestResult, count_contest
    from tally.errors import (
        ArgumentError,
        BallotError,
        BoardError,
        ContestError,
        DecisionError,
        FileProblemsError,
        InputFileError,
        Location,
        LogError,
        MissingExtraError,
        NameFormatError,
        ReconciliationError,
        RollError,
        TallyError,
    )
    from tally.io.ballots_csv import read_ballots_csv
    from tally.io.frames import ballots_from_frame
    from tally.io.results_json import load_contest, load_record, load_result
    from tally.io.spec import load_congress
    from tally.model.ballot_builder import BallotBuilder
    from tally.model.ballots import Ballots
    from tally.model.bodies import Body
    from tally.model.contest import Contest
    from tally.model.roll import CongressKind, Roll
    from tally.model.rules import QC_190, QC_244, RuleSet
    from tally.render.minutes import render_minutes
    from tally.render.summary import render_summary

__version__ = VERSION

_HOMES: dict[str, tuple[str, ...]] = {
    # entry points: from files to a result, minutes and a verified log
    "tally.io.spec": ("load_congress",),
    "tally.congress.run": ("run_congress", "CongressRecord"),
    "tally.counting.result": ("count_contest", "ContestResult"),
    "tally.io.ballots_csv": ("read_ballots_csv",),
    "tally.io.frames": ("ballots_from_frame",),
    "tally.render.minutes": ("render_minutes",),
    "tally.render.summary": ("render_summary",),
    "tally.audit.session": ("CountingSession",),
    "tally.audit.replay": ("replay", "verify"),
    "tally.io.results_json": ("load_result", "load_record", "load_contest"),
    # the values those take and give
    "tally.model.bodies": ("Body",),
    "tally.model.roll": ("CongressKind", "Roll"),
    "tally.model.rules": ("RuleSet", "QC_190", "QC_244"),
    "tally.model.contest": ("Contest",),
    "tally.model.ballots": ("Ballots",),
    "tally.model.ballot_builder": ("BallotBuilder",),
    "tally.congress.plan": ("Congress",),
    "tally.counting.outcome": ("Outcome", "OutcomeStatus", "TieDecision"),
    # every error, and where it happened
    "tally.errors": (
        "TallyError",
        "Location",
        "ArgumentError",
        "NameFormatError",
        "RollError",
        "ContestError",
        "BoardError",
        "BallotError",
        "InputFileError",
        "FileProblemsError",
        "ReconciliationError",
        "DecisionError",
        "LogError",
        "MissingExtraError",
    ),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "QC_190",
    "QC_244",
    "ArgumentError",
    "BallotBuilder",
    "BallotError",
    "Ballots",
    "BoardError",
    "Body",
    "Congress",
    "CongressKind",
    "CongressRecord",
    "Contest",
    "ContestError",
    "ContestResult",
    "CountingSession",
    "DecisionError",
    "FileProblemsError",
    "InputFileError",
    "Location",
    "LogError",
    "MissingExtraError",
    "NameFormatError",
    "Outcome",
    "OutcomeStatus",
    "ReconciliationError",
    "Roll",
    "RollError",
    "RuleSet",
    "TallyError",
    "TieDecision",
    "__version__",
    "ballots_from_frame",
    "count_contest",
    "load_congress",
    "load_contest",
    "load_record",
    "load_result",
    "read_ballots_csv",
    "render_minutes",
    "render_summary",
    "replay",
    "run_congress",
    "verify",
]


if not TYPE_CHECKING:  # type checkers see the imports above; a typo stays an error for them

    def __getattr__(name: str) -> Any:
        """Load a public name from its home module the first time it is asked for."""
        home = _HOME_OF.get(name)
        if home is None:
            raise AttributeError(f"module 'tally' has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
