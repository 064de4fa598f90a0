"""Keystrokes per ballot at the entry station: the real entry page in headless Chromium, typed
by a clerk who presses only the keys the page needs, against the same clerk typing every space.

Run: ``make bench`` (all benchmarks) or ``.venv/bin/python benchmarks/bench_keystrokes.py``.
Needs the dev extras (Playwright) and a Chromium on the ``PATH``; without them it says so and
stops.

``tally station`` is started as a new process on the delegate example (37 names). Three stacks
are typed and recorded: the bundled ballots (``examples/delegate_congress/ballots_bch.csv``, 194
ballots, 4 to 8 names struck) and 300 random ballots of 4 names struck (the issue's typical
ballot) in two stacks of 150, as a stack holds at most the people present. The clerk reads each
ballot top to bottom, types the numbers struck (or ``k`` and the numbers kept, when that is
shorter), a space only where the page has not typed one, and Enter (twice for a ballot with
nothing struck: the page asks).
The baseline, in the same run on the same ballots, is every space typed: the line
``3 12 27 31`` and Enter. Every ballot is checked against what the station recorded. The
target: a ballot of 4 names struck in at most 10 keystrokes.
"""

from __future__ import annotations

import csv
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from measure import machine

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "examples" / "delegate_congress" / "congress.toml"
STACK = ROOT / "examples" / "delegate_congress" / "ballots_bch.csv"
NAMES = 37
RANDOM_BALLOTS = 300
TARGET = 10


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _bundled() -> list[list[int]]:
    with STACK.open(encoding="utf-8") as stream:
        rows = csv.DictReader(stream)
        return [sorted(int(k) for k in row["struck"].split(";") if k) for row in rows]


def _random(count: int) -> list[list[int]]:
    chance = random.Random(14)
    return [sorted(chance.sample(range(1, NAMES + 1), 4)) for _ in range(count)]


def _line(struck: list[int]) -> list[str]:
    """What the clerk reads off the ballot: the numbers struck, or ``k`` and those kept."""
    kept = [k for k in range(1, NAMES + 1) if k not in struck]
    if len(" ".join(map(str, kept))) + 1 < len(" ".join(map(str, struck))):
        return ["k", *map(str, kept)]
    return [str(k) for k in struck]


def _baseline(words: list[str]) -> int:
    """Every space typed: the line and Enter (``k`` switches the mode, no space after it)."""
    numbers = [w for w in words if w != "k"]
    return len(" ".join(numbers)) + (len(words) - len(numbers)) + (1 if words else 2)


def _type(page: Page, words: list[str]) -> int:
    """Type one ballot as the clerk would and press Enter; the keys pressed."""
    keys = 0
    for at, word in enumerate(words):
        for key in word:
            page.keyboard.press(key)
            keys += 1
        last = at == len(words) - 1
        if word != "k" and not last and not page.input_value("#entry").endswith(" "):
            page.keyboard.press("Space")
            keys += 1
    page.keyboard.press("Enter")
    if not words:  # nothing struck: the page asks, a second Enter records
        page.wait_for_function("document.getElementById('message').textContent")
        page.keyboard.press("Enter")
        keys += 1
    return keys + 1


def _enter(page: Page, stack: list[list[int]], batch: str) -> tuple[list[int], list[int]]:
    """Declare ``stack`` as the next stack and type it: keys pressed and baseline per ballot."""
    page.keyboard.press("F4")
    page.keyboard.type(str(len(stack)))
    page.keyboard.press("Enter")
    shown = "b => document.getElementById('next').textContent.includes(b)"
    page.wait_for_function(shown, arg=batch)
    typed, baseline = [], []
    for place, struck in enumerate(stack, start=1):
        words = _line(struck)
        typed.append(_type(page, words))
        baseline.append(_baseline(words))
        try:
            page.wait_for_function(
                "s => document.querySelector('#latest li')?.dataset.serial === s"
                " && document.getElementById('entry').value === ''",
                arg=f"{batch}-{place:03d}",
                timeout=10_000,
            )
        except Exception:
            said = page.text_content("#message"), page.input_value("#entry")
            raise SystemExit(f"{batch}-{place:03d} {words} not recorded: {said}") from None
    return typed, baseline


def _report(label: str, typed: list[int], baseline: list[int], struck: list[list[int]]) -> None:
    four = [t for t, s in zip(typed, struck, strict=True) if len(s) == 4]
    within = sum(t <= TARGET for t in four)
    keys, spaced = statistics.mean(typed), statistics.mean(baseline)
    print(
        f"{label:<34} {len(typed):>7} {keys:>6.2f} {max(typed):>5} "
        f"{spaced:>9.2f} {keys / spaced:>7.2f}   {within}/{len(four)}"
    )


def main() -> None:
    print(f"# Entry station: keystrokes per ballot (37 names) — {machine()}")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("skipped: Playwright is not installed (pip install -e '.[dev]')")
        return
    if chromium is None:
        print("skipped: no Chromium on the PATH (install the OS package `chromium`)")
        return
    drawn = _random(RANDOM_BALLOTS)  # in two stacks: a stack holds at most the 194 present
    half = RANDOM_BALLOTS // 2
    stacks = {"S01": _bundled(), "S02": drawn[:half], "S03": drawn[half:]}
    with tempfile.TemporaryDirectory() as name:
        log = Path(name) / "a.jsonl"
        port = _free_port()
        command = [sys.executable, "-m", "tally", "station", str(SPEC), "--contest", "bch"]
        station = subprocess.Popen(
            [*command, "--station", "A", "--log", str(log), "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        figures = {}
        try:
            with sync_playwright() as driver:
                browser = driver.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 1366, "height": 768})
                deadline = time.monotonic() + 20
                while True:
                    try:
                        page.goto(f"http://127.0.0.1:{port}/")
                        break
                    except Exception:
                        if time.monotonic() > deadline:
                            raise
                        time.sleep(0.2)
                page.wait_for_selector("#names li")
                for batch, stack in stacks.items():
                    figures[batch] = _enter(page, stack, batch)
                browser.close()
        finally:
            station.terminate()
            station.wait()
        _check(log, stacks)
    print(
        f"{'stack':<34} {'ballots':>7} {'keys':>6} {'max':>5} {'baseline':>9} {'ratio':>7}"
        f"   4 struck in ≤ {TARGET}"
    )
    _report("bundled example (ballots_bch.csv)", *figures["S01"], stacks["S01"])
    typed, baseline = (figures["S02"][i] + figures["S03"][i] for i in (0, 1))
    _report("4 struck, random", typed, baseline, drawn)


def _check(log: Path, stacks: dict[str, list[list[int]]]) -> None:
    """Every ballot typed is the ballot the station recorded."""
    from tally.io.spec import load_congress
    from tally.station.desk import Desk

    desk = Desk.open(log, load_congress(SPEC), "bch", station="A", durable=False)
    recorded = {e.serial: sorted(_struck(e.marks)) for e in desk.entries()}
    desk.session.close()
    wanted = {
        f"{batch}-{place:03d}": struck
        for batch, stack in stacks.items()
        for place, struck in enumerate(stack, start=1)
    }
    if recorded != wanted:
        wrong = sorted(k for k in wanted if recorded.get(k) != wanted[k])[:5]
        raise SystemExit(f"the station recorded other ballots than were typed: {wrong}")


def _struck(marks: dict[str, list[int]]) -> list[int]:
    if "kept" in marks:
        return [k for k in range(1, NAMES + 1) if k not in marks["kept"]]
    return list(marks.get("struck", []))


if __name__ == "__main__":
    main()
