"""The printed ballot-entry log (nhật ký nhập phiếu): a counting log as a board reads and signs it.

For each contest in a log: who counted and with what, the candidate list by ballot number, every
entry in event order (corrections and withdrawals pointing at the entry they replace), the
board's rulings, complaints, the closing and the congress's decisions, totals by station and by
batch, and the log's fingerprint above the board's signatures. Vietnamese by default, English on
request; plain text for A4 (tables and long lines wrapped to :data:`WIDTH` columns) or Markdown.

>>> import tempfile, pathlib, datetime as dt
>>> from tally import Body, Contest, CongressKind, Roll
>>> from tally.audit.session import CountingSession
>>> from tally.audit.replay import replay
>>> path = pathlib.Path(tempfile.mkdtemp()) / "bt.jsonl"
>>> session = CountingSession.open(path, clock=lambda: dt.datetime(2025, 6, 1, 9, 0))
>>> bt = session.open_contest(
...     Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"]),
...     roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3))
>>> bt.record("001", agree=[1])
3
>>> print(render_entry_log(replay(path), lang="en").splitlines()[0].strip())
BALLOT-ENTRY LOG
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from tally.audit.events import (
    BallotCorrected,
    BallotRecorded,
    BallotWithdrawn,
    BatchDeclared,
    ComplaintRecorded,
    CongressPlanned,
    CountClosed,
    DecisionKind,
    DecisionRecorded,
    DiscrepancyRuled,
    EventData,
    Marks,
    OpenVoteRecorded,
    Reading,
    SessionOpened,
    parse_data,
)
from tally.audit.readings import discrepancies
from tally.audit.replay import Replay
from tally.audit.state import ContestState
from tally.congress.minutes_context import grouped_hash
from tally.counting.validity import InvalidReason
from tally.i18n.labels import bare_term, contest_title, label, long_date
from tally.i18n.messages import Lang, Words, text
from tally.render.document import (
    Align,
    Block,
    Document,
    Fields,
    Format,
    Heading,
    Layout,
    Paragraph,
    Signatures,
    Table,
    Title,
    render,
)

__all__ = ["WIDTH", "entry_log_blocks", "render_entry_log"]

WIDTH = 96
"""The widest line of the plain-text log: fits A4 in a 10–12 point monospace font."""

_t = Words("entry_log")

_BLANK_SIGNATURE = "." * 30


def entry_log_blocks(
    replayed: Replay, key: str | None = None, lang: Lang = "vi", *, width: int | None = WIDTH
) -> list[Block]:
    """The entry log of contest ``key`` (every contest in the log when ``None``, one after
    another) as document blocks; tables and long lines are wrapped to ``width`` columns for
    printing (``None``: not wrapped, as for Markdown).

    >>> import tempfile, pathlib, datetime as dt
    >>> from tally import Body, Contest, CongressKind, Roll
    >>> from tally.audit.session import CountingSession
    >>> from tally.audit.replay import replay
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "bt.jsonl"
    >>> session = CountingSession.open(path, clock=lambda: dt.datetime(2025, 6, 1, 9, 0))
    >>> bt = session.open_contest(
    ...     Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"]),
    ...     roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3))
    >>> blocks = entry_log_blocks(replay(path), "bt")
    >>> blocks[0]
    Title(text='NHẬT KÝ NHẬP PHIẾU', subtitle=('Bầu Bí thư chi bộ',))
    """
    keys = replayed.keys if key is None else (replayed.contest(key).key,)
    layout = Layout(width)
    by_contest: dict[str, list[_Entry]] = {one: [] for one in keys}
    congress: list[_Entry] = []  # the plan and the open votes: about the whole congress
    for event in replayed.events:
        data = parse_data(event.kind, event.data)
        if isinstance(data, CongressPlanned | OpenVoteRecorded):
            congress.append(_Entry(event.seq, data))
        elif not isinstance(data, SessionOpened) and data.contest in by_contest:
            by_contest[data.contest].append(_Entry(event.seq, data))
    blocks: list[Block] = []
    for i, one in enumerate(keys):
        if i:
            blocks.append(layout.rule())
        blocks += _contest_blocks(replayed, one, by_contest[one], congress, lang, layout)
    return blocks


def entry_log_document(
    replayed: Replay, key: str | None = None, lang: Lang = "vi", *, paged: bool = False
) -> Document:
    """The entry log of contest ``key`` as a :class:`~tally.render.document.Document`: laid
    out for plain text (:data:`WIDTH` columns), or ``paged`` for HTML, PDF and Word, which
    wrap it themselves. Every page's foot carries the log's fingerprint (up to the contest's
    last event), as the board initials every page."""
    blocks = entry_log_blocks(replayed, key, lang, width=None if paged else WIDTH)
    if key is not None:
        mark = replayed.fingerprint(key)
        events, digest = mark.events, mark.grouped()
    else:
        events, digest = len(replayed.events), grouped_hash(replayed.final_hash)
    footer = text("minutes.footer", lang, events=events, hash=digest)
    return Document(tuple(blocks), footer, lang, WIDTH)


def render_entry_log(
    replayed: Replay, key: str | None = None, lang: Lang = "vi", fmt: Format = "text"
) -> str:
    """The entry log as plain text (to print, initial and sign) or Markdown.

    >>> import tempfile, pathlib, datetime as dt
    >>> from tally import Body, Contest, CongressKind, Roll
    >>> from tally.audit.session import CountingSession
    >>> from tally.audit.replay import replay
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "bt.jsonl"
    >>> session = CountingSession.open(path, clock=lambda: dt.datetime(2025, 6, 1, 9, 0))
    >>> bt = session.open_contest(
    ...     Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"]),
    ...     roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3))
    >>> _ = bt.record("001", disagree=[1])
    >>> text = render_entry_log(replay(path), lang="en")
    >>> [line.split("  ")[-1].strip() for line in text.splitlines() if line.startswith("#3 ")]
    ['agree: —; disagree: 1; both: —']
    """
    width = WIDTH if fmt == "text" else None
    return render(entry_log_blocks(replayed, key, lang, width=width), fmt, width or WIDTH)


# --- one contest ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    """An event about the contest, with its sequence number."""

    seq: int
    data: EventData


def _contest_blocks(
    replayed: Replay,
    key: str,
    events: Sequence[_Entry],
    congress: Sequence[_Entry],
    lang: Lang,
    layout: Layout,
) -> list[Block]:
    state = replayed.contest(key)
    opened = replayed.state.opened
    covered = [entry for entry in congress if entry.seq <= state.last_seq]
    blocks: list[Block] = [_title(state, opened, lang)]
    blocks += [
        Heading(_t("doc.s_general", lang)),
        _general(replayed, state, opened, events, lang, layout, covered),
    ]
    blocks += [
        Heading(_t("s_list", lang)),
        layout.paragraph(_t("list_note", lang)),
        Table(
            (_t("doc.no", lang), _t("doc.full_name", lang)),
            tuple((str(i), name) for i, name in enumerate(state.contest.names, start=1)),
            ("right", "left"),
        ),
    ]
    blocks += [Heading(_t("s_entries", lang)), *_entries(state, events, lang, layout)]
    blocks += [Heading(_t("s_events", lang)), _happenings(events, lang, layout)]
    blocks += [Heading(_t("s_totals", lang)), *_totals(state, events, lang, layout)]
    blocks += [Heading(_t("s_closing", lang)), *_closing(replayed, state, lang, layout)]
    return blocks


def _title(state: ContestState, opened: SessionOpened | None, lang: Lang) -> Title:
    contest = state.contest
    subtitle = [contest_title(contest, lang)]
    congress = opened.congress if opened is not None else None
    if congress is not None:
        term = (
            f", {_t('doc.term_of', lang, term=bare_term(congress.term))}" if congress.term else ""
        )
        subtitle.append(congress.name + term)
        where = [congress.place] if congress.place else []
        if congress.date is not None:
            where.append(long_date(congress.date, lang))
        if where:
            subtitle.append(", ".join(where))
    return Title(_t("title", lang), tuple(subtitle))


def _general(
    replayed: Replay,
    state: ContestState,
    opened: SessionOpened | None,
    events: Sequence[_Entry],
    lang: Lang,
    layout: Layout,
    congress: Sequence[_Entry] = (),
) -> Fields:
    """The log, the contest, its figures; and the congress's plan and open votes recorded in
    the log up to this contest's last event (what its fingerprint covers)."""
    contest = state.contest
    items: list[tuple[str, str]] = [
        (_t("contest_key", lang), state.key),
        (_t("file", lang), replayed.path.name),
    ]
    if opened is not None:
        items += [
            (_t("format", lang), opened.format),
            (_t("version", lang), opened.tally_version),
            (_t("log_opened", lang), _moment(opened.at, lang)),
            (_t("opening_station", lang), opened.station),
        ]
    items.append((_t("stations", lang), ", ".join(_stations(events)) or _t("doc.none", lang)))
    if state.sources:
        items.append((_t("merged", lang), ""))
    for source in state.sources:
        items += [
            (
                _t("merged_line", lang, station=source.station),
                _t("merged_file", lang, file=source.file, events=source.events),
            ),
            (_t("merged_hash", lang), grouped_hash(source.final_hash)),
        ]
    closed = _moment(state.closed_at, lang) if state.closed_at else _t("not_closed", lang)
    not_recorded = _t("not_recorded", lang)
    items += [
        (_t("contest_opened", lang), _moment(state.opened_at, lang)),
        (_t("closed_at", lang), closed),
        (_t("doc.rules", lang), state.rules.title),
        (_t("doc.seats", lang), str(contest.seats)),
        (_t("doc.list_size", lang), str(len(contest.candidates))),
        (_t("doc.form", lang), label(contest.form, lang)),
        (_t("doc.issued", lang), not_recorded if state.issued is None else str(state.issued)),
        (
            _t("doc.collected", lang),
            not_recorded if state.collected is None else str(state.collected),
        ),
        (_t("batches", lang), "" if state.batches else _t("doc.none", lang)),
        *(
            (_t("batch_line", lang, batch=batch), _declared(batch, n, events, lang))
            for batch, n in state.batches.items()
        ),
        *_congress_items(congress, lang),
    ]
    return layout.fields(items)


