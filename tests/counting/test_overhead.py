"""The fast paths of ``count_contest`` change nothing: memoised names, a contest's derived data
(checked once per candidate tuple), and standings validated in one call.

Behaviour only; the timings are in the benchmarks.
"""

from __future__ import annotations

import copy
import json
import pickle
from datetime import date
from functools import partial

import numpy as np
import pytest
from pydantic import ValidationError

from tally import (
    QC_190,
    Ballots,
    Body,
    CongressKind,
    Contest,
    ContestError,
    ContestResult,
    NameFormatError,
    Roll,
    RuleSet,
    count_contest,
)
from tally.counting.outcome import Standing, decide
from tally.model.contest import Candidate
from tally.model.names import (
    PersonName,
    ballot_order_key,
    name_identity,
    normalize_name,
    parse_name,
)
from tally.model.rules import TiePolicy, TieRule

NAMES = ["Trần Văn Đức", "Lê Thị Dung", "Nguyễn Văn An", "Phạm Thị Bình", "Hoàng Văn Em"]
IN_BALLOT_ORDER = ("Nguyễn Văn An", "Phạm Thị Bình", "Lê Thị Dung", "Trần Văn Đức", "Hoàng Văn Em")


def contest(candidates: list[str] | list[Candidate] | None = None, seats: int = 4) -> Contest:
    given = NAMES if candidates is None else candidates
    return Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=seats, candidates=given)


def result_of(c: Contest, rows: list[list[int]], rules: RuleSet = QC_190) -> ContestResult:
    n = len(rows)
    roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=n, present=n)
    ballots = Ballots.from_arrays(c, np.array(rows, dtype=np.uint8))
    return count_contest(c, ballots, roll=roll, issued=n, rules=rules)


def fields_of(c: Contest) -> dict[str, object]:
    return {name: getattr(c, name) for name in Contest.model_fields}


# --- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", ["  Nguyễn   Thị  Minh Khai ", "Ksor H\u2019Bơi", "Tám", "lê văn ánh"]
)
def test_name_functions_give_the_same_immutable_answer_every_time(raw: str) -> None:
    first = (normalize_name(raw), parse_name(raw), ballot_order_key(raw), name_identity(raw))
    again = (normalize_name(raw), parse_name(raw), ballot_order_key(raw), name_identity(raw))
    assert first == again
    name, person, key, identity = first
    assert isinstance(name, str) and isinstance(person, PersonName)
    assert isinstance(key, tuple) and isinstance(identity, tuple)
    assert identity == key[:3]
    assert ballot_order_key(person) == key  # a PersonName gives the key of its name
    assert name_identity(person) == identity


@pytest.mark.parametrize("raw", ["", "   ", "123", "Lê Văn 7"])
def test_a_bad_name_fails_every_time(raw: str) -> None:
    for _ in range(3):
        with pytest.raises(NameFormatError):
            normalize_name(raw)
        with pytest.raises(NameFormatError):
            ballot_order_key(raw)


def test_equal_names_written_differently_share_an_identity() -> None:
    assert name_identity("Nguyễn Thị Hoà") == name_identity("nguyễn  thị HÒA")
    assert ballot_order_key("Nguyễn Thị Hoà") != ballot_order_key("nguyễn  thị HÒA")


# --- a contest's derived data ------------------------------------------------------------------


def test_names_and_numbers_follow_ballot_order() -> None:
    c = contest()
    assert c.names == IN_BALLOT_ORDER
    assert c.names is c.names  # computed once
    assert [c.number_of(name) for name in NAMES] == [4, 3, 1, 2, 5]
    assert c.number_of("trần  văn ĐỨC") == 4
    with pytest.raises(KeyError):
        c.number_of("Lê Văn Tám")


def test_derived_data_stays_out_of_dumps_dict_repr_equality_and_hash() -> None:
    fresh, used = contest(), contest()
    used.number_of("Lê Thị Dung")
    assert used.names == fresh.names
    assert used.model_dump() == fresh.model_dump()
    assert used.model_dump_json() == fresh.model_dump_json()
    assert dict(used).keys() == Contest.model_fields.keys()
    assert repr(used) == repr(fresh)
    assert used == fresh and hash(used) == hash(fresh)
    assert used != contest(seats=3)


def test_nesting_a_contest_keeps_it_as_it_is() -> None:
    c = contest()
    candidates = c.candidates
    result = result_of(c, [[1, 1, 1, 1, 0]] * 3)
    assert result.contest is c
    assert c.candidates is candidates
    assert Contest.model_validate(c) is c


def test_copy_with_other_candidates_has_their_names_and_is_checked_when_nested() -> None:
    c = contest()
    c.number_of("Lê Thị Dung")
    reversed_list = c.model_copy(update={"candidates": c.candidates[::-1]})
    assert reversed_list.names == IN_BALLOT_ORDER[::-1]  # model_copy does not validate
    assert reversed_list.number_of("Nguyễn Văn An") == 5
    Contest.model_validate(reversed_list)  # validation orders the list, as ever
    assert reversed_list.names == IN_BALLOT_ORDER
    assert reversed_list.number_of("Nguyễn Văn An") == 1
    twice = c.model_copy(update={"candidates": (c.candidates[0], c.candidates[0])})
    with pytest.raises(ContestError, match="Nguyễn Văn An") as raised:
        Contest.model_validate(twice)
    assert raised.value.code == "contest.duplicate_candidate"


