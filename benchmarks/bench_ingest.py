"""The cost of getting ballots into tally: numpy arrays, a pandas DataFrame, a CSV file.

Run: ``make bench`` (all benchmarks) or ``.venv/bin/python benchmarks/bench_ingest.py
[--quick] [--csv-max N]``. Each column is the best time to build a checked
:class:`tally.Ballots` from the same strike-out matrix held as:

* ``uint8`` — a C-contiguous ``uint8`` array: used as it is, after one pass for the largest
  value (the fastest path: no copy);
* ``bool`` — the same bytes, used as ``uint8`` after the same pass (no copy);
* ``int64`` — any other dtype: checked and converted a block of rows at a time;
* ``frame`` — a pandas DataFrame with one ``uint8`` column per candidate, built column by
  column as a reader would (:func:`tally.io.frames.ballots_from_frame`; pandas stores columns, so
  the rows are copied out once);
* ``csv`` — the list layout (``serial,struck,note``) read from a file
  (:func:`tally.io.ballots_csv.read_ballots_csv`), with ``csv MB`` its size.

``pipeline`` is the count of the same ballots, for scale. CSV files are written only up to
``--csv-max`` ballots, and ``int64`` copies made only up to 4 GB (a 10M × 200 ``int64`` matrix
is 16 GB); a skipped figure prints as ``—``.
"""

from __future__ import annotations

import argparse
import tempfile
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
from measure import CANDIDATES, QUICK_SIZES, SIZES, best_time, contest_of, machine, strike_out_marks

from tally import Ballots, CongressKind, Roll, count_contest
from tally.io.ballots_csv import ballots_to_csv_text, read_ballots_csv
from tally.io.frames import ballots_from_frame

CONVERT_MAX_BYTES = 4_000_000_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="up to 100k ballots only")
    parser.add_argument("--csv-max", type=int, default=10_000_000, help="largest CSV to write")
    args = parser.parse_args()
    sizes = QUICK_SIZES if args.quick else SIZES
    print(f"# Ingestion — {machine()}")
    print(
        f"{'ballots':>10} {'cands':>5} {'uint8 ms':>8} {'bool ms':>8} {'int64 ms':>8} "
        f"{'frame ms':>9} {'csv ms':>9} {'csv MB':>7} {'pipeline ms':>11}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for k in CANDIDATES:
            contest = contest_of(k)
            for n in sizes:
                marks = strike_out_marks(n, k)
                as_uint8 = best_time(partial(Ballots.from_arrays, contest, marks))
                other = []
                for dtype in (np.bool_, np.int64):
                    if marks.size * np.dtype(dtype).itemsize > CONVERT_MAX_BYTES:
                        other.append("—")
                        continue
                    converted = marks.astype(dtype)
                    spent = best_time(partial(Ballots.from_arrays, contest, converted))
                    other.append(f"{spent * 1e3:.2f}")
                    del converted
                frame = pd.DataFrame({name: marks[:, j] for j, name in enumerate(contest.names)})
                from_frame = best_time(partial(ballots_from_frame, contest, frame))
                del frame
                csv_ms, csv_mb = "—", "—"
                if n <= args.csv_max:
                    path = Path(folder) / f"ballots_{n}_{k}.csv"
                    ballots = Ballots.from_arrays(contest, marks)
                    path.write_text(ballots_to_csv_text(contest, ballots), encoding="utf-8")
                    csv_ms = f"{best_time(partial(read_ballots_csv, contest, path)) * 1e3:.1f}"
                    csv_mb = f"{path.stat().st_size / 1e6:.1f}"
                    path.unlink()
                ballots = Ballots.from_arrays(contest, marks)
                roll = Roll(kind=CongressKind.DELEGATE_CONGRESS, convened=n, present=n)
                pipeline = best_time(partial(count_contest, contest, ballots, roll=roll, issued=n))
                print(
                    f"{n:>10,} {k:>5} {as_uint8 * 1e3:>8.2f} {other[0]:>8} "
                    f"{other[1]:>8} {from_frame * 1e3:>9.2f} {csv_ms:>9} {csv_mb:>7} "
                    f"{pipeline * 1e3:>11.2f}",
                    flush=True,
                )
                del marks, ballots


if __name__ == "__main__":
    main()
