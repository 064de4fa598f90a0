"""Trust at the edges of the audit log (issue 11): one writer per log, tampering never taken
for a crash, logs read like any other input, and the log following the count."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tally.audit.chain import Problem, check_chain
from tally.audit.log import AuditLog, repair_torn_tail
from tally.audit.replay import replay, verify
from tally.audit.session import CountingSession
from tally.cli.main import EXIT_BAD_INPUT, EXIT_BAD_LOG, EXIT_NEEDS_DECISION, EXIT_OK, main
from tally.errors import InputFileError, LogError, TallyError

ROOT = Path(__file__).resolve().parents[2]
DISTRICT = ROOT / "examples" / "district_congress"
DELEGATE = ROOT / "examples" / "delegate_congress" / "congress.toml"


def district(tmp_path: Path) -> Path:
    """A copy of the district example; its spec."""
    folder = tmp_path / "district"
    shutil.copytree(DISTRICT, folder)
    return folder / "congress.toml"


def lines_of(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- 4. one writer per log ------------------------------------------------------------------


def test_a_second_session_is_refused_naming_the_holder_until_the_first_closes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bch.jsonl"
    first = CountingSession.open(path)
    with pytest.raises(InputFileError) as refused:
        CountingSession.open(path)
    assert refused.value.code == "audit.locked"
    said = refused.value.message("en")
    assert str(path) in said and f"pid {os.getpid()}" in said
    first.close()
    with CountingSession.open(path) as second:
        assert len(second.log) == 1


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="the holder is read from /proc")
def test_the_holder_s_command_line_is_shown_as_one_line_of_plain_text(tmp_path: Path) -> None:
    """Another program's command line (here with a line break and a terminal escape in it) is
    shown with its control characters written out, never passed to the board's screen."""
    path = tmp_path / "bch.jsonl"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "#\x1b[31mX\nfrom tally.audit.log import AuditLog; import sys\n"
            f"log = AuditLog.open({str(path)!r}); print('holding', flush=True); "
            "sys.stdin.readline()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        with pytest.raises(InputFileError) as refused:
            CountingSession.open(path)
        said = refused.value.message("vi")
        assert f"pid {holder.pid}" in said
        assert "\x1b" not in said and "\n" not in said
        assert "\\x1b" in said and "\\n" in said  # written out, visibly
    finally:
        holder.communicate("\n", timeout=30)


HOLDER = """
import sys
from tally.audit.log import AuditLog
try:
    log = AuditLog.open(sys.argv[1])
except Exception as error:
    print("refused", getattr(error, "code", type(error).__name__), flush=True)
    sys.exit(3)
print("holding", flush=True)
sys.stdin.readline()
for i in range(50):
    log.append("ballot_recorded", {"serial": f"{sys.argv[2]}-{i:03d}"})
log.close()
print("done", flush=True)
"""


