"""Counting sessions under generated scripts: the log replays to the very result the session
reached, any tampering is found at its line, the stations' readings are compared exactly, stacks
are checked, and nothing is ever deleted or written by a refused step."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tally.audit.chain import Problem
from tally.audit.events import BallotCorrected, BallotRecorded, Marks, Reading
from tally.audit.log import AuditLog
from tally.audit.readings import ABSENT, DiscrepancyKind, discrepancies
from tally.audit.replay import replay, verify
from tally.audit.session import ContestSession, CountingSession
from tally.counting.outcome import OutcomeStatus, TieDecision
from tally.counting.result import ContestResult, count_contest
from tally.errors import BallotError, ReconciliationError, TallyError
from tally.model.ballots import Ballots
from tally.model.bodies import Body
from tally.model.contest import BallotForm, Contest
from tally.model.roll import CongressKind, Roll
from tally.model.rules import QC_190
from tally.testing import (
    SessionScript,
    Step,
    StepClock,
    apply_ruling,
    apply_step,
    ballots,
    contests,
    flip_mark,
    perform,
    reading_of_row,
    sessions,
    start,
    toggle_observation,
)
from tests.strategies import OBSERVATION_BITS, row_of


def examples(at_least: int) -> settings:
    """The loaded profile's number of examples (200 by default, 2,000 in ``ci``), and at
    least ``at_least``."""
    loaded = settings.get_profile(settings.get_current_profile_name())
    return settings(max_examples=max(at_least, loaded.max_examples), deadline=None)


_names = itertools.count()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sessions")


def fresh(folder: Path) -> Path:
    """A new log path for one example."""
    return folder / f"log-{next(_names)}.jsonl"


def lines_of(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


# --- an independent count of what the script says the ballots are ------------------------------


def truth_ballots(script: SessionScript) -> Ballots:
    """The ballots the script says the board agreed on, built without the session's code."""
    contest = script.contest
    k = len(contest.candidates)
    marks = np.array(
        [row_of(contest.form, k, reading.marks) for _, reading in script.truth], dtype=np.uint8
    ).reshape(len(script.truth), k)
    flags = [sum(OBSERVATION_BITS[c] for c in reading.observations) for _, reading in script.truth]
    return Ballots.from_arrays(contest, marks, [s for s, _ in script.truth], flags)


def expected_result(script: SessionScript, *, decisions: bool = True) -> ContestResult:
    chosen = script.decisions if decisions else ()
    tie = next((d for alternates, d in chosen if not alternates), None)
    alternate = next((d for alternates, d in chosen if alternates), None)
    return count_contest(
        script.contest,
        truth_ballots(script),
        roll=script.roll,
        issued=script.issued,
        collected=script.collected,
        rules=script.rules,
        decision=tie,
        alternate_decision=alternate,
    )


# --- replay ---------------------------------------------------------------------------------


@examples(0)
@given(sessions())
def test_the_log_replays_to_the_sessions_result_which_an_independent_count_confirms(
    folder: Path, script: SessionScript
) -> None:
    path = fresh(folder)
    contest, result = perform(script, path)
    assert result is not None, "a generated script closes its count"
    assert result == expected_result(script)
    assert result.count.collected == len(script.truth)
    replayed = replay(path)
    assert replayed.result(script.key) == result
    assert replayed.final_hash == contest.session.last_hash
    assert replayed.contest(script.key).readings() == contest.state.readings()
    again = replay(path)
    assert again.results() == replayed.results() and again.final_hash == replayed.final_hash
    report = verify(path)
    assert report.ok, report.message("en")
    assert report.final_hash == contest.session.last_hash
    assert report.events == len(lines_of(path)) == script.events


