"""The numpy reader of :mod:`tally.io.ballots_csv` for well-formed files.

It returns ``None`` wherever it would have to judge its input — a quote, a name for a ballot
number, a number out of range, a serial twice, a row too short — and never raises (a block of
lines it gives up on goes to a :data:`Judge`, the row-by-row reader, which gives the exact,
located error). Whatever it returns is what the row-by-row reader returns for the same input.
The writer is :mod:`tally.io.ballots_csv_fast_writer`.

This module knows the CSV format only through its arguments (a header's :class:`Layout`):
:mod:`tally.io.ballots_csv` imports it, never the other way round. It reads a block of about
:data:`_BLOCK` bytes at a time, so its temporaries stay small whatever the size of the file.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from tally.model.ballots import OBSERVATION_CODES, Ballots, Mark
from tally.model.contest import BallotForm, Contest

_BLOCK = 1 << 20
"""Bytes of CSV text read at once: the reader's temporaries are a small multiple of this,
whatever the size of the file."""

_NEWLINE, _SPACE, _COMMA, _SEMICOLON = 10, 32, 44, 59
_ZERO = 48
_LAST_PRINTABLE = 0x7E
_NUMBER_DIGITS = 9
"""Longest ballot number (leading zeros included) the reader reads; longer ones go row by row."""
_SERIAL_WIDTH = 256
"""Longest serial the reader reads; longer ones go row by row."""
_NOT_A_MARK = 255

_SERIAL, _NOTE, _LIST, _GRID, _BLANK = 0, 1, 2, 3, 4
"""What a column holds, for the reader: ``_BLANK`` is a column past the header's last name
(Excel's trailing ``,,,``), whose cells must be blank."""

_LOWER = np.array([ord(chr(b).lower()) if b < 128 else b for b in range(256)], dtype=np.uint8)
_CODE_WIDTH = max(len(code) for code in OBSERVATION_CODES)
_CODES = np.zeros((len(OBSERVATION_CODES), _CODE_WIDTH), dtype=np.uint8)
for _row, _code in enumerate(OBSERVATION_CODES):
    _CODES[_row, : len(_code)] = np.frombuffer(_code.encode("ascii"), dtype=np.uint8)
_CODE_FLAGS = np.array([int(flag) for flag in OBSERVATION_CODES.values()], dtype=np.uint8)


def _odd_multipliers(count: int, seed: int = 20250719) -> list[int]:
    """``count`` fixed, well-mixed odd 64-bit numbers (SplitMix64), without loading
    :mod:`numpy.random` at import time (about 8 ms of the CLI's start-up)."""
    mask, state, numbers = 2**64 - 1, seed, []
    for _ in range(count):
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        numbers.append((z ^ (z >> 31)) | 1)
    return numbers


_HASH = np.array([1, *_odd_multipliers(_SERIAL_WIDTH // 8)], dtype=np.uint64)
"""Odd multipliers of a serial's 8-byte words: a serial of at most 8 bytes is its own hash."""


class Layout(Protocol):
    """What the reader needs of a header's meaning (:class:`tally.io.ballots_csv._Layout` is one):
    columns by index from 0."""

    @property
    def serial(self) -> int:
        """The serial's column."""

    @property
    def note(self) -> int | None:
        """The note's column, if there is one."""

    @property
    def lists(self) -> Mapping[str, int]:
        """List layout: the column of each of ``struck``, ``kept``, ``agree``… given."""

    @property
    def grid(self) -> Mapping[int, int]:
        """Grid layout: the ballot number of the candidate in each candidate column."""

    @property
    def cells(self) -> Mapping[str, Mark]:
        """Grid layout: the mark of each value a cell may hold (stripped, lower case)."""


def plain_header(text: str) -> list[str] | None:
    """The cells of ``text``'s header, stripped, if :func:`read_fast` may read the file: the
    first line is whole, printable and without quotes, and no cell is one :mod:`csv` refuses as
    too large. ``None`` otherwise.

    >>> plain_header("serial , struck,note\\r\\n1,2,\\n")
    ['serial', 'struck', 'note']
    >>> plain_header('"serial",struck\\n1,2\\n') is None, plain_header("serial,struck") is None
    (True, True)
    """
    head_end = text.find("\n")
    if head_end < 0:
        return None
    header = text[:head_end].removesuffix("\r")
    if '"' in header or not header.isprintable():
        return None
    cells = header.split(",")
    if max(len(cell) for cell in cells) >= csv.field_size_limit():
        return None
    return [cell.strip() for cell in cells]


Judge = Callable[[str, int], Ballots]
"""Reads a block of whole lines the fast path gave up on (its text, and the line number of its
first line in the file), row by row: returns the block's good rows as ballots, and keeps the
errors of the others itself."""


def read_fast(
    contest: Contest, text: str, layout: Layout, judge: Judge | None = None
) -> Ballots | None:
    """The ballots of ``text``, whose header :func:`plain_header` accepted and ``layout``
    describes; ``None`` for anything the reader does not handle (not ASCII after the header,
    quotes, names for numbers, both ``kept`` and ``struck``…) or finds wrong.

    With ``judge``, a block of lines the reader does not take is handed to ``judge`` and only
    that block is read row by row (a bad cell at the end of a large file costs one block); the
    result then holds the rows ``judge`` returned. ``None`` still for what concerns the whole
    file (its bytes, its header, a serial twice).

    >>> from types import SimpleNamespace
    >>> from tally.model.bodies import Body
    >>> c = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=2,
    ...             candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"])
    >>> layout = SimpleNamespace(serial=0, note=2, lists={"struck": 1}, grid={}, cells={})
    >>> b = read_fast(c, "serial,struck,note\\n001,3,\\n002,1;2,write_in\\n", layout)
    >>> b.marks.tolist(), b.serials.tolist(), b.observations.tolist()
    ([[1, 1, 0], [0, 0, 1]], ['001', '002'], [0, 2])
    >>> read_fast(c, "serial,struck,note\\n001,4,\\n", layout) is None  # no candidate 4
    True
    """
    head_end = text.find("\n")
    if head_end < 0:
        return None
    plan = _plan(contest, layout, text.count(",", 0, head_end) + 1)
    data = _data_bytes(text, head_end + 1)
    if plan is None or data is None:
        return None
    raw, begin, lines = data
    buffer = np.frombuffer(raw, dtype=np.uint8)
    k = len(contest.candidates)
    marks = np.empty((lines, k), dtype=np.uint8)
    flags = np.zeros(lines, dtype=np.uint8)
    serials: list[npt.NDArray[np.uint8]] = []
    hashes: list[npt.NDArray[np.uint64]] = []
    n = 0
    line = 2  # of the block's first line in the file (after the one-line header)
    while begin < len(raw):
        end = raw.rfind(b"\n", begin, begin + _BLOCK) + 1
        if end <= begin:  # a line longer than a block
            end = raw.find(b"\n", begin + _BLOCK) + 1
        chunk = buffer[begin:end]
        block = _read_block(chunk, plan, k, marks[n:], flags[n:])
        if block is None:
            if judge is None:
                return None
            block = _judged(judge(raw[begin:end].decode("ascii"), line), marks[n:], flags[n:])
            if block is None:
                return None
        serials.append(block)
        hashes.append(_serial_hashes(_LOWER[block]))  # serials compare case-insensitively
        n += len(block)
        line += int(np.count_nonzero(chunk == _NEWLINE))
        begin = end
    if not n:
        return None
    every = np.sort(np.concatenate(hashes))
    if (every[1:] == every[:-1]).any():  # a serial twice (or, rarely, two that hash alike)
        return None
    width = max(block.shape[1] for block in serials)
    text_serials = np.empty(n, dtype=f"U{width}")  # as np.array(list_of_str) gives
    row = 0
    for block in serials:
        size = block.shape[1]
        as_bytes = np.ascontiguousarray(block).view(f"S{size}") if size else block[:, :0]
        text_serials[row : row + len(block)] = as_bytes.reshape(len(block))
        row += len(block)
    if n < lines:
        marks, flags = marks[:n].copy(), flags[:n].copy()
    return Ballots(contest.ballot_list, marks, text_serials, flags)


def _judged(
    ballots: Ballots, marks: npt.NDArray[np.uint8], flags: npt.NDArray[np.uint8]
) -> npt.NDArray[np.uint8] | None:
    """Put the rows a judge read into ``marks`` and ``flags``; their serials as the reader
    keeps them (ASCII bytes, one row each, NUL-padded), or ``None`` if one is longer than the
    reader compares (:data:`_SERIAL_WIDTH`)."""
    m = len(ballots.marks)
    texts = [str(serial).encode("ascii") for serial in ballots.serials.tolist()]
    width = max((len(serial) for serial in texts), default=0)
    if width > _SERIAL_WIDTH:
        return None
    marks[:m] = ballots.marks
    flags[:m] = ballots.observations
    if not width:
        return np.zeros((m, 0), dtype=np.uint8)
    return np.array(texts, dtype=f"S{width}").view(np.uint8).reshape(m, width)


@dataclass(frozen=True)
class _Plan:
    """How the fast path reads a row: each column's role and value (the mark a list column
    gives the candidates it lists; the candidate index of a grid column)."""

    columns: int
    serial: int
    note: int | None
    role: npt.NDArray[np.int8]
    value: npt.NDArray[np.int64]
    unlisted: int
    """List layout: the mark of a candidate no list names."""
    grid: slice | npt.NDArray[np.int64] | None
    """Grid layout: the candidates' columns."""
    candidates: npt.NDArray[np.int64] | None
    """Grid layout: the candidate index of each of those columns (``None``: in ballot order)."""
    cells: npt.NDArray[np.uint8]
    """Grid layout: the mark of a cell by its first byte after spaces (``_NOT_A_MARK`` if
    none; that of an empty cell if ``,`` or ``\\n``, where an empty cell ends)."""


def _plan(contest: Contest, layout: Layout, columns: int) -> _Plan | None:
    """The fast path's reading of ``layout``, or ``None`` for a header it leaves to the
    row-by-row reader (both ``kept`` and ``struck``, columns of the other form)."""
    role = np.full(columns, _BLANK, dtype=np.int8)
    value = np.zeros(columns, dtype=np.int64)
    role[layout.serial] = _SERIAL
    if layout.note is not None:
        role[layout.note] = _NOTE
    cells = np.full(256, _NOT_A_MARK, dtype=np.uint8)
    unlisted = 0
    grid: slice | npt.NDArray[np.int64] | None = None
    candidates: npt.NDArray[np.int64] | None = None
    if layout.grid:
        grid = np.array(sorted(layout.grid), dtype=np.int64)
        candidates = np.array([layout.grid[column] - 1 for column in grid], dtype=np.int64)
        if (np.diff(grid) == 1).all():  # side by side: a slice, not a copy
            grid = slice(int(grid[0]), int(grid[-1]) + 1)
        if (candidates == np.arange(len(candidates))).all():
            candidates = None
        for column in layout.grid:
            role[column] = _GRID
        table = layout.cells
        for byte in range(1, 128):
            if chr(byte).lower() in table:
                cells[byte] = table[chr(byte).lower()]
        cells[[_COMMA, _NEWLINE]] = table[""]
    else:
        given = set(layout.lists)
        if contest.form is BallotForm.STRIKE_OUT:
            if given == {"struck"}:
                unlisted, listed = Mark.KEPT, {"struck": Mark.STRUCK}
            elif given == {"kept"}:
                unlisted, listed = Mark.STRUCK, {"kept": Mark.KEPT}
            else:
                return None
        elif given & {"struck", "kept"}:
            return None
        else:
            listed = {"agree": Mark.AGREE, "disagree": Mark.DISAGREE, "both": Mark.BOTH}
        for name, column in layout.lists.items():
            role[column] = _LIST
            value[column] = listed[name]
    return _Plan(
        columns, layout.serial, layout.note, role, value, unlisted, grid, candidates, cells
    )


def _data_bytes(text: str, begin: int) -> tuple[bytes, int, int] | None:
    """The rows after the header as bytes, from offset ``begin``, with ``\\n`` line ends and a
    final ``\\n``, and the number of lines; ``None`` unless every byte is printable ASCII or a
    line end (no quotes, tabs, lone ``\\r``, NUL…)."""
    if text.isascii():
        raw = text.encode("ascii")
    else:  # names in the header
        rows_text = text[begin:]
        if not rows_text.isascii():
            return None
        raw, begin = rows_text.encode("ascii"), 0
    if raw.find(b'"', begin) >= 0:
        return None
    if raw.find(b"\r", begin) >= 0:  # CRLF line ends; a lone CR is caught below
        raw, begin = raw[begin:].replace(b"\r\n", b"\n"), 0
    if not raw.endswith(b"\n"):
        raw += b"\n"
    rows = np.frombuffer(raw, dtype=np.uint8)[begin:]
    if not rows.size or int(rows.max()) > _LAST_PRINTABLE:
        return None
    lines = int(np.count_nonzero(rows == _NEWLINE))
    if np.count_nonzero(rows < _SPACE) != lines:
        return None
    return raw, begin, lines


def _read_block(
    data: npt.NDArray[np.uint8],
    plan: _Plan,
    k: int,
    marks: npt.NDArray[np.uint8],
    flags: npt.NDArray[np.uint8],
) -> npt.NDArray[np.uint8] | None:
    """Read the whole lines ``data`` (ending in ``\\n``): their marks go to the first rows of
    ``marks``, their observations to ``flags``; returns their serials (ASCII bytes, one row
    each, NUL-padded) or ``None`` if the row-by-row reader must read the file.
    """
    parts = _Parts(data)
    ends = parts.field_bytes
    longest = max(int(ends[0]), int((ends[1:] - ends[:-1]).max(initial=0)) - 1)
    if longest >= csv.field_size_limit():
        return None  # a cell csv refuses as too large
    serials = parts.serials(data, plan)
    if serials is None:  # blank lines (skipped, like the row-by-row reader), or a wrong row
        content = parts.lines_with_content()
        if content.all():
            return None
        data = data[np.repeat(content, np.diff(parts.line_bytes, prepend=-1))]
        if not data.size:
            return np.zeros((0, 0), dtype=np.uint8)
        parts = _Parts(data)
        serials = parts.serials(data, plan)
        if serials is None:
            return None
    m, c = len(serials), plan.columns
    last = parts.field_end.reshape(m, c)  # the first and last part of each cell
    if parts.simple:
        first = last
    else:
        first = np.empty_like(last)
        first.flat[0] = 0
        first.flat[1:] = parts.field_end[:-1] + 1
    if plan.note is not None:
        notes, rows = _expand(first[:, plan.note], last[:, plan.note])
        written = parts.solid[notes] > 0
        notes, rows = notes[written], rows[written]
        codes = _codes(data, parts, notes)
        if codes is None:
            return None
        for flag in np.unique(codes).tolist():
            flags[rows[codes == flag]] |= flag
    blank = np.flatnonzero(plan.role == _BLANK)
    if blank.size:  # columns past the header's names: only blanks (and no ";")
        if int(parts.per_cell(parts.solid, last)[:, blank].max()) > 0:
            return None
        if not parts.simple and (first[:, blank] != last[:, blank]).any():
            return None
    out = marks[:m]
    if plan.grid is not None:
        if not parts.simple and (first[:, plan.grid] != last[:, plan.grid]).any():
            return None  # a ";" in a grid cell
        if int(parts.per_cell(parts.solid, last)[:, plan.grid].max()) > 1:
            return None  # more than one character
        values = plan.cells[data[parts.per_cell(parts.begin, last)[:, plan.grid]]]
        if (values == _NOT_A_MARK).any():
            return None
        if plan.candidates is None:
            out[...] = values
        else:
            out[:, plan.candidates] = values
        return serials
    flat = out.reshape(-1)
    flat.fill(plan.unlisted)
    given = 0
    for column in np.flatnonzero(plan.role == _LIST).tolist():
        refs, rows = _expand(first[:, column], last[:, column])
        numbers = _numbers(data, parts, refs, k)
        if numbers is None:
            return None
        if len(numbers) < len(refs):  # blanks between ";" or an empty cell: dropped
            rows = rows[parts.solid[refs] > 0]
        flat[rows * k + numbers - 1] = plan.value[column]
        given += len(numbers)
    if np.count_nonzero(flat != plan.unlisted) != given:  # a number twice on one ballot
        return None
    return serials


def _expand(
    first: npt.NDArray[np.int64], last: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Every index of the ranges ``first[i]..last[i]``, and the ``i`` of each."""
    counts = last - first + 1
    if (counts == 1).all():
        return first, np.arange(len(first))
    rows = np.repeat(np.arange(len(first)), counts)
    shift = np.repeat(first - (np.cumsum(counts) - counts), counts)
    return np.arange(len(rows)) + shift, rows


class _Parts:
    """The parts of a block of lines: the bytes between consecutive ``,``, ``;`` and ``\\n``.

    A list cell's parts are its ballot numbers, a note's its codes; a grid cell is one part.
    """

    def __init__(self, data: npt.NDArray[np.uint8]) -> None:
        ends = np.flatnonzero((data == _COMMA) | (data == _NEWLINE) | (data == _SEMICOLON))
        after = data[ends]
        begin = np.empty_like(ends)
        begin[0] = 0
        begin[1:] = ends[:-1] + 1
        self.ends = ends
        self.after = after
        self.spaces = np.flatnonzero(data == _SPACE)
        self.begin = begin
        """Where each part starts, after its leading spaces."""
        self.solid = ends - begin
        """Bytes of each part that are not spaces. A reader of a part takes this many bytes from
        ``begin``: they hold a space if the part has one between two other bytes (``1 2``)."""
        if self.spaces.size:
            self._strip()
        ends_field = after != _SEMICOLON
        self.simple = bool(ends_field.all())
        """No ``;`` anywhere: every field is one part."""
        self.field_end = np.arange(len(ends)) if self.simple else np.flatnonzero(ends_field)
        """The last part of each field."""
        self.field_bytes = ends if self.simple else ends[self.field_end]
        """Where each field ends (its ``,`` or ``\\n``)."""
        line_end = np.flatnonzero((after if self.simple else after[self.field_end]) == _NEWLINE)
        self.fields_per_line = np.diff(line_end, prepend=-1)
        self.line_end = self.field_end[line_end]
        """The last part of each line."""
        self.line_bytes = ends[self.line_end]
        """Where each line ends."""

    def _strip(self) -> None:
        spaces, ends = self.spaces, self.ends
        part = np.searchsorted(ends, spaces)
        count = np.bincount(part, minlength=len(ends))
        group = np.flatnonzero(np.r_[True, part[1:] != part[:-1]])
        rank = np.arange(len(spaces)) - np.repeat(group, np.diff(np.r_[group, len(spaces)]))
        leading = spaces - self.begin[part] == rank
        self.solid = self.solid - count
        self.begin = self.begin + np.bincount(part[leading], minlength=len(ends))

    def per_cell(
        self, values: npt.NDArray[np.int64], last: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.int64]:
        """``values`` (one per part) of each cell's last part, rows by columns (``last``)."""
        return values.reshape(last.shape) if self.simple else values[last]

    def lines_with_content(self) -> npt.NDArray[np.bool_]:
        """Whether each line has a cell that is not blank."""
        content = np.cumsum((self.solid > 0) | (self.after == _SEMICOLON))
        return np.diff(content[self.line_end], prepend=0) > 0

    def serials(self, data: npt.NDArray[np.uint8], plan: _Plan) -> npt.NDArray[np.uint8] | None:
        """Each line's serial, stripped, as NUL-padded bytes; ``None`` unless every line has
        ``plan.columns`` cells and a serial that is not blank and not too long."""
        if (self.fields_per_line != plan.columns).any():
            return None
        fields = self.field_bytes.reshape(-1, plan.columns)
        return _serials(data, fields, plan.serial, bool(self.spaces.size))


def _serials(
    data: npt.NDArray[np.uint8], field_ends: npt.NDArray[np.int64], column: int, spaces: bool
) -> npt.NDArray[np.uint8] | None:
    """Each row's serial, stripped, as NUL-padded bytes; ``None`` if one is empty or long."""
    end = field_ends[:, column]
    begin = field_ends[:, column - 1] + 1 if column else np.r_[0, field_ends[:-1, -1] + 1]
    length = end - begin
    if not len(length) or int(length.min()) == 0 or int(length.max()) > _SERIAL_WIDTH:
        return None
    offsets = np.arange(int(length.max()))
    serials = np.take(data, begin[:, None] + offsets, mode="clip")
    serials[offsets >= length[:, None]] = 0
    if spaces and (serials == _SPACE).any():
        solid = (serials != _SPACE) & (serials != 0)
        if not solid.any(axis=1).all():
            return None
        lead = solid.argmax(axis=1)
        length = len(offsets) - solid[:, ::-1].argmax(axis=1) - lead
        serials = np.take(data, (begin + lead)[:, None] + offsets, mode="clip")
        serials[offsets >= length[:, None]] = 0
        serials = np.ascontiguousarray(serials[:, : int(length.max())])
    return serials


def _serial_hashes(serials: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint64]:
    """A 64-bit hash of each serial, the same whatever the block's width: equal serials hash
    alike, and serials of at most 8 bytes hash to themselves."""
    n, width = serials.shape
    words = -(-width // 8)
    padded = np.zeros((n, words * 8), dtype=np.uint8)
    padded[:, :width] = serials
    values = padded.view("<u8")
    hashes = np.zeros(n, dtype=np.uint64)
    for word in range(words):
        hashes += values[:, word] * _HASH[word]
    return hashes


def _codes(
    data: npt.NDArray[np.uint8], parts: _Parts, notes: npt.NDArray[np.int64]
) -> npt.NDArray[np.uint8] | None:
    """The observation flag of each note part, or ``None`` if one is no known code."""
    if not notes.size:
        return np.zeros(0, dtype=np.uint8)
    length = parts.solid[notes]
    if int(length.max()) > _CODE_WIDTH:
        return None
    offsets = np.arange(_CODE_WIDTH)
    words = _LOWER[np.take(data, parts.begin[notes][:, None] + offsets, mode="clip")]
    words[offsets >= length[:, None]] = 0
    found = (words[:, None, :] == _CODES[None, :, :]).all(axis=2)
    if not found.any(axis=1).all():
        return None
    codes: npt.NDArray[np.uint8] = _CODE_FLAGS[found.argmax(axis=1)]
    return codes


def _numbers(
    data: npt.NDArray[np.uint8], parts: _Parts, refs: npt.NDArray[np.int64], k: int
) -> npt.NDArray[np.int64] | None:
    """The ballot numbers of the parts ``refs`` that are not blank, or ``None`` if one is no
    number from 1 to ``k`` in ASCII digits (a name, a space inside, too many digits)."""
    length = parts.solid[refs]
    if not length.all():
        refs, length = refs[length > 0], length[length > 0]
    if not refs.size:
        return np.zeros(0, dtype=np.int64)
    longest = int(length.max())
    if longest > _NUMBER_DIGITS:
        return None
    end = parts.begin[refs] + length if parts.spaces.size else parts.ends[refs]
    if longest <= 3:  # the usual case: the last three bytes, those before the part zeroed
        units = np.take(data, end - 1) - np.uint8(_ZERO)
        tens = (np.take(data, end - 2, mode="clip") - np.uint8(_ZERO)) * (length >= 2)
        hundreds = (np.take(data, end - 3, mode="clip") - np.uint8(_ZERO)) * (length >= 3)
        if int(np.maximum(np.maximum(units, tens), hundreds).max()) > 9:
            return None
        numbers = units + tens.astype(np.int64) * 10 + hundreds.astype(np.int64) * 100
    else:
        numbers = np.zeros(len(refs), dtype=np.int64)
        for place in range(longest):
            digit = np.take(data, end - longest + place, mode="clip") - np.uint8(_ZERO)
            within = length >= longest - place
            if (within & (digit > 9)).any():
                return None
            numbers = np.where(within, numbers * 10 + digit, numbers)
    if int(numbers.min()) < 1 or int(numbers.max()) > k:
        return None
    return numbers
