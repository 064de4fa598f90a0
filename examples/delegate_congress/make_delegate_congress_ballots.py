"""Regenerate ``ballots_bch.csv``, the example's executive-committee ballots (fixed seed).

Run from the repository root:
``.venv/bin/python examples/delegate_congress/make_delegate_congress_ballots.py``. The file is
committed; this script documents how it was made and lets anyone rebuild it byte for byte.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from tally.io.spec import load_congress

HERE = Path(__file__).parent
SEED = 2025


def main() -> None:
    congress = load_congress(HERE / "congress.toml")
    plan = congress.plan("bch")
    contest = plan.contest
    rng = np.random.default_rng(SEED)
    k = len(contest.candidates)
    # Each candidate's "unpopularity": the chance weight of having their name struck.
    weight = rng.gamma(shape=1.2, scale=1.0, size=k)
    weight[rng.choice(k, size=4, replace=False)] *= 9
    weight /= weight.sum()
    rows: list[list[str]] = []
    special = {
        17: ("", ""),  # nothing struck: over_seats
        58: ("1;2", ""),  # only two struck: over_seats
        102: (";".join(str(i) for i in range(1, k + 1)), ""),  # all struck: no_vote
        131: ("5;9;22;30", "write_in"),
        166: ("3;9;14;36", "identifying_mark"),
    }
    for n in range(1, plan.issued + 1):
        serial = f"BCH-{n:03d}"
        if n in special:
            struck, note = special[n]
        else:
            strikes = contest.seats and (k - contest.seats) + int(rng.binomial(4, 0.3))
            chosen = rng.choice(k, size=strikes, replace=False, p=weight)
            struck, note = ";".join(str(i + 1) for i in sorted(chosen)), ""
        rows.append([serial, struck, note])
    with (HERE / "ballots_bch.csv").open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["serial", "struck", "note"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()
