"""``tally verify``, ``tally replay`` and ``tally reconcile``: what the command line does with
audit logs (check one, print its minutes — or show its results in the hall — again, compare the
logs of several entry stations)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from tally.cli.outputs import check_outputs
from tally.errors import InputFileError, Location, LogError
from tally.i18n.labels import label
from tally.i18n.messages import Lang, text
from tally.render.document import Document, Format
from tally.render.paged import PAGED_FORMATS, render_paged
from tally.render.replayed import OutputFormat, later_note, log_documents, render_as

if TYPE_CHECKING:
    from tally.audit.replay import Replay
    from tally.counting.result import ContestResult


def verify_command(args: argparse.Namespace) -> tuple[str, bool, str]:
    """Check the chain and replay; a damaged log raises (exit 5) after the report."""
    from tally.audit.chain import Problem, TornEvent, check_chain
    from tally.audit.log import repair_torn_tail
    from tally.audit.replay import expected_prefix, verify

    lang: Lang = args.lang
    lines: list[str] = []
    if args.expect is not None:
        _check_expect(args.expect)  # a mistyped fingerprint is refused before anything
        expected_prefix(args.expect)
    chain = check_chain(args.log)
    if chain.problem is Problem.TORN:
        what = TornEvent(chain.torn_kind)
        if not args.repair_torn_tail:
            raise LogError(
                "audit.torn",
                Location(file=str(args.log), line=chain.line),
                events=chain.events,
                file=args.log,
                what=what,
            )
        cut = repair_torn_tail(args.log)
        key = "cli.torn_cut" if cut else "cli.newline_restored"
        lines.append(text(key, lang, path=args.log, bytes=cut, what=what.render(lang)))
    report = verify(args.log, args.expect)
    if report.error is not None:
        raise LogError(report.error.code, report.error.where, **report.error.params)
    said = report.message(lang)
    if report.signed is not None and not report.later_count:
        # Nothing follows the signed fingerprint: say so, not "0 events follow it (—)".
        first, *rest = dataclasses.replace(report, signed=None).message(lang).split("\n")
        said = "\n".join([first, text("log.signed_is_last", lang, signed=report.signed), *rest])
    return said + "\n", False, "\n".join(lines)


def _check_expect(expect: str) -> None:
    """The fingerprint typed after ``--expect`` is hexadecimal, neither too short nor longer
    than a SHA-256 (64 digits): refused naming the option, not a field of a file."""
    from tally.audit.replay import MIN_EXPECT

    wanted = "".join(expect.split()).lower()
    if any(c not in "0123456789abcdef" for c in wanted) or len(wanted) < MIN_EXPECT:
        raise InputFileError("cli.expect_bad", None, expect=expect, minimum=MIN_EXPECT)
    if len(wanted) > 64:
        raise InputFileError("cli.expect_too_long", None, expect=expect, digits=len(wanted))


def replay_command(args: argparse.Namespace) -> tuple[str | bytes, bool, str]:
    """Minutes (or the entry log, or the projection page) of the contests in a log, from its
    events alone."""
    from tally.audit.events import DecisionKind
    from tally.audit.replay import replay

    lang: Lang = args.lang
    check_outputs(args.output, [], [args.log])
    if args.expect is not None:
        _check_expect(args.expect)
    replayed = replay(args.log, args.expect)
    if args.contest is not None and args.contest not in replayed.keys:
        raise InputFileError(
            "cli.unknown_key",
            Location(file=str(args.log)),
            contest=args.contest,
            known=", ".join(replayed.keys) or "—",
        )
    keys = [args.contest] if args.contest else list(replayed.keys)
    if not keys:
        raise InputFileError("log.empty", Location(file=str(args.log)))
    lines: list[str] = []
    open_or_pending = False
    for key in keys:
        state = replayed.contest(key)
        if state.result is None:
            entered = sum(len(entries) for entries in state.stations.values())
            lines.append(text("cli.log_open", lang, contest=key, entered=entered))
            open_or_pending = True
            continue
        lines.append(_result_line(key, state.result, lang))
        followed = any(d.kind is DecisionKind.FURTHER_ROUND for d in state.decisions)
        open_or_pending = open_or_pending or (state.result.needs_decision and not followed)
    # The congress summary follows the minutes; what it says is left to do counts in any format.
    minutes = not args.entries and not args.screen and args.fmt != "json"
    summary, pending, note = replayed_summary(replayed, args.contest, lang, shown=minutes)
    open_or_pending = open_or_pending or pending
    lines.append(note)
    paged = next((fmt for fmt in PAGED_FORMATS if fmt == args.fmt), None)
    output: str | bytes
    if args.screen:
        from tally.render.screen import render_screen

        closed = [replayed.result(key) for key in keys if replayed.contest(key).result]
        output = render_screen(closed, replayed.context(keys[0]).congress, lang)
    elif args.fmt == "json":
        results = {key: replayed.result(key) for key in keys if replayed.contest(key).result}
        output = (
            "{\n"
            + ",\n".join(f"  {json.dumps(k)}: {r.to_json(indent=None)}" for k, r in results.items())
            + "\n}\n"
        )
    else:
        documents = log_documents(
            replayed, keys, lang, entries=args.entries, paged=paged is not None
        )
        if summary is not None:
            documents.append(summary)
        shown: OutputFormat = paged or ("markdown" if args.fmt == "markdown" else "text")
        output = render_as(documents, shown, os.cpu_count() or 1)
    lines.extend(later_note(replayed, key, lang).strip() for key in keys)
    # Events after the signed fingerprint about a contest shown: the board must look at them.
    open_or_pending = open_or_pending or any(replayed.later_about(key) for key in keys)
    lines = [line for line in lines if line]
    lines.append(text("cli.log_hash", lang, events=len(replayed.events), hash=replayed.final_hash))
    return output, open_or_pending, "\n".join(lines)


def replayed_summary(
    replayed: Replay, contest: str | None, lang: Lang, *, shown: bool
) -> tuple[Document | None, bool, str]:
    """The congress summary ``tally replay`` prints after the minutes, rebuilt from the log
    (:meth:`Replay.congress_record`) and shown when ``tally count`` shows it (more than one
    contest, open votes, more than one round, or something left to do); whether the congress
    must still act (an open vote not passed, a contest not complete), as ``count`` exits 4; and
    a line for the board. ``contest`` is the key ``--contest`` chose, if any; ``shown`` false:
    no document is printed (``--entries``, JSON, the screen), only what is left to do counts.

    A log that records no plan (``tally.log/1``, or a session that recorded none) gives no
    summary, and a line saying so when it holds more than one round: a summary rebuilt from
    the counts alone would leave out the open votes, the targets and the contests not counted
    yet, and a board could take it for the whole.
    """
    from tally.congress.run import ContestStatus, round_id
    from tally.render.summary import summary_document

    if not replayed.planned:
        if len(replayed.keys) < 2 or contest is not None or not shown:
            return None, False, ""
        opened = replayed.state.opened
        fmt_name = opened.format if opened is not None else "—"
        return None, False, text("cli.no_summary", lang, path=replayed.path, format=fmt_name)
    record = replayed.congress_record()
    chosen = [
        c
        for c in record.contests
        if contest is None
        or contest in {round_id(c.contest_id, n) for n in range(1, len(c.rounds) + 2)}
    ]
    undone = any(c.status is not ContestStatus.COMPLETE for c in chosen)
    failed = record.failed_open_votes
    busy = (
        len(record.contests) > 1
        or bool(record.congress.open_votes)
        or undone
        or any(len(c.rounds) > 1 for c in chosen)
    )
    summary = summary_document(record, lang) if busy and shown else None
    reason = ", ".join(f'"{v.subject}" ({text("cli.vote_failed", lang)})' for v in failed)
    note = text("cli.needs_decision", lang, reason=reason) if failed else ""
    return summary, bool(failed) or undone, note


@dataclasses.dataclass(frozen=True)
class TimeOfCount:
    """``--at``: a time of the count as the spec writes ``counted_at`` (``YYYY-MM-DDTHH:MM``,
    no zone), refused in ``lang`` otherwise."""

    lang: Lang

    def __call__(self, value: str) -> dt.datetime:
        try:
            return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M")
        except ValueError:
            raise argparse.ArgumentTypeError(text("cli.bad_time", self.lang, value=value)) from None


def reconcile_command(args: argparse.Namespace) -> tuple[str | bytes, bool, str]:
    """Compare station logs and check the rulings; with ``--merge``, write the merged log."""
    from tally.audit.stations import compare_stations, load_rulings, merge
    from tally.render.station_report import reconciliation_blocks, render_reconciliation

    lang: Lang = args.lang
    check_outputs(args.output, [args.merge], [*args.logs, args.rulings])
    logs = [replay_of(path) for path in args.logs]
    keys = list(dict.fromkeys(key for log in logs for key in log.keys))
    only = keys[0] if len(keys) == 1 else None
    rulings = load_rulings(args.rulings, only) if args.rulings is not None else []
    reports = compare_stations(args.logs, rulings)
    paged = next((fmt for fmt in PAGED_FORMATS if fmt == args.fmt), None)
    output: str | bytes
    if paged is not None:
        report = Document(tuple(reconciliation_blocks(reports, lang)), "", lang)
        output = render_paged([report], paged)
    else:
        document_format: Format = "markdown" if args.fmt == "markdown" else "text"
        output = render_reconciliation(reports, lang, document_format)
    lines = [
        text("cli.stations_differ", lang, contest=r.key, count=len(r.unruled))
        for r in reports
        if r.unruled
    ]
    pending = any(r.problem is not None for r in reports)
    if args.merge is not None:
        merged = merge(args.logs, args.merge, rulings, at=args.at)
        lines.append(text("cli.merged", lang, path=args.merge, hash=merged.final_hash))
        for key in merged.keys:
            result = merged.contest(key).result
            if result is None:
                continue
            lines.append(_result_line(key, result, lang))
            pending = pending or result.needs_decision
    return output, pending, "\n".join(lines)


def replay_of(path: Path) -> Replay:
    """The log at ``path`` replayed (a damaged log raises :class:`LogError`: exit 5)."""
    from tally.audit.replay import replay

    return replay(path)


def _result_line(key: str, result: ContestResult, lang: Lang) -> str:
    """One line for the board: how many ``key`` elected of how many seats, and its status."""
    outcome = result.outcome
    return text(
        "cli.summary",
        lang,
        contest=key,
        elected=len(outcome.elected),
        seats=outcome.seats,
        status=label(outcome.status, lang),
    )
