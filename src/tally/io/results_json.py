"""Read a JSON result back: whole and consistent, or an error naming the file and the field.

:func:`load_result` reads one contest's result (``ContestResult.to_json()``), :func:`load_record`
a whole congress (``tally count --format json``). The file must be as ``tally`` writes it:
nothing is converted (``"33"`` or ``33.0`` where a count belongs, a name not in its normal
form, candidates out of ballot order), a key given twice is refused, and the figures must agree
with each other — the outcome is decided again from the votes, the list and the rules, and
every difference is reported at its field. Errors are :class:`~tally.errors.InputFileError`,
in Vietnamese by default (``.message("en")`` for English).

>>> import tempfile, pathlib
>>> from tally import Body, Contest, CongressKind, Roll, Ballots, count_contest
>>> contest = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"])
>>> roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3)
>>> result = count_contest(contest, Ballots.from_arrays(contest, [[1], [1], [2]]), roll=roll,
...                        issued=3)
>>> path = pathlib.Path(tempfile.mkdtemp()) / "bt.json"
>>> _ = path.write_text(result.to_json(), encoding="utf-8")
>>> load_result(path) == result
True
>>> _ = path.write_text(result.to_json().replace('"votes": [\\n      2', '"votes": [\\n      4'))
>>> try:
...     load_result(path)
... except InputFileError as error:
...     print(error.where.field, "|", error.message("en").split(": ", 1)[1].split(".")[0])
count.votes.0 | These figures cannot be right: 4, more than the 3 valid ballots
"""

from __future__ import annotations

import functools
import json
import re
import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from tally.arguments import checked
from tally.congress.run import CongressRecord, ContestRecord
from tally.counting.outcome import TieDecision, TieResolution, decide
from tally.counting.result import ContestResult, check_ballot_figures, threshold_base
from tally.errors import InputFileError, Location, TallyError
from tally.files import line_at, long_number, read_utf8, shown, too_deep
from tally.i18n.messages import Lang, Phrase, template
from tally.model.contest import BallotForm, check_list
from tally.validation import FieldPath, dotted, located_error

Model = TypeVar("Model", bound=BaseModel)


@checked
def load_result(path: str | Path) -> ContestResult:
    """The contest result in the JSON file at ``path`` (as ``ContestResult.to_json()`` writes
    it); :class:`InputFileError` naming the file and the field otherwise."""
    return result_from_json(read_utf8(path), str(path))


@checked
def load_record(path: str | Path) -> CongressRecord:
    """The congress record in the JSON file at ``path`` (as ``tally count --format json``
    writes it for a whole congress); :class:`InputFileError` naming the file and the field.

    >>> import tempfile, pathlib
    >>> from tally import Ballots, Body, CongressKind, Contest, Roll
    >>> from tally.congress.plan import BoardMember, Congress, ContestPlan
    >>> from tally.congress.run import run_congress
    >>> bt = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"])
    >>> congress = Congress(name="Đại hội Chi bộ 3", board=[BoardMember(name="Hà Thị Lan",
    ...     role="head")], roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3),
    ...     contests=[ContestPlan(contest=bt, issued=3)])
    >>> record = run_congress(congress, {"bt": Ballots.from_arrays(bt, [[1], [1], [2]])})
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "record.json"
    >>> _ = path.write_text(record.model_dump_json(indent=2), encoding="utf-8")
    >>> load_record(path) == record
    True
    >>> _ = path.write_text(record.contests[0].rounds[0].to_json(), encoding="utf-8")
    >>> try:
    ...     load_record(path)
    ... except InputFileError as error:
    ...     print(error.message("en"))  # doctest: +ELLIPSIS
    /.../record.json: This file holds one contest's result (...), not a whole congress's ...
    """
    return record_from_json(read_utf8(path), str(path))


