"""Regenerate the direct-election example's ballots, round by round, from designed totals.

Run from the repository root:
``.venv/bin/python examples/direct_election/make_direct_election_ballots.py``. The votes are
chosen so that the BCH ties at the cut-off (two candidates on 97 for the 15th seat) and a second
round settles it; the files are committed, and this script rebuilds them byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from tally.testing.designed import Design, write_designed_congress

# Votes by ballot number of each round's list, and the invalid ballots by reason.
DESIGN: Design = {
    "bch": (
        [131, 128, 97, 125, 122, 119, 116, 113, 110, 107, 104, 101, 99, 98, 97, 64, 100, 31],
        ["over_seats", "identifying_mark", "no_vote"],
    ),
    "bch.r2": ([84, 60], ["over_seats", "write_in"]),
    "btv": ([140, 131, 127, 118, 52, 112], ["over_seats"]),
    "bt": ([137], []),
    "pbt": ([128, 119], []),
}

if __name__ == "__main__":
    write_designed_congress(Path(__file__).parent / "congress.toml", DESIGN)
