"""Typed errors: each says where the problem is and what to do, in Vietnamese or English.

>>> err = BallotError("ballot.duplicate_serial", Location(file="b.csv", line=7, serial="0042"),
...                   serial="0042", first="b.csv:3")
>>> print(err.message("en")[:70])
b.csv, line 7, ballot 0042: Ballot serial 0042 was already entered (fi
>>> str(err).startswith("b.csv, dòng 7, phiếu 0042: Số phiếu 0042 đã được nhập")
True
>>> isinstance(err, TallyError)
True
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol, runtime_checkable

from tally.i18n.messages import Lang, text


@runtime_checkable
class Localized(Protocol):
    """A message parameter that renders itself in the reader's language (a term, a citation)."""

    def render(self, lang: Lang = "vi") -> str: ...


@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem is: a file and line, a field of the spec, a ballot serial, a column."""

    file: str | None = None
    line: int | None = None
    field: str | None = None
    serial: str | None = None
    column: str | None = None
    sheet: str | None = None
    """A workbook's sheet (``Cuộc bầu``)."""
    cell: str | None = None
    """A cell of that sheet (``D3``), or a range of cells (``A2:B2``)."""

    def render(self, lang: Lang = "vi") -> str:
        """Human-readable place, e.g. ``ballots.csv, dòng 12, phiếu 0042``."""
        parts: list[str] = []
        if self.file is not None:
            parts.append(self.file)
        if self.sheet is not None:
            parts.append(text("where.sheet", lang, sheet=self.sheet))
        if self.cell is not None:
            parts.append(text("where.cell", lang, cell=self.cell))
        if self.line is not None:
            parts.append(text("where.line", lang, line=self.line))
        if self.field is not None:
            parts.append(text("where.field", lang, field=self.field))
        if self.serial is not None:
            parts.append(text("where.serial", lang, serial=self.serial))
        if self.column is not None:
            parts.append(text("where.column", lang, column=self.column))
        return ", ".join(parts)

    def within(self, outer: Location) -> Location:
        """This location with the blanks filled from ``outer`` (e.g. the file name)."""
        return replace(
            self,
            file=self.file if self.file is not None else outer.file,
            line=self.line if self.line is not None else outer.line,
            field=self.field if self.field is not None else outer.field,
            serial=self.serial if self.serial is not None else outer.serial,
            column=self.column if self.column is not None else outer.column,
            sheet=self.sheet if self.sheet is not None else outer.sheet,
            cell=self.cell if self.cell is not None else outer.cell,
        )


class TallyError(Exception):
    """Base of every error ``tally`` raises on bad input or an impossible count.

    ``code`` names the message in :mod:`tally.i18n.messages`; ``where`` says where; ``params`` fill
    the message. ``str(err)`` is Vietnamese; ``err.message("en")`` is English.
    """

    def __init__(self, code: str, where: Location | None = None, /, **params: object) -> None:
        self.code = code
        self.where = where or Location()
        self.params = params
        super().__init__(self.message("vi"))

    def message(self, lang: Lang = "vi") -> str:
        """The full message: place, problem and fix."""
        params = {
            key: value.render(lang) if isinstance(value, Localized) else value
            for key, value in self.params.items()
        }
        body = text(self.code, lang, **params)
        place = self.where.render(lang)
        return f"{place}: {body}" if place else body

    def located(self, outer: Location) -> TallyError:
        """A copy of this error whose location is completed from ``outer``."""
        clone = type(self)(self.code, self.where.within(outer), **self.params)
        return clone.with_traceback(self.__traceback__)


class ArgumentError(TallyError, TypeError):
    """A public function was given the wrong kind of value (``None`` for a contest, text for a
    number): a :class:`TallyError` naming the parameter, and a ``TypeError`` as Python's own."""


class NameFormatError(TallyError):
    """A person's name cannot be used (empty, or not made of letters)."""


class RollError(TallyError):
    """The roll (convened, deductions, present) is inconsistent."""


class ContestError(TallyError):
    """The contest or its candidate list breaks a rule (seats, duplicates, surplus)."""


