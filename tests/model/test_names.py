"""Vietnamese names: parsing, normalisation and ballot order (RULES §2)."""

from __future__ import annotations

import unicodedata

import pytest

from tally import NameFormatError
from tally.model.contest import Candidate
from tally.model.names import PersonName, ballot_order_key, normalize_name, parse_name


def ballot_sorted(names: list[str]) -> list[str]:
    return sorted(names, key=ballot_order_key)


def given_sorted(givens: list[str]) -> list[str]:
    """Sort given names on a common surname and middle name; return the given names."""
    full = ballot_sorted([f"Lê Văn {g}" for g in givens])
    return [parse_name(n).given for n in full]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- parsing -----------------------------------------------------------------------------------


def test_parse_three_part_name() -> None:
    assert parse_name("Nguyễn Văn An") == PersonName(surname="Nguyễn", middle="Văn", given="An")


def test_parse_several_middle_names() -> None:
    person = parse_name("Nguyễn Thị Minh Khai")
    assert person == PersonName(surname="Nguyễn", middle="Thị Minh", given="Khai")
    assert person.full == "Nguyễn Thị Minh Khai"


def test_parse_two_word_name_has_no_middle() -> None:
    person = parse_name("Lê Tám")
    assert person == PersonName(surname="Lê", middle="", given="Tám")
    assert person.full == "Lê Tám"


def test_parse_one_word_name_is_given_name_only() -> None:
    person = parse_name("Tám")
    assert person == PersonName(surname="", middle="", given="Tám")
    assert person.full == "Tám"


def test_parse_collapses_extra_spaces() -> None:
    person = parse_name("  Nguyễn   Thị  Minh   Khai ")
    assert person == PersonName(surname="Nguyễn", middle="Thị Minh", given="Khai")
    assert person.full == "Nguyễn Thị Minh Khai"


def test_normalize_collapses_tabs_and_newlines() -> None:
    assert normalize_name("\tTrần \n Văn\t\tĐức  ") == "Trần Văn Đức"


# --- NFC normalisation -------------------------------------------------------------------------


def test_nfd_name_normalised_to_nfc() -> None:
    decomposed = nfd("Nguyễn Thị Hường")
    assert decomposed != "Nguyễn Thị Hường"  # the input really is decomposed
    result = normalize_name(decomposed)
    assert result == "Nguyễn Thị Hường"
    assert unicodedata.is_normalized("NFC", result)


def test_nfd_name_parses_equal_to_nfc() -> None:
    assert parse_name(nfd("Đặng Thị Ngọc Ánh")) == parse_name("Đặng Thị Ngọc Ánh")


def test_nfd_name_has_same_ballot_key_as_nfc() -> None:
    assert ballot_order_key(nfd("Phạm Văn Đồng")) == ballot_order_key("Phạm Văn Đồng")


def test_combining_marks_in_either_order_give_the_same_name() -> None:
    # ộ = o + circumflex + dot below, typed with the marks in either order.
    one = "Nguye\u0302\u0303n Văn Thô\u0323"
    other = "Nguye\u0302\u0303n Văn Tho\u0323\u0302"
    assert normalize_name(one) == normalize_name(other) == "Nguyễn Văn Thộ"


def test_candidate_name_stored_as_nfc_single_spaced() -> None:
    candidate = Candidate(name="  " + nfd("Trần   Thị Thu  Hằng"))
    assert candidate.name == "Trần Thị Thu Hằng"
    assert candidate.person == PersonName(surname="Trần", middle="Thị Thu", given="Hằng")


# --- ethnic-minority names ----------------------------------------------------------------------


def test_apostrophe_name_parses() -> None:
    person = parse_name("Ksor H'Bơi")
    assert person == PersonName(surname="Ksor", middle="", given="H'Bơi")
    assert person.full == "Ksor H'Bơi"


def test_hyphenated_name_parses() -> None:
    assert parse_name("Nay Y-Blô") == PersonName(surname="Nay", middle="", given="Y-Blô")


def test_apostrophe_name_in_ballot_order() -> None:
    # Given names Giang, H'Bơi, Hoa, Hùng: h'b… sorts after g and before ho…/hu…, whether the
    # apostrophe ranks below every letter or is ignored (b < o < u either way).
    names = ["Nguyễn Thị Hoa", "Lê Văn Hùng", "Ksor H'Bơi", "Trần Văn Giang"]
    assert ballot_sorted(names) == ["Trần Văn Giang", "Ksor H'Bơi", "Nguyễn Thị Hoa", "Lê Văn Hùng"]


# --- invalid names -----------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["", "   ", "\t\n"])
def test_empty_name_rejected(raw: str) -> None:
    with pytest.raises(NameFormatError) as info:
        normalize_name(raw)
    assert info.value.code == "name.empty"


@pytest.mark.parametrize(
    ("raw", "char"),
    [("Nguyễn Văn 2", "2"), ("Lê Văn An3", "3"), ("Trần Văn Đức.", "."), ("Lê_Văn", "_")],
)
def test_name_with_digit_or_symbol_rejected(raw: str, char: str) -> None:
    with pytest.raises(NameFormatError) as info:
        normalize_name(raw)
    assert info.value.code == "name.invalid_char"
    assert info.value.params["char"] == char
    assert repr(char) in info.value.message("en")


