"""Load a congress from its TOML spec file; every problem names the file and the field.

The format is documented in ``docs/formats.md``. A minimal spec:

>>> spec = '''
... [congress]
... name = "Đại hội Chi bộ 3"
... [roll]
... kind = "member_congress"
... convened = 11
... present = 10
... deductions = { absent_with_reason = 1 }
... [[contest]]
... id = "bt"
... body = "cell_secretary"
... seats = 1
... issued = 10
... collected = 10
... candidates = ["Lê Văn Tám"]
... [[board]]
... name = "Hà Thị Lan"
... role = "head"
... '''
>>> congress = congress_from_toml(spec)
>>> congress.roll.base, congress.plan("bt").contest.form.value
(10, 'yes_no')
>>> try:
...     congress_from_toml(spec.replace("seats = 1", "seats = 'one'"))
... except InputFileError as error:
...     print(error.message("en").split(": ")[0])
<spec>, field contest.bt.seats
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Strict, StrictInt, ValidationError, field_validator

from tally.arguments import checked
from tally.congress.chain import ElectionModel, Venue, parse_model
from tally.congress.composition import BodyTargets, Targets, target_body
from tally.congress.plan import (
    BoardMember,
    CommitteeRoll,
    Complaint,
    Congress,
    ContestPlan,
    OpenVoteRecord,
    PollPlan,
    RoundFigures,
    RoundPlan,
)
from tally.counting.outcome import TieDecision
from tally.counting.result import check_ballot_figures
from tally.errors import InputFileError, Location, RulesError, TallyError
from tally.files import parse_toml, read_utf8, shown
from tally.i18n.messages import Phrase
from tally.model.bodies import Body, Level
from tally.model.contest import Candidate, Contest, check_list
from tally.model.plain_text import first_control
from tally.model.poll import Poll, PollKind
from tally.model.presets import PRESETS, with_overrides
from tally.model.roll import Deduction, Roll
from tally.model.rules import DEFAULT_RULES, RuleSet
from tally.validation import dotted, located_error, pydantic_detail


class _FiguresEntry(BaseModel):
    """The board's figures of one round, as written in a ``[[contest]]`` or ``[[contest.round]]``
    table (see :class:`tally.congress.plan.RoundFigures`)."""

    model_config = ConfigDict(extra="forbid")

    issued: StrictInt
    collected: StrictInt
    counted_at: Annotated[dt.datetime, Strict()] | None = None
    reported_at: Annotated[dt.datetime, Strict()] | None = None
    ballots: str | None = None
    decision: TieDecision | None = None
    alternate_decision: TieDecision | None = None
    complaints: list[Complaint] = []

    def figures(self) -> dict[str, Any]:
        """The fields shared with :class:`tally.congress.plan.RoundFigures`."""
        return {name: getattr(self, name) for name in RoundFigures.model_fields}


class _RoundEntry(_FiguresEntry):
    """A ``[[contest.round]]`` table: a further round of the contest."""

    added: list[str | Candidate] = []
    removed: list[str] = []
    list_note: str = ""


class _PollEntry(BaseModel):
    """A ``[[poll]]`` table: an introduction poll or a confidence vote."""

    model_config = ConfigDict(extra="forbid")

    id: str
    kind: PollKind
    persons: list[Any]
    title: str | None = None
    places: StrictInt = 1
    issued: StrictInt
    collected: StrictInt
    counted_at: Annotated[dt.datetime, Strict()] | None = None
    ballots: str | None = None


class _CommitteeRollEntry(BaseModel):
    """The ``[committee_roll]`` table."""

    model_config = ConfigDict(extra="forbid")

    present: StrictInt
    deductions: dict[Deduction, StrictInt] = {}


class _ContestEntry(_FiguresEntry):
    """A ``[[contest]]`` table as written in the file."""

    id: str
    body: Body
    seats: StrictInt
    candidates: list[Any]
    title: str | None = None
    draws_from: str | None = None
    venue: Venue | None = None
    alternates: StrictInt = 0
    round: list[_RoundEntry] = []
    board: list[BoardMember] = []


class _CongressEntry(BaseModel):
    """The ``[congress]`` table."""

    model_config = ConfigDict(extra="forbid")

    name: str
    term: str | None = None
    place: str | None = None
    date: Annotated[dt.date, Strict()] | None = None
    model: ElectionModel | None = None
    letterhead: list[str] = []
    locality: str | None = None
    level: Level | None = None
    unit: str | None = None

    @field_validator("model", mode="before")
    @classmethod
    def _scope_named(cls, value: object) -> object:
        return parse_model(value)


_TOP_LEVEL = {
    "poll",
    "rules",
    "congress",
    "roll",
    "board",
    "contest",
    "committee_roll",
    "commission_roll",
    "targets",
    "open_vote",
}


@checked
def load_congress(path: str | Path) -> Congress:
    """Read and validate the spec at ``path``: a TOML file, or a workbook filled from
    ``tally template`` (``.xlsx``). A contest's ``candidates`` may name a workbook's sheet
    (``{ file = "danh_sach.xlsx", sheet = "BCH" }``). The files a spec names (ballots,
    workbooks) must lie inside its folder (see :func:`check_spec_paths`); an error in a
    workbook names its sheet and cell."""
    data, cells = spec_data(path)
    return congress_from_data(path, data, cells)


def congress_from_data(
    path: str | Path, data: dict[str, Any], cells: dict[str, Location]
) -> Congress:
    """The congress of :func:`spec_data`'s ``data`` read from ``path``; an error is placed at
    the workbook cell its field came from (``cells``), when it came from one."""
    try:
        congress = congress_from_dict(data, source=str(path))
    except TallyError as error:
        raise at_cell(error, cells) from None
    check_spec_paths(congress, Path(path).parent, str(path))
    return congress


def at_cell(error: TallyError, cells: dict[str, Location]) -> TallyError:
    """``error`` placed at the workbook cell its field came from, when it did."""
    if not cells:
        return error
    from tally.io.workbook_spec import located

    return located(error, cells)


def spec_data(path: str | Path) -> tuple[dict[str, Any], dict[str, Location]]:
    """The spec at ``path`` as plain data (what a TOML spec parses to), its candidates' sheets
    read, and where each field read from a workbook came from."""
    source = str(path)
    if Path(path).suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        from tally.io.workbook_spec import read_workbook_spec

        return read_workbook_spec(path)
    data = parse_toml(read_utf8(path), source, "spec.toml")
    cells: dict[str, Location] = {}
    for i, item in enumerate(_listed(data.get("contest")), start=1):
        if isinstance(item, dict) and isinstance(item.get("candidates"), dict):
            label = f"contest.{item['id']}" if "id" in item else f"contest#{i}"
            item["candidates"], found = _sheet_list(item["candidates"], Path(path), label)
            cells.update(found)
    return data, cells


def workbooks_named(path: str | Path) -> list[Path]:
    """The workbooks a TOML spec's lists come from (inputs a command must not write over)."""
    if Path(path).suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        return []
    try:
        data = parse_toml(read_utf8(path), str(path), "spec.toml")
    except TallyError:
        return []
    return [
        Path(path).parent / str(item["candidates"]["file"])
        for item in _listed(data.get("contest"))
        if isinstance(item, dict)
        and isinstance(item.get("candidates"), dict)
        and "file" in item["candidates"]
    ]


