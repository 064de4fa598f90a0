"""The entry page of the station (``GET /``) and its files (``GET /static/{name}``), served
from the package: the hall has no internet. The page's words come from the catalogue
(``station_page.*``) in the station's language, embedded in the page as JSON.

>>> "Nhập phiếu" in entry_page("vi") and "Ballot entry" in entry_page("en")
True
>>> static_file("entry.js")[1], static_file("../app.py")
('text/javascript; charset=utf-8', None)
"""

from __future__ import annotations

import json
from html import escape
from importlib import resources

from tally.i18n.catalogue import CATALOGUE
from tally.i18n.messages import Lang

STATIC = {
    "entry.js": "text/javascript; charset=utf-8",
    "entry.css": "text/css; charset=utf-8",
}
"""The files the page loads, and their media types."""


def _read(name: str) -> str:
    return resources.files("tally.station").joinpath("static", name).read_text(encoding="utf-8")


def page_words(lang: Lang) -> dict[str, str]:
    """The page's words (``station_page.*`` without the prefix) in ``lang``."""
    return {
        key.split(".", 1)[1]: pair[1 if lang == "en" else 0]
        for key, pair in CATALOGUE.items()
        if key.startswith("station_page.")
    }


def entry_page(lang: Lang) -> str:
    """The entry page's HTML, its words embedded."""
    words = json.dumps(page_words(lang), ensure_ascii=False).replace("<", "\\u003c")
    return (
        _read("entry.html")
        .replace("__LANG__", escape(lang))
        .replace("__TITLE__", escape(page_words(lang)["title"]))
        .replace("__WORDS__", words)
    )


def static_file(name: str) -> tuple[str, str] | None:
    """The text and media type of one of the page's files; ``None`` for any other name."""
    media = STATIC.get(name)
    if media is None:
        return None
    return _read(name), media
