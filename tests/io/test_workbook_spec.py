"""Preparing a congress in a workbook: `tally template` writes it, a clerk fills it, and it
counts exactly as the equivalent TOML spec — read directly (`tally count BOOK.xlsx`), through
`tally spec` (a TOML spec written from it), or from a TOML spec whose lists name a sheet.
Every mistake a clerk makes is an error naming the file, the sheet and the cell."""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tally.cli.main import EXIT_BAD_INPUT, EXIT_OK, main
from tally.congress.run import run_congress
from tally.errors import TallyError
from tally.io.ballot_files import BallotFiles
from tally.io.spec import load_congress
from tally.io.toml_text import toml_text
from tally.io.workbook_spec import (
    BOARD_COLUMNS,
    CANDIDATE_COLUMNS,
    CONGRESS_ROWS,
    CONTEST_COLUMNS,
    Column,
    read_workbook_spec,
    template_bytes,
)

openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parents[2]
_LIST = len(CONTEST_COLUMNS)
"""The column of the contests sheet naming each list's sheet."""
PLAIN_EXAMPLES = ("trade_union", "youth_union", "peoples_council", "delegate_congress")
"""Examples a workbook holds whole (no further rounds, open votes, targets or polls)."""


def _word(column: Column, value: object) -> object:
    """What a clerk types for ``value``: the board's word for a choice, the value otherwise."""
    if column.vocabulary is None:
        return value
    for word, meant in column.vocabulary("vi").items():
        if meant == value:
            return word
    return value


def _put(sheet: Any, row: int, columns: tuple[Column, ...], entry: dict[str, Any]) -> None:
    for number, column in enumerate(columns, start=1):
        key = column.path[-1]
        if key in entry and key != "candidates":
            sheet.cell(row=row, column=number, value=_word(column, entry[key]))


def fill(book_path: Path, spec: dict[str, Any]) -> None:
    """Fill the template at ``book_path`` from a spec's data, as a clerk would."""
    book = openpyxl.load_workbook(book_path)
    congress = book["Đại hội"]
    lines = iter(spec["congress"].get("letterhead", []))
    for number, row in enumerate(CONGRESS_ROWS, start=2):
        value: Any = spec
        for part in row.path:
            value = value.get(part) if isinstance(value, dict) else None
        if row.kind == "line":
            value = next(lines, None)
        if value is not None:
            congress.cell(row=number, column=2, value=_word(row, value))
    board = book["Ban kiểm phiếu"]
    for number, member in enumerate(spec["board"], start=2):
        _put(board, number, BOARD_COLUMNS, member)
    contests = book["Cuộc bầu"]
    contests.delete_rows(2)
    del book["BCH"]
    for number, contest in enumerate(spec["contest"], start=2):
        _put(contests, number, CONTEST_COLUMNS, contest)
        name = f"DS {contest['id']}"
        contests.cell(row=number, column=_LIST, value=name)
        listed = book.create_sheet(name)
        for place, header in enumerate(CANDIDATE_COLUMNS, start=1):
            listed.cell(row=1, column=place, value=header.header("vi"))
        for line, person in enumerate(contest["candidates"], start=2):
            entry = {"name": person} if isinstance(person, str) else person
            _put(listed, line, CANDIDATE_COLUMNS, entry)
    book.save(book_path)


def _row(key: str) -> int:
    """The row of the ``Đại hội`` sheet holding the item ``key``."""
    return 2 + [row.key for row in CONGRESS_ROWS].index(key)


def _copy_example(name: str, folder: Path) -> dict[str, Any]:
    shutil.copytree(ROOT / "examples" / name, folder)
    return tomllib.loads((folder / "congress.toml").read_text(encoding="utf-8"))


def _templated(folder: Path, spec: dict[str, Any]) -> Path:
    book = folder / "dai_hoi.xlsx"
    assert main(["template", str(book)]) == EXIT_OK
    fill(book, spec)
    return book


