"""The entry station as a local web application (Starlette; the ``station`` extra).

:func:`station_app` serves one :class:`~tally.station.desk.Desk`: the entry page and its
JSON steps. Each step runs under one lock, so two browser tabs never write at once, and is
answered only after its event is fsynced. Bound beyond this machine, every request must carry
the access token (``Authorization: Bearer …``, or ``?token=…`` once, which sets a cookie).

JSON steps (``POST`` bodies and answers are JSON; a refused step answers 422 with the error's
code and its message in the station's language, and writes nothing):

- ``GET /api/status``: the list, the stacks, the stack being entered, the latest ballots;
- ``POST /api/stack`` ``{"expected": 25}``: declare the next stack (while one is open:
  refused, and ``"confirm": true`` declares the open stack again with the count recounted);
  ``{"batch": "S01", "expected": 24}`` declares stack S01 again with its recount;
- ``POST /api/preview`` and ``POST /api/ballot`` ``{"marks": {"struck": [3, 12]}}``: how the
  ballot reads, and recording it (``"confirm": true`` records a ballot over the seats that the
  board's check refused; ``"serial": "S01-017"`` records it into that empty place of an
  earlier stack, listed in the status's ``"gaps"``);
- ``POST /api/undo``; ``POST /api/correct`` ``{"serial", "marks", "reason"}``;
  ``POST /api/withdraw`` ``{"serial", "reason"}``;
- ``POST /api/close`` ``{"issued": 194, "collected": 194}``: close the count (with none
  collected: refused once, then ``"confirm": true``).

The entry page is ``GET /`` and its files ``GET /static/{name}`` (:mod:`tally.station.page`).

Printing: ``GET /print/minutes.{fmt}`` (the counting minutes, once the count is closed: before,
409 and the board's words) and ``GET /print/entry-log.{fmt}`` (the entry log, at any time),
``fmt`` one of ``html``, ``pdf``, ``docx``, ``txt``: the documents ``tally replay`` prints from
the station's log as it stands, answered inline under an ASCII file name. PDF and Word need the
``documents`` extra (without it: 501, naming the extra); the status says which formats this
station can print (``"print"``).
"""

from __future__ import annotations

import hmac
import re
import threading
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from tally.errors import Location, LogError, MissingExtraError, TallyError
from tally.extras import need
from tally.i18n.labels import contest_title, label
from tally.i18n.messages import Lang, text
from tally.model.contest import BallotForm
from tally.render.paged import PagedFormat, renderable
from tally.station.desk import Desk, Entered, Status
from tally.station.live import live_page, progress
from tally.station.page import entry_page, static_file

if TYPE_CHECKING:
    from tally.audit.replay import Replay

TOKEN_COOKIE = "tally_station"

PRINTED = {"minutes": "bien-ban-kiem-phieu", "entry-log": "nhat-ky-nhap-phieu"}
"""The documents the station prints (``/print/{document}.{format}``) and their file names."""

PRINT_MEDIA = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
}
"""The formats they are printed in, in the order the page offers them, and their media types."""


