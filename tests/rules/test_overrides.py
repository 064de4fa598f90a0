"""A board chooses and adjusts its rules without Python (RULES §8): ``rules = "NAME"`` or a
``[rules]`` table with a preset and overrides; the minutes cite the preset and list each
override as the congress's decision; ``tally rules`` prints the presets and every policy."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tally.cli.main import EXIT_BAD_INPUT, EXIT_OK, main
from tally.errors import RulesError
from tally.io.spec import congress_from_toml
from tally.model.presets import PRESETS, policy_paths, preset, with_overrides
from tally.model.rules import QC_244, RuleSet
from tests.text import flat

ROOT = Path(__file__).resolve().parents[2]
DISTRICT = ROOT / "examples" / "district_congress"
TABLE = """[rules]
preset = "qc244"
percent = { decimals = 1, rounding = "truncate" }
tie.revote_threshold = "most_votes"
"""


@pytest.fixture
def district(tmp_path: Path) -> Path:
    for path in DISTRICT.iterdir():
        if path.suffix in {".toml", ".csv"}:
            shutil.copy(path, tmp_path / path.name)
    spec = tmp_path / "congress.toml"
    text = spec.read_text(encoding="utf-8")
    assert 'rules = "qc244"' in text
    spec.write_text(text.replace('rules = "qc244"', TABLE), encoding="utf-8")
    return spec


def test_a_rules_table_adjusts_the_preset_and_records_each_change(district: Path) -> None:
    congress = congress_from_toml(district.read_text(encoding="utf-8"))
    rules = congress.rules
    assert rules.name == "qc244" and rules.percent.decimals == 1
    assert [(o.path, json.loads(o.value)) for o in rules.overrides] == [
        ("percent.decimals", 1),
        ("percent.rounding", "truncate"),
        ("tie.revote_threshold", "most_votes"),
    ]
    # Everything else is the preset's, citations included.
    same = rules.model_copy(update={"percent": QC_244.percent, "tie": QC_244.tie, "overrides": ()})
    assert same == QC_244


def test_the_minutes_cite_the_preset_and_list_the_congress_s_decisions(
    district: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["count", str(district)])
    out = flat(capsys.readouterr().out)
    assert "Quy chế áp dụng: Quy chế bầu cử trong Đảng (Quyết định 244-QĐ/TW" in out
    decided = "Điều chỉnh theo quyết định của đại hội:"
    assert f"{decided} Cách làm tròn tỷ lệ % (percent.rounding): truncate" in out
    assert f"{decided} Bầu lại giữa những người bằng phiếu cần (tie.revote_threshold)" in out
    # one decimal, truncated, in every table of votes
    assert re.search(r"\d,\d%", out) and not re.search(r"\d,\d\d%", out)
    # the BCH's second round re-votes among the tied: the most votes elect
    assert "người được nhiều phiếu nhất trúng cử, không xét quá một nửa" in out


def test_the_json_result_carries_the_overrides_and_reads_back(
    district: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["count", str(district), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    recorded = RuleSet.model_validate(data["contests"][0]["rounds"][0]["rules"])
    assert [o.path for o in recorded.overrides] == [
        "percent.decimals",
        "percent.rounding",
        "tie.revote_threshold",
    ]


@pytest.mark.parametrize(
    ("line", "field", "said"),
    [
        ('tie.policy = "coin"', "rules.tie.policy", '"revote", "older_wins", "congress_decides"'),
        ("tie.colour = 1", "rules.tie.colour", "không phải một chính sách"),
        ('percent.decimals = "1"', "rules.percent.decimals", "một số nguyên"),
        ("turnout.required = 1", "rules.turnout.required", "true, false"),
        ('tie.citation = "mine"', "rules.tie.citation", "không phải một chính sách"),
        ('preset = "qc999"', "rules.preset", "qc190, qc244, state"),
        ("quorum.numerator = 5", "rules.quorum.numerator", "tử số không lớn hơn mẫu số"),
        (
            'deductions.delegate_congress = ["suspended"]',
            "rules.deductions.delegate_congress",
            "các khoản của đại hội đại biểu",
        ),
        ("surplus.max_percent = -5", "rules.surplus.max_percent", "≥ 0"),
        (
            'percent = { decimals = 1 }\n"percent.decimals" = 3',
            "rules.percent.decimals",
            "hai lần",
        ),
    ],
)
def test_a_bad_override_names_the_policy_and_what_it_takes(
    district: Path, capsys: pytest.CaptureFixture[str], line: str, field: str, said: str
) -> None:
    table = line if "preset" in line else f'preset = "qc244"\n{line}'
    text = district.read_text(encoding="utf-8").replace(TABLE, f"[rules]\n{table}\n")
    district.write_text(text, encoding="utf-8")
    before = district.read_bytes()
    assert main(["count", str(district)]) == EXIT_BAD_INPUT
    err = flat(capsys.readouterr().err)
    assert f"trường {field}" in err and said in err
    assert "Không có tệp nào được ghi." in err
    assert district.read_bytes() == before


def test_every_policy_of_every_preset_can_be_overridden_with_its_own_value() -> None:
    for rules in PRESETS.values():
        data = rules.model_dump(mode="json")
        for path in policy_paths(rules):
            value = data
            for part in path.split("."):
                value = value[part]
            same = with_overrides(rules, {path: value})
            assert same == rules, path  # an override equal to the preset is no override


def test_an_override_that_breaks_a_rule_set_is_refused() -> None:
    with pytest.raises(RulesError) as refused:
        with_overrides(preset("qc190"), {"quorum": {"denominator": 0}})
    assert refused.value.where.field == "rules.quorum.denominator"
    assert "> 0" in str(refused.value)


def test_tally_rules_lists_the_presets_and_prints_one_in_full(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules"]) == EXIT_OK
    listed = capsys.readouterr().out
    for name in PRESETS:
        assert f"{name}:" in listed
    assert main(["rules", "state", "--lang", "en"]) == EXIT_OK
    state = flat(capsys.readouterr().out)
    assert "threshold.base = valid_ballots" in state and "Art. 78(2)" in state
    assert "turnout.required = true" in state and "tie.policy = older_wins" in state
    assert main(["rules", "qc999"]) == EXIT_BAD_INPUT
    assert "qc190, qc244, state" in capsys.readouterr().err


def test_tally_rules_prints_the_rule_set_a_spec_puts_in_force(
    district: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", str(district)]) == EXIT_OK
    out = flat(capsys.readouterr().out)
    assert "Tên: qc244" in out and "percent.decimals = 1 —" in out
    assert (
        "Điều chỉnh so với bộ quy tắc: Số chữ số thập phân của tỷ lệ % (percent.decimals): 1" in out
    )
    assert main(["rules", str(district), "--format", "json"]) == EXIT_OK
    assert RuleSet.model_validate_json(capsys.readouterr().out).percent.decimals == 1


def test_every_policy_has_words_in_both_languages() -> None:
    from tally.i18n.messages import keys

    missing = [path for path in policy_paths() if f"rules.policy.{path}" not in keys()]
    assert missing == []


def test_the_minutes_may_show_shares_of_the_valid_ballots_and_of_those_present(
    district: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = district.read_text(encoding="utf-8").replace(
        TABLE, '[rules]\npreset = "qc244"\npercent = { of_valid = true, of_present = true }\n'
    )
    district.write_text(text, encoding="utf-8")
    main(["count", str(district), "--lang", "en", "--format", "markdown"])
    out = capsys.readouterr().out
    assert "| % | % of valid | % of present | Result |" in out
    assert "| 1 | Trịnh Quang An | 229 | 93.47% | 95.82% | 94.24% | ELECTED |" in out
    main(["count", str(DISTRICT / "congress.toml"), "--lang", "en", "--format", "markdown"])
    plain = capsys.readouterr().out
    assert "% of valid" not in plain and "% of present" not in plain
