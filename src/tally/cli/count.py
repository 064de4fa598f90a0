"""``tally count``: count the whole congress of a spec, every contest round by round, and print
the minutes (``--list``: the lists to print the ballots from; ``--log``: also record the count
into an audit log)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tally.cli.outputs import check_outputs, documents_as
from tally.congress.plan import Congress
from tally.congress.run import CongressRecord, ContestRecord, ContestStatus, round_id, run_congress
from tally.errors import InputFileError, Location, TallyError
from tally.i18n.labels import label
from tally.i18n.messages import Lang, text
from tally.render.document import Document, Format
from tally.render.paged import PAGED_FORMATS, render_paged

if TYPE_CHECKING:
    from tally.congress.minutes_context import Fingerprint
    from tally.counting.open_vote import OpenVoteResult
    from tally.io.ballot_files import BallotFiles


def count_command(args: argparse.Namespace) -> tuple[str | bytes, bool, str]:
    """Run the congress; return the rendered output, whether a decision is needed, and the
    lines for the board (results, warnings, what is missing)."""
    lang: Lang = args.lang
    congress, selected = load_spec(args, [args.log])
    if args.print_list:
        return _lists(congress, selected, lang, args.fmt)
    record, files, chosen = count_spec(args, congress, selected)
    fingerprints: dict[str, Fingerprint] = {}
    if args.log is not None:
        from tally.audit.congress_log import record_congress

        replayed = record_congress(record, files.loaded, args.log, station=args.station)
        fingerprints = {key: replayed.fingerprint(key) for key in replayed.keys}
    awaited = [c for c in chosen if c.status is ContestStatus.AWAITING_BALLOTS and c.next_round]
    output = _render(record, chosen, awaited, lang, args.fmt, fingerprints)
    listed: dict[Path, str] = {}
    if awaited and args.fmt != "json":
        for c in awaited:
            number = len(c.rounds) + 1
            name = congress.plan(c.contest_id).round_plan(number).ballots
            if name is not None:
                path = args.spec.parent / name
                listed[path] = text(
                    "cli.awaiting_ballots", lang, contest=c.contest_id, number=number, path=path
                )
    lines = [
        listed.get(path) or text("cli.missing_ballots", lang, path=path) for path in files.missing
    ]
    if args.log is not None:
        key = "cli.log_written" if replayed.added else "cli.log_unchanged"
        lines.append(text(key, lang, path=args.log, hash=replayed.final_hash))
    needs_decision, status = status_lines(record, chosen, lang)
    return output, needs_decision, "\n".join(lines + status)


def load_spec(args: argparse.Namespace, logs: Sequence[Path | None]) -> tuple[Congress, list[str]]:
    """The spec's congress and the contests chosen (``--contest``, else all), once ``-o`` is
    checked against every input — the spec, ``--ballots``, every ballots file the spec names —
    and the ``logs`` the command writes."""
    from tally.io.spec import load_congress, workbooks_named

    given = [args.spec, args.ballots, *workbooks_named(args.spec)]
    check_outputs(args.output, logs, given)
    congress = load_congress(args.spec)
    named = named_ballots(congress, args.spec)
    check_outputs(args.output, logs, [*given, *named])
    ids = [p.contest.id for p in congress.contests]
    if not ids:
        raise InputFileError("cli.only_polls", Location(file=str(args.spec)))
    if args.contest is not None and args.contest not in ids:
        raise InputFileError(
            "spec.unknown_contest",
            Location(file=str(args.spec)),
            contest=args.contest,
            allowed=", ".join(ids),
        )
    selected = [args.contest] if args.contest is not None else ids
    if args.ballots is not None and args.contest is None and len(ids) > 1:
        raise InputFileError(
            "spec.which_contest", Location(file=str(args.spec)), allowed=", ".join(ids)
        )
    return congress, selected


def count_spec(
    args: argparse.Namespace, congress: Congress, selected: list[str]
) -> tuple[CongressRecord, BallotFiles, list[ContestRecord]]:
    """The congress counted from its ballots files (``--ballots`` for the first contest
    chosen): the record, the files (read and missing), and the records of the contests
    chosen. A contest with neither ballots nor a file named in the spec is refused."""
    from tally.io.ballot_files import BallotFiles

    files = BallotFiles(congress, args.spec.parent, args.ballots, selected[0])
    try:
        record = run_congress(congress, files)
    except TallyError as error:
        # A figure of the spec (issued, collected, a round's) that the count refuses: the
        # error names the field; the board also needs the file it is in.
        if error.where.file is None and error.where.field is not None:
            from tally.io.spec import at_cell, spec_data

            _, cells = spec_data(args.spec)  # a field of a workbook: its cell
            raise at_cell(error.located(Location(file=str(args.spec))), cells) from None
        raise
    chosen = [record.contest(contest_id) for contest_id in selected]
    for c in chosen:
        explicit = args.ballots is not None and c.contest_id == selected[0]
        awaiting = c.status is ContestStatus.AWAITING_BALLOTS and not c.rounds and not explicit
        if awaiting and congress.plan(c.contest_id).ballots is None:
            raise InputFileError(
                "cli.no_ballots", Location(file=str(args.spec)), contest=c.contest_id
            )
    return record, files, chosen


def status_lines(
    record: CongressRecord, chosen: list[ContestRecord], lang: Lang
) -> tuple[bool, list[str]]:
    """Whether something needs the congress, and the last lines for the board: each chosen
    contest's result, a failed quorum, what is still waiting or to decide."""
    congress = record.congress
    lines = []
    for c in chosen:
        lines.append(
            text(
                "cli.summary",
                lang,
                contest=c.contest_id,
                elected=len(c.elected),
                seats=c.seats,
                status=label(c.status, lang),
            )
        )
    quorum = congress.rules.quorum.check(congress.roll)
    if not quorum.met:
        lines.append(
            text(
                "cli.quorum",
                lang,
                present=quorum.present,
                convened=quorum.convened,
                required=quorum.required,
            )
        )
    failed = record.failed_open_votes
    needs_decision = bool(failed) or any(c.status is not ContestStatus.COMPLETE for c in chosen)
    if needs_decision:
        lines.extend(_open_lines(chosen, failed, lang))
    return needs_decision, lines


