"""A counted congress as a workbook (``tally count --format xlsx``): a summary sheet (each
contest, its elected and alternates in order; the roll), one sheet per contest (every round's
list in ballot order with votes, the share of the base and the result; each round's ballot
figures; the seats open) and the composition of each elected committee against the targets.
Counts are numbers, shares numbers with the rule set's decimals; every sheet prints on A4 with
its header row repeated.

>>> from tally import Ballots, Body, CongressKind, Contest, Roll
>>> from tally.congress.plan import BoardMember, Congress, ContestPlan
>>> from tally.congress.run import run_congress
>>> bt = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Vũ Thị Lan"])
>>> congress = Congress(name="Đại hội Chi bộ 5",
...     roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=7, present=7),
...     board=[BoardMember(name="Lê Thị Hoa", role="head")],
...     contests=[ContestPlan(contest=bt, issued=7)])
>>> record = run_congress(congress, {"bt": Ballots.from_arrays(bt, [[1]] * 6 + [[2]])})
>>> book = congress_workbook(record, "en")
>>> book.sheetnames
['Summary', 'Chi bộ secretary']
>>> [c.value for c in book["Chi bộ secretary"][4]][:8]
[1, 1, 'Vũ Thị Lan', 6, 1, 0, 85.71, 'ELECTED']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tally.congress.run import CongressRecord, ContestRecord
from tally.counting.result import ContestResult
from tally.i18n.labels import label
from tally.i18n.messages import Lang, Words
from tally.io.workbook_sheets import add_sheet, add_table, new_workbook, workbook_bytes
from tally.model.contest import BallotForm
from tally.render.minutes import verdict
from tally.render.summary import contest_names

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

_t = Words("workbook")
_s = Words("summary")


def percent_format(decimals: int) -> str:
    """The cell format of a share with ``decimals`` decimals: ``0.00`` for two.

    >>> percent_format(2), percent_format(0)
    ('0.00', '0')
    """
    return "0." + "0" * decimals if decimals else "0"


def congress_workbook(
    record: CongressRecord, lang: Lang = "vi", contests: Sequence[str] | None = None
) -> Workbook:
    """The workbook of ``record`` (see the module's description), with a sheet for each of
    ``contests`` (default: every contest)."""
    book = new_workbook()
    names = contest_names(record, lang)
    _summary_sheet(book, record, names, lang)
    chosen = [c for c in record.contests if contests is None or c.contest_id in contests]
    for contest in chosen:
        _contest_sheet(add_sheet(book, names[contest.contest_id]), record, contest, names, lang)
    if any(c.body.is_collective for c in record.contests):
        _composition_sheet(book, record, names, lang)
    return book


def congress_workbook_bytes(
    record: CongressRecord, lang: Lang = "vi", contests: Sequence[str] | None = None
) -> bytes:
    """:func:`congress_workbook` as the bytes of an ``.xlsx`` file."""
    return workbook_bytes(congress_workbook(record, lang, contests))


def _heading(record: CongressRecord, lang: Lang) -> list[str]:
    congress = record.congress
    lines = [congress.name]
    if congress.term:
        lines.append(_t("doc.term_of", lang, term=congress.term))
    if congress.date:
        lines.append(_t("date", lang, date=congress.date.strftime("%d/%m/%Y")))
    if congress.place:
        lines.append(_t("place", lang, place=congress.place))
    lines.append(_t("rules", lang, title=congress.rules.title))
    return lines


def _summary_sheet(
    book: Workbook, record: CongressRecord, names: dict[str, str], lang: Lang
) -> None:
    sheet = add_sheet(book, _t("summary", lang), landscape=True)
    headers = ["doc.no", "contest", "seats", "rounds", "elected", "open", "status"]
    rows = [
        [
            i,
            names[c.contest_id],
            c.seats,
            len(c.rounds),
            len(c.elected),
            c.open_seats,
            label(c.status, lang),
            ", ".join(c.elected),
            ", ".join(c.alternates),
        ]
        for i, c in enumerate(record.contests, start=1)
    ]
    add_table(
        sheet,
        _heading(record, lang),
        [_s(h, lang) for h in headers] + [_t("elected_names", lang), _t("alternate_names", lang)],
        rows,
        widths=[6, 28, 10, 8, 10, 10, 24, 60, 40],
    )
    roll = record.congress.roll
    add_table(
        sheet,
        [_t("roll", lang)],
        ["", ""],
        first_column=2,
        rows=[
            [_t("convened", lang), roll.convened],
            [_t("deducted", lang), roll.deducted],
            [_t("present", lang), roll.present],
            [_t("base", lang), roll.base],
        ],
    )


def _contest_sheet(
    sheet: Worksheet,
    record: CongressRecord,
    contest: ContestRecord,
    names: dict[str, str],
    lang: Lang,
) -> None:
    yes_no = any(r.contest.form is BallotForm.YES_NO for r in contest.rounds)
    votes = (
        ["minutes.agree", "minutes.disagree", "minutes.unmarked"] if yes_no else ["minutes.votes"]
    )
    headers = [_t("round", lang), _t("doc.no", lang), _t("doc.full_name", lang)]
    headers += [_t(v, lang) for v in votes]
    headers += [_t("percent", lang), _t("doc.result", lang)]
    decimals = record.congress.rules.percent.decimals
    rows = [row for result in contest.rounds for row in _standing_rows(result, yes_no, lang)]
    title = [record.congress.name, names[contest.contest_id]]
    add_table(
        sheet,
        title,
        headers,
        rows,
        widths=[7, 6, 30, *[11] * len(votes), 12, 30],
        number_formats={3 + len(votes): percent_format(decimals)},
    )
    figures = [
        [
            result.contest.round,
            result.contest.seats,
            result.issued,
            result.count.collected,
            result.count.valid,
            result.count.invalid,
            result.outcome.base,
            result.outcome.min_votes,
            len(result.outcome.elected),
        ]
        for result in contest.rounds
    ]
    figure_headers = [
        "workbook.round",
        "doc.seats",
        "doc.issued",
        "doc.collected",
        "minutes.valid",
        "minutes.invalid",
        "workbook.base",
        "workbook.min_votes",
        "summary.elected",
    ]
    add_table(sheet, [_t("figures", lang)], [_t(h, lang) for h in figure_headers], figures)
    add_table(
        sheet,
        [],
        ["", ""],
        first_column=3,
        rows=[
            [_s("open", lang), contest.open_seats],
            [_s("status", lang), label(contest.status, lang)],
        ],
    )


def _standing_rows(result: ContestResult, yes_no: bool, lang: Lang) -> list[list[object]]:
    """One row per name of a round, in ballot order: the votes (names left standing, or agree
    marks) and, on a sheet with yes/no columns, the disagree and unmarked marks (empty for a
    strike-out round)."""
    round_yes_no = result.contest.form is BallotForm.YES_NO
    percent = result.rules.percent
    rows: list[list[object]] = []
    for s in result.outcome.standings:
        marks: list[object] = [s.votes]
        if yes_no:
            marks += [s.against, s.unmarked] if round_yes_no else [None, None]
        share = percent.value(s.votes, result.outcome.base)
        rows.append(
            [result.contest.round, s.number, s.name, *marks, share, verdict(result, s, lang)]
        )
    return rows


def _composition_sheet(
    book: Workbook, record: CongressRecord, names: dict[str, str], lang: Lang
) -> None:
    sheet = add_sheet(book, _t("composition", lang), landscape=True)
    if record.congress.date is None:
        sheet.cell(row=1, column=1, value=_t("no_date", lang))
        return
    rows: list[list[object]] = []
    findings: list[list[object]] = []
    percent = record.congress.rules.percent
    for c in record.contests:
        if not c.body.is_collective or not c.elected:
            continue
        made = record.composition(c.contest_id, record.congress.targets)
        bands = made.age_bands
        rows.append(
            [
                names[c.contest_id],
                made.size,
                made.women,
                made.men,
                made.gender_unknown,
                made.minorities,
                bands["under_40"],
                bands["40_49"],
                bands["50_59"],
                bands["60_and_over"],
                made.reelected,
                made.new,
            ]
        )
        findings += [
            [
                names[c.contest_id],
                _s(f"t_{f.target}", lang),
                f.required_percent,
                f.count,
                f.size,
                percent.value(f.count, f.size),
                _t("met" if f.met else "not_met", lang),
            ]
            for f in made.findings
        ]
    headers = [
        "summary.contest",
        "summary.size",
        "summary.women",
        "workbook.men",
        "workbook.gender_unknown",
        "summary.minorities",
        "summary.under_40",
        "workbook.age_40_49",
        "workbook.age_50_59",
        "workbook.age_60_and_over",
        "summary.reelected",
        "summary.new",
    ]
    add_table(
        sheet,
        [record.congress.name, _t("summary.s_composition", lang)],
        [_t(h, lang) for h in headers],
        rows,
        widths=[28, 9, 9, 9, 10, 11, 10, 10, 10, 10, 9, 9],
    )
    if findings:
        target_headers = [
            "summary.contest",
            "workbook.target",
            "workbook.required_percent",
            "workbook.count",
            "summary.size",
            "workbook.reached",
            "summary.status",
        ]
        add_table(
            sheet,
            [_t("targets", lang)],
            [_t(h, lang) for h in target_headers],
            findings,
            number_formats={5: percent_format(percent.decimals)},
        )
