"""The board's rulings on what the entry stations read differently, as given in a rulings file.

A ruling either reads a disputed ballot (its marks, observations, stack, or that there is no
such ballot), or says that a serial one station mistyped is another ballot (``station``,
``serial`` as that station typed it, ``correct_serial``), so that the board need not retype it.
:func:`load_rulings` reads them from TOML; :func:`serial_corrections` checks the corrections
against what each station entered, and :mod:`tally.audit.stations` the rest against the
differences.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tally.arguments import checked
from tally.audit.events import Reading
from tally.errors import InputFileError, Location, ReconciliationError
from tally.files import parse_toml, read_utf8, shown
from tally.model.lookalikes import skeleton


@dataclass(frozen=True)
class Ruling:
    """The board's reading of a disputed ballot, as given in a rulings file or by an app.

    ``marks`` uses the entry keywords (``struck``, ``kept``, ``agree``, ``disagree``,
    ``both``: ballot numbers or names); ``absent`` says there is no such ballot. Without
    ``batch``, the ruling keeps the stack the stations agree the ballot came from.

    With ``correct_serial``, the ruling says instead that the ballot ``station`` entered as
    ``serial`` is ballot ``correct_serial`` (the serial was mistyped): the stations are then
    compared, and merged, with that entry under ``correct_serial``. Such a ruling names the
    station and carries nothing else but its note.
    """

    contest: str
    serial: str
    note: str
    marks: dict[str, list[int | str]] = field(default_factory=dict)
    observations: tuple[str, ...] = ()
    batch: str | None = None
    absent: bool = False
    source: Location = field(default_factory=Location)
    """Where the ruling was given (the rulings file and entry), for error messages."""
    station: str | None = None
    """The station that mistyped ``serial`` (with ``correct_serial`` only)."""
    correct_serial: str | None = None
    """The ballot that the entry ``serial`` at ``station`` really is."""

    def __post_init__(self) -> None:
        where = self.source.within(Location(serial=self.serial))
        if self.absent and (self.marks or self.observations or self.batch is not None):
            raise ReconciliationError("rulings.absent_with_marks", where, serial=self.serial)
        if self.correct_serial is None:
            if self.station is not None:
                raise ReconciliationError(
                    "rulings.station_alone", where, serial=self.serial, station=self.station
                )
            return
        if self.station is None or not self.station.strip() or not self.correct_serial.strip():
            raise ReconciliationError(
                "rulings.correction_needs",
                where,
                serial=self.serial,
                correct=self.correct_serial,
            )
        if self.absent or self.marks or self.observations or self.batch is not None:
            raise ReconciliationError(
                "rulings.correction_with_marks",
                where,
                serial=self.serial,
                correct=self.correct_serial,
            )

    @property
    def corrects_serial(self) -> bool:
        """True when the ruling says which ballot a mistyped serial is."""
        return self.correct_serial is not None


MARK_KEYS = ("struck", "kept", "agree", "disagree", "both")
_RULING_KEYS = frozenset(
    {"contest", "serial", "note", "observations", "batch", "absent", "station", "correct_serial"}
)


@checked
def load_rulings(path: str | Path, default_contest: str | None = None) -> list[Ruling]:
    """Rulings from a TOML file of ``[[ruling]]`` tables (see docs/audit.md)."""
    source = str(path)
    data = parse_toml(read_utf8(Path(path)), source, "rulings.toml")
    for key in data:
        if key != "ruling":  # e.g. [[rulings]]: never read nothing silently
            where = Location(file=source, field=key)
            raise InputFileError("rulings.unknown_key", where, key=key, allowed="[[ruling]]")
    entries = data.get("ruling", [])
    if not isinstance(entries, list):
        raise InputFileError("rulings.shape", Location(file=source, field="ruling"))
    return [
        _ruling(entry, Location(file=source, field=f"ruling[{number}]"), default_contest)
        for number, entry in enumerate(entries, start=1)
    ]


def _ruling(entry: object, where: Location, default_contest: str | None) -> Ruling:
    if not isinstance(entry, dict):
        raise InputFileError("rulings.shape", where)
    unknown = set(entry) - _RULING_KEYS - set(MARK_KEYS)
    if unknown:
        raise InputFileError(
            "rulings.unknown_key",
            where,
            key=", ".join(sorted(unknown)),
            allowed=", ".join([*sorted(_RULING_KEYS), *MARK_KEYS]),
        )
    contest = entry.get("contest", default_contest)
    serial, note = entry.get("serial"), entry.get("note")
    if not isinstance(contest, str) or not isinstance(serial, str) or not serial.strip():
        raise InputFileError("rulings.missing", where, key="contest, serial")
    if not isinstance(note, str) or not note.strip():
        raise InputFileError("rulings.missing", where, key="note")
    marks = {key: entry[key] for key in MARK_KEYS if key in entry}
    for key, value in marks.items():
        if not isinstance(value, list):
            raise InputFileError("rulings.not_list", where, key=key)
        for ref in value:
            if isinstance(ref, bool) or not isinstance(ref, int | str):
                raise InputFileError("rulings.bad_ref", where, key=key, value=shown(ref))
    observations = entry.get("observations", [])
    batch = entry.get("batch")
    absent = entry.get("absent", False)
    station = entry.get("station")
    correct = entry.get("correct_serial")
    if (
        not isinstance(observations, list)
        or not all(isinstance(o, str) for o in observations)
        or (batch is not None and not isinstance(batch, str))
        or not isinstance(absent, bool)
        or (station is not None and not isinstance(station, str))
        or (correct is not None and not isinstance(correct, str))
    ):
        raise InputFileError("rulings.shape", where)
    return Ruling(
        contest=contest,
        serial=serial.strip(),
        note=note.strip(),
        marks=marks,
        observations=tuple(observations),
        batch=batch,
        absent=absent,
        source=where,
        station=station.strip() if station is not None else None,
        correct_serial=correct.strip() if correct is not None else None,
    )


@dataclass(frozen=True)
class SerialCorrection:
    """A serial one station mistyped, and the ballot the board ruled it is."""

    station: str
    """The station, as the reconciliation names it."""
    entered: str
    """The serial as that station typed it."""
    serial: str
    """The ballot it is, spelt as the other stations entered it."""
    note: str


def serial_corrections(
    typed: Mapping[str, Mapping[str, Reading]],
    rulings: Sequence[Ruling],
    ids: Mapping[str, str],
) -> tuple[SerialCorrection, ...]:
    """The rulings that a mistyped serial is another ballot, each checked against what its
    station entered (``typed``: station → serial → reading; ``ids``: station → its id in its
    log): the serial must be one it entered, the ballot one it did not."""
    entered = {
        label: {skeleton(serial): serial for serial in entries} for label, entries in typed.items()
    }
    found = []
    for ruling in rulings:
        assert ruling.station is not None and ruling.correct_serial is not None
        where = ruling.source.within(Location(serial=ruling.serial))
        label = _station_named(ruling.station, ids, where)
        at = entered[label]
        wrong, right = skeleton(ruling.serial), skeleton(ruling.correct_serial)
        if wrong not in at:
            raise ReconciliationError(
                "rulings.serial_not_entered", where, serial=ruling.serial, station=label
            )
        if right in at:
            raise ReconciliationError(
                "rulings.serial_taken",
                where,
                serial=ruling.serial,
                station=label,
                correct=ruling.correct_serial,
            )
        spelt = next(
            (other[right] for name, other in entered.items() if name != label and right in other),
            ruling.correct_serial,
        )
        typo = at.pop(wrong)
        at[right] = spelt
        found.append(SerialCorrection(station=label, entered=typo, serial=spelt, note=ruling.note))
    return tuple(found)


def _station_named(name: str, ids: Mapping[str, str], where: Location) -> str:
    """The station a ruling names: by its label in the report, or by its id alone when only
    one log uses that id."""
    if name in ids:
        return name
    matches = [label for label, station in ids.items() if station == name]
    if len(matches) == 1:
        return matches[0]
    raise ReconciliationError("rulings.unknown_station", where, station=name, known=", ".join(ids))


def corrected(
    typed: Mapping[str, Mapping[str, Reading]], corrections: Sequence[SerialCorrection]
) -> dict[str, dict[str, Reading]]:
    """Every station's readings with each mistyped serial under the ballot it is."""
    renamed = {(c.station, c.entered): c.serial for c in corrections}
    return {
        label: {
            renamed.get((label, serial), serial): reading for serial, reading in entries.items()
        }
        for label, entries in typed.items()
    }
