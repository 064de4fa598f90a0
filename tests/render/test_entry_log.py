"""The printed ballot-entry log: golden files for a small two-station count, and what a board
checks on it — every entry and serial, corrections naming what they correct, the fingerprint.

Regenerate the golden files after an intended change with ``UPDATE_GOLDEN=1 make pytest`` and
review the diff.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tally import Body, CongressKind, Contest, Roll, TieDecision
from tally.audit.events import (
    BallotCorrected,
    BallotRecorded,
    BallotWithdrawn,
    CongressIdentity,
    DiscrepancyRuled,
    StationsMerged,
    StationSource,
    parse_data,
)
from tally.audit.replay import Replay, replay
from tally.audit.session import Clock, CountingSession
from tally.congress.plan import BoardMember
from tally.errors import LogError
from tally.i18n.messages import Lang
from tally.render.document import Fields, Format, Heading, Signatures, Table, Title
from tally.render.entry_log import WIDTH, entry_log_blocks, render_entry_log

VN = dt.timezone(dt.timedelta(hours=7))
ROLL = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=7, present=7)
CONGRESS = CongressIdentity(
    name="Đại hội Đảng bộ xã Hòa Bình lần thứ I",
    term="2025–2030",
    place="Hội trường xã Hòa Bình",
    date=dt.date(2025, 6, 1),
)
BOARD = (
    BoardMember(name="Đinh Thị Thu Hà", role="head"),
    BoardMember(name="Vương Quốc Khánh"),
    BoardMember(name="Lò Văn Pấng"),
)
# Serial, batch, names struck (by ballot number), observations. Ballot order is An 1, Bình 2,
# Cường 3; each valid ballot strikes one name, so all three get 4 votes of base 7: a tie for
# the 2 seats. 007 carries a written-in name and is invalid.
BALLOTS: list[tuple[str, str, list[int], list[str]]] = [
    ("001", "A", [1], []),
    ("002", "A", [2], []),
    ("003", "A", [3], []),
    ("004", "A", [1], []),
    ("005", "B", [2], []),
    ("006", "B", [3], []),
    ("007", "B", [], ["write_in"]),
]


def _clock(start: dt.datetime, step: int = 47) -> Clock:
    """A clock that moves ``step`` seconds each time it is read."""
    ticks = iter(range(1, 10_000))

    def now() -> dt.datetime:
        return start + dt.timedelta(seconds=step * next(ticks))

    return now


@pytest.fixture(autouse=True)
def _fixed_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """The version written into the log, fixed so the golden files outlive a release."""
    monkeypatch.setattr("tally.__version__", "0.1.0")


def _bch_log(directory: Path) -> Replay:
    """Two stations enter the same seven ballots: station 2 corrects a misread, station 1
    withdraws a serial entered by mistake, the stations differ on 005 and the board rules; a
    complaint; the count closes on a tie, which a re-vote decides."""
    path = directory / "kiem_phieu_bch.jsonl"
    session = CountingSession.open(
        path,
        station="1",
        congress=CONGRESS,
        clock=_clock(dt.datetime(2025, 6, 1, 14, 0, tzinfo=VN)),
    )
    bch = session.open_contest(
        Contest(
            id="bch",
            body=Body.EXECUTIVE_COMMITTEE,
            seats=2,
            candidates=["Trần Văn Cường", "Nguyễn Văn An", "Lê Thị Bình"],
        ),
        roll=ROLL,
    )
    bch.constitute_board(BOARD)
    bch.issue(7)
    bch.declare_batch("A", 4)
    bch.declare_batch("B", 3)
    for serial, batch, struck, seen in BALLOTS:
        bch.record(serial, struck=struck, observations=seen, batch=batch, station="1")
        if serial == "003":
            bch.record(serial, struck=[1], batch=batch, station="2")
            bch.correct(serial, struck=[3], batch=batch, station="2", reason="đọc nhầm số thứ tự")
        elif serial == "005":
            bch.record(serial, struck=[3], batch=batch, station="2")
        else:
            bch.record(serial, struck=struck, observations=seen, batch=batch, station="2")
        if serial == "004":
            bch.record("040", struck=[2], batch="A", station="1")
            bch.withdraw("040", station="1", reason="nhập nhầm số phiếu")
    bch.rule("005", struck=[2], batch="B", note="xem lại phiếu gốc: gạch tên số 2")
    bch.complaint(
        "Đại biểu Hồ Văn Đông đề nghị kiểm lại phiếu số 007.",
        "Ban kiểm phiếu kiểm lại trước đại hội; phiếu 007 không hợp lệ vì ghi thêm tên.",
    )
    bch.collect(7)
    bch.close()
    bch.decide(
        TieDecision(
            winners=("Nguyễn Văn An", "Lê Thị Bình"),
            note="kết quả bầu lại giữa ba người bằng phiếu",
        )
    )
    return replay(path)


def _rounds_log(directory: Path) -> Replay:
    """A yes/no vote with no board, no batches and no congress, counted across midnight; a
    shortfall; a further round with a changed list and a merged station log, still open."""
    path = directory / "bi_thu.jsonl"
    session = CountingSession.open(
        path, station="A", clock=_clock(dt.datetime(2025, 6, 1, 23, 58, 0), step=30)
    )
    roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3)
    first = session.open_contest(
        Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"]), roll=roll
    )
    first.issue(3)
    first.record("1", agree=[1])
    first.record("2", disagree=[1], observations=["identifying_mark"])
    first.record("3", both=[1])
    first.collect(3)
    first.close()
    first.order_round(
        "bt.r2",
        seats=1,
        added=["Phạm Thị Hoa"],
        removed=["Lê Văn Tám"],
        note="đại hội biểu quyết danh sách mới",
    )
    second = session.open_contest(
        Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Phạm Thị Hoa"], round=2),
        roll=roll,
        key="bt.r2",
    )
    second.issue(3)
    source = StationSource(station="B", file="may_B.jsonl", events=4, final_hash="0123abcd" * 8)
    session.write(StationsMerged(contest="bt.r2", sources=(source,)))
    second.record("1", agree=[1])
    second.record("1", agree=[1], station="B")
    second.record("2", agree=[1])
    second.record("2", disagree=[1], station="B")
    return replay(path)


@pytest.fixture
def bch(tmp_path: Path) -> Replay:
    return _bch_log(tmp_path)


@pytest.fixture
def rounds(tmp_path: Path) -> Replay:
    return _rounds_log(tmp_path)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("fmt", "suffix"), [("text", "txt"), ("markdown", "md")])
def test_entry_log_matches_golden(
    bch: Replay, lang: Lang, fmt: Format, suffix: str, golden: Callable[[str, str], None]
) -> None:
    golden(f"entry_log.{lang}.{suffix}", render_entry_log(bch, "bch", lang, fmt))


def _entry_rows(blocks: list[object]) -> dict[str, tuple[str, ...]]:
    """The rows of the (unwrapped) entry table, by event number."""
    tables = [b for b in blocks if isinstance(b, Table) and b.headers[0] == "#"]
    assert len(tables) == 1
    return {row[0]: row for row in tables[0].rows}


def test_corrections_and_withdrawals_name_the_entry_they_replace(bch: Replay) -> None:
    rows = _entry_rows(list(entry_log_blocks(bch, "bch", width=None)))
    english = _entry_rows(list(entry_log_blocks(bch, "bch", "en", width=None)))
    changes = 0
    for event in bch.events:
        data = parse_data(event.kind, event.data)
        if isinstance(data, BallotCorrected):
            assert rows[f"#{event.seq}"][-1] == f"sửa lần nhập #{data.corrects}: {data.reason}"
            assert english[f"#{event.seq}"][-1] == f"corrects #{data.corrects}: {data.reason}"
            assert rows[f"#{data.corrects}"][-1] == f"đã sửa tại #{event.seq}"
            changes += 1
        elif isinstance(data, BallotWithdrawn):
            assert rows[f"#{event.seq}"][-1] == f"hủy lần nhập #{data.cancels}: {data.reason}"
            assert english[f"#{event.seq}"][-1] == f"withdraws #{data.cancels}: {data.reason}"
            assert rows[f"#{data.cancels}"][-1] == f"đã hủy tại #{event.seq}"
            changes += 1
    assert changes == 2


def test_every_entry_and_serial_is_printed_in_event_order(bch: Replay) -> None:
    text = render_entry_log(bch, "bch")
    starts = [line.split()[0] for line in text.splitlines() if re.match(r"#\d+ ", line)]
    entries = []
    for event in bch.events:
        data = parse_data(event.kind, event.data)
        if isinstance(data, BallotRecorded | BallotWithdrawn):
            entries.append(f"#{event.seq}")
            line = next(line for line in text.splitlines() if line.startswith(f"#{event.seq} "))
            assert f" {data.station} " in line and f" {data.serial} " in line
    assert starts == entries
    serials = {serial for serial, *_ in BALLOTS} | {"040"}
    assert all(f" {serial} " in text for serial in serials)


def test_observations_rulings_and_decisions_are_in_words(bch: Replay) -> None:
    text = render_entry_log(bch, "bch", fmt="markdown")
    assert "| không gạch | ghi thêm tên ngoài danh sách |" in text
    ruling = next(
        event.seq
        for event in bch.events
        if isinstance(parse_data(event.kind, event.data), DiscrepancyRuled)
    )
    assert (
        f"**#{ruling}:** Ban kiểm phiếu phán quyết phiếu 005: gạch: 2; sấp B — xem lại phiếu gốc"
        in text
    )
    assert "Khiếu nại: Đại biểu Hồ Văn Đông" in text
    assert "7 phiếu thu vào, 6 hợp lệ, 1 không hợp lệ" in text
    assert "Nguyễn Văn An, Lê Thị Bình trúng cử — kết quả bầu lại" in text
    english = render_entry_log(bch, "bch", "en", "markdown")
    assert "| none struck | a name written in |" in english
    assert "7 collected, 6 valid, 1 invalid" in english


def test_totals_by_station_and_batch(bch: Replay) -> None:
    text = render_entry_log(bch, "bch", "en")
    lines = text.splitlines()
    assert re.search(r"^1 +8 +0 +1 +7$", text, re.MULTILINE)
    assert re.search(r"^2 +7 +1 +0 +7$", text, re.MULTILINE)
    header = lines[lines.index("By batch:") + 2]
    assert re.split(r"  +", header) == ["Batch", "Declared", "Station 1", "Station 2", "Agreed"]
    assert re.search(r"^A +4 +4 +4 +4$", text, re.MULTILINE)
    assert re.search(r"^B +3 +3 +3 +3$", text, re.MULTILINE)


def test_fingerprint_is_the_replays(bch: Replay) -> None:
    mark = bch.fingerprint("bch")
    assert mark.events == len(bch.events)
    for lang in ("vi", "en"):
        for fmt in ("text", "markdown"):
            text = render_entry_log(bch, "bch", lang, fmt)
            assert mark.grouped() in text
            assert f"#{mark.events}" in text and "kiem_phieu_bch.jsonl" in text


def test_signatures_are_the_board(bch: Replay) -> None:
    blocks = entry_log_blocks(bch, "bch")
    signatures = [b for b in blocks if isinstance(b, Signatures)]
    assert signatures == [
        Signatures(
            (
                ("TRƯỞNG BAN KIỂM PHIẾU", ("Đinh Thị Thu Hà",)),
                ("CÁC ỦY VIÊN", ("Vương Quốc Khánh", "Lò Văn Pấng")),
            ),
            "(ký, ghi rõ họ tên)",
        )
    ]
    assert "chữ ký nháy" in render_entry_log(bch, "bch")
    assert "initialled" in render_entry_log(bch, "bch", "en")


def test_english_has_no_vietnamese_headings(bch: Replay, rounds: Replay) -> None:
    for replayed in (bch, rounds):
        english = entry_log_blocks(replayed, lang="en")
        vietnamese = entry_log_blocks(replayed, lang="vi")
        assert [type(b) for b in english] == [type(b) for b in vietnamese]
        words: list[str] = []
        for block in english:
            if isinstance(block, Title | Heading):
                words.append(block.text)
            elif isinstance(block, Table):
                words += block.headers
            elif isinstance(block, Fields):
                words += [name for name, _ in block.items if not name.startswith("#")]
            elif isinstance(block, Signatures):
                words += [block.note, *(title for title, _ in block.blocks)]
        assert words and all(word.isascii() for word in words), [
            w for w in words if not w.isascii()
        ]
        text = render_entry_log(replayed, lang="en")
        for block in vietnamese:
            if isinstance(block, Heading):
                assert block.text.upper() not in text


def test_text_fits_a4(bch: Replay, rounds: Replay) -> None:
    for replayed in (bch, rounds):
        for lang in ("vi", "en"):
            text = render_entry_log(replayed, lang=lang)
            assert max(len(line) for line in text.splitlines()) <= WIDTH


def test_markdown_tables_are_not_wrapped(bch: Replay) -> None:
    text = render_entry_log(bch, "bch", fmt="markdown")
    rows = [line for line in text.splitlines() if line.startswith("| #")]
    assert len(rows) == 1 + 17  # the header, and one line per entry
    assert "| sửa lần nhập #12: đọc nhầm số thứ tự |" in text


def test_every_contest_in_turn_when_no_key(rounds: Replay) -> None:
    text = render_entry_log(rounds)
    assert rounds.keys == ("bt", "bt.r2")
    assert text.count("NHẬT KÝ NHẬP PHIẾU") == 2 and text.count("TRƯỞNG BAN KIỂM PHIẾU") == 2
    assert "Bầu Bí thư chi bộ — vòng 2" in text
    assert text.index("Cuộc bầu (mã trong nhật ký): bt\n") < text.index(
        "Cuộc bầu (mã trong nhật ký): bt.r2\n"
    )
    assert render_entry_log(rounds, "bt.r2") in text
    assert "=" * 78 in text and "---" in render_entry_log(rounds, fmt="markdown")
    english = render_entry_log(rounds, lang="en")
    assert "Election of the chi bộ secretary — round 2" in english


def test_yes_no_entries_and_a_further_round(rounds: Replay) -> None:
    text = render_entry_log(rounds, "bt", fmt="markdown")
    assert "| đồng ý: 1; không đồng ý: —; cả hai: — |" in text
    assert "| đồng ý: —; không đồng ý: —; cả hai: 1 |" in text
    assert "| đồng ý: —; không đồng ý: 1; cả hai: — | có ký tên hoặc đánh dấu riêng |" in text
    assert (
        "Quyết định bầu tiếp (cuộc bầu bt.r2): 1 chỉ tiêu; bổ sung vào danh sách: Phạm Thị Hoa; "
        "rút khỏi danh sách: Lê Văn Tám — đại hội biểu quyết danh sách mới" in text
    )
    english = render_entry_log(rounds, "bt", "en", "markdown")
    assert "| agree: 1; disagree: —; both: — |" in english
    assert "Further round ordered (bt.r2): 1 seat(s); added to the list: Phạm Thị Hoa" in english
    assert "chưa khóa sổ" not in text and "Không khai sấp phiếu." in text


def test_entries_after_midnight_show_the_day(rounds: Replay) -> None:
    text = render_entry_log(rounds, "bt")
    assert "Mở cuộc bầu lúc: 23:59:00 ngày 1 tháng 6 năm 2025\n" in text
    assert re.search(r"^#4 +23:59:30 ", text, re.MULTILINE)
    assert re.search(r"^#5 +02/06 00:00:00 ", text, re.MULTILINE)


def test_an_open_count_with_unresolved_differences(rounds: Replay) -> None:
    text = render_entry_log(rounds, "bt.r2")
    assert "Khóa sổ kiểm phiếu: chưa khóa sổ" in text
    assert "Số phiếu thu vào: chưa ghi" in text
    assert "Máy nhập phiếu: A, B" in text
    assert "Các máy còn đọc khác nhau, chưa có phán quyết, ở 1 phiếu: 2." in text
    assert "Sau đối chiếu" not in text
    assert "Không khai sấp phiếu." in text
    blank = "." * 30
    assert text.count(blank) == 3 and "Đinh Thị Thu Hà" not in text


def test_merged_station_logs_are_listed_with_their_hash(rounds: Replay) -> None:
    text = render_entry_log(rounds, "bt.r2")
    assert (
        "Nhật ký các máy đã gộp\n"
        "    Máy B: tệp may_B.jsonl, 4 sự kiện\n"
        "    SHA-256 cuối: " + " ".join(["0123abcd"] * 8) + "\n"
    ) in text
    english = render_entry_log(rounds, "bt.r2", "en")
    assert "    Station B: file may_B.jsonl, 4 events\n    Final SHA-256: 0123abcd" in english


def test_unknown_contest_is_refused(bch: Replay) -> None:
    with pytest.raises(LogError):
        entry_log_blocks(bch, "btv")


def test_a_stack_declared_again_shows_the_counts_declared_before(tmp_path: Path) -> None:
    path = tmp_path / "recount.jsonl"
    session = CountingSession.open(path, station="A", congress=CONGRESS)
    contest = Contest(
        id="bch",
        body=Body.EXECUTIVE_COMMITTEE,
        seats=2,
        candidates=["Trần Văn Cường", "Nguyễn Văn An", "Lê Thị Bình"],
    )
    bch = session.open_contest(contest, roll=ROLL)
    bch.declare_batch("S01", 52)
    bch.declare_batch("S02", 3)
    bch.declare_batch("S01", 2)
    session.close()
    text = render_entry_log(replay(path), "bch", "vi")
    assert re.search(
        r"Sấp S01: +2 phiếu \(đếm lại; đã ghi trước đó: 52 phiếu \(sự kiện #3\)\)", text
    )
    assert re.search(r"Sấp S02: +3 phiếu$", text, re.MULTILINE)
