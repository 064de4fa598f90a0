"""Read a contest's ballots from CSV; every problem names the file, line and ballot serial.

Two layouts (``docs/formats.md``), chosen by the header:

* **list** — ``serial,struck,note``: the names struck (or ``kept``), by ballot number or name,
  separated by ``;``. For the yes/no form: ``agree``, ``disagree``, ``both`` columns.
* **grid** — ``serial,note,1,2,3,…``: one column per candidate (ballot number or name). Strike-out
  cells: empty or ``1`` kept, ``x`` or ``0`` struck. Yes/no cells: ``1`` agree, ``2`` disagree,
  ``3`` both, empty or ``0`` neither.

``note`` holds the board's observations: ``not_issued``, ``write_in``, ``identifying_mark``.

A plain file — the list layout with ballot numbers, or the grid layout; ASCII after the header; no
quotes — is read by the vectorised fast path of :mod:`tally.io.ballots_csv_fast` (numpy over
the file's bytes, a block of lines at a time). Anything else, or anything wrong, is read row by
row here, so every error names the file, the line and the ballot exactly as before: the fast
path never raises, and returns only what the row-by-row reader returns for the same text. Writing
likewise goes through numpy when every serial is plain, through :mod:`csv` otherwise.

>>> from tally.model.contest import Contest
>>> from tally.model.bodies import Body
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
from typing import Any

from tally.arguments import checked
from tally.errors import BallotError, InputFileError, Location, ProblemList, TallyError
from tally.files import clipped, read_utf8
from tally.i18n.messages import Phrase
from tally.io import ballots_csv_fast as csv_vectorised
from tally.io.ballots_csv_fast_writer import write_fast
from tally.model.ballot_builder import BallotBuilder, unknown_candidate
from tally.model.ballots import OBSERVATION_CODES, Ballots, Mark, folded
from tally.model.contest import BallotForm, Contest
from tally.model.names import nearest_name

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


@checked
def read_ballots_csv(contest: Contest, path: str | Path) -> Ballots:
    """Read the ballots file at ``path`` for ``contest``."""
    text = read_utf8(path)
    return ballots_from_csv_text(contest, text, source=str(path))


@checked
def ballots_from_csv_text(contest: Contest, text: str, source: str = "<csv>") -> Ballots:
    """Parse CSV text into ballots; ``source`` names it in errors.

    A plain, well-formed file takes the vectorised fast path; the blocks of lines it cannot
    take are read row by row, and only those (so one bad cell at the end of a large file costs
    one block, not the whole file). Any other text is read row by row. Every problem found is
    raised at once (:class:`~tally.errors.FileProblemsError` when there are several).
    """
    given = text  # the row-by-row reader takes off one byte-order mark itself, as here
    text = text.removeprefix(_BOM)
    cells = csv_vectorised.plain_header(text)
    layout = _fast_layout(contest, cells)
    if layout is not None:
        judge = _BlockJudge(contest, layout, source)
        fast = csv_vectorised.read_fast(contest, text, layout, judge)
        if fast is not None and not judge.errors:
            return fast
        if fast is not None:
            raise judge.errors.error(Location(file=source))
    return _ballots_from_csv_text_rowwise(contest, given, source)


def _fast_layout(contest: Contest, cells: list[str] | None) -> _Layout | None:
    """The header's layout when the fast path may read the file, else ``None``."""
    if cells is None:
        return None
    try:
        return _Layout(contest, cells, "<csv>")
    except TallyError:
        return None


def _ballots_fast(contest: Contest, text: str) -> Ballots | None:
    """:func:`~tally.io.ballots_csv_fast.read_fast` alone on ``text``, if its header is plain and
    right for ``contest``; ``None`` otherwise, or if any block needs the row-by-row reader."""
    layout = _fast_layout(contest, csv_vectorised.plain_header(text))
    if layout is None:
        return None
    return csv_vectorised.read_fast(contest, text, layout)


class _BlockJudge:
    """Reads, row by row, the blocks of lines the fast path gives up on, and keeps their
    errors (:func:`ballots_from_csv_text`)."""

    def __init__(self, contest: Contest, layout: _Layout, source: str) -> None:
        self.contest = contest
        self.layout = layout
        self.source = source
        self.errors = ProblemList()

    def __call__(self, text: str, first_line: int) -> Ballots:
        """The good rows of ``text`` (whole lines starting at line ``first_line`` of the file),
        the errors of the others kept in :attr:`errors`."""
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=",", strict=True)
        builder = BallotBuilder(self.contest)
        _read_rows(reader, self.layout, builder, self.source, self.errors, first_line - 1)
        return builder.build()


