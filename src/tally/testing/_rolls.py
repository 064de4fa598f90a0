"""Rolls (convened, present, deductions) consistent with each kind of congress."""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from tally.model.roll import ABSENT_BY_DEFINITION, CongressKind, Deduction, Roll
from tally.model.rules import DEFAULT_RULES, RuleSet


@st.composite
def _roll(
    draw: st.DrawFn,
    kind: CongressKind | None,
    min_convened: int,
    max_convened: int,
    rules: RuleSet,
) -> Roll:
    kind = kind if kind is not None else draw(st.sampled_from(tuple(CongressKind)))
    convened = draw(st.integers(min_convened, max_convened))
    allowed = rules.deductions.allowed(kind)
    deductions: dict[Deduction, int] = {}
    room = convened - 1  # the base must stay positive
    for category in Deduction:
        if category not in allowed or room == 0:
            continue
        number = draw(st.integers(0, min(room, max(1, convened // 8))))
        if number:
            deductions[category] = number
            room -= number
    absent = sum(n for c, n in deductions.items() if c in ABSENT_BY_DEFINITION)
    could_attend = convened - absent
    # Most congresses are well attended: shrinking goes to everyone able to attend present.
    missing = draw(st.just(0) | st.integers(0, could_attend // 10) | st.integers(0, could_attend))
    return Roll(kind=kind, convened=convened, present=could_attend - missing, deductions=deductions)


def rolls(
    kind: CongressKind | None = None,
    *,
    min_convened: int = 1,
    max_convened: int = 400,
    rules: RuleSet = DEFAULT_RULES,
) -> st.SearchStrategy[Roll]:
    """Consistent rolls: deductions only of the categories ``rules`` takes off the base for the
    kind of congress (a committee conference under the Party presets: QĐ 24-QĐ/TW 9.3.3),
    a positive base, and nobody both deducted as absent and counted present.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(rolls(CongressKind.DELEGATE_CONGRESS))
    ... def test_base(roll):
    ...     assert 1 <= roll.base <= roll.convened and roll.present <= roll.convened
    >>> test_base()
    """
    if not 1 <= min_convened <= max_convened:
        raise InvalidArgument(
            f"need 1 <= min_convened <= max_convened, got {min_convened}, {max_convened}"
        )
    return _roll(kind, min_convened, max_convened, rules)
