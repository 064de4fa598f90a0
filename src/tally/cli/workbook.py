"""``tally template BOOK.xlsx``: the workbook a clerk fills to prepare a congress; ``tally spec
BOOK.xlsx``: that workbook checked and written as a TOML spec."""

from __future__ import annotations

import argparse
from pathlib import Path

from tally.cli.outputs import check_outputs
from tally.errors import InputFileError, Location
from tally.i18n.messages import Lang, text


def template_command(args: argparse.Namespace) -> tuple[bytes, bool, str]:
    """The template's bytes, for the file named (``args.output``) to receive."""
    from tally.io.workbook_spec import template_bytes

    lang: Lang = args.lang
    output: Path = args.output
    if output.suffix.lower() != ".xlsx":
        raise InputFileError("cli.workbook_suffix", Location(file=str(output)))
    check_outputs(output, [], [])
    if output.exists():
        raise InputFileError("workbook.exists", Location(file=str(output)), path=output)
    return template_bytes(lang), False, ""


def spec_command(args: argparse.Namespace) -> tuple[str, bool, str]:
    """The spec the workbook (or a TOML spec with lists in workbooks) holds, checked as
    ``tally count`` checks it, as TOML text."""
    from tally.cli.count import named_ballots
    from tally.io.spec import congress_from_data, spec_data, workbooks_named
    from tally.io.toml_text import toml_text

    lang: Lang = args.lang
    check_outputs(args.output, [], [args.book, *workbooks_named(args.book)])
    data, cells = spec_data(args.book)
    congress = congress_from_data(args.book, data, cells)
    check_outputs(args.output, [], [args.book, *named_ballots(congress, args.book)])
    lines = [
        text(
            "cli.spec_checked",
            lang,
            path=args.book,
            contests=len(congress.contests),
            names=sum(len(p.contest.candidates) for p in congress.contests),
        )
    ]
    return toml_text(data), False, "\n".join(lines)
