"""The counting minutes (biên bản kiểm phiếu) of one contest, Vietnamese or English (RULES §7).

>>> from tally import Body, Contest, CongressKind, Roll, Ballots, count_contest
>>> roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3)
>>> contest = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"])
>>> result = count_contest(contest, Ballots.from_arrays(contest, [[1], [1], [2]]), roll=roll,
...                        issued=3)
>>> text = render_minutes(result, lang="en")
>>> "Lê Văn Tám" in text and "66.67%" in text and "ELECTED" in text
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tally.arguments import checked
from tally.congress.minutes_context import Fingerprint, MinutesContext
from tally.congress.plan import Congress, OpenVoteRecord
from tally.counting.open_vote import Motion
from tally.counting.outcome import OutcomeStatus, Standing
from tally.counting.result import ContestResult
from tally.i18n.labels import body_label, contest_title, label, long_date
from tally.i18n.messages import Lang, Words, keys
from tally.model.contest import BallotForm, Candidate
from tally.model.roll import CongressKind
from tally.model.rules import (
    TALLY_POLICY,
    Citation,
    Organisation,
    RuleSet,
    ShortfallRemedy,
    ThresholdBase,
)
from tally.render.document import (
    Block,
    Document,
    Fields,
    Format,
    Heading,
    Letterhead,
    Paragraph,
    Signatures,
    Table,
    Title,
    render,
)
from tally.render.rule_set import override_lines

_t = Words("minutes")


def minutes_blocks(
    result: ContestResult,
    congress: Congress | MinutesContext | None = None,
    lang: Lang = "vi",
    fingerprint: Fingerprint | None = None,
) -> list[Block]:
    """The minutes of ``result`` as document blocks (see :mod:`tally.render.document`).

    ``congress`` is the spec's congress or a :class:`MinutesContext` (e.g. from a log);
    ``fingerprint``, when given, is printed so the paper binds to the audit log.
    """
    contest = result.contest
    context = (
        congress
        if isinstance(congress, MinutesContext)
        else MinutesContext.of(congress, contest.id, contest.round)
    )
    if fingerprint is not None:
        context = context.model_copy(update={"fingerprint": fingerprint})
    return [
        letterhead_block(context, lang, result.rules),
        _title(result, context, lang),
        *_general(result, context, lang),
        *board_blocks(context, lang),
        *_seats_and_list(result, context, lang),
        Heading(_t("s_base", lang)),
        Fields(tuple(_base_lines(result, lang))),
        *_ballots(result, lang),
        Heading(_t("s_elected", lang)),
        *_elected_blocks(result, lang),
        *_complaints(context, lang),
        *_closing(result, context, lang),
    ]


@checked
def render_minutes(
    result: ContestResult,
    congress: Congress | MinutesContext | None = None,
    lang: Lang = "vi",
    fmt: Format = "text",
    fingerprint: Fingerprint | None = None,
) -> str:
    """The minutes as plain text (to print and sign) or Markdown."""
    return render(minutes_blocks(result, congress, lang, fingerprint), fmt)


def minutes_document(
    result: ContestResult,
    congress: Congress | MinutesContext | None = None,
    lang: Lang = "vi",
    fingerprint: Fingerprint | None = None,
) -> Document:
    """The minutes as a :class:`~tally.render.document.Document` to print on pages of their
    own, the audit log's fingerprint (when there is one) at the foot of every page."""
    blocks = minutes_blocks(result, congress, lang, fingerprint)
    mark = fingerprint or (congress.fingerprint if isinstance(congress, MinutesContext) else None)
    footer = _t("footer", lang, events=mark.events, hash=mark.grouped()) if mark else ""
    return Document(tuple(blocks), footer, lang)


# --- the sections, in the order of the minutes --------------------------------------------------


_MASTHEAD = {
    Organisation.STATE: "republic",
    Organisation.PEOPLES_COUNCIL: "republic",
    Organisation.TRADE_UNION: "republic",
}
"""The organisations whose documents are headed by the state's name, not their own."""


