"""The audit log's hash chain: every change, deletion, swap or cut is found at the right line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tally.audit.chain import Problem, check_chain
from tally.audit.log import AuditLog, repair_torn_tail
from tally.errors import InputFileError

events = st.lists(
    st.tuples(
        st.sampled_from(["ballot_recorded", "ballot_corrected", "decision_recorded"]),
        st.dictionaries(
            st.sampled_from(["serial", "struck", "note", "station"]),
            st.one_of(st.integers(0, 99), st.text("ĐđÂâơư abc;0123", max_size=6)),
            max_size=3,
        ),
    ),
    min_size=2,
    max_size=12,
)
FAST = settings(
    max_examples=max(300, settings().max_examples),  # thousands under HYPOTHESIS_PROFILE=ci
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def write(folder: Path, drawn: list[tuple[str, dict[str, object]]]) -> Path:
    path = folder / f"log-{time.perf_counter_ns()}.jsonl"
    log = AuditLog.open(path)
    for kind, data in drawn:
        log.append(kind, dict(data))
    return path


@FAST
@given(events, st.data())
def test_any_single_byte_change_is_detected(
    tmp_path: Path, drawn: list[tuple[str, dict[str, object]]], data: st.DataObject
) -> None:
    path = write(tmp_path, drawn)
    raw = bytearray(path.read_bytes())
    position = data.draw(st.integers(0, len(raw) - 2))  # the final newline is covered by "torn"
    raw[position] = data.draw(st.integers(0, 255).filter(lambda b: b != raw[position]))
    path.write_bytes(bytes(raw))
    report = check_chain(path)
    assert not report.ok
    changed_line = raw[:position].count(b"\n") + 1
    assert report.line is not None and report.line <= changed_line + 1


@FAST
@given(events, st.data())
def test_a_deleted_or_swapped_line_is_found(
    tmp_path: Path, drawn: list[tuple[str, dict[str, object]]], data: st.DataObject
) -> None:
    path = write(tmp_path, drawn)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    i = data.draw(st.integers(0, len(lines) - 2))
    if data.draw(st.booleans()):
        del lines[i]
        expected = Problem.MISSING
    else:
        lines[i], lines[i + 1] = lines[i + 1], lines[i]
        expected = Problem.REORDERED
    path.write_text("".join(lines), encoding="utf-8")
    report = check_chain(path)
    assert not report.ok and report.line == i + 1 and report.problem is expected


@FAST
@given(events, st.data())
def test_a_truncated_log_is_torn_at_its_last_line(
    tmp_path: Path, drawn: list[tuple[str, dict[str, object]]], data: st.DataObject
) -> None:
    path = write(tmp_path, drawn)
    raw = path.read_bytes()
    cut = data.draw(st.integers(1, len(raw) - 1).filter(lambda n: raw[n - 1 : n] != b"\n"))
    path.write_bytes(raw[:cut])
    report = check_chain(path)
    assert report.problem is Problem.TORN
    assert report.events == raw[:cut].count(b"\n")


def test_open_resumes_and_refuses_a_tampered_log(tmp_path: Path) -> None:
    path = tmp_path / "bch.jsonl"
    log = AuditLog.open(path)
    log.append("contest_opened", {"contest": "bch"})
    log.append("ballot_recorded", {"serial": "BCH-001", "struck": [3]})
    log.close()
    again = AuditLog.open(path)
    assert again.last_hash == log.last_hash and len(again.events) == 2
    again.append("ballot_recorded", {"serial": "BCH-002", "struck": []})
    again.close()
    assert check_chain(path).events == 3
    path.write_text(path.read_text(encoding="utf-8").replace("BCH-001", "BCH-091"), "utf-8")
    with pytest.raises(InputFileError) as raised:
        AuditLog.open(path)
    assert raised.value.where.line == 2 and "was edited" in raised.value.message("en")


RECORDER = """
import sys
from tally.audit.log import AuditLog
log = AuditLog.open(sys.argv[1])
print("ready", flush=True)
i = len(log.events)
while True:
    i += 1
    log.append("ballot_recorded", {"serial": f"B-{i:06d}", "struck": [1, 2, 3], "pad": "x" * 300})
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_killed_recorder_loses_at_most_the_ballot_in_flight(tmp_path: Path) -> None:
    path = tmp_path / "crash.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-c", RECORDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    time.sleep(0.3)
    process.send_signal(signal.SIGKILL)
    process.wait()
    report = check_chain(path)
    assert report.events > 0
    assert report.ok or (report.problem is Problem.TORN and report.line == report.events + 1)
    repair_torn_tail(path)
    resumed = AuditLog.open(path)
    assert len(resumed.events) == report.events
    resumed.append("ballot_recorded", {"serial": "after-crash"})
    assert check_chain(path).ok and check_chain(path).events == report.events + 1


def test_a_failed_append_is_cut_back_and_the_log_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bch.jsonl"
    log = AuditLog.open(path)
    log.append("contest_opened", {"contest": "bch"})
    before = path.read_bytes()
    real_fsync = os.fsync

    def failing(descriptor: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing)
    with pytest.raises(InputFileError):
        log.append("ballot_recorded", {"serial": "1"})
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert path.read_bytes() == before and len(log) == 1
    log.append("ballot_recorded", {"serial": "1"})
    assert check_chain(path).ok and check_chain(path).events == 2


def test_a_second_writer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bch.jsonl"
    first = AuditLog.open(path)
    first.append("contest_opened", {"contest": "bch"})
    with pytest.raises(InputFileError) as raised:
        AuditLog.open(path)
    assert raised.value.code == "audit.locked"
    assert f"pid {os.getpid()}" in raised.value.message("en")
    first.append("ballot_recorded", {"serial": "2"})
    first.close()
    assert check_chain(path).ok and check_chain(path).events == 2
    AuditLog.open(path).close()  # released: the next session may write


def test_a_last_line_missing_only_its_newline_gets_it_back(tmp_path: Path) -> None:
    path = tmp_path / "bch.jsonl"
    log = AuditLog.open(path)
    log.append("contest_opened", {"contest": "bch"})
    log.append("count_closed", {"contest": "bch"})
    log.release()
    whole = path.read_bytes()
    path.write_bytes(whole[:-1])
    assert check_chain(path).problem is Problem.TORN
    with pytest.raises(InputFileError) as raised:
        AuditLog.open(path)
    assert "--repair-torn-tail" in raised.value.message("en")
    assert repair_torn_tail(path) == 0
    assert path.read_bytes() == whole
