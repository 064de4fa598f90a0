"""The numpy writer of :mod:`tally.io.ballots_csv`: ballots as CSV text, a block at a time.

:func:`write_fast` returns ``None`` for what it leaves to :mod:`csv` (a serial csv would quote,
one not in ASCII, an unusual dtype) and never raises; whatever it returns is what the writer
through :mod:`csv` returns for the same ballots. It knows the CSV format only through its
arguments (the list columns to write, the note of each set of observation flags).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from tally.model.ballots import Ballots, Mark

_BLOCK = 1 << 20
"""Bytes of CSV text built at once: the writer's temporaries are a small multiple of this,
whatever the number of ballots."""

_QUOTE, _COMMA = 34, 44


def write_fast(
    ballots: Ballots, lists: Mapping[str, Mark], note: Callable[[int], str]
) -> str | None:
    """The list layout of ``ballots`` — ``serial``, the columns ``lists`` (each lists the
    ballot numbers of the candidates given its mark), ``note`` (``note(flags)`` of a ballot's
    observation flags) — built with numpy; ``None`` for what it leaves to :mod:`csv`: a serial
    csv would quote, or one not in ASCII; unusual dtypes.

    Each row is laid out in fixed places — serial, then every candidate's ``;number`` in each
    list where listed, the note — with NUL bytes for what is absent; dropping the NULs leaves
    the text.

    >>> from tally.model.contest import BallotForm, BallotList
    >>> c = BallotList.of("c", 1, 1, 0, names=("A", "B", "C"), form=BallotForm.STRIKE_OUT)
    >>> b = Ballots(c, np.array([[0, 1, 0], [1, 1, 1]], np.uint8),
    ...             np.array(["A-1", "A-2"]), np.array([0, 2], np.uint8))
    >>> print(write_fast(b, {"struck": Mark.STRUCK}, lambda flags: "write_in" * (flags > 0)))
    serial,struck,note
    A-1,1;3,
    A-2,,write_in
    <BLANKLINE>
    >>> b = Ballots(c, np.ones((1, 3), np.uint8), np.array(["A,1"]), np.zeros(1, np.uint8))
    >>> write_fast(b, {"struck": Mark.STRUCK}, str) is None  # csv quotes a serial with ","
    True
    """
    marks, flags = ballots.marks, ballots.observations
    if marks.ndim != 2 or marks.dtype != np.uint8 or flags.dtype != np.uint8:
        return None
    n, k = marks.shape
    if flags.shape != (n,) or ballots.serials.shape != (n,):
        return None
    serials = _plain_serials(ballots.serials)
    if serials is None:
        return None
    slot = len(str(k)) + 1  # ";" and the number
    if slot > 8:
        return None
    word = np.dtype("<u4") if slot <= 4 else np.dtype("<u8")
    numbers = _words([f";{j + 1}" for j in range(k)], word)[:, 0]
    notes = _words([note(value) for value in range(256)], word)
    serial_words = _words(serials, word)
    fixed = {",": _words([","], word)[0, 0], "\n": _words(["\n"], word)[0, 0]}
    width = serial_words.shape[1] + len(lists) * (1 + k) + 1 + notes.shape[1] + 1
    chunks = [(",".join(["serial", *lists, "note"]) + "\n").encode("ascii")]
    step = max(1, _BLOCK // (width * word.itemsize))
    for first in range(0, n, step):
        last = min(n, first + step)
        rows = np.zeros((last - first, width), dtype=word)
        rows[:, : serial_words.shape[1]] = serial_words[first:last]
        place = serial_words.shape[1]
        for mark in lists.values():
            rows[:, place] = fixed[","]
            place += 1
            listed = marks[first:last] == mark
            np.multiply(numbers, listed, out=rows[:, place : place + k])
            # The first number listed has no ";" before it (the word's first, lowest byte).
            with_any = np.flatnonzero(listed.any(axis=1))
            rows[with_any, place + listed[with_any].argmax(axis=1)] &= ~word.type(0xFF)
            place += k
        rows[:, place] = fixed[","]
        rows[:, place + 1 : place + 1 + notes.shape[1]] = notes[flags[first:last]]
        rows[:, -1] = fixed["\n"]
        text = rows.view(np.uint8)
        chunks.append(text[text != 0].tobytes())
    return b"".join(chunks).decode("ascii")


def _words(texts: list[str] | npt.NDArray[np.uint8], word: np.dtype[Any]) -> npt.NDArray[Any]:
    """ASCII ``texts`` (or rows of bytes) NUL-padded to whole ``word``s, one row each."""
    if isinstance(texts, list):
        width = max(len(text) for text in texts)
        rows = np.zeros((len(texts), width), dtype=np.uint8)
        for i, text in enumerate(texts):
            rows[i, : len(text)] = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
        texts = rows
    n, width = texts.shape
    padded = np.zeros((n, -(-width // word.itemsize) * word.itemsize), dtype=np.uint8)
    padded[:, :width] = texts
    return padded.view(word)


def _plain_serials(serials: npt.NDArray[Any]) -> npt.NDArray[np.uint8] | None:
    """The serials as ASCII bytes, one row each, NUL-padded; ``None`` unless every serial is
    printable ASCII without ``,`` or ``"`` (what :mod:`csv` writes as it is)."""
    if serials.dtype.kind in "iu":
        serials = serials.astype(str)
    elif serials.dtype.kind != "U":
        return None
    n, width = len(serials), serials.dtype.itemsize // 4
    if width == 0:
        return np.zeros((n, 0), dtype=np.uint8)
    native = np.ascontiguousarray(serials, dtype=f"U{width}")
    codes = native.view(np.uint32).reshape(n, width)
    plain = (codes >= 0x20) & (codes <= 0x7E) & (codes != _COMMA) & (codes != _QUOTE)
    if not (plain | (codes == 0)).all():
        return None
    if ((codes[:, :-1] == 0) & (codes[:, 1:] != 0)).any():  # a NUL inside a serial
        return None
    return codes.astype(np.uint8)