@examples(0)
@given(sessions(max_ballots=12), st.data())
def test_a_session_reopened_at_any_step_writes_the_same_log_as_one_never_stopped(
    folder: Path, script: SessionScript, data: st.DataObject
) -> None:
    whole = fresh(folder)
    perform(script, whole, StepClock())
    path = fresh(folder)
    clock = StepClock()
    contest = start(script, path, clock)
    cut = data.draw(st.integers(0, len(script.steps)), label="steps before the stop")
    for step in script.steps[:cut]:
        apply_step(contest, step)
    contest.session.close()  # the station stops: its lock goes with it
    resumed = CountingSession.open(path, station=script.stations[0], clock=clock)
    again = resumed.contest(script.key)
    assert again.state.readings() == contest.state.readings()
    assert again.state.batches == contest.state.batches and again.state.issued == script.issued
    assert resumed.last_hash == contest.session.last_hash
    for step in script.steps[cut:]:
        apply_step(again, step)
    for serial, reading in script.rulings:
        apply_ruling(again, serial, reading)
    if script.collected is not None:
        again.collect(script.collected)
    again.close()
    for alternates, decision in script.decisions:
        again.decide(decision, alternates=alternates)
    assert again.result == expected_result(script)
    assert path.read_bytes() == whole.read_bytes()


def tie_script(decide: bool) -> SessionScript:
    """Six ballots for three seats among four: the 3rd seat is a tie between numbers 3 and 4,
    entered at two stations, one of them misreading a ballot that the board then rules on."""
    contest = Contest(
        id="bch",
        body=Body.EXECUTIVE_COMMITTEE,
        seats=3,
        candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường", "Phạm Văn Dũng"],
    )
    roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=6, present=6)
    struck = {"01": 3, "02": 3, "03": 4, "04": 4, "05": 1, "06": 2}
    truth = tuple((s, Reading(marks=Marks(struck=(n,)))) for s, n in struck.items())
    wrong = Reading(marks=Marks(struck=(1,)))
    steps = [Step("record", "1", s, r) for s, r in truth]
    steps += [Step("record", "2", s, wrong if s == "03" else r) for s, r in truth]
    tied = contest.names[3]
    decision = TieDecision(winners=(tied,), note="Bầu lại giữa hai người bằng phiếu")
    return SessionScript(
        contest=contest,
        roll=roll,
        rules=QC_190,
        board=(),
        issued=6,
        batches=(),
        stations=("1", "2"),
        steps=tuple(steps),
        rulings=(("03", truth[2][1]),),
        collected=6,
        decisions=((False, decision),) if decide else (),
        truth=truth,
    )


@pytest.mark.parametrize("decide", [False, True])
def test_a_tie_and_its_decision_replay_to_the_same_result(tmp_path: Path, decide: bool) -> None:
    script = tie_script(decide)
    contest, result = perform(script, tmp_path / "tie.jsonl")
    assert result is not None and result == expected_result(script)
    if decide:
        assert result.outcome.status is OutcomeStatus.COMPLETE
        assert contest.state.contest.names[3] in result.outcome.elected
    else:
        assert result.outcome.status is OutcomeStatus.TIE
        assert result.outcome.tie is not None and result.outcome.tie.seats_at_stake == 1
    assert replay(tmp_path / "tie.jsonl").result("bch") == result
    assert verify(tmp_path / "tie.jsonl").ok


# --- tampering with generated session logs ---------------------------------------------------


def byte_changed(path: Path, data: st.DataObject, last_hash: str) -> None:
    """Any single byte changed: found at the changed line or the next one."""
    raw = bytearray(path.read_bytes())
    position = data.draw(st.integers(0, len(raw) - 1), label="changed byte at")
    other = st.integers(0, 255).filter(lambda b: b != raw[position])
    raw[position] = data.draw(other, label="new byte")
    path.write_bytes(bytes(raw))
    report = verify(path, expect=last_hash)
    assert not report.ok, "byte change not found"
    changed_line = raw[:position].count(b"\n") + 1
    assert report.line is not None and report.line <= changed_line + 1, report


