"""Read a contest's ballots from CSV; every problem names the file, line and ballot serial.

Two layouts (``docs/formats.md``), chosen by the header:

* **list** — ``serial,struck,note``: the names struck (or ``kept``), by ballot number or name,
  separated by ``;``. For the yes/no form: ``agree``, ``disagree``, ``both`` columns.
* **grid** — ``serial,note,1,2,3,…``: one column per candidate (ballot number or name). Strike-out
  cells: empty or ``1`` kept, ``x`` or ``0`` struck. Yes/no cells: ``1`` agree, ``2`` disagree,
  ``3`` both, empty or ``0`` neither.

``note`` holds the board's observations: ``not_issued``, ``write_in``, ``identifying_mark``.

>>> from tally.contest import Contest
>>> from tally.bodies import Body
>>> c = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=2,
...             candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"])
>>> text = "serial,struck,note\\n001,3,\\n002,Lê Thị Bình,\\n003,,write_in\\n"
>>> b = ballots_from_csv_text(c, text)
>>> b.marks.tolist(), b.observations.tolist()
([[1, 1, 0], [1, 0, 1], [1, 1, 1]], [0, 0, 2])
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tally.ballots import OBSERVATION_CODES, BallotBuilder, Ballots, Mark
from tally.contest import BallotForm, Contest
from tally.errors import BallotError, InputFileError, Location
from tally.files import clipped, read_utf8
from tally.messages import Phrase

_LIST_COLUMNS = {"struck", "kept", "agree", "disagree", "both"}
_FIXED = {"serial", "note"} | _LIST_COLUMNS
_GRID_CELLS = {
    BallotForm.STRIKE_OUT: {"": Mark.KEPT, "1": Mark.KEPT, "x": Mark.STRUCK, "0": Mark.STRUCK},
    BallotForm.YES_NO: {
        "": Mark.NEITHER,
        "0": Mark.NEITHER,
        "1": Mark.AGREE,
        "2": Mark.DISAGREE,
        "3": Mark.BOTH,
    },
}


def read_ballots_csv(contest: Contest, path: str | Path) -> Ballots:
    """Read the ballots file at ``path`` for ``contest``."""
    text = read_utf8(path)
    return ballots_from_csv_text(contest, text, source=str(path))


def ballots_from_csv_text(contest: Contest, text: str, source: str = "<csv>") -> Ballots:
    """Parse CSV text into ballots; ``source`` names it in errors."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    builder = BallotBuilder(contest)
    try:
        header = next(reader, None)
        if header is None:
            raise InputFileError("csv.empty", Location(file=source))
        columns = [cell.strip() for cell in header]
        layout = _Layout(contest, columns, source)
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            where = Location(file=source, line=reader.line_num)
            if len(row) != len(columns):
                raise InputFileError("csv.row_length", where, got=len(row), expected=len(columns))
            layout.add(builder, row, where)
        if not len(builder):
            raise InputFileError("csv.no_ballots", Location(file=source))
    except csv.Error as exc:
        raise InputFileError(
            "csv.syntax", Location(file=source, line=reader.line_num), detail=str(exc)
        ) from None
    return builder.build()


