"""A whole congress: the chain of contests, venues and bases, eligibility, rounds (RULES §4, §6)."""

from __future__ import annotations

import numpy as np
import pytest

from tally import Ballots, Body, CongressKind, Contest, ContestError, Roll
from tally.congress.chain import ElectionModel, Venue
from tally.congress.plan import BoardMember, CommitteeRoll, Congress, ContestPlan, RoundPlan
from tally.congress.run import ContestStatus, run_congress
from tests.text import flat

GIVEN = ["An", "Bảo", "Cường", "Dũng", "Giang", "Hải", "Khoa"]
GIVEN += ["Lâm", "Minh", "Nam", "Oanh", "Phúc", "Quang", "Sơn"]
PEOPLE = [f"Trần Văn {g}" for g in GIVEN]
BOARD = [BoardMember(name="Lê Thị Hoa", role="head")]
ROLL = Roll(
    kind=CongressKind.MEMBER_CONGRESS, convened=21, present=20, deductions={"absent_with_reason": 1}
)


def ballots_with(contest: Contest, votes: list[int], n: int) -> Ballots:
    """``n`` valid ballots giving each candidate (in ballot order) exactly ``votes`` votes."""
    names = contest.names
    k = len(names)
    if contest.form.value == "yes_no":
        marks = np.full((n, k), 2, dtype=np.uint8)
        for j, v in enumerate(votes):
            marks[:v, j] = 1
        return Ballots.from_arrays(contest, marks)
    assert sum(votes) >= n and sum(votes) <= n * contest.seats
    marks = np.zeros((n, k), dtype=np.uint8)
    fill = np.zeros(n, dtype=int)
    for j in np.argsort(votes)[::-1]:
        rows = np.argsort(fill, kind="stable")[: votes[j]]
        marks[rows, j] = 1
        fill[rows] += 1
    return Ballots.from_arrays(contest, marks)


def by_name(contest: Contest, wanted: dict[str, int]) -> list[int]:
    return [wanted.get(name, 0) for name in contest.names]


def direct_congress(
    secretary: str = "Trần Văn An", bch_seats: int = 11, **changes: object
) -> Congress:
    bch = Contest(
        id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=bch_seats, candidates=PEOPLE[: bch_seats + 2]
    )
    btv = Contest(id="btv", body=Body.STANDING_COMMITTEE, seats=3, candidates=PEOPLE[:4])
    bt = Contest(id="bt", body=Body.SECRETARY, seats=1, candidates=[secretary])
    fields: dict[str, object] = {
        "name": "Đại hội Đảng bộ xã thí điểm",
        "roll": ROLL,
        "board": BOARD,
        "model": ElectionModel.DIRECT_STANDING,
        "contests": [
            ContestPlan(contest=bch, issued=20),
            ContestPlan(contest=btv, issued=changes.pop("btv_issued", 20)),
            ContestPlan(contest=bt, issued=20),
        ],
    }
    return Congress.model_validate({**fields, **changes})


def test_direct_model_elects_bch_btv_secretary_each_against_the_congress_base() -> None:
    congress = direct_congress()
    bch = congress.plan("bch").contest
    # The first 11 of the list get 15 votes, the last two 5: base 20, 11 needed.
    bch_votes = [15] * 11 + [5] * 2
    btv = congress.plan("btv").contest
    record = run_congress(
        congress,
        {
            "bch": ballots_with(bch, bch_votes, 20),
            "btv": ballots_with(
                btv, by_name(btv, {PEOPLE[0]: 18, PEOPLE[1]: 16, PEOPLE[2]: 12, PEOPLE[3]: 10}), 20
            ),
            "bt": ballots_with(congress.plan("bt").contest, [14], 20),
        },
    )
    assert [c.status for c in record.contests] == [ContestStatus.COMPLETE] * 3
    assert all(c.venue is Venue.CONGRESS for c in record.contests)
    assert all(r.outcome.base == 20 for c in record.contests for r in c.rounds)
    assert record.contest("btv").draws_from == "bch"
    assert record.contest("bt").draws_from == "btv"
    assert set(record.contest("btv").elected) == set(PEOPLE[:3])
    assert record.contest("bt").elected == ("Trần Văn An",)


