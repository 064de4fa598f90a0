"""Advisory notes on a congress's plan: sizes the regulation advises, which the congress votes
itself — notes in the summary, never errors (RULES §6).

>>> from tally.io.spec import load_congress
>>> congress = load_congress("examples/district_congress/congress.toml")
>>> [note.code for note in advisories(congress)]  # 45 prepared for 41 seats: under 10% more
['advisory.committee_list']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tally.congress.chain import ElectionModel
from tally.congress.plan import Congress
from tally.i18n.labels import Term
from tally.i18n.messages import Lang, text
from tally.model.bodies import Body
from tally.model.rules import Citation, PercentPolicy


@dataclass(frozen=True)
class Share:
    """``part`` of ``whole`` as a percentage, in the rule set's percent policy and the
    reader's decimal separator."""

    part: int
    whole: int
    policy: PercentPolicy

    def render(self, lang: Lang = "vi") -> str:
        """``13,33%`` in Vietnamese, ``13.33%`` in English."""
        return self.policy.format(self.part, self.whole, lang) + "%"


@dataclass(frozen=True)
class Advisory:
    """One note: its catalogue code and the figures it names."""

    code: str
    params: dict[str, object] = field(default_factory=dict)

    def render(self, lang: Lang = "vi") -> str:
        """The note in the board's words (a citation among the figures, in ``lang``)."""
        said = {
            key: value.render(lang) if isinstance(value, Citation | Term | Share) else value
            for key, value in self.params.items()
        }
        return text(self.code, lang, **said)


def advisories(congress: Congress) -> tuple[Advisory, ...]:
    """The notes on ``congress``'s plan under its rules: a standing committee larger than the
    share of the executive committee the rules advise; a body's seats outside the range advised
    for the congress's level; a committee's list, as the convening committee prepared it, with
    a surplus outside the band the rules advise. A rule with no citation gives no note; a
    by-election, which fills seats left open, gets none."""
    if congress.election_model is ElectionModel.BY_ELECTION:
        return ()
    found = _standing_share(congress)
    found += _ranges(congress)
    found += _committee_lists(congress)
    return tuple(found)


def _standing_share(congress: Congress) -> list[Advisory]:
    seats = {plan.contest.body: plan.contest.seats for plan in congress.contests}
    standing, executive = seats.get(Body.STANDING_COMMITTEE), seats.get(Body.EXECUTIVE_COMMITTEE)
    sizes = congress.rules.sizes
    if sizes.citation is None or not standing or not executive:
        return []
    if not sizes.standing_too_large(standing, executive):
        return []
    return [
        Advisory(
            "advisory.standing_share",
            {
                "standing": standing,
                "executive": executive,
                "share": f"{sizes.standing_max_numerator}/{sizes.standing_max_denominator}",
                "cited": sizes.citation,
            },
        )
    ]


def _ranges(congress: Congress) -> list[Advisory]:
    sizes, level = congress.rules.sizes, congress.level
    if level is None or sizes.ranges_citation is None:
        return []
    found = []
    for plan in congress.contests:
        contest = plan.contest
        advised = sizes.size_range(level, contest.body)
        if advised is None or advised.low <= contest.seats <= advised.high:
            continue
        found.append(
            Advisory(
                "advisory.size_range",
                {
                    "body": Term(contest.body),
                    "seats": contest.seats,
                    "level": Term(level),
                    "low": advised.low,
                    "high": advised.high,
                    "cited": sizes.ranges_citation,
                },
            )
        )
    return found


def _committee_lists(congress: Congress) -> list[Advisory]:
    """The convening committee's own list: those it nominated, or the whole list when nobody is
    recorded as nominated from the floor. Bodies of up to ``small_body_max_seats`` have their
    own rule (at most one more), so are not noted here."""
    rules = congress.rules
    sizes, surplus = rules.sizes, rules.surplus
    if sizes.committee_list_citation is None:
        return []
    found = []
    for plan in congress.contests:
        contest = plan.contest
        if contest.body not in surplus.bodies or contest.seats <= surplus.small_body_max_seats:
            continue
        floor = [c for c in contest.candidates if c.nominated_by in ("congress", "self")]
        prepared = len(contest.candidates) - len(floor)
        extra = prepared - contest.seats
        low, high = sizes.committee_list_min_percent, sizes.committee_list_max_percent
        if low * contest.seats <= 100 * extra <= high * contest.seats:
            continue
        found.append(
            Advisory(
                "advisory.committee_list",
                {
                    "body": Term(contest.body),
                    "prepared": prepared,
                    "seats": contest.seats,
                    "extra": extra,
                    "percent": Share(extra, contest.seats, rules.percent),
                    "low": low,
                    "high": high,
                    "cited": sizes.committee_list_citation,
                },
            )
        )
    return found
