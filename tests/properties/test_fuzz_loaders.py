"""Fuzzed loaders (issue 5, point 3): the congress spec (TOML), the ballots file (CSV), JSON
results, rulings and audit logs, given random bytes or a bundled example with a few drawn
mutations, either load whole or raise a :class:`TallyError` naming the file and the line or
field, whose message renders in both languages — never another exception, a hang, or a partial
result (nothing written, no half-built object returned).

Example counts follow the hypothesis profile (``HYPOTHESIS_PROFILE=ci`` runs 2,000 of each).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import shutil
import signal
import tempfile
import tomllib
import types
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from tally import Ballots, Body, CongressKind, Contest, Roll
from tally.audit.chain import canonical, event_hash
from tally.audit.events import CongressIdentity
from tally.audit.replay import replay, verify
from tally.audit.session import CountingSession
from tally.audit.stations import Ruling, load_rulings, merge
from tally.cli.main import main
from tally.congress.plan import BoardMember, Congress
from tally.congress.run import CongressRecord, run_congress
from tally.counting.outcome import TieDecision, decide
from tally.counting.result import ContestResult, threshold_base
from tally.errors import BallotError, FileProblemsError, InputFileError, LogError, TallyError
from tally.io.ballots_csv import read_ballots_csv
from tally.io.results_json import load_record, load_result
from tally.io.spec import congress_from_dict, load_congress
from tally.model.ballot_builder import BallotBuilder
from tally.model.ballots import Mark
from tally.model.contest import BallotForm

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ("delegate_congress", "direct_election", "district_congress")

WHOLE_FILE = frozenset(
    {
        "csv.empty",  # no header row
        "csv.no_ballots",  # a header and nothing else
        "spec.no_contest",  # no [[contest]] anywhere
        "json.not_object",  # a list, a number… instead of a result
        "json.wrong_kind",  # another of tally's results
    }
)
"""Problems of the file as a whole: the error names the file but no line or field."""

DEADLINE = settings(deadline=dt.timedelta(seconds=2))
"""A generous deadline: a loader that takes seconds on a few kilobytes is a bug."""


def share_of_examples(divisor: int) -> int:
    """The profile's example count divided by ``divisor``: for tests whose every example
    replays a whole log or counts a whole congress (200 → 50 with ``divisor`` 4)."""
    return max(1, settings().max_examples // divisor)


# --- checks ------------------------------------------------------------------------------------


def assert_located(
    error: BaseException, path: Path, kind: type[TallyError] | types.UnionType = TallyError
) -> None:
    """``error`` is a TallyError (of ``kind``) naming ``path`` (and a line or a field, unless
    the problem is the whole file's) whose message renders in Vietnamese and English."""
    assert isinstance(error, kind), f"{type(error).__name__}: {error}"
    assert isinstance(error, TallyError)
    assert error.where.file == str(path), (error.code, error.where)
    if isinstance(error, FileProblemsError):  # several, each located itself
        assert len(error.errors) > 1 or error.more
        for each in error.errors:
            assert_located(each, path)
    elif error.code not in WHOLE_FILE:
        assert error.where.line is not None or error.where.field is not None, (
            error.code,
            error.where,
        )
    for lang in ("vi", "en"):
        message = error.message(lang)
        assert message.startswith(str(path)) and len(message) > len(str(path)) + 2


def loads_or_located(load: Callable[[Path], T], path: Path, kind: type[T]) -> T | None:
    """The value ``load`` returns for ``path`` (of type ``kind``), or ``None`` after checking
    the TallyError it raised. Any other exception fails the test as it is."""
    try:
        value = load(path)
    except TallyError as error:
        event(f"refused: {error.code}")
        assert_located(error, path)
        return None
    event("loaded")
    assert isinstance(value, kind)
    return value


@contextlib.contextmanager
def no_hang(seconds: float = 10.0) -> Iterator[None]:
    """Fail instead of hanging: SIGALRM interrupts a call that runs ``seconds`` (POSIX, main
    thread; elsewhere hypothesis's deadline is the only guard)."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"no result after {seconds} s: the loader hangs")

    if not hasattr(signal, "setitimer"):  # pragma: no cover
        yield
        return
    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def scratch() -> Iterator[Path]:
    """A fresh folder for one example (pytest's ``tmp_path`` is shared by all examples)."""
    with tempfile.TemporaryDirectory(prefix="tally-fuzz-") as folder:
        yield Path(folder)


# --- mutations ---------------------------------------------------------------------------------

ODD_BYTES = (
    b"\x00",
    b"\xff",
    b"\xc3",  # the first half of a two-byte letter
    b"\xef\xbb\xbf",  # a byte-order mark
    b"\r",
    b"\r\n",
    b"\n",
    b'"',
    b"'",
    b",",
    b";",
    b"[",
    b"]",
    b"{",
    b"}",
    b"=",
    b"#",
    b"\\",
)
ODD_TOKENS = (
    "0",
    "-1",
    "1",
    "2",
    "3",
    "-0",
    "1.5",
    "1e400",
    "9" * 30,
    "9" * 5000,  # more digits than Python converts
    "²",
    "١",
    "true",
    "null",
    "nan",
    "inf",
    "NaN",
    "Infinity",
    "",
    "x",
    "2025-02-30",
    "1979-13-01",
    "23:59:60",
    "head",
    "member",
    "write_in",
    "struck",
    "kept",
    "agree",
    "both",
    "serial",
    "note",
    "executive_committee",
    "standing_committee",
    "qc244",
    "Nguyễn Văn An",
    "Nguye\u0302\u0303n",
    "\u200b",
    "\ufeff",
    "\u2028",
)
ODD_NUMBERS = ("0", "-1", "-0", "1.5", "1e400", "9" * 30, "9" * 5000, "²", "١", "１", "nan", "")
"""Odd values drawn for a number (a count, a ballot number, a year)."""
_TOKEN = re.compile(rb"[^\s,;=:\"'\[\]{}()#]+")


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """``original`` after one to three drawn mutations: a byte deleted, inserted or replaced;
    a line deleted, inserted, duplicated or swapped; the file cut short; a word (a number, a
    name, a key, a mark) replaced by another from the file or by an odd one."""
    data = original
    for _ in range(draw(st.integers(1, 3))):
        data = _mutate_once(draw, data)
    return data


def _mutate_once(draw: st.DrawFn, data: bytes) -> bytes:
    operation = draw(
        st.sampled_from(
            (
                "delete_byte",
                "insert_bytes",
                "replace_byte",
                "delete_line",
                "insert_line",
                "duplicate_line",
                "swap_lines",
                "truncate",
                "replace_word",
                "replace_word",
                "replace_word",
            )
        )
    )
    if not data:
        return draw(st.binary(max_size=8))
    # Places are drawn uniformly: hypothesis's own integers favour the start of the file, where
    # the header is, and would hide what a mutation deep in the file finds.
    place = draw(st.randoms(use_true_random=True))
    at = place.randrange(len(data))
    if operation == "delete_byte":
        return data[:at] + data[at + 1 :]
    if operation == "insert_bytes":
        inserted = draw(st.sampled_from(ODD_BYTES) | st.binary(min_size=1, max_size=4))
        return data[:at] + inserted + data[at:]
    if operation == "replace_byte":
        replacement = draw(st.sampled_from(ODD_BYTES) | st.binary(min_size=1, max_size=1))
        return data[:at] + replacement + data[at + 1 :]
    if operation == "truncate":
        return data[:at]
    lines = data.split(b"\n")
    i = place.randrange(len(lines))
    if operation == "delete_line":
        return b"\n".join(lines[:i] + lines[i + 1 :])
    if operation == "insert_line":
        new = draw(st.sampled_from(lines) | st.text(max_size=40).map(lambda s: s.encode("utf-8")))
        return b"\n".join([*lines[:i], new, *lines[i:]])
    if operation == "duplicate_line":
        return b"\n".join([*lines[: i + 1], lines[i], *lines[i + 1 :]])
    if operation == "swap_lines":
        j = place.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines)
    words = [m.span() for m in _TOKEN.finditer(data)]
    if not words:
        return data
    start, end = words[place.randrange(len(words))]
    own = words[place.randrange(len(words))]
    numeric = data[start:end].isdigit()
    odd = st.sampled_from(ODD_NUMBERS if numeric else ODD_TOKENS).map(lambda s: s.encode())
    replacement = draw(
        odd
        | odd
        | st.just(data[own[0] : own[1]])
        | st.integers(-(10**6), 10**6).map(lambda n: str(n).encode())
        | st.text(max_size=12).map(lambda s: s.encode("utf-8"))
    )
    return data[:start] + replacement + data[end:]


def noise(original: bytes, alphabet: str) -> st.SearchStrategy[bytes]:
    """Random input for a loader: bytes, text, text in the format's own alphabet, lines of
    the original in any order, deep nesting, huge numbers, byte-order marks and NULs."""
    lines = original.split(b"\n")
    return st.one_of(
        st.binary(max_size=200),
        st.text(max_size=200).map(lambda s: s.encode("utf-8")),
        st.text(alphabet=alphabet, max_size=200).map(lambda s: s.encode("utf-8")),
        st.lists(st.sampled_from(lines), max_size=40).map(b"\n".join),
        st.tuples(st.sampled_from(ODD_BYTES), st.sampled_from(lines)).map(b"".join),
        st.integers(1, 3000).map(lambda n: b"x = " + b"[" * n + b"]" * n),
        st.integers(1, 3000).map(lambda n: b"[" * n + b"1" + b"]" * n),
        st.integers(1, 3000).map(lambda n: b'{"a":' * n + b"1" + b"}" * n),
        st.integers(4000, 6000).map(lambda n: b"x = " + b"7" * n + b"\n"),
    )


JSON_VALUES = st.one_of(
    st.integers(-3, 300),
    st.sampled_from(
        [-1, 0, 2**63, 10**30, 1.0, 2.5, -0.0, 1e308, True, False, None, "", "x", "1", "bch"]
    ),
    st.sampled_from(["2025-13-01", "1980-02-29", "complete", "tie", "yes_no", "strike_out"]),
    st.text(max_size=8),
    st.lists(st.integers(0, 3), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(0, 3), max_size=2),
)


def _paths(document: Any) -> list[tuple[str | int, ...]]:
    paths: list[tuple[str | int, ...]] = []
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), document)]
    while stack:
        path, value = stack.pop()
        paths.append(path)
        if isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, i), v) for i, v in enumerate(value))
    return paths