def test_secretary_candidate_outside_the_standing_committee_is_rejected() -> None:
    congress = direct_congress(secretary="Trần Văn Dũng")  # fourth in the BTV vote: not elected
    bch = congress.plan("bch").contest
    btv = congress.plan("btv").contest
    with pytest.raises(ContestError) as raised:
        run_congress(
            congress,
            {
                "bch": ballots_with(bch, [15] * 11 + [5] * 2, 20),
                "btv": ballots_with(
                    btv,
                    by_name(btv, {PEOPLE[0]: 18, PEOPLE[1]: 16, PEOPLE[2]: 12, PEOPLE[3]: 10}),
                    20,
                ),
            },
        )
    assert raised.value.code == "chain.not_eligible"
    assert "Trần Văn Dũng" in raised.value.message("en")
    assert "standing committee" in raised.value.message("en")


def test_standing_committee_needs_nine_elected_members() -> None:
    congress = direct_congress(bch_seats=9)
    bch = congress.plan("bch").contest
    # Only 8 of the 11 names pass the threshold (11 of 20): the BCH is one short, and another
    # round may still fill it, so the BTV waits rather than failing.
    short = run_congress(congress, {"bch": ballots_with(bch, [15] * 8 + [8] * 3, 20)})
    assert short.contest("bch").status is ContestStatus.NEEDS_ROUND
    assert short.contest("btv").status is ContestStatus.WAITING_FOR_SOURCE
    # A BCH of 7 seats, all filled, can never have a BTV.
    small = direct_congress(bch_seats=7)
    bch7 = small.plan("bch").contest
    with pytest.raises(ContestError) as raised:
        run_congress(small, {"bch": ballots_with(bch7, [15] * 7 + [8] * 2, 20)})
    assert raised.value.code == "chain.standing_needs_nine"


def test_standard_model_btv_is_counted_against_the_committee_roll() -> None:
    congress = direct_congress(
        model=ElectionModel.STANDARD, committee_roll=CommitteeRoll(present=11), btv_issued=11
    )
    bch = congress.plan("bch").contest
    btv = congress.plan("btv").contest
    record = run_congress(
        congress,
        {
            "bch": ballots_with(bch, [15] * 11 + [5] * 2, 20),
            "btv": ballots_with(
                btv, by_name(btv, {PEOPLE[0]: 11, PEOPLE[1]: 9, PEOPLE[2]: 6, PEOPLE[3]: 5}), 11
            ),
        },
    )
    btv_round = record.contest("btv").rounds[0]
    assert record.contest("btv").venue is Venue.COMMITTEE
    assert btv_round.roll.kind is CongressKind.COMMITTEE_CONFERENCE
    assert (btv_round.roll.convened, btv_round.outcome.base) == (11, 11)
    # 6 of 11 is more than half; 5 is not.
    assert set(record.contest("btv").elected) == set(PEOPLE[:3])
    assert record.contest("bt").status is ContestStatus.AWAITING_BALLOTS


def _bch_only(rounds: list[RoundPlan]) -> Congress:
    bch = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=11, candidates=PEOPLE[:13])
    return Congress(
        name="Đại hội",
        roll=ROLL,
        board=BOARD,
        contests=[ContestPlan(contest=bch, issued=20, rounds=tuple(rounds))],
    )


