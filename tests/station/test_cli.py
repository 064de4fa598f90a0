"""``tally station`` as the board starts it: what it prints (the contest by its title, the
entry page's and the hall screen's addresses, the token when others can reach it), and the
line it leaves when stopped with SIGTERM — after which the log verifies."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")

from tally.audit.replay import verify
from tally.cli.station import reachable_hosts

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "examples" / "delegate_congress" / "congress.toml"
TITLE = "Bầu Ban Chấp hành Đảng bộ xã Hòa Bình khóa I, nhiệm kỳ 2025–2030"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(log: Path, *extra: str) -> tuple[list[str], int, str]:
    """Start the station, read its lines up to the screen's address, stop it with SIGTERM:
    the lines before, its exit status and what it said on stopping."""
    port = _free_port()
    command = [sys.executable, "-m", "tally", "station", str(SPEC), "--contest", "bch"]
    station = subprocess.Popen(
        [*command, "--log", str(log), "--port", str(port), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert station.stderr is not None
    lines: list[str] = []
    while not lines or "/screen" not in lines[-1]:
        line = station.stderr.readline()
        assert line, f"the station ended early: {lines}"
        lines.append(line.rstrip("\n"))
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
            break
        except urllib.error.HTTPError:
            break  # it answers (refused without the token)
        except (urllib.error.URLError, ConnectionError):
            assert time.monotonic() < deadline, "the station did not start"
            time.sleep(0.05)
    if "--host" in extra:  # the token's line comes after the screen's
        lines.append(station.stderr.readline().rstrip("\n"))
    station.send_signal(signal.SIGTERM)
    rest = station.stderr.read()
    return lines, station.wait(timeout=20), rest


def test_it_names_the_contest_and_both_pages_then_stops_with_a_log_that_verifies(
    tmp_path: Path,
) -> None:
    log = tmp_path / "a.jsonl"
    lines, status, stopped = _run(log)
    assert lines[0].startswith(f"Máy nhập phiếu A — {TITLE}; nhật ký {log}.")
    assert lines[1].startswith("http://127.0.0.1:") and lines[1].endswith("/")
    assert lines[2] == f"Màn hình chiếu cho hội trường: {lines[1]}screen"
    assert status == 0
    assert stopped.startswith(
        f"Đã dừng máy nhập phiếu; mọi phiếu đã ghi đều nằm trong nhật ký {log}"
    )
    assert "Chạy lại đúng lệnh này để nhập tiếp." in stopped
    assert verify(log).ok


def test_reachable_from_the_hall_it_prints_the_token_on_every_address(tmp_path: Path) -> None:
    lines, status, _ = _run(tmp_path / "a.jsonl", "--host", "0.0.0.0", "--lang", "en")
    assert lines[0].startswith("Entry station A — ")
    token = lines[-1].split()[2]
    assert lines[-1].startswith(f"Access token: {token} — ")
    assert lines[1].endswith(f"/?token={token}") and "0.0.0.0" not in lines[1]
    assert lines[-2].startswith("The hall's screen: http://")
    assert lines[-2].endswith(f"/screen?token={token}")
    assert status == 0


def test_the_addresses_printed_for_a_host() -> None:
    assert reachable_hosts("192.168.1.20") == ["192.168.1.20"]
    assert reachable_hosts("fe80::1") == ["[fe80::1]"]
    every = reachable_hosts("0.0.0.0")
    assert every, "at least one address is printed"
    assert every == ["127.0.0.1"] or not any(a.startswith(("127.", "0.")) for a in every)


def test_a_port_in_use_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        command = [sys.executable, "-m", "tally", "station", str(SPEC), "--contest", "bch"]
        done = subprocess.run(
            [*command, "--log", str(tmp_path / "a.jsonl"), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 3
    assert f"Cổng {port} trên 127.0.0.1 đang có chương trình khác dùng" in done.stderr
    assert "http://" not in done.stderr
    assert not (tmp_path / "a.jsonl").exists()


def test_started_again_it_keeps_its_token_in_a_file_beside_the_log(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    first, _, _ = _run(log, "--host", "0.0.0.0")
    again, _, _ = _run(log, "--host", "0.0.0.0")
    kept = tmp_path / "a.jsonl.token"
    token = kept.read_text(encoding="utf-8").strip()
    assert first[-1] == again[-1] and first[-1].startswith(f"Mã truy cập: {token} — ")
    assert str(kept) in first[-1]
    assert kept.stat().st_mode & 0o777 == 0o600
    chosen, _, _ = _run(log, "--host", "0.0.0.0", "--token", "ban-kiem-phieu-hoa-binh-2025")
    assert chosen[-1].startswith("Mã truy cập: ban-kiem-phieu-hoa-binh-2025 — ")
    assert kept.read_text(encoding="utf-8") == "ban-kiem-phieu-hoa-binh-2025\n"


@pytest.mark.parametrize(
    ("kept", "extra", "said"),
    [
        ("not a token\n", [], "Tệp giữ mã truy cập"),
        (None, ["--token", "short"], "Mã truy cập cần ít nhất 16 ký tự"),
    ],
)
def test_a_bad_token_is_refused_before_the_log_is_touched(
    tmp_path: Path, kept: str | None, extra: list[str], said: str
) -> None:
    log = tmp_path / "a.jsonl"
    if kept is not None:
        (tmp_path / "a.jsonl.token").write_text(kept, encoding="utf-8")
    command = [sys.executable, "-m", "tally", "station", str(SPEC), "--contest", "bch"]
    done = subprocess.run(
        [*command, "--log", str(log), "--host", "0.0.0.0", "--port", str(_free_port()), *extra],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0 and said in done.stderr, done.stderr
    assert "http://" not in done.stderr and not log.exists()


def test_a_token_file_others_can_read_is_made_the_owners_and_a_bad_one_refused(
    tmp_path: Path,
) -> None:
    from tally.errors import InputFileError
    from tally.station.token import choose_token, keep_token, token_file

    log = tmp_path / "a.jsonl"
    kept = token_file(log)
    kept.write_text("ban-kiem-phieu-hoa-binh-2025\n", encoding="utf-8")
    kept.chmod(0o644)
    assert choose_token(log) == "ban-kiem-phieu-hoa-binh-2025"
    assert kept.stat().st_mode & 0o777 == 0o600
    kept.unlink()
    kept.mkdir()
    with pytest.raises(InputFileError):
        choose_token(log)
    with pytest.raises(InputFileError):  # --token over a folder: refused, not a crash
        keep_token(log, choose_token(log, given="ban-kiem-phieu-hoa-binh-2025"))
    kept.rmdir()
    kept.write_bytes(b"\xff\xfe not utf-8")
    keep_token(log, "ban-kiem-phieu-hoa-binh-2025")  # --token replaces what cannot be read
    assert kept.read_text(encoding="utf-8") == "ban-kiem-phieu-hoa-binh-2025\n"


def test_a_station_that_does_not_start_leaves_no_token_file(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "tally", "station", str(SPEC), "--contest", "nope"]
    log = tmp_path / "a.jsonl"
    done = subprocess.run(
        [*command, "--log", str(log), "--host", "0.0.0.0", "--port", str(_free_port())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0 and "nope" in done.stderr
    assert not (tmp_path / "a.jsonl.token").exists()
