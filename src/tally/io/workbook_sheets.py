"""Sheets as a clerk prints them: a title, a bold header row repeated on every page, numbers
kept as numbers, columns wide enough for Vietnamese names, A4 fitted to the page width.

Every workbook tally writes (the template, a counted congress, a roll-up) is built with
:func:`add_table` and saved whole with :func:`workbook_bytes` (the ``excel`` extra: openpyxl).

>>> book = new_workbook()
>>> sheet = add_sheet(book, "Tổng hợp")
>>> add_table(sheet, ["Đại hội Chi bộ 3"], ["TT", "Họ và tên", "Số phiếu"],
...           [[1, "Lê Văn Tám", 9]], widths=[6, 30, 12])
4
>>> sheet["C3"].value, sheet.print_title_rows
(9, '$2:$2')
>>> workbook_bytes(book)[:2]
b'PK'
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from tally.extras import need

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

A4 = "9"
"""A4 among the paper sizes of a workbook's page setup."""

SHEET_NAME_LIMIT = 31
"""Excel's longest sheet name."""

_FORBIDDEN_IN_NAMES = re.compile(r"[\[\]:*?/\\]")


def openpyxl() -> Any:
    """The openpyxl module, or an error naming the ``excel`` extra."""
    return need("openpyxl", "excel")


def new_workbook(streamed: bool = False) -> Workbook:
    """An empty workbook (no default sheet); ``streamed``: rows are written once, in order,
    with :func:`stream_table` (openpyxl's write-only mode: fast, and little memory however
    many rows)."""
    book: Workbook = openpyxl().Workbook(write_only=streamed)
    if not streamed:
        book.remove(book.worksheets[0])
    return book


def sheet_name(wanted: str, taken: Iterable[str] = ()) -> str:
    """``wanted`` as a valid, unused sheet name: at most 31 characters, none of ``[]:*?/\\``,
    numbered when taken (Excel compares names without case).

    >>> sheet_name("bch/r2"), sheet_name("BCH", ["bch"]), len(sheet_name("x" * 40))
    ('bch_r2', 'BCH (2)', 31)
    """
    base = _FORBIDDEN_IN_NAMES.sub("_", wanted).strip("'") or "_"
    used = {name.casefold() for name in taken}
    name = base[:SHEET_NAME_LIMIT]
    number = 2
    while name.casefold() in used:
        suffix = f" ({number})"
        name = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix
        number += 1
    return name


def add_sheet(book: Workbook, wanted: str, landscape: bool = False) -> Any:
    """A new sheet named after ``wanted`` (:func:`sheet_name`), set up for A4 printing, fitted
    to the page width."""
    sheet = book.create_sheet(sheet_name(wanted, book.sheetnames))
    setup = sheet.page_setup
    setup.paperSize = A4
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    properties = need("openpyxl.worksheet.properties", "excel")
    sheet.sheet_properties.pageSetUpPr = properties.PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    footer = sheet.oddFooter
    if footer is not None:
        footer.center.text = "&P / &N"
    return sheet


