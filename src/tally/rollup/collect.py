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
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from tally.congress.run import CongressRecord
from tally.errors import InputFileError, Location, LogError


@dataclass(frozen=True)
class Reported:
    """One congress as reported: its record, the file it came from, its content fingerprint."""

    record: CongressRecord
    source: Path
    fingerprint: str
    """The log's final hash for a log; the SHA-256 of the record's JSON for a JSON file."""

    @property
    def identity(self) -> tuple[str, str, str]:
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


def collect(paths: list[Path]) -> Gathered:
    """Every congress of ``paths`` once: a repeat (same identity and content) is reported and
    left out; another result for a congress already read is refused with both files named."""
    if not paths:
        raise InputFileError("rollup.no_input", Location())
    seen: dict[tuple[str, str, str], Reported] = {}
    duplicates: list[Duplicate] = []
    for path in paths:
        reported = read_one(path)
        first = seen.get(reported.identity)
        if first is None:
            seen[reported.identity] = reported
        elif first.fingerprint == reported.fingerprint:
            duplicates.append(Duplicate(first.source, path))
        else:
            name, term, day = reported.identity
            raise InputFileError(
                "rollup.conflict",
                Location(file=str(path)),
                congress=name,
                term=term or "—",
                day=day or "—",
                first=str(first.source),
            )
    return Gathered(tuple(seen.values()), tuple(duplicates))
