"""Results as pandas DataFrames — the only module that imports pandas, and only when called.

>>> from tally import Body, Contest, CongressKind, Roll, Ballots, count_contest
>>> roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3)
>>> contest = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"])
>>> result = count_contest(contest, Ballots.from_arrays(contest, [[1], [1], [2]]), roll=roll,
...                        issued=3)
>>> frame = result_frame(result)
>>> frame[["name", "votes", "against", "elected"]].to_dict("records")
[{'name': 'Lê Văn Tám', 'votes': 2, 'against': 1, 'elected': True}]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from tally.result import ContestResult

COLUMNS = (
    "contest",
    "body",
    "number",
    "name",
    "votes",
    "against",
    "unmarked",
    "base",
    "share_of_base",
    "above_threshold",
    "elected",
    "rank",
    "tied",
)


def result_frame(result: ContestResult) -> pd.DataFrame:
    """One tidy row per candidate, in ballot order; ``rank`` is the elected order (1-based)."""
    import pandas as pd

    outcome = result.outcome
    rank = {name: i for i, name in enumerate(outcome.elected, start=1)}
    tied = set(outcome.tie.candidates) if outcome.tie and not outcome.tie_resolution else set()
    rows = [
        {
            "contest": result.contest.id,
            "body": result.contest.body.value,
            "number": s.number,
            "name": s.name,
            "votes": s.votes,
            "against": s.against,
            "unmarked": s.unmarked,
            "base": outcome.base,
            "share_of_base": s.votes / outcome.base if outcome.base else float("nan"),
            "above_threshold": s.above_threshold,
            "elected": s.elected,
            "rank": rank.get(s.name),
            "tied": s.name in tied,
        }
        for s in outcome.standings
    ]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["rank"] = frame["rank"].astype("Int64")
    return frame