def letterhead_block(context: MinutesContext, lang: Lang, rules: RuleSet) -> Letterhead:
    """The congress (or the spec's letterhead) and the board on the left; the Party and the
    place and date on the right (blank dots where the spec does not say, for the board to write
    in). Hướng dẫn 36-HD/VPTW 1.2.1: a counting board's upper body is its congress."""
    lines = context.letterhead or ((context.congress,) if context.congress else ())
    organisation = tuple(line.upper() for line in lines) or (_t("blank_line", lang),)
    day = context.counted_at.date() if context.counted_at is not None else context.date
    when = _letter_date(day, lang) if day is not None else _t("blank_date", lang)
    place = context.locality or _t("blank_place", lang)
    return Letterhead(
        organisation,
        _t("issuer", lang),
        _t(f"minutes.masthead.{_MASTHEAD.get(rules.organisation, rules.organisation.value)}", lang),
        _t("place_date", lang, place=place, date=when),
    )


def _letter_date(day: dt.date, lang: Lang) -> str:
    """The date of the place-and-date line: days below 10 and the months January and February
    with a leading zero, as Party documents write them (``ngày 05 tháng 02 năm 2026``)."""
    if lang == "en":
        return long_date(day, lang)
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return _t("letter_date", lang, day=f"{day.day:02d}", month=month, year=day.year)


def _title(result: ContestResult, context: MinutesContext, lang: Lang) -> Title:
    """The title, the contest (and round), the congress and its term."""
    contest = result.contest
    subtitle = [contest_title(contest, lang)]
    if context.congress is not None:
        term = f", {_t('doc.term_of', lang, term=context.term)}" if context.term else ""
        subtitle.append(context.congress + term)
    return Title(_t("title", lang), tuple(subtitle))


def _general(result: ContestResult, context: MinutesContext, lang: Lang) -> list[Block]:
    """I. The congress, its term, place and date, when the count was made, the rules."""
    general: list[tuple[str, str]] = []
    if context.congress is not None:
        conference = result.roll.kind is CongressKind.COMMITTEE_CONFERENCE
        meeting = _t("conference", lang) if conference else _said_by("congress", result.rules, lang)
        general.append((meeting, context.congress))
        if context.term:
            general.append((_t("term", lang), context.term))
        if context.place:
            general.append((_t("place", lang), context.place))
        if context.date:
            general.append((_t("date", lang), long_date(context.date, lang)))
    if context.counted_at is not None:
        general.append((_t("counted_at", lang), _moment(context.counted_at, lang)))
    general.append((_t("doc.rules", lang), result.rules.title))
    general += [
        (_t("rules.decided_by", lang, assembly=_assembly(result, lang)), line)
        for line in override_lines(result.rules.overrides, lang)
    ]
    return [Heading(_t("doc.s_general", lang)), Fields(tuple(general))]


def board_blocks(context: MinutesContext, lang: Lang) -> list[Block]:
    """II. The counting board, head first as listed."""
    board = context.board
    if not board:
        return [Heading(_t("s_board", lang)), Paragraph(_t("no_board", lang))]
    rows = tuple((str(i), m.name, _t(m.role, lang)) for i, m in enumerate(board, start=1))
    headers = (_t("doc.no", lang), _t("doc.full_name", lang), _t("role", lang))
    return [Heading(_t("s_board", lang)), Table(headers, rows, ("right", "left", "left"))]


def _seats_and_list(result: ContestResult, context: MinutesContext, lang: Lang) -> list[Block]:
    """III. The congress's votes on the seats and the list, the seats, the ballot's form, the
    list in ballot order with its notes."""
    contest = result.contest
    votes = [_open_vote_line(result, vote, lang) for vote in context.open_votes]
    return [
        Heading(_t("s_list", lang)),
        *(Paragraph(line) for line in votes),
        Fields(
            (
                (_t("doc.seats", lang), str(contest.seats)),
                (_t("doc.list_size", lang), str(len(contest.candidates))),
                (_t("doc.form", lang), label(contest.form, lang)),
            )
        ),
        Paragraph(
            _t("list_one", lang) if len(contest.candidates) == 1 else _t("list_order", lang) + ":"
        ),
        _list_table(result, lang),
    ]