def station_app(desk: Desk, *, lang: Lang = "vi", token: str | None = None) -> Any:
    """The Starlette application serving ``desk``; ``token``: required on every request
    (give one whenever the station is reachable from other machines)."""
    need("starlette", "station")
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, Response
    from starlette.routing import Route

    lock = threading.Lock()

    def step(work: Callable[[dict[str, Any]], Any]) -> Callable[[Request], Awaitable[Response]]:
        def locked(body: dict[str, Any]) -> Any:
            with lock:
                return work(body)

        async def endpoint(request: Request) -> Response:
            body: dict[str, Any] = {}
            if request.method == "POST":
                raw: Any = {}
                if await request.body():
                    try:
                        raw = await request.json()
                    except ValueError:
                        raw = None
                if not isinstance(raw, dict):
                    message = text("station.bad_request", lang)
                    return JSONResponse({"error": "station.bad_request", "message": message}, 400)
                body = raw
            try:  # the lock is taken in the worker thread: never held across an await
                answer = await _in_thread(locked, body)
            except TallyError as error:
                said = {"error": error.code, "message": _said(error, lang)}
                return JSONResponse(said, status_code=422)
            return JSONResponse(answer)

        return endpoint

    def status(_: dict[str, Any]) -> dict[str, Any]:
        return status_json(desk, desk.status(), lang)

    def stack(body: dict[str, Any]) -> dict[str, Any]:
        if "batch" in body:
            expected = _whole(body, "expected", word="recount")
            return {"batch": desk.recount_stack(_text(body, "batch"), expected)}
        expected = _whole(body, "expected")
        recount = body.get("confirm") is True
        return {"batch": desk.open_stack(expected, recount=recount)}

    def preview(body: dict[str, Any]) -> dict[str, Any]:
        return _verdict(desk.preview(_marks(body)), lang)

    def ballot(body: dict[str, Any]) -> dict[str, Any]:
        serial = _text(body, "serial") if "serial" in body else None
        confirm = body.get("confirm") is True
        return entered_json(desk.record(_marks(body), confirm=confirm, serial=serial), lang)

    def undo(_: dict[str, Any]) -> dict[str, Any]:
        return entered_json(desk.undo(), lang)

    def correct(body: dict[str, Any]) -> dict[str, Any]:
        serial, reason = _text(body, "serial"), _text(body, "reason")
        return entered_json(desk.correct(serial, _marks(body), reason), lang)

    def withdraw(body: dict[str, Any]) -> dict[str, Any]:
        desk.withdraw(_text(body, "serial"), _text(body, "reason"))
        return status_json(desk, desk.status(), lang)

    def close(body: dict[str, Any]) -> dict[str, Any]:
        confirm = body.get("confirm") is True
        desk.close(_whole(body, "issued"), _whole(body, "collected"), confirm=confirm)
        return status_json(desk, desk.status(), lang)

    shown = {"totals": False}

    def screen_news(_: dict[str, Any]) -> dict[str, Any]:
        return progress(desk, totals=shown["totals"], lang=lang)

    def screen_totals(body: dict[str, Any]) -> dict[str, Any]:
        shown["totals"] = body.get("totals") is True
        return screen_news(body)

    async def screen(request: Request) -> Response:
        """The hall's page: live progress, or the result once the count is closed."""
        with lock:
            result = desk.status(latest=0).result
        if result is None:
            return HTMLResponse(live_page(lang))
        from tally.render.screen import render_screen

        congress = desk.session.state.opened
        title = congress.congress.name if congress and congress.congress else None
        return HTMLResponse(render_screen([result], title, lang))

    rendering = threading.Lock()  # one document laid out at a time, apart from the steps

    def printed(document: str, fmt: str) -> bytes | str:
        from tally.audit.replay import replay_bytes

        with lock:  # the log as it stands, while no step writes
            data, key = desk.log_bytes(), desk.state.key
        with rendering:
            return print_document(
                replay_bytes(desk.session.log.path, data), key, document, fmt, lang
            )

    async def print_(request: Request) -> Response:
        """A document of the count to print, in a format (see the module's doc)."""
        document, _, fmt = request.path_params["name"].rpartition(".")
        if document not in PRINTED or fmt not in PRINT_MEDIA:
            return Response(status_code=404)
        from starlette.concurrency import run_in_threadpool

        try:  # PDF takes a second or two: off the event loop, and off the lock
            body = await run_in_threadpool(printed, document, fmt)
        except TallyError as error:
            said = error.message(lang) + "\n"
            code = 501 if isinstance(error, MissingExtraError) else 422
            code = 409 if error.code == "station.minutes_not_closed" else code
            return Response(said, status_code=code, media_type="text/plain; charset=utf-8")
        name = f"{PRINTED[document]}-{_ascii(desk.state.key)}.{fmt}"
        headers = {
            "Content-Disposition": f'inline; filename="{name}"',
            "Cache-Control": "no-store",
        }
        return Response(body, media_type=PRINT_MEDIA[fmt], headers=headers)

    async def page(_: Request) -> Response:
        return HTMLResponse(entry_page(lang))

    async def static(request: Request) -> Response:
        found = static_file(request.path_params["name"])
        if found is None:
            return Response(status_code=404)
        return Response(found[0], media_type=found[1])

    steps = {
        "stack": stack,
        "preview": preview,
        "ballot": ballot,
        "undo": undo,
        "correct": correct,
        "withdraw": withdraw,
        "close": close,
    }
    routes = [
        Route("/api/status", step(status), methods=["GET"]),
        Route("/api/screen", step(screen_news), methods=["GET"]),
        Route("/screen", screen, methods=["GET"]),
        Route("/", page, methods=["GET"]),
        Route("/static/{name}", static, methods=["GET"]),
        Route("/print/{name}", print_, methods=["GET"]),
    ]
    steps["screen"] = screen_totals
    routes += [Route(f"/api/{name}", step(work), methods=["POST"]) for name, work in steps.items()]
    app = Starlette(routes=routes)
    if token is None:
        return app
    return _guarded(app, token, lang)


def print_document(replayed: Replay, key: str, document: str, fmt: str, lang: Lang) -> str | bytes:
    """The minutes (``document`` ``"minutes"``) or the entry log (``"entry-log"``) of contest
    ``key`` from the replayed log, in ``fmt`` (``html``, ``pdf``, ``docx`` or ``txt``), as
    ``tally replay`` prints them. The minutes of a count not closed are refused (:class:`LogError`
    ``station.minutes_not_closed``); PDF and Word without the ``documents`` extra raise
    :class:`MissingExtraError` naming it."""
    from tally.render.replayed import OutputFormat, log_documents, render_as

    shown: OutputFormat = "text" if fmt == "txt" else cast(OutputFormat, fmt)
    entries = document == "entry-log"
    documents = log_documents(replayed, [key], lang, entries=entries, paged=shown != "text")
    if not documents:
        raise LogError("station.minutes_not_closed", Location())
    return render_as(documents, shown)


