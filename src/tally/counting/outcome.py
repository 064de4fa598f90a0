"""Who is elected: threshold, ranking, ties at the cut-off, shortfall (RULES §4).

A candidate is above the threshold when ``2 * votes > base``. Seats go to those above it in
descending order of votes. Equal votes at the cut-off with more candidates than seats left is a
tie: reported with the tied names and the seats at stake, and resolved only by the rule set's
tie policy or by a recorded decision — never silently. Fewer above the threshold than seats is
a shortfall: the elected stay elected and the open seats are reported.

>>> from tally.model.contest import Contest
>>> from tally.model.bodies import Body
>>> from tally.counting.count import Count
>>> c = Contest(id="x", body=Body.EXECUTIVE_COMMITTEE, seats=2,
...             candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"])
>>> n = Count(contest_id="x", form=c.form, collected=10, valid=10, invalid_by_reason={},
...           votes=(8, 7, 7), against=(2, 3, 3), unmarked=(0, 0, 0))
>>> outcome = decide(c, n, base=10)
>>> outcome.status.value, outcome.elected, outcome.tie.candidates, outcome.tie.seats_at_stake
('tie', ('Nguyễn Văn An',), ('Lê Thị Bình', 'Trần Văn Cường'), 1)
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import TypeAdapter

from tally.arguments import checked
from tally.counting.count import Count
from tally.errors import BallotError, DecisionError, Location
from tally.model.base import FrozenModel
from tally.model.contest import Contest
from tally.model.roll import more_than_half
from tally.model.rules import QC_190, RevoteThreshold, RuleSet, TiePolicy


class Standing(FrozenModel):
    """One candidate's line in the result."""

    number: int
    """Ballot number (1-based position in ballot order)."""
    name: str
    votes: int
    against: int
    unmarked: int
    above_threshold: bool
    elected: bool
    alternate: bool = False
    """Elected as an alternate delegate (dự khuyết) on the same ballot."""


class Tie(FrozenModel):
    """Equal votes at the cut-off: more candidates than seats left."""

    candidates: tuple[str, ...]
    votes: int
    seats_at_stake: int


class TieDecision(FrozenModel):
    """A recorded human decision that resolves a tie (e.g. the result of a re-vote).

    ``winners`` name exactly ``seats_at_stake`` of the tied candidates; ``note`` says who decided
    and how (it is printed in the minutes).
    """

    winners: tuple[str, ...]
    note: str


class TieResolution(FrozenModel):
    """How a tie was resolved."""

    by: TiePolicy | None
    """The policy that resolved it, or ``None`` for a recorded decision."""
    winners: tuple[str, ...]
    note: str = ""


class OutcomeStatus(StrEnum):
    """Whether the contest filled its seats."""

    COMPLETE = "complete"
    """Every seat is filled."""
    TIE = "tie"
    """A tie at the cut-off is unresolved: the congress must decide (re-vote by default)."""
    SHORTFALL = "shortfall"
    """Fewer above the threshold than seats: the open seats need another round or decision."""
    ALTERNATE_TIE = "alternate_tie"
    """The delegates are elected, but equal votes at the alternates' cut-off need a decision."""
    TURNOUT_NOT_MET = "turnout_not_met"
    """Not more than half of those convened voted: under a rule set with a turnout gate (the
    State's), the result does not stand and nobody is elected."""


class Outcome(FrozenModel):
    """The decision of one contest, with everything needed to explain it."""

    base: int
    min_votes: int
    seats: int
    standings: tuple[Standing, ...]
    """Every candidate, in ballot order."""
    elected: tuple[str, ...]
    """The elected, in descending votes (equal votes in ballot order)."""
    tie: Tie | None
    tie_resolution: TieResolution | None
    open_seats: int
    status: OutcomeStatus
    alternates: tuple[str, ...] = ()
    """Alternate delegates in rank order (descending votes), when the contest elects them."""
    alternate_tie: Tie | None = None
    """Equal votes at the alternates' cut-off, more candidates than alternate places left."""
    alternate_resolution: TieResolution | None = None
    """The recorded decision that placed the tied alternates, if any."""
    most_votes: bool = False
    """A re-vote among the tied decided by the most votes, without the threshold (the rule
    set's ``tie.revote_threshold`` is ``most_votes``)."""


