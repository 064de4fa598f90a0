"""The organisation department's plan of congresses (``--plan units.csv``): one row per unit —
its name, level and planned date — so that the roll-up lists the congresses not yet reported.
Headers in English or Vietnamese (``unit``/``đơn vị``, ``level``/``cấp``,
``planned_date``/``ngày dự kiến``); every problem names the file and the line.

>>> units_from_csv_text("đơn vị,cấp,ngày dự kiến\\nĐảng bộ xã Tân Lập,commune,2025-06-21\\n")
[{'unit': 'Đảng bộ xã Tân Lập', 'level': 'commune', 'planned_date': '2025-06-21'}]
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from tally.errors import InputFileError, Location
from tally.files import read_utf8
from tally.model.ballots import folded
from tally.model.bodies import Level
from tally.rollup.tables import Row

_NAMES = {
    "unit": ("unit", "đơn vị", "don vi"),
    "level": ("level", "cấp", "cap"),
    "planned_date": ("planned_date", "ngày dự kiến", "ngay du kien"),
}
_BY_NAME = {folded(name): column for column, names in _NAMES.items() for name in names}


def read_units(path: Path) -> list[Row]:
    """The units of the plan file at ``path``."""
    return units_from_csv_text(read_utf8(path), str(path))


def units_from_csv_text(text: str, source: str = "<units>") -> list[Row]:
    """The units of plan ``text``: each once, a known level, an ISO date (both may be blank)."""
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    if not rows:
        raise InputFileError("csv.empty", Location(file=source))
    header = [_BY_NAME.get(folded(cell)) for cell in rows[0]]
    if "unit" not in header:
        raise InputFileError("units.no_unit_column", Location(file=source, line=1))
    units: list[Row] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {name: row[i].strip() for i, name in enumerate(header) if name and i < len(row)}
        where = Location(file=source, line=line)
        unit = cells.get("unit", "")
        if not unit:
            raise InputFileError("units.no_unit", where)
        if unit in seen:
            raise InputFileError("units.twice", where, unit=unit, first=seen[unit])
        level = cells.get("level", "")
        if level and level not in {member.value for member in Level}:
            raise InputFileError(
                "units.level", where, level=level, allowed=", ".join(m.value for m in Level)
            )
        planned = cells.get("planned_date", "")
        if planned:
            try:
                dt.date.fromisoformat(planned)
            except ValueError:
                raise InputFileError("units.date", where, value=planned) from None
        seen[unit] = line
        units.append({"unit": unit, "level": level, "planned_date": planned})
    return units