def add_table(
    sheet: Worksheet,
    title: Sequence[str],
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[float] = (),
    number_formats: dict[int, str] | None = None,
    first_row: int | None = None,
    first_column: int = 1,
) -> int:
    """Write ``title`` (one bold line each), a bold header row and ``rows`` from ``first_row``
    (after what the sheet holds), from column ``first_column``, and return the next free row.
    The first table of a sheet repeats its header row on every printed page and freezes it on
    screen. ``number_formats`` gives a column's format by index (``{3: "0.00"}``); ``widths``
    the columns' widths. Text wraps within its column, so a long list of names stays on the
    page."""
    styles = need("openpyxl.styles", "excel")
    bold = styles.Font(bold=True)
    row = first_row if first_row is not None else (sheet.max_row + 2 if sheet.max_row > 1 else 1)
    first_table = row == 1
    for line in title:
        sheet.cell(row=row, column=first_column, value=line).font = bold
        row += 1
    header_row = row
    letters = need("openpyxl.utils", "excel").get_column_letter
    for column, width in enumerate(widths, start=first_column):
        current = sheet.column_dimensions[letters(column)].width or 0
        sheet.column_dimensions[letters(column)].width = max(width, current)
    border = styles.Border(bottom=styles.Side(style="thin"))
    wrapped = styles.Alignment(wrap_text=True, vertical="top")
    for column, header in enumerate(headers, start=first_column):
        head = sheet.cell(row=row, column=column, value=header)
        head.font = bold
        head.border = border
        head.alignment = wrapped
    _fit_height(sheet, row, headers, first_column)
    row += 1
    formats = number_formats or {}
    for values in rows:
        for index, value in enumerate(values):
            cell = sheet.cell(row=row, column=first_column + index, value=value)
            cell.alignment = wrapped
            if index in formats:
                cell.number_format = formats[index]
        _fit_height(sheet, row, values, first_column)
        row += 1
    if first_table:
        sheet.print_title_rows = f"{header_row}:{header_row}"
        sheet.freeze_panes = f"A{header_row + 1}"
    return row


def header_cell(sheet: Any, value: object) -> Any:
    """A header cell for a streamed sheet (:func:`new_workbook`): bold, wrapped, at the top."""
    styles = need("openpyxl.styles", "excel")
    cell = need("openpyxl.cell", "excel").WriteOnlyCell(sheet, value=value)
    cell.font = styles.Font(bold=True)
    cell.alignment = styles.Alignment(wrap_text=True, vertical="top")
    return cell


def stream_table(
    sheet: Any,
    title: Sequence[str],
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[float] = (),
    number_formats: dict[int, str] | None = None,
) -> int:
    """:func:`add_table` for a sheet of a streamed workbook (:func:`new_workbook`), written
    once: the title, the header row (repeated on every printed page, frozen on screen), the
    rows; returns how many rows were written."""
    styles = need("openpyxl.styles", "excel")
    cell_of = need("openpyxl.cell", "excel").WriteOnlyCell
    letters = need("openpyxl.utils", "excel").get_column_letter
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[letters(column)].width = width
    header_row = len(title) + 1
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.freeze_panes = f"A{header_row + 1}"
    bold = styles.Font(bold=True)
    for line in title:
        cell = cell_of(sheet, value=line)
        cell.font = bold
        sheet.append([cell])
    heads = [header_cell(sheet, header) for header in headers]
    for cell in heads:
        cell.border = styles.Border(bottom=styles.Side(style="thin"))
    _fit_height(sheet, header_row, headers, 1)
    sheet.append(heads)
    formats = number_formats or {}
    written = 0
    for values in rows:
        if formats:
            values = list(values)
            for index, number_format in formats.items():
                cell = cell_of(sheet, value=values[index])
                cell.number_format = number_format
                values[index] = cell
        sheet.append(values)
        written += 1
    return written


def _fit_height(sheet: Worksheet, row: int, values: Sequence[object], first_column: int) -> None:
    """Make ``row`` tall enough for its wrapped text (spreadsheets do not all fit rows written
    without a height): a line of 15 points for each line the longest text needs."""
    letters = need("openpyxl.utils", "excel").get_column_letter
    lines = 1
    for index, value in enumerate(values):
        if isinstance(value, str) and value:
            width = sheet.column_dimensions[letters(first_column + index)].width or 8.43
            per_line = max(1, int(width * 0.95))
            lines = max(lines, -(-len(value) // per_line))
    if lines > 1:
        sheet.row_dimensions[row].height = 15 * lines


def workbook_bytes(book: Workbook) -> bytes:
    """The workbook as the bytes of an ``.xlsx`` file."""
    sink = io.BytesIO()
    book.save(sink)
    return sink.getvalue()
