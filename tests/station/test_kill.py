"""A station killed with SIGKILL at random moments while ballots are entered loses no ballot
it acknowledged; its log verifies and it resumes (issue 14, point 8)."""

from __future__ import annotations

import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")

from tally.audit.replay import replay, verify

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "examples" / "delegate_congress" / "congress.toml"
KILLS = 50


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _post(port: int, path: str, body: dict[str, object]) -> dict[str, object]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=5) as answer:
        data: dict[str, object] = json.loads(answer.read())
        return data


def _start(log: Path, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "tally", "station", str(SPEC), "--contest", "bch"]
    station = subprocess.Popen(
        [*command, "--log", str(log), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status", timeout=1).read()
            return station
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.05)
    station.kill()
    raise AssertionError("the station did not start")


def _kill_while_entering(
    port: int,
    station: subprocess.Popen[bytes],
    stop: threading.Event,
    chance: random.Random,
    acknowledged: dict[str, list[int]],
) -> None:
    """Enter ballots from a second thread and SIGKILL the station at a random moment; every
    ballot the station acknowledged goes into ``acknowledged``."""
    status = json.loads(
        urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status", timeout=5).read()
    )
    if status["stack"] is None:
        _post(port, "/api/stack", {"expected": 194})  # as many as are present

    def enter() -> None:
        while not stop.is_set():
            struck = sorted(chance.sample(range(1, 38), 4))
            try:
                said = _post(port, "/api/ballot", {"marks": {"struck": struck}})
            except (urllib.error.URLError, http.client.HTTPException, OSError):
                return
            acknowledged[str(said["serial"])] = struck

    typist = threading.Thread(target=enter)
    typist.start()
    try:
        time.sleep(chance.uniform(0.0, 0.25))
        os.kill(station.pid, signal.SIGKILL)
        station.wait()
    finally:
        stop.set()
        typist.join()


def test_no_acknowledged_ballot_is_lost_across_fifty_kills(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    chance = random.Random(14)
    acknowledged: dict[str, list[int]] = {}
    for _ in range(KILLS):
        port = _free_port()
        station = _start(log, port)
        stop = threading.Event()
        try:
            _kill_while_entering(port, station, stop, chance, acknowledged)
        finally:  # a failed step leaves no station running behind the test
            stop.set()
            if station.poll() is None:
                station.kill()
                station.wait()
    assert verify(log).ok
    entries = replay(log).contest("bch").stations["A"]
    lost = [s for s in acknowledged if s not in entries]
    assert lost == []
    changed = [
        s
        for s, struck in acknowledged.items()
        if list(entries[s].reading.marks.struck or ()) != struck
    ]
    assert changed == []
    assert len(acknowledged) > KILLS  # ballots were really entered between the kills
