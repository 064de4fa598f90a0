"""A congress prepared in a workbook: the template a clerk fills (``tally template``), and the
reading of it into a spec (``tally spec``, ``tally count BOOK.xlsx``, or a TOML spec's
``candidates = { file = "danh_sach.xlsx", sheet = "BCH" }``).

The template has four sheets and one list per contest:

- ``Đại hội``: one row per item (name, term, date, rules, kind of meeting, convened, present,
  the deductions…), the value in column B;
- ``Ban kiểm phiếu``: the counting board, one member per row;
- ``Cuộc bầu``: one contest per row (id, body, seats, ballots issued and collected, its
  ballots file, the sheet holding its list…);
- a list per contest (``BCH``…): one candidate per row, with birth date, gender, ethnicity,
  membership of the outgoing body, party admission date, who nominated them, a note.

Headers are Vietnamese (English ones are read too); choices are the words a board writes
(``Nữ``, ``Có``, ``Ban Chấp hành``), offered as drop-down lists. Every problem is an
:class:`~tally.errors.InputFileError` naming the file, the sheet and the cell, and what to do:
a date typed as text, a name twice, a merged cell, an unknown gender…

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "dai_hoi.xlsx"
>>> _ = path.write_bytes(template_bytes())
>>> try:
...     read_workbook_spec(path)
... except InputFileError as error:
...     print(error.where.sheet, error.where.cell)
Đại hội B2
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tally.congress.chain import ElectionModel
from tally.errors import InputFileError, Location, TallyError
from tally.extras import need
from tally.i18n.labels import label
from tally.i18n.messages import LANGS, Lang, Phrase, text
from tally.io.workbook_sheets import add_sheet, add_table, new_workbook, workbook_bytes
from tally.model.bodies import Body, Level
from tally.model.names import name_identity
from tally.model.presets import PRESETS
from tally.model.roll import CongressKind, Deduction

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

Vocabulary = Callable[[Lang], dict[str, object]]
"""The words a cell may hold in one language, each with the value it stands for."""


def _labels(kind: type[Enum]) -> Vocabulary:
    """An enumeration's labels (``Ban Chấp hành``)."""
    return lambda lang: {label(member, lang): member.value for member in kind}


def _catalogue(pairs: dict[str, object]) -> Vocabulary:
    """Words of the catalogue (``workbook.choice.<key>``)."""
    return lambda lang: {text(f"workbook.choice.{key}", lang): v for key, v in pairs.items()}


def _codes(values: Callable[[], Sequence[str]]) -> Vocabulary:
    """Codes written as they are (a rule set's name)."""
    return lambda lang: {value: value for value in values()}


@dataclass(frozen=True)
class Column:
    """One column of a sheet (or one row of the ``Đại hội`` sheet): its header key in the
    catalogue (``workbook.h.<key>``), where its value goes in the spec, and its kind."""

    key: str
    path: tuple[str, ...]
    kind: str = "text"
    """``text``, ``line`` (one line of a list, such as the letterhead), ``whole`` (a whole
    number), ``date``, ``time`` (a date and time of day) or ``choice``."""
    vocabulary: Vocabulary | None = None
    required: bool = False
    width: float = 14

    def header(self, lang: Lang) -> str:
        """The header (or row label) the template writes."""
        return text(f"workbook.h.{self.key}", lang)

    def meanings(self) -> dict[str, object]:
        """Every word the column reads, folded (either language, or a code), with its value."""
        if self.vocabulary is None:
            return {}
        found: dict[str, object] = {}
        for lang in LANGS:
            for word, value in self.vocabulary(lang).items():
                found[_fold(word)] = value
                found[_fold(str(value))] = value
        return found


