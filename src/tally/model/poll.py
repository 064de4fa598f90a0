"""Polls that elect nobody: an introduction poll (lấy phiếu giới thiệu — a ballot marks the
nominees the voter introduces; each nominee's share, no threshold) and a confidence vote (lấy
phiếu tín nhiệm — a ballot rates each person: high confidence, confidence, low confidence).
RULES §7, §8.

>>> poll = Poll(id="gt", kind=PollKind.INTRODUCTION, persons=["Trần Văn Bình", "Lê Thị An"])
>>> poll.names, poll.number_of("Lê Thị An")
(('Lê Thị An', 'Trần Văn Bình'), 1)
>>> builder = PollBallotBuilder(poll)
>>> builder.add("1", marked=["Trần Văn Bình"])
>>> builder.add("2", marked=[1])
>>> builder.build().rows
((0, 1), (1, 0))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Self

from pydantic import Field, model_validator

from tally.errors import BallotError, ContestError, Location
from tally.i18n.labels import Term
from tally.model.ballot_builder import clean_serial
from tally.model.ballots import parse_observations
from tally.model.base import OneLineModel
from tally.model.contest import Candidates, ballot_number
from tally.model.lookalikes import skeleton
from tally.model.names import ballot_order_key, name_identity


class PollKind(StrEnum):
    """What the poll asks."""

    INTRODUCTION = "introduction"
    """Whom do you introduce (for a post, or a list)? A ballot marks up to ``places`` names."""
    CONFIDENCE = "confidence"
    """How much confidence in each person? Three levels per person."""


class Rating(IntEnum):
    """A confidence ballot's mark for one person (the codes in a row)."""

    UNRATED = 0
    """No level marked, or more than one: the person gets no rating from this ballot."""
    HIGH = 1
    """Tín nhiệm cao."""
    CONFIDENCE = 2
    """Tín nhiệm."""
    LOW = 3
    """Tín nhiệm thấp."""


class Poll(OneLineModel):
    """One poll: the persons on its ballot in ballot order (A, B, C by given name)."""

    id: str = Field(min_length=1)
    kind: PollKind
    persons: Candidates
    title: str | None = None
    """What the minutes call the poll (e.g. "Lấy phiếu giới thiệu Bí thư Đảng ủy")."""
    places: int = 1
    """Introduction poll: the most names one ballot may mark (more is invalid)."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        if not self.persons:
            raise ContestError("contest.no_candidates", Location(field="persons"))
        seen: dict[object, str] = {}
        for person in self.persons:
            key = name_identity(person.name)
            if key in seen:
                raise ContestError(
                    "poll.duplicate_person",
                    Location(field="persons"),
                    name=person.name,
                    other=seen[key],
                )
            seen[key] = person.name
        if not 1 <= self.places <= len(self.persons):
            raise ContestError(
                "poll.places", Location(field="places"), places=self.places, n=len(self.persons)
            )
        ordered = tuple(sorted(self.persons, key=lambda c: ballot_order_key(c.name)))
        if ordered != self.persons:
            object.__setattr__(self, "persons", ordered)
        return self

    @property
    def names(self) -> tuple[str, ...]:
        """The persons' names in ballot order."""
        return tuple(person.name for person in self.persons)

    def number_of(self, ref: object) -> int:
        """The 1-based ballot number of a person given by number or by name; :class:`KeyError`
        for anything else."""
        return ballot_number(
            ref,
            len(self.persons),
            lambda: {name_identity(p.name): n for n, p in enumerate(self.persons, start=1)},
        )


@dataclass(frozen=True, slots=True)
class PollBallots:
    """The ballots of one poll as the board read them: a row of marks per ballot (introduction:
    1 marked, 0 not; confidence: a :class:`Rating` per person), its serial and observations."""

    poll_id: str
    serials: tuple[str, ...]
    rows: tuple[tuple[int, ...], ...]
    observations: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.rows)


class PollBallotBuilder:
    """Records poll ballots one at a time; every error names the serial and the place."""

    def __init__(self, poll: Poll) -> None:
        self.poll = poll
        self._serials: list[str] = []
        self._rows: list[tuple[int, ...]] = []
        self._observations: list[int] = []
        self._seen: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def add(
        self,
        serial: str | int,
        *,
        marked: Sequence[object] = (),
        high: Sequence[object] = (),
        confidence: Sequence[object] = (),
        low: Sequence[object] = (),
        observations: Sequence[str] = (),
        where: Location | None = None,
    ) -> None:
        """One ballot: ``marked`` (introduction) or ``high``/``confidence``/``low``
        (confidence), the persons by number or name; ``observations`` the board's codes."""
        serial, place = clean_serial(serial, where)
        first = self._seen.get(skeleton(serial))
        if first is not None:
            raise BallotError("poll.duplicate_serial", place, serial=serial, first=first)
        flags = parse_observations(observations, serial, place)
        row = [0] * len(self.poll.persons)
        given: tuple[tuple[Sequence[object], int], ...]
        if self.poll.kind is PollKind.INTRODUCTION:
            if high or confidence or low:
                raise BallotError(
                    "poll.wrong_marks", place, serial=serial, kind=Term(self.poll.kind)
                )
            given = ((marked, 1),)
        else:
            if marked:
                raise BallotError(
                    "poll.wrong_marks", place, serial=serial, kind=Term(self.poll.kind)
                )
            given = (
                (high, int(Rating.HIGH)),
                (confidence, int(Rating.CONFIDENCE)),
                (low, int(Rating.LOW)),
            )
        for refs, mark in given:
            for ref in refs:
                try:
                    number = self.poll.number_of(ref)
                except KeyError:
                    raise BallotError(
                        "poll.unknown_person",
                        place,
                        serial=serial,
                        ref=ref,
                        names=", ".join(self.poll.names),
                    ) from None
                if row[number - 1]:
                    name = self.poll.names[number - 1]
                    raise BallotError("poll.marked_twice", place, serial=serial, ref=name)
                row[number - 1] = int(mark)
        self._seen[skeleton(serial)] = serial
        self._serials.append(serial)
        self._rows.append(tuple(row))
        self._observations.append(flags)

    def build(self) -> PollBallots:
        """The ballots recorded so far."""
        return PollBallots(
            self.poll.id, tuple(self._serials), tuple(self._rows), tuple(self._observations)
        )
