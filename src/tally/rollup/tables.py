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

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tally.congress.composition import TARGET_NAMES
from tally.congress.run import CongressRecord, ContestStatus
from tally.errors import InputFileError, Location
from tally.rollup.collect import Duplicate, Identity, Registry, read_one

Row = dict[str, Any]
Tables = dict[str, tuple[list[Row], tuple[str, ...]]]
"""Each table's rows and columns, by name (candidates, progress, composition)."""

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
    percent = record.congress.rules.percent
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
                    "share": percent.value(standing.votes, base),
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


# --- the whole roll-up, one congress at a time ------------------------------------------------

PARALLEL_FROM = 64
"""From this many inputs on, :func:`roll_up` reads them in several processes by default."""
MAX_WORKERS = 8


@dataclass(frozen=True)
class Summary:
    """One congress reduced to what the roll-up keeps of it: who it is, its content's
    fingerprint and its rows (the record itself is dropped)."""

    identity: Identity
    fingerprint: str
    progress: Row
    candidates: list[Row]
    composition: list[Row]


def summarise(path: Path) -> Summary:
    """The congress in ``path`` (read and checked as :func:`~tally.rollup.collect.read_one`
    does), as its rows."""
    reported = read_one(path)
    record = reported.record
    return Summary(
        reported.identity,
        reported.fingerprint,
        progress_row(record),
        list(candidate_rows(record)),
        list(composition_rows(record)),
    )


@dataclass(frozen=True)
class RollUp:
    """The tables of a roll-up, how many congresses they hold, and the repeated files left
    out."""

    tables: Tables
    congresses: int
    duplicates: tuple[Duplicate, ...]


def roll_up(paths: list[Path], plan: list[Row] | None = None, workers: int | None = None) -> RollUp:
    """The three tables of ``paths`` — the same rows, in the same order, as
    :func:`~tally.rollup.collect.collect` followed by the row functions — keeping only the rows
    of each congress, not its record, so that memory grows with the rows alone. Files are read
    in ``workers`` processes (by default one per CPU, up to 8, from 64 files on); an error is
    the one the first failing file in ``paths`` order gives, as when read one by one. ``plan``
    (:func:`~tally.rollup.units.read_units`) adds the units not yet reported.

    >>> import tempfile, pathlib, subprocess, sys
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> out = subprocess.run([sys.executable, "-m", "tally", "count",
    ...     "examples/youth_union/congress.toml", "--format", "json"], capture_output=True,
    ...     text=True)
    >>> _ = (folder / "a.json").write_text(out.stdout, encoding="utf-8")
    >>> done = roll_up([folder / "a.json"], [{"unit": "Chi bộ 5", "level": "", "planned_date": ""}])
    >>> done.congresses, [len(rows) for rows, _ in done.tables.values()]
    (1, [1, 2, 0])
    """
    if not paths:
        raise InputFileError("rollup.no_input", Location())
    registry = Registry()
    candidates: list[Row] = []
    progress: list[Row] = []
    composition: list[Row] = []
    for summary in unique_summaries(paths, workers, registry):
        progress.append(summary.progress)
        candidates.extend(summary.candidates)
        composition.extend(summary.composition)
    congresses = len(progress)
    if plan is not None:
        progress += unplanned_rows(plan, progress)
    tables: Tables = {
        "candidates": (candidates, CANDIDATE_COLUMNS),
        "progress": (progress, PROGRESS_COLUMNS),
        "composition": (composition, COMPOSITION_COLUMNS),
    }
    return RollUp(tables, congresses, tuple(registry.duplicates))


def unique_summaries(
    paths: list[Path], workers: int | None, registry: Registry
) -> Iterator[Summary]:
    """Each congress of ``paths`` once, in order, as it is read: a repeat is noted in
    ``registry`` and left out, a conflict raised (see :class:`~tally.rollup.collect.Registry`)."""
    if not paths:
        raise InputFileError("rollup.no_input", Location())
    for path, summary in _summaries(paths, workers):
        if registry.is_new(summary.identity, summary.fingerprint, path):
            yield summary


def _summaries(paths: list[Path], workers: int | None) -> Iterator[tuple[Path, Summary]]:
    """Each path with its summary, in order: read here, or in worker processes."""
    if workers is None:
        workers = min(os.cpu_count() or 1, MAX_WORKERS) if len(paths) >= PARALLEL_FROM else 1
    if workers <= 1:
        for path in paths:
            yield path, summarise(path)
        return
    pool = ProcessPoolExecutor(workers)
    try:
        chunk = max(1, min(64, len(paths) // (4 * workers)))
        for path, summary in zip(
            paths, pool.map(_summary_or_none, paths, chunksize=chunk), strict=True
        ):
            # a file a worker could not read is read again here, to raise its very error
            yield path, summary if summary is not None else summarise(path)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _summary_or_none(path: Path) -> Summary | None:
    """In a worker: the summary, or ``None`` when reading fails (tally's errors carry
    parameters that do not cross processes; the parent reads the file again)."""
    try:
        return summarise(path)
    except Exception:  # any failure: the parent reads the file again and raises it
        return None