def _open_vote_line(result: ContestResult, vote: OpenVoteRecord, lang: Lang) -> str:
    """What the congress voted about this contest, with the hands counted."""
    hands = _t("hands", lang, yes=vote.yes, no=vote.no, abstain=vote.abstain)
    assembly = _capitalised(_assembly(result, lang))
    decided = vote.decide(result.roll, result.rules)
    hands = _t("hands_passed" if decided.passed else "hands_failed", lang, hands=hands)
    if vote.motion is Motion.SEATS and decided.passed:
        body = body_label(result.contest.body, result.rules.organisation, lang)
        seats = result.contest.seats
        return _t("seats_vote", lang, assembly=assembly, body=body, seats=seats, hands=hands)
    return _t("open_vote", lang, assembly=assembly, subject=vote.subject, hands=hands)


def _list_table(result: ContestResult, lang: Lang) -> Table:
    """The list in ballot order; a "Ghi chú" column when the spec notes who nominated whom."""
    assembly = _assembly(result, lang)
    notes = [_note(candidate, assembly, lang) for candidate in result.contest.candidates]
    numbered = enumerate(result.contest.names, start=1)
    if not any(notes):
        rows = tuple((str(i), name) for i, name in numbered)
        return Table((_t("doc.no", lang), _t("doc.full_name", lang)), rows, ("right", "left"))
    return Table(
        (_t("doc.no", lang), _t("doc.full_name", lang), _t("doc.note", lang)),
        tuple((str(i), name, note) for (i, name), note in zip(numbered, notes, strict=True)),
        ("right", "left", "left"),
    )


def _note(candidate: Candidate, assembly: str, lang: Lang) -> str:
    by = candidate.nominated_by
    said = [_t(f"nominated_{by}", lang, assembly=assembly)] if by else []
    return "; ".join([*said, *([candidate.note] if candidate.note else [])])


def _ballots(result: ContestResult, lang: Lang) -> list[Block]:
    """V. The ballots issued, collected, valid and invalid (by reason), and the votes."""
    count = result.count
    invalid_lines = [
        (f"  {label(reason, lang)}", str(n)) for reason, n in count.invalid_by_reason.items() if n
    ]
    check = _t(
        "check_text",
        lang,
        valid=count.valid,
        invalid=count.invalid,
        collected=count.collected,
        issued=result.issued,
    )
    validity = result.rules.validity
    reading: list[Block] = []
    if validity.partial_strike_kept and result.contest.form is BallotForm.STRIKE_OUT:
        cited = _cited_or_none(validity.partial_strike_citation, lang)
        reading.append(Paragraph(_t("partial_strike", lang, cited=cited)))
    return [
        Heading(_t("s_ballots", lang)),
        Fields(
            (
                (_t("doc.issued", lang), str(result.issued)),
                (_t("doc.collected", lang), str(count.collected)),
                (_t("valid", lang), str(count.valid)),
                (_t("invalid", lang), str(count.invalid)),
                *invalid_lines,
                (_t("check", lang), check),
            )
        ),
        *reading,
        Paragraph(_t("votes_by_candidate", lang) + ":"),
        _votes_table(result, lang),
    ]


def _complaints(context: MinutesContext, lang: Lang) -> list[Block]:
    """VII. The complaints and how each was settled; then the log's fingerprint, if any."""
    blocks: list[Block] = [Heading(_t("s_complaints", lang))]
    if context.complaints:
        blocks += [
            Paragraph(_t("complaint", lang, number=i, summary=summary, settlement=settlement))
            for i, (summary, settlement) in enumerate(context.complaints, start=1)
        ]
    else:
        blocks.append(Paragraph(_t("no_complaints", lang)))
    mark = context.fingerprint
    if mark is not None:
        line = _t(
            "fingerprint",
            lang,
            file=f" {mark.file}" if mark.file else "",
            events=mark.events,
            hash=mark.grouped(),
        )
        blocks.append(Paragraph(line))
    return blocks


def _closing(result: ContestResult, context: MinutesContext, lang: Lang) -> list[Block]:
    """When the minutes were made and to whom they were announced; the board's signatures."""
    return closing_blocks(context, _capitalised(_assembly(result, lang)), lang)


