"""The minutes of a poll (biên bản kiểm phiếu): an introduction poll (the official template's
"Mẫu số 5: Biên bản kiểm phiếu xin ý kiến về người ứng cử, được đề cử") or a confidence vote —
the board, those convened and present, the ballots, each person's marks or ratings with their
shares of the policy's base, and, for a confidence vote, who passes the share of low confidence.
Nobody is elected.

>>> from tally.counting.poll import count_poll
>>> from tally.model.poll import Poll, PollBallotBuilder, PollKind
>>> from tally.model.roll import CongressKind, Roll
>>> poll = Poll(id="gt", kind=PollKind.INTRODUCTION, persons=["Lê Văn An", "Trần Thị Bình"])
>>> builder = PollBallotBuilder(poll)
>>> for i in range(1, 8):
...     builder.add(i, marked=[1 if i < 6 else 2])
>>> roll = Roll(kind=CongressKind.DELEGATE_CONGRESS, convened=8, present=7)
>>> text = render_poll_minutes(count_poll(poll, builder.build(), roll=roll, issued=7), lang="en")
>>> "Lê Văn An" in text and "71.43%" in text
True
"""

from __future__ import annotations

from tally.arguments import checked
from tally.congress.minutes_context import MinutesContext
from tally.congress.plan import Congress
from tally.counting.poll import PollResult
from tally.counting.validity import InvalidReason
from tally.i18n.labels import label, long_date
from tally.i18n.messages import Lang, Words
from tally.model.poll import PollKind
from tally.model.roll import CongressKind
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
from tally.render.minutes import board_blocks, closing_blocks, letterhead_block
from tally.render.rule_set import override_lines

_t = Words("poll")
_m = Words("minutes")


def poll_minutes_blocks(
    result: PollResult, congress: Congress | None = None, lang: Lang = "vi"
) -> list[Block]:
    """The minutes of ``result`` as document blocks."""
    context = MinutesContext.of_poll(congress, result.poll.id)
    poll = result.poll
    title = poll.title or label(poll.kind, lang).capitalize()
    subtitle = [title]
    if context.congress:
        subtitle.append(context.congress)
    conference = result.roll.kind is CongressKind.COMMITTEE_CONFERENCE
    assembly = _m("conference" if conference else "doc.congress", lang).lower()
    general = []
    if context.congress:
        general.append((_m("conference" if conference else "congress", lang), context.congress))
    if context.date:
        general.append((_m("date", lang), long_date(context.date, lang)))
    general.append((_m("doc.rules", lang), result.rules.title))
    decided = _m("rules.decided_by", lang, assembly=assembly)
    general += [(decided, line) for line in override_lines(result.rules.overrides, lang)]
    return [
        letterhead_block(context, lang, result.rules),
        Title(_m("title", lang), tuple(subtitle)),
        Heading(_m("doc.s_general", lang)),
        Fields(tuple(general)),
        *board_blocks(context, lang),
        Heading(_t("s_list", lang)),
        Paragraph(_t(f"list_{poll.kind.value}", lang, places=poll.places)),
        Table(
            (_m("doc.no", lang), _m("doc.full_name", lang)),
            tuple((str(i), name) for i, name in enumerate(poll.names, start=1)),
            ("right", "left"),
        ),
        Heading(_t("s_roll", lang)),
        Fields(tuple(_roll_lines(result, lang))),
        Heading(_t("s_ballots", lang)),
        Fields(tuple(_ballot_lines(result, lang))),
        *(_introduction(result, lang) if poll.kind is PollKind.INTRODUCTION else []),
        *(_confidence(result, lang) if poll.kind is PollKind.CONFIDENCE else []),
        *closing_blocks(context, assembly[:1].upper() + assembly[1:], lang),
    ]


def _roll_lines(result: PollResult, lang: Lang) -> list[tuple[str, str]]:
    roll = result.roll
    lines = [(_t("convened", lang), str(roll.convened))]
    lines += [(f"  {label(c, lang)}", str(n)) for c, n in roll.deduction_lines()]
    present = str(roll.present)
    presence = result.presence
    if presence is not None:
        policy = result.rules.polls
        key = "presence_ok" if presence.met else "presence_no"
        cited = policy.presence_citation
        present += " — " + _t(
            key,
            lang,
            num=policy.presence_numerator,
            den=policy.presence_denominator,
            req=presence.required,
            cited=f" ({cited.render(lang)})" if cited is not None else "",
        )
    lines.append((_t("present", lang), present))
    return lines