def _ballots_from_csv_text_rowwise(contest: Contest, text: str, source: str = "<csv>") -> Ballots:
    """Parse CSV text into ballots one row at a time (the reference reader, and the one that
    raises every error: all of them at once, as :class:`~tally.errors.FileProblemsError`)."""
    text = text.removeprefix(_BOM)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    builder = BallotBuilder(contest)
    errors = ProblemList()
    try:
        header = next(reader, None)
        if header is None:
            raise InputFileError("csv.empty", Location(file=source))
        layout = _Layout(contest, [cell.strip() for cell in header], source, delimiter)
    except csv.Error as exc:
        raise InputFileError(
            "csv.syntax", Location(file=source, line=reader.line_num), detail=str(exc)
        ) from None
    _read_rows(reader, layout, builder, source, errors)
    if errors:
        raise errors.error(Location(file=source))
    if not len(builder):
        raise InputFileError("csv.no_ballots", Location(file=source))
    return builder.build()


def _read_rows(
    reader: Any,
    layout: _Layout,
    builder: BallotBuilder,
    source: str,
    errors: ProblemList,
    offset: int = 0,
) -> None:
    """Record every good row of ``reader`` in ``builder``; the error of each other row goes to
    ``errors`` (a CSV syntax error ends the reading). ``offset`` is added to line numbers."""
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            where = Location(file=source, line=reader.line_num + offset)
            try:
                layout.add(builder, layout.fit(row, where), where)
            except TallyError as error:
                errors.add(error)
    except csv.Error as exc:
        line = reader.line_num + offset
        errors.add(InputFileError("csv.syntax", Location(file=source, line=line), detail=str(exc)))


_BOM = "\ufeff"
_DELIMITERS = (",", ";", "\t")
"""Field separators, in the order tried: Excel in a Vietnamese (or most European) locale saves
``;``, some exports use tabs."""


def _delimiter(text: str) -> str:
    """The field separator of ``text``: the first of ``,``, ``;``, tab that makes a ``serial``
    (or ``số phiếu``) column of the header; ``,`` when none does.

    >>> _delimiter("Số phiếu;Gạch;Ghi chú\\r\\n1;2;\\r\\n"), _delimiter("serial,struck\\n")
    (';', ',')
    """
    first = text.split("\n", 1)[0]
    for delimiter in _DELIMITERS:
        try:
            cells = next(csv.reader([first], delimiter=delimiter), [])
        except csv.Error:
            continue
        if any(_COLUMN_BY_NAME.get(folded(cell)) == "serial" for cell in cells):
            return delimiter
    return ","


_SEPARATOR_WORDS = {",": "csv.comma", ";": "csv.semicolon", "\t": "csv.tab"}


def _separator(delimiter: str) -> Phrase:
    """The separator's name in the board's words (dấu phẩy, dấu chấm phẩy, dấu tab)."""
    return Phrase(_SEPARATOR_WORDS[delimiter])


def _no_serial_column(columns: list[str], delimiter: str, where: Location) -> InputFileError:
    """No column names the serial: say which separator the header was read with and the
    column names it gave (``So phieu;Gach`` typed without accents, ``Số phiếu|Gạch``…)."""
    header = delimiter.join(columns)
    best, cells = delimiter, columns
    for other in _DELIMITERS:
        try:
            split = next(csv.reader([header], delimiter=other), [])
        except csv.Error:  # pragma: no cover - one line without quotes to break
            continue
        if len(split) > len(cells):
            best, cells = other, split
    return InputFileError(
        "csv.no_serial_column",
        where,
        separator=_separator(best),
        columns=", ".join(repr(clipped(cell.strip())) for cell in cells[:12])
        + (" …" if len(cells) > 12 else ""),
    )