def closing_blocks(context: MinutesContext, assembly: str, lang: Lang) -> list[Block]:
    """The sentence that the minutes were adopted and reported to ``assembly`` (at the time
    given, else dots to fill in), and the board's signatures, members left and head right."""
    when = (
        _moment(context.reported_at, lang)
        if context.reported_at is not None
        else _t("closing_blank", lang)
    )
    heads = tuple(m.name for m in context.board if m.role == "head")
    members = tuple(m.name for m in context.board if m.role != "head")
    return [
        Paragraph(_t("closing", lang, when=when, assembly=assembly)),
        Signatures(
            ((_t("sign_members", lang), members), (_t("sign_head", lang), heads)),
            _t("doc.sign_note", lang),
        ),
    ]


# --- the parts of sections ----------------------------------------------------------------------


def _moment(moment: dt.datetime, lang: Lang) -> str:
    """The hour and minute and the day, as the minutes write them."""
    day = long_date(moment.date(), lang)
    return _t("moment", lang, hour=moment.hour, minute=moment.minute, day=day)


def _assembly(result: ContestResult, lang: Lang) -> str:
    """Who hears the minutes: the congress (a People's Council's session), or the conference
    (hội nghị) of a committee."""
    if result.roll.kind is CongressKind.COMMITTEE_CONFERENCE:
        return _t("assembly_conference", lang)
    return _said_by("assembly_congress", result.rules, lang, "doc.congress")


def _base_lines(result: ContestResult, lang: Lang) -> list[tuple[str, str]]:
    """IV. Those convened, the deductions, the threshold base, those present, the threshold."""
    roll, rules, outcome = result.roll, result.rules, result.outcome
    convened_key = {
        CongressKind.MEMBER_CONGRESS: "convened_members",
        CongressKind.DELEGATE_CONGRESS: "convened_delegates",
        CongressKind.COMMITTEE_CONFERENCE: "convened_committee",
    }[roll.kind]
    lines = [(_said_by(convened_key, rules, lang), str(roll.convened))]
    deductions = roll.deduction_lines()
    if deductions:
        lines.append((_t("deduct_list", lang), ""))
        lines += [(f"  {label(cat, lang)}", str(n)) for cat, n in deductions]
    else:
        lines.append((_t("deduct", lang), _t("doc.none", lang)))
    base_label = {
        ThresholdBase.ROLL: f"base.{roll.kind.value}",
        ThresholdBase.VALID_BALLOTS: "base_valid",
        ThresholdBase.COLLECTED_BALLOTS: "base_collected",
    }[rules.threshold.base]
    lines.append((_said_by(base_label, rules, lang), str(outcome.base)))
    quorum = result.quorum
    present = _said_by(f"present.{roll.kind.value}", rules, lang)
    if rules.quorum.numerator:
        quorum_text = _t(
            "quorum_ok" if quorum.met else "quorum_no",
            lang,
            num=rules.quorum.numerator,
            den=rules.quorum.denominator,
            req=quorum.required,
        )
        lines.append((present, f"{roll.present} — {quorum_text}"))
    else:
        lines.append((present, str(roll.present)))
    lines.append((_t("absent", lang), str(roll.convened - roll.present)))
    turnout = result.turnout
    if turnout is not None:
        said = _t(
            "turnout_ok" if turnout.met else "turnout_no",
            lang,
            voted=turnout.voted,
            convened=turnout.convened,
            cited=_cited_or_none(rules.turnout.citation, lang),
        )
        lines.append((_t("turnout", lang), said))
    if outcome.most_votes:
        threshold = _t("threshold_most_votes", lang)
    else:
        threshold = _t(
            "threshold_text",
            lang,
            base=outcome.base,
            min=outcome.min_votes,
            cited=_cited(rules.threshold.citation, lang),
        )
    lines.append((_t("threshold", lang), threshold))
    return lines


def _said_by(key: str, rules: RuleSet, lang: Lang, party: str | None = None) -> str:
    """``minutes.KEY`` in the words of the rule set's organisation (``minutes.KEY.trade_union``)
    where it has its own, else the Party's (``party``, by default ``minutes.KEY``)."""
    own = f"minutes.{key}.{rules.organisation.value}"
    return _t(own if own in keys() else party or f"minutes.{key}", lang)


