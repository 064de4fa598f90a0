"""The congress summary: every contest, who was elected, what is open, what comes next.

>>> from tally import Ballots, Body, CongressKind, Contest, Roll
>>> from tally.congress.plan import BoardMember, Congress, ContestPlan
>>> from tally.congress.run import run_congress
>>> bt = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Vũ Thị Lan"])
>>> congress = Congress(name="Đại hội Chi bộ 5",
...     roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=7, present=7),
...     board=[BoardMember(name="Lê Thị Hoa", role="head")],
...     contests=[ContestPlan(contest=bt, issued=7)])
>>> record = run_congress(congress, {"bt": Ballots.from_arrays(bt, [[1]] * 3 + [[2]] * 4)})
>>> print(render_summary(record, "en").split("III. WHAT COMES NEXT")[1].strip())
Chi bộ secretary: 1 seat(s) open; the congress decides whether to hold another
round. If it does, the default list: Vũ Thị Lan.
"""

from __future__ import annotations

from tally.arguments import checked
from tally.congress.advisories import advisories
from tally.congress.chain import Venue
from tally.congress.run import DELEGATE_BODIES, CongressRecord, ContestRecord, ContestStatus
from tally.counting.outcome import OutcomeStatus
from tally.i18n.labels import body_label, label
from tally.i18n.messages import Lang, Words
from tally.model.bodies import Body
from tally.model.roll import CongressKind
from tally.model.rules import Citation, RuleSet, ShortfallRemedy
from tally.render.document import (
    Block,
    Document,
    Fields,
    Format,
    Heading,
    Paragraph,
    Table,
    Title,
    render,
)

_t = Words("summary")


def contest_names(record: CongressRecord, lang: Lang = "vi") -> dict[str, str]:
    """What the summary calls each contest: the body or post elected (``Ban Chấp hành``), or,
    when two contests elect the same, each one's title (else the body and its id).

    Contest ids are the spec's keys, not words a board reads."""
    bodies = [c.body for c in record.contests]
    names = {}
    for c in record.contests:
        name = body_label(c.body, record.congress.rules.organisation, lang)
        if bodies.count(c.body) > 1:
            title = record.congress.plan(c.contest_id).contest.title
            name = title or f"{name} ({c.contest_id})"
        names[c.contest_id] = name[:1].upper() + name[1:]
    return names


def summary_blocks(record: CongressRecord, lang: Lang = "vi") -> list[Block]:
    """The summary of ``record`` as document blocks."""
    congress = record.congress
    names = contest_names(record, lang)
    rows = tuple(
        (
            str(i),
            names[c.contest_id],
            _venue_words(record, c, lang),
            str(c.seats),
            str(len(c.rounds)),
            str(len(c.elected)),
            str(c.open_seats),
            label(c.status, lang),
        )
        for i, c in enumerate(record.contests, start=1)
    )
    headers = ("doc.no", "contest", "venue", "seats", "rounds", "elected", "open", "status")
    blocks: list[Block] = [
        Title(_t("title", lang), (congress.name,)),
        Heading(_t("s_contests", lang)),
        Table(
            tuple(_t(h, lang) for h in headers),
            rows,
            ("right", "left", "left", "right", "right", "right", "right", "left"),
        ),
        Heading(_t("s_elected", lang)),
        Fields(
            tuple(
                line
                for c in record.contests
                for line in (
                    (names[c.contest_id], ", ".join(c.elected) or _t("nobody", lang)),
                    *(
                        [(f"  {_t('alternates', lang)}", ", ".join(c.alternates))]
                        if c.alternates
                        else []
                    ),
                )
            )
        ),
        Heading(_t("s_next", lang)),
    ]
    steps = [
        _t("next_open_vote", lang, subject=v.subject, yes=v.yes, needed=v.needed, base=v.base)
        for v in record.failed_open_votes
    ]
    steps += [
        _next_step(c, names, record.congress.rules, lang, _at_conference(record, c))
        for c in record.contests
        if c.status is not ContestStatus.COMPLETE
    ]
    blocks += [Paragraph(step) for step in steps] or [Paragraph(_t("all_done", lang))]
    notes = [note.render(lang) for note in advisories(record.congress)]
    notes += _policy_notes(record, names, lang)
    if notes:
        blocks.append(Paragraph(_t("advisories", lang)))
        blocks += [Paragraph(note) for note in notes]
    blocks += _composition_blocks(record, lang)
    blocks += _open_vote_blocks(record, lang)
    return blocks