class BoardError(TallyError):
    """The counting board breaks a rule: no single head, a member twice, a member on the list."""


class BallotError(TallyError):
    """A ballot cannot be recorded: unknown candidate, duplicate serial, malformed mark."""


class RulesError(TallyError):
    """A rule set cannot be built: an unknown preset, a policy that does not exist, a value it
    does not take."""


class InputFileError(TallyError):
    """A file (spec, ballots) is missing, unreadable or malformed."""


class ReconciliationError(TallyError):
    """The ballots do not reconcile (collected > issued, a count that does not add up).

    The count stops and the minutes cannot be produced until the board resolves it.
    """


class DecisionError(TallyError):
    """A recorded decision does not fit the outcome it is meant to resolve."""


class MissingExtraError(TallyError, ImportError):
    """An optional dependency is not installed: the message names the extra to install."""


class LogError(TallyError):
    """An audit log is damaged, or an event in it does not fit the count it records.

    The log is never rewritten: the board compares it with the printed entry log and the
    station logs, and records what it finds as new events.
    """


class Problems:
    """The located errors of one file, rendered one line each (a message parameter).

    Keeps at most :data:`ERROR_LIMIT` errors and the count of the others.
    """

    def __init__(self, errors: tuple[TallyError, ...], more: int = 0) -> None:
        self.errors = errors
        self.more = more

    def render(self, lang: Lang = "vi") -> str:
        """One line per problem (``- line 7, ballot 12: …``), then how many more there are."""
        lines = [f"\n  - {error.message(lang)}" for error in self.errors]
        if self.more:
            lines.append("\n  " + text("file.more_errors", lang, more=self.more))
        return "".join(lines)


ERROR_LIMIT = 20
"""Problems of one file shown at once; the others are counted."""


class FileProblemsError(InputFileError):
    """Every problem found in one file (up to :data:`ERROR_LIMIT`, the rest counted), so the
    board fixes them all in one pass. ``errors`` holds them, each with its own location.

    >>> one = BallotError("ballot.empty_serial", Location(line=3))
    >>> err = FileProblemsError.of([one, one, one], Location(file="b.csv"), limit=2)
    >>> print(err.message("en"))
    b.csv: The file has 3 problems; fix them all, then read it again:
      - line 3: A ballot has no serial. Give every ballot a serial so it can be traced.
      - line 3: A ballot has no serial. Give every ballot a serial so it can be traced.
      … and 1 more.
    """

    @classmethod
    def of(
        cls,
        errors: list[TallyError],
        where: Location,
        limit: int = ERROR_LIMIT,
        total: int | None = None,
    ) -> TallyError:
        """The one error itself, or all of them as one :class:`FileProblemsError`; ``total``
        counts them when only the first ones were kept."""
        total = len(errors) if total is None else total
        if total == 1:
            return errors[0]
        shown = tuple(errors[:limit])
        return cls("file.errors", where, n=total, problems=Problems(shown, total - len(shown)))

    @property
    def errors(self) -> tuple[TallyError, ...]:
        """The problems shown, in the order of the file."""
        problems = self.params["problems"]
        assert isinstance(problems, Problems)
        return problems.errors

    @property
    def more(self) -> int:
        """How many problems are counted but not shown."""
        problems = self.params["problems"]
        assert isinstance(problems, Problems)
        return problems.more


class ProblemList:
    """Collects the errors of one file as it is read: keeps the first :data:`ERROR_LIMIT`
    and counts the others, so a file wrong on every line costs no memory per line."""

    def __init__(self, limit: int = ERROR_LIMIT) -> None:
        self.kept: list[TallyError] = []
        self.count = 0
        self.limit = limit

    def add(self, error: TallyError) -> None:
        """Note one more error."""
        self.count += 1
        if len(self.kept) < self.limit:
            self.kept.append(error)

    def __bool__(self) -> bool:
        return self.count > 0

    def error(self, where: Location) -> TallyError:
        """The error to raise: the one, or all of them (:class:`FileProblemsError`)."""
        return FileProblemsError.of(self.kept, where, self.limit, self.count)
