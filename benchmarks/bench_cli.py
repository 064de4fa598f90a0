"""``tally count`` end to end on a real-size congress, and the cost of ``import tally``.

Run: ``make bench`` (all benchmarks) or ``.venv/bin/python benchmarks/bench_cli.py``.

* A provincial-size congress is written to a temporary folder: 500 delegates present, an
  executive committee of 50 elected from 60 candidates, 500 ballots in a CSV file. The whole
  command — Python start-up, imports, reading the spec and the CSV, the count, the minutes
  written to a file — is timed as a new process, best of several runs, beside ``python -c
  pass`` (the interpreter's own start-up) measured in the same run.
* ``import tally`` is timed the same way (new process each time), and the modules it loads
  are listed: it must not load pandas or hypothesis (nor do the spec reader and the CLI).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from measure import machine, names_of

from tally import Ballots, Body, Contest
from tally.io.ballots_csv import ballots_to_csv_text

TALLY = Path(sys.executable).with_name("tally")
HEAVY = ("pandas", "hypothesis", "matplotlib", "scipy", "pyarrow")
CANDIDATES = 60
SEATS = 50
BALLOTS = 500


def wall(command: list[str], runs: int) -> float:
    """Best wall time of ``command`` as a new process over ``runs`` runs, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def write_congress(folder: Path) -> Path:
    """A spec and its ballots: 500 delegates, 60 candidates for 50 seats, a few invalid ballots."""
    names = names_of(CANDIDATES)
    contest = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=SEATS, candidates=names)
    rng = np.random.default_rng(6)
    marks = np.ones((BALLOTS, CANDIDATES), dtype=np.uint8)
    for i, row in enumerate(marks):  # strike 10 to 14 names; every 50th keeps too many
        struck = 8 if i % 50 == 49 else int(rng.integers(10, 15))
        row[rng.choice(CANDIDATES, size=struck, replace=False)] = 0
    serials = [f"BCH-{i:03d}" for i in range(1, BALLOTS + 1)]
    ballots = Ballots.from_arrays(contest, marks, serials)
    (folder / "ballots_bch.csv").write_text(ballots_to_csv_text(contest, ballots), "utf-8")
    candidates = "\n".join(f'    "{name}",' for name in names)
    spec = f"""rules = "qc190"

[congress]
name = "Đại hội đại biểu Đảng bộ tỉnh (benchmark)"
term = "2025–2030"
place = "Hội trường tỉnh"
date = 2025-10-01

[roll]
kind = "delegate_congress"
convened = {BALLOTS}
present = {BALLOTS}

[[board]]
name = "Trần Thị Hoa"
role = "head"

[[board]]
name = "Lê Văn Nam"

[[board]]
name = "Phạm Văn Đức"

[[contest]]
id = "bch"
body = "executive_committee"
seats = {SEATS}
issued = {BALLOTS}
collected = {BALLOTS}
counted_at = 2025-10-01T16:00:00
ballots = "ballots_bch.csv"
candidates = [
{candidates}
]
"""
    path = folder / "congress.toml"
    path.write_text(spec, encoding="utf-8")
    return path


def loaded_by(statement: str) -> list[str]:
    """Top-level packages among :data:`HEAVY` that a new interpreter has loaded after
    ``statement``."""
    listing = "print(' '.join({m.split('.')[0] for m in sys.modules}))"
    probe = f"{statement}\nimport sys\n{listing}"
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout.split()
    return [name for name in HEAVY if name in out]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10, help="runs of each command")
    args = parser.parse_args()
    print(f"# CLI end to end and import — {machine()}")
    python = [sys.executable, "-c", "pass"]
    started = wall(python, args.runs)
    imported = wall([sys.executable, "-c", "import tally"], args.runs)
    with tempfile.TemporaryDirectory() as folder:
        spec = write_congress(Path(folder))
        minutes = Path(folder) / "minutes.txt"
        command = [str(TALLY), "count", str(spec), "--output", str(minutes)]
        whole = wall(command, args.runs)
        lines = minutes.read_text(encoding="utf-8").count("\n")
    print(f"{'python -c pass':<42} {started * 1e3:>8.1f} ms")
    print(f"{'python -c import tally':<42} {imported * 1e3:>8.1f} ms")
    print(f"{'  import tally alone (difference)':<42} {(imported - started) * 1e3:>8.1f} ms")
    print(
        f"{f'tally count: {BALLOTS} ballots × {CANDIDATES} → minutes':<42} {whole * 1e3:>8.1f} ms"
        f"   ({lines} lines of minutes)"
    )
    print(
        f"{'  beyond import tally (difference)':<42} {(whole - imported) * 1e3:>8.1f} ms"
        "   (CLI, spec and minutes modules; reading; count; minutes)"
    )
    for statement in ("import tally", "import tally.cli.main, tally.io.spec, tally.render.minutes"):
        heavy = loaded_by(statement)
        verdict = "loads " + ", ".join(heavy) if heavy else "loads none of " + ", ".join(HEAVY)
        print(f"{statement!r}: {verdict}")


if __name__ == "__main__":
    main()