@checked
def load_contest(path: str | Path) -> ContestRecord:
    """One contest's rounds in the JSON file at ``path`` (as ``tally count --contest ID
    --format json`` writes them); :class:`InputFileError` naming the file and the field.

    >>> import tempfile, pathlib
    >>> from tally import Ballots, Body, CongressKind, Contest, Roll
    >>> from tally.congress.plan import BoardMember, Congress, ContestPlan
    >>> from tally.congress.run import run_congress
    >>> bt = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"])
    >>> congress = Congress(name="Đại hội Chi bộ 3", board=[BoardMember(name="Hà Thị Lan",
    ...     role="head")], roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3),
    ...     contests=[ContestPlan(contest=bt, issued=3)])
    >>> record = run_congress(congress, {"bt": Ballots.from_arrays(bt, [[1], [1], [2]])})
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "bt.json"
    >>> _ = path.write_text(record.contests[0].model_dump_json(), encoding="utf-8")
    >>> load_contest(path) == record.contests[0]
    True
    """
    return contest_from_json(read_utf8(path), str(path))


@checked
def contest_from_json(text: str, source: str = "<json>") -> ContestRecord:
    """One contest's rounds from JSON ``text``: each round's result agrees with itself, and
    the contest's elected and open seats with its rounds."""
    data = _parse(text, source)
    _expect(data, "contest_record", source)
    contest = _validate(ContestRecord, data, source)
    _check_contest(contest, source, ())
    return contest


@checked
def result_from_json(text: str, source: str = "<json>") -> ContestResult:
    """A contest result from JSON ``text``; ``source`` names it in errors."""
    data = _parse(text, source)
    _expect(data, "result", source)
    result = _validate(ContestResult, data, source)
    _check_result(result, source, ())
    return result


@checked
def record_from_json(text: str, source: str = "<json>") -> CongressRecord:
    """A congress record from JSON ``text``; ``source`` names it in errors."""
    data = _parse(text, source)
    _expect(data, "record", source)
    _read_old_model(data)
    record = _validate(CongressRecord, data, source)
    _check_record(record, source)
    return record


def _read_old_model(data: dict[str, Any]) -> None:
    """A record written before the two scopes of direct election were named holds
    ``model = "direct"``, which then meant the congress elected the BTV, the secretary and the
    deputies: read it as ``direct_standing`` (a spec must name its scope; a record already
    counted says what was done)."""
    congress = data.get("congress")
    if isinstance(congress, dict) and congress.get("model") == "direct":
        congress["model"] = "direct_standing"


# --- parsing ---------------------------------------------------------------------------------


class _Object(dict[str, Any]):
    """A JSON object that remembers the first key it was given twice."""

    duplicate: str | None = None


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    made = _Object(pairs)
    if len(made) < len(pairs):  # a key given twice: find the first
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                made.duplicate = key
                break
            seen.add(key)
    return made


class _ConstantError(Exception):
    def __init__(self, name: str) -> None:
        self.name = name


def _constant(name: str) -> Any:
    raise _ConstantError(name)


def _parse(text: str, source: str) -> Any:
    """The JSON value of ``text``: strict JSON (no ``NaN``), no key twice in one object."""
    twice: list[str] = []

    def _remembering(pairs: list[tuple[str, Any]]) -> _Object:
        made = _object(pairs)
        if made.duplicate is not None:
            twice.append(made.duplicate)
        return made

    try:
        data = json.loads(text, object_pairs_hook=_remembering, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        where = Location(file=source, line=exc.lineno)
        raise InputFileError("json.syntax", where, detail=exc.msg, column=exc.colno) from None
    except _ConstantError as exc:
        found = re.search(rf"(?<![\w\"]){re.escape(exc.name)}(?![\w\"])", text)
        line = line_at(text, found.start()) if found else None
        raise InputFileError(
            "json.constant", Location(file=source, line=line), value=exc.name
        ) from None
    except RecursionError:
        raise too_deep(text, source) from None
    except ValueError:  # an integer of more digits than Python converts
        raise long_number(text, source) from None
    duplicate = _duplicate(data) if twice else None  # the walk finds where, when there is one
    if duplicate is not None:
        path, key = duplicate
        raise InputFileError("json.duplicate_key", _at(source, (*path, key)), key=key)
    return data


def _duplicate(data: Any) -> tuple[FieldPath, str] | None:
    """The path of the first object holding a key twice, and the key (depth first)."""
    stack: list[tuple[FieldPath, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, _Object) and value.duplicate is not None:
            return path, value.duplicate
        if isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(value))))
    return None