CONGRESS_ROWS: tuple[Column, ...] = (
    Column("name", ("congress", "name"), required=True),
    Column("term", ("congress", "term")),
    Column("date", ("congress", "date"), "date"),
    Column("place", ("congress", "place")),
    Column("locality", ("congress", "locality")),
    Column("letterhead_1", ("congress", "letterhead"), "line"),
    Column("letterhead_2", ("congress", "letterhead"), "line"),
    Column("level", ("congress", "level"), "choice", _labels(Level)),
    Column("unit", ("congress", "unit")),
    Column("rules", ("rules",), "choice", _codes(lambda: list(PRESETS))),
    Column(
        "model", ("congress", "model"), "choice", _codes(lambda: [m.value for m in ElectionModel])
    ),
    Column("kind", ("roll", "kind"), "choice", _labels(CongressKind), True),
    Column("convened", ("roll", "convened"), "whole", required=True),
    Column("present", ("roll", "present"), "whole", required=True),
    *(Column(f"deduction_{d.value}", ("roll", "deductions", d.value), "whole") for d in Deduction),
    Column("committee_present", ("committee_roll", "present"), "whole"),
)
"""The rows of the ``Đại hội`` sheet (label in column A, value in column B)."""

BOARD_COLUMNS: tuple[Column, ...] = (
    Column("full_name", ("name",), required=True, width=30),
    Column(
        "role",
        ("role",),
        "choice",
        _catalogue({"head": "head", "member": "member"}),
        width=16,
    ),
)

CONTEST_COLUMNS: tuple[Column, ...] = (
    Column("id", ("id",), required=True, width=10),
    Column("body", ("body",), "choice", _labels(Body), True, width=26),
    Column("title", ("title",), width=40),
    Column("seats", ("seats",), "whole", required=True, width=10),
    Column("alternates", ("alternates",), "whole", width=10),
    Column("issued", ("issued",), "whole", required=True, width=11),
    Column("collected", ("collected",), "whole", required=True, width=11),
    Column("ballots", ("ballots",), width=20),
    Column("counted_at", ("counted_at",), "time", width=17),
    Column("reported_at", ("reported_at",), "time", width=17),
    Column("draws_from", ("draws_from",), width=12),
    Column("list_sheet", ("candidates",), required=True, width=14),
)

CANDIDATE_COLUMNS: tuple[Column, ...] = (
    Column("full_name", ("name",), required=True, width=28),
    Column("birth_date", ("birth_date",), "date", width=12),
    Column(
        "gender",
        ("gender",),
        "choice",
        _catalogue({"male": "male", "female": "female"}),
        width=10,
    ),
    Column("ethnicity", ("ethnicity",), width=12),
    Column(
        "incumbent",
        ("incumbent",),
        "choice",
        _catalogue({"yes": True, "no": False}),
        width=14,
    ),
    Column("admitted", ("party_admission_date",), "date", width=12),
    Column(
        "nominated_by",
        ("nominated_by",),
        "choice",
        _catalogue({f"nominated_{k}": k for k in ("committee", "congress", "self")}),
        width=18,
    ),
    Column("note", ("note",), width=24),
)

CONGRESS_SHEET, BOARD_SHEET, CONTESTS_SHEET = "congress", "board", "contests"

_FORMATS = {"date": "DD/MM/YYYY", "time": "DD/MM/YYYY HH:MM"}
"""How the template shows the dates and times a clerk types."""


def sheet_title(key: str, lang: Lang = "vi") -> str:
    """The name of one of the template's sheets (``Đại hội``, ``Ban kiểm phiếu``…)."""
    return text(f"workbook.sheet.{key}", lang)


# -- the template -----------------------------------------------------------------------------


