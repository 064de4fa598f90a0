"""Letters that look alike: what makes two names or serials the same to a reader's eye.

A board reads names and serials off paper; the computer compares code points. Text typed with a
Russian or Greek keyboard layout, pasted from a PDF, or typed in an input method's full-width
mode looks the same as the Latin text but differs in its code points. This module gives:

* :func:`skeleton` — the form two spellings share when a reader cannot tell them apart:
  compatibility forms unfolded (NFKC: ``１`` is ``1``), Cyrillic and Greek look-alikes mapped to
  the Latin letter they look like (the table :data:`LATIN_LOOKALIKES`), case folded, composed
  (NFC: ``Á`` typed as ``A`` + accent is ``Á``);
* :func:`mixed_scripts` — the letters of a text that come from another script than the rest
  (Latin with Cyrillic or Greek), so that it can be refused with the letters named;
* :func:`describe` — a code point as ``U+0410 CYRILLIC CAPITAL LETTER A`` for a message;
* :func:`difference` — how two alike spellings differ, in a board's words: the kind first
  (capital letters, accent encoding, tone placement, full-width characters, look-alike
  letters), then only for the last two the few letters concerned, composed, with their code
  points.

The table is deliberately small and written out: the capital and small Cyrillic and Greek letters
that print like a Latin letter in common fonts (Unicode's confusables data holds thousands of
pairs, most of them irrelevant to Vietnamese names and ballot serials).

>>> skeleton("BCH-009") == skeleton("bch-009") == skeleton("ВСН-００９")
True
>>> [describe(c) for c in mixed_scripts("Nguyễn Văn \\u0410n")]
["U+0410 CYRILLIC CAPITAL LETTER A ('А')"]
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from tally.i18n.messages import Lang, text

LATIN_LOOKALIKES: dict[str, str] = {
    # Cyrillic capitals
    "\u0410": "A",  # А
    "\u0412": "B",  # В
    "\u0415": "E",  # Е
    "\u041a": "K",  # К
    "\u041c": "M",  # М
    "\u041d": "H",  # Н
    "\u041e": "O",  # О
    "\u0420": "P",  # Р
    "\u0421": "C",  # С
    "\u0422": "T",  # Т
    "\u0423": "Y",  # У
    "\u0425": "X",  # Х
    "\u0405": "S",  # Ѕ
    "\u0406": "I",  # І
    "\u0408": "J",  # Ј
    "\u04ae": "Y",  # Ү
    "\u04c0": "I",  # Ӏ (palochka)
    "\u051a": "Q",  # Ԛ
    "\u051c": "W",  # Ԝ
    "\u0402": "\u0110",  # Ђ, read as Đ
    # Cyrillic small letters (those that print as a small capital map to the Latin letter)
    "\u0430": "a",  # а
    "\u0432": "b",  # в
    "\u0435": "e",  # е
    "\u043a": "k",  # к
    "\u043c": "m",  # м
    "\u043d": "h",  # н
    "\u043e": "o",  # о
    "\u0440": "p",  # р
    "\u0441": "c",  # с
    "\u0442": "t",  # т
    "\u0443": "y",  # у
    "\u0445": "x",  # х
    "\u0455": "s",  # ѕ
    "\u0456": "i",  # і
    "\u0458": "j",  # ј
    "\u04bb": "h",  # һ
    "\u04cf": "l",  # ӏ
    "\u051b": "q",  # ԛ
    "\u051d": "w",  # ԝ
    "\u0452": "\u0111",  # ђ, read as đ
    # Greek capitals
    "\u0391": "A",  # Α
    "\u0392": "B",  # Β
    "\u0395": "E",  # Ε
    "\u0396": "Z",  # Ζ
    "\u0397": "H",  # Η
    "\u0399": "I",  # Ι
    "\u039a": "K",  # Κ
    "\u039c": "M",  # Μ
    "\u039d": "N",  # Ν
    "\u039f": "O",  # Ο
    "\u03a1": "P",  # Ρ
    "\u03a4": "T",  # Τ
    "\u03a5": "Y",  # Υ
    "\u03a7": "X",  # Χ
    # Greek small letters
    "\u03b1": "a",  # α
    "\u03b9": "i",  # ι
    "\u03ba": "k",  # κ
    "\u03bd": "v",  # ν
    "\u03bf": "o",  # ο
    "\u03c1": "p",  # ρ
    "\u03c5": "u",  # υ
    "\u03c7": "x",  # χ
}
"""Each Cyrillic or Greek letter that prints like a Latin one, and that Latin letter."""

_TO_LATIN = str.maketrans(LATIN_LOOKALIKES)
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """What a reader sees of ``text``: NFKC, look-alikes as Latin, case folded, NFC.

    >>> skeleton("Á1") == skeleton("A\\u03011") == skeleton("á１")
    True
    """
    if text.isascii():  # the common serial: nothing to unfold, case is all there is
        return text.lower()
    unfolded = unicodedata.normalize("NFKD", text).translate(_TO_LATIN)
    return unicodedata.normalize("NFC", unfolded.casefold())


def script_of(char: str) -> str | None:
    """``LATIN``, ``CYRILLIC`` or ``GREEK`` for a letter of those scripts, else ``None``.

    >>> script_of("Đ"), script_of("\\u0410"), script_of("1")
    ('LATIN', 'CYRILLIC', None)
    """
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    for script in _SCRIPTS:
        if name.startswith(script):
            return script
    return None


def mixed_scripts(text: str) -> list[str]:
    """The letters of ``text`` that are not in its main script, when it mixes Latin, Cyrillic
    and Greek letters (empty otherwise). The main script is Latin whenever a Latin letter is
    present: a Vietnamese name or a serial is written in Latin letters.

    >>> mixed_scripts("Иван"), mixed_scripts("BCH-009")
    ([], [])
    """
    scripts = [script_of(char) for char in text]
    present = {s for s in scripts if s is not None}
    if len(present) < 2:
        return []
    main = "LATIN" if "LATIN" in present else max(present, key=scripts.count)
    odd = (char for char, script in zip(text, scripts, strict=True) if script not in (None, main))
    return list(dict.fromkeys(odd))


def compatibility_chars(text: str) -> list[str]:
    """The characters of ``text`` that NFKC would change (full-width ``１``, ligatures…).

    >>> compatibility_chars("Ｎguyễn １")
    ['Ｎ', '１']
    """
    return list(dict.fromkeys(c for c in text if unicodedata.normalize("NFKC", c) != c))


def as_latin(text: str) -> str:
    """``text`` with look-alikes replaced by the Latin letter and compatibility forms unfolded,
    in NFC: the spelling to suggest.

    >>> as_latin("Nguyễn Văn \\u0410n")
    'Nguyễn Văn An'
    """
    unfolded = unicodedata.normalize("NFKD", text).translate(_TO_LATIN)
    return unicodedata.normalize("NFC", unfolded)


def describe(char: str) -> str:
    """A code point as a message names it.

    >>> describe("１")
    "U+FF11 FULLWIDTH DIGIT ONE ('１')"
    """
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED')} ({char!r})"


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
"""Vietnamese tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters."""


def _without_tones(text: str) -> str:
    """``text`` decomposed, look-alikes as Latin, tone marks dropped (case kept)."""
    unfolded = unicodedata.normalize("NFKD", text).translate(_TO_LATIN)
    return "".join(c for c in unfolded if c not in _TONE_MARKS)


def _tones(text: str) -> list[list[str]]:
    """The tone marks of each word of ``text``, in order."""
    return [
        [c for c in unicodedata.normalize("NFD", word) if c in _TONE_MARKS] for word in text.split()
    ]


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def _spelt(text: str) -> str:
    """A stretch of text with its code points: ``'Ă' (U+0102)``."""
    return f"{text!r} ({' '.join(map(_code, text)) or '∅'})"


@dataclass(frozen=True, slots=True)
class Difference:
    """How two spellings differ, said briefly in the reader's language (a message parameter):
    the kinds of difference first (capital letters, accent encoding, tone placement,
    full-width characters, look-alike letters of another script), then, for the last two
    only, the few letters concerned with their code points, in composed (NFC) form.

    Made by :func:`difference`; ``render("vi")`` or ``render("en")`` gives the words.
    """

    lookalikes: tuple[str, ...] = ()
    """Cyrillic or Greek letters that print like a Latin one."""
    wide: tuple[str, ...] = ()
    """Full-width (or other compatibility) characters."""
    case: bool = False
    composition: bool = False
    tone_placement: bool = False
    other: tuple[tuple[str, str], ...] = ()
    """Stretches that differ in a way a reader can see (the two spellings are not alike)."""
    limit: int = 3

    def render(self, lang: Lang = "vi") -> str:
        """``chỉ khác ở chữ hoa / chữ thường`` / ``differ only in capital letters``, etc."""
        budget = [self.limit]

        def shown(items: list[str]) -> str:
            kept = items[: max(budget[0], 1)]
            budget[0] -= len(kept)
            return ", ".join(kept) + (", …" if len(kept) < len(items) else "")

        kinds: list[str] = []
        if self.case:
            kinds.append(text("lookalike.case", lang))
        if self.composition:
            kinds.append(text("lookalike.composition", lang))
        if self.tone_placement:
            kinds.append(text("lookalike.tone_placement", lang))
        if self.lookalikes:
            letters = [
                text(
                    "lookalike.letter",
                    lang,
                    char=char,
                    code=_code(char),
                    script=text(f"lookalike.script.{script_of(char) or 'CYRILLIC'}", lang),
                    latin=as_latin(char),
                )
                for char in self.lookalikes
            ]
            kinds.append(text("lookalike.letters", lang, letters=shown(letters)))
        if self.wide:
            chars = [
                text("lookalike.wide_char", lang, char=c, code=_code(c), plain=as_latin(c))
                for c in self.wide
            ]
            kinds.append(text("lookalike.wide", lang, chars=shown(chars)))
        if self.other:
            pairs = [f"{_spelt(a)} ≠ {_spelt(b)}" for a, b in self.other]
            kinds.append(text("lookalike.other", lang, pairs=shown(pairs)))
        if not kinds:
            return text("lookalike.none", lang)
        return text("lookalike.only", lang, kinds=text("lookalike.and", lang).join(kinds))


def difference(first: str, second: str, limit: int = 3) -> Difference:
    """How ``second`` differs from ``first`` to a reader: the kind of difference, and for
    look-alike and full-width characters the few concerned (at most ``limit`` letters shown).

    >>> difference("Nguyễn Văn An", "NGUYỄN VĂN AN").render("en")
    'differ only in capital letters'
    >>> said = difference("Nguyễn Văn An", "Nguyễn Văn \\u0410n").render("vi")
    >>> said.split(": ")[0]
    'chỉ khác ở chữ trông giống nhau của bảng chữ khác'
    >>> said.split(": ")[1]
    "chữ 'А' (U+0410, chữ Kirin) trông giống chữ 'A' Latinh"
    >>> difference("BCH-001", "bch-００1").render("en")
    "differ only in capital letters and full-width characters: '０' (U+FF10) is a full-width '0'"
    """
    a = unicodedata.normalize("NFC", first)
    b = unicodedata.normalize("NFC", second)
    lookalikes: list[str] = []
    wide: list[str] = []
    other: list[tuple[str, str]] = []
    # Aligned letter by letter on what a reader sees, so a stretch that differs only in code
    # points lines up with its look-alike.
    keys_a, keys_b = [skeleton(c) for c in a], [skeleton(c) for c in b]
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            other.append((a[i1:i2], b[j1:j2]))
            continue
        for x, y in zip(a[i1:i2], b[j1:j2], strict=True):
            for char in (x, y) if x != y else ():
                if unicodedata.normalize("NFKC", char) != char:
                    wide.append(char)
                elif any(c in LATIN_LOOKALIKES for c in unicodedata.normalize("NFD", char)):
                    lookalikes.append(char)
    bare_a, bare_b = _without_tones(a), _without_tones(b)
    tone_placement = (
        bool(other) and bare_a.casefold() == bare_b.casefold() and _tones(a) == _tones(b)
    )
    return Difference(
        lookalikes=tuple(dict.fromkeys(lookalikes)),
        wide=tuple(dict.fromkeys(wide)),
        case=bare_a != bare_b and bare_a.casefold() == bare_b.casefold(),
        composition=a == b and first != second,
        tone_placement=tone_placement,
        other=() if tone_placement else tuple(other),
        limit=limit,
    )