def _declared(batch: str, n: int, events: Sequence[_Entry], lang: Lang) -> str:
    """A stack's hand count, and — when the board declared it again after a recount — the
    counts declared before, each with its event."""
    before = [
        _t("declared_at", lang, n=entry.data.expected, seq=entry.seq)
        for entry in events
        if isinstance(entry.data, BatchDeclared) and entry.data.batch == batch
    ][:-1]
    shown = _t("ballots_n", lang, n=n)
    return shown if not before else _t("recounted", lang, now=shown, before="; ".join(before))


def _congress_items(congress: Sequence[_Entry], lang: Lang) -> list[tuple[str, str]]:
    """Each plan of the congress and each open vote, with its event."""
    items: list[tuple[str, str]] = []
    votes: list[tuple[str, str]] = []
    for entry in congress:
        data = entry.data
        if isinstance(data, CongressPlanned):
            ids = [plan.contest.id for plan in data.congress.contests]
            line = _t(
                "plan_text",
                lang,
                time=_moment(data.at, lang),
                count=len(ids),
                contests=", ".join(ids),
            )
            items.append((_t("plan", lang, seq=entry.seq), line))
        elif isinstance(data, OpenVoteRecorded):
            vote = data.vote
            line = _t(
                "open_vote",
                lang,
                subject=vote.subject,
                yes=vote.yes,
                no=vote.no,
                abstain=vote.abstain,
                needed=data.needed,
                base=data.base,
                result=_t("summary.passed" if data.passed else "summary.failed", lang),
            )
            votes.append((f"  #{entry.seq}", line))
    if votes:
        items += [(_t("open_votes", lang), ""), *votes]
    return items