_KINDS = {
    "result": ("contest", "count", "outcome"),
    "record": ("congress", "contests"),
    "contest_record": ("contest_id", "rounds"),
}
_TYPES = {
    list: "json_value.list",
    str: "json_value.string",
    int: "json_value.number",
    float: "json_value.number",
    bool: "json_value.boolean",
    type(None): "json_value.null",
}


def _expect(data: Any, wanted: str, source: str) -> None:
    """``data`` is an object of the ``wanted`` kind, not another of tally's results."""
    if not isinstance(data, dict):
        found = Phrase(_TYPES.get(type(data), "json_value.unknown"))
        raise InputFileError("json.not_object", Location(file=source), found=found)
    for kind, keys in _KINDS.items():
        if kind != wanted and all(key in data for key in keys):
            raise InputFileError(
                "json.wrong_kind",
                Location(file=source),
                found=Phrase(f"json.kind.{kind}"),
                wanted=Phrase(f"json.kind.{wanted}"),
            )


# --- validation ------------------------------------------------------------------------------

_VI_JSON = {
    kind: template("json_value.must_be_object", "vi") for kind in ("dict_type", "model_type")
}


class _Said:
    """A library error's own sentence (without its place), as a message parameter."""

    def __init__(self, error: TallyError) -> None:
        self.error = error

    def render(self, lang: Lang = "vi") -> str:
        return TallyError(self.error.code, None, **self.error.params).message(lang)


def _validate(model: type[Model], data: dict[str, Any], source: str) -> Model:
    """``data`` as ``model``, exactly as written; every problem located at its field."""
    try:
        value = model.model_validate(data)
    except ValidationError as exc:
        raise located_error(
            exc, InputFileError, "json.field", file=source, words=_VI_JSON
        ) from None
    except TallyError as exc:  # a model's own check (a name, the roll, a list…)
        path = _locate(model, data, exc)
        raise InputFileError("json.value", _at(source, path), problem=_Said(exc)) from None
    difference = _difference(data, value.model_dump(mode="json"), strict=True)
    if difference is not None:
        path, got, expected = difference
        raise InputFileError(
            "json.not_as_written", _at(source, path), got=shown(got), expected=shown(expected)
        )
    return value


def _locate(model: type[BaseModel], data: Any, error: TallyError) -> FieldPath:
    """The path of the innermost value whose own validation raises ``error``'s kind of
    problem (pydantic locates only its own errors), then the field the error names there."""
    annotation: Any = model
    path: FieldPath = ()
    while True:
        step = _failing_part(annotation, data)
        if step is None:
            break
        key, annotation, data = step
        path = (*path, key)
    inner = _model_in(annotation)
    field = error.where.field
    if inner is not None and field is not None and field in inner.model_fields:
        path = (*path, field)
    return path


def _failing_part(annotation: Any, value: Any) -> tuple[str | int, Any, Any] | None:
    """The part of ``value`` (a field, an element) whose validation raises a library error."""
    model = _model_in(annotation)
    if model is not None and isinstance(value, dict):
        for name in model.model_fields:
            if name in value and _raises(_field_type(model, name), value[name]):
                return name, _field_type(model, name), value[name]
        return None
    element = _element_type(annotation)
    if element is not None and isinstance(value, list):
        for i, item in enumerate(value):
            if _raises(element, item):
                return i, element, item
    return None


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model in ``annotation`` (``M``, ``M | None``, ``Annotated[M, …]``), if any."""
    for candidate in (annotation, *_arguments(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _element_type(annotation: Any) -> Any:
    """The element type of a ``tuple[X, ...]`` or ``list[X]`` in ``annotation``, if any."""
    for candidate in (annotation, *_arguments(annotation)):
        origin = typing.get_origin(candidate)
        arguments = typing.get_args(candidate)
        if origin in (tuple, list) and arguments:
            return arguments[0]
    return None


def _arguments(annotation: Any) -> tuple[Any, ...]:
    """The parts of an ``Annotated`` or a union (one level)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated or origin in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    return ()


def _field_type(model: type[BaseModel], name: str) -> Any:
    info = model.model_fields[name]
    if info.metadata:
        return typing.Annotated[info.annotation, *info.metadata]
    return info.annotation