def line_deleted(path: Path, data: st.DataObject, last_hash: str) -> None:
    """A line deleted: found exactly there (the last one, by the fingerprint the board holds:
    without it the shorter log is an intact chain)."""
    lines = lines_of(path)
    i = data.draw(st.integers(0, len(lines) - 1), label="deleted line (0-based)")
    del lines[i]
    path.write_bytes(b"".join(lines))
    report = verify(path, expect=last_hash)
    expected = Problem.MISSING if i < len(lines) else Problem.TRUNCATED
    assert not report.ok and report.problem is expected and report.line == i + 1, report


def lines_swapped(path: Path, data: st.DataObject, last_hash: str) -> None:
    """Two adjacent lines swapped: found at the first of them."""
    lines = lines_of(path)
    i = data.draw(st.integers(0, len(lines) - 2), label="first swapped line (0-based)")
    lines[i], lines[i + 1] = lines[i + 1], lines[i]
    path.write_bytes(b"".join(lines))
    report = verify(path, expect=last_hash)
    assert not report.ok and report.problem is Problem.REORDERED and report.line == i + 1, report


def truncated(path: Path, data: st.DataObject, last_hash: str) -> None:
    """The log cut short: torn at the cut line, or (cut at a line end) missing the event the
    board's fingerprint names, after the last whole line."""
    raw = path.read_bytes()
    cut = data.draw(st.integers(0, len(raw) - 1), label="bytes kept")
    path.write_bytes(raw[:cut])
    report = verify(path, expect=last_hash)
    whole = raw[:cut].count(b"\n")
    torn = cut > 0 and raw[cut - 1 : cut] != b"\n"
    expected = Problem.TORN if torn else Problem.TRUNCATED
    assert not report.ok and report.problem is expected and report.line == whole + 1, report
    if not torn:  # without the fingerprint, a log cut at a line end is an intact chain
        assert verify(path).ok and verify(path).final_hash != last_hash


@examples(300)
@given(sessions(max_ballots=10, mistakes=3), st.data())
def test_a_changed_byte_deleted_line_swapped_pair_or_cut_in_a_session_log_is_found_at_its_line(
    folder: Path, script: SessionScript, data: st.DataObject
) -> None:
    # One session per example, each tampering on a copy of its log (a session costs far more
    # to play than a log to verify).
    path = fresh(folder)
    contest, result = perform(script, path)
    assert result is not None and verify(path).ok
    original = path.read_bytes()
    last_hash = contest.session.last_hash
    copies = [path.with_suffix(f".{n}.jsonl") for n in range(4)]
    for copy in copies:
        copy.write_bytes(original)
    assert verify(path, expect=last_hash).ok
    byte_changed(copies[0], data, last_hash)
    line_deleted(copies[1], data, last_hash)
    lines_swapped(copies[2], data, last_hash)
    truncated(copies[3], data, last_hash)


# --- reconciliation between stations ---------------------------------------------------------

Injection = tuple[Literal["mark", "observation", "batch", "drop"], int, int, int]
Key = tuple[str, DiscrepancyKind, int | None]


