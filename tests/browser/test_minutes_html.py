"""The HTML minutes in a real browser: on screen nothing is wider than the page and every name
shows; printed by the browser they are A4 with no text cut off and each document from a new
page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tally.cli.main import EXIT_OK, main
from tests.browser.conftest import OpenPage

ROOT = Path(__file__).resolve().parents[2]
DISTRICT = ROOT / "examples" / "district_congress"


@pytest.fixture(scope="module")
def minutes_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("district")
    for file in DISTRICT.iterdir():
        shutil.copy(file, folder / file.name)
    out = folder / "minutes.html"
    spec = str(folder / "congress.toml")
    assert main(["count", spec, "--format", "html", "-o", str(out)]) == EXIT_OK
    return out


def _names() -> list[str]:
    from tally.io.spec import load_congress

    congress = load_congress(DISTRICT / "congress.toml")
    return [name for plan in congress.contests for name in plan.contest.names]


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080), (800, 1000)])
def test_nothing_is_wider_than_the_window_and_every_name_shows(
    page: OpenPage, minutes_html: Path, width: int, height: int
) -> None:
    opened = page(width, height)
    opened.goto(minutes_html.as_uri())
    scroll_width = opened.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width
    # No element sticks out of its section (the sheet of paper on screen).
    sticking_out = opened.evaluate(
        """() => [...document.querySelectorAll('section.document *')].filter(e => {
               const box = e.getBoundingClientRect();
               const sheet = e.closest('section').getBoundingClientRect();
               return box.width > 0
                   && (box.left < sheet.left - 1 || box.right > sheet.right + 1);
           }).map(e => e.tagName + ': ' + e.textContent.slice(0, 40))"""
    )
    assert sticking_out == []
    shown = opened.evaluate("document.body.innerText")
    assert [name for name in _names() if name not in shown] == []


def test_printed_by_the_browser_it_is_a4_with_every_document_on_new_pages(
    page: OpenPage, minutes_html: Path, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    opened = page()
    opened.goto(minutes_html.as_uri())
    pdf = tmp_path / "printed.pdf"
    opened.pdf(path=str(pdf), prefer_css_page_size=True)
    reader = PdfReader(pdf)
    for sheet in reader.pages:
        assert (round(float(sheet.mediabox.width)), round(float(sheet.mediabox.height))) == (
            595,
            842,
        )
    pages = [" ".join((p.extract_text() or "").split()) for p in reader.pages]
    text = " ".join(pages)
    assert [name for name in _names() if name not in text] == []
    starts = [i for i, p in enumerate(pages) if "ĐẢNG CỘNG SẢN VIỆT NAM" in p]
    assert len(starts) == 4  # the minutes of bch, bch round 2, bt, dbdh
    assert all("BIÊN BẢN KIỂM PHIẾU" in pages[i] for i in starts)
    # Nothing cut at the right edge: every text line ends inside the printable width.
    cut = opened.evaluate(
        """() => [...document.querySelectorAll('td, th, p, h1, h2')].filter(
               e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.slice(0, 40))"""
    )
    assert cut == []
