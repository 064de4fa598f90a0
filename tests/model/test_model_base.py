"""Every value model of tally shares one frozen base (issue 12): frozen, closed to unknown
fields, with no config of its own beyond what it adds."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

import tally
from tally.model.base import FrozenModel, OneLineModel

INPUT_SCHEMAS = {
    "_FiguresEntry",
    "_RoundEntry",
    "_CommitteeRollEntry",
    "_ContestEntry",
    "_PollEntry",
    "_CongressEntry",
}
"""The spec's tables as written (tally.io.spec): parsed once, then turned into value models."""


def _models() -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    for info in pkgutil.walk_packages(tally.__path__, "tally."):
        if info.name.startswith("tally.testing"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseModel)
                and value.__module__ == module.__name__
            ):
                found.append(value)
    return found


def test_the_value_models_are_found() -> None:
    names = {model.__name__ for model in _models()}
    assert {"Contest", "Roll", "RuleSet", "Count", "ContestResult", "Event"} <= names


@pytest.mark.parametrize("model", _models(), ids=lambda model: model.__qualname__)
def test_every_value_model_derives_from_the_frozen_base(model: type[BaseModel]) -> None:
    if model.__name__ in INPUT_SCHEMAS:
        assert not issubclass(model, FrozenModel)
        return
    assert issubclass(model, FrozenModel)
    assert model.model_config.get("frozen") is True
    assert model.model_config.get("extra") == "forbid"


def test_the_config_is_written_once() -> None:
    """Only the base sets ``frozen``/``extra``; the spec's tables as written set their own."""
    source = Path(tally.__file__).parent
    writers = sorted(
        str(path.relative_to(source))
        for path in source.rglob("*.py")
        if "ConfigDict(" in path.read_text(encoding="utf-8")
    )
    assert writers == ["io/spec.py", "model/base.py"]


def test_a_frozen_model_refuses_change_and_unknown_fields() -> None:
    class Seat(FrozenModel):
        number: int

    seat = Seat(number=3)
    with pytest.raises(ValidationError, match="frozen"):
        seat.number = 4  # type: ignore[misc]
    with pytest.raises(ValidationError, match="Extra inputs"):
        Seat(number=3, colour="red")  # type: ignore[call-arg]
    assert seat.model_copy(update={"number": 4}).number == 4
    assert {Seat(number=3), seat} == {seat}


def test_a_one_line_model_refuses_a_line_break_in_any_text_field() -> None:
    class Place(OneLineModel):
        name: str
        note: str | None = None

    assert Place(name="Hà Nội", note="ok").note == "ok"
    with pytest.raises(ValidationError) as caught:
        Place(name="Hà Nội", note="a\nb")
    error = caught.value.errors()[0]
    assert error["type"] == "one_line"
    assert error["loc"] == ("note",)
