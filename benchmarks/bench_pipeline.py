"""The pipeline (validity + count + decision) against a bare numpy column sum, same run.

Run: ``make bench`` (all benchmarks) or ``.venv/bin/python benchmarks/bench_pipeline.py
[--quick]``. For each size, ``pipeline`` is :func:`tally.count_contest` — list check, validity
of every ballot, count, reconciliation, decision and the validated result — and ``colsum`` is
``marks.sum(axis=0)`` on the same matrix, timed in the same run; ``ratio`` is their quotient.
``extra KB`` is the most the pipeline allocates at once (traced by :mod:`tracemalloc`), and
``peak ×`` the matrix plus that, over the matrix (ballots numbered 1..n: string serials, as a
CSV file brings, are the caller's memory and are not counted here). A second table gives the
fixed cost: the pipeline on a single ballot.
Targets (issue 6): ratio ≤ 3 from 100k ballots; fixed cost < 1 ms; peak × < 2.
"""

from __future__ import annotations

import argparse
from functools import partial

from measure import (
    CANDIDATES,
    QUICK_SIZES,
    SIZES,
    best_time,
    contest_of,
    machine,
    peak_bytes,
    strike_out_marks,
)

from tally import Ballots, CongressKind, Roll, count_contest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="up to 100k ballots only")
    args = parser.parse_args()
    sizes = QUICK_SIZES if args.quick else SIZES
    print(f"# Pipeline vs column sum — {machine()}")
    print(
        f"{'ballots':>10} {'cands':>5} {'matrix MB':>9} {'valid %':>7} {'pipeline ms':>11} "
        f"{'colsum ms':>9} {'ratio':>5} {'extra KB':>9} {'peak ×':>6}"
    )
    for k in CANDIDATES:
        contest = contest_of(k)
        for n in sizes:
            marks = strike_out_marks(n, k)
            ballots = Ballots.from_arrays(contest, marks)
            roll = Roll(kind=CongressKind.DELEGATE_CONGRESS, convened=n, present=n)
            run = partial(count_contest, contest, ballots, roll=roll, issued=n)
            pipeline = best_time(run)
            colsum = best_time(partial(marks.sum, axis=0))
            result = run()
            inputs = marks.nbytes + ballots.observations.nbytes
            extra = peak_bytes(run)
            peak = (inputs + extra) / marks.nbytes
            print(
                f"{n:>10,} {k:>5} {marks.nbytes / 1e6:>9.1f} "
                f"{100 * result.count.valid / n:>7.1f} {pipeline * 1e3:>11.2f} "
                f"{colsum * 1e3:>9.2f} {pipeline / colsum:>5.2f} "
                f"{extra / 1e3:>9,.0f} {peak:>6.2f}",
                flush=True,
            )
            del marks, ballots
    print(f"{'cands':>5} {'fixed cost ms':>13}   (the pipeline on one ballot)")
    for k in CANDIDATES:
        contest = contest_of(k)
        one = Ballots.from_arrays(contest, strike_out_marks(1, k))
        roll = Roll(kind=CongressKind.DELEGATE_CONGRESS, convened=1, present=1)
        fixed = best_time(partial(count_contest, contest, one, roll=roll, issued=1))
        print(f"{k:>5} {fixed * 1e3:>13.3f}")


if __name__ == "__main__":
    main()