def _get(document: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        document = document[part]
    return document


@st.composite
def document_mutated(
    draw: st.DrawFn,
    document: Any,
    within: tuple[str | int, ...] = (),
    values: st.SearchStrategy[Any] = JSON_VALUES,
) -> Any:
    """The parsed ``document`` (changed in place) with one to three drawn changes at drawn
    places under ``within``: a value replaced by one of ``values`` (or an integer nudged), a key
    deleted or added, a list element deleted, duplicated or swapped."""
    paths = [p for p in _paths(document) if p[: len(within)] == within and p != within]
    if not paths:
        return document
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        try:
            parent: Any = _get(document, path[:-1])
            key: Any = path[-1]
            value = parent[key] if type(parent) in (dict, list) else None
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this place
        if type(parent) not in (dict, list):
            continue
        operation = draw(st.sampled_from(("replace", "nudge", "delete", "add", "dup", "swap")))
        if operation == "nudge" and isinstance(value, int) and not isinstance(value, bool):
            parent[key] = value + draw(st.sampled_from((-1, 1, -value - 1, 10**6)))
        elif operation == "delete":
            del parent[key]
        elif operation == "add" and isinstance(value, dict):
            new_key = draw(st.sampled_from(("extra", "seats", "votes", "name", "")))
            value[new_key] = draw(values)
        elif operation == "dup" and isinstance(parent, list):
            parent.insert(key, value)
        elif operation == "swap" and isinstance(parent, list):
            other = draw(st.integers(0, len(parent) - 1))
            parent[key], parent[other] = parent[other], parent[key]
        else:
            parent[key] = draw(values)
    return document


def json_mutated(original: bytes, within: tuple[str | int, ...] = ()) -> st.SearchStrategy[Any]:
    """The JSON document ``original``, parsed, with drawn changes (:func:`document_mutated`)."""
    return st.builds(json.loads, st.just(original)).flatmap(
        lambda document: document_mutated(document, within)
    )


# --- the bundled examples ----------------------------------------------------------------------


@cache
def spec_text(name: str) -> bytes:
    return (ROOT / "examples" / name / "congress.toml").read_bytes()


@cache
def counted(name: str) -> tuple[CongressRecord, dict[str, Ballots], dict[str, Contest]]:
    """The example congress counted: its record, the ballots by round key, and the contest
    (list in ballot order) each ballots file is read for, by file name."""
    spec = ROOT / "examples" / name / "congress.toml"
    congress = load_congress(spec)
    ballots: dict[str, Ballots] = {}
    contests: dict[str, Contest] = {}

    def source(contest_id: str, number: int, contest: Contest) -> Ballots | None:
        file = congress.plan(contest_id).round_plan(number).ballots
        if file is None:
            return None
        contests[file] = contest
        read = read_ballots_csv(contest, spec.parent / file)
        ballots[contest_id if number == 1 else f"{contest_id}.r{number}"] = read
        return read

    return run_congress(congress, source), ballots, contests


def grid_text(contest: Contest, ballots: Ballots) -> bytes:
    """The grid layout of ``ballots``: one column per candidate, by ballot number."""
    strike = contest.form is BallotForm.STRIKE_OUT
    rows = ["serial," + ",".join(str(n) for n in range(1, len(contest.candidates) + 1))]
    for serial, marks in zip(ballots.serials, ballots.marks, strict=True):
        if strike:
            cells = ["x" if m == Mark.STRUCK else "" for m in marks]
        else:
            cells = [str(int(m)) if m else "" for m in marks]
        rows.append(f"{serial}," + ",".join(cells))
    return ("\n".join(rows) + "\n").encode("utf-8")


def csv_cases_list() -> list[tuple[str, str, bool]]:
    """Every ballots file of the examples (rounds too), and two in the grid layout."""
    files = [(name, file, False) for name in EXAMPLES for file in sorted(counted(name)[2])]
    return [
        *files,
        ("delegate_congress", "ballots_bch.csv", True),
        ("direct_election", "ballots_bt.csv", True),
    ]


def csv_case(name: str, file: str, grid: bool) -> tuple[Contest, bytes]:
    contest = counted(name)[2][file]
    if grid:
        key = next(k for k, b in counted(name)[1].items() if b.contest_id == contest.id)
        return contest, grid_text(contest, counted(name)[1][key])
    return contest, (ROOT / "examples" / name / file).read_bytes()


@cache
def result_json(name: str) -> bytes:
    """The first round of the example's first contest, as ``ContestResult.to_json()``."""
    return counted(name)[0].contests[0].rounds[0].to_json().encode("utf-8")


@cache
def record_json(name: str) -> bytes:
    """The whole example congress, as ``tally count --format json`` writes it."""
    return (counted(name)[0].model_dump_json(indent=2) + "\n").encode("utf-8")


# --- the congress spec (TOML) ------------------------------------------------------------------

TOML_ALPHABET = "[]{}=\"'#.,-_: \n\r\t0123456789abcdeinorstuvxyzáđăễệơưạ"


def check_spec(data: bytes) -> Congress | None:
    with scratch() as folder, no_hang():
        path = folder / "congress.toml"
        path.write_bytes(data)
        return loads_or_located(load_congress, path, Congress)


@DEADLINE
@given(st.sampled_from(EXAMPLES).flatmap(lambda name: noise(spec_text(name), TOML_ALPHABET)))
@example(b"x = " + b"9" * 5000)  # found: ValueError (more digits than Python converts)
@example(b"x = " + b"[" * 3000 + b"]" * 3000)  # found: RecursionError in tomllib
def test_random_spec_loads_or_names_the_place(data: bytes) -> None:
    check_spec(data)


@DEADLINE
@given(st.sampled_from(EXAMPLES).flatmap(lambda name: mutated(spec_text(name))))
def test_mutated_spec_loads_or_names_the_place(data: bytes) -> None:
    check_spec(data)


TOML_VALUES = JSON_VALUES | st.sampled_from(
    [
        dt.date(2025, 2, 28),
        dt.datetime(2025, 7, 19, 16, 45),
        dt.datetime(2025, 7, 19, 16, 45, tzinfo=dt.UTC),
        dt.time(7, 32),
        float("nan"),
        float("inf"),
        -(10**30),
    ]
)


@DEADLINE
@given(
    st.sampled_from(EXAMPLES).flatmap(
        lambda name: document_mutated(tomllib.loads(spec_text(name).decode()), values=TOML_VALUES)
    )
)
def test_mutated_spec_values_load_or_name_the_field(data: dict[str, Any]) -> None:
    """The parsed spec with values changed (any TOML value: dates, times, nan, huge numbers),
    tables or keys removed or added, list entries duplicated or swapped."""
    source = Path("congress.toml")
    with no_hang():
        loads_or_located(lambda path: congress_from_dict(data, str(path)), source, Congress)


def test_spec_syntax_error_names_the_line() -> None:
    text = spec_text("delegate_congress")
    line = text[: text.index(b"seats = 33")].count(b"\n") + 1
    with scratch() as folder:
        path = folder / "congress.toml"
        path.write_bytes(text.replace(b"seats = 33", b"seats = = 33"))
        with pytest.raises(InputFileError) as raised:
            load_congress(path)
    assert raised.value.code == "spec.toml"
    assert raised.value.where.line == line
    assert "(column 9)" in raised.value.message("en")


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("a = 1\nconvened = " + "9" * 5000 + "\n", "load.long_number", 2),
        ("a = 1\n\nx = " + "[" * 3000 + "]" * 3000, "load.too_deep", 3),
    ],
)
def test_spec_too_long_a_number_or_too_deep_is_refused_at_its_line(
    text: str, code: str, line: int
) -> None:
    with scratch() as folder:
        path = folder / "congress.toml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InputFileError) as raised:
            load_congress(path)
    assert (raised.value.code, raised.value.where.line) == (code, line)


