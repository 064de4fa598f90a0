"""Delegates to the upper congress and their alternates: one ballot or two (RULES §6)."""

from __future__ import annotations

import numpy as np
import pytest

from tally import (
    Ballots,
    Body,
    CongressKind,
    Contest,
    ContestError,
    OutcomeStatus,
    Roll,
    count_contest,
)
from tally.congress.plan import BoardMember, Congress, ContestPlan
from tally.congress.run import ContestStatus, run_congress
from tally.render.minutes import render_minutes
from tests.text import flat

NAMES = [f"Lê Văn {g}" for g in ["An", "Bảo", "Cường", "Dũng", "Giang", "Hải", "Khoa"]]
ROLL = Roll(kind=CongressKind.DELEGATE_CONGRESS, convened=10, present=10)


def ballots_for(contest: Contest, votes: list[int], n: int = 10) -> Ballots:
    """``n`` ballots, each keeping at most ``contest.ballot_seats`` names, with ``votes``."""
    marks = np.zeros((n, len(votes)), dtype=np.uint8)
    fill = np.zeros(n, dtype=int)
    for j in np.argsort(votes, kind="stable")[::-1]:
        rows = np.argsort(fill, kind="stable")[: votes[j]]
        marks[rows, j] = 1
        fill[rows] += 1
    assert fill.max() <= contest.ballot_seats and fill.min() >= 1
    return Ballots.from_arrays(contest, marks)


def one_ballot(alternates: int = 2) -> Contest:
    return Contest(
        id="dbdh", body=Body.UPPER_DELEGATES, seats=3, alternates=alternates, candidates=NAMES
    )


def test_one_ballot_elects_delegates_then_alternates_in_rank_order() -> None:
    contest = one_ballot()
    assert contest.ballot_seats == 5
    # An 10, Bảo 9, Cường 8 official; Dũng 7, Giang 6 alternates; Hải and Khoa 5: not above half.
    votes = [10, 9, 8, 7, 6, 5, 5]
    result = count_contest(contest, ballots_for(contest, votes), roll=ROLL, issued=10)
    outcome = result.outcome
    assert outcome.elected == tuple(NAMES[:3])
    assert outcome.alternates == (NAMES[3], NAMES[4])
    assert outcome.status is OutcomeStatus.COMPLETE
    assert [s.alternate for s in outcome.standings] == [False] * 3 + [True, True, False, False]
    text = render_minutes(result)
    assert "DỰ KHUYẾT" in text and "Đại biểu dự khuyết, xếp theo số phiếu" in text


def test_alternates_must_also_pass_the_threshold() -> None:
    contest = one_ballot()
    votes = [10, 9, 8, 6, 5, 4, 3]  # base 10: 6 is more than half, 5 is not
    result = count_contest(contest, ballots_for(contest, votes), roll=ROLL, issued=10)
    assert result.outcome.alternates == (NAMES[3],)


def test_a_tie_among_alternates_is_reported_not_broken() -> None:
    contest = one_ballot()
    votes = [10, 9, 8, 7, 6, 6, 3]
    result = count_contest(contest, ballots_for(contest, votes), roll=ROLL, issued=10)
    outcome = result.outcome
    assert outcome.elected == tuple(NAMES[:3])
    assert outcome.alternates == (NAMES[3],)
    assert outcome.alternate_tie is not None
    assert outcome.alternate_tie.candidates == (NAMES[4], NAMES[5])
    assert outcome.alternate_tie.seats_at_stake == 1
    assert outcome.status is OutcomeStatus.ALTERNATE_TIE and result.needs_decision
    assert "ở vị trí dự khuyết cuối cùng" in render_minutes(result)


def test_a_ballot_over_delegates_plus_alternates_is_over_seats() -> None:
    contest = one_ballot()
    marks = np.array([[1, 1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 1, 1, 0]], dtype=np.uint8)
    result = count_contest(contest, Ballots.from_arrays(contest, marks), roll=ROLL, issued=10)
    assert (result.count.valid, result.count.invalid) == (1, 1)


def test_alternates_only_for_delegates() -> None:
    with pytest.raises(ContestError):
        Contest(id="x", body=Body.EXECUTIVE_COMMITTEE, seats=3, alternates=1, candidates=NAMES)


def two_ballots(alternates: list[str]) -> Congress:
    delegates = Contest(id="dbdh", body=Body.UPPER_DELEGATES, seats=3, candidates=NAMES[:5])
    spare = Contest(id="dk", body=Body.UPPER_ALTERNATES, seats=1, candidates=alternates)
    return Congress(
        name="Đại hội",
        roll=ROLL,
        board=[BoardMember(name="Tô Thị Hà", role="head")],
        contests=[ContestPlan(contest=delegates, issued=10), ContestPlan(contest=spare, issued=10)],
    )


def test_two_ballots_alternates_come_from_those_not_elected() -> None:
    congress = two_ballots([NAMES[3], NAMES[5]])
    delegates, spare = (p.contest for p in congress.contests)
    record = run_congress(
        congress,
        {"dbdh": ballots_for(delegates, [10, 9, 8, 2, 1]), "dk": ballots_for(spare, [7, 3])},
    )
    assert record.contest("dbdh").elected == tuple(NAMES[:3])
    assert record.contest("dk").elected == (NAMES[3],)
    assert record.contest("dk").status is ContestStatus.COMPLETE


def test_two_ballots_an_elected_delegate_cannot_stand_for_alternate() -> None:
    congress = two_ballots([NAMES[0], NAMES[5]])
    delegates, spare = (p.contest for p in congress.contests)
    with pytest.raises(ContestError) as raised:
        run_congress(
            congress,
            {"dbdh": ballots_for(delegates, [10, 9, 8, 2, 1]), "dk": ballots_for(spare, [7, 3])},
        )
    assert raised.value.code == "chain.already_elected"