@checked
def decide(
    contest: Contest,
    count: Count,
    base: int,
    rules: RuleSet = QC_190,
    decision: TieDecision | None = None,
    alternate_decision: TieDecision | None = None,
    *,
    among_tied: bool = False,
    turnout_met: bool = True,
) -> Outcome:
    """Decide who is elected from ``count`` against ``base`` under ``rules``.

    ``decision`` resolves a tie at the cut-off of the seats; ``alternate_decision`` one at the
    cut-off of the alternates (the congress's re-vote or ruling, recorded). ``among_tied`` says
    the ballot is a re-vote among candidates tied at the cut-off: under the policy
    ``tie.revote_threshold = most_votes`` the most-voted of them win without the threshold.
    ``turnout_met`` false (the rule set's turnout gate, :class:`~tally.model.rules.TurnoutPolicy`)
    elects nobody: status ``turnout_not_met``.

    >>> from tally.model.bodies import Body
    >>> c = Contest(id="x.r2", body=Body.EXECUTIVE_COMMITTEE, seats=1, round=2,
    ...             candidates=["Lê Thị Bình", "Trần Văn Cường"])
    >>> n = Count(contest_id="x.r2", form=c.form, collected=9, valid=9, invalid_by_reason={},
    ...           votes=(5, 4), against=(4, 5), unmarked=(0, 0))
    >>> decide(c, n, base=10, among_tied=True).elected
    ()
    >>> most = QC_190.model_copy(update={"tie": QC_190.tie.model_copy(
    ...     update={"revote_threshold": RevoteThreshold.MOST_VOTES})})
    >>> decide(c, n, base=10, rules=most, among_tied=True).elected
    ('Lê Thị Bình',)
    """
    if count.contest_id != contest.id or len(count.votes) != len(contest.candidates):
        raise BallotError(
            "count.contest_mismatch", Location(), left=contest.id, right=count.contest_id
        )
    seats = contest.seats
    votes = count.votes
    names = contest.names
    numbers = range(1, len(names) + 1)
    above = [i for i in numbers if more_than_half(votes[i - 1], base)]
    if not turnout_met:
        if decision is not None or alternate_decision is not None:
            raise DecisionError("decision.no_tie", Location(field="decision"))
        return Outcome(
            base=base,
            min_votes=base // 2 + 1,
            seats=seats,
            standings=_standings(names, count, set(above), set(), set()),
            elected=(),
            tie=None,
            tie_resolution=None,
            open_seats=seats,
            status=OutcomeStatus.TURNOUT_NOT_MET,
        )
    most_votes = among_tied and rules.tie.revote_threshold is RevoteThreshold.MOST_VOTES
    eligible = [i for i in numbers if votes[i - 1] > 0] if most_votes else above
    # Descending votes; equal votes keep ballot order (display only — ties are handled below).
    ranked = sorted(eligible, key=lambda i: -votes[i - 1])
    tie: Tie | None = None
    resolution: TieResolution | None = None
    elected, group, at_stake = fill_places(ranked, votes, seats)
    if group:
        tie = Tie(
            candidates=tuple(names[i - 1] for i in group),
            votes=votes[group[0] - 1],
            seats_at_stake=at_stake,
        )
        resolution = _resolve(contest, tie, rules, decision)
        if resolution is not None:
            winners = {contest.number_of(w) for w in resolution.winners}
            elected = elected + [i for i in group if i in winners]
    if decision is not None and tie is None:
        raise DecisionError("decision.no_tie", Location(field="decision"))
    alternates: list[int] = []
    alternate_tie: Tie | None = None
    alternate_resolution: TieResolution | None = None
    if contest.alternates and (tie is None or resolution is not None):
        taken, qualified = set(elected), set(above)  # alternates always need the threshold
        rest = [i for i in ranked if i not in taken and i in qualified]
        alternates, a_group, a_stake = fill_places(rest, votes, contest.alternates)
        if a_group:
            alternate_tie = Tie(
                candidates=tuple(names[i - 1] for i in a_group),
                votes=votes[a_group[0] - 1],
                seats_at_stake=a_stake,
            )
            if alternate_decision is not None:
                alternate_resolution = _apply_decision(contest, alternate_tie, alternate_decision)
                chosen = [contest.number_of(w) for w in alternate_resolution.winners]
                alternates = alternates + chosen
    if alternate_decision is not None and alternate_tie is None:
        raise DecisionError("decision.no_tie", Location(field="alternate_decision"))
    standings = _standings(names, count, set(above), set(elected), set(alternates))
    unresolved = tie is not None and resolution is None
    open_seats = seats - len(elected)
    if unresolved:
        status = OutcomeStatus.TIE
    elif open_seats:
        status = OutcomeStatus.SHORTFALL
    elif alternate_tie is not None and alternate_resolution is None:
        status = OutcomeStatus.ALTERNATE_TIE
    else:
        status = OutcomeStatus.COMPLETE
    return Outcome(
        base=base,
        min_votes=base // 2 + 1,
        seats=seats,
        standings=standings,
        elected=tuple(names[i - 1] for i in elected),
        tie=tie,
        tie_resolution=resolution,
        open_seats=open_seats,
        status=status,
        alternates=tuple(names[i - 1] for i in alternates),
        alternate_tie=alternate_tie,
        alternate_resolution=alternate_resolution,
        most_votes=most_votes,
    )


