"""A plain-Python reference count, written independently of ``tally``'s numpy fast path.

Pure loops over lists, one ballot and one candidate at a time, straight from RULES.md §3–4 (with
the threshold bases of §1 and §8, alternates on the same ballot of §6, the older-wins policy of
§8 and recorded tie decisions), so that the differential tests compare two independent readings
of the rules. It takes plain data (lists of ints, strings and dates), never ``tally`` objects,
and shares no code with the library.

Mark codes: strike-out 1 = kept, 0 = struck; yes/no 1 = agree, 2 = disagree, 3 = both,
0 = neither. Observation bits: 1 not issued, 2 write-in, 4 identifying mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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
    row: list[int],
    observation: int,
    places: int,
    all_unmarked_invalid: bool = True,
    no_agree_invalid: bool = False,
    one_name_blank_valid: bool = False,
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
        if clear == 1 or (one_name_blank_valid and row[0] == 0):  # a blank: nobody, valid
            return None
        return "yes_no_unclear"
    if no_agree_invalid and agreed == 0:  # agrees with nobody: votes for nobody
        return "no_vote"
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
    no_agree_invalid: bool = False,
    one_name_blank_valid: bool = False,
) -> RefCount:
    """Count ballots: invalid ones by reason; votes, against and unmarked from valid ones."""
    invalid = dict.fromkeys(REASONS, 0)
    votes = [0] * k
    against = [0] * k
    unmarked = [0] * k
    valid = 0
    strike_out = is_strike_out(k, places)
    for row, observation in zip(rows, observations, strict=True):
        why = reason(
            row, observation, places, all_unmarked_invalid, no_agree_invalid, one_name_blank_valid
        )
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


THRESHOLD_BASES = ("roll", "valid_ballots", "collected_ballots")
"""What a winner must have more than half of: the roll-based base (Party rule), the valid
ballots (state elections) or the ballots collected (some mass organisations)."""


def threshold_base(kind: str, roll_base: int, valid: int, collected: int) -> int:
    """The base a rule set names (RULES §1, §8)."""
    if kind == "roll":
        return roll_base
    if kind == "valid_ballots":
        return valid
    if kind == "collected_ballots":
        return collected
    raise ValueError(f"unknown threshold base {kind!r}")


class RefDecisionError(Exception):
    """A recorded decision that does not fit the tie (or there is no tie)."""


@dataclass
class RefOutcome:
    """Who is elected, the tie at the cut-off if any, and how it was resolved."""

    above: list[bool]
    elected: list[str]
    """In descending votes; equal votes in ballot order."""
    tie: tuple[list[str], int, int] | None
    """(tied names in ballot order, their votes, seats at stake)."""
    open_seats: int
    status: str
    alternates: list[str]
    """Alternates elected on the same ballot, in descending votes (those a decision placed
    last, in the decision's order)."""
    alternate_tie: tuple[list[str], int, int] | None
    resolution: tuple[str, list[str]] | None = None
    """(``"older_wins"`` or ``"decision"``, the tied candidates it elected)."""
    alternate_resolution: list[str] | None = None
    """The tied candidates a recorded decision made alternates, in its order."""


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


def _check_decision(winners: list[str], tie: tuple[list[str], int, int] | None) -> None:
    if tie is None:
        raise RefDecisionError("a decision without a tie")
    group, _, left = tie
    for i, name in enumerate(winners):
        if name not in group:
            raise RefDecisionError(f"{name} is not tied")
        if name in winners[:i]:
            raise RefDecisionError(f"{name} named twice")
    if len(winners) != left:
        raise RefDecisionError(f"{len(winners)} named for {left} seats")


def _older_wins(
    tie: tuple[list[str], int, int], names: list[str], births: list[date | None] | None
) -> list[str] | None:
    """The oldest of the tied take the seats at stake; nobody when an age is unknown or two
    share the birth date across the cut (the state-election rule, RULES §8)."""
    if births is None:
        return None
    group, _, left = tie
    dated: list[tuple[date, str]] = []
    for name in group:
        born = births[names.index(name)]
        if born is None:
            return None
        dated.append((born, name))
    dated.sort(key=lambda pair: pair[0])
    if dated[left - 1][0] == dated[left][0]:
        return None
    return [name for _, name in dated[:left]]


def decide(
    names: list[str],
    seats: int,
    votes: list[int],
    base: int,
    alternates: int = 0,
    tie_policy: str = "revote",
    births: list[date | None] | None = None,
    decision: list[str] | None = None,
    alternate_decision: list[str] | None = None,
    turnout_met: bool = True,
    most_votes: bool = False,
) -> RefOutcome:
    """Seats go to those with ``2 * votes > base``, most votes first; then, when the seats are
    settled, alternate places go to the next ones above the threshold (RULES §4, §6).

    A tie at the cut-off stays open unless ``decision`` (a recorded decision) names its winners
    or ``tie_policy`` is ``"older_wins"`` and the birth dates settle it. A tie at the
    alternates' cut-off is settled only by ``alternate_decision``. When the turnout gate is not
    met (``turnout_met`` false: not more than half of those convened voted, §8), nobody is
    elected. ``most_votes`` is a re-vote among the tied that elects the most voted (at least
    one vote), without the threshold (§4 [U]).
    """
    k = len(names)
    above = [2 * votes[j] > base for j in range(k)]
    if not turnout_met:
        return RefOutcome(above, [], None, seats, "turnout_not_met", [], None)
    eligible = [votes[j] > 0 for j in range(k)] if most_votes else above
    elected, tie = _fill_levels(names, votes, eligible, seats)
    resolution: tuple[str, list[str]] | None = None
    if decision is not None:
        _check_decision(decision, tie)
        resolution = ("decision", list(decision))
    elif tie is not None and tie_policy == "older_wins":
        oldest = _older_wins(tie, names, births)
        if oldest is not None:
            resolution = ("older_wins", oldest)
    if tie is not None and resolution is not None:
        elected = elected + [name for name in tie[0] if name in resolution[1]]
    chosen: list[str] = []
    alternate_tie = None
    alternate_resolution = None
    if alternates and (tie is None or resolution is not None):
        rest = [above[j] and names[j] not in elected for j in range(k)]
        chosen, alternate_tie = _fill_levels(names, votes, rest, alternates)
    if alternate_decision is not None:
        _check_decision(alternate_decision, alternate_tie)
        alternate_resolution = list(alternate_decision)
        chosen = chosen + alternate_resolution
    open_seats = seats - len(elected)
    if tie is not None and resolution is None:
        status = "tie"
    elif open_seats > 0:
        status = "shortfall"
    elif alternate_tie is not None and alternate_resolution is None:
        status = "alternate_tie"
    else:
        status = "complete"
    return RefOutcome(
        above,
        elected,
        tie,
        open_seats,
        status,
        chosen,
        alternate_tie,
        resolution,
        alternate_resolution,
    )


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
