"""The order of a congress's elections: who elects what, from whom, against which base (RULES §6).

Four models:

* **standard** — the congress elects the executive committee (BCH) and the delegates; the new
  BCH's first conference elects the standing committee (BTV) from the BCH, the secretary and
  deputies from the BTV, the inspection commission (UBKT) and its chair from the UBKT.
* **direct_secretary** — the congress also elects the secretary directly, on its own ballot and
  against the congress's base (Chỉ thị 35-CT/TW, 2019; Chỉ thị 45-CT/TW, 2025); the new BCH's
  conference elects the BTV, the deputies, the UBKT and its chair.
* **direct_standing** — the congress elects the BTV, the secretary and the deputies, each on
  its own ballot and against the congress's base (the 2015 pilot and some 2020 grassroots
  pilots, e.g. Mường Ảng, Điện Biên); the UBKT and its chair stay with the conference.
* **cell** — a chi bộ: with 9 or more official members a chi ủy of at most 7, then the secretary
  and one deputy from it, each on its own ballot; with fewer, a secretary (and a deputy).
* **by_election** — a mid-term by-election (bầu bổ sung, QĐ 190 Art. 28) at a committee
  conference: BTV members, the secretary, deputies, UBKT members or its chair, each on its own
  ballot, against the conference's base — the incumbent members (RULES §1, §6). The committee
  already exists, so no contest draws from another.

In every model but the chi bộ's, the UBKT's deputy chair is elected by the commission itself,
from its members, against the commission's base (QĐ 296-QĐ/TW 2025 Art. 7 [P]): venue
``commission``, roll ``[commission_roll]``.

A bare ``direct`` names neither scope and is refused (:func:`parse_model`).

>>> default_venue(ElectionModel.DIRECT_SECRETARY, Body.SECRETARY).value
'congress'
>>> default_venue(ElectionModel.DIRECT_SECRETARY, Body.STANDING_COMMITTEE).value
'committee'
>>> default_venue(ElectionModel.DIRECT_STANDING, Body.DEPUTY_SECRETARY).value
'congress'
>>> default_venue(ElectionModel.STANDARD, Body.SECRETARY).value
'committee'
>>> [b.value for b in SOURCES[Body.SECRETARY]]
['standing_committee', 'executive_committee']
"""

from __future__ import annotations

from enum import StrEnum

from tally.errors import ContestError, Location
from tally.model.bodies import Body


class ElectionModel(StrEnum):
    """Which elections a congress holds itself, and which its new committee holds."""

    STANDARD = "standard"
    DIRECT_SECRETARY = "direct_secretary"
    """The congress elects the secretary; the conference the BTV and deputies (CT 35, 45)."""
    DIRECT_STANDING = "direct_standing"
    """The congress elects the BTV, the secretary and the deputies (2015, 2020 pilots)."""
    CELL = "cell"
    BY_ELECTION = "by_election"
    """A committee conference elects missing members of its organs mid-term (QĐ 190 Art. 28)."""


BY_ELECTION_BODIES = frozenset(
    {
        Body.STANDING_COMMITTEE,
        Body.SECRETARY,
        Body.DEPUTY_SECRETARY,
        Body.INSPECTION_COMMISSION,
        Body.INSPECTION_CHAIR,
    }
)
"""What a committee conference may elect in a by-election (RULES §6)."""


def parse_model(value: object) -> object:
    """``value`` as given, unless it is the bare ``"direct"``, which names neither scope of
    direct election and is refused with both named.

    >>> parse_model("direct_secretary")
    'direct_secretary'
    >>> try:
    ...     parse_model("direct")
    ... except ContestError as error:
    ...     print(error.code)
    spec.bare_direct
    """
    if isinstance(value, str) and value.strip().lower() == "direct":
        raise ContestError("spec.bare_direct", Location(field="model"))
    return value


