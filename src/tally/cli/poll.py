"""``tally poll``: count the introduction polls and confidence votes of a spec (its
``[[poll]]`` tables) and print their minutes."""

from __future__ import annotations

import argparse

from tally.errors import InputFileError, Location, TallyError
from tally.i18n.messages import Lang, text


def poll_command(args: argparse.Namespace) -> tuple[str | bytes, bool, str]:
    """Every poll of the spec (or ``--poll ID``) counted from its ballots file, its minutes in
    the chosen format, and a line per poll for the board."""
    from tally.cli.outputs import check_outputs, documents_as
    from tally.counting.poll import count_poll
    from tally.io.poll_csv import read_poll_csv
    from tally.io.spec import load_congress
    from tally.render.poll_minutes import poll_minutes_document

    lang: Lang = args.lang
    check_outputs(args.output, [], [args.spec])
    congress = load_congress(args.spec)
    ids = [plan.poll.id for plan in congress.polls]
    where = Location(file=str(args.spec))
    if not ids:
        raise InputFileError("cli.no_polls", where)
    if args.poll is not None and args.poll not in ids:
        raise InputFileError("cli.unknown_poll", where, poll=args.poll, allowed=", ".join(ids))
    chosen = [args.poll] if args.poll is not None else ids
    folder = args.spec.parent
    named = [folder / plan.ballots for plan in congress.polls if plan.ballots is not None]
    check_outputs(args.output, [], [args.spec, *named])  # no poll's ballots file overwritten
    results = []
    for poll_id in chosen:
        plan = congress.poll_plan(poll_id)
        if plan.ballots is None:
            raise InputFileError("cli.poll_no_ballots", where, poll=poll_id)
        try:
            ballots = read_poll_csv(plan.poll, folder / plan.ballots)
        except TallyError as error:
            if error.where.line is None and error.where.field is None:
                raise error.located(Location(field=f"poll.{poll_id}.ballots")) from None
            raise
        try:
            result = count_poll(
                plan.poll,
                ballots,
                roll=congress.roll,
                issued=plan.issued,
                collected=plan.collected,
                rules=congress.rules,
            )
        except TallyError as error:  # a figure of the spec: the board needs the file too
            raise error.located(where) from None
        results.append(result)
    lines = [
        text(
            "cli.poll_done" if result.stands else "cli.poll_not_held",
            lang,
            poll=result.poll.id,
            valid=result.valid,
            collected=result.collected,
        )
        for result in results
    ]
    if args.fmt == "json":
        import json

        dumped = [json.loads(result.model_dump_json()) for result in results]
        return json.dumps(dumped, ensure_ascii=False, indent=2) + "\n", False, "\n".join(lines)
    documents = [poll_minutes_document(result, congress, lang) for result in results]
    output = documents_as(documents, args.fmt)
    return output, not all(r.stands for r in results), "\n".join(lines)