def _entries(
    state: ContestState, events: Sequence[_Entry], lang: Lang, layout: Layout
) -> list[Block]:
    later: dict[int, str] = {}
    for entry in events:
        data = entry.data
        if isinstance(data, BallotCorrected):
            later[data.corrects] = _t("corrected_at", lang, seq=entry.seq)
        elif isinstance(data, BallotWithdrawn):
            later[data.cancels] = _t("withdrawn_at", lang, seq=entry.seq)
    day = state.opened_at.date()
    rows: list[tuple[str, ...]] = []
    for entry in events:
        data = entry.data
        if isinstance(data, BallotRecorded):
            notes = []
            if isinstance(data, BallotCorrected):
                notes.append(_t("corrects", lang, seq=data.corrects, reason=data.reason))
            entered, observed = _marks(data.marks, lang), _observations(data.observations, lang)
            batch = data.batch or ""
        elif isinstance(data, BallotWithdrawn):
            notes = [_t("withdraws", lang, seq=data.cancels, reason=data.reason)]
            entered, observed, batch = _t("withdrawn", lang), "", ""
        else:
            continue
        if entry.seq in later:
            notes.append(later[entry.seq])
        time = f"{data.at:%H:%M:%S}" if data.at.date() == day else f"{data.at:%d/%m %H:%M:%S}"
        note = "; ".join(notes)
        rows.append(
            (f"#{entry.seq}", time, data.station, batch, data.serial, entered, observed, note)
        )
    if not rows:
        return [layout.paragraph(_t("no_entries", lang))]
    headers = tuple(
        _t(name, lang)
        for name in (
            "c_seq",
            "c_time",
            "doc.station",
            "c_batch",
            "doc.serial",
            "c_entered",
            "c_observed",
            "doc.note",
        )
    )
    align: tuple[Align, ...] = ("left", "left", "left", "left", "left", "left", "left", "left")
    return [layout.table(headers, rows, align, {5: 3, 6: 3, 7: 4})]


