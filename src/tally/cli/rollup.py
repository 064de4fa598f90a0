"""``tally rollup RESULTS… -o FILE``: many congresses' results (JSON records, audit logs, or
folders of them) into one set of tables for the organisation department."""

from __future__ import annotations

import argparse
from pathlib import Path

from tally.errors import InputFileError, Location
from tally.i18n.messages import Lang, text

FORMATS = (".csv", ".parquet", ".xlsx")


def rollup_command(args: argparse.Namespace) -> tuple[str, bool, str]:
    """Read every input once (a folder stands for its ``.json`` and ``.jsonl`` files), in
    worker processes when there are many, and write the tables; the board's lines say what was
    read and which repeated files were left out."""
    from tally.files import check_output, write_atomically
    from tally.rollup.collect import expand
    from tally.rollup.tables import roll_up
    from tally.rollup.write import table_paths, write_tables

    lang: Lang = args.lang
    output: Path = args.output
    suffix = output.suffix.lower()
    if suffix not in FORMATS:
        raise InputFileError(
            "rollup.format", Location(file=str(output)), allowed=", ".join(FORMATS)
        )
    paths = expand(list(args.results))
    inputs = [*paths, *([args.plan] if args.plan is not None else [])]
    outputs = [output] if suffix == ".xlsx" else list(table_paths(output).values())
    for path in outputs:
        check_output(path, inputs)
    plan = None
    if args.plan is not None:
        from tally.rollup.units import read_units

        plan = read_units(args.plan)
    if suffix == ".xlsx":
        from tally.rollup.workbook import stream_rollup_workbook

        book, congresses, duplicates = stream_rollup_workbook(paths, plan, lang, args.workers)
        write_atomically(output, book)
        written = [output]
    else:
        done = roll_up(paths, plan, workers=args.workers)
        written = write_tables(output, done.tables, inputs)
        congresses, duplicates = done.congresses, done.duplicates
    lines = [text("cli.rollup_done", lang, congresses=congresses, files=len(written))]
    lines += [
        text("cli.rollup_duplicate", lang, dropped=d.dropped, kept=d.kept) for d in duplicates
    ]
    lines += [text("cli.written", lang, path=path) for path in written]
    args.output = None  # written here, file by file: nothing for main to write
    return "", False, "\n".join(lines)
