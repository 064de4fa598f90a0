"""Reading ballots from CSV: both layouts, both forms, and every malformed file located."""

from __future__ import annotations

from pathlib import Path

import pytest

from tally import BallotError, Body, Contest
from tally.errors import InputFileError
from tally.io.ballots_csv import ballots_from_csv_text, read_ballots_csv

BCH = Contest(
    id="bch",
    body=Body.EXECUTIVE_COMMITTEE,
    seats=2,
    candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"],
)
SECRETARY = Contest(id="bt", body=Body.SECRETARY, seats=1, candidates=["Lê Văn Tám"])


def test_list_layout_by_number_and_name() -> None:
    text = "serial,struck,note\n1,3,\n2,Lê Thị Bình,\n3,,\n4,1;2;3,\n5,2,not_issued\n"
    ballots = ballots_from_csv_text(BCH, text)
    assert ballots.marks.tolist() == [[1, 1, 0], [1, 0, 1], [1, 1, 1], [0, 0, 0], [1, 0, 1]]
    assert ballots.observations.tolist() == [0, 0, 0, 0, 1]
    assert ballots.serials.tolist() == ["1", "2", "3", "4", "5"]


def test_kept_column() -> None:
    ballots = ballots_from_csv_text(BCH, "serial,kept\nA,1;2\n")
    assert ballots.marks.tolist() == [[1, 1, 0]]


def test_grid_layout_strike_out_with_names_in_header() -> None:
    text = "serial,Trần Văn Cường,Nguyễn Văn An,Lê Thị Bình,note\n7,x,,1,\n8,0,x,,write_in\n"
    ballots = ballots_from_csv_text(BCH, text)
    assert ballots.marks.tolist() == [[1, 1, 0], [0, 1, 0]]
    assert ballots.observations.tolist() == [0, 2]


def test_grid_layout_yes_no() -> None:
    ballots = ballots_from_csv_text(SECRETARY, "serial,1\na,1\nb,2\nc,3\nd,\n")
    assert ballots.marks.ravel().tolist() == [1, 2, 3, 0]


def test_yes_no_list_layout() -> None:
    ballots = ballots_from_csv_text(SECRETARY, "serial,agree,disagree,both\na,1,,\nb,,1,\nc,,,1\n")
    assert ballots.marks.ravel().tolist() == [1, 2, 3]


def test_blank_lines_skipped_and_bom_accepted(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes("\ufeffserial,struck\n1,3\n\n2,1\n".encode())
    assert len(read_ballots_csv(BCH, path)) == 2


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("", "csv.empty", None),
        ("number,struck\n1,2\n", "csv.no_serial_column", 1),
        ("serial,struck,Bob\n1,2,\n", "csv.unknown_column", 1),
        ("serial,1,2\n1,,\n", "csv.missing_candidates", 1),
        ("serial,struck,1,2,3\n1,,,,\n", "csv.mixed_layout", 1),
        ("serial,struck,struck\n1,,\n", "csv.duplicate_column", 1),
        ("serial,struck\n1,2\n2,1,3\n", "csv.row_length", 3),
        ('serial,struck\n1,"2\n', "csv.syntax", None),
    ],
)
def test_malformed_files(text: str, code: str, line: int | None) -> None:
    with pytest.raises(InputFileError) as raised:
        ballots_from_csv_text(BCH, text, source="b.csv")
    assert raised.value.code == code
    assert raised.value.where.file == "b.csv"
    if line is not None:
        assert raised.value.where.line == line


@pytest.mark.parametrize(
    ("text", "code", "serial", "line"),
    [
        ("serial,struck\n1,2\n1,3\n", "ballot.duplicate_serial", "1", 3),
        ("serial,struck\n1,9\n", "ballot.unknown_candidate", "1", 2),
        ("serial,struck\n1,Ngô Bảo Châu\n", "ballot.unknown_candidate", "1", 2),
        ("serial,struck,note\n1,2,signed\n", "ballot.unknown_observation", "1", 2),
        ("serial,1,2,3\n1,x,y,\n", "ballot.bad_mark", "1", 2),
        ("serial,agree\n1,2\n", "ballot.wrong_form", "1", 2),
    ],
)
def test_bad_ballots_name_serial_and_line(text: str, code: str, serial: str, line: int) -> None:
    with pytest.raises(BallotError) as raised:
        ballots_from_csv_text(BCH, text, source="b.csv")
    assert raised.value.code == code
    assert (raised.value.where.serial, raised.value.where.line) == (serial, line)
    assert f"dòng {line}" in str(raised.value) and f"line {line}" in raised.value.message("en")


def test_empty_serial_is_rejected() -> None:
    with pytest.raises(BallotError) as raised:
        ballots_from_csv_text(BCH, "serial,struck\n,2\n")
    assert raised.value.code == "ballot.empty_serial"
    assert raised.value.where.line == 2


@pytest.mark.parametrize(
    ("text", "vi", "en"),
    [
        ("Số phiếu;Gạch;Ghi chú\n1;2;\n2;3;;x\n", "dấu chấm phẩy (;)", "semicolon (;)"),
        ("serial\tstruck\n1\t2\nB-7\t3\t4\n", "dấu tab", "tab"),
        ("serial,struck\n1,2\nB-7,1,3\n", "dấu phẩy (,)", "comma (,)"),
    ],
)
def test_a_row_of_the_wrong_length_names_the_separator_used_and_its_serial(
    text: str, vi: str, en: str
) -> None:
    with pytest.raises(InputFileError) as raised:
        ballots_from_csv_text(BCH, text, source="b.csv")
    error = raised.value
    assert error.code == "csv.row_length" and error.where.line == 3
    serial = text.splitlines()[2][:1] if text.startswith("Số") else "B-7"
    assert error.where.serial == serial
    assert f"b.csv, dòng 3, phiếu {serial}: " in str(error)
    assert f"Tệp này dùng {vi} để cách các cột" in str(error)
    assert f"separates its columns with the {en}" in error.message("en")
    if "," not in vi:
        assert "dấu phẩy" not in str(error) and "comma" not in error.message("en")


@pytest.mark.parametrize(
    ("header", "vi", "en", "columns"),
    [
        ("So phieu;Gach", "dấu chấm phẩy (;)", "semicolon (;)", "'So phieu', 'Gach'"),
        ("Số phiếu|Gạch", "dấu phẩy (,)", "comma (,)", "'Số phiếu|Gạch'"),
        ("number\tstruck", "dấu tab", "tab", "'number', 'struck'"),
    ],
)
def test_no_serial_column_says_the_separator_and_the_columns_read(
    header: str, vi: str, en: str, columns: str
) -> None:
    with pytest.raises(InputFileError) as raised:
        ballots_from_csv_text(BCH, f"{header}\n1\n", source="b.csv")
    error = raised.value
    assert error.code == "csv.no_serial_column"
    assert f"Đọc dòng tiêu đề theo {vi} thì các cột là: {columns}." in str(error)
    assert "'serial' hoặc 'số phiếu'" in str(error)
    assert f"Read with the {en} as separator, the header's columns are: {columns}." in (
        error.message("en")
    )