def test_a_device_or_folder_is_refused_without_reading_it() -> None:
    for path in (Path("/dev/zero"), ROOT / "examples"):
        if not path.exists():  # pragma: no cover
            continue
        with no_hang(5), pytest.raises(InputFileError) as raised:
            load_congress(path)
        assert raised.value.code == "load.not_regular"


def test_bad_utf8_names_its_line() -> None:
    with scratch() as folder:
        path = folder / "congress.toml"
        path.write_bytes(b'rules = "qc190"\n\n[congress]\nname = "\xc3"\n')
        with pytest.raises(InputFileError) as raised:
            load_congress(path)
    assert (raised.value.code, raised.value.where.line) == ("csv.encoding", 4)


# --- the ballots file (CSV) --------------------------------------------------------------------

CSV_ALPHABET = ',;"\n\r 0123456789xX-BCHTnoteserialstruckkeptagreedisboth_iwrén'


def check_ballots(contest: Contest, data: bytes) -> Ballots | None:
    with scratch() as folder, no_hang():
        path = folder / "ballots.csv"
        path.write_bytes(data)
        ballots = loads_or_located(lambda p: read_ballots_csv(contest, p), path, Ballots)
    if ballots is not None:  # whole: one row of marks per serial, one column per candidate
        assert ballots.marks.shape == (len(ballots.serials), len(contest.candidates))
        assert len(set(ballots.serials.tolist())) == len(ballots) > 0
    return ballots


