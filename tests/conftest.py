"""Shared test configuration: hypothesis profiles, chosen by ``HYPOTHESIS_PROFILE``, and the
golden-file check.

``default`` (200 examples) for everyday runs, ``ci`` (2,000) for CI, ``dev`` (50) while editing:
``HYPOTHESIS_PROFILE=ci pytest tests/properties``. Golden files are rewritten with
``UPDATE_GOLDEN=1`` (review the diff before committing).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

GOLDEN = Path(__file__).parent / "golden"

settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile("ci", max_examples=2000, deadline=None)
settings.register_profile("dev", max_examples=50)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    """``golden(name, actual)``: ``actual`` must equal ``tests/golden/<name>`` (rewritten
    instead when ``UPDATE_GOLDEN`` is set)."""

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if os.environ.get("UPDATE_GOLDEN"):
            path.write_text(actual, encoding="utf-8")
        expected = path.read_text(encoding="utf-8")
        assert actual == expected, f"{name} differs from its golden file; see the diff above"

    return check
