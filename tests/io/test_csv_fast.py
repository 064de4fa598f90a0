"""The vectorised CSV reader and writer (:mod:`tally.io.ballots_csv`) against the row-by-row ones.

Whatever the text — written by tally, typed by hand, or damaged — the public reader returns the
same ballots as the row-by-row reader, or raises the same error (type, code, message in both
languages). The fast path itself never raises: it returns ballots only where the row-by-row reader
returns the same ones, and ``None`` otherwise. The writer's text is byte for byte what it was when
it went through :mod:`csv` a row at a time.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tally import Ballots, Body, Contest
from tally.errors import TallyError
from tally.io import ballots_csv_fast as csv_vectorised
from tally.io.ballots_csv import (
    _ballots_fast,
    _ballots_from_csv_text_rowwise,
    _csv_text_fast,
    ballots_from_csv_text,
    ballots_to_csv_text,
    read_ballots_csv,
)
from tally.model.ballots import OBSERVATION_CODES, Mark
from tally.model.contest import BallotForm
from tally.testing import ballots, contests

ROOT = Path(__file__).resolve().parents[2]

BCH = Contest(
    id="bch",
    body=Body.EXECUTIVE_COMMITTEE,
    seats=2,
    candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"],
)
BT = Contest(id="bt", body=Body.STANDING_COMMITTEE, seats=3, candidates=BCH.candidates)
TWELVE = Contest(
    id="bch12",
    body=Body.EXECUTIVE_COMMITTEE,
    seats=10,
    candidates=[f"Nguyễn Văn {letter}" for letter in "ABCDEGHIKLMN"],
)
assert BCH.form is BallotForm.STRIKE_OUT and BT.form is BallotForm.YES_NO

Reader = Callable[[Contest, str, str], Ballots]


def reference_csv_text(contest: Contest, ballots: Ballots) -> str:
    """``ballots_to_csv_text`` as it was before the fast path (an element at a time)."""
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


def summary(ballots: Ballots) -> tuple[Any, ...]:
    """Everything a caller can see of ``ballots``: values, dtypes, shapes, layout."""
    return (
        ballots.contest_id,
        ballots.form,
        ballots.marks.dtype.str,
        ballots.marks.shape,
        ballots.marks.flags.c_contiguous,
        ballots.marks.tobytes(),
        ballots.serials.dtype.str,
        ballots.serials.tolist(),
        ballots.observations.dtype.str,
        ballots.observations.tolist(),
    )


def outcome(read: Reader, contest: Contest, text: str) -> tuple[Any, ...]:
    """The ballots ``read`` returns, or the error it raises, as comparable values."""
    try:
        got = read(contest, text, "b.csv")
    except Exception as error:  # compared, not hidden: both readers must fail alike
        if isinstance(error, TallyError):
            return ("error", type(error).__name__, error.code, str(error), error.message("en"))
        return ("error", type(error).__name__, None, str(error), None)
    return ("ok", *summary(got))


def assert_same(contest: Contest, text: str) -> Ballots | None:
    """The public reader agrees with the row-by-row one on ``text``; the fast path returns
    either nothing or the same ballots. Returns what the fast path returned."""
    expected = outcome(_ballots_from_csv_text_rowwise, contest, text)
    assert outcome(ballots_from_csv_text, contest, text) == expected
    fast = _ballots_fast(contest, text)
    if fast is not None:
        assert ("ok", *summary(fast)) == expected
    return fast


def grid_text(contest: Contest, ballots: Ballots) -> str:
    """The grid layout of ``ballots``, one column per candidate by ballot number."""
    strike = contest.form is BallotForm.STRIKE_OUT
    notes = {flag.value: code for code, flag in OBSERVATION_CODES.items()}
    rows = ["serial,note," + ",".join(str(j) for j in range(1, len(contest.candidates) + 1))]
    for serial, marks, flags in zip(
        ballots.serials.tolist(), ballots.marks.tolist(), ballots.observations.tolist(), strict=True
    ):
        cells = [("x" if m == Mark.STRUCK else "") if strike else str(m or "") for m in marks]
        note = ";".join(code for value, code in notes.items() if flags & value)
        rows.append(f"{serial},{note}," + ",".join(cells))
    return "\n".join(rows) + "\n"


# --- what tally writes, read back --------------------------------------------------------------


@given(st.data())
def test_written_ballots_read_back_exactly_by_the_fast_path(data: st.DataObject) -> None:
    contest = data.draw(contests(max_candidates=40), label="contest")
    batch = data.draw(ballots(contest, max_n=80), label="ballots")
    text = ballots_to_csv_text(contest, batch)
    assert text == reference_csv_text(contest, batch)
    fast = _ballots_fast(contest, text)
    assert fast is not None, "a file tally writes must take the fast path"
    assert summary(fast) == summary(batch)
    assert summary(ballots_from_csv_text(contest, text)) == summary(batch)
    assert summary(_ballots_from_csv_text_rowwise(contest, text)) == summary(batch)


PLAIN = "".join(chr(c) for c in range(0x20, 0x7F) if chr(c) not in ',"')


@given(
    st.data(),
    st.lists(
        st.text(PLAIN, min_size=1, max_size=20).filter(str.strip),
        min_size=1,
        max_size=30,
        unique_by=lambda serial: serial.strip().casefold(),  # serials compare by case too
    ),
)
def test_any_plain_serials_read_back(data: st.DataObject, serials: list[str]) -> None:
    """Serials of any printable ASCII but ``,`` and ``"``: spaces and ``;`` inside, long ones
    alike in their first bytes."""
    contest = data.draw(contests(max_candidates=12), label="contest")
    drawn = data.draw(ballots(contest, n=len(serials)), label="ballots")
    batch = Ballots.from_arrays(contest, drawn.marks, serials, drawn.observations)
    text = ballots_to_csv_text(contest, batch)
    assert text == reference_csv_text(contest, batch)
    fast = assert_same(contest, text)
    assert fast is not None
    assert fast.serials.tolist() == batch.serials.tolist()  # (from_arrays keeps wider dtypes)
    assert np.array_equal(fast.marks, batch.marks)
    assert np.array_equal(fast.observations, batch.observations)


@given(st.data())
def test_grid_files_take_the_fast_path(data: st.DataObject) -> None:
    contest = data.draw(contests(max_candidates=25), label="contest")
    batch = data.draw(ballots(contest, max_n=40), label="ballots")
    text = grid_text(contest, batch)
    fast = _ballots_fast(contest, text)
    assert fast is not None
    assert summary(fast) == summary(batch)
    assert_same(contest, text)


@given(st.data(), st.integers(1, 400))
def test_blocks_of_any_size_read_alike(data: st.DataObject, block: int) -> None:
    """The reader works a block of lines at a time; a block may hold one short line or cut
    just anywhere (a line longer than a block is read whole)."""
    contest = data.draw(contests(max_candidates=20), label="contest")
    batch = data.draw(ballots(contest, max_n=60), label="ballots")
    text = data.draw(
        st.sampled_from([ballots_to_csv_text(contest, batch), grid_text(contest, batch)])
    )
    text = text.replace("\n", data.draw(st.sampled_from(["\n", "\r\n", "\n\n", "\n , ,\n"])))
    with mock.patch.object(csv_vectorised, "_BLOCK", block):
        fast = _ballots_fast(contest, text)
    assert fast is not None
    assert summary(fast) == summary(batch)


# --- hand-made and damaged files -----------------------------------------------------------------


FAULTS = ("header", "ref", "mark", "note", "serial", "length", "duplicate")


@st.composite
def hand_typed(draw: st.DrawFn, contest: Contest) -> str:
    """A ballots file as a board might type it: header spelling, case and order, spaces, leading
    zeros, blank lines, CRLF; sometimes names for numbers, quotes, serials not in ASCII, lone CR
    line ends (all fine, but not for the fast path); and at most one mistake of a kind drawn
    from :data:`FAULTS` (a number out of range or given twice, an unknown note or mark, a row
    too short or too long, a serial empty or repeated, a column missing or repeated)."""
    k = len(contest.candidates)
    names = list(contest.names)
    strike_out = contest.form is BallotForm.STRIKE_OUT
    rows = draw(st.integers(1, 8), label="rows")
    fault = draw(st.sampled_from([None, None, None, *FAULTS]), label="fault")
    where = {"row": -1, "fault": draw(st.integers(-1, rows - 1)), "done": False}

    def often() -> bool:
        return draw(st.integers(0, 5)) == 0

    by_name, quotes, vietnamese_serials = often(), often(), often()

    def pick(kind: str, clean: st.SearchStrategy[Any], wrong: st.SearchStrategy[Any]) -> Any:
        """``clean``, or once per file (in the chosen row) ``wrong`` if ``kind`` is the fault."""
        if kind == fault and where["row"] == where["fault"] and not where["done"]:
            where["done"] = True
            return draw(wrong)
        return draw(clean)

    grid = draw(st.booleans(), label="grid")
    if grid:
        refs = [
            draw(st.sampled_from([str(j), f"0{j}", f" {j} ", names[j - 1]]))
            for j in range(1, k + 1)
        ]
        choices = [refs[:-1], [*refs, str(k + 1)], [*refs, "x"], [*refs, "struck"], [*refs, "1"]]
        refs = pick("header", st.just(refs), st.sampled_from(choices))
        lists: list[str] = []
        columns = ["serial", *(["note"] if draw(st.booleans()) else []), *refs]
    else:
        usual = (
            ["struck"]
            if strike_out
            else draw(
                st.lists(st.sampled_from(["agree", "disagree", "both"]), min_size=1, unique=True)
            )
        )
        other = ["kept"] if strike_out else ["agree", "both"]
        lists = pick(
            "header",
            st.sampled_from([usual, usual, other]),
            st.sampled_from([["kept", "struck"], ["struck", "struck"], ["agree"], ["struck"]]),
        )
        columns = ["serial", *(["note"] if draw(st.booleans()) else []), *lists]
    columns = draw(st.permutations(columns))
    header = [
        draw(st.sampled_from([name, name.upper(), f" {name} ", name.title()])) for name in columns
    ]

    def ref(number: int) -> str:
        clean = st.sampled_from([str(number), str(number), f"0{number}", f" {number} "])
        if by_name:
            clean = clean | st.just(names[number - 1])
        if draw(st.integers(0, 9)) == 0:
            clean = st.just(f"000{number}")
        wrong = st.sampled_from(
            ["²", "١", "x", "0", str(k + 1), "1 2", "9" * 12, "-1", "1:", "/1", "00:1", "0/01"]
        )
        return str(pick("ref", clean, wrong))

    def listed() -> dict[str, str]:
        """The list cells of one ballot: every candidate in at most one list."""
        chosen = [draw(st.sampled_from([None, *lists])) for _ in range(k)]
        cells: dict[str, list[str]] = {name: [] for name in lists}
        for number, name in enumerate(chosen, start=1):
            if name is not None:
                cells[name].append(ref(number))
        for name in cells:
            cells[name] = draw(st.permutations(cells[name]))
            again = pick("duplicate", st.just([]), st.sampled_from([["1"], [str(k)]]))
            cells[name] = cells[name] + again
            if draw(st.integers(0, 9)) == 0:
                cells[name] = ["", *cells[name], ""]
        return {name: joint.join(refs) for name, refs in cells.items()}

    joint = draw(st.sampled_from([";", ";", ";", "; "]))
    marks = ["", "x", "X", "0", "1", " x "] if strike_out else ["", "0", "1", "2", "3", " 2 "]
    codes = st.sampled_from([*OBSERVATION_CODES, "WRITE_IN", " Not_Issued "])
    lines = [",".join(header)]
    serials: list[str] = []
    for i in range(rows):
        where["row"] = i
        if draw(st.integers(0, 9)) == 0:
            blank = ["", " ", ",,", " , ", *([";"] if fault == "length" else [])]
            lines.append(draw(st.sampled_from(blank)))
        formats = [f"{i}", f"A-{i:03d}", f" B {i} ", f"x;{i}", f"{i:07d}"]
        if vietnamese_serials:
            formats.append(f"Số-{i}")
        serial = pick(
            "serial",
            st.sampled_from(formats),
            st.sampled_from(["", "  ", "a\tb", *serials[-1:]]),
        )
        serials.append(serial)
        cells = listed() if not grid else {}
        row = []
        for name in columns:
            if name == "serial":
                row.append(serial)
            elif name == "note":
                notes = st.lists(codes, max_size=2).map(";".join)
                row.append(pick("note", notes, st.sampled_from(["signed", "write in", "2"])))
            elif name in cells:
                row.append(cells.pop(name))
            else:  # a grid cell, or a second list column of the same name
                wrong = st.sampled_from(["y", "1;2", "11", "4", "x x"])
                row.append(pick("mark", st.sampled_from(marks), wrong))
        row = pick("length", st.just(row), st.sampled_from([row[:-1], [*row, ""]]))
        if quotes and draw(st.booleans()):
            at = draw(st.integers(0, len(row) - 1))
            row[at] = f'"{row[at]}"'
        lines.append(",".join(row))
    ending = draw(st.sampled_from(["\n", "\n", "\n", "\r\n"] + (["\r"] if often() else [])))
    text = ending.join(lines)
    return text + (ending if draw(st.integers(0, 4)) else "")


@given(st.data())
def test_hand_typed_files_read_alike(data: st.DataObject) -> None:
    contest = data.draw(st.sampled_from([BCH, BT]) | contests(max_candidates=12), label="contest")
    assert_same(contest, data.draw(hand_typed(contest), label="text"))


EDITS = [
    '"',
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    " ",
    ";",
    ",",
    "0",
    "9",
    "99",
    ":",
    "/",
    "x",
    "X",
    "\t",
    "\x00",
    "\x7f",
    "\ufeff",
    "\xa0",
    "²",
    "١",
    "ố",
    "WRITE_IN",
    "signed",
    "Lê Thị Bình",
    "9" * 12,
]


@st.composite
def damaged(draw: st.DrawFn, text: str) -> str:
    """``text`` with a few edits: characters replaced, inserted or removed, a line repeated."""
    header = text.index("\n") + 1
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(header, len(text)) | st.integers(0, len(text)))
        kind = draw(st.integers(0, 4))
        if kind == 0:
            text = text[:at] + draw(st.sampled_from(EDITS)) + text[at:]
        elif kind == 1:
            text = text[:at] + draw(st.sampled_from(EDITS)) + text[at + 1 :]
        elif kind == 2:
            text = text[:at] + text[at + draw(st.integers(1, 6)) :]
        elif kind == 3:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            text = "\n".join(lines)
        else:
            text = text[:at] + draw(st.sampled_from(EDITS)).upper() + text[at:]
    return text


@given(st.data())
def test_damaged_files_read_alike(data: st.DataObject) -> None:
    contest = data.draw(contests(max_candidates=15), label="contest")
    batch = data.draw(ballots(contest, max_n=12), label="ballots")
    text = data.draw(
        st.sampled_from([ballots_to_csv_text(contest, batch), grid_text(contest, batch)])
    )
    assert_same(contest, data.draw(damaged(text), label="text"))


EXAMPLE_FILES = sorted(
    path for path in (ROOT / "examples").glob("*/ballots_*.csv") if path.parent.name != "polls"
)
"""Every election ballots file of the examples (the polls have their own reader)."""


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_files_take_the_fast_path(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    header, *lines = text.splitlines()
    cells = [cell for line in lines for cell in line.split(",")[1:-1]]
    k = max(int(n) for cell in [*cells, "3"] for n in cell.split(";") if n)
    body = Body.EXECUTIVE_COMMITTEE if "struck" in header else Body.UPPER_DELEGATES
    seats = 1 if "struck" in header else k
    names = [f"Nguyễn Văn {chr(65 + i // 26)}{chr(97 + i % 26)}" for i in range(k)]
    contest = Contest(id="x", body=body, seats=seats, candidates=names)
    fast = assert_same(contest, text)
    assert fast is not None and len(fast) == len(lines)


# --- chosen examples ---------------------------------------------------------------------------

TAKES_THE_FAST_PATH = {
    "plain": "serial,struck,note\n1,3,\n2,1;2,write_in\n3,,\n",
    "no final newline": "serial,struck,note\n1,3,\n2,1;2,write_in",
    "crlf": "serial,struck,note\r\n1,3,\r\n2,1;2,write_in\r\n",
    "blank lines": "serial,struck,note\n\n1,3,\n   \n , ,\n,,\n2,1,\n\n",
    "spaces": "serial , struck ,note\n 1 , 3 ; 2 ,  Write_In ; not_issued \n2,,  \n",
    "uppercase notes": "serial,struck,note\n1,3,WRITE_IN;IDENTIFYING_MARK\n2,1,Not_Issued\n",
    "leading zeros": "serial,struck,note\n1,003;01,\n2,000000002;0003,\n",
    "empty parts": "serial,struck,note\n1,;3;;1;,;write_in;;\n",
    "header order and case": "NOTE,Struck,SERIAL\nwrite_in,3,a\n,,b\n",
    "no note column": "serial,struck\n1,3\n2,2\n",
    "kept": "serial,kept,note\n1,1;2,\n2,,\n",
    "serial with space and ;": "serial,struck,note\nA 1;2,3,\nB-2 ,1,\n",
    "long serials alike but at the end": "serial,struck\nABCDEFGHIJ-1,1\nABCDEFGHIJ-2,2\n",
    "blank lines at the end": "serial,struck\n1,2\n\n\n",
}
TAKES_THE_FAST_PATH_YES_NO = {
    "yes/no": "serial,agree,disagree,both,note\n1,1;2,3,,\n2,,,1;2;3,write_in\n3,,,,\n",
    "agree only": "serial,agree\n1,1;2;3\n2,\n",
    "grid yes/no": "serial,3,1,2,note\n1,1,2,3,\n2,,0,1,write_in\n",
    "grid with names": "serial,Trần Văn Cường,Nguyễn Văn An,Lê Thị Bình\n1,1,2,\n",
}
TAKES_THE_FAST_PATH_GRID = {
    "grid": "serial,1,2,3,note\n1,x,,1,\n2,X,0, ,write_in\n",
    "grid names": "serial,Trần Văn Cường,Nguyễn Văn An,Lê Thị Bình\n1,x,,\n2,, x ,\n",
}


@pytest.mark.parametrize(
    ("contest", "text"),
    [(BCH, t) for t in TAKES_THE_FAST_PATH.values()]
    + [(BT, t) for t in TAKES_THE_FAST_PATH_YES_NO.values()]
    + [(BCH, t) for t in TAKES_THE_FAST_PATH_GRID.values()],
    ids=[*TAKES_THE_FAST_PATH, *TAKES_THE_FAST_PATH_YES_NO, *TAKES_THE_FAST_PATH_GRID],
)
def test_plain_files_take_the_fast_path(contest: Contest, text: str) -> None:
    """These must not fall back: a fast path that quietly always did would still pass every
    other test."""
    assert _ballots_fast(contest, text) is not None
    assert assert_same(contest, text) is not None


LEFT_TO_THE_ROW_READER = {
    # fine, but not for the fast path
    "names": (BCH, "serial,struck,note\n1,Lê Thị Bình,\n2,3,\n", None),
    "quoted cell": (BCH, 'serial,struck,note\n1,"1;2",\n', None),
    "quoted serial with comma": (BCH, 'serial,struck,note\n"A,1",1,\n', None),
    "tab around a number": (BCH, "serial,struck,note\n1,\t2,\n", None),
    "non-ASCII serial": (BCH, "serial,struck,note\nSố-1,2,\n", None),
    "agree column in a strike-out file, empty": (BCH, "serial,struck,agree\n1,1,\n", None),
    "leading zeros beyond nine digits": (BCH, "serial,struck\n1,0000000003\n", None),
    # wrong: the row-by-row reader's error
    "out of range": (BCH, "serial,struck\n1,4\n", "ballot.unknown_candidate"),
    "zero": (BCH, "serial,struck\n1,0\n", "ballot.unknown_candidate"),
    "superscript digit": (BCH, "serial,struck\n1,²\n", "ballot.unknown_candidate"),
    "arabic digit": (BCH, "serial,struck\n1,١\n", "ballot.unknown_candidate"),
    "space-separated numbers": (BCH, "serial,struck\n1,1 2\n", None),
    "listed twice": (BCH, "serial,struck\n1,2;2\n", "ballot.listed_twice"),
    "listed twice by name": (BCH, "serial,struck\n1,2;Lê Thị Bình\n", "ballot.listed_twice"),
    "marked twice": (BT, "serial,agree,disagree\n1,2,2\n", "ballot.marked_twice"),
    "kept and struck": (BCH, "serial,kept,struck\n1,1,\n", "ballot.kept_and_struck_given"),
    "wrong form": (BCH, "serial,agree\n1,2\n", "ballot.wrong_form"),
    "empty struck column, yes/no": (BT, "serial,agree,struck\n1,1,\n", "ballot.wrong_form"),
    "short row": (BCH, "serial,struck,note\n1,2,\n2,3\n", "csv.row_length"),
    "long row": (
        BCH,
        "serial,struck\n1,2\n2,3,x\n",
        "csv.row_length",
    ),  # a blank extra cell is read
    "duplicate serial": (BCH, "serial,struck\n1,2\n 1 ,3\n", "ballot.duplicate_serial"),
    "duplicate long serial": (
        BCH,
        "serial,struck\nABCDEFGHIJ-1,1\nABCDEFGHIJ-2,1\nABCDEFGHIJ-1 ,2\n",
        "ballot.duplicate_serial",
    ),
    "duplicate serial across blank lines": (BCH, "serial,struck\n1,2\n\n\n1,3\n", None),
    "empty serial": (BCH, "serial,struck\n,2\n", "ballot.empty_serial"),
    "blank serial": (BCH, "serial,struck\n  ,2\n", "ballot.empty_serial"),
    "tab in serial": (BCH, "serial,struck\na\tb,2\n", "ballot.bad_serial"),
    "unknown note": (BCH, "serial,struck,note\n1,2,signed\n", "ballot.unknown_observation"),
    "note with space inside": (BCH, "serial,struck,note\n1,2,write in\n", None),
    "bad grid mark": (BCH, "serial,1,2,3\n1,x,y,\n", "ballot.bad_mark"),
    "grid cell with ;": (BCH, "serial,1,2,3\n1,x;x,,\n", "ballot.bad_mark"),
    "grid cell of two": (BCH, "serial,1,2,3\n1,xx,,\n", "ballot.bad_mark"),
    "DEL in serial": (BCH, "serial,struck\n1\x7f,2\n", "ballot.bad_serial"),
    "only ;": (BCH, "serial,struck\n1,2\n;\n", "csv.row_length"),
    "; in a row otherwise blank": (BCH, "serial,struck\n1,2\n , ;\n", "ballot.empty_serial"),
    "colon after a digit": (BCH, "serial,struck\n1,1:\n", "ballot.unknown_candidate"),
    "slash before a digit": (BCH, "serial,struck\n1,/1\n", "ballot.unknown_candidate"),
    "colon in a long number": (TWELVE, "serial,struck\n1,000:\n", "ballot.unknown_candidate"),
    "colon in a short number": (TWELVE, "serial,struck\n1,1:\n", "ballot.unknown_candidate"),
    "colon for a number": (TWELVE, "serial,struck\n1,2;:\n", "ballot.unknown_candidate"),
    "CR in the header": (BCH, "serial,struck,\rnote\n1,2,\n", "csv.row_length"),
    "lone CR": (BCH, "serial,struck\r1,2\r", None),
    "CR inside a line": (BCH, "serial,struck\n1,2\r3\n", None),
    "unterminated quote": (BCH, 'serial,struck\n1,"2\n', "csv.syntax"),
    "NUL": (BCH, "serial,struck\n1\x00,2\n", None),
    "BOM kept in text": (BCH, "\ufeffserial,struck\n1,2\n", None),  # read (issue 11)
    "no rows": (BCH, "serial,struck\n", "csv.no_ballots"),
    "only blank rows": (BCH, "serial,struck\n\n , \n", "csv.no_ballots"),
    "header only, no newline": (BCH, "serial,struck", "csv.no_ballots"),
    "empty": (BCH, "", "csv.empty"),
    "field too large": (BCH, "serial,struck\n1," + " " * 131_073 + "\n", "csv.syntax"),
    "blank field too large": (BCH, "serial,struck\n1,2\n" + " " * 131_073 + "\n", "csv.syntax"),
    "first field too large": (BCH, "struck,serial\n" + " " * 131_073 + ",1\n", "csv.syntax"),
    "header cell too large": (BCH, "serial" + " " * 131_073 + ",struck\n1,2\n", "csv.syntax"),
    "long serial": (BCH, "serial,struck\n" + "s" * 300 + ",2\n", None),
}


@pytest.mark.parametrize(
    ("contest", "text", "code"),
    list(LEFT_TO_THE_ROW_READER.values()),
    ids=list(LEFT_TO_THE_ROW_READER),
)
def test_the_row_reader_reads_the_rest(contest: Contest, text: str, code: str | None) -> None:
    assert _ballots_fast(contest, text) is None
    assert_same(contest, text)
    if code is not None:
        with pytest.raises(TallyError) as raised:
            ballots_from_csv_text(contest, text, "b.csv")
        assert raised.value.code.startswith(code)
        assert raised.value.where.file == "b.csv"


def test_a_file_with_a_byte_order_mark_takes_the_fast_path(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes("\ufeffserial,struck,note\r\n1,3,\r\n2,1;2,write_in\r\n".encode())
    text = path.read_bytes().decode("utf-8-sig")
    assert _ballots_fast(BCH, text) is not None
    assert summary(read_ballots_csv(BCH, path)) == summary(
        _ballots_from_csv_text_rowwise(BCH, text, str(path))
    )


def test_an_error_names_the_file_line_and_serial_after_the_fast_path_gives_up() -> None:
    text = "serial,struck,note\n" + "".join(f"{i},1;2,\n" for i in range(1, 500)) + "500,2;2,\n"
    with pytest.raises(TallyError) as raised:
        ballots_from_csv_text(BCH, text, "b.csv")
    assert raised.value.code == "ballot.listed_twice"
    assert (raised.value.where.file, raised.value.where.line, raised.value.where.serial) == (
        "b.csv",
        501,
        "500",
    )


# --- the writer --------------------------------------------------------------------------------


@given(st.data())
def test_the_writer_writes_what_it_wrote_before(data: st.DataObject) -> None:
    """Any serials (quoted by csv, not ASCII, numbers) and any mark values."""
    contest = data.draw(contests(max_candidates=15), label="contest")
    n = data.draw(st.integers(0, 12), label="n")
    k = len(contest.candidates)
    texts = st.text(min_size=1, max_size=6) | st.from_regex(
        r"[A-Z]{0,3}-?[0-9]{1,4}", fullmatch=True
    )
    kinds = {
        "text": st.lists(texts, min_size=n, max_size=n).map(lambda s: np.array(s, dtype=str)),
        "ints": st.lists(st.integers(-(10**12), 10**12), min_size=n, max_size=n).map(np.array),
        "default": st.just(np.arange(1, n + 1)),
    }
    serials = data.draw(st.sampled_from(sorted(kinds)).flatmap(kinds.__getitem__), label="serials")
    seed = data.draw(st.integers(0, 2**32 - 1), label="seed")
    rng = np.random.default_rng(seed)
    marks = rng.integers(0, 5, size=(n, k), dtype=np.uint8)
    flags = rng.integers(0, 256, size=n, dtype=np.uint8)
    batch = Ballots(contest.ballot_list, marks, serials, flags)
    assert ballots_to_csv_text(contest, batch) == reference_csv_text(contest, batch)


@pytest.mark.parametrize(
    "serials",
    [["a,b", "c"], ['a"b', "c"], ["a\nb", "c"], ["Số 1", "c"], ["a\x00b", "c"]],
)
def test_serials_csv_must_quote_leave_the_fast_writer(serials: list[str]) -> None:
    batch = Ballots(
        BCH.ballot_list, np.ones((2, 3), np.uint8), np.array(serials), np.zeros(2, np.uint8)
    )
    assert _csv_text_fast(BCH, batch) is None
    assert ballots_to_csv_text(BCH, batch) == reference_csv_text(BCH, batch)


def test_the_fast_writer_handles_plain_serials() -> None:
    batch = Ballots.from_arrays(BT, [[1, 2, 3], [0, 0, 0]], ["BT 1", "BT;2"], [0, 7])
    assert _csv_text_fast(BT, batch) == reference_csv_text(BT, batch)
    assert reference_csv_text(BT, batch) == (
        "serial,agree,disagree,both,note\n"
        "BT 1,1,2,3,\n"
        "BT;2,,,,not_issued;write_in;identifying_mark\n"
    )


def test_a_second_byte_order_mark_is_read_as_the_rowwise_reader_reads_it() -> None:
    """Found by hypothesis: two BOMs before the header (a file saved twice with a BOM)."""
    contest = Contest(id="bi-thu", body=Body.SECRETARY, seats=1, candidates=["Nguyễn Văn An"])
    text = "\ufeff\ufeffserial,agree,disagree,both,note\n0001,1,,,\n"
    assert outcome(ballots_from_csv_text, contest, text) == outcome(
        _ballots_from_csv_text_rowwise, contest, text
    )
