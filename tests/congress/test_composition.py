"""The composition of an elected body: counts from recorded data only, targets in integers."""

from __future__ import annotations

import datetime as dt

from tally.congress.composition import Targets, composition
from tally.model.contest import Candidate

ON = dt.date(2025, 7, 1)


def test_unknown_data_is_counted_as_unknown_not_guessed() -> None:
    people = [
        Candidate(name="Lê Thị Hoa", gender="female"),
        Candidate(name="Trần Văn Nam"),
        Candidate(name="Vũ Văn Tư", birth_date=dt.date(1985, 7, 2), ethnicity="Kinh"),
    ]
    made = composition(people, ON)
    assert (made.women, made.men, made.gender_unknown) == (1, 0, 2)
    assert (made.minorities, made.ethnicity_unknown) == (0, 2)
    assert made.age_bands["under_40"] == 1  # 39 on the congress date
    assert made.age_unknown == 2
    assert made.incumbency_unknown == 3


def test_age_is_taken_on_the_congress_date() -> None:
    turns_40_next_day = Candidate(name="Lê Văn An", birth_date=dt.date(1985, 7, 2))
    turned_40 = Candidate(name="Lê Văn Bình", birth_date=dt.date(1985, 7, 1))
    made = composition([turns_40_next_day, turned_40], ON)
    assert made.age_bands == {"under_40": 1, "40_49": 1, "50_59": 0, "60_and_over": 0}


def test_targets_are_checked_in_integers() -> None:
    people = [Candidate(name=f"Lê Thị {g}", gender="female") for g in ("An", "Bình")]
    people += [Candidate(name=f"Lê Văn {g}", gender="male") for g in ("Cường", "Dũng", "Em")]
    people += [Candidate(name=f"Lê Văn {g}", gender="male") for g in ("Giang", "Hải", "Khoa")]
    people += [Candidate(name=f"Lê Văn {g}", gender="male") for g in ("Lâm", "Minh")]
    exactly = composition(people, ON, Targets(women_percent=20))  # 2 of 10 is exactly 20%
    above = composition(people, ON, Targets(women_percent=21))
    assert exactly.findings[0].met is True
    assert above.findings[0].met is False


def test_a_share_is_never_rounded_up_to_meet_a_target() -> None:
    """2 of 3 is 66.67%: it meets 66% and misses 67% (200 < 201), though it would print as 67%."""
    people = [Candidate(name=f"Lê Thị {g}", gender="female") for g in ("An", "Bình")]
    people.append(Candidate(name="Lê Văn Cường", gender="male"))
    assert composition(people, ON, Targets(women_percent=66)).findings[0].met is True
    assert composition(people, ON, Targets(women_percent=67)).findings[0].met is False


def test_targets_are_whole_percentages_and_ethnicity_is_compared_loosely() -> None:
    import pydantic
    import pytest

    for bad in (-20, 500, True, "20"):
        with pytest.raises(pydantic.ValidationError):
            Targets(women_percent=bad)
    people = [
        Candidate(name="Lê Văn An", ethnicity=" kinh "),
        Candidate(name="Lò Văn Bình", ethnicity="Thái"),
    ]
    assert composition(people, ON).minorities == 1


def test_committee_roll_is_checked_even_before_the_committee_is_elected() -> None:
    import pytest

    from tally import RollError
    from tally.congress.plan import CommitteeRoll

    with pytest.raises(RollError):
        CommitteeRoll(present=-3)
    with pytest.raises(RollError) as raised:
        CommitteeRoll(present=3, deductions={"delegate_absent_no_alternate": 1})
    assert raised.value.where.field == "deductions.delegate_absent_no_alternate"
