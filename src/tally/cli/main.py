"""The ``tally`` command: count from a spec, and verify, replay and reconcile audit logs.

``tally count SPEC`` prints the minutes (``--log LOG`` also records the count into an audit
log); ``tally verify LOG`` checks a log; ``tally replay LOG`` prints the minutes (or, with
``--entries``, the printed entry log) from the log alone; ``tally reconcile A B [C]`` compares
the logs of stations that entered the same ballots and, with ``--merge``, writes one log with
the board's rulings.

Exit codes: 0 done, every seat filled, logs intact and in agreement; 3 bad input (the message
names the file, line or field, and nothing is written); 4 something needs the congress or the
board (a tie, a shortfall, an open count, stations that differ); 5 a log is damaged or does not
replay; 2 wrong command-line usage; 1 an unexpected internal error.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tally.congress.plan import Congress
from tally.congress.run import CongressRecord, ContestRecord, ContestStatus, round_id, run_congress
from tally.errors import InputFileError, Location, LogError, TallyError
from tally.files import check_output, write_atomically
from tally.i18n.labels import label
from tally.i18n.messages import LANGS, Lang, text
from tally.model.ballots import Ballots
from tally.model.contest import Contest
from tally.render.document import Format, join_documents

if TYPE_CHECKING:
    from tally.audit.replay import Replay
    from tally.congress.minutes_context import Fingerprint
    from tally.counting.result import ContestResult

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
EXIT_NEEDS_DECISION = 4
EXIT_BAD_LOG = 5

FORMATS = ("text", "markdown", "json")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (help texts in Vietnamese and English)."""
    from tally.version import VERSION

    parser = argparse.ArgumentParser(
        prog="tally",
        description="Kiểm phiếu bầu cử trong Đảng / Party election counting.",
    )
    parser.add_argument("--version", action="version", version=f"tally {VERSION}")
    commands = parser.add_subparsers(dest="command", required=True)
    count = commands.add_parser(
        "count",
        help="kiểm phiếu một cuộc bầu / count one contest",
        description="Kiểm phiếu một cuộc bầu và in biên bản / count one contest and print "
        "its minutes.",
    )
    count.add_argument("spec", type=Path, help="tệp mô tả đại hội (TOML) / congress spec")
    count.add_argument(
        "--ballots",
        type=Path,
        help="tệp phiếu (CSV); mặc định theo tệp mô tả / ballots CSV (default: from the spec)",
    )
    count.add_argument("--contest", help="mã cuộc bầu / contest id (when the spec has several)")
    count.add_argument(
        "--log",
        type=Path,
        help="ghi cuộc kiểm phiếu vào nhật ký (tạo mới, hoặc ghi tiếp nhật ký đã có của cùng "
        "cuộc kiểm phiếu) / record the count into an audit log (a new one, or extend the log "
        "of this same count)",
    )
    count.add_argument("--station", default="1", help="mã máy nhập / entry station id")
    count.add_argument(
        "--list",
        action="store_true",
        dest="print_list",
        help="in danh sách bầu cử theo thứ tự trên phiếu để in phiếu, chưa kiểm phiếu / print "
        "every contest's list in ballot order to print the ballots from (no count)",
    )
    _output(count)

    verify = commands.add_parser(
        "verify",
        help="kiểm tra nhật ký / verify an audit log",
        description="Kiểm tra chuỗi mã băm và kiểm lại từ đầu / check the hash chain and replay.",
    )
    verify.add_argument("log", type=Path, help="nhật ký (JSON Lines) / the audit log")
    verify.add_argument(
        "--expect",
        metavar="HASH",
        help="mã SHA-256 in trên biên bản / the fingerprint printed on the minutes (≥ 16 chars)",
    )
    verify.add_argument(
        "--repair-torn-tail",
        action="store_true",
        help="cắt dòng cuối bị ghi dở / cut a last line torn by a crash, then verify",
    )
    _language(verify)

    replay = commands.add_parser(
        "replay",
        help="in biên bản từ nhật ký / print the minutes from an audit log",
        description="Kiểm lại từ nhật ký và in biên bản / replay a log and print the minutes.",
    )
    replay.add_argument("log", type=Path, help="nhật ký (JSON Lines) / the audit log")
    replay.add_argument("--contest", help="mã cuộc bầu / contest key (e.g. bch, bch.r2)")
    replay.add_argument(
        "--expect",
        metavar="HASH",
        help="mã SHA-256 in trên biên bản đã ký: chỉ kiểm lại đến sự kiện đó / the fingerprint "
        "on the signed minutes: replay up to that event only (≥ 16 chars)",
    )
    replay.add_argument(
        "--entries",
        action="store_true",
        help="in nhật ký nhập phiếu / print the ballot-entry log instead of the minutes",
    )
    _output(replay)

    reconcile = commands.add_parser(
        "reconcile",
        help="đối chiếu các máy nhập / reconcile entry stations",
        description="Đối chiếu nhật ký của 2–3 máy nhập cùng một bộ phiếu / compare the logs "
        "of 2–3 stations that entered the same ballots.",
    )
    reconcile.add_argument("logs", type=Path, nargs="+", help="nhật ký các máy / station logs")
    reconcile.add_argument(
        "--rulings", type=Path, help="phán quyết của Ban kiểm phiếu (TOML) / the board's rulings"
    )
    reconcile.add_argument(
        "--merge",
        type=Path,
        help="ghi nhật ký gộp (tệp mới) / write the merged log (a new file)",
    )
    _output(reconcile, formats=("text", "markdown"))
    return parser


