"""The entry station under one clerk's typing: how long recording a ballot takes, from the
request to the acknowledgement (the fsync included), and how many ballots a second one
station takes.

Run: ``make bench`` (all benchmarks) or ``.venv/bin/python benchmarks/bench_station.py``.

``tally station`` is started as a new process on the delegate example (37 names, 33 seats);
one persistent HTTP connection declares stacks of 100 and records 500 ballots of 4 names struck,
one after the other, each timed from the request to the answer. Baselines measured in the same
run on the same disk: appending one line of the same size to a file and fsyncing it (what the
station cannot do without), and ``GET /api/status`` (the web stack without a write). The
target: under 20 ms at the median.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import machine

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "examples" / "delegate_congress" / "congress.toml"
BALLOTS = 500
STACK = 100
"""Ballots per stack (a stack holds at most the people present: 194 in the example)."""
TARGET_MS = 20.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _timed(connection: http.client.HTTPConnection, method: str, path: str, body: object) -> float:
    data = json.dumps(body).encode() if body is not None else None
    start = time.perf_counter()
    connection.request(method, path, body=data, headers={"Content-Type": "application/json"})
    answer = connection.getresponse()
    answer.read()
    elapsed = time.perf_counter() - start
    if answer.status != 200:
        raise SystemExit(f"{path}: HTTP {answer.status}")
    return elapsed


def _fsync_baseline(folder: Path, runs: int) -> list[float]:
    line = b'{"seq": 1, "kind": "ballot_recorded", "data": {}}' + b" " * 250 + b"\n"
    times = []
    with open(folder / "baseline.jsonl", "ab") as stream:
        for _ in range(runs):
            start = time.perf_counter()
            stream.write(line)
            stream.flush()
            os.fsync(stream.fileno())
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    print(f"# Entry station: one ballot from request to acknowledgement — {machine()}")
    chance = random.Random(9)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        port = _free_port()
        command = [sys.executable, "-m", "tally", "station", str(SPEC), "--contest", "bch"]
        station = subprocess.Popen(
            [*command, "--log", str(folder / "a.jsonl"), "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            deadline = time.monotonic() + 20
            while True:
                try:
                    _timed(connection, "GET", "/api/status", None)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.1)
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            _timed(connection, "POST", "/api/stack", {"expected": STACK})
            status = [_timed(connection, "GET", "/api/status", None) for _ in range(100)]
            recorded = []
            for number in range(BALLOTS):
                if number and number % STACK == 0:  # the next stack (not timed)
                    _timed(connection, "POST", "/api/stack", {"expected": STACK})
                struck = sorted(chance.sample(range(1, 38), 4))
                recorded.append(
                    _timed(connection, "POST", "/api/ballot", {"marks": {"struck": struck}})
                )
            wall = sum(recorded)
        finally:
            station.terminate()
            station.wait()
        fsync = _fsync_baseline(folder, 200)
    median = statistics.median(recorded) * 1e3
    rows = [
        ("POST /api/ballot (record, fsync)", recorded),
        ("GET /api/status (no write)", status),
        ("append a line + fsync (baseline)", fsync),
    ]
    print(f"{'step':<36} {'median ms':>10} {'p95 ms':>8} {'× fsync':>8}")
    base = statistics.median(fsync)
    for label, times in rows:
        p95 = sorted(times)[int(0.95 * len(times)) - 1] * 1e3
        print(
            f"{label:<36} {statistics.median(times) * 1e3:>10.2f} {p95:>8.2f} "
            f"{statistics.median(times) / base:>8.1f}"
        )
    verdict = "under" if median < TARGET_MS else "OVER"
    print(
        f"{BALLOTS} ballots in {wall:.2f} s: {BALLOTS / wall:.0f} ballots a second; "
        f"median {median:.2f} ms ({verdict} the {TARGET_MS:.0f} ms target)"
    )


if __name__ == "__main__":
    main()