_STANDINGS: TypeAdapter[tuple[Standing, ...]] = TypeAdapter(tuple[Standing, ...])


def _standings(
    names: tuple[str, ...],
    count: Count,
    above: set[int],
    elected: set[int],
    alternates: set[int],
) -> tuple[Standing, ...]:
    """Every candidate's line, in ballot order. Validated in one call, not one per candidate."""
    votes, against, unmarked = count.votes, count.against, count.unmarked
    rows = [
        {
            "number": i,
            "name": name,
            "votes": votes[i - 1],
            "against": against[i - 1],
            "unmarked": unmarked[i - 1],
            "above_threshold": i in above,
            "elected": i in elected,
            "alternate": i in alternates,
        }
        for i, name in enumerate(names, start=1)
    ]
    return _STANDINGS.validate_python(rows)


def fill_places(
    ranked: list[int], votes: tuple[int, ...], places: int
) -> tuple[list[int], list[int], int]:
    """Fill ``places`` from ``ranked`` (descending votes): those surely in, and — when equal
    votes at the cut-off outnumber the places left — the tied group and the places at stake."""
    if len(ranked) <= places:
        return ranked, [], 0
    cut = votes[ranked[places - 1] - 1]
    sure = [i for i in ranked if votes[i - 1] > cut]
    group = [i for i in ranked if votes[i - 1] == cut]
    at_stake = places - len(sure)
    if len(group) == at_stake:
        return sure + group, [], 0
    return sure, group, at_stake


def _resolve(
    contest: Contest, tie: Tie, rules: RuleSet, decision: TieDecision | None
) -> TieResolution | None:
    """Resolve ``tie`` by a recorded decision, else by an automatic policy, else not at all."""
    if decision is not None:
        return _apply_decision(contest, tie, decision)
    if rules.tie.policy is TiePolicy.OLDER_WINS:
        return _older_wins(contest, tie)
    return None


def _apply_decision(contest: Contest, tie: Tie, decision: TieDecision) -> TieResolution:
    where = Location(field="decision.winners")
    try:
        chosen = [contest.names[contest.number_of(w) - 1] for w in decision.winners]
    except KeyError:
        chosen = list(decision.winners)
    strangers = [w for w in chosen if w not in tie.candidates]
    if strangers:
        raise DecisionError(
            "decision.not_tied", where, names=", ".join(strangers), tied=", ".join(tie.candidates)
        )
    repeated = [w for i, w in enumerate(chosen) if w in chosen[:i]]
    if repeated:
        raise DecisionError("decision.duplicate", where, name=repeated[0])
    if len(chosen) != tie.seats_at_stake:
        raise DecisionError(
            "decision.wrong_number", where, got=len(chosen), seats=tie.seats_at_stake
        )
    return TieResolution(by=None, winners=tuple(chosen), note=decision.note)


def _older_wins(contest: Contest, tie: Tie) -> TieResolution | None:
    """The oldest tied candidates win; unresolved if a birth date is missing or equal at the cut."""
    births: list[tuple[date, str]] = []
    for name in tie.candidates:
        born = contest.candidates[contest.number_of(name) - 1].birth_date
        if born is None:
            return None
        births.append((born, name))
    births.sort()
    k = tie.seats_at_stake
    if births[k - 1][0] == births[k][0]:
        return None
    note = "; ".join(f"{name} ({born.isoformat()})" for born, name in births)
    return TieResolution(
        by=TiePolicy.OLDER_WINS, winners=tuple(name for _, name in births[:k]), note=note
    )
