"""The README's Python example runs, and passes ``mypy --strict`` with the pydantic plugin as
docs/api.md tells a user to set it up (issue 12, point 9)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]


def _example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## From Python", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "the README has a Python example under 'From Python'"
    return match.group(1)


def test_the_example_imports_only_from_tally() -> None:
    imports = re.findall(r"^(?:from|import) (\S+)", _example(), re.M)
    assert imports and set(imports) == {"tally"}


def test_the_example_runs(tmp_path: Path) -> None:
    (tmp_path / "example.py").write_text(_example(), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "COUNTING MINUTES" in done.stdout


def test_the_example_passes_mypy_strict_with_the_pydantic_plugin(tmp_path: Path) -> None:
    (tmp_path / "example.py").write_text(_example(), encoding="utf-8")
    (tmp_path / "mypy.ini").write_text(
        "[mypy]\nstrict = True\nplugins = pydantic.mypy\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "example.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