@st.composite
def injected_stations(
    draw: st.DrawFn,
) -> tuple[Contest, dict[str, dict[str, Reading]], set[Key], list[str]]:
    """A contest, 2–3 stations' readings of the same ballots with distinct changes injected,
    the (serial, kind, candidate) each change must be reported as, and which serials each
    station dropped."""
    contest = draw(contests(max_candidates=8))
    k = len(contest.candidates)
    drawn = draw(ballots(contest, min_n=1, max_n=12))
    serials = [str(s) for s in drawn.serials]
    stacks = draw(
        st.lists(st.sampled_from((None, "A", "B")), min_size=len(serials), max_size=len(serials))
    )
    base = {
        serial: reading_of_row(contest.form, drawn.marks[i], int(drawn.observations[i]), stacks[i])
        for i, serial in enumerate(serials)
    }
    m = draw(st.integers(2, 3), label="stations")
    stations = {str(t + 1): dict(base) for t in range(m)}
    injections = draw(
        st.lists(
            st.tuples(
                st.sampled_from(("mark", "observation", "batch", "drop")),
                st.integers(0, len(serials) - 1),
                st.integers(0, m - 1),
                st.integers(0, 2**10),
            ),
            max_size=8,
        ),
        label="injections",
    )
    changed: dict[tuple[str, object], set[int]] = {}
    expected: set[Key] = set()
    dropped: set[str] = set()
    for kind, index, t, detail in injections:
        serial = serials[index]
        cell: object = kind
        if kind == "mark":
            cell = detail % k + 1
        at = changed.setdefault((serial, cell), set())
        # At least one station keeps the base reading of every cell; one change per station.
        if t in at or len(at) >= m - 1:
            continue
        station = stations[str(t + 1)]
        if kind == "drop":
            dropped.add(serial)
            del station[serial]
        elif serial not in station:
            continue
        elif kind == "mark":
            station[serial] = flip_mark(contest.form, station[serial], detail % k + 1, detail // k)
            expected.add((serial, DiscrepancyKind.MARKS, detail % k + 1))
        elif kind == "observation":
            code = ("identifying_mark", "not_issued", "write_in")[detail % 3]
            station[serial] = toggle_observation(station[serial], code)
            expected.add((serial, DiscrepancyKind.OBSERVATIONS, None))
        else:
            others = [b for b in (None, "A", "B") if b != base[serial].batch]
            station[serial] = station[serial].model_copy(update={"batch": others[detail % 2]})
            expected.add((serial, DiscrepancyKind.BATCH, None))
        at.add(t)
    expected = {key for key in expected if key[0] not in dropped}
    expected |= {(serial, DiscrepancyKind.MISSING, None) for serial in dropped}
    # Each station enters the ballots in its own order.
    shuffled = {
        name: dict(draw(st.permutations(list(readings.items())), label=f"order at {name}"))
        for name, readings in stations.items()
    }
    return contest, shuffled, expected, sorted(dropped)


_KIND_ORDER = {
    DiscrepancyKind.MISSING: 0,
    DiscrepancyKind.MARKS: 1,
    DiscrepancyKind.OBSERVATIONS: 2,
    DiscrepancyKind.BATCH: 3,
}


@examples(0)
@given(injected_stations())
def test_discrepancies_are_exactly_the_injected_changes(
    case: tuple[Contest, dict[str, dict[str, Reading]], set[Key], list[str]],
) -> None:
    contest, stations, expected, _ = case
    found = discrepancies(contest, stations)
    keys = [(d.serial, d.kind, d.candidate) for d in found]
    assert set(keys) == expected and len(keys) == len(expected)
    # In first-entered order of serials, then kind, then candidate.
    first_seen = list(dict.fromkeys(s for readings in stations.values() for s in readings))
    order = [(first_seen.index(d.serial), _KIND_ORDER[d.kind], d.candidate or 0) for d in found]
    assert order == sorted(order)


@examples(0)
@given(injected_stations())
def test_a_missing_serial_is_reported_only_as_missing_with_each_stations_presence(
    case: tuple[Contest, dict[str, dict[str, Reading]], set[Key], list[str]],
) -> None:
    contest, stations, _, dropped = case
    found = discrepancies(contest, stations)
    for serial in dropped:
        about = [d for d in found if d.serial == serial]
        assert [d.kind for d in about] == [DiscrepancyKind.MISSING]
        assert about[0].values == {
            name: "+" if serial in readings else ABSENT for name, readings in stations.items()
        }


def assert_close_refused(contest: ContestSession, path: Path, open_serials: set[str]) -> None:
    """While ``open_serials`` are not ruled on, close() is refused naming them, writing nothing."""
    if not open_serials:
        return
    before = path.read_bytes()
    with pytest.raises(ReconciliationError) as refused:
        contest.close()
    assert refused.value.code == "log.unresolved"
    assert refused.value.params["count"] == len(open_serials)
    named = str(refused.value.params["serials"]).removesuffix(" …").split(", ")
    assert set(named) <= open_serials and len(named) == min(10, len(open_serials))
    assert path.read_bytes() == before


@examples(0)
@given(sessions(min_stations=2))
def test_close_is_refused_until_every_disputed_serial_is_ruled(
    folder: Path, script: SessionScript
) -> None:
    path = fresh(folder)
    contest = start(script, path)
    for step in script.steps:
        apply_step(contest, step)
    if script.collected is not None:
        contest.collect(script.collected)
    ruled: set[str] = set()
    for serial, reading in script.rulings:
        assert_close_refused(contest, path, set(script.disputed) - ruled)
        apply_ruling(contest, serial, reading)
        ruled.add(serial)
    result = contest.close()
    assert result == expected_result(script, decisions=False)


def test_a_skipped_ballot_and_a_misread_one_block_the_count_until_ruled(tmp_path: Path) -> None:
    contest = start(tie_script(False), tmp_path / "two.jsonl")
    contest.record("01", struck=[3], station="1")
    contest.record("02", struck=[3], station="1")
    contest.record("02", struck=[4], station="2")
    with pytest.raises(ReconciliationError) as refused:
        contest.close()
    assert refused.value.params == {"count": 2, "serials": "01, 02"}
    contest.rule("01", note="Phiếu có thật", struck=[3])
    contest.rule("02", note="Xem lại phiếu", struck=[3])
    assert contest.close().count.votes == (2, 2, 0, 2)


# --- stacks (sấp phiếu) -----------------------------------------------------------------------


@examples(0)
@given(sessions(max_ballots=15, batches=True), st.data())
def test_a_stack_that_does_not_hold_its_declared_number_stops_the_count(
    folder: Path, script: SessionScript, data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(script.batches) - 1), label="stack")
    name, expected = script.batches[i]
    declared = max(0, expected + data.draw(st.integers(-3, 3), label="off by"))
    batches = list(script.batches)
    batches[i] = (name, declared)
    changed = dataclasses.replace(script, batches=tuple(batches))
    path = fresh(folder)
    contest, result = perform(changed, path)
    if declared == expected:
        assert result == expected_result(script)
        return
    assert result is None
    before = path.read_bytes()
    with pytest.raises(ReconciliationError) as refused:
        contest.close()
    assert refused.value.code == "log.batch_mismatch"
    assert refused.value.params == {"batch": name, "expected": declared, "entered": expected}
    assert path.read_bytes() == before


