"""Two stations enter the same stacks by keyboard, each in its own browser page and log (issue
14): station B misreads two ballots — one struck number typed as another, one struck name left
out — and ``tally reconcile`` on the two logs lists exactly those two ballots, by serial and
candidate, and nothing else (exit 4: the stations differ). With the board's rulings on both,
``tally reconcile --merge`` gives a log whose count is ``count_contest`` on the true ballots."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from tally.audit.replay import replay
from tally.cli.main import EXIT_NEEDS_DECISION, main
from tally.i18n.labels import label
from tally.i18n.messages import Words, text
from tally.station.background import serving
from tally.station.desk import Desk
from tests.browser.test_station import (
    DELEGATE,
    as_read,
    close,
    declare,
    enter,
    expected,
    open_station,
    strike_out_ballot,
)

if TYPE_CHECKING:
    from tests.browser.conftest import OpenPage

STACKS = (("S01", 34), ("S02", 30))
"""The stacks as counted by hand: 64 ballots."""
WRONG_NUMBER = "S01-017"
"""Station B types one struck number of this ballot as another number."""
LEFT_OUT = "S02-023"
"""Station B leaves one struck name of this ballot out."""

_t = Words("stations")
Row = list[int]


def the_stack(
    rng: random.Random, n: int
) -> tuple[dict[str, tuple[list[str], Row]], dict[str, list[str]], dict[str, tuple[int, ...]]]:
    """The ballots by serial: the keys A types and the true row; B's keys where they differ
    (the two misread serials); and for each of those, the numbers B's reading differs on."""
    ballots: dict[str, tuple[list[str], Row]] = {}
    misread: dict[str, list[str]] = {}
    differs: dict[str, tuple[int, ...]] = {}
    for batch, count in STACKS:
        for place in range(1, count + 1):
            serial = f"{batch}-{place:03d}"
            if serial not in (WRONG_NUMBER, LEFT_OUT):
                keys, row, _ = strike_out_ballot(rng, n)
                ballots[serial] = (keys, row)
                continue
            struck = rng.sample(range(1, n + 1), 4)
            row = [0 if k in struck else 1 for k in range(1, n + 1)]
            ballots[serial] = ([" ".join(map(str, struck))], row)
            if serial == WRONG_NUMBER:  # the second struck number read as another
                instead = rng.choice([k for k in range(1, n + 1) if k not in struck])
                typed = [instead if k == struck[1] else k for k in struck]
                differs[serial] = (struck[1], instead)
            else:  # the last struck name left out
                typed = struck[:-1]
                differs[serial] = (struck[-1],)
            misread[serial] = [" ".join(map(str, typed))]
    return ballots, misread, differs


def differences(report: str) -> list[tuple[str, ...]]:
    """The rows of the report's table of differences (serial, what differs, then each
    station's reading), as the board reads them in the text report."""
    lines = report.splitlines()
    headers = [i for i, line in enumerate(lines) if line.startswith(_t("doc.serial", "vi") + "  ")]
    assert len(headers) == 1, report
    start = headers[0]
    assert set(lines[start + 1]) <= {"-", " "}, report
    rows = []
    for line in lines[start + 2 :]:
        if not line.strip():
            break
        rows.append(tuple(re.split(r" {2,}", line.strip())))
    return rows


