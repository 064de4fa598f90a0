"""``tally rollup RESULTS… -o FILE``: many congresses' results (JSON records, audit logs) into
one set of tables for the organisation department."""

from __future__ import annotations

import argparse
from pathlib import Path

from tally.errors import InputFileError, Location
from tally.i18n.messages import Lang, text

FORMATS = (".csv", ".parquet", ".xlsx")


def rollup_command(args: argparse.Namespace) -> tuple[str, bool, str]:
    """Read every input, once each, and write the tables; the board's lines say what was read
    and which repeated files were left out."""
    from tally.rollup.collect import collect
    from tally.rollup.tables import (
        CANDIDATE_COLUMNS,
        COMPOSITION_COLUMNS,
        PROGRESS_COLUMNS,
        candidate_rows,
        composition_rows,
        progress_row,
        unplanned_rows,
    )
    from tally.rollup.write import write_tables

    lang: Lang = args.lang
    output: Path = args.output
    if output.suffix.lower() not in FORMATS:
        raise InputFileError(
            "rollup.format", Location(file=str(output)), allowed=", ".join(FORMATS)
        )
    inputs = list(args.results) + ([args.plan] if args.plan is not None else [])
    gathered = collect(list(args.results))
    records = [reported.record for reported in gathered.congresses]
    progress = [progress_row(rec) for rec in records]
    if args.plan is not None:
        from tally.rollup.units import read_units

        progress += unplanned_rows(read_units(args.plan), progress)
    tables = {
        "candidates": ([r for rec in records for r in candidate_rows(rec)], CANDIDATE_COLUMNS),
        "progress": (progress, PROGRESS_COLUMNS),
        "composition": (
            [r for rec in records for r in composition_rows(rec)],
            COMPOSITION_COLUMNS,
        ),
    }
    if output.suffix.lower() == ".xlsx":
        from tally.files import check_output, write_atomically
        from tally.rollup.workbook import rollup_workbook

        check_output(output, inputs)
        write_atomically(output, rollup_workbook(tables, lang))
        written = [output]
    else:
        written = write_tables(output, tables, inputs)
    lines = [text("cli.rollup_done", lang, congresses=len(records), files=len(written))]
    lines += [
        text("cli.rollup_duplicate", lang, dropped=d.dropped, kept=d.kept)
        for d in gathered.duplicates
    ]
    lines += [text("cli.written", lang, path=path) for path in written]
    args.output = None  # written here, file by file: nothing for main to write
    return "", False, "\n".join(lines)