csv_cases = st.deferred(lambda: st.sampled_from(csv_cases_list())).map(lambda c: csv_case(*c))


@DEADLINE
@given(csv_cases.flatmap(lambda c: st.tuples(st.just(c[0]), noise(c[1], CSV_ALPHABET))))
def test_random_ballots_load_or_name_the_place(case: tuple[Contest, bytes]) -> None:
    check_ballots(*case)


@DEADLINE
@given(csv_cases.flatmap(lambda c: st.tuples(st.just(c[0]), mutated(c[1]))))
def test_mutated_ballots_load_or_name_the_place(case: tuple[Contest, bytes]) -> None:
    check_ballots(*case)


@pytest.mark.parametrize(
    ("cell", "grid"),
    [
        ("²", False),  # found: ValueError from int("²") ("²".isdigit() is True)
        ("١", False),  # an Arabic-Indic one was silently read as ballot number 1
        ("9" * 5000, False),  # found: ValueError (more digits than Python converts)
        ("²", True),
    ],
)
def test_digits_that_are_no_ballot_number_are_refused(cell: str, grid: bool) -> None:
    contest = counted("delegate_congress")[2]["ballots_bch.csv"]
    text = f"serial,{cell}\nBCH-001,x\n" if grid else f"serial,struck\nBCH-001,{cell}\n"
    with scratch() as folder:
        path = folder / "ballots.csv"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(TallyError) as raised:
            read_ballots_csv(contest, path)
    assert raised.value.code == ("csv.unknown_column" if grid else "ballot.unknown_candidate")
    assert raised.value.where.line in (1, 2)


