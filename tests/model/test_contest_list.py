"""Contests: ballot order, ballot form, duplicates and the list/surplus rule (RULES §2, §5)."""

from __future__ import annotations

import itertools
import unicodedata

import pytest
from pydantic import ValidationError

from tally import QC_190, QC_244, Body, Contest, ContestError
from tally.model.contest import BallotForm, Candidate, check_list

MIDDLES = ["Văn", "Thị", "Hữu", "Ngọc", "Minh", "Đức"]
GIVENS = ["An", "Bình", "Cường", "Dung", "Đức", "Giang", "Hà", "Khánh", "Lan", "Tâm"]
# 60 distinct names, letters only.
POOL = [f"Nguyễn {m} {g}" for m, g in itertools.product(MIDDLES, GIVENS)]


def contest(body: Body, seats: int, n: int, id: str = "c") -> Contest:
    return Contest(id=id, body=body, seats=seats, candidates=POOL[:n])


def list_error(body: Body, seats: int, n: int) -> ContestError:
    with pytest.raises(ContestError) as info:
        check_list(contest(body, seats, n, id="bch"))
    return info.value


# --- ballot order and form ---------------------------------------------------------------------


def test_candidates_stored_in_ballot_order() -> None:
    c = Contest(
        id="bch",
        body=Body.EXECUTIVE_COMMITTEE,
        seats=4,
        candidates=["Trần Văn Đức", "Lê Thị Dung", "Nguyễn Văn An", "Phạm Thị Bình", "Đỗ Văn Ân"],
    )
    assert c.names == (
        "Nguyễn Văn An",
        "Đỗ Văn Ân",
        "Phạm Thị Bình",
        "Lê Thị Dung",
        "Trần Văn Đức",
    )
    assert [cand.name for cand in c.candidates] == list(c.names)


def test_ballot_order_independent_of_input_order() -> None:
    names = ["Trần Văn Đức", "Lê Thị Dung", "Nguyễn Văn An", "Phạm Thị Bình"]
    forward = Contest(id="x", body=Body.UPPER_DELEGATES, seats=2, candidates=names)
    backward = Contest(id="x", body=Body.UPPER_DELEGATES, seats=2, candidates=names[::-1])
    assert (
        forward.names
        == backward.names
        == (
            "Nguyễn Văn An",
            "Phạm Thị Bình",
            "Lê Thị Dung",
            "Trần Văn Đức",
        )
    )


def test_candidate_objects_keep_their_data_in_ballot_order() -> None:
    from datetime import date

    c = Contest(
        id="x",
        body=Body.UPPER_DELEGATES,
        seats=1,
        candidates=[
            Candidate(name="Lê Văn Đạt", birth_date=date(1970, 1, 2)),
            Candidate(name="Lê Văn Dũng", birth_date=date(1980, 3, 4)),
        ],
    )
    assert c.names == ("Lê Văn Dũng", "Lê Văn Đạt")
    assert c.candidates[0].birth_date == date(1980, 3, 4)
    assert c.candidates[1].birth_date == date(1970, 1, 2)


def test_candidate_names_are_normalised() -> None:
    c = Contest(
        id="x",
        body=Body.SECRETARY,
        seats=1,
        candidates=["  " + unicodedata.normalize("NFD", "Trần   Văn Đức") + " "],
    )
    assert c.names == ("Trần Văn Đức",)


def test_number_of_by_name_and_number() -> None:
    c = Contest(
        id="x",
        body=Body.UPPER_DELEGATES,
        seats=2,
        candidates=["Trần Văn Đức", "Lê Thị Dung", "Nguyễn Văn An"],
    )
    assert c.number_of("Nguyễn Văn An") == 1
    assert c.number_of("Lê Thị Dung") == 2
    assert c.number_of("Trần Văn Đức") == 3
    assert c.number_of(3) == 3
    assert c.number_of("2") == 2
    assert c.number_of(" trần  văn ĐỨC ") == 3
    assert c.number_of(unicodedata.normalize("NFD", "Trần Văn Đức")) == 3


@pytest.mark.parametrize("ref", [0, 4, -1, "0", "4", "Hoàng Văn Em", "", "Trần Văn"])
def test_number_of_unknown_reference_raises_key_error(ref: int | str) -> None:
    c = Contest(
        id="x",
        body=Body.UPPER_DELEGATES,
        seats=2,
        candidates=["Trần Văn Đức", "Lê Thị Dung", "Nguyễn Văn An"],
    )
    with pytest.raises(KeyError):
        c.number_of(ref)


@pytest.mark.parametrize(
    ("seats", "n", "form"),
    [
        (1, 1, BallotForm.YES_NO),
        (1, 2, BallotForm.STRIKE_OUT),
        (3, 3, BallotForm.YES_NO),
        (3, 2, BallotForm.YES_NO),
        (3, 4, BallotForm.STRIKE_OUT),
        (33, 42, BallotForm.STRIKE_OUT),
    ],
)
def test_form_strike_out_when_list_longer_than_seats(seats: int, n: int, form: BallotForm) -> None:
    assert contest(Body.UPPER_DELEGATES, seats, n).form is form