@functools.lru_cache(maxsize=256)
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


def _raises(annotation: Any, value: Any) -> bool:
    """Whether validating ``value`` as ``annotation`` raises a library error."""
    try:
        _adapter(annotation).validate_python(value)
    except TallyError:
        return True
    except ValidationError:
        return False
    return False


def _difference(got: Any, expected: Any, *, strict: bool) -> tuple[FieldPath, Any, Any] | None:
    """The first place where ``got`` differs from ``expected`` (JSON values), depth first;
    keys missing from ``got`` are not compared. ``strict``: same JSON type too (an integer
    stands for a float)."""
    if _as_text(got) == _as_text(expected):  # the same JSON, to the type: nothing to find
        return None
    stack: list[tuple[FieldPath, Any, Any]] = [((), got, expected)]
    while stack:
        path, left, right = stack.pop()
        if isinstance(left, dict) and isinstance(right, dict):
            shared = [key for key in left if key in right]
            stack.extend(((*path, k), left[k], right[k]) for k in reversed(shared))
        elif isinstance(left, list) and isinstance(right, list) and len(left) == len(right):
            pairs = list(enumerate(zip(left, right, strict=True)))
            stack.extend(((*path, i), a, b) for i, (a, b) in reversed(pairs))
        elif not _same(left, right, strict):
            return path, left, right
    return None