@pytest.mark.skipif(os.name != "posix", reason="flock")
def test_two_processes_racing_for_one_log_one_is_refused_and_the_log_stays_whole(
    tmp_path: Path,
) -> None:
    for race in range(10):
        path = tmp_path / f"race-{race}.jsonl"
        writers = [
            subprocess.Popen(
                [sys.executable, "-c", HOLDER, str(path), name],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for name in ("A", "B")
        ]
        said = [w.stdout.readline().split() for w in writers if w.stdout is not None]
        assert sorted(s[0] for s in said) == ["holding", "refused"], said
        assert next(s for s in said if s[0] == "refused")[1] == "audit.locked"
        for writer in writers:
            writer.communicate("go\n", timeout=60)
        assert sorted(w.returncode for w in writers) == [0, 3]
        report = check_chain(path)
        assert report.ok and report.events == 50
        winner = "A" if writers[0].returncode == 0 else "B"
        assert all(str(e["data"]["serial"]).startswith(winner) for e in lines_of(path))  # type: ignore[index]


def test_a_same_length_edit_of_an_earlier_line_is_caught_before_the_next_append(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bch.jsonl"
    log = AuditLog.open(path)
    for serial in ("BCH-001", "BCH-002", "BCH-003"):
        log.append("ballot_recorded", {"serial": serial})
    raw = path.read_bytes()
    edited = raw.replace(b"BCH-001", b"BCH-009")
    assert len(edited) == len(raw)
    with path.open("r+b") as stream:  # in place: same file, same length
        stream.write(edited)
    with pytest.raises(InputFileError) as refused:
        log.append("ballot_recorded", {"serial": "BCH-004"})
    assert refused.value.code == "audit.edited_underneath"
    assert path.read_bytes() == edited  # nothing appended
    log.release()


def test_an_edit_of_the_last_line_or_a_replaced_file_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "bch.jsonl"
    log = AuditLog.open(path)
    log.append("ballot_recorded", {"serial": "BCH-001"})
    raw = path.read_bytes()
    with path.open("r+b") as stream:
        stream.write(raw.replace(b"BCH-001", b"BCH-007"))
    with pytest.raises(InputFileError) as refused:
        log.append("ballot_recorded", {"serial": "BCH-002"})
    assert refused.value.code == "audit.edited_underneath"
    log.release()
    other = tmp_path / "other.jsonl"
    log = AuditLog.open(other)
    log.append("ballot_recorded", {"serial": "1"})
    copy = tmp_path / "copy.jsonl"
    shutil.copy(other, copy)
    os.replace(copy, other)  # the same bytes, another file
    with pytest.raises(InputFileError) as replaced:
        log.append("ballot_recorded", {"serial": "2"})
    assert replaced.value.code == "audit.replaced_underneath"
    log.release()


def test_touching_the_log_without_changing_it_is_not_an_edit(tmp_path: Path) -> None:
    path = tmp_path / "bch.jsonl"
    log = AuditLog.open(path)
    log.append("ballot_recorded", {"serial": "1"})
    os.utime(path, ns=(1, 1))
    log.append("ballot_recorded", {"serial": "2"})
    log.close()
    assert check_chain(path).events == 2


def test_a_failed_count_log_writes_nothing_and_the_rerun_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = district(tmp_path)
    log = tmp_path / "district.jsonl"
    real = os.pwrite
    calls = [0]

    def full_disk(descriptor: int, data: bytes, offset: int) -> int:
        calls[0] += 1
        if calls[0] > 9:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(descriptor, data, offset)

    monkeypatch.setattr(os, "pwrite", full_disk)
    assert main(["count", str(spec), "--log", str(log), "--lang", "en"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "the disk is full" in err and "Nothing was written" in err
    assert f"Error: {log}: Cannot write {log}: " in err and ".tmp" not in err
    assert not log.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["district"]  # no partial file
    monkeypatch.setattr(os, "pwrite", real)
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_OK
    before = log.read_bytes()
    # An existing log is left byte for byte as it was when extending it fails.
    (spec.parent / "ballots_bch_r2.csv").unlink()
    smaller = tmp_path / "smaller.jsonl"
    assert main(["count", str(spec), "--log", str(smaller)]) == EXIT_NEEDS_DECISION
    calls[0] = 0
    monkeypatch.setattr(os, "pwrite", full_disk)
    shutil.copy(DISTRICT / "ballots_bch_r2.csv", spec.parent)
    kept = smaller.read_bytes()
    assert main(["count", str(spec), "--log", str(smaller)]) == EXIT_BAD_INPUT
    assert smaller.read_bytes() == kept
    assert log.read_bytes() == before


def _small_filesystem(tmp_path: Path) -> Path:
    mount = tmp_path / "small"
    mount.mkdir()
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"mount not permitted here: {done.stderr.decode(errors='replace').strip()}")
    return mount


def test_count_log_on_a_full_file_system_leaves_nothing_behind(tmp_path: Path) -> None:
    mount = _small_filesystem(tmp_path)
    try:
        spec = district(tmp_path)
        log = mount / "district.jsonl"
        tally = Path(sys.executable).with_name("tally")
        done = subprocess.run(
            [str(tally), "count", str(spec), "--log", str(log), "--lang", "en"],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert done.returncode == EXIT_BAD_INPUT, done.stderr
        assert "the disk is full" in done.stderr
        assert "Nothing was written" in done.stderr
        assert list(mount.iterdir()) == []
    finally:
        subprocess.run(["umount", str(mount)], check=False)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_killed_count_log_leaves_the_log_as_it_was(tmp_path: Path) -> None:
    spec = district(tmp_path)
    (spec.parent / "ballots_bch_r2.csv").unlink()
    log = tmp_path / "district.jsonl"
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_NEEDS_DECISION
    before = log.read_bytes()
    shutil.copy(DISTRICT / "ballots_bch_r2.csv", spec.parent)
    tally = Path(sys.executable).with_name("tally")
    for delay in (0.05, 0.2, 0.4, 0.8):
        process = subprocess.Popen(
            [str(tally), "count", str(spec), "--log", str(log)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = log.read_bytes()
        assert now == before or (now.startswith(before) and verify(log).ok)
        if now != before:
            break


# --- 5. tampering is never a crash --------------------------------------------------------


def test_an_edited_last_line_without_its_newline_is_changed_not_torn(tmp_path: Path) -> None:
    path = tmp_path / "bch.jsonl"
    with AuditLog.open(path) as log:
        log.append("contest_opened", {"contest": "bch"})
        log.append("count_closed", {"contest": "bch", "valid": 5})
    raw = path.read_bytes()
    forged = raw[:-1].replace(b'"valid":5', b'"valid":6')
    path.write_bytes(forged)
    report = check_chain(path)
    assert report.problem is Problem.CHANGED and report.line == 2
    with pytest.raises(InputFileError):
        repair_torn_tail(path)
    assert path.read_bytes() == forged
    assert main(["verify", str(path), "--repair-torn-tail"]) == EXIT_BAD_LOG
    assert path.read_bytes() == forged


def test_a_whole_last_line_with_a_wrong_sequence_is_not_torn_either(tmp_path: Path) -> None:
    path = tmp_path / "bch.jsonl"
    with AuditLog.open(path) as log:
        log.append("contest_opened", {"contest": "bch"})
        log.append("count_closed", {"contest": "bch"})
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b'"seq":2', b'"seq":3')[:-1])
    assert check_chain(path).problem is Problem.MISSING
    path.write_bytes(raw[:-30])  # really cut short: torn, and cut on repair
    assert check_chain(path).problem is Problem.TORN


@pytest.mark.parametrize("expect", ["d821fe45", "zz21fe455ab16424", "1353f3ac-1c58f191", "0" * 65])
def test_a_short_or_non_hex_fingerprint_is_refused_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], expect: str
) -> None:
    log = tmp_path / "d.jsonl"
    assert main(["count", str(DELEGATE), "--log", str(log)]) == EXIT_OK
    capsys.readouterr()
    assert main(["verify", str(log), "--expect", expect, "--lang", "en"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert f"Error: Option --expect {expect!r} " in err and "field" not in err
    assert "no event carries" not in err
    if len(expect) > 64:
        assert "is too long: it has 65 digits" in err and "at least" not in err
    else:
        assert "is not a SHA-256 fingerprint" in err
    assert main(["replay", str(log), "--expect", expect]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert f"Lỗi: Tùy chọn --expect {expect!r} " in err and "trường" not in err
    if len(expect) > 64:
        assert "quá dài: có 65 chữ số" in err and "ít nhất" not in err
    with pytest.raises(InputFileError):
        verify(log, expect)


def _signed_then_forged(tmp_path: Path, kind: str, data: dict[str, object]) -> tuple[Path, str]:
    spec = district(tmp_path)
    log = tmp_path / "district.jsonl"
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_OK
    signed = replay(log).fingerprint("dbdh").hash
    with AuditLog.open(log) as writer:
        writer.append(kind, data)
    return log, signed


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (
            "complaint_recorded",
            {"contest": "dbdh", "summary": "Phiếu bị đánh tráo", "settlement": "Đã xử lý"},
        ),
        (
            "decision_recorded",
            {"contest": "bt", "kind": "further_round", "next": "bt.r2", "seats": 1},
        ),
    ],
)
def test_events_after_the_signed_fingerprint_on_a_closed_contest_fail_verify(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, data: dict[str, object]
) -> None:
    log, signed = _signed_then_forged(tmp_path, kind, data)
    capsys.readouterr()
    code = main(["verify", str(log), "--expect", signed[:16], "--lang", "en"])
    err = capsys.readouterr().err
    # No further round is possible on a filled seat, and no complaint after the count closed
    # (the signed minutes hold every complaint): either forgery does not even replay.
    assert code == EXIT_BAD_LOG and "inconsistent" not in err
    assert main(["verify", str(log)]) == EXIT_BAD_LOG
    assert main(["replay", str(log), "--contest", "dbdh"]) == EXIT_BAD_LOG
    # Up to the signed fingerprint the log is intact and replays.
    about_dbdh = data["contest"] == "dbdh"  # then the replay notes the later event: exit 4
    code = main(["replay", str(log), "--expect", signed, "--contest", "dbdh"])
    assert code == (4 if about_dbdh else EXIT_OK)
    assert "Phiếu bị đánh tráo" not in capsys.readouterr().out


def test_events_after_the_signed_fingerprint_are_reported_even_when_harmless(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = district(tmp_path)
    (spec.parent / "ballots_dbdh.csv").unlink()
    log = tmp_path / "district.jsonl"
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_NEEDS_DECISION
    signed = replay(log).final_hash
    shutil.copy(DISTRICT / "ballots_dbdh.csv", spec.parent)
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_OK
    capsys.readouterr()
    assert main(["verify", str(log), "--expect", signed, "--lang", "en"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "none of which changes a contest already closed" in out
    assert "contest opened × 1" in out and "count closed × 1" in out


# --- 7. logs are inputs like any other -----------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFO")
@pytest.mark.parametrize(
    "command",
    [
        ["verify", "{fifo}"],
        ["replay", "{fifo}"],
        ["reconcile", "{fifo}", "{fifo}"],
        ["count", str(DELEGATE), "--log", "{fifo}"],
    ],
)
def test_a_fifo_is_refused_without_hanging(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "log.jsonl"
    os.mkfifo(fifo)
    tally = Path(sys.executable).with_name("tally")
    done = subprocess.run(
        [str(tally), *(part.format(fifo=fifo) for part in command), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == EXIT_BAD_INPUT, done.stderr
    # read as a log: "not a regular file"; named as --log, the output check says "a pipe (FIFO)"
    assert "is not a regular file" in done.stderr or "pipe (FIFO)" in done.stderr


@pytest.mark.parametrize("where", ["folder", "device", "long_line", "no_newline"])
def test_folders_devices_and_endless_lines_are_refused_at_a_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    if where == "folder":
        path = tmp_path
    elif where == "device":
        path = Path(os.devnull)
    else:
        path = tmp_path / "big.jsonl"
        with path.open("wb") as stream:  # 3 MiB, one line
            stream.write(b"x" * (3 << 20) + (b"\n" if where == "long_line" else b""))
    for command in (["verify", str(path)], ["replay", str(path)]):
        assert main([*command, "--lang", "en"]) == EXIT_BAD_INPUT
        err = capsys.readouterr().err
        assert "internal" not in err.lower()
        if where in ("long_line", "no_newline"):
            assert "line 1: This line is longer than 1048576 bytes" in err
        else:
            assert "is not a regular file" in err
    with pytest.raises(InputFileError):
        CountingSession.open(path)


def test_a_session_opened_on_a_folder_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(InputFileError) as refused:
        CountingSession.open(tmp_path)
    assert refused.value.code == "load.not_regular"
    with pytest.raises(InputFileError) as missing:
        CountingSession.open(tmp_path / "no" / "such" / "bch.jsonl")
    assert missing.value.code == "file.unwritable"


def test_every_os_error_on_a_log_is_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "d.jsonl"
    assert main(["count", str(DELEGATE), "--log", str(log)]) == EXIT_OK
    capsys.readouterr()
    real = os.open

    def denied(path: object, flags: int, *rest: object) -> int:
        if str(path) == str(log):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return real(path, flags, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", denied)
    for command in (
        ["verify", str(log)],
        ["replay", str(log)],
        ["count", str(DELEGATE), "--log", str(log)],
    ):
        assert main([*command, "--lang", "en"]) == EXIT_BAD_INPUT
        err = capsys.readouterr().err
        assert f"{log}: Cannot " in err and "permission denied" in err
        assert main(command) == EXIT_BAD_INPUT
        err = capsys.readouterr().err
        assert "không có quyền truy cập" in err and "Permission denied" not in err


# --- 10. the log follows the count ----------------------------------------------------------


def test_a_round_counted_after_a_later_contest_extends_the_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = district(tmp_path)
    r2 = spec.parent / "ballots_bch_r2.csv"
    held = r2.read_bytes()
    r2.unlink()
    log = tmp_path / "district.jsonl"
    assert main(["count", str(spec), "--log", str(log), "-o", str(tmp_path / "m1.txt")]) == 4
    first = replay(log)
    assert "dbdh" in first.keys and "bch.r2" not in first.keys  # a later contest is logged
    signed = {key: first.fingerprint(key).hash for key in first.keys}
    before = log.read_bytes()
    r2.write_bytes(held)
    assert main(["count", str(spec), "--log", str(log), "-o", str(tmp_path / "m2.txt")]) == 0
    after = log.read_bytes()
    assert after.startswith(before) and len(after) > len(before)
    events = lines_of(log)
    opened = [e["data"]["contest"] for e in events if e["kind"] == "contest_opened"]  # type: ignore[index]
    assert opened == ["bch", "dbdh", "bch.r2", "bt"]  # in the order they were counted
    capsys.readouterr()
    assert first.fingerprint("dbdh").grouped() in (tmp_path / "m1.txt").read_text("utf-8")
    for key, fingerprint in signed.items():  # every fingerprint printed before still verifies
        assert main(["verify", str(log), "--expect", fingerprint]) == EXIT_OK, key
    final = replay(log)
    assert final.result("bch.r2").outcome.elected
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_OK  # nothing new: unchanged
    assert log.read_bytes() == after


def test_a_log_of_another_count_is_refused_and_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = district(tmp_path)
    log = tmp_path / "district.jsonl"
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_OK
    before = log.read_bytes()
    ballots = spec.parent / "ballots_dbdh.csv"
    text = ballots.read_text(encoding="utf-8")
    ballots.write_text(text.replace("DBDH-001,1;3;8;", "DBDH-001,2;3;8;", 1), encoding="utf-8")
    capsys.readouterr()
    assert main(["count", str(spec), "--log", str(log), "--lang", "en"]) == EXIT_BAD_INPUT
    assert "ballot DBDH-001: This log already holds a different count" in capsys.readouterr().err
    assert log.read_bytes() == before


def test_count_log_keeps_no_entry_per_ballot(tmp_path: Path) -> None:
    from tally.audit.congress_log import record_congress
    from tally.congress.run import run_congress
    from tally.io.ballots_csv import read_ballots_csv
    from tally.io.spec import load_congress

    congress = load_congress(DELEGATE)
    plan = congress.plan("bch")
    assert plan.ballots is not None
    ballots = {"bch": read_ballots_csv(plan.contest, DELEGATE.parent / plan.ballots)}
    record = run_congress(congress, ballots)
    path = tmp_path / "d.jsonl"
    recorded = record_congress(record, ballots, path)
    assert recorded.result("bch") == replay(path).result("bch")
    session = CountingSession.open(path)  # the log is released once recorded
    session.close()
    assert recorded.events == check_chain(path).events


def test_refusals_are_tally_errors(tmp_path: Path) -> None:
    for error in (InputFileError, LogError):
        assert issubclass(error, TallyError)


def test_entering_a_whole_set_writes_the_very_events_of_one_by_one_entry(tmp_path: Path) -> None:
    import datetime as dt

    import numpy as np

    from tally import Ballots, Body, CongressKind, Contest, Roll
    from tally.audit.events import Reading
    from tally.audit.readings import codes_of, marks_of_row

    contest = Contest(
        id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=2, candidates=["An", "Bình", "Cường"]
    )
    roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=5, present=5)
    marks = np.array([[1, 0, 1], [0, 1, 1], [1, 1, 0], [0, 0, 0], [1, 1, 1]], dtype=np.uint8)
    ballots = Ballots.from_arrays(contest, marks, ["05", "01", "03", "04", "02"])

    def clock() -> dt.datetime:
        return dt.datetime(2025, 6, 1, 9, 0, tzinfo=dt.UTC)

    paths = tmp_path / "one.jsonl", tmp_path / "all.jsonl"
    for path in paths:
        with CountingSession.open(path, clock=clock) as session:
            bch = session.open_contest(contest, roll=roll)
            bch.issue(5)
            if path.name == "one.jsonl":
                for serial, row, flags in zip(
                    ballots.serials.tolist(),
                    ballots.marks.tolist(),
                    ballots.observations.tolist(),
                    strict=True,
                ):
                    reading = Reading(
                        marks=marks_of_row(contest.form, row), observations=codes_of(flags)
                    )
                    bch.enter(str(serial), reading)
            else:
                bch.enter_all(ballots)
                with pytest.raises(LogError) as twice:
                    bch.enter_all(ballots)
                assert twice.value.code == "log.enter_all_twice"
            bch.collect(5)
            result = bch.close()
        assert replay(path).result("bch") == result
    assert paths[0].read_bytes() == paths[1].read_bytes()


def test_a_complaint_after_the_close_is_refused_and_a_forged_one_does_not_replay(
    tmp_path: Path,
) -> None:
    """The minutes signed at the close hold every complaint of the count: one recorded after
    it is refused, and a log that carries one (hashes recomputed) does not replay."""
    from tally import Body, CongressKind, Contest, Roll
    from tally.audit.chain import event_hash

    contest = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"])
    roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3)
    log = tmp_path / "log.jsonl"
    with CountingSession.open(log) as session:
        bt = session.open_contest(contest, roll=roll)
        bt.issue(3)
        for serial in ("1", "2", "3"):
            bt.record(serial, agree=[1])
        bt.collect(3)
        bt.complaint("Đồng chí A đề nghị kiểm lại", "Ban kiểm phiếu đã kiểm lại, kết quả đúng")
        bt.close()
        closed = log.read_bytes()
        with pytest.raises(LogError) as caught:
            bt.complaint("Khiếu nại thêm", "Chưa giải quyết")
        assert caught.value.code == "log.closed"
        assert log.read_bytes() == closed
    lines = log.read_text(encoding="utf-8").splitlines()
    complaint = json.loads(next(line for line in lines if "complaint_recorded" in line))
    last = json.loads(lines[-1])
    forged = {
        "seq": last["seq"] + 1,
        "kind": "complaint_recorded",
        "data": {**complaint["data"], "summary": "Khiếu nại giả"},
        "prev": last["hash"],
    }
    forged["hash"] = event_hash(forged["seq"], forged["kind"], forged["data"], forged["prev"])
    with log.open("a", encoding="utf-8") as stream:
        stream.write(json.dumps(forged, ensure_ascii=False, separators=(",", ":")) + "\n")
    with pytest.raises(LogError) as refused:
        replay(log)
    assert refused.value.where.line == len(lines) + 1
    assert main(["verify", str(log)]) == EXIT_BAD_LOG


def test_nothing_after_the_signed_fingerprint_is_said_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "d.jsonl"
    assert main(["count", str(DELEGATE), "--log", str(log)]) == EXIT_OK
    last = replay(log).final_hash
    capsys.readouterr()
    assert main(["verify", str(log), "--expect", last]) == EXIT_OK
    out = capsys.readouterr().out
    assert "sự kiện cuối của nhật ký: sau đó không có sự kiện nào." in out
    assert "có 0 sự kiện" not in out and "(—)" not in out
    assert main(["verify", str(log), "--expect", last, "--lang", "en"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "the last in the log: nothing follows it." in out and "0 event(s)" not in out
