"""The message catalogue: both languages say the same thing with the same placeholders."""

from __future__ import annotations

import os
import string
import subprocess
import sys
from pathlib import Path

import pytest

from tally.i18n.messages import _CATALOGUE, keys, text


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


def test_common_os_errors_are_said_in_the_board_s_words() -> None:
    """The system's own text (strerror) is English: the common errno values are said in
    Vietnamese (and plainly in English), in every file error."""
    import errno

    from tally.files import os_detail

    for number in (
        errno.ENOENT,
        errno.EACCES,
        errno.EPERM,
        errno.EISDIR,
        errno.ENOTDIR,
        errno.ENOSPC,
        errno.EROFS,
        errno.EEXIST,
        errno.ELOOP,
        errno.ENAMETOOLONG,
    ):
        english = os.strerror(number)
        detail = os_detail(OSError(number, english))
        assert detail.render("vi") != english and detail.render("en") != english
        assert detail.render("vi") != detail.render("en")
    odd = os_detail(OSError(errno.EIO, "Input/output error"))
    assert odd.render("vi") == odd.render("en") == "Input/output error"


def test_a_path_through_a_file_is_refused_in_vietnamese(tmp_path: Path) -> None:
    from tally.errors import InputFileError
    from tally.files import read_utf8

    (tmp_path / "f").write_text("x", encoding="utf-8")
    with pytest.raises(InputFileError) as raised:
        read_utf8(tmp_path / "f" / "g.csv")
    assert "một phần của đường dẫn không phải là thư mục" in str(raised.value)
    assert "a part of the path is not a folder" in raised.value.message("en")
    assert "Not a directory" not in str(raised.value)
