"""Regenerate the district example's ballots, round by round, from designed totals.

Run from the repository root:
``.venv/bin/python examples/district_congress/make_district_congress_ballots.py``. The BCH vote
ties at the cut-off (Dương Quang Hải and Đinh Minh Thảo on 140 for the 41st seat) and a second
round settles it; the secretary is elected directly; 25 delegates and 3 alternates come from one
ballot. The files are committed; this script rebuilds them byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tally.io.spec import load_congress
from tally.testing.designed import Design, write_designed_congress

SPEC = Path(__file__).parent / "congress.toml"


def design() -> Design:
    """Votes in ballot order for each round, with the invalid ballots by reason."""
    congress = load_congress(SPEC)
    bch = congress.plan("bch").contest.names
    special = {
        "Hoàng Xuân Dũng": 231,
        "Dương Quang Hải": 140,
        "Đinh Minh Thảo": 140,
        "Cao Thúy Giang": 118,
        "Ngô Minh Lâm": 101,
        "Lò Thanh Quân": 96,
        "Lò Đức Trung": 90,
        "Hoàng Kim Uyên": 60,
    }
    others = iter(range(229, 150, -2))
    bch_votes = [special[name] if name in special else next(others) for name in bch]
    delegates = congress.plan("dbdh").contest.names
    by_rank = [235 - 3 * r for r in range(25)] + [139, 135, 131] + [120, 95, 70]
    rank_of = np.random.default_rng(2020).permutation(len(delegates))
    return {
        "bch": (bch_votes, ["over_seats", "no_vote", "identifying_mark", "not_issued"]),
        "bch.r2": ([150, 88], ["over_seats"] * 3 + ["no_vote"] * 2),
        "bt": ([228], ["yes_no_unclear"] * 2),
        "dbdh": ([by_rank[int(r)] for r in rank_of], ["over_seats", "write_in", "no_vote"]),
    }


if __name__ == "__main__":
    write_designed_congress(SPEC, design())
