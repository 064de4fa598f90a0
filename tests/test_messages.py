"""The message catalogue: both languages say the same thing with the same placeholders."""

from __future__ import annotations

import string
import subprocess
import sys

import pytest

from tally.messages import _CATALOGUE, keys, text


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(keys()))
def test_vietnamese_and_english_use_the_same_placeholders(key: str) -> None:
    vi, en = _CATALOGUE[key]
    assert _fields(vi) == _fields(en)
    params = {name: f"<{name}>" for name in _fields(vi)}
    assert text(key, "vi", **params) != text(key, "en", **params) or not params


def test_import_tally_is_light() -> None:
    heavy = "('pandas', 'hypothesis', 'argparse')"
    code = f"import sys, tally; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
