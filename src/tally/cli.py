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

from tally.ballots import Ballots
from tally.congress import Congress
from tally.contest import Contest
from tally.document import Format
from tally.errors import InputFileError, Location, TallyError
from tally.files import write_atomically
from tally.messages import LANGS, Lang, text
from tally.record import CongressRecord, ContestRecord, ContestStatus, run_congress
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
    """Run the congress; return the rendered output, whether a decision is needed, and the
    lines for the board (results, warnings, what is missing)."""
    from tally.spec import load_congress

    lang: Lang = args.lang
    congress = load_congress(args.spec)
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
    files = _BallotFiles(congress, args.spec, args.ballots, selected[0])
    record = run_congress(congress, files)
    chosen = [record.contest(contest_id) for contest_id in selected]
    if not any(c.rounds for c in chosen):
        raise InputFileError("cli.no_ballots", Location(file=str(args.spec)), contest=selected[0])
    output = _render(record, chosen, lang, args.fmt)
    lines = [f"{text('cli.missing_ballots', lang, path=path)}" for path in files.missing]
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
        pending = ", ".join(
            [f'"{v.subject}" ({text("cli.vote_failed", lang)})' for v in failed]
            + [
                f"{c.contest_id} ({label(c.status, lang)})"
                for c in chosen
                if c.status is not ContestStatus.COMPLETE
            ]
        )
        lines.append(text("cli.needs_decision", lang, reason=pending))
    return output, needs_decision, "\n".join(lines)


def _render(record: CongressRecord, chosen: list[ContestRecord], lang: Lang, fmt: str) -> str:
    """Minutes of every counted round of the chosen contests, then the congress summary when
    there is more than one contest, more than one round, or something left to do."""
    if fmt == "json":
        if len(chosen) == 1 and len(record.contests) > 1:
            return chosen[0].model_dump_json(indent=2) + "\n"
        return record.model_dump_json(indent=2) + "\n"
    from tally.minutes import render_minutes
    from tally.summary import render_summary

    document_format: Format = "markdown" if fmt == "markdown" else "text"
    parts = [
        render_minutes(result, record.congress, lang, document_format)
        for c in chosen
        for result in c.rounds
    ]
    busy = (
        len(record.contests) > 1
        or bool(record.congress.open_votes)
        or any(len(c.rounds) > 1 or c.status is not ContestStatus.COMPLETE for c in chosen)
    )
    if busy:
        parts.append(render_summary(record, lang, document_format))
    separator = "\n---\n\n" if fmt == "markdown" else "\n" + "=" * 78 + "\n\n"
    return separator.join(parts)


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

    def __call__(self, contest_id: str, number: int, contest: Contest) -> Ballots | None:
        from tally.ballots_csv import read_ballots_csv

        if self.explicit is not None and contest_id == self.explicit_for and number == 1:
            return read_ballots_csv(contest, self.explicit)
        name = self.congress.plan(contest_id).round_plan(number).ballots
        if name is None:
            return None
        path = self.folder / name
        if not path.exists():
            self.missing.append(path)
            return None
        return read_ballots_csv(contest, path)


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
