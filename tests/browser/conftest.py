"""A real browser for the tests in this folder: headless Chromium from the OS packages, driven
by Playwright.

- ``browser`` (one per session): the Chromium found on the ``PATH`` (``chromium``,
  ``chromium-browser``), or the one ``TALLY_CHROMIUM`` names (set it empty to act as if none
  were installed). Without Playwright or without a Chromium that starts, every test that uses
  it is SKIPPED with a plain reason, and the run ends with one line saying so.
- ``page`` (per test): ``page(width, height)`` opens a new page of that viewport in a fresh
  context. The page may load ``file:``, ``data:``, ``about:`` and ``blob:`` addresses only — a
  page that reaches for the network fails the test — and a script error on it fails the test.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL = ("file:", "data:", "about:", "blob:")
"""The only addresses a page under test may load."""

_SKIPPED = pytest.StashKey[str]()

OpenPage = Callable[..., "Page"]
"""``page(width=1280, height=720, **context_options)``: a new page of that viewport."""


def chromium_path() -> str | None:
    """The Chromium to drive: ``TALLY_CHROMIUM`` when set (empty: none), else the first
    ``chromium`` or ``chromium-browser`` on the ``PATH``."""
    if "TALLY_CHROMIUM" in os.environ:
        named = os.environ["TALLY_CHROMIUM"]
        return named if named and Path(named).is_file() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser(request: pytest.FixtureRequest) -> Iterator[Browser]:
    """Headless Chromium for the session, or a skip saying what is missing."""

    def skip(reason: str) -> None:
        request.config.stash[_SKIPPED] = reason
        pytest.skip(f"browser tests skipped: {reason}")

    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        skip("Playwright is not installed — pip install -e '.[dev]'")
    executable = chromium_path()
    if executable is None:
        skip("no Chromium found — apt-get install chromium")
    assert executable is not None
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        except Error as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else "no reason"
            skip(f"Chromium at {executable} does not start ({first})")
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[OpenPage]:
    """``page(width, height)``: a new page in a fresh context; network and script errors
    fail the test."""
    contexts: list[Any] = []
    reached: list[str] = []
    errors: list[str] = []

    def open_page(width: int = 1280, height: int = 720, **options: Any) -> Page:
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)

        def guard(route: Any) -> None:
            url = route.request.url
            if url.startswith(LOCAL):
                route.continue_()
            else:
                reached.append(url)
                route.abort()

        context.route("**/*", guard)
        opened = context.new_page()
        opened.on("pageerror", lambda error: errors.append(str(error)))
        return opened

    yield open_page
    for context in contexts:
        context.close()
    assert not reached, f"the page reached for the network: {reached}"
    assert not errors, f"script errors on the page: {errors}"


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """One plain line at the end of the run when the browser tests were skipped."""
    reason = config.stash.get(_SKIPPED, None)
    if reason is not None:
        terminalreporter.write_line(f"browser tests skipped: {reason}")
