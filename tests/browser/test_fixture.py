"""The browser fixture itself: without a Chromium, or without Playwright, the browser tests
are skipped — never failed — and the run ends with one plain line saying why and what to
install. (These run pytest in a subprocess; they need no browser.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _pytest(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        "tests/browser/test_screen.py",
        "-k",
        "keyboard or english",
    ]
    return subprocess.run(
        command, cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=120
    )


def test_no_chromium_skips_and_says_so() -> None:
    done = _pytest({"TALLY_CHROMIUM": ""})
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert "browser tests skipped: no Chromium found — apt-get install chromium" in lines
    assert "2 skipped" in done.stdout and "passed" not in done.stdout


def test_no_playwright_skips_and_says_so(tmp_path: Path) -> None:
    fake = tmp_path / "playwright"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise ImportError('not installed')\n", encoding="utf-8")
    path = os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])
    done = _pytest({"PYTHONPATH": path})
    assert done.returncode == 0, done.stdout + done.stderr
    said = "browser tests skipped: Playwright is not installed — pip install -e '.[dev]'"
    assert said in done.stdout.splitlines()


@pytest.mark.parametrize("named", ["/nonexistent/chromium", ""])
def test_tally_chromium_names_the_browser(named: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.browser.conftest import chromium_path

    monkeypatch.setenv("TALLY_CHROMIUM", named)
    assert chromium_path() is None
    monkeypatch.setenv("TALLY_CHROMIUM", sys.executable)
    assert chromium_path() == sys.executable
