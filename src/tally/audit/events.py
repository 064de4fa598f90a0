"""The vocabulary of a counting session's log: one typed model per kind of event.

Every step of a count is one event (DESIGN decision 5). The event's ``data`` is the JSON dump of
the model named by its ``kind``; :func:`parse_data` reads it back and refuses anything else, so
a log is checked field by field when it is replayed.

=====================  =====================================================================
kind                   what happened
=====================  =====================================================================
session_opened         a log was started: format, entry station, the congress's identity
congress_planned       the congress as planned: roll, rules, board, model, targets, contests (/2)
open_vote_recorded     an open vote (show of hands): motion, subject, the hands, its outcome (/2)
contest_opened         a contest (or round) was opened: contest, roll, rule set — self-contained
board_constituted      the counting board of a contest: names and roles
ballots_issued         the number of ballots the board issued
batch_declared         a stack of ballots (sấp phiếu) and how many ballots it holds
ballot_recorded        one ballot as read: serial, marks, observations, station, batch, time
ballot_corrected       a new reading of a ballot, pointing at the event it replaces
ballot_withdrawn       an entry made by mistake, pointing at the event it cancels
ballots_collected      the number of ballots taken from the box
stations_merged        station logs copied into this one: each source's file and final hash
discrepancy_ruled      the board's reading of a ballot the stations read differently
complaint_recorded     a complaint about the count and how it was settled
count_closed           the count was closed: the result's figures, as the session computed them
decision_recorded      a tie resolved, alternates placed, or a further round ordered
=====================  =====================================================================

The log's format is named in its first event: ``tally.log/2`` for logs written now. The two
kinds marked (/2) came with it; a ``tally.log/1`` log (written before) replays as it always did,
and carries none of them.

>>> data = BallotRecorded(contest="bch", serial="001", station="1", marks=Marks(struck=(3,)),
...                       at=dt.datetime(2025, 6, 1, 9, 30))
>>> parse_data("ballot_recorded", dump(data)) == data
True
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Literal, Self, cast

from pydantic import Field, ValidationError, field_validator, model_validator

from tally.congress.plan import BoardMember, Congress, OpenVoteRecord
from tally.counting.outcome import OutcomeStatus, TieDecision
from tally.counting.result import ContestResult
from tally.errors import TallyError
from tally.model.ballots import OBSERVATION_CODES
from tally.model.base import OneLineModel
from tally.model.contest import Contest
from tally.model.roll import Roll
from tally.model.rules import RuleSet

LogFormat = Literal["tally.log/1", "tally.log/2"]
"""The formats a reader accepts; anything else in a log's first event is refused."""

LOG_FORMAT: LogFormat = "tally.log/2"
"""The format of the logs written now: ``tally.log/1`` with the congress's plan and its open
votes (:class:`CongressPlanned`, :class:`OpenVoteRecorded`), which a ``tally.log/1`` log may not
carry."""


class EventKind(StrEnum):
    """The kinds of event a counting session writes, in the order they usually come."""

    SESSION_OPENED = "session_opened"
    CONGRESS_PLANNED = "congress_planned"
    OPEN_VOTE_RECORDED = "open_vote_recorded"
    CONTEST_OPENED = "contest_opened"
    BOARD_CONSTITUTED = "board_constituted"
    BALLOTS_ISSUED = "ballots_issued"
    BATCH_DECLARED = "batch_declared"
    BALLOT_RECORDED = "ballot_recorded"
    BALLOT_CORRECTED = "ballot_corrected"
    BALLOT_WITHDRAWN = "ballot_withdrawn"
    BALLOTS_COLLECTED = "ballots_collected"
    STATIONS_MERGED = "stations_merged"
    DISCREPANCY_RULED = "discrepancy_ruled"
    COMPLAINT_RECORDED = "complaint_recorded"
    COUNT_CLOSED = "count_closed"
    DECISION_RECORDED = "decision_recorded"


