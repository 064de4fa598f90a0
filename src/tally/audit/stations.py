"""Independent entry at several stations: compare their logs, check rulings, merge them.

Provincial practice enters the same stack of ballots on two or three computers until they agree.
Each station writes its own log. :func:`reconcile` replays every log and lists, per contest,
every difference by serial and candidate, checks the board's rulings against them, and says
whether the count could close; :func:`merge` writes one new log holding every station's
readings, fingerprinted by the stations' final hashes, then the rulings — and closes the count
only when nothing is left unresolved.

>>> import tempfile, pathlib, datetime as dt
>>> from tally import Body, Contest, CongressKind, Roll
>>> from tally.audit.session import CountingSession
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> contest = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"])
>>> roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3)
>>> for station, third in (("A", "agree"), ("B", "disagree")):
...     s = CountingSession.open(folder / f"{station}.jsonl", station=station)
...     bt = s.open_contest(contest, roll=roll)
...     bt.issue(3)
...     _ = bt.record("1", agree=[1]); _ = bt.record("2", agree=[1])
...     _ = bt.record("3", **{third: [1]})
>>> report = compare_stations([folder / "A.jsonl", folder / "B.jsonl"])[0]
>>> [(d.serial, d.kind.value, d.values) for d in report.discrepancies]
[('3', 'marks', {'A': '1', 'B': '2'})]
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from tally.arguments import checked
from tally.audit.events import (
    BallotRecorded,
    BallotsCollected,
    BallotsIssued,
    BallotWithdrawn,
    BatchDeclared,
    BoardConstituted,
    ContestOpened,
    CountClosed,
    DiscrepancyRuled,
    Reading,
    ResultFigures,
    StationsMerged,
    StationSource,
)
from tally.audit.log import place_new
from tally.audit.readings import ABSENT, Discrepancy, DiscrepancyKind, discrepancies, reading_of
from tally.audit.replay import Replay, replay
from tally.audit.rulings import (
    Ruling,
    SerialCorrection,
    corrected,
    load_rulings,
    serial_corrections,
)
from tally.audit.session import CountingSession
from tally.audit.state import ContestState, Entry
from tally.errors import InputFileError, Location, ReconciliationError, TallyError
from tally.i18n.messages import Phrase
from tally.model.lookalikes import skeleton

__all__ = [
    "ContestReconciliation",
    "Ruling",
    "SerialCorrection",
    "StationCount",
    "closing_problem",
    "compare_stations",
    "count_time",
    "load_rulings",
    "merge",
]


@dataclass(frozen=True)
class StationCount:
    """One station's entries of a contest: how many ballots, and how many per batch."""

    station: str
    ballots: int
    batches: dict[str, int]


@dataclass(frozen=True)
class ContestReconciliation:
    """The stations' readings of one contest compared, with the board's rulings checked."""

    key: str
    sources: tuple[StationSource, ...]
    stations: tuple[StationCount, ...]
    expected: dict[str, int]
    """Batch → the number of ballots declared for it."""
    discrepancies: tuple[Discrepancy, ...]
    rulings: tuple[DiscrepancyRuled, ...]
    problem: TallyError | None
    """Why the count cannot close with these readings and rulings (``None``: it can)."""
    state: ContestState = field(repr=False)
    """The contest as the logs hold it, with every station's readings and the rulings."""
    corrections: tuple[SerialCorrection, ...] = ()
    """The serials the board ruled were mistyped, compared under the ballot they are."""

    @property
    def agreed(self) -> bool:
        """True when every station read every ballot alike (a serial spelt two ways, which
        names one paper, is shown but not a difference of reading)."""
        return not self.disputed

    @property
    def disputed(self) -> tuple[str, ...]:
        """The serials the stations read differently, in first-entered order."""
        return tuple(dict.fromkeys(d.serial for d in self.discrepancies if d.kind is not _SPELT))

    @property
    def unruled(self) -> tuple[str, ...]:
        """The disputed serials with no ruling yet."""
        ruled = {r.serial for r in self.rulings}
        return tuple(s for s in self.disputed if s not in ruled)


