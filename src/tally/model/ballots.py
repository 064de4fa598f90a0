"""Ballots of one contest as columns: a ``uint8`` mark matrix plus per-ballot vectors.

For the strike-out form ``1`` = name kept, ``0`` = struck. For the yes/no form ``1`` = agree,
``2`` = disagree, ``3`` = both boxes, ``0`` = neither (DESIGN decision 1). The board's own
observations (not issued, write-in, identifying mark) are bit flags per ballot.

Enter ballots one by one with :class:`~tally.model.ballot_builder.BallotBuilder`, or in bulk
with :meth:`Ballots.from_arrays`.

>>> from tally.model.contest import Contest
>>> from tally.model.bodies import Body
>>> contest = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=2,
...                   candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"])
>>> ballots = Ballots.from_arrays(contest, [[1, 1, 0], [1, 1, 0], [1, 1, 1]],
...                               serials=["001", "002", "003"], observations=[0, 0, 4])
>>> ballots.marks.tolist(), len(ballots), Observation(int(ballots.observations[2])).name
([[1, 1, 0], [1, 1, 0], [1, 1, 1]], 3, 'IDENTIFYING_MARK')
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from enum import IntEnum, IntFlag
from typing import Any

import numpy as np
import numpy.typing as npt

from tally.arguments import checked
from tally.errors import BallotError, Location
from tally.i18n.labels import Term
from tally.model.contest import BallotForm, BallotList, Contest
from tally.model.kernels import blocks
from tally.model.serials import check_unique, serials_array

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
        serial_array = None if serials is None else serials_array(serials, n)
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
        check_unique(serials)
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
