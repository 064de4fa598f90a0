"""The roll: who is convened, who is deducted, who is present — and the threshold base.

A winner needs strictly more than half of the **base**, a number fixed from the roll at the
congress, never the number of ballots cast (RULES §1; QĐ 190-QĐ/TW Điều 30, QĐ 244-QĐ/TW Điều 32).

>>> roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=11, present=10,
...             deductions={Deduction.ABSENT_WITH_REASON: 1})
>>> roll.base, roll.min_votes_to_win
(10, 6)
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from pydantic import model_validator

from tally.arguments import checked
from tally.errors import Location, RollError
from tally.i18n.labels import Term
from tally.model.base import FrozenModel


class CongressKind(StrEnum):
    """The kind of meeting, which decides how the base is derived."""

    MEMBER_CONGRESS = "member_congress"
    """Đại hội đảng viên (or a chi bộ meeting): every official member is convened."""
    DELEGATE_CONGRESS = "delegate_congress"
    """Đại hội đại biểu: official delegates are convened."""
    COMMITTEE_CONFERENCE = "committee_conference"
    """Hội nghị cấp ủy: the members of a body (e.g. the new BCH electing its BTV)."""


class Deduction(StrEnum):
    """A category of people convened who do not count in the base (RULES §1)."""

    TEMPORARY_REGISTRATION = "temporary_registration"
    """Sinh hoạt tạm thời ở đảng bộ khác."""
    EXEMPT_ABSENT = "exempt_absent"
    """Miễn công tác và sinh hoạt đảng **và không có mặt** (exempted members who attend count)."""
    SUSPENDED = "suspended"
    """Đang bị đình chỉ sinh hoạt đảng."""
    PROSECUTED = "prosecuted"
    """Bị khởi tố, truy tố, tạm giam."""
    ABSENT_WITH_REASON = "absent_with_reason"
    """Vắng mặt suốt thời gian đại hội có lý do được cấp ủy chấp nhận."""
    CONVENING_COMMITTEE_ABSENT = "convening_committee_absent"
    """Cấp ủy viên triệu tập đại hội vắng mặt suốt thời gian đại hội."""
    DELEGATE_ABSENT_NO_ALTERNATE = "delegate_absent_no_alternate"
    """Đại biểu chính thức vắng mặt suốt thời gian đại hội, không có đại biểu dự khuyết thay."""


_MEMBER_DEDUCTIONS = frozenset(
    {
        Deduction.TEMPORARY_REGISTRATION,
        Deduction.EXEMPT_ABSENT,
        Deduction.SUSPENDED,
        Deduction.PROSECUTED,
        Deduction.ABSENT_WITH_REASON,
    }
)
ALLOWED_DEDUCTIONS: dict[CongressKind, frozenset[Deduction]] = {
    CongressKind.MEMBER_CONGRESS: _MEMBER_DEDUCTIONS,
    # RULES §1 [U]: a committee conference uses the member congress's exclusions.
    CongressKind.COMMITTEE_CONFERENCE: _MEMBER_DEDUCTIONS,
    CongressKind.DELEGATE_CONGRESS: frozenset(
        {Deduction.CONVENING_COMMITTEE_ABSENT, Deduction.DELEGATE_ABSENT_NO_ALTERNATE}
    ),
}

# Categories whose people are, by definition, not present: they cannot also be counted present.
ABSENT_BY_DEFINITION = frozenset(
    {
        Deduction.EXEMPT_ABSENT,
        Deduction.ABSENT_WITH_REASON,
        Deduction.CONVENING_COMMITTEE_ABSENT,
        Deduction.DELEGATE_ABSENT_NO_ALTERNATE,
    }
)


def check_deductions(kind: CongressKind, deductions: dict[Deduction, int]) -> None:
    """Each deduction is a category of ``kind`` and not negative; errors name the field."""
    allowed = ALLOWED_DEDUCTIONS[kind]
    for category, count in deductions.items():
        field = f"deductions.{category.value}"
        if category not in allowed:
            raise RollError(
                "roll.category_kind",
                Location(field=field),
                category=category.value,
                label=Term(category),
                kind=Term(kind),
                allowed=", ".join(sorted(c.value for c in allowed)),
            )
        if count < 0:
            raise RollError("roll.negative", Location(field=field), field=field, value=count)


class Roll(FrozenModel):
    """Convened, deductions by category and present, for one voting body.

    Deductions are listed in the order of :class:`Deduction`; a zero deduction may be omitted.
    """

    kind: CongressKind
    convened: int
    present: int
    deductions: dict[Deduction, int] = {}  # noqa: RUF012 (a pydantic field: copied per value)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        for field, value in (("convened", self.convened), ("present", self.present)):
            if value < 0:
                raise RollError("roll.negative", Location(field=field), field=field, value=value)
        if self.convened == 0:
            raise RollError("roll.convened_zero", Location(field="convened"))
        check_deductions(self.kind, self.deductions)
        if self.present > self.convened:
            raise RollError(
                "roll.present_exceeds",
                Location(field="present"),
                present=self.present,
                convened=self.convened,
            )
        if self.deducted >= self.convened:
            raise RollError(
                "roll.deductions_exceed",
                Location(field="deductions"),
                deducted=self.deducted,
                convened=self.convened,
            )
        absent = {c: n for c, n in self.deductions.items() if c in ABSENT_BY_DEFINITION and n}
        if self.present + sum(absent.values()) > self.convened:
            raise RollError(
                "roll.present_vs_absent",
                Location(field="present"),
                present=self.present,
                absent=sum(absent.values()),
                categories=", ".join(c.value for c in absent),
                convened=self.convened,
            )
        return self

    @property
    def deducted(self) -> int:
        """Total deducted from the convened."""
        return sum(self.deductions.values())

    @property
    def base(self) -> int:
        """The threshold base: convened minus every deduction (RULES §1)."""
        return self.convened - self.deducted

    @property
    def min_votes_to_win(self) -> int:
        """The fewest votes that are strictly more than half of the base: ``base // 2 + 1``."""
        return self.base // 2 + 1

    def deduction_lines(self) -> list[tuple[Deduction, int]]:
        """Non-zero deductions in the canonical category order, for the minutes."""
        return [(c, self.deductions[c]) for c in Deduction if self.deductions.get(c)]


@checked
def more_than_half(votes: int, base: int) -> bool:
    """The election test: strictly more than half of the base, in integers (``2*votes > base``).

    >>> more_than_half(5, 10), more_than_half(6, 10), more_than_half(6, 11)
    (False, True, True)
    """
    return 2 * votes > base
