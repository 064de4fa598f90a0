"""One line of plain text: what the minutes may print from text a person typed.

A title, a term, a place, a complaint or a note is printed in the minutes; a line break in it
would add lines the board never wrote, a terminal escape or a direction override would change
how the lines around it show. Such characters are refused wherever free text comes in: the
spec, the Python models, the events of a log.

>>> first_control("Đại hội Chi bộ 3, nhiệm kỳ 2025–2030") is None
True
>>> first_control("Bầu\\nBí thư"), first_control("\\x1b[31mđỏ")
('\\n', '\\x1b')
>>> try:
...     one_line("Bầu\\u202eBí thư")
... except ValueError as error:
...     print(error)
contains U+202E (a line break or control character); write it on one line
"""

from __future__ import annotations

import unicodedata

from pydantic_core import PydanticCustomError

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""The invisible marks that reverse or isolate the direction of text."""


def is_control(char: str) -> bool:
    """A character that breaks a line or changes how the text around it shows: C0 and C1
    controls (newline, tab, the ESC of terminal escapes), line and paragraph separators, and
    the direction marks."""
    return unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in BIDI_CONTROLS


def first_control(text: str) -> str | None:
    """The first such character of ``text``, or ``None`` when it is one line of plain text."""
    return next((char for char in text if is_control(char)), None)


def one_line(text: str) -> str:
    """``text`` itself when it is one line of plain text; a :class:`ValueError` of pydantic's
    kind ``one_line`` otherwise (a validator turns it into a located error, which the loaders
    word in Vietnamese by that kind)."""
    bad = first_control(text)
    if bad is not None:
        raise PydanticCustomError(
            "one_line",
            "contains {code} (a line break or control character); write it on one line",
            {"code": f"U+{ord(bad):04X}"},
        )
    return text
