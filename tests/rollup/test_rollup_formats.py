"""`tally rollup` in every output format: drawn congresses (and the bundled examples) rolled
up to CSV, Parquet and a workbook hold the same rows, and the workbook's summary gives totals
equal to the sum of the parts; the workbook prints on A4 and carries its two charts."""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tally.cli.main import EXIT_OK, main
from tally.congress.composition import BodyTargets, Targets
from tally.congress.run import CongressRecord
from tally.model.bodies import Body
from tally.rollup.charts import code_words
from tally.rollup.tables import candidate_rows, composition_rows, progress_row, roll_up
from tally.rollup.workbook import TARGETED, column_header, rollup_workbook, target_totals
from tally.testing import congresses

openpyxl = pytest.importorskip("openpyxl")
pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parents[2]


def _named(record: CongressRecord, number: int) -> CongressRecord:
    """The record as the congress of unit ``number`` (drawn congresses share one name), two in
    three with composition targets (the BTV's its own)."""
    targets = Targets(
        women_percent=10 * (number % 4),
        under_40_percent=20,
        by_body={Body.STANDING_COMMITTEE: BodyTargets(women_percent=30)},
    )
    congress = record.congress.model_copy(
        update={
            "name": f"Đại hội Đảng bộ xã {number}",
            "date": dt.date(2025, 7, 1),
            "targets": targets if number % 3 else None,
        }
    )
    return record.model_copy(update={"congress": congress})


def _target(header: str) -> str:
    """The composition column whose header is ``header``."""
    return next(t for t in TARGETED if column_header(t) == header)


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _summary(book: Any) -> dict[str, Any]:
    sheet = book.worksheets[0]
    return {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if len(row) > 1 and row[0]}


def _rolled(records: list[CongressRecord], folder: Path) -> dict[str, Path]:
    inputs = []
    for number, record in enumerate(records, start=1):
        path = folder / f"dh{number}.json"
        path.write_text(record.model_dump_json(), encoding="utf-8")
        inputs.append(str(path))
    outputs = {}
    for suffix in ("csv", "parquet", "xlsx"):
        out = folder / f"tinh.{suffix}"
        assert main(["rollup", *inputs, "-o", str(out)]) == EXIT_OK
        outputs[suffix] = out
    return outputs


def _check_formats(records: list[CongressRecord], folder: Path) -> None:
    out = _rolled(records, folder)
    candidates = [row for record in records for row in candidate_rows(record)]
    progress = [progress_row(record) for record in records]
    composition = [row for record in records for row in composition_rows(record)]
    book = openpyxl.load_workbook(out["xlsx"], read_only=True)
    sheets = {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    for name, rows, sheet in (
        ("", candidates, "Kết quả bầu cử"),
        (".progress", progress, "Tiến độ"),
        (".composition", composition, "Cơ cấu"),
    ):
        assert len(_csv(folder / f"tinh{name}.csv")) == len(rows)
        assert pq.read_table(folder / f"tinh{name}.parquet").num_rows == len(rows)
        assert len(sheets[sheet]) == len(rows) + 1  # the header row
    summary = _summary(book)
    assert summary["Số đại hội đã báo cáo"] == len(records)
    for column in ("contests", "complete", "seats", "seats_filled", "seats_open"):
        assert summary[column_header(column)] == sum(row[column] for row in progress)
    summary_rows = sheets["Tổng hợp"]
    titles = [row[0] if row else None for row in summary_rows]
    start = titles.index("Cơ cấu theo cơ quan được bầu")
    end = titles.index("Chỉ tiêu cơ cấu theo cơ quan") if target_totals(composition, "vi") else None
    by_label = {row[0]: row for row in summary_rows[start:end] if row and row[0]}
    for body in {r["body"] for r in composition}:
        rows_of = [r for r in composition if r["body"] == body]
        size = sum(r["size"] for r in rows_of)
        women = sum(r["women"] for r in rows_of)
        line = by_label[code_words(Body, body)]
        assert line[1:5] == (
            len(rows_of),
            size,
            women,
            (20_000 * women + size) // (2 * size) / 100,  # half up,
        )
    for body, target, had, met in target_totals(composition, "vi"):
        rows_of = [
            r
            for r in composition
            if code_words(Body, r["body"]) == body and column_header(_target(target)) == target
        ]
        assert had == sum(r[f"{_target(target)}_target"] is not None for r in rows_of)
        assert met == sum(r[f"{_target(target)}_met"] is True for r in rows_of)
        assert (body, target, had, met) in [row[:4] for row in sheets["Tổng hợp"]]
    table = sheets["Kết quả bầu cử"]
    votes = table[0].index(column_header("votes"))
    assert sum(row[votes] for row in table[1:]) == sum(row["votes"] for row in candidates)
    book.close()


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
    phases=[
        Phase.explicit,
        Phase.reuse,
        Phase.generate,
    ],  # a roll-up of 40 congresses shrinks for minutes
)
@given(cases=st.lists(congresses(max_committee=11, max_voters=30), min_size=20, max_size=40))
def test_every_format_holds_the_sum_of_the_parts(cases: list, tmp_path_factory: Any) -> None:  # type: ignore[type-arg]
    folder = tmp_path_factory.mktemp("formats")
    _check_formats([_named(case.record, i) for i, case in enumerate(cases, start=1)], folder)


def test_the_examples_workbook_prints_on_a4_with_its_charts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = []
    for name in ("district_congress", "trade_union", "youth_union"):
        path = tmp_path / f"{name}.json"
        spec = ROOT / "examples" / name / "congress.toml"
        assert main(["count", str(spec), "--format", "json", "-o", str(path)]) == EXIT_OK
        inputs.append(str(path))
    out = tmp_path / "tinh.xlsx"
    assert main(["rollup", *inputs, "-o", str(out), "--lang", "en"]) == EXIT_OK
    assert "tinh.xlsx" in capsys.readouterr().err
    with zipfile.ZipFile(out) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/media/")]
    assert len(charts) == 2
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Summary", "Progress", "Composition", "Candidates"]
    for sheet in book.worksheets:
        assert int(sheet.page_setup.paperSize) == 9 and sheet.print_title_rows
    progress = list(book["Progress"].iter_rows(values_only=True))
    assert progress[0][:3] == ("Unit", "Reported", "Planned date")
    assert {row[1] for row in progress[1:]} == {"Yes"}
    candidates = list(book["Candidates"].iter_rows(values_only=True))
    results = {row[candidates[0].index("Result")] for row in candidates[1:]}
    assert results <= {"Elected", "Alternate", "Not elected"} and "Elected" in results


def test_the_streamed_workbook_is_the_workbook_of_the_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`tally rollup -o X.xlsx` writes each congress's candidates as it is read; the workbook
    is the one the tables give (`rollup_workbook`), cell for cell."""
    paths = []
    for name in ("district_congress", "trade_union", "youth_union", "peoples_council"):
        path = tmp_path / f"{name}.json"
        spec = ROOT / "examples" / name / "congress.toml"
        assert main(["count", str(spec), "--format", "json", "-o", str(path)]) == EXIT_OK
        paths.append(path)
    streamed = tmp_path / "streamed.xlsx"
    assert main(["rollup", *map(str, paths), "-o", str(streamed)]) == EXIT_OK
    capsys.readouterr()
    whole = tmp_path / "whole.xlsx"
    whole.write_bytes(rollup_workbook(roll_up(paths).tables))
    one, other = openpyxl.load_workbook(streamed), openpyxl.load_workbook(whole)
    assert one.sheetnames == other.sheetnames
    for name in one.sheetnames:
        assert list(one[name].values) == list(other[name].values)