# --- nothing deleted, nothing written by a refused step ---------------------------------------


class Recorder:
    """Calls session steps, checking each successful one appends exactly one line and keeps
    every byte before it, and each refused one writes nothing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.calls = 0

    def ok(self, step: Callable[[], Any]) -> Any:
        before = self.path.read_bytes() if self.path.exists() else b""
        value = step()
        after = self.path.read_bytes()
        assert after.startswith(before) and after[len(before) :].count(b"\n") == 1
        self.calls += 1
        return value

    def refused(self, step: Callable[[], Any], contest: ContestSession, code: str) -> None:
        before = self.path.read_bytes()
        state = contest.state.readings(), dict(contest.state.rulings), contest.state.closed
        events = len(contest.session.log.events)
        with pytest.raises(TallyError) as raised:
            step()
        assert raised.value.code == code
        assert self.path.read_bytes() == before
        assert len(contest.session.log.events) == events
        after = contest.state.readings(), dict(contest.state.rulings), contest.state.closed
        assert after == state


Refusal = Literal[
    "unknown_candidate", "duplicate", "not_current", "unknown_batch", "not_entered", "no_dispute"
]
REFUSALS: tuple[Refusal, ...] = (
    "unknown_candidate",
    "duplicate",
    "not_current",
    "unknown_batch",
    "not_entered",
    "no_dispute",
)


def superseded(contest: ContestSession) -> Iterator[tuple[str, str, int]]:
    """(station, serial, seq) of ballot events that are no longer the current reading."""
    current = {
        entry.seq for entries in contest.state.stations.values() for entry in entries.values()
    }
    for event in contest.session.log.events:
        if event.kind in ("ballot_recorded", "ballot_corrected") and event.seq not in current:
            yield event.data["station"], event.data["serial"], event.seq


def attempt(recorder: Recorder, contest: ContestSession, refusal: Refusal) -> None:
    """Try one step the session must refuse, if the state allows it now."""
    form = contest.state.contest.form
    k = len(contest.state.contest.candidates)
    station, entries = next(iter(contest.state.stations.items()), ("1", {}))
    if refusal == "unknown_candidate":
        if form is BallotForm.STRIKE_OUT:
            recorder.refused(
                lambda: contest.record("Z-1", struck=[k + 1]), contest, "ballot.unknown_candidate"
            )
        else:
            recorder.refused(
                lambda: contest.record("Z-1", agree=[k + 1]), contest, "ballot.unknown_candidate"
            )
    elif refusal == "duplicate" and entries:
        serial, entry = next(iter(entries.items()))
        again = Step("record", station, serial, entry.reading)
        recorder.refused(lambda: apply_step(contest, again), contest, "ballot.duplicate_serial")
    elif refusal == "not_current":
        old = next(superseded(contest), None)
        where, serial, seq = old if old else (station, next(iter(entries), "Z-1"), 1)
        recorder.refused(
            lambda: contest.session.write(
                BallotCorrected(
                    contest=contest.key,
                    serial=serial,
                    station=where,
                    marks=Marks(struck=()) if form is BallotForm.STRIKE_OUT else Marks(),
                    at=contest.session.clock(),
                    corrects=seq,
                    reason="Sửa nhầm bản cũ",
                )
            ),
            contest,
            "log.not_current",
        )
    elif refusal == "unknown_batch":
        declared = contest.state.batches
        recorder.refused(
            lambda: contest.record("Z-1", batch="Z" if "Z" not in declared else "ZZ"),
            contest,
            "log.unknown_batch",
        )
    elif refusal == "not_entered":
        recorder.refused(
            lambda: contest.withdraw("Z-1", reason="Không có"), contest, "log.not_entered"
        )
    elif refusal == "no_dispute":
        disputed = {
            d.serial for d in discrepancies(contest.state.contest, contest.state.readings())
        }
        serial = next(
            (s for s in entries if s not in disputed and s not in contest.state.rulings), "Z-1"
        )
        recorder.refused(
            lambda: contest.rule(serial, note="Không cần", absent=True),
            contest,
            "log.no_discrepancy",
        )


@examples(0)
@given(
    sessions(max_ballots=15),
    st.lists(st.tuples(st.integers(0, 200), st.sampled_from(REFUSALS)), max_size=4),
)
def test_every_successful_step_appends_one_line_and_refused_steps_write_nothing(
    folder: Path, script: SessionScript, refusals: list[tuple[int, Refusal]]
) -> None:
    path = fresh(folder)
    recorder = Recorder(path)
    clock = StepClock()
    session = recorder.ok(lambda: CountingSession.open(path, station="1", clock=clock))
    contest = recorder.ok(
        lambda: session.open_contest(script.contest, roll=script.roll, rules=script.rules)
    )
    if script.board:
        recorder.ok(lambda: contest.constitute_board(script.board))
    recorder.ok(lambda: contest.issue(script.issued))
    for batch, expected in script.batches:
        recorder.ok(partial(contest.declare_batch, batch, expected))
    when: dict[int, list[Refusal]] = {}
    for position, refusal in refusals:
        when.setdefault(position % (len(script.steps) + 1), []).append(refusal)
    for i, step in enumerate([*script.steps, None]):
        for refusal in when.get(i, []):
            attempt(recorder, contest, refusal)
        if step is not None:
            recorder.ok(partial(apply_step, contest, step))
    for serial, reading in script.rulings:
        recorder.ok(partial(apply_ruling, contest, serial, reading))
    if script.collected is not None:
        recorder.ok(lambda: contest.collect(script.collected))
    result = recorder.ok(contest.close)
    for alternates, decision in script.decisions:
        result = recorder.ok(partial(contest.decide, decision, alternates=alternates))
    assert result == expected_result(script)
    # After the close: no more ballots, corrections, rulings or figures.
    recorder.refused(lambda: contest.record("Z-2"), contest, "log.closed")
    recorder.refused(lambda: contest.collect(len(script.truth)), contest, "log.closed")
    entered = [(where, s) for where, entries in contest.state.stations.items() for s in entries]
    if entered:
        where, last = entered[0]
        late = partial(contest.withdraw, last, reason="Muộn", station=where)
        recorder.refused(late, contest, "log.closed")
    assert len(lines_of(path)) == recorder.calls == script.events


# --- bugs found by these tests ---------------------------------------------------------------


def test_a_log_with_a_ballot_ruled_absent_replays(tmp_path: Path) -> None:
    # Found by the replay property: a ruling "no such ballot" was written without its
    # ``reading`` field, and the log could be neither replayed nor resumed.
    path = tmp_path / "absent.jsonl"
    contest = start(tie_script(False), path)
    for serial, reading in tie_script(False).truth:
        apply_step(contest, Step("record", "1", serial, reading))
        apply_step(contest, Step("record", "2", serial, reading))
    contest.record("07", struck=[1], station="2")
    contest.rule("07", note="Không có phiếu số 07", absent=True)
    result = contest.close()
    assert result.count.collected == 6
    assert verify(path).ok
    assert replay(path).result("bch") == result
    contest.session.close()
    assert CountingSession.open(path).contest("bch").result == result


def test_an_unknown_observation_code_never_reaches_the_log(tmp_path: Path) -> None:
    # Found while writing the refusal tests: an event with an unknown observation code was
    # written, and close() then failed with a KeyError.
    contest = start(tie_script(False), tmp_path / "codes.jsonl")
    before = (tmp_path / "codes.jsonl").read_bytes()
    with pytest.raises(ValueError, match="bogus"):
        contest.session.write(
            BallotRecorded(
                contest="bch",
                serial="01",
                station="1",
                marks=Marks(struck=(3,)),
                observations=("bogus",),
                at=contest.session.clock(),
            )
        )
    with pytest.raises(BallotError) as refused:
        contest.record("01", struck=[3], observations=["bogus"])
    assert refused.value.code == "ballot.unknown_observation"
    assert (tmp_path / "codes.jsonl").read_bytes() == before


def test_a_chained_event_with_an_unknown_observation_code_is_reported_at_its_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "codes.jsonl"
    start(tie_script(False), path)
    lines = len(lines_of(path))
    log = AuditLog.open(path)
    data = {"contest": "bch", "serial": "01", "station": "1", "marks": {"struck": [3]}}
    log.append("ballot_recorded", {**data, "observations": ["bogus"], "at": "2025-06-01T09:00:00Z"})
    report = verify(path)
    assert not report.ok and report.problem is Problem.INCONSISTENT and report.line == lines + 1


def test_the_same_observations_in_another_order_are_no_discrepancy() -> None:
    contest = tie_script(False).contest
    one = Reading(marks=Marks(struck=(3,)), observations=("write_in", "identifying_mark"))
    two = Reading(marks=Marks(struck=(3,)), observations=("identifying_mark", "write_in"))
    assert discrepancies(contest, {"1": {"01": one}, "2": {"01": two}}) == []


def test_a_ruling_into_an_undeclared_stack_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "stack.jsonl"
    contest = start(tie_script(False), path)
    contest.declare_batch("A", 1)
    contest.record("01", struck=[3], batch="A", station="1")
    contest.record("01", struck=[4], batch="A", station="2")
    before = path.read_bytes()
    with pytest.raises(BallotError) as refused:
        contest.rule("01", note="Xem lại phiếu", struck=[3], batch="Z")
    assert refused.value.code == "log.unknown_batch"
    assert path.read_bytes() == before