def template_bytes(lang: Lang = "vi") -> bytes:
    """The template a clerk fills, as an ``.xlsx`` file: the four sheets with their headers,
    drop-down lists for the choices, and an example list sheet ``BCH`` named by the contest
    row ``bch``."""
    book = new_workbook()
    sheet = add_sheet(book, sheet_title(CONGRESS_SHEET, lang))
    add_table(
        sheet,
        [],
        [text("workbook.h.item", lang), text("workbook.h.value", lang)],
        [[row.header(lang), None] for row in CONGRESS_ROWS],
        widths=[48, 40],
    )
    for number, row in enumerate(CONGRESS_ROWS, start=2):
        _offer(sheet, row, f"B{number}", lang)
        if row.kind in _FORMATS:
            sheet[f"B{number}"].number_format = _FORMATS[row.kind]
    board = add_sheet(book, sheet_title(BOARD_SHEET, lang))
    _headers(board, BOARD_COLUMNS, lang)
    contests = add_sheet(book, sheet_title(CONTESTS_SHEET, lang), landscape=True)
    _headers(contests, CONTEST_COLUMNS, lang)
    contests["A2"], contests["B2"] = "bch", label(Body.EXECUTIVE_COMMITTEE, lang)
    contests.cell(row=2, column=len(CONTEST_COLUMNS), value="BCH")
    listed = add_sheet(book, "BCH", landscape=True)
    _headers(listed, CANDIDATE_COLUMNS, lang)
    guide = add_sheet(book, sheet_title("guide", lang))
    add_table(
        guide,
        [text("workbook.guide_title", lang)],
        [text("workbook.h.item", lang)],
        [[text(f"workbook.guide.{n}", lang)] for n in range(1, 7)],
        widths=[110],
    )
    return workbook_bytes(book)


def _headers(sheet: Worksheet, columns: Sequence[Column], lang: Lang) -> None:
    """A header row, its widths, and a drop-down list for each choice column (rows 2–500)."""
    add_table(sheet, [], [c.header(lang) for c in columns], [], widths=[c.width for c in columns])
    letters = need("openpyxl.utils", "excel").get_column_letter
    for number, column in enumerate(columns, start=1):
        _offer(sheet, column, f"{letters(number)}2:{letters(number)}500", lang)
        if column.kind in _FORMATS:
            for row in range(2, 501):
                sheet.cell(row=row, column=number).number_format = _FORMATS[column.kind]


def _offer(sheet: Worksheet, column: Column, cells: str, lang: Lang) -> None:
    """A drop-down list of ``column``'s words in ``lang`` over ``cells`` (other words are
    still allowed: the reader decides)."""
    if column.vocabulary is None:
        return
    listed = ",".join(word.replace('"', "") for word in column.vocabulary(lang))
    if len(listed) > 250:  # Excel's limit on a list typed into the rule
        return
    validation = need("openpyxl.worksheet.datavalidation", "excel").DataValidation(
        type="list", formula1=f'"{listed}"', allow_blank=True, showErrorMessage=False
    )
    sheet.add_data_validation(validation)
    validation.add(cells)


# -- reading ----------------------------------------------------------------------------------

Grid = dict[int, dict[int, Any]]
"""The filled cells of a sheet, by row and column (1-based), whatever its size: a stray
space far down a sheet costs one cell, not a million empty rows."""


