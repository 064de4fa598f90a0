"""The whole congress rebuilt from its log: the plan, the open votes and the counts give back
the very record — and so the very summary — that ``tally count`` printed.

The differential: for every bundled example and for drawn congresses (with drawn open votes
and targets, some contests not counted yet), ``replay(log).congress_record()`` equals
``run_congress(...)``, and the summary renders byte for byte the same in both languages and
both formats. Then the live path (a board recording the plan and its open votes through a
session), the refusals, and old logs without a plan.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tally.audit.congress_log import record_congress
from tally.audit.events import CongressIdentity
from tally.audit.log import AuditLog
from tally.audit.replay import replay, verify
from tally.audit.session import CountingSession
from tally.congress.chain import ElectionModel
from tally.congress.composition import BodyTargets, Targets
from tally.congress.plan import (
    BoardMember,
    CommitteeRoll,
    Congress,
    ContestPlan,
    OpenVoteRecord,
    RoundPlan,
)
from tally.congress.run import CongressRecord, ContestStatus, run_congress
from tally.counting.open_vote import Motion
from tally.errors import BallotError, LogError, RollError
from tally.i18n.messages import LANGS
from tally.io.ballot_files import BallotFiles
from tally.io.spec import load_congress
from tally.model.ballots import Ballots
from tally.model.bodies import Body
from tally.model.contest import Contest
from tally.model.roll import CongressKind, Roll
from tally.render.document import Format
from tally.render.summary import render_summary
from tally.testing import CongressCase, congresses

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(ROOT.glob("examples/*/congress.toml"))


def same_summary(rebuilt: CongressRecord, counted: CongressRecord) -> None:
    formats: tuple[Format, ...] = ("text", "markdown")
    for lang, fmt in itertools.product(LANGS, formats):
        assert render_summary(rebuilt, lang, fmt) == render_summary(counted, lang, fmt)


@pytest.mark.parametrize("spec", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_each_example_rebuilds_from_its_log_as_counted(spec: Path, tmp_path: Path) -> None:
    congress = load_congress(spec)
    files = BallotFiles(congress, spec.parent, None, congress.contests[0].contest.id)
    counted = run_congress(congress, files)
    log = tmp_path / "congress.jsonl"
    record_congress(counted, files.loaded, log)
    replayed = replay(log)
    assert replayed.planned
    rebuilt = replayed.congress_record()
    assert rebuilt == counted
    same_summary(rebuilt, counted)
    assert verify(log).ok


_logs = itertools.count()
_SUBJECTS = ("Ban kiểm phiếu gồm 3 đồng chí", "Số lượng Ban Chấp hành", "Danh sách bầu cử")


@st.composite
def open_votes(draw: st.DrawFn, present: int) -> tuple[OpenVoteRecord, ...]:
    votes = []
    for _ in range(draw(st.integers(0, 4))):
        yes = draw(st.integers(0, present))
        no = draw(st.integers(0, present - yes))
        abstain = draw(st.integers(0, present - yes - no))
        motion = draw(st.sampled_from(list(Motion)))
        subject = draw(st.sampled_from(_SUBJECTS))
        votes.append(
            OpenVoteRecord(motion=motion, subject=subject, yes=yes, no=no, abstain=abstain)
        )
    return tuple(votes)


percent = st.none() | st.integers(0, 100)
own_targets = st.dictionaries(
    st.sampled_from([body for body in Body if body.is_collective]),
    st.builds(BodyTargets, women_percent=percent, minorities_percent=percent),
    max_size=2,
)
targets = st.none() | st.builds(
    Targets,
    women_percent=percent,
    minorities_percent=percent,
    under_40_percent=percent,
    by_body=own_targets,
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("congress_logs")


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=40)
@given(congresses(), st.data())
def test_a_drawn_congress_rebuilds_from_its_log_as_counted(
    folder: Path, case: CongressCase, data: st.DataObject
) -> None:
    """Drawn open votes and targets, and only the first contests counted so far: the rest are
    in the plan alone (awaiting ballots, waiting for their source)."""
    congress = case.congress.model_copy(
        update={
            "open_votes": data.draw(open_votes(case.congress.roll.present), label="votes"),
            "targets": data.draw(targets, label="targets"),
        }
    )
    counted_so_far = data.draw(st.integers(0, len(congress.contests)), label="counted")
    ballots = {
        plan.contest.id: case.ballots[plan.contest.id]
        for plan in congress.contests[:counted_so_far]
    }
    counted = run_congress(congress, ballots)
    log = folder / f"congress-{next(_logs)}.jsonl"
    record_congress(counted, ballots, log, clock=lambda: dt.datetime(2025, 6, 1, 8, 0))
    rebuilt = replay(log).congress_record()
    assert rebuilt == counted
    same_summary(rebuilt, counted)


# --- the live path: a board records the plan and the open votes through a session ------------

BOARD = (BoardMember(name="Hà Thị Tuyết", role="head"), BoardMember(name="Ông Văn Bền"))
PEOPLE = [
    f"{surname} Văn {given}"
    for surname, given in zip(
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"],
        ["An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khoa", "Lâm", "Minh", "Nam", "Phúc"],
        strict=True,
    )
]
ROLL = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=30, present=30)
SEATS = OpenVoteRecord(motion=Motion.SEATS, subject="Số lượng Ban Chấp hành: 9", yes=29, no=1)
WITHDRAWAL = OpenVoteRecord(
    motion=Motion.WITHDRAWAL, subject="Cho rút khỏi danh sách", yes=4, no=26
)
IDENTITY = CongressIdentity(name="Đại hội Đảng bộ xã Thử Nghiệm", date=dt.date(2025, 6, 1))


def planned(issued: int, rounds: tuple[RoundPlan, ...] = ()) -> Congress:
    bch = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=9, candidates=PEOPLE)
    bt = Contest(id="bt", body=Body.SECRETARY, seats=1, candidates=[PEOPLE[0]])
    return Congress(
        name=IDENTITY.name,
        date=IDENTITY.date,
        roll=ROLL,
        board=BOARD,
        model=ElectionModel.STANDARD,
        committee_roll=CommitteeRoll(present=9),
        targets=Targets(under_40_percent=20),
        contests=(
            ContestPlan(contest=bch, issued=issued, rounds=rounds),
            ContestPlan(contest=bt, issued=9),
        ),
    )


def round_one(contest: Contest) -> Ballots:
    """28 ballots: eight names kept on every one, the ninth kept spread over three names, so
    eight are elected and one seat stays open."""
    kept = contest.names
    rows = []
    for i in range(28):
        row = [0] * len(kept)
        for name in PEOPLE[:8]:
            row[kept.index(name)] = 1
        row[kept.index(PEOPLE[8 + i % 3])] = 1
        rows.append(row)
    return Ballots.from_arrays(contest, rows)


def test_a_live_session_rebuilds_the_congress_with_the_figures_it_recorded(
    tmp_path: Path,
) -> None:
    """The plan's figures are what the board expected (30 ballots); the log's (28) are what
    happened, and they stand. A round the congress orders must be planned too."""
    path = tmp_path / "live.jsonl"
    clock = itertools.count()
    session = CountingSession.open(
        path,
        congress=IDENTITY,
        clock=lambda: dt.datetime(2025, 6, 1, 8, 0) + dt.timedelta(minutes=next(clock)),
    )
    with pytest.raises(LogError) as early:
        session.record_open_vote(SEATS.model_copy(update={"yes": 30, "no": 0}))
    assert early.value.code == "log.open_vote_before_plan"
    session.plan_congress(planned(issued=30))
    seats = session.record_open_vote(SEATS)
    failed = session.record_open_vote(WITHDRAWAL)
    assert seats.passed and not failed.passed and seats.base == 30
    first = planned(issued=30).contests[0].contest
    bch = session.open_contest(first, roll=ROLL)
    bch.constitute_board(BOARD)
    bch.issue(28)
    bch.enter_all(round_one(first))
    bch.collect(28)
    assert bch.close().outcome.open_seats == 1
    bch.order_round("bch.r2", seats=1, note="Đại hội biểu quyết bầu tiếp 1 người")
    result = bch.state.result
    assert result is not None
    leftover = [c for c in first.candidates if c.name not in result.outcome.elected]
    second = Contest(id="bch.r2", body=first.body, seats=1, candidates=leftover, round=2)
    r2 = session.open_contest(second, roll=ROLL, key="bch.r2")
    r2.issue(28)
    r2.enter_all(Ballots.from_arrays(second, [[1, 0, 0]] * 20 + [[0, 1, 0]] * 8))
    r2.collect(28)
    r2.close()
    with pytest.raises(LogError) as unplanned:
        replay(path).congress_record()
    assert unplanned.value.code == "log.plan_differs"
    assert unplanned.value.params["contest"] == "bch.r2"
    assert "bch.r2" in unplanned.value.message("en") and "no such round" in str(
        unplanned.value.message("en")
    )
    assert verify(path).problem is not None  # the log holds a count its plan does not lead to
    session.plan_congress(planned(issued=30, rounds=(RoundPlan(issued=28),)))
    session.close()

    rebuilt = replay(path).congress_record()
    as_counted = planned(issued=28, rounds=(RoundPlan(issued=28),)).model_copy(
        update={
            "open_votes": (SEATS, WITHDRAWAL),
        }
    )
    assert r2.state.ballots is not None
    ballots = {"bch": round_one(first), "bch.r2": r2.state.ballots}
    expected = run_congress(as_counted, ballots)
    assert rebuilt == expected
    same_summary(rebuilt, expected)
    assert [c.status for c in rebuilt.contests] == [
        ContestStatus.COMPLETE,
        ContestStatus.AWAITING_BALLOTS,  # the secretary: planned, not counted yet
    ]
    assert verify(path).ok
    summary = render_summary(rebuilt, "en")
    assert WITHDRAWAL.subject in summary and "NOT passed" in summary


def opened_session(path: Path) -> CountingSession:
    return CountingSession.open(path, congress=IDENTITY, clock=lambda: dt.datetime(2025, 6, 1))


def test_a_plan_of_another_congress_or_roll_is_refused_and_nothing_written(
    tmp_path: Path,
) -> None:
    session = opened_session(tmp_path / "log.jsonl")
    other = planned(30).model_copy(update={"name": "Đại hội khác"})
    with pytest.raises(LogError) as caught:
        session.plan_congress(other)
    assert caught.value.code == "log.plan_other_congress"
    with_votes = planned(30).model_copy(
        update={"open_votes": (OpenVoteRecord(motion=Motion.LIST, subject="x", yes=1, no=0),)}
    )
    with pytest.raises(BallotError) as voted:
        session.plan_congress(with_votes)
    assert "open_vote_recorded" in voted.value.message("en")
    session.plan_congress(planned(30))
    bigger = planned(30).model_copy(update={"roll": ROLL.model_copy(update={"present": 29})})
    with pytest.raises(LogError) as rolled:
        session.plan_congress(bigger)
    assert rolled.value.code == "log.plan_roll_changed"
    with pytest.raises(RollError) as too_many:
        session.record_open_vote(OpenVoteRecord(motion=Motion.LIST, subject="DS", yes=20, no=20))
    assert too_many.value.code == "open_vote.too_many"  # 40 hands, 30 present
    assert len(session.log) == 2
    session.close()


def rewrite(path: Path, change: dict[int, dict[str, object]], into: Path) -> Path:
    """The log at ``path`` written again with the data of some events changed, every hash
    recomputed — a forgery the chain alone cannot see."""
    writer = AuditLog.open(into)
    for line in path.read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        writer.append(event["kind"], {**event["data"], **change.get(event["seq"], {})})
    writer.close()
    return into


def test_a_forged_open_vote_fails_the_replay_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    session = opened_session(path)
    session.plan_congress(planned(30))
    session.record_open_vote(OpenVoteRecord(motion=Motion.LIST, subject="DS", yes=14, no=16))
    session.close()
    vote = {"motion": "list", "subject": "DS", "yes": 16, "no": 14, "abstain": 0}
    forged = rewrite(path, {3: {"vote": vote}}, tmp_path / "forged.jsonl")
    report = verify(forged)
    assert report.problem is not None and report.line == 3
    assert report.error is not None and report.error.code == "log.figures_differ"


def test_an_old_log_replays_without_a_plan_and_may_not_gain_one(tmp_path: Path) -> None:
    """A tally.log/1 log replays as before; its summary is not available, said plainly; a
    plan or an open vote in it is refused (its writer never wrote one)."""
    path = tmp_path / "new.jsonl"
    session = opened_session(path)
    bt = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"])
    handle = session.open_contest(
        bt, roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3)
    )
    handle.issue(3)
    handle.enter_all(Ballots.from_arrays(bt, [[1]] * 3))
    handle.collect(3)
    handle.close()
    session.close()
    old = rewrite(path, {1: {"format": "tally.log/1"}}, tmp_path / "old.jsonl")
    replayed = replay(old)
    assert replayed.state.opened is not None and replayed.state.opened.format == "tally.log/1"
    assert replayed.result("bt").outcome.elected == ("Lê Văn Tám",)
    assert not replayed.planned
    with pytest.raises(LogError) as caught:
        replayed.congress_record()
    assert caught.value.code == "log.no_plan"
    assert "tally.log/1" in caught.value.message("en")
    assert verify(old).ok
    reopened = CountingSession.open(old)
    with pytest.raises(LogError) as refused:
        reopened.plan_congress(planned(30))
    assert refused.value.code == "log.kind_needs_format"
    reopened.close()


def test_count_extends_an_old_log_without_a_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    from tally.cli.main import EXIT_NEEDS_DECISION, EXIT_OK, main

    folder = tmp_path / "district"
    shutil.copytree(ROOT / "examples" / "district_congress", folder)
    spec = folder / "congress.toml"
    later = folder / "ballots_bt.csv"
    held = later.read_bytes()
    later.unlink()
    log = tmp_path / "district.jsonl"
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_NEEDS_DECISION
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    keep = {1: {"format": "tally.log/1"}}
    old = tmp_path / "old.jsonl"
    writer = AuditLog.open(old)
    for event in events:  # as an older tally wrote it: no plan, no open votes
        if event["kind"] not in ("congress_planned", "open_vote_recorded"):
            writer.append(event["kind"], {**event["data"], **keep.get(event["seq"], {})})
    writer.close()
    later.write_bytes(held)
    assert main(["count", str(spec), "--log", str(old)]) == EXIT_OK
    kinds = {json.loads(line)["kind"] for line in old.read_text(encoding="utf-8").splitlines()}
    assert "congress_planned" not in kinds and replay(old).result("bt").outcome.elected
    capsys.readouterr()
    assert main(["replay", str(old), "--lang", "en"]) == EXIT_OK
    out, err = capsys.readouterr()
    assert "SUMMARY OF THE ELECTIONS" not in out and "COUNTING MINUTES" in out
    assert "records no plan of the congress and no open votes (format tally.log/1)" in err