def test_parse_name_rejects_digits() -> None:
    with pytest.raises(NameFormatError):
        parse_name("Nguyễn Văn 1")


def test_candidate_with_digit_rejected() -> None:
    with pytest.raises(NameFormatError):
        Candidate(name="Lê Văn 7")


@pytest.mark.parametrize("raw", ["-", "'", " ' - "])
def test_name_without_any_letter_rejected(raw: str) -> None:
    with pytest.raises(NameFormatError):
        normalize_name(raw)


# --- ballot order: letters ---------------------------------------------------------------------


def test_plain_sorted_puts_d_stroke_after_z_but_ballot_order_does_not() -> None:
    givens = ["Đức", "Dung", "Em"]
    assert sorted(givens) == ["Dung", "Em", "Đức"]  # wrong: Đ sorts after every ASCII letter
    assert given_sorted(givens) == ["Dung", "Đức", "Em"]


def test_plain_sorted_sorts_by_surname_but_ballot_order_by_given_name() -> None:
    names = ["Trần Văn An", "Lê Văn Bình"]
    assert sorted(names) == ["Lê Văn Bình", "Trần Văn An"]
    assert ballot_sorted(names) == ["Trần Văn An", "Lê Văn Bình"]


def test_plain_sorted_is_case_sensitive_but_ballot_order_is_not() -> None:
    givens = ["Bình", "an"]
    assert sorted(givens) == ["Bình", "an"]
    assert given_sorted(givens) == ["an", "Bình"]


def test_d_before_d_stroke_regardless_of_tone() -> None:
    # Dụ has the heaviest tone (nặng), Đa none: the letter decides.
    assert given_sorted(["Đa", "Dụ"]) == ["Dụ", "Đa"]
    assert given_sorted(["Đào", "Dũng", "Duy"]) == ["Dũng", "Duy", "Đào"]


def test_d_stroke_after_d_and_before_e() -> None:
    assert given_sorted(["Em", "Đông", "Dương", "Cúc"]) == ["Cúc", "Dương", "Đông", "Em"]


def test_a_breve_circumflex_are_separate_letters() -> None:
    assert given_sorted(["Ân", "Ăn", "Anh", "An", "Bảo"]) == ["An", "Anh", "Ăn", "Ân", "Bảo"]


def test_a_letter_outranks_tone() -> None:
    # a < ă < â whatever the tones: Ạnh (a, nặng) before Ăn (ă, none); Ặn before Ân.
    assert given_sorted(["Ân", "Ặn", "Ăn", "Ạnh"]) == ["Ạnh", "Ăn", "Ặn", "Ân"]
    assert given_sorted(["Ấn", "Ắn", "Án"]) == ["Án", "Ắn", "Ấn"]


def test_e_circumflex_after_e() -> None:
    # Eo before Ênh although n < o: e < ê decides at the first letter.
    assert given_sorted(["Ênh", "Eo", "Em"]) == ["Em", "Eo", "Ênh"]


def test_o_circumflex_and_horn_after_o() -> None:
    assert given_sorted(["Ơn", "Ôn", "On", "Oanh"]) == ["Oanh", "On", "Ôn", "Ơn"]
    assert given_sorted(["Ơi", "Ổi", "Ọi"]) == ["Ọi", "Ổi", "Ơi"]


def test_u_horn_after_u() -> None:
    assert given_sorted(["Vũ", "Ưng", "Uyên", "Út"]) == ["Út", "Uyên", "Ưng", "Vũ"]
    assert given_sorted(["Ửu", "Uy"]) == ["Uy", "Ửu"]


def test_uppercase_and_lowercase_letters_collate_together() -> None:
    assert given_sorted(["ĐỨC", "dung", "Em"]) == ["dung", "ĐỨC", "Em"]


# --- ballot order: tones -----------------------------------------------------------------------


def test_tone_order_none_huyen_hoi_nga_sac_nang() -> None:
    expected = ["Anh", "Ành", "Ảnh", "Ãnh", "Ánh", "Ạnh"]
    assert given_sorted(list(reversed(expected))) == expected
    assert given_sorted(["Ánh", "Ạnh", "Anh", "Ảnh", "Ành", "Ãnh"]) == expected


def test_plain_sorted_gets_the_tone_order_wrong() -> None:
    tones = ["Anh", "Ành", "Ảnh", "Ãnh", "Ánh", "Ạnh"]
    assert sorted(tones) != tones
    assert sorted(tones) == ["Anh", "Ành", "Ánh", "Ãnh", "Ạnh", "Ảnh"]


def test_tone_compared_only_when_letters_equal() -> None:
    # Hải (hỏi) before Hàn (huyền): i < n decides before any tone.
    assert given_sorted(["Hàn", "Hải"]) == ["Hải", "Hàn"]
    # A shorter word that is a prefix comes first, whatever its tone.
    assert given_sorted(["Hai", "Hạ"]) == ["Hạ", "Hai"]
    assert given_sorted(["Anh", "Án"]) == ["Án", "Anh"]


