"""The roll-up as one workbook for the organisation department: a summary sheet (the totals,
the composition of each kind of body, the two charts), then the progress, composition and
candidate tables with Vietnamese headers and the board's words (``cấp xã``, ``Ban Chấp
hành``, ``Trúng cử``); counts and shares are numbers. Written in openpyxl's streaming mode, so
a province's thousands of congresses take seconds and little memory.

>>> from tally.io.spec import load_congress
>>> from tally.congress.run import run_congress
>>> from tally.rollup.tables import progress_row
>>> record = run_congress(load_congress("examples/youth_union/congress.toml"), {})
>>> tables = {"progress": ([progress_row(record)], ("unit", "reported", "contests")),
...           "composition": ([], ("body", "size")), "candidates": ([], ("candidate",))}
>>> summary_rows(tables["progress"][0], [], "en")[:2]
[['Congresses reported', 1], ['Units planned, not yet reported', 0]]
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from tally.extras import need
from tally.i18n.messages import Lang, Words
from tally.io.workbook_sheets import (
    add_sheet,
    header_cell,
    new_workbook,
    stream_table,
    workbook_bytes,
)
from tally.model.bodies import Body, Level
from tally.model.rules import DEFAULT_RULES
from tally.rollup.charts import (
    SHARES,
    code_words,
    composition_chart,
    composition_shares,
    progress_chart,
)
from tally.rollup.collect import Duplicate, Registry
from tally.rollup.tables import (
    CANDIDATE_COLUMNS,
    COMPOSITION_COLUMNS,
    INTEGER_COLUMNS,
    PROGRESS_COLUMNS,
    PROGRESS_COUNTS,
    Row,
    Tables,
    totals,
    unique_summaries,
    unplanned_rows,
)

_t = Words("rollup")

SHEETS = ("progress", "composition", "candidates")
"""The tables, each on its own sheet after the summary."""

_SHARE_FORMAT = "0.00"
_SHARE_COLUMNS = frozenset(4 + 2 * k for k in range(len(SHARES)))
"""The columns of a body's totals holding a percentage."""


def column_header(column: str, lang: Lang = "vi") -> str:
    """The header of a roll-up column (``women`` → ``Nữ``).

    >>> column_header("seats_open"), column_header("seats_open", "en")
    ('Số còn thiếu', 'Seats open')
    """
    return _t(f"rollup.col.{column}", lang)


def summary_rows(
    progress: Sequence[Row], composition: Sequence[Row], lang: Lang
) -> list[list[Any]]:
    """The summary's figures: congresses reported and planned, then each progress total."""
    reported = sum(bool(row["reported"]) for row in progress)
    summed = totals(progress, PROGRESS_COUNTS)
    rows: list[list[Any]] = [
        [_t("reported", lang), reported],
        [_t("planned_only", lang), len(progress) - reported],
    ]
    rows += [[column_header(c, lang), summed.get(c, 0)] for c in PROGRESS_COUNTS]
    return rows


def composition_totals(composition: Sequence[Row], lang: Lang) -> list[list[Any]]:
    """One row per kind of body: bodies, members, and each share of :data:`SHARES` as a count
    and a percentage of the members (congresses may count under different rule sets: the
    default rule set's percent policy, two decimals half up, computed in integers)."""
    sums = composition_shares(composition)
    bodies = {str(row["body"]): 0 for row in composition}
    for row in composition:
        bodies[str(row["body"])] += 1
    rows = []
    for body, shares in sums.items():
        size = shares[SHARES[0]][1]
        line: list[Any] = [code_words(Body, body, lang), bodies[body], size]
        for share in SHARES:
            count, members = shares[share]
            line += [count, DEFAULT_RULES.percent.value(count, members)]
        rows.append(line)
    return rows


TARGETED = ("women", "minorities", "under_40", "new")
"""The composition columns a congress may set a target for (``women_target``, ``women_met``)."""


def target_totals(composition: Sequence[Row], lang: Lang) -> list[list[Any]]:
    """For each kind of body and each target set for some of them: how many bodies had that
    target, and how many met it (each body against its own congress's target for it)."""
    counts: dict[tuple[str, str], list[int]] = {}
    for row in composition:
        for target in TARGETED:
            if row.get(f"{target}_target") is None:
                continue
            tally = counts.setdefault((str(row["body"]), target), [0, 0])
            tally[0] += 1
            tally[1] += bool(row.get(f"{target}_met"))
    return [
        [code_words(Body, body, lang), column_header(target, lang), had, met]
        for (body, target), (had, met) in counts.items()
    ]


def rollup_workbook(tables: Tables, lang: Lang = "vi", charts: bool = True) -> bytes:
    """The roll-up workbook of ``tables`` (see the module's description); ``charts=False``
    leaves the charts out (no matplotlib needed)."""
    candidates, _ = tables["candidates"]
    progress, _ = tables["progress"]
    composition, _ = tables["composition"]
    return _workbook(iter(candidates), progress, composition, lang, charts)


