"""``tally station``: the entry station for one contest, a local web application over the
station's own audit log (:mod:`tally.station`); it runs until stopped (Ctrl+C, SIGTERM),
leaving a log that verifies and that the next start resumes."""

from __future__ import annotations

import argparse
import signal
import socket

from tally.cli.outputs import say
from tally.errors import ArgumentError, Location
from tally.extras import need
from tally.files import check_output
from tally.i18n.labels import contest_title
from tally.i18n.messages import Lang, text

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
WILDCARD_HOSTS = ("0.0.0.0", "::", "")


def station_command(args: argparse.Namespace) -> tuple[str, bool, str]:
    """Serve the station until stopped; nothing on standard output, the lines for the board
    on standard error (the address, with the access token when reachable from elsewhere)."""
    from tally.io.spec import load_congress
    from tally.station.app import station_app
    from tally.station.desk import Desk
    from tally.station.token import choose_token, keep_token, token_file

    lang: Lang = args.lang
    uvicorn = need("uvicorn", "station")
    need("starlette", "station")
    check_output(args.log, [args.spec])
    _check_port_free(args.host, args.port)
    congress = load_congress(args.spec)
    token = None
    if args.host not in LOCAL_HOSTS or args.token is not None:
        token = choose_token(args.log, given=args.token)
    contest = args.contest or congress.contests[0].contest.id
    desk = Desk.open(
        args.log, congress, contest, station=args.station, check_over_seats=args.check_over_seats
    )
    if token is not None:
        try:
            keep_token(args.log, token)
        except BaseException:
            desk.session.close()
            raise
    query = f"?token={token}" if token else ""
    title = contest_title(desk.ballot_contest, lang)
    say(text("station.listening", lang, contest=title, station=args.station, log=args.log))
    addresses = [f"http://{host}:{args.port}" for host in reachable_hosts(args.host)]
    for address in addresses:
        say(f"{address}/{query}")
    say(text("station.listening_screen", lang, address=f"{addresses[0]}/screen{query}"))
    if token:
        say(text("station.token_printed", lang, token=token, file=token_file(args.log)))
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


def _check_port_free(host: str, port: int) -> None:
    """Refuse before anything is opened or printed when ``port`` is taken on ``host``."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind((host, port))
        except OSError:
            raise ArgumentError(
                "station.port_in_use",
                Location(field="--port"),
                port=port,
                host=host,
                other=port + 1,
            ) from None


def reachable_hosts(host: str) -> list[str]:
    """The addresses to print for ``--host``, ready for a URL: the host itself, or — bound to
    every interface (``0.0.0.0``, ``::``) — this machine's own IPv4 addresses, which the other
    machines of the hall can open (the loopback when it has no other).

    >>> reachable_hosts("127.0.0.1"), reachable_hosts("::1")
    (['127.0.0.1'], ['[::1]'])
    """
    if host not in WILDCARD_HOSTS:
        return [f"[{host}]" if ":" in host else host]
    found: list[str] = []
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    candidates = [str(info[4][0]) for info in infos]
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:  # the address this machine would send from on the hall's network (nothing is sent)
            probe.connect(("10.255.255.255", 1))
            candidates.append(str(probe.getsockname()[0]))
        except OSError:
            pass
    for address in candidates:
        if not address.startswith(("127.", "0.")) and address not in found:
            found.append(address)
    return found or ["127.0.0.1"]


class _TerminatedError(Exception):
    """SIGTERM, once the server has shut down."""


def _stop(signum: int, frame: object) -> None:
    raise _TerminatedError