class _Data(OneLineModel):
    """The data of one event kind; its free text (a complaint, a note, a reason, the
    congress's name) is one line of plain text, since the minutes print it."""


class CongressIdentity(_Data):
    """What the minutes print about the congress: its name, term, place and date, and the
    head of their first page (letterhead lines, the place name of the date line)."""

    name: str
    term: str | None = None
    place: str | None = None
    date: dt.date | None = None
    letterhead: tuple[str, ...] | None = None
    locality: str | None = None

    @classmethod
    def of(cls, congress: Congress) -> CongressIdentity:
        """What a log records of ``congress`` when it is opened."""
        return cls(
            name=congress.name,
            term=congress.term,
            place=congress.place,
            date=congress.date,
            letterhead=congress.letterhead or None,
            locality=congress.locality,
        )


class SessionOpened(_Data):
    """The first event of every log."""

    format: LogFormat = LOG_FORMAT
    station: str
    """The entry station (máy nhập) this log is written at."""
    congress: CongressIdentity | None = None
    tally_version: str
    at: dt.datetime


class CongressPlanned(_Data):
    """The congress as the board planned it: its roll and rules, the counting board, the
    election model, the conference's roll, the composition targets, and every contest in
    order (list, venue, source, further rounds, the figures as planned) — what the congress
    summary reads beyond the counts.

    Its name, term, place and date are those of the log's first event. The open votes are not
    part of it: each is an :class:`OpenVoteRecorded` of its own, written as it is held. A later
    plan replaces an earlier one (the spec was changed: a round planned, a target set) and keeps
    its roll and rules, which the open votes were measured against.
    """

    congress: Congress
    at: dt.datetime

    @field_validator("congress")
    @classmethod
    def _no_open_votes(cls, value: Congress) -> Congress:
        if value.open_votes:
            raise ValueError("the plan holds no open votes: each is an open_vote_recorded event")
        return value


class OpenVoteRecorded(_Data):
    """An open vote (biểu quyết công khai) as the board counted the hands — the very record a
    congress's plan keeps of it — and its outcome against the plan's roll and rules, written so
    that a replay reaching another is caught."""

    vote: OpenVoteRecord
    base: int = Field(ge=0)
    """The base the vote was measured against."""
    needed: int = Field(ge=1)
    """The fewest votes in favour that pass."""
    passed: bool
    at: dt.datetime


class ContestOpened(_Data):
    """A contest or round opened for counting, with everything needed to count it again."""

    contest: str
    """The key of the contest in this log: its id, or ``bch.r2`` for a later round."""
    definition: Contest
    roll: Roll
    rules: RuleSet
    at: dt.datetime


class BoardConstituted(_Data):
    """The counting board (Ban kiểm phiếu) that counts the contest."""

    contest: str
    members: tuple[BoardMember, ...]


class BallotsIssued(_Data):
    """How many ballots the board issued for the contest."""

    contest: str
    issued: int = Field(ge=0)
    correction: str | None = None
    """Why the figure is corrected, when the board changes one already recorded."""


class BatchDeclared(_Data):
    """A stack of ballots (sấp phiếu) and the number of ballots counted into it by hand."""

    contest: str
    batch: str = Field(min_length=1)
    expected: int = Field(ge=0)


class Marks(_Data):
    """The marks on one ballot by ballot number (1-based), sorted.

    Strike-out form: ``struck`` (every other name is kept). Yes/no form: ``agree``,
    ``disagree`` and ``both``; a name in none of them is marked neither.

    >>> Marks(struck=(3, 1)).struck
    (1, 3)
    """

    struck: tuple[int, ...] | None = None
    agree: tuple[int, ...] | None = None
    disagree: tuple[int, ...] | None = None
    both: tuple[int, ...] | None = None

    @field_validator("struck", "agree", "disagree", "both")
    @classmethod
    def _sorted(cls, value: tuple[int, ...] | None) -> tuple[int, ...] | None:
        return None if value is None else tuple(sorted(value))

    @model_validator(mode="after")
    def _one_form(self) -> Self:
        yes_no = (self.agree, self.disagree, self.both)
        if self.struck is not None and any(v is not None for v in yes_no):
            raise ValueError("marks are either struck (strike-out) or agree/disagree/both")
        numbers = [n for v in (self.struck, *yes_no) if v is not None for n in v]
        if len(numbers) != len(set(numbers)) or any(n < 1 for n in numbers):
            raise ValueError("each ballot number at most once, from 1")
        return self


