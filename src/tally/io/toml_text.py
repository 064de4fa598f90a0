"""Writing a spec as TOML (the standard library only reads it): the plain values of a spec —
text, whole numbers, true/false, dates, lists and tables — in the layout of the bundled
examples: top-level values, then tables, then arrays of tables, lists of tables one per line.

>>> import datetime as dt, tomllib
>>> data = {"rules": "qc190", "congress": {"name": "Đại hội \\"A\\"", "date": dt.date(2025, 7, 1)},
...         "contest": [{"id": "bt", "seats": 1, "candidates": [{"name": "Lê Văn Tám"}]}]}
>>> print(toml_text(data))
rules = "qc190"
<BLANKLINE>
[congress]
name = "Đại hội \\"A\\""
date = 2025-07-01
<BLANKLINE>
[[contest]]
id = "bt"
seats = 1
candidates = [
    { name = "Lê Văn Tám" },
]
<BLANKLINE>
>>> tomllib.loads(toml_text(data)) == data
True
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def toml_text(data: Mapping[str, Any]) -> str:
    """``data`` as a TOML document that :func:`tomllib.loads` reads back equal."""
    lines: list[str] = []
    scalars = {k: v for k, v in data.items() if not _is_table(v) and not _is_tables(v)}
    lines += [f"{_key(k)} = {_value(v)}" for k, v in scalars.items()]
    for key, value in data.items():
        if _is_table(value):
            lines += ["", f"[{_key(key)}]", *_body(value)]
    for key, value in data.items():
        if _is_tables(value):
            for table in value:
                lines += ["", f"[[{_key(key)}]]", *_body(table)]
    return "\n".join(lines).lstrip("\n") + "\n"


def _body(table: Mapping[str, Any]) -> list[str]:
    """A table's lines: a list of tables one per line, everything else inline."""
    lines = []
    for key, value in table.items():
        if _is_tables(value):
            lines.append(f"{_key(key)} = [")
            lines += [f"    {_value(item)}," for item in value]
            lines.append("]")
        else:
            lines.append(f"{_key(key)} = {_value(value)}")
    return lines


def _is_table(value: object) -> bool:
    return isinstance(value, Mapping)


def _is_tables(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _string(key)


def _string(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, but for DEL, which TOML escapes too."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    raise TypeError(f"no TOML form for {type(value).__name__}")
