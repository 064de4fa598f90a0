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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zipfile import BadZipFile

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


@dataclass
class _Reader:
    """Reads one workbook; every error names the file, the sheet and the cell."""

    path: Path
    book: Any
    cells: dict[str, Location] = field(default_factory=dict)
    """Where each field of the spec came from (``contest.bch.seats`` → Cuộc bầu!D2)."""

    def fail(self, sheet: str, cell: str, key: str, **params: object) -> InputFileError:
        where = Location(file=str(self.path), sheet=sheet, cell=cell)
        return InputFileError(f"workbook.{key}", where, **params)

    def sheet(self, wanted: str | Sequence[str], named_at: Location | None = None) -> Worksheet:
        """The sheet called ``wanted`` (or any of those names); when missing, an error at
        ``named_at``, the cell that names it."""
        names = [wanted] if isinstance(wanted, str) else list(wanted)
        for name in names:
            for title in self.book.sheetnames:
                if title.strip().casefold() == name.strip().casefold():
                    sheet: Worksheet = self.book[title]
                    self.check_merged(sheet)
                    return sheet
        raise InputFileError(
            "workbook.no_sheet",
            named_at or Location(file=str(self.path)),
            sheet=names[0],
            available=", ".join(self.book.sheetnames),
        )

    def check_merged(self, sheet: Worksheet) -> None:
        for merged in sheet.merged_cells.ranges:
            raise self.fail(sheet.title, str(merged), "merged", cells=str(merged))

    def value(self, sheet: Worksheet, cell: Any, column: Column) -> object:
        """The cell's value as the spec takes it, or ``None`` when blank."""
        raw = cell.value
        if isinstance(raw, str):
            raw = raw.strip() or None
        if raw is None:
            if column.required:
                raise self.fail(sheet.title, cell.coordinate, "required", header=_h(column))
            return None
        where = (sheet.title, cell.coordinate)
        if column.kind == "whole":
            if isinstance(raw, bool) or not isinstance(raw, int | float) or raw != int(raw):
                raise self.fail(*where, "not_whole", header=_h(column), got=_shown(raw))
            return int(raw)
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
        if isinstance(raw, dt.datetime | dt.date):
            raise self.fail(*where, "not_text", header=_h(column), got=_shown(raw))
        return str(raw) if not isinstance(raw, str) else raw

    def table(
        self, sheet: Worksheet, columns: Sequence[Column], label: str
    ) -> Iterator[tuple[int, dict[str, Any]]]:
        """Each filled row of a sheet whose first row holds the headers, as a dict of the
        columns' spec paths; each field remembered at its cell under ``label``."""
        found: dict[int, Column] = {}
        known = {_fold(text(f"workbook.h.{c.key}", lang)): c for c in columns for lang in LANGS}
        for cell in next(sheet.iter_rows(min_row=1, max_row=1), ()):
            if cell.value is None or str(cell.value).strip() == "":
                continue
            column = known.get(_fold(str(cell.value)))
            if column is None:
                headers = ", ".join(c.header("vi") for c in columns)
                raise self.fail(
                    sheet.title, cell.coordinate, "unknown_header", got=cell.value, allowed=headers
                )
            found[cell.column] = column
        for column in columns:
            if column.required and column not in found.values():
                raise self.fail(sheet.title, "1", "missing_header", header=_h(column))
        position = 0
        for row in sheet.iter_rows(min_row=2):
            cells: list[Any] = [c for c in row if c.column in found]
            if all(c.value is None or str(c.value).strip() == "" for c in cells):
                continue
            position += 1
            entry: dict[str, Any] = {}
            self.cells[f"{label}#{position}"] = self.place(sheet, cells[0].coordinate)
            for cell in cells:
                column = found[cell.column]
                value = self.value(sheet, cell, column)
                if value is not None:
                    entry[column.path[-1]] = value
                    self.cells[f"{label}#{position}.{column.path[-1]}"] = self.place(
                        sheet, cell.coordinate
                    )
            yield position, entry

    def place(self, sheet: Worksheet, cell: str) -> Location:
        """The location of ``cell`` on ``sheet``."""
        return Location(file=str(self.path), sheet=sheet.title, cell=cell)

    def rename(self, old: str, new: str) -> None:
        """Remember the fields found under ``old`` (``contest#2``) as ``new`` (``contest.bch``)."""
        for key in [k for k in self.cells if k == old or k.startswith(f"{old}.")]:
            self.cells[new + key[len(old) :]] = self.cells.pop(key)


def _fold(word: str) -> str:
    return " ".join(word.split()).casefold()


def _h(column: Column) -> Phrase:
    """The column's header, in the language of the message."""
    return Phrase(f"workbook.h.{column.key}")


def _shown(value: object) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return repr(value) if isinstance(value, str) else str(value)


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
        key = name_identity(str(entry["name"]))
        cell = reader.cells[f"{field}#{position}.name"].cell or ""
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
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise InputFileError("file.missing", Location(file=str(path))) from None
    except (BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputFileError(
            "workbook.damaged", Location(file=str(path)), detail=type(exc).__name__
        ) from None
    return _Reader(path, book)


def read_workbook_spec(path: str | Path) -> tuple[dict[str, Any], dict[str, Location]]:
    """The spec a workbook holds, as the dict a TOML spec parses to (see
    :func:`tally.io.spec.congress_from_dict`), and where each field came from."""
    reader = _open(Path(path))
    data: dict[str, Any] = {}
    sheet = reader.sheet([sheet_title(CONGRESS_SHEET, lang) for lang in LANGS])
    rows = {_fold(r.header(lang)): r for r in CONGRESS_ROWS for lang in LANGS}
    given: dict[Column, Any] = {}
    for row in sheet.iter_rows(min_row=2):
        name = row[0].value
        if name is None or str(name).strip() == "":
            continue
        item = rows.get(_fold(str(name)))
        if item is None:
            raise reader.fail(sheet.title, row[0].coordinate, "unknown_item", got=name)
        given[item] = sheet.cell(row=row[0].row or 0, column=2)
    for item in CONGRESS_ROWS:
        if item not in given:
            if item.required:
                raise reader.fail(sheet.title, "A", "missing_item", header=_h(item))
            continue
        cell = given[item]
        value = reader.value(sheet, cell, item)
        if value is None:
            continue
        place = data
        for part in item.path[:-1]:
            place = place.setdefault(part, {})
        if item.kind == "line":
            place.setdefault(item.path[-1], []).append(value)
        else:
            place[item.path[-1]] = value
        reader.cells[".".join(item.path)] = reader.place(sheet, cell.coordinate)
    board_sheet = reader.sheet([sheet_title(BOARD_SHEET, lang) for lang in LANGS])
    data["board"] = [e for _, e in reader.table(board_sheet, BOARD_COLUMNS, "board")]
    contest_sheet = reader.sheet([sheet_title(CONTESTS_SHEET, lang) for lang in LANGS])
    contests = []
    for position, entry in reader.table(contest_sheet, CONTEST_COLUMNS, "contest"):
        field = f"contest.{entry['id']}"
        reader.rename(f"contest#{position}", field)
        listed = reader.sheet(str(entry["candidates"]), reader.cells[f"{field}.candidates"])
        entry["candidates"] = _candidates(reader, listed, f"{field}.candidates")
        contests.append(entry)
    data["contest"] = contests
    return data, reader.cells


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
