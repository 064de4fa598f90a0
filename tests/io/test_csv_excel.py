"""The ballots files boards really save (issue 11, points 8 and 13): Excel's separators, byte
order mark, line ends and trailing empty columns; Vietnamese column and observation names;
every error at once with the near name suggested; bounded cost on large and odd files."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path
from unittest import mock

import numpy as np
import pytest

from tally import Ballots, Body, Contest
from tally.errors import ERROR_LIMIT, FileProblemsError, InputFileError, TallyError
from tally.io import ballots_csv
from tally.io import ballots_csv_fast as csv_vectorised
from tally.io.ballots_csv import (
    COLUMN_NAMES_VI,
    _ballots_from_csv_text_rowwise,
    ballots_from_csv_text,
    read_ballots_csv,
)
from tally.model.ballots import OBSERVATION_NAMES_VI

BCH = Contest(
    id="bch",
    body=Body.EXECUTIVE_COMMITTEE,
    seats=2,
    candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"],
)
SECRETARY = Contest(id="bt", body=Body.SECRETARY, seats=1, candidates=["Lê Văn Tám"])
EXPECTED = ([[1, 1, 0], [0, 0, 1], [1, 0, 1]], ["1", "2", "3"], [0, 2, 0])


def summary(text: str, contest: Contest = BCH) -> tuple[list[list[int]], list[str], list[int]]:
    ballots = ballots_from_csv_text(contest, text, "b.csv")
    rowwise = _ballots_from_csv_text_rowwise(contest, text, "b.csv")
    assert np.array_equal(ballots.marks, rowwise.marks)
    assert ballots.serials.tolist() == rowwise.serials.tolist()
    return ballots.marks.tolist(), ballots.serials.tolist(), ballots.observations.tolist()


def test_a_vietnamese_locale_excel_file_counts(tmp_path: Path) -> None:
    """``;`` separators, a byte order mark, CRLF, trailing empty columns, Vietnamese names."""
    text = (
        "Số phiếu;Gạch;Ghi chú;;;\r\n"
        "1;3;;;;\r\n"
        '2;"1;2";ghi thêm tên;;;\r\n'
        "3;Lê Thị Bình;;;;\r\n"
        ";;;;;\r\n"
    )
    path = tmp_path / "phieu.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    ballots = read_ballots_csv(BCH, path)
    assert ballots.marks.tolist() == EXPECTED[0]
    assert ballots.observations.tolist() == EXPECTED[2]
    assert summary("\ufeff" + text) == EXPECTED


def test_a_semicolon_file_takes_commas_inside_a_cell() -> None:
    assert summary("serial;struck;note\n1;3;\n2;1,2;write_in\n3;2;\n") == EXPECTED


def test_tab_separated() -> None:
    assert summary("serial\tstruck\tnote\n1\t3\t\n2\t1;2\twrite_in\n3\t2\t\n") == EXPECTED


def test_trailing_empty_columns_on_the_fast_path() -> None:
    text = "serial,struck,note,,,\n1,3,,,,\n2,1;2,write_in,,,\n3,2,,,,\n"
    assert csv_vectorised.plain_header(text) is not None
    with mock.patch.object(
        _ballots_from_csv_text_rowwise.__globals__["_BlockJudge"], "__call__"
    ) as judge:
        assert summary(text) == EXPECTED
    judge.assert_not_called()  # read by the fast path alone
    for extra in (
        "serial,struck,,\n1,3,,x\n",
        "serial,struck,,\n1,3,,2\n",
        "serial,1,2,3,\n1,x,,,1\n",
    ):
        with pytest.raises(InputFileError) as raised:  # something under an unnamed column
            ballots_from_csv_text(BCH, extra, "b.csv")
        assert raised.value.code == "csv.row_length"


def test_an_empty_header_cell_in_the_middle_is_still_refused() -> None:
    with pytest.raises(InputFileError) as raised:
        ballots_from_csv_text(BCH, "serial,,struck\n1,,3\n")
    assert raised.value.code == "csv.unknown_column"


@pytest.mark.parametrize("english", sorted(COLUMN_NAMES_VI))
def test_every_column_has_a_vietnamese_name(english: str) -> None:
    """Matched without regard to case, accent composition or spaces around."""
    if english in {"agree", "disagree", "both"}:
        contest, columns, row = SECRETARY, ["serial", "agree", "disagree", "both", "note"], "1,,,1,"
    else:
        vote = english if english == "kept" else "struck"
        contest, columns, row = BCH, ["serial", vote, "note"], "1,1,write_in"
    spelled = f"  {unicodedata.normalize('NFD', COLUMN_NAMES_VI[english].upper())} "
    vietnamese = [spelled if column == english else column for column in columns]
    assert vietnamese != columns
    got = summary(",".join(vietnamese) + "\n" + row + "\n", contest)
    assert got == summary(",".join(columns) + "\n" + row + "\n", contest)


@pytest.mark.parametrize("vietnamese", sorted(OBSERVATION_NAMES_VI))
def test_every_observation_has_a_vietnamese_name(vietnamese: str) -> None:
    code = OBSERVATION_NAMES_VI[vietnamese]
    spelled = f" {unicodedata.normalize('NFD', vietnamese.upper())} "
    got = summary(f"số phiếu,gạch,ghi chú\n1,3,{spelled}\n")
    expected = summary(f"serial,struck,note\n1,3,{code}\n")
    assert got == expected and got[2] != [0]


def test_every_error_of_a_file_at_once() -> None:
    text = "serial,struck,note\n1,3,\n2,Nguyen Van Thanh,\n3,2,\n4,9,\n5,1,oops\n1,2,\n"
    contest = Contest(
        id="bch",
        body=Body.EXECUTIVE_COMMITTEE,
        seats=2,
        candidates=["Nguyễn Văn An", "Lê Thị Bình", "Nguyễn Văn Thành"],
    )
    for reader in (ballots_from_csv_text, _ballots_from_csv_text_rowwise):
        with pytest.raises(FileProblemsError) as raised:
            reader(contest, text, "b.csv")
        error = raised.value
        assert [e.where.line for e in error.errors] == [3, 5, 6, 7]
        assert [e.where.serial for e in error.errors] == ["2", "4", "5", "1"]
        assert error.where.file == "b.csv" and error.more == 0
        lines = error.message("en").splitlines()
        assert lines[0] == "b.csv: The file has 4 problems; fix them all, then read it again:"
        assert lines[1].startswith("  - b.csv, line 3, ballot 2: 'Nguyen Van Thanh' is not on")
        assert "Did you mean Nguyễn Văn Thành (no. 3)?" in lines[1]
        assert "Có phải Nguyễn Văn Thành (số 3)?" in str(error)


def test_errors_beyond_the_limit_are_counted() -> None:
    rows = "".join(f"{i},9,\n" for i in range(1, ERROR_LIMIT + 8))
    with pytest.raises(FileProblemsError) as raised:
        ballots_from_csv_text(BCH, "serial,struck,note\n" + rows, "b.csv")
    assert len(raised.value.errors) == ERROR_LIMIT and raised.value.more == 7
    assert raised.value.message("en").endswith("… and 7 more.")
    assert raised.value.message("vi").endswith("… và 7 lỗi khác.")


def test_one_error_is_raised_as_itself() -> None:
    with pytest.raises(TallyError) as raised:
        ballots_from_csv_text(BCH, "serial,struck\n1,9\n", "b.csv")
    assert raised.value.code == "ballot.unknown_candidate"
    assert not isinstance(raised.value, FileProblemsError)


def test_an_unknown_grid_column_suggests_the_name() -> None:
    with pytest.raises(InputFileError) as raised:
        ballots_from_csv_text(BCH, "serial,Nguyen Van An,2,3\n1,x,,\n", "b.csv")
    assert raised.value.code == "csv.unknown_column_near"
    assert "Nguyễn Văn An (số 1)" in str(raised.value)


# --- bounded cost (point 13) --------------------------------------------------------------------


def test_the_header_check_is_linear() -> None:
    """40,000 columns: the repeated-column check was quadratic (19 s)."""
    header = "serial," + ",".join(f"x{i}" for i in range(40_000))
    start = time.perf_counter()
    with pytest.raises(InputFileError) as raised:
        ballots_from_csv_text(BCH, header + "\n1\n")
    assert raised.value.code == "csv.unknown_column"
    assert time.perf_counter() - start < 2


def test_a_bad_cell_at_the_end_reads_only_its_block_row_by_row() -> None:
    """One bad cell at the end of a large file: the fast reader hands only that block to the
    row-by-row reader, and never the whole file."""
    n = 300_000
    text = "serial,struck,note\n" + "".join(f"{i},{i % 3 + 1},\n" for i in range(1, n))
    text += f"{n},4,\n"
    judged: list[int] = []
    original = ballots_csv._BlockJudge.__call__

    def spy(self: ballots_csv._BlockJudge, block: str, line: int) -> Ballots:
        judged.append(len(block))
        return original(self, block, line)

    with (
        mock.patch.object(ballots_csv._BlockJudge, "__call__", spy),
        mock.patch.object(ballots_csv, "_ballots_from_csv_text_rowwise") as whole,
        pytest.raises(TallyError) as raised,
    ):
        ballots_from_csv_text(BCH, text, "b.csv")
    whole.assert_not_called()
    assert raised.value.code == "ballot.unknown_candidate"
    assert (raised.value.where.line, raised.value.where.serial) == (n + 1, str(n))
    assert len(judged) == 1 and judged[0] <= csv_vectorised._BLOCK  # one block, not the file


def test_bad_cells_in_two_blocks_are_both_reported_with_their_lines() -> None:
    n = 200_000
    rows = [f"{i},{i % 3 + 1},\n" for i in range(1, n + 1)]
    rows[10] = "11,7,\n"
    rows[-1] = f"{n},1;1,\n"
    text = "serial,struck,note\n" + "".join(rows)
    with pytest.raises(FileProblemsError) as raised:
        ballots_from_csv_text(BCH, text, "b.csv")
    expected = _problems(_ballots_from_csv_text_rowwise, text)
    assert [(e.where.line, e.code) for e in raised.value.errors] == expected
    assert expected == [(12, "ballot.unknown_candidate"), (n + 1, "ballot.listed_twice")]


def _problems(reader: object, text: str) -> list[tuple[int | None, str]]:
    try:
        reader(BCH, text, "b.csv")  # type: ignore[operator]
    except FileProblemsError as error:
        return [(e.where.line, e.code) for e in error.errors]
    return []