@dataclass
class _Reader:
    """Reads one workbook; every error names the file, the sheet and the cell."""

    path: Path
    book: Any
    """The workbook with each formula's value as last saved (``data_only``)."""
    formulas: Any
    """The same workbook with its formulas, to tell a blank from a formula never computed."""
    cells: dict[str, Location] = field(default_factory=dict)
    """Where each field of the spec came from (``contest.bch.seats`` → Cuộc bầu!D2)."""

    def fail(self, sheet: str, cell: str, key: str, **params: object) -> InputFileError:
        where = Location(file=str(self.path), sheet=sheet, cell=cell)
        return InputFileError(f"workbook.{key}", where, **params)

    def sheet(self, wanted: str | Sequence[str], named_at: Location | None = None) -> Worksheet:
        """The sheet called ``wanted`` (or any of those names): an exact name first, else the
        one name equal to it but for case, spacing and the way letters are composed (two such
        are an error); when missing, an error at ``named_at``, the cell that names it."""
        names = [wanted] if isinstance(wanted, str) else list(wanted)
        titles: list[str] = list(self.book.sheetnames)
        for name in names:
            if name in titles:
                return self._checked(self.book[name])
        for name in names:
            close = [title for title in titles if _fold(title) == _fold(name)]
            if len(close) > 1:
                raise InputFileError(
                    "workbook.ambiguous_sheet",
                    named_at or Location(file=str(self.path)),
                    sheet=name,
                    found=", ".join(repr(t) for t in close),
                )
            if close:
                return self._checked(self.book[close[0]])
        raise InputFileError(
            "workbook.no_sheet",
            named_at or Location(file=str(self.path)),
            sheet=names[0],
            available=", ".join(titles),
        )

    def _checked(self, sheet: Worksheet) -> Worksheet:
        for merged in sheet.merged_cells.ranges:
            raise self.fail(sheet.title, str(merged), "merged", cells=str(merged))
        return sheet

    def grid(self, sheet: Worksheet) -> Grid:
        """The filled cells of ``sheet``; an error value (``#REF!``) or a formula whose value
        was never computed (a file written by a program, not saved by a spreadsheet) is an
        error at its cell."""
        grid: Grid = {}
        stored: dict[tuple[int, int], Any] = getattr(sheet, "_cells", {})
        for (row, column), cell in stored.items():
            if cell.data_type == "e":
                raise self.fail(sheet.title, cell.coordinate, "error_value", got=cell.value)
            if not _blank(cell.value):
                grid.setdefault(row, {})[column] = cell
        written: dict[tuple[int, int], Any] = getattr(self.formulas[sheet.title], "_cells", {})
        for (row, column), cell in written.items():
            formula = isinstance(cell.value, str) and cell.value.startswith("=")
            if formula and column not in grid.get(row, {}):
                raise self.fail(
                    sheet.title, cell.coordinate, "formula_no_value", formula=cell.value
                )
        return grid

    def value(self, sheet: str, cell: str, raw: object, column: Column) -> object:
        """The value ``raw`` of ``cell`` as the spec takes it, or ``None`` when blank."""
        if isinstance(raw, str):
            raw = raw.strip() or None
        if raw is None:
            if column.required:
                raise self.fail(sheet, cell, "required", header=_h(column))
            return None
        where = (sheet, cell)
        if column.kind == "whole":
            number = raw if isinstance(raw, int | float) and not isinstance(raw, bool) else None
            fits = number is not None and math.isfinite(number) and abs(number) < 2**63
            if number is None or not fits or number != int(number):
                raise self.fail(*where, "not_whole", header=_h(column), got=_shown(raw))
            return int(number)
        if column.kind == "time":
            if isinstance(raw, dt.datetime):
                return raw.replace(microsecond=0)
            raise self.fail(*where, "not_time", header=_h(column), got=_shown(raw))
        if column.kind == "date":
            if isinstance(raw, dt.datetime):
                if raw.time() != dt.time(0):
                    raise self.fail(*where, "not_date", header=_h(column), got=_shown(raw))
                return raw.date()
            if isinstance(raw, dt.date):
                return raw
            raise self.fail(*where, "not_date", header=_h(column), got=_shown(raw))
        if column.kind == "choice":
            meanings = column.meanings()
            folded = _fold(str(raw))
            if folded in meanings:
                return meanings[folded]
            vocabulary = column.vocabulary
            words = [*vocabulary("vi"), *vocabulary("en")] if vocabulary is not None else []
            allowed = ", ".join(dict.fromkeys(words))
            raise self.fail(
                *where, "unknown_choice", header=_h(column), got=_shown(raw), allowed=allowed
            )
        if not isinstance(raw, str):
            raise self.fail(*where, "not_text", header=_h(column), got=_shown(raw))
        return raw

    def table(
        self, sheet: Worksheet, columns: Sequence[Column], label: str
    ) -> Iterator[tuple[int, dict[str, Any]]]:
        """Each filled row of a sheet whose first row holds the headers, as a dict of the
        columns' spec paths; each field remembered at its cell under ``label``."""
        grid = self.grid(sheet)
        found: dict[int, Column] = {}
        known = {_fold(text(f"workbook.h.{c.key}", lang)): c for c in columns for lang in LANGS}
        where: dict[Column, str] = {}
        for number, cell in sorted(grid.get(1, {}).items()):
            column = known.get(_fold(str(cell.value)))
            if column is None:
                headers = ", ".join(c.header("vi") for c in columns)
                raise self.fail(
                    sheet.title, cell.coordinate, "unknown_header", got=cell.value, allowed=headers
                )
            if column in where:
                raise self.fail(
                    sheet.title,
                    cell.coordinate,
                    "duplicate_header",
                    header=_h(column),
                    first=where[column],
                )
            where[column] = cell.coordinate
            found[number] = column
        for column in columns:
            if column.required and column not in found.values():
                raise self.fail(sheet.title, "A1", "missing_header", header=_h(column))
        letters = need("openpyxl.utils", "excel").get_column_letter
        for position, row in enumerate(sorted(r for r in grid if r > 1), start=1):
            stray = [c for n, c in grid[row].items() if n not in found]
            if stray:
                raise self.fail(sheet.title, stray[0].coordinate, "no_header")
            entry: dict[str, Any] = {}
            self.cells[f"{label}#{position}"] = self.place(sheet, f"A{row}")
            for number, column in found.items():
                cell = grid[row].get(number)
                coordinate = f"{letters(number)}{row}"
                value = self.value(
                    sheet.title, coordinate, None if cell is None else cell.value, column
                )
                if value is not None:
                    entry[column.path[-1]] = value
                    self.cells[f"{label}#{position}.{column.path[-1]}"] = self.place(
                        sheet, coordinate
                    )
            yield position, entry

    def place(self, sheet: Worksheet, cell: str) -> Location:
        """The location of ``cell`` on ``sheet``."""
        return Location(file=str(self.path), sheet=sheet.title, cell=cell)

    def rename(self, old: str, new: str) -> None:
        """Remember the fields found under ``old`` (``contest#2``) as ``new`` (``contest.bch``)."""
        for key in [k for k in self.cells if k == old or k.startswith(f"{old}.")]:
            self.cells[new + key[len(old) :]] = self.cells.pop(key)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _fold(word: str) -> str:
    """``word`` as compared: composed letters (NFC), spaces collapsed, case ignored."""
    return " ".join(unicodedata.normalize("NFC", word).split()).casefold()


