"""tally — exact, provable vote counting for Vietnamese Party congresses.

The public API, re-exported from the modules that own each step:
roll and rules → contest → ballots → count → outcome → minutes.

>>> import tally
>>> tally.QC_190.name
'qc190'
"""

from tally.counting.count import Count, count_ballots
from tally.counting.outcome import (
    Outcome,
    OutcomeStatus,
    Standing,
    Tie,
    TieDecision,
    TieResolution,
    decide,
)
from tally.counting.result import ContestResult, count_contest, reconcile, threshold_base
from tally.counting.validity import InvalidReason, classify
from tally.errors import (
    BallotError,
    BoardError,
    ContestError,
    DecisionError,
    FileProblemsError,
    InputFileError,
    Location,
    NameFormatError,
    ReconciliationError,
    RollError,
    TallyError,
)
from tally.model.ballot_builder import BallotBuilder
from tally.model.ballots import Ballots, Mark, Observation
from tally.model.bodies import Body
from tally.model.contest import BallotForm, Candidate, Contest, check_list
from tally.model.names import PersonName, ballot_order_key, normalize_name, parse_name
from tally.model.roll import CongressKind, Deduction, Roll, more_than_half
from tally.model.rules import (
    PRESETS,
    QC_190,
    QC_244,
    Citation,
    PercentPolicy,
    QuorumFinding,
    QuorumPolicy,
    Rounding,
    RoundPolicy,
    RuleSet,
    SurplusPolicy,
    ThresholdBase,
    ThresholdPolicy,
    TiePolicy,
    TieRule,
    ValidityPolicy,
)
from tally.version import VERSION

__version__ = VERSION

__all__ = [
    "PRESETS",
    "QC_190",
    "QC_244",
    "BallotBuilder",
    "BallotError",
    "BallotForm",
    "Ballots",
    "BoardError",
    "Body",
    "Candidate",
    "Citation",
    "CongressKind",
    "Contest",
    "ContestError",
    "ContestResult",
    "Count",
    "DecisionError",
    "Deduction",
    "FileProblemsError",
    "InputFileError",
    "InvalidReason",
    "Location",
    "Mark",
    "NameFormatError",
    "Observation",
    "Outcome",
    "OutcomeStatus",
    "PercentPolicy",
    "PersonName",
    "QuorumFinding",
    "QuorumPolicy",
    "ReconciliationError",
    "Roll",
    "RollError",
    "RoundPolicy",
    "Rounding",
    "RuleSet",
    "Standing",
    "SurplusPolicy",
    "TallyError",
    "ThresholdBase",
    "ThresholdPolicy",
    "Tie",
    "TieDecision",
    "TiePolicy",
    "TieResolution",
    "TieRule",
    "ValidityPolicy",
    "__version__",
    "ballot_order_key",
    "check_list",
    "classify",
    "count_ballots",
    "count_contest",
    "decide",
    "more_than_half",
    "normalize_name",
    "parse_name",
    "reconcile",
    "threshold_base",
]
