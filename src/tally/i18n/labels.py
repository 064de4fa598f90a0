"""The domain's vocabulary in Vietnamese and English: bodies, deductions, reasons, forms, dates.

Enumerations keep English identifiers; the catalogue gives the words a board reads, under
``label.<class name>.<member value>`` (:mod:`tally.i18n.catalogue.labels`), so this module
imports none of them.

>>> from tally.model.bodies import Body
>>> label(Body.STANDING_COMMITTEE), label(Body.STANDING_COMMITTEE, "en")
('Ban Thường vụ', 'standing committee')
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from tally.i18n.catalogue import CATALOGUE
from tally.i18n.messages import Lang, template, text


def long_date(day: dt.date, lang: Lang = "vi") -> str:
    """A date as the minutes write it, whatever the machine's locale.

    >>> long_date(dt.date(2025, 7, 9)), long_date(dt.date(2025, 7, 9), "en")
    ('9 tháng 7 năm 2025', '9 July 2025')
    """
    month = template(f"date.month.{day.month}", lang)
    return text("date.long", lang, day=day.day, month=month, year=day.year)


def label(member: Enum, lang: Lang = "vi") -> str:
    """The word a board reads for an enumeration member."""
    return template(f"label.{type(member).__name__}.{member.value}", lang)


class NamedContest(Protocol):
    """What naming a contest reads of it (a :class:`~tally.model.contest.Contest`)."""

    @property
    def title(self) -> str | None: ...
    @property
    def body(self) -> Enum: ...
    @property
    def round(self) -> int: ...


def body_label(body: Enum, organisation: Enum, lang: Lang = "vi") -> str:
    """What ``body`` is called in ``organisation`` (a rule set's): the Youth Union's
    ``cell_secretary`` is "Bí thư Chi đoàn", the Party's "Bí thư chi bộ".

    >>> from tally.model.bodies import Body
    >>> from tally.model.rules import Organisation
    >>> body_label(Body.CELL_SECRETARY, Organisation.YOUTH_UNION)
    'Bí thư Chi đoàn'
    >>> body_label(Body.CELL_SECRETARY, Organisation.PARTY, "en")
    'chi bộ secretary'
    """
    own = f"label.{type(body).__name__}.{body.value}.{organisation.value}"
    return template(own, lang) if own in CATALOGUE else label(body, lang)


def contest_title(contest: NamedContest, lang: Lang = "vi") -> str:
    """A contest as a board names it: its title, else what it elects; and its round past the
    first.

    >>> from tally.model.bodies import Body
    >>> from tally.model.contest import Contest
    >>> bch = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=1, candidates=("A", "B"))
    >>> contest_title(bch), contest_title(bch.model_copy(update={"round": 2}), "en")
    ('Bầu Ban Chấp hành', 'Election of the executive committee — round 2')
    """
    title = contest.title or text("doc.elect", lang, body=label(contest.body, lang))
    if contest.round > 1:
        title += text("doc.round_of", lang, number=contest.round)
    return title


@dataclass(frozen=True, slots=True)
class Term:
    """An enumeration member as a message parameter, rendered in the reader's language."""

    member: Enum

    def render(self, lang: Lang = "vi") -> str:
        """The member's label in ``lang``."""
        return label(self.member, lang)


_TERM_WORD = re.compile(r"^\s*(?:nhiệm\s+kỳ|term)\b\s*:?\s*", re.IGNORECASE)


def bare_term(term: str) -> str:
    """The term's years without the word "nhiệm kỳ" / "term", which the minutes print
    themselves, so ``term = "nhiệm kỳ 2025–2030"`` and ``term = "2025–2030"`` read alike.

    >>> bare_term("nhiệm kỳ 2025–2030"), bare_term("Nhiệm kỳ: 2025–2030")
    ('2025–2030', '2025–2030')
    >>> bare_term("Term 2025-2030"), bare_term("2025–2030"), bare_term("khóa I")
    ('2025-2030', '2025–2030', 'khóa I')
    """
    normal = unicodedata.normalize("NFC", term)
    stripped = _TERM_WORD.sub("", normal, count=1)
    return stripped.strip() or normal.strip()