@pytest.mark.parametrize("ref", ["²", "9" * 5000])
def test_a_reference_that_is_no_number_is_an_unknown_candidate(ref: str) -> None:
    contest = counted("delegate_congress")[2]["ballots_bch.csv"]
    with pytest.raises(BallotError):
        BallotBuilder(contest).add("BCH-001", struck=[ref])


# --- JSON results ------------------------------------------------------------------------------

JSON_ALPHABET = '[]{}:,"\\ \n0123456789.-+eEtruefalsnl'


def check_json(load: Callable[[Path], T], kind: type[T], data: bytes) -> T | None:
    with scratch() as folder, no_hang():
        path = folder / "result.json"
        path.write_bytes(data)
        return loads_or_located(load, path, kind)


def assert_consistent(result: ContestResult) -> None:
    """The invariants of DESIGN.md hold for a loaded result, and its outcome is what the
    votes decide: a loader never returns figures that contradict each other."""
    count, outcome = result.count, result.outcome
    assert count.valid + count.invalid == count.collected <= result.issued
    assert all(0 <= v <= count.valid for v in count.votes)
    assert len(outcome.elected) <= outcome.seats
    assert all(2 * s.votes > outcome.base for s in outcome.standings if s.elected)
    resolution = outcome.tie_resolution
    decision = (
        TieDecision(winners=resolution.winners, note=resolution.note)
        if resolution is not None and resolution.by is None
        else None
    )
    alternate = outcome.alternate_resolution
    alternate_decision = (
        TieDecision(winners=alternate.winners, note=alternate.note) if alternate else None
    )
    base = threshold_base(result.roll, count, result.rules)
    again = decide(result.contest, count, base, result.rules, decision, alternate_decision)
    assert again == outcome
    assert result.rules.quorum.check(result.roll) == result.quorum


def check_result(data: bytes) -> None:
    result = check_json(load_result, ContestResult, data)
    if result is not None:
        assert_consistent(result)


def check_record(data: bytes) -> None:
    record = check_json(load_record, CongressRecord, data)
    if record is not None:
        for contest in record.contests:
            for result in contest.rounds:
                assert_consistent(result)


@DEADLINE
@given(st.sampled_from(EXAMPLES).flatmap(lambda name: noise(result_json(name), JSON_ALPHABET)))
@example(b'{"a": ' + b"9" * 5000 + b"}")
@example(b'{"contest": NaN}')
def test_random_json_result_loads_or_names_the_place(data: bytes) -> None:
    check_result(data)


@DEADLINE
@given(st.sampled_from(EXAMPLES).flatmap(lambda name: mutated(result_json(name))))
def test_mutated_json_result_bytes_load_or_name_the_place(data: bytes) -> None:
    check_result(data)


@DEADLINE
@given(
    st.sampled_from(EXAMPLES)
    .flatmap(lambda name: json_mutated(result_json(name)))
    .map(lambda document: json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8"))
)
def test_mutated_json_result_values_load_consistent_or_name_the_field(data: bytes) -> None:
    check_result(data)


@DEADLINE
@given(
    st.sampled_from(EXAMPLES)
    .flatmap(lambda name: json_mutated(record_json(name)) | mutated(record_json(name)))
    .map(
        lambda document: (
            document
            if isinstance(document, bytes)
            else json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")
        )
    )
)
def test_mutated_json_record_loads_consistent_or_names_the_field(data: bytes) -> None:
    check_record(data)


@pytest.mark.parametrize("name", EXAMPLES)
def test_json_result_and_record_round_trip(name: str) -> None:
    record = counted(name)[0]
    with scratch() as folder:
        for contest in record.contests:
            for result in contest.rounds:
                (folder / "result.json").write_text(result.to_json(), encoding="utf-8")
                assert load_result(folder / "result.json") == result
        (folder / "record.json").write_bytes(record_json(name))
        assert load_record(folder / "record.json") == record


def test_json_written_by_tally_count_loads_back() -> None:
    """``tally count --format json`` of a whole congress is what load_record reads."""
    with scratch() as folder, contextlib.redirect_stderr(io.StringIO()):
        spec = ROOT / "examples" / "direct_election" / "congress.toml"
        code = main(["count", str(spec), "--format", "json", "-o", str(folder / "r.json")])
        assert code in (0, 4)
        assert load_record(folder / "r.json") == counted("direct_election")[0]


@pytest.mark.parametrize(
    ("edit", "code", "field"),
    [
        (("count", "votes", 0), "json.count_shape", "count.votes.0"),
        (("outcome", "standings", 0, "votes"), "json.inconsistent", "outcome.standings.0.votes"),
        (("quorum", "required"), "json.inconsistent", "quorum.required"),
        (("issued",), "json.value", "issued"),
    ],
)
def test_json_figures_that_disagree_are_refused_at_the_field(
    edit: tuple[str | int, ...], code: str, field: str
) -> None:
    document = json.loads(result_json("delegate_congress"))
    parent = _get(document, edit[:-1])
    parent[edit[-1]] += 1 if edit != ("issued",) else 1000
    with scratch() as folder:
        path = folder / "result.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        with pytest.raises(InputFileError) as raised:
            load_result(path)
    assert (raised.value.code, raised.value.where.field) == (code, field)
    assert raised.value.message("en") != raised.value.message("vi")


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        (lambda d: d["roll"].update(present="many"), "json.field", "roll.present"),
        (lambda d: d["roll"].update(present="194"), "json.not_as_written", "roll.present"),
        (lambda d: d["roll"].update(present=True), "json.not_as_written", "roll.present"),
        (
            lambda d: d["count"].update(valid=float(d["count"]["valid"])),
            "json.not_as_written",
            "count.valid",
        ),
        (
            lambda d: d["contest"]["candidates"][2].update(name="Lê Hoàng  Ân"),
            "json.not_as_written",
            "contest.candidates.2.name",
        ),
        (
            lambda d: d["contest"]["candidates"][2].update(name="Lê 3"),
            "json.value",
            "contest.candidates.2",
        ),
        (lambda d: d["contest"].update(seats=0), "json.value", "contest.seats"),
        (
            lambda d: d["rules"]["quorum"].update(denominator=0),
            "json.field",
            "rules.quorum.denominator",
        ),
    ],
)
def test_json_values_are_never_converted(
    change: Callable[[dict[str, Any]], None], code: str, field: str
) -> None:
    document = json.loads(result_json("delegate_congress"))
    change(document)
    with scratch() as folder:
        path = folder / "result.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        with pytest.raises(InputFileError) as raised:
            load_result(path)
    assert (raised.value.code, raised.value.where.field) == (code, field)


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ('{\n "a": 1,\n "a": 2\n}', "json.duplicate_key", None),
        ('{\n "a": [1,\n 2,,]\n}', "json.syntax", 3),
        ('{\n "a":\n NaN}', "json.constant", 3),
        ("[1, 2]", "json.not_object", None),
    ],
)
def test_json_syntax_problems_name_the_line(text: str, code: str, line: int | None) -> None:
    with scratch() as folder:
        path = folder / "result.json"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InputFileError) as raised:
            load_result(path)
    assert (raised.value.code, raised.value.where.line) == (code, line)
    if code == "json.duplicate_key":
        assert raised.value.where.field == "a"


