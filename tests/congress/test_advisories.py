"""Advisory notes (RULES §6): a standing committee larger than a third of the executive
committee is noted in the summary, with its citation, and is never an error."""

from __future__ import annotations

from pathlib import Path

from tally.congress.advisories import advisories
from tally.congress.plan import Congress
from tally.congress.run import run_congress
from tally.io.spec import load_congress
from tally.model.bodies import Body
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


def test_a_standing_committee_within_a_third_has_no_note() -> None:
    assert advisories(DIRECT) == ()  # 5 of 15: exactly a third
    assert "Lưu ý" not in flat(render_summary(run_congress(DIRECT, {}), "vi"))


def test_a_standing_committee_above_a_third_is_noted_in_both_languages() -> None:
    congress = _with_standing(6)  # 6 of 15
    (note,) = advisories(congress)
    assert note.code == "advisory.standing_share"
    vi = flat(render_summary(run_congress(congress, {}), "vi"))
    assert "Lưu ý (không phải lỗi):" in vi
    assert "Ban Thường vụ 6 người, nhiều hơn 1/3 số Ủy viên Ban Chấp hành (15)" in vi
    assert "QĐ 29-QĐ/TW, Điều 12" in vi
    en = flat(render_summary(run_congress(congress, {}), "en"))
    assert "A standing committee of 6, more than 1/3 of the executive committee's 15" in en
    assert "Art. 12" in en and "Điều" not in en.split("Notes (not errors):")[1]
