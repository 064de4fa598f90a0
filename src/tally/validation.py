"""Pydantic's refusals as tally's own errors: located at the field, worded in both languages.

Pydantic says what is wrong in English only, at a path of keys and indices. Every loader turns
its first problem into a :class:`~tally.errors.TallyError` here, so a spec, a results file and
a session step word the same mistake the same way.

>>> from pydantic import BaseModel, ValidationError
>>> from tally.errors import InputFileError
>>> class Seats(BaseModel):
...     seats: list[int]
>>> try:
...     Seats.model_validate({"seats": [3, None]})
... except ValidationError as exc:
...     error = located_error(exc, InputFileError, "json.field", file="r.json")
>>> type(error).__name__, error.where.render("en")
('InputFileError', 'r.json, field seats.1')
>>> error.params["detail"].render("vi")
'phải là số nguyên (nhận None)'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from pydantic import ValidationError

from tally.errors import Location, TallyError
from tally.files import Detail, shown
from tally.i18n.catalogue import CATALOGUE
from tally.i18n.messages import template, text

FieldPath = tuple[str | int, ...]
"""Where pydantic found a problem: the keys and list indices from the top of the value."""

_E = TypeVar("_E", bound=TallyError)


def _vietnamese(kind: str) -> str | None:
    """The Vietnamese of pydantic error type ``kind`` from the catalogue, if it has one."""
    key = f"pydantic.{kind}"
    return template(key, "vi") if key in CATALOGUE else None


def pydantic_detail(kind: str, english: str) -> Detail:
    """A detail of pydantic error type ``kind``: Vietnamese from this module, else English.

    >>> pydantic_detail("list_type", "must be a list").render("vi")
    'phải là một danh sách'
    """
    return Detail(_vietnamese(kind) or english, english)


def validation_problem(
    exc: ValidationError, words: Mapping[str, str] | None = None
) -> tuple[FieldPath, Detail]:
    """The first problem pydantic found: its place (the path of keys and indices) and what is
    wrong, in both languages; ``words`` replace Vietnamese details by error type."""
    error = exc.errors(include_url=False)[0]
    vi = (words or {}).get(error["type"]) or _vietnamese(error["type"]) or error["msg"]
    en = error["msg"]
    expected = (error.get("ctx") or {}).get("expected")
    if expected:
        vi += text("pydantic.use_one_of", "vi", expected=expected)
    if error["type"] != "missing":
        got = shown(error["input"])
        vi += text("pydantic.got", "vi", got=got)
        en += text("pydantic.got", "en", got=got)
    return tuple(error["loc"]), Detail(vi, en)


def dotted(path: Iterable[str | int], *, indices: bool = True) -> str:
    """A field path as the messages print it; ``indices=False`` leaves list positions out.

    >>> dotted(("contest", 2, "seats")), dotted(("contest", 2, "seats"), indices=False)
    ('contest.2.seats', 'contest.seats')
    >>> dotted(())
    ''
    """
    return ".".join(str(part) for part in path if indices or not isinstance(part, int))


def _dotted_or_none(path: FieldPath) -> str | None:
    return dotted(path) or None


def located_error(
    exc: ValidationError,
    error: type[_E],
    code: str,
    *,
    file: str | None = None,
    field: Callable[[FieldPath], str | None] = _dotted_or_none,
    words: Mapping[str, str] | None = None,
    name_field: bool = False,
    **params: object,
) -> _E:
    """The ``error`` (message ``code``) that says what pydantic refused first, and where.

    Its location is ``file`` and the field ``field`` makes of pydantic's path (by default the
    dotted path, or no field for the value as a whole). The message gets ``detail``, what is
    wrong in both languages (``words`` replace Vietnamese details by error type), ``field``
    too when ``name_field``, and ``params``. Pydantic reports no line, so none is set.
    """
    path, detail = validation_problem(exc, words)
    where = field(path)
    if name_field:
        params["field"] = where
    return error(code, Location(file=file, field=where), detail=detail, **params)