def _policy_notes(record: CongressRecord, names: dict[str, str], lang: Lang) -> list[str]:
    """Policies no regulation settles that decided something here (tally's [U] policies)."""
    notes: list[str] = []
    for c in record.contests:
        for result in c.rounds:
            if result.outcome.most_votes:
                notes.append(
                    _t(
                        "note_most_votes",
                        lang,
                        contest=names[c.contest_id],
                        number=result.contest.round,
                    )
                )
    return notes


def _open_vote_blocks(record: CongressRecord, lang: Lang) -> list[Block]:
    """Section V: the open votes, each with its base and whether it passed."""
    congress = record.congress
    if not congress.open_votes:
        return []
    rows = []
    for i, vote in enumerate(congress.open_votes, start=1):
        result = vote.decide(congress.roll, congress.rules)
        rows.append(
            (
                str(i),
                result.subject,
                str(result.yes),
                str(result.no),
                str(result.abstain),
                f"{result.needed} / {result.base}",
                _t("passed" if result.passed else "failed", lang),
            )
        )
    headers = ("doc.no", "subject", "yes", "no_votes", "abstain", "needed", "doc.result")
    citation = congress.rules.open_vote.citation.render(lang)
    return [
        Heading(_t("s_open_votes", lang)),
        Paragraph(_t("open_vote_rule", lang, citation=citation)),
        Table(
            tuple(_t(h, lang) for h in headers),
            tuple(rows),
            ("right", "left", "right", "right", "right", "right", "left"),
        ),
    ]


def _composition_blocks(record: CongressRecord, lang: Lang) -> list[Block]:
    """Section IV: the make-up of each body whose elected carry personal data."""
    if record.congress.date is None:
        return []
    names = contest_names(record, lang)
    rows = []
    findings: list[tuple[str, str]] = []
    for c in record.contests:
        members = record.members(c.contest_id)
        if not members or not any(
            m.gender or m.ethnicity or m.birth_date or m.incumbent is not None for m in members
        ):
            continue
        made = record.composition(c.contest_id, record.congress.targets)
        rows.append(
            (
                names[c.contest_id],
                str(made.size),
                str(made.women),
                str(made.minorities),
                str(made.age_bands["under_40"]),
                str(made.reelected),
                str(made.new),
            )
        )
        for f in made.findings:
            verdict = _t(
                "target_met" if f.met else "target_missed",
                lang,
                target=_t(f"t_{f.target}", lang),
                required=f.required_percent,
                count=f.count,
                size=f.size,
                share=record.congress.rules.percent.format(f.count, f.size, lang) + "%",
            )
            findings.append((names[c.contest_id], verdict))
    if not rows:
        return []
    headers = ("contest", "size", "women", "minorities", "under_40", "reelected", "new")
    return [
        Heading(_t("s_composition", lang)),
        Table(
            tuple(_t(h, lang) for h in headers),
            tuple(rows),
            ("left", "right", "right", "right", "right", "right", "right"),
        ),
        *([Fields(tuple(findings))] if findings else []),
    ]


def _delegate_citation(rules: RuleSet, lang: Lang) -> str:
    cited = rules.rounds.delegate_citation
    return cited.render(lang) if cited is not None else ""


def _in_brackets(citation: Citation | None, lang: Lang) -> str:
    """`` (the citation)`` after a rule, or nothing when it has none."""
    return f" ({citation.render(lang)})" if citation is not None else ""


def _venue_words(record: CongressRecord, c: ContestRecord, lang: Lang) -> str:
    """Who voted: the congress, the committee's conference, the commission's meeting."""
    if c.venue is Venue.COMMISSION:
        return _t("venue_commission", lang)
    return _t("venue_committee" if _at_conference(record, c) else "doc.congress", lang)