class _Layout:
    """The header's meaning: which column is the serial, the note, and each candidate.

    Column names are matched in English or Vietnamese (:data:`COLUMN_NAMES_VI`), without regard
    to case, accent composition or surrounding spaces; empty header cells at the end (Excel's
    ``,,,``) are ignored, and so are the cells under them when they are blank.
    """

    def __init__(
        self, contest: Contest, columns: list[str], source: str, delimiter: str = ","
    ) -> None:
        self.contest = contest
        self.cells = _GRID_CELLS[contest.form]
        """The mark of each value a grid cell may hold (stripped, lower case)."""
        self.delimiter = delimiter
        self.split = _split_any if delimiter != "," else _split
        """How a list or note cell is split: on ``;``, and on ``,`` too in a file whose
        fields are not separated by ``,``."""
        where = Location(file=source, line=1)
        columns = list(columns)
        while columns and not columns[-1]:
            columns.pop()
        self.width = len(columns)
        """Columns that count; a row may have more, if they are blank."""
        names = [_COLUMN_BY_NAME.get(folded(c)) for c in columns]
        seen: set[str] = set()
        for column, name in zip(columns, names, strict=True):
            key = name or folded(column)
            if key and key in seen:
                raise InputFileError("csv.duplicate_column", where, column=column)
            seen.add(key)
        if "serial" not in names:
            raise _no_serial_column(columns, delimiter, where)
        self.serial = names.index("serial")
        self.note = names.index("note") if "note" in names else None
        self.lists = {name: i for i, name in enumerate(names) if name in _LIST_COLUMNS}
        self.grid: dict[int, int] = {}
        taken: set[int] = set()
        for i, column in enumerate(columns):
            if names[i] is not None:
                continue
            try:
                number = contest.number_of(_reference(column))
            except KeyError:
                raise _unknown_column(contest, column, where) from None
            if number in taken:
                raise InputFileError(
                    "csv.duplicate_column", where, column=f"{column} = {contest.names[number - 1]}"
                )
            taken.add(number)
            self.grid[i] = number
        if self.grid and self.lists:
            raise InputFileError("csv.mixed_layout", where)
        if not self.grid and not self.lists:
            raise InputFileError("csv.no_vote_column", where)
        if self.grid:
            missing = set(range(1, len(contest.candidates) + 1)) - taken
            if missing:
                names_missing = ", ".join(contest.names[n - 1] for n in sorted(missing))
                raise InputFileError("csv.missing_candidates", where, missing=names_missing)

    def fit(self, row: list[str], where: Location) -> list[str]:
        """``row`` without the blank cells past the header's last column; an error if it has
        another number of cells."""
        if len(row) > self.width and not any(cell.strip() for cell in row[self.width :]):
            row = row[: self.width]
        if len(row) != self.width:
            serial = row[self.serial].strip() if self.serial < len(row) else ""
            raise InputFileError(
                "csv.row_length",
                where.within(Location(serial=clipped(serial) if serial else None)),
                got=len(row),
                expected=self.width,
                separator=_separator(self.delimiter),
            )
        return row

    def add(self, builder: BallotBuilder, row: list[str], where: Location) -> None:
        serial = row[self.serial].strip()
        notes = self.split(row[self.note]) if self.note is not None else []
        place = where.within(Location(serial=serial or None))
        if self.grid:
            self._add_grid(builder, serial, row, notes, place)
            return
        refs = {name: self.split(row[i]) for name, i in self.lists.items()}
        for ref in (ref for cell in refs.values() for ref in cell):
            if not _readable(ref):
                raise unknown_candidate(self.contest, clipped(ref), place)
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
        cells = self.cells
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


@checked
def ballots_to_csv_text(contest: Contest, ballots: Ballots) -> str:
    """The list layout of ``ballots`` (ballot numbers), which :func:`ballots_from_csv_text`
    reads back to the same ballots.

    >>> from tally.model.bodies import Body
    >>> c = Contest(id="bt", body=Body.SECRETARY, seats=1, candidates=["Lê Văn Tám"])
    >>> print(ballots_to_csv_text(c, Ballots.from_arrays(c, [[1], [2], [3]], ["a", "b", "c"])))
    serial,agree,disagree,both,note
    a,1,,,
    b,,1,,
    c,,,1,
    <BLANKLINE>
    """
    fast = _csv_text_fast(contest, ballots)
    if fast is not None:
        return fast
    return _csv_text_rowwise(contest, ballots)