@checked
def compare_stations(
    paths: Sequence[str | Path], rulings: Sequence[Ruling] = ()
) -> list[ContestReconciliation]:
    """Replay each station's log and compare their readings of every contest; check
    ``rulings`` against the differences.

    Every log is a station (a log that entered nothing for a contest misses every ballot).
    The logs must hold the same contests, with the same list, roll, rules and figures, and be
    entry logs (no rulings or decisions of their own); otherwise
    :class:`ReconciliationError` names the file, the contest and what differs.
    """
    return _reconcile(_load(paths), rulings)


@dataclass(frozen=True)
class _Station:
    label: str
    log: Replay
    station: str


def _load(paths: Sequence[str | Path]) -> list[Replay]:
    if isinstance(paths, str | Path) or not paths:
        raise ReconciliationError("stations.no_logs", Location())
    logs = [replay(path) for path in paths]
    seen: dict[object, Path] = {}
    for log in logs:
        for key in (log.path.resolve(), log.final_hash):
            if key in seen:
                raise ReconciliationError(
                    "stations.same_log", Location(file=str(log.path)), first=str(seen[key])
                )
            seen[key] = log.path
    return logs


def _reconcile(logs: Sequence[Replay], rulings: Sequence[Ruling]) -> list[ContestReconciliation]:
    keys = list(dict.fromkeys(key for log in logs for key in log.keys))
    known = set(keys)
    for ruling in rulings:
        if ruling.contest not in known:
            raise ReconciliationError(
                "rulings.unknown_contest",
                ruling.source,
                contest=ruling.contest,
                known=", ".join(keys),
            )
    return [_contest(key, logs, [r for r in rulings if r.contest == key]) for key in keys]


def _contest(key: str, logs: Sequence[Replay], rulings: list[Ruling]) -> ContestReconciliation:
    for log in logs:
        if key not in log.keys:
            raise ReconciliationError(
                "stations.contest_missing", Location(file=str(log.path)), contest=key
            )
        state = log.contest(key)
        if state.rulings or state.decisions:
            raise ReconciliationError(
                "stations.not_entry_log", Location(file=str(log.path)), contest=key
            )
    first = logs[0]
    for other in logs[1:]:
        _same_contest(key, first, other)
    stations = _stations(key, logs)
    typed = {s.label: s.log.contest(key).readings().get(s.station, {}) for s in stations}
    ids = {s.label: s.station for s in stations}
    corrections = serial_corrections(typed, [r for r in rulings if r.corrects_serial], ids)
    typed = corrected(typed, corrections)
    rulings = [r for r in rulings if not r.corrects_serial]
    spelling = _spellings(typed)
    readings = {
        label: {spelling[skeleton(serial)]: reading for serial, reading in entries.items()}
        for label, entries in typed.items()
    }
    sources = tuple(
        StationSource(
            station=s.label,
            file=s.log.path.name,
            events=len(s.log.events),
            final_hash=s.log.final_hash,
        )
        for s in stations
    )
    base = first.contest(key)
    found = _spelt_otherwise(typed, spelling) + discrepancies(base.contest, readings)
    rulings = [_spelt_as_entered(r, spelling) for r in rulings]
    batches: dict[str, int] = {}
    for log in logs:
        batches.update(log.contest(key).batches)
    ruled = _rulings(base, found, readings, rulings, batches)
    combined = replace(
        base,
        stations={
            label: {serial: Entry(0, reading) for serial, reading in entries.items()}
            for label, entries in readings.items()
        },
        batches=batches,
        rulings={r.serial: r for r in ruled},
        issued=next(
            (log.contest(key).issued for log in logs if log.contest(key).issued is not None), None
        ),
        collected=next(
            (log.contest(key).collected for log in logs if log.contest(key).collected is not None),
            None,
        ),
        closed_at=None,
        ballots=None,
        result=None,
        decisions=[],
    )
    return ContestReconciliation(
        key=key,
        sources=sources,
        stations=tuple(
            StationCount(
                station=label, ballots=len(entries), batches=_batch_counts(entries.values())
            )
            for label, entries in readings.items()
        ),
        expected=batches,
        discrepancies=tuple(found),
        rulings=tuple(ruled),
        problem=closing_problem(combined),
        state=combined,
        corrections=corrections,
    )