def test_json_of_another_kind_says_which_loader_reads_it() -> None:
    with scratch() as folder:
        path = folder / "result.json"
        path.write_bytes(record_json("delegate_congress"))
        with pytest.raises(InputFileError) as raised:
            load_result(path)
    assert raised.value.code == "json.wrong_kind"
    assert "load_record" in raised.value.message("en")


# --- audit logs --------------------------------------------------------------------------------

LOG_ALPHABET = '{}[]:,"\\ \n0123456789abcdefkinqrsv_'


@cache
def example_log(name: str = "delegate_congress") -> bytes:
    """The log ``tally count SPEC --log`` writes for a bundled example."""
    with scratch() as folder, contextlib.redirect_stderr(io.StringIO()):
        spec = ROOT / "examples" / name / "congress.toml"
        log = folder / "log.jsonl"
        code = main(["count", str(spec), "--log", str(log), "-o", str(folder / "m.txt")])
        assert code in (0, 4)
        return log.read_bytes()


def _clock() -> dt.datetime:
    return dt.datetime(2025, 7, 19, 9, 30)


@cache
def session_log() -> bytes:
    """Two small logs holding every kind of event between them: a contest with a board, a
    stack, ballots, a correction, a withdrawal, a complaint, the close and a tie decided; then,
    merged from two station logs, a stations_merged event and a ruling."""
    contest = Contest(
        id="bch",
        body=Body.EXECUTIVE_COMMITTEE,
        seats=2,
        candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"],
    )
    roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=5, present=5)
    board = [BoardMember(name="Hà Thị Lan", role="head")]
    with scratch() as folder:
        session = CountingSession.open(
            folder / "s.jsonl",
            station="A",
            congress=CongressIdentity(name="Đại hội Chi bộ 3", date=dt.date(2025, 7, 19)),
            clock=_clock,
        )
        bch = session.open_contest(contest, roll=roll)
        bch.constitute_board(board)
        bch.issue(5)
        bch.declare_batch("S1", 5)
        for serial, struck in (("1", [3]), ("2", [2]), ("3", [3]), ("4", [2]), ("9", [1])):
            bch.record(serial, struck=struck, batch="S1")
        bch.correct("3", struck=[1], batch="S1", reason="đọc nhầm")
        bch.withdraw("9", reason="nhập nhầm số phiếu")
        bch.record("5", struck=[1], batch="S1")
        bch.complaint("Đề nghị kiểm lại", "Đã kiểm lại, đúng")
        bch.collect(5)
        bch.close(at=_clock())
        if bch.result is not None and bch.result.outcome.tie is not None:
            tie = bch.result.outcome.tie
            bch.decide(TieDecision(winners=tie.candidates[: tie.seats_at_stake], note="Bầu lại"))
        for station, third in (("A", [3]), ("B", [2])):
            other = CountingSession.open(folder / f"{station}.jsonl", station=station, clock=_clock)
            handle = other.open_contest(contest, roll=roll)
            handle.issue(3)
            handle.record("1", struck=[3])
            handle.record("2", struck=[3])
            handle.record("3", struck=third)
        ruling = Ruling(contest="bch", serial="3", note="Xem phiếu gốc", marks={"struck": [3]})
        merge([folder / "A.jsonl", folder / "B.jsonl"], folder / "m.jsonl", [ruling], at=_clock())
        return (folder / "s.jsonl").read_bytes() + b"\0" + (folder / "m.jsonl").read_bytes()


def log_samples() -> list[bytes]:
    own, merged = session_log().split(b"\0")
    return [own, merged]


