"""The station served in a background thread, for scripts and test suites that drive it (a
browser, an HTTP client) from the same process: :func:`serving`.

>>> import json, tempfile, pathlib, urllib.request
>>> from tally.io.spec import load_congress
>>> from tally.station.desk import Desk
>>> desk = Desk.open(pathlib.Path(tempfile.mkdtemp()) / "a.jsonl",
...                  load_congress("examples/delegate_congress/congress.toml"), "bch", station="A")
>>> with serving(desk) as url:
...     json.load(urllib.request.urlopen(url + "/api/status"))["station"]
'A'
>>> desk.session.close()
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from tally.extras import need
from tally.i18n.messages import Lang
from tally.station.app import station_app
from tally.station.desk import Desk


@contextmanager
def serving(
    desk: Desk,
    *,
    lang: Lang = "vi",
    token: str | None = None,
    port: int | None = None,
    timeout: float = 10.0,
) -> Iterator[str]:
    """Serve ``desk`` on 127.0.0.1 and ``port`` (by default a free one) until the block ends;
    yields the base address (``http://127.0.0.1:PORT``). The desk stays open: close its
    session yourself (and serve it again on the same port, as a station restarted)."""
    uvicorn = need("uvicorn", "station")
    if port is None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
    config = uvicorn.Config(
        station_app(desk, lang=lang, token=token), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError(f"the station did not start on 127.0.0.1:{port}")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=timeout)
