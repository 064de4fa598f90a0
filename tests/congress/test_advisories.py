"""Advisory notes (RULES §6): a standing committee larger than a third of the executive
committee is noted in the summary, with its citation, and is never an error."""

from __future__ import annotations

from pathlib import Path

from tally.congress.advisories import advisories
from tally.congress.plan import Congress
from tally.congress.run import run_congress
from tally.io.spec import load_congress
from tally.model.bodies import Body, Level
from tally.render.summary import render_summary
from tests.text import flat

ROOT = Path(__file__).resolve().parents[2]
DIRECT = load_congress(ROOT / "examples" / "direct_election" / "congress.toml")


def _with_standing(seats: int) -> Congress:
    plans = tuple(
        p.model_copy(update={"contest": p.contest.model_copy(update={"seats": seats})})
        if p.contest.body is Body.STANDING_COMMITTEE
        else p
        for p in DIRECT.contests
    )
    return DIRECT.model_copy(update={"contests": plans})


def _codes(congress: Congress) -> list[str]:
    return [note.code for note in advisories(congress)]


def test_a_standing_committee_within_a_third_has_no_note() -> None:
    assert "advisory.standing_share" not in _codes(DIRECT)  # 5 of 15: exactly a third
    assert "Ban Thường vụ 5 người" not in flat(render_summary(run_congress(DIRECT, {}), "vi"))


def test_a_standing_committee_above_a_third_is_noted_in_both_languages() -> None:
    congress = _with_standing(6)  # 6 of 15
    assert "advisory.standing_share" in _codes(congress)
    vi = flat(render_summary(run_congress(congress, {}), "vi"))
    assert "Lưu ý (không phải lỗi):" in vi
    assert "Ban Thường vụ 6 người, nhiều hơn 1/3 số Ủy viên Ban Chấp hành (15)" in vi
    assert "QĐ 29-QĐ/TW, Điều 12" in vi
    en = flat(render_summary(run_congress(congress, {}), "en"))
    assert "A standing committee of 6, more than 1/3 of the executive committee's 15" in en
    assert "Art. 12" in en and "Điều" not in en.split("Notes (not errors):")[1]


def _with_list(body: Body, seats: int, extra: int, floor: int = 0) -> Congress:
    """DIRECT with ``body``'s list cut to ``seats + extra`` names, ``floor`` of them nominated
    from the floor."""
    plans = []
    for plan in DIRECT.contests:
        contest = plan.contest
        if contest.body is body:
            people = list(contest.candidates[: seats + extra])
            for i in range(floor):
                people[i] = people[i].model_copy(update={"nominated_by": "congress"})
            contest = contest.model_copy(update={"seats": seats, "candidates": tuple(people)})
            plan = plan.model_copy(update={"contest": contest})
        plans.append(plan)
    return DIRECT.model_copy(update={"contests": tuple(plans)})


def test_a_committee_prepared_list_outside_ten_to_fifteen_percent_is_noted() -> None:
    # DIRECT's BCH: 18 names for 15 seats, 20% more, nobody recorded from the floor
    vi = flat(render_summary(run_congress(DIRECT, {}), "vi"))
    assert "Ban Chấp hành: danh sách do cấp ủy chuẩn bị có 18 người cho 15 chỉ tiêu, dư 3" in vi
    assert "(20,00%), ngoài khoảng 10–15% (QĐ 190-QĐ/TW, Điều 14)" in vi
    en = flat(render_summary(run_congress(DIRECT, {}), "en"))
    assert "3 more (20.00%), outside the advised 10–15%" in en
    # 17 for 15 (13,33%) is inside; so are 18 names of which one came from the floor
    assert "advisory.committee_list" not in _codes(_with_list(Body.EXECUTIVE_COMMITTEE, 15, 2))
    floor = _with_list(Body.EXECUTIVE_COMMITTEE, 15, 3, floor=1)
    assert "advisory.committee_list" not in _codes(floor)
    # 16 for 15 (6,67%) is below
    assert "advisory.committee_list" in _codes(_with_list(Body.EXECUTIVE_COMMITTEE, 15, 1))


def test_sizes_outside_the_range_for_the_stated_level_are_noted() -> None:
    assert "advisory.size_range" not in _codes(DIRECT)  # no level stated
    commune = DIRECT.model_copy(update={"level": Level.COMMUNE})
    notes = [note.render("vi") for note in advisories(commune)]
    # BCH 15 (27–33 advised), BTV 5 (9–11)
    assert any(
        "Ban Chấp hành: 15 người, ngoài khoảng 27–33 được hướng dẫn cho cấp xã (Chỉ thị 45-CT/TW)"
        in note
        for note in notes
    )
    assert any("Ban Thường vụ: 5 người, ngoài khoảng 9–11" in note for note in notes)
    province = DIRECT.model_copy(update={"level": Level.PROVINCE})
    assert "advisory.size_range" not in _codes(province)  # no range read for the province