def test_a_recorded_decision_places_the_tied_alternates() -> None:
    from tally import DecisionError, TieDecision

    contest = one_ballot()
    votes = [10, 9, 8, 7, 6, 6, 3]
    ballots = ballots_for(contest, votes)
    decision = TieDecision(winners=(NAMES[5],), note="Bầu lại: Hải 6/10")
    result = count_contest(contest, ballots, roll=ROLL, issued=10, alternate_decision=decision)
    assert result.outcome.alternates == (NAMES[3], NAMES[5])
    assert result.outcome.status is OutcomeStatus.COMPLETE and not result.needs_decision
    assert "Bầu lại: Hải 6/10" in flat(render_minutes(result))
    with pytest.raises(DecisionError):
        count_contest(
            contest,
            ballots,
            roll=ROLL,
            issued=10,
            alternate_decision=TieDecision(winners=(NAMES[6],), note="x"),
        )
    clean = ballots_for(contest, [10, 9, 8, 7, 6, 5, 5])
    with pytest.raises(DecisionError):
        count_contest(contest, clean, roll=ROLL, issued=10, alternate_decision=decision)


def test_alternates_survive_a_re_vote_for_the_last_official_seat() -> None:
    from tally.congress.plan import RoundPlan
    from tally.testing.designed import designed_ballots

    contest = Contest(
        id="d", body=Body.UPPER_DELEGATES, seats=2, alternates=2, candidates=NAMES[:6]
    )
    congress = Congress(
        name="Đại hội",
        roll=ROLL,
        board=[BoardMember(name="Tô Thị Hà", role="head")],
        contests=[ContestPlan(contest=contest, issued=10, rounds=(RoundPlan(issued=10),))],
    )
    first = designed_ballots(contest, [10, 8, 8, 7, 6, 1], valid=10)  # Bảo and Cường tie on 8
    waiting = run_congress(congress, {"d": first}).contest("d")
    assert waiting.alternates == () and waiting.status is ContestStatus.AWAITING_BALLOTS
    assert waiting.next_round is not None
    second = designed_ballots(waiting.next_round, [7, 3], valid=10)
    done = run_congress(congress, {"d": first, "d.r2": second}).contest("d")
    assert done.status is ContestStatus.COMPLETE
    assert done.elected == (NAMES[0], NAMES[1])
    # Ranked on the first ballot: Cường (8, lost the re-vote), then Dũng (7).
    assert done.alternates == (NAMES[2], NAMES[3])


def test_delegates_short_after_the_first_ballot_vote_again_then_the_congress_chooses() -> None:
    """RULES §4, QĐ 244 Art. 20(2): "bầu lần thứ nhất chưa đủ số lượng đại biểu thì bầu tiếp";
    after further ballots still short, whether to go on is the congress's decision."""
    from tally import QC_190
    from tally.congress.plan import RoundPlan
    from tally.render.summary import render_summary
    from tally.testing.designed import designed_ballots

    contest = Contest(id="d", body=Body.UPPER_DELEGATES, seats=3, candidates=NAMES[:5])
    plan = ContestPlan(contest=contest, issued=10)  # no further round planned yet
    congress = Congress(
        name="Đại hội",
        roll=ROLL,
        board=[BoardMember(name="Tô Thị Hà", role="head")],
        contests=[plan],
    )
    first = designed_ballots(contest, [9, 8, 4, 4, 3], valid=10)  # two above half of 10
    short = run_congress(congress, {"d": first})
    record = short.contest("d")
    assert record.status is ContestStatus.MUST_VOTE_AGAIN and record.open_seats == 1
    said = flat(render_summary(short, "vi"))
    assert "bầu lần thứ nhất chưa đủ số lượng đại biểu, còn 1 chỉ tiêu, thì bầu tiếp" in said
    assert "QĐ 244-QĐ/TW" in said and "Điều 20" in said
    assert record.next_round is not None
    second = designed_ballots(record.next_round, [5, 3, 2], valid=10)  # nobody above half
    planned = plan.model_copy(update={"rounds": (RoundPlan(issued=10),)})
    congress = congress.model_copy(update={"contests": (planned,)})
    again = run_congress(congress, {"d": first, "d.r2": second})
    assert again.contest("d").status is ContestStatus.NEEDS_ROUND
    said = flat(render_summary(again, "vi"))
    assert "đã bầu 2 lần vẫn chưa đủ số lượng đại biểu" in said
    assert "có bầu tiếp hay không do đại hội quyết định" in said
    # a rule set recorded before the policy existed (0 rounds required): the congress decides
    older = QC_190.model_copy(
        update={"rounds": QC_190.rounds.model_copy(update={"delegate_rounds_required": 0})}
    )
    unplanned = congress.model_copy(update={"rules": older, "contests": (plan,)})
    as_before = run_congress(unplanned, {"d": first})
    assert as_before.contest("d").status is ContestStatus.NEEDS_ROUND


def test_a_required_further_ballot_is_listed_as_waiting_not_as_a_decision() -> None:
    from tally.cli.count import _open_lines
    from tally.testing.designed import designed_ballots

    contest = Contest(id="d", body=Body.UPPER_DELEGATES, seats=3, candidates=NAMES[:5])
    congress = Congress(
        name="Đại hội",
        roll=ROLL,
        board=[BoardMember(name="Tô Thị Hà", role="head")],
        contests=[ContestPlan(contest=contest, issued=10)],
    )
    first = designed_ballots(contest, [9, 8, 4, 4, 3], valid=10)
    record = run_congress(congress, {"d": first}).contest("d")
    (line,) = _open_lines([record], (), "vi")
    assert line.startswith("Còn chờ: d (chưa đủ, phải bầu tiếp)")
