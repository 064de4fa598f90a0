"""What the benchmarks share: timing, memory tracing, test contests and mark matrices.

Every figure is the best of several runs (the least disturbed by the rest of the machine), and
every ratio is taken against a baseline timed in the same run on the same data.
"""

from __future__ import annotations

import os
import platform
import sys
import time
import tracemalloc
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from tally import Body, Contest

SIZES = (1_000, 10_000, 100_000, 1_000_000, 10_000_000)
QUICK_SIZES = (1_000, 10_000, 100_000)
CANDIDATES = (10, 60, 200)


def best_time(fn: Callable[[], object], budget: float = 0.2, repeat: int = 5) -> float:
    """Seconds per call of ``fn``: the best of ``repeat`` rounds (2 for calls over a second),
    each of as many calls as fit in about ``budget`` seconds, so that sub-millisecond calls are
    timed in bulk. The first call (caches warming up) is not counted."""
    start = time.perf_counter()
    fn()
    once = time.perf_counter() - start
    calls = max(1, int(budget / max(once, 1e-9)))
    best = float("inf")
    for _ in range(repeat if once < 1 else 2):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def peak_bytes(fn: Callable[[], object]) -> int:
    """Bytes allocated at the peak of one call of ``fn`` beyond what was allocated before it
    (numpy reports its arrays to :mod:`tracemalloc`)."""
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak - before


def names_of(k: int) -> list[str]:
    """``k`` distinct Vietnamese names (Nguyễn Văn Aa, Nguyễn Văn Ab, …)."""
    return [f"Nguyễn Văn {chr(0x41 + i // 26)}{chr(0x61 + i % 26)}" for i in range(k)]


def contest_of(k: int) -> Contest:
    """``k`` candidates for ``k * 10 // 13`` seats (about the 30% surplus of RULES §5)."""
    seats = max(1, k * 10 // 13)
    return Contest(id="bench", body=Body.UPPER_DELEGATES, seats=seats, candidates=names_of(k))


def strike_out_marks(n: int, k: int, seed: int = 0) -> npt.NDArray[np.uint8]:
    """An ``n × k`` strike-out matrix: each name kept with probability 0.7, so that ballots
    keeping more than the seats are invalid — about 38% at 10 candidates, 10% at 60, 2% at 200
    (the benchmark prints the valid share). Rows beyond a million repeat the first million, so
    that 10 million × 200 (2 GB) is built in seconds."""
    rng = np.random.default_rng(seed)
    first = min(n, 1_000_000)
    marks = np.empty((n, k), dtype=np.uint8)
    for start in range(0, first, 100_000):
        stop = min(start + 100_000, first)
        marks[start:stop] = rng.random((stop - start, k), dtype=np.float32) < 0.7
    for start in range(first, n, first):
        stop = min(start + first, n)
        marks[start:stop] = marks[: stop - start]
    return marks


def machine() -> str:
    """One line naming the machine and the versions the figures were taken with."""
    import pydantic

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
    except (OSError, StopIteration):
        pass
    return (
        f"{cpu}, {os.cpu_count()} CPUs; {platform.system()} {platform.release()}; "
        f"Python {sys.version.split()[0]}, numpy {np.__version__}, pydantic {pydantic.VERSION}"
    )


def megabytes(size: int) -> str:
    """``size`` bytes in MB with one decimal."""
    return f"{size / 1e6:.1f}"
