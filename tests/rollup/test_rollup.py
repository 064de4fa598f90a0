"""`tally rollup`: many congresses' results into one set of tables — each congress once, the
totals the sum of the parts, repeated files reported, conflicting ones refused, nothing
half-written."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tally.cli.main import EXIT_BAD_INPUT, EXIT_BAD_LOG, EXIT_OK, main
from tally.congress.composition import BodyTargets, Targets
from tally.congress.run import CongressRecord
from tally.errors import InputFileError
from tally.io.results_json import load_record
from tally.model.bodies import Body
from tally.rollup.collect import collect, expand
from tally.rollup.tables import (
    COMPOSITION_COLUMNS,
    PROGRESS_COLUMNS,
    candidate_rows,
    composition_rows,
    progress_row,
    roll_up,
    totals,
)
from tally.rollup.units import units_from_csv_text
from tally.rollup.write import csv_bytes, csv_text
from tally.testing import congresses

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ("youth_union", "trade_union", "peoples_council", "by_election", "district_congress")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def results(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[Path]:
    paths = []
    for name in EXAMPLES:
        path = tmp_path / f"{name}.json"
        assert main(
            [
                "count",
                str(ROOT / "examples" / name / "congress.toml"),
                "--format",
                "json",
                "-o",
                str(path),
            ]
        ) in (EXIT_OK,)
        paths.append(path)
    log = tmp_path / "direct.jsonl"
    main(["count", str(ROOT / "examples" / "direct_election" / "congress.toml"), "--log", str(log)])
    capsys.readouterr()
    return [*paths, log]


def test_the_examples_roll_up_into_three_tables(
    results: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tinh.csv"
    assert main(["rollup", *map(str, results), "-o", str(out)]) == EXIT_OK
    err = capsys.readouterr().err
    assert "Đã tổng hợp 6 đại hội vào 3 tệp." in err
    progress = _rows(tmp_path / "tinh.progress.csv")
    assert len(progress) == 6
    district = next(r for r in progress if "Yên Sơn" in r["congress"])
    assert (district["contests"], district["seats"], district["seats_open"]) == ("3", "67", "0")
    candidates = _rows(out)
    mai = next(r for r in candidates if r["candidate"] == "Nguyễn Thị Mai")
    assert (mai["votes"], mai["base"], mai["share"], mai["result"]) == (
        "23",
        "28",
        "82.14",
        "elected",
    )
    # the log's congress is there, rebuilt from its events: the BCH's two rounds
    rounds = {
        r["round"]
        for r in candidates
        if "Tân Lập lần thứ I" in r["congress"] and r["contest"] == "bch"
    }
    assert rounds == {"1", "2"}
    composition = _rows(tmp_path / "tinh.composition.csv")
    bch = next(r for r in composition if "Yên Sơn" in r["congress"] and r["contest"] == "bch")
    assert (bch["size"], bch["women"]) == ("41", "10")


def test_the_same_congress_twice_is_kept_once_and_reported(
    results: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    again = tmp_path / "youth_again.json"
    shutil.copy(results[0], again)
    out = tmp_path / "tinh.csv"
    assert main(["rollup", str(results[0]), str(again), "-o", str(out)]) == EXIT_OK
    err = capsys.readouterr().err
    assert "Đã tổng hợp 1 đại hội" in err and "youth_again.json" in err
    assert len(_rows(tmp_path / "tinh.progress.csv")) == 1


def test_two_different_results_for_one_congress_are_refused_naming_both(
    results: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "other"
    shutil.copytree(ROOT / "examples" / "youth_union", folder)
    ballots = folder / "ballots_bt.csv"
    ballots.write_text(
        ballots.read_text(encoding="utf-8").replace("BT-001,1,,,", "BT-001,,1,,"), encoding="utf-8"
    )
    other = tmp_path / "other.json"
    main(["count", str(folder / "congress.toml"), "--format", "json", "-o", str(other)])
    capsys.readouterr()
    out = tmp_path / "tinh.csv"
    assert main(["rollup", str(results[0]), str(other), "-o", str(out)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "other.json" in err and "youth_union.json" in err and "Đại hội Chi đoàn Khu phố 3" in err
    assert not out.exists()


def test_damaged_inputs_are_located_and_nothing_is_written(
    results: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tinh.csv"
    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({"hello": 1}), encoding="utf-8")
    assert main(["rollup", str(results[0]), str(foreign), "-o", str(out)]) == EXIT_BAD_INPUT
    assert "foreign.json" in capsys.readouterr().err and not out.exists()
    log = results[-1]
    lines = log.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace('"', "'", 1)  # a byte changed in the fourth event
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["rollup", str(log), "-o", str(out)]) == EXIT_BAD_LOG
    assert not out.exists()
    assert main(["rollup", str(results[0]), "-o", str(results[1])]) == EXIT_BAD_INPUT  # an input
    assert main(["rollup", str(results[0]), "-o", str(tmp_path / "x.ods")]) == EXIT_BAD_INPUT
    capsys.readouterr()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(congresses(max_committee=11, max_voters=40), min_size=1, max_size=4))
def test_the_totals_are_the_sum_of_the_parts(cases: list) -> None:  # type: ignore[type-arg]
    records: list[CongressRecord] = [case.record for case in cases]
    rows = [progress_row(record) for record in records]
    summed = totals(rows, PROGRESS_COLUMNS)
    assert summed["seats"] == sum(c.seats for r in records for c in r.contests)
    assert summed["seats_filled"] == sum(len(c.elected) for r in records for c in r.contests)
    assert summed["seats_open"] == summed["seats"] - summed["seats_filled"]
    assert (
        summed["contests"]
        == summed["complete"] + summed["awaiting_ballots"] + summed["awaiting_decision"]
    )
    candidates = [row for record in records for row in candidate_rows(record)]
    assert len(candidates) == sum(
        len(result.outcome.standings) for r in records for c in r.contests for result in c.rounds
    )
    assert sum(row["result"] == "elected" for row in candidates) == summed["seats_filled"]


def test_parquet_is_queried_by_duckdb_as_a_department_asks(
    results: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "tinh.parquet"
    assert main(["rollup", *map(str, results), "-o", str(out)]) == EXIT_OK
    capsys.readouterr()
    progress = str(tmp_path / "tinh.progress.parquet")
    by_level = duckdb.sql(
        f"select level, count(*) as congresses, sum(seats_open) as open "
        f"from '{progress}' group by level order by level"
    ).fetchall()
    assert by_level == [("", 5, 0), ("commune", 1, 0)]
    women = duckdb.sql(
        f"select sum(women), sum(size) from '{tmp_path / 'tinh.composition.parquet'}' "
        "where body = 'executive_committee'"
    ).fetchall()[0]
    assert women == (21, 63)  # district 10 of 41, direct election 7 of 15, trade union 4 of 7
    elected = duckdb.sql(
        f"select count(*) from '{out}' where result = 'elected' and votes * 2 > base"
    ).fetchall()[0]
    # every elected candidate above half of the base, except in a re-vote decided by votes
    total = duckdb.sql(f"select count(*) from '{out}' where result = 'elected'").fetchall()[0]
    assert elected == total
    types = {row[0]: row[1] for row in duckdb.sql(f"describe select * from '{out}'").fetchall()}
    assert types["votes"] == "BIGINT" and types["share"] == "DOUBLE"
    # the same rows as the CSV roll-up
    csv_out = tmp_path / "tinh.csv"
    main(["rollup", *map(str, results), "-o", str(csv_out)])
    capsys.readouterr()
    assert len(_rows(csv_out)) == duckdb.sql(f"select count(*) from '{out}'").fetchall()[0][0]


def test_each_body_is_checked_against_its_own_targets(
    results: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The direct election's BTV has a table of its own (women 20%) in place of the defaults
    (women 20%, minorities 10%, under 40 15%); a target not set is empty."""
    out = tmp_path / "tinh.csv"
    assert main(["rollup", *map(str, results), "-o", str(out)]) == EXIT_OK
    capsys.readouterr()
    rows = _rows(tmp_path / "tinh.composition.csv")
    assert tuple(rows[0]) == COMPOSITION_COLUMNS
    direct = {r["contest"]: r for r in rows if "Tân Lập lần thứ I" in r["congress"]}
    targets = ("women", "minorities", "under_40", "new")

    def checked(row: dict[str, str]) -> list[tuple[str, str]]:
        return [(row[f"{t}_target"], row[f"{t}_met"]) for t in targets]

    assert checked(direct["bch"]) == [("20", "True"), ("10", "True"), ("15", "True"), ("", "")]
    assert checked(direct["btv"]) == [("20", "True"), ("", ""), ("", ""), ("", "")]
    district = next(r for r in rows if "Yên Sơn" in r["congress"] and r["contest"] == "bch")
    assert (district["women"], district["size"], district["women_target"]) == ("10", "41", "15")
    assert district["women_met"] == "True"  # 1000 >= 615