def _at_conference(record: CongressRecord, c: ContestRecord) -> bool:
    """Held by a committee's conference: the new committee's, or the meeting itself when it is
    one (a by-election)."""
    return (
        c.venue is Venue.COMMITTEE or record.congress.roll.kind is CongressKind.COMMITTEE_CONFERENCE
    )


def _next_step(
    c: ContestRecord, names: dict[str, str], rules: RuleSet, lang: Lang, conference: bool = False
) -> str:
    following = c.next_round
    listed = ", ".join(following.names) if following is not None else ""
    seats = following.seats if following is not None else c.open_seats
    contest = names[c.contest_id]
    committee = conference
    assembly = _t("minutes.assembly_conference" if committee else "doc.congress", lang)
    last = c.rounds[-1] if c.rounds else None
    if last is not None and last.outcome.status is OutcomeStatus.TURNOUT_NOT_MET:
        return _t(
            "next_turnout",
            lang,
            contest=contest,
            voted=last.count.collected,
            convened=last.roll.convened,
            cited=_in_brackets(rules.turnout.citation, lang),
        )
    match c.status:
        case ContestStatus.NO_FURTHER_ROUND:
            return _t(
                "next_no_further_round",
                lang,
                contest=contest,
                seats=c.open_seats,
                rounds=len(c.rounds),
                cited=_in_brackets(rules.rounds.max_rounds_citation, lang),
            )
        case ContestStatus.NEEDS_ROUND if (
            rules.rounds.shortfall_remedy is ShortfallRemedy.SUPPLEMENTARY_ELECTION
        ):
            return _t(
                "next_supplementary",
                lang,
                contest=contest,
                seats=c.open_seats,
                cited=_in_brackets(rules.rounds.shortfall_citation, lang),
            )
        case ContestStatus.AWAITING_BALLOTS:
            number = len(c.rounds) + 1
            return _t(
                "next_awaiting", lang, contest=contest, number=number, seats=seats, names=listed
            )
        case ContestStatus.NEEDS_REVOTE:
            return _t(
                "next_revote", lang, contest=contest, seats=seats, names=listed, assembly=assembly
            )
        case ContestStatus.ALTERNATE_TIE:
            tie = c.alternate_tie
            assert tie is not None
            return _t(
                "next_alternate_tie",
                lang,
                contest=contest,
                names=", ".join(tie.candidates),
                seats=tie.seats_at_stake,
            )
        case ContestStatus.WAITING_FOR_SOURCE:
            source = names.get(c.waiting_for or "", c.waiting_for)
            return _t("next_waiting", lang, contest=contest, source=source)
        case ContestStatus.MUST_VOTE_AGAIN:
            cited = _delegate_citation(rules, lang)
            return _t(
                "next_must_vote_again",
                lang,
                contest=contest,
                seats=seats,
                names=listed,
                cited=cited,
            )
        case ContestStatus.NEEDS_ROUND if (
            c.body in DELEGATE_BODIES and rules.rounds.delegate_citation
        ):
            cited = _delegate_citation(rules, lang)
            return _t(
                "next_delegates_choice",
                lang,
                contest=contest,
                rounds=len(c.rounds),
                seats=seats,
                names=listed,
                cited=cited,
            )
        case ContestStatus.NEEDS_ROUND if c.body is Body.SECRETARY and c.venue is Venue.CONGRESS:
            return _t("next_post_open", lang, contest=contest)
        case ContestStatus.APPOINTED_BY_UPPER_LEVEL:
            return _t("next_appointed", lang, contest=contest, rounds=len(c.rounds))
        case _:
            return _t(
                "next_round", lang, contest=contest, seats=seats, names=listed, assembly=assembly
            )


def summary_document(record: CongressRecord, lang: Lang = "vi") -> Document:
    """The summary as a :class:`~tally.render.document.Document` on pages of its own."""
    return Document(tuple(summary_blocks(record, lang)), "", lang)


@checked
def render_summary(record: CongressRecord, lang: Lang = "vi", fmt: Format = "text") -> str:
    """The summary as plain text or Markdown."""
    return render(summary_blocks(record, lang), fmt)
