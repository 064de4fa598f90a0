"""One translator of pydantic's refusals into located TallyErrors (tally.validation)."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from tally.errors import BallotError, InputFileError
from tally.io.spec import congress_from_toml
from tally.validation import dotted, located_error, validation_problem


class _Seat(BaseModel):
    number: int


class _Table(BaseModel):
    seats: list[_Seat]
    title: str


def _refusal(data: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        _Table.model_validate(data)
    return caught.value


def test_the_first_problem_is_located_by_its_dotted_path() -> None:
    exc = _refusal({"seats": [{"number": 1}, {"number": "hai"}], "title": "x"})
    error = located_error(exc, InputFileError, "json.field", file="r.json")
    assert type(error) is InputFileError
    assert error.where.file == "r.json" and error.where.line is None
    assert error.where.field == "seats.1.number"
    assert error.message("vi").startswith("r.json, trường seats.1.number: ")
    assert "phải là số nguyên (nhận 'hai')" in error.message("vi")
    assert "(got 'hai')" in error.message("en")


def test_a_missing_field_shows_no_value() -> None:
    path, detail = validation_problem(_refusal({"seats": []}))
    assert path == ("title",)
    assert (detail.render("vi"), detail.render("en")) == ("thiếu trường bắt buộc", "Field required")


def test_words_replace_the_vietnamese_by_error_type() -> None:
    exc = _refusal({"seats": [], "title": 3})
    error = located_error(
        exc, InputFileError, "json.field", file="r.json", words={"string_type": "phải là chữ"}
    )
    assert "phải là chữ (nhận 3)" in error.message("vi")


def test_the_caller_shapes_the_field_and_may_name_it() -> None:
    exc = _refusal({"seats": [{"number": None}], "title": "x"})
    error = located_error(
        exc,
        BallotError,
        "session.bad_value",
        field=lambda path: dotted(path, indices=False) or "add",
        name_field=True,
        step="add",
    )
    assert type(error) is BallotError
    assert error.where.field == "seats.number"
    assert error.params["field"] == "seats.number" and error.params["step"] == "add"


def test_a_value_refused_as_a_whole_has_no_field() -> None:
    exc = _refusal(["not", "a", "table"])
    error = located_error(exc, InputFileError, "json.field", file="r.json")
    assert error.where.field is None


def test_the_spec_loader_words_a_refusal_as_before() -> None:
    text = (
        '[congress]\nname = "Đại hội"\ncolour = "đỏ"\n'
        "[roll]\nconvened = 10\npresent = 9\n"
        '[[board]]\nname = "Lê Văn Tám"\nrole = "head"\n'
    )
    with pytest.raises(InputFileError) as caught:
        congress_from_toml(text, "c.toml")
    assert caught.value.code == "spec.field"
    assert caught.value.params["field"] == "congress.colour"
    assert caught.value.message("vi").startswith("c.toml, trường congress.colour: ")