def _cited_or_none(citation: Citation | None, lang: Lang) -> str:
    return "" if citation is None else _cited(citation, lang)


def _capitalised(word: str) -> str:
    """``đại hội`` → ``Đại hội``: the congress named as the one holding the vote."""
    return word[:1].upper() + word[1:]


def _cited(citation: Citation, lang: Lang) -> str:
    """`` (QĐ 190-QĐ/TW, Điều 30)`` after a rule the regulation states; nothing after a
    policy it leaves open (the summary's notes and the docs say which, not signed paper)."""
    return "" if citation.source == TALLY_POLICY else f" ({citation.render(lang)})"


def _percent(result: ContestResult, votes: int, lang: Lang) -> str:
    return result.rules.percent.format(votes, result.outcome.base, lang) + "%"


def verdict(result: ContestResult, standing: Standing, lang: Lang) -> str:
    """What the minutes say of ``standing``: elected, alternate, tied, above or below the
    threshold, or not elected."""
    tie = result.outcome.tie
    if standing.elected:
        return _t("r_elected", lang)
    if standing.alternate:
        return _t("r_alternate", lang)
    alternate_tie = result.outcome.alternate_tie
    open_tie = alternate_tie is not None and result.outcome.alternate_resolution is None
    if open_tie and alternate_tie is not None and standing.name in alternate_tie.candidates:
        return _t("r_tied", lang)
    if (
        tie is not None
        and result.outcome.tie_resolution is None
        and standing.name in tie.candidates
    ):
        return _t("r_tied", lang)
    if result.outcome.most_votes:
        return _t("r_not_elected", lang)
    return _t("r_above" if standing.above_threshold else "r_below", lang)


def _votes_table(result: ContestResult, lang: Lang) -> Table:
    yes_no = result.contest.form is BallotForm.YES_NO
    headers = [_t("doc.no", lang), _t("doc.full_name", lang)]
    headers += (
        [_t("agree", lang), _t("disagree", lang), _t("unmarked", lang)]
        if yes_no
        else [_t("votes", lang)]
    )
    percent = result.rules.percent
    headers += [_t("percent", lang)]
    headers += [_t("percent_of_valid", lang)] if percent.of_valid else []
    headers += [_t("percent_of_present", lang)] if percent.of_present else []
    headers += [_t("doc.result", lang)]
    rows = []
    for s in result.outcome.standings:
        cells = [str(s.number), s.name, str(s.votes)]
        if yes_no:
            cells += [str(s.against), str(s.unmarked)]
        cells += [_percent(result, s.votes, lang)]
        if percent.of_valid:
            cells += [percent.format(s.votes, result.count.valid, lang) + "%"]
        if percent.of_present:
            cells += [percent.format(s.votes, result.roll.present, lang) + "%"]
        cells += [verdict(result, s, lang)]
        rows.append(tuple(cells))
    align = ("right", "left", *(["right"] * (len(headers) - 3)), "left")
    return Table(tuple(headers), tuple(rows), align)  # type: ignore[arg-type]


def _ranked(result: ContestResult, names: Sequence[str], lang: Lang) -> Table:
    """``names`` ranked, with their votes and share of the base."""
    votes = {s.name: s.votes for s in result.outcome.standings}
    return Table(
        (_t("rank", lang), _t("doc.full_name", lang), _t("votes", lang), _t("percent", lang)),
        tuple(
            (str(i), name, str(votes[name]), _percent(result, votes[name], lang))
            for i, name in enumerate(names, start=1)
        ),
        ("right", "left", "right", "right"),
    )


