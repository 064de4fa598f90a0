"""Rule sets: the presets, and variations on them built the way a board would configure one."""

from __future__ import annotations

from hypothesis import strategies as st

from tally.model.presets import PRESETS
from tally.model.rules import (
    TALLY_POLICY,
    Citation,
    Organisation,
    RevoteThreshold,
    RuleSet,
    ThresholdBase,
    TiePolicy,
    TieRule,
)

_VARIANT = Citation(
    source=TALLY_POLICY,
    confidence="U",
    note="drawn by tally.testing.rule_sets for a property test",
)


def _presets(neighbours: bool) -> list[RuleSet]:
    """The presets, QĐ 190 first; the Party's only unless ``neighbours``."""
    chosen = [r for r in PRESETS.values() if neighbours or r.organisation is Organisation.PARTY]
    return sorted(chosen, key=lambda r: (r.name != "qc190", r.name))


@st.composite
def _variant(draw: st.DrawFn, neighbours: bool) -> RuleSet:
    preset = draw(st.sampled_from(_presets(neighbours)))
    base = draw(st.sampled_from(list(ThresholdBase)))
    tie = draw(st.sampled_from(list(TiePolicy)))
    unmarked_invalid = draw(st.booleans())
    no_agree_invalid = draw(st.booleans())
    revote = draw(st.sampled_from(list(RevoteThreshold)))
    name = f"{preset.name}+{base.value}+{tie.value}" + ("" if unmarked_invalid else "+lenient")
    name += "" if no_agree_invalid else "+no_agree_valid"
    name += "+most_votes" if revote is RevoteThreshold.MOST_VOTES else ""
    return preset.model_copy(
        update={
            "name": name,
            "threshold": preset.threshold.model_copy(update={"base": base, "citation": _VARIANT}),
            "tie": TieRule(policy=tie, citation=_VARIANT, revote_threshold=revote),
            "validity": preset.validity.model_copy(
                update={
                    "all_unmarked_yes_no_invalid": unmarked_invalid,
                    "no_agree_yes_no_invalid": no_agree_invalid,
                }
            ),
        }
    )


def rule_sets(
    *, presets_only: bool = False, neighbours: bool = False
) -> st.SearchStrategy[RuleSet]:
    """The Party presets (QĐ 190 first, so failures shrink to the default), and — unless
    ``presets_only`` — variations of them: the threshold's base (the roll, valid or collected
    ballots), the tie policy (re-vote, older wins, the congress decides), whether a yes/no
    ballot with no box marked anywhere is invalid, whether one agreeing with nobody is, and what
    a re-vote among the tied needs. A variant's name says what it changed, e.g.
    ``qc190+valid_ballots+older_wins``.

    ``neighbours`` adds the other presets (State, People's Council, trade union, Youth Union)
    and their variations. They deduct nothing from those convened, so a roll drawn by
    :func:`rolls` or :func:`counted_contests` under the default rules may carry deductions
    they refuse: draw the roll with ``rolls(rules=...)``, or drop those deductions.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(rule_sets(neighbours=True))
    ... def test_every_policy_cites_a_source(rules):
    ...     assert rules.threshold.citation.source and rules.tie.citation.source
    >>> test_every_policy_cites_a_source()
    """
    presets = st.sampled_from(_presets(neighbours))
    return presets if presets_only else st.one_of(presets, _variant(neighbours))