class Venue(StrEnum):
    """Who votes, and so whose roll gives the threshold base."""

    CONGRESS = "congress"
    """The congress (đại hội): the congress's roll and base."""
    COMMITTEE = "committee"
    """The new executive committee's first conference (hội nghị): the committee's roll."""
    COMMISSION = "commission"
    """The inspection commission's own meeting (its deputy chair): the commission's roll."""


SOURCES: dict[Body, tuple[Body, ...]] = {
    Body.STANDING_COMMITTEE: (Body.EXECUTIVE_COMMITTEE,),
    Body.SECRETARY: (Body.STANDING_COMMITTEE, Body.EXECUTIVE_COMMITTEE),
    Body.DEPUTY_SECRETARY: (Body.STANDING_COMMITTEE, Body.EXECUTIVE_COMMITTEE),
    Body.INSPECTION_CHAIR: (Body.INSPECTION_COMMISSION,),
    Body.INSPECTION_DEPUTY_CHAIR: (Body.INSPECTION_COMMISSION,),
    Body.CELL_SECRETARY: (Body.CELL_COMMITTEE,),
    Body.CELL_DEPUTY_SECRETARY: (Body.CELL_COMMITTEE,),
}
"""Where a post's candidates come from: the first of these bodies elected earlier in the day."""

CELL_BODIES = frozenset({Body.CELL_COMMITTEE, Body.CELL_SECRETARY, Body.CELL_DEPUTY_SECRETARY})

MIN_COMMITTEE_FOR_STANDING = 9
"""A committee needs at least this many members to have a standing committee (RULES §6)."""
MIN_MEMBERS_FOR_CELL_COMMITTEE = 9
"""A chi bộ needs at least this many official members to elect a chi ủy (RULES §6)."""
MAX_CELL_COMMITTEE = 7
"""A chi ủy has at most this many members (RULES §6)."""

_AT_CONGRESS: dict[ElectionModel, frozenset[Body]] = {
    ElectionModel.DIRECT_SECRETARY: frozenset({Body.SECRETARY}),
    ElectionModel.DIRECT_STANDING: frozenset(
        {Body.STANDING_COMMITTEE, Body.SECRETARY, Body.DEPUTY_SECRETARY}
    ),
}
_ALWAYS_AT_CONGRESS = (
    frozenset({Body.EXECUTIVE_COMMITTEE, Body.UPPER_DELEGATES, Body.UPPER_ALTERNATES}) | CELL_BODIES
)

EXCLUDES: dict[Body, Body] = {Body.UPPER_ALTERNATES: Body.UPPER_DELEGATES}
"""On a ballot of their own, alternates are chosen from those not elected official delegates."""


def default_venue(model: ElectionModel, body: Body) -> Venue:
    """Who elects ``body`` under ``model`` unless the spec says otherwise."""
    if body is Body.INSPECTION_DEPUTY_CHAIR:
        return Venue.COMMISSION
    if body in _ALWAYS_AT_CONGRESS or model in (ElectionModel.CELL, ElectionModel.BY_ELECTION):
        return Venue.CONGRESS
    if body in _AT_CONGRESS.get(model, frozenset()):
        return Venue.CONGRESS
    return Venue.COMMITTEE


def default_source(body: Body, earlier: list[tuple[str, Body]]) -> str | None:
    """The id of the contest ``body`` draws its candidates from, among the ``earlier`` ones.

    >>> default_source(Body.SECRETARY, [("bch", Body.EXECUTIVE_COMMITTEE)])
    'bch'
    >>> default_source(Body.SECRETARY, [("bch", Body.EXECUTIVE_COMMITTEE),
    ...                                 ("btv", Body.STANDING_COMMITTEE)])
    'btv'
    >>> default_source(Body.EXECUTIVE_COMMITTEE, []) is None
    True
    """
    for wanted in SOURCES.get(body, ()):
        for contest_id, earlier_body in reversed(earlier):
            if earlier_body is wanted:
                return contest_id
    return None
