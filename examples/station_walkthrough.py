"""Congress day at the entry station, played through in a real browser: the pictures of
docs/station.md are made by this script.

Run: ``.venv/bin/python examples/station_walkthrough.py [FOLDER]`` (default ``docs/img``).
Needs the dev extras (Playwright, Starlette, uvicorn, WeasyPrint) and Chromium on the ``PATH``;
``pdftoppm`` (poppler-utils) turns the first page of the printed minutes into a picture.

Station A enters the delegate example's 194 ballots (``ballots_bch.csv``) in two stacks of 100
and 94: most through the station's JSON steps, the ballots in the pictures by keyboard. The
board switches the running votes on for the hall's screen, corrects a ballot by its serial,
fills the place a late-found double entry left in stack S01, closes the count and prints the
minutes. Station B enters the same ballots with two misreads;
``tally reconcile`` on the two logs is printed at the end.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path
from typing import Any

from tally.cli.main import main as tally
from tally.io.spec import load_congress
from tally.station.background import serving
from tally.station.desk import Desk

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "examples" / "delegate_congress" / "congress.toml"
BALLOTS = ROOT / "examples" / "delegate_congress" / "ballots_bch.csv"
STACKS = (("S01", 100), ("S02", 94))
MISREAD = {"S01-018": "struck_other", "S02-023": "left_out"}


def post(url: str, step: str, body: dict[str, Any]) -> Any:
    request = urllib.request.Request(
        f"{url}/api/{step}",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def ballots() -> list[dict[str, Any]]:
    """The example's ballots as the station takes them, in stack order."""
    with BALLOTS.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    marks = []
    for row in rows:
        given: dict[str, Any] = {"struck": [int(k) for k in row["struck"].split(";") if k]}
        if row["note"]:
            given["observations"] = [row["note"]]
        marks.append(given)
    return marks


def misread(serial: str, marks: dict[str, Any]) -> dict[str, Any]:
    """What station B reads at ``serial``: one struck number taken for another, or left out."""
    struck = list(marks["struck"])
    if not struck:  # the misreads are at ballots with names struck
        return marks
    if MISREAD.get(serial) == "struck_other":
        struck[0] = next(k for k in range(1, 38) if k not in struck)
    elif MISREAD.get(serial) == "left_out":
        struck = struck[1:]
    return {**marks, "struck": sorted(struck)}


def enter_by_api(url: str, all_marks: list[dict[str, Any]], station: str) -> None:
    place = 0
    for batch, count in STACKS:
        post(url, "stack", {"expected": count})
        for number in range(1, count + 1):
            serial = f"{batch}-{number:03d}"
            marks = all_marks[place]
            post(url, "ballot", {"marks": misread(serial, marks) if station == "B" else marks})
            place += 1
    post(url, "close", {"issued": 194, "collected": 194})