def test_shortfall_then_a_second_round_for_the_open_seats_against_the_same_base() -> None:
    congress = _bch_only([RoundPlan(issued=20)])
    bch = congress.plan("bch").contest
    first_votes = [15] * 9 + [8] * 4  # 9 elected, 2 seats open
    first = ballots_with(bch, first_votes, 20)
    record = run_congress(congress, {"bch": first})
    waiting = record.contest("bch")
    assert waiting.status is ContestStatus.AWAITING_BALLOTS
    assert waiting.next_round is not None
    assert waiting.next_round.seats == 2 and len(waiting.next_round.candidates) == 4
    second = waiting.next_round
    record = run_congress(
        congress, {"bch": first, "bch.r2": ballots_with(second, [12, 11, 9, 8], 20)}
    )
    done = record.contest("bch")
    assert done.status is ContestStatus.COMPLETE
    assert len(done.elected) == 11 == len(set(done.elected))
    assert [r.outcome.base for r in done.rounds] == [20, 20]
    assert done.rounds[1].contest.round == 2 and done.rounds[1].contest.id == "bch.r2"


def test_a_tie_at_the_cutoff_leads_to_a_revote_among_the_tied() -> None:
    congress = _bch_only([])
    bch = congress.plan("bch").contest
    votes = [15] * 10 + [12, 12, 5]  # two tied on 12 for the last seat
    record = run_congress(congress, {"bch": ballots_with(bch, votes, 20)})
    tied = record.contest("bch")
    assert tied.status is ContestStatus.NEEDS_REVOTE
    assert tied.next_round is not None and tied.next_round.seats == 1
    assert len(tied.next_round.candidates) == 2


def test_further_round_after_a_complete_one_is_an_error() -> None:
    congress = _bch_only([RoundPlan(issued=20)])
    bch = congress.plan("bch").contest
    with pytest.raises(ContestError) as raised:
        run_congress(congress, {"bch": ballots_with(bch, [15] * 11 + [5] * 2, 20)})
    assert raised.value.code == "round.no_open_seats"


def test_adding_names_to_a_round_needs_a_recorded_decision() -> None:
    with pytest.raises(ContestError):
        RoundPlan(issued=20, added=(PEOPLE[13],))
    plan = RoundPlan(issued=20, added=(PEOPLE[13],), list_note="Đại hội biểu quyết bổ sung 18/20")
    congress = _bch_only([plan])
    bch = congress.plan("bch").contest
    record = run_congress(congress, {"bch": ballots_with(bch, [15] * 9 + [8] * 4, 20)})
    assert PEOPLE[13] in record.contest("bch").next_round.names  # type: ignore[union-attr]


def test_cell_secretary_not_elected_in_three_rounds_is_appointed_by_the_upper_level() -> None:
    members = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=7, present=7)
    bt = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Vũ Thị Lan"])
    congress = Congress(
        name="Đại hội Chi bộ 5",
        roll=members,
        board=BOARD,
        contests=[
            ContestPlan(contest=bt, issued=7, rounds=(RoundPlan(issued=7), RoundPlan(issued=7)))
        ],
    )
    assert congress.election_model is ElectionModel.CELL
    ballots = {key: ballots_with(bt, [3], 7) for key in ("bt", "bt.r2", "bt.r3")}
    ballots = {  # each round's ballots entered against that round's list
        key: Ballots.from_arrays(
            bt.model_copy(update={"id": key, "round": number}), ballots[key].marks
        )
        for number, key in enumerate(ballots, start=1)
    }
    record = run_congress(congress, ballots)
    assert record.contest("bt").status is ContestStatus.APPOINTED_BY_UPPER_LEVEL
    assert len(record.contest("bt").rounds) == 3


def test_chi_bo_committee_rules() -> None:
    small = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=8, present=8)
    chi_uy = Contest(id="cu", body=Body.CELL_COMMITTEE, seats=3, candidates=PEOPLE[:4])
    with pytest.raises(ContestError) as raised:
        Congress(
            name="Chi bộ", roll=small, board=BOARD, contests=[ContestPlan(contest=chi_uy, issued=8)]
        )
    assert raised.value.code == "chain.cell_committee_members"
    big = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=30, present=30)
    too_many = Contest(id="cu", body=Body.CELL_COMMITTEE, seats=8, candidates=PEOPLE[:9])
    with pytest.raises(ContestError) as raised:
        Congress(
            name="Chi bộ",
            roll=big,
            board=BOARD,
            contests=[ContestPlan(contest=too_many, issued=30)],
        )
    assert raised.value.code == "chain.cell_committee_seats"