def stream_rollup_workbook(
    paths: list[Path], plan: list[Row] | None, lang: Lang = "vi", workers: int | None = None
) -> tuple[bytes, int, tuple[Duplicate, ...]]:
    """The roll-up workbook of ``paths`` (as :func:`~tally.rollup.tables.roll_up` reads
    them, ``plan`` adding the units not reported), each congress's candidates written to the
    sheet as it is read, while the worker processes read the next: the workbook, how many
    congresses it holds, and the repeated files left out."""
    registry = Registry()
    progress: list[Row] = []
    composition: list[Row] = []

    def candidates() -> Iterator[Row]:
        for summary in unique_summaries(paths, workers, registry):
            progress.append(summary.progress)
            composition.extend(summary.composition)
            yield from summary.candidates
        if plan is not None:
            progress.extend(unplanned_rows(plan, progress))

    book = _workbook(candidates(), progress, composition, lang, charts=True)
    reported = sum(bool(row["reported"]) for row in progress)
    return book, reported, tuple(registry.duplicates)


def _workbook(
    candidates: Iterator[Row],
    progress: list[Row],
    composition: list[Row],
    lang: Lang,
    charts: bool,
) -> bytes:
    """The workbook: the candidates sheet is written first, from ``candidates`` as they come
    (reading them may fill ``progress`` and ``composition``), then the other tables and the
    summary, which opens the workbook."""
    book = new_workbook(streamed=True)
    summary = add_sheet(book, _t("rollup.sheet.summary", lang), landscape=True)
    sheets = {
        name: add_sheet(book, _t(f"rollup.sheet.{name}", lang), landscape=True) for name in SHEETS
    }
    _table_sheet(sheets["candidates"], candidates, CANDIDATE_COLUMNS, lang)
    _table_sheet(sheets["progress"], iter(progress), PROGRESS_COLUMNS, lang)
    _table_sheet(sheets["composition"], iter(composition), COMPOSITION_COLUMNS, lang)
    _summary_sheet(summary, progress, composition, lang, charts)
    return workbook_bytes(book)


def _table_sheet(sheet: Any, rows: Iterator[Row], columns: tuple[str, ...], lang: Lang) -> None:
    formats = {i: _SHARE_FORMAT for i, c in enumerate(columns) if c == "share"}
    stream_table(
        sheet,
        [],
        [column_header(c, lang) for c in columns],
        (_cells(row, columns, lang) for row in rows),
        widths=[_width(c) for c in columns],
        number_formats=formats,
    )


def _summary_sheet(
    summary: Any, progress: list[Row], composition: list[Row], lang: Lang, charts: bool
) -> None:
    body_headers = [column_header("body", lang), _t("bodies", lang), column_header("size", lang)]
    for share in SHARES:
        body_headers += [column_header(share, lang), f"% {column_header(share, lang)}"]
    by_body = [
        [_share_cell(summary, v) if i in _SHARE_COLUMNS else v for i, v in enumerate(row)]
        for row in composition_totals(composition, lang)
    ]
    heads = [header_cell(summary, header) for header in body_headers]
    figures = summary_rows(progress, composition, lang)
    summary.row_dimensions[len(figures) + 5].height = 30
    lines = [*figures, [], [_t("by_body", lang)], heads, *by_body]
    targets = target_totals(composition, lang)
    if targets:
        words = [
            column_header("body", lang),
            _t("workbook.target", lang),
            _t("with_target", lang),
            _t("meeting_target", lang),
        ]
        lines += [[], [_t("targets", lang)], [header_cell(summary, w) for w in words], *targets]
    stream_table(
        summary,
        [_t("title", lang)],
        [_t("item", lang), _t("value", lang)],
        lines,
        widths=[34, 12, 12, *[11] * (2 * len(SHARES))],
    )
    if charts:
        image = need("openpyxl.drawing.image", "excel").Image
        anchor = len(lines) + 4
        for png in (progress_chart(progress, lang), composition_chart(composition, lang)):
            summary.add_image(image(io.BytesIO(png)), f"A{anchor}")
            anchor += 24


def _share_cell(sheet: Any, value: object) -> Any:
    cell = need("openpyxl.cell", "excel").WriteOnlyCell(sheet, value=value)
    cell.number_format = _SHARE_FORMAT
    return cell


_WORDS = {"body": Body, "level": Level}
_RESULTS = frozenset({"elected", "alternate", "not_elected"})


def _cells(row: Row, columns: Iterable[str], lang: Lang) -> list[Any]:
    """A row as the department reads it: codes as words, counts as numbers."""
    cells: list[Any] = []
    for column in columns:
        value = row.get(column)
        if column in _WORDS:
            value = code_words(_WORDS[column], value, lang) if value else ""
        elif column == "result" and value in _RESULTS:
            value = _t(f"rollup.result.{value}", lang)
        elif column == "gender" and value in ("male", "female"):
            value = _t(f"workbook.choice.{value}", lang)
        elif isinstance(value, bool):
            value = _t("yes" if value else "no", lang)
        elif column not in INTEGER_COLUMNS and column != "share" and value is None:
            value = ""
        cells.append(value)
    return cells


def _width(column: str) -> float:
    if column == "congress":
        return 48
    if column in ("candidate", "unit"):
        return 30
    if column in ("body", "contest", "result", "level"):
        return 18
    return 11
