"""Regenerate the direct-election example's ballots, round by round, from designed totals.

Run from the repository root:
``.venv/bin/python examples/direct_election/make_direct_election_ballots.py``. The votes are
chosen so that the BCH ties at the cut-off (two candidates on 97 for the 15th seat) and a second
round settles it; the files are committed, and this script rebuilds them byte for byte.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from tally.ballots import Ballots
from tally.contest import BallotForm, Contest
from tally.record import round_id, run_congress
from tally.spec import load_congress

HERE = Path(__file__).parent

# Votes by ballot number of each round's list, and the invalid ballots (serial index, note).
DESIGN: dict[str, tuple[list[int], list[tuple[int, str]]]] = {
    "bch": (
        [131, 128, 97, 125, 122, 119, 116, 113, 110, 107, 104, 101, 99, 98, 97, 64, 100, 31],
        [(12, "over_seats"), (40, "identifying_mark"), (77, "no_vote")],
    ),
    "bch.r2": ([84, 60], [(5, "over_seats"), (90, "write_in")]),
    "btv": ([140, 131, 127, 118, 52, 112], [(30, "over_seats")]),
    "bt": ([137], []),
    "pbt": ([128, 119], []),
}


def rows_for(
    contest: Contest, votes: list[int], issued: int, invalid: list[tuple[int, str]]
) -> list[list[str]]:
    """CSV rows giving exactly ``votes`` on the valid ballots, plus the designed invalid ones."""
    k, seats = len(contest.candidates), contest.seats
    n_valid = issued - len(invalid)
    marks = np.zeros((n_valid, k), dtype=np.uint8)
    if contest.form is BallotForm.STRIKE_OUT:
        fill = np.zeros(n_valid, dtype=int)
        for j in np.argsort(votes, kind="stable")[::-1]:
            rows = np.argsort(fill, kind="stable")[: votes[j]]
            marks[rows, j] = 1
            fill[rows] += 1
        assert fill.min() >= 1 and fill.max() <= seats
    else:
        marks[:] = 2
        for j, v in enumerate(votes):
            marks[:v, j] = 1
    valid_rows = iter(marks)
    special = dict(invalid)
    out: list[list[str]] = []
    for i in range(1, issued + 1):
        serial = f"{contest.id.upper()}-{i:03d}"
        if i in special:
            kind = special[i]
            kept = {"over_seats": range(k), "no_vote": range(0)}.get(kind, range(seats))
            row = np.array([1 if j in kept else 0 for j in range(k)], dtype=np.uint8)
            note = kind if kind in ("identifying_mark", "write_in", "not_issued") else ""
        else:
            row, note = next(valid_rows), ""
        if contest.form is BallotForm.STRIKE_OUT:
            struck = ";".join(str(j + 1) for j in range(k) if not row[j])
            out.append([serial, struck, note])
        else:
            agree = ";".join(str(j + 1) for j in range(k) if row[j] == 1)
            disagree = ";".join(str(j + 1) for j in range(k) if row[j] == 2)
            out.append([serial, agree, disagree, note])
    return out


def main() -> None:
    congress = load_congress(HERE / "congress.toml")
    made: dict[str, Ballots] = {}

    def provide(contest_id: str, number: int, contest: Contest) -> Ballots | None:
        key = round_id(contest_id, number)
        if key in made:
            return made[key]
        plan = congress.plan(contest_id).round_plan(number)
        votes, invalid = DESIGN[key]
        rows = rows_for(contest, votes, plan.issued, invalid)
        header = (
            ["serial", "struck", "note"]
            if contest.form is BallotForm.STRIKE_OUT
            else ["serial", "agree", "disagree", "note"]
        )
        path = HERE / str(plan.ballots)
        with path.open("w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
        from tally.ballots_csv import read_ballots_csv

        made[key] = read_ballots_csv(contest, path)
        return made[key]

    run_congress(congress, provide)


if __name__ == "__main__":
    main()