def rehashed(lines: list[bytes]) -> bytes:
    """The lines with the hash chain recomputed, as a forger who edits events would."""
    prev = "0" * 64
    out = []
    for line in lines:
        event = json.loads(line)
        event["prev"] = prev
        event["hash"] = prev = event_hash(event["seq"], event["kind"], event["data"], prev)
        out.append(canonical(event).encode("utf-8"))
    return b"\n".join(out) + b"\n"


@st.composite
def forged(draw: st.DrawFn, original: bytes) -> bytes:
    """``original`` with one event's data changed (see :func:`json_mutated`) and every hash
    after it recomputed: the chain is intact, so only the replay can find what is wrong."""
    lines = original.rstrip(b"\n").split(b"\n")
    i = draw(st.integers(0, len(lines) - 1))
    event = draw(json_mutated(lines[i], within=("data",)))
    if isinstance(event, dict) and isinstance(event.get("data"), dict):
        lines[i] = json.dumps(event, ensure_ascii=False).encode("utf-8")
    return rehashed(lines)


def check_log(data: bytes) -> None:
    """verify reports (never raises), replay raises only LogError or InputFileError, and a
    session either resumes or refuses — the file's bytes unchanged either way."""
    with scratch() as folder, no_hang():
        path = folder / "log.jsonl"
        path.write_bytes(data)
        report = verify(path)
        event(f"verify: {report.problem.value if report.problem else 'ok'}")
        assert report.ok == (report.error is None)
        if report.error is not None:
            assert_located(report.error, path)
            assert report.line is not None
        try:
            replayed = replay(path)
        except TallyError as error:
            assert_located(error, path, LogError | InputFileError)
            assert not report.ok, "replay refused a log that verify passed"
        else:
            assert replayed.final_hash == report.final_hash
            if report.error is not None and report.error.code == "log.plan_differs":
                # the plan, not a count, is wrong: each contest replays (its minutes stand),
                # and the congress's record, which verify rebuilt, is refused alike
                with pytest.raises(LogError) as rebuilt:
                    replayed.congress_record()
                assert rebuilt.value.code == "log.plan_differs"
            else:
                assert report.ok, "replay accepted a log that verify refused"
        try:
            CountingSession.open(path, clock=_clock)
        except TallyError as error:
            assert_located(error, path)
            assert not report.ok, "a session refused to resume a log that verifies"
        if data:  # resuming writes nothing; only an empty file gets its first event
            assert path.read_bytes() == data


log_cases = st.deferred(lambda: st.sampled_from(log_samples()))


@DEADLINE
@given(log_cases.flatmap(lambda log: noise(log, LOG_ALPHABET)))
def test_random_log_verifies_replays_or_names_the_line(data: bytes) -> None:
    check_log(data)


@DEADLINE
@given(log_cases.flatmap(mutated))
def test_mutated_log_verifies_replays_or_names_the_line(data: bytes) -> None:
    check_log(data)


@DEADLINE
@given(log_cases.flatmap(forged))
def test_forged_log_with_a_whole_chain_is_caught_by_the_replay(data: bytes) -> None:
    check_log(data)


@pytest.mark.filterwarnings("ignore:Generating overly large repr")
@settings(max_examples=share_of_examples(5), deadline=dt.timedelta(seconds=5))
@given(st.deferred(lambda: mutated(example_log()) | forged(example_log())))
def test_mutated_example_log_verifies_replays_or_names_the_line(data: bytes) -> None:
    """The log ``tally count --log`` writes (200 events; a fifth of the profile's examples,
    as each replays the whole log)."""
    check_log(data)


def _forge_contest(change: Callable[[dict[str, Any]], None]) -> bytes:
    lines = session_log().split(b"\0")[0].rstrip(b"\n").split(b"\n")
    event = json.loads(lines[1])
    assert event["kind"] == "contest_opened"
    change(event["data"])
    lines[1] = json.dumps(event).encode("utf-8")
    return rehashed(lines)


@pytest.mark.parametrize(
    "change",
    [
        lambda data: data["definition"].update(seats=0),
        lambda data: data["roll"].update(present=10**6),
        lambda data: data["definition"]["candidates"][0].update(name="123"),
    ],
    ids=["seats", "roll", "name"],
)
def test_forged_contest_definition_is_a_log_error_at_its_line(
    change: Callable[[dict[str, Any]], None],
) -> None:
    with scratch() as folder:
        path = folder / "log.jsonl"
        path.write_bytes(_forge_contest(change))
        with pytest.raises(LogError) as raised:
            replay(path)
    assert (raised.value.where.file, raised.value.where.line) == (str(path), 2)


def test_forged_quorum_denominator_zero_is_reported_not_raised() -> None:
    with scratch() as folder:
        path = folder / "log.jsonl"
        path.write_bytes(_forge_contest(lambda d: d["rules"]["quorum"].update(denominator=0)))
        report = verify(path)
    assert not report.ok and report.line == 2


# --- rulings (TOML) ----------------------------------------------------------------------------

RULINGS = """\
[[ruling]]
contest = "bch"
serial = "BCH-017"
struck = [3, 12]
observations = []
batch = "S01"
note = "Ban kiểm phiếu xem phiếu gốc: gạch tên số 3 và 12."

[[ruling]]
serial = "BCH-1O4"
absent = true
note = "Máy B nhập nhầm số phiếu BCH-104 thành BCH-1O4."
""".encode()


