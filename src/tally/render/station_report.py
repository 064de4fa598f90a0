"""The reconciliation of entry stations as a document the board reads (Vietnamese or English).

For each contest: the station logs and their fingerprints, the ballots each station entered (by
batch, against the declared count), and every discrepancy by serial and candidate, with what
each station entered in words.
"""

from __future__ import annotations

from collections.abc import Sequence

from tally.audit.events import Reading
from tally.audit.readings import ABSENT, Discrepancy, DiscrepancyKind, row_of
from tally.audit.stations import ContestReconciliation
from tally.counting.validity import InvalidReason
from tally.i18n.labels import label
from tally.i18n.messages import Lang, localize
from tally.model.ballots import Mark
from tally.model.contest import BallotForm, Contest
from tally.render.document import Align, Block, Format, Heading, Paragraph, Table, Title, render

_L: dict[str, tuple[str, str]] = {
    "title": ("ĐỐI CHIẾU KẾT QUẢ NHẬP PHIẾU GIỮA CÁC MÁY", "RECONCILIATION OF ENTRY STATIONS"),
    "contest": ("Cuộc bầu {key}", "Contest {key}"),
    "sources": ("Nhật ký của các máy", "Station logs"),
    "station": ("Máy", "Station"),
    "file": ("Tệp", "File"),
    "events": ("Sự kiện", "Events"),
    "hash": ("Mã SHA-256 (16 ký tự đầu)", "SHA-256 (first 16)"),
    "entered": ("Số phiếu đã nhập", "Ballots entered"),
    "batch": ("Sấp {batch} (khai báo {expected})", "Batch {batch} ({expected} declared)"),
    "serial": ("Số phiếu", "Serial"),
    "what": ("Chênh lệch", "Difference"),
    "agreed": (
        "Các máy nhập khớp nhau ở mọi phiếu.",
        "The stations agree on every ballot.",
    ),
    "spelt": (
        "Số phiếu các máy viết khác nhau nhưng là cùng một phiếu (so sánh không phân biệt chữ "
        "hoa, chữ thường, chữ rộng); nhật ký gộp ghi theo cách viết của máy đầu tiên:",
        "Serials the stations spelt differently that name the same ballot (compared regardless "
        "of capitals and full-width characters); the merged log writes them as the first "
        "station did:",
    ),
    "disputed": (
        "Còn {count} phiếu các máy nhập khác nhau: {serials}. Ban kiểm phiếu xem lại phiếu gốc "
        "và ghi phán quyết cho từng phiếu (tệp phán quyết, xem docs/audit.md), hoặc các máy sửa "
        "lần nhập cho khớp.",
        "{count} ballot(s) read differently by the stations: {serials}. The board looks at the "
        "paper ballots and records a ruling on each (a rulings file, see docs/audit.md), or the "
        "stations correct their entries.",
    ),
    "rulings": ("Phán quyết của Ban kiểm phiếu", "The counting board's rulings"),
    "reading": ("Phiếu ghi", "The ballot reads"),
    "note": ("Ghi chú", "Note"),
    "absent": ("không có phiếu này (nhập nhầm)", "no such ballot (entered by mistake)"),
    "nothing_marked": ("không gạch tên nào", "nothing marked"),
    "in_batch": ("sấp {batch}", "batch {batch}"),
    "can_close": (
        "Cuộc kiểm phiếu kết thúc được: ghi nhật ký gộp bằng tally reconcile … --merge TỆP_MỚI.",
        "The count can close: write the merged log with tally reconcile … --merge NEW_FILE.",
    ),
    "cannot_close": ("Chưa kết thúc kiểm phiếu được: {why}", "The count cannot close yet: {why}"),
    "k_missing": ("có máy không nhập phiếu này", "not entered at every station"),
    "k_marks": ("dấu ở người số {number}: {name}", "mark for no. {number}: {name}"),
    "k_observations": ("nhận xét của Ban kiểm phiếu", "the board's observations"),
    "k_batch": ("sấp phiếu", "batch"),
    "k_serial": ("số phiếu viết khác nhau", "serial spelt differently"),
    "not_entered": ("không nhập", "not entered"),
    "entered_yes": ("có nhập", "entered"),
    "none": ("không có", "none"),
    "kept": ("giữ tên", "kept"),
    "struck": ("gạch tên", "struck"),
    "agree": ("đồng ý", "agree"),
    "disagree": ("không đồng ý", "disagree"),
    "both": ("cả hai ô", "both boxes"),
    "neither": ("không đánh dấu", "neither box"),
}


def _t(name: str, lang: Lang, /, **params: object) -> str:
    return localize(_L, name, lang, **params)


