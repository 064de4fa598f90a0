"""Every Python block of docs/testing.md runs, and every test it defines passes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "testing.md"
BLOCKS = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_the_page_has_examples_for_every_strategy() -> None:
    text = "".join(BLOCKS)
    for strategy in (
        "vietnamese_names(",
        "candidates(",
        "rolls(",
        "rule_sets(",
        "contests(",
        "ballots(",
        "counted_contests(",
        "congresses(",
        "sessions(",
    ):
        assert strategy in text, strategy


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_the_block_runs_and_its_tests_pass(block: str) -> None:
    namespace: dict[str, Any] = {"__name__": "docs_testing"}
    exec(compile(block, str(DOC), "exec"), namespace)
    tests = [f for name, f in namespace.items() if name.startswith("test_") and callable(f)]
    assert tests or "def test_" not in block
    for test in tests:
        test()
