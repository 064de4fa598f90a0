"""A plain-Python reference count, written independently of ``tally``'s numpy fast path.

Pure loops over lists, one ballot and one candidate at a time, straight from RULES.md §3–4, so
that the differential tests compare two independent readings of the rules. It takes plain data
(lists of ints and strings), never ``tally`` objects, and shares no code with the library.

Mark codes: strike-out 1 = kept, 0 = struck; yes/no 1 = agree, 2 = disagree, 3 = both,
0 = neither. Observation bits: 1 not issued, 2 write-in, 4 identifying mark.
"""

from __future__ import annotations

from dataclasses import dataclass

NOT_ISSUED_BIT = 1
WRITE_IN_BIT = 2
IDENTIFYING_MARK_BIT = 4

REASONS = (
    "not_issued",
    "identifying_mark",
    "write_in",
    "over_seats",
    "no_vote",
    "yes_no_unclear",
)
"""Every reason, strongest first."""


class NotReconciledError(Exception):
    """More ballots collected than issued: the count stops."""


def is_strike_out(k: int, places: int) -> bool:
    """The strike-out form is used when the list is longer than the places on the ballot."""
    return k > places


def reason(
    row: list[int], observation: int, places: int, all_unmarked_invalid: bool = True
) -> str | None:
    """Why one ballot is invalid (the strongest reason), or ``None`` when it is valid.

    ``places`` is how many names a ballot may vote for: the seats, plus the alternates when
    they are elected on the same ballot.
    """
    if observation & NOT_ISSUED_BIT:
        return "not_issued"
    if observation & IDENTIFYING_MARK_BIT:
        return "identifying_mark"
    if observation & WRITE_IN_BIT:
        return "write_in"
    k = len(row)
    if is_strike_out(k, places):
        kept = 0
        for mark in row:
            if mark == 1:
                kept += 1
        if kept > places:
            return "over_seats"
        if kept == 0:
            return "no_vote"
        return None
    agreed = 0
    clear = 0
    for mark in row:
        if mark == 1:
            agreed += 1
        if mark in (1, 2):
            clear += 1
    if agreed > places:
        return "over_seats"
    if k == 1:
        return None if clear == 1 else "yes_no_unclear"
    if all_unmarked_invalid and clear == 0:
        return "no_vote"
    return None


@dataclass
class RefCount:
    """Totals of one contest."""

    collected: int
    valid: int
    invalid_by_reason: dict[str, int]
    votes: list[int]
    against: list[int]
    unmarked: list[int]

    @property
    def invalid(self) -> int:
        total = 0
        for number in self.invalid_by_reason.values():
            total += number
        return total


def count(
    rows: list[list[int]],
    observations: list[int],
    k: int,
    places: int,
    all_unmarked_invalid: bool = True,
) -> RefCount:
    """Count ballots: invalid ones by reason; votes, against and unmarked from valid ones."""
    invalid = dict.fromkeys(REASONS, 0)
    votes = [0] * k
    against = [0] * k
    unmarked = [0] * k
    valid = 0
    strike_out = is_strike_out(k, places)
    for row, observation in zip(rows, observations, strict=True):
        why = reason(row, observation, places, all_unmarked_invalid)
        if why is not None:
            invalid[why] += 1
            continue
        valid += 1
        for j in range(k):
            mark = row[j]
            if mark == 1:
                votes[j] += 1
            elif strike_out or mark == 2:
                against[j] += 1
            else:
                unmarked[j] += 1
    return RefCount(len(rows), valid, invalid, votes, against, unmarked)


def check_issued(collected: int, issued: int) -> None:
    """The count stops when more ballots were collected than issued."""
    if collected > issued:
        raise NotReconciledError(f"{collected} collected > {issued} issued")


def base_of(convened: int, deductions: list[int]) -> int:
    """The roll-based threshold base: convened minus every deduction."""
    base = convened
    for number in deductions:
        base -= number
    return base


