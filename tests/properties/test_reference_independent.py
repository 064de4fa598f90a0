"""The plain-Python reference (``tests/reference.py``) stays independent of ``tally``: the
differential tests compare two readings of the rules only while it shares no code with the
package, so it imports the standard library alone and loading it loads no module of ``tally``."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[1] / "reference.py"

LOAD = """
import importlib.util, sys
spec = importlib.util.spec_from_file_location("reference", sys.argv[1])
module = sys.modules["reference"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
print(sorted(m for m in sys.modules if m.split(".")[0] in ("tally", "numpy", "tests")))
import tally
print("tally" in sys.modules)
"""
"""Loads the reference by its path in a fresh interpreter, lists the modules it brought in, then
imports ``tally`` (which is installed there: the first line is not empty for lack of it)."""


def _imported_roots(source: str) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"relative import at line {node.lineno}"
            roots.add((node.module or "").split(".")[0])
    return roots


def test_the_reference_imports_only_the_standard_library() -> None:
    roots = _imported_roots(REFERENCE.read_text(encoding="utf-8"))
    assert "tally" not in roots
    assert roots <= set(sys.stdlib_module_names) | {"__future__"}, sorted(roots)


def test_loading_the_reference_in_a_fresh_interpreter_loads_nothing_of_tally() -> None:
    out = subprocess.run(
        [sys.executable, "-I", "-c", LOAD, str(REFERENCE)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.splitlines() == ["[]", "True"]