def check_rulings(data: bytes) -> None:
    with scratch() as folder, no_hang():
        path = folder / "rulings.toml"
        path.write_bytes(data)
        rulings = loads_or_located(lambda p: load_rulings(p, "bch"), path, list)
    for ruling in rulings or []:
        assert isinstance(ruling, Ruling) and ruling.serial and ruling.note
        refs = [ref for marks in ruling.marks.values() for ref in marks]
        assert all(isinstance(ref, int | str) and not isinstance(ref, bool) for ref in refs)


@DEADLINE
@given(noise(RULINGS, TOML_ALPHABET) | mutated(RULINGS))
@example(RULINGS.replace(b"[3, 12]", b"[3, {a = 1}]"))  # found: a table taken as a mark
def test_random_and_mutated_rulings_load_or_name_the_place(data: bytes) -> None:
    check_rulings(data)


def test_rulings_under_a_misspelt_table_are_refused() -> None:
    with scratch() as folder:
        path = folder / "rulings.toml"
        path.write_bytes(RULINGS.replace(b"[[ruling]]", b"[[rulings]]"))
        with pytest.raises(InputFileError) as raised:
            load_rulings(path)
    assert (raised.value.code, raised.value.where.field) == ("rulings.unknown_key", "rulings")


# --- the same file saved on Windows -----------------------------------------------------------


def windows(data: bytes) -> bytes:
    """``data`` as Windows editors save it: a byte-order mark and CR LF line ends."""
    return b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n")


@pytest.mark.parametrize("name", EXAMPLES)
def test_a_bom_and_crlf_line_ends_load_the_same(name: str) -> None:
    record, _, contests = counted(name)
    with scratch() as folder:
        spec = folder / "congress.toml"
        spec.write_bytes(windows(spec_text(name)))
        assert load_congress(spec) == record.congress
        for file, contest in contests.items():
            ballots = folder / file
            ballots.write_bytes(windows((ROOT / "examples" / name / file).read_bytes()))
            original = read_ballots_csv(contest, ROOT / "examples" / name / file)
            read = read_ballots_csv(contest, ballots)
            assert read.serials.tolist() == original.serials.tolist()
            assert (read.marks == original.marks).all()
        result = folder / "result.json"
        result.write_bytes(windows(result_json(name)))
        assert load_result(result) == record.contests[0].rounds[0]
        whole = folder / "record.json"
        whole.write_bytes(windows(record_json(name)))
        assert load_record(whole) == record


# --- the command line: nothing written on failure ----------------------------------------------

CLI_FILES = {
    "delegate_congress": ("ballots_bch.csv", "bch"),
    "direct_election": ("ballots_bt.csv", "bt"),
}


@st.composite
def cli_inputs(draw: st.DrawFn) -> tuple[str, str, bytes]:
    name = draw(st.sampled_from(sorted(CLI_FILES)))
    file = draw(st.sampled_from(("congress.toml", CLI_FILES[name][0])))
    original = (ROOT / "examples" / name / file).read_bytes()
    return name, file, draw(mutated(original))


@settings(
    max_examples=share_of_examples(4),
    deadline=dt.timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow],
)
@given(cli_inputs())
def test_tally_count_on_mutated_files_writes_all_or_nothing(case: tuple[str, str, bytes]) -> None:
    """``tally count SPEC --ballots CSV -o OUT --log LOG``: exit 0 or 4 with the minutes and
    the log written, or 3 with neither (a quarter of the profile's examples, as each counts a
    whole congress)."""
    name, file, data = case
    csv, contest = CLI_FILES[name]
    with scratch() as folder, no_hang(), contextlib.redirect_stderr(io.StringIO()) as err:
        copy = folder / name
        shutil.copytree(ROOT / "examples" / name, copy)
        (copy / file).write_bytes(data)
        out, log = folder / "out.txt", folder / "log.jsonl"
        args = ["count", str(copy / "congress.toml"), "--ballots", str(copy / csv)]
        args += ["--contest", contest, "-o", str(out), "--log", str(log)]
        code = main(args)
        event(f"exit {code}")
        assert code in (0, 3, 4), err.getvalue()
        written = sorted(p.name for p in folder.iterdir() if p.is_file())
        if code == 3:
            assert written == [], written
            assert "Không có tệp nào được ghi." in err.getvalue()
        else:
            assert written == ["log.jsonl", "out.txt"], written
            assert verify(log).ok


def test_a_plan_forged_apart_from_the_counts_replays_but_its_record_is_refused() -> None:
    """Found by the fuzzer: the plan's rule set edited (a citation's source emptied) and the
    chain rebuilt. verify calls the log inconsistent; each contest still replays; the
    congress's record is refused as verify found it."""
    lines = example_log().splitlines()
    plan = json.loads(lines[1])
    assert plan["kind"] == "congress_planned"
    plan["data"]["congress"]["rules"]["validity"]["citation"]["source"] = ""
    lines[1] = json.dumps(plan, ensure_ascii=False).encode("utf-8")
    with scratch() as folder:
        path = folder / "log.jsonl"
        path.write_bytes(rehashed(lines))
        report = verify(path)
        assert report.error is not None and report.error.code == "log.plan_differs"
        replayed = replay(path)
        assert replayed.results()["bch"].outcome.elected  # the contest's minutes stand
        with pytest.raises(LogError) as rebuilt:
            replayed.congress_record()
        assert rebuilt.value.code == "log.plan_differs"
