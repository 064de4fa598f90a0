"""Finding each round's ballots file beside the spec, for :func:`tally.congress.run.run_congress`.

A :class:`BallotFiles` is the ballot source of a congress counted from files: asked for a
round's ballots, it reads the CSV the spec names for that round (or the file given on the
command line for the first round of one contest), and remembers the files that are not there
yet, so that the count can wait for them instead of failing.

>>> import tempfile
>>> from pathlib import Path
>>> from tally.io.spec import congress_from_toml
>>> congress = congress_from_toml('''
... [congress]
... name = "Đại hội Chi bộ 3"
... [roll]
... kind = "member_congress"
... convened = 3
... present = 3
... [[contest]]
... id = "bt"
... body = "cell_secretary"
... seats = 1
... issued = 3
... collected = 3
... candidates = ["Lê Văn Tám"]
... ballots = "ballots_bt.csv"
... [[board]]
... name = "Hà Thị Lan"
... role = "head"
... ''')
>>> contest = congress.plan("bt").contest
>>> with tempfile.TemporaryDirectory() as folder:
...     files = BallotFiles(congress, Path(folder))
...     before = files("bt", 1, contest)
...     _ = (Path(folder) / "ballots_bt.csv").write_text("serial,agree\\n1,1\\n2,1\\n3,\\n")
...     after = files("bt", 1, contest)
...     [path.name for path in files.missing], before, len(after), list(files.loaded)
(['ballots_bt.csv'], None, 3, ['bt'])
"""

from __future__ import annotations

from pathlib import Path

from tally.congress.plan import Congress
from tally.congress.run import round_id
from tally.io.ballots_csv import read_ballots_csv
from tally.model.ballots import Ballots
from tally.model.contest import Contest


class BallotFiles:
    """Reads each round's ballots file when it exists; remembers the ones not there yet.

    ``folder`` is the spec's folder, where the files it names are; ``explicit`` (e.g. the
    command line's ``--ballots``) replaces the file of round 1 of contest ``explicit_for`` and
    must exist. After the count, :attr:`missing` lists the files awaited and :attr:`loaded` the
    ballots read, by round key (``"bch"``, ``"bch.r2"``).
    """

    def __init__(
        self,
        congress: Congress,
        folder: Path,
        explicit: Path | None = None,
        explicit_for: str | None = None,
    ) -> None:
        self.congress = congress
        self.folder = folder
        self.explicit = explicit
        self.explicit_for = explicit_for
        self.missing: list[Path] = []
        self.loaded: dict[str, Ballots] = {}

    def __call__(self, contest_id: str, number: int, contest: Contest) -> Ballots | None:
        """The ballots of round ``number`` of ``contest_id`` (``contest``: that round's list),
        or ``None`` when the spec names no file or the file is not there yet."""
        if self.explicit is not None and contest_id == self.explicit_for and number == 1:
            path = self.explicit
        else:
            name = self.congress.plan(contest_id).round_plan(number).ballots
            if name is None:
                return None
            path = self.folder / name
            if not path.exists():
                self.missing.append(path)
                return None
        ballots = read_ballots_csv(contest, path)
        self.loaded[round_id(contest_id, number)] = ballots
        return ballots
