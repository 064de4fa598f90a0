"""Building the list: nominations, withdrawals and the trimming poll (RULES §5)."""

from __future__ import annotations

import pytest

from tally import Body, ContestError
from tally.congress.nominations import ListDraft, ListStatus, Nomination, Withdrawal, build_list

GIVEN = ["An", "Bình", "Cúc", "Dung", "Đức", "Giang", "Hà", "Hải", "Khoa", "Lan"]
COMMITTEE_40 = [f"Phạm {m} {g}" for m in ("Văn", "Thị", "Minh", "Hữu") for g in GIVEN]
FLOOR_8 = [f"Trần Văn {g}" for g in GIVEN[:8]]


def draft(**changes: object) -> ListDraft:
    fields: dict[str, object] = {
        "body": Body.EXECUTIVE_COMMITTEE,
        "seats": 35,
        "attending": 150,
        "committee": COMMITTEE_40,
        "nominations": [Nomination(name=n, support=60) for n in FLOOR_8],
    }
    return ListDraft.model_validate({**fields, **changes})


def test_03_hd_tw_example_keeps_five_of_eight_floor_nominees() -> None:
    """35 seats, 40 from the committee, 48 with the floor: at most 45, so 5 of 8 stay."""
    poll = dict(zip(FLOOR_8, [90, 20, 80, 30, 70, 40, 60, 50], strict=True))
    built = build_list(draft(poll=poll))
    assert built.max_names == 45 and built.must_drop == 3
    assert built.status is ListStatus.READY
    assert len(built.final) == 45
    assert built.kept_by_poll == (FLOOR_8[0], FLOOR_8[2], FLOOR_8[4], FLOOR_8[6], FLOOR_8[7])
    assert set(built.dropped_by_poll) == {FLOOR_8[1], FLOOR_8[3], FLOOR_8[5]}


def test_without_the_poll_the_list_says_a_poll_is_needed_and_how_many_go() -> None:
    built = build_list(draft())
    assert built.status is ListStatus.NEEDS_POLL and built.must_drop == 3


def test_a_tie_at_the_poll_cut_is_reported() -> None:
    poll = dict(zip(FLOOR_8, [90, 80, 70, 60, 50, 50, 10, 10], strict=True))
    built = build_list(draft(poll=poll))
    assert built.status is ListStatus.POLL_TIE
    assert built.poll_tie == (FLOOR_8[4], FLOOR_8[5])


@pytest.mark.parametrize(("support", "admitted"), [(45, False), (46, True)])
def test_floor_nomination_needs_more_than_30_percent_of_those_attending(
    support: int, admitted: bool
) -> None:
    built = build_list(draft(nominations=[Nomination(name="Lê Văn Tư", support=support)]))
    assert ("Lê Văn Tư" in built.admitted) is admitted
    assert ("Lê Văn Tư" in built.not_admitted) is not admitted
    assert built.status is ListStatus.READY


def test_withdrawals_decided_by_the_congress() -> None:
    built = build_list(
        draft(
            nominations=[],
            withdrawals=[
                Withdrawal(name=COMMITTEE_40[0], approved=True, note="Đại hội đồng ý 140/150"),
                Withdrawal(name=COMMITTEE_40[1], approved=False, note="Không đồng ý"),
            ],
        )
    )
    names = [c.name for c in built.final]
    assert COMMITTEE_40[0] not in names and COMMITTEE_40[1] in names
    assert built.withdrawn == (COMMITTEE_40[0],)
    with pytest.raises(ContestError):
        build_list(draft(withdrawals=[Withdrawal(name="Ngô Văn Ai", approved=True)]))


def test_committee_list_alone_too_long_is_reported() -> None:
    built = build_list(draft(seats=30, nominations=[]))
    assert built.status is ListStatus.COMMITTEE_LIST_TOO_LONG and built.max_names == 39


def test_posts_without_a_surplus_rule_are_not_trimmed() -> None:
    built = build_list(draft(body=Body.SECRETARY, seats=1, committee=["Lê Văn Tám"]))
    assert built.max_names is None and len(built.final) == 9


def test_list_building_refuses_what_would_be_silently_wrong() -> None:
    with pytest.raises(ContestError) as raised:
        draft(poll={"Trần Văn Ann": 90})  # misspelt: it would count as 0 and drop the nominee
    assert raised.value.code == "list.poll_unknown"
    with pytest.raises(ContestError) as raised:
        draft(nominations=[Nomination(name=COMMITTEE_40[0], support=60)])
    assert raised.value.code == "list.already_listed"
    short = build_list(
        draft(
            seats=39,
            nominations=[],
            withdrawals=[Withdrawal(name=COMMITTEE_40[0], approved=True)],
        )
    )
    assert short.status is ListStatus.TOO_SHORT
