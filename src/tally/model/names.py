"""Vietnamese full names (họ tên) and the order of names on a ballot.

A ballot lists candidates A, B, C by **given name** (tên, the last word), then by surname (họ,
the first word), then by middle name(s) (tên đệm) — RULES §2. Letters follow the Vietnamese
alphabet, in which ă â đ ê ô ơ ư are letters of their own, and tones are compared only when the
letters are equal, in dictionary order: none, huyền, hỏi, ngã, sắc, nặng. This is the CLDR
Vietnamese collation, applied letter by letter (digraphs such as ``ch`` or ``ng`` are not
separate letters). A plain ``sorted()`` on strings is wrong: it puts ``Đ`` after ``Z``.

>>> sorted(["Trần Văn Đức", "Lê Thị Dung", "Nguyễn Văn An"], key=ballot_order_key)
['Nguyễn Văn An', 'Lê Thị Dung', 'Trần Văn Đức']
>>> parse_name("  Nguyễn   Thị  Minh Khai ")
PersonName(surname='Nguyễn', middle='Thị Minh', given='Khai')
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from tally.arguments import checked
from tally.errors import Location, NameFormatError
from tally.model.lookalikes import as_latin, compatibility_chars, describe, mixed_scripts

# Base letters in Vietnamese alphabetical order. f, j, w, z are not Vietnamese letters but appear
# in some names (ethnic minority, foreign-born); they take their Latin places.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET, start=2)}
_PUNCTUATION_RANK = {"'": 0, "-": 1}  # H'Bơi, Y-Sơn: sorts before any letter

# Combining marks that make a letter (not a tone): breve (ă), circumflex (â ê ô), horn (ơ ư).
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
# Tone marks in dictionary order; 0 is the level tone (thanh ngang, no mark).
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Typographic apostrophes (H’Bơi, Hʼ Bơi) are the plain apostrophe of ethnic-minority names, and
# the look-alike eth (Ð ð, U+00D0/U+00F0) left by old font conversions is the Vietnamese Đ đ.
_LOOKALIKES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00d0": "\u0110", "\u00f0": "\u0111"}
)
_CACHE_SIZE = 8192
"""Names remembered by each memoised function below: every name of a large congress, many times
over. The functions are pure and return immutable values (``str``, frozen :class:`PersonName`,
tuples), so a remembered result is safely shared; a name that fails raises again each time."""


@dataclass(frozen=True, slots=True)
class PersonName:
    """A name split into surname (họ), middle name(s) (tên đệm) and given name (tên)."""

    surname: str
    middle: str
    given: str

    @property
    def full(self) -> str:
        """The name as printed: surname, middle, given, single-spaced."""
        return " ".join(part for part in (self.surname, self.middle, self.given) if part)


@checked
def normalize_name(raw: str) -> str:
    """NFC-normalise and single-space a name; reject one without letters or with non-letters.

    >>> normalize_name("Nguye\\u0302\\u0303n  Văn   An") == "Nguyễn Văn An"
    True
    >>> normalize_name("Ksor H\\u2019Bơi")
    "Ksor H'Bơi"
    """
    return _normalize_name(raw)


@lru_cache(maxsize=_CACHE_SIZE)
def _normalize_name(raw: str) -> str:
    name = " ".join(unicodedata.normalize("NFC", raw).translate(_LOOKALIKES).split())
    if not name:
        raise NameFormatError("name.empty", Location())
    if not any(char.isalpha() for char in name):
        raise NameFormatError("name.no_letter", Location(), name=name)
    for char in name:
        if not (char.isalpha() or char in " '-" or unicodedata.category(char).startswith("M")):
            raise NameFormatError("name.invalid_char", Location(), name=name, char=char)
    _check_lookalikes(name)
    return name


def _check_lookalikes(name: str) -> None:
    """Refuse a name that mixes Latin with Cyrillic or Greek letters (``Văn \u0410n`` with a
    Cyrillic А), or holds full-width or other compatibility forms: it prints like another
    spelling but is a different text. The error shows both spellings and names the letters."""
    odd = mixed_scripts(name)
    code = "name.mixed_script"
    if not odd:
        odd, code = compatibility_chars(name), "name.compatibility_char"
    if odd:
        raise NameFormatError(
            code,
            Location(),
            name=name,
            chars=", ".join(describe(char) for char in odd),
            suggested=as_latin(name),
        )


@checked
def parse_name(raw: str) -> PersonName:
    """Split a full name: the first word is the surname, the last the given name.

    A one-word name has only a given name.
    """
    return _parse_name(raw)


@lru_cache(maxsize=_CACHE_SIZE)
def _parse_name(raw: str) -> PersonName:
    words = normalize_name(raw).split(" ")
    if len(words) == 1:
        return PersonName(surname="", middle="", given=words[0])
    return PersonName(surname=words[0], middle=" ".join(words[1:-1]), given=words[-1])


_WordKey = tuple[tuple[int, ...], int]
_PartKey = tuple[tuple[tuple[int, ...], ...], tuple[int, ...]]


def _word_key(word: str) -> _WordKey:
    """Letter ranks and the tone of one word (syllable), case-insensitive.

    The tone belongs to the syllable, not to the vowel that carries it, so the old and new
    placements (``Hoà`` / ``Hòa``, ``Thuỷ`` / ``Thủy``) give the same key. Cyrillic and Greek
    letters that look like Latin ones count as those (:func:`tally.model.lookalikes.as_latin`): a
    name written wholly in them is the same name.
    """
    letters: list[str] = []
    tone = 0
    for char in unicodedata.normalize("NFD", as_latin(word).lower()):
        if char in _LETTER_MARKS and letters:
            letters[-1] = unicodedata.normalize("NFC", letters[-1] + char)
        elif char in _TONE_RANK:
            tone = max(tone, _TONE_RANK[char])
        else:
            letters.append(char)
    ranks = tuple(
        _PUNCTUATION_RANK.get(letter, _LETTER_RANK.get(letter, 100 + ord(letter)))
        for letter in letters
    )
    return ranks, tone


def _part_key(part: str) -> _PartKey:
    """Key of a name part of one or more words: all letters first, then all tones."""
    keys = [_word_key(word) for word in part.split(" ") if word]
    return tuple(k[0] for k in keys), tuple(k[1] for k in keys)


def name_identity(name: str | PersonName) -> tuple[_PartKey, _PartKey, _PartKey]:
    """What makes two written names the same person's name on a ballot: letters and tones,
    ignoring case, spacing, Unicode composition, where the tone mark sits and look-alike
    letters of another script.

    >>> name_identity("Nguyễn Thị Hoà") == name_identity("nguyễn  thị HÒA")
    True
    >>> name_identity("Ao") == name_identity("\u0410\u041e")  # written in Cyrillic
    True
    """
    return _name_identity(name)


@lru_cache(maxsize=_CACHE_SIZE)
def _name_identity(name: str | PersonName) -> tuple[_PartKey, _PartKey, _PartKey]:
    given, surname, middle, _ = _ballot_order_key(name)
    return given, surname, middle


@checked
def ballot_order_key(name: str | PersonName) -> tuple[_PartKey, _PartKey, _PartKey, str]:
    """Sort key for ballot order: given name, then surname, then middle name(s).

    The exact normalised name breaks any remaining tie (e.g. case), so the order is total.

    >>> names = ["Lê Văn Ánh", "Lê Văn Anh", "Lê Văn Ảnh", "Lê Văn Ăn", "Lê Văn Ân"]
    >>> sorted(names, key=ballot_order_key)
    ['Lê Văn Anh', 'Lê Văn Ảnh', 'Lê Văn Ánh', 'Lê Văn Ăn', 'Lê Văn Ân']
    """
    return _ballot_order_key(name)


@lru_cache(maxsize=_CACHE_SIZE)
def _ballot_order_key(name: str | PersonName) -> tuple[_PartKey, _PartKey, _PartKey, str]:
    person = name if isinstance(name, PersonName) else parse_name(name)
    return (
        _part_key(person.given),
        _part_key(person.surname),
        _part_key(person.middle),
        person.full,
    )


def plain_letters(text: str) -> str:
    """``text`` without tones or letter marks (``đ`` as ``d``), case folded, single-spaced: how a
    name typed without a Vietnamese keyboard reads.

    >>> plain_letters("Nguyễn Văn  Thành")
    'nguyen van thanh'
    """
    folded = unicodedata.normalize("NFD", text.translate(_LOOKALIKES).casefold())
    bare = "".join(c for c in folded if not unicodedata.category(c).startswith("M"))
    return " ".join(bare.replace("đ", "d").split())


@lru_cache(maxsize=_CACHE_SIZE)
def nearest_name(ref: str, names: tuple[str, ...]) -> int | None:
    """The index of the name in ``names`` that ``ref`` most likely means, or ``None``: the one
    name equal to ``ref`` without diacritics, else the closest by edit distance (difflib, at
    least 80% alike). Memoised: a file repeats its typos.

    >>> names = ("Nguyễn Văn An", "Nguyễn Văn Thành", "Lê Thị Thanh")
    >>> nearest_name("Nguyen Van Thanh", names), nearest_name("Nguyễn Văn Thàn", names)
    (1, 1)
    >>> nearest_name("Trần Văn Đức", names) is None
    True
    """
    plain = plain_letters(ref)
    folded = [plain_letters(name) for name in names]
    same = [i for i, name in enumerate(folded) if name == plain]
    if len(same) == 1:
        return same[0]
    if same:  # several names alike but for their diacritics: the closest spelling of them
        close = difflib.get_close_matches(ref, [names[i] for i in same], n=1, cutoff=0)
        return names.index(close[0])
    close = difflib.get_close_matches(plain, folded, n=1, cutoff=0.8)
    return folded.index(close[0]) if close else None


@lru_cache(maxsize=_CACHE_SIZE)
def lookalike_of(ref: str, names: tuple[str, ...]) -> int | None:
    """The index of the name in ``names`` that ``ref`` is to a reader's eye, once look-alike
    letters of another script and full-width letters are read as the Latin ones (case,
    spacing and tone placement aside, as :func:`name_identity`); ``None`` if none. A name so
    written is not accepted as the candidate (:func:`normalize_name` refuses it): this says
    which candidate it looks like, for the message.

    >>> lookalike_of("Nguyễn Văn \\u0410n", ("Lê Thị Bình", "Nguyễn Văn An"))
    1
    >>> lookalike_of("Nguyễn Văn Anh", ("Lê Thị Bình", "Nguyễn Văn An")) is None
    True
    """
    try:
        key = name_identity(as_latin(ref))
    except NameFormatError:
        return None
    for index, name in enumerate(names):
        if name_identity(name) == key:
            return index
    return None