def _h(column: Column) -> Phrase:
    """The column's header, in the language of the message."""
    return Phrase(f"workbook.h.{column.key}")


def _shown(value: object) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return repr(value) if isinstance(value, str) else str(value)


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
"""The files read as workbooks (an ``.xls`` file is refused with what to do)."""


def read_candidates(
    path: str | Path, sheet: str, field: str = "candidates"
) -> tuple[list[dict[str, Any]], dict[str, Location]]:
    """The list on ``sheet`` of the workbook at ``path``: one dict per candidate (the fields
    of :class:`~tally.model.contest.Candidate`), in the sheet's order — a name given twice is
    an error naming both cells — and where each field came from, under ``field``
    (``contest.bch.candidates#3.gender`` → the cell)."""
    reader = _open(Path(path))
    people = _candidates(reader, reader.sheet(sheet), field)
    return people, reader.cells


def _candidates(reader: _Reader, sheet: Worksheet, field: str) -> list[dict[str, Any]]:
    people: list[dict[str, Any]] = []
    seen: dict[object, str] = {}
    for position, entry in reader.table(sheet, CANDIDATE_COLUMNS, field):
        where = reader.cells[f"{field}#{position}.name"]
        try:
            key = name_identity(str(entry["name"]))
        except TallyError as error:  # a name the lists refuse, said at its cell
            place = replace(error.where, **_cell_of(where))
            raise type(error)(error.code, place, **error.params) from None
        cell = where.cell or ""
        if key in seen:
            raise reader.fail(
                sheet.title, cell, "duplicate_name", name=entry["name"], first=seen[key]
            )
        seen[key] = cell
        people.append(entry)
    if not people:
        raise reader.fail(sheet.title, "A2", "empty_list")
    return people


def _open(path: Path) -> _Reader:
    openpyxl = need("openpyxl", "excel")
    where = Location(file=str(path))
    if path.suffix.lower() == ".xls":
        raise InputFileError("workbook.old_format", where)
    if not path.exists():
        raise InputFileError("file.not_found", where, path=str(path))
    books = []
    for data_only in (True, False):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # openpyxl's notes on what it does not read
                books.append(openpyxl.load_workbook(path, data_only=data_only))
        except Exception as exc:  # a damaged file fails anywhere in openpyxl, as anything
            raise InputFileError("workbook.damaged", where, detail=type(exc).__name__) from None
    return _Reader(path, books[0], books[1])


