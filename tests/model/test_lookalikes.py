"""Names and serials compared as people read them (issue 11, point 6): look-alike letters of
another script, case, width and composition never make two spellings of one name or serial."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tally import BallotBuilder, Ballots, Body, Contest
from tally.audit.session import CountingSession
from tally.congress.plan import BoardMember, check_board
from tally.errors import BallotError, BoardError, ContestError, NameFormatError, TallyError
from tally.io.ballots_csv import ballots_from_csv_text
from tally.io.spec import congress_from_toml
from tally.model.contest import Candidate
from tally.model.lookalikes import LATIN_LOOKALIKES, difference, skeleton
from tally.model.names import name_identity, normalize_name
from tally.model.roll import CongressKind, Roll
from tally.model.serials import serial_keys
from tally.testing._names import vietnamese_names

CYRILLIC_A = "\u0410"
LATIN_LOOKALIKES_BY_LATIN = {latin: other for other, latin in LATIN_LOOKALIKES.items()}
SPEC = """
[congress]
name = "Đại hội Chi bộ 3"
[roll]
kind = "member_congress"
convened = 11
present = 10
[[contest]]
id = "bt"
body = "cell_secretary"
seats = 1
issued = 10
collected = 10
candidates = ["Lê Văn Tám"]
[[board]]
name = "Hà Thị Lan"
role = "head"
"""
LIST = ["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"]
BCH = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=2, candidates=LIST)


# --- names ------------------------------------------------------------------------------------


def test_a_name_with_one_cyrillic_letter_is_refused_with_both_spellings_and_the_code_point() -> (
    None
):
    with pytest.raises(NameFormatError) as raised:
        normalize_name(f"Nguyễn Văn {CYRILLIC_A}n")
    error = raised.value
    assert error.code == "name.mixed_script"
    for lang in ("vi", "en"):
        message = error.message(lang)
        assert f"Nguyễn Văn {CYRILLIC_A}n" in message and "'Nguyễn Văn An'" in message
        assert "U+0410 CYRILLIC CAPITAL LETTER A" in message


def test_two_candidates_an_with_latin_and_cyrillic_a_are_refused() -> None:
    with pytest.raises(TallyError) as raised:
        Contest(
            id="x",
            body=Body.SECRETARY,
            seats=1,
            candidates=["Nguyễn Văn An", f"Nguyễn Văn {CYRILLIC_A}n"],
        )
    assert "U+0410" in str(raised.value)


def test_a_name_written_wholly_in_look_alikes_is_the_same_name() -> None:
    with pytest.raises(ContestError) as raised:
        Contest(id="x", body=Body.UPPER_DELEGATES, seats=1, candidates=["Ao", "\u0410\u041e"])
    assert raised.value.code == "contest.lookalike_candidates"
    assert "'Ao'" in str(raised.value) and "'\u0410\u041e'" in str(raised.value)
    assert "chữ 'О' (U+041E, chữ Kirin) trông giống chữ 'O' Latinh" in str(raised.value)
    assert "the letter 'О' (U+041E, Cyrillic) looks like the Latin 'O'" in raised.value.message(
        "en"
    )


def test_a_full_width_name_is_refused_with_the_plain_spelling() -> None:
    with pytest.raises(NameFormatError) as raised:
        Candidate(name="\uff2eguyễn Văn An")
    assert raised.value.code == "name.compatibility_char"
    assert "'Nguyễn Văn An'" in raised.value.message("en")
    assert "FULLWIDTH LATIN CAPITAL LETTER N" in raised.value.message("en")


def test_the_vietnamese_rules_are_kept() -> None:
    assert normalize_name("\u00d0inh Thị Hà") == "Đinh Thị Hà"  # the eth of old fonts is Đ
    assert name_identity("Nguyễn Thị Hoà") == name_identity("Nguyễn Thị Hòa")
    assert normalize_name("Ksor H\u2019Bơi") == "Ksor H'Bơi"
    with pytest.raises(ContestError):  # tone placement: one name
        Contest(id="x", body=Body.UPPER_DELEGATES, seats=1, candidates=["Lê Hoà", "Lê Hòa"])


def test_a_board_member_spelt_with_one_cyrillic_letter_does_not_slip_past_the_list() -> None:
    spec = SPEC + '[[board]]\nname = "L\u0435 V\u0103n T\u00e1m"\n'  # a Cyrillic е
    with pytest.raises(NameFormatError) as raised:
        congress_from_toml(spec, source="dh.toml")
    assert raised.value.code == "name.mixed_script"
    assert raised.value.where.field is not None and "board" in raised.value.where.field
    assert "U+0435 CYRILLIC SMALL LETTER IE" in str(raised.value)


def test_a_board_member_on_the_list_in_another_case_is_named_with_both_spellings() -> None:
    board = [BoardMember(name="lê thị bình", role="head")]
    with pytest.raises(BoardError) as raised:
        check_board(board, [("bch", BCH.candidates)])
    assert raised.value.code == "board.on_list_spelt"
    assert "'lê thị bình'" in str(raised.value) and "'Lê Thị Bình'" in str(raised.value)
    twice = [BoardMember(name="Vũ Văn Hòa", role="head"), BoardMember(name="VŨ VĂN HOÀ")]
    with pytest.raises(BoardError) as raised:
        check_board(twice, [])
    assert raised.value.code == "board.lookalike_duplicate"


def test_a_case_only_duplicate_candidate_says_so_briefly_and_names_the_entry() -> None:
    """Issue 11 trial: "NGUYỄN VĂN AN" beside "Nguyễn Văn An" gave ~900 characters of
    decomposed Unicode names; now the kind of difference, in a few words, and the entry."""
    with pytest.raises(ContestError) as raised:
        Contest(id="bch", body=Body.UPPER_DELEGATES, seats=1, candidates=[*LIST, "NGUYỄN VĂN AN"])
    error = raised.value
    assert error.where.field == "candidates#4"
    vi, en = error.message("vi"), error.message("en")
    assert "hai cách viết chỉ khác ở chữ hoa / chữ thường." in vi
    assert "the two spellings differ only in capital letters." in en
    assert "U+" not in vi + en and "LATIN" not in en
    assert len(en) < 400
    spec = SPEC.replace('candidates = ["Lê Văn Tám"]', 'candidates = ["Lê Văn Tám", "LÊ VĂN TÁM"]')
    with pytest.raises(ContestError) as raised:
        congress_from_toml(spec, source="dh.toml")
    assert raised.value.where.field == "contest.bt.candidates#2"


@pytest.mark.parametrize(
    ("first", "second", "vi", "en"),
    [
        ("Á1", "A\u03011", "cách viết dấu (dựng sẵn / tổ hợp)", "how accents are encoded"),
        ("Lê Hoà", "Lê Hòa", "chỗ đặt dấu thanh", "where the tone mark sits"),
        (
            "BCH-001",
            "BCH-００1",
            "'０' (U+FF10) là '0' viết rộng",
            "'０' (U+FF10) is a full-width '0'",
        ),
        (
            "Nguyễn Văn An",
            f"Nguyễn Văn {CYRILLIC_A}n",
            f"chữ '{CYRILLIC_A}' (U+0410, chữ Kirin) trông giống chữ 'A' Latinh",
            f"the letter '{CYRILLIC_A}' (U+0410, Cyrillic) looks like the Latin 'A'",
        ),
        ("ΡΑ", "PA", "(U+03A1, chữ Hy Lạp)", "(U+03A1, Greek)"),
    ],
    ids=["composition", "tone", "width", "cyrillic", "greek"],
)
def test_difference_says_the_kind_first_in_both_languages(
    first: str, second: str, vi: str, en: str
) -> None:
    said = difference(first, second)
    assert said.render("vi").startswith("chỉ khác ở ") and vi in said.render("vi")
    assert said.render("en").startswith("differ only in ") and en in said.render("en")
    assert "capital" not in said.render("en")  # none of these differs in case


def test_difference_is_shown_composed_and_capped() -> None:
    said = difference("Nguye\u0302\u0303n", "NGUYỄN").render("en")
    assert said == "differ only in capital letters"
    forged = "".join(LATIN_LOOKALIKES_BY_LATIN.get(c, c) for c in "ABEKMOPCTX")
    said = difference("ABEKMOPCTX", forged).render("vi")
    assert said.count("U+") == 3 and said.endswith(", …")
    assert all(unicodedata.is_normalized("NFC", part) for part in said.split("'"))


def test_a_case_only_duplicate_serial_says_capital_letters() -> None:
    builder = BallotBuilder(BCH)
    builder.add("BCH-001")
    with pytest.raises(BallotError) as raised:
        builder.add("bch-001")
    assert "hai số chỉ khác ở chữ hoa / chữ thường." in raised.value.message("vi")
    assert "the two differ only in capital letters." in raised.value.message("en")
    board = [BoardMember(name="Vũ Văn Hòa", role="head"), BoardMember(name="VŨ VĂN HÒA")]
    with pytest.raises(BoardError) as refused:
        check_board(board, [])
    assert refused.value.where.field == "board#2"
    assert "differ only in capital letters" in refused.value.message("en")


def test_a_ballot_naming_a_candidate_with_a_cyrillic_letter_says_which_letter_and_whom() -> None:
    """Issue 11 trial: ``BCH-005,Nguyễn Văn Аn`` got "not on the list. Did you mean Nguyễn Văn
    An?" — two spellings a board cannot tell apart. Now: the look-alike letter, the candidate
    meant and the fix; the reference is refused, not read as that candidate."""
    row = f"serial,struck\nBCH-004,2\nBCH-005,Nguyễn Văn {CYRILLIC_A}n;Lê Thị Bình\n"
    with pytest.raises(BallotError) as raised:
        ballots_from_csv_text(BCH, row, "b.csv")
    error = raised.value
    assert error.code == "ballot.lookalike_candidate"
    assert error.where.line == 3 and error.where.serial == "BCH-005"
    vi, en = error.message("vi"), error.message("en")
    assert f"chữ '{CYRILLIC_A}' (U+0410, chữ Kirin) trông giống chữ 'A' Latinh" in vi
    assert "Nguyễn Văn An, số 1" in vi and "Gõ lại họ tên" in vi and "số thứ tự 1" in vi
    assert f"the letter '{CYRILLIC_A}' (U+0410, Cyrillic) looks like the Latin 'A'" in en
    assert "Nguyễn Văn An, no. 1" in en and "ballot number 1" in en
    with pytest.raises(BallotError) as raised:  # full-width letters: the same message
        BallotBuilder(BCH).add("1", struck=["\uff2cê Thị Bình"])
    assert raised.value.code == "ballot.lookalike_candidate"
    assert "'Ｌ' (U+FF2C) is a full-width 'L'" in raised.value.message("en")
    assert "Lê Thị Bình, no. 2" in raised.value.message("en")


@pytest.mark.parametrize(("ref", "plain"), [("\uff12", "2"), ("\uff11\uff10", "10")])
def test_a_candidate_number_in_full_width_digits_says_so(ref: str, plain: str) -> None:
    with pytest.raises(BallotError) as raised:
        BallotBuilder(BCH).add("1", struck=[ref])
    error = raised.value
    assert error.code == "ballot.wide_number"
    assert f"chữ số rộng (full-width: '{ref[0]}' U+{ord(ref[0]):04X}" in error.message("vi")
    assert f"Type it again in plain digits: {plain} (ballot numbers run from 1 to 3)" in (
        error.message("en")
    )
    with pytest.raises(BallotError) as raised:
        ballots_from_csv_text(BCH, f"serial,struck\nBCH-1,{ref}\n", "b.csv")
    assert raised.value.code == "ballot.wide_number"


@pytest.mark.parametrize("ref", ["Đỗ Văn Hùng", "²"])
def test_an_unrelated_name_or_sign_is_still_not_on_the_list(ref: str) -> None:
    with pytest.raises(BallotError) as raised:
        BallotBuilder(BCH).add("1", struck=[ref])
    assert raised.value.code == "ballot.unknown_candidate"


LATIN_LETTERS = sorted({latin for latin in LATIN_LOOKALIKES.values() if latin.isascii()})


@given(vietnamese_names(), st.data())
def test_one_letter_swapped_for_a_look_alike_is_refused_or_equal(
    name: str, data: st.DataObject
) -> None:
    """The homoglyph property: whatever letter of a name is replaced by a Cyrillic or Greek
    look-alike, the result is refused, or the same name as the original under comparison."""
    name = normalize_name(name)
    places = [
        i
        for i, char in enumerate(name)
        if any(LATIN_LOOKALIKES.get(other) == char for other in LATIN_LOOKALIKES)
    ]
    if not places:
        return
    i = data.draw(st.sampled_from(places), label="place")
    swaps = [other for other, latin in LATIN_LOOKALIKES.items() if latin == name[i]]
    swap = data.draw(st.sampled_from(swaps), label="look-alike")
    forged = name[:i] + swap + name[i + 1 :]
    try:
        contest = Contest(id="x", body=Body.UPPER_DELEGATES, seats=1, candidates=[name, forged])
    except TallyError:
        return  # refused: mixed scripts, or two spellings of one name
    pytest.fail(f"{forged!r} accepted beside {name!r}: {contest.names}")


# --- serials ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [("BCH-009", "bch-009"), ("1", "\uff11"), ("\u00c11", "A\u03011"), ("x1", "X\uff11")],
    ids=["case", "width", "composition", "both"],
)
def test_serials_alike_to_a_reader_are_one_serial(first: str, second: str) -> None:
    builder = BallotBuilder(BCH)
    builder.add(first)
    with pytest.raises(BallotError) as raised:
        builder.add(second)
    assert raised.value.code in {"ballot.duplicate_serial", "ballot.serial_lookalike"}
    with pytest.raises(BallotError):
        Ballots.from_arrays(BCH, np.ones((2, 3), np.uint8), [first, second])
    with pytest.raises(TallyError):
        ballots_from_csv_text(BCH, f"serial,struck\n{first},1\n{second},2\n")
    parts = [Ballots.from_arrays(BCH, np.ones((1, 3), np.uint8), [s]) for s in (first, second)]
    with pytest.raises(BallotError):
        Ballots.concat(parts)


def test_a_case_duplicate_names_both_spellings_and_where_the_first_was() -> None:
    with pytest.raises(BallotError) as raised:
        ballots_from_csv_text(BCH, "serial,struck\nBCH-009,1\nbch-009,2\n", "b.csv")
    error = raised.value
    assert error.code == "ballot.serial_lookalike"
    assert error.where.line == 3
    assert "'bch-009'" in str(error) and "'BCH-009'" in str(error) and "dòng 2" in str(error)


def test_a_serial_mixing_scripts_is_refused() -> None:
    with pytest.raises(BallotError) as raised:
        BallotBuilder(BCH).add("B\u0421H-1")
    assert raised.value.code == "ballot.serial_mixed_script"
    assert "U+0421 CYRILLIC CAPITAL LETTER ES" in str(raised.value)
    assert "'BCH-1'" in str(raised.value)


def test_serials_are_stored_composed() -> None:
    ballots = Ballots.from_arrays(BCH, np.ones((1, 3), np.uint8), ["A\u03011"])
    assert ballots.serials.tolist() == ["\u00c11"]
    builder = BallotBuilder(BCH)
    builder.add("A\u03012")
    assert builder.build().serials.tolist() == [unicodedata.normalize("NFC", "A\u03012")]


@given(st.lists(st.text(min_size=1, max_size=6), min_size=1, max_size=20))
def test_vectorised_serial_keys_are_the_skeleton(serials: list[str]) -> None:
    array = np.array(serials, dtype=str)
    keys = [k.decode("ascii") if isinstance(k, bytes) else k for k in serial_keys(array).tolist()]
    assert keys == [skeleton(s) for s in array.tolist()]


def test_a_session_takes_a_serial_that_reads_the_same_as_one_ballot(tmp_path: Path) -> None:
    session = CountingSession.open(tmp_path / "log.jsonl")
    roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=6, present=6)
    contest = session.open_contest(BCH, roll=roll)
    contest.record("BCH-009", struck=[3], station="1")
    for station in ("1", "2"):  # the same station, or another one entering the same ballots
        with pytest.raises(BallotError) as raised:
            contest.record("bch-009", struck=[3], station=station)
        assert raised.value.code == "ballot.serial_lookalike"
        assert "'BCH-009'" in str(raised.value)
    contest.record("BCH-009", struck=[3], station="2")  # spelt the same: the second reading
    with pytest.raises(BallotError) as raised:
        contest.record("B\u0421H-010", struck=[3], station="1")
    assert raised.value.code == "ballot.serial_mixed_script"
