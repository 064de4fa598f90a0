"""Printing from the station's entry page in a real browser: once the count is closed the result
offers the minutes and the entry log in the formats the station can print, and the link opens
the minutes in a new tab (Enter on the first link, which has the focus)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from tally.station.app import print_formats
from tally.station.background import serving
from tally.station.desk import Desk
from tests.browser.test_station import DELEGATE, close, open_station

if TYPE_CHECKING:
    from tests.browser.conftest import OpenPage

SHOTS = Path("/tmp/r14")
BALLOTS = 120


def test_once_closed_the_page_offers_the_documents_and_opens_the_minutes(
    page: OpenPage, tmp_path: Path
) -> None:
    desk = Desk.open(tmp_path / "a.jsonl", DELEGATE, "bch", station="A", durable=False)
    desk.open_stack(BALLOTS)
    for _ in range(BALLOTS):  # the first 33 names kept on every ballot: all elected
        desk.record({"struck": [34, 35, 36, 37]})
    names = desk.ballot_contest.names
    with serving(desk) as url:
        shown = open_station(page, url)
        assert shown.locator("#result a").count() == 0  # nothing to print before closing
        close(shown, 194, BALLOTS)
        lines = shown.locator("#result p.print")
        assert lines.nth(0).inner_text().startswith("In biên bản kiểm phiếu: PDF · Word · HTML")
        assert lines.nth(1).inner_text().startswith("In nhật ký nhập phiếu: PDF · Word · HTML")
        links = shown.locator("#result p.print a")
        formats = print_formats()
        assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
            f"/print/{document}.{fmt}" for document in ("minutes", "entry-log") for fmt in formats
        ]
        assert {links.nth(i).get_attribute("target") for i in range(links.count())} == {"_blank"}
        SHOTS.mkdir(exist_ok=True)
        shown.screenshot(path=str(SHOTS / "station-print-links.png"))
        # the new tab asks the station too: let it through, as the entry page is
        shown.context.route(lambda address: address.startswith(url), lambda r: r.continue_())
        html = shown.locator("#result a[href='/print/minutes.html']")
        html.focus()
        with shown.context.expect_page() as opening:
            shown.keyboard.press("Enter")
        minutes = opening.value
        minutes.wait_for_load_state()
        assert minutes.url == url + "/print/minutes.html"
        said = minutes.inner_text("body")
        assert "BIÊN BẢN KIỂM PHIẾU" in said and "T/M BAN KIỂM PHIẾU" in said
        assert all(name in said for name in names[:33])
        assert "VI. NGƯỜI TRÚNG CỬ" in said
    desk.session.close()


def test_the_first_link_has_the_focus_so_enter_opens_the_minutes(
    page: OpenPage, tmp_path: Path
) -> None:
    desk = Desk.open(tmp_path / "b.jsonl", DELEGATE, "bch", station="A", durable=False)
    desk.open_stack(2)
    desk.record({"struck": [1, 2, 3, 4]})
    desk.record({"struck": [5, 6, 7, 8]})
    with serving(desk, lang="en") as url:
        shown = open_station(page, url)
        close(shown, 194, 2)
        first = f"/print/minutes.{print_formats()[0]}"
        focused = shown.evaluate("document.activeElement.getAttribute('href')")
        assert focused == first
        assert "Print the counting minutes:" in shown.inner_text("#result")
        assert "Print the ballot-entry log:" in shown.inner_text("#result")
    desk.session.close()
