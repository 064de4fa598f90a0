"""The public face of ``tally`` (issue 12, point 3): what ``tally.__all__`` promises holds.

Every public name is importable from ``tally``, lives where the list says (its ``__module__`` is
its home), is documented (a docstring, and a row of docs/api.md), is what type checkers see, and
is what the README and the docs import. ``import tally`` loads none of it until it is used.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

import tally

ROOT = Path(__file__).parents[2]
INIT = ROOT / "src" / "tally" / "__init__.py"
API_DOC = ROOT / "docs" / "api.md"
PUBLIC = [name for name in tally.__all__ if name != "__version__"]


def _home(name: str) -> str:
    return tally._HOME_OF[name]


def test_the_list_and_the_homes_agree() -> None:
    assert len(tally.__all__) == len(set(tally.__all__))
    assert set(PUBLIC) == set(tally._HOME_OF)
    assert 30 <= len(PUBLIC) <= 45, "a public face of about 30 to 40 names"


@pytest.mark.parametrize("name", PUBLIC)
def test_every_name_is_importable_from_its_home(name: str) -> None:
    value = getattr(tally, name)
    home = importlib.import_module(_home(name))
    assert getattr(home, name) is value
    if inspect.isclass(value) or inspect.isfunction(value):
        assert value.__module__ == _home(name), f"{name} is defined in {value.__module__}"
        assert inspect.getdoc(value), f"{name} has no docstring"


def test_star_import_gives_every_name() -> None:
    namespace: dict[str, object] = {}
    exec("from tally import *", namespace)
    assert set(tally.__all__) <= set(namespace)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="count_ballot"):
        _ = tally.count_ballot  # type: ignore[attr-defined]
    assert set(tally.__all__) <= set(dir(tally))


def test_type_checkers_see_the_same_names_at_the_same_homes() -> None:
    """The ``if TYPE_CHECKING:`` imports of ``tally/__init__.py`` are the list, name for name."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom) and statement.module
                for alias in statement.names:
                    seen[alias.name] = statement.module
    assert seen == tally._HOME_OF


def test_import_tally_loads_nothing_until_used() -> None:
    code = (
        "import sys, tally\n"
        "print(sorted(m for m in sys.modules if m.startswith('tally')))\n"
        "from tally import *\n"
        "print(sorted(m for m in ('pandas', 'hypothesis') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == ["['tally', 'tally.version']", "[]"]


def test_every_name_has_a_row_in_the_api_page() -> None:
    page = API_DOC.read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(\w+)` \| `([\w.]+)` \|", page, re.M))
    assert rows == {name: _home(name) for name in PUBLIC}


def _documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("document", _documents(), ids=lambda p: p.name)
def test_the_docs_import_public_names_from_tally(document: Path) -> None:
    """A name of the public face is imported from ``tally``, not from its home module."""
    found = []
    for match in re.finditer(r"from (tally\.[\w.]+) import ([\w, ]+)", document.read_text("utf-8")):
        names = {n.strip() for n in match.group(2).split(",")}
        found += [f"{match.group(1)}.{n}" for n in sorted(names & set(PUBLIC))]
    assert found == []
