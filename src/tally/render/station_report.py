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
from tally.i18n.labels import contest_title, label
from tally.i18n.messages import Lang, Words
from tally.model.ballots import Mark
from tally.model.contest import BallotForm, Contest
from tally.render.document import Align, Block, Format, Heading, Paragraph, Table, Title, render

_t = Words("stations")


def reconciliation_blocks(
    reports: Sequence[ContestReconciliation], lang: Lang = "vi"
) -> list[Block]:
    """The reconciliation of every contest as document blocks."""
    blocks: list[Block] = [Title(_t("title", lang))]
    for report in reports:
        contest = report.state.contest
        blocks.append(Heading(contest_title(contest, lang)))
        blocks.append(Paragraph(_t("sources", lang) + ":"))
        blocks.append(
            Table(
                (_t("doc.station", lang), _t("file", lang), _t("events", lang), _t("hash", lang)),
                tuple(
                    (s.station, s.file, str(s.events), s.final_hash[:16]) for s in report.sources
                ),
                ("left", "left", "right", "left"),
            )
        )
        batches = list(report.expected)
        headers = (
            _t("doc.station", lang),
            _t("entered", lang),
            *(_t("batch", lang, batch=b) for b in batches),
        )
        counted = sum(report.expected.values())
        by_hand = (
            _t("hand_count", lang),
            str(counted),
            *(str(report.expected[b]) for b in batches),
        )
        rows = (by_hand,) * bool(batches) + tuple(
            (s.station, str(s.ballots), *(str(s.batches.get(b, 0)) for b in batches))
            for s in report.stations
        )
        right: list[Align] = ["right"] * (len(headers) - 1)
        blocks.append(Table(headers, rows, ("left", *right)))
        stations = [s.station for s in report.stations]
        blocks += _corrections(report, lang)
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
                    (_t("doc.serial", lang), _t("reading", lang), _t("doc.note", lang)),
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


def _corrections(report: ContestReconciliation, lang: Lang) -> list[Block]:
    """The serials the board ruled mistyped, and the ballot each is."""
    if not report.corrections:
        return []
    return [
        Paragraph(_t("corrections", lang) + ":"),
        Table(
            (
                _t("doc.station", lang),
                _t("typed", lang),
                _t("is_ballot", lang),
                _t("doc.note", lang),
            ),
            tuple((c.station, c.entered, c.serial, c.note) for c in report.corrections),
            ("left", "left", "left", "left"),
        ),
    ]


def _closing(report: ContestReconciliation, lang: Lang) -> list[Block]:
    """Whether the count can close on these readings and rulings, and if not, why."""
    if report.problem is None:
        return [Paragraph(_t("can_close", lang))]
    if report.unruled and report.problem.code == "log.unresolved":
        return []  # already said, serial by serial
    return [Paragraph(_t("cannot_close", lang, why=report.problem.message(lang)))]


def _reading(reading: Reading | None, contest: Contest, lang: Lang) -> str:
    if reading is None:
        return _t("doc.no_such_ballot", lang)
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
        parts.append(_t("doc.in_batch", lang, batch=reading.batch))
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
        (_t("doc.serial", lang), _t("what", lang), *stations),
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
                return _t("doc.none", lang)
            return "; ".join(label(InvalidReason(code), lang) for code in value.split("+"))
        case DiscrepancyKind.BATCH:
            return _t("doc.none", lang) if value == ABSENT else value
        case DiscrepancyKind.SERIAL:
            return _t("not_entered", lang) if value == ABSENT else value
