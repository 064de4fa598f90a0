"""The station's access token when others on the hall's network can reach it: kept in a file
beside the log (``bch-may-A.jsonl.token``, readable by its owner only), so a restart keeps it
and the hall's screen and the entry page, which hold it in a cookie, carry on by themselves.

>>> import tempfile, pathlib
>>> log = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
>>> first = station_token(log)
>>> station_token(log) == first and token_file(log).name == "a.jsonl.token"
True
>>> oct(token_file(log).stat().st_mode & 0o777)
'0o600'
>>> station_token(log, given="ban-kiem-phieu-2025-hoa-binh")
'ban-kiem-phieu-2025-hoa-binh'
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from tally.errors import ArgumentError, InputFileError, Location
from tally.files import write_atomically

_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,128}")
"""A token as it can stand in an address (``?token=…``) and be hard to guess."""


def token_file(log: Path) -> Path:
    """Where the token of the station writing ``log`` is kept."""
    return log.with_name(log.name + ".token")


def station_token(log: Path, *, given: str | None = None) -> str:
    """The access token: ``given`` (``--token``; it is then kept for the next start), else
    the one kept beside ``log``, else a new one (kept). A token of fewer than 16 letters,
    digits, ``-`` or ``_`` is refused, naming where it came from."""
    kept = token_file(log)
    if given is not None:
        if not _TOKEN.fullmatch(given):
            raise ArgumentError("station.token_weak", Location(field="--token"))
    elif kept.exists():
        try:
            found = kept.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            found = ""
        if not _TOKEN.fullmatch(found):
            raise InputFileError("station.token_file_bad", Location(file=str(kept)))
        return found
    token = given if given is not None else secrets.token_urlsafe(24)
    if not kept.exists() or kept.read_text(encoding="utf-8").strip() != token:
        write_atomically(kept, token + "\n", mode=0o600)
    return token