def test_a_target_is_met_in_integers_and_never_summed() -> None:
    """3 women of 9 meet 33% (300 >= 297) and miss 34% (300 < 306)."""
    record = load_record(ROOT / "tests" / "golden" / "record_before_body_targets.json")

    def row(targets: Targets) -> dict[str, object]:
        congress = record.congress.model_copy(update={"targets": targets})
        rows = composition_rows(record.model_copy(update={"congress": congress}))
        return next(r for r in rows if r["contest"] == "bch")

    assert (
        row(Targets(women_percent=33))["women_met"],
        row(Targets(women_percent=34))["women_met"],
    ) == (True, False)
    own = Targets(
        women_percent=34, by_body={Body.EXECUTIVE_COMMITTEE: BodyTargets(women_percent=33)}
    )
    assert (row(own)["women_target"], row(own)["women_met"]) == (33, True)
    assert (row(Targets())["women_target"], row(Targets())["women_met"]) == (None, None)
    summed = totals(list(composition_rows(record)), COMPOSITION_COLUMNS)
    assert summed["size"] == 12 and "women_target" not in summed


def test_parquet_types_targets_as_integers_and_met_as_booleans(
    results: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "tinh.parquet"
    assert main(["rollup", *map(str, results), "-o", str(out)]) == EXIT_OK
    capsys.readouterr()
    composition = tmp_path / "tinh.composition.parquet"
    types = {
        row[0]: row[1] for row in duckdb.sql(f"describe select * from '{composition}'").fetchall()
    }
    assert (types["women_target"], types["women_met"]) == ("BIGINT", "BOOLEAN")
    assert (types["new_target"], types["new_met"]) == ("BIGINT", "BOOLEAN")
    missed = duckdb.sql(
        f"select contest, minorities_target, minorities_met from '{composition}' "
        "where congress like '%Tân Lập lần thứ I%' order by contest"
    ).fetchall()
    assert missed == [("bch", 10, True), ("btv", None, None)]


def test_a_plan_of_units_lists_the_congresses_not_yet_reported(
    results: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "don_vi.csv"
    plan.write_text(
        "đơn vị,cấp,ngày dự kiến\n"
        "Đại hội Chi đoàn Khu phố 3,,2025-09-14\n"  # reported: a spec with no unit is its name
        "Đảng bộ xã Hòa Bình,commune,2025-07-01\n",
        encoding="utf-8",
    )
    out = tmp_path / "tinh.csv"
    assert main(["rollup", str(results[0]), "--plan", str(plan), "-o", str(out)]) == EXIT_OK
    capsys.readouterr()
    progress = _rows(tmp_path / "tinh.progress.csv")
    assert [(r["unit"], r["reported"]) for r in progress] == [
        ("Đại hội Chi đoàn Khu phố 3", "True"),
        ("Đảng bộ xã Hòa Bình", "False"),
    ]
    waiting = progress[1]
    assert (waiting["level"], waiting["planned_date"], waiting["contests"]) == (
        "commune",
        "2025-07-01",
        "0",
    )
    plan.write_text("đơn vị,cấp\nĐảng bộ xã Hòa Bình,huyện\n", encoding="utf-8")
    assert main(["rollup", str(results[0]), "--plan", str(plan), "-o", str(out)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "don_vi.csv, dòng 2" in err and "'huyện'" in err


def test_a_spec_names_its_unit_for_the_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "xa"
    shutil.copytree(ROOT / "examples" / "by_election", folder)
    spec = folder / "congress.toml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace(
            'level = "commune"', 'level = "commune"\nunit = "Đảng bộ xã Tân Lập"'
        ),
        encoding="utf-8",
    )
    record = tmp_path / "xa.json"
    assert main(["count", str(spec), "--format", "json", "-o", str(record)]) == EXIT_OK
    plan = tmp_path / "don_vi.csv"
    plan.write_text("unit,level\nĐảng bộ xã Tân Lập,commune\n", encoding="utf-8")
    out = tmp_path / "tinh.csv"
    assert main(["rollup", str(record), "--plan", str(plan), "-o", str(out)]) == EXIT_OK
    capsys.readouterr()
    (row,) = _rows(tmp_path / "tinh.progress.csv")
    assert (row["unit"], row["reported"], row["contests"]) == ("Đảng bộ xã Tân Lập", "True", "2")


def test_a_folder_stands_for_its_results_in_name_order(results: list[Path], tmp_path: Path) -> None:
    folder = tmp_path / "huyen"
    (folder / "xa").mkdir(parents=True)
    for path in reversed(results):
        shutil.copy(path, folder / path.name)
    (folder / "notes.txt").write_text("not a result", encoding="utf-8")
    shutil.copy(results[0], folder / "xa" / "deeper.json")  # a subfolder's are not taken
    expanded = expand([results[0], folder])
    assert expanded == [results[0], *sorted(folder / p.name for p in results)]
    assert expand([folder / "xa" / "deeper.json"]) == [folder / "xa" / "deeper.json"]


@pytest.mark.parametrize("workers", [1, 2])
def test_the_streamed_roll_up_has_the_rows_of_the_records(
    results: list[Path], tmp_path: Path, workers: int
) -> None:
    again = tmp_path / "again.json"
    shutil.copy(results[1], again)
    paths = [*results, again]
    plan = units_from_csv_text("unit,level\nĐảng bộ xã Hòa Bình,commune\n")
    done = roll_up(paths, plan, workers=workers)
    gathered = collect(paths)
    records = [reported.record for reported in gathered.congresses]
    assert done.congresses == len(records) == 6
    assert done.duplicates == gathered.duplicates
    tables = {name: rows for name, (rows, _) in done.tables.items()}
    assert tables["candidates"] == [row for r in records for row in candidate_rows(r)]
    assert tables["composition"] == [row for r in records for row in composition_rows(r)]
    assert tables["progress"][:-1] == [progress_row(r) for r in records]
    assert tables["progress"][-1]["unit"] == "Đảng bộ xã Hòa Bình"


@pytest.mark.parametrize("workers", [1, 2])
def test_the_streamed_roll_up_refuses_what_collect_refuses(
    results: list[Path], tmp_path: Path, workers: int
) -> None:
    damaged = tmp_path / "damaged.json"
    damaged.write_text(
        results[1].read_text(encoding="utf-8").replace('"present": ', '"present": 1', 1),
        encoding="utf-8",
    )
    paths = [results[0], damaged, *results[2:]]
    with pytest.raises(InputFileError) as expected:
        collect(paths)
    with pytest.raises(InputFileError) as streamed:
        roll_up(paths, workers=workers)
    assert streamed.value.message("en") == expected.value.message("en")
    assert "damaged.json" in streamed.value.message("en")
    with pytest.raises(InputFileError) as nothing:
        roll_up([], workers=workers)
    assert nothing.value.code == "rollup.no_input"


def test_csv_is_built_as_bytes_the_same_as_text() -> None:
    rows: list[dict[str, object]] = [
        {"unit": "Xã Tân Lập", "seats": 9},
        {"unit": 'a "quoted", name', "seats": None},
    ]
    assert csv_bytes(rows, ("unit", "seats")) == csv_text(rows, ("unit", "seats")).encode()


def test_a_folder_stands_for_its_results(
    results: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ket_qua"
    folder.mkdir()
    for path in results:
        shutil.copy(path, folder / path.name)
    out = tmp_path / "tinh.csv"
    assert main(["rollup", str(folder), "-o", str(out), "--workers", "2"]) == EXIT_OK
    assert "Đã tổng hợp 6 đại hội" in capsys.readouterr().err
    assert len(_rows(tmp_path / "tinh.progress.csv")) == 6
