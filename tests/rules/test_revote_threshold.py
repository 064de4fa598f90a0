"""A re-vote among candidates tied at the cut-off (RULES §4 [U]): by default it needs more than
half of the base like any round; the policy ``tie.revote_threshold = most_votes`` elects the
most-voted of the tied instead — said in the minutes of that round and noted in the summary."""

from __future__ import annotations

from tally import Ballots, Body, CongressKind, Contest, Roll
from tally.congress.plan import BoardMember, Congress, ContestPlan, RoundPlan
from tally.congress.run import CongressRecord, ContestStatus, run_congress
from tally.model.rules import QC_190, RevoteThreshold, RuleSet
from tally.render.minutes import render_minutes
from tally.render.summary import render_summary
from tests.text import flat

# Ballot order: An, Bình, Cường, Dung. Round 1, 10 voters, 3 seats: An 8, Bình 8, Cường 6,
# Dung 6 — all above half of 10, Cường and Dung tied for the last seat.
ROUND_1 = [[1, 1, 1, 0]] * 4 + [[1, 1, 0, 1]] * 4 + [[0, 0, 1, 1]] * 2
# The re-vote among them, one seat: Cường 5, Dung 4, one ballot with both struck (invalid).
ROUND_2 = [[1, 0]] * 5 + [[0, 1]] * 4 + [[0, 0]]
BCH = Contest(
    id="bch",
    body=Body.EXECUTIVE_COMMITTEE,
    seats=3,
    candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường", "Phạm Thị Dung"],
)
MOST_VOTES = QC_190.model_copy(
    update={"tie": QC_190.tie.model_copy(update={"revote_threshold": RevoteThreshold.MOST_VOTES})}
)


def _run(rules: RuleSet) -> CongressRecord:
    congress = Congress(
        name="Đại hội Đảng bộ thử",
        roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=10, present=10),
        rules=rules,
        board=[BoardMember(name="Hoàng Văn Hải", role="head")],
        contests=[ContestPlan(contest=BCH, issued=10, rounds=(RoundPlan(issued=10),))],
    )
    rows = {1: ROUND_1, 2: ROUND_2}
    return run_congress(congress, lambda _id, n, contest: Ballots.from_arrays(contest, rows[n]))


def test_by_default_the_revote_among_the_tied_needs_more_than_half() -> None:
    record = _run(QC_190)
    bch = record.contest("bch")
    first, revote = bch.rounds
    assert first.outcome.tie is not None and revote.contest.names == (
        "Trần Văn Cường",
        "Phạm Thị Dung",
    )
    assert not revote.outcome.most_votes
    assert revote.outcome.elected == () and bch.status is ContestStatus.NEEDS_ROUND
    assert "tie.revote_threshold" not in render_summary(record, "vi")
    minutes = flat(render_minutes(revote, record.congress, "vi"))
    assert "quá một nửa so với 10, tức ít nhất 6 phiếu" in minutes


def test_most_votes_elects_the_most_voted_of_the_tied_and_says_so() -> None:
    record = _run(MOST_VOTES)
    bch = record.contest("bch")
    first, revote = bch.rounds
    assert not first.outcome.most_votes  # only the re-vote among the tied
    assert revote.outcome.most_votes and revote.outcome.elected == ("Trần Văn Cường",)
    assert bch.status is ContestStatus.COMPLETE
    assert bch.elected == ("Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường")
    minutes = flat(render_minutes(revote, record.congress, "vi"))
    assert "người được nhiều phiếu nhất trúng cử, không xét quá một nửa" in minutes
    assert "bầu lại giữa những người bằng phiếu, xếp theo thứ tự số phiếu" in minutes
    assert "quá bán" not in minutes and "không quá 1/2" not in minutes
    summary = flat(render_summary(record, "vi"))
    assert "Ban Chấp hành, vòng 2: bầu lại giữa những người bằng phiếu" in summary
    assert "round 2: a re-vote among the tied" in flat(render_summary(record, "en"))


def test_most_votes_applies_only_after_a_tie() -> None:
    # a shortfall's further round is not a re-vote among the tied: the threshold holds
    short = [[1, 1, 0, 0]] * 6 + [[0, 0, 1, 1]] * 4  # An 6, Bình 6, Cường 4, Dung 4
    congress = Congress(
        name="Đại hội Đảng bộ thử",
        roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=10, present=10),
        rules=MOST_VOTES,
        board=[BoardMember(name="Hoàng Văn Hải", role="head")],
        contests=[ContestPlan(contest=BCH, issued=10, rounds=(RoundPlan(issued=10),))],
    )
    rows = {1: short, 2: ROUND_2}
    record = run_congress(congress, lambda _id, n, c: Ballots.from_arrays(c, rows[n]))
    revote = record.contest("bch").rounds[1]
    assert not revote.outcome.most_votes and revote.outcome.elected == ()
