"""Audit logs from the command line: record, verify, replay, reconcile — as a board uses them."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from tally import Body, CongressKind, Contest, Roll
from tally.audit.replay import replay, verify
from tally.audit.session import CountingSession
from tally.cli.main import EXIT_BAD_INPUT, EXIT_BAD_LOG, EXIT_NEEDS_DECISION, EXIT_OK, main
from tally.congress.plan import BoardMember

ROOT = Path(__file__).resolve().parents[2]
DISTRICT = ROOT / "examples" / "district_congress" / "congress.toml"
DELEGATE = ROOT / "examples" / "delegate_congress" / "congress.toml"
RULE = "=" * 78 + "\n\n"


def test_count_with_a_log_prints_the_same_minutes_as_the_replay(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "district.jsonl"
    assert main(["count", str(DISTRICT), "--log", str(log)]) == EXIT_OK
    counted = capsys.readouterr()
    assert "district.jsonl" in counted.err
    assert main(["replay", str(log)]) == EXIT_OK
    replayed = capsys.readouterr().out
    minutes = counted.out.split(RULE)
    rounds = replayed.split(RULE)
    assert len(rounds) == 5  # bch, bch.r2, bt, dbdh, and the congress summary, as counted
    for from_count, from_log in zip(minutes, rounds, strict=True):
        assert from_count.rstrip() == from_log.rstrip()
    assert rounds[-1].lstrip().startswith("TỔNG HỢP KẾT QUẢ BẦU CỬ")
    final = replay(log)
    assert final.final_hash in counted.err
    bch = final.fingerprint("bch")
    assert f"{bch.events} sự kiện" in rounds[0] and bch.grouped() in rounds[0]
    assert "Thời gian kiểm phiếu: 16 giờ 10, ngày 15 tháng 7 năm 2020" in rounds[1]


def test_one_edited_character_is_found_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "bch.jsonl"
    assert main(["count", str(DELEGATE), "--log", str(log)]) == EXIT_OK
    assert main(["verify", str(log)]) == EXIT_OK
    assert "nguyên vẹn" in capsys.readouterr().out
    lines = log.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, start=1) if '"serial":"BCH-042"' in line)
    lines[number - 1] = lines[number - 1].replace('"serial":"BCH-042"', '"serial":"BCH-043"')
    log.write_text("".join(lines), encoding="utf-8")
    assert main(["verify", str(log), "--lang", "en"]) == EXIT_BAD_LOG
    err = capsys.readouterr().err
    assert f"line {number}: The log is damaged: the line was edited" in err
    assert f"({number - 1} events) are intact" in err
    assert main(["replay", str(log)]) == EXIT_BAD_LOG


def test_a_consistently_rehashed_forgery_fails_the_replay(tmp_path: Path) -> None:
    """Someone who recomputes every hash after changing a ballot is caught by the count."""
    from tally.audit.log import AuditLog

    log = tmp_path / "bch.jsonl"
    assert main(["count", str(DELEGATE), "--log", str(log)]) == EXIT_OK
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    forged = tmp_path / "forged.jsonl"
    writer = AuditLog.open(forged)
    changed = None
    for event in events:
        data = event["data"]
        if changed is None and event["kind"] == "ballot_recorded" and data["marks"]["struck"]:
            data["marks"]["struck"] = data["marks"]["struck"][1:]
            changed = event["seq"]
        writer.append(event["kind"], data)
    report = verify(forged)
    assert not report.ok and report.problem is not None
    assert report.problem.value == "inconsistent"
    closing = next(e["seq"] for e in events if e["kind"] == "count_closed")
    assert report.line in (changed, closing)


def test_count_refuses_a_log_it_did_not_begin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "bch.jsonl"
    log.write_text("keep me\n", encoding="utf-8")
    assert main(["count", str(DELEGATE), "--log", str(log)]) == EXIT_BAD_INPUT
    assert log.read_text(encoding="utf-8") == "keep me\n"
    assert not list(tmp_path.glob(".*"))  # no partial file left behind
    other = tmp_path / "district.jsonl"
    assert main(["count", str(DISTRICT), "--log", str(other)]) == EXIT_OK
    capsys.readouterr()
    assert main(["count", str(DELEGATE), "--log", str(other)]) == EXIT_BAD_INPUT
    assert "dòng 1: Nhật ký này ghi một đại hội khác" in capsys.readouterr().err


def test_a_rerun_after_a_ballot_changed_names_the_ballot_and_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The log already holds another count of the round: the refusal names the round, the
    first ballot that differs and its line in the log, and what to do — and adds nothing."""
    folder = tmp_path / "district"
    shutil.copytree(DISTRICT.parent, folder)
    spec = folder / "congress.toml"
    log = tmp_path / "district.jsonl"
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_OK
    before = log.read_bytes()
    line = next(
        number
        for number, text in enumerate(before.decode().splitlines(), start=1)
        if '"serial":"DBDH-005"' in text
    )
    ballots = folder / "ballots_dbdh.csv"
    rows = ballots.read_text(encoding="utf-8").splitlines(keepends=True)
    assert rows[5].startswith("DBDH-005,")
    rows[5] = "DBDH-005,1;2;3,\n"
    ballots.write_text("".join(rows), encoding="utf-8")
    capsys.readouterr()
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert f"dòng {line}, phiếu DBDH-005: Nhật ký này đã ghi một lần kiểm phiếu khác" in err
    assert "cuộc bầu 'dbdh', vòng 1: phiếu đầu tiên khác là phiếu DBDH-005" in err
    assert "ghi vào một nhật ký mới, hoặc đặt lại đúng tệp phiếu" in err.lower()
    assert "counted_at" not in err
    assert main(["count", str(spec), "--log", str(log), "--lang", "en"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert f"line {line}, ballot DBDH-005: This log already holds a different count" in err
    assert "contest 'dbdh', round 1: the first ballot that differs is DBDH-005" in err
    assert "restore the ballots file that was counted" in err
    assert log.read_bytes() == before
    rows[5] = "DBDH-999,1;2;3,\n"  # another serial: the file has one the log has not
    ballots.write_text("".join(rows), encoding="utf-8")
    assert main(["count", str(spec), "--log", str(log), "--lang", "en"]) == EXIT_BAD_INPUT
    assert "DBDH-999 (in the ballots file now but not in the log)" in capsys.readouterr().err
    assert log.read_bytes() == before


def test_the_same_files_give_the_same_log_and_a_later_round_extends_it(tmp_path: Path) -> None:
    """The ballots of round 2 and of the later contests arrive later: the log of round 1 is
    extended, never rewritten, so the fingerprint on round 1's signed minutes stays in it."""
    folder = tmp_path / "district"
    shutil.copytree(DISTRICT.parent, folder)
    spec = folder / "congress.toml"
    later = [folder / name for name in ("ballots_bch_r2.csv", "ballots_bt.csv", "ballots_dbdh.csv")]
    held_back = [path.read_bytes() for path in later]
    for path in later:
        path.unlink()
    log = tmp_path / "district.jsonl"
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_NEEDS_DECISION
    before = log.read_bytes()
    round_one = replay(log).fingerprint("bch")
    for path, content in zip(later, held_back, strict=True):
        path.write_bytes(content)
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_OK
    after = log.read_bytes()
    assert after.startswith(before) and len(after) > len(before)
    assert replay(log).fingerprint("bch") == round_one
    again = tmp_path / "again.jsonl"
    assert main(["count", str(spec), "--log", str(again)]) == EXIT_OK
    assert again.read_bytes() == after
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_OK
    assert log.read_bytes() == after


def test_verify_cuts_a_torn_tail_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "bch.jsonl"
    assert main(["count", str(DELEGATE), "--log", str(log)]) == EXIT_OK
    raw = log.read_bytes()
    log.write_bytes(raw[:-40])
    assert main(["verify", str(log), "--lang", "en"]) == EXIT_BAD_LOG
    err = capsys.readouterr().err
    assert "last line, the event “count closed”, was cut short" in err
    assert f"Mend it with: tally verify {log} --repair-torn-tail" in err
    assert main(["verify", str(log)]) == EXIT_BAD_LOG
    err = capsys.readouterr().err
    assert "ghi dở (sự kiện “kết thúc kiểm phiếu”; máy dừng khi đang ghi)" in err
    assert f"Sửa bằng lệnh: tally verify {log} --repair-torn-tail" in err
    assert log.read_bytes() == raw[:-40]
    assert main(["verify", str(log), "--repair-torn-tail"]) == EXIT_OK
    err = capsys.readouterr().err
    assert "Đã cắt dòng cuối" in err
    assert "sự kiện “kết thúc kiểm phiếu” chưa được ghi vào nhật ký" in err
    assert "phiếu đang nhập dở" not in err
    assert log.read_bytes() == raw[: raw[:-40].rfind(b"\n") + 1]


def test_a_torn_line_cut_before_its_kind_is_the_last_event_being_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "bch.jsonl"
    assert main(["count", str(DELEGATE), "--log", str(log)]) == EXIT_OK
    raw = log.read_bytes()
    start = raw[:-1].rfind(b"\n") + 1
    log.write_bytes(raw[: start + 20])  # the cut comes before "kind"
    assert main(["verify", str(log), "--lang", "en"]) == EXIT_BAD_LOG
    assert "last line, the last event being written, was cut short" in capsys.readouterr().err
    assert main(["verify", str(log), "--repair-torn-tail", "--lang", "en"]) == EXIT_OK
    err = capsys.readouterr().err
    assert "(20 bytes): the last event being written is not in the log" in err
    assert log.read_bytes() == raw[:start]


CONTEST = Contest(
    id="bch",
    body=Body.EXECUTIVE_COMMITTEE,
    seats=2,
    candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"],
)
ROLL = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=5, present=5)
BALLOTS = {"01": [3], "02": [2], "03": [3], "04": [1], "05": [3]}


def _station(path: Path, name: str, changes: dict[str, list[int]]) -> None:
    session = CountingSession.open(
        path, station=name, clock=lambda: dt.datetime(2025, 6, 1, 9, 0, tzinfo=dt.UTC)
    )
    bch = session.open_contest(CONTEST, roll=ROLL)
    bch.constitute_board([BoardMember(name="Hà Thị Mai", role="head")])
    bch.issue(5)
    bch.declare_batch("S1", 5)
    for serial, struck in {**BALLOTS, **changes}.items():
        bch.record(serial, struck=struck, batch="S1")
    bch.collect(5)


def test_reconcile_lists_each_difference_and_merges_with_the_rulings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _station(a, "A", {})
    _station(b, "B", {"04": [2]})
    assert main(["reconcile", str(a), str(b), "--lang", "en"]) == EXIT_NEEDS_DECISION
    out = capsys.readouterr()
    assert "| 04" not in out.out  # text, not markdown
    assert "mark for no. 1: Nguyễn Văn An" in out.out
    assert "mark for no. 2: Lê Thị Bình" in out.out
    assert "bch: the stations differ on 1 ballot(s)" in out.err

    rulings = tmp_path / "rulings.toml"
    rulings.write_text(
        '[[ruling]]\nserial = "04"\nstruck = [1]\nbatch = "S1"\n'
        'note = "Ban kiểm phiếu xem phiếu gốc: gạch tên số 1."\n',
        encoding="utf-8",
    )
    merged = tmp_path / "merged.jsonl"
    code = main(["reconcile", str(a), str(b), "--rulings", str(rulings), "--merge", str(merged)])
    merging = capsys.readouterr()
    assert code == EXIT_OK, merging.err
    assert "Kết quả cuộc bầu bch: 2/2 người trúng cử; đã bầu đủ." in merging.err
    assert verify(merged).ok
    result = replay(merged).result("bch")
    assert result.count.votes == (4, 4, 2)
    assert result.outcome.elected == ("Nguyễn Văn An", "Lê Thị Bình")
    assert main(["replay", str(merged), "--format", "json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["bch"]["count"]["votes"] == [4, 4, 2]


def test_a_ruling_on_a_ballot_the_stations_agree_on_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _station(a, "A", {})
    _station(b, "B", {})
    rulings = tmp_path / "rulings.toml"
    rulings.write_text('[[ruling]]\nserial = "02"\nstruck = [1]\nnote = "x"\n', "utf-8")
    merged = tmp_path / "merged.jsonl"
    code = main(["reconcile", str(a), str(b), "--rulings", str(rulings), "--merge", str(merged)])
    assert code == EXIT_BAD_INPUT
    assert not merged.exists()
    assert "không có chênh lệch" in capsys.readouterr().err


def test_stations_entering_different_contests_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _station(a, "A", {})
    session = CountingSession.open(b, station="B")
    other = session.open_contest(CONTEST, roll=ROLL.model_copy(update={"present": 4}))
    other.issue(4)
    assert main(["reconcile", str(a), str(b), "--lang", "en"]) == EXIT_BAD_INPUT
    assert "differs from the one in a.jsonl (the roll or the base)" in capsys.readouterr().err


def test_verify_finds_lines_cut_at_the_end_with_the_printed_fingerprint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "district.jsonl"
    assert main(["count", str(DISTRICT), "--log", str(log)]) == EXIT_OK
    capsys.readouterr()
    printed = replay(log).fingerprint("dbdh").grouped()
    assert main(["verify", str(log), "--expect", printed]) == EXIT_OK
    lines = log.read_text(encoding="utf-8").splitlines(keepends=True)
    log.write_text("".join(lines[:-30]), encoding="utf-8")
    assert main(["verify", str(log)]) == EXIT_OK  # a chain alone cannot see a clean cut…
    assert "Chưa kết thúc kiểm phiếu: dbdh" in capsys.readouterr().out  # …but says so
    assert main(["verify", str(log), "--expect", printed, "--lang", "en"]) == EXIT_BAD_LOG
    assert "has no event with the fingerprint" in capsys.readouterr().err


def test_an_unknown_observation_in_a_forged_log_is_named_at_its_line(tmp_path: Path) -> None:
    from tally.audit.log import AuditLog

    log = tmp_path / "bch.jsonl"
    assert main(["count", str(DELEGATE), "--log", str(log)]) == EXIT_OK
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    forged = tmp_path / "forged.jsonl"
    writer = AuditLog.open(forged)
    for event in events:
        if event["seq"] == 10:
            event["data"]["observations"] = ["bogus"]
        writer.append(event["kind"], event["data"])
    report = verify(forged)
    assert report.line == 10 and report.error is not None
    assert report.error.code == "log.bad_event"
    assert main(["verify", str(forged)]) == EXIT_BAD_LOG


def test_a_round_opened_unlike_the_round_ordered_is_refused(tmp_path: Path) -> None:
    from tally.errors import DecisionError, LogError

    session = CountingSession.open(tmp_path / "bch.jsonl", station="1")
    bch = session.open_contest(CONTEST, roll=ROLL)
    bch.issue(5)
    for serial, struck in {"01": [1], "02": [1], "03": [2], "04": [2], "05": [3]}.items():
        bch.record(serial, struck=struck)
    assert bch.close().outcome.tie is not None
    bch.order_round("bch.r2", seats=1, note="bầu lại giữa hai người bằng phiếu")
    with pytest.raises(DecisionError) as raised:
        bch.order_round("bch.r3", seats=1, note="again")
    assert raised.value.code == "log.round_twice"
    wrong = CONTEST.model_copy(update={"id": "bch.r2", "round": 2})
    with pytest.raises(LogError) as refused:
        session.open_contest(wrong, roll=ROLL, key="bch.r2")
    assert refused.value.code == "log.round_differs"


def test_count_with_an_output_in_a_missing_folder_writes_no_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "bch.jsonl"
    code = main(["count", str(DELEGATE), "--log", str(log), "-o", str(tmp_path / "no" / "m.txt")])
    assert code == EXIT_BAD_INPUT and not log.exists()
    capsys.readouterr()
    assert main(["count", str(DELEGATE), "--log", str(tmp_path / "no" / "x.jsonl")]) == 3


def test_waiting_for_ballots_is_no_decision_and_a_rerun_adding_nothing_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "district"
    shutil.copytree(DISTRICT.parent, folder)
    spec = folder / "congress.toml"
    later = folder / "ballots_bch_r2.csv"
    held = later.read_bytes()
    later.unlink()
    log = tmp_path / "district.jsonl"
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_NEEDS_DECISION
    err = capsys.readouterr().err
    assert "Còn chờ: bch (chờ phiếu), bt (chờ kết quả cuộc bầu trước)." in err
    assert "cần quyết định" not in err
    assert f"Đã ghi nhật ký kiểm phiếu {log}" in err
    assert main(["count", str(spec), "--log", str(log), "--lang", "en"]) == EXIT_NEEDS_DECISION
    err = capsys.readouterr().err
    assert "Still waiting: bch (" in err and "needs a decision" not in err
    assert f"The log {log} already holds this count; nothing was added." in err
    later.write_bytes(held)
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_OK
    assert f"Đã ghi nhật ký kiểm phiếu {log}" in capsys.readouterr().err
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_OK
    err = capsys.readouterr().err
    assert f"Nhật ký {log} đã có đúng cuộc kiểm phiếu này; không ghi thêm gì." in err
    assert "Đã ghi nhật ký" not in err


def test_count_help_says_the_log_is_extended() -> None:
    import contextlib
    import io

    from tally.cli.main import build_parser

    stream = io.StringIO()
    with contextlib.redirect_stdout(stream), pytest.raises(SystemExit):
        build_parser("en").parse_args(["count", "--help"])
    helps = stream.getvalue()
    assert "nhật ký mới /" not in helps and "into a new audit log" not in helps
    assert "extend the log" in " ".join(helps.split())


def test_replay_and_reconcile_print_the_same_documents_in_html_pdf_and_word(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The printed formats come from the log as from the spec: the replay's HTML is the count's,
    byte for byte; the entry log and the stations' report print as HTML, PDF and Word too."""
    spec = tmp_path / "congress.toml"
    for file in DISTRICT.parent.iterdir():
        shutil.copy(file, tmp_path / file.name)
    log = tmp_path / "district.jsonl"
    counted, replayed = tmp_path / "count.html", tmp_path / "replay.html"
    assert (
        main(["count", str(spec), "--log", str(log), "--format", "html", "-o", str(counted)]) == 0
    )
    assert main(["replay", str(log), "--format", "html", "-o", str(replayed)]) == EXIT_OK
    assert replayed.read_text(encoding="utf-8") == counted.read_text(encoding="utf-8")
    entries = tmp_path / "entries.pdf"
    args = ["replay", str(log), "--entries", "--contest", "bt", "--format", "pdf"]
    assert main([*args, "-o", str(entries)]) == EXIT_OK
    assert entries.read_bytes().startswith(b"%PDF")
    word = tmp_path / "minutes.docx"
    assert main(["replay", str(log), "--format", "docx", "-o", str(word)]) == EXIT_OK
    assert word.read_bytes()[:2] == b"PK"
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _station(a, "A", {})
    _station(b, "B", {"04": [2]})
    report = tmp_path / "stations.html"
    code = main(["reconcile", str(a), str(b), "--format", "html", "-o", str(report)])
    assert code == EXIT_NEEDS_DECISION
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Nguyễn Văn An" in page
    capsys.readouterr()


def test_reconcile_corrects_a_mistyped_serial_and_merges_at_the_time_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _station(a, "A", {})
    session = CountingSession.open(b, station="B")
    bch = session.open_contest(CONTEST, roll=ROLL)
    bch.issue(5)
    bch.declare_batch("S1", 5)
    for serial, struck in BALLOTS.items():
        bch.record("50" if serial == "05" else serial, struck=struck, batch="S1")
    bch.collect(5)
    assert main(["reconcile", str(a), str(b)]) == EXIT_NEEDS_DECISION
    out = capsys.readouterr().out
    assert "BẦU BAN CHẤP HÀNH" in out and "bch" not in out and "docs/" not in out
    rulings = tmp_path / "rulings.toml"
    rulings.write_text(
        '[[ruling]]\nstation = "B"\nserial = "50"\ncorrect_serial = "05"\n'
        'note = "Máy B gõ nhầm 05 thành 50."\n',
        encoding="utf-8",
    )
    merged = [tmp_path / "m1.jsonl", tmp_path / "m2.jsonl"]
    for path in merged:
        args = ["reconcile", str(a), str(b), "--rulings", str(rulings), "--merge", str(path)]
        assert main([*args, "--at", "2025-06-01T14:30"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Số phiếu đúng" in out and "Máy B gõ nhầm 05 thành 50." in out
    assert merged[0].read_bytes() == merged[1].read_bytes()
    assert replay(merged[0]).contest("bch").closed_at == dt.datetime(2025, 6, 1, 14, 30)
    assert replay(merged[0]).result("bch").count.votes == (4, 4, 2)
    with pytest.raises(SystemExit) as raised:
        main(["reconcile", str(a), str(b), "--at", "1/6/2025 14:30", "--lang", "en"])
    assert raised.value.code == 2
    assert "is not a time as YYYY-MM-DDTHH:MM" in capsys.readouterr().err
