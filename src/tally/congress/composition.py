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
from collections.abc import Iterable, Sequence
from typing import Annotated

from pydantic import Field, Strict, field_validator

from tally.errors import ContestError, Location
from tally.model.base import FrozenModel
from tally.model.bodies import Body
from tally.model.contest import Candidate

AGE_BANDS = ("under_40", "40_49", "50_59", "60_and_over")

TARGET_NAMES = ("women_percent", "minorities_percent", "under_40_percent", "new_percent")
"""The shares a congress may set a target for, as the spec and the findings name them."""

Percent = Annotated[int, Strict(), Field(ge=0, le=100)]


class _Shares(FrozenModel):
    """Minimum shares (percent of the body); ``None`` means no target."""

    women_percent: Percent | None = None
    minorities_percent: Percent | None = None
    under_40_percent: Percent | None = None
    new_percent: Percent | None = None


class BodyTargets(_Shares):
    """One body's own targets (``[targets.standing_committee]``): they replace the defaults for
    that body entirely — a share not given here is no target for it; the majority ethnicity,
    when not given, is the default's."""

    majority_ethnicity: str | None = None


def _no_body_targets(by_body: dict[Body, BodyTargets]) -> bool:
    return not by_body


class Targets(_Shares):
    """Minimum shares (percent of the body) the congress aims for; ``None`` means no target.

    The shares given here are the default for every elected body; ``by_body`` gives a body
    targets of its own (:meth:`for_body`).
    """

    majority_ethnicity: str = "Kinh"
    """Everyone of another recorded ethnicity counts as an ethnic minority."""
    by_body: dict[Body, BodyTargets] = Field(default_factory=dict, exclude_if=_no_body_targets)
    """Targets of a body's own, replacing the defaults for it (written only when given, so a
    record without them reads as before)."""

    @field_validator("by_body", mode="after")
    @classmethod
    def _bodies_only(cls, value: dict[Body, BodyTargets]) -> dict[Body, BodyTargets]:
        for body in value:
            target_body(body.value)
        return value

    def for_body(self, body: Body) -> Targets:
        """The targets ``body`` is checked against: its own, else the defaults; none for a
        post (one person has no make-up to aim at).

        >>> targets = Targets(women_percent=20, minorities_percent=10,
        ...                   by_body={"standing_committee": {"women_percent": 20}})
        >>> btv = targets.for_body(Body.STANDING_COMMITTEE)
        >>> btv.women_percent, btv.minorities_percent, btv.majority_ethnicity
        (20, None, 'Kinh')
        >>> targets.for_body(Body.EXECUTIVE_COMMITTEE).minorities_percent
        10
        >>> targets.for_body(Body.SECRETARY).women_percent is None
        True
        """
        if not body.is_collective:
            return Targets(majority_ethnicity=self.majority_ethnicity)
        own = self.by_body.get(body)
        if own is None:
            return self.model_copy(update={"by_body": {}})
        majority = own.majority_ethnicity
        return Targets(
            **{name: getattr(own, name) for name in TARGET_NAMES},
            majority_ethnicity=self.majority_ethnicity if majority is None else majority,
        )


def target_body(name: str) -> Body:
    """The elected body ``name`` names, for targets of its own (``[targets.NAME]``):
    :class:`~tally.errors.ContestError` at the field ``NAME`` for anything else — an unknown
    name, or a post (a secretary has no make-up).

    >>> target_body("standing_committee").value
    'standing_committee'
    >>> try:
    ...     target_body("secretary")
    ... except ContestError as error:
    ...     print(error.where.field, "|", error.code)
    secretary | targets.not_a_body
    """
    body = next((b for b in Body if b.value == name), None)
    if body is None or not body.is_collective:
        allowed = ", ".join(b.value for b in Body if b.is_collective)
        raise ContestError("targets.not_a_body", Location(field=name), name=name, allowed=allowed)
    return body


def incumbency(body: Body, own: Iterable[Candidate], known: Iterable[Candidate]) -> bool | None:
    """Whether a person sat on the outgoing ``body`` (re-elected if elected to it again).

    ``own`` are the person's entries on the lists of the contest for ``body``: the first with
    ``incumbent`` set decides (there it means "member of the outgoing ``body``"). Otherwise the
    first ``outgoing`` given, on those lists or on any other (``known``), decides; otherwise it
    is unknown. ``incumbent`` on another body's list never counts: re-elected to the BCH is not
    re-elected to the BTV.

    >>> bch_entry = Candidate(name="Lê Văn An", incumbent=True)
    >>> incumbency(Body.EXECUTIVE_COMMITTEE, [bch_entry], [])
    True
    >>> incumbency(Body.STANDING_COMMITTEE, [Candidate(name="Lê Văn An")], [bch_entry]) is None
    True
    >>> described = Candidate(name="Lê Văn An", incumbent=True, outgoing=["executive_committee"])
    >>> incumbency(Body.STANDING_COMMITTEE, [Candidate(name="Lê Văn An")], [described])
    False
    """
    own = tuple(own)
    for person in own:
        if person.incumbent is not None:
            return person.incumbent
    for person in (*own, *known):
        if person.outgoing is not None:
            return body in person.outgoing
    return None


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
    """The composition of ``members`` (the elected), ages taken on the date ``on``, against
    ``targets`` as given (a body's own are picked by :meth:`Targets.for_body`)."""
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