def station_a(url: str, folder: Path, all_marks: list[dict[str, Any]]) -> None:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        hall = browser.new_page(viewport={"width": 1280, "height": 720})
        page.goto(url + "/")
        page.wait_for_selector("#names li")
        hall.goto(url + "/screen")
        page.keyboard.press("F4")
        page.keyboard.type("100")
        page.keyboard.press("Enter")
        page.wait_for_function("document.getElementById('next').textContent.includes('S01')")
        for marks in all_marks[:87]:  # most of the stack through the JSON steps
            post(url, "ballot", {"marks": marks})
        page.reload()
        page.wait_for_selector("#names li")
        for place in range(87, 100):  # the rest by keyboard
            line = " ".join(map(str, all_marks[place]["struck"]))
            page.keyboard.type(line)
            if place == 92:  # a ballot read, not yet recorded
                page.wait_for_function("document.getElementById('verdict').textContent")
                page.screenshot(path=str(folder / "station-entry.png"))
            page.keyboard.press("Enter")
            page.wait_for_function(
                "s => document.querySelector('#latest li')?.dataset.serial === s",
                arg=f"S01-{place + 1:03d}",
            )
        page.click("#totals")
        hall.wait_for_function("document.querySelectorAll('#votes div').length > 0")
        hall.screenshot(path=str(folder / "station-screen-progress.png"))
        page.keyboard.press("F9")
        page.keyboard.type("S01-012")
        page.keyboard.press("Tab")
        page.keyboard.type("4 9 17 30")
        page.keyboard.press("Tab")
        page.keyboard.type("đọc lại theo yêu cầu của tổ trưởng")
        page.screenshot(path=str(folder / "station-correct.png"))
        page.keyboard.press("Escape")
        page.evaluate("document.getElementById('correct-form').reset()")
        page.evaluate("document.getElementById('correct-panel').open = false")
        post(url, "stack", {"expected": 94})
        for marks in all_marks[100:110]:
            post(url, "ballot", {"marks": marks})
        page.reload()
        page.wait_for_selector("#names li")
        fill_a_place_left_empty(page, folder, all_marks[19])
        for marks in all_marks[110:]:
            post(url, "ballot", {"marks": marks})
        page.reload()
        page.wait_for_selector("#names li")
        page.keyboard.press("F3")
        page.keyboard.type("194")
        page.keyboard.press("Tab")
        page.keyboard.type("194")
        page.keyboard.press("Enter")
        page.wait_for_selector("#result:not([hidden])")
        page.screenshot(path=str(folder / "station-closed.png"))
        hall.wait_for_function("document.getElementById('entered') === null", timeout=10_000)
        hall.screenshot(path=str(folder / "station-screen-result.png"))
        browser.close()


def fill_a_place_left_empty(page: Any, folder: Path, marks: dict[str, Any]) -> None:
    """S01 is done and S02 under way when S01-020 is taken for a double entry: withdrawn, it
    leaves an empty place that the next ballot does not take; the ballot found in stack S01
    goes into it by its serial (here the same reading, so the stations still agree)."""
    page.keyboard.press("F10")
    page.keyboard.type("S01-020")
    page.keyboard.press("Tab")
    page.keyboard.type("nhập trùng, phát hiện khi đối chiếu sấp S01")
    page.keyboard.press("Enter")
    page.wait_for_selector("#gaps:not([hidden])")
    page.screenshot(path=str(folder / "station-gap.png"))
    page.keyboard.press("F9")
    page.keyboard.type("S01-020")
    page.keyboard.press("Tab")
    page.keyboard.type(" ".join(map(str, marks["struck"])))
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('gaps').hidden")


def minutes_picture(url: str, folder: Path) -> None:
    """The minutes the station prints, first page, as a picture."""
    with tempfile.TemporaryDirectory() as name:
        pdf = Path(name) / "minutes.pdf"
        with urllib.request.urlopen(f"{url}/print/minutes.pdf") as answer:
            pdf.write_bytes(answer.read())
        if shutil.which("pdftoppm") is None:
            print("pdftoppm not found: no picture of the minutes", file=sys.stderr)
            return
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(folder / "station-minutes"),
            ],
            check=True,
        )


def shrink(folder: Path) -> None:
    """Each picture in 256 colours (a third of the bytes; text stays sharp)."""
    from PIL import Image

    for picture in folder.glob("station-*.png"):
        with Image.open(picture) as image:
            fewer = image.convert("RGB").quantize(256)
        fewer.save(picture, optimize=True)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "img"
    folder.mkdir(parents=True, exist_ok=True)
    congress = load_congress(SPEC)
    all_marks = ballots()
    with tempfile.TemporaryDirectory() as name:
        logs = Path(name)
        desk = Desk.open(logs / "a.jsonl", congress, "bch", station="A")
        with serving(desk) as url:
            station_a(url, folder, all_marks)
            minutes_picture(url, folder)
        desk.session.close()
        other = Desk.open(logs / "b.jsonl", congress, "bch", station="B")
        with serving(other) as url:
            enter_by_api(url, all_marks, "B")
        other.session.close()
        shrink(folder)
        print(f"$ tally reconcile a.jsonl b.jsonl   (pictures in {folder})")
        tally(["reconcile", str(logs / "a.jsonl"), str(logs / "b.jsonl")])


if __name__ == "__main__":
    main()