@dataclass
class RefOutcome:
    """Who is elected, and the tie at the cut-off if any (under the re-vote policy)."""

    above: list[bool]
    elected: list[str]
    """In descending votes; equal votes in ballot order."""
    tie: tuple[list[str], int, int] | None
    """(tied names in ballot order, their votes, seats at stake)."""
    open_seats: int
    status: str
    alternates: list[str]
    """Alternates elected on the same ballot, in descending votes."""
    alternate_tie: tuple[list[str], int, int] | None


def _fill_levels(
    names: list[str], votes: list[int], eligible: list[bool], places: int
) -> tuple[list[str], tuple[list[str], int, int] | None]:
    """Fill ``places`` from the eligible, one level of equal votes at a time, from the top.

    A level that fits in the places left is taken whole; a level larger than the places left
    is a tie, which nobody breaks here.
    """
    levels: list[int] = []
    for j in range(len(names)):
        if eligible[j] and votes[j] not in levels:
            levels.append(votes[j])
    levels.sort(reverse=True)
    chosen: list[str] = []
    for level in levels:
        left = places - len(chosen)
        if left == 0:
            break
        group = [names[j] for j in range(len(names)) if eligible[j] and votes[j] == level]
        if len(group) > left:
            return chosen, (group, level, left)
        chosen.extend(group)
    return chosen, None


def decide(
    names: list[str], seats: int, votes: list[int], base: int, alternates: int = 0
) -> RefOutcome:
    """Seats go to those with ``2 * votes > base``, most votes first; then, when the seats are
    settled, alternate places go to the next ones above the threshold (RULES §4, §6)."""
    k = len(names)
    above = [2 * votes[j] > base for j in range(k)]
    elected, tie = _fill_levels(names, votes, above, seats)
    chosen: list[str] = []
    alternate_tie = None
    if alternates and tie is None:
        rest = [above[j] and names[j] not in elected for j in range(k)]
        chosen, alternate_tie = _fill_levels(names, votes, rest, alternates)
    open_seats = seats - len(elected)
    if tie is not None:
        status = "tie"
    elif open_seats > 0:
        status = "shortfall"
    elif alternate_tie is not None:
        status = "alternate_tie"
    else:
        status = "complete"
    return RefOutcome(above, elected, tie, open_seats, status, chosen, alternate_tie)


# --- ballot order ------------------------------------------------------------------------------

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
"""The Vietnamese alphabet; f j w z (foreign letters) at their Latin places."""
_TONED = (
    "aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
    "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ",
)  # fmt: skip
"""Each vowel with its tones in dictionary order: none, huyền, hỏi, ngã, sắc, nặng."""
_LETTER: dict[str, tuple[int, int]] = {}
for _position, _letter in enumerate(_ALPHABET):
    _LETTER[_letter] = (_position + 2, 0)
for _row in _TONED:
    for _tone, _char in enumerate(_row):
        _LETTER[_char] = (_ALPHABET.index(_row[0]) + 2, _tone)
_LETTER["'"] = (0, 0)  # H'Hen, Y-Sơn: punctuation sorts before any letter
_LETTER["-"] = (1, 0)


def _part_key(part: str) -> tuple[tuple[tuple[int, ...], ...], tuple[tuple[int, ...], ...]]:
    """Letters of every word first, then the tones of every word (tones break letter ties)."""
    letters = []
    tones = []
    for word in part.split():
        pairs = [_LETTER[char] for char in word.lower()]
        letters.append(tuple(p[0] for p in pairs))
        tones.append(tuple(p[1] for p in pairs))
    return tuple(letters), tuple(tones)


def ballot_key(name: str) -> tuple[object, ...]:
    """Ballot order (RULES §2): by given name (last word), then surname (first), then middle."""
    words = name.split()
    given = words[-1]
    surname = words[0] if len(words) > 1 else ""
    middle = " ".join(words[1:-1])
    return (_part_key(given), _part_key(surname), _part_key(middle))
