"""``tally screen``: count the congress of a spec, as ``tally count`` does, and write the
projection page for the hall (:mod:`tally.render.screen`) instead of the minutes."""

from __future__ import annotations

import argparse

from tally.cli.count import count_spec, load_spec, status_lines
from tally.i18n.messages import Lang, text


def screen_command(args: argparse.Namespace) -> tuple[str, bool, str]:
    """The page of every counted round of the chosen contests (``--contest``, else all);
    whether something needs the congress; the lines for the board."""
    from tally.render.screen import render_screen

    lang: Lang = args.lang
    congress, selected = load_spec(args, [])
    record, files, chosen = count_spec(args, congress, selected)
    rounds = [result for contest in chosen for result in contest.rounds]
    output = render_screen(rounds, congress.name, lang)
    lines = [text("cli.missing_ballots", lang, path=path) for path in files.missing]
    needs_decision, status = status_lines(record, chosen, lang)
    return output, needs_decision, "\n".join(lines + status)
