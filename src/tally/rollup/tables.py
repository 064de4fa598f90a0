"""The roll-up's tables, as plain rows: one row per candidate per contest round, one row per
congress of progress, one row per elected body of composition. Counts are integers; a share is
given beside the votes and the base it is of, for display.

>>> from tally.io.spec import load_congress
>>> from tally.congress.run import run_congress
>>> record = run_congress(load_congress("examples/youth_union/congress.toml"), {})
>>> progress_row(record)["awaiting_ballots"], progress_row(record)["seats_open"]
(1, 1)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tally.congress.composition import TARGET_NAMES
from tally.congress.run import CongressRecord, ContestStatus

Row = dict[str, Any]

CANDIDATE_COLUMNS = (
    "congress",
    "term",
    "date",
    "level",
    "contest",
    "body",
    "round",
    "number",
    "candidate",
    "gender",
    "ethnicity",
    "birth_date",
    "incumbent",
    "votes",
    "base",
    "share",
    "result",
)
PROGRESS_COUNTS = (
    "contests",
    "complete",
    "awaiting_ballots",
    "awaiting_decision",
    "seats",
    "seats_filled",
    "seats_open",
)
"""The counts of a congress's progress row (summed in the department's totals)."""
PROGRESS_COLUMNS = (
    "unit",
    "reported",
    "planned_date",
    "congress",
    "term",
    "date",
    "level",
    *PROGRESS_COUNTS,
)
_COMPOSITION_COUNTS = ("size", "women", "minorities", "under_40", "reelected", "new")
_TARGETED = {name.removesuffix("_percent"): name for name in TARGET_NAMES}
"""The composition columns a target may be set for, and the target's name."""
_TARGET_COLUMNS = tuple(f"{column}_target" for column in _TARGETED)
_MET_COLUMNS = tuple(f"{column}_met" for column in _TARGETED)
COMPOSITION_COLUMNS = (
    "congress",
    "term",
    "date",
    "level",
    "contest",
    "body",
    *_COMPOSITION_COUNTS,
    *(f"{column}_{part}" for column in _TARGETED for part in ("target", "met")),
)
INTEGER_COLUMNS = frozenset(
    {"round", "number", "votes", "base", *PROGRESS_COUNTS, *_COMPOSITION_COUNTS, *_TARGET_COLUMNS}
)
"""The columns that hold integers in every format: counts, and targets (percent of the body;
empty when none was set)."""
BOOLEAN_COLUMNS = frozenset({"reported", *_MET_COLUMNS})
"""The columns that hold true or false (empty for a target not set)."""
_WAITING = frozenset({ContestStatus.AWAITING_BALLOTS, ContestStatus.WAITING_FOR_SOURCE})


def _congress_cells(record: CongressRecord) -> Row:
    congress = record.congress
    return {
        "congress": congress.name,
        "term": congress.term or "",
        "date": congress.date.isoformat() if congress.date else "",
        "level": congress.level.value if congress.level else "",
    }


def candidate_rows(record: CongressRecord) -> Iterable[Row]:
    """Every candidate of every counted round: votes, base, share and what it made them."""
    head = _congress_cells(record)
    decimals = record.congress.rules.percent.decimals
    for contest in record.contests:
        for result in contest.rounds:
            outcome = result.outcome
            people = {c.name: c for c in result.contest.candidates}
            for standing in outcome.standings:
                person = people[standing.name]
                if standing.elected:
                    made = "elected"
                elif standing.alternate:
                    made = "alternate"
                else:
                    made = "not_elected"
                base = outcome.base
                yield {
                    **head,
                    "contest": contest.contest_id,
                    "body": contest.body.value,
                    "round": result.contest.round,
                    "number": standing.number,
                    "candidate": standing.name,
                    "gender": person.gender or "",
                    "ethnicity": person.ethnicity or "",
                    "birth_date": person.birth_date.isoformat() if person.birth_date else "",
                    "incumbent": "" if person.incumbent is None else person.incumbent,
                    "votes": standing.votes,
                    "base": base,
                    "share": round(100 * standing.votes / base, decimals) if base else None,
                    "result": made,
                }


def progress_row(record: CongressRecord) -> Row:
    """Where one congress stands: its contests complete, waiting, or needing a decision.

    ``unit`` is the spec's ``[congress] unit``, else the congress's name."""
    contests = record.contests
    statuses = [c.status for c in contests]
    seats = sum(c.seats for c in contests)
    filled = sum(len(c.elected) for c in contests)
    complete = statuses.count(ContestStatus.COMPLETE)
    waiting = sum(status in _WAITING for status in statuses)
    congress = record.congress
    return {
        "unit": congress.unit or congress.name,
        "reported": True,
        "planned_date": "",
        **_congress_cells(record),
        "contests": len(contests),
        "complete": complete,
        "awaiting_ballots": waiting,
        "awaiting_decision": len(contests) - complete - waiting,
        "seats": seats,
        "seats_filled": filled,
        "seats_open": seats - filled,
    }


def composition_rows(record: CongressRecord) -> Iterable[Row]:
    """The make-up of each elected body of the congress (when its date is known), and each
    target the body has (its own, else the congress's default): the percent required
    (``women_target``) and whether it is met (``women_met``, ``100 * count >= target * size``);
    both empty where no target was set."""
    if record.congress.date is None:
        return
    head = _congress_cells(record)
    for contest in record.contests:
        if not contest.body.is_collective or not contest.elected:
            continue
        made = record.composition(contest.contest_id, record.congress.targets)
        found = {f.target: f for f in made.findings}
        row = {
            **head,
            "contest": contest.contest_id,
            "body": contest.body.value,
            "size": made.size,
            "women": made.women,
            "minorities": made.minorities,
            "under_40": made.age_bands.get("under_40", 0),
            "reelected": made.reelected,
            "new": made.new,
        }
        for column, target in _TARGETED.items():
            finding = found.get(target)
            row[f"{column}_target"] = finding.required_percent if finding else None
            row[f"{column}_met"] = finding.met if finding else None
        yield row


def totals(rows: Iterable[Row], columns: tuple[str, ...]) -> Row:
    """The sum of each numeric column of ``rows`` (the department's totals); a target is a
    percent, not a count, and is not summed."""
    summed: Row = {}
    for row in rows:
        for column in columns:
            if column in _TARGET_COLUMNS:
                continue
            value = row.get(column)
            if isinstance(value, int) and not isinstance(value, bool):
                summed[column] = summed.get(column, 0) + value
    return summed


def unplanned_rows(plan: Iterable[Row], reported: Iterable[Row]) -> list[Row]:
    """The units of ``plan`` (``unit``, ``level``, ``planned_date``) with no reported congress:
    progress rows that say so, every count zero."""
    seen = {row["unit"] for row in reported}
    return [
        {
            "unit": unit["unit"],
            "reported": False,
            "planned_date": unit.get("planned_date", ""),
            "congress": "",
            "term": "",
            "date": "",
            "level": unit.get("level", ""),
            **dict.fromkeys(PROGRESS_COUNTS, 0),
        }
        for unit in plan
        if unit["unit"] not in seen
    ]