def test_zero_seats_rejected() -> None:
    with pytest.raises(ContestError) as info:
        contest(Body.SECRETARY, 0, 1)
    assert info.value.code == "contest.seats"
    assert info.value.where.field == "seats"


def test_empty_list_rejected() -> None:
    with pytest.raises(ContestError) as info:
        Contest(id="x", body=Body.SECRETARY, seats=1, candidates=[])
    assert info.value.code == "contest.no_candidates"


def test_contest_is_frozen() -> None:
    c = contest(Body.SECRETARY, 1, 1)
    with pytest.raises(ValidationError):
        c.seats = 2  # type: ignore[misc]


# --- duplicates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "Nguyễn Văn An",
        "nguyễn văn an",
        "NGUYỄN VĂN AN",
        "  Nguyễn   Văn  An ",
        unicodedata.normalize("NFD", "Nguyễn Văn An"),
    ],
    ids=["exact", "lower", "upper", "spaces", "nfd"],
)
def test_duplicate_candidate_rejected(second: str) -> None:
    with pytest.raises(ContestError) as info:
        Contest(
            id="x",
            body=Body.UPPER_DELEGATES,
            seats=1,
            candidates=["Nguyễn Văn An", "Lê Thị Bình", second],
        )
    err = info.value
    same_text = " ".join(unicodedata.normalize("NFC", second).split()) == "Nguyễn Văn An"
    # The same text: one name shown; another spelling of it: both spellings shown (issue 11).
    assert err.code == (
        "contest.duplicate_candidate" if same_text else "contest.lookalike_candidates"
    )
    assert err.where.field == "candidates#3"
    for lang in ("vi", "en"):
        assert "Nguyễn Văn An" in err.message(lang)
        assert " ".join(unicodedata.normalize("NFC", second).split()) in err.message(lang)


def test_duplicate_candidate_objects_rejected() -> None:
    with pytest.raises(ContestError):
        Contest(
            id="x",
            body=Body.UPPER_DELEGATES,
            seats=1,
            candidates=[Candidate(name="Lê Thị Bình"), Candidate(name="Lê Thị Bình")],
        )


def test_same_given_name_different_people_accepted() -> None:
    c = Contest(
        id="x",
        body=Body.UPPER_DELEGATES,
        seats=1,
        candidates=["Nguyễn Văn An", "Nguyễn Thị An"],
    )
    assert c.names == ("Nguyễn Thị An", "Nguyễn Văn An")


# --- list length: committees must have a surplus -----------------------------------------------


@pytest.mark.parametrize(
    "body", [Body.EXECUTIVE_COMMITTEE, Body.STANDING_COMMITTEE, Body.CELL_COMMITTEE]
)
@pytest.mark.parametrize(("seats", "n"), [(9, 9), (9, 8), (3, 3), (1, 1)])
def test_committee_list_not_longer_than_seats_rejected(body: Body, seats: int, n: int) -> None:
    err = list_error(body, seats, n)
    assert err.code == "contest.list_not_longer"
    assert err.where.field == "contest.bch.candidates"


def test_list_not_longer_messages_say_the_minimum() -> None:
    err = list_error(Body.EXECUTIVE_COMMITTEE, 9, 9)
    assert "At least 10 are needed" in err.message("en")
    assert "executive committee" in err.message("en")
    assert "Cần ít nhất 10 người" in err.message("vi")
    assert "Ban Chấp hành" in err.message("vi")
    assert "QĐ 190-QĐ/TW, Art. 14" in err.message("en")
    assert "QĐ 190-QĐ/TW, Điều 14" in err.message("vi")


# --- surplus at most 30% of the seats ----------------------------------------------------------


@pytest.mark.parametrize("n", [34, 40, 42])
def test_33_seats_list_up_to_42_accepted(n: int) -> None:
    # 30% of 33 is 9.9: a surplus of at most 9 people.
    check_list(contest(Body.EXECUTIVE_COMMITTEE, 33, n))


@pytest.mark.parametrize("n", [43, 45])
def test_33_seats_list_of_43_or_more_rejected(n: int) -> None:
    err = list_error(Body.EXECUTIVE_COMMITTEE, 33, n)
    assert err.code == "contest.surplus_too_large"
    assert err.where.field == "contest.bch.candidates"
    assert err.params["maximum"] == 9
    assert err.params["allowed_n"] == 42


