"""Loading the congress spec (TOML): good files load, bad ones name the field and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tally import QC_244, BoardError, Body, ContestError, ReconciliationError, RollError, TallyError
from tally.errors import InputFileError
from tally.io.spec import congress_from_toml, load_congress

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = """
[congress]
name = "Đại hội Chi bộ 3"
[roll]
kind = "member_congress"
convened = 11
present = 10
deductions = { absent_with_reason = 1 }
[[contest]]
id = "bt"
body = "cell_secretary"
seats = 1
issued = 10
collected = 10
candidates = ["Lê Văn Tám"]
[[board]]
name = "Hà Thị Lan"
role = "head"
"""


def test_example_spec_loads() -> None:
    congress = load_congress(ROOT / "examples" / "delegate_congress" / "congress.toml")
    plan = congress.plan("bch")
    assert congress.roll.base == 196
    assert plan.contest.body is Body.EXECUTIVE_COMMITTEE
    assert (plan.contest.seats, len(plan.contest.candidates), plan.issued) == (33, 37, 194)
    assert [m.role for m in congress.board].count("head") == 1
    assert plan.contest.candidates[0].birth_date is not None


def test_rules_preset_is_selected() -> None:
    congress = congress_from_toml('rules = "qc244"\n' + MINIMAL)
    assert congress.rules is QC_244


@pytest.mark.parametrize(
    ("edit", "field", "words"),
    [
        (("seats = 1", 'seats = "một"'), "contest.bt.seats", "phải là số nguyên"),
        (('body = "cell_secretary"', 'body = "president"'), "contest.bt.body", "dùng một trong"),
        (("issued = 10\n", ""), "contest.bt.issued", "thiếu trường bắt buộc"),
        (("present = 10", "present = 10\nabsent = 1"), "roll.absent", "trường không được biết"),
    ],
)
def test_field_errors_name_the_field(edit: tuple[str, str], field: str, words: str) -> None:
    with pytest.raises(InputFileError) as raised:
        congress_from_toml(MINIMAL.replace(*edit), source="dh.toml")
    assert raised.value.where.field == field
    assert raised.value.where.file == "dh.toml"
    assert words in raised.value.message("vi")


def test_roll_error_keeps_its_type_and_gets_the_section() -> None:
    with pytest.raises(RollError) as raised:
        congress_from_toml(MINIMAL.replace("present = 10", "present = 12"), source="dh.toml")
    assert raised.value.where.field == "roll.present"
    assert "dh.toml" in str(raised.value)


def test_contest_error_inside_contest_section() -> None:
    spec = MINIMAL.replace(
        'candidates = ["Lê Văn Tám"]', 'candidates = ["Lê Văn Tám", "lê  văn tám"]'
    )
    with pytest.raises(ContestError) as raised:
        congress_from_toml(spec)
    assert raised.value.where.field == "contest.bt.candidates#2"


def test_bad_toml_syntax_reports_line() -> None:
    with pytest.raises(InputFileError) as raised:
        congress_from_toml(MINIMAL.replace("seats = 1", "seats = "), source="dh.toml")
    assert "line" in raised.value.message("en")


def test_duplicate_contest_id_and_unknown_rules() -> None:
    block = MINIMAL[MINIMAL.index("[[contest]]") : MINIMAL.index("[[board]]")]
    with pytest.raises(InputFileError, match="hai lần"):
        congress_from_toml(MINIMAL + block)
    with pytest.raises(InputFileError) as raised:
        congress_from_toml('rules = "qc999"\n' + MINIMAL)
    assert "qc190" in raised.value.message("en")


def test_missing_file_and_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="Không tìm thấy"):
        load_congress(tmp_path / "none.toml")
    bad = tmp_path / "bad.toml"
    bad.write_bytes(MINIMAL.encode("cp1258", errors="replace"))
    with pytest.raises(InputFileError) as raised:
        load_congress(bad)
    assert raised.value.code in {"csv.encoding", "spec.toml"}


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (("seats = 1", "seats = true"), "contest.bt.seats"),
        (("seats = 1", 'seats = "1"'), "contest.bt.seats"),
        (("issued = 10", "issued = 10.0"), "contest.bt.issued"),
        (("convened = 11", 'convened = "11"'), "roll.convened"),
        (("convened = 11", "convened = true"), "roll.convened"),
        (
            ("absent_with_reason = 1", "absent_with_reason = 1.0"),
            "roll.deductions.absent_with_reason",
        ),
        (("collected = 10\n", ""), "contest.bt.collected"),
        (('id = "bt"', 'id = "bt"\ncounted_at = 2025-07-19'), "contest.bt.counted_at"),
    ],
)
def test_counts_are_integers_and_nothing_is_coerced(edit: tuple[str, str], field: str) -> None:
    with pytest.raises(InputFileError) as raised:
        congress_from_toml(MINIMAL.replace(*edit), source="dh.toml")
    assert raised.value.where.field == field


def test_list_and_board_figures_are_checked_at_load_naming_the_field() -> None:
    committee = MINIMAL.replace('body = "cell_secretary"', 'body = "cell_committee"')
    with pytest.raises(ContestError) as raised:
        congress_from_toml(committee, source="dh.toml")
    assert raised.value.code == "contest.list_not_longer"
    assert (raised.value.where.file, raised.value.where.field) == (
        "dh.toml",
        "contest.bt.candidates",
    )
    with pytest.raises(ReconciliationError) as figures:
        congress_from_toml(MINIMAL.replace("issued = 10", "issued = 11"), source="dh.toml")
    assert figures.value.code == "count.issued_exceeds_present"
    assert figures.value.where.field == "contest.bt.issued"


def test_counting_board_rules() -> None:
    two_heads = MINIMAL + '[[board]]\nname = "Vũ Văn Hòa"\nrole = "head"\n'
    with pytest.raises(BoardError) as raised:
        congress_from_toml(two_heads)
    assert raised.value.code == "board.one_head"
    on_list = MINIMAL + '[[board]]\nname = "lê văn  tám"\n'
    with pytest.raises(BoardError) as raised:
        congress_from_toml(on_list)
    # Spelt otherwise than on the list: both spellings shown (issue 11).
    assert raised.value.code == "board.on_list_spelt"
    assert "'lê văn tám'" in str(raised.value) and "'Lê Văn Tám'" in str(raised.value)
    assert raised.value.where.field == "contest.bt.candidates"
    no_board = MINIMAL[: MINIMAL.index("[[board]]")]
    with pytest.raises(InputFileError) as missing:
        congress_from_toml(no_board)
    assert missing.value.where.field == "board"


@pytest.mark.parametrize(
    ("candidates", "field"),
    [
        ('["Lê Văn Tám", 7]', "contest.bt.candidates#2"),
        ('[{ name = "Lê Văn Tám", gender = "nam" }]', "contest.bt.candidates#1.gender"),
        ('[{ name = "Lê Văn Tám", birth_date = "1970" }]', "contest.bt.candidates#1.birth_date"),
        ('["123"]', "contest.bt.candidates#1"),
    ],
)
def test_candidate_errors_point_at_the_candidate(candidates: str, field: str) -> None:
    spec = MINIMAL.replace('candidates = ["Lê Văn Tám"]', f"candidates = {candidates}")
    with pytest.raises(TallyError) as raised:
        congress_from_toml(spec)
    assert raised.value.where.field == field
