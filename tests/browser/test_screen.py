"""The projection page in a real browser (headless Chromium): every slide fits the screen at
1920×1080 and 1280×720 (and a 4:3 projector's 1024×768) with no scrolling, every name on it
whole and inside the screen, the type large; the keyboard pages through every slide and back;
English with ``lang="en"``; without the script, and printed, every slide in order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tally.congress.run import run_congress
from tally.counting.result import ContestResult
from tally.i18n.messages import Lang
from tally.io.ballot_files import BallotFiles
from tally.io.spec import load_congress
from tally.render.screen import render_screen
from tests.browser.conftest import OpenPage
from tests.render import screen_cases as cases

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
SCREENS = [(1920, 1080), (1280, 720), (1024, 768)]

# What is wrong with an element on the screen, if anything: outside the window, its text cut
# (an ellipsis), or cut by an ancestor that hides what overflows it.
_PROBLEMS = """(element) => {
  const box = element.getBoundingClientRect();
  const found = [];
  if (box.width <= 0 || box.height <= 0) found.push("not shown");
  if (box.left < 0 || box.top < 0 || box.right > innerWidth || box.bottom > innerHeight)
    found.push(`outside the window (${box.left},${box.top},${box.right},${box.bottom})`);
  const cut = element.scrollHeight > element.clientHeight + 1;
  if (element.scrollWidth > element.clientWidth + 1 || cut)
    found.push(`text cut (${element.scrollWidth} > ${element.clientWidth})`);
  for (let a = element.parentElement; a; a = a.parentElement) {
    const style = getComputedStyle(a);
    if (style.overflowX === "visible" && style.overflowY === "visible") continue;
    const outer = a.getBoundingClientRect();
    if (box.left < outer.left - 0.5 || box.top < outer.top - 0.5 ||
        box.right > outer.right + 0.5 || box.bottom > outer.bottom + 0.5)
      found.push(`cut by <${a.tagName.toLowerCase()} class="${a.className}">`);
  }
  return found;
}"""

_EACH = (
    "selector => [...document.querySelectorAll(selector)].map(e => [e.textContent, ("
    + _PROBLEMS
    + ")(e), parseFloat(getComputedStyle(e).fontSize)])"
)

_STATE = """() => {
  const current = document.querySelectorAll(".slide.current");
  const root = document.documentElement;
  return {
    current: current.length === 1 ? current[0].id : `${current.length} slides shown`,
    indicator: current.length ? current[0].querySelector(".indicator").textContent : "",
    scroll: [root.scrollWidth, root.scrollHeight, innerWidth, innerHeight],
    shown: [...document.querySelectorAll(".slide")].filter(s => s.offsetHeight > 0).length,
  };
}"""


@dataclass(frozen=True)
class Shown:
    """A page to show and what it must show: every name, slide by slide in order."""

    name: str
    results: list[ContestResult]
    title: str | None = None

    @property
    def names(self) -> list[str]:
        shown = []
        for result in self.results:
            outcome = result.outcome
            tied = outcome.tie.candidates if outcome.tie and not outcome.tie_resolution else ()
            alternate_tied = (
                outcome.alternate_tie.candidates
                if outcome.alternate_tie and not outcome.alternate_resolution
                else ()
            )
            shown += [*outcome.elected, *tied, *outcome.alternates, *alternate_tied]
        return shown

    def write(self, folder: Path, lang: Lang = "vi") -> Path:
        path = folder / f"{self.name}.{lang}.html"
        path.write_text(render_screen(self.results, self.title, lang), encoding="utf-8")
        return path


def _district() -> Shown:
    spec = ROOT / "examples" / "district_congress" / "congress.toml"
    congress = load_congress(spec)
    record = run_congress(congress, BallotFiles(congress, spec.parent, None, "bch"))
    rounds = [r for c in record.contests for r in c.rounds]
    return Shown("district", rounds, congress.name)


_MAKERS: dict[str, Callable[[], Shown]] = {
    "sixty": lambda: Shown("sixty", [cases.elected(60)], "Đại hội đại biểu Đảng bộ tỉnh"),
    "sixty_long": lambda: Shown("sixty_long", [cases.elected(60, long_name=True)]),
    "forty_five": lambda: Shown("forty_five", [cases.elected(45)]),
    "district": _district,
    "ties": lambda: Shown(
        "ties", [cases.tie(), cases.shortfall(), cases.alternates(), cases.nobody()]
    ),
}


PAGES = {name: cache(make) for name, make in _MAKERS.items()}
"""Each page made once for the session."""


def _slides(page: Page) -> int:
    return int(page.evaluate("document.querySelectorAll('.slide').length"))


def _check_current_slide(page: Page, width: int, height: int) -> list[str]:
    """The names of the slide shown, after checking it fits and shows each of them whole."""
    state = page.evaluate(_STATE)
    scroll_width, scroll_height, inner_width, inner_height = state["scroll"]
    assert (inner_width, inner_height) == (width, height)
    assert scroll_width <= width and scroll_height <= height, f"{state['current']}: scrolls"
    assert state["shown"] == 1
    where = f"{state['current']} at {width}×{height}"
    names = page.evaluate(_EACH, ".slide.current .name")
    for text, problems, size in names:
        assert problems == [], f"{where}: {text}: {problems}"
        assert size >= 0.022 * height, f"{where}: {text} in {size}px type"
    others = page.evaluate(
        _EACH, ".slide.current :is(h1, .facts, .names h2, .note, .indicator, .congress)"
    )
    assert [(text, problems) for text, problems, _ in others if problems] == [], where
    return [text for text, _, _ in names]


@pytest.mark.parametrize(("width", "height"), SCREENS)
@pytest.mark.parametrize("which", sorted(PAGES))
def test_every_slide_fits_and_shows_every_name_whole(
    page: OpenPage, tmp_path: Path, which: str, width: int, height: int
) -> None:
    shown = PAGES[which]()
    opened = page(width, height)
    opened.goto(shown.write(tmp_path).as_uri())
    seen: list[str] = []
    for number in range(1, _slides(opened) + 1):
        assert opened.evaluate(_STATE)["indicator"] == f"{number}/{_slides(opened)}"
        seen += _check_current_slide(opened, width, height)
        opened.keyboard.press("ArrowRight")
    assert seen == shown.names


def test_sixty_names_take_two_slides_of_large_type(page: OpenPage, tmp_path: Path) -> None:
    opened = page(1280, 720)
    opened.goto(PAGES["sixty"]().write(tmp_path).as_uri())
    assert _slides(opened) == 2
    sizes = opened.evaluate(
        "[...document.querySelectorAll('.slide.current .name')]"
        ".map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert len(sizes) == 30 and min(sizes) >= 0.03 * 720


def test_the_keyboard_pages_through_every_slide_and_back(page: OpenPage, tmp_path: Path) -> None:
    opened = page(1280, 720)
    opened.goto(PAGES["district"]().write(tmp_path).as_uri())
    total = _slides(opened)
    assert total == 5

    def at() -> str:
        return str(opened.evaluate(_STATE)["indicator"])

    assert at() == "1/5"
    for key, expected in [
        ("ArrowRight", "2/5"),
        ("ArrowDown", "3/5"),
        ("Space", "4/5"),
        ("PageDown", "5/5"),
        ("ArrowRight", "5/5"),
        ("ArrowLeft", "4/5"),
        ("ArrowUp", "3/5"),
        ("PageUp", "2/5"),
        ("PageUp", "1/5"),
        ("ArrowLeft", "1/5"),
        ("End", "5/5"),
        ("Home", "1/5"),
    ]:
        opened.keyboard.press(key)
        assert at() == expected, key
    opened.keyboard.press("End")
    assert opened.evaluate("location.hash") == "#s5"
    opened.reload()
    assert at() == "5/5"  # the slide shown stays shown when the page is opened again


def test_english_page(page: OpenPage, tmp_path: Path) -> None:
    opened = page(1920, 1080)
    opened.goto(PAGES["district"]().write(tmp_path, "en").as_uri())
    assert opened.evaluate("document.documentElement.lang") == "en"
    text = opened.locator(".slide.current").inner_text()
    for word in ("Seats", "Threshold base", "Votes needed", "Elected, by votes", "94.29%"):
        assert word in text
    assert "Số lượng bầu" not in text
    opened.keyboard.press("ArrowRight")
    assert (
        "Tied at the cut-off: 2 candidates on 140 votes"
        in opened.locator(".slide.current").inner_text()
    )


def test_without_the_script_every_slide_is_shown_in_order(page: OpenPage, tmp_path: Path) -> None:
    shown = PAGES["district"]()
    opened = page(1280, 720, java_script_enabled=False)
    opened.goto(shown.write(tmp_path).as_uri())
    slides = opened.locator(".slide")
    assert slides.count() == 5
    assert [slides.nth(i).locator(".indicator").inner_text() for i in range(5)] == [
        f"{i}/5" for i in range(1, 6)
    ]
    assert all(slides.nth(i).is_visible() for i in range(5))
    names = opened.locator(".name")
    assert [names.nth(i).inner_text() for i in range(names.count())] == shown.names


def test_printed_one_slide_a_page(page: OpenPage, tmp_path: Path) -> None:
    """The browser's print: A4 landscape, one slide a page, every name in the text."""
    from pypdf import PdfReader

    shown = PAGES["district"]()
    opened = page(1280, 720)
    opened.goto(shown.write(tmp_path).as_uri())
    pdf = tmp_path / "screen.pdf"
    opened.pdf(path=str(pdf), prefer_css_page_size=True)
    reader = PdfReader(pdf)
    assert len(reader.pages) == 5
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert [n for n in shown.names if n not in text] == []