def _listed(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _sheet_list(
    reference: dict[str, Any], spec: Path, label: str
) -> tuple[list[dict[str, Any]], dict[str, Location]]:
    """The candidates on the sheet ``reference`` names (``file``, ``sheet``), a file inside
    the spec's folder."""
    from tally.io.workbook_spec import read_candidates

    field = f"{label}.candidates"
    source = str(spec)
    if set(reference) != {"file", "sheet"} or not all(
        isinstance(v, str) and v for v in reference.values()
    ):
        raise InputFileError("spec.sheet_reference", Location(file=source, field=field))
    outside = _outside(reference["file"], spec.parent.resolve())
    if outside is not None:
        raise InputFileError(
            "spec.path_outside",
            Location(file=source, field=field),
            field=field,
            path=reference["file"],
            folder=_folder_shown(spec.parent, source),
            reason=outside,
        )
    return read_candidates(spec.parent / reference["file"], reference["sheet"], field)


@checked
def congress_from_toml(text: str, source: str = "<spec>") -> Congress:
    """Parse and validate spec text; ``source`` names it in errors."""
    return congress_from_dict(parse_toml(text, source, "spec.toml"), source)


@checked
def congress_from_dict(data: dict[str, Any], source: str = "<spec>") -> Congress:
    """Validate an already-parsed spec (e.g. from JSON)."""
    check_free_text(data, source)
    for key in data:
        if key not in _TOP_LEVEL:
            with _section(source, key):
                raise _field_error(source, key, "extra_forbidden", "extra field")
    rules = _rules(data.get("rules", DEFAULT_RULES.name), source)
    with _section(source, "congress"):
        header = _CongressEntry.model_validate(_required(data, "congress", source))
    with _section(source, "roll"):
        roll_table = _required(data, "roll", source)
        _whole_numbers(roll_table, ("convened", "present"), "roll", source)
        if isinstance(roll_table, dict) and isinstance(roll_table.get("deductions"), dict):
            deductions = roll_table["deductions"]
            _whole_numbers(deductions, tuple(deductions), "roll.deductions", source)
        roll = Roll.model_validate(roll_table)
    committee_roll = None
    if "committee_roll" in data:
        with _section(source, "committee_roll"):
            entry = _CommitteeRollEntry.model_validate(data["committee_roll"])
            committee_roll = CommitteeRoll(present=entry.present, deductions=entry.deductions)
    commission_roll = None
    if "commission_roll" in data:
        with _section(source, "commission_roll"):
            entry = _CommitteeRollEntry.model_validate(data["commission_roll"])
            commission_roll = CommitteeRoll(present=entry.present, deductions=entry.deductions)
    open_votes: list[OpenVoteRecord] = []
    for i, item in enumerate(_list(data.get("open_vote", []), "open_vote", source), start=1):
        with _section(source, f"open_vote#{i}"):
            vote = OpenVoteRecord.model_validate(item)
            _whole_numbers(item, ("yes", "no", "abstain"), f"open_vote#{i}", source)
            vote.decide(roll, rules)
            open_votes.append(vote)
    targets = _targets(data["targets"], source) if "targets" in data else None
    board: list[BoardMember] = []
    for i, member in enumerate(_list(_required(data, "board", source), "board", source), start=1):
        with _section(source, f"board#{i}"):
            board.append(BoardMember.model_validate(member))
    plans: list[ContestPlan] = []
    seen: set[str] = set()
    for i, item in enumerate(_list(data.get("contest", []), "contest", source), start=1):
        label = (
            f"contest.{item['id']}" if isinstance(item, dict) and "id" in item else f"contest#{i}"
        )
        with _section(source, label):
            plan = _plan(_ContestEntry.model_validate(item), label, source)
            check_list(plan.contest, rules)
        if plan.contest.id in seen:
            raise InputFileError(
                "spec.duplicate_contest",
                Location(file=source, field=label),
                contest=plan.contest.id,
            )
        seen.add(plan.contest.id)
        plans.append(plan)
    polls: list[PollPlan] = []
    for i, item in enumerate(_list(data.get("poll", []), "poll", source), start=1):
        label = f"poll.{item['id']}" if isinstance(item, dict) and "id" in item else f"poll#{i}"
        with _section(source, label):
            poll_entry = _PollEntry.model_validate(item)
            poll = Poll(
                id=poll_entry.id,
                kind=poll_entry.kind,
                persons=poll_entry.persons,
                title=poll_entry.title,
                places=poll_entry.places,
            )
            plan_of_poll = PollPlan(
                poll=poll,
                issued=poll_entry.issued,
                collected=poll_entry.collected,
                counted_at=poll_entry.counted_at,
                ballots=poll_entry.ballots,
            )
            check_ballot_figures(
                poll.id, poll_entry.issued, poll_entry.collected, roll.present, rules, "poll"
            )
        if poll.id in seen:
            raise InputFileError(
                "spec.duplicate_contest", Location(file=source, field=label), contest=poll.id
            )
        seen.add(poll.id)
        polls.append(plan_of_poll)
    if not plans and not polls:
        raise InputFileError("spec.no_contest", Location(file=source))
    with _section(source, ""):
        congress = Congress(
            name=header.name,
            term=header.term,
            place=header.place,
            date=header.date,
            letterhead=tuple(header.letterhead),
            locality=header.locality,
            level=header.level,
            unit=header.unit,
            roll=roll,
            rules=rules,
            board=tuple(board),
            contests=tuple(plans),
            model=header.model,
            committee_roll=committee_roll,
            commission_roll=commission_roll,
            targets=targets,
            open_votes=tuple(open_votes),
            polls=tuple(polls),
        )
    for plan in congress.contests:
        _check_figures(congress, plan, source)
    check_spec_paths(congress, None, source)
    return congress


def check_free_text(data: Any, source: str = "<spec>", field: str = "") -> None:
    """Every string of the spec is one line of plain text: a line break or a control character
    (a terminal escape, a direction override) is refused, naming the field.

    Titles, names, the term, notes and complaints are printed in the minutes, where a new line
    would add lines the board never wrote.

    >>> check_free_text({"congress": {"name": "Đại hội Chi bộ 3", "term": "2025–2030"}})
    >>> try:
    ...     check_free_text({"contest": [{"id": "bt", "title": "Bầu\\nBí thư"}]})
    ... except InputFileError as error:
    ...     print(error.where.field, "|", error.params["detail"].render("en"))
    contest.bt.title | contains U+000A (a line break or control character)
    """
    if isinstance(data, str):
        bad = first_control(data)
        if bad is not None:
            code = f"U+{ord(bad):04X}"
            detail = Phrase("text.control_char", code=code)
            raise InputFileError(
                "spec.free_text", Location(file=source, field=field), field=field, detail=detail
            )
    elif isinstance(data, dict):
        for key, value in data.items():
            check_free_text(value, source, f"{field}.{key}" if field else str(key))
    elif isinstance(data, list):
        key = field.rsplit(".", 1)[-1]
        for i, item in enumerate(data):
            if key == "contest" and isinstance(item, dict) and isinstance(item.get("id"), str):
                label = f"contest.{item['id']}"
            else:
                label = f"{field}#{i + 2 if key == 'round' else i + 1}"
            check_free_text(item, source, label)


def check_spec_paths(congress: Congress, folder: Path | None, source: str = "<spec>") -> None:
    """Every ballots file the spec names is a relative path inside the spec's ``folder``:
    absolute paths, ``..`` and links that lead out of it are refused, naming the field (a
    file elsewhere is given on the command line with ``--ballots``). Without a folder only
    the spelling is checked.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> spec = '''
    ... [congress]
    ... name = "Đại hội Chi bộ 3"
    ... [roll]
    ... kind = "member_congress"
    ... convened = 5
    ... present = 5
    ... [[contest]]
    ... id = "bt"
    ... body = "cell_secretary"
    ... seats = 1
    ... issued = 5
    ... collected = 5
    ... ballots = "phieu/bt.csv"
    ... candidates = ["Lê Văn Tám"]
    ... [[board]]
    ... name = "Hà Thị Lan"
    ... role = "head"
    ... '''
    >>> check_spec_paths(congress_from_toml(spec), folder)
    >>> try:
    ...     congress_from_toml(spec.replace("phieu/bt.csv", "../../etc/passwd"))
    ... except InputFileError as error:
    ...     print(error.where.field, "|", error.params["reason"].render("en"))
    contest.bt.ballots | '..' leads out of the folder
    """
    base = folder.resolve() if folder is not None else None
    named: list[tuple[str, str]] = []
    for plan in congress.contests:
        for number in range(1, len(plan.rounds) + 2):
            name = plan.round_plan(number).ballots
            if name is not None:
                field = f"contest.{plan.contest.id}" + (f".round#{number}" if number > 1 else "")
                named.append((f"{field}.ballots", name))
    named += [
        (f"poll.{p.poll.id}.ballots", p.ballots) for p in congress.polls if p.ballots is not None
    ]
    for field, name in named:
        reason = _outside(name, base)
        if reason is not None:
            raise InputFileError(
                "spec.path_outside",
                Location(file=source, field=field),
                field=field,
                path=name,
                folder=_folder_shown(folder, source),
                reason=reason,
            )


def _folder_shown(folder: Path | None, source: str) -> str:
    """The spec's folder as a path a board can find (``/home/…/dai_hoi``, never ``.``)."""
    if folder is None and source.startswith("<"):
        return "."
    where = folder if folder is not None else Path(source).parent
    try:
        return str(where.resolve())
    except (OSError, RuntimeError, ValueError):  # pragma: no cover - a path resolve refuses
        return str(where)


def _outside(name: str, base: Path | None) -> Phrase | None:
    """Why ``name`` does not stay inside ``base``, or ``None`` when it does."""
    if not name.strip():
        return Phrase("spec_path.empty")
    windows = PureWindowsPath(name)
    if PurePosixPath(name).is_absolute() or windows.anchor:
        return Phrase("spec_path.absolute")
    if ".." in windows.parts:
        return Phrase("spec_path.dotdot")
    if base is not None:
        try:
            resolved = (base / name).resolve()
        except (OSError, RuntimeError, ValueError):
            return Phrase("spec_path.unresolvable")
        if not resolved.is_relative_to(base):
            return Phrase("spec_path.link_out")
    return None


def _check_figures(congress: Congress, plan: ContestPlan, source: str) -> None:
    """Each round's issued and collected against those present at its venue."""
    meeting = {
        Venue.COMMITTEE: congress.committee_roll,
        Venue.COMMISSION: congress.commission_roll,
    }.get(congress.venue_of(plan))
    present = meeting.present if meeting is not None else congress.roll.present
    for number in range(1, len(plan.rounds) + 2):
        label = f"contest.{plan.contest.id}" + (f".round#{number}" if number > 1 else "")
        round_plan = plan.round_plan(number)
        with _section(source, label):
            check_ballot_figures(
                plan.contest.id, round_plan.issued, round_plan.collected, present, congress.rules
            )


def _plan(entry: _ContestEntry, label: str, source: str) -> ContestPlan:
    people: list[Candidate] = []
    for i, item in enumerate(entry.candidates, start=1):
        with _section(source, f"{label}.candidates#{i}"):
            if isinstance(item, str):
                people.append(Candidate(name=item))
            elif isinstance(item, dict):
                people.append(Candidate.model_validate(item))
            else:
                field = f"{label}.candidates#{i}"
                raise _field_error(source, field, "model_type", "must be a name or a table")
    contest = Contest(
        id=entry.id,
        body=entry.body,
        seats=entry.seats,
        candidates=tuple(people),
        title=entry.title,
        alternates=entry.alternates,
    )
    rounds: list[RoundPlan] = []
    for number, item in enumerate(entry.round, start=2):
        with _section(source, f"{label}.round#{number}"):
            rounds.append(
                RoundPlan(
                    **item.figures(),
                    added=tuple(item.added),
                    removed=tuple(item.removed),
                    list_note=item.list_note,
                )
            )
    return ContestPlan(
        contest=contest,
        **entry.figures(),
        draws_from=entry.draws_from,
        venue=entry.venue,
        rounds=tuple(rounds),
        board=tuple(entry.board),
    )


def _targets(table: Any, source: str) -> Targets:
    """The ``[targets]`` table: its shares are the default for every elected body; a table
    within it, ``[targets.standing_committee]``, gives that body targets of its own."""
    with _section(source, "targets"):
        if not isinstance(table, dict):
            return Targets.model_validate(table)  # refused: not a table
        own = {k: v for k, v in table.items() if isinstance(v, dict) or k in _TARGET_BODIES}
        by_body: dict[Body, BodyTargets] = {}
        for key, value in own.items():
            body = target_body(key)
            with _section(source, f"targets.{key}"):
                by_body[body] = BodyTargets.model_validate(value)
        defaults = Targets.model_validate({k: v for k, v in table.items() if k not in own})
    return defaults.model_copy(update={"by_body": by_body})


_TARGET_BODIES = frozenset(body.value for body in Body)


def _rules(value: object, source: str) -> RuleSet:
    """``rules = "NAME"``, or a ``[rules]`` table: ``preset = "NAME"`` (default ``qc190``) and
    any policy values the congress set differently (``tie.policy = "older_wins"``,
    ``percent = { decimals = 1 }``), each recorded as an override."""
    overrides: dict[str, Any] = {}
    name: object = value
    field = "rules"
    if isinstance(value, dict):
        overrides = dict(value)
        name = overrides.pop("preset", DEFAULT_RULES.name)
        field = "rules.preset"
    if not isinstance(name, str) or name not in PRESETS:
        raise InputFileError(
            "spec.unknown_rules",
            Location(file=source, field=field),
            name=name,
            allowed=", ".join(PRESETS),
        )
    try:
        return with_overrides(PRESETS[name], overrides) if overrides else PRESETS[name]
    except RulesError as exc:
        raise RulesError(exc.code, replace(exc.where, file=source), **exc.params) from None


def _required(data: dict[str, Any], key: str, source: str) -> Any:
    if key not in data:
        raise _field_error(source, key, "missing", "missing")
    return data[key]


def _whole_numbers(table: Any, keys: tuple[str, ...], section: str, source: str) -> None:
    """TOML integers only: ``true``, ``"5"`` or ``5.0`` where a count belongs are errors."""
    if not isinstance(table, dict):
        return
    for key in keys:
        value = table.get(key)
        if key in table and (isinstance(value, bool) or not isinstance(value, int)):
            field = f"{section}.{key}"
            got = shown(value)
            detail = Phrase("value.whole_number", got=got)
            raise InputFileError(
                "spec.field", Location(file=source, field=field), field=field, detail=detail
            )


def _list(value: Any, key: str, source: str) -> list[Any]:
    if not isinstance(value, list):
        raise _field_error(source, key, "list_type", "must be a list")
    return value


def _field_error(source: str, field: str, kind: str, english: str) -> InputFileError:
    detail = pydantic_detail(kind, english)
    return InputFileError(
        "spec.field", Location(file=source, field=field), field=field, detail=detail
    )


def _join(section: str, field: str) -> str:
    """``section.field``, unless ``field`` is already absolute (starts at a top-level table)."""
    if not field:
        return section
    if not section or field.split(".")[0].split("#")[0] in _TOP_LEVEL:
        return field
    return f"{section}.{field}"


@contextmanager
def _section(source: str, section: str) -> Iterator[None]:
    """Turn errors raised while validating ``section`` into errors naming the file and field."""
    try:
        yield
    except ValidationError as exc:
        raise located_error(
            exc,
            InputFileError,
            "spec.field",
            file=source,
            field=lambda path: _join(section, dotted(path, indices=False)),
            name_field=True,
        ) from None
    except InputFileError:
        raise
    except TallyError as exc:
        field = _join(section, exc.where.field or "")
        where = replace(exc.where, file=source, field=field or None)
        raise type(exc)(exc.code, where, **exc.params) from None