class Reading(_Data):
    """What a ballot says: its marks, the board's observations, and the stack it came from."""

    marks: Marks
    observations: tuple[str, ...] = ()
    """Observation codes (``not_issued``, ``write_in``, ``identifying_mark``), sorted, once."""
    batch: str | None = None

    @field_validator("observations")
    @classmethod
    def _known_codes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = sorted(set(value) - set(OBSERVATION_CODES))
        if unknown:
            raise ValueError(
                f"unknown observation {unknown[0]!r}; use {', '.join(OBSERVATION_CODES)}"
            )
        return tuple(sorted(set(value)))


def _clean_serial(value: str) -> str:
    if not value or value != value.strip() or not value.isprintable():
        raise ValueError("a serial is printable, with no surrounding spaces")
    return value


class BallotRecorded(Reading):
    """One ballot entered at a station."""

    contest: str
    serial: str
    station: str = Field(min_length=1)
    at: dt.datetime

    _serial = field_validator("serial")(_clean_serial)


class BallotCorrected(BallotRecorded):
    """A new reading of a ballot already entered; ``corrects`` is the event it replaces."""

    corrects: int = Field(ge=1)
    reason: str = Field(min_length=1)


class BallotWithdrawn(_Data):
    """An entry made by mistake (wrong serial, wrong contest), cancelled; nothing is deleted.
    ``cancels`` is the event of the entry it cancels."""

    contest: str
    serial: str
    station: str
    cancels: int = Field(ge=1)
    reason: str = Field(min_length=1)
    at: dt.datetime


class BallotsCollected(_Data):
    """How many ballots the board took from the ballot box."""

    contest: str
    collected: int = Field(ge=0)
    correction: str | None = None
    """Why the figure is corrected, when the board changes one already recorded."""


class StationSource(_Data):
    """One station's log copied into a merged log."""

    station: str
    file: str
    events: int
    final_hash: str


class StationsMerged(_Data):
    """The station logs whose readings of this contest follow, fingerprinted."""

    contest: str
    sources: tuple[StationSource, ...]


class DiscrepancyRuled(_Data):
    """The board's reading of a ballot the stations read differently (``None``: no such
    ballot — it was entered by mistake)."""

    contest: str
    serial: str
    reading: Reading | None = None
    note: str = Field(min_length=1)


class ComplaintRecorded(_Data):
    """A complaint about the count, and how the board settled it (printed in the minutes)."""

    contest: str
    summary: str = Field(min_length=1)
    settlement: str = Field(min_length=1)


class ResultFigures(_Data):
    """The figures of a result, written when a count closes or a decision changes it, so a
    replay that reaches different figures is caught."""

    collected: int
    valid: int
    invalid: int
    votes: tuple[int, ...]
    elected: tuple[str, ...]
    alternates: tuple[str, ...] = ()
    status: OutcomeStatus

    @classmethod
    def of(cls, result: ContestResult) -> ResultFigures:
        """The figures of ``result``."""
        return cls(
            collected=result.count.collected,
            valid=result.count.valid,
            invalid=result.count.invalid,
            votes=result.count.votes,
            elected=result.outcome.elected,
            alternates=result.outcome.alternates,
            status=result.outcome.status,
        )


class CountClosed(_Data):
    """The count is closed: no more ballots; the figures it produced."""

    contest: str
    at: dt.datetime
    figures: ResultFigures