def test_an_unvalidated_contest_is_checked_when_nested_even_after_its_names_were_read() -> None:
    loose = Contest.model_construct(
        id="bch",
        body=Body.EXECUTIVE_COMMITTEE,
        seats=4,
        candidates=tuple(Candidate(name=n) for n in NAMES),
    )
    assert loose.names == tuple(NAMES)
    Contest.model_validate(loose)
    assert loose.names == IN_BALLOT_ORDER
    same = Contest.model_construct(
        id="bch",
        body=Body.EXECUTIVE_COMMITTEE,
        seats=4,
        candidates=(Candidate(name="Lê Văn Tám"), Candidate(name="lê văn TÁM")),
    )
    assert len(same.names) == 2
    with pytest.raises(ContestError):
        Contest.model_validate(same)


def test_a_changed_seat_count_is_still_checked_when_nested() -> None:
    c = contest()
    assert c.names
    broken = c.model_copy(update={"seats": 0})
    with pytest.raises(ContestError):
        Contest.model_validate(broken)


@pytest.mark.parametrize(
    "clone",
    [copy.copy, copy.deepcopy]
    + [partial(lambda c, p: pickle.loads(pickle.dumps(c, protocol=p)), p=p) for p in range(6)],
)
def test_copies_and_pickles_keep_names_and_numbers(clone: object) -> None:
    c = contest()
    c.number_of("Lê Thị Dung")
    other = clone(c)  # type: ignore[operator]
    assert other == c
    assert other.names == IN_BALLOT_ORDER
    assert other.number_of("Hoàng Văn Em") == 5
    assert Contest.model_validate(other).names == IN_BALLOT_ORDER


# --- results -----------------------------------------------------------------------------------


def per_candidate_standings(result: ContestResult) -> tuple[Standing, ...]:
    """The standings as the library built them before: one validated Standing per candidate."""
    c, n, o = result.contest, result.count, result.outcome
    return tuple(
        Standing(
            number=i,
            name=c.candidates[i - 1].name,
            votes=n.votes[i - 1],
            against=n.against[i - 1],
            unmarked=n.unmarked[i - 1],
            above_threshold=2 * n.votes[i - 1] > o.base,
            elected=c.candidates[i - 1].name in o.elected,
            alternate=c.candidates[i - 1].name in o.alternates,
        )
        for i in range(1, len(c.candidates) + 1)
    )


def test_standings_equal_those_built_one_by_one_and_dump_the_same() -> None:
    result = result_of(contest(), [[1, 1, 1, 1, 0]] * 5 + [[0, 1, 1, 1, 1]] * 2)
    expected = per_candidate_standings(result)
    assert result.outcome.standings == expected
    assert all(type(s) is Standing for s in result.outcome.standings)
    assert [s.model_dump_json() for s in result.outcome.standings] == [
        s.model_dump_json() for s in expected
    ]
    assert [s.model_fields_set for s in result.outcome.standings] == [
        s.model_fields_set for s in expected
    ]


def test_a_result_round_trips_through_json() -> None:
    result = result_of(contest(), [[1, 1, 1, 1, 0]] * 5 + [[0, 1, 1, 1, 1]] * 2)
    loaded = ContestResult.model_validate_json(result.to_json())
    assert loaded == result
    assert loaded.to_json() == result.to_json()
    again = decide(loaded.contest, loaded.count, loaded.outcome.base)
    assert again == result.outcome


def test_a_result_loaded_from_json_is_still_validated() -> None:
    result = result_of(contest(), [[1, 1, 1, 1, 0]] * 5)
    data = json.loads(result.to_json())
    data["outcome"]["standings"][0]["votes"] = "many"
    with pytest.raises(ValidationError):
        ContestResult.model_validate_json(json.dumps(data))
    data = json.loads(result.to_json())
    data["contest"]["candidates"][1]["name"] = data["contest"]["candidates"][0]["name"]
    with pytest.raises(ContestError):
        ContestResult.model_validate_json(json.dumps(data))


def test_a_tie_broken_by_age_with_candidates_carrying_personal_data() -> None:
    people = [
        Candidate(name=name, birth_date=date(1970 + i, 1, 1), gender="female", incumbent=True)
        for i, name in enumerate(NAMES)
    ]
    older = QC_190.model_copy(
        update={"tie": TieRule(policy=TiePolicy.OLDER_WINS, citation=QC_190.tie.citation)}
    )
    # All five keep 8 votes for 4 seats: Hoàng Văn Em, born last, is the one left out.
    rows = [[1, 1, 1, 1, 0], [1, 1, 1, 0, 1], [1, 1, 0, 1, 1], [1, 0, 1, 1, 1], [0, 1, 1, 1, 1]]
    result = result_of(contest(people), rows * 2, older)
    assert result.outcome.tie is not None
    assert result.outcome.tie_resolution is not None
    assert "Hoàng Văn Em" not in result.outcome.elected
    assert result.outcome.standings == per_candidate_standings(result)