def _happenings(events: Sequence[_Entry], lang: Lang, layout: Layout) -> Fields | Paragraph:
    items: list[tuple[str, str]] = []
    for entry in events:
        data = entry.data
        if isinstance(data, DiscrepancyRuled):
            reading = (
                _t("doc.no_such_ballot", lang)
                if data.reading is None
                else _reading(data.reading, lang)
            )
            line = _t("ruling", lang, serial=data.serial, reading=reading, note=data.note)
        elif isinstance(data, ComplaintRecorded):
            line = _t("complaint", lang, summary=data.summary, settlement=data.settlement)
        elif isinstance(data, CountClosed):
            figures = data.figures
            line = _t(
                "closed",
                lang,
                time=_moment(data.at, lang),
                collected=figures.collected,
                valid=figures.valid,
                invalid=figures.invalid,
                status=label(figures.status, lang),
                elected=_t("elected", lang, names=", ".join(figures.elected))
                if figures.elected
                else "",
            )
        elif isinstance(data, DecisionRecorded):
            line = _decision(data, lang)
        else:
            continue
        items.append((f"#{entry.seq}", line))
    if not items:
        return Paragraph(_t("no_events", lang))
    return layout.fields(items)


def _decision(data: DecisionRecorded, lang: Lang) -> str:
    if data.kind is DecisionKind.FURTHER_ROUND:
        changes = "".join(
            _t(name, lang, names=", ".join(names))
            for name, names in (("d_added", data.added), ("d_removed", data.removed))
            if names
        )
        text = _t("d_round", lang, next=data.next, seats=data.seats, changes=changes)
        return text + (f" — {data.note}" if data.note else "")
    assert data.decision is not None
    kind = "d_tie" if data.kind is DecisionKind.TIE else "d_alternate_tie"
    winners = ", ".join(data.decision.winners)
    return _t(kind, lang, winners=winners, note=data.decision.note)


def _totals(
    state: ContestState, events: Sequence[_Entry], lang: Lang, layout: Layout
) -> list[Block]:
    """V. The ballots by entry station, then by batch."""
    return _by_station(state, events, lang, layout) + _by_batch(state, events, lang, layout)


def _by_station(
    state: ContestState, events: Sequence[_Entry], lang: Lang, layout: Layout
) -> list[Block]:
    """Each station's entries, corrections, withdrawals and the ballots that stand."""
    stations = _stations(events)
    if not stations:
        return []
    counts = {station: [0, 0, 0] for station in stations}
    for entry in events:
        data = entry.data
        if isinstance(data, BallotCorrected):
            counts[data.station][1] += 1
        elif isinstance(data, BallotRecorded):
            counts[data.station][0] += 1
        elif isinstance(data, BallotWithdrawn):
            counts[data.station][2] += 1
    current = {s: len(state.stations.get(s, {})) for s in stations}
    columns = ("doc.station", "c_entries", "c_corrections", "c_withdrawals", "c_current")
    return [
        layout.paragraph(_t("by_station", lang)),
        Table(
            tuple(_t(name, lang) for name in columns),
            tuple((s, *(str(n) for n in counts[s]), str(current[s])) for s in stations),
            ("left", "right", "right", "right", "right"),
        ),
        layout.paragraph(_t("current_note", lang)),
    ]


