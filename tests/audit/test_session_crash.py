"""A counting session killed mid-count: the log keeps every ballot recorded before the kill (at
most the one in flight is torn), the torn tail is cut, and the session resumes and closes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tally.audit.chain import Problem, check_chain, read_events
from tally.audit.log import repair_torn_tail
from tally.audit.replay import replay, verify
from tally.audit.session import CountingSession
from tally.errors import InputFileError

RECORDER = """
import sys
from tally import Body, CongressKind, Contest, Roll
from tally.audit.session import CountingSession

session = CountingSession.open(sys.argv[1], station="1")
contest = session.open_contest(
    Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=3,
            candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường", "Phạm Văn Dũng"]),
    roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=5000, present=5000),
)
contest.issue(5000)
for i in range(1, 4001):
    contest.record(f"{i:05d}", struck=[i % 4 + 1], observations=["write_in"] if i % 50 == 0 else [])
    if i == 20:
        print("recorded", flush=True)
print("done", flush=True)
sys.stdin.read()  # wait to be killed
"""

TORN_TAIL = b'{"data":{"at":"2025-06-01T09:00:00Z","batch":null,"contest":"bch","marks":{"str'
"""The first bytes of an event line, as a process killed in the middle of its write leaves them."""


def kill_while_recording(path: Path) -> None:
    """Run a station recording ballots into ``path`` and SIGKILL it after 20 ballots or more."""
    process = subprocess.Popen(
        [sys.executable, "-c", RECORDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        assert line == "recorded", process.stderr.read() if process.stderr else line
        time.sleep(0.1)
    finally:
        process.send_signal(signal.SIGKILL)
        process.communicate()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is posix only")
@pytest.mark.parametrize("torn", [False, True], ids=["killed", "killed-mid-write"])
def test_a_killed_session_resumes_with_every_ballot_recorded_and_closes(
    tmp_path: Path, torn: bool
) -> None:
    path = tmp_path / "bch.jsonl"
    kill_while_recording(path)
    if torn:  # a kill between the write of a line and its newline, made certain
        with path.open("ab") as stream:
            stream.write(TORN_TAIL)
    report = check_chain(path)
    lines = path.read_bytes().count(b"\n")
    assert report.events == lines
    assert report.ok or (report.problem is Problem.TORN and report.line == lines + 1)
    if not report.ok:
        # A torn tail is reported, never dropped silently: the board sees it, then cuts it.
        with pytest.raises(InputFileError):
            CountingSession.open(path, station="1")
        tail = path.read_bytes()[path.read_bytes().rfind(b"\n") + 1 :]
        assert repair_torn_tail(path) == len(tail) > 0
    if torn:
        assert not report.ok
    assert check_chain(path).ok and check_chain(path).events == report.events

    recorded = [e for e in read_events(path) if e.kind == "ballot_recorded"]
    assert len(recorded) >= 20
    session = CountingSession.open(path, station="1")
    contest = session.contest("bch")
    entries = contest.state.stations["1"]
    assert len(entries) == len(recorded)
    assert list(entries) == [e.data["serial"] for e in recorded]
    assert contest.state.issued == 5000

    for i in range(3):
        contest.record(f"after-{i}", struck=[1])
    contest.collect(len(recorded) + 3)
    result = contest.close()
    assert result.count.collected == len(recorded) + 3
    assert result.count.invalid == sum(1 for e in recorded if e.data.get("observations"))
    report_after = verify(path)
    assert report_after.ok, report_after.message("en")
    assert report_after.final_hash == session.last_hash
    assert replay(path).result("bch") == result
