"""Entering ballots one by one, as the board reads them: each checked on entry.

:class:`BallotBuilder` takes a ballot's serial and its marks (candidates by ballot number or
by name as printed), refuses a mistake with the serial and place named, and builds
:class:`~tally.model.ballots.Ballots` at the end.

>>> from tally.model.contest import Contest
>>> from tally.model.bodies import Body
>>> contest = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=2,
...                   candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"])
>>> builder = BallotBuilder(contest)
>>> builder.add("001", struck=["Trần Văn Cường"])
>>> builder.add("002", kept=[1, 2])
>>> builder.add("003", struck=[], observations=["identifying_mark"])
>>> ballots = builder.build()
>>> ballots.marks.tolist(), len(ballots)
([[1, 1, 0], [1, 1, 0], [1, 1, 1]], 3)
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from typing import Any, TypedDict, Unpack

import numpy as np

from tally.arguments import checked
from tally.errors import BallotError, Location
from tally.files import shown
from tally.i18n.labels import Term
from tally.model.ballots import Ballots, Mark, parse_observations
from tally.model.contest import BallotForm, Contest
from tally.model.lookalikes import compatibility_chars, difference, skeleton
from tally.model.names import lookalike_of, nearest_name
from tally.model.serials import check_serial, duplicate_serial

_WIDE_DIGITS = ("\uff10", "\uff19")
"""Full-width ``０`` to ``９``, as an input method's full-width mode types digits."""


def unknown_candidate(contest: Contest, ref: object, where: Location) -> BallotError:
    """The error for a reference to no candidate, suggesting the name it most likely means
    (:func:`~tally.model.names.nearest_name`: ``Nguyen Van Thanh`` → ``Nguyễn Văn Thành (số 15)``).

    A reference that looks exactly like a candidate's name but is written with look-alike
    letters of another script (``Nguyễn Văn Аn`` with a Cyrillic ``А``) or full-width letters
    is refused, not read as that candidate: the error names the candidate, the letters and the
    fix. A number in full-width digits (``１``) is said to be one, with the plain number.
    """
    n = len(contest.candidates)
    if isinstance(ref, str):
        spaced = " ".join(ref.split())
        plain = unicodedata.normalize("NFKC", spaced)
        wide = compatibility_chars(spaced)
        if (
            wide
            and plain.isascii()
            and plain.isdigit()
            and all(_WIDE_DIGITS[0] <= c <= _WIDE_DIGITS[1] for c in wide)
        ):
            chars = ", ".join(f"{c!r} U+{ord(c):04X}" for c in wide)
            return BallotError("ballot.wide_number", where, ref=ref, chars=chars, plain=plain, n=n)
        alike = lookalike_of(spaced, contest.names)
        if alike is not None:
            name = contest.names[alike]
            return BallotError(
                "ballot.lookalike_candidate",
                where,
                ref=ref,
                name=name,
                number=alike + 1,
                difference=difference(name, spaced),
            )
    near = nearest_name(ref, contest.names) if isinstance(ref, str) else None
    if near is None:
        return BallotError("ballot.unknown_candidate", where, ref=ref, n=n)
    name = contest.names[near]
    return BallotError(
        "ballot.unknown_candidate_near", where, ref=ref, n=n, name=name, number=near + 1
    )


Ref = int | str | np.integer[Any]
"""A candidate by ballot number (1-based, a Python or numpy integer) or by name as printed."""
Refs = Iterable[Ref] | Ref
"""Candidates given as :data:`Ref` — several, or a lone one."""


def _as_refs(refs: Refs, where: Location | None = None) -> tuple[Ref, ...]:
    """``refs`` as a tuple: a lone name or number is one reference (not a name's letters);
    anything else that is not a collection of references is a :class:`BallotError`."""
    if isinstance(refs, str | int | np.integer):
        return (refs,)
    if isinstance(refs, np.ndarray):
        refs = refs.ravel().tolist()
    try:
        return tuple(refs)
    except TypeError:
        raise BallotError("ballot.bad_refs", where or Location(), value=shown(refs)) from None


def clean_serial(serial: str | int, where: Location | None) -> tuple[str, Location]:
    """A ballot's serial as entered, stripped and composed (NFC), and the place its errors
    name; an empty or unprintable serial, or one with look-alike letters, is refused."""
    serial = serial.strip() if isinstance(serial, str) else str(serial)
    place = (
        Location(serial=serial or None)
        if where is None
        else where.within(Location(serial=serial or None))
    )
    if not serial:
        raise BallotError("ballot.empty_serial", place)
    if not serial.isprintable():
        raise BallotError("ballot.bad_serial", place, serial=serial)
    composed = check_serial(serial, place)
    if composed != serial:
        place = replace(place, serial=composed) if place.serial == serial else place
        serial = composed
    return serial, place


class MarksGiven(TypedDict, total=False):
    """A ballot's marks as a board enters them (every key optional).

    Strike-out form: ``struck`` or ``kept``; yes/no form: ``agree``, ``disagree``, ``both``;
    either form: ``observations`` (``not_issued``, ``write_in``, ``identifying_mark``).
    """

    kept: Refs | None
    struck: Refs | None
    agree: Refs
    disagree: Refs
    both: Refs
    observations: Iterable[str]


