"""The ``tally`` command: count from a spec, show the results in the hall, and verify, replay
and reconcile audit logs.

``tally count SPEC`` counts the whole congress, every contest round by round, and prints the
minutes (``--log LOG`` also records the count into an audit log); ``tally screen SPEC`` counts
it the same way and writes the projection page for the hall; ``tally verify LOG`` checks a
log; ``tally replay LOG`` prints the minutes (or, with ``--entries``, the printed entry log;
with ``--screen``, the projection page) from the log alone; ``tally reconcile A B [C]``
compares the logs of stations that entered the same ballots and, with ``--merge``, writes one
log with the board's rulings.

This module builds the parser (in one language: Vietnamese, or English with ``--lang en``;
see :mod:`tally.cli.parser`) and runs a command; each command's body is in
:mod:`tally.cli.count`, :mod:`tally.cli.screen` or :mod:`tally.cli.log_commands`.

Exit codes: 0 done, every seat filled, logs intact and in agreement; 3 bad input (the message
names the file, line or field, and nothing is written); 4 something needs the congress or the
board (a tie, a shortfall, an open count, stations that differ); 5 a log is damaged or does not
replay; 2 wrong command-line usage; 1 an unexpected internal error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from tally.cli.count import count_command
from tally.cli.log_commands import (
    TimeOfCount,
    reconcile_command,
    replay_command,
    verify_command,
)
from tally.cli.outputs import say, write
from tally.cli.parser import EXIT_USAGE as EXIT_USAGE
from tally.cli.parser import Parser, language_of
from tally.cli.poll import poll_command
from tally.cli.rollup import rollup_command
from tally.cli.rules import rules_command
from tally.cli.schema import schema_command
from tally.cli.screen import screen_command
from tally.cli.station import station_command
from tally.cli.workbook import spec_command, template_command
from tally.errors import LogError, TallyError
from tally.i18n.messages import LANGS, Lang, template, text
from tally.render.paged import PAGED_FORMATS

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 3
EXIT_NEEDS_DECISION = 4
EXIT_BAD_LOG = 5

FORMATS = ("text", "markdown", "json")
PRINTED_FORMATS = (*FORMATS, *PAGED_FORMATS)
"""``count`` and ``replay`` also print their documents as HTML, PDF and Word."""
COUNT_FORMATS = (*PRINTED_FORMATS, "xlsx")
"""``count`` also writes the counted congress as a workbook."""

COMMANDS: dict[str, Callable[[argparse.Namespace], tuple[str | bytes, bool, str]]] = {
    "count": count_command,
    "screen": screen_command,
    "station": station_command,
    "verify": verify_command,
    "replay": replay_command,
    "reconcile": reconcile_command,
    "rules": rules_command,
    "poll": poll_command,
    "schema": schema_command,
    "rollup": rollup_command,
    "template": template_command,
    "spec": spec_command,
}
"""Each sub-command's body: the output, whether something needs a decision, the lines for
the board."""


def build_parser(lang: Lang = "vi") -> argparse.ArgumentParser:
    """The argument parser, its help, usage and errors all in ``lang``."""
    from tally.version import VERSION

    def h(key: str) -> str:
        return template(key, lang)

    parser = Parser(prog="tally", description=h("cli.help.tally"), lang=lang)
    parser.add_argument(
        "--version", action="version", version=f"tally {VERSION}", help=h("cli.help.version")
    )
    _language(parser, lang)
    commands = parser.add_subparsers(
        dest="command",
        required=True,
        title=h("cli.commands"),
        metavar="{" + ",".join(COMMANDS) + "}",
    )

    count = commands.add_parser(
        "count",
        lang=lang,
        help=h("cli.help.count"),
        description=h("cli.help.count.description"),
    )
    _spec_and_ballots(count, h, h("cli.help.count.contest"))
    count.add_argument(
        "--log", type=Path, metavar=h("cli.metavar.log"), help=h("cli.help.count.log")
    )
    count.add_argument(
        "--station",
        default="1",
        metavar=h("cli.metavar.station"),
        help=h("cli.help.count.station"),
    )
    count.add_argument(
        "--list", action="store_true", dest="print_list", help=h("cli.help.count.list")
    )
    _output(count, lang, formats=COUNT_FORMATS)

    screen = commands.add_parser(
        "screen",
        lang=lang,
        help=h("cli.help.screen"),
        description=h("cli.help.screen.description"),
    )
    _spec_and_ballots(screen, h, h("cli.help.screen.contest"))
    _language(screen, lang)
    _output_file(screen, lang)

    station = commands.add_parser(
        "station",
        lang=lang,
        help=h("cli.help.station"),
        description=h("cli.help.station.description"),
    )
    station.add_argument(
        "spec", type=Path, metavar=h("cli.metavar.spec"), help=h("cli.help.count.spec")
    )
    station.add_argument(
        "--contest", metavar=h("cli.metavar.contest"), help=h("cli.help.station.contest")
    )
    station.add_argument(
        "--station", default="A", metavar=h("cli.metavar.station"), help=h("cli.help.station.id")
    )
    station.add_argument(
        "--log",
        type=Path,
        required=True,
        metavar=h("cli.metavar.log"),
        help=h("cli.help.station.log"),
    )
    station.add_argument(
        "--host",
        default="127.0.0.1",
        metavar=h("cli.metavar.host"),
        help=h("cli.help.station.host"),
    )
    station.add_argument(
        "--port",
        type=int,
        default=8000,
        metavar=h("cli.metavar.port"),
        help=h("cli.help.station.port"),
    )
    station.add_argument(
        "--token", metavar=h("cli.metavar.token"), help=h("cli.help.station.token")
    )
    station.add_argument(
        "--check-over-seats",
        action="store_true",
        help=h("cli.help.station.check_over_seats"),
    )
    _language(station, lang)

    verify = commands.add_parser(
        "verify",
        lang=lang,
        help=h("cli.help.verify"),
        description=h("cli.help.verify.description"),
    )
    verify.add_argument("log", type=Path, metavar=h("cli.metavar.log"), help=h("cli.help.log_file"))
    verify.add_argument("--expect", metavar=h("cli.metavar.hash"), help=h("cli.help.verify.expect"))
    verify.add_argument("--repair-torn-tail", action="store_true", help=h("cli.help.verify.repair"))
    _language(verify, lang)

    replay = commands.add_parser(
        "replay",
        lang=lang,
        help=h("cli.help.replay"),
        description=h("cli.help.replay.description"),
    )
    replay.add_argument("log", type=Path, metavar=h("cli.metavar.log"), help=h("cli.help.log_file"))
    replay.add_argument(
        "--contest", metavar=h("cli.metavar.key"), help=h("cli.help.replay.contest")
    )
    replay.add_argument("--expect", metavar=h("cli.metavar.hash"), help=h("cli.help.replay.expect"))
    replay.add_argument("--entries", action="store_true", help=h("cli.help.replay.entries"))
    replay.add_argument("--screen", action="store_true", help=h("cli.help.replay.screen"))
    _output(replay, lang, formats=PRINTED_FORMATS)

    reconcile = commands.add_parser(
        "reconcile",
        lang=lang,
        help=h("cli.help.reconcile"),
        description=h("cli.help.reconcile.description"),
    )
    reconcile.add_argument(
        "logs",
        type=Path,
        nargs="+",
        metavar=h("cli.metavar.logs"),
        help=h("cli.help.reconcile.logs"),
    )
    reconcile.add_argument(
        "--rulings",
        type=Path,
        metavar=h("cli.metavar.rulings"),
        help=h("cli.help.reconcile.rulings"),
    )
    reconcile.add_argument(
        "--merge", type=Path, metavar=h("cli.metavar.merge"), help=h("cli.help.reconcile.merge")
    )
    reconcile.add_argument(
        "--at", type=TimeOfCount(lang), metavar=h("cli.metavar.at"), help=h("cli.help.reconcile.at")
    )
    _output(reconcile, lang, formats=("text", "markdown", *PAGED_FORMATS))

    rules = commands.add_parser(
        "rules",
        lang=lang,
        help=h("cli.help.rules"),
        description=h("cli.help.rules.description"),
    )
    rules.add_argument(
        "name", nargs="?", metavar=h("cli.metavar.rules"), help=h("cli.help.rules.name")
    )
    _output(rules, lang)

    poll = commands.add_parser(
        "poll",
        lang=lang,
        help=h("cli.help.poll"),
        description=h("cli.help.poll.description"),
    )
    poll.add_argument(
        "spec", type=Path, metavar=h("cli.metavar.spec"), help=h("cli.help.count.spec")
    )
    poll.add_argument("--poll", metavar=h("cli.metavar.contest"), help=h("cli.help.poll.poll"))
    _output(poll, lang, formats=PRINTED_FORMATS)

    schema = commands.add_parser(
        "schema",
        lang=lang,
        help=h("cli.help.schema"),
        description=h("cli.help.schema.description"),
    )
    schema.add_argument(
        "kind",
        choices=("record", "contest", "result", "poll", "rules"),
        help=h("cli.help.schema.kind"),
    )
    _language(schema, lang)
    _output_file(schema, lang)

    workbook = commands.add_parser(
        "template",
        lang=lang,
        help=h("cli.help.template"),
        description=h("cli.help.template.description"),
    )
    workbook.add_argument(
        "output", type=Path, metavar=h("cli.metavar.book"), help=h("cli.help.template.book")
    )
    _language(workbook, lang)

    spec = commands.add_parser(
        "spec",
        lang=lang,
        help=h("cli.help.spec"),
        description=h("cli.help.spec.description"),
    )
    spec.add_argument(
        "book", type=Path, metavar=h("cli.metavar.book"), help=h("cli.help.spec.book")
    )
    _language(spec, lang)
    _output_file(spec, lang)

    rollup = commands.add_parser(
        "rollup",
        lang=lang,
        help=h("cli.help.rollup"),
        description=h("cli.help.rollup.description"),
    )
    rollup.add_argument(
        "results",
        type=Path,
        nargs="+",
        metavar=h("cli.metavar.results"),
        help=h("cli.help.rollup.results"),
    )
    rollup.add_argument(
        "--output",
        "-o",
        type=Path,
        required=True,
        metavar=h("cli.metavar.output"),
        help=h("cli.help.rollup.output"),
    )
    rollup.add_argument(
        "--plan", type=Path, metavar=h("cli.metavar.units"), help=h("cli.help.rollup.plan")
    )
    rollup.add_argument(
        "--workers", type=int, choices=range(1, 65), metavar="N", help=h("cli.help.rollup.workers")
    )
    _language(rollup, lang)
    return parser


def _spec_and_ballots(
    command: argparse.ArgumentParser, h: Callable[[str], str], contest_help: str
) -> None:
    """What ``count`` and ``screen`` both read: the spec, a ballots file, one contest."""
    command.add_argument(
        "spec", type=Path, metavar=h("cli.metavar.spec"), help=h("cli.help.count.spec")
    )
    command.add_argument(
        "--ballots", type=Path, metavar=h("cli.metavar.ballots"), help=h("cli.help.count.ballots")
    )
    command.add_argument("--contest", metavar=h("cli.metavar.contest"), help=contest_help)


def _language(command: argparse.ArgumentParser, lang: Lang) -> None:
    """``--lang``; its default is the language the parser speaks, so that a ``--lang`` given
    before the sub-command is not undone by the sub-command's default."""
    command.add_argument(
        "--lang", choices=LANGS, default=lang, help=template("cli.help.lang", lang)
    )