@cache
def print_formats() -> tuple[str, ...]:
    """The formats this station prints in (:data:`PRINT_MEDIA`): PDF and Word only with the
    ``documents`` extra installed (looked for once)."""
    return tuple(f for f in PRINT_MEDIA if f == "txt" or renderable(cast(PagedFormat, f)))


def _ascii(key: str) -> str:
    """``key`` as it can stand in a file name: ASCII letters, digits, ``-`` and ``_``."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", key).strip("-") or "contest"


async def _in_thread(work: Callable[[dict[str, Any]], Any], body: dict[str, Any]) -> Any:
    """Run a step (which fsyncs) off the event loop."""
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(work, body)


def _guarded(app: Any, token: str, lang: Lang) -> Any:
    """``app`` behind the access token: a header, or ``?token=`` once (then a cookie)."""
    from starlette.responses import JSONResponse, RedirectResponse

    async def guarded(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        from starlette.requests import Request

        request = Request(scope)
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        given = given or request.cookies.get(TOKEN_COOKIE, "")
        query = request.query_params.get("token", "")
        if query and hmac.compare_digest(query, token):
            clean = request.url.remove_query_params("token")
            response = RedirectResponse(str(clean), status_code=303)
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
            await response(scope, receive, send)
            return
        if not given or not hmac.compare_digest(given, token):
            said = {"error": "station.token", "message": text("station.token", lang)}
            await JSONResponse(said, status_code=401)(scope, receive, send)
            return
        await app(scope, receive, send)

    return guarded


def status_json(desk: Desk, status: Status, lang: Lang) -> dict[str, Any]:
    """The status as the page reads it."""
    contest = desk.ballot_contest
    result = status.result
    return {
        "contest": {
            "key": desk.state.key,
            "title": contest_title(contest, lang),
            "seats": contest.ballot_seats,
            "form": contest.form.value,
            "names": list(contest.names),
        },
        "station": desk.station,
        "stacks": [asdict(s) for s in status.stacks],
        "stack": asdict(status.stack) if status.stack is not None else None,
        "next_serial": desk.next_serial(status.stack.batch) if status.stack is not None else None,
        "gaps": list(desk.gaps()),
        "latest": [entered_json(e, lang) for e in status.latest],
        "entered": status.entered,
        "closed": status.closed,
        "elected": list(result.outcome.elected) if result is not None else [],
        "votes": list(result.count.votes) if result is not None else [],
        "strike_out": contest.form is BallotForm.STRIKE_OUT,
        "print": list(print_formats()),
    }


def entered_json(entered: Entered, lang: Lang) -> dict[str, Any]:
    return {"serial": entered.serial, "seq": entered.seq, "marks": entered.marks} | _verdict(
        entered.verdict, lang
    )


def _verdict(reason: str | None, lang: Lang) -> dict[str, Any]:
    """Whether the ballot is valid, and why not in the board's words."""
    if reason is None:
        return {"valid": True, "reason": None, "said": text("station.valid", lang)}
    from tally.counting.validity import InvalidReason

    return {"valid": False, "reason": reason, "said": label(InvalidReason(reason), lang)}


def _said(error: TallyError, lang: Lang) -> str:
    """The refusal as the page shows it under the step just taken: its words without the
    place (a field of the request, the serial ``preview`` the verdict is read under)."""
    return type(error)(error.code, Location(), **error.params).message(lang)


@dataclass(frozen=True)
class _Field:
    """A field of a step named as the page labels it (``station_page.{word}``)."""

    word: str

    def render(self, lang: Lang = "vi") -> str:
        return text(f"station_page.{self.word}", lang)


_FIELDS = {"expected": "hand_count", "serial": "serial", "reason": "reason", "batch": "stacks"}
"""The page's word for a field of a step, where the two differ (``issued``, ``collected``:
the same)."""


def _marks(body: dict[str, Any]) -> dict[str, Any]:
    marks = body.get("marks", {})
    if not isinstance(marks, dict):
        from tally.errors import BallotError, Location

        raise BallotError("station.unknown_field", Location(field="marks"), field="marks")
    return marks


def _whole(body: dict[str, Any], field: str, *, word: str | None = None) -> int:
    value = body.get(field)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        from tally.errors import InputFileError, Location

        named = _Field(word or _FIELDS.get(field, field))
        raise InputFileError("station.whole_number", Location(field=field), field=named)
    return value


def _text(body: dict[str, Any], field: str) -> str:
    value = body.get(field)
    if not isinstance(value, str) or not value.strip():
        from tally.errors import InputFileError, Location

        named = _Field(_FIELDS.get(field, field))
        raise InputFileError("station.text_needed", Location(field=field), field=named)
    return value
