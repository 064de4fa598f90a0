"""Contests to show on the projection page, built with tally's own API: long lists, a tie, a
shortfall, alternates. Shared by the page's tests here and the browser tests."""

from __future__ import annotations

from collections.abc import Sequence

from tally import Body, CongressKind, Contest, Roll, TieDecision, count_contest
from tally.counting.result import ContestResult
from tally.model.names import ballot_order_key
from tally.testing.designed import designed_ballots

_FAMILIES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Đặng", "Bùi")
_MIDDLES = ("Thị Phương", "Văn", "Đức", "Thị Thanh", "Quang", "Ngọc")
_GIVENS = ("Thảo", "Nguyên", "Khánh", "Trường", "Hưng", "Dũng", "Hạnh", "Quyên", "Nghĩa", "Lực")
LONG_NAME = "Công Tôn Nữ Thị Huyền Trang"
"""A long name (27 letters): it must fit on the screen too."""

VOTERS = 200


def names(n: int, long_name: bool = False) -> list[str]:
    """``n`` distinct names, in ballot order; with ``long_name``, :data:`LONG_NAME` among them."""
    made = [
        f"{_FAMILIES[i % 10]} {_MIDDLES[(i // 10) % 6]} {_GIVENS[(i * 7 + i // 10) % 10]}"
        for i in range(n)
    ]
    if long_name:
        made[-1] = LONG_NAME
    assert len(set(made)) == n
    return sorted(made, key=ballot_order_key)


def counted(
    contest: Contest,
    votes: Sequence[int],
    kind: CongressKind = CongressKind.MEMBER_CONGRESS,
    voters: int = VOTERS,
    decision: TieDecision | None = None,
) -> ContestResult:
    """``contest`` counted from ballots designed to give ``votes`` (by ballot number), with
    ``voters`` present and voting."""
    roll = Roll(kind=kind, convened=voters, present=voters)
    ballots = designed_ballots(contest, votes, valid=voters)
    return count_contest(contest, ballots, roll=roll, issued=voters, decision=decision)


def elected(n: int, long_name: bool = False, title: str | None = None) -> ContestResult:
    """``n`` delegates to the upper congress from ``n`` + ``n``//15 names, every seat
    filled, each on other votes."""
    listed = names(n + n // 15, long_name)
    contest = Contest(
        id="dbdh",
        body=Body.UPPER_DELEGATES,
        seats=n,
        candidates=listed,
        title=title or f"Bầu đại biểu dự Đại hội Đảng bộ tỉnh lần thứ XVIII ({n} đồng chí)",
    )
    # Distinct votes, every elected above half, the last few below it.
    votes = [VOTERS - 1 - (i * 90) // max(n, 1) for i in range(n)] + [60] * (n // 15)
    order = sorted(range(len(listed)), key=lambda i: (i * 37) % len(listed))
    by_number = [0] * len(listed)
    for rank, number in enumerate(order):
        by_number[number] = votes[rank]
    return counted(contest, by_number)


def tie(decision: TieDecision | None = None) -> ContestResult:
    """Five seats: four elected, two tied on 60 votes for the last (``decision``: settled)."""
    contest = Contest(
        id="btv", body=Body.STANDING_COMMITTEE, seats=5, candidates=names(6), title=None
    )
    return counted(contest, [90, 85, 60, 80, 60, 70], voters=100, decision=decision)


def shortfall() -> ContestResult:
    """Five seats, two above half: three open."""
    contest = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=5, candidates=names(6))
    return counted(contest, [90, 45, 80, 40, 30, 20], voters=100)


def alternates() -> ContestResult:
    """Three delegates and two alternates; a tie on 60 votes for the last alternate."""
    contest = Contest(
        id="dbdh",
        body=Body.UPPER_DELEGATES,
        seats=3,
        alternates=2,
        candidates=names(6),
        title="Bầu đại biểu dự Đại hội Đảng bộ tỉnh",
    )
    return counted(contest, [90, 60, 85, 70, 80, 60], CongressKind.DELEGATE_CONGRESS, 100)


def nobody() -> ContestResult:
    """One seat, nobody above half."""
    contest = Contest(id="bt", body=Body.SECRETARY, seats=1, candidates=["Lê Văn Tám"])
    return counted(contest, [50], voters=100)
