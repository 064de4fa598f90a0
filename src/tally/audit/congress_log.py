"""Record a congress counted from its files into an audit log, round by round.

:func:`record_congress` writes the congress's plan and its open votes, then, for every counted
round, the events a counting session would have written — contest opened, board, ballots issued,
each ballot, ballots collected, complaints, count closed, decisions, further rounds — and checks
that the log's own count reaches the very result :func:`~tally.congress.run.run_congress` did.
``tally count --log`` uses it; ``tally replay`` rebuilds the congress summary from it
(:meth:`~tally.audit.replay.Replay.congress_record`).

>>> import tempfile, pathlib
>>> from tally.io.spec import load_congress
>>> from tally.io.ballots_csv import read_ballots_csv
>>> from tally.congress.run import run_congress
>>> spec = pathlib.Path("examples/delegate_congress/congress.toml")
>>> congress = load_congress(spec)
>>> plan = congress.plan("bch")
>>> ballots = {"bch": read_ballots_csv(plan.contest, spec.parent / plan.ballots)}
>>> record = run_congress(congress, ballots)
>>> path = pathlib.Path(tempfile.mkdtemp()) / "congress.jsonl"
>>> recorded = record_congress(record, ballots, path)
>>> recorded.result("bch") == record.contest("bch").rounds[0]
True
>>> from tally.audit.replay import replay
>>> replay(path).result("bch") == recorded.result("bch")
True
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tally.audit.events import LOG_FORMAT, CongressIdentity, DecisionKind, ResultFigures
from tally.audit.log import AuditLog, place_new
from tally.audit.session import Clock, CountingSession, local_now
from tally.audit.state import ContestState
from tally.congress.minutes_context import Fingerprint
from tally.congress.plan import Congress
from tally.congress.run import CongressRecord, round_id
from tally.counting.outcome import OutcomeStatus
from tally.counting.result import ContestResult
from tally.errors import InputFileError, Location, LogError
from tally.files import current_umask, os_detail
from tally.i18n.messages import Phrase
from tally.model.ballots import Ballots


class _SpecClock:
    """The time of the round being recorded (its ``counted_at`` in the spec), else now."""

    def __init__(self, fallback: Clock) -> None:
        self.fallback = fallback
        self.now: dt.datetime | None = None

    def __call__(self) -> dt.datetime:
        return self.now if self.now is not None else self.fallback()


@dataclass(frozen=True)
class Recorded:
    """A congress recorded into its log: the fingerprint of every round and its result."""

    path: Path
    events: int
    final_hash: str
    fingerprints: Mapping[str, Fingerprint]
    results: Mapping[str, ContestResult]
    added: int = 0
    """Events this recording appended (0: the log already held this count)."""

    @property
    def keys(self) -> tuple[str, ...]:
        """The rounds in the log, in the order they were opened."""
        return tuple(self.fingerprints)

    def fingerprint(self, key: str) -> Fingerprint:
        """The log up to the last event about round ``key``: what its minutes print."""
        return self.fingerprints[key]

    def result(self, key: str) -> ContestResult:
        """The result of round ``key`` as the log's own count reached it."""
        return self.results[key]


def record_congress(
    record: CongressRecord,
    ballots: Mapping[str, Ballots],
    path: str | Path,
    *,
    station: str = "1",
    clock: Clock = local_now,
) -> Recorded:
    """Write every counted round of ``record`` (ballots by round key) into the log at
    ``path``; returns each round's fingerprint and result as the log's own count reached them.

    Every event of a round carries the round's ``counted_at`` from the spec (``clock`` only
    where the spec gives none), so the same files give the same log, byte for byte. The plan
    and the open votes come first, at the time of the first counted round.

    An existing log is extended, never rewritten: the log follows the count. Rounds already
    in it must have the same list, roll, ballots and figures (:class:`InputFileError`
    ``log.ballot_differs`` naming the round, the first ballot that differs and its line, or
    ``log.differs`` naming the round, otherwise); what the count now has beyond them — a round
    whose ballots arrived since, a decision, a further round ordered — is appended after
    whatever the log already holds, in the order it happened. So every fingerprint printed on
    minutes already signed stays in the log, which only grows. The same holds for the
    congress: a changed plan (a round planned, a target set) is recorded again, the open votes
    added to the spec are appended, and those already in the log must be the spec's first ones
    (``log.open_vote_differs``), with the same roll and rules (``log.plan_roll_differs``). A
    ``tally.log/1`` log, begun before plans were recorded, is extended without them.

    The log is written whole or not at all: into a temporary file beside it, renamed into
    place at the end, while the existing log stays locked against any other writer. A failure
    (a full disk, a count that differs) leaves the log as it was and no file behind. Ballots
    are written as they are read from their arrays (:meth:`ContestSession.enter_all`), so the
    memory used does not grow with the number of ballots written.
    """
    target = Path(path)
    existing: AuditLog | None = None
    if target.exists() or target.is_symlink():
        existing = AuditLog.open(target)
    try:
        return _record(record, ballots, target, existing, station, clock)
    finally:
        if existing is not None:
            existing.release()