def test_tone_breaks_tie_of_equal_letters() -> None:
    assert given_sorted(["Bạch", "Bách", "Bach"]) == ["Bach", "Bách", "Bạch"]


def test_tone_on_letter_with_vowel_mark() -> None:
    # ư with each tone: none, huyền, hỏi, ngã, sắc, nặng.
    expected = ["Lưu", "Lừu", "Lửu", "Lữu", "Lứu", "Lựu"]
    assert given_sorted(list(reversed(expected))) == expected


# --- ballot order: parts -----------------------------------------------------------------------


def test_given_name_first_then_surname_then_middle() -> None:
    names = ["Nguyễn Văn Bình", "Trần Thị An", "Lê Văn Bình", "Lê Thị Bình"]
    assert ballot_sorted(names) == [
        "Trần Thị An",
        "Lê Thị Bình",
        "Lê Văn Bình",
        "Nguyễn Văn Bình",
    ]


def test_surname_decides_before_middle_name() -> None:
    # Thị < Văn in the middle, but Lê < Nguyễn in the surname, which is compared first.
    assert ballot_sorted(["Nguyễn Thị Bình", "Lê Văn Bình"]) == ["Lê Văn Bình", "Nguyễn Thị Bình"]


def test_identical_given_names_ordered_by_surname_with_vietnamese_letters() -> None:
    names = ["Đỗ Văn Hùng", "Dương Văn Hùng", "Bùi Văn Hùng", "Âu Văn Hùng"]
    assert ballot_sorted(names) == ["Âu Văn Hùng", "Bùi Văn Hùng", "Dương Văn Hùng", "Đỗ Văn Hùng"]


def test_identical_given_and_surname_ordered_by_middle_name() -> None:
    names = ["Lê Văn Minh Tâm", "Lê Thị Tâm", "Lê Văn Tâm", "Lê Đức Tâm"]
    # Middle names: Đức, Thị, Văn, Văn Minh (a one-word prefix before the longer middle name).
    assert ballot_sorted(names) == ["Lê Đức Tâm", "Lê Thị Tâm", "Lê Văn Tâm", "Lê Văn Minh Tâm"]


def test_one_word_name_before_longer_name_with_same_given() -> None:
    assert ballot_sorted(["Lê Văn Tám", "Tám", "Lê Tám"]) == ["Tám", "Lê Tám", "Lê Văn Tám"]


def test_person_name_and_string_give_same_key() -> None:
    assert ballot_order_key(parse_name("Hoàng Thị Loan")) == ballot_order_key("Hoàng Thị Loan")


def test_key_is_total_for_names_differing_only_in_case() -> None:
    upper, lower = ballot_order_key("LÊ VĂN AN"), ballot_order_key("lê văn an")
    assert upper != lower
    assert upper[:3] == lower[:3]  # same collation, the exact text breaks the tie


def test_full_example_ballot_order() -> None:
    names = [
        "Trần Văn Đức",
        "Lê Thị Dung",
        "Nguyễn Văn An",
        "Ksor H'Bơi",
        "Phạm Thị Ánh",
        "Võ Văn Ưng",
        "Hồ Thị Út",
    ]
    assert ballot_sorted(names) == [
        "Nguyễn Văn An",
        "Phạm Thị Ánh",
        "Lê Thị Dung",
        "Trần Văn Đức",
        "Ksor H'Bơi",
        "Hồ Thị Út",
        "Võ Văn Ưng",
    ]


def test_tone_placement_and_typographic_apostrophe_do_not_make_a_new_name() -> None:
    """Old and new tone placement (Hoà / Hòa) and ’ vs ' are the same printed name."""
    from tally import Body, Contest, ContestError
    from tally.model.names import name_identity

    assert name_identity("Nguyễn Thị Hoà") == name_identity("Nguyễn Thị Hòa")
    assert name_identity("Trần Thị Thuỷ") == name_identity("Trần Thị Thủy")
    assert normalize_name("Ksor H\u2019Bơi") == "Ksor H'Bơi"
    with pytest.raises(ContestError):
        Contest(
            id="x",
            body=Body.SECRETARY,
            seats=1,
            candidates=["Nguyễn Thị Hoà", "Nguyễn Thị Hòa"],
        )
    contest = Contest(id="x", body=Body.SECRETARY, seats=1, candidates=["Nguyễn Thị Hoà"])
    assert contest.number_of("nguyễn thị HÒA") == 1


def test_lookalike_eth_is_the_vietnamese_d_with_stroke() -> None:
    """Ð (U+00D0), left by old font conversions, is Đ (U+0110): same person, same place."""
    from tally import Body, Contest, ContestError

    assert normalize_name("\u00d0ặng Văn An") == "\u0110ặng Văn An"
    with pytest.raises(ContestError):
        Contest(
            id="x", body=Body.SECRETARY, seats=1, candidates=["\u00d0ặng Văn An", "Đặng Văn An"]
        )
    order = sorted(["Trần Văn Zung", "Trần Văn \u00d0ức"], key=ballot_order_key)
    assert order == ["Trần Văn \u00d0ức", "Trần Văn Zung"]
