"""The command line speaks one language at a time (issue 12, point 9): every help, usage line
and argparse error in Vietnamese by default, argparse's own words included, and in English with
``--lang en`` wherever it is typed."""

from __future__ import annotations

import argparse
import inspect
import re
import subprocess
import sys

import pytest

from tally.cli.main import COMMANDS as SUBCOMMANDS
from tally.cli.main import EXIT_USAGE, main

COMMANDS: list[list[str]] = [[], ["count"], ["verify"], ["replay"], ["reconcile"]]
"""``tally`` itself and each sub-command."""

ARGPARSE_ENGLISH = (
    "usage:",
    "options:",
    "positional arguments",
    "show this help message",
    "show program's version number",
    "error:",
    "the following arguments are required",
    "invalid choice",
    "unrecognized arguments",
    "expected one argument",
)
VIETNAMESE = ("cách dùng:", "tùy chọn:", "in trợ giúp này rồi thoát")


def words(text: str) -> str:
    """``text`` with every run of spaces and newlines as one space (help is wrapped)."""
    return " ".join(text.split())


def help_of(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as raised:
        main(args)
    assert raised.value.code == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return words(captured.out)


def usage_error(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as raised:
        main(args)
    assert raised.value.code == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    return words(captured.err)


def help_texts(lang: str) -> list[str]:
    """Every help sentence of the table in ``lang`` that differs in the other language."""
    from tally.i18n.catalogue import CATALOGUE

    side = 0 if lang == "vi" else 1
    return [
        words(pair[side])
        for key, pair in CATALOGUE.items()
        if key.startswith("cli.help.") and pair[0] != pair[1]
    ]


def test_python_dash_m_tally_help_is_vietnamese() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tally", "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("cách dùng: tally")
    assert "usage:" not in done.stdout and "show this help message" not in done.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(["tally", *c]))
def test_help_is_all_vietnamese_by_default(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    helps = help_of([*command, "--help"], capsys)
    for english in ARGPARSE_ENGLISH:
        assert english not in helps
    for vietnamese in VIETNAMESE:
        assert vietnamese in helps
    for sentence in help_texts("en"):
        assert sentence not in helps
    assert " / " not in helps  # no help text in both languages at once


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(["tally", *c]))
@pytest.mark.parametrize("where", ["before", "after"])
def test_help_is_all_english_with_lang_en(
    command: list[str], where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--lang", "en", *command] if where == "before" else [*command, "--lang", "en"]
    helps = help_of([*args, "--help"], capsys)
    assert helps.startswith("usage: tally")
    assert "options:" in helps and "show this help message and exit" in helps
    for vietnamese in VIETNAMESE:
        assert vietnamese not in helps
    for sentence in help_texts("vi"):
        assert sentence not in helps
    assert not re.search(
        "[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", helps
    )


def test_help_in_the_language_last_given(capsys: pytest.CaptureFixture[str]) -> None:
    assert help_of(["count", "--lang", "en", "--lang=vi", "--help"], capsys).startswith("cách")
    assert help_of(["--lang", "vi", "count", "--lan", "en", "-h"], capsys).startswith("usage:")


def test_count_help_says_it_counts_the_whole_congress(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["--help"], ["count", "--help"]):
        vietnamese = help_of(args, capsys).lower()
        assert all(w in vietnamese for w in ("cả đại hội", "mọi cuộc bầu", "từng vòng một"))
        english = help_of([*args, "--lang", "en"], capsys).lower()
        assert all(w in english for w in ("whole congress", "every contest", "round by round"))
        assert "count one contest" not in english


def test_version_still_answers(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--version"])
    assert raised.value.code == 0
    assert capsys.readouterr().out.startswith("tally ")


USAGE_ERRORS = [
    (["count"], "thiếu đối số bắt buộc: ĐẠI_HỘI.toml", "the following arguments are required"),
    (
        [],
        "thiếu đối số bắt buộc: {" + ",".join(SUBCOMMANDS) + "}",
        "arguments are required",
    ),
    (
        ["count", "c.toml", "--format", "odt"],
        "đối số --format: lựa chọn không hợp lệ: 'odt' (chọn một trong",
        "argument --format: invalid choice: 'odt' (choose from",
    ),
    (["verify", "log.jsonl", "--bogus"], "không nhận ra đối số: --bogus", "unrecognized"),
    (["count", "c.toml", "--contest"], "đối số --contest: cần đúng một giá trị", "expected one"),
    (["nothing"], "lựa chọn không hợp lệ: 'nothing'", "invalid choice: 'nothing'"),
]


@pytest.mark.parametrize(("args", "vietnamese", "english"), USAGE_ERRORS)
def test_argparse_errors_speak_the_language(
    args: list[str], vietnamese: str, english: str, capsys: pytest.CaptureFixture[str]
) -> None:
    said = usage_error(args, capsys)
    assert said.startswith("cách dùng: tally")
    assert vietnamese in said and ": lỗi: " in said
    for word in ARGPARSE_ENGLISH:
        assert word not in said
    said = usage_error([*args, "--lang", "en"], capsys)
    assert said.startswith("usage: tally") and ": error: " in said and english in said
    assert "lỗi" not in said and "cách dùng" not in said


@pytest.mark.parametrize(
    ("args", "vietnamese", "english"),
    [
        (["replay", "l.jsonl", "--entries", "--format", "json"], "pdf hoặc docx", "pdf or docx"),
        (["count", "c.toml", "--list", "--format", "json"], "pdf hoặc docx", "pdf or docx"),
        (["count", "c.toml", "--list", "--log", "l.jsonl"], "không dùng cùng", "without"),
        (["reconcile", "a.jsonl"], "Cần nhật ký của 2 hoặc 3 máy", "Give the logs of 2 or 3"),
    ],
)
def test_tallys_own_usage_errors_speak_one_language(
    args: list[str], vietnamese: str, english: str, capsys: pytest.CaptureFixture[str]
) -> None:
    said = usage_error(args, capsys)
    assert vietnamese in said and english not in said
    said = usage_error([*args, "--lang", "en"], capsys)
    assert english in said and vietnamese not in said


def test_every_cli_text_has_both_languages() -> None:
    from tally.i18n.catalogue.cli_help import TABLE

    placeholder = re.compile(r"%\(\w+\)[sr]|%[sr]|\{\w*\}")
    for key, (vi, en) in TABLE.items():
        assert vi.strip() and en.strip(), key
        assert sorted(placeholder.findall(vi)) == sorted(placeholder.findall(en)), key
        assert " / " not in vi and " / " not in en, key


def test_argparse_templates_are_argparses_own_words() -> None:
    """The English side of every ``cli.argparse.*`` entry is a message of this Python's
    argparse, character for character: otherwise its Vietnamese could never be found."""
    from tally.i18n.catalogue import CATALOGUE

    source = inspect.getsource(argparse)
    for key, (_, en) in CATALOGUE.items():
        if key.startswith("cli.argparse.") and "unexpected option" not in en:
            assert en.replace("\n", "\\n") in source, key


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        ([], "vi"),
        (["count", "c.toml"], "vi"),
        (["count", "c.toml", "--lang", "en"], "en"),
        (["--lang=en", "verify", "l.jsonl"], "en"),
        (["--lang", "en", "count", "c.toml", "--lang", "vi"], "vi"),
        (["count", "c.toml", "--lang", "fr"], "vi"),
        (["count", "--lang"], "vi"),
        (["count", "--", "--lang", "en"], "vi"),
        (["count", "c.toml", "--log", "en"], "vi"),
    ],
)
def test_language_of_the_command_line(argv: list[str], lang: str) -> None:
    from tally.cli.parser import language_of

    assert language_of(argv) == lang