class _Layout:
    """The header's meaning: which column is the serial, the note, and each candidate."""

    def __init__(self, contest: Contest, columns: list[str], source: str) -> None:
        self.contest = contest
        where = Location(file=source, line=1)
        lowered = [c.lower() for c in columns]
        for i, name in enumerate(lowered):
            if name and name in lowered[:i]:
                raise InputFileError("csv.duplicate_column", where, column=columns[i])
        if "serial" not in lowered:
            raise InputFileError("csv.no_serial_column", where)
        self.serial = lowered.index("serial")
        self.note = lowered.index("note") if "note" in lowered else None
        self.lists = {name: i for i, name in enumerate(lowered) if name in _LIST_COLUMNS}
        self.grid: dict[int, int] = {}
        for i, column in enumerate(columns):
            if lowered[i] in _FIXED:
                continue
            try:
                number = contest.number_of(_reference(column))
            except KeyError:
                raise InputFileError(
                    "csv.unknown_column", where.within(Location(column=column)), column=column
                ) from None
            if number in self.grid.values():
                raise InputFileError(
                    "csv.duplicate_column", where, column=f"{column} = {contest.names[number - 1]}"
                )
            self.grid[i] = number
        if self.grid and self.lists:
            raise InputFileError("csv.mixed_layout", where)
        if not self.grid and not self.lists:
            raise InputFileError("csv.no_vote_column", where)
        if self.grid:
            missing = set(range(1, len(contest.candidates) + 1)) - set(self.grid.values())
            if missing:
                names = ", ".join(contest.names[n - 1] for n in sorted(missing))
                raise InputFileError("csv.missing_candidates", where, missing=names)

    def add(self, builder: BallotBuilder, row: list[str], where: Location) -> None:
        serial = row[self.serial].strip()
        notes = _split(row[self.note]) if self.note is not None else []
        place = where.within(Location(serial=serial or None))
        if self.grid:
            self._add_grid(builder, serial, row, notes, place)
            return
        refs = {name: _split(row[i]) for name, i in self.lists.items()}
        for ref in (ref for cell in refs.values() for ref in cell):
            if not _readable(ref):
                raise BallotError(
                    "ballot.unknown_candidate",
                    place,
                    ref=clipped(ref),
                    n=len(self.contest.candidates),
                )
        builder.add(
            serial,
            kept=refs.get("kept"),
            struck=refs.get("struck"),
            agree=refs.get("agree", ()),
            disagree=refs.get("disagree", ()),
            both=refs.get("both", ()),
            observations=notes,
            where=place,
        )

    def _add_grid(
        self,
        builder: BallotBuilder,
        serial: str,
        row: list[str],
        notes: list[str],
        place: Location,
    ) -> None:
        cells = _GRID_CELLS[self.contest.form]
        marks: dict[Mark, list[int]] = {}
        for i, number in self.grid.items():
            value = row[i].strip().lower()
            if value not in cells:
                raise BallotError(
                    "ballot.bad_mark",
                    place.within(Location(column=self.contest.names[number - 1])),
                    serial=serial or "?",
                    column=self.contest.names[number - 1],
                    value=row[i],
                    allowed=Phrase(f"marks.{self.contest.form.value}"),
                )
            marks.setdefault(cells[value], []).append(number)
        if self.contest.form is BallotForm.STRIKE_OUT:
            builder.add(serial, struck=marks.get(Mark.STRUCK, []), observations=notes, where=place)
        else:
            builder.add(
                serial,
                agree=marks.get(Mark.AGREE, []),
                disagree=marks.get(Mark.DISAGREE, []),
                both=marks.get(Mark.BOTH, []),
                observations=notes,
                where=place,
            )


def ballots_to_csv_text(contest: Contest, ballots: Ballots) -> str:
    """The list layout of ``ballots`` (ballot numbers), which :func:`ballots_from_csv_text`
    reads back to the same ballots.

    >>> from tally.bodies import Body
    >>> c = Contest(id="bt", body=Body.SECRETARY, seats=1, candidates=["Lê Văn Tám"])
    >>> print(ballots_to_csv_text(c, Ballots.from_arrays(c, [[1], [2], [3]], ["a", "b", "c"])))
    serial,agree,disagree,both,note
    a,1,,,
    b,,1,,
    c,,,1,
    <BLANKLINE>
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    strike_out = contest.form is BallotForm.STRIKE_OUT
    writer.writerow(
        ["serial", "struck", "note"]
        if strike_out
        else ["serial", "agree", "disagree", "both", "note"]
    )
    names = {flag.value: code for code, flag in OBSERVATION_CODES.items()}
    for serial, row, flags in zip(
        ballots.serials, ballots.marks, ballots.observations, strict=True
    ):
        note = ";".join(code for value, code in names.items() if int(flags) & value)
        if strike_out:
            struck = [str(j + 1) for j in range(len(row)) if row[j] == Mark.STRUCK]
            writer.writerow([str(serial), ";".join(struck), note])
        else:
            cells = [
                ";".join(str(j + 1) for j in range(len(row)) if row[j] == mark)
                for mark in (Mark.AGREE, Mark.DISAGREE, Mark.BOTH)
            ]
            writer.writerow([str(serial), *cells, note])
    return out.getvalue()


def _readable(ref: str) -> bool:
    """False for a reference that looks like a number but is none: digits that are not ASCII
    (``²``, ``١``: never read as a ballot number) or far too many of them."""
    return not ref.isdigit() or (ref.isascii() and len(ref) <= _MAX_DIGITS)


def _reference(ref: str) -> str:
    """``ref`` if it may name a candidate; :class:`KeyError` (unknown) otherwise."""
    if not _readable(ref):
        raise KeyError(ref)
    return ref


_MAX_DIGITS = 100
"""No ballot number has more digits (leading zeros included)."""


def _split(cell: str) -> list[str]:
    """Split a list cell on ``;`` and drop blanks."""
    return [part.strip() for part in cell.split(";") if part.strip()]
