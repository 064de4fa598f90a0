"""Writing a roll-up: CSV files (no extra needed) — ``NAME.csv`` holds the candidates,
``NAME.progress.csv`` the progress, ``NAME.composition.csv`` the composition. Each file is
written whole or not at all, and never over an input."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from tally.files import check_output, write_atomically
from tally.rollup.tables import Row


def csv_text(rows: Iterable[Row], columns: tuple[str, ...]) -> str:
    """``rows`` as CSV with a header of ``columns`` (UTF-8 with a BOM, as Excel reads it)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return "\ufeff" + out.getvalue()


def csv_paths(output: Path) -> dict[str, Path]:
    """The three files a CSV roll-up writes next to ``output``."""
    stem = output.with_suffix("")
    return {
        "candidates": output,
        "progress": stem.with_name(stem.name + ".progress.csv"),
        "composition": stem.with_name(stem.name + ".composition.csv"),
    }


def write_csv(
    output: Path, tables: dict[str, tuple[list[Row], tuple[str, ...]]], inputs: list[Path]
) -> list[Path]:
    """Write each table of ``tables`` to its file (see :func:`csv_paths`); the files written."""
    paths = csv_paths(output)
    for path in paths.values():
        check_output(path, inputs)
    written = []
    for name, (rows, columns) in tables.items():
        write_atomically(paths[name], csv_text(rows, columns))
        written.append(paths[name])
    return written
