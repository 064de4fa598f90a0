"""Independent entry at several stations: compare their logs, merge them, record rulings.

Provincial practice enters the same stack of ballots on two or three computers until they agree.
Each station writes its own log (or one log carries several station ids). :func:`reconcile`
replays every log and lists, per contest, every difference by serial and candidate;
:func:`merge` writes one log holding every station's readings, fingerprinted by the stations'
final hashes, then the board's rulings — and closes the count only when nothing is left
unresolved.

>>> import tempfile, pathlib, datetime as dt
>>> from tally import Body, Contest, CongressKind, Roll
>>> from tally.session import CountingSession
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> contest = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"])
>>> roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3)
>>> for station, third in (("A", "agree"), ("B", "disagree")):
...     s = CountingSession.open(folder / f"{station}.jsonl", station=station)
...     bt = s.open_contest(contest, roll=roll)
...     bt.issue(3)
...     _ = bt.record("1", agree=[1]); _ = bt.record("2", agree=[1])
...     _ = bt.record("3", **{third: [1]})
>>> report = reconcile([folder / "A.jsonl", folder / "B.jsonl"])[0]
>>> [(d.serial, d.kind.value, d.values) for d in report.discrepancies]
[('3', 'marks', {'A': '1', 'B': '2'})]
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tally.errors import InputFileError, Location, ReconciliationError, TallyError
from tally.events import (
    BallotRecorded,
    BallotsCollected,
    BallotsIssued,
    BatchDeclared,
    BoardConstituted,
    ContestOpened,
    CountClosed,
    DiscrepancyRuled,
    ResultFigures,
    StationsMerged,
    StationSource,
)
from tally.files import read_utf8
from tally.readings import Discrepancy, discrepancies, reading_of
from tally.replay import Replay, replay
from tally.session import Clock, ContestState, CountingSession, local_now


@dataclass(frozen=True)
class StationCount:
    """One station's entries of a contest: how many ballots, and how many per batch."""

    station: str
    ballots: int
    batches: dict[str, int]


@dataclass(frozen=True)
class ContestReconciliation:
    """The stations' readings of one contest compared."""

    key: str
    sources: tuple[StationSource, ...]
    stations: tuple[StationCount, ...]
    expected: dict[str, int]
    """Batch → the number of ballots declared for it."""
    discrepancies: tuple[Discrepancy, ...]
    state: ContestState = field(repr=False)
    """The contest as the first log holds it (definition, roll, rules, figures)."""

    @property
    def agreed(self) -> bool:
        """True when every station read every ballot alike."""
        return not self.discrepancies

    @property
    def disputed(self) -> tuple[str, ...]:
        """The serials the stations differ on, in first-entered order."""
        return tuple(dict.fromkeys(d.serial for d in self.discrepancies))


def reconcile(paths: Sequence[str | Path]) -> list[ContestReconciliation]:
    """Replay each log and compare the stations' readings of every contest they hold.

    The logs must hold the same contests (same list, roll and rules) and agree on the board's
    figures; otherwise :class:`LogError` names the contest, the files and the field.
    """
    return _compare([replay(path) for path in paths])


def _compare(logs: Sequence[Replay]) -> list[ContestReconciliation]:
    labels = _station_labels(logs)
    keys = list(dict.fromkeys(key for log in logs for key in log.keys))
    reports = []
    for key in keys:
        holders = [(i, log) for i, log in enumerate(logs) if key in log.keys]
        first = holders[0][1]
        state = first.contest(key)
        for _, other in holders[1:]:
            _same_contest(key, first, other)
        readings: dict[str, dict[str, Any]] = {}
        sources: list[StationSource] = []
        for index, log in holders:
            contest_state = log.contest(key)
            for station, entries in contest_state.readings().items():
                label = labels[(index, station)]
                readings[label] = entries
                sources.append(
                    StationSource(
                        station=label,
                        file=log.path.name,
                        events=len(log.events),
                        final_hash=log.final_hash,
                    )
                )
        counts = tuple(
            StationCount(
                station=label,
                ballots=len(entries),
                batches=_batch_counts(entries.values()),
            )
            for label, entries in readings.items()
        )
        reports.append(
            ContestReconciliation(
                key=key,
                sources=tuple(sources),
                stations=counts,
                expected=dict(state.batches),
                discrepancies=tuple(discrepancies(state.contest, readings)),
                state=state,
            )
        )
    return reports


