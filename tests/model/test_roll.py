"""The roll: base derivation, consistency checks and quorum (RULES §1, §7)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from tally import QC_190, QC_244, CongressKind, Roll, RollError
from tally.model.roll import Deduction, more_than_half

MEMBER = CongressKind.MEMBER_CONGRESS
DELEGATE = CongressKind.DELEGATE_CONGRESS
COMMITTEE = CongressKind.COMMITTEE_CONFERENCE


# --- base derivation ---------------------------------------------------------------------------


def test_member_congress_base_subtracts_every_member_category() -> None:
    roll = Roll(
        kind=MEMBER,
        convened=50,
        present=40,
        deductions={
            Deduction.TEMPORARY_REGISTRATION: 2,
            Deduction.EXEMPT_ABSENT: 3,
            Deduction.SUSPENDED: 1,
            Deduction.PROSECUTED: 1,
            Deduction.ABSENT_WITH_REASON: 2,
        },
    )
    assert roll.deducted == 9
    assert roll.base == 41
    assert roll.min_votes_to_win == 21


def test_member_congress_without_deductions_base_is_convened() -> None:
    roll = Roll(kind=MEMBER, convened=12, present=9)
    assert roll.deducted == 0
    assert roll.base == 12
    assert roll.min_votes_to_win == 7


def test_base_does_not_depend_on_present() -> None:
    # People present who do not vote still count: the base is the roll, not attendance.
    few = Roll(kind=MEMBER, convened=30, present=21, deductions={Deduction.SUSPENDED: 1})
    many = Roll(kind=MEMBER, convened=30, present=29, deductions={Deduction.SUSPENDED: 1})
    assert few.base == many.base == 29


def test_delegate_congress_base() -> None:
    roll = Roll(
        kind=DELEGATE,
        convened=300,
        present=290,
        deductions={
            Deduction.CONVENING_COMMITTEE_ABSENT: 2,
            Deduction.DELEGATE_ABSENT_NO_ALTERNATE: 5,
        },
    )
    assert roll.base == 293
    assert roll.min_votes_to_win == 147


def test_committee_conference_base() -> None:
    roll = Roll(
        kind=COMMITTEE, convened=15, present=13, deductions={Deduction.ABSENT_WITH_REASON: 2}
    )
    assert roll.base == 13
    assert roll.min_votes_to_win == 7


def test_committee_conference_accepts_member_categories() -> None:
    roll = Roll(
        kind=COMMITTEE,
        convened=21,
        present=18,
        deductions={Deduction.SUSPENDED: 1, Deduction.PROSECUTED: 1, Deduction.EXEMPT_ABSENT: 1},
    )
    assert roll.base == 18


def test_deductions_given_by_string_value() -> None:
    roll = Roll(kind=MEMBER, convened=11, present=10, deductions={"absent_with_reason": 1})
    assert roll.base == 10
    assert roll.deductions == {Deduction.ABSENT_WITH_REASON: 1}


@pytest.mark.parametrize(
    ("base", "minimum"),
    [(1, 1), (2, 2), (3, 2), (9, 5), (10, 6), (11, 6), (12, 7), (293, 147), (500, 251)],
)
def test_min_votes_to_win_is_half_plus_one(base: int, minimum: int) -> None:
    roll = Roll(kind=MEMBER, convened=base, present=base)
    assert roll.min_votes_to_win == minimum
    assert more_than_half(minimum, base)
    assert not more_than_half(minimum - 1, base)


def test_deduction_lines_in_canonical_order_without_zeros() -> None:
    roll = Roll(
        kind=MEMBER,
        convened=40,
        present=30,
        deductions={
            Deduction.ABSENT_WITH_REASON: 2,
            Deduction.SUSPENDED: 0,
            Deduction.TEMPORARY_REGISTRATION: 1,
        },
    )
    assert roll.deduction_lines() == [
        (Deduction.TEMPORARY_REGISTRATION, 1),
        (Deduction.ABSENT_WITH_REASON, 2),
    ]
    assert roll.base == 37


def test_roll_is_frozen() -> None:
    roll = Roll(kind=MEMBER, convened=10, present=10)
    with pytest.raises(ValidationError):
        roll.convened = 11  # type: ignore[misc]


def test_roll_rejects_unknown_field() -> None:
    with pytest.raises(ValidationError):
        Roll(kind=MEMBER, convened=10, present=10, voters=9)  # type: ignore[call-arg]


# --- inconsistent rolls ------------------------------------------------------------------------


def roll_error(**fields: object) -> RollError:
    with pytest.raises(RollError) as info:
        Roll(**fields)
    return info.value


def test_negative_convened_rejected() -> None:
    err = roll_error(kind=MEMBER, convened=-1, present=0)
    assert err.code == "roll.negative"
    assert err.where.field == "convened"


def test_negative_present_rejected() -> None:
    err = roll_error(kind=MEMBER, convened=10, present=-2)
    assert err.code == "roll.negative"
    assert err.where.field == "present"
    assert "-2" in err.message("en")


def test_negative_deduction_rejected() -> None:
    err = roll_error(kind=MEMBER, convened=10, present=8, deductions={Deduction.SUSPENDED: -1})
    assert err.code == "roll.negative"
    assert err.where.field == "deductions.suspended"


def test_zero_convened_rejected() -> None:
    err = roll_error(kind=MEMBER, convened=0, present=0)
    assert err.code == "roll.convened_zero"
    assert err.where.field == "convened"


def test_present_more_than_convened_rejected() -> None:
    err = roll_error(kind=MEMBER, convened=10, present=11)
    assert err.code == "roll.present_exceeds"
    assert err.where.field == "present"
    assert "11 present is more than the 10 convened" in err.message("en")


def test_present_equal_to_convened_accepted() -> None:
    assert Roll(kind=MEMBER, convened=10, present=10).base == 10


@pytest.mark.parametrize("deducted", [5, 6])
def test_deductions_not_less_than_convened_rejected(deducted: int) -> None:
    err = roll_error(
        kind=MEMBER,
        convened=5,
        present=0,
        deductions={Deduction.TEMPORARY_REGISTRATION: deducted},
    )
    assert err.code == "roll.deductions_exceed"
    assert err.where.field == "deductions"


def test_deductions_one_less_than_convened_leaves_base_one() -> None:
    roll = Roll(
        kind=MEMBER, convened=5, present=1, deductions={Deduction.TEMPORARY_REGISTRATION: 4}
    )
    assert roll.base == 1
    assert roll.min_votes_to_win == 1


@pytest.mark.parametrize(
    "category", [Deduction.CONVENING_COMMITTEE_ABSENT, Deduction.DELEGATE_ABSENT_NO_ALTERNATE]
)
def test_delegate_category_not_allowed_at_member_congress(category: Deduction) -> None:
    err = roll_error(kind=MEMBER, convened=10, present=8, deductions={category: 1})
    assert err.code == "roll.category_kind"
    assert err.where.field == f"deductions.{category.value}"
    assert "absent_with_reason" in err.message("en")  # says what is allowed


@pytest.mark.parametrize(
    "category",
    [
        Deduction.TEMPORARY_REGISTRATION,
        Deduction.EXEMPT_ABSENT,
        Deduction.SUSPENDED,
        Deduction.PROSECUTED,
        Deduction.ABSENT_WITH_REASON,
    ],
)
def test_member_category_not_allowed_at_delegate_congress(category: Deduction) -> None:
    err = roll_error(kind=DELEGATE, convened=100, present=90, deductions={category: 1})
    assert err.code == "roll.category_kind"
    assert err.where.field == f"deductions.{category.value}"


def test_delegate_category_not_allowed_at_committee_conference() -> None:
    err = roll_error(
        kind=COMMITTEE,
        convened=15,
        present=14,
        deductions={Deduction.DELEGATE_ABSENT_NO_ALTERNATE: 1},
    )
    assert err.code == "roll.category_kind"
    assert err.where.field == "deductions.delegate_absent_no_alternate"


def test_present_plus_absent_with_reason_exceeding_convened_rejected() -> None:
    err = roll_error(
        kind=MEMBER, convened=10, present=9, deductions={Deduction.ABSENT_WITH_REASON: 2}
    )
    assert err.code == "roll.present_vs_absent"
    assert err.where.field == "present"


def test_present_plus_exempt_absent_exceeding_convened_rejected() -> None:
    err = roll_error(kind=MEMBER, convened=20, present=18, deductions={Deduction.EXEMPT_ABSENT: 3})
    assert err.code == "roll.present_vs_absent"
    assert err.where.field == "present"
    assert "exempt_absent" in err.message("en")


def test_present_plus_delegate_absences_exceeding_convened_rejected() -> None:
    err = roll_error(
        kind=DELEGATE,
        convened=100,
        present=97,
        deductions={
            Deduction.CONVENING_COMMITTEE_ABSENT: 1,
            Deduction.DELEGATE_ABSENT_NO_ALTERNATE: 3,
        },
    )
    assert err.code == "roll.present_vs_absent"
    assert err.where.field == "present"


def test_present_plus_absent_equal_to_convened_accepted() -> None:
    roll = Roll(kind=MEMBER, convened=10, present=8, deductions={Deduction.ABSENT_WITH_REASON: 2})
    assert roll.base == 8


def test_non_absent_categories_may_be_present() -> None:
    # Suspended or temporarily registered members are not absent by definition: present may be
    # everyone convened (they attend but are not counted in the base).
    roll = Roll(
        kind=MEMBER,
        convened=10,
        present=10,
        deductions={Deduction.SUSPENDED: 1, Deduction.TEMPORARY_REGISTRATION: 1},
    )
    assert roll.base == 8


def test_roll_error_messages_in_both_languages() -> None:
    err = roll_error(kind=MEMBER, convened=10, present=11)
    assert err.message("vi") != err.message("en")
    assert "trường present" in err.message("vi")
    assert "field present" in err.message("en")


# --- quorum ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("convened", "present", "required", "met"),
    [
        (30, 20, 20, True),
        (30, 19, 20, False),
        (10, 7, 7, True),  # 2/3 of 10 is 6.67: 7 needed
        (10, 6, 7, False),
        (9, 6, 6, True),
        (9, 5, 6, False),
        (11, 8, 8, True),  # 2/3 of 11 is 7.33
        (11, 7, 8, False),
        (1, 1, 1, True),
    ],
)
def test_quorum_two_thirds_of_convened(
    convened: int, present: int, required: int, met: bool
) -> None:
    finding = QC_190.quorum.check(Roll(kind=MEMBER, convened=convened, present=present))
    assert finding.required == required
    assert finding.met is met
    assert finding.present == present
    assert finding.convened == convened


def test_quorum_counts_convened_not_base() -> None:
    # 30 convened, 6 deducted (base 24): 2/3 of the convened (20) is needed, not 2/3 of 24.
    roll = Roll(
        kind=MEMBER,
        convened=30,
        present=19,
        deductions={Deduction.TEMPORARY_REGISTRATION: 6},
    )
    finding = QC_190.quorum.check(roll)
    assert finding.required == 20
    assert not finding.met


def test_quorum_same_under_qc244() -> None:
    roll = Roll(kind=DELEGATE, convened=150, present=100)
    assert QC_244.quorum.check(roll) == QC_190.quorum.check(roll)
    assert QC_190.quorum.check(roll).required == 100
    assert QC_190.quorum.check(roll).met


def test_quorum_configurable_fraction() -> None:
    half = QC_190.quorum.model_copy(update={"numerator": 1, "denominator": 2})
    finding = half.check(Roll(kind=MEMBER, convened=11, present=6))
    assert finding.required == 6
    assert finding.met