def _as_text(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _same(left: Any, right: Any, strict: bool) -> bool:
    widened = type(left) is int and type(right) is float
    if strict and type(left) is not type(right) and not widened:
        return False
    return bool(left == right)


def _at(source: str, path: Sequence[str | int]) -> Location:
    return Location(file=source, field=dotted(path) or None)


# --- consistency -----------------------------------------------------------------------------


def _check_result(result: ContestResult, source: str, prefix: FieldPath) -> None:
    """The figures of ``result`` agree: the count fits the list, and deciding again from the
    votes, the list and the rules gives the outcome and quorum finding written."""

    def at(*path: str | int) -> Location:
        return _at(source, (*prefix, *path))

    def impossible(path: FieldPath, key: str, **params: object) -> InputFileError:
        return InputFileError("json.count_shape", at(*path), detail=Phrase(key, **params))

    contest, count, rules = result.contest, result.count, result.rules
    if count.contest_id != contest.id:
        raise impossible(
            ("count", "contest_id"),
            "json.detail.other_contest",
            got=count.contest_id,
            expected=contest.id,
        )
    if count.form is not contest.form:
        raise _inconsistent(at("count", "form"), count.form.value, contest.form.value)
    if rules.quorum.denominator <= 0:
        raise impossible(
            ("rules", "quorum", "denominator"), "json.detail.quorum", got=rules.quorum.denominator
        )
    figures: list[tuple[FieldPath, int]] = [(("issued",), result.issued)]
    figures += [(("count", name), getattr(count, name)) for name in ("collected", "valid")]
    figures += [
        (("count", "invalid_by_reason", r.value), n) for r, n in count.invalid_by_reason.items()
    ]
    for path, number in figures:
        if number < 0:
            raise impossible(path, "json.detail.negative", got=number)
    size = len(contest.candidates)
    for name in ("votes", "against", "unmarked"):
        column: tuple[int, ...] = getattr(count, name)
        if len(column) != size:
            raise impossible(("count", name), "json.detail.length", got=len(column), expected=size)
        for i, number in enumerate(column):
            if number < 0:
                raise impossible(("count", name, i), "json.detail.negative", got=number)
            if number > count.valid:
                raise impossible(
                    ("count", name, i), "json.detail.above_valid", got=number, expected=count.valid
                )
    for i in range(size):
        marks = count.votes[i] + count.against[i] + count.unmarked[i]
        if marks != count.valid:
            raise impossible(
                ("count", "votes", i), "json.detail.marks_sum", got=marks, expected=count.valid
            )
        if contest.form is BallotForm.STRIKE_OUT and count.unmarked[i]:
            raise _inconsistent(at("count", "unmarked", i), count.unmarked[i], 0)
    try:
        check_list(contest, rules)
    except TallyError as exc:
        raise InputFileError(
            "json.value", at("contest", "candidates"), problem=_Said(exc)
        ) from None
    try:
        check_ballot_figures(contest.id, result.issued, count.collected, result.roll.present, rules)
    except TallyError as exc:
        figure = (
            ("count", "collected") if (exc.where.field or "").endswith("collected") else ("issued",)
        )
        raise InputFileError("json.value", at(*figure), problem=_Said(exc)) from None
    base = threshold_base(result.roll, count, rules)
    outcome = result.outcome
    try:
        expected = decide(
            contest,
            count,
            base,
            rules,
            _decision(outcome.tie_resolution),
            _decision(outcome.alternate_resolution),
        )
    except TallyError as exc:
        which = (
            "alternate_resolution" if "alternate" in (exc.where.field or "") else "tie_resolution"
        )
        raise InputFileError("json.value", at("outcome", which), problem=_Said(exc)) from None
    for name, written, derived in (
        ("outcome", outcome, expected),
        ("quorum", result.quorum, rules.quorum.check(result.roll)),
    ):
        difference = _difference(
            written.model_dump(mode="json"), derived.model_dump(mode="json"), strict=False
        )
        if difference is not None:
            path, got, wanted = difference
            raise _inconsistent(at(name, *path), got, wanted)


def _decision(resolution: TieResolution | None) -> TieDecision | None:
    """The recorded decision a resolution came from (``None``: none, or a rule's own)."""
    if resolution is None or resolution.by is not None:
        return None
    return TieDecision(winners=resolution.winners, note=resolution.note)


def _inconsistent(where: Location, got: Any, expected: Any) -> InputFileError:
    return InputFileError("json.inconsistent", where, got=shown(got), expected=shown(expected))


def _check_record(record: CongressRecord, source: str) -> None:
    """Every round's result agrees with itself, and each contest with its rounds and plan."""
    plans = record.congress.contests
    if len(record.contests) != len(plans):
        raise _inconsistent(_at(source, ("contests",)), len(record.contests), len(plans))
    for i, (contest, plan) in enumerate(zip(record.contests, plans, strict=True)):
        prefix: FieldPath = ("contests", i)
        if contest.contest_id != plan.contest.id:
            raise _inconsistent(
                _at(source, (*prefix, "contest_id")), contest.contest_id, plan.contest.id
            )
        for j, result in enumerate(contest.rounds):
            _check_result(result, source, (*prefix, "rounds", j))
            if result.rules != record.congress.rules:
                difference = _difference(
                    result.rules.model_dump(mode="json"),
                    record.congress.rules.model_dump(mode="json"),
                    strict=False,
                )
                assert difference is not None
                path, got, wanted = difference
                raise _inconsistent(
                    _at(source, (*prefix, "rounds", j, "rules", *path)), got, wanted
                )
        if contest.rounds:
            first = contest.rounds[0].contest
            written = first.model_dump(mode="json")
            planned = plan.contest.model_dump(mode="json")
            difference = _difference(written, planned, strict=False)
            if difference is not None:
                path, got, wanted = difference
                where = _at(source, (*prefix, "rounds", 0, "contest", *path))
                raise _inconsistent(where, got, wanted)
        if contest.seats != plan.contest.seats:
            raise _inconsistent(_at(source, (*prefix, "seats")), contest.seats, plan.contest.seats)
        _check_elected(contest, source, prefix)


def _check_contest(contest: ContestRecord, source: str, prefix: FieldPath) -> None:
    """A contest read alone: each round agrees with itself, the contest with its rounds."""
    for j, result in enumerate(contest.rounds):
        _check_result(result, source, (*prefix, "rounds", j))
    _check_elected(contest, source, prefix)


def _check_elected(contest: ContestRecord, source: str, prefix: FieldPath) -> None:
    """The contest's elected are its rounds' elected, and its open seats the rest."""
    elected = tuple(name for r in contest.rounds for name in r.outcome.elected)
    if contest.elected != elected:
        raise _inconsistent(_at(source, (*prefix, "elected")), contest.elected, elected)
    open_seats = contest.seats - len(elected)
    if contest.open_seats != open_seats:
        raise _inconsistent(_at(source, (*prefix, "open_seats")), contest.open_seats, open_seats)
