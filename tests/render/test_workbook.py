"""`tally count --format xlsx`: the workbook read back with openpyxl holds every figure of the
JSON result — each round's ballots, base and votes, shares rounded as the minutes round them,
who was elected — as numbers, and prints on A4 with its header row repeated."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tally.cli.main import EXIT_OK, EXIT_USAGE, main
from tally.io.results_json import load_record
from tally.render.workbook import percent_format

openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = (
    "district_congress",
    "direct_election",
    "delegate_congress",
    "youth_union",
    "trade_union",
    "peoples_council",
    "by_election",
)


def _count(name: str, fmt: str, out: Path, *extra: str) -> None:
    spec = ROOT / "examples" / name / "congress.toml"
    assert main(["count", str(spec), "--format", fmt, "-o", str(out), *extra]) == EXIT_OK


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_workbook_holds_every_figure_of_the_json(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _count(name, "json", tmp_path / "r.json")
    _count(name, "xlsx", tmp_path / "r.xlsx")
    capsys.readouterr()
    record = load_record(tmp_path / "r.json")
    percent = record.congress.rules.percent
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    summary = book.worksheets[0]
    assert summary.title == "Tổng hợp"
    _, contests = _table(summary, "TT")
    assert len(contests) == len(record.contests)
    _, roll = _table(summary, None, after="Thành phần", column=1)
    assert [r[1] for r in roll] == [
        record.congress.roll.convened,
        record.congress.roll.deducted,
        record.congress.roll.present,
        record.congress.roll.base,
    ]
    for row, contest, sheet in zip(contests, record.contests, book.worksheets[1:], strict=False):
        assert row[2:6] == [
            contest.seats,
            len(contest.rounds),
            len(contest.elected),
            contest.open_seats,
        ]
        assert row[7] == ", ".join(contest.elected)
        assert (row[8] or "") == ", ".join(contest.alternates)
        headers, standings = _table(sheet, "Vòng")
        share = headers.index("Tỷ lệ so với căn cứ (%)")
        expected = [
            (r.contest.round, s.number, s.name, s.votes, r.outcome.base)
            for r in contest.rounds
            for s in r.outcome.standings
        ]
        assert [tuple(s[:4]) for s in standings] == [e[:4] for e in expected]
        for standing, (*_, votes, base) in zip(standings, expected, strict=True):
            printed = percent.format(votes, base).replace(",", ".")
            assert standing[share] == pytest.approx(float(printed), abs=1e-9)
            assert isinstance(standing[3], int) and not isinstance(standing[3], bool)
            cell_format = _cell(sheet, standing[2], share).number_format
            assert cell_format == percent_format(percent.decimals)
        _, rounds = _table(sheet, None, after="Số phiếu từng vòng")
        assert rounds == [
            [
                r.contest.round,
                r.contest.seats,
                r.issued,
                r.count.collected,
                r.count.valid,
                r.count.invalid,
                r.outcome.base,
                r.outcome.min_votes,
                len(r.outcome.elected),
            ]
            for r in contest.rounds
        ]


def test_the_composition_sheet_gives_the_summarys_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _count("district_congress", "json", tmp_path / "r.json")
    _count("district_congress", "xlsx", tmp_path / "r.xlsx")
    capsys.readouterr()
    record = load_record(tmp_path / "r.json")
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["Cơ cấu"]
    _, rows = _table(sheet, "Cuộc bầu")
    made = record.composition("bch", record.congress.targets)
    assert rows[0][:12] == [
        "Ban Chấp hành",
        made.size,
        made.women,
        made.men,
        made.gender_unknown,
        made.minorities,
        *made.age_bands.values(),
        made.reelected,
        made.new,
    ]
    _, findings = _table(sheet, None, after="Chỉ tiêu cơ cấu")
    bch = [f for f in findings if f[0] == "Ban Chấp hành"]
    assert [(f[2], f[3], f[4], f[6]) for f in bch] == [
        (f.required_percent, f.count, f.size, "Đạt" if f.met else "Chưa đạt") for f in made.findings
    ]


def test_every_sheet_prints_on_a4_with_its_header_repeated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _count("direct_election", "xlsx", tmp_path / "r.xlsx", "--lang", "en")
    capsys.readouterr()
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames[0] == "Summary" and "Composition" in book.sheetnames
    for sheet in book.worksheets:
        assert int(sheet.page_setup.paperSize) == 9  # A4 in the OOXML paper codes
        assert sheet.page_setup.fitToWidth == 1
        header = int(sheet.print_title_rows.split(":")[0].strip("$"))
        assert sheet.freeze_panes == f"A{header + 1}"
        assert all(c.font.bold for c in sheet[header] if c.value is not None)
        assert all(sheet.column_dimensions[c.column_letter].width for c in sheet[header] if c.value)


def test_a_workbook_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    spec = ROOT / "examples" / "youth_union" / "congress.toml"
    with pytest.raises(SystemExit) as stop:
        main(["count", str(spec), "--format", "xlsx"])
    assert stop.value.code == EXIT_USAGE
    assert "-o" in capsys.readouterr().err


def test_one_contest_chosen_gives_its_sheet_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _count("direct_election", "xlsx", tmp_path / "r.xlsx", "--contest", "btv")
    capsys.readouterr()
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames == ["Tổng hợp", "Ban Thường vụ", "Cơ cấu"]


def _table(
    sheet: Any, first: str | None, after: str | None = None, column: int = 0
) -> tuple[list[Any], list[list[Any]]]:
    """A table of ``sheet``: its header row (the row starting with ``first``, or the row under
    the bold line ``after``) and its rows down to the first empty one, from ``column``."""
    rows = [list(r)[column:] for r in sheet.iter_rows(values_only=True)]
    if after is not None:
        start = next(i for i, r in enumerate(rows) if r[0] == after) + 1
    else:
        start = next(i for i, r in enumerate(rows) if r[0] == first)
    width = (
        max(i for i, h in enumerate(rows[start]) if h is not None) + 1
        if any(h is not None for h in rows[start])
        else 2
    )
    body = []
    for r in rows[start + 1 :]:
        if all(v is None for v in r):
            break
        body.append(r[:width])
    return rows[start][:width], body


def _cell(sheet: Any, name: str, column: int) -> Any:
    for row in sheet.iter_rows():
        if row[2].value == name:
            return row[column]
    raise AssertionError(name)