def _elected_blocks(result: ContestResult, lang: Lang) -> list[Block]:
    """VI. Who is elected, any tie and how it stands, the alternates, whether seats are open."""
    outcome = result.outcome
    if outcome.elected:
        full = len(outcome.elected) == result.contest.seats
        key = "elected_order_full" if full else "elected_order"
        if outcome.most_votes:
            key = "elected_most_votes"
        elif result.contest.seats == 1:
            key = "elected_one"
        order = _t(
            key,
            lang,
            body=body_label(result.contest.body, result.rules.organisation, lang),
            seats=result.contest.seats,
        )
        blocks: list[Block] = [
            Paragraph(order),
            _ranked(result, outcome.elected, lang),
        ]
    else:
        blocks = [Paragraph(_t("nobody", lang))]
    return blocks + _tie(result, lang) + _alternates(result, lang) + _seats_filled(result, lang)


def _tie(result: ContestResult, lang: Lang) -> list[Block]:
    """A tie at the cut-off: who is tied, and how it is (or is to be) resolved."""
    tie, resolution = result.outcome.tie, result.outcome.tie_resolution
    if tie is None:
        return []
    names = ", ".join(tie.candidates)
    said = _t(
        "tie", lang, n=len(tie.candidates), votes=tie.votes, stake=tie.seats_at_stake, names=names
    )
    cited = _cited(result.rules.tie.citation, lang)
    if resolution is None:
        policy = label(result.rules.tie.policy, lang)
        how = _t("tie_open", lang, stake=tie.seats_at_stake, policy=policy, cited=cited)
    elif resolution.by is not None:
        how = _t(
            "tie_resolved_policy",
            lang,
            policy=label(resolution.by, lang),
            cited=cited,
            note=resolution.note,
            winners=", ".join(resolution.winners),
        )
    else:
        winners = ", ".join(resolution.winners)
        how = _t("tie_resolved_decision", lang, note=resolution.note, winners=winners)
    return [Paragraph(said), Paragraph(how)]


def _alternates(result: ContestResult, lang: Lang) -> list[Block]:
    """The alternates in order, a tie at their cut-off, and the decision that settled it."""
    outcome = result.outcome
    blocks: list[Block] = []
    if outcome.alternates:
        blocks += [
            Paragraph(_t("alternates_order", lang)),
            _ranked(result, outcome.alternates, lang),
        ]
    tie = outcome.alternate_tie
    if tie is not None:
        names = ", ".join(tie.candidates)
        blocks.append(
            Paragraph(
                _t(
                    "alternate_tie",
                    lang,
                    n=len(tie.candidates),
                    votes=tie.votes,
                    stake=tie.seats_at_stake,
                    names=names,
                )
            )
        )
    decided = outcome.alternate_resolution
    if decided is not None:
        winners = ", ".join(decided.winners)
        blocks.append(
            Paragraph(_t("tie_resolved_decision", lang, note=decided.note, winners=winners))
        )
    return blocks


def _seats_filled(result: ContestResult, lang: Lang) -> list[Block]:
    """Whether every seat is filled, and if not, who decides on another round."""
    outcome, seats, rounds = result.outcome, result.contest.seats, result.rules.rounds
    if outcome.status is OutcomeStatus.TURNOUT_NOT_MET:
        cited = _cited_or_none(result.rules.turnout.citation, lang)
        return [Paragraph(_t("turnout_failed", lang, seats=seats, cited=cited))]
    if outcome.status is OutcomeStatus.SHORTFALL:
        text = _t(
            "shortfall" if outcome.elected else "shortfall_none",
            lang,
            open=outcome.open_seats,
            elected=len(outcome.elected),
            seats=seats,
            assembly=_assembly(result, lang),
        )
        if rounds.max_rounds is not None and result.contest.round >= rounds.max_rounds:
            after = _t(
                "after_last_round",
                lang,
                rounds=rounds.max_rounds,
                cited=_cited_or_none(rounds.max_rounds_citation, lang),
            )
        elif rounds.shortfall_remedy is ShortfallRemedy.SUPPLEMENTARY_ELECTION:
            after = _t(
                "after_supplementary", lang, cited=_cited_or_none(rounds.shortfall_citation, lang)
            )
        else:
            after = _t("after_further_round", lang, assembly=_assembly(result, lang))
        return [Paragraph(f"{text} {after}")]
    if outcome.status is OutcomeStatus.COMPLETE:
        return [Paragraph(_t("complete", lang, seats=seats))]
    return []
