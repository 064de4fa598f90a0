"""Time the pipeline (validity + count + decision) against a bare numpy column sum, same run.

Run: ``make bench`` (or ``.venv/bin/python benchmarks/bench_pipeline.py [--quick]``). Prints, per
size, the best of several runs and the ratio to ``marks.sum(axis=0)`` on the same matrix.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from functools import partial

import numpy as np

from tally import Ballots, Body, CongressKind, Contest, Roll, count_contest


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """Best wall time of ``repeat`` calls, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def contest_of(k: int) -> Contest:
    names = [f"Nguyễn Văn {chr(0x41 + i // 26)}{chr(0x61 + i % 26)}" for i in range(k)]
    seats = max(1, k * 10 // 13)
    return Contest(id="bench", body=Body.UPPER_DELEGATES, seats=seats, candidates=names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes only")
    args = parser.parse_args()
    sizes = [1_000, 10_000, 100_000] if args.quick else [1_000, 10_000, 100_000, 1_000_000]
    rng = np.random.default_rng(0)
    print(f"{'ballots':>10} {'cands':>6} {'pipeline ms':>12} {'colsum ms':>10} {'ratio':>7}")
    for k in (10, 60, 200):
        contest = contest_of(k)
        for n in sizes:
            marks = (rng.random((n, k)) < 0.7).astype(np.uint8)
            ballots = Ballots.from_arrays(contest, marks)
            roll = Roll(kind=CongressKind.DELEGATE_CONGRESS, convened=n, present=n)
            repeat = 5 if n <= 100_000 else 2
            pipeline = best_of(
                partial(count_contest, contest, ballots, roll=roll, issued=n), repeat
            )
            colsum = best_of(partial(marks.sum, axis=0, dtype=np.int64), repeat)
            print(
                f"{n:>10} {k:>6} {pipeline * 1e3:>12.2f} {colsum * 1e3:>10.2f} "
                f"{pipeline / colsum:>7.1f}"
            )


if __name__ == "__main__":
    main()
