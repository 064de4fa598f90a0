"""Every public entry point, given bad values, raises only :class:`TallyError` subclasses
(issue 11, point 14): never pydantic's ValidationError, a ValueError, KeyError,
AttributeError or a TypeError from deep inside.

Each entry point is called with good arguments in which one argument at a time is replaced by
a bad value (``None``, wrong types, negative and huge numbers, empty strings, NaN). A wrong
number of arguments is Python's own TypeError and is not tried. Pydantic models' constructors
(``Contest(...)``, ``Roll(...)``) keep pydantic's contract and are not walked here.
"""

from __future__ import annotations

import datetime as dt
import inspect
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import tally
from tally import (
    QC_190,
    BallotBuilder,
    Ballots,
    Body,
    CongressKind,
    Contest,
    Roll,
    TallyError,
    TieDecision,
    ballots_from_frame,
    count_contest,
    render_minutes,
    render_summary,
    run_congress,
)
from tally.audit import replay, stations
from tally.audit.session import CountingSession
from tally.counting.count import count_ballots
from tally.counting.outcome import decide
from tally.counting.result import reconcile, threshold_base
from tally.counting.validity import classify
from tally.io import ballots_csv, spec
from tally.io import results_json as results_io
from tally.model.contest import check_list
from tally.model.names import ballot_order_key, normalize_name, parse_name
from tally.model.roll import more_than_half

BAD: list[object] = [
    None,
    "",
    "   ",
    -1,
    0,
    2**70,
    -(2**70),
    math.nan,
    math.inf,
    1.5,
    True,
    "x",
    b"\x00",
    object(),
    [],
    [None],
    {},
    {"x": 1},
    np.int64(-3),
    np.array([[1, 2]]),
]

CONTEST = Contest(
    id="bch",
    body=Body.EXECUTIVE_COMMITTEE,
    seats=2,
    candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"],
)
ROLL = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=5, present=5)
BALLOTS = Ballots.from_arrays(CONTEST, [[1, 1, 0], [0, 1, 1], [1, 0, 1]])
COUNT = count_ballots(CONTEST, BALLOTS)
SPEC_TEXT = Path(__file__).parents[2] / "examples" / "direct_election" / "congress.toml"
CONGRESS = spec.load_congress(SPEC_TEXT)
RESULT = count_contest(CONTEST, BALLOTS, roll=ROLL, issued=3)


def _frame() -> Any:
    import pandas as pd

    return pd.DataFrame({"serial": ["01"], "1": [1], "2": [0], "3": [1]})


def clock() -> dt.datetime:
    return dt.datetime(2025, 6, 1, 9, 0, tzinfo=dt.UTC)


def _files(tmp: Path) -> dict[str, Path]:
    log = tmp / "a.jsonl"
    other = tmp / "b.jsonl"
    for path, station in ((log, "A"), (other, "B")):
        with CountingSession.open(path, station=station, clock=clock) as session:
            bch = session.open_contest(CONTEST, roll=ROLL)
            bch.issue(3)
            bch.record("01", struck=[1])
    csv = tmp / "b.csv"
    csv.write_text("serial,struck\n01,1\n", encoding="utf-8")
    rulings = tmp / "r.toml"
    rulings.write_text("", encoding="utf-8")
    return {"log": log, "other": other, "csv": csv, "rulings": rulings}


