"""Advisory notes on a congress's plan: sizes the regulation advises, which the congress votes
itself — notes in the summary, never errors (RULES §6).

>>> from tally.io.spec import load_congress
>>> congress = load_congress("examples/district_congress/congress.toml")
>>> advisories(congress)  # a BCH, no BTV in this plan
()
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tally.congress.plan import Congress
from tally.i18n.messages import Lang, text
from tally.model.bodies import Body
from tally.model.rules import Citation


@dataclass(frozen=True)
class Advisory:
    """One note: its catalogue code and the figures it names."""

    code: str
    params: dict[str, object] = field(default_factory=dict)

    def render(self, lang: Lang = "vi") -> str:
        """The note in the board's words (a citation among the figures, in ``lang``)."""
        said = {
            key: value.render(lang) if isinstance(value, Citation) else value
            for key, value in self.params.items()
        }
        return text(self.code, lang, **said)


def advisories(congress: Congress) -> tuple[Advisory, ...]:
    """The notes on ``congress``'s plan under its rules: today, a standing committee larger
    than the share of the executive committee the rules advise."""
    seats = {plan.contest.body: plan.contest.seats for plan in congress.contests}
    standing, executive = seats.get(Body.STANDING_COMMITTEE), seats.get(Body.EXECUTIVE_COMMITTEE)
    sizes = congress.rules.sizes
    found: list[Advisory] = []
    if standing and executive and sizes.standing_too_large(standing, executive):
        cited: object = sizes.citation if sizes.citation is not None else "—"
        found.append(
            Advisory(
                "advisory.standing_share",
                {
                    "standing": standing,
                    "executive": executive,
                    "share": f"{sizes.standing_max_numerator}/{sizes.standing_max_denominator}",
                    "cited": cited,
                },
            )
        )
    return tuple(found)
