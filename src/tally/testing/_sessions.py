"""Counting sessions: a script of every step a board takes, and a player that drives a
:class:`~tally.audit.session.CountingSession` through it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, Literal

import numpy as np
import numpy.typing as npt
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from tally.audit.events import Marks, Reading
from tally.audit.session import ContestSession, CountingSession
from tally.congress.plan import BoardMember
from tally.counting.outcome import OutcomeStatus, TieDecision
from tally.counting.result import ContestResult, count_contest
from tally.errors import ContestError, ReconciliationError
from tally.model.ballot_builder import MarksGiven
from tally.model.ballots import OBSERVATION_CODES, Mark
from tally.model.contest import BallotForm, Contest, check_list
from tally.model.names import name_identity
from tally.model.roll import Roll
from tally.model.rules import QC_190, QC_244, Citation, RuleSet, TiePolicy, TieRule
from tally.testing._ballots import counted_contests
from tally.testing._names import _NAMES

StepAction = Literal["record", "correct", "withdraw"]

_OLDER_WINS = QC_190.model_copy(
    update={
        "name": "qc190_older_wins",
        "tie": TieRule(
            policy=TiePolicy.OLDER_WINS,
            citation=Citation(source="Luật 85/2015/QH13", article="78", confidence="V"),
        ),
    }
)
_CODES: Final[tuple[str, ...]] = tuple(sorted(OBSERVATION_CODES))


def _marks_text(marks: Marks) -> str:
    if marks.struck is not None:
        return f"struck={list(marks.struck)}"
    parts = [
        f"{name}={list(numbers)}"
        for name, numbers in (
            ("agree", marks.agree),
            ("disagree", marks.disagree),
            ("both", marks.both),
        )
        if numbers
    ]
    return " ".join(parts) or "neither"


def reading_text(reading: Reading | None) -> str:
    """A reading in one short line, e.g. ``struck=[1, 3] +write_in [A]`` (``absent``: none)."""
    if reading is None:
        return "absent"
    text = _marks_text(reading.marks)
    if reading.observations:
        text += " +" + "+".join(reading.observations)
    if reading.batch is not None:
        text += f" [{reading.batch}]"
    return text


@dataclasses.dataclass(frozen=True)
class Step:
    """One entry at a station: record or correct a reading of ``serial``, or withdraw it."""

    action: StepAction
    station: str
    serial: str
    reading: Reading | None = None
    """The reading entered (``None`` for a withdrawal)."""
    reason: str = ""

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    def __repr__(self) -> str:
        head = f"{self.action}@{self.station} {self.serial}"
        return head if self.reading is None else f"{head} {reading_text(self.reading)}"


@dataclasses.dataclass(frozen=True)
class SessionScript:
    """Everything a board does in one contest's count, in order, and the ballots as they are.

    ``truth`` is the ballots the board agrees on at the end (serial → reading); the ``steps``
    enter them at each station with mistakes on the way — corrected, withdrawn, or left for the
    board to rule on in ``rulings`` (the last ruling of a serial stands). ``decisions`` resolve
    a tie at the cut-off (``False``) or at the alternates' cut-off (``True``).
    """

    contest: Contest
    roll: Roll
    rules: RuleSet
    board: tuple[BoardMember, ...]
    issued: int
    batches: tuple[tuple[str, int], ...]
    stations: tuple[str, ...]
    steps: tuple[Step, ...]
    rulings: tuple[tuple[str, Reading | None], ...]
    collected: int | None
    decisions: tuple[tuple[bool, TieDecision], ...]
    truth: tuple[tuple[str, Reading], ...]

    @property
    def key(self) -> str:
        """The contest's key in the log."""
        return self.contest.id

    @property
    def disputed(self) -> tuple[str, ...]:
        """The serials the stations leave in dispute (those the board rules on), in order."""
        return tuple(dict.fromkeys(serial for serial, _ in self.rulings))

    @property
    def events(self) -> int:
        """How many events :func:`play` writes when the count closes."""
        return (
            3  # session opened, contest opened, ballots issued
            + (1 if self.board else 0)
            + len(self.batches)
            + len(self.steps)
            + len(self.rulings)
            + (0 if self.collected is None else 1)
            + 1  # count closed
            + len(self.decisions)
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    def __repr__(self) -> str:
        c = self.contest
        names = ", ".join(f"{i} {name}" for i, name in enumerate(c.names, start=1))
        roll = self.roll
        lines = [
            "SessionScript(",
            f"  contest={c.id!r} {c.body.value} seats={c.seats} alternates={c.alternates} "
            f"form={c.form.value} candidates=[{names}]",
            f"  roll={roll.kind.value} convened={roll.convened} present={roll.present} "
            f"deductions={ {k.value: v for k, v in roll.deductions.items()} } base={roll.base}",
            f"  rules={self.rules.name} tie={self.rules.tie.policy.value} "
            f"board={[m.name + ('*' if m.role == 'head' else '') for m in self.board]}",
            f"  issued={self.issued} collected={self.collected} stations={list(self.stations)} "
            f"batches={dict(self.batches)}",
            "  steps:",
            *(f"    {step!r}" for step in self.steps),
            "  rulings:",
            *(f"    {serial}: {reading_text(r)}" for serial, r in self.rulings),
            "  decisions:",
            *(
                f"    {'alternates' if alt else 'tie'}: {list(d.winners)}"
                for alt, d in self.decisions
            ),
            "  truth:",
            *(f"    {serial}: {reading_text(r)}" for serial, r in self.truth),
            ")",
        ]
        return "\n".join(lines)


class StepClock:
    """A deterministic clock: ``start`` plus one second more at every call."""

    def __init__(self, start: dt.datetime = dt.datetime(2025, 6, 1, 8, 0, tzinfo=dt.UTC)):
        self.start = start
        self.ticks = 0

    def __call__(self) -> dt.datetime:
        self.ticks += 1
        return self.start + dt.timedelta(seconds=self.ticks)


def reading_of_row(
    form: BallotForm, row: npt.NDArray[np.uint8], flags: int, batch: str | None = None
) -> Reading:
    """The :class:`~tally.audit.events.Reading` of one row of a mark matrix and its observation
    flags, as a station would store it (ballot numbers and observation codes sorted)."""
    numbered = [(n, int(mark)) for n, mark in enumerate(row, start=1)]
    if form is BallotForm.STRIKE_OUT:
        marks = Marks(struck=tuple(n for n, mark in numbered if mark == Mark.STRUCK))
    else:
        marks = Marks(
            agree=tuple(n for n, mark in numbered if mark == Mark.AGREE),
            disagree=tuple(n for n, mark in numbered if mark == Mark.DISAGREE),
            both=tuple(n for n, mark in numbered if mark == Mark.BOTH),
        )
    codes = tuple(code for code in _CODES if flags & OBSERVATION_CODES[code])
    return Reading(marks=marks, observations=codes, batch=batch)


def flip_mark(form: BallotForm, reading: Reading, number: int, shift: int = 0) -> Reading:
    """``reading`` with the mark of candidate ``number`` changed: kept ↔ struck on the
    strike-out form; on the yes/no form to another of neither/agree/disagree/both."""
    marks = reading.marks
    if form is BallotForm.STRIKE_OUT:
        struck = set(marks.struck or ())
        struck.symmetric_difference_update({number})
        return reading.model_copy(update={"marks": Marks(struck=tuple(struck))})
    groups = {1: set(marks.agree or ()), 2: set(marks.disagree or ()), 3: set(marks.both or ())}
    old = next((mark for mark, numbers in groups.items() if number in numbers), 0)
    new = (old + 1 + shift % 3) % 4
    if old:
        groups[old].discard(number)
    if new:
        groups[new].add(number)
    changed = Marks(agree=tuple(groups[1]), disagree=tuple(groups[2]), both=tuple(groups[3]))
    return reading.model_copy(update={"marks": changed})


def toggle_observation(reading: Reading, code: str) -> Reading:
    """``reading`` with observation ``code`` added or removed (codes stay sorted)."""
    codes = set(reading.observations) ^ {code}
    return reading.model_copy(update={"observations": tuple(sorted(codes))})


def _mistake(
    form: BallotForm, k: int, batches: tuple[str, ...], reading: Reading, detail: int
) -> Reading:
    """A misreading of ``reading``, different from it: a mark, an observation or a stack."""
    what = detail % 4
    if what == 2:
        return toggle_observation(reading, _CODES[(detail // 4) % len(_CODES)])
    if what == 3 and len(batches) > 1:
        others = [b for b in batches if b != reading.batch]
        return reading.model_copy(update={"batch": others[(detail // 4) % len(others)]})
    return flip_mark(form, reading, (detail // 4) % k + 1, detail // (4 * k))


_Noise = Literal["corrected", "withdrawn", "stray", "disputed", "missing", "extra", "reruled"]
_NOISES: Final[tuple[_Noise, ...]] = (
    "corrected",
    "disputed",
    "missing",
    "withdrawn",
    "stray",
    "extra",
    "reruled",
)
_LASTING: Final[frozenset[str]] = frozenset({"disputed", "missing", "extra", "reruled"})
"""Mistakes left in the log for the board to rule on."""


@st.composite
def _board(draw: st.DrawFn, contest: Contest) -> tuple[BoardMember, ...]:
    size = draw(st.integers(0, 3))
    if not size:
        return ()
    taken = {name_identity(name) for name in contest.names}
    names = draw(
        st.lists(
            _NAMES.filter(lambda n: name_identity(n) not in taken),
            min_size=size,
            max_size=size,
            unique_by=name_identity,
        )
    )
    return tuple(
        BoardMember(name=name, role="head" if i == 0 else "member") for i, name in enumerate(names)
    )


@st.composite
def _decisions(
    draw: st.DrawFn, contest: Contest, result: ContestResult, count: Callable[..., ContestResult]
) -> tuple[tuple[bool, TieDecision], ...]:
    decisions: list[tuple[bool, TieDecision]] = []
    tie_decision: TieDecision | None = None
    for alternates in (False, True):
        status = result.outcome.status
        tie = result.outcome.alternate_tie if alternates else result.outcome.tie
        wanted = OutcomeStatus.ALTERNATE_TIE if alternates else OutcomeStatus.TIE
        if status is not wanted or tie is None or not draw(st.integers(0, 3)):
            break
        order = draw(st.permutations(tie.candidates))
        decision = TieDecision(winners=tuple(order[: tie.seats_at_stake]), note="Bầu lại")
        decisions.append((alternates, decision))
        if alternates:
            break
        tie_decision = decision
        result = count(decision=tie_decision)
    return tuple(decisions)


@st.composite
def _sessions(
    draw: st.DrawFn,
    max_ballots: int,
    max_candidates: int,
    min_stations: int,
    max_stations: int,
    batches: bool | None,
    mistakes: int,
) -> SessionScript:
    contest, truth_ballots, roll, issued = draw(
        counted_contests(max_candidates=max_candidates, max_convened=max_ballots)
    )
    rules = draw(st.sampled_from((QC_190, QC_244, _OLDER_WINS)))
    try:
        check_list(contest, rules)
    except ContestError:  # pragma: no cover - the presets agree on the list rule
        rules = QC_190
    form, k, n = contest.form, len(contest.candidates), len(truth_ballots)
    serials = [str(s) for s in truth_ballots.serials]

    use_batches = draw(st.booleans()) if batches is None else batches
    names: tuple[str, ...] = ()
    where: list[str | None] = [None] * n
    if use_batches:
        names = ("A", "B", "C")[: draw(st.integers(1, 3))]
        picks = draw(st.lists(st.integers(0, len(names) - 1), min_size=n, max_size=n))
        where = [names[i] for i in picks]
    expected = tuple((name, where.count(name)) for name in names)
    truth = {
        serial: reading_of_row(
            form, truth_ballots.marks[i], int(truth_ballots.observations[i]), where[i]
        )
        for i, serial in enumerate(serials)
    }

    stations = tuple(str(i) for i in range(1, draw(st.integers(min_stations, max_stations)) + 1))
    orders = [list(draw(st.permutations(serials))) if i else serials for i in range(len(stations))]
    noise: dict[tuple[int, int], tuple[_Noise | Literal["clean"], int]] = {}
    lasting: dict[int, int] = {}
    if n and mistakes:
        drawn = draw(
            st.lists(
                st.tuples(
                    st.integers(0, n - 1),
                    st.integers(0, len(stations) - 1),
                    st.sampled_from(_NOISES),
                    st.integers(0, 2**16),
                ),
                max_size=mistakes,
            )
        )
        skipped: dict[int, int] = {}
        for index, at, kind, detail in drawn:
            if (index, at) in noise:
                continue
            if kind == "missing" and skipped.get(at, 0) >= n - 1:
                continue  # a station is known by its entries: it must enter some ballot
            if kind in _LASTING:
                if lasting.get(index, 0) >= len(stations) - 1:
                    continue
                lasting[index] = lasting.get(index, 0) + 1
            if kind == "missing":
                skipped[at] = skipped.get(at, 0) + 1
            noise[index, at] = (kind, detail)

    steps: list[Step] = []
    rulings: dict[str, list[Reading | None]] = {}
    for t, station in enumerate(stations):
        later: list[Step] = []
        for serial in orders[t]:
            index = serials.index(serial)
            true = truth[serial]
            what, detail = noise.get((index, t), ("clean", 0))
            wrong = _mistake(form, k, names, true, detail)
            if what == "clean":
                steps.append(Step("record", station, serial, true))
            elif what == "corrected":
                steps.append(Step("record", station, serial, wrong))
                fix = Step("correct", station, serial, true, reason="Đọc nhầm")
                (later if detail % 2 else steps).append(fix)
            elif what == "withdrawn":
                steps.append(Step("record", station, serial, wrong))
                steps.append(Step("withdraw", station, serial, reason="Nhập nhầm"))
                later.append(Step("record", station, serial, true))
            elif what == "stray":
                steps.append(Step("record", station, serial, true))
                steps.append(Step("record", station, f"W-{serial}", wrong))
                later.append(Step("withdraw", station, f"W-{serial}", reason="Không có phiếu này"))
            elif what in ("disputed", "reruled"):
                steps.append(Step("record", station, serial, wrong))
                first = [wrong] if what == "reruled" else []
                rulings.setdefault(serial, [*first, true])
            elif what == "missing":
                rulings.setdefault(serial, [true])
            else:  # extra: a ballot that does not exist, entered at some stations only
                steps.append(Step("record", station, serial, true))
                steps.append(Step("record", station, f"X-{serial}", wrong))
                rulings.setdefault(f"X-{serial}", [None])
        steps.extend(later)
    ruled = tuple((serial, r) for serial, readings in rulings.items() for r in readings)

    collected = draw(st.sampled_from((n, None)))
    board = draw(_board(contest))

    def count(decision: TieDecision | None = None) -> ContestResult:
        return count_contest(
            contest,
            truth_ballots,
            roll=roll,
            issued=issued,
            collected=collected,
            rules=rules,
            decision=decision,
        )

    decisions = draw(_decisions(contest, count(), count))
    return SessionScript(
        contest=contest,
        roll=roll,
        rules=rules,
        board=board,
        issued=issued,
        batches=expected,
        stations=stations,
        steps=tuple(steps),
        rulings=ruled,
        collected=collected,
        decisions=decisions,
        truth=tuple(truth.items()),
    )


def sessions(
    *,
    max_ballots: int = 30,
    max_candidates: int = 8,
    min_stations: int = 1,
    max_stations: int = 3,
    batches: bool | None = None,
    mistakes: int = 6,
) -> st.SearchStrategy[SessionScript]:
    """Scripts of a whole count (:class:`SessionScript`) that :func:`play` drives through a
    :class:`~tally.audit.session.CountingSession` to a closed count.

    The contest, roll and ballots come from :func:`counted_contests` (``max_ballots`` caps the
    members convened, so the ballots, except for a chi ủy or a committee's conference, which
    need nine members or the whole list). The same ballots are entered at
    ``min_stations..max_stations`` stations, each in its own order, with up to ``mistakes``
    mistakes on the way: a misreading corrected, an entry withdrawn and entered again, a stray
    serial withdrawn, and — with two stations or more — a misreading, a skipped ballot or a
    ballot that does not exist, left for the board to rule on (never at every station, so the
    stations always disagree on it).
    Stacks (sấp phiếu), when ``batches`` (drawn if ``None``), hold exactly the ballots the
    board counts into them. A tie at the cut-off is usually resolved by a recorded decision.

    >>> import pathlib, tempfile
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=5, deadline=None)
    ... @given(sessions(max_ballots=8))
    ... def test_closes(script):
    ...     with tempfile.TemporaryDirectory() as folder:
    ...         result = play(script, pathlib.Path(folder) / "log.jsonl")
    ...     assert result is not None and result.count.collected == len(script.truth)
    >>> test_closes()
    """
    if max_ballots < 1:
        raise InvalidArgument(f"max_ballots must be at least 1, got {max_ballots}")
    if not 1 <= min_stations <= max_stations:
        raise InvalidArgument(
            f"need 1 <= min_stations <= max_stations, got {min_stations}, {max_stations}"
        )
    if mistakes < 0:
        raise InvalidArgument(f"mistakes must not be negative, got {mistakes}")
    return _sessions(max_ballots, max_candidates, min_stations, max_stations, batches, mistakes)


def _given(form: BallotForm, reading: Reading) -> MarksGiven:
    """The entry keywords that give ``reading``'s marks and observations."""
    marks = reading.marks
    if form is BallotForm.STRIKE_OUT:
        return {"struck": marks.struck or (), "observations": reading.observations}
    return {
        "agree": marks.agree or (),
        "disagree": marks.disagree or (),
        "both": marks.both or (),
        "observations": reading.observations,
    }


def start(
    script: SessionScript, path: Path, clock: Callable[[], dt.datetime] | None = None
) -> ContestSession:
    """Open a session at ``path`` and the script's contest: board, ballots issued, stacks."""
    session = CountingSession.open(path, station=script.stations[0], clock=clock or StepClock())
    contest = session.open_contest(script.contest, roll=script.roll, rules=script.rules)
    if script.board:
        contest.constitute_board(script.board)
    contest.issue(script.issued)
    for batch, expected in script.batches:
        contest.declare_batch(batch, expected)
    return contest


def apply_step(contest: ContestSession, step: Step) -> int:
    """Enter ``step`` through the session's API; the event's seq."""
    if step.action == "withdraw":
        return contest.withdraw(step.serial, reason=step.reason, station=step.station)
    reading = step.reading
    assert reading is not None
    given = _given(contest.state.contest.form, reading)
    if step.action == "correct":
        return contest.correct(
            step.serial, reason=step.reason, batch=reading.batch, station=step.station, **given
        )
    return contest.record(step.serial, batch=reading.batch, station=step.station, **given)


def apply_ruling(contest: ContestSession, serial: str, reading: Reading | None) -> int:
    """Record the board's ruling on ``serial`` (``None``: there is no such ballot)."""
    if reading is None:
        return contest.rule(serial, note="Không có phiếu này", absent=True)
    given = _given(contest.state.contest.form, reading)
    return contest.rule(serial, note="Ban kiểm phiếu xem lại phiếu", batch=reading.batch, **given)


def perform(
    script: SessionScript, path: Path, clock: Callable[[], dt.datetime] | None = None
) -> tuple[ContestSession, ContestResult | None]:
    """Play ``script`` into a new log at ``path``; the contest's handle and its result
    (``None`` when the count does not reconcile, e.g. a stack holds the wrong number)."""
    contest = start(script, path, clock)
    for step in script.steps:
        apply_step(contest, step)
    for serial, reading in script.rulings:
        apply_ruling(contest, serial, reading)
    if script.collected is not None:
        contest.collect(script.collected)
    try:
        result = contest.close()
    except ReconciliationError:
        return contest, None
    for alternates, decision in script.decisions:
        result = contest.decide(decision, alternates=alternates)
    return contest, result


def play(
    script: SessionScript, path: Path, clock: Callable[[], dt.datetime] | None = None
) -> ContestResult | None:
    """Drive a :class:`~tally.audit.session.CountingSession` through ``script`` into a new log at
    ``path``; the result of the closed count (after any decisions), or ``None`` when the
    count does not reconcile."""
    return perform(script, path, clock)[1]
