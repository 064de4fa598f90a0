"""Writing a roll-up: CSV (no extra needed) or Parquet (the ``rollup`` extra: pyarrow), one
file per table — ``NAME.csv`` (or ``.parquet``) holds the candidates, ``NAME.progress.csv`` the
progress, ``NAME.composition.csv`` the composition. Each file is written whole or not at all,
and never over an input. Parquet columns are typed (counts as integers, the share as a
floating-point number), so DuckDB queries the files directly."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tally.extras import need
from tally.files import check_output, write_atomically
from tally.rollup.tables import BOOLEAN_COLUMNS, INTEGER_COLUMNS, Row, Tables


def csv_text(rows: Iterable[Row], columns: tuple[str, ...]) -> str:
    """``rows`` as CSV with a header of ``columns`` (UTF-8 with a BOM, as Excel reads it)."""
    return csv_bytes(rows, columns).decode("utf-8")


def csv_bytes(rows: Iterable[Row], columns: tuple[str, ...]) -> bytes:
    """:func:`csv_text` encoded as UTF-8 — built as bytes, so that a large table is held once
    (a Vietnamese text of *n* characters takes 2*n* bytes as a Python string).

    >>> csv_bytes([{"unit": "Xã Tân Lập"}], ("unit",))[:3] == "\ufeff".encode()
    True
    """
    out = io.BytesIO()
    stream = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.DictWriter(
        stream, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore"
    )
    writer.writeheader()
    writer.writerows(rows)
    stream.flush()
    data = out.getvalue()
    stream.detach()
    return data


def table_paths(output: Path) -> dict[str, Path]:
    """The three files a roll-up writes: ``output`` and two beside it, with its suffix.

    >>> [p.name for p in table_paths(Path("tinh.parquet")).values()]
    ['tinh.parquet', 'tinh.progress.parquet', 'tinh.composition.parquet']
    """
    suffix = output.suffix
    stem = output.with_suffix("")
    return {
        "candidates": output,
        "progress": stem.with_name(f"{stem.name}.progress{suffix}"),
        "composition": stem.with_name(f"{stem.name}.composition{suffix}"),
    }


def write_tables(output: Path, tables: Tables, inputs: list[Path]) -> list[Path]:
    """Write each table to its file (:func:`table_paths`), as CSV or Parquet by ``output``'s
    suffix; every output is checked against the inputs before anything is written."""
    paths = table_paths(output)
    for path in paths.values():
        check_output(path, inputs)
    parquet = output.suffix.lower() == ".parquet"
    if parquet:
        need("pyarrow", "rollup")
    written = []
    for name, (rows, columns) in tables.items():
        data = parquet_bytes(rows, columns) if parquet else csv_bytes(rows, columns)
        write_atomically(paths[name], data)
        written.append(paths[name])
    return written


def parquet_bytes(rows: list[Row], columns: tuple[str, ...]) -> bytes:
    """``rows`` as a Parquet file: counts and targets as 64-bit integers, the share as a
    double, ``reported`` and whether a target is met as booleans, the rest as text (an empty
    table keeps its typed columns)."""
    pa = need("pyarrow", "rollup")
    pq = need("pyarrow.parquet", "rollup")

    def kind(column: str) -> Any:
        if column in INTEGER_COLUMNS:
            return pa.int64()
        if column in BOOLEAN_COLUMNS:
            return pa.bool_()
        return pa.float64() if column == "share" else pa.string()

    schema = pa.schema([(column, kind(column)) for column in columns])
    data = {column: [_cell(row.get(column), column) for row in rows] for column in columns}
    table = pa.Table.from_pydict(data, schema=schema)
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


_TYPED = INTEGER_COLUMNS | BOOLEAN_COLUMNS | {"share"}
"""The columns Parquet holds as numbers or booleans, not text."""


def _cell(value: object, column: str) -> object:
    """A cell as Parquet takes it: text columns as text (``True`` → ``"true"``)."""
    if value is None or column in _TYPED:
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
