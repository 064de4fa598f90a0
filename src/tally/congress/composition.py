"""Who makes up an elected body: women, ethnic minorities, age bands, re-elected and new,
against the targets the congress set (RULES §7 minutes; the targets are the user's).

Counts come from the candidates' optional fields; a person without the field is counted as
unknown, never guessed.

>>> import datetime as dt
>>> from tally.model.contest import Candidate
>>> people = [Candidate(name="Lê Thị Hoa", gender="female", ethnicity="Tày",
...                     birth_date=dt.date(1990, 1, 1), incumbent=False),
...           Candidate(name="Trần Văn Nam", gender="male", ethnicity="Kinh",
...                     birth_date=dt.date(1970, 1, 1), incumbent=True)]
>>> c = composition(people, on=dt.date(2025, 7, 1), targets=Targets(women_percent=30))
>>> c.women, c.minorities, c.age_bands, c.reelected, c.new
(1, 1, {'under_40': 1, '40_49': 0, '50_59': 1, '60_and_over': 0}, 1, 1)
>>> [(f.target, f.met) for f in c.findings]
[('women_percent', True)]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Annotated

from pydantic import Field, Strict

from tally.model.base import FrozenModel
from tally.model.contest import Candidate

AGE_BANDS = ("under_40", "40_49", "50_59", "60_and_over")


Percent = Annotated[int, Strict(), Field(ge=0, le=100)]


class Targets(FrozenModel):
    """Minimum shares (percent of the body) the congress aims for; ``None`` means no target."""

    women_percent: Percent | None = None
    minorities_percent: Percent | None = None
    under_40_percent: Percent | None = None
    new_percent: Percent | None = None
    majority_ethnicity: str = "Kinh"
    """Everyone of another recorded ethnicity counts as an ethnic minority."""


class Finding(FrozenModel):
    """One target checked: the share reached, in integers (``100 * count >= target * size``)."""

    target: str
    required_percent: int
    count: int
    size: int
    met: bool


class Composition(FrozenModel):
    """The make-up of one elected body."""

    size: int
    women: int
    men: int
    gender_unknown: int
    minorities: int
    ethnicity_unknown: int
    age_bands: dict[str, int]
    age_unknown: int
    reelected: int
    new: int
    incumbency_unknown: int
    findings: tuple[Finding, ...]


def _age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _band(age: int) -> str:
    if age < 40:
        return "under_40"
    if age < 50:
        return "40_49"
    if age < 60:
        return "50_59"
    return "60_and_over"


def composition(
    members: Sequence[Candidate], on: dt.date, targets: Targets | None = None
) -> Composition:
    """The composition of ``members`` (the elected), ages taken on the date ``on``."""
    targets = targets or Targets()
    bands = dict.fromkeys(AGE_BANDS, 0)
    age_unknown = 0
    for person in members:
        if person.birth_date is None:
            age_unknown += 1
        else:
            bands[_band(_age(person.birth_date, on))] += 1
    women = sum(p.gender == "female" for p in members)
    men = sum(p.gender == "male" for p in members)
    known_ethnicity = [p.ethnicity.strip().casefold() for p in members if p.ethnicity]
    majority = targets.majority_ethnicity.strip().casefold()
    minorities = sum(ethnicity != majority for ethnicity in known_ethnicity)
    reelected = sum(p.incumbent is True for p in members)
    new = sum(p.incumbent is False for p in members)
    size = len(members)
    counts = {
        "women_percent": women,
        "minorities_percent": minorities,
        "under_40_percent": bands["under_40"],
        "new_percent": new,
    }
    findings = tuple(
        Finding(
            target=name,
            required_percent=required,
            count=counts[name],
            size=size,
            met=100 * counts[name] >= required * size,
        )
        for name in counts
        if (required := getattr(targets, name)) is not None
    )
    return Composition(
        size=size,
        women=women,
        men=men,
        gender_unknown=size - women - men,
        minorities=minorities,
        ethnicity_unknown=size - len(known_ethnicity),
        age_bands=bands,
        age_unknown=age_unknown,
        reelected=reelected,
        new=new,
        incumbency_unknown=size - reelected - new,
        findings=findings,
    )