def _ballot_lines(result: PollResult, lang: Lang) -> list[tuple[str, str]]:
    lines = [
        (_m("doc.issued", lang), str(result.issued)),
        (_m("doc.collected", lang), str(result.collected)),
        (_m("valid", lang), str(result.valid)),
        (_m("invalid", lang), str(result.invalid)),
    ]
    for reason, n in result.invalid_by_reason.items():
        if n:
            over = result.poll.kind is PollKind.INTRODUCTION and reason is InvalidReason.OVER_SEATS
            said = (
                _t("over_places", lang, places=result.poll.places) if over else label(reason, lang)
            )
            lines.append((f"  {said}", str(n)))
    return lines


def _share(result: PollResult, count: int, lang: Lang) -> str:
    return result.rules.percent.format(count, result.base, lang) + "%"


def _base_words(result: PollResult, lang: Lang) -> str:
    policy = result.rules.polls
    which = (
        policy.introduction_base
        if result.poll.kind is PollKind.INTRODUCTION
        else policy.confidence_base
    )
    return _t(f"base_{which.value}", lang, base=result.base)


def _introduction(result: PollResult, lang: Lang) -> list[Block]:
    rows = tuple(
        (str(line.number), line.name, str(line.marked), _share(result, line.marked, lang))
        for line in result.lines
    )
    ranked = sorted(result.lines, key=lambda line: -line.marked)
    cited = result.rules.polls.introduction_citation
    return [
        Paragraph(_t("introduction_table", lang, base=_base_words(result, lang))),
        Table(
            (
                _m("doc.no", lang),
                _m("doc.full_name", lang),
                _t("marked", lang),
                _m("percent", lang),
            ),
            rows,
            ("right", "left", "right", "right"),
        ),
        Paragraph(_t("ranked", lang)),
        Table(
            (_m("rank", lang), _m("doc.full_name", lang), _t("marked", lang), _m("percent", lang)),
            tuple(
                (str(i), line.name, str(line.marked), _share(result, line.marked, lang))
                for i, line in enumerate(ranked, start=1)
            ),
            ("right", "left", "right", "right"),
        ),
        Paragraph(
            _t("no_threshold", lang, cited=f" ({cited.render(lang)})" if cited is not None else "")
        ),
    ]


def _confidence(result: PollResult, lang: Lang) -> list[Block]:
    policy = result.rules.polls
    rows = tuple(
        (
            str(line.number),
            line.name,
            f"{line.high} ({_share(result, line.high, lang)})",
            f"{line.confidence} ({_share(result, line.confidence, lang)})",
            f"{line.low} ({_share(result, line.low, lang)})",
            str(line.unrated),
        )
        for line in result.lines
    )
    headers = (
        _m("doc.no", lang),
        _m("doc.full_name", lang),
        _t("high", lang),
        _t("confidence", lang),
        _t("low", lang),
        _t("unrated", lang),
    )
    blocks: list[Block] = [
        Paragraph(_t("confidence_table", lang, base=_base_words(result, lang))),
        Table(headers, rows, ("right", "left", "right", "right", "right", "right")),
    ]
    if not result.stands:
        return [*blocks, Paragraph(_t("not_held", lang))]
    share = f"{policy.low_numerator}/{policy.low_denominator}"
    cited = policy.confidence_citation
    cite = f" ({cited.render(lang)})" if cited is not None else ""
    flagged = [line for line in result.lines if line.low_over_share]
    for line in flagged:
        blocks.append(
            Paragraph(
                _t(
                    "low_over",
                    lang,
                    name=line.name,
                    low=line.low,
                    share=share,
                    base=result.base,
                    cited=cite,
                )
            )
        )
    if not flagged:
        blocks.append(Paragraph(_t("none_low", lang, share=share, cited=cite)))
    return blocks


def poll_minutes_document(
    result: PollResult, congress: Congress | None = None, lang: Lang = "vi"
) -> Document:
    """The poll's minutes as a document on pages of their own."""
    return Document(tuple(poll_minutes_blocks(result, congress, lang)), "", lang)


@checked
def render_poll_minutes(
    result: PollResult, congress: Congress | None = None, lang: Lang = "vi", fmt: Format = "text"
) -> str:
    """The poll's minutes as plain text or Markdown."""
    return render(poll_minutes_blocks(result, congress, lang), fmt)
