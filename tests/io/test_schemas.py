"""`tally schema KIND` publishes the JSON Schema of what tally writes: every JSON file the
examples produce validates against its kind's schema, and a changed file does not."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tally.cli.main import EXIT_OK, main
from tally.errors import InputFileError
from tally.io.results_json import load_contest, load_record
from tally.io.schemas import SCHEMAS, json_schema

ROOT = Path(__file__).resolve().parents[2]
SPECS = sorted(ROOT.glob("examples/*/congress.toml"))


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    main(list(argv))
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("spec", SPECS, ids=[p.parent.name for p in SPECS])
def test_what_tally_count_writes_validates_against_the_published_schemas(
    spec: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    record = _json(capsys, "count", str(spec), "--format", "json")
    jsonschema.validate(record, json_schema("record"))
    assert isinstance(record, dict)
    contests = record["contests"]
    for contest in contests:
        for result in contest["rounds"]:
            jsonschema.validate(result, json_schema("result"))
    if len(contests) > 1:
        one = _json(
            capsys, "count", str(spec), "--contest", contests[-1]["contest_id"], "--format", "json"
        )
        jsonschema.validate(one, json_schema("contest"))
        alone = tmp_path / "contest.json"
        alone.write_text(json.dumps(one, ensure_ascii=False), encoding="utf-8")
        assert load_contest(alone).model_dump(mode="json") == one
        broken = dict(one)
        broken["open_seats"] = broken["open_seats"] + 1
        alone.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(InputFileError, match="open_seats"):
            load_contest(alone)
    # and the record loads back
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert load_record(path).congress.name == record["congress"]["name"]


def test_polls_and_rule_sets_validate_too(capsys: pytest.CaptureFixture[str]) -> None:
    polls = _json(
        capsys, "poll", str(ROOT / "examples" / "polls" / "polls.toml"), "--format", "json"
    )
    assert isinstance(polls, list) and len(polls) == 2
    for poll in polls:
        jsonschema.validate(poll, json_schema("poll"))
    for name in ("qc190", "state", "youth_union"):
        jsonschema.validate(_json(capsys, "rules", name, "--format", "json"), json_schema("rules"))


def test_a_changed_file_fails_its_schema(capsys: pytest.CaptureFixture[str]) -> None:
    spec = ROOT / "examples" / "youth_union" / "congress.toml"
    record = _json(capsys, "count", str(spec), "--format", "json")
    assert isinstance(record, dict)
    result = record["contests"][0]["rounds"][0]
    result["count"]["votes"] = ["23"]  # a count written as text
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(result, json_schema("result"))
    result["count"]["votes"] = [23]
    result["surprise"] = 1  # a key tally never writes
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(result, json_schema("result"))


def test_tally_schema_prints_or_writes_each_kind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for kind in SCHEMAS:
        printed = _json(capsys, "schema", kind)
        assert printed == json_schema(kind)
        jsonschema.Draft202012Validator.check_schema(printed)
    out = tmp_path / "record.schema.json"
    assert main(["schema", "record", "-o", str(out)]) == EXIT_OK
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "tally record"
