"""The catalogue: every message and label says the same thing in both languages, with the same
placeholders."""

from __future__ import annotations

import os
import string
import subprocess
import sys
from pathlib import Path

import pytest

from tally.i18n.catalogue import CATALOGUE
from tally.i18n.messages import Words, keys, text


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class _Param:
    """A stand-in for any parameter: formats as ``<name>`` whatever the format spec."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __format__(self, spec: str) -> str:
        return f"<{self.name}>"

    def __repr__(self) -> str:
        return f"<{self.name}>"


def _problems(key: str, vi: str, en: str) -> list[str]:
    """What is wrong with one entry: an empty language, placeholders that differ."""
    found = [f"{key}: no {lang} text" for lang, t in (("vi", vi), ("en", en)) if not t.strip()]
    if _fields(vi) != _fields(en):
        found.append(
            f"{key}: placeholders {sorted(_fields(vi))} (vi) != {sorted(_fields(en))} (en)"
        )
    return found


def test_every_key_has_both_languages_with_the_same_placeholders() -> None:
    """Messages and labels alike: the whole catalogue, one assertion listing every bad entry."""
    assert keys() == frozenset(CATALOGUE)
    assert len(CATALOGUE) > 550
    problems = [p for key, (vi, en) in sorted(CATALOGUE.items()) for p in _problems(key, vi, en)]
    assert problems == []


def test_a_broken_english_entry_is_caught() -> None:
    """The check above fails on an English entry that is empty or names another placeholder."""
    vi, en = CATALOGUE["minutes.tie_open"]
    assert _problems("k", vi, en) == []
    empty = _problems("k", vi, "")
    assert empty == [
        "k: no en text",
        "k: placeholders ['cited', 'policy', 'stake'] (vi) != [] (en)",
    ]
    assert _problems("k", vi, en.replace("{stake}", "{seats}")) != []


@pytest.mark.parametrize("key", sorted(keys()))
def test_every_key_renders_in_both_languages(key: str) -> None:
    vi = CATALOGUE[key][0]
    params = {name: _Param(name) for name in _fields(vi)}
    said_vi, said_en = text(key, "vi", **params), text(key, "en", **params)
    assert said_vi.strip() and said_en.strip()
    assert said_vi != said_en or not params


def test_document_words_have_a_prefix_and_shared_words_are_said_once() -> None:
    """A renderer looks up its words under its own prefix; the words several documents use
    are one ``doc.`` entry each, not one copy per document."""
    assert Words("minutes")("title", "en") == text("minutes.title", "en") == "COUNTING MINUTES"
    assert Words("summary")("doc.no", "vi") == "TT"
    by_text: dict[tuple[str, str], list[str]] = {}
    for key, pair in CATALOGUE.items():
        if key.split(".")[0] in {
            "doc",
            "minutes",
            "entry_log",
            "summary",
            "stations",
            "ballot_list",
            "screen",
        }:
            by_text.setdefault(pair, []).append(key)
    assert [keys for keys in by_text.values() if len(keys) > 1] == []


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