def _csv_text_fast(contest: Contest, ballots: Ballots) -> str | None:
    """:func:`~tally.io.ballots_csv_fast_writer.write_fast` with this format's columns and notes."""
    return write_fast(ballots, _WRITTEN_LISTS[contest.form], _note)


def _csv_text_rowwise(contest: Contest, ballots: Ballots) -> str:
    """:func:`ballots_to_csv_text` through :mod:`csv`, a row at a time: any serials (quoted
    where they need it), any dtypes."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    strike_out = contest.form is BallotForm.STRIKE_OUT
    writer.writerow(_csv_header(contest))
    numbers = [str(j + 1) for j in range(ballots.marks.shape[1])]
    serials = ballots.serials
    texts = serials.tolist() if serials.dtype.kind in "Uiu" else list(serials)
    for serial, row, flags in zip(
        texts, ballots.marks.tolist(), ballots.observations.tolist(), strict=True
    ):
        note = _note(int(flags))
        if strike_out:
            struck = [numbers[j] for j, mark in enumerate(row) if mark == Mark.STRUCK]
            writer.writerow([str(serial), ";".join(struck), note])
        else:
            cells = [
                ";".join([numbers[j] for j, given in enumerate(row) if given == mark])
                for mark in (Mark.AGREE, Mark.DISAGREE, Mark.BOTH)
            ]
            writer.writerow([str(serial), *cells, note])
    return out.getvalue()


def _csv_header(contest: Contest) -> list[str]:
    return ["serial", *_WRITTEN_LISTS[contest.form], "note"]


_WRITTEN_LISTS = {
    BallotForm.STRIKE_OUT: {"struck": Mark.STRUCK},
    BallotForm.YES_NO: {"agree": Mark.AGREE, "disagree": Mark.DISAGREE, "both": Mark.BOTH},
}
"""The list columns written for each form, between ``serial`` and ``note``, and the mark each
lists."""


_NOTE_BITS = sum(int(flag) for flag in OBSERVATION_CODES.values())
_NOTES = [
    ";".join(code for code, flag in OBSERVATION_CODES.items() if value & flag)
    for value in range(_NOTE_BITS + 1)
]
"""The note cell of each combination of observation flags."""


def _note(flags: int) -> str:
    """The note cell of a ballot's observation flags."""
    return _NOTES[flags & _NOTE_BITS]


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
    """Split a list cell on ``;`` and drop blanks; ballot numbers typed with spaces between
    them (``16 22 25``, as a clerk types them) are several numbers — a name is never only
    digits, so nothing else splits on a space.

    >>> _split("16 22; Nguyễn Văn An ;; 3")
    ['16', '22', 'Nguyễn Văn An', '3']
    """
    parts: list[str] = []
    for part in cell.split(";"):
        words = part.split()
        if len(words) > 1 and all(w.isascii() and w.isdigit() for w in words):
            parts += words
        elif words:
            parts.append(part.strip())
    return parts


def _split_any(cell: str) -> list[str]:
    """Split a list cell on ``;`` or ``,`` and drop blanks (a file separated by ``;`` or
    tabs, where a cell typed ``1,2`` is not quoted)."""
    return _split(cell.replace(",", ";"))


def _unknown_column(contest: Contest, column: str, where: Location) -> InputFileError:
    """The error for a header cell that is no known column and no candidate, suggesting the
    candidate it most likely means."""
    place = where.within(Location(column=column))
    near = nearest_name(column, contest.names)
    if near is None:
        return InputFileError("csv.unknown_column", place, column=column)
    return InputFileError(
        "csv.unknown_column_near",
        place,
        column=column,
        name=contest.names[near],
        number=near + 1,
    )


COLUMN_NAMES_VI: dict[str, str] = {
    "serial": "số phiếu",
    "note": "ghi chú",
    "struck": "gạch",
    "kept": "giữ",
    "agree": "đồng ý",
    "disagree": "không đồng ý",
    "both": "cả hai",
}
"""The Vietnamese name of each column, accepted beside the English one (docs/formats.md)."""

_COLUMN_BY_NAME = {
    **{name: name for name in _FIXED},
    **{folded(vi): name for name, vi in COLUMN_NAMES_VI.items()},
}
"""Each column name, folded (:func:`~tally.model.ballots.folded`), and the column it names."""