def _output(command: argparse.ArgumentParser, lang: Lang, formats: Sequence[str] = FORMATS) -> None:
    _language(command, lang)
    command.add_argument(
        "--format",
        choices=formats,
        default="text",
        dest="fmt",
        help=template("cli.help.format", lang),
    )
    _output_file(command, lang)


def _output_file(command: argparse.ArgumentParser, lang: Lang) -> None:
    command.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar=template("cli.metavar.output", lang),
        help=template("cli.help.output", lang),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(language_of(arguments))
    args = parser.parse_args(arguments)
    lang: Lang = args.lang
    if args.command == "reconcile" and not 2 <= len(args.logs) <= 3:
        parser.error(text("cli.station_count", lang, given=len(args.logs)))
    if args.command == "replay" and args.entries and args.fmt == "json":
        parser.error(template("cli.usage.entries_format", lang))
    if getattr(args, "fmt", None) in ("pdf", "docx", "xlsx") and args.output is None:
        parser.error(template("cli.usage.needs_output", lang) % {"fmt": args.fmt})
    if args.command == "replay" and args.screen and (args.entries or args.fmt != "text"):
        parser.error(template("cli.usage.screen_alone", lang))
    if args.command == "count" and args.print_list:
        if args.fmt in ("json", "xlsx"):
            parser.error(template("cli.usage.list_format", lang))
        if args.ballots is not None or args.log is not None:
            parser.error(template("cli.usage.list_alone", lang))
    try:
        output, needs_decision, summary = COMMANDS[args.command](args)
        write(output, getattr(args, "output", None), sys.stdout)
    except LogError as exc:
        say(f"{text('cli.error', lang)}: {exc.message(lang)}")
        return EXIT_BAD_LOG
    except TallyError as exc:
        say(f"{text('cli.error', lang)}: {exc.message(lang)}")
        say(text("cli.nothing_written", lang))
        return EXIT_BAD_INPUT
    except Exception as exc:  # pragma: no cover - the message is the safety net
        say(text("cli.internal", lang, detail=f"{type(exc).__name__}: {exc}"))
        say(text("cli.nothing_written", lang))
        return EXIT_INTERNAL
    if getattr(args, "output", None) is not None:
        say(text("cli.written", lang, path=args.output))
    if summary:
        say(summary)
    if needs_decision:
        return EXIT_NEEDS_DECISION
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