class BallotBuilder:
    """Records ballots one at a time, as the board reads them, and checks each on entry.

    Candidates are referred to by ballot number (1-based) or by name as printed. Every error
    names the ballot serial and, when given, the place (``where``) in the source file.
    """

    def __init__(self, contest: Contest) -> None:
        self.contest = contest
        self._rows: list[bytes] = []
        self._serials: list[str] = []
        self._observations: list[int] = []
        self._first_seen: dict[str, tuple[int, Location, str]] = {}
        """Each serial's :func:`~tally.model.lookalikes.skeleton`: where it was first entered, and
        how it was spelt there."""

    def __len__(self) -> int:
        return len(self._rows)

    @checked
    def add(
        self, serial: str | int, *, where: Location | None = None, **marks: Unpack[MarksGiven]
    ) -> None:
        """Record one ballot.

        Strike-out form: give ``struck`` (names struck) or ``kept`` (names left standing);
        with neither, nothing was struck. Yes/no form: ``agree``, ``disagree`` and ``both``
        list candidates by mark; a candidate in none of them is marked neither.
        ``observations`` are the board's codes (``write_in``…).
        """
        serial, row, flags, place = self.read(serial, where=where, **marks)
        key = skeleton(serial)
        seen = self._first_seen.get(key)
        if seen is not None:
            number, first_place, first_serial = seen
            origin = replace(first_place, serial=None)
            shown = origin if origin.render() else f"#{number}"
            raise duplicate_serial(serial, first_serial, shown, place)
        self._rows.append(bytes(row))
        self._serials.append(serial)
        self._observations.append(flags)
        self._first_seen[key] = (len(self._rows), place, serial)

    @checked
    def read(
        self, serial: str | int, *, where: Location | None = None, **marks: Unpack[MarksGiven]
    ) -> tuple[str, bytearray, int, Location]:
        """Check one ballot without recording it: its cleaned serial, mark row, observation
        flags, and the place errors name. Arguments as for :meth:`add`."""
        serial, place = clean_serial(serial, where)
        flags = parse_observations(marks.get("observations", ()), serial, place)
        kept, struck = marks.get("kept"), marks.get("struck")
        agree = _as_refs(marks.get("agree", ()))
        disagree = _as_refs(marks.get("disagree", ()))
        both = _as_refs(marks.get("both", ()))
        if self.contest.form is BallotForm.STRIKE_OUT:
            if agree or disagree or both:
                raise BallotError(
                    "ballot.wrong_form",
                    place,
                    serial=serial,
                    form=Term(self.contest.form),
                    given="agree/disagree",
                )
            row = self._strike_out_row(serial, kept, struck, place)
        else:
            if kept is not None or struck is not None:
                raise BallotError(
                    "ballot.wrong_form",
                    place,
                    serial=serial,
                    form=Term(self.contest.form),
                    given="kept/struck",
                )
            row = self._yes_no_row(serial, agree, disagree, both, place)
        return serial, row, flags, place

    def _numbers(self, refs: Refs, serial: str, place: Location) -> list[int]:
        """Ballot numbers of ``refs``; a lone string is one reference, not its characters."""
        numbers: list[int] = []
        for ref in _as_refs(refs, place):
            try:
                number = self.contest.number_of(ref)
            except KeyError:
                raise unknown_candidate(self.contest, ref, place) from None
            if number in numbers:
                name = self.contest.names[number - 1]
                raise BallotError("ballot.listed_twice", place, serial=serial, ref=name)
            numbers.append(number)
        return numbers

    def _strike_out_row(
        self,
        serial: str,
        kept: Refs | None,
        struck: Refs | None,
        place: Location,
    ) -> bytearray:
        k = len(self.contest.candidates)
        if kept is not None and struck is not None:
            raise BallotError("ballot.kept_and_struck_given", place, serial=serial)
        if kept is not None:
            row = bytearray(k)
            for number in self._numbers(kept, serial, place):
                row[number - 1] = Mark.KEPT
            return row
        row = bytearray([Mark.KEPT]) * k
        for number in self._numbers(() if struck is None else struck, serial, place):
            row[number - 1] = Mark.STRUCK
        return row

    def _yes_no_row(
        self,
        serial: str,
        agree: Refs,
        disagree: Refs,
        both: Refs,
        place: Location,
    ) -> bytearray:
        row = bytearray(len(self.contest.candidates))
        for mark, refs in ((Mark.AGREE, agree), (Mark.DISAGREE, disagree), (Mark.BOTH, both)):
            for number in self._numbers(refs, serial, place):
                if row[number - 1]:
                    ref = self.contest.names[number - 1]
                    raise BallotError("ballot.marked_twice", place, serial=serial, ref=ref)
                row[number - 1] = mark
        return row

    def build(self) -> Ballots:
        """The recorded ballots as a :class:`Ballots` store."""
        k = len(self.contest.candidates)
        n = len(self._rows)
        marks = np.frombuffer(b"".join(self._rows), dtype=np.uint8).reshape(n, k).copy()
        return Ballots(
            self.contest.ballot_list,
            marks,
            np.array(self._serials, dtype=str),
            np.array(self._observations, dtype=np.uint8),
        )
