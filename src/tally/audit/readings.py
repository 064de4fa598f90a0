"""Readings of ballots as a log stores them, and how the stations' readings are compared.

A *reading* is what one station entered for one ballot serial: the marks by ballot number, the
board's observations and the stack (sấp phiếu) it came from. When the same ballots are entered
at two or three stations, :func:`discrepancies` lists every serial, candidate and observation on
which they differ; the count goes ahead only when they agree or the board has ruled.

>>> from tally.model.contest import Contest
>>> from tally.model.bodies import Body
>>> c = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=2,
...             candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"])
>>> one = {"001": reading_of(c, "001", struck=[3]), "002": reading_of(c, "002", struck=[1])}
>>> two = {"001": reading_of(c, "001", struck=[3]), "002": reading_of(c, "002", struck=[2])}
>>> [(d.serial, d.kind.value, d.candidate) for d in discrepancies(c, {"1": one, "2": two})]
[('002', 'marks', 1), ('002', 'marks', 2)]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Unpack

import numpy as np

from tally.audit.events import Marks, Reading
from tally.errors import BallotError, Location
from tally.model.ballot_builder import BallotBuilder, MarksGiven
from tally.model.ballots import OBSERVATION_CODES, Ballots, Mark
from tally.model.base import FrozenModel
from tally.model.contest import BallotForm, Contest


def reading_of(
    contest: Contest,
    serial: str,
    *,
    batch: str | None = None,
    where: Location | None = None,
    **marks: Unpack[MarksGiven],
) -> Reading:
    """A ballot as entered (candidates by number or name), checked like
    :meth:`BallotBuilder.add` and stored by ballot number."""
    _, row, flags, _ = BallotBuilder(contest).read(serial, where=where, **marks)
    return Reading(marks=marks_of_row(contest.form, row), observations=codes_of(flags), batch=batch)


def marks_of_row(form: BallotForm, row: Sequence[int]) -> Marks:
    """The :class:`Marks` of one row of the mark matrix."""
    numbered = list(enumerate(row, start=1))
    if form is BallotForm.STRIKE_OUT:
        return Marks(struck=tuple(n for n, mark in numbered if mark == Mark.STRUCK))
    return Marks(
        agree=tuple(n for n, mark in numbered if mark == Mark.AGREE),
        disagree=tuple(n for n, mark in numbered if mark == Mark.DISAGREE),
        both=tuple(n for n, mark in numbered if mark == Mark.BOTH),
    )


def row_of(contest: Contest, marks: Marks, where: Location | None = None) -> bytearray:
    """The row of the mark matrix for ``marks``; a mark of the other form or a ballot number
    beyond the list is a :class:`BallotError`."""
    k = len(contest.candidates)
    place = where or Location()
    if contest.form is BallotForm.STRIKE_OUT:
        if marks.struck is None:
            raise BallotError(
                "ballot.wrong_form",
                place,
                serial=place.serial or "?",
                form=contest.form.value,
                given="agree/disagree",
            )
        row = bytearray([Mark.KEPT]) * k
        pairs = [(n, Mark.STRUCK) for n in marks.struck]
    else:
        if marks.struck is not None:
            raise BallotError(
                "ballot.wrong_form",
                place,
                serial=place.serial or "?",
                form=contest.form.value,
                given="kept/struck",
            )
        row = bytearray(k)
        pairs = [
            (n, mark)
            for mark, numbers in (
                (Mark.AGREE, marks.agree),
                (Mark.DISAGREE, marks.disagree),
                (Mark.BOTH, marks.both),
            )
            for n in numbers or ()
        ]
    for number, mark in pairs:
        if number > k:
            raise BallotError(
                "ballot.unknown_candidate", place, serial=place.serial or "?", ref=number, n=k
            )
        row[number - 1] = mark
    return row


def codes_of(flags: int) -> tuple[str, ...]:
    """Observation codes of a flag value, sorted."""
    return tuple(sorted(code for code, flag in OBSERVATION_CODES.items() if flags & flag))


def flags_of(codes: Iterable[str]) -> int:
    """The flag value of observation codes (codes already checked)."""
    flags = 0
    for code in codes:
        flags |= OBSERVATION_CODES[code]
    return flags


def ballots_of(contest: Contest, readings: Mapping[str, Reading]) -> Ballots:
    """The :class:`Ballots` of ``readings`` (serial → reading), in the mapping's order."""
    k = len(contest.candidates)
    n = len(readings)
    matrix = np.empty((n, k), dtype=np.uint8)
    flags = np.zeros(n, dtype=np.uint8)
    for i, (serial, reading) in enumerate(readings.items()):
        matrix[i] = np.frombuffer(
            bytes(row_of(contest, reading.marks, Location(serial=serial))), dtype=np.uint8
        )
        flags[i] = flags_of(reading.observations)
    serials = np.array(list(readings), dtype=str) if n else np.array([], dtype=str)
    return Ballots(contest.ballot_list, matrix, serials, flags)


