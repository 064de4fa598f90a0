"""Candidates: distinct people with a realistic name and, sometimes, a birth date and gender."""

from __future__ import annotations

import functools
from datetime import date, timedelta

from hypothesis import strategies as st

from tally.model.contest import Candidate, Gender
from tally.model.names import parse_name
from tally.testing._names import _NAMES

_OLDEST = date(1955, 1, 1)
_GENDERS: tuple[Gender | None, ...] = (None, "male", "female")
_CANDIDATE_PARTS = st.tuples(
    _NAMES,
    st.none() | st.integers(0, (date(2000, 12, 31) - _OLDEST).days),  # birth date, if known
    st.sampled_from(_GENDERS),
)


def _candidate(parts: tuple[str, int | None, Gender | None]) -> Candidate:
    name, born, gender = parts
    middle = parse_name(name).middle.split()
    if "Thị" in middle:
        gender = "female"
    elif "Văn" in middle:
        gender = "male"
    birth_date = None if born is None else _OLDEST + timedelta(days=born)
    return Candidate(name=name, birth_date=birth_date, gender=gender)


_CANDIDATES = _CANDIDATE_PARTS.map(_candidate)


def candidates() -> st.SearchStrategy[Candidate]:
    """Candidates with a realistic name, sometimes a birth date, and a gender consistent with
    the middle name (``Thị`` is female, ``Văn`` male).

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(candidates())
    ... def test_thi_is_female(candidate):
    ...     assert "Thị" not in candidate.person.middle.split() or candidate.gender == "female"
    >>> test_thi_is_female()
    """
    return _CANDIDATES


@functools.cache
def _unique_candidates(size: int) -> st.SearchStrategy[list[Candidate]]:
    return st.lists(
        _CANDIDATES, min_size=size, max_size=size, unique_by=lambda c: c.name.casefold()
    )
