"""Counting a poll: each ballot judged, each nominee's marks or each person's ratings summed
from the valid ballots, shares of the policy's base (RULES §7, §8). Nobody is elected.

>>> from tally.model.poll import Poll, PollBallotBuilder, PollKind
>>> from tally.model.roll import CongressKind, Roll
>>> poll = Poll(id="tn", kind=PollKind.CONFIDENCE, persons=["Lê Văn An"])
>>> builder = PollBallotBuilder(poll)
>>> for i, level in enumerate(["low"] * 6 + ["high"] * 3 + ["confidence"], start=1):
...     builder.add(i, **{level: [1]})
>>> roll = Roll(kind=CongressKind.COMMITTEE_CONFERENCE, convened=11, present=10)
>>> result = count_poll(poll, builder.build(), roll=roll, issued=10)
>>> line = result.lines[0]
>>> (line.high, line.confidence, line.low, result.base, line.low_over_share)
(3, 1, 6, 11, True)
"""

from __future__ import annotations

from pydantic import field_validator

from tally.arguments import checked
from tally.counting.result import check_ballot_figures, reconcile_figures
from tally.counting.validity import OBSERVED_REASONS, REASONS, InvalidReason
from tally.errors import BallotError, Location
from tally.model.base import FrozenModel
from tally.model.poll import Poll, PollBallots, PollKind, Rating
from tally.model.roll import Roll
from tally.model.rules import QC_190, QuorumFinding, QuorumPolicy, RuleSet, ThresholdBase


class PollLine(FrozenModel):
    """One person's line: introduction marks, or the three ratings and the unrated."""

    number: int
    name: str
    marked: int = 0
    high: int = 0
    confidence: int = 0
    low: int = 0
    unrated: int = 0
    low_over_share: bool = False
    """Confidence vote: low confidence is more than the rules' share of the base."""


class PollResult(FrozenModel):
    """A counted poll: the figures, each person's line, the base of the shares, the presence."""

    poll: Poll
    roll: Roll
    rules: RuleSet
    issued: int
    collected: int
    valid: int
    invalid_by_reason: dict[InvalidReason, int]
    base: int
    lines: tuple[PollLine, ...]
    presence: QuorumFinding | None = None
    """Confidence vote: whether enough of those convened were present for it to proceed."""

    @field_validator("invalid_by_reason")
    @classmethod
    def _every_reason(cls, value: dict[InvalidReason, int]) -> dict[InvalidReason, int]:
        return {reason: value.get(reason, 0) for reason in REASONS}

    @property
    def invalid(self) -> int:
        """Invalid ballots, all reasons."""
        return sum(self.invalid_by_reason.values())

    @property
    def stands(self) -> bool:
        """The poll may be taken as held: a confidence vote needs its presence met."""
        return self.presence is None or self.presence.met


def _reason(
    poll: Poll, row: tuple[int, ...], flags: int, blank_valid: bool
) -> InvalidReason | None:
    """Why one ballot is invalid (the board's observations first), or ``None``."""
    for flag, reason in OBSERVED_REASONS:
        if flags & flag:
            return reason
    if poll.kind is PollKind.INTRODUCTION and sum(row) > poll.places:
        return InvalidReason.OVER_SEATS
    if poll.kind is PollKind.INTRODUCTION and not any(row) and not blank_valid:
        return InvalidReason.NO_VOTE
    return None


@checked
def count_poll(
    poll: Poll,
    ballots: PollBallots,
    *,
    roll: Roll,
    issued: int,
    collected: int | None = None,
    rules: RuleSet = QC_190,
) -> PollResult:
    """Judge and count ``ballots`` of ``poll``; the figures must reconcile as in an election
    (``collected <= issued <= present``, the collected equal to the ballots entered)."""
    if ballots.poll_id != poll.id:
        raise BallotError("count.contest_mismatch", Location(), left=poll.id, right=ballots.poll_id)
    check_ballot_figures(poll.id, issued, collected, roll.present, rules, "poll")
    rules.deductions.check(roll.kind, roll.deductions, "roll.deductions")
    entered = len(ballots)
    reconcile_figures(poll.id, entered, issued, collected, rules, "poll")
    k = len(poll.persons)
    invalid: dict[InvalidReason, int] = {}
    sums = {mark: [0] * k for mark in (1, Rating.CONFIDENCE, Rating.LOW, Rating.UNRATED)}
    valid = 0
    for row, flags in zip(ballots.rows, ballots.observations, strict=True):
        why = _reason(poll, row, flags, rules.polls.introduction_blank_valid)
        if why is not None:
            invalid[why] = invalid.get(why, 0) + 1
            continue
        valid += 1
        for j, mark in enumerate(row):
            sums[mark][j] += 1
    policy = rules.polls
    introduction = poll.kind is PollKind.INTRODUCTION
    which = policy.introduction_base if introduction else policy.confidence_base
    base = {
        ThresholdBase.ROLL: roll.base,
        ThresholdBase.VALID_BALLOTS: valid,
        ThresholdBase.COLLECTED_BALLOTS: entered,
    }[which]
    lines = []
    for j, name in enumerate(poll.names):
        if introduction:
            lines.append(PollLine(number=j + 1, name=name, marked=sums[1][j]))
            continue
        low = sums[Rating.LOW][j]
        lines.append(
            PollLine(
                number=j + 1,
                name=name,
                high=sums[Rating.HIGH][j],
                confidence=sums[Rating.CONFIDENCE][j],
                low=low,
                unrated=sums[Rating.UNRATED][j],
                low_over_share=policy.low_over_share(low, base),
            )
        )
    presence = None
    if not introduction:
        presence = QuorumPolicy(
            numerator=policy.presence_numerator,
            denominator=policy.presence_denominator,
            citation=rules.quorum.citation,
        ).check(roll)
    return PollResult(
        poll=poll,
        roll=roll,
        rules=rules,
        issued=issued,
        collected=entered,
        valid=valid,
        invalid_by_reason=invalid,
        base=base,
        lines=tuple(lines),
        presence=presence,
    )
