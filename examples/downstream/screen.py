"""A downstream app's own code: the lines a projection screen shows after a count.

This stands for any app that embeds ``tally`` — an entry station, a results board. Its test,
``test_screen.py`` beside it, property-tests it with ``tally.testing`` the way such an app would.
"""

from __future__ import annotations

from tally import ContestResult


def screen_lines(result: ContestResult) -> list[str]:
    """One line per candidate in ballot order — number, name, votes, and TRÚNG CỬ for the
    elected — then the ballots line.

    >>> from tally import Ballots, Body, CongressKind, Contest, Roll, count_contest
    >>> contest = Contest(id="bt", body=Body.SECRETARY, seats=1, candidates=["Lê Văn Tám"])
    >>> roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3)
    >>> result = count_contest(contest, Ballots.from_arrays(contest, [[1], [1], [2]]),
    ...                        roll=roll, issued=3)
    >>> screen_lines(result)
    ['1. Lê Văn Tám — 2 phiếu — TRÚNG CỬ', 'Phiếu hợp lệ 3/3']
    """
    lines = []
    for standing in result.outcome.standings:
        mark = " — TRÚNG CỬ" if standing.elected else ""
        lines.append(f"{standing.number}. {standing.name} — {standing.votes} phiếu{mark}")
    lines.append(f"Phiếu hợp lệ {result.count.valid}/{result.count.collected}")
    return lines