def test_two_stations_with_two_misreads_differ_on_exactly_those_two_ballots(
    page: OpenPage, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logs = {station: tmp_path / f"{station}.jsonl" for station in "AB"}
    desks = {s: Desk.open(log, DELEGATE, "bch", station=s) for s, log in logs.items()}
    n = len(desks["A"].ballot_contest.names)
    ballots, misread, differs = the_stack(random.Random(1414), n)
    total = len(ballots)
    assert total >= 60
    with serving(desks["A"]) as url_a, serving(desks["B"]) as url_b:
        shown = {"A": open_station(page, url_a), "B": open_station(page, url_b)}
        for batch, count in STACKS:
            for station in "AB":
                declare(shown[station], count, batch)
            for place in range(1, count + 1):
                serial = f"{batch}-{place:03d}"
                keys = ballots[serial][0]
                enter(shown["A"], keys, serial)
                enter(shown["B"], misread.get(serial, keys), serial)
        for station in "AB":
            close(shown[station], total, total)
    truth = {serial: (row, 0) for serial, (_, row) in ballots.items()}
    assert as_read(desks["A"]) == truth
    held_b = as_read(desks["B"])
    assert [s for s in truth if held_b[s] != truth[s]] == [WRONG_NUMBER, LEFT_OUT]
    want = expected(desks["A"], truth, total)
    b_result = desks["B"].status().result
    assert b_result is not None
    assert list(b_result.count.votes) != list(want.count.votes)  # the misreads change the count
    for desk in desks.values():
        desk.session.close()

    # The board compares the two logs: exactly the two misread ballots, by serial and candidate.
    code = main(["reconcile", str(logs["A"]), str(logs["B"])])
    out, err = capsys.readouterr()
    assert code == EXIT_NEEDS_DECISION, err
    # the hand counts in a row of their own, beside what each station entered per stack
    by_hand = _t("hand_count", "vi")
    (hand_row,) = [
        line.removeprefix(by_hand).split() for line in out.splitlines() if line.startswith(by_hand)
    ]
    stacks = [stack.expected for stack in desks["A"].stacks()]
    assert [int(n) for n in hand_row] == [total, *stacks] and sum(stacks) == total
    names = desks["A"].ballot_contest.names
    struck, kept = _t("struck", "vi"), _t("kept", "vi")

    def row(serial: str, number: int) -> tuple[str, ...]:
        what = _t("k_marks", "vi", number=number, name=names[number - 1])
        # A read the truth: the number is struck on the paper when A struck it.
        a_struck = ballots[serial][1][number - 1] == 0
        return (serial, what, *((struck, kept) if a_struck else (kept, struck)))

    true_number, typed_number = differs[WRONG_NUMBER]
    (left_out,) = differs[LEFT_OUT]
    assert differences(out) == [
        *(row(WRONG_NUMBER, k) for k in sorted((true_number, typed_number))),
        row(LEFT_OUT, left_out),
    ]
    assert row(WRONG_NUMBER, true_number)[2:] == (struck, kept)
    assert row(WRONG_NUMBER, typed_number)[2:] == (kept, struck)
    disputed = _t("disputed", "vi", count=2, serials=f"{WRONG_NUMBER}, {LEFT_OUT}")
    assert " ".join(disputed.split()) in " ".join(out.split())
    assert err.strip() == text("cli.stations_differ", "vi", contest="bch", count=2)

    # The board rules on both papers; the merged log counts the true ballots.
    rulings = tmp_path / "rulings.toml"
    rulings.write_text(
        "".join(
            f'[[ruling]]\nserial = "{serial}"\n'
            f"struck = {[k for k in range(1, n + 1) if ballots[serial][1][k - 1] == 0]}\n"
            f'note = "Ban kiểm phiếu xem phiếu gốc {serial}: máy A đọc đúng."\n\n'
            for serial in (WRONG_NUMBER, LEFT_OUT)
        ),
        encoding="utf-8",
    )
    merged = tmp_path / "merged.jsonl"
    args = ["reconcile", str(logs["A"]), str(logs["B"]), "--rulings", str(rulings)]
    code = main([*args, "--merge", str(merged)])
    _, err = capsys.readouterr()
    # 64 ballots of a congress of 194 present elect no one (the threshold is half the roll):
    # the count closes with a shortfall, exit 4 — and no station difference is left.
    assert want.needs_decision
    assert code == EXIT_NEEDS_DECISION, err
    log = replay(merged)
    result = log.contest("bch").result
    assert result is not None
    assert err.splitlines() == [
        text("cli.merged", "vi", path=merged, hash=log.final_hash),
        text(
            "cli.summary",
            "vi",
            contest="bch",
            elected=len(want.outcome.elected),
            seats=want.outcome.seats,
            status=label(want.outcome.status, "vi"),
        ),
    ]
    assert list(result.count.votes) == list(want.count.votes)
    assert result.count.valid == want.count.valid
    assert result.count.invalid_by_reason == want.count.invalid_by_reason
    assert result.outcome == want.outcome