def test_surplus_message_says_what_is_allowed_in_both_languages() -> None:
    err = list_error(Body.EXECUTIVE_COMMITTEE, 33, 43)
    en, vi = err.message("en"), err.message("vi")
    assert "surplus of 10 is too large" in en
    assert "at most 9" in en
    assert "at most 42 names" in en
    assert "Số dư 10 vượt mức cho phép" in vi
    assert "tối đa 9 người" in vi
    assert "tối đa 42 người" in vi
    assert en != vi


def test_03_hd_tw_example_35_seats_at_most_45() -> None:
    # 35 seats: 30% is 10.5, so at most 10 surplus, a list of at most 45 (48 is too long).
    check_list(contest(Body.EXECUTIVE_COMMITTEE, 35, 45))
    for n in (46, 48):
        err = list_error(Body.EXECUTIVE_COMMITTEE, 35, n)
        assert err.code == "contest.surplus_too_large"
        assert "at most 45 names" in err.message("en")
        assert "tối đa 45 người" in err.message("vi")


@pytest.mark.parametrize(
    ("seats", "largest_ok"),
    [(6, 7), (7, 9), (10, 13), (15, 19), (20, 26), (45, 58)],
)
def test_thirty_percent_rounds_down(seats: int, largest_ok: int) -> None:
    # 6 → 1.8 → 1; 7 → 2.1 → 2; 10 → 3; 15 → 4.5 → 4; 20 → 6; 45 → 13.5 → 13.
    check_list(contest(Body.EXECUTIVE_COMMITTEE, seats, largest_ok))
    with pytest.raises(ContestError):
        check_list(contest(Body.EXECUTIVE_COMMITTEE, seats, largest_ok + 1))


@pytest.mark.parametrize("seats", [3, 4, 5])
@pytest.mark.parametrize("body", [Body.STANDING_COMMITTEE, Body.CELL_COMMITTEE])
def test_bodies_of_three_to_five_at_most_one_surplus(body: Body, seats: int) -> None:
    check_list(contest(body, seats, seats + 1))
    err = list_error(body, seats, seats + 2)
    assert err.code == "contest.surplus_too_large"
    assert err.params["maximum"] == 1
    assert f"at most {seats + 1} names" in err.message("en")
    assert "tối đa 1 người" in err.message("vi")


def test_standing_committee_surplus_rule() -> None:
    # A BTV of 11: 30% is 3.3, so up to 14 names.
    check_list(contest(Body.STANDING_COMMITTEE, 11, 14))
    assert list_error(Body.STANDING_COMMITTEE, 11, 15).code == "contest.surplus_too_large"


def test_same_surplus_rule_under_qc244() -> None:
    check_list(contest(Body.EXECUTIVE_COMMITTEE, 33, 42), QC_244)
    with pytest.raises(ContestError) as info:
        check_list(contest(Body.EXECUTIVE_COMMITTEE, 33, 43), QC_244)
    assert "QĐ 244-QĐ/TW, Art. 14" in info.value.message("en")


def test_surplus_policy_max_surplus_values() -> None:
    policy = QC_190.surplus
    assert [policy.max_surplus(s) for s in (3, 4, 5, 6, 9, 10, 33, 35)] == [1, 1, 1, 1, 2, 3, 9, 10]


# --- posts without a surplus rule --------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        Body.SECRETARY,
        Body.DEPUTY_SECRETARY,
        Body.CELL_SECRETARY,
        Body.CELL_DEPUTY_SECRETARY,
        Body.INSPECTION_CHAIR,
    ],
)
def test_one_name_list_for_one_post_is_fine(body: Body) -> None:
    c = contest(body, 1, 1)
    check_list(c)
    assert c.form is BallotForm.YES_NO


@pytest.mark.parametrize(
    ("body", "seats", "n"),
    [
        (Body.INSPECTION_COMMISSION, 5, 5),
        (Body.INSPECTION_COMMISSION, 5, 9),
        (Body.UPPER_DELEGATES, 10, 10),
        (Body.UPPER_DELEGATES, 10, 20),
        (Body.DEPUTY_SECRETARY, 2, 2),
        (Body.SECRETARY, 1, 3),
    ],
)
def test_non_committee_lists_have_no_surplus_rule(body: Body, seats: int, n: int) -> None:
    check_list(contest(body, seats, n))


def test_surplus_rule_in_further_rounds_is_a_policy() -> None:
    from tally.model.rules import RoundPolicy

    round_two = Contest(
        id="bch.r2",
        body=Body.EXECUTIVE_COMMITTEE,
        seats=1,
        round=2,
        candidates=["Lê Văn An", "Lê Văn Bình", "Lê Văn Cường", "Lê Văn Dũng"],
    )
    check_list(round_two, QC_190)  # default: the congress decided this list
    strict = QC_190.model_copy(
        update={
            "rounds": RoundPolicy(surplus_in_further_rounds=True, citation=QC_190.rounds.citation)
        }
    )
    with pytest.raises(ContestError):
        check_list(round_two, strict)
