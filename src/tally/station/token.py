"""The station's access token when others on the hall's network can reach it: kept in a file
beside the log (``bch-may-A.jsonl.token``, readable by its owner only), so a restart keeps it
and the hall's screen and the entry page, which hold it in a cookie, carry on by themselves.

>>> import tempfile, pathlib
>>> log = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
>>> first = choose_token(log)
>>> token_file(log).exists()  # kept only once the station has opened its log
False
>>> keep_token(log, first)
>>> choose_token(log) == first and token_file(log).name == "a.jsonl.token"
True
>>> oct(token_file(log).stat().st_mode & 0o777)
'0o600'
>>> choose_token(log, given="ban-kiem-phieu-2025-hoa-binh")
'ban-kiem-phieu-2025-hoa-binh'
"""

from __future__ import annotations

import os
import re
import secrets
import stat
from pathlib import Path

from tally.errors import ArgumentError, InputFileError, Location
from tally.files import write_atomically

_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,128}")
"""A token as it can stand in an address (``?token=…``) and be hard to guess."""


def token_file(log: Path) -> Path:
    """Where the token of the station writing ``log`` is kept."""
    return log.with_name(log.name + ".token")


def choose_token(log: Path, *, given: str | None = None) -> str:
    """The access token, writing nothing: ``given`` (``--token``), else the one kept beside
    ``log``, else a new one. A weak ``given`` token, and a kept file that cannot be read or
    holds no token, are refused (a file others could read is first made the owner's only)."""
    if given is not None:
        if not _TOKEN.fullmatch(given):
            raise ArgumentError("station.token_weak", Location(field="--token"))
        return given
    kept = token_file(log)
    if not kept.exists() and not kept.is_symlink():
        return secrets.token_urlsafe(24)
    return _read_kept(kept)


def keep_token(log: Path, token: str) -> None:
    """Keep ``token`` beside ``log`` for the next start (mode 0600), unless already kept."""
    kept = token_file(log)
    try:
        if _read_kept(kept) == token:
            return
    except InputFileError:
        pass  # missing, unreadable or foreign: written anew
    if kept.is_dir():
        raise InputFileError("station.token_file_bad", Location(file=str(kept)))
    write_atomically(kept, token + "\n", mode=0o600)


def _read_kept(kept: Path) -> str:
    """The token in ``kept``, after making the file its owner's only."""
    where = Location(file=str(kept))
    try:
        info = kept.stat()
        if stat.S_ISREG(info.st_mode) and info.st_mode & 0o077:
            os.chmod(kept, stat.S_IMODE(info.st_mode) & 0o700)
        found = kept.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        raise InputFileError("station.token_file_bad", where) from None
    if not _TOKEN.fullmatch(found):
        raise InputFileError("station.token_file_bad", where)
    return found
