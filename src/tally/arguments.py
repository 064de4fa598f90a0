"""Public entry points check the kind of each argument against its annotation, so a wrong kind
of value (``None`` for a contest, a string for a number) is an :class:`ArgumentError` naming
the function and the parameter, never an ``AttributeError`` from deep inside.

>>> @checked
... def seats_left(seats: int, elected: tuple[str, ...] = ()) -> int:
...     return seats - len(elected)
>>> seats_left(3, ("Lê Văn Tám",))
2
>>> seats_left("3")
Traceback (most recent call last):
...
tally.errors.ArgumentError: seats_left: seats phải là int, không phải str ('3').
"""

from __future__ import annotations

import inspect
import numbers
import os
import sys
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from functools import wraps
from typing import Any, ParamSpec, TypeVar, cast

from tally.errors import ArgumentError, Location

_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep
"""Calls from code in this package are not checked again: mypy (strict) checks them, and a
check on every internal call (one per candidate, one per ballot) would cost more than the
count itself."""

_P = ParamSpec("_P")
_R = TypeVar("_R")

Check = Callable[[object], bool]


def checked(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Check each argument of ``function`` against its annotation before calling it.

    Plain classes, unions, ``None``, ``Literal``, enums (a member or its value), paths
    (``str | Path`` takes any ``os.PathLike``) and the container of a generic (``Sequence[X]``
    checks for a sequence) are checked; ``Any``, ``object``, array-likes and ``**kwargs`` are
    left to the function. ``int`` takes numpy integers but never ``True``/``False``.
    The annotations are read on the first call, when every name they use exists. Calls from
    ``tally``'s own modules go straight through.
    """
    signature = inspect.signature(function)
    plan: _Plan | None = None

    @wraps(function)
    def call(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        nonlocal plan
        if sys._getframe(1).f_code.co_filename.startswith(_PACKAGE):
            return function(*args, **kwargs)  # tally's own calls: typed, checked by mypy
        if plan is None:
            plan = _Plan(function, signature)
        for value, entry in zip(args, plan.positional, strict=False):
            if entry is not None and not entry[1](value):
                raise _wrong(function, entry, value)
        for name, value in kwargs.items():
            entry = plan.by_name.get(name)
            if entry is not None and not entry[1](value):
                raise _wrong(function, entry, value)
        return function(*args, **kwargs)

    return call


_Entry = tuple[str, Check, str]
"""A parameter's name, its check, and the kind it expects, as shown."""


class _Plan:
    """The checks of one function's parameters, by position and by name."""

    def __init__(self, function: Callable[..., Any], signature: inspect.Signature) -> None:
        hints = _hints(function, signature)
        self.positional: list[_Entry | None] = []
        self.by_name: dict[str, _Entry] = {}
        for name, parameter in signature.parameters.items():
            if parameter.kind in (parameter.VAR_KEYWORD, parameter.VAR_POSITIONAL):
                continue
            check = _check_of(hints[name]) if name in hints else None
            entry = None if check is None else (name, check, _name_of(hints[name]))
            if parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD):
                self.positional.append(entry)
            if entry is not None and parameter.kind is not parameter.POSITIONAL_ONLY:
                self.by_name[name] = entry


def _hints(function: Callable[..., Any], signature: inspect.Signature) -> dict[str, object]:
    """The resolved annotations; one that names something imported only for type checking
    (e.g. pandas) is left out rather than failing."""
    try:
        return typing.get_type_hints(function)
    except NameError:
        found: dict[str, object] = {}
        module_globals = getattr(function, "__globals__", {})
        for name, parameter in signature.parameters.items():
            annotation = parameter.annotation
            if not isinstance(annotation, str):
                continue
            try:
                found[name] = eval(annotation, module_globals)
            except NameError:
                continue
        return found


def _wrong(function: Callable[..., Any], entry: _Entry, value: object) -> ArgumentError:
    name, _, expected = entry
    return wrong_kind(function, name, expected, value)


def wrong_kind(
    function: Callable[..., Any], parameter: str, expected: str, value: object
) -> ArgumentError:
    """The refusal of ``value`` for ``parameter`` of ``function``, which wants ``expected``:
    for a check the annotation cannot make (a kind from an optional library such as pandas)."""
    return ArgumentError(
        "api.wrong_kind",
        Location(),
        function=function.__qualname__,
        parameter=parameter,
        expected=expected,
        got=type(value).__name__,
        value=_shown(value),
    )


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _check_of(hint: object) -> Check | None:
    """A predicate for ``hint``, or ``None`` when any value is left to the function."""
    if hint is Any or hint is object or isinstance(hint, TypeVar):
        return None
    if hint is type(None) or hint is None:
        return lambda value: value is None
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        parts = [_check_of(arg) for arg in typing.get_args(hint)]
        if any(part is None for part in parts):
            return None
        alternatives = [part for part in parts if part is not None]
        return lambda value: any(part(value) for part in alternatives)
    if origin is typing.Literal:
        allowed = typing.get_args(hint)
        return lambda value: any(type(value) is type(a) and value == a for a in allowed)
    if origin is typing.Annotated:
        return _check_of(typing.get_args(hint)[0])
    if origin is not None:
        if not isinstance(origin, type):
            return None
        kind = _instance_of(origin)
        args = typing.get_args(hint)
        item = _check_of(args[0]) if len(args) == 1 and issubclass(origin, Iterable) else None
        if item is not None and not item("x"):
            # A collection of things that are not text: a lone string is not one (its letters
            # would be taken one by one, "Lê Văn Tám" as eleven board members).
            def not_text(value: object) -> bool:
                return kind(value) and not isinstance(value, str)

            container: Check = not_text
        else:
            container = kind
        if item is None or not issubclass(origin, Sequence):
            return container

        def every(value: object) -> bool:
            return container(value) and all(item(part) for part in cast(Sequence[object], value))

        return every
    if not isinstance(hint, type):
        return None  # a type alias such as numpy's ArrayLike, a TypeVar, a protocol
    return _instance_of(hint)


def _instance_of(kind: type) -> Check:
    if kind is int:
        return lambda value: isinstance(value, numbers.Integral) and not _is_bool(value)
    if kind is float:
        return lambda value: isinstance(value, numbers.Real) and not _is_bool(value)
    if kind is bool:
        return _is_bool
    if issubclass(kind, os.PathLike):
        return lambda value: isinstance(value, str | os.PathLike)
    if issubclass(kind, Enum):
        values = {member.value for member in kind}
        return lambda value: (
            isinstance(value, kind)
            or (isinstance(value, str | int) and not _is_bool(value) and value in values)
        )
    return lambda value: isinstance(value, kind)


def _is_bool(value: object) -> bool:
    return isinstance(value, bool) or type(value).__name__ == "bool_"


def _name_of(hint: object) -> str:
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return " | ".join(_name_of(arg) for arg in typing.get_args(hint))
    if hint is type(None):
        return "None"
    if origin is not None:
        return getattr(origin, "__name__", str(origin))
    return getattr(hint, "__name__", str(hint))