def _record(
    record: CongressRecord,
    ballots: Mapping[str, Ballots],
    target: Path,
    existing: AuditLog | None,
    station: str,
    clock: Clock,
) -> Recorded:
    folder = target.parent if str(target.parent) else Path(".")
    where = Location(file=str(target))
    try:
        descriptor, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputFileError("file.unwritable", where, path=target, detail=os_detail(exc)) from None
    partial = Path(name)
    try:
        try:
            os.fchmod(descriptor, _mode(existing))
            if existing is not None:
                _copy(existing, descriptor)
        finally:
            os.close(descriptor)
        session = _write(record, ballots, partial, station, clock, target)
        session.log.sync()
        session.close()
        recorded = _summary(session, partial, target, len(existing) if existing else 0)
        if existing is not None:
            existing.check()  # nobody wrote to it meanwhile (it was locked)
            os.replace(partial, target)
        else:
            place_new(partial, target)
        _sync_folder(folder)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InputFileError("file.unwritable", where, path=target, detail=os_detail(exc)) from None
    except InputFileError as error:
        partial.unlink(missing_ok=True)
        if error.code == "file.unwritable" and error.where.file == str(partial):
            # The temporary file is the program's own: the board is told about the log.
            raise InputFileError(
                "file.unwritable", where, path=target, detail=error.params["detail"]
            ) from None
        raise
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return recorded


def _mode(existing: AuditLog | None) -> int:
    """The existing log's permissions, or a new file's under the umask."""
    if existing is not None:
        return existing.path.stat().st_mode & 0o7777
    mask = current_umask()
    return 0o666 & ~mask


def _copy(log: AuditLog, descriptor: int) -> None:
    """The existing log's bytes into the temporary file, in pieces."""
    for chunk in log.chunks():
        view = memoryview(chunk)
        while view:
            view = view[os.write(descriptor, view) :]


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _summary(session: CountingSession, written: Path, target: Path, before: int) -> Recorded:
    """Each round's fingerprint (the hash of its last event), read back from the lines of
    those events alone (the whole file was checked against what was written on close)."""
    state = session.state
    wanted = {s.last_seq: key for key, s in state.contests.items()}
    hashes: dict[str, str] = {}
    with written.open("rb") as stream:
        for seq, line in enumerate(stream, start=1):
            if seq in wanted:
                hashes[wanted[seq]] = str(json.loads(line)["hash"])
    fingerprints = {
        key: Fingerprint(events=s.last_seq, hash=hashes[key], file=target.name)
        for key, s in state.contests.items()
    }
    results = {key: s.result for key, s in state.contests.items() if s.result is not None}
    events = len(session.log)
    return Recorded(
        target, events, session.log.last_hash, fingerprints, results, added=events - before
    )


def _write(
    record: CongressRecord,
    ballots: Mapping[str, Ballots],
    target: Path,
    station: str,
    fallback: Clock,
    shown: Path,
) -> CountingSession:
    congress = record.congress
    identity = CongressIdentity.of(congress)
    clock = _SpecClock(fallback)
    first = next(
        (
            congress.plan(c.contest_id).round_plan(n).counted_at
            for c in record.contests
            for n in range(1, len(c.rounds) + 1)
        ),
        None,
    )
    clock.now = first
    session = CountingSession.open(
        target, station=station, congress=identity, clock=clock, durable=False
    )
    try:
        opened = session.state.opened
        if opened is not None and opened.congress != identity:
            raise InputFileError("log.other_congress", Location(file=str(shown), line=1))
        if opened is not None and opened.format == LOG_FORMAT:  # a tally.log/1 log has no plan
            _plan(session, congress, shown)
        for contest_record in record.contests:
            plan = congress.plan(contest_record.contest_id)
            rounds = contest_record.rounds
            for number, result in enumerate(rounds, start=1):
                key = round_id(contest_record.contest_id, number)
                figures = plan.round_plan(number)
                clock.now = figures.counted_at
                logged = session.state.contests.get(key)
                if logged is None:
                    handle = session.open_contest(
                        result.contest, roll=result.roll, rules=result.rules, key=key
                    )
                    board = congress.board_for(contest_record.contest_id)
                    if board:
                        handle.constitute_board(board)
                    handle.issue(result.issued)
                    handle.enter_all(ballots[key])
                    handle.collect(result.count.collected)
                    for complaint in figures.complaints:
                        handle.complaint(complaint.summary, complaint.settlement)
                    handle.close(at=figures.counted_at)
                else:
                    _same_round(logged, result, ballots.get(key), shown, number)
                    handle = session.contest(key)
                state = handle.state
                if figures.decision is not None and _waits(state, OutcomeStatus.TIE):
                    handle.decide(figures.decision)
                if figures.alternate_decision is not None and _waits(
                    state, OutcomeStatus.ALTERNATE_TIE
                ):
                    handle.decide(figures.alternate_decision, alternates=True)
                if handle.result != result:
                    if logged is not None:
                        raise _differs(logged, ballots.get(key), shown, number)
                    raise LogError(
                        "log.figures_differ",
                        Location(file=str(shown), field=f"contest.{key}"),
                        recorded=str(ResultFigures.of(result).model_dump()),
                        replayed=str(
                            ResultFigures.of(handle.result).model_dump() if handle.result else "—"
                        ),
                    )
                # The spec plans the next round: the congress ordered it, whether or not its
                # ballots are here yet (so a log written before they came is this one's
                # beginning).
                next_contest = (
                    rounds[number].contest if number < len(rounds) else contest_record.next_round
                )
                ordered = any(d.kind is DecisionKind.FURTHER_ROUND for d in state.decisions)
                if number <= len(plan.rounds) and next_contest is not None and not ordered:
                    following = plan.round_plan(number + 1)
                    handle.order_round(
                        round_id(contest_record.contest_id, number + 1),
                        seats=next_contest.seats,
                        added=tuple(c.name for c in following.added),
                        removed=following.removed,
                        note=following.list_note,
                    )
    except BaseException:
        session.log.release()
        raise
    return session


