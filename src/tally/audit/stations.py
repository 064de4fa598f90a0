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
from tally.audit.session import Clock, CountingSession, local_now
from tally.audit.state import ContestState, Entry
from tally.errors import InputFileError, Location, ReconciliationError, TallyError
from tally.files import parse_toml, read_utf8, shown
from tally.model.lookalikes import skeleton


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


@dataclass(frozen=True)
class Ruling:
    """The board's reading of a disputed ballot, as given in a rulings file or by an app.

    ``marks`` uses the entry keywords (``struck``, ``kept``, ``agree``, ``disagree``,
    ``both``: ballot numbers or names); ``absent`` says there is no such ballot. Without
    ``batch``, the ruling keeps the stack the stations agree the ballot came from.
    """

    contest: str
    serial: str
    note: str
    marks: dict[str, list[int | str]] = field(default_factory=dict)
    observations: tuple[str, ...] = ()
    batch: str | None = None
    absent: bool = False
    source: Location = field(default_factory=Location)
    """Where the ruling was given (the rulings file and entry), for error messages."""

    def __post_init__(self) -> None:
        if self.absent and (self.marks or self.observations or self.batch is not None):
            raise ReconciliationError(
                "rulings.absent_with_marks",
                self.source.within(Location(serial=self.serial)),
                serial=self.serial,
            )


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
            _differs(key, what, first, other)
    for what in ("issued", "collected", "board"):
        left, right = getattr(a, what), getattr(b, what)
        if left not in (None, ()) and right not in (None, ()) and left != right:
            _differs(key, what, first, other)
    for batch, expected in b.batches.items():
        if a.batches.get(batch, expected) != expected:
            _differs(key, f"batch {batch}", first, other)


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


_MARK_KEYS = ("struck", "kept", "agree", "disagree", "both")
_RULING_KEYS = frozenset({"contest", "serial", "note", "observations", "batch", "absent"})


@checked
def load_rulings(path: str | Path, default_contest: str | None = None) -> list[Ruling]:
    """Rulings from a TOML file of ``[[ruling]]`` tables (see docs/audit.md)."""
    source = str(path)
    data = parse_toml(read_utf8(Path(path)), source, "rulings.toml")
    for key in data:
        if key != "ruling":  # e.g. [[rulings]]: never read nothing silently
            where = Location(file=source, field=key)
            raise InputFileError("rulings.unknown_key", where, key=key, allowed="[[ruling]]")
    entries = data.get("ruling", [])
    if not isinstance(entries, list):
        raise InputFileError("rulings.shape", Location(file=source, field="ruling"))
    return [
        _ruling(entry, Location(file=source, field=f"ruling[{number}]"), default_contest)
        for number, entry in enumerate(entries, start=1)
    ]


def _ruling(entry: object, where: Location, default_contest: str | None) -> Ruling:
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
        for ref in value:
            if isinstance(ref, bool) or not isinstance(ref, int | str):
                raise InputFileError("rulings.bad_ref", where, key=key, value=shown(ref))
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
    return Ruling(
        contest=contest,
        serial=serial.strip(),
        note=note.strip(),
        marks=marks,
        observations=tuple(observations),
        batch=batch,
        absent=absent,
        source=where,
    )


@checked
def merge(
    paths: Sequence[str | Path],
    output: str | Path,
    rulings: Sequence[Ruling] = (),
    *,
    clock: Clock = local_now,
) -> Replay:
    """Write one new log at ``output`` holding every station's current readings of each
    contest, the board's ``rulings``, and — where nothing is left unresolved and every stack
    holds its declared count — the closed count.

    The log is written beside ``output`` and renamed into place once whole; ``output`` must
    not exist. Bad rulings are refused before anything is written.
    """
    target = Path(output)
    if target.exists():
        raise InputFileError("stations.output_exists", Location(file=str(target)))
    logs = _load(paths)
    reports = _reconcile(logs, rulings)
    opened = logs[0].state.opened
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
            clock=clock,
        )
        for report in reports:
            _write_contest(session, report, logs)
        session.close()
        place_new(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return replay(target)


def _write_contest(
    session: CountingSession, report: ContestReconciliation, logs: Sequence[Replay]
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
    spelling = _spellings(
        {s.label: s.log.contest(key).stations.get(s.station, {}) for s in stations}
    )
    for station in stations:
        entries = station.log.contest(key).stations.get(station.station, {})
        for serial, entry in entries.items():
            original = station.log.events[entry.seq - 1]
            session.write(
                BallotRecorded(
                    contest=key,
                    serial=spelling[skeleton(serial)],
                    station=station.label,
                    at=original.data["at"],
                    **dict(entry.reading),
                )
            )
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
        session.write(
            CountClosed(contest=key, at=session.clock(), figures=ResultFigures.of(result))
        )
