"""``tally count --log`` at 100k and 1M ballots: time and peak memory per ballot.

Run: ``make bench`` (all benchmarks), ``.venv/bin/python benchmarks/bench_log.py``, or with
``--quick`` (10k and 100k only).

* A congress with one contest (20 names for 17 seats, strike-out ballots) and N ballots in a
  CSV file is written to a temporary folder.
* ``tally count SPEC -o minutes`` (the baseline) and ``tally count SPEC --log LOG -o minutes``
  are each run as a new process; the wall time and the peak resident memory of that process
  (``ru_maxrss`` of a child, read by a small wrapper process so that each run is measured
  alone) are printed per ballot, and as the ratio of the run with ``--log`` to the baseline.
* The memory ``--log`` adds per ballot — (peak with the log − peak without) / N — is what
  must not grow with N: the log is written as the ballots are read from their arrays, and
  nothing is kept per ballot written.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from measure import machine, names_of

TALLY = Path(sys.executable).with_name("tally")
CANDIDATES = 20
SEATS = 17
SIZES = (100_000, 1_000_000)
QUICK_SIZES = (10_000, 100_000)

PEAK = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # KiB on Linux
print(json.dumps({"rc": done.returncode, "wall": wall, "peak": peak,
                  "err": done.stderr.decode(errors="replace")[-400:]}))
"""


def write_congress(folder: Path, ballots: int) -> Path:
    """A spec and its ballots file: ``ballots`` ballots, each striking 3 to 7 of 20 names."""
    names = names_of(CANDIDATES)
    rng = np.random.default_rng(11)
    struck = rng.integers(3, 8, size=ballots)
    with (folder / "ballots.csv").open("w", encoding="utf-8") as stream:
        stream.write("serial,struck,note\n")
        for i in range(ballots):
            numbers = np.sort(rng.choice(CANDIDATES, size=int(struck[i]), replace=False)) + 1
            stream.write(f"B{i + 1:07d},{';'.join(map(str, numbers))},\n")
    candidates = "\n".join(f'    "{name}",' for name in names)
    spec = f"""rules = "qc190"

[congress]
name = "Đại hội (benchmark nhật ký)"
date = 2025-10-01

[roll]
kind = "delegate_congress"
convened = {ballots}
present = {ballots}

[[board]]
name = "Trần Thị Hoa"
role = "head"

[[contest]]
id = "bch"
body = "executive_committee"
seats = {SEATS}
issued = {ballots}
collected = {ballots}
counted_at = 2025-10-01T16:00:00
ballots = "ballots.csv"
candidates = [
{candidates}
]
"""
    path = folder / "congress.toml"
    path.write_text(spec, encoding="utf-8")
    return path


def measured(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident bytes of ``command`` run as a new process."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *command], check=True, capture_output=True, text=True
    )
    figures = json.loads(done.stdout)
    if figures["rc"] not in (0, 4):
        raise SystemExit(f"{' '.join(command)} failed: {figures['err']}")
    return float(figures["wall"]), int(figures["peak"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="10k and 100k ballots only")
    args = parser.parse_args()
    sizes = QUICK_SIZES if args.quick else SIZES
    print(f"# tally count --log — {machine()}")
    print(
        f"{'ballots':>10} {'µs/ballot':>10} {'(base)':>8} {'time ×':>7}"
        f" {'peak B/ballot':>14} {'(base)':>8} {'peak ×':>7} {'added B/ballot':>15}"
        f" {'log B/ballot':>13}"
    )
    for n in sizes:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            spec = write_congress(folder, n)
            minutes = folder / "minutes.txt"
            base_t, base_m = measured([str(TALLY), "count", str(spec), "-o", str(minutes)])
            log = folder / "count.jsonl"
            started = time.perf_counter()
            log_t, log_m = measured(
                [str(TALLY), "count", str(spec), "--log", str(log), "-o", str(minutes)]
            )
            assert time.perf_counter() - started >= log_t
            size = log.stat().st_size
        print(
            f"{n:>10,} {log_t / n * 1e6:>10.1f} {base_t / n * 1e6:>8.1f} {log_t / base_t:>7.1f}"
            f" {log_m / n:>14.0f} {base_m / n:>8.0f} {log_m / base_m:>7.2f}"
            f" {(log_m - base_m) / n:>15.0f} {size / n:>13.0f}"
        )


if __name__ == "__main__":
    main()