def _batch_counts(readings: Iterable[Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for reading in readings:
        if reading.batch is not None:
            counts[reading.batch] = counts.get(reading.batch, 0) + 1
    return counts


def _station_labels(logs: Sequence[Replay]) -> dict[tuple[int, str], str]:
    """Each (log, station id) pair's label: the station id when unique across the logs, else
    the file name with the station id."""
    pairs = [
        (i, station)
        for i, log in enumerate(logs)
        for state in log.state.contests.values()
        for station in state.stations
    ]
    pairs = list(dict.fromkeys(pairs))
    owners: dict[str, set[int]] = {}
    for i, station in pairs:
        owners.setdefault(station, set()).add(i)
    return {
        (i, station): station if len(owners[station]) == 1 else f"{logs[i].path.name}:{station}"
        for i, station in pairs
    }


def _same_contest(key: str, first: Replay, other: Replay) -> None:
    a, b = first.contest(key), other.contest(key)
    checks = (
        ("definition", a.contest, b.contest),
        ("roll", a.roll, b.roll),
        ("rules", a.rules, b.rules),
    )
    for what, left, right in checks:
        if left != right:
            _differs(key, what, first, other)
    for what in ("issued", "collected", "board"):
        left, right = getattr(a, what), getattr(b, what)
        if left not in (None, ()) and right not in (None, ()) and left != right:
            _differs(key, what, first, other)
    for batch, expected in b.batches.items():
        if a.batches.get(batch, expected) != expected:
            _differs(key, f"batch {batch}", first, other)


def _differs(key: str, what: str, first: Replay, other: Replay) -> None:
    raise ReconciliationError(
        "stations.contest_differs",
        Location(file=str(other.path)),
        contest=key,
        what=what,
        first=first.path.name,
    )


@dataclass(frozen=True)
class Ruling:
    """The board's reading of a disputed ballot, as given in a rulings file or by an app.

    ``marks`` uses the entry keywords (``struck``, ``kept``, ``agree``, ``disagree``,
    ``both``: ballot numbers or names); ``absent`` says there is no such ballot.
    """

    contest: str
    serial: str
    note: str
    marks: dict[str, list[int | str]] = field(default_factory=dict)
    observations: tuple[str, ...] = ()
    batch: str | None = None
    absent: bool = False


_MARK_KEYS = ("struck", "kept", "agree", "disagree", "both")
_RULING_KEYS = frozenset({"contest", "serial", "note", "observations", "batch", "absent"})


def load_rulings(path: str | Path, default_contest: str | None = None) -> list[Ruling]:
    """Rulings from a TOML file of ``[[ruling]]`` tables (see docs/audit.md)."""
    source = str(path)
    try:
        data = tomllib.loads(read_utf8(Path(path)))
    except tomllib.TOMLDecodeError as exc:
        raise InputFileError("rulings.toml", Location(file=source), detail=str(exc)) from None
    entries = data.get("ruling", [])
    if not isinstance(entries, list):
        raise InputFileError("rulings.shape", Location(file=source, field="ruling"))
    rulings = []
    for number, entry in enumerate(entries, start=1):
        where = Location(file=source, field=f"ruling[{number}]")
        if not isinstance(entry, dict):
            raise InputFileError("rulings.shape", where)
        unknown = set(entry) - _RULING_KEYS - set(_MARK_KEYS)
        if unknown:
            raise InputFileError(
                "rulings.unknown_key",
                where,
                key=", ".join(sorted(unknown)),
                allowed=", ".join([*sorted(_RULING_KEYS), *_MARK_KEYS]),
            )
        contest = entry.get("contest", default_contest)
        serial, note = entry.get("serial"), entry.get("note")
        if not isinstance(contest, str) or not isinstance(serial, str) or not serial.strip():
            raise InputFileError("rulings.missing", where, key="contest, serial")
        if not isinstance(note, str) or not note.strip():
            raise InputFileError("rulings.missing", where, key="note")
        marks = {key: entry[key] for key in _MARK_KEYS if key in entry}
        for key, value in marks.items():
            if not isinstance(value, list):
                raise InputFileError("rulings.not_list", where, key=key)
        observations = entry.get("observations", [])
        batch = entry.get("batch")
        absent = entry.get("absent", False)
        if (
            not isinstance(observations, list)
            or not all(isinstance(o, str) for o in observations)
            or (batch is not None and not isinstance(batch, str))
            or not isinstance(absent, bool)
        ):
            raise InputFileError("rulings.shape", where)
        rulings.append(
            Ruling(
                contest=contest,
                serial=serial.strip(),
                note=note.strip(),
                marks=marks,
                observations=tuple(observations),
                batch=batch,
                absent=absent,
            )
        )
    return rulings


def merge(
    paths: Sequence[str | Path],
    output: str | Path,
    rulings: Sequence[Ruling] = (),
    *,
    clock: Clock = local_now,
) -> Replay:
    """Write one log at ``output`` holding every station's current readings of each contest,
    the board's ``rulings``, and — where nothing is left unresolved — the closed count.

    ``output`` must not exist. A ruling on a serial the stations agree on, or naming an unknown
    candidate, is refused before anything is written.
    """
    target = Path(output)
    if target.exists():
        raise InputFileError("stations.output_exists", Location(file=str(target)))
    logs = [replay(path) for path in paths]
    reports = _compare(logs)
    first = logs[0]
    by_contest: dict[str, list[Ruling]] = {}
    for ruling in rulings:
        if ruling.contest not in {r.key for r in reports}:
            raise ReconciliationError(
                "log.unknown_contest",
                Location(field=f"ruling {ruling.serial}"),
                contest=ruling.contest,
                known=", ".join(r.key for r in reports),
            )
        by_contest.setdefault(ruling.contest, []).append(ruling)
    planned = [(report, _ruled(report, by_contest.get(report.key, []))) for report in reports]
    session = CountingSession.open(
        target,
        station="board",
        congress=first.state.opened.congress if first.state.opened else None,
        clock=clock,
    )
    for report, ruled in planned:
        _write_contest(session, report, ruled, logs)
    return replay(target)


def _ruled(report: ContestReconciliation, rulings: list[Ruling]) -> list[DiscrepancyRuled]:
    disputed = set(report.disputed)
    events = []
    for ruling in rulings:
        where = Location(field=f"ruling {ruling.serial}", serial=ruling.serial)
        if ruling.serial not in disputed:
            raise ReconciliationError("log.no_discrepancy", where, serial=ruling.serial)
        reading = (
            None
            if ruling.absent
            else reading_of(
                report.state.contest,
                ruling.serial,
                observations=ruling.observations,
                batch=ruling.batch,
                where=where,
                **ruling.marks,
            )
        )
        events.append(
            DiscrepancyRuled(
                contest=report.key, serial=ruling.serial, reading=reading, note=ruling.note
            )
        )
    return events


def _write_contest(
    session: CountingSession,
    report: ContestReconciliation,
    rulings: list[DiscrepancyRuled],
    logs: Sequence[Replay],
) -> None:
    state, key = report.state, report.key
    holders = [log.contest(key) for log in logs if key in log.keys]
    session.write(
        ContestOpened(
            contest=key,
            definition=state.contest,
            roll=state.roll,
            rules=state.rules,
            at=state.opened_at,
        )
    )
    board = next((h.board for h in holders if h.board), ())
    if board:
        session.write(BoardConstituted(contest=key, members=board))
    issued = next((h.issued for h in holders if h.issued is not None), None)
    if issued is not None:
        session.write(BallotsIssued(contest=key, issued=issued))
    batches: dict[str, int] = {}
    for holder in holders:
        batches.update(holder.batches)
    for batch, expected in batches.items():
        session.write(BatchDeclared(contest=key, batch=batch, expected=expected))
    session.write(StationsMerged(contest=key, sources=report.sources))
    labels = _station_labels(logs)
    index_of = {id(log): i for i, log in enumerate(logs)}
    for log in logs:
        if key not in log.keys:
            continue
        for station, entries in log.contest(key).stations.items():
            label = labels[(index_of[id(log)], station)]
            for serial, entry in entries.items():
                original = log.events[entry.seq - 1]
                session.write(
                    BallotRecorded(
                        contest=key,
                        serial=serial,
                        station=label,
                        at=original.data["at"],
                        **dict(entry.reading),
                    )
                )
    for ruling in rulings:
        session.write(ruling)
    seen: set[tuple[str, str]] = set()
    for holder in holders:
        for complaint in holder.complaints:
            if (complaint.summary, complaint.settlement) not in seen:
                seen.add((complaint.summary, complaint.settlement))
                session.write(complaint.model_copy(update={"contest": key}))
    collected = next((h.collected for h in holders if h.collected is not None), None)
    if collected is not None:
        session.write(BallotsCollected(contest=key, collected=collected))
    merged = session.state.contests[key]
    ruled = {r.serial for r in rulings}
    if issued is None or not set(report.disputed) <= ruled:
        return
    try:
        _, result = merged.count()
    except ReconciliationError:
        return  # e.g. a batch short: the merged log stays open; `closing_problem` says why
    session.write(CountClosed(contest=key, at=session.clock(), figures=ResultFigures.of(result)))


def closing_problem(state: ContestState) -> TallyError | None:
    """Why the count of ``state`` cannot close yet, or ``None`` if it can (or has)."""
    if state.closed:
        return None
    try:
        state.count()
    except TallyError as exc:
        return exc
    return None