def _plan(session: CountingSession, congress: Congress, shown: Path) -> None:
    """The congress's plan, unless the log's latest is this one, then the open votes the log
    has not yet recorded; those it has must be the spec's first ones, as they are."""
    state = session.state
    planned = congress.model_copy(update={"open_votes": ()})
    before = state.plan
    if before is not None and (
        before.congress.roll != congress.roll or before.congress.rules != congress.rules
    ):
        raise InputFileError(
            "log.plan_roll_differs", Location(file=str(shown), line=state.plan_seq)
        )
    if before is None or before.congress != planned:
        session.plan_congress(planned)
    logged = list(state.open_votes.items())
    for number, (seq, recorded) in enumerate(logged, start=1):
        given = congress.open_votes[number - 1] if number <= len(congress.open_votes) else None
        if given != recorded.vote:
            raise InputFileError(
                "log.open_vote_differs",
                Location(file=str(shown), line=seq),
                number=number,
                subject=recorded.vote.subject,
            )
    for vote in congress.open_votes[len(logged) :]:
        session.record_open_vote(vote)


def _waits(state: ContestState, status: OutcomeStatus) -> bool:
    """The round's result waits for the congress's decision on this kind of tie."""
    return state.result is not None and state.result.outcome.status is status


def _same_round(
    logged: ContestState,
    result: ContestResult,
    ballots: Ballots | None,
    shown: Path,
    number: int,
) -> None:
    """A round already in the log is the one counted now: same list, roll, ballots, closed
    count."""
    if (
        not logged.closed
        or logged.contest != result.contest
        or logged.roll != result.roll
        or logged.issued != result.issued
        or (ballots is not None and _first_difference(logged, ballots) is not None)
    ):
        raise _differs(logged, ballots, shown, number)


def _differs(
    logged: ContestState, ballots: Ballots | None, shown: Path, number: int
) -> InputFileError:
    """The log already holds another count of this round: name the first ballot that reads
    otherwise (and its line in the log) when the ballots differ, else the round's last line."""
    contest = logged.key.removesuffix(f".r{number}") if number > 1 else logged.key
    found = _first_difference(logged, ballots) if ballots is not None else None
    if found is None:
        return InputFileError(
            "log.differs",
            Location(file=str(shown), line=logged.last_seq),
            contest=contest,
            round=number,
        )
    serial, line, how = found
    return InputFileError(
        "log.ballot_differs",
        Location(file=str(shown), line=line, serial=serial),
        contest=contest,
        round=number,
        serial=serial,
        how=Phrase(how),
    )


def _first_difference(logged: ContestState, ballots: Ballots) -> tuple[str, int | None, str] | None:
    """The first ballot of the file (in its order) that the log has not, or reads otherwise,
    else the first the log has that the file has not: its serial, its line in the log (when
    the log has it) and how it differs (a :mod:`tally.i18n.messages` code)."""
    before = logged.ballots if logged.ballots is not None else logged.bulk
    if before is None:
        return None
    lines = {
        serial: entry.seq
        for entries in logged.stations.values()
        for serial, entry in entries.items()
    }
    rows = {str(serial): row for row, serial in enumerate(before.serials.tolist())}
    seen: set[str] = set()
    for row, value in enumerate(ballots.serials.tolist()):
        serial = str(value)
        seen.add(serial)
        was = rows.get(serial)
        if was is None:
            return serial, None, "log.ballot_not_logged"
        if (
            before.observations[was] != ballots.observations[row]
            or not (before.marks[was] == ballots.marks[row]).all()
        ):
            return serial, lines.get(serial), "log.ballot_reads_otherwise"
    for serial in rows:
        if serial not in seen:
            return serial, lines.get(serial), "log.ballot_not_in_file"
    return None
