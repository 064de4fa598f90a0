"""The ``tally`` command: count a contest from a spec and a ballots file, print the minutes.

Exit codes: 0 all seats filled; 3 bad input (the message names the file, line or field, and
nothing is written); 4 counted, but a tie or a shortfall needs the congress's decision;
2 wrong command-line usage; 1 an unexpected internal error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from tally.errors import InputFileError, Location, TallyError
from tally.files import write_atomically
from tally.messages import LANGS, Lang, text
from tally.terms import label

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
EXIT_NEEDS_DECISION = 4

FORMATS = ("text", "markdown", "json")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (help texts in Vietnamese and English)."""
    from tally import __version__

    parser = argparse.ArgumentParser(
        prog="tally",
        description="Kiểm phiếu bầu cử trong Đảng / Party election counting.",
    )
    parser.add_argument("--version", action="version", version=f"tally {__version__}")
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
        "--lang", choices=LANGS, default="vi", help="ngôn ngữ / language (default: vi)"
    )
    count.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        dest="fmt",
        help="định dạng / output format (default: text)",
    )
    count.add_argument(
        "--output", "-o", type=Path, help="ghi vào tệp / write to this file (default: stdout)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    lang: Lang = args.lang
    try:
        output, needs_decision, summary = _count(args)
        _write(output, args.output, sys.stdout)
    except TallyError as exc:
        _say(f"{text('cli.error', lang)}: {exc.message(lang)}")
        _say(text("cli.nothing_written", lang))
        return EXIT_BAD_INPUT
    except Exception as exc:  # pragma: no cover - the message is the safety net
        _say(text("cli.internal", lang, detail=f"{type(exc).__name__}: {exc}"))
        _say(text("cli.nothing_written", lang))
        return EXIT_INTERNAL
    if args.output is not None:
        _say(text("cli.written", lang, path=args.output))
    _say(summary)
    if needs_decision:
        return EXIT_NEEDS_DECISION
    return EXIT_OK


def _count(args: argparse.Namespace) -> tuple[str, bool, str]:
    """Run the count; return the rendered output, whether a decision is needed, and why."""
    from tally.ballots_csv import read_ballots_csv
    from tally.minutes import render_minutes
    from tally.spec import load_congress

    lang: Lang = args.lang
    congress = load_congress(args.spec)
    ids = [p.contest.id for p in congress.contests]
    if args.contest is not None:
        try:
            plan = congress.plan(args.contest)
        except KeyError:
            raise InputFileError(
                "spec.unknown_contest",
                Location(file=str(args.spec)),
                contest=args.contest,
                allowed=", ".join(ids),
            ) from None
    elif len(ids) == 1:
        plan = congress.contests[0]
    else:
        raise InputFileError(
            "spec.which_contest", Location(file=str(args.spec)), allowed=", ".join(ids)
        )
    ballots_path = args.ballots
    if ballots_path is None:
        if plan.ballots is None:
            raise InputFileError(
                "cli.no_ballots", Location(file=str(args.spec)), contest=plan.contest.id
            )
        ballots_path = args.spec.parent / plan.ballots
    ballots = read_ballots_csv(plan.contest, ballots_path)
    result = congress.count(plan.contest.id, ballots)
    if args.fmt == "json":
        output = result.to_json() + "\n"
    else:
        output = render_minutes(result, congress, lang, args.fmt)
    outcome = result.outcome
    summary = text(
        "cli.summary",
        lang,
        contest=plan.contest.id,
        elected=len(outcome.elected),
        seats=outcome.seats,
        status=label(outcome.status, lang),
    )
    if not result.quorum.met:
        quorum = result.quorum
        summary += "\n" + text(
            "cli.quorum",
            lang,
            present=quorum.present,
            convened=quorum.convened,
            required=quorum.required,
        )
    if result.needs_decision:
        summary += "\n" + text("cli.needs_decision", lang, reason=label(outcome.status, lang))
    return output, result.needs_decision, summary


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