def _stations(key: str, logs: Sequence[Replay]) -> list[_Station]:
    """Every station of every log for ``key``, labelled uniquely: the station id where no
    other log uses it, else the file with the station id. A log that entered nothing is its
    own (session) station, with no readings."""
    pairs: list[tuple[Replay, str]] = []
    for log in logs:
        entered = list(log.contest(key).stations)
        own = log.state.opened.station if log.state.opened is not None else log.path.name
        pairs += [(log, station) for station in entered or [own]]
    owners: dict[str, set[int]] = {}
    for log, station in pairs:
        owners.setdefault(station, set()).add(id(log))
    return [
        _Station(
            label=station if len(owners[station]) == 1 else f"{log.path}:{station}",
            log=log,
            station=station,
        )
        for log, station in pairs
    ]


def _batch_counts(readings: Iterable[Reading]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for reading in readings:
        if reading.batch is not None:
            counts[reading.batch] = counts.get(reading.batch, 0) + 1
    return counts


_SPELT = DiscrepancyKind.SERIAL
"""Serials are compared as read (case, width, look-alikes: issue 11): two spellings of one
serial name one paper, shown in the report so the board sees them, with nothing to rule."""


def _spellings(typed: Mapping[str, Mapping[str, object]]) -> dict[str, str]:
    """One spelling per paper: serials that read alike (``BCH-003``, ``bch-003``) are one
    ballot, shown as the first station spelt it."""
    spelling: dict[str, str] = {}
    for entries in typed.values():
        for serial in entries:
            spelling.setdefault(skeleton(serial), serial)
    return spelling


def _spelt_otherwise(
    typed: Mapping[str, Mapping[str, Reading]], spelling: Mapping[str, str]
) -> list[Discrepancy]:
    """A discrepancy for each paper whose serial the stations spelt differently."""
    spelt: dict[str, dict[str, str]] = {}
    for label, entries in typed.items():
        for serial in entries:
            spelt.setdefault(skeleton(serial), {})[label] = serial
    found = []
    for key, by_station in spelt.items():
        if len(set(by_station.values())) > 1:
            values = {label: by_station.get(label, ABSENT) for label in typed}
            found.append(
                Discrepancy(serial=spelling[key], kind=DiscrepancyKind.SERIAL, values=values)
            )
    return found


def _spelt_as_entered(ruling: Ruling, spelling: Mapping[str, str]) -> Ruling:
    """The ruling on the serial as the reconciliation shows it (any spelling of it)."""
    shown = spelling.get(skeleton(ruling.serial), ruling.serial)
    return ruling if shown == ruling.serial else replace(ruling, serial=shown)


def _same_contest(key: str, first: Replay, other: Replay) -> None:
    a, b = first.contest(key), other.contest(key)
    if a.contest.ballot_list.key != b.contest.ballot_list.key:
        _differs(key, a.contest.ballot_list.difference(b.contest.ballot_list), first, other)
    checks = (
        ("definition", a.contest, b.contest),
        ("roll", a.roll, b.roll),
        ("rules", a.rules, b.rules),
    )
    for what, left, right in checks:
        if left != right:
            _differs(key, Phrase(f"stations.part.{what}"), first, other)
    for what in ("issued", "collected", "board"):
        left, right = getattr(a, what), getattr(b, what)
        if left not in (None, ()) and right not in (None, ()) and left != right:
            _differs(key, Phrase(f"stations.part.{what}"), first, other)
    for batch, expected in b.batches.items():
        if a.batches.get(batch, expected) != expected:
            said = {"batch": batch, "first": a.batches[batch], "other": expected}
            _differs(key, Phrase("stations.part.batch", **said), first, other)


def _differs(key: str, what: object, first: Replay, other: Replay) -> None:
    raise ReconciliationError(
        "stations.contest_differs",
        Location(file=str(other.path)),
        contest=key,
        what=what,
        first=first.path.name,
    )


def _rulings(
    state: ContestState,
    found: Sequence[Discrepancy],
    readings: Mapping[str, Mapping[str, Reading]],
    rulings: Sequence[Ruling],
    batches: Mapping[str, int],
) -> list[DiscrepancyRuled]:
    """The rulings as events, each checked: one per serial, on a disputed serial, into a
    declared stack, with marks that fit the ballot."""
    disputed = {d.serial for d in found if d.kind is not _SPELT}
    events: dict[str, DiscrepancyRuled] = {}
    for ruling in rulings:
        where = ruling.source.within(Location(serial=ruling.serial))
        if ruling.serial in events:
            raise ReconciliationError("rulings.twice", where, serial=ruling.serial)
        if ruling.serial not in disputed:
            raise ReconciliationError("log.no_discrepancy", where, serial=ruling.serial)
        batch = ruling.batch
        if batch is None:
            stacks = {r[ruling.serial].batch for r in readings.values() if ruling.serial in r}
            batch = stacks.pop() if len(stacks) == 1 else None
        if batch is not None and batch not in batches:
            raise ReconciliationError(
                "log.unknown_batch", where, batch=batch, known=", ".join(batches) or "—"
            )
        reading = (
            None
            if ruling.absent
            else reading_of(
                state.contest,
                ruling.serial,
                observations=ruling.observations,
                batch=batch,
                where=where,
                **ruling.marks,
            )
        )
        events[ruling.serial] = DiscrepancyRuled(
            contest=state.key, serial=ruling.serial, reading=reading, note=ruling.note
        )
    return list(events.values())


def closing_problem(state: ContestState) -> TallyError | None:
    """Why the count of ``state`` cannot close yet, or ``None`` if it can (or has)."""
    if state.closed:
        return None
    try:
        state.count()
    except TallyError as exc:
        return exc
    return None


@checked
def merge(
    paths: Sequence[str | Path],
    output: str | Path,
    rulings: Sequence[Ruling] = (),
    *,
    at: dt.datetime | None = None,
) -> Replay:
    """Write one new log at ``output`` holding every station's current readings of each
    contest, the board's ``rulings``, and — where nothing is left unresolved and every stack
    holds its declared count — the closed count, dated by :func:`count_time` (``at``, else the
    spec's time of the count, else the stations' own).

    Nothing in the log depends on when or where the merge runs: merging the same logs with the
    same rulings gives the same bytes. The log is written beside ``output`` and renamed into
    place once whole; ``output`` must not exist. Bad rulings are refused before anything is
    written.
    """
    target = Path(output)
    if target.exists():
        raise InputFileError("stations.output_exists", Location(file=str(target)))
    logs = _load(paths)
    reports = _reconcile(logs, rulings)
    opened = logs[0].state.opened
    times = {report.key: count_time(logs, report.key, at) for report in reports}
    merged_at = max(times.values(), key=_instant) if times else at or opened_at(logs)
    try:
        descriptor, name = tempfile.mkstemp(
            dir=target.parent if str(target.parent) else ".",
            prefix=f".{target.name}.",
            suffix=".tmp",
        )
    except OSError as exc:
        raise InputFileError(
            "file.unwritable", Location(file=str(target)), path=target, detail=exc.strerror
        ) from None
    os.close(descriptor)
    partial = Path(name)  # a name of its own: two merges never share their partial file
    try:
        mask = os.umask(0)
        os.umask(mask)
        partial.chmod(0o666 & ~mask)
        session = CountingSession.open(
            partial,
            station="board",
            congress=opened.congress if opened is not None else None,
            clock=lambda: merged_at,
        )
        for report in reports:
            _write_contest(session, report, logs, times[report.key])
        session.close()
        place_new(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return replay(target)


def count_time(logs: Sequence[Replay], key: str, at: dt.datetime | None = None) -> dt.datetime:
    """When the merged log dates the count of ``key``: ``at`` when given; else the spec's
    ``counted_at`` for it, when a log records the congress's plan; else the latest time a
    station closed its own count of it; else the latest ballot entered; else when it opened."""
    if at is not None:
        return at
    for log in logs:
        plan, contest = log.state.plan, log.contest(key).contest
        if plan is None:
            continue
        try:
            counted = plan.congress.plan(contest.id).round_plan(contest.round).counted_at
        except (KeyError, IndexError):
            counted = None
        if counted is not None:
            return counted
    closed = [c for log in logs if (c := log.contest(key).closed_at) is not None]
    if closed:
        return max(closed, key=_instant)
    entered = [
        dt.datetime.fromisoformat(log.events[entry.seq - 1].data["at"])
        for log in logs
        for entries in log.contest(key).stations.values()
        for entry in entries.values()
    ]
    if entered:
        return max(entered, key=_instant)
    return max((log.contest(key).opened_at for log in logs), key=_instant)


def opened_at(logs: Sequence[Replay]) -> dt.datetime:
    """The time the first log opened (a merge of logs that hold no contest)."""
    first = logs[0].state.opened
    return first.at if first is not None else dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _instant(moment: dt.datetime) -> dt.datetime:
    """``moment`` comparable with any other (a time without zone read as UTC)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _write_contest(
    session: CountingSession,
    report: ContestReconciliation,
    logs: Sequence[Replay],
    closed_at: dt.datetime,
) -> None:
    state, key = report.state, report.key
    session.write(
        ContestOpened(
            contest=key,
            definition=state.contest,
            roll=state.roll,
            rules=state.rules,
            at=state.opened_at,
        )
    )
    board = next((log.contest(key).board for log in logs if log.contest(key).board), ())
    if board:
        session.write(BoardConstituted(contest=key, members=board))
    if state.issued is not None:
        session.write(BallotsIssued(contest=key, issued=state.issued))
    for batch, expected in state.batches.items():
        session.write(BatchDeclared(contest=key, batch=batch, expected=expected))
    session.write(StationsMerged(contest=key, sources=report.sources))
    stations = _stations(key, logs)
    typed = {s.label: s.log.contest(key).stations.get(s.station, {}) for s in stations}
    spelling = _spellings(typed)
    corrected = {(c.station, c.entered): c for c in report.corrections}
    for station in stations:
        for serial, entry in typed[station.label].items():
            when = station.log.events[entry.seq - 1].data["at"]
            recorded = BallotRecorded(
                contest=key,
                serial=spelling[skeleton(serial)],
                station=station.label,
                at=when,
                **dict(entry.reading),
            )
            seq = session.write(recorded)
            correction = corrected.get((station.label, serial))
            if correction is None:
                continue
            # As entered, then withdrawn in the board's words and entered as the ballot it is:
            # the merged log shows the typo and the ruling, and counts the ballot once.
            session.write(
                BallotWithdrawn(
                    contest=key,
                    serial=recorded.serial,
                    station=station.label,
                    cancels=seq,
                    reason=f"{recorded.serial} → {correction.serial}: {correction.note}",
                    at=when,
                )
            )
            session.write(recorded.model_copy(update={"serial": correction.serial}))
    for ruling in report.rulings:
        session.write(ruling)
    seen: set[tuple[str, str]] = set()
    for log in logs:
        for complaint in log.contest(key).complaints:
            if (complaint.summary, complaint.settlement) not in seen:
                seen.add((complaint.summary, complaint.settlement))
                session.write(complaint)
    if state.collected is not None:
        session.write(BallotsCollected(contest=key, collected=state.collected))
    if report.problem is None:
        _, result = session.state.contests[key].count()
        session.write(CountClosed(contest=key, at=closed_at, figures=ResultFigures.of(result)))
