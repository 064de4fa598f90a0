"""``tally station``: the entry station for one contest, a local web application over the
station's own audit log (:mod:`tally.station`); it runs until stopped (Ctrl+C, SIGTERM),
leaving a log that verifies and that the next start resumes."""

from __future__ import annotations

import argparse
import secrets
import signal

from tally.cli.outputs import say
from tally.extras import need
from tally.files import check_output
from tally.i18n.messages import Lang, text

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def station_command(args: argparse.Namespace) -> tuple[str, bool, str]:
    """Serve the station until stopped; nothing on standard output, the lines for the board
    on standard error (the address, with the access token when reachable from elsewhere)."""
    from tally.io.spec import load_congress
    from tally.station.app import station_app
    from tally.station.desk import Desk

    lang: Lang = args.lang
    uvicorn = need("uvicorn", "station")
    need("starlette", "station")
    check_output(args.log, [args.spec])
    congress = load_congress(args.spec)
    contest = args.contest or congress.contests[0].contest.id
    desk = Desk.open(args.log, congress, contest, station=args.station)
    token = None if args.host in LOCAL_HOSTS else secrets.token_urlsafe(16)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    address = f"http://{shown}:{args.port}/"
    say(text("station.listening", lang, contest=contest, station=args.station, log=args.log))
    say(address + (f"?token={token}" if token else ""))
    if token:
        say(text("station.token_printed", lang, token=token))
    # uvicorn stops gracefully on Ctrl+C or SIGTERM, then raises the signal again: let that
    # end the serving, not the process, so the log is closed and the board told.
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        uvicorn.run(
            station_app(desk, lang=lang, token=token),
            host=args.host,
            port=args.port,
            log_level="warning",
        )
    except (KeyboardInterrupt, _TerminatedError):
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        desk.session.close()
    return "", False, text("station.stopped", lang, log=args.log, hash=desk.session.last_hash)


class _TerminatedError(Exception):
    """SIGTERM, once the server has shut down."""


def _stop(signum: int, frame: object) -> None:
    raise _TerminatedError