def _language(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--lang", choices=LANGS, default="vi", help="ngôn ngữ / language (default: vi)"
    )


def _output(command: argparse.ArgumentParser, formats: Sequence[str] = FORMATS) -> None:
    _language(command)
    command.add_argument(
        "--format",
        choices=formats,
        default="text",
        dest="fmt",
        help="định dạng / output format (default: text)",
    )
    command.add_argument(
        "--output", "-o", type=Path, help="ghi vào tệp / write to this file (default: stdout)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "reconcile" and not 2 <= len(args.logs) <= 3:
        parser.error(text("cli.station_count", args.lang, given=len(args.logs)))
    if args.command == "replay" and args.entries and args.fmt == "json":
        parser.error("--entries: text or markdown / văn bản hoặc markdown")
    if args.command == "count" and args.print_list:
        if args.fmt == "json":
            parser.error("--list: text or markdown / văn bản hoặc markdown")
        if args.ballots is not None or args.log is not None:
            parser.error("--list: without --ballots or --log / không dùng cùng --ballots, --log")
    lang: Lang = args.lang
    command = {"count": _count, "verify": _verify, "replay": _replay, "reconcile": _reconcile}
    try:
        output, needs_decision, summary = command[args.command](args)
        _write(output, getattr(args, "output", None), sys.stdout)
    except LogError as exc:
        _say(f"{text('cli.error', lang)}: {exc.message(lang)}")
        return EXIT_BAD_LOG
    except TallyError as exc:
        _say(f"{text('cli.error', lang)}: {exc.message(lang)}")
        _say(text("cli.nothing_written", lang))
        return EXIT_BAD_INPUT
    except Exception as exc:  # pragma: no cover - the message is the safety net
        _say(text("cli.internal", lang, detail=f"{type(exc).__name__}: {exc}"))
        _say(text("cli.nothing_written", lang))
        return EXIT_INTERNAL
    if getattr(args, "output", None) is not None:
        _say(text("cli.written", lang, path=args.output))
    if summary:
        _say(summary)
    if needs_decision:
        return EXIT_NEEDS_DECISION
    return EXIT_OK


def _count(args: argparse.Namespace) -> tuple[str, bool, str]:
    """Run the congress; return the rendered output, whether a decision is needed, and the
    lines for the board (results, warnings, what is missing)."""
    from tally.io.spec import load_congress

    lang: Lang = args.lang
    given = [args.spec, args.ballots]
    _check_outputs(args.output, [args.log], given)
    congress = load_congress(args.spec)
    named = _named_ballots(congress, args.spec)
    _check_outputs(args.output, [args.log], [*given, *named])
    ids = [p.contest.id for p in congress.contests]
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
    if args.print_list:
        return _lists(congress, selected, lang, args.fmt)
    files = _BallotFiles(congress, args.spec, args.ballots, selected[0])
    try:
        record = run_congress(congress, files)
    except TallyError as error:
        # A figure of the spec (issued, collected, a round's) that the count refuses: the
        # error names the field; the board also needs the file it is in.
        if error.where.file is None and error.where.field is not None:
            raise error.located(Location(file=str(args.spec))) from None
        raise
    chosen = [record.contest(contest_id) for contest_id in selected]
    for c in chosen:
        explicit = args.ballots is not None and c.contest_id == selected[0]
        awaiting = c.status is ContestStatus.AWAITING_BALLOTS and not c.rounds and not explicit
        if awaiting and congress.plan(c.contest_id).ballots is None:
            raise InputFileError(
                "cli.no_ballots", Location(file=str(args.spec)), contest=c.contest_id
            )
    fingerprints: dict[str, Fingerprint] = {}
    if args.log is not None:
        from tally.audit.congress_log import record_congress

        replayed = record_congress(record, files.loaded, args.log, station=args.station)
        fingerprints = {key: replayed.fingerprint(key) for key in replayed.keys}
    output = _render(record, chosen, lang, args.fmt, fingerprints)
    awaited = [c for c in chosen if c.status is ContestStatus.AWAITING_BALLOTS and c.next_round]
    listed: dict[Path, str] = {}
    if awaited and args.fmt != "json":
        from tally.render.ballot_list import render_ballot_lists

        lists = render_ballot_lists(
            congress,
            [c.next_round for c in awaited if c.next_round is not None],
            lang,
            "markdown" if args.fmt == "markdown" else "text",
        )
        output = join_documents((part for part in (output, lists) if part), args.fmt)
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
        # Waiting (for ballots, for an earlier contest) is no decision of the congress: the
        # two are said apart.
        waits = (ContestStatus.AWAITING_BALLOTS, ContestStatus.WAITING_FOR_SOURCE)
        open_ = [c for c in chosen if c.status is not ContestStatus.COMPLETE]
        waiting = ", ".join(
            f"{c.contest_id} ({label(c.status, lang)})" for c in open_ if c.status in waits
        )
        pending = ", ".join(
            [f'"{v.subject}" ({text("cli.vote_failed", lang)})' for v in failed]
            + [f"{c.contest_id} ({label(c.status, lang)})" for c in open_ if c.status not in waits]
        )
        if waiting:
            lines.append(text("cli.still_waiting", lang, reason=waiting))
        if pending:
            lines.append(text("cli.needs_decision", lang, reason=pending))
    return output, needs_decision, "\n".join(lines)


def _render(
    record: CongressRecord,
    chosen: list[ContestRecord],
    lang: Lang,
    fmt: str,
    fingerprints: dict[str, Fingerprint],
) -> str:
    """Minutes of every counted round of the chosen contests, then the congress summary when
    there is more than one contest, more than one round, or something left to do."""
    if fmt == "json":
        if len(chosen) == 1 and len(record.contests) > 1:
            return chosen[0].model_dump_json(indent=2) + "\n"
        return record.model_dump_json(indent=2) + "\n"
    from tally.render.minutes import render_minutes
    from tally.render.summary import render_summary

    document_format: Format = "markdown" if fmt == "markdown" else "text"
    parts = [
        render_minutes(
            result,
            record.congress,
            lang,
            document_format,
            fingerprints.get(round_id(c.contest_id, number)),
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
        parts.append(render_summary(record, lang, document_format))
    return join_documents(parts, fmt)


def _lists(congress: Congress, selected: list[str], lang: Lang, fmt: str) -> tuple[str, bool, str]:
    """``count --list``: every selected contest's first ballot, in ballot order, to print."""
    from tally.render.ballot_list import render_ballot_lists

    contests = [congress.plan(contest_id).contest for contest_id in selected]
    document_format: Format = "markdown" if fmt == "markdown" else "text"
    output = render_ballot_lists(congress, contests, lang, document_format)
    return output, False, text("cli.list_printed", lang, contests=len(contests))


def _named_ballots(congress: Congress, spec: Path) -> list[Path]:
    """Every ballots file the spec names, every round, beside the spec."""
    return [
        spec.parent / name
        for plan in congress.contests
        for number in range(1, len(plan.rounds) + 2)
        if (name := plan.round_plan(number).ballots) is not None
    ]


def _check_outputs(
    output: Path | None, logs: Sequence[Path | None], inputs: Sequence[Path | None]
) -> None:
    """The one check of every command's outputs, before anything is computed: ``-o`` may name
    no input, no log and no other output; a log written (``--log``, ``--merge``) no input;
    and each must be a regular file or a new path (see :func:`tally.files.check_output`)."""
    written = [log for log in logs if log is not None]
    for log in written:
        check_output(log, inputs)
    if output is not None:
        check_output(output, [*inputs, *written])


def _verify(args: argparse.Namespace) -> tuple[str, bool, str]:
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


def _replay(args: argparse.Namespace) -> tuple[str, bool, str]:
    """Minutes (or the entry log) of the contests in a log, from its events alone."""
    from tally.audit.events import DecisionKind
    from tally.audit.replay import replay

    lang: Lang = args.lang
    _check_outputs(args.output, [], [args.log])
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
    document_format: Format = "markdown" if args.fmt == "markdown" else "text"
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
    if args.entries:
        from tally.render.entry_log import render_entry_log

        output = join_documents(
            (render_entry_log(replayed, key, lang, document_format) for key in keys), args.fmt
        )
    elif args.fmt == "json":
        results = {key: replayed.result(key) for key in keys if replayed.contest(key).result}
        output = (
            "{\n"
            + ",\n".join(f"  {json.dumps(k)}: {r.to_json(indent=None)}" for k, r in results.items())
            + "\n}\n"
        )
    else:
        from tally.render.minutes import render_minutes

        output = join_documents(
            (
                render_minutes(replayed.result(key), replayed.context(key), lang, document_format)
                + _later_note(replayed, key, lang)
                for key in keys
                if replayed.contest(key).result is not None
            ),
            args.fmt,
        )
    lines.extend(_later_note(replayed, key, lang).strip() for key in keys)
    # Events after the signed fingerprint about a contest shown: the board must look at them.
    open_or_pending = open_or_pending or any(replayed.later_about(key) for key in keys)
    lines = [line for line in lines if line]
    lines.append(text("cli.log_hash", lang, events=len(replayed.events), hash=replayed.final_hash))
    return output, open_or_pending, "\n".join(lines)


def _later_note(replayed: Replay, key: str, lang: Lang) -> str:
    """A paragraph saying which events after the signed fingerprint touch ``key`` (none: "")."""

    from tally.audit.replay import EventKinds

    later = replayed.later_about(key)
    if not later:
        return ""
    kinds = EventKinds.of(later).render(lang)
    return "\n" + text("log.later_note", lang, count=len(later), contest=key, kinds=kinds) + "\n"


def _reconcile(args: argparse.Namespace) -> tuple[str, bool, str]:
    """Compare station logs and check the rulings; with ``--merge``, write the merged log."""
    from tally.audit.stations import compare_stations, load_rulings, merge
    from tally.render.station_report import render_reconciliation

    lang: Lang = args.lang
    _check_outputs(args.output, [args.merge], [*args.logs, args.rulings])
    logs = [replay_of(path) for path in args.logs]
    keys = list(dict.fromkeys(key for log in logs for key in log.keys))
    only = keys[0] if len(keys) == 1 else None
    rulings = load_rulings(args.rulings, only) if args.rulings is not None else []
    reports = compare_stations(args.logs, rulings)
    document_format: Format = "markdown" if args.fmt == "markdown" else "text"
    output = render_reconciliation(reports, lang, document_format)
    lines = [
        text("cli.stations_differ", lang, contest=r.key, count=len(r.unruled))
        for r in reports
        if r.unruled
    ]
    pending = any(r.problem is not None for r in reports)
    if args.merge is not None:
        merged = merge(args.logs, args.merge, rulings)
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
    outcome = result.outcome
    return text(
        "cli.summary",
        lang,
        contest=key,
        elected=len(outcome.elected),
        seats=outcome.seats,
        status=label(outcome.status, lang),
    )


class _BallotFiles:
    """Reads each round's ballots file when it exists; remembers the ones not there yet."""

    def __init__(
        self, congress: Congress, spec: Path, explicit: Path | None, explicit_for: str
    ) -> None:
        self.congress = congress
        self.folder = spec.parent
        self.explicit = explicit
        self.explicit_for = explicit_for
        self.missing: list[Path] = []
        self.loaded: dict[str, Ballots] = {}

    def __call__(self, contest_id: str, number: int, contest: Contest) -> Ballots | None:
        from tally.io.ballots_csv import read_ballots_csv

        if self.explicit is not None and contest_id == self.explicit_for and number == 1:
            path = self.explicit
        else:
            name = self.congress.plan(contest_id).round_plan(number).ballots
            if name is None:
                return None
            path = self.folder / name
            if not path.exists():
                self.missing.append(path)
                return None
        ballots = read_ballots_csv(contest, path)
        self.loaded[round_id(contest_id, number)] = ballots
        return ballots


def _write(output: str, path: Path | None, stdout: TextIO) -> None:
    """Write ``output`` to ``path`` whole (see :func:`write_atomically`), or to stdout."""
    if path is None:
        stdout.write(output)
        stdout.flush()
        return
    write_atomically(path, output)


def _say(message: str) -> None:
    print(message, file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