def test_committee_venue_needs_a_committee_roll_and_sources_must_come_first() -> None:
    congress = direct_congress()
    with pytest.raises(ContestError) as raised:
        Congress.model_validate({**congress.model_dump(), "model": "standard"})
    assert raised.value.code == "chain.no_committee_roll"
    plans = list(congress.contests)
    plans[1] = plans[1].model_copy(update={"draws_from": "bt"})
    with pytest.raises(ContestError) as raised:
        Congress.model_validate(
            {**congress.model_dump(), "contests": [p.model_dump() for p in plans]}
        )
    assert raised.value.code == "chain.unknown_source"


def test_draws_from_only_names_a_body_the_post_may_be_drawn_from() -> None:
    congress = direct_congress()
    plans = list(congress.contests)
    plans[2] = plans[2].model_copy(update={"draws_from": "bch"})  # secretary from the BCH: ok
    Congress.model_validate({**congress.model_dump(), "contests": [p.model_dump() for p in plans]})
    extra = ContestPlan(
        contest=Contest(id="ubkt", body=Body.INSPECTION_COMMISSION, seats=3, candidates=PEOPLE[:4]),
        issued=20,
        venue=Venue.CONGRESS,
    )
    chair = ContestPlan(
        contest=Contest(id="cn", body=Body.INSPECTION_CHAIR, seats=1, candidates=PEOPLE[:1]),
        issued=20,
        venue=Venue.CONGRESS,
        draws_from="btv",  # the chair comes from the inspection commission, not the BTV
    )
    with pytest.raises(ContestError) as raised:
        Congress.model_validate(
            {
                **congress.model_dump(),
                "contests": [p.model_dump() for p in [*congress.contests, extra, chair]],
            }
        )
    assert raised.value.code == "chain.unknown_source"


def test_single_posts_have_one_seat_and_a_chi_bo_votes_three_times_at_most() -> None:
    with pytest.raises(ContestError) as raised:
        Contest(id="bt", body=Body.SECRETARY, seats=2, candidates=PEOPLE[:3])
    assert raised.value.code == "contest.single_post"
    members = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=7, present=7)
    bt = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Vũ Thị Lan"])
    with pytest.raises(ContestError) as raised:
        Congress(
            name="Chi bộ",
            roll=members,
            board=BOARD,
            contests=[ContestPlan(contest=bt, issued=7, rounds=(RoundPlan(issued=7),) * 3)],
        )
    assert raised.value.code == "round.too_many"


def test_a_board_member_added_in_a_later_round_is_refused() -> None:
    from tally import BoardError

    added = RoundPlan(issued=20, added=("Lê Thị Hoa",), list_note="Đại hội bổ sung")
    bch = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=11, candidates=PEOPLE[:13])
    with pytest.raises(BoardError) as raised:
        Congress(
            name="Đại hội",
            roll=ROLL,
            board=BOARD,
            contests=[ContestPlan(contest=bch, issued=20, rounds=(added,))],
        )
    assert raised.value.code == "board.on_list"


def test_a_directly_elected_secretary_who_fails_leaves_the_post_open() -> None:
    from tally.render.summary import render_summary

    congress = direct_congress()
    bch, btv, bt = (p.contest for p in congress.contests)
    record = run_congress(
        congress,
        {
            "bch": ballots_with(bch, [15] * 11 + [5] * 2, 20),
            "btv": ballots_with(
                btv, by_name(btv, {PEOPLE[0]: 18, PEOPLE[1]: 16, PEOPLE[2]: 12, PEOPLE[3]: 10}), 20
            ),
            "bt": ballots_with(bt, [9], 20),  # 9 of a base of 20: not elected
        },
    )
    assert record.contest("bt").status is ContestStatus.NEEDS_ROUND
    text = flat(render_summary(record, "en"))
    assert "the post stays open for the executive committee's conference or the upper level" in text