def read_workbook_spec(path: str | Path) -> tuple[dict[str, Any], dict[str, Location]]:
    """The spec a workbook holds, as the dict a TOML spec parses to (see
    :func:`tally.io.spec.congress_from_dict`), and where each field came from."""
    reader = _open(Path(path))
    data: dict[str, Any] = {}
    sheet = reader.sheet([sheet_title(CONGRESS_SHEET, lang) for lang in LANGS])
    grid = reader.grid(sheet)
    rows = {_fold(r.header(lang)): r for r in CONGRESS_ROWS for lang in LANGS}
    headers = {_fold(text(f"workbook.h.{k}", lang)) for k in ("item", "value") for lang in LANGS}
    given: dict[Column, str] = {}
    for number in sorted(grid):
        cells = grid[number]
        stray = [c for n, c in cells.items() if n > 2]
        if stray:
            raise reader.fail(sheet.title, stray[0].coordinate, "no_header")
        name = cells.get(1)
        if name is None:
            raise reader.fail(sheet.title, cells[2].coordinate, "no_item")
        if _fold(str(name.value)) in headers:
            continue
        item = rows.get(_fold(str(name.value)))
        if item is None:
            raise reader.fail(sheet.title, name.coordinate, "unknown_item", got=name.value)
        if item in given:
            raise reader.fail(
                sheet.title, name.coordinate, "duplicate_item", header=_h(item), first=given[item]
            )
        given[item] = f"A{number}"
    line = 0
    for item in CONGRESS_ROWS:
        if item not in given:
            if item.required:
                raise reader.fail(sheet.title, "A", "missing_item", header=_h(item))
            continue
        number = int(given[item][1:])
        cell = grid[number].get(2)
        coordinate = f"B{number}"
        value = reader.value(sheet.title, coordinate, None if cell is None else cell.value, item)
        if value is None:
            continue
        place = data
        for part in item.path[:-1]:
            place = place.setdefault(part, {})
        key = ".".join(item.path)
        if item.kind == "line":
            place.setdefault(item.path[-1], []).append(value)
            line += 1
            key = f"{key}#{line}"
        else:
            place[item.path[-1]] = value
        reader.cells[key] = reader.place(sheet, coordinate)
    board_sheet = reader.sheet([sheet_title(BOARD_SHEET, lang) for lang in LANGS])
    data["board"] = [e for _, e in reader.table(board_sheet, BOARD_COLUMNS, "board")]
    contest_sheet = reader.sheet([sheet_title(CONTESTS_SHEET, lang) for lang in LANGS])
    own = {_fold(sheet_title(k, lang)) for k in (*_OWN_SHEETS,) for lang in LANGS}
    contests = []
    for position, entry in reader.table(contest_sheet, CONTEST_COLUMNS, "contest"):
        field = f"contest.{entry['id']}"
        reader.rename(f"contest#{position}", field)
        named_at = reader.cells[f"{field}.candidates"]
        if _fold(str(entry["candidates"])) in own:
            raise InputFileError("workbook.list_is_own_sheet", named_at, sheet=entry["candidates"])
        listed = reader.sheet(str(entry["candidates"]), named_at)
        entry["candidates"] = _candidates(reader, listed, f"{field}.candidates")
        contests.append(entry)
    data["contest"] = contests
    return data, reader.cells


_OWN_SHEETS = (CONGRESS_SHEET, BOARD_SHEET, CONTESTS_SHEET, "guide")
"""The template's own sheets, which hold no list."""


def located(error: TallyError, cells: dict[str, Location]) -> TallyError:
    """``error`` (from validating the spec a workbook holds) placed at the cell its field came
    from, when known; else left naming the field."""
    field = error.where.field or ""
    while field:
        if field in cells:
            return type(error)(
                error.code, replace(error.where, **_cell_of(cells[field])), **error.params
            )
        field = field.rpartition(".")[0]
    return error


def _cell_of(where: Location) -> dict[str, Any]:
    return {"file": where.file, "sheet": where.sheet, "cell": where.cell}