@pytest.mark.parametrize("name", PLAIN_EXAMPLES)
def test_a_filled_template_counts_as_the_toml_spec(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / name
    spec = _copy_example(name, folder)
    book = _templated(folder, spec)
    from_toml = load_congress(folder / "congress.toml")
    from_book = load_congress(book)
    assert from_book == from_toml
    counted = run_congress(from_book, BallotFiles(from_book, folder, None, None))
    assert counted == run_congress(from_toml, BallotFiles(from_toml, folder, None, None))
    # the same through `tally spec` and `tally count`, as a board runs them
    assert main(["spec", str(book), "-o", str(folder / "from_book.toml")]) == EXIT_OK
    assert load_congress(folder / "from_book.toml") == from_toml
    assert main(["count", str(book), "--format", "json", "-o", str(folder / "a.json")]) == EXIT_OK
    toml_json = folder / "b.json"
    spec_path = str(folder / "congress.toml")
    assert main(["count", spec_path, "--format", "json", "-o", str(toml_json)]) == EXIT_OK
    assert (folder / "a.json").read_text() == toml_json.read_text()
    capsys.readouterr()


def test_a_toml_spec_takes_its_list_from_a_sheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "district"
    spec = _copy_example("district_congress", folder)
    book = _templated(folder, {**spec, "contest": spec["contest"][:1]})
    text = (folder / "congress.toml").read_text(encoding="utf-8")
    start = text.index("candidates = [", text.index('id = "bch"'))
    end = text.index("\n\n", start)
    referenced = (
        text[:start] + 'candidates = { file = "dai_hoi.xlsx", sheet = "DS bch" }' + text[end:]
    )
    (folder / "by_sheet.toml").write_text(referenced, encoding="utf-8")
    assert load_congress(folder / "by_sheet.toml") == load_congress(folder / "congress.toml")
    # the workbook is an input: no command writes over it
    spec_path = str(folder / "by_sheet.toml")
    assert main(["count", spec_path, "--format", "xlsx", "-o", str(book)]) == EXIT_BAD_INPUT
    assert openpyxl.load_workbook(book).sheetnames  # still the clerk's workbook
    capsys.readouterr()


def _broken(tmp_path: Path, change: Any) -> TallyError:
    folder = tmp_path / "tu"
    spec = _copy_example("trade_union", folder)
    book = _templated(folder, spec)
    loaded = openpyxl.load_workbook(book)
    change(loaded)
    loaded.save(book)
    with pytest.raises(TallyError) as caught:
        load_congress(book)
    return caught.value


@pytest.mark.parametrize(
    ("change", "sheet", "cell", "words"),
    [
        (lambda b: b["DS bch"].cell(3, 2, "12/03/1975"), "DS bch", "B3", "dạng ngày"),
        (lambda b: b["DS bch"].cell(4, 1, b["DS bch"]["A2"].value), "DS bch", "A4", "A2"),
        (lambda b: b["DS bch"].merge_cells("H2:H3"), "DS bch", "H2:H3", "gộp"),
        (lambda b: b["DS bch"].cell(2, 3, "N"), "DS bch", "C2", "Nam, Nữ"),
        (lambda b: b["Cuộc bầu"].cell(2, 4, "chín"), "Cuộc bầu", "D2", "số nguyên"),
        (lambda b: b["Cuộc bầu"].cell(2, 4, 9.5), "Cuộc bầu", "D2", "số nguyên"),
        (
            lambda b: b["Đại hội"].cell(_row("present"), 2, 10_000),
            "Đại hội",
            f"B{_row('present')}",
            "10000",
        ),
        (lambda b: b["Cuộc bầu"].cell(2, _LIST, "Không có"), "Cuộc bầu", "L2", "Không có"),
        (lambda b: b["DS bch"].cell(1, 9, "Quê quán"), "DS bch", "I1", "Quê quán"),
        (
            lambda b: b["Đại hội"].cell(_row("date"), 2, dt.datetime(2025, 7, 1, 9)),
            "Đại hội",
            f"B{_row('date')}",
            "ngày",
        ),
        # found by an adversarial try at the reader
        (lambda b: b["DS bch"].cell(3, 1, '="Lê Văn A"'), "DS bch", "A3", "công thức"),
        (lambda b: b["Đại hội"].cell(_row("term"), 2, "#REF!"), "Đại hội", "B3", "#REF!"),
        (lambda b: b["DS bch"].cell(1, 9, "Giới tính"), "DS bch", "I1", "C1"),
        (lambda b: b["Đại hội"].cell(40, 1, "Số có mặt"), "Đại hội", "A40", "hai lần"),
        (lambda b: b["DS bch"].cell(3, 10, "Rút tên"), "DS bch", "J3", "tiêu đề"),
        (lambda b: b["DS bch"].cell(900_000, 10, "x"), "DS bch", "J900000", "tiêu đề"),
        (lambda b: b["DS bch"].cell(3, 1, "Lê Văn\u202eA"), "DS bch", "A3", "chữ cái"),
        (lambda b: b["Cuộc bầu"].cell(2, _LIST, "Đại hội"), "Cuộc bầu", "L2", "của mẫu"),
        (lambda b: b["Cuộc bầu"].cell(2, 7, 1e300), "Cuộc bầu", "G2", "số nguyên"),
        (lambda b: b["DS bch"].cell(3, 1, True), "DS bch", "A3", "phải là chữ"),
    ],
)
def test_a_clerks_mistake_is_named_by_sheet_and_cell(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: Any,
    sheet: str | None,
    cell: str | None,
    words: str,
) -> None:
    error = _broken(tmp_path, change)
    capsys.readouterr()
    assert (error.where.sheet, error.where.cell) == (sheet, cell)
    assert error.where.file is not None and error.where.file.endswith("dai_hoi.xlsx")
    assert words in error.message("vi")
    assert error.message("en") != error.message("vi")


def test_a_damaged_workbook_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "hong.xlsx"
    book.write_bytes(template_bytes()[:500])
    out = tmp_path / "spec.toml"
    assert main(["spec", str(book), "-o", str(out)]) == EXIT_BAD_INPUT
    assert "hong.xlsx" in capsys.readouterr().err
    assert not out.exists()


def test_english_headers_are_read_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "yu"
    spec = _copy_example("youth_union", folder)
    book = folder / "en.xlsx"
    assert main(["template", str(book), "--lang", "en"]) == EXIT_OK
    loaded = openpyxl.load_workbook(book)
    assert loaded.sheetnames[:3] == ["Congress", "Counting board", "Contests"]
    for title, vi in (("Congress", "Đại hội"), ("Counting board", "Ban kiểm phiếu")):
        loaded[title].title = vi
    loaded["Contests"].title = "Cuộc bầu"
    loaded.save(book)
    fill(book, spec)
    data, _ = read_workbook_spec(book)
    assert data["congress"]["name"] == spec["congress"]["name"]
    capsys.readouterr()


_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
_plain = st.recursive(
    st.one_of(st.booleans(), st.integers(), _text, st.dates()),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(_text, inner, min_size=1, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=200)
@given(st.dictionaries(_text, _plain, max_size=4))
def test_toml_text_reads_back_equal(data: dict[str, Any]) -> None:
    assert tomllib.loads(toml_text(data)) == data


def test_a_board_types_in_either_composition_of_letters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Vietnamese keyboards may send a letter and its accents apart (NFD): headers, sheets
    and choices are read the same as when typed whole."""
    folder = tmp_path / "tu"
    spec = _copy_example("trade_union", folder)
    book = _templated(folder, spec)
    loaded = openpyxl.load_workbook(book)
    sheet = loaded["DS bch"]
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, 3).value:
            sheet.cell(row, 3, unicodedata.normalize("NFD", sheet.cell(row, 3).value))
    sheet.cell(1, 3, unicodedata.normalize("NFD", "Giới tính"))
    loaded.save(book)
    assert load_congress(book) == load_congress(folder / "congress.toml")
    capsys.readouterr()


def test_files_a_workbook_command_must_not_touch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "tu"
    spec = _copy_example("trade_union", folder)
    book = _templated(folder, spec)
    before = book.read_bytes()
    assert main(["template", str(book)]) == EXIT_BAD_INPUT  # a filled workbook is kept
    assert book.read_bytes() == before
    ballots = folder / "ballots_bch.csv"
    kept = ballots.read_bytes()
    assert main(["spec", str(book), "-o", str(ballots)]) == EXIT_BAD_INPUT
    assert ballots.read_bytes() == kept
    assert main(["spec", str(folder / "khong_co.xlsx"), "-o", str(folder / "x.toml")]) == 3
    assert main(["spec", str(folder / "cu.xls"), "-o", str(folder / "x.toml")]) == 3
    assert "xlsx" in capsys.readouterr().err
