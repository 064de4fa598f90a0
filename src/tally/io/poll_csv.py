"""Poll ballots from CSV: one row per ballot, its serial, the persons marked (an introduction
poll: ``marked``) or rated (a confidence vote: ``high``, ``confidence``, ``low``), each cell a
list of ballot numbers or names separated by ``;``, and the board's notes. Headers may be
Vietnamese: ``số phiếu``, ``giới thiệu``, ``tín nhiệm cao``, ``tín nhiệm``, ``tín nhiệm thấp``,
``ghi chú``. Every bad row is reported at once, naming its line and serial.

>>> from tally.model.poll import Poll, PollKind
>>> poll = Poll(id="tn", kind=PollKind.CONFIDENCE, persons=["Lê Văn An", "Trần Thị Bình"])
>>> text = "Số phiếu,Tín nhiệm cao,Tín nhiệm,Tín nhiệm thấp,Ghi chú\\n1,1,2,,\\n2,,,1;2,\\n"
>>> poll_ballots_from_csv_text(poll, text).rows
((1, 2), (3, 3))
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tally.arguments import checked
from tally.errors import InputFileError, Location, ProblemList, TallyError
from tally.files import read_utf8
from tally.i18n.labels import Term
from tally.io.ballots_csv import _delimiter, _separator, _split, _split_any
from tally.model.ballots import folded
from tally.model.poll import Poll, PollBallotBuilder, PollBallots, PollKind

_NAMES = {
    "serial": ("serial", "số phiếu", "so phieu"),
    "note": ("note", "ghi chú", "ghi chu"),
    "marked": ("marked", "giới thiệu", "gioi thieu"),
    "high": ("high", "tín nhiệm cao", "tin nhiem cao"),
    "confidence": ("confidence", "tín nhiệm", "tin nhiem"),
    "low": ("low", "tín nhiệm thấp", "tin nhiem thap"),
}
_BY_NAME = {folded(name): column for column, names in _NAMES.items() for name in names}
_MARKS = {
    PollKind.INTRODUCTION: ("marked",),
    PollKind.CONFIDENCE: ("high", "confidence", "low"),
}


@checked
def read_poll_csv(poll: Poll, path: str | Path) -> PollBallots:
    """Read the ballots of ``poll`` from the CSV file at ``path``."""
    return poll_ballots_from_csv_text(poll, read_utf8(path), str(path))


@checked
def poll_ballots_from_csv_text(poll: Poll, text: str, source: str = "<csv>") -> PollBallots:
    """Parse CSV ``text`` (``source`` names it in errors) into the ballots of ``poll``."""
    text = text.removeprefix("\ufeff")
    delimiter = _delimiter(text)
    split = _split if delimiter == "," else _split_any
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise InputFileError("csv.empty", Location(file=source))
        columns = _columns(poll, header, Location(file=source, line=1))
        width = len(header)
        while width and not header[width - 1].strip():
            width -= 1
        builder = PollBallotBuilder(poll)
        errors = ProblemList()
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            where = Location(file=source, line=reader.line_num)
            try:
                row = _fit(row, width, delimiter, where)
                cells = {name: row[i] for name, i in columns.items()}
                builder.add(
                    cells["serial"],
                    observations=split(cells.get("note", "")),
                    where=where,
                    **{name: split(cells[name]) for name in _MARKS[poll.kind] if name in cells},
                )
            except TallyError as error:
                errors.add(error)
    except csv.Error as exc:
        line = reader.line_num
        raise InputFileError(
            "csv.syntax", Location(file=source, line=line), detail=str(exc)
        ) from None
    if errors:
        raise errors.error(Location(file=source))
    if not len(builder):
        raise InputFileError("csv.no_ballots", Location(file=source))
    return builder.build()


def _columns(poll: Poll, header: list[str], where: Location) -> dict[str, int]:
    """Which column is which; a column the poll's kind does not have is refused."""
    columns: dict[str, int] = {}
    for i, cell in enumerate(header):
        if not cell.strip():
            continue
        name = _BY_NAME.get(folded(cell))
        allowed = ("serial", "note", *_MARKS[poll.kind])
        if name not in allowed:
            raise InputFileError(
                "poll.csv_column", where, column=cell.strip(), allowed=", ".join(allowed)
            )
        if name in columns:
            raise InputFileError("csv.duplicate_column", where, column=cell.strip())
        columns[name] = i
    missing = [name for name in ("serial", *_MARKS[poll.kind]) if name not in columns]
    if missing:
        raise InputFileError(
            "poll.csv_missing_column",
            where,
            missing=", ".join(missing),
            kind=Term(poll.kind),
        )
    return columns


def _fit(row: list[str], width: int, delimiter: str, where: Location) -> list[str]:
    """``row`` without blank cells past the header's last column; another number of cells is
    refused (a cell lost or one too many would move a mark to another column)."""
    if len(row) > width and not any(cell.strip() for cell in row[width:]):
        row = row[:width]
    if len(row) != width:
        raise InputFileError(
            "csv.row_length", where, got=len(row), expected=width, separator=_separator(delimiter)
        )
    return row