def _open_lines(
    chosen: list[ContestRecord], failed: tuple[OpenVoteResult, ...], lang: Lang
) -> list[str]:
    """What is still open, for the last lines: waiting (for ballots, for an earlier contest)
    is no decision of the congress, so the two are said apart."""
    waits = (
        ContestStatus.AWAITING_BALLOTS,
        ContestStatus.WAITING_FOR_SOURCE,
        ContestStatus.MUST_VOTE_AGAIN,  # the rules require the round: no choice to make
    )
    open_ = [c for c in chosen if c.status is not ContestStatus.COMPLETE]
    waiting = ", ".join(
        f"{c.contest_id} ({label(c.status, lang)})" for c in open_ if c.status in waits
    )
    pending = ", ".join(
        [f'"{v.subject}" ({text("cli.vote_failed", lang)})' for v in failed]
        + [f"{c.contest_id} ({label(c.status, lang)})" for c in open_ if c.status not in waits]
    )
    lines = []
    if waiting:
        lines.append(text("cli.still_waiting", lang, reason=waiting))
    if pending:
        lines.append(text("cli.needs_decision", lang, reason=pending))
    return lines


def _render(
    record: CongressRecord,
    chosen: list[ContestRecord],
    awaited: list[ContestRecord],
    lang: Lang,
    fmt: str,
    fingerprints: dict[str, Fingerprint],
) -> str | bytes:
    """The output in ``fmt``: JSON, a workbook, or the documents (see :func:`_documents`) as text,
    Markdown, HTML or PDF."""
    if fmt == "xlsx":
        from tally.render.workbook import congress_workbook_bytes

        return congress_workbook_bytes(record, lang, [c.contest_id for c in chosen])
    if fmt == "json":
        if len(chosen) == 1 and len(record.contests) > 1:
            return chosen[0].model_dump_json(indent=2) + "\n"
        return record.model_dump_json(indent=2) + "\n"
    return documents_as(_documents(record, chosen, awaited, lang, fingerprints), fmt)


def _documents(
    record: CongressRecord,
    chosen: list[ContestRecord],
    awaited: list[ContestRecord],
    lang: Lang,
    fingerprints: dict[str, Fingerprint],
) -> list[Document]:
    """Minutes of every counted round of the chosen contests; the congress summary when there
    is more than one contest, more than one round, or something left to do; then the lists
    of the rounds whose ballots are awaited, to print them from."""
    from tally.render.ballot_list import ballot_list_blocks
    from tally.render.minutes import minutes_document
    from tally.render.summary import summary_document

    documents = [
        minutes_document(
            result, record.congress, lang, fingerprints.get(round_id(c.contest_id, number))
        )
        for c in chosen
        for number, result in enumerate(c.rounds, start=1)
    ]
    busy = (
        len(record.contests) > 1
        or bool(record.congress.open_votes)
        or any(len(c.rounds) > 1 or c.status is not ContestStatus.COMPLETE for c in chosen)
    )
    if busy:
        documents.append(summary_document(record, lang))
    for c in awaited:
        if c.next_round is not None:
            blocks = ballot_list_blocks(record.congress, c.next_round, lang)
            documents.append(Document(tuple(blocks), "", lang))
    return documents


def _lists(
    congress: Congress, selected: list[str], lang: Lang, fmt: str
) -> tuple[str | bytes, bool, str]:
    """``count --list``: every selected contest's first ballot, in ballot order, to print."""
    from tally.render.ballot_list import ballot_list_blocks, render_ballot_lists

    contests = [congress.plan(contest_id).contest for contest_id in selected]
    said = text("cli.list_printed", lang, contests=len(contests))
    for paged in PAGED_FORMATS:
        if fmt == paged:
            documents = [
                Document(tuple(ballot_list_blocks(congress, contest, lang)), "", lang)
                for contest in contests
            ]
            return render_paged(documents, paged, os.cpu_count() or 1), False, said
    document_format: Format = "markdown" if fmt == "markdown" else "text"
    return render_ballot_lists(congress, contests, lang, document_format), False, said


def named_ballots(congress: Congress, spec: Path) -> list[Path]:
    """Every ballots file the spec names, every round, beside the spec."""
    return [
        spec.parent / name
        for plan in congress.contests
        for number in range(1, len(plan.rounds) + 2)
        if (name := plan.round_plan(number).ballots) is not None
    ]