class DecisionKind(StrEnum):
    """What a recorded decision settles."""

    TIE = "tie"
    """Equal votes at the cut-off: the winners (e.g. of a re-vote among the tied)."""
    ALTERNATE_TIE = "alternate_tie"
    """Equal votes at the alternates' cut-off: who takes the last alternate places."""
    FURTHER_ROUND = "further_round"
    """Seats left open: the congress holds another round (``next`` names it)."""


class DecisionRecorded(_Data):
    """A decision of the congress on a closed count."""

    contest: str
    kind: DecisionKind
    decision: TieDecision | None = None
    """The winners and who decided (ties)."""
    next: str | None = None
    """The key of the further round (``further_round``)."""
    seats: int | None = Field(default=None, ge=1)
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    note: str = ""
    figures: ResultFigures | None = None
    """The result's figures after a tie decision."""

    @model_validator(mode="after")
    def _complete(self) -> Self:
        if self.kind is DecisionKind.FURTHER_ROUND:
            if self.next is None or self.seats is None or self.decision is not None:
                raise ValueError("a further round names next and seats, and no winners")
        elif self.decision is None or self.figures is None:
            raise ValueError("a tie decision names the winners and the figures it leads to")
        return self


EventData = (
    SessionOpened
    | CongressPlanned
    | OpenVoteRecorded
    | ContestOpened
    | BoardConstituted
    | BallotsIssued
    | BatchDeclared
    | BallotRecorded
    | BallotCorrected
    | BallotWithdrawn
    | BallotsCollected
    | StationsMerged
    | DiscrepancyRuled
    | ComplaintRecorded
    | CountClosed
    | DecisionRecorded
)

MODELS: dict[EventKind, type[_Data]] = {
    EventKind.SESSION_OPENED: SessionOpened,
    EventKind.CONGRESS_PLANNED: CongressPlanned,
    EventKind.OPEN_VOTE_RECORDED: OpenVoteRecorded,
    EventKind.CONTEST_OPENED: ContestOpened,
    EventKind.BOARD_CONSTITUTED: BoardConstituted,
    EventKind.BALLOTS_ISSUED: BallotsIssued,
    EventKind.BATCH_DECLARED: BatchDeclared,
    EventKind.BALLOT_RECORDED: BallotRecorded,
    EventKind.BALLOT_CORRECTED: BallotCorrected,
    EventKind.BALLOT_WITHDRAWN: BallotWithdrawn,
    EventKind.BALLOTS_COLLECTED: BallotsCollected,
    EventKind.STATIONS_MERGED: StationsMerged,
    EventKind.DISCREPANCY_RULED: DiscrepancyRuled,
    EventKind.COMPLAINT_RECORDED: ComplaintRecorded,
    EventKind.COUNT_CLOSED: CountClosed,
    EventKind.DECISION_RECORDED: DecisionRecorded,
}
KIND_OF: dict[type[_Data], EventKind] = {model: kind for kind, model in MODELS.items()}

SINCE_FORMAT: dict[EventKind, LogFormat] = {
    EventKind.CONGRESS_PLANNED: "tally.log/2",
    EventKind.OPEN_VOTE_RECORDED: "tally.log/2",
}
"""The kinds a later format brought, and that format: a log of an earlier one may not carry
them (its writer never wrote them)."""


def dump(data: _Data) -> dict[str, Any]:
    """The JSON-ready dict stored as an event's ``data``."""
    return data.model_dump(mode="json", exclude_none=True)


def kind_of(data: _Data) -> EventKind:
    """The event kind that carries ``data``."""
    return KIND_OF[type(data)]


def parse_data(kind: str, data: dict[str, Any]) -> EventData:
    """The typed model of an event's data; :class:`ValueError` naming the problem otherwise."""
    try:
        model = MODELS[EventKind(kind)]
    except ValueError:
        raise ValueError(f"unknown event kind {kind!r}") from None
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        place = ".".join(str(part) for part in first["loc"]) or kind
        raise ValueError(f"{place}: {first['msg']}") from None
    except TallyError as exc:  # a model's own check (a contest, a roll, a name) refused it
        raise ValueError(exc.message("en")) from None
    return cast(EventData, parsed)
