"""Reading many congresses' results for a roll-up: JSON records (``tally count --format
json``, checked by :func:`~tally.io.results_json.load_record`) and audit logs (verified, then
the congress rebuilt from their events). The same congress given twice — the same identity and
the same content — is kept once and reported; two different results claiming one congress are
refused, naming both files.

>>> import tempfile, pathlib, subprocess, sys
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> out = subprocess.run([sys.executable, "-m", "tally", "count",
...     "examples/youth_union/congress.toml", "--format", "json"], capture_output=True, text=True)
>>> _ = (folder / "a.json").write_text(out.stdout, encoding="utf-8")
>>> _ = (folder / "b.json").write_text(out.stdout, encoding="utf-8")
>>> gathered = collect([folder / "a.json", folder / "b.json"])
>>> len(gathered.congresses), [d.kept.name for d in gathered.duplicates]
(1, ['a.json'])
>>> [p.name for p in expand([folder])]
['a.json', 'b.json']
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tally.congress.run import CongressRecord
from tally.errors import InputFileError, Location, LogError

Identity = tuple[str, str, str]
"""Which congress a result is of: its name, term and date (ISO), ``""`` when not given."""
RESULT_SUFFIXES = (".json", ".jsonl")
"""The files a folder given as an input contributes: JSON records and audit logs."""


@dataclass(frozen=True)
class Reported:
    """One congress as reported: its record, the file it came from, its content fingerprint."""

    record: CongressRecord
    source: Path
    fingerprint: str
    """The log's final hash for a log; the SHA-256 of the record's JSON for a JSON file."""

    @property
    def identity(self) -> Identity:
        """Which congress this is: its name, term and date."""
        congress = self.record.congress
        day = congress.date.isoformat() if congress.date else ""
        return congress.name, congress.term or "", day


@dataclass(frozen=True)
class Duplicate:
    """A file that repeats a congress already read (same identity, same content)."""

    kept: Path
    dropped: Path


@dataclass(frozen=True)
class Gathered:
    """The congresses of a roll-up, each once, and the repeated files left out."""

    congresses: tuple[Reported, ...]
    duplicates: tuple[Duplicate, ...]


def read_one(path: Path) -> Reported:
    """The congress in ``path``: an audit log (``.jsonl``), verified and rebuilt, or a JSON
    record; a damaged log, a foreign or damaged JSON file is a located error."""
    if path.suffix == ".jsonl":
        from tally.audit.replay import replay, verify

        report = verify(path)
        if report.error is not None:
            raise LogError(report.error.code, report.error.where, **report.error.params)
        replayed = replay(path)
        return Reported(replayed.congress_record(), path, replayed.final_hash)
    from tally.io.results_json import load_record

    record = load_record(path)
    digest = hashlib.sha256(record.model_dump_json().encode("utf-8")).hexdigest()
    return Reported(record, path, digest)


def expand(paths: Iterable[Path]) -> list[Path]:
    """``paths`` with each folder replaced by its results — its ``.json`` and ``.jsonl`` files,
    sorted by name, not those of its subfolders; other paths are kept as given, in order."""
    expanded: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = (p for p in path.iterdir() if p.suffix in RESULT_SUFFIXES and p.is_file())
            expanded.extend(sorted(found))
        else:
            expanded.append(path)
    return expanded


class Registry:
    """The congresses read so far, by identity: a new one is kept, a repeat (same identity and
    fingerprint) noted in :attr:`duplicates`, another result for a congress already read refused
    with both files named."""

    def __init__(self) -> None:
        self._first: dict[Identity, tuple[Path, str]] = {}
        self.duplicates: list[Duplicate] = []

    def is_new(self, identity: Identity, fingerprint: str, path: Path) -> bool:
        """Whether the congress ``identity`` read from ``path`` is new (else a repeat)."""
        first = self._first.get(identity)
        if first is None:
            self._first[identity] = (path, fingerprint)
            return True
        source, known = first
        if known == fingerprint:
            self.duplicates.append(Duplicate(source, path))
            return False
        name, term, day = identity
        raise InputFileError(
            "rollup.conflict",
            Location(file=str(path)),
            congress=name,
            term=term or "—",
            day=day or "—",
            first=str(source),
        )


def collect(paths: list[Path]) -> Gathered:
    """Every congress of ``paths`` once: a repeat (same identity and content) is reported and
    left out; another result for a congress already read is refused with both files named."""
    if not paths:
        raise InputFileError("rollup.no_input", Location())
    registry = Registry()
    kept: list[Reported] = []
    for path in paths:
        reported = read_one(path)
        if registry.is_new(reported.identity, reported.fingerprint, path):
            kept.append(reported)
    return Gathered(tuple(kept), tuple(registry.duplicates))