def reconciliation_blocks(
    reports: Sequence[ContestReconciliation], lang: Lang = "vi"
) -> list[Block]:
    """The reconciliation of every contest as document blocks."""
    blocks: list[Block] = [Title(_t("title", lang))]
    for report in reports:
        contest = report.state.contest
        blocks.append(Heading(_t("contest", lang, key=report.key)))
        blocks.append(Paragraph(_t("sources", lang) + ":"))
        blocks.append(
            Table(
                (_t("station", lang), _t("file", lang), _t("events", lang), _t("hash", lang)),
                tuple(
                    (s.station, s.file, str(s.events), s.final_hash[:16]) for s in report.sources
                ),
                ("left", "left", "right", "left"),
            )
        )
        batches = list(report.expected)
        headers = (
            _t("station", lang),
            _t("entered", lang),
            *(_t("batch", lang, batch=b, expected=report.expected[b]) for b in batches),
        )
        rows = tuple(
            (s.station, str(s.ballots), *(str(s.batches.get(b, 0)) for b in batches))
            for s in report.stations
        )
        right: list[Align] = ["right"] * (len(headers) - 1)
        blocks.append(Table(headers, rows, ("left", *right)))
        stations = [s.station for s in report.stations]
        if report.agreed:
            blocks.append(Paragraph(_t("agreed", lang)))
            spelt = [d for d in report.discrepancies if d.kind is DiscrepancyKind.SERIAL]
            if spelt:
                blocks.append(Paragraph(_t("spelt", lang)))
                blocks.append(_differences(spelt, stations, contest, lang))
            blocks += _closing(report, lang)
            continue
        blocks.append(_differences(report.discrepancies, stations, contest, lang))
        if report.rulings:
            blocks.append(Paragraph(_t("rulings", lang) + ":"))
            blocks.append(
                Table(
                    (_t("serial", lang), _t("reading", lang), _t("note", lang)),
                    tuple(
                        (r.serial, _reading(r.reading, contest, lang), r.note)
                        for r in report.rulings
                    ),
                    ("left", "left", "left"),
                )
            )
        unruled = report.unruled
        if unruled:
            shown = ", ".join(unruled[:20]) + (" …" if len(unruled) > 20 else "")
            blocks.append(Paragraph(_t("disputed", lang, count=len(unruled), serials=shown)))
        blocks += _closing(report, lang)
    return blocks


def _closing(report: ContestReconciliation, lang: Lang) -> list[Block]:
    """Whether the count can close on these readings and rulings, and if not, why."""
    if report.problem is None:
        return [Paragraph(_t("can_close", lang))]
    if report.unruled and report.problem.code == "log.unresolved":
        return []  # already said, serial by serial
    return [Paragraph(_t("cannot_close", lang, why=report.problem.message(lang)))]


def _reading(reading: Reading | None, contest: Contest, lang: Lang) -> str:
    if reading is None:
        return _t("absent", lang)
    row = row_of(contest, reading.marks)
    words = _MARK_WORDS[contest.form]
    marked = [
        f"{number}: {_t(words[Mark(mark)], lang)}"
        for number, mark in enumerate(row, start=1)
        if mark != (Mark.KEPT if contest.form is BallotForm.STRIKE_OUT else Mark.NEITHER)
    ]
    parts = ["; ".join(marked) or _t("nothing_marked", lang)]
    parts += [label(InvalidReason(code), lang) for code in reading.observations]
    if reading.batch is not None:
        parts.append(_t("in_batch", lang, batch=reading.batch))
    return "; ".join(parts)


def render_reconciliation(
    reports: Sequence[ContestReconciliation], lang: Lang = "vi", fmt: Format = "text"
) -> str:
    """The reconciliation as plain text or Markdown."""
    return render(reconciliation_blocks(reports, lang), fmt)


def _differences(
    found: Sequence[Discrepancy], stations: Sequence[str], contest: Contest, lang: Lang
) -> Table:
    """Each difference by serial, with every station's value in words."""
    return Table(
        (_t("serial", lang), _t("what", lang), *stations),
        tuple(
            (d.serial, _what(d, contest, lang), *(_value(d, s, contest, lang) for s in stations))
            for d in found
        ),
        tuple("left" for _ in range(len(stations) + 2)),
    )


def _what(d: Discrepancy, contest: Contest, lang: Lang) -> str:
    if d.kind is DiscrepancyKind.MARKS and d.candidate is not None:
        return _t("k_marks", lang, number=d.candidate, name=contest.names[d.candidate - 1])
    return _t(f"k_{d.kind.value}", lang)


_MARK_WORDS = {
    BallotForm.STRIKE_OUT: {Mark.STRUCK: "struck", Mark.KEPT: "kept"},
    BallotForm.YES_NO: {
        Mark.NEITHER: "neither",
        Mark.AGREE: "agree",
        Mark.DISAGREE: "disagree",
        Mark.BOTH: "both",
    },
}


def _value(d: Discrepancy, station: str, contest: Contest, lang: Lang) -> str:
    value = d.values.get(station, ABSENT)
    match d.kind:
        case DiscrepancyKind.MISSING:
            return _t("not_entered" if value == ABSENT else "entered_yes", lang)
        case DiscrepancyKind.MARKS:
            return _t(_MARK_WORDS[contest.form][Mark(int(value))], lang)
        case DiscrepancyKind.OBSERVATIONS:
            if value == ABSENT:
                return _t("none", lang)
            return "; ".join(label(InvalidReason(code), lang) for code in value.split("+"))
        case DiscrepancyKind.BATCH:
            return _t("none", lang) if value == ABSENT else value
        case DiscrepancyKind.SERIAL:
            return _t("not_entered", lang) if value == ABSENT else value
