"""What the minutes print beyond a result: the congress, the board, the time of the count, the
complaints, and the fingerprint of the audit log behind them.

A spec gives this context (:meth:`MinutesContext.of`), and so does a replayed log; the renderers
in :mod:`tally.render` print it.

>>> Fingerprint(events=3, hash="0123abcd" * 8, file="bch.jsonl").grouped()[:17]
'0123abcd 0123abcd'
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import field_validator

from tally.congress.chain import Venue
from tally.congress.plan import BoardMember, Congress, OpenVoteRecord
from tally.i18n.labels import bare_term
from tally.model.base import FrozenModel


def grouped_hash(digest: str) -> str:
    """A hash in groups of eight characters, separated by spaces."""
    return " ".join(digest[i : i + 8] for i in range(0, len(digest), 8))


class Fingerprint(FrozenModel):
    """The audit log behind the minutes: its file, how many events, the last event's hash."""

    events: int
    hash: str
    file: str | None = None

    def grouped(self) -> str:
        """The hash in groups of eight, easy to read aloud and compare with the file.

        >>> Fingerprint(events=1, hash="ab" * 32).grouped()[:17]
        'abababab abababab'
        """
        return grouped_hash(self.hash)


class MinutesContext(FrozenModel):
    """What the minutes print beyond the result: the congress, the board, the time of the
    count, complaints and the audit log's fingerprint (from a spec or from a log)."""

    congress: str | None = None
    term: str | None = None
    place: str | None = None
    date: dt.date | None = None
    letterhead: tuple[str, ...] = ()
    """The organisation's lines at the head of the page (see :attr:`Congress.letterhead`)."""
    locality: str | None = None
    """The place name of the date line."""
    open_votes: tuple[OpenVoteRecord, ...] = ()
    """The congress's open votes about this contest (its seats, its list)."""
    board: tuple[BoardMember, ...] = ()
    counted_at: dt.datetime | None = None
    reported_at: dt.datetime | None = None
    """When the minutes were adopted and reported to the assembly."""
    complaints: tuple[tuple[str, str], ...] = ()
    """(complaint, how it was settled) pairs."""
    fingerprint: Fingerprint | None = None

    @field_validator("term")
    @classmethod
    def _bare_term(cls, value: str | None) -> str | None:
        """The minutes print "nhiệm kỳ" / "term" themselves: once, whatever the spec says."""
        return bare_term(value) if value is not None else None

    @classmethod
    def of(
        cls, congress: Congress | None, contest_id: str, round_number: int = 1
    ) -> MinutesContext:
        """The context a congress spec gives the minutes of one round of ``contest_id``."""
        if congress is None:
            return cls()
        base_id = contest_id.removesuffix(f".r{round_number}") if round_number > 1 else contest_id
        try:
            plan = congress.plan(base_id).round_plan(round_number)
        except (KeyError, IndexError):
            plan = None
        return cls(
            **_heading(congress),
            open_votes=congress.open_votes_on(base_id) if round_number == 1 else (),
            board=congress.board_for(base_id),
            counted_at=plan.counted_at if plan else None,
            reported_at=plan.reported_at if plan else None,
            complaints=tuple((c.summary, c.settlement) for c in plan.complaints) if plan else (),
        )

    @classmethod
    def of_poll(cls, congress: Congress | None, poll_id: str) -> MinutesContext:
        """The context a congress spec gives the minutes of its poll ``poll_id``: the congress,
        the board of the congress's venue, the time of the count."""
        if congress is None:
            return cls()
        return cls(
            **_heading(congress),
            board=congress.venue_board(Venue.CONGRESS) or congress.board,
            counted_at=congress.poll_plan(poll_id).counted_at,
        )


def _heading(congress: Congress) -> dict[str, Any]:
    """What every minutes of ``congress`` prints at its head."""
    return {
        "congress": congress.name,
        "term": congress.term,
        "place": congress.place,
        "date": congress.date,
        "letterhead": congress.letterhead,
        "locality": congress.locality,
    }
