"""Ballots of one contest as columns: a ``uint8`` mark matrix plus per-ballot vectors.

For the strike-out form ``1`` = name kept, ``0`` = struck. For the yes/no form ``1`` = agree,
``2`` = disagree, ``3`` = both boxes, ``0`` = neither (DESIGN decision 1). The board's own
observations (not issued, write-in, identifying mark) are bit flags per ballot.

Enter ballots one by one with :class:`BallotBuilder`, or in bulk with :meth:`Ballots.from_arrays`.

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
from collections.abc import Iterable, Sequence
from dataclasses import replace
from enum import IntEnum, IntFlag
from typing import Any, TypedDict, Unpack

import numpy as np
import numpy.typing as npt

from tally.arguments import checked
from tally.errors import BallotError, Location
from tally.files import shown
from tally.i18n.labels import Term
from tally.model.contest import BallotForm, BallotList, Contest
from tally.model.kernels import blocks
from tally.model.lookalikes import (
    as_latin,
    compatibility_chars,
    describe,
    difference,
    mixed_scripts,
    skeleton,
)
from tally.model.names import lookalike_of, nearest_name

MarkMatrix = npt.NDArray[np.uint8]


class Mark(IntEnum):
    """Codes in the mark matrix."""

    STRUCK = 0
    KEPT = 1
    NEITHER = 0
    AGREE = 1
    DISAGREE = 2
    BOTH = 3


MAX_MARK = {BallotForm.STRIKE_OUT: 1, BallotForm.YES_NO: 3}
_SHOWN = 12
"""Sets of at most this many ballots show their rows in ``repr``."""


class Observation(IntFlag):
    """What the board saw on a ballot that makes it invalid whatever its marks (RULES §3)."""

    NOT_ISSUED = 1
    """Not issued by the board: no seal, wrong form, counterfeit."""
    WRITE_IN = 2
    """Carries a name not on the approved list."""
    IDENTIFYING_MARK = 4
    """Signed, or carries identifying marks or extra writing."""


OBSERVATION_CODES: dict[str, Observation] = {
    "not_issued": Observation.NOT_ISSUED,
    "write_in": Observation.WRITE_IN,
    "identifying_mark": Observation.IDENTIFYING_MARK,
}
_ALL_OBSERVATIONS = int(
    Observation.NOT_ISSUED | Observation.WRITE_IN | Observation.IDENTIFYING_MARK
)


OBSERVATION_NAMES_VI: dict[str, str] = {
    "không đóng dấu": "not_issued",
    "ghi thêm tên": "write_in",
    "đánh dấu": "identifying_mark",
}
"""The Vietnamese name of each observation code, accepted beside it (docs/formats.md)."""


def folded(text: str) -> str:
    """A column or observation name as it is matched: NFC, case folded, single-spaced (the
    look-alike ``Ð`` as ``Đ``).

    >>> folded("  Không  ĐÓNG dấu ") == folded("không đóng dấu")
    True
    """
    return " ".join(
        unicodedata.normalize("NFC", text).replace("\u00d0", "\u0110").casefold().split()
    )


_OBSERVATIONS_BY_NAME = {
    **{code: code for code in OBSERVATION_CODES},
    **{folded(name): code for name, code in OBSERVATION_NAMES_VI.items()},
}


def parse_observations(codes: Iterable[str], serial: str, where: Location) -> int:
    """Flags from observation codes such as ``["write_in"]`` or their Vietnamese names
    (``"ghi thêm tên"``); an unknown code is an error."""
    flags = 0
    if isinstance(codes, str) or not isinstance(codes, Iterable):
        codes = (codes,)  # one code, or a value that is none: refused below
    for code in codes:
        key = folded(code) if isinstance(code, str) else None
        if key == "":
            continue
        if key is None or key not in _OBSERVATIONS_BY_NAME:
            raise BallotError(
                "ballot.unknown_observation",
                where,
                serial=serial,
                value=code,
                allowed=", ".join(
                    f"{code} ({name})" for name, code in OBSERVATION_NAMES_VI.items()
                ),
            )
        flags |= OBSERVATION_CODES[_OBSERVATIONS_BY_NAME[key]]
    return flags


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


class Ballots:
    """The ballots of one contest, read-only and columnar.

    ``marks`` is ballots × candidates (candidates in ballot order); ``serials`` and
    ``observations`` have one entry per ballot. Build with :class:`BallotBuilder` or
    :meth:`from_arrays`; both check shape, values and serial uniqueness.
    """

    __slots__ = ("_serials", "ballot_list", "marks", "observations")

    ballot_list: BallotList
    """The list these ballots were entered against (:attr:`Contest.ballot_list`): counting
    them against another list is refused."""
    marks: MarkMatrix
    observations: npt.NDArray[np.uint8]
    _serials: npt.NDArray[Any] | None

    def __init__(
        self,
        ballot_list: BallotList,
        marks: MarkMatrix,
        serials: npt.NDArray[Any] | None,
        observations: npt.NDArray[np.uint8],
    ) -> None:
        for array in (marks, serials, observations):
            if array is not None:
                array.flags.writeable = False
        self.ballot_list = ballot_list
        self.marks = marks
        self._serials = serials
        self.observations = observations

    @property
    def contest_id(self) -> str:
        """The id of the contest these ballots were entered for."""
        return self.ballot_list.contest_id

    @property
    def form(self) -> BallotForm:
        """The form of the ballot paper (strike-out or yes/no)."""
        return self.ballot_list.form

    def check_list(self, contest: Contest) -> None:
        """Refuse to count these ballots against ``contest`` unless they were entered against
        its very list (ids, round, seats, names in ballot order, form)."""
        bound = self.ballot_list
        if bound.key != contest.ballot_list.key:
            raise BallotError(
                "ballots.other_list",
                Location(field=f"contest.{contest.id}"),
                contest=contest.id,
                difference=bound.difference(contest.ballot_list),
            )

    @property
    def serials(self) -> npt.NDArray[Any]:
        """One serial per ballot; ``1..n`` when none were given (made on first use, so that a
        count of millions of numbered ballots does not carry an array it never reads)."""
        if self._serials is None:
            dtype = np.uint32 if len(self) < 2**32 else np.uint64
            numbers = np.arange(1, len(self) + 1, dtype=dtype)
            numbers.flags.writeable = False
            self._serials = numbers
        return self._serials

    def __len__(self) -> int:
        return int(self.marks.shape[0])

    def __repr__(self) -> str:
        """Short; a small set also shows its serials and rows, so a shrunk failing example
        can be read (and typed back in)."""
        head = f"Ballots(contest={self.contest_id!r}, form={self.form.value}, n={len(self)}"
        if len(self) > _SHOWN:
            return head + ")"
        rows = {str(s): r for s, r in zip(self.serials.tolist(), self.marks.tolist(), strict=True)}
        flags = [int(f) for f in self.observations.tolist()]
        observed = f", observations={flags}" if any(flags) else ""
        return f"{head}, marks={rows}{observed})"

    @classmethod
    @checked
    def from_arrays(
        cls,
        contest: Contest,
        marks: npt.ArrayLike,
        serials: npt.ArrayLike | None = None,
        observations: npt.ArrayLike | None = None,
    ) -> Ballots:
        """Ballots from a mark matrix (ballots × candidates in ballot order).

        ``serials`` default to 1..n; ``observations`` (bit flags of :class:`Observation`) to 0.
        The matrix is used without a copy, and made read-only, when it is already C-contiguous
        ``uint8`` (or ``bool``); other dtypes are checked and converted a block of rows at a
        time. Do not write to the memory it shares afterwards (e.g. through another view).

        >>> from tally.model.contest import Contest
        >>> from tally.model.bodies import Body
        >>> c = Contest(id="x", body=Body.SECRETARY, seats=1, candidates=["Lê Văn Tám"])
        >>> Ballots.from_arrays(c, [[1], [2], [3]])
        Ballots(contest='x', form=yes_no, n=3, marks={'1': [1], '2': [2], '3': [3]})
        """
        k = len(contest.candidates)
        try:
            source = np.asarray(marks)
        except ValueError:
            raise BallotError("ballot.shape", Location(), shape="?", n=k) from None
        if source.ndim != 2 or source.shape[1] != k:
            raise BallotError("ballot.shape", Location(), shape=tuple(source.shape), n=k)
        n = source.shape[0]
        serial_array = None if serials is None else _serials(serials, n)
        if source.dtype == np.bool_ and _plain_bytes(source):
            source.flags.writeable = False  # shared, as a uint8 matrix is
            source = source.view(np.uint8)
        if source.dtype == np.uint8:
            matrix = np.ascontiguousarray(source)
            if n and int(matrix.max()) > MAX_MARK[contest.form]:
                _raise_bad_mark(contest, matrix, serial_array)
        elif source.dtype.kind in "biuf":
            matrix = _as_marks(contest, source, serial_array)
        else:
            _raise_matrix_value(contest, source.flat[0] if source.size else "?", 0, 0, serial_array)
        obs = _observations(observations, n)
        return cls(contest.ballot_list, matrix, serial_array, obs)

    @classmethod
    @checked
    def concat(cls, parts: Sequence[Ballots]) -> Ballots:
        """Join batches of the same contest; serials must stay unique."""
        if not parts:
            raise BallotError("ballots.concat_empty", Location())
        first = parts[0]
        for part in parts[1:]:
            if part.contest_id != first.contest_id:
                raise BallotError(
                    "count.contest_mismatch",
                    Location(),
                    left=first.contest_id,
                    right=part.contest_id,
                )
            if part.ballot_list.key != first.ballot_list.key:
                raise BallotError(
                    "ballots.other_list",
                    Location(field=f"contest.{first.contest_id}"),
                    contest=first.contest_id,
                    difference=part.ballot_list.difference(first.ballot_list),
                )
        serials = np.concatenate([p.serials.astype(str) for p in parts])
        _check_unique(serials)
        return cls(
            first.ballot_list,
            np.concatenate([p.marks for p in parts]),
            serials,
            np.concatenate([p.observations for p in parts]),
        )


def _plain_bytes(source: npt.NDArray[np.bool_]) -> bool:
    """True when a C-contiguous ``bool`` matrix stores only the bytes 0 and 1, so that its
    bytes are its marks (``np.frombuffer`` or ``.view(bool)`` can make a True of any byte)."""
    return bool(source.flags.c_contiguous) and (
        source.size == 0 or int(source.view(np.uint8).max()) <= 1
    )


def _as_marks(
    contest: Contest, source: npt.NDArray[Any], serials: npt.NDArray[Any] | None
) -> MarkMatrix:
    """``source`` (booleans, integers or floats) as a ``uint8`` mark matrix, checked and
    converted a block of rows at a time so that no temporary the size of ``source`` is made."""
    limit = MAX_MARK[contest.form]
    matrix = np.empty(source.shape, dtype=np.uint8)
    for rows in blocks(source.shape[0], source.shape[1]):
        part = source[rows]
        if source.dtype.kind == "f":
            fits = (part >= 0) & (part <= limit) & (part == np.floor(part))
            if not fits.all():
                _raise_bad_mark(contest, ~fits, serials, offset=rows.start, values=part)
        elif part.size and (part.min() < 0 or part.max() > limit):
            _raise_bad_mark(contest, part, serials, offset=rows.start)
        matrix[rows] = part
    return matrix


def _raise_bad_mark(
    contest: Contest,
    part: npt.NDArray[Any],
    serials: npt.NDArray[Any] | None,
    offset: int = 0,
    values: npt.NDArray[Any] | None = None,
) -> None:
    """Name the first cell of ``part`` that is not a mark of the contest's form.

    ``part`` holds the values, or (with ``values``) a mask of the bad cells in ``values``."""
    if values is None:
        bad = (part < 0) | (part > MAX_MARK[contest.form])
        values = part
    else:
        bad = part
    row, col = np.argwhere(bad)[0]
    _raise_matrix_value(contest, values[row, col].item(), offset + row, col, serials)


def _raise_matrix_value(
    contest: Contest, value: object, row: Any, col: Any, serials: npt.NDArray[Any] | None
) -> None:
    serial = str(serials[row]) if serials is not None and len(serials) > row else str(row + 1)
    allowed = "0, 1" if contest.form is BallotForm.STRIKE_OUT else "0, 1, 2, 3"
    raise BallotError(
        "ballot.matrix_values",
        Location(serial=serial),
        value=value,
        serial=serial,
        column=int(col) + 1,
        form=Term(contest.form),
        allowed=allowed,
    )


def _serials(serials: npt.ArrayLike, n: int) -> npt.NDArray[Any]:
    array = np.asarray(serials)
    if array.shape != (n,):
        raise BallotError(
            "ballot.length_mismatch",
            Location(field="serials"),
            field="serials",
            got=len(array) if array.ndim else 1,
            n=n,
        )
    if array.dtype.kind in "OUS":
        array = array.astype(str)
        stripped = np.char.strip(array)
        empty = np.flatnonzero(stripped == "")
        if empty.size:
            raise BallotError("ballot.empty_serial", Location(line=int(empty[0]) + 1))
        array = _composed(stripped)
    _check_unique(array)
    return array


def _codes(serials: npt.NDArray[np.str_]) -> npt.NDArray[np.uint32]:
    """The code points of text serials, one row each, NUL-padded (a view where it can)."""
    n, width = len(serials), serials.dtype.itemsize // 4
    native = np.ascontiguousarray(serials, dtype=f"U{max(width, 1)}")
    return native.view(np.uint32).reshape(n, max(width, 1))


def _composed(serials: npt.NDArray[np.str_]) -> npt.NDArray[np.str_]:
    """Text serials in NFC, each checked by :func:`check_serial`; ASCII serials (nearly all)
    are taken as they are, with one vectorised pass to find them."""
    if not serials.size:
        return serials
    codes = _codes(serials)
    if int(codes.max()) <= _ASCII_LAST:  # one pass, no temporary: nearly always
        return serials
    others = np.flatnonzero((codes > _ASCII_LAST).any(axis=1))
    fixed = [check_serial(serials[i].item(), Location(line=int(i) + 1)) for i in others]
    width = max(serials.dtype.itemsize // 4, *(len(serial) for serial in fixed))
    result = serials.astype(f"U{width}")
    result[others] = fixed
    return result


_ASCII_LAST = 0x7F
_ASCII_FOLDED = np.array([ord(chr(c).lower()) for c in range(_ASCII_LAST + 1)], dtype=np.uint8)
"""Each ASCII code point, case folded (``A``–``Z`` to ``a``–``z``)."""


def serial_keys(serials: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """What serials are compared by: :func:`~tally.model.lookalikes.skeleton` (``BCH-009`` is
    ``bch-009``, ``１`` is ``1``). Vectorised for ASCII serials — folded ``A``–``Z`` by one
    table look-up, as bytes, which also sort three times faster than numpy's 4-byte text —
    and the others one by one. Numbers are their own keys.

    >>> serial_keys(np.array(["BCH-009", "A-1"])).tolist()
    [b'bch-009', b'a-1']
    >>> serial_keys(np.array(["BCH-009", "a１"])).tolist()
    ['bch-009', 'a1']
    """
    if serials.dtype.kind != "U" or not serials.size:
        return serials
    codes = _codes(serials)
    width = codes.shape[1]
    if int(codes.max()) <= _ASCII_LAST:  # nearly always
        folded_bytes = _ASCII_FOLDED[codes]
        return folded_bytes.view(f"S{width}").reshape(len(serials))
    keys = serials.copy()
    others = np.flatnonzero((codes > _ASCII_LAST).any(axis=1)).tolist()
    plain = np.ones(len(serials), dtype=bool)
    plain[others] = False
    keys[plain] = np.char.lower(serials[plain])
    skeletons = [skeleton(serials[i].item()) for i in others]
    keys = keys.astype(f"U{max(width, *(len(key) for key in skeletons))}")
    keys[others] = skeletons
    return keys


def check_serial(serial: str, where: Location) -> str:
    """``serial`` in NFC; a serial that mixes Latin with look-alike Cyrillic or Greek letters
    (``BСH-009`` with a Cyrillic С) is refused with the letters named.

    >>> check_serial("A\u03011", Location())
    'Á1'
    """
    if serial.isascii():  # composed already, and one script
        return serial
    serial = unicodedata.normalize("NFC", serial)
    odd = mixed_scripts(serial)
    if odd:
        raise BallotError(
            "ballot.serial_mixed_script",
            where.within(Location(serial=serial)),
            serial=serial,
            chars=", ".join(describe(char) for char in odd),
            suggested=as_latin(serial),
        )
    return serial


def _check_unique(serials: npt.NDArray[Any]) -> None:
    """No two serials alike under :func:`serial_keys` (one ``np.unique`` over the keys)."""
    keys = serial_keys(serials)
    uniq, counts = np.unique(keys, return_counts=True)
    if uniq.size == keys.size:
        return
    dup = uniq[counts > 1][0]
    first, again = np.flatnonzero(keys == dup)[:2].tolist()
    raise duplicate_serial(str(serials[again]), str(serials[first]), f"#{first + 1}", Location())


def duplicate_serial(serial: str, other: str, first: object, where: Location) -> BallotError:
    """The error for ``serial`` entered again: the same text as ``other`` (entered at
    ``first``), or another spelling of it (both shown, and the code points that differ)."""
    place = where.within(Location(serial=serial))
    if serial == other:
        return BallotError("ballot.duplicate_serial", place, serial=serial, first=first)
    return BallotError(
        "ballot.serial_lookalike",
        place,
        serial=serial,
        other=other,
        first=first,
        difference=difference(other, serial),
    )


def _observations(observations: npt.ArrayLike | None, n: int) -> npt.NDArray[np.uint8]:
    if observations is None:
        return np.zeros(n, dtype=np.uint8)
    source = np.asarray(observations)
    if source.shape != (n,):
        raise BallotError(
            "ballot.length_mismatch",
            Location(field="observations"),
            field="observations",
            got=source.size,
            n=n,
        )
    if source.dtype.kind not in "biu":
        bad = np.flatnonzero([not _is_flag(v) for v in source.tolist()])
    else:
        bad = np.flatnonzero((source < 0) | (source > _ALL_OBSERVATIONS))
    if bad.size:
        raise BallotError(
            "ballot.unknown_observation",
            Location(line=int(bad[0]) + 1),
            serial=f"#{int(bad[0]) + 1}",
            value=str(source[bad[0]]),
            allowed="0–7 (1 not_issued, 2 write_in, 4 identifying_mark)",
        )
    return source.astype(np.uint8)


def _is_flag(value: object) -> bool:
    return isinstance(value, int | np.integer) and 0 <= int(value) <= _ALL_OBSERVATIONS


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