class DiscrepancyKind(StrEnum):
    """How stations differ on one ballot."""

    MISSING = "missing"
    """Some stations entered the serial, others did not."""
    MARKS = "marks"
    """The stations read a different mark for one candidate."""
    OBSERVATIONS = "observations"
    """The stations noted different observations (write-in, identifying mark, not issued)."""
    BATCH = "batch"
    """The stations put the ballot in different stacks."""
    SERIAL = "serial"
    """The stations spelt the ballot's serial differently (``BCH-003`` / ``bch-003``): one
    paper, shown so the board sees it; serials compare as read, so nothing is to rule."""


class Discrepancy(FrozenModel):
    """One difference between stations: the serial, what differs, and each station's value.

    ``values`` maps each station to what it entered: a mark code for ``marks`` (see
    :class:`tally.model.ballots.Mark`), the observation codes joined by ``+``, the batch, or ``—``
    for a station that did not enter the serial.
    """

    serial: str
    kind: DiscrepancyKind
    candidate: int | None = None
    """The ballot number the marks differ on (``marks`` only)."""
    values: dict[str, str]


ABSENT = "—"
"""The value shown for a station that did not enter a serial."""


def discrepancies(
    contest: Contest, stations: Mapping[str, Mapping[str, Reading]]
) -> list[Discrepancy]:
    """Every difference between the stations' readings, by serial (in first-entered order),
    then kind, then candidate. One station alone has none."""
    if len(stations) < 2:
        return []
    names = list(stations)
    serials = list(dict.fromkeys(s for station in stations.values() for s in station))
    found: list[Discrepancy] = []
    for serial in serials:
        readings = {name: stations[name].get(serial) for name in names}
        if any(r is None for r in readings.values()):
            values = {name: ABSENT if r is None else "+" for name, r in readings.items()}
            found.append(Discrepancy(serial=serial, kind=DiscrepancyKind.MISSING, values=values))
            continue
        present = {name: r for name, r in readings.items() if r is not None}
        found += _differences(contest, serial, present)
    return found


def _differences(contest: Contest, serial: str, readings: dict[str, Reading]) -> list[Discrepancy]:
    first = next(iter(readings.values()))
    if all(r == first for r in readings.values()):
        return []
    found: list[Discrepancy] = []
    where = Location(serial=serial)
    rows = {name: row_of(contest, r.marks, where) for name, r in readings.items()}
    for column in range(len(contest.candidates)):
        marks = {name: row[column] for name, row in rows.items()}
        if len(set(marks.values())) > 1:
            found.append(
                Discrepancy(
                    serial=serial,
                    kind=DiscrepancyKind.MARKS,
                    candidate=column + 1,
                    values={name: str(mark) for name, mark in marks.items()},
                )
            )
    observed = {name: "+".join(r.observations) or ABSENT for name, r in readings.items()}
    if len(set(observed.values())) > 1:
        found.append(Discrepancy(serial=serial, kind=DiscrepancyKind.OBSERVATIONS, values=observed))
    batches = {name: r.batch or ABSENT for name, r in readings.items()}
    if len(set(batches.values())) > 1:
        found.append(Discrepancy(serial=serial, kind=DiscrepancyKind.BATCH, values=batches))
    return found