def _entry_points(tmp: Path) -> dict[str, tuple[Callable[..., Any], dict[str, Any]]]:
    """Each entry point with good arguments (by keyword)."""
    files = _files(tmp)
    decision = TieDecision(winners=("Nguyễn Văn An",), note="x")
    session = CountingSession.open(tmp / "s.jsonl", clock=clock)
    bch = session.open_contest(CONTEST, roll=ROLL)
    bch.issue(3)
    return {
        "ballot_order_key": (ballot_order_key, {"name": "Nguyễn Văn An"}),
        "normalize_name": (normalize_name, {"raw": "Nguyễn Văn An"}),
        "parse_name": (parse_name, {"raw": "Nguyễn Văn An"}),
        "check_list": (check_list, {"contest": CONTEST, "rules": QC_190}),
        "classify": (classify, {"contest": CONTEST, "ballots": BALLOTS, "rules": QC_190}),
        "count_ballots": (
            count_ballots,
            {"contest": CONTEST, "ballots": BALLOTS, "rules": QC_190},
        ),
        "count_contest": (
            tally.count_contest,
            {
                "contest": CONTEST,
                "ballots": BALLOTS,
                "roll": ROLL,
                "issued": 3,
                "collected": 3,
                "rules": QC_190,
                "decision": None,
                "alternate_decision": None,
            },
        ),
        "decide": (
            decide,
            {"contest": CONTEST, "count": COUNT, "base": 5, "rules": QC_190, "decision": decision},
        ),
        "more_than_half": (more_than_half, {"votes": 3, "base": 5}),
        "reconcile": (
            reconcile,
            {"count": COUNT, "issued": 3, "collected": 3, "rules": QC_190, "present": 5},
        ),
        "threshold_base": (threshold_base, {"roll": ROLL, "count": COUNT, "rules": QC_190}),
        "BallotBuilder": (BallotBuilder, {"contest": CONTEST}),
        "BallotBuilder.add": (
            BallotBuilder(CONTEST).add,
            {"serial": "01", "struck": [1], "observations": ["write_in"]},
        ),
        "Ballots.from_arrays": (
            Ballots.from_arrays,
            {
                "contest": CONTEST,
                "marks": [[1, 1, 0]],
                "serials": ["01"],
                "observations": [0],
            },
        ),
        "Ballots.concat": (Ballots.concat, {"parts": [BALLOTS]}),
        "CountingSession.open": (
            CountingSession.open,
            {"path": tmp / "new.jsonl", "station": "1", "congress": None, "clock": clock},
        ),
        "open_contest": (
            session.open_contest,
            {"contest": CONTEST, "roll": ROLL, "rules": QC_190, "key": "bch.x"},
        ),
        "contest": (session.contest, {"key": "bch"}),
        "issue": (bch.issue, {"issued": 3, "correction": "sửa"}),
        "collect": (bch.collect, {"collected": 3, "correction": None}),
        "declare_batch": (bch.declare_batch, {"batch": "S1", "expected": 3}),
        "record": (bch.record, {"serial": "09", "batch": None, "station": "1", "struck": [1]}),
        "correct": (bch.correct, {"serial": "01", "reason": "x", "struck": [1]}),
        "withdraw": (bch.withdraw, {"serial": "01", "reason": "x"}),
        "rule": (bch.rule, {"serial": "01", "note": "x", "absent": False, "struck": [1]}),
        "complaint": (bch.complaint, {"summary": "x", "settlement": "y"}),
        "constitute_board": (bch.constitute_board, {"members": [{"name": "Lê Văn Tám"}]}),
        "enter_all": (bch.enter_all, {"ballots": BALLOTS, "station": "1"}),
        "order_round": (bch.order_round, {"next_key": "bch.r2", "seats": 1, "note": "x"}),
        "replay": (replay.replay, {"path": files["log"], "expect": None}),
        "verify": (replay.verify, {"path": files["log"], "expect": None}),
        "reconcile_stations": (
            stations.compare_stations,
            {"paths": [files["log"], files["other"]], "rulings": ()},
        ),
        "merge": (
            stations.merge,
            {"paths": [files["log"], files["other"]], "output": tmp / "m.jsonl", "rulings": ()},
        ),
        "load_rulings": (
            stations.load_rulings,
            {"path": files["rulings"], "default_contest": "bch"},
        ),
        "load_congress": (spec.load_congress, {"path": SPEC_TEXT}),
        "congress_from_toml": (
            spec.congress_from_toml,
            {"text": SPEC_TEXT.read_text(encoding="utf-8"), "source": "<spec>"},
        ),
        "congress_from_dict": (spec.congress_from_dict, {"data": {}, "source": "<spec>"}),
        "read_ballots_csv": (
            ballots_csv.read_ballots_csv,
            {"contest": CONTEST, "path": files["csv"]},
        ),
        "ballots_from_csv_text": (
            ballots_csv.ballots_from_csv_text,
            {"contest": CONTEST, "text": "serial,struck\n01,1\n", "source": "<csv>"},
        ),
        "ballots_to_csv_text": (
            ballots_csv.ballots_to_csv_text,
            {"contest": CONTEST, "ballots": BALLOTS},
        ),
        "load_result": (results_io.load_result, {"path": files["csv"]}),
        "load_record": (results_io.load_record, {"path": files["csv"]}),
        "load_contest": (results_io.load_contest, {"path": files["csv"]}),
        "contest_from_json": (results_io.contest_from_json, {"text": "{}", "source": "<json>"}),
        "result_from_json": (results_io.result_from_json, {"text": "{}", "source": "<json>"}),
        "record_from_json": (results_io.record_from_json, {"text": "{}", "source": "<json>"}),
        "run_congress": (run_congress, {"congress": CONGRESS, "ballots": {}}),
        "render_minutes": (
            render_minutes,
            {
                "result": RESULT,
                "congress": CONGRESS,
                "lang": "en",
                "fmt": "markdown",
                "fingerprint": None,
            },
        ),
        "render_summary": (
            render_summary,
            {"record": run_congress(CONGRESS, {}), "lang": "en", "fmt": "markdown"},
        ),
        "ballots_from_frame": (
            ballots_from_frame,
            {"contest": CONTEST, "frame": _frame(), "serial": "serial", "note": "note"},
        ),
    }


def _escapes(call: Callable[..., Any], kwargs: dict[str, Any]) -> BaseException | None:
    """The exception other than a TallyError that ``call(**kwargs)`` raises, if any."""
    try:
        call(**kwargs)
    except TallyError:
        return None
    except Exception as exc:  # what this test is looking for
        return exc
    return None


def test_every_entry_point_is_walked(tmp_path: Path) -> None:
    """The list above covers every function ``tally`` exports (a new one must be added)."""
    walked = set(_entry_points(tmp_path))
    functions = {
        name
        for name in tally.__all__
        if inspect.isfunction(getattr(tally, name)) and not name.startswith("_")
    }
    assert functions <= walked, sorted(functions - walked)


def test_bad_values_raise_only_tally_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a bad path such as "x" is made here, not in the repository
    escaped: list[str] = []
    for name, (call, good) in _entry_points(tmp_path).items():
        for field in good:
            for bad in BAD:
                kwargs = {**good, field: bad}
                exc = _escapes(call, kwargs)
                if exc is not None:
                    escaped.append(f"{name}({field}={bad!r}): {type(exc).__name__}: {exc}"[:300])
    assert not escaped, "\n".join(escaped)