def _by_batch(
    state: ContestState, events: Sequence[_Entry], lang: Lang, layout: Layout
) -> list[Block]:
    """Each batch's declared count against what each station (and the agreed reading) holds;
    the serials the stations still read differently."""
    stations = _stations(events)
    blocks: list[Block] = [layout.paragraph(_t("by_batch", lang))]
    readings = state.readings()
    found = discrepancies(state.contest, readings)
    unresolved = list(dict.fromkeys(d.serial for d in found if d.serial not in state.rulings))
    show_agreed = not unresolved and (len(readings) > 1 or bool(state.rulings))
    agreed = state.agreed() if show_agreed else {}
    groups: list[str | None] = [*state.batches]
    unbatched = any(r.batch is None for station in readings.values() for r in station.values())
    if groups and unbatched:
        groups.append(None)
    if groups:
        headers = (
            _t("c_batch", lang),
            _t("c_declared", lang),
            *(_t("c_station_n", lang, station=s) for s in stations),
            *((_t("c_agreed", lang),) if show_agreed else ()),
        )
        rows = []
        for batch in groups:
            expected = str(state.batches[batch]) if batch is not None else "—"
            per_station = [
                str(sum(r.batch == batch for r in readings.get(s, {}).values())) for s in stations
            ]
            agreed_n = [str(sum(r.batch == batch for r in agreed.values()))] if show_agreed else []
            name = batch if batch is not None else _t("no_batch", lang)
            rows.append((name, expected, *per_station, *agreed_n))
        right: tuple[Align, ...] = tuple("right" for _ in headers[1:])
        align: tuple[Align, ...] = ("left", *right)
        blocks.append(Table(headers, tuple(rows), align))
    else:
        blocks.append(layout.paragraph(_t("no_batches", lang)))
    if unresolved:
        text = _t("unresolved", lang, n=len(unresolved), serials=", ".join(unresolved))
        blocks.append(layout.paragraph(text))
    return blocks


def _closing(replayed: Replay, state: ContestState, lang: Lang, layout: Layout) -> list[Block]:
    mark = replayed.fingerprint(state.key)
    heads = tuple(m.name for m in state.board if m.role == "head")
    members = tuple(m.name for m in state.board if m.role != "head")
    if not state.board:
        heads, members = (_BLANK_SIGNATURE,), (_BLANK_SIGNATURE, _BLANK_SIGNATURE)
    return [
        layout.paragraph(_t("fingerprint", lang)),
        Fields(
            (
                *layout.fields(
                    (
                        (_t("file", lang), mark.file or replayed.path.name),
                        (_t("up_to", lang), _t("up_to_text", lang, events=mark.events)),
                    )
                ).items,
                (_t("hash_of", lang, events=mark.events), mark.grouped()),
            )
        ),
        layout.paragraph(_t("initial", lang)),
        Signatures(
            ((_t("doc.sign_head", lang), heads), (_t("doc.sign_members", lang), members)),
            _t("doc.sign_note", lang),
        ),
    ]


# --- words ------------------------------------------------------------------------------------


def _stations(events: Sequence[_Entry]) -> list[str]:
    """The stations that entered ballots of the contest, in order of their first entry."""
    found = (e.data.station for e in events if isinstance(e.data, BallotRecorded | BallotWithdrawn))
    return list(dict.fromkeys(found))


def _numbers(numbers: tuple[int, ...] | None) -> str:
    return ", ".join(str(n) for n in numbers or ()) or "—"


def _marks(marks: Marks, lang: Lang) -> str:
    if marks.struck is not None:
        if not marks.struck:
            return _t("none_struck", lang)
        return _t("struck", lang, numbers=_numbers(marks.struck))
    return _t(
        "yes_no",
        lang,
        agree=_numbers(marks.agree),
        disagree=_numbers(marks.disagree),
        both=_numbers(marks.both),
    )


def _observations(codes: Sequence[str], lang: Lang) -> str:
    known = {reason.value: reason for reason in InvalidReason}
    return "; ".join(label(known[c], lang) if c in known else c for c in codes)


def _reading(reading: Reading, lang: Lang) -> str:
    parts = [_marks(reading.marks, lang)]
    if reading.observations:
        parts.append(_observations(reading.observations, lang))
    if reading.batch is not None:
        parts.append(_t("doc.in_batch", lang, batch=reading.batch))
    return "; ".join(parts)


def _moment(moment: dt.datetime, lang: Lang) -> str:
    """The time to the second and the day, with the UTC offset when the log records one."""
    day = long_date(moment.date(), lang)
    text = _t("moment", lang, time=f"{moment:%H:%M:%S}", day=day)
    offset = moment.utcoffset()
    if offset is None:
        return text
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{text} (UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d})"
